# access: messages of the access screens and commands.
dash-past-retention = { $count ->
    [one] { $count } dossier clos au-delà de la durée de conservation
   *[other] { $count } dossiers clos au-delà de la durée de conservation
}
rule-erase_open_case = Seul un dossier clos peut être effacé : clôturez-le d’abord.
rule-passphrase_short = La phrase secrète est trop courte : 12 caractères au moins.
action-go_audit = Consulter le journal d’audit
screen-audit = Journal d’audit
audit-filter = Filtre
audit-filter-help = / pour filtrer : mots, ou user:NOM case:CODE action:NOM from:DATE to:DATE
audit-count = { $shown } sur { $total } événements
audit-col-when = Quand
audit-col-user = Utilisateur
audit-col-action = Action
audit-col-entity = Fiche
audit-col-case = Dossier
audit-col-summary = Résumé
audit-head = Tête de la chaîne : { $head }
audit-broken = La chaîne est rompue à l’événement { $seq } : lancez `haven check`.
