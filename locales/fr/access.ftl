# access: messages of the access screens and commands.
dash-past-retention = { $count ->
    [one] { $count } dossier clos au-delà de la durée de conservation
   *[other] { $count } dossiers clos au-delà de la durée de conservation
}
rule-erase_open_case = Seul un dossier clos peut être effacé : clôturez-le d’abord.
rule-passphrase_short = La phrase secrète est trop courte : 12 caractères au moins.
