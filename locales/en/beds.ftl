# beds: messages of the beds screens and commands.

## The bed board

beds-floor = floor { $floor }
beds-step-free = step-free
beds-minor = minor
beds-adult = adult
beds-group-free = { $free } of { $count } free
beds-cell-free = free
beds-cell-oos = out of service
beds-cell-tonight = tonight
beds-cell-nights = { $count }n
beds-legend-occupied = occupied
beds-legend-reserved = reserved
beds-legend-oos = out of service
beds-filter = Filter
beds-filter-free = free beds only
beds-none-yet = No beds yet. A manager sets up rooms and beds with R.
beds-none-match = No bed matches the filter (w: wing, f: free only).
beds-detail-since = since { $date }, { $count ->
    [one] { $count } night
   *[other] { $count } nights
}
beds-detail-until = expected to leave { $date }
beds-detail-reserved = reserved for { $who }
beds-select-occupied = Select an occupied bed first.
beds-select-bed = Select a bed first.
beds-override-hint = A manager may override with a reason.
beds-fits = fits
beds-back-in-service = The bed is back in service.
beds-reservation-cancelled = The reservation is released.
beds-bed-retired = The bed is retired: it stays in the history.
beds-bed-removed = The bed is removed.
beds-assigned = { $who } is in bed { $bed }.
beds-transferred = { $who } moved to bed { $bed }.
beds-checked-out = { $who } is checked out.
beds-extended = Expected departure of { $who } saved.
beds-reserved = Bed { $bed } is reserved.
beds-bed-saved = Bed { $bed } saved.
beds-room-saved = Room { $room } saved.
beds-out-of-service-saved = Bed { $bed } is out of service.
beds-error-departure-before = The expected departure is before the first night.
beds-error-checkout-before = The check-out date is before the check-in.

## Questions

beds-ask-back-in-service = Put this bed back in service?
beds-ask-cancel-reservation = Release the reservation on this bed?
beds-ask-remove-bed = Remove this bed from the plan? A bed with past stays is kept as retired.
beds-ask-remove-room = Remove this room and its beds from the plan? Rooms with past stays are kept as retired.
beds-ask-answers = Enter: yes · Esc: no

## Choosing a person or a bed

beds-pick-person = Who sleeps in { $bed }? { $room }
beds-pick-bed = A bed for { $who }
beds-pick-transfer = Move { $who } to
beds-pick-reserve = Hold a bed for { $who }
beds-pick-search = Search
beds-pick-none = Nobody or nothing to choose.
beds-pick-help = Type to search · Enter: choose · Esc: back
beds-pick-held-for-them = held for them
beds-candidate-at_centre = at the centre since { $when }
beds-candidate-met = met { $when } { $flight }
beds-candidate-arrived = arrived, no bed
beds-candidate-expected_today = expected { $when } { $flight }
beds-candidate-expected = expected { $when } { $flight }
beds-candidate-resident = in residence, no bed
beds-candidate-departed = left the centre

## Rooms and beds setup

beds-plan-summary = { $rooms ->
    [one] { $rooms } room
   *[other] { $rooms } rooms
}, { $beds ->
    [one] { $beds } bed
   *[other] { $beds } beds
}, { $oos } out of service · N new room · n new bed · e edit · Del remove · o out of service
beds-plan-beds = { $count ->
    [one] { $count } bed
   *[other] { $count } beds
}
beds-plan-walk = walk { $order }
beds-plan-empty = No rooms yet: N adds the first.
beds-plan-no-room = Add a room first (N).
beds-plan-retired = Kept as retired: it has past stays.
beds-plan-removed = Removed from the plan.

## Forms

form-stay-assign-title = Check-in
form-stay-transfer-title = Transfer to another bed
form-stay-extend-title = Expected departure
form-stay-checkout-title = Check-out
form-stay-reserve-title = Reserve a bed
form-bed-new-title = New bed
form-bed-edit-title = Edit bed
form-bed-oos-title = Bed out of service
form-room-new-title = New room
form-room-edit-title = Edit room
field-stay-person = Person
field-stay-bed = Bed
field-stay-now-in = Now in
field-stay-wing-rule = Wing rule
field-stay-first-night = First night
field-stay-moving-on = Moving on
field-stay-expected-departure = Expected departure
field-stay-override-reason = Reason to override
field-stay-since = In the bed
field-stay-end-reason = Why
field-stay-check-out-date = Leaving on
field-stay-reserved-for = Reserved for
field-stay-night = Night
field-bed-room = Room
field-bed-label = Label
field-bed-walk-order = Walking order
field-bed-oos-reason = Reason
field-bed-oos-until = Until (last day)
field-room-name = Name on the door
field-room-floor = Floor
field-room-wing = Wing
field-room-step-free = Step-free
stay-end-departed = Departed
stay-end-transferred = Transferred
stay-end-hospitalised = Hospitalised
stay-end-left_without_notice = Left without notice
stay-end-other = Other

## Refusals (nothing was written)

rule-bed-wing-adult_in_minors = Minors' wing: this person is { $age }.
rule-bed-wing-adult_in_minors-no_age = Minors' wing: this person is an adult.
rule-bed-wing-age_unknown = Minors' wing: this person's age is not known.
rule-bed-wing-minor_outside = { $wing } wing: this person is { $age }, a minor (Minors' or Family wing only).
rule-bed-wing-minor_outside-no_age = { $wing } wing: this person is a minor (Minors' or Family wing only).
rule-bed-wing-women = Women's wing: this person's gender is { $gender }.
rule-bed-wing-men = Men's wing: this person's gender is { $gender }.
rule-bed-out_of_service = Out of service: { $reason }.
rule-bed-out_of_service-until = Out of service until { $until }: { $reason }.
rule-bed-retired = This bed is no longer in use.
rule-bed-occupied = Someone is already in this bed.
rule-bed-reserved = This bed is reserved for someone else tonight.
rule-bed-already_housed = This person already has a bed: use transfer.
rule-bed-not_housed = This person has no bed.
rule-bed-same_bed = This person is already in that bed.
rule-bed-before_check_in = The date is before the check-in on { $from }.
rule-bed-future_date = The date is in the future: reserve the bed instead.
rule-bed-past_date = That date is already past.
rule-bed-case_closed = The case is closed.
rule-bed-manager_only = Only a manager can do this.
rule-bed-stay_closed = This stay was closed in the meantime.
rule-bed-taken_then = Someone else had this bed on that date.
rule-bed-housed_then = This person had another bed on that date.
rule-bed-room_occupied = Someone is sleeping in this room: move them first.
rule-bed-already_reserved = This bed is already reserved for that night.
rule-bed-duplicate_name = Another room or bed already has that name.
rule-bed-reservation_released = The reservation was already released.

## Actions and hints

action-room_new = New room
hint-bed_assign = Assign
hint-bed_transfer = Transfer
hint-bed_checkout = Check out
hint-bed_out_of_service = Out of service
hint-filter_wing = Wing
hint-filter_free = Free only
hint-rooms_setup = Rooms
hint-room_new = New room
hint-mark_present = Present
hint-mark_absent = Absent
hint-mark_on_leave = Leave
hint-mark_hospital = Hospital
hint-mark_unknown_person = Unknown
hint-undo_mark = Undo
hint-finish = Finish

## Night roll-call

night-progress = { $done } / { $total }
night-counts = present { $present } · absent { $absent } · leave { $leave } · hospital { $hospital } · unknown { $unknown }
night-walk-help = One key per bed, in walking order · Backspace: take back · Ctrl-S: finish
night-rerun = Already walked tonight (saved { $time } by { $by }): marking again updates it.
night-nobody = Nobody is in a bed tonight.
night-mark-present = present
night-mark-absent = ABSENT
night-mark-on_leave = on leave
night-mark-hospital = hospital
night-mark-unknown_person = UNKNOWN PERSON
night-due-out = due out { $date }
night-reserved-for = reserved: { $who }
night-bed-empty = Nobody should be in this bed: u records an unknown person.
night-bed-occupied = Someone should be in this bed: mark present, absent, leave or hospital.
night-nothing-to-undo = No mark to take back.
night-saved = Roll-call saved.
night-finished = Roll-call saved at { $time } · { $done } / { $total } beds checked
night-no-discrepancies = No discrepancies: everyone is where they should be.
night-discrepancies = { $count ->
    [one] { $count } discrepancy
   *[other] { $count } discrepancies
}
night-more = … and { $count } more
night-finished-help = Enter: back to the walk · Esc: done
night-disc-absent = Absent without leave: { $bed } · { $who }
night-disc-unknown = Unknown person in { $bed }, which should be free
night-disc-unchecked = Not checked: { $bed } · { $who }
night-disc-stay-ended = Stay ended { $date }: { $bed } · { $who } — check out or extend
night-disc-stay-closed = Marked, but the stay has ended since: { $bed } · { $who }
night-disc-unfilled = Reserved for tonight, not checked in: { $bed } · { $who }
night-ask-leave = Leave the roll-call? The marks made are not saved.
night-absentees = { $count ->
    [one] { $count } absent at the roll-call of { $night }
   *[other] { $count } absent at the roll-call of { $night }
}
