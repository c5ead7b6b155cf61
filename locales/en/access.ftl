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
