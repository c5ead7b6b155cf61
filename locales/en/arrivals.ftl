# arrivals: messages of the arrivals screens and commands.
