# sync : messages des écrans et commandes de synchronisation.
action-go_conflicts = Examiner les conflits de synchronisation
hint-go_conflicts = Conflits
screen-conflicts = Conflits de synchronisation
dash-conflicts = { $count ->
    [one] { $count } fiche en conflit de synchronisation (k pour examiner)
   *[other] { $count } fiches en conflit de synchronisation (k pour examiner)
}
conflict-none = Aucun conflit : tous les ordinateurs sont d’accord.
conflict-count = { $count ->
    [one] { $count } fiche en conflit. Entrée l’ouvre.
   *[other] { $count } fiches en conflit. Entrée en ouvre une.
}
conflict-field = Champ « { $field } » ({ $n } sur { $of })
conflict-field-deleted = supprimée sur un ordinateur, modifiée sur un autre
conflict-base = Les deux ont remplacé : { $value } ({ $laptop }, { $user })
conflict-base-unknown = La valeur remplacée par les deux n’est plus conservée.
conflict-help-detail = ←/→ choisir une valeur · Entrée la garde · e en saisit une nouvelle · Échap retour
conflict-new-value = Nouvelle valeur
conflict-value-unfit = Cette valeur ne convient pas à ce champ.
conflict-resolved = Conflit clos ; les autres ordinateurs suivront à leur prochaine synchronisation.
conflict-none-left = Cette fiche n’a plus de conflit.
conflict-kept = conservée (non supprimée)
conflict-deleted = supprimée : { $reason }
sync-status-synced = ⇅ synchronisé à { $time }
sync-status-connecting = ⇅ connexion au serveur…
sync-status-offline = ⇅ hors ligne depuis { $time } : { $why }
sync-status-alarms = { $count ->
    [one] ⇅ { $count } alarme de synchronisation : haven sync --status
   *[other] ⇅ { $count } alarmes de synchronisation : haven sync --status
}
sync-status-heard = { $laptop } entendu à { $time }
sync-status-never-heard = { $laptop } jamais entendu
sync-error-offline = serveur injoignable, le travail continue hors ligne
sync-error-certificate = le certificat du serveur n’est pas celui du centre
sync-error-refused = le serveur refuse cet ordinateur
sync-error-hub = le serveur a signalé une erreur
sync-alarm-unknown_installation = une modification d’un ordinateur que le centre ne connaît pas
sync-alarm-revoked = une modification d’un ordinateur révoqué
sync-alarm-gap = modifications manquantes : le serveur en a perdu ou retenu
sync-alarm-chain_broken = une modification ne suit pas la précédente
sync-alarm-tampered = une modification a été altérée
sync-alarm-bad_signature = une modification n’est pas signée par son ordinateur
sync-alarm-malformed = une modification est tronquée ou illisible
sync-alarm-undecryptable = une modification signée ne s’ouvre pas avec la clé du centre
sync-alarm-fork = deux modifications différentes sous un même numéro : ordinateur restauré ou copié (le réinscrire)
sync-alarm-rollback = le serveur montre moins qu’avant (retour en arrière)
sync-alarm-withheld = le serveur retient des modifications qu’un point de contrôle nomme
sync-alarm-hub_mismatch = une ligne du serveur ne correspond pas à la modification qu’elle contient
sync-alarm-refused = une modification vise une fiche qu’elle ne peut pas viser
sync-alarm-bad_checkpoint = un point de contrôle ou une inscription ne se vérifie pas
sync-tree-case_front = Dossier
sync-tree-case_private = Dossier confidentiel
sync-tree-medical = Note médicale
sync-tree-notes = Note
sync-tree-pickups = Accueil à l’aéroport
sync-tree-rooms = Chambre
sync-tree-beds = Lit
sync-tree-stays = Séjour
sync-tree-reservations = Réservation
sync-tree-night_checks = Appel de nuit
sync-tree-services = Service
sync-tree-referrals = Orientation
sync-tree-organisations = Organisation
sync-tree-travel = Voyage
sync-tree-consents = Consentement
sync-tree-users = Utilisateur
sync-tree-stats = Statistiques
rule-sync_value_unfit = Cette valeur ne convient pas à ce champ.
rule-sync_wrong_key = Une modification vise une autre fiche que la sienne.
rule-sync_wrong_class = Une modification est scellée sous la mauvaise clé.
rule-sync_unknown_record = Une modification vise un type de fiche inconnu de cette version.
rule-sync_malformed = Une modification est mal formée.
rule-sync_case_key_differs = Deux ordinateurs ont des clés différentes pour un même dossier.
rule-sync_no_roster_key = Seul un responsable détenant la clé d’inscription du centre peut faire cela.
rule-sync_device_ambiguous = Plusieurs ordinateurs correspondent : donnez plus de chiffres de l’identifiant.
rule-sync_revoke_self = Un ordinateur ne peut pas se révoquer lui-même.
# hubflow (issue 18 §4): what went wrong with the hub, in plain words.
sync-error-password = le serveur refuse le mot de passe de cet ordinateur (son opérateur l’a changé, ou le rôle de cet ordinateur y est inconnu) : relancez haven hub init
sync-error-login = le serveur ne laisse pas cet ordinateur se connecter (son rôle est désactivé ou les règles d’accès du serveur le refusent)
sync-error-database = le serveur n’a pas de base de données du nom donné à cet ordinateur : vérifiez l’URL
sync-error-busy = le serveur est saturé, démarre ou s’arrête : la prochaine synchronisation réessaiera
sync-error-local = cet ordinateur n’a pas pu préparer son envoi : rien n’a atteint le serveur
sync-error-certificate-expired = le certificat du serveur n’est pas dans sa période de validité (expiré ou pas encore valide)
sync-error-certificate-name = le certificat du serveur est établi pour un autre nom que celui de l’URL
sync-alarm-hub_altered = le serveur a modifié une des modifications faites par cet ordinateur
sync-hub-not-reached = Serveur non joint : { $why } ({ $detail }). Le travail continue hors ligne ; rien n’a été modifié.
sync-unreachable-since = Serveur injoignable depuis le { $time } : { $why }
sync-last-error-detail = Dernière erreur du serveur : { $detail }
sync-alarm-count = { $kind } : { $count } alarme(s) depuis le dernier acquittement
sync-tree-service_details = Détail médical d’un service
