# access: messages of the access screens and commands.
dash-past-retention = { $count ->
    [one] { $count } закрытое дело хранится дольше срока
    [few] { $count } закрытых дела хранятся дольше срока
   *[many] { $count } закрытых дел хранятся дольше срока
}
rule-erase_open_case = Удалить можно только закрытое дело: сначала закройте его.
rule-passphrase_short = Парольная фраза слишком короткая: нужно не меньше 12 символов.
