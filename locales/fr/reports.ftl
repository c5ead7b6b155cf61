# reports: messages of the reports screens and commands.
rule-backup_other_centre = Cette sauvegarde appartient à un autre centre : elle ne peut pas remplacer celui-ci.
dash-backup-never = Aucune sauvegarde vérifiée : lancez `haven backup --out FICHIER`.
dash-backup-old = { $days ->
    [one] Dernière sauvegarde vérifiée il y a { $days } jour
   *[other] Dernière sauvegarde vérifiée il y a { $days } jours
}
