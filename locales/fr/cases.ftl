# cases: messages of the cases screens and commands.
