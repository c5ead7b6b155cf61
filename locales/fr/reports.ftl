# reports: messages of the reports screens and commands.
rule-backup_other_centre = Cette sauvegarde appartient à un autre centre : elle ne peut pas remplacer celui-ci.
