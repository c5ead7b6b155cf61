# access: messages of the access screens and commands.
