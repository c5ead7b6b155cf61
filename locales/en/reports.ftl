# reports: messages of the reports screens and commands.
rule-backup_other_centre = This backup belongs to another centre: it cannot replace this one.
