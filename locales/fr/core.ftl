# Haven — français. Chaque identifiant existe en en, ru et fr (vérifié par tests/i18n.rs).

app-title = Haven

## Écrans et barre d’aide

screen-login = Connexion
screen-dashboard = Tableau de bord
screen-arrivals = Arrivées
screen-beds = Lits
screen-night = Appel de nuit
screen-cases = Dossiers
screen-case_file = Dossier
screen-reports = Rapports
screen-help = Aide
screen-admin = Administration
hint-help = Aide
hint-arrivals = Arrivées
hint-beds = Lits
hint-cases = Dossiers
hint-night = Nuit
hint-reports = Rapports
hint-quit = Quitter
hint-lock = Verrou
hint-back = Retour
hint-save = Enregistrer
hint-search = Chercher
hint-more = Autres touches : { $key }

## Connexion et verrouillage

login-title = Connexion à Haven
login-username = Nom d’utilisateur
login-passphrase = Phrase secrète
login-submit = Se connecter
login-failed = Nom d’utilisateur ou phrase secrète incorrects
login-throttled = Trop de tentatives : attendez { $seconds } s
lock-title = Écran verrouillé
lock-hint = Saisissez votre phrase secrète pour déverrouiller

## Ligne d’état

status-saved = Enregistré
status-saving = Enregistrement…
confirm-discard = Abandonner les modifications non enregistrées ?
confirm-yes = Oui
confirm-no = Non
terminal-too-small = Agrandissez la fenêtre à au moins 80×24

## Lits

beds-free = { $count ->
    [one] { $count } lit libre
   *[other] { $count } lits libres
}

## Services (src/domain/service.rs), d’après le programme du centre

service-airport_reception = Accueil à l’aéroport
service-temporary_housing = Logement temporaire
service-medical_care = Soins médicaux
service-psychological_support = Soutien psychologique
service-social_support = Soutien social
service-legal_support = Soutien juridique
service-domestic_transport = Transport vers la destination finale dans le pays
service-repatriation = Rapatriement
service-travel_medical_escort = Assistance médicale durant le voyage
service-reintegration_grant = Aide financière à la réinstallation et à la réintégration
service-ngo_referral = Orientation vers une ONG locale
service-reintegration_counselling = Conseils et formations pour la réintégration

service-status-not_assessed = Non évalué
service-status-needed = Nécessaire
service-status-planned = Prévu
service-status-in_progress = En cours
service-status-done = Fait
service-status-declined = Refusé
service-status-not_applicable = Sans objet

## Dossiers

case-status-expected = Attendu(e)
case-status-arrived = Arrivé(e)
case-status-in_residence = Hébergé(e) au centre
case-status-departed = Parti(e)
case-status-closed = Clôturé
case-status-closed_referred = Clôturé avec orientation

gender-feminine = Féminin
gender-masculine = Masculin
gender-transgender_feminine = Transgenre féminin
gender-transgender_masculine = Transgenre masculin
gender-non_conforming = Non conforme au genre
gender-non_specified_unknown = Non précisé ou inconnu

## Rôles, ailes, accueils

role-reception = Accueil
role-night = Équipe de nuit
role-case_worker = Chargé(e) de dossier
role-manager = Responsable

wing-women = Femmes
wing-men = Hommes
wing-family = Familles
wing-minors = Mineurs
wing-any = Indifférent

pickup-status-scheduled = Prévu
pickup-status-delayed = Retardé
pickup-status-met = Accueilli(e)
pickup-status-no_show = Non présenté(e)
pickup-status-cancelled = Annulé
pickup-status-at_centre = Au centre

## Erreurs de la ligne de commande

error-auth-failed = Nom d’utilisateur ou phrase secrète incorrects.
error-vault-damaged = L’en-tête du coffre est endommagé. Restaurez-le depuis une sauvegarde.
error-kdf-forged = L’en-tête du coffre demande des paramètres de dérivation de clé impossibles ; il a peut-être été falsifié.
error-not-a-centre = { $path } n’est pas un centre Haven.
error-already-running = Haven est déjà ouvert sur { $path }. Fermez d’abord l’autre fenêtre.
error-disk-full = Le disque est plein : rien n’a été enregistré.
error-closed = Le disque a refusé une écriture : rien n'a été enregistré. Haven rouvre la base dès qu'il le peut (libérez de la place) ; ce qui est à l'écran est conservé.
quit-draft-not-kept = Le formulaire en cours n'a pas pu être conservé : le disque a refusé l'écriture. Libérez de la place puis quittez à nouveau, ou quittez à nouveau maintenant pour partir sans lui.
error-save-failed = L’enregistrement a échoué : rien n’a été enregistré.
error-centre-exists = Un centre existe déjà dans { $path }.
error-passphrase-mismatch = Les phrases secrètes ne correspondent pas.
error-passphrase-too-short = Phrase secrète trop courte : au moins { $min } caractères.
error-permission-denied = Accès refusé : { $path }

## Actions (aide F1), une par Action

action-help = Aide sur cet écran
action-go_arrivals = Aller aux arrivées
action-go_beds = Aller aux lits
action-go_cases = Aller aux dossiers
action-go_night = Aller à l’appel de nuit
action-go_reports = Aller aux rapports
action-go_dashboard = Aller au tableau de bord
action-quit = Quitter
action-lock = Verrouiller l’écran
action-back = Retour
action-close = Fermer
action-confirm_discard = Fermer, en demandant avant d’abandonner les modifications
action-noop = Ne rien faire
action-up = Monter
action-down = Descendre
action-left = Gauche
action-right = Droite
action-page_up = Page précédente
action-page_down = Page suivante
action-home = Premier élément
action-end = Dernier élément
action-next_field = Champ suivant
action-prev_field = Champ précédent
action-open = Ouvrir l’élément choisi
action-confirm = Confirmer
action-save = Enregistrer
action-search = Chercher
action-cancel = Annuler
action-pickup_new = Nouvel accueil
action-pickup_edit = Modifier l’accueil
action-pickup_met = Marquer accueilli(e)
action-pickup_no_show = Marquer non présenté(e)
action-pickup_delayed = Marquer retardé
action-pickup_cancelled = Marquer annulé
action-pickup_at_centre = Marquer arrivé(e) au centre
action-walk_in = Arrivée imprévue
action-open_case = Ouvrir le dossier
action-view_today = Aujourd’hui
action-view_tomorrow = Demain
action-view_week = Cette semaine
action-view_open = Tous les accueils en cours
action-bed_assign = Attribuer un lit
action-bed_transfer = Transférer vers un autre lit
action-bed_checkout = Libérer le lit
action-bed_reserve = Réserver un lit
action-bed_out_of_service = Hors service
action-filter_wing = Filtrer par aile
action-filter_free = Lits libres seulement
action-rooms_setup = Chambres et lits
action-mark_present = Présent(e)
action-mark_absent = Absent(e)
action-mark_on_leave = En permission
action-mark_hospital = À l’hôpital
action-mark_unknown_person = Personne inconnue dans le lit
action-undo_mark = Annuler la dernière marque
action-finish = Terminer
action-reveal_name = Afficher le nom (inscrit au journal d’audit)
action-next_tab = Onglet suivant
action-prev_tab = Onglet précédent
action-service_forward = Service : statut suivant
action-service_done_today = Service : fait aujourd’hui
action-service_not_applicable = Service : sans objet
action-filter_status = Filtrer par statut
action-filter_mine = Mes dossiers seulement
action-case_close = Clôturer le dossier
action-case_reopen = Rouvrir le dossier
action-new = Nouveau
action-edit = Modifier
action-delete = Supprimer
action-export = Exporter
action-period_next = Période suivante
action-period_prev = Période précédente

## Added with the console
error-disabled = Ce compte est désactivé.
error-corrupt = Données endommagées dans { $tree } : lancez `haven check` et restaurez une sauvegarde.
error-database-damaged = Les fichiers de la base sont endommagés : restaurez le centre depuis une sauvegarde.
error-forbidden = Accès refusé : votre rôle ne le permet pas.
error-not-found = Introuvable : { $what }.
error-io = Une erreur de disque a interrompu l’opération ; rien n’a été enregistré.
error-invalid = Saisie invalide : { $what }.
error-not-demo = Ce dossier contient un vrai centre, pas une démo : choisissez un autre dossier avec --data.
rule-last_manager = Le dernier responsable ne peut pas être désactivé.
rule-stale_revision = Quelqu’un d’autre a enregistré cette fiche entre-temps : rouvrez-la et recommencez.
login-demo-accounts = Comptes de démonstration (identifiant, phrase secrète, rôle) :
lock-locked = Écran verrouillé. Connectez-vous pour continuer.
draft-restored = Votre formulaire non enregistré a été conservé : reprenez où vous en étiez.
status-demo = DÉMO
status-lock-in = Verrouillage dans { $seconds } s
dash-arrivals-today = { $count ->
    [one] { $count } arrivée aujourd’hui
   *[other] { $count } arrivées aujourd’hui
}
dash-next-arrival = Prochaine arrivée
dash-no-arrivals = Aucune arrivée prévue
dash-occupancy = Occupés cette nuit : { $occupied } sur { $capacity }
dash-overdue-pickups = { $count ->
    [one] { $count } accueil en retard
   *[other] { $count } accueils en retard
}
dash-overdue-services = { $count ->
    [one] { $count } service prévu en retard
   *[other] { $count } services prévus en retard
}
dash-no-alerts = Aucune alerte
dash-alerts = Alertes
dash-year = Cette année
dash-target = { $count } personnes aidées · objectif : { $target } par an
first-run-title = Nouveau centre
first-run-intro = Aucun centre dans ce dossier. Créez-en un : code du centre, nom, premier responsable et phrase secrète.
first-run-demo = Pour découvrir d’abord, quittez (Ctrl-Q) et lancez : haven demo
first-run-created = Centre créé. Connectez-vous avec le responsable indiqué.
hint-confirm = OK
hint-open = Ouvrir
hint-next_field = Champ suivant
hint-prev_field = Champ précédent
hint-close = Fermer
hint-down = Bas
hint-up = Haut
hint-go_dashboard = Accueil
status-finish-form-first = Enregistrez ou abandonnez d’abord le formulaire ouvert (Ctrl-S ou Échap).
hint-go_beds = Lits
hint-go_cases = Dossiers
hint-go_night = Nuit
hint-go_reports = Rapports
hint-go_audit = Audit
hint-new = Nouveau
hint-edit = Modifier
hint-cancel = Annuler

## Opening

opening-compacting = Compactage de la base après de gros changements (une fois, cela peut prendre une minute)…

## Quitting with a form in progress

quit-question = Quitter ? Le formulaire en cours est gardé comme brouillon et reviendra à votre prochaine connexion.
quit-question-keys = Entrée : garder le brouillon et quitter · Échap : rester
## Secrets and restore (issue 16)

centre-permissions-fixed = { $path } était ouvert aux autres utilisateurs de cet ordinateur ; il est désormais réservé à son propriétaire (dossier 0700, fichiers 0600).
centre-permissions-open = { $path } est ouvert aux autres utilisateurs de cet ordinateur et n’a pas pu être fermé : réservez-le à son propriétaire (chmod -R go-rwx).
restore-replaced-kept = Le centre remplacé est conservé dans { $path } jusqu’à ce qu’un responsable le supprime.
rule-database_without_vault = Ce dossier contient une base de données mais pas d’en-tête de coffre : c’est la moitié d’un centre. Rien n’a été écrit ; restaurez le centre depuis une sauvegarde, ou choisissez un dossier vide.
check-damaged = Données endommagées dans { $tree } : ce centre ne peut pas être vérifié plus avant. Restaurez-le depuis une sauvegarde.
## A damaged database (issue 16)

error-tree-unreadable = La base ne peut pas lire { $tree } au-delà de l’entrée { $after } (une page endommagée) : rien n’a été écrit par-dessus. Restaurez le centre depuis une sauvegarde.
error-database-log-damaged = Le fichier de la base est endommagé à l’octet { $at } : il n’a pas été ouvert, donc rien n’a été écrit par-dessus. Une copie est gardée dans { $path }. Restaurez le centre depuis une sauvegarde.
error-witness-missing = Le témoin du dernier enregistrement (le fichier « head ») manque, et une perte d’enregistrements passerait inaperçue : le centre n’est pas ouvert. Un responsable qui sait pourquoi il manque lance `haven check --accept-missing-witness`.
error-witness-unreadable = Le témoin du dernier enregistrement (le fichier « head ») est vide ou endommagé, et une perte d’enregistrements passerait inaperçue : le centre n’est pas ouvert. Un responsable qui sait pourquoi lance `haven check --accept-missing-witness`.
error-saves-lost = Des enregistrements sont perdus : la base s’arrête à l’événement { $ends } mais { $acknowledged } ont été confirmés. Rien n’a été écrit par-dessus. Restaurez le centre depuis une sauvegarde.
error-saves-lost-kept = Une copie de ce qui a été coupé est gardée dans { $path }.
error-already-running-by = Haven est déjà ouvert sur { $path } (processus { $pid }, depuis { $since }). Fermez d’abord l’autre fenêtre.
error-folder-replaced = Le dossier du centre { $path } a été déplacé ou remplacé pendant que Haven tournait : plus rien n’y est enregistré. Quittez Haven et relancez-le.

action-service_back = Service : statut précédent

# Key names in hints and help (keymap::KeyChord::label; docs/GLOSSARY.md).
key-ctrl = Ctrl
key-alt = Alt
key-shift = Maj
key-space = Espace
key-enter = Entrée
key-esc = Échap
key-tab = Tab
key-backspace = Retour arrière
key-delete = Suppr
key-insert = Inser
key-home = Début
key-end = Fin
key-pageup = Pg préc
key-pagedown = Pg suiv
key-up = Haut
key-down = Bas
key-left = Gauche
key-right = Droite

# The help title names the screen below it; forms and lists too.
screen-global = Partout
screen-form = Formulaire
screen-list = Liste
