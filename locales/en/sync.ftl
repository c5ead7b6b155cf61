# sync: messages of the sync screens and commands.
action-go_conflicts = Review sync conflicts
hint-go_conflicts = Conflicts
screen-conflicts = Sync conflicts
dash-conflicts = { $count ->
    [one] { $count } record with a sync conflict (k to review)
   *[other] { $count } records with a sync conflict (k to review)
}
conflict-none = No conflicts: every laptop agrees.
conflict-count = { $count ->
    [one] { $count } record with a conflict. Enter opens it.
   *[other] { $count } records with a conflict. Enter opens one.
}
conflict-field = Field “{ $field }” ({ $n } of { $of })
conflict-field-deleted = deleted on one laptop, edited on another
conflict-base = Both replaced: { $value } ({ $laptop }, { $user })
conflict-base-unknown = The value both replaced is no longer kept.
conflict-help-detail = ←/→ choose a value · Enter keeps it · e types a new one · Esc back
conflict-new-value = New value
conflict-value-unfit = That value does not fit this field.
conflict-resolved = Conflict closed; the other laptops follow at their next sync.
conflict-none-left = This record has no conflict any more.
conflict-kept = kept (not deleted)
conflict-deleted = deleted: { $reason }
sync-status-synced = ⇅ synced { $time }
sync-status-connecting = ⇅ connecting to the hub…
sync-status-offline = ⇅ offline since { $time }: { $why }
sync-status-alarms = { $count ->
    [one] ⇅ { $count } sync alarm: haven sync --status
   *[other] ⇅ { $count } sync alarms: haven sync --status
}
sync-status-heard = { $laptop } last heard { $time }
sync-status-never-heard = { $laptop } never heard from
sync-error-offline = hub unreachable, work goes on offline
sync-error-certificate = the hub's certificate is not the centre's
sync-error-refused = the hub refused this laptop
sync-error-hub = the hub reported an error
sync-alarm-unknown_installation = a change from a laptop this centre does not know
sync-alarm-revoked = a change from a revoked laptop
sync-alarm-gap = changes missing: the hub dropped or withheld some
sync-alarm-chain_broken = a change does not follow the one before it
sync-alarm-tampered = a change was altered
sync-alarm-bad_signature = a change is not signed by its laptop
sync-alarm-malformed = a change was cut short or is unreadable
sync-alarm-undecryptable = a signed change does not open with the centre's key
sync-alarm-fork = two different changes under one number: a laptop restored or copied (re-enrol it)
sync-alarm-rollback = the hub shows less than before (rolled back)
sync-alarm-withheld = the hub withholds changes a checkpoint names
sync-alarm-hub_mismatch = a hub row does not match the change inside it
sync-alarm-refused = a change names a record it cannot
sync-alarm-bad_checkpoint = a checkpoint or roster entry does not verify
sync-tree-case_front = Case
sync-tree-case_private = Case file
sync-tree-medical = Medical note
sync-tree-notes = Note
sync-tree-pickups = Pickup
sync-tree-rooms = Room
sync-tree-beds = Bed
sync-tree-stays = Stay
sync-tree-reservations = Reservation
sync-tree-night_checks = Roll-call
sync-tree-services = Service
sync-tree-referrals = Referral
sync-tree-organisations = Organisation
sync-tree-travel = Travel
sync-tree-consents = Consent
sync-tree-users = User
sync-tree-stats = Statistics
rule-sync_value_unfit = That value does not fit this field.
rule-sync_wrong_key = A change names another record than its own.
rule-sync_wrong_class = A change is sealed under the wrong key.
rule-sync_unknown_record = A change names a kind of record this version does not know.
rule-sync_malformed = A change is malformed.
rule-sync_case_key_differs = Two laptops hold different keys for one case.
rule-sync_no_roster_key = Only a manager holding the centre's roster key can do this.
rule-sync_device_ambiguous = Several laptops match: give more digits of the id.
rule-sync_revoke_self = A laptop cannot revoke itself.
# hubflow (issue 18 §4): what went wrong with the hub, in plain words.
sync-error-password = the hub refused this laptop's password (the hub's operator changed it, or this laptop's role is unknown there): run haven hub init again
sync-error-login = the hub does not let this laptop log in (its role is disabled or the server's access rules refuse it)
sync-error-database = the hub has no database of the name this laptop was given: check the URL
sync-error-busy = the hub is full, starting or shutting down: the next sync tries again
sync-error-local = this laptop could not prepare what it sends: nothing reached the hub
sync-error-certificate-expired = the hub's certificate is out of date (expired or not yet valid)
sync-error-certificate-name = the hub's certificate is for another server name than the one in the URL
sync-alarm-hub_altered = the hub altered one of this laptop's own changes
sync-hub-not-reached = Hub not reached: { $why } ({ $detail }). Work goes on offline; nothing was changed.
sync-unreachable-since = Hub unreachable since { $time }: { $why }
sync-last-error-detail = Last hub error: { $detail }
sync-alarm-count = { $kind }: { $count } alarm(s) since the last acknowledgement
sync-tree-service_details = Medical detail of a service
