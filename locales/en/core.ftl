# Haven — English. Every message id exists in en, ru and fr (tests/i18n.rs checks).

app-title = Haven

## Screens and the hint bar (short labels shown next to the keys)

screen-login = Log in
screen-dashboard = Dashboard
screen-arrivals = Arrivals
screen-beds = Beds
screen-night = Night roll-call
screen-cases = Cases
screen-case_file = Case file
screen-reports = Reports
screen-help = Help
screen-admin = Administration
hint-help = Help
hint-arrivals = Arrivals
hint-beds = Beds
hint-cases = Cases
hint-night = Night
hint-reports = Reports
hint-quit = Quit
hint-lock = Lock
hint-back = Back
hint-save = Save
hint-search = Search
hint-more = More keys: { $key }

## Login and lock

login-title = Log in to Haven
login-username = Username
login-passphrase = Passphrase
login-submit = Log in
login-failed = Wrong username or passphrase
login-throttled = Too many attempts: wait { $seconds } s
lock-title = Screen locked
lock-hint = Enter your passphrase to unlock

## Status line

status-saved = Saved
status-saving = Saving…
confirm-discard = Discard unsaved changes?
confirm-yes = Yes
confirm-no = No
terminal-too-small = Enlarge the window to at least 80×24

## Beds

beds-free = { $count ->
    [one] { $count } free bed
   *[other] { $count } free beds
}

## Services (src/domain/service.rs)

service-airport_reception = Airport reception
service-temporary_housing = Temporary housing
service-medical_care = Medical care
service-psychological_support = Psychological support
service-social_support = Social support
service-legal_support = Legal support
service-domestic_transport = Transport to the final destination in the country
service-repatriation = Repatriation
service-travel_medical_escort = Medical assistance during the journey
service-reintegration_grant = Reintegration grant
service-ngo_referral = Referral to a local NGO
service-reintegration_counselling = Reintegration counselling and training

service-status-not_assessed = Not assessed
service-status-needed = Needed
service-status-planned = Planned
service-status-in_progress = In progress
service-status-done = Done
service-status-declined = Declined
service-status-not_applicable = Not applicable

## Cases

case-status-expected = Expected
case-status-arrived = Arrived
case-status-in_residence = In residence
case-status-departed = Departed
case-status-closed = Closed
case-status-closed_referred = Closed, referred

gender-feminine = Feminine
gender-masculine = Masculine
gender-transgender_feminine = Transgender feminine
gender-transgender_masculine = Transgender masculine
gender-non_conforming = Gender non-conforming
gender-non_specified_unknown = Not specified or unknown

## Roles, wings, pickups

role-reception = Reception
role-night = Night shift
role-case_worker = Case worker
role-manager = Manager

wing-women = Women
wing-men = Men
wing-family = Family
wing-minors = Minors
wing-any = Any

pickup-status-scheduled = Scheduled
pickup-status-delayed = Delayed
pickup-status-met = Met
pickup-status-no_show = No-show
pickup-status-cancelled = Cancelled
pickup-status-at_centre = At the centre

## Command-line errors

error-auth-failed = Wrong username or passphrase.
error-vault-damaged = The vault header is damaged. Restore it from a backup.
error-kdf-forged = The vault header asks for impossible key-derivation settings; it may have been tampered with.
error-not-a-centre = { $path } is not a Haven centre.
error-already-running = Haven is already running on { $path }. Close the other window first.
error-disk-full = The disk is full: nothing was saved.
error-closed = The disk refused a write: nothing was saved. Haven opens the database again as soon as it can (free some space); what is on screen is kept.
quit-draft-not-kept = The form in progress could not be kept: the disk refused the write. Free some space and quit again, or quit again now to leave without it.
error-save-failed = Saving failed: nothing was saved.
error-centre-exists = A centre already exists in { $path }.
error-passphrase-mismatch = The passphrases do not match.
error-passphrase-too-short = The passphrase is too short: use at least { $min } characters.
error-permission-denied = Permission denied: { $path }

## Actions (F1 help), one per Action

action-help = Show help for this screen
action-go_arrivals = Go to arrivals
action-go_beds = Go to beds
action-go_cases = Go to cases
action-go_night = Go to the night roll-call
action-go_reports = Go to reports
action-go_dashboard = Go to the dashboard
action-quit = Quit
action-lock = Lock the screen
action-back = Go back
action-close = Close
action-confirm_discard = Close, asking before discarding changes
action-noop = Do nothing
action-up = Move up
action-down = Move down
action-left = Move left
action-right = Move right
action-page_up = Page up
action-page_down = Page down
action-home = First item
action-end = Last item
action-next_field = Next field
action-prev_field = Previous field
action-open = Open the selected item
action-confirm = Confirm
action-save = Save
action-search = Search
action-cancel = Cancel
action-pickup_new = New pickup
action-pickup_edit = Edit the pickup
action-pickup_met = Mark met
action-pickup_no_show = Mark no-show
action-pickup_delayed = Mark delayed
action-pickup_cancelled = Mark cancelled
action-pickup_at_centre = Mark arrived at the centre
action-walk_in = Unexpected arrival
action-open_case = Open the case file
action-view_today = Today
action-view_tomorrow = Tomorrow
action-view_week = This week
action-view_open = All open pickups
action-bed_assign = Assign a bed
action-bed_transfer = Transfer to another bed
action-bed_checkout = Check out
action-bed_reserve = Reserve a bed
action-bed_out_of_service = Out of service
action-filter_wing = Filter by wing
action-filter_free = Only free beds
action-rooms_setup = Rooms and beds
action-mark_present = Present
action-mark_absent = Absent
action-mark_on_leave = On leave
action-mark_hospital = In hospital
action-mark_unknown_person = Unknown person in the bed
action-undo_mark = Undo the last mark
action-finish = Finish
action-reveal_name = Reveal the name (recorded in the audit log)
action-next_tab = Next tab
action-prev_tab = Previous tab
action-service_forward = Service: next status
action-service_done_today = Service: done today
action-service_not_applicable = Service: not applicable
action-filter_status = Filter by status
action-filter_mine = Only my cases
action-case_close = Close the case
action-case_reopen = Reopen the case
action-new = New
action-edit = Edit
action-delete = Delete
action-export = Export
action-period_next = Next period
action-period_prev = Previous period

## Added with the console
error-disabled = This account is disabled.
error-corrupt = Damaged data in { $tree }: run `haven check` and restore from a backup.
error-database-damaged = The database files are damaged: restore the centre from a backup.
error-forbidden = Permission denied: your role cannot do this.
error-not-found = Not found: { $what }.
error-io = A disk error stopped the operation; nothing was saved.
error-invalid = Invalid input: { $what }.
error-not-demo = That folder holds a real centre, not a demo: choose another folder with --data.
rule-last_manager = The last manager cannot be disabled.
rule-stale_revision = Someone else saved this record in the meantime: reopen it and try again.
login-demo-accounts = Demo accounts (username, passphrase, role):
lock-locked = Screen locked. Log in to continue.
draft-restored = Your unsaved form was kept: continue where you left off.
status-demo = DEMO
status-lock-in = Locks in { $seconds } s
dash-arrivals-today = { $count ->
    [one] { $count } arrival today
   *[other] { $count } arrivals today
}
dash-next-arrival = Next arrival
dash-no-arrivals = No arrivals expected
dash-occupancy = Occupied tonight: { $occupied } of { $capacity }
dash-overdue-pickups = { $count ->
    [one] { $count } pickup overdue
   *[other] { $count } pickups overdue
}
dash-overdue-services = { $count ->
    [one] { $count } planned service past its date
   *[other] { $count } planned services past their date
}
dash-no-alerts = No alerts
dash-alerts = Alerts
dash-year = This year
dash-target = { $count } people assisted · target: { $target } a year
first-run-title = New centre
first-run-intro = No centre in this folder yet. Create one: centre code, name, first manager and passphrase.
first-run-demo = To look around first, quit (Ctrl-Q) and run: haven demo
first-run-created = Centre created. Log in as the manager you just named.
hint-confirm = OK
hint-open = Open
hint-next_field = Next field
hint-prev_field = Previous field
hint-close = Close
hint-down = Down
hint-up = Up
hint-go_dashboard = Home
status-finish-form-first = Save or discard the open form first (Ctrl-S or Esc).
hint-go_beds = Beds
hint-go_cases = Cases
hint-go_night = Night
hint-go_reports = Reports
hint-go_audit = Audit
hint-new = New
hint-edit = Edit
hint-cancel = Cancel

## Opening

opening-compacting = Compacting the database after large changes (once, it can take a minute)…

## Quitting with a form in progress

quit-question = Quit? The form in progress is kept as a draft and comes back at your next login.
quit-question-keys = Enter: keep as draft and quit · Esc: stay
## Secrets and restore (issue 16)

centre-permissions-fixed = { $path } was open to other users of this computer; it is now owner-only (folder 0700, files 0600).
centre-permissions-open = { $path } is open to other users of this computer and could not be closed: make it owner-only (chmod -R go-rwx).
restore-replaced-kept = The centre it replaced is kept in { $path } until a manager removes it.
rule-database_without_vault = This folder holds a database but no vault header: it is half of a centre. Nothing was written; restore the centre from a backup, or choose an empty folder.
check-damaged = Damaged data in { $tree }: this centre cannot be checked further. Restore it from a backup.
## A damaged database (issue 16)

error-tree-unreadable = The database cannot read { $tree } past entry { $after } (a damaged page): nothing was written over it. Restore the centre from a backup.
error-database-log-damaged = The database file is damaged at byte { $at }: it was not opened, so nothing was written over it. A copy is kept in { $path }. Restore the centre from a backup.
error-witness-missing = The witness of the last save (the file “head”) is missing, so lost saves could not be noticed: the centre is not opened. A manager who knows why it is missing runs `haven check --accept-missing-witness`.
error-witness-unreadable = The witness of the last save (the file “head”) is empty or damaged, so lost saves could not be noticed: the centre is not opened. A manager who knows why runs `haven check --accept-missing-witness`.
error-saves-lost = Saves were lost: the database ends at event { $ends } but { $acknowledged } were acknowledged. Nothing was written over it. Restore the centre from a backup.
error-saves-lost-kept = A copy of what was cut is kept in { $path }.
error-already-running-by = Haven is already running on { $path } (process { $pid }, since { $since }). Close the other window first.
error-folder-replaced = The centre folder { $path } was moved or replaced while Haven was running: nothing more is saved into it. Quit Haven and start it again.

action-service_back = Service: previous status

# Key names in hints and help (keymap::KeyChord::label; docs/GLOSSARY.md).
key-ctrl = Ctrl
key-alt = Alt
key-shift = Shift
key-space = Space
key-enter = Enter
key-esc = Esc
key-tab = Tab
key-backspace = Backspace
key-delete = Del
key-insert = Ins
key-home = Home
key-end = End
key-pageup = PgUp
key-pagedown = PgDn
key-up = Up
key-down = Down
key-left = Left
key-right = Right

# The help title names the screen below it; forms and lists too.
screen-global = Everywhere
screen-form = Form
screen-list = List
