# arrivals: messages of the arrivals screens and commands.

## Hint bar (short labels next to the keys)

hint-go_arrivals = Arrivals
hint-pickup_met = Met
hint-pickup_new = New
hint-pickup_edit = Edit
hint-pickup_no_show = No-show
hint-pickup_delayed = Delayed
hint-pickup_cancelled = Cancel
hint-pickup_at_centre = At centre
hint-walk_in = Walk-in
hint-view_today = Today
hint-view_tomorrow = Tomorrow
hint-view_week = Week
hint-view_open = All open

## The board

arrivals-view-today = Today, { $date }
arrivals-view-tomorrow = Tomorrow, { $date }
arrivals-view-day = { $date }
arrivals-view-week = { $from } – { $to }
arrivals-view-open = All open pickups
arrivals-overdue-count = { $count ->
    [one] { $count } overdue
   *[other] { $count } overdue
}
arrivals-empty = No pickups here. { $new }: new pickup · { $walkin }: walk-in
arrivals-col-date = Date
arrivals-col-time = Time
arrivals-col-expected = Exp.
arrivals-col-flight = Flight
arrivals-col-origin = From
arrivals-col-place = At
arrivals-col-alias = Alias
arrivals-col-case = Case
arrivals-col-escort = Escort
arrivals-col-needs = Needs
arrivals-col-status = Status
arrivals-short-scheduled = Sched.
arrivals-short-delayed = Delayed
arrivals-short-met = Met
arrivals-short-no_show = No-show
arrivals-short-cancelled = Cancel.
arrivals-short-at_centre = Centre
arrivals-marker-wheelchair = WCH
arrivals-marker-medical = MED
arrivals-marker-minor = <18
arrivals-detail-scheduled = scheduled
arrivals-detail-estimated = expected
arrivals-detail-met = met
arrivals-detail-meeting-point = Meeting point
arrivals-detail-recognition = Recognition
arrivals-detail-escort = Escort
arrivals-detail-needs = Needs
arrivals-detail-history = History
arrivals-need-wheelchair = wheelchair
arrivals-need-medical = medical attention
arrivals-need-minor = minor
arrivals-need-interpreter = interpreter ({ $language })

## Actions from the board

arrivals-nothing-selected = No pickup selected.
arrivals-error-transition = This pickup is { $status }: that change does not apply.
arrivals-error-meet-first = This pickup is { $status }: mark the person met first.
arrivals-error-no-case = No case is linked to this pickup: link one with Edit first.
arrivals-done-met = Met: { $who } at { $time }.
arrivals-done-no-show = { $flight }: recorded as a no-show.
arrivals-done-cancelled = { $flight }: pickup cancelled.
arrivals-done-delayed = { $flight }: now expected { $time }.
arrivals-done-at-centre = Arrived at the centre. Assign a bed on the bed board (F3).
arrivals-case-file-not-ready = The case file screen is not available yet.
arrivals-beds-not-ready = No bed can be offered from here now: see the bed board (F3).
arrivals-prompt-met-title = Mark met
arrivals-prompt-met-question = This pickup is for another day. Mark the person met now?
arrivals-prompt-yes-no = y / Enter: yes · n / Esc: no
arrivals-prompt-no-show-title = No-show
arrivals-prompt-cancel-title = Cancel the pickup
arrivals-prompt-delay-title = Flight delayed
arrivals-prompt-reason = Reason
arrivals-prompt-estimate = Expected at
arrivals-prompt-enter-esc = Enter: save · Esc: close
arrivals-prompt-reason-needed = Say what is known (e.g. not on the passenger list).
arrivals-prompt-estimate-format = Type a time (07:40) or a date and time (tomorrow 06:10).
arrivals-prompt-estimate-early = The estimate is before the scheduled time.

## The pickup form

arrivals-form-new-title = New pickup
arrivals-form-edit-title = Edit pickup
arrivals-field-flight = Flight
arrivals-field-origin = From (city or airport)
arrivals-field-airport = Arrival airport
arrivals-field-terminal = Terminal
arrivals-field-scheduled = Scheduled arrival
arrivals-field-meeting-point = Meeting point
arrivals-field-escort = Met by (staff)
arrivals-field-recognition = Recognition, code word
arrivals-field-needs = Needs
arrivals-field-interpreter = Interpreter for
arrivals-field-case = Existing case
arrivals-field-new-alias = or new person: alias
arrivals-field-alias = Alias
arrivals-field-gender = Gender
arrivals-field-age-group = Age group
arrivals-field-date-of-birth = Date of birth
arrivals-field-languages = Languages
arrivals-field-mrz = Passport / ID zone (MRZ)
arrivals-field-place = Where
arrivals-age-minor = Minor (under 18)
arrivals-age-adult = Adult
arrivals-age-unknown = Not known
arrivals-error-terminal-missing = Choose the terminal of this airport.
arrivals-error-terminal-not-at-airport = This airport has no such terminal.
arrivals-error-terminal-none = This airport has one arrivals hall: leave the terminal empty.
arrivals-error-case-or-new = Choose an existing case or describe a new person, not both.
arrivals-error-alias-needed = A new person needs an alias.
arrivals-error-birth-future = A date of birth cannot be in the future.
arrivals-error-birth-differs = Differs from the date of birth in the passport zone.
arrivals-warn-past = This time has already passed. Press Ctrl-S again to save anyway.
arrivals-saved = Pickup saved: { $flight }, { $when }.
arrivals-case-created = New case { $code }.

## Passport / ID zone

arrivals-mrz-lines = A passport zone has 2 lines of 44 characters; an ID card 3 lines of 30.
arrivals-mrz-length-passport = Each line of a passport zone has 44 characters: check for missing < signs.
arrivals-mrz-length-id-card = Each line of an ID-card zone has 30 characters: check for missing < signs.
arrivals-mrz-character = Only A–Z, 0–9 and < appear in the zone.
arrivals-mrz-document-code = Not a passport or ID card (a visa or another document?).
arrivals-mrz-sex = The sex in the zone must be F, M, X or <.
arrivals-mrz-check-document_number = Check digit of the document number does not match: retype or rescan.
arrivals-mrz-check-date_of_birth = Check digit of the date of birth does not match: retype or rescan.
arrivals-mrz-check-expiry = Check digit of the expiry date does not match: retype or rescan.
arrivals-mrz-check-optional_data = Check digit of the personal number does not match: retype or rescan.
arrivals-mrz-check-composite = The overall check digit does not match: retype or rescan.
arrivals-mrz-date-date_of_birth = The date of birth in the zone is not a real date.
arrivals-mrz-date-expiry = The expiry date in the zone is not a real date.

## Possible duplicate

arrivals-duplicate-title = Possible duplicate
arrivals-duplicate-found = This person may already have a case: answer the question.
arrivals-duplicate-question = The centre may already know this person. Is it the same person?
arrivals-duplicate-name_and_birth = same name and date of birth
arrivals-duplicate-alias_gender_age = same alias, gender and age group
arrivals-duplicate-same = Same person: use this case
arrivals-duplicate-different = New case
arrivals-duplicate-back = Back

## Walk-in

arrivals-walk-in-title = Walk-in at the gate
arrivals-walk-in-saved = Walk-in registered as { $code }, met at { $place }.

## Refusals from the store

rule-pickup_transition = This pickup was changed meanwhile: look at the board again.
rule-pickup_no_case = Link a case to this pickup first.
rule-pickup_reason_needed = Give a reason.
rule-arrivals_need_scan = The service checklist of this case could not be found; try again.

## Correcting a mistaken status

hint-pickup_undo = Undo
action-pickup_undo = Undo the last status change
arrivals-prompt-undo-title = Correct the status
arrivals-prompt-undo-question = Undo “{ $status }” and go back to “{ $back }”? (y/n)
arrivals-done-undone = Corrected: “{ $status }” undone, back to “{ $back }”.
rule-pickup_nothing_to_undo = This pickup has no status change to undo.
rule-pickup_correction_once = This pickup was corrected once already: a manager or case worker can go further back.

## Duplicates by document

arrivals-document-twice = This document number is already in this case file: edit that document instead of adding a copy.
arrivals-document-elsewhere = This document number is also held by { $cases }: check it is the same person. Press Ctrl-S again to save it anyway.
arrivals-duplicate-same_document = same document number

## Arrivals that are not flights

arrivals-field-flight-or-transport = Flight or transport
arrivals-error-flight-or-transport = Flight (SU 2101), train, bus, car, foot or ?
arrivals-by-flight = Flight
arrivals-by-train = Train
arrivals-by-bus = Bus
arrivals-by-car = Car
arrivals-by-on_foot = On foot
arrivals-by-unknown = Unknown

## Preview of a passport zone before it writes

arrivals-zone-preview = The zone will fill (≠ differs from the file; names and birth date on file are kept):
arrivals-zone-name = Name
arrivals-zone-birth = Date of birth
arrivals-zone-sex = Sex
arrivals-zone-nationality = Nationality
arrivals-zone-number = Number
arrivals-zone-expiry = Expires on
arrivals-zone-kind = Document
arrivals-zone-differs = ≠ { $field }: { $value } (now: { $was })
arrivals-zone-again = Check it, then press Ctrl-S again to save.

## Passport zone at the gate (reception: sealed for the case worker)

arrivals-field-gate-zone = Passport zone (sealed)
arrivals-field-gate-zone-not-yet = Passport zone: not available yet
arrivals-gate-zone-read-passport = Passport zone sealed: a passport, check digits valid.
arrivals-gate-zone-read-id-card = Passport zone sealed: an ID card, check digits valid.
arrivals-gate-zone-not-kept = The passport zone was not kept ({ $error }): give the passport to the case worker.
arrivals-gate-zone-needs-person = A passport zone goes with a case: choose the case or enter the new person.
