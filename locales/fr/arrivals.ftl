# arrivals: messages of the arrivals screens and commands.

## Hint bar (short labels next to the keys)

hint-go_arrivals = Arrivées
hint-pickup_met = Accueilli
hint-pickup_new = Nouvel accueil
hint-pickup_edit = Modifier
hint-pickup_no_show = Absent
hint-pickup_delayed = Retard
hint-pickup_cancelled = Annuler
hint-pickup_at_centre = Au centre
hint-walk_in = Sans rendez-vous
hint-view_today = Aujourd'hui
hint-view_tomorrow = Demain
hint-view_week = Semaine
hint-view_open = En cours

## The board

arrivals-view-today = Aujourd'hui, { $date }
arrivals-view-tomorrow = Demain, { $date }
arrivals-view-day = { $date }
arrivals-view-week = { $from } – { $to }
arrivals-view-open = Tous les accueils en cours
arrivals-overdue-count = { $count ->
    [one] { $count } en retard
   *[other] { $count } en retard
}
arrivals-empty = Aucun accueil. { $new } : nouvel accueil · { $walkin } : arrivée sans rendez-vous
arrivals-col-date = Date
arrivals-col-time = Heure
arrivals-col-expected = Prévu
arrivals-col-flight = Vol
arrivals-col-origin = De
arrivals-col-place = Où
arrivals-col-alias = Pseudonyme
arrivals-col-case = Dossier
arrivals-col-escort = Accueilli par
arrivals-col-needs = Besoins
arrivals-col-status = État
arrivals-short-scheduled = Prévu
arrivals-short-delayed = Retard
arrivals-short-met = Accueilli
arrivals-short-no_show = Absent
arrivals-short-cancelled = Annulé
arrivals-short-at_centre = Au centre
arrivals-marker-wheelchair = FR
arrivals-marker-medical = MÉD
arrivals-marker-minor = <18
arrivals-detail-scheduled = prévu
arrivals-detail-estimated = attendu
arrivals-detail-met = accueilli
arrivals-detail-meeting-point = Point de rencontre
arrivals-detail-recognition = Signes distinctifs
arrivals-detail-escort = Accueilli par
arrivals-detail-needs = Besoins
arrivals-detail-history = Historique
arrivals-need-wheelchair = fauteuil roulant
arrivals-need-medical = soins médicaux
arrivals-need-minor = mineur
arrivals-need-interpreter = interprète ({ $language })

## Actions from the board

arrivals-nothing-selected = Aucun accueil sélectionné.
arrivals-error-transition = Cet accueil est « { $status } » : ce changement ne s'applique pas.
arrivals-error-meet-first = Cet accueil est « { $status } » : indiquez d'abord que la personne est accueillie.
arrivals-error-no-case = Aucun dossier n'est lié à cet accueil : liez-en un d'abord (Modifier).
arrivals-done-met = Accueilli : { $who } à { $time }.
arrivals-done-no-show = { $flight } : absence enregistrée.
arrivals-done-cancelled = { $flight } : accueil annulé.
arrivals-done-delayed = { $flight } : attendu désormais { $time }.
arrivals-done-at-centre = Arrivé au centre. Attribuez un lit sur le tableau des lits (F3).
arrivals-case-file-not-ready = L'écran du dossier n'est pas encore disponible.
arrivals-beds-not-ready = Aucun lit ne peut être proposé d'ici : voyez le tableau des lits (F3).
arrivals-prompt-met-title = Indiquer l'accueil
arrivals-prompt-met-question = Cet accueil est prévu un autre jour. Indiquer que la personne est accueillie maintenant ?
arrivals-prompt-yes-no = o / Entrée : oui · n / Échap : non
arrivals-prompt-no-show-title = Absence
arrivals-prompt-cancel-title = Annuler l'accueil
arrivals-prompt-delay-title = Vol en retard
arrivals-prompt-reason = Motif
arrivals-prompt-estimate = Attendu à
arrivals-prompt-enter-esc = Entrée : enregistrer · Échap : fermer
arrivals-prompt-reason-needed = Indiquez ce que l'on sait (par ex. absent de la liste des passagers).
arrivals-prompt-estimate-format = Saisissez une heure (07:40) ou une date et une heure (demain 06:10).
arrivals-prompt-estimate-early = L'heure attendue précède l'heure prévue.

## The pickup form

arrivals-form-new-title = Nouvel accueil
arrivals-form-edit-title = Modifier l'accueil
arrivals-field-flight = Vol
arrivals-field-origin = Provenance (ville ou aéroport)
arrivals-field-airport = Aéroport d'arrivée
arrivals-field-terminal = Terminal
arrivals-field-scheduled = Arrivée prévue
arrivals-field-meeting-point = Point de rencontre
arrivals-field-escort = Accueilli par (équipe)
arrivals-field-recognition = Signes distinctifs, mot de code
arrivals-field-needs = Besoins
arrivals-field-interpreter = Interprète en
arrivals-field-case = Dossier existant
arrivals-field-new-alias = ou nouvelle personne : pseudonyme
arrivals-field-alias = Pseudonyme
arrivals-field-gender = Genre
arrivals-field-age-group = Tranche d'âge
arrivals-field-date-of-birth = Date de naissance
arrivals-field-languages = Langues
arrivals-field-mrz = Bande lisible du passeport (MRZ)
arrivals-field-place = Où
arrivals-age-minor = Mineur (moins de 18 ans)
arrivals-age-adult = Adulte
arrivals-age-unknown = Inconnu
arrivals-error-terminal-missing = Choisissez le terminal de cet aéroport.
arrivals-error-terminal-not-at-airport = Cet aéroport n'a pas ce terminal.
arrivals-error-terminal-none = Cet aéroport n'a qu'un hall d'arrivée : laissez le terminal vide.
arrivals-error-case-or-new = Choisissez un dossier existant ou décrivez une nouvelle personne, pas les deux.
arrivals-error-alias-needed = Une nouvelle personne a besoin d'un pseudonyme.
arrivals-error-birth-future = Une date de naissance ne peut pas être dans le futur.
arrivals-error-birth-differs = Diffère de la date de naissance de la bande lisible.
arrivals-warn-past = Cette heure est déjà passée. Appuyez de nouveau sur Ctrl-S pour enregistrer quand même.
arrivals-saved = Accueil enregistré : { $flight }, { $when }.
arrivals-case-created = Nouveau dossier { $code }.

## Passport / ID zone

arrivals-mrz-lines = La bande d'un passeport a 2 lignes de 44 caractères ; celle d'une carte d'identité 3 lignes de 30.
arrivals-mrz-length-passport = Chaque ligne de la bande d'un passeport a 44 caractères : vérifiez les signes < manquants.
arrivals-mrz-length-id-card = Chaque ligne de la bande d'une carte d'identité a 30 caractères : vérifiez les signes < manquants.
arrivals-mrz-character = La bande ne contient que A–Z, 0–9 et <.
arrivals-mrz-document-code = Ni passeport ni carte d'identité (un visa ou un autre document ?).
arrivals-mrz-sex = Le sexe dans la bande doit être F, M, X ou <.
arrivals-mrz-check-document_number = Le chiffre de contrôle du numéro de document ne correspond pas : ressaisissez ou rescannez.
arrivals-mrz-check-date_of_birth = Le chiffre de contrôle de la date de naissance ne correspond pas : ressaisissez ou rescannez.
arrivals-mrz-check-expiry = Le chiffre de contrôle de la date d'expiration ne correspond pas : ressaisissez ou rescannez.
arrivals-mrz-check-optional_data = Le chiffre de contrôle du numéro personnel ne correspond pas : ressaisissez ou rescannez.
arrivals-mrz-check-composite = Le chiffre de contrôle global ne correspond pas : ressaisissez ou rescannez.
arrivals-mrz-date-date_of_birth = La date de naissance de la bande n'existe pas.
arrivals-mrz-date-expiry = La date d'expiration de la bande n'existe pas.

## Possible duplicate

arrivals-duplicate-title = Doublon possible
arrivals-duplicate-found = Cette personne a peut-être déjà un dossier : répondez à la question.
arrivals-duplicate-question = Le centre connaît peut-être déjà cette personne. Est-ce la même personne ?
arrivals-duplicate-name_and_birth = même nom et même date de naissance
arrivals-duplicate-alias_gender_age = même pseudonyme, genre et tranche d'âge
arrivals-duplicate-same = Même personne : utiliser ce dossier
arrivals-duplicate-different = Nouveau dossier
arrivals-duplicate-back = Retour

## Walk-in

arrivals-walk-in-title = Arrivée sans rendez-vous
arrivals-walk-in-saved = Arrivée sans rendez-vous enregistrée : { $code }, accueillie à { $place }.

## Refusals from the store

rule-pickup_transition = Cet accueil a été modifié entre-temps : regardez de nouveau le tableau.
rule-pickup_no_case = Liez d'abord un dossier à cet accueil.
rule-pickup_reason_needed = Indiquez un motif.
rule-arrivals_need_scan = La liste des services de ce dossier est introuvable ; réessayez.

## Corriger un statut erroné

hint-pickup_undo = Annuler
action-pickup_undo = Annuler le dernier changement de statut
arrivals-prompt-undo-title = Corriger le statut
arrivals-prompt-undo-question = Annuler « { $status } » et revenir à « { $back } » ? (o/n)
arrivals-done-undone = Corrigé : « { $status } » annulé, retour à « { $back } ».
rule-pickup_nothing_to_undo = Cet accueil n’a aucun changement de statut à annuler.
rule-pickup_correction_once = Cet accueil a déjà été corrigé une fois : un(e) responsable ou un(e) chargé(e) de dossier peut revenir plus loin.

## Doublons par document

arrivals-document-twice = Ce numéro de document figure déjà dans ce dossier : modifiez ce document au lieu d’en ajouter une copie.
arrivals-document-elsewhere = Ce numéro de document figure aussi dans { $cases } : vérifiez qu’il s’agit de la même personne. Appuyez de nouveau sur Ctrl-S pour l’enregistrer quand même.
arrivals-duplicate-same_document = même numéro de document

## Arrivées qui ne sont pas des vols

arrivals-field-flight-or-transport = Vol ou transport
arrivals-error-flight-or-transport = Vol (SU 2101), train, autocar, voiture, à pied, ?
arrivals-by-flight = Vol
arrivals-by-train = Train
arrivals-by-bus = Autocar
arrivals-by-car = Voiture
arrivals-by-on_foot = À pied
arrivals-by-unknown = Inconnu

## Aperçu d’une zone de lecture avant qu’elle n’écrive

arrivals-zone-preview = La zone remplira (≠ diffère du dossier ; les noms et la date de naissance du dossier sont conservés) :
arrivals-zone-name = Nom
arrivals-zone-birth = Date de naissance
arrivals-zone-sex = Sexe
arrivals-zone-nationality = Nationalité
arrivals-zone-number = Numéro
arrivals-zone-expiry = Expire le
arrivals-zone-kind = Document
arrivals-zone-differs = ≠ { $field } : { $value } (actuellement : { $was })
arrivals-zone-again = Vérifiez, puis appuyez de nouveau sur Ctrl-S pour enregistrer.

## Bande du passeport à l'arrivée (accueil : scellée pour le référent)

arrivals-field-gate-zone = Bande du passeport (scellée)
arrivals-field-gate-zone-not-yet = Bande du passeport : pas encore disponible
arrivals-gate-zone-read-passport = Bande du passeport scellée : un passeport, chiffres de contrôle valides.
arrivals-gate-zone-read-id-card = Bande du passeport scellée : une carte d'identité, chiffres de contrôle valides.
arrivals-gate-zone-not-kept = La bande du passeport n'a pas été gardée ({ $error }) : remettez le passeport au référent.
arrivals-gate-zone-needs-person = Une bande de passeport va avec un dossier : choisissez le dossier ou saisissez la nouvelle personne.
