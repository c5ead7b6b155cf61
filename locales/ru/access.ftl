# access: messages of the access screens and commands.
dash-past-retention = { $count ->
    [one] { $count } закрытое дело хранится дольше срока
    [few] { $count } закрытых дела хранятся дольше срока
   *[many] { $count } закрытых дел хранятся дольше срока
}
rule-erase_open_case = Удалить можно только закрытое дело: сначала закройте его.
rule-passphrase_short = Парольная фраза слишком короткая: нужно не меньше 12 символов.
action-go_audit = Просмотр журнала аудита
screen-audit = Журнал аудита
audit-filter = Фильтр
audit-filter-help = / — фильтр: слова или user:ИМЯ case:КОД action:ДЕЙСТВИЕ from:ДАТА to:ДАТА
audit-count = { $shown } из { $total } событий
audit-col-when = Когда
audit-col-user = Пользователь
audit-col-action = Действие
audit-col-entity = Запись
audit-col-case = Дело
audit-col-summary = Описание
audit-head = Вершина цепочки: { $head }
audit-broken = Цепочка нарушена на событии { $seq }: запустите `haven check`.
