# cases: messages of the cases screens and commands.

## Actions et raccourcis

action-organisations = Annuaire des organisations
action-travel_complete = Voyage terminé aujourd’hui
hint-organisations = Annuaire
hint-travel_complete = Terminé
hint-reveal_name = Voir le nom
hint-service_forward = Étape suivante
hint-service_done_today = Fait
hint-service_not_applicable = Sans objet
hint-filter_status = Statut
hint-filter_mine = Les miens
hint-case_close = Clore
hint-case_reopen = Rouvrir
hint-next_tab = Onglet

## La liste des dossiers

cases-filter = Affichés
cases-filter-active = dossiers en cours
cases-filter-closed = dossiers clos
cases-filter-all = tous les dossiers
cases-filter-mine = mes dossiers
cases-count = { $count ->
    [one] { $count } dossier
   *[other] { $count } dossiers
}
cases-found = { $count ->
    [one] { $count } trouvé
   *[other] { $count } trouvés
}
cases-hidden-by-filter = { $count ->
    [one] { $count } autre masqué par les filtres
   *[other] { $count } autres masqués par les filtres
}
cases-col-code = Code
cases-col-alias = Pseudonyme
cases-col-status = Statut
cases-col-gender = Sexe
cases-col-age = Âge
cases-col-arrived = Arrivée
cases-col-bed = Lit
cases-col-services = Ouv.
cases-col-match = Trouvé par
cases-match-code = code
cases-match-alias = pseudonyme
cases-match-document = document
cases-match-name = nom
cases-gender-short-feminine = F
cases-gender-short-masculine = M
cases-gender-short-transgender_feminine = TF
cases-gender-short-transgender_masculine = TM
cases-gender-short-non_conforming = NC
cases-gender-short-non_specified_unknown = ?
cases-empty = Aucun dossier ici. s change le filtre, n crée un dossier.
cases-loading = Lecture des dossiers…
cases-no-match = Aucun dossier ne correspond.
cases-nothing-to-search = Rien à chercher : tapez des lettres ou des chiffres.
cases-search-unavailable = La recherche est indisponible : fermez et rouvrez la liste des dossiers.
cases-legal-name = Nom à l’état civil
cases-no-name = aucun nom enregistré
cases-new-case-label = (nouveau dossier)
cases-created = Dossier { $code } créé.

## Le dossier

cases-tab-profile = Profil
cases-tab-stay = Séjour
cases-tab-services = Services
cases-tab-referrals = Orientations
cases-tab-travel = Voyages
cases-tab-consent = Consentements
cases-tab-notes = Notes
cases-tab-history = Historique
cases-bed = lit
cases-high-risk = risque élevé : ne jamais confirmer la présence
cases-name-hidden = masqué : { $key } l’affiche (enregistré)
cases-name-hidden-hint = Nom masqué : { $key } l’affiche (enregistré dans le journal d’audit)
cases-name-not-for-role = Nom et dossier : non accessibles à votre rôle
cases-case-part-hidden = Le reste du dossier est réservé aux chargé(e)s de dossier et aux responsables.
cases-section-case = Dossier
cases-section-identity = Identité
cases-section-documents = Documents
cases-section-contacts = Contacts
cases-section-trafficking = Profil de traite
cases-section-incoming = Orientation reçue
cases-section-stays = Séjours
cases-section-referrals = Orientations
cases-section-consent = Consentements
cases-section-travel = Voyages
cases-section-notes = Notes
cases-nothing-recorded = Rien d’enregistré : Entrée pour remplir.
cases-add-document = Ajouter un document
cases-add-contact = Ajouter un contact
cases-expires = expire le
cases-expired = expiré
cases-no-incoming = Aucune orientation reçue : Entrée pour indiquer qui a orienté la personne.
cases-no-stay = Aucun séjour. Les lits s’attribuent sur le tableau des lits (F3).
cases-stay-open = en cours
cases-stay-ended = terminé
cases-stay-on-bed-board = Les séjours se modifient sur le tableau des lits (F3).
cases-room = chambre
cases-from = du
cases-until = au
cases-expected-until = prévu jusqu’au
cases-no-services = Ce dossier n’a pas de liste de services.
cases-col-service = Service
cases-col-planned = Prévu
cases-col-done = Fait
cases-col-provider = Prestataire
cases-col-note = Note
cases-provider-internal = Le centre
cases-overdue = en retard
cases-choose-service = Choisissez d’abord un service de la liste.
cases-service-now = { $service } : { $status }.
cases-no-referrals = Aucune orientation : n pour en créer une.
cases-override = Envoyée sans consentement sur décision d’un responsable
cases-referral-uncovered = Aucun consentement ne couvre plus cette orientation.
cases-no-consent = Aucun consentement enregistré : n pour en enregistrer un.
cases-consent-given = donné
cases-consent-refused = refusé
cases-consent-withdrawn = retiré
cases-recorded-by = enregistré par
cases-no-travel = Aucun voyage prévu : n pour en prévoir un.
cases-travel-planned = prévu
cases-travel-completed = terminé
cases-documents-at-risk = Les documents de voyage ne sont pas prêts et le départ est dans moins d’une semaine.
cases-medical-escort-note = Un soignant accompagne : l’assistance médicale pendant le voyage sera marquée faite à la fin.
cases-choose-journey = Choisissez d’abord un voyage.
cases-travel-completed-status = { $count ->
    [one] Voyage terminé ; { $count } service marqué fait.
   *[other] Voyage terminé ; { $count } services marqués faits.
}
cases-no-notes = Aucune note : n pour en écrire une.
cases-note-more = suite : Entrée affiche toute la note
cases-medical-hidden = Les notes médicales et psychologiques sont réservées aux chargé(e)s de dossier et aux responsables.
cases-no-history = Aucun historique.
cases-col-field = Champ
cases-col-before = Avant
cases-col-after = Après
cases-version-created = créé
cases-version-deleted = supprimé
cases-version-revision = version { $revision }
cases-subject-case = Dossier
cases-subject-file = Dossier confidentiel
cases-subject-service = Service
cases-subject-stay = Séjour
cases-subject-referral = Orientation
cases-subject-consent = Consentement
cases-subject-travel = Voyage
cases-subject-note = Note
cases-subject-medical = Note médicale
cases-cannot-delete = Impossible de supprimer : changez plutôt son statut.
cases-removed = Supprimé. La version précédente reste dans l’historique.
cases-saved = Enregistré.
cases-note-saved = Note enregistrée.
cases-referral-saved = Orientation enregistrée.
cases-referral-saved-override = Orientation enregistrée sans consentement, sur votre décision (enregistrée).
cases-consent-saved = Consentement enregistré.
cases-consent-saved-revoked = { $count ->
    [one] Consentement enregistré ; { $count } orientation qu’il couvrait est révoquée.
   *[other] Consentement enregistré ; { $count } orientations qu’il couvrait sont révoquées.
}
cases-closed-status = Dossier clos : { $status }.
cases-reopened-status = Dossier rouvert : { $status }.

## Champs des formulaires

cases-field-case = Dossier
cases-field-code = Code
cases-field-alias = Pseudonyme
cases-field-status = Statut
cases-field-gender = Genre
cases-field-age = Âge
cases-field-age-group = Tranche d’âge
cases-field-date-of-birth = Date de naissance
cases-field-estimated-age = Âge estimé (ans)
cases-field-languages = Langues
cases-field-interpreter = Interprète nécessaire
cases-field-special-needs = Besoins particuliers
cases-field-arrived = Arrivée le
cases-field-worker = Chargé(e) de dossier
cases-field-high-risk = Risque élevé
cases-field-family-name = Nom
cases-field-given-names = Prénoms
cases-field-patronymic = Patronyme
cases-field-citizenship = Nationalité
cases-field-citizenship2 = Seconde nationalité
cases-field-origin = Lieu d’origine
cases-field-file-notes = Autres notes
cases-field-closed = Clos le
cases-field-outcome = Issue
cases-field-mrz = Bande lisible par machine (facultatif)
cases-field-doc-kind = Document
cases-field-doc-number = Numéro
cases-field-issuing-country = Délivré par
cases-field-issued = Délivré le
cases-field-expires = Expire le
cases-field-doc-location = Où il se trouve
cases-field-contact-kind = Type
cases-field-contact-value = Numéro ou adresse
cases-field-note = Note
cases-field-trafficking-status = Statut d’identification
cases-field-decided-by = Décidé par
cases-field-exploitation = Formes d’exploitation
cases-field-control = Moyens de contrôle
cases-field-relation = Lien avec le recruteur
cases-field-recruitment = Recrutement
cases-field-exploitation-country = Pays d’exploitation
cases-field-exploitation-country2 = Autre pays d’exploitation
cases-field-from = De
cases-field-org-type = Type
cases-field-date = Date
cases-field-reason = Motif
cases-field-service = Service
cases-field-planned = Prévu le
cases-field-done = Fait le
cases-field-provider = Prestataire
cases-field-amount = Montant
cases-field-direction = Sens
cases-field-organisation = Organisation
cases-field-services = Services demandés
cases-field-follow-up = Relancer le
cases-field-override = Motif sans consentement (responsables)
cases-field-purpose = Objet
cases-field-given = Consentement donné
cases-field-withdrawn = Retiré le
cases-field-travel-kind = Voyage
cases-field-destination = Région et ville
cases-field-country = Pays
cases-field-travel-mode = Moyen
cases-field-travel-date = Date
cases-field-ticket = Billet
cases-field-escort = Accompagnement
cases-field-documents-ready = Documents prêts
cases-field-completed = Terminé le
cases-field-note-kind = Type
cases-field-reopen-reason = Pourquoi le dossier est rouvert
cases-field-org-name = Nom
cases-field-city = Ville
cases-field-org-contact = Contact
cases-field-services-offered = Services proposés
cases-form-new-case = Nouveau dossier
cases-form-front = Informations du dossier
cases-form-identity = Identité
cases-form-document = Document
cases-form-contact = Contact
cases-form-trafficking = Profil de traite
cases-form-service = Service
cases-form-referral = Orientation
cases-form-consent = Consentement
cases-form-travel = Voyage
cases-form-note = Note
cases-form-close = Clore le dossier
cases-form-reopen = Rouvrir le dossier
cases-form-organisation-new = Nouvelle organisation
cases-form-organisation-edit = Organisation
cases-error-future = Cette date est dans le futur.
cases-error-arrival-before-birth = Arrivée avant la date de naissance.
cases-error-email = Ce n’est pas une adresse e-mail.
cases-mrz-shape = Une bande a deux lignes de 44 caractères (passeport) ou trois de 30 (carte d’identité).
cases-mrz-character = Une bande ne contient que A–Z, 0–9 et <.
cases-mrz-document-code = Ce n’est pas la bande d’un passeport ou d’une carte d’identité.
cases-mrz-check-number = Le numéro du document ne correspond pas à son chiffre de contrôle : retapez-le.
cases-mrz-check-birth = La date de naissance ne correspond pas à son chiffre de contrôle : retapez-la.
cases-mrz-check-expiry = La date d’expiration ne correspond pas à son chiffre de contrôle : retapez-la.
cases-mrz-check-optional = Le numéro personnel ne correspond pas à son chiffre de contrôle : retapez-le.
cases-mrz-check-composite = Le dernier chiffre de contrôle ne correspond pas : retapez la deuxième ligne.
cases-mrz-date = Une date de la bande n’existe pas.
cases-mrz-sex = Le sexe doit être F, M, X ou <.

## Noms des champs dans l’historique

cases-hfield-alias = Pseudonyme
cases-hfield-status = Statut
cases-hfield-gender = Genre
cases-hfield-age = Âge
cases-hfield-age_group = Tranche d’âge
cases-hfield-languages = Langues
cases-hfield-interpreter_needed = Interprète
cases-hfield-special_needs = Besoins particuliers
cases-hfield-high_risk = Risque élevé
cases-hfield-arrived_on = Arrivée le
cases-hfield-worker = Chargé(e) de dossier
cases-hfield-family_name = Nom
cases-hfield-given_names = Prénoms
cases-hfield-patronymic = Patronyme
cases-hfield-latin = Forme latine
cases-hfield-date_of_birth = Date de naissance
cases-hfield-citizenship = Nationalité
cases-hfield-place_of_origin = Lieu d’origine
cases-hfield-documents = Documents
cases-hfield-contacts = Contacts
cases-hfield-trafficking = Profil de traite
cases-hfield-incoming_referral = Orientation reçue
cases-hfield-closing = Clôture
cases-hfield-notes = Notes
cases-hfield-planned_on = Prévu le
cases-hfield-done_on = Fait le
cases-hfield-provider = Prestataire
cases-hfield-amount = Montant
cases-hfield-note = Note
cases-hfield-direction = Sens
cases-hfield-organisation = Organisation
cases-hfield-date = Date
cases-hfield-reason = Motif
cases-hfield-services = Services
cases-hfield-follow_up = Relancer le
cases-hfield-consent = Consentement
cases-hfield-override_reason = Motif sans consentement
cases-hfield-purpose = Objet
cases-hfield-given = Donné
cases-hfield-recorded_by = Enregistré par
cases-hfield-withdrawn_on = Retiré le
cases-hfield-destination = Destination
cases-hfield-country = Pays
cases-hfield-mode = Moyen
cases-hfield-ticket = Billet
cases-hfield-escort = Accompagnement
cases-hfield-documents_ready = Documents prêts
cases-hfield-completed_on = Terminé le
cases-hfield-text = Texte
cases-hfield-kind = Type
cases-hfield-from = Du
cases-hfield-until = Au
cases-hfield-expected_until = Prévu jusqu’au
cases-hfield-end_reason = Motif de fin
cases-hfield-bed_id = Lit

## Listes de valeurs (HTCDS)

cases-age-group-minor = Mineur
cases-age-group-adult = Adulte
cases-age-group-unknown = Inconnu
cases-doc-kind-passport = Passeport
cases-doc-kind-id_card = Carte d’identité
cases-doc-kind-birth_certificate = Acte de naissance
cases-doc-kind-travel_document = Titre de voyage
cases-doc-kind-residence_permit = Titre de séjour
cases-doc-kind-other = Autre document
cases-doc-location-with_person = sur la personne
cases-doc-location-held_by_centre = gardé par le centre
cases-doc-location-held_by_trafficker = retenu par le trafiquant
cases-doc-location-lost = perdu
cases-doc-location-unknown = lieu inconnu
cases-contact-kind-phone = Téléphone
cases-contact-kind-email = E-mail
cases-contact-kind-relative = Proche
cases-contact-kind-other = Autre
cases-trafficking-status-confirmed_victim = Victime confirmée
cases-trafficking-status-presumed_victim = Victime présumée
cases-trafficking-status-at_risk = À risque
cases-trafficking-status-not_a_victim = Pas une victime
cases-trafficking-status-unknown = Non évalué
cases-decided-by-government = Autorité publique
cases-decided-by-law_enforcement = Forces de l’ordre
cases-decided-by-ngo = ONG
cases-decided-by-international_organisation = Organisation internationale
cases-decided-by-centre = Ce centre
cases-decided-by-other = Autre
cases-exploitation-sexual_exploitation = Exploitation sexuelle
cases-exploitation-forced_labour = Travail forcé
cases-exploitation-forced_marriage = Mariage forcé
cases-exploitation-begging = Mendicité
cases-exploitation-forced_criminality = Criminalité forcée
cases-exploitation-organ_removal = Prélèvement d’organes
cases-exploitation-domestic_servitude = Servitude domestique
cases-exploitation-other = Autre exploitation
cases-control-debt_bondage = Servitude pour dettes
cases-control-takes_earnings = Confisque les gains
cases-control-restricts_financial_access = Restreint l’accès à l’argent
cases-control-threats_of_violence = Menaces de violence
cases-control-psychological_abuse = Violence psychologique
cases-control-physical_abuse = Violence physique
cases-control-sexual_abuse = Violence sexuelle
cases-control-false_promises = Fausses promesses
cases-control-psychoactive_substances = Substances psychoactives
cases-control-restricts_movement = Restreint les déplacements
cases-control-restricts_medical_care = Restreint les soins
cases-control-excessive_working_hours = Horaires excessifs
cases-control-uses_children = Se sert des enfants
cases-control-threatens_family = Menace la famille
cases-control-threat_of_law_enforcement = Menace de la police
cases-control-withholds_necessities = Prive du nécessaire
cases-control-withholds_documents = Confisque les papiers
cases-control-other = Autres moyens
cases-relation-intimate_partner = Partenaire intime
cases-relation-friend = Ami
cases-relation-family = Famille
cases-relation-other = Autre
cases-relation-unknown = Inconnu
cases-recruitment-job_offer = Offre d’emploi
cases-recruitment-marriage = Mariage
cases-recruitment-abduction = Enlèvement
cases-recruitment-acquaintance = Par une connaissance
cases-recruitment-online = En ligne
cases-recruitment-other = Autre
cases-recruitment-unknown = Inconnu
cases-outcome-reintegrated_at_destination = Réintégration à destination
cases-outcome-referred_on = Orientée ailleurs
cases-outcome-left_without_notice = Partie sans prévenir
cases-outcome-other = Autre
cases-direction-in = Reçue
cases-direction-out = Envoyée
cases-reason-additional_services_required = Services supplémentaires nécessaires
cases-reason-migration_or_change_of_location = Migration ou changement de lieu
cases-reason-other = Autre
cases-referral-status-sent = Envoyée
cases-referral-status-accepted = Acceptée
cases-referral-status-rejected = Refusée
cases-referral-status-completed = Terminée
cases-referral-status-revoked = Révoquée
cases-org-type-government = Autorité publique
cases-org-type-law_enforcement = Forces de l’ordre
cases-org-type-health = Santé publique
cases-org-type-social_support = Institution sociale
cases-org-type-ngo = ONG
cases-org-type-international_organisation = Organisation internationale
cases-org-type-legal = Aide juridique
cases-org-type-immigration = Service des migrations
cases-org-type-other = Autre
cases-travel-kind-domestic = Transport dans le pays
cases-travel-kind-repatriation = Rapatriement
cases-travel-mode-air = Avion
cases-travel-mode-rail = Train
cases-travel-mode-road = Route
cases-travel-mode-other = Autre
cases-escort-none = Aucun
cases-escort-staff = Personnel
cases-escort-medical = Médical
cases-purpose-data_processing = Traitement des données
cases-purpose-sharing_with = Partage avec
cases-purpose-anonymised_statistics = Statistiques anonymes
cases-note-kind-note = Note
cases-note-kind-medical = Médicale
cases-note-kind-psychological = Psychologique
cases-stay-end-departed = parti
cases-stay-end-transferred = transféré
cases-stay-end-hospitalised = hospitalisé
cases-stay-end-left_without_notice = parti sans prévenir
cases-stay-end-other = terminé

## L’annuaire des organisations

cases-organisations-title = Organisations
cases-organisations-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
cases-organisations-empty = L’annuaire est vide : n pour ajouter une organisation.
cases-organisations-help = Suppr retire une organisation (ou la remet en service) ; ses orientations et son historique restent.
cases-col-organisation = Organisation
cases-col-type = Type
cases-col-city = Ville
cases-col-country = Pays
cases-col-services-offered = Services
cases-retired = retirée
cases-organisation-saved = Organisation enregistrée.
cases-organisation-retired = Organisation retirée ; son historique reste.
cases-organisation-back = Organisation remise en service.

## Règles refusées

rule-referral_needs_consent = Aucun consentement ne couvre le partage avec cette organisation : enregistrez d’abord le consentement de la personne (onglet Consentements). Rien n’a été enregistré.
rule-override_managers_only = Seul un responsable peut envoyer une orientation sans consentement.
rule-override_needs_reason = Écrivez le motif de l’envoi sans consentement.
rule-expiry_before_issue = Le document expire avant sa date de délivrance.
rule-travel_before_arrival = Le voyage est daté d’avant l’arrivée de la personne.
rule-completed_before_travel = Terminé avant la date du voyage.
rule-repatriation_needs_country = Un rapatriement a besoin du pays de destination.
rule-withdrawn_before_given = Retiré avant d’avoir été enregistré.
rule-sharing_needs_organisation = Un partage a besoin de son organisation.
rule-follow_up_before_referral = La relance est avant l’orientation.
rule-already_closed = Le dossier est déjà clos.
rule-not_closed = Le dossier n’est pas clos.
rule-open_stay = La personne a encore un lit : faites d’abord sa sortie sur le tableau des lits (F3).
rule-reopen_needs_reason = Indiquez le motif de la réouverture.
rule-closing_before_arrival = La date de clôture est avant l’arrivée.
rule-service_grant_needs_amount = L’aide à la réintégration a besoin de son montant (par ex. 50000 ou 500 EUR).
rule-service_grant_amount_zero = Une aide de zéro : saisissez le montant.
rule-service_negative_amount = Un montant ne peut pas être négatif.
rule-service_done_needs_date = « Fait » a besoin de la date.
rule-service_done_date_without_done = Une date de réalisation, mais le service n’est pas fait.
rule-service_planned_needs_date = « Prévu » a besoin de la date prévue.
rule-service_no_next_step = Ce service n’a pas d’étape suivante.
rule-service_already_done = Ce service est déjà fait.
rule-organisation_retired = Cette organisation est retirée : choisissez-en une autre.
rule-travel_already_completed = Ce voyage est déjà terminé.

## La ligne de commande

cases-find-more = … et { $count } de plus : précisez la recherche ou utilisez --limit
cases-find-none = Aucun dossier ne correspond.
cases-find-names-hidden = Les noms et numéros de document ne sont cherchés que pour les chargé(e)s de dossier et les responsables.

## Only what the role may do

cases-organisations-empty-read-only = L’annuaire est vide.

## `/` on the boards (src/screens/jump.rs)

jump-what-arrivals = vol, pseudonyme ou code · Entrée, Échap : terminé
jump-what-beds = lit, chambre, pseudonyme ou code · Entrée, Échap : terminé
jump-no-match = Rien sur cet écran ne correspond.
## Clôture alors que tout n’est pas terminé

cases-field-still-open = Encore en cours
cases-field-close-anyway = Pourquoi clôturer malgré tout
cases-close-open-none = Rien
cases-close-open-service = { $service } : { $status }
cases-close-open-referral = Orientation vers { $organisation } : { $status }
cases-error-close-open = Tout n’est pas terminé : indiquez pourquoi le dossier est clôturé malgré tout.
cases-error-close-no-journey = Aucun voyage de retour n’est terminé : indiquez pourquoi la personne est considérée comme réintégrée.
rule-closing_open_needs_reason = Ce dossier a encore des éléments en cours : sa clôture demande une raison écrite.

## Une touche pour revenir en arrière dans la liste des services

hint-service_back = Étape précédente
rule-service_no_previous_step = Ce service n’a pas de statut avant celui-ci.

## Une orientation refusée continue avec le consentement donné sur place

cases-field-consent-now = Consentement donné maintenant
cases-referral-consent-ask = La personne accepte maintenant ? Oui, puis Ctrl-S.
cases-referral-consent-offer = Aucun consentement ne couvre le partage avec cette organisation : il peut être noté ici, ci-dessous.
cases-referral-saved-with-consent = Consentement enregistré et orientation enregistrée.

## Détails médicaux de la liste des services

cases-service-detail-hidden = (médical)

## Bande du passeport saisie à l'arrivée

cases-gate-zone-waiting = Bande du passeport saisie à l'arrivée par { $user } le { $when }
cases-gate-zone-hint = { $open } : la vérifier et remplir le dossier · { $dismiss } : l'écarter
cases-gate-zone-sealed = Bande du passeport saisie à l'arrivée par { $user } le { $when } : scellée pour le référent.
cases-gate-zone-applied = Enregistré. La bande du passeport est dans le dossier et sa copie scellée supprimée.
cases-gate-zone-dismissed = Bande du passeport saisie à l'arrivée écartée.
cases-gate-zone-unreadable = La bande du passeport ne s'ouvre pas (scellée avec une autre clé) : écartez-la et vérifiez de nouveau le passeport.
cases-subject-gate-zone = Bande du passeport saisie à l'arrivée
