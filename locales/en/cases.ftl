# cases: messages of the cases screens and commands.

## Actions and short hints

action-organisations = Directory of organisations
action-travel_complete = Journey completed today
hint-organisations = Directory
hint-travel_complete = Completed
hint-reveal_name = Reveal name
hint-service_forward = Next status
hint-service_done_today = Done today
hint-service_not_applicable = N/A
hint-filter_status = Status
hint-filter_mine = Mine
hint-case_close = Close case
hint-case_reopen = Reopen
hint-next_tab = Next tab

## The case list

cases-filter = Showing
cases-filter-active = Active cases
cases-filter-closed = Closed cases
cases-filter-all = All cases
cases-filter-mine = my cases
cases-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}
cases-found = { $count ->
    [one] { $count } found
   *[other] { $count } found
}
cases-hidden-by-filter = { $count ->
    [one] { $count } more hidden by the filters
   *[other] { $count } more hidden by the filters
}
cases-col-code = Code
cases-col-alias = Alias
cases-col-status = Status
cases-col-gender = Sex
cases-col-age = Age
cases-col-arrived = Arrived
cases-col-bed = Bed
cases-col-services = Open
cases-col-match = Found by
cases-match-code = code
cases-match-alias = alias
cases-match-document = document
cases-match-name = name
cases-gender-short-feminine = F
cases-gender-short-masculine = M
cases-gender-short-transgender_feminine = TF
cases-gender-short-transgender_masculine = TM
cases-gender-short-non_conforming = NC
cases-gender-short-non_specified_unknown = ?
cases-empty = No cases here. Press s to change the filter, n for a new case.
cases-loading = Reading the cases…
cases-no-match = No case matches.
cases-nothing-to-search = Nothing to search for: type letters or digits.
cases-search-unavailable = Search is unavailable: close and reopen the case list.
cases-legal-name = Legal name
cases-no-name = no legal name recorded
cases-new-case-label = (new case)
cases-created = Case { $code } created.

## The case file

cases-tab-profile = Profile
cases-tab-stay = Stay
cases-tab-services = Services
cases-tab-referrals = Referrals
cases-tab-travel = Travel
cases-tab-consent = Consent
cases-tab-notes = Notes
cases-tab-history = History
cases-bed = bed
cases-high-risk = high risk: never confirm presence
cases-name-hidden = hidden: { $key } reveals it (recorded)
cases-name-hidden-hint = Legal name hidden: { $key } reveals it (recorded in the audit log)
cases-name-not-for-role = Legal name and case file: not available to your role
cases-case-part-hidden = The rest of the file is for case workers and managers.
cases-section-case = Case
cases-section-identity = Identity
cases-section-documents = Documents
cases-section-contacts = Contacts
cases-section-trafficking = Trafficking profile
cases-section-incoming = Incoming referral
cases-section-stays = Stays
cases-section-referrals = Referrals
cases-section-consent = Consent
cases-section-travel = Journeys
cases-section-notes = Notes
cases-nothing-recorded = Nothing recorded yet: press Enter to fill in.
cases-add-document = Add a document
cases-add-contact = Add a contact
cases-expires = expires
cases-expired = expired
cases-no-incoming = No incoming referral recorded: press Enter to add who sent the person.
cases-no-stay = No stay recorded. Beds are assigned on the bed board (F3).
cases-stay-open = current
cases-stay-ended = ended
cases-stay-on-bed-board = Stays are changed on the bed board (F3).
cases-room = room
cases-from = from
cases-until = until
cases-expected-until = expected until
cases-no-services = No services checklist for this case.
cases-col-service = Service
cases-col-planned = Planned
cases-col-done = Done
cases-col-provider = Provider
cases-col-note = Note
cases-provider-internal = The centre
cases-overdue = overdue
cases-choose-service = Choose a service of the checklist first.
cases-service-now = { $service }: { $status }.
cases-no-referrals = No referrals yet: press n for a new one.
cases-override = Sent without consent on a manager's override
cases-referral-uncovered = No consent covers this referral any more.
cases-no-consent = No consent recorded yet: press n to record one.
cases-consent-given = given
cases-consent-refused = refused
cases-consent-withdrawn = withdrawn
cases-recorded-by = recorded by
cases-no-travel = No journey planned yet: press n to plan one.
cases-travel-planned = planned
cases-travel-completed = completed
cases-documents-at-risk = Travel documents are not ready and the journey is within a week.
cases-medical-escort-note = A medic travels along: medical assistance during the journey is marked done on completion.
cases-choose-journey = Choose a journey first.
cases-travel-completed-status = { $count ->
    [one] Journey completed; { $count } service marked done.
   *[other] Journey completed; { $count } services marked done.
}
cases-no-notes = No notes yet: press n to write one.
cases-note-more = more: Enter shows the whole note
cases-medical-hidden = Medical and psychological notes are for case workers and managers.
cases-no-history = No history.
cases-col-field = Field
cases-col-before = Before
cases-col-after = After
cases-version-created = created
cases-version-deleted = deleted
cases-version-revision = version { $revision }
cases-subject-case = Case
cases-subject-file = Case file
cases-subject-service = Service
cases-subject-stay = Stay
cases-subject-referral = Referral
cases-subject-consent = Consent
cases-subject-travel = Journey
cases-subject-note = Note
cases-subject-medical = Medical note
cases-cannot-delete = This cannot be deleted: change its status instead.
cases-removed = Removed. The earlier version is kept in the history.
cases-saved = Saved.
cases-note-saved = Note saved.
cases-referral-saved = Referral saved.
cases-referral-saved-override = Referral saved without consent, on your override (recorded).
cases-consent-saved = Consent saved.
cases-consent-saved-revoked = { $count ->
    [one] Consent saved; { $count } referral it covered is revoked.
   *[other] Consent saved; { $count } referrals it covered are revoked.
}
cases-closed-status = Case closed: { $status }.
cases-reopened-status = Case reopened: { $status }.

## Fields of the case forms

cases-field-case = Case
cases-field-code = Code
cases-field-alias = Alias
cases-field-status = Status
cases-field-gender = Gender
cases-field-age = Age
cases-field-age-group = Age group
cases-field-date-of-birth = Date of birth
cases-field-estimated-age = Estimated age (years)
cases-field-languages = Languages
cases-field-interpreter = Interpreter needed
cases-field-special-needs = Special needs
cases-field-arrived = Arrived on
cases-field-worker = Case worker
cases-field-high-risk = High risk
cases-field-family-name = Family name
cases-field-given-names = Given names
cases-field-patronymic = Patronymic
cases-field-citizenship = Citizenship
cases-field-citizenship2 = Second citizenship
cases-field-origin = Place of origin
cases-field-file-notes = Other notes
cases-field-closed = Closed on
cases-field-outcome = Outcome
cases-field-mrz = Machine-readable zone (optional)
cases-field-doc-kind = Document
cases-field-doc-number = Number
cases-field-issuing-country = Issued by
cases-field-issued = Issued on
cases-field-expires = Expires on
cases-field-doc-location = Where it is
cases-field-contact-kind = Kind
cases-field-contact-value = Number or address
cases-field-note = Note
cases-field-trafficking-status = Identification status
cases-field-decided-by = Decided by
cases-field-exploitation = Types of exploitation
cases-field-control = Means of control
cases-field-relation = Relationship to the recruiter
cases-field-recruitment = Recruitment
cases-field-exploitation-country = Country of exploitation
cases-field-exploitation-country2 = Another country of exploitation
cases-field-from = From
cases-field-org-type = Type
cases-field-date = Date
cases-field-reason = Reason
cases-field-service = Service
cases-field-planned = Planned for
cases-field-done = Done on
cases-field-provider = Provider
cases-field-amount = Amount
cases-field-direction = Direction
cases-field-organisation = Organisation
cases-field-services = Services requested
cases-field-follow-up = Follow up on
cases-field-override = Override reason (managers, without consent)
cases-field-purpose = Purpose
cases-field-given = Consent given
cases-field-withdrawn = Withdrawn on
cases-field-travel-kind = Journey
cases-field-destination = Region and city
cases-field-country = Country
cases-field-travel-mode = Travel by
cases-field-travel-date = Date
cases-field-ticket = Ticket
cases-field-escort = Escort
cases-field-documents-ready = Documents ready
cases-field-completed = Completed on
cases-field-note-kind = Kind
cases-field-reopen-reason = Why it is reopened
cases-field-org-name = Name
cases-field-city = City
cases-field-org-contact = Contact
cases-field-services-offered = Services offered
cases-form-new-case = New case
cases-form-front = Case details
cases-form-identity = Identity
cases-form-document = Document
cases-form-contact = Contact
cases-form-trafficking = Trafficking profile
cases-form-service = Service
cases-form-referral = Referral
cases-form-consent = Consent
cases-form-travel = Journey
cases-form-note = Note
cases-form-close = Close the case
cases-form-reopen = Reopen the case
cases-form-organisation-new = New organisation
cases-form-organisation-edit = Organisation
cases-error-future = This date is in the future.
cases-error-arrival-before-birth = Arrival before the date of birth.
cases-error-email = Not an e-mail address.
cases-mrz-shape = A zone has two lines of 44 characters (passport) or three of 30 (ID card).
cases-mrz-character = Only A–Z, 0–9 and < belong in a zone.
cases-mrz-document-code = Not a passport or ID-card zone.
cases-mrz-check-number = The document number does not match its check digit: retype it.
cases-mrz-check-birth = The date of birth does not match its check digit: retype it.
cases-mrz-check-expiry = The expiry date does not match its check digit: retype it.
cases-mrz-check-optional = The personal number does not match its check digit: retype it.
cases-mrz-check-composite = The zone's last check digit does not match: retype the second line.
cases-mrz-date = A date in the zone is not a real day.
cases-mrz-sex = The sex must be F, M, X or <.

## History field names

cases-hfield-alias = Alias
cases-hfield-status = Status
cases-hfield-gender = Gender
cases-hfield-age = Age
cases-hfield-age_group = Age group
cases-hfield-languages = Languages
cases-hfield-interpreter_needed = Interpreter
cases-hfield-special_needs = Special needs
cases-hfield-high_risk = High risk
cases-hfield-arrived_on = Arrived on
cases-hfield-worker = Case worker
cases-hfield-family_name = Family name
cases-hfield-given_names = Given names
cases-hfield-patronymic = Patronymic
cases-hfield-latin = Latin form
cases-hfield-date_of_birth = Date of birth
cases-hfield-citizenship = Citizenship
cases-hfield-place_of_origin = Place of origin
cases-hfield-documents = Documents
cases-hfield-contacts = Contacts
cases-hfield-trafficking = Trafficking profile
cases-hfield-incoming_referral = Incoming referral
cases-hfield-closing = Closing
cases-hfield-notes = Notes
cases-hfield-planned_on = Planned for
cases-hfield-done_on = Done on
cases-hfield-provider = Provider
cases-hfield-amount = Amount
cases-hfield-note = Note
cases-hfield-direction = Direction
cases-hfield-organisation = Organisation
cases-hfield-date = Date
cases-hfield-reason = Reason
cases-hfield-services = Services
cases-hfield-follow_up = Follow up on
cases-hfield-consent = Consent
cases-hfield-override_reason = Override reason
cases-hfield-purpose = Purpose
cases-hfield-given = Given
cases-hfield-recorded_by = Recorded by
cases-hfield-withdrawn_on = Withdrawn on
cases-hfield-destination = Destination
cases-hfield-country = Country
cases-hfield-mode = Travel by
cases-hfield-ticket = Ticket
cases-hfield-escort = Escort
cases-hfield-documents_ready = Documents ready
cases-hfield-completed_on = Completed on
cases-hfield-text = Text
cases-hfield-kind = Kind
cases-hfield-from = From
cases-hfield-until = Until
cases-hfield-expected_until = Expected until
cases-hfield-end_reason = End reason
cases-hfield-bed_id = Bed

## Value sets (HTCDS)

cases-age-group-minor = Minor
cases-age-group-adult = Adult
cases-age-group-unknown = Unknown
cases-doc-kind-passport = Passport
cases-doc-kind-id_card = ID card
cases-doc-kind-birth_certificate = Birth certificate
cases-doc-kind-travel_document = Travel document
cases-doc-kind-residence_permit = Residence permit
cases-doc-kind-other = Other document
cases-doc-location-with_person = with the person
cases-doc-location-held_by_centre = held by the centre
cases-doc-location-held_by_trafficker = held by the trafficker
cases-doc-location-lost = lost
cases-doc-location-unknown = whereabouts unknown
cases-contact-kind-phone = Phone
cases-contact-kind-email = E-mail
cases-contact-kind-relative = Relative
cases-contact-kind-other = Other
cases-trafficking-status-confirmed_victim = Confirmed victim
cases-trafficking-status-presumed_victim = Presumed victim
cases-trafficking-status-at_risk = At risk
cases-trafficking-status-not_a_victim = Not a victim
cases-trafficking-status-unknown = Not assessed
cases-decided-by-government = Government authority
cases-decided-by-law_enforcement = Law enforcement
cases-decided-by-ngo = NGO
cases-decided-by-international_organisation = International organisation
cases-decided-by-centre = This centre
cases-decided-by-other = Other
cases-exploitation-sexual_exploitation = Sexual exploitation
cases-exploitation-forced_labour = Forced labour
cases-exploitation-forced_marriage = Forced marriage
cases-exploitation-begging = Begging
cases-exploitation-forced_criminality = Forced criminality
cases-exploitation-organ_removal = Organ removal
cases-exploitation-domestic_servitude = Domestic servitude
cases-exploitation-other = Other exploitation
cases-control-debt_bondage = Debt bondage
cases-control-takes_earnings = Takes earnings
cases-control-restricts_financial_access = Restricts access to money
cases-control-threats_of_violence = Threats of violence
cases-control-psychological_abuse = Psychological abuse
cases-control-physical_abuse = Physical abuse
cases-control-sexual_abuse = Sexual abuse
cases-control-false_promises = False promises
cases-control-psychoactive_substances = Psychoactive substances
cases-control-restricts_movement = Restricts movement
cases-control-restricts_medical_care = Restricts medical care
cases-control-excessive_working_hours = Excessive working hours
cases-control-uses_children = Uses children
cases-control-threatens_family = Threatens the family
cases-control-threat_of_law_enforcement = Threat of law enforcement
cases-control-withholds_necessities = Withholds necessities
cases-control-withholds_documents = Withholds documents
cases-control-other = Other means
cases-relation-intimate_partner = Intimate partner
cases-relation-friend = Friend
cases-relation-family = Family
cases-relation-other = Other
cases-relation-unknown = Unknown
cases-recruitment-job_offer = Job offer
cases-recruitment-marriage = Marriage
cases-recruitment-abduction = Abduction
cases-recruitment-acquaintance = Through an acquaintance
cases-recruitment-online = Online
cases-recruitment-other = Other
cases-recruitment-unknown = Unknown
cases-outcome-reintegrated_at_destination = Reintegrated at destination
cases-outcome-referred_on = Referred on
cases-outcome-left_without_notice = Left without notice
cases-outcome-other = Other
cases-direction-in = Incoming
cases-direction-out = Outgoing
cases-reason-additional_services_required = Additional services required
cases-reason-migration_or_change_of_location = Migration or change of location
cases-reason-other = Other
cases-referral-status-sent = Sent
cases-referral-status-accepted = Accepted
cases-referral-status-rejected = Rejected
cases-referral-status-completed = Completed
cases-referral-status-revoked = Revoked
cases-org-type-government = Government
cases-org-type-law_enforcement = Law enforcement
cases-org-type-health = Public health
cases-org-type-social_support = Social institution
cases-org-type-ngo = NGO
cases-org-type-international_organisation = International organisation
cases-org-type-legal = Legal aid
cases-org-type-immigration = Migration service
cases-org-type-other = Other
cases-travel-kind-domestic = Domestic transport
cases-travel-kind-repatriation = Repatriation
cases-travel-mode-air = Air
cases-travel-mode-rail = Rail
cases-travel-mode-road = Road
cases-travel-mode-other = Other
cases-escort-none = None
cases-escort-staff = Staff
cases-escort-medical = Medical
cases-purpose-data_processing = Data processing
cases-purpose-sharing_with = Sharing with
cases-purpose-anonymised_statistics = Anonymised statistics
cases-note-kind-note = Note
cases-note-kind-medical = Medical
cases-note-kind-psychological = Psychological
cases-stay-end-departed = departed
cases-stay-end-transferred = transferred
cases-stay-end-hospitalised = hospitalised
cases-stay-end-left_without_notice = left without notice
cases-stay-end-other = ended

## The directory of organisations

cases-organisations-title = Organisations
cases-organisations-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
cases-organisations-empty = The directory is empty: press n to add an organisation.
cases-organisations-help = Del retires an organisation (or brings it back); its referrals and history stay.
cases-col-organisation = Organisation
cases-col-type = Type
cases-col-city = City
cases-col-country = Ctry
cases-col-services-offered = Services
cases-retired = retired
cases-organisation-saved = Organisation saved.
cases-organisation-retired = Organisation retired; its history stays.
cases-organisation-back = Organisation back in use.

## Refused rules

rule-referral_needs_consent = No consent covers sharing with this organisation: record the person's consent first (Consent tab). Nothing was saved.
rule-override_managers_only = Only a manager may send a referral without consent.
rule-override_needs_reason = Write the reason for sending without consent.
rule-expiry_before_issue = The document expires before it was issued.
rule-travel_before_arrival = The journey is dated before the person arrived.
rule-completed_before_travel = Completed before the journey's date.
rule-repatriation_needs_country = A repatriation needs the country it goes to.
rule-withdrawn_before_given = Withdrawn before it was recorded.
rule-sharing_needs_organisation = Sharing needs the organisation it is with.
rule-follow_up_before_referral = The follow-up is before the referral.
rule-already_closed = The case is closed already.
rule-not_closed = The case is not closed.
rule-open_stay = The person still has a bed: check them out on the bed board (F3) first.
rule-reopen_needs_reason = Give the reason for reopening.
rule-closing_before_arrival = The closing date is before the arrival.
rule-service_grant_needs_amount = The reintegration grant needs its amount (e.g. 50000 or 500 EUR).
rule-service_grant_amount_zero = A grant of zero: enter the amount.
rule-service_negative_amount = An amount cannot be negative.
rule-service_done_needs_date = Done needs the date it was done.
rule-service_done_date_without_done = A done date, but the service is not done.
rule-service_planned_needs_date = Planned needs the date it is planned for.
rule-service_no_next_step = This service has no next status.
rule-service_already_done = This service is done already.
rule-organisation_retired = This organisation is retired: choose another.
rule-travel_already_completed = This journey is completed already.

## The command line

cases-find-more = … and { $count } more: add words to the query, or use --limit
cases-find-none = No case matches.
cases-find-names-hidden = Names and document numbers are searched only for case workers and managers.

## Only what the role may do

cases-organisations-empty-read-only = The directory is empty.

## `/` on the boards (src/screens/jump.rs)

jump-what-arrivals = flight, alias or code · Enter, Esc: done
jump-what-beds = bed, room, alias or code · Enter, Esc: done
jump-no-match = Nothing on this board holds it.
## Closing with something still open

cases-field-still-open = Still open
cases-field-close-anyway = Why close anyway
cases-close-open-none = Nothing
cases-close-open-service = { $service }: { $status }
cases-close-open-referral = Referral to { $organisation }: { $status }
cases-error-close-open = Something is still open: say why the case closes anyway.
cases-error-close-no-journey = No journey home is completed: say why the person counts as reintegrated.
rule-closing_open_needs_reason = Something in this case is still open: closing it needs a written reason.

## One key back on the services checklist

hint-service_back = Previous status
rule-service_no_previous_step = This service has no status before this one.

## A refused referral goes on with the consent given now

cases-field-consent-now = Consent given now
cases-referral-consent-ask = Does the person agree now? Yes, then Ctrl-S.
cases-referral-consent-offer = No consent covers sharing with this organisation: it can be recorded now, below.
cases-referral-saved-with-consent = Consent recorded and referral saved.

## Medical detail of the services checklist

cases-service-detail-hidden = (medical)

## Passport zone entered at the gate

cases-gate-zone-waiting = Passport zone entered at the gate by { $user } on { $when }
cases-gate-zone-hint = { $open }: check it and fill the file · { $dismiss }: dismiss it
cases-gate-zone-sealed = Passport zone entered at the gate by { $user } on { $when }: sealed for the case worker.
cases-gate-zone-applied = Saved. The passport zone from the gate is in the file and its sealed copy removed.
cases-gate-zone-dismissed = Passport zone from the gate dismissed.
cases-gate-zone-unreadable = The passport zone from the gate cannot be opened (sealed to another key): dismiss it and check the passport again.
cases-subject-gate-zone = Passport zone entered at the gate
