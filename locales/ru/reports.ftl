# reports: messages of the reports screens and commands.
rule-backup_other_centre = Эта резервная копия принадлежит другому центру и не может заменить этот.
dash-backup-never = Проверенной резервной копии ещё нет: запустите `haven backup --out ФАЙЛ`.
dash-backup-old = { $days ->
    [one] Последняя проверенная резервная копия — { $days } день назад
    [few] Последняя проверенная резервная копия — { $days } дня назад
   *[many] Последняя проверенная резервная копия — { $days } дней назад
}
