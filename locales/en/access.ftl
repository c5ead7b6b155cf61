# access: messages of the access screens and commands.
dash-past-retention = { $count ->
    [one] { $count } closed case past the retention period
   *[other] { $count } closed cases past the retention period
}
rule-erase_open_case = Only a closed case can be erased: close it first.
rule-passphrase_short = The passphrase is too short: use at least 12 characters.
action-go_audit = Review the audit trail
screen-audit = Audit trail
audit-filter = Filter
audit-filter-help = / to filter: words, or user:NAME case:CODE action:NAME from:DATE to:DATE
audit-count = { $shown } of { $total } events
audit-col-when = When
audit-col-user = User
audit-col-action = Action
audit-col-entity = Record
audit-col-case = Case
audit-col-summary = Summary
audit-head = Head of the chain: { $head }
audit-broken = The chain is broken at event { $seq }: run `haven check`.

# The audit trail in words (ui/audit_words.rs): actions, kinds of record,
# and summaries stored in no language (a message name and its arguments).
audit-action-init = Set up
audit-action-login = Login
audit-action-login_failed = Login failed
audit-action-logout = Logout
audit-action-lock = Lock
audit-action-view_case = Case viewed
audit-action-reveal_name = Name shown
audit-action-create = Created
audit-action-update = Changed
audit-action-delete = Deleted
audit-action-erase = Erased
audit-action-export = Export
audit-action-import = Import
audit-action-report = Report
audit-action-backup = Backup
audit-action-restore = Restore
audit-action-user_add = User added
audit-action-user_change = User changed
audit-entity-case = Case
audit-entity-case_file = Case file
audit-entity-pickup = Pickup
audit-entity-room = Room
audit-entity-bed = Bed
audit-entity-stay = Stay
audit-entity-reservation = Reservation
audit-entity-night_check = Roll-call
audit-entity-service = Service
audit-entity-organisation = Organisation
audit-entity-medical_note = Medical note
audit-entity-note = Note
audit-entity-referral = Referral
audit-entity-travel = Travel
audit-entity-consent = Consent
audit-entity-user = User
audit-entity-centre = Centre
audit-entity-report = Report
audit-entity-export = Export
audit-entity-import = Import
audit-entity-demo = Demo data
audit-entity-sync = Sync
audit-entity-sync_bundle = Sync bundle
audit-entity-hub = Hub
audit-entity-conflict = Conflict
audit-entity-witness = Witness
audit-entity-roster = Roster
audit-entity-installation = Installation
audit-report-screen = On screen
audit-report-text = Text
audit-report-csv = CSV
audit-report-xlsx = XLSX
audit-said-case-created = New case with its services checklist
audit-said-case-reopened = Case reopened, reason in a note
audit-said-walk-in = Walk-in met at the gate
audit-said-rooms-setup = Rooms set up
audit-said-reservation-released = Reservation released
audit-said-pickup-status = Status: { $status }
audit-said-service-step = { $service }: { $from } → { $to }
audit-said-service-saved = { $service }: { $status }
audit-said-check-in = Checked in
audit-said-check-in-override = Checked in, wing overridden: { $wing }
audit-said-transfer = Moved to another bed
audit-said-transfer-override = Moved to another bed, wing overridden: { $wing }
audit-said-check-out = Checked out: { $reason }
audit-said-roll-call = Roll-call of { $night }: { $marks } marks, { $absent } absent, { $unknown } unknown
audit-said-demo-data = Demo data: { $count } { $what ->
        [cases] cases
        [rooms] rooms
        [beds] beds
        [organisations] organisations
        [stays] stays
        [pickups] pickups
        [reservations] reservations
       *[other] { $what }
    }
audit-said-report = { $how }: { $from } – { $to }
audit-said-login = As { $role }
audit-said-centre-created = Centre { $code }
audit-said-user-role = { $user }: { $role }
audit-said-user-disabled = { $user }: disabled
audit-said-referral = { $direction }: { $status }
audit-said-referral-override = { $direction }: { $status }, sent without consent by a manager's override
audit-said-consent = { $purpose }: { $state }; referrals revoked: { $revoked }
audit-consent-given = given
audit-consent-refused = refused
audit-consent-withdrawn = withdrawn
audit-said-travel-planned = { $kind }: planned
audit-said-travel-completed = { $kind }: completed
audit-said-travel-completed-done = { $kind }: completed; done: { $done }
