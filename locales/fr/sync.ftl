# sync: messages of the sync screens and commands.
