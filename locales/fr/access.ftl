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

# The audit trail in words (ui/audit_words.rs): actions, kinds of record,
# and summaries stored in no language (a message name and its arguments).
audit-action-init = Installation
audit-action-login = Connexion
audit-action-login_failed = Accès refusé
audit-action-logout = Déconnexion
audit-action-lock = Verrouillage
audit-action-view_case = Consultation
audit-action-reveal_name = Nom affiché
audit-action-create = Création
audit-action-update = Modification
audit-action-delete = Suppression
audit-action-erase = Effacement
audit-action-export = Export
audit-action-import = Import
audit-action-report = Rapport
audit-action-backup = Sauvegarde
audit-action-restore = Restauration
audit-action-user_add = Nouvel util.
audit-action-user_change = Modif. util.
audit-entity-case = Dossier
audit-entity-case_file = Fiche privée
audit-entity-pickup = Accueil
audit-entity-room = Chambre
audit-entity-bed = Lit
audit-entity-stay = Séjour
audit-entity-reservation = Réservation
audit-entity-night_check = Appel de nuit
audit-entity-service = Service
audit-entity-organisation = Organisme
audit-entity-medical_note = Note médicale
audit-entity-note = Note
audit-entity-referral = Orientation
audit-entity-travel = Voyage
audit-entity-consent = Consentement
audit-entity-user = Utilisateur
audit-entity-centre = Centre
audit-entity-report = Rapport
audit-entity-export = Export
audit-entity-import = Import
audit-entity-demo = Démo
audit-entity-sync = Synchro
audit-entity-sync_bundle = Paquet synchro
audit-entity-hub = Hub
audit-entity-conflict = Conflit
audit-entity-witness = Témoin
audit-entity-roster = Registre
audit-entity-installation = Installation
audit-report-screen = À l’écran
audit-report-text = Texte
audit-report-csv = CSV
audit-report-xlsx = XLSX
audit-said-case-created = Nouveau dossier et liste des services
audit-said-case-reopened = Dossier rouvert, motif dans une note
audit-said-walk-in = Arrivée spontanée, accueillie à l’entrée
audit-said-rooms-setup = Chambres configurées
audit-said-reservation-released = Réservation levée
audit-said-pickup-status = Statut : { $status }
audit-said-service-step = { $service } : { $from } → { $to }
audit-said-service-saved = { $service } : { $status }
audit-said-check-in = Arrivée au lit
audit-said-check-in-override = Arrivée au lit, autre aile : { $wing }
audit-said-transfer = Changement de lit
audit-said-transfer-override = Changement de lit, autre aile : { $wing }
audit-said-check-out = Départ : { $reason }
audit-said-roll-call = Appel de nuit du { $night } : { $marks } pointages, { $absent } absent(s), { $unknown } inconnu(s)
audit-said-demo-data = Données de démo : { $count } { $what ->
        [cases] dossiers
        [rooms] chambres
        [beds] lits
        [organisations] organismes
        [stays] séjours
        [pickups] accueils
        [reservations] réservations
       *[other] { $what }
    }
audit-said-report = { $how } : { $from } – { $to }
audit-said-login = En tant que { $role }
audit-said-centre-created = Centre { $code }
audit-said-user-role = { $user } : { $role }
audit-said-user-disabled = { $user } : désactivé
audit-said-referral = { $direction } : { $status }
audit-said-referral-override = { $direction } : { $status }, envoyée sans consentement sur décision d’un(e) responsable
audit-said-consent = { $purpose } : { $state } ; orientations révoquées : { $revoked }
audit-consent-given = donné
audit-consent-refused = refusé
audit-consent-withdrawn = retiré
audit-said-travel-planned = { $kind } : prévu
audit-said-travel-completed = { $kind } : effectué
audit-said-travel-completed-done = { $kind } : effectué ; fait : { $done }
