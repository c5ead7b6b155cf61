# form: messages of the form screens and commands.
