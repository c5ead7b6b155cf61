# reports: messages of the reports screens and commands.
rule-backup_other_centre = Эта резервная копия принадлежит другому центру и не может заменить этот.
