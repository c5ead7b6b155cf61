# access: messages of the access screens and commands.
dash-past-retention = { $count ->
    [one] { $count } closed case past the retention period
   *[other] { $count } closed cases past the retention period
}
rule-erase_open_case = Only a closed case can be erased: close it first.
rule-passphrase_short = The passphrase is too short: use at least 12 characters.
