# beds: messages of the beds screens and commands.
