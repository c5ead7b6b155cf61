# reports: messages of the reports screens and commands.
rule-backup_other_centre = This backup belongs to another centre: it cannot replace this one.
dash-backup-never = No verified backup yet: run `haven backup --out FILE`.
dash-backup-old = { $days ->
    [one] Last verified backup { $days } day ago
   *[other] Last verified backup { $days } days ago
}
