# reports: messages of the reports screens and commands.
