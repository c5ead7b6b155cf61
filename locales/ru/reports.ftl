# reports: messages of the reports screens and commands.
rule-backup_other_centre = Эта резервная копия принадлежит другому центру и не может заменить этот.
dash-backup-never = Проверенной резервной копии ещё нет: запустите `haven backup --out ФАЙЛ`.
dash-backup-old = { $days ->
    [one] Последняя проверенная резервная копия — { $days } день назад
    [few] Последняя проверенная резервная копия — { $days } дня назад
   *[many] Последняя проверенная резервная копия — { $days } дней назад
}

## Reports (F6, haven report)
report-title = Отчёт
report-period = Период
report-period-month = { $month } { $year }
report-period-quarter = { $quarter }-й квартал { $year }
report-month-1 = Январь
report-month-2 = Февраль
report-month-3 = Март
report-month-4 = Апрель
report-month-5 = Май
report-month-6 = Июнь
report-month-7 = Июль
report-month-8 = Август
report-month-9 = Сентябрь
report-month-10 = Октябрь
report-month-11 = Ноябрь
report-month-12 = Декабрь
report-assisted = Получили помощь
report-new = Прибыли
report-resident = Проживали
report-departed = Выбыли
report-closed = Дела закрыты
report-erased-counted = Из них удалённые дела (обезличенно)
report-services-total = Оказано услуг
report-referrals-in = Направлены к нам
report-referrals-out = Направлены нами
report-pickups-total = Встреч в аэропорту запланировано
report-pickups-met = Встречены
report-pickups-no-show = Не прибыли
report-pickups-cancelled = Встречи отменены
report-pickups-pending = Встречи ещё впереди
report-bed-nights = Койко-ночи
report-average-stay = Средний срок проживания выбывших (ночей)
report-occupancy-rate = Загрузка коек за ночь
report-occupancy-average = Занято коек за ночь, в среднем
report-occupancy-peak = Занято коек, самая загруженная ночь
report-target = Прибыли в { $year } году (цель { $target })
report-target-share = Доля годовой цели
report-target-expected = При равномерном темпе к { $date }
report-note-assisted = Получили помощь: прибыли, ночевали в центре, выбыли, получили услугу или были направлены в этот период.
report-note-nights = Ночи учтены до ночи перед { $date }.
report-note-erased = { $count ->
    [one] { $count } удалённое дело года, который период охватывает лишь частично, не учтено: от него сохранился только год.
    [few] { $count } удалённых дела года, который период охватывает лишь частично, не учтены: от них сохранился только год.
   *[many] { $count } удалённых дел года, который период охватывает лишь частично, не учтены: от них сохранился только год.
}
report-note-incomplete = Без доступа к делам гражданство, виды эксплуатации, закрытия и направления не учитываются.
report-note-exploitation = Человек может учитываться в нескольких видах эксплуатации; в итоге каждый учтён один раз.
report-table-summary = Сводка
report-table-gender = По полу
report-table-age = По возрасту
report-table-citizenship = По гражданству
report-table-exploitation = По виду эксплуатации
report-table-services = Оказанные услуги
report-table-grants = Выплаченные гранты на реинтеграцию
report-table-referrals = Направления по типу организации
report-table-months = Загрузка по месяцам
report-table-nights = Загрузка по ночам
report-col-item = Показатель
report-col-value = Значение
report-col-gender = Пол
report-col-age = Возраст
report-col-citizenship = Гражданство
report-col-exploitation = Вид эксплуатации
report-col-service = Услуга
report-col-count = Человек
report-col-currency = Валюта
report-col-grants = Грантов
report-col-amount = Сумма
report-col-org-type = Тип организации
report-col-in = К нам
report-col-out = От нас
report-col-total = Всего
report-col-month = Месяц
report-col-night = Ночь
report-col-occupied = Занято
report-col-capacity = Доступно коек
report-col-capacity-nights = Доступно койко-ночей
report-col-bed-nights = Койко-ночи
report-col-rate = Загрузка
report-col-peak = Пиковая ночь
report-age-age_0_8 = 0–8
report-age-age_9_17 = 9–17
report-age-age_18_20 = 18–20
report-age-age_21_23 = 21–23
report-age-age_24_26 = 24–26
report-age-age_27_29 = 27–29
report-age-age_30_38 = 30–38
report-age-age_39_47 = 39–47
report-age-age_48_plus = 48 и старше
report-age-unknown = Возраст неизвестен
report-unknown = Неизвестно
report-not-recorded = Не указано
report-yes = да
report-no = нет
report-provider-internal = центр

## Data export (haven export)
report-sheet-cases = Дела
report-sheet-services = Услуги
report-sheet-referrals = Направления
report-sheet-consents = Согласия
report-sheet-travel = Поездки
report-sheet-stays = Проживание
report-sheet-pickups = Встречи
report-sheet-organisations = Организации
report-sheet-rooms = Комнаты
report-sheet-beds = Койки
export-cannot-write = Не удалось записать { $path }: { $reason }. Ничего не выгружено.
export-unknown-kind = Вида записей «{ $kind }» нет: укажите один из { $kinds } или all.

## Import (haven import)
import-line = строка { $line }: { $problem }
import-not-xlsx = Файл не является читаемой книгой Excel (.xlsx).
import-empty = В файле нет строки заголовков со строками под ней.
import-missing-column = В файле нет столбца { $column } (подходящие заголовки: { $names }).
import-duplicate-column = Два столбца означают одно и то же: { $column }.
import-required = { $column }: значение обязательно, а ячейка пуста
import-bad-date = { $column }: «{ $value }» — не дата (пишите 2026-12-01 или 01.12.2026)
import-bad-choice = { $column }: «{ $value }» — не одно из значений { $allowed }
import-bad-country = { $column }: «{ $value }» — не страна (пишите RU, RUS или Россия)
import-bad-number = { $column }: «{ $value }» — не целое число в допустимых пределах
import-bad-yes-no = { $column }: «{ $value }» — ни «да», ни «нет»
import-bad-code = «{ $value }» — не код дела вида MSK-26-0042
import-too-long = { $column }: длиннее { $max } знаков
import-birth-after-arrival = дата рождения позже прибытия (или в будущем)
import-duplicate-row = повтор строки { $line }
import-bed-taken = метка койки { $label } уже занята другой комнатой
import-nothing-written = Не импортировать строк: { $bad } из { $total }. Ничего не записано: исправьте их и запустите импорт снова или укажите --skip-bad, чтобы импортировать хорошие строки.
report-cli-bad-date = { $option } { $value }: не дата (пишите 2026-11-01 или 01.11.2026).
report-cli-ends-before-start = Период кончается раньше, чем начинается: проверьте --from и --to.
report-cli-too-long = Период длиннее десяти лет: проверьте --from и --to.
report-cli-xlsx-needs-out = Отчёт XLSX — это файл: укажите --out ФАЙЛ.
report-cli-written = Отчёт записан в { $path }.
export-progress = выгрузка
export-written = Записан { $path }: { $rows ->
    [one] { $rows } строка
    [few] { $rows } строки
   *[many] { $rows } строк
}.
export-left-out-refused = { $count ->
    [one] { $count } человек не выгружен: согласие на обработку данных не дано или отозвано.
    [few] { $count } человека не выгружены: согласие на обработку данных не дано или отозвано.
   *[many] { $count } человек не выгружены: согласие на обработку данных не дано или отозвано.
}
export-ctdc-summary = CTDC: дел { $cases }; без согласия на обезличенную статистику — { $consent }, не прибывших или не признанных пострадавшими — { $victims } (не выгружены); записано строк: { $rows } (k = { $k }).
export-ctdc-nothing-suppressed = Скрывать значения не пришлось.
export-ctdc-suppressed = Значения заменены на -99, чтобы каждое сочетание пола, возраста, гражданства и страны эксплуатации встречалось не реже 11 раз: { $cells }.
export-ctdc-dropped = { $count ->
    [one] { $count } строка исключена: её сочетание осталось реже 11 даже со всеми скрытыми значениями.
    [few] { $count } строки исключены: их сочетание осталось реже 11 даже со всеми скрытыми значениями.
   *[many] { $count } строк исключено: их сочетание осталось реже 11 даже со всеми скрытыми значениями.
}
import-progress = импорт
import-cannot-read = Не удалось прочитать { $path }: { $reason }.
import-col-line = строка
import-col-problem = ошибка
import-ignored-columns = Нераспознанные столбцы пропущены: { $columns }.
import-done-cases = Дела: импортировано { $created }, уже были в Haven и не изменены — { $existing } (строк в файле: { $rows }).
import-done-organisations = Организации: импортировано { $created }, уже были в справочнике и не изменены — { $existing } (строк в файле: { $rows }).
import-done-rooms = Комнаты: импортировано { $created }, коек { $beds }; уже были в плане и не изменены — { $existing } (строк в файле: { $rows }).
import-not-housed = { $count ->
    [one] { $count } дело, отмеченное в файле как «проживает», импортировано как «прибыл(а)»: дайте койку на плане коек (F3).
    [few] { $count } дела, отмеченные в файле как «проживает», импортированы как «прибыл(а)»: дайте койки на плане коек (F3).
   *[many] { $count } дел, отмеченных в файле как «проживает», импортированы как «прибыл(а)»: дайте койки на плане коек (F3).
}
import-bad-written = { $count ->
    [one] { $count } плохая строка записана в { $path }: исправьте её там и импортируйте этот файл.
    [few] { $count } плохие строки записаны в { $path }: исправьте их там и импортируйте этот файл.
   *[many] { $count } плохих строк записано в { $path }: исправьте их там и импортируйте этот файл.
}

## The reports screen (F6)
action-period_month = Месяц
action-period_quarter = Квартал
action-period_year = Год
action-period_range = Даты с … по
hint-period_prev = Раньше
hint-period_next = Позже
hint-period_month = Месяц
hint-period_quarter = Квартал
hint-period_year = Год
hint-period_range = Даты
hint-export = Выгрузка
report-forbidden = Отчёты доступны социальным работникам и руководителям: в них учитываются люди по их делам.
report-kind-month = месяц
report-kind-quarter = квартал
report-kind-year = год
report-kind-range = даты
report-tab-summary = Сводка
report-tab-gender = Пол
report-tab-age = Возраст
report-tab-citizenship = Гражданство
report-tab-exploitation = Эксплуатация
report-tab-services = Услуги
report-tab-referrals = Направления
report-tab-occupancy = Загрузка
report-sparkline = Занято коек по ночам (максимум { $peak } из { $beds })
report-no-nights = Ни одна ночь этого периода ещё не прошла.
report-target-gauge = { $year }: прибыли { $count } · цель: { $target } в год · к концу периода: { $expected }
report-export-title = Выгрузка
report-export-report_xlsx = Этот отчёт, книга Excel
report-export-report_csv = Этот отчёт, CSV
report-export-report_text = Этот отчёт, текст
report-export-data_xlsx = Все записи, книга Excel (лист на каждый вид)
report-export-data_csv = Дела, CSV
report-export-json = Все данные, JSON (для переноса)
report-export-ctdc = Набор CTDC для МОМ (обезличенно, k = 11)
report-export-file = Файл
report-export-help = ↑↓ выбор · введите имя файла · Enter записывает · Esc закрывает
report-export-no-file = Укажите имя файла.
report-range-title = Даты с … по
report-range-help = Две даты, например 01.11.2026 – 15.12.2026; Enter показывает отчёт.
export-personal-clear = { $path } содержит персональные данные в открытом виде: на этом компьютере его можете читать только вы (0600); храните его на зашифрованном диске и удалите, когда он не нужен.
import-undone = Импорт остановлен: записанные им записи ({ $count }) снова удалены, от него ничего не осталось. Устраните причину и запустите тот же импорт снова.
import-interrupted = Импорт { $what ->
    [cases] дел
    [organisations] организаций
   *[rooms] комнат
    } (строк: { $rows }), начатый { $started }, был прерван до конца: записанные им записи ({ $undone }) удалены, от него ничего не осталось. Запустите тот же импорт снова.
import-encoding-at = Строка { $line }, байт { $byte } файла: файл не в UTF-8 и не похож на текст в Windows-1251. Сохраните его из Excel как «CSV UTF-8» или укажите --encoding windows-1251, если он в этой кодировке.
import-not-utf8-at = Строка { $line }, байт { $byte } файла: файл не в UTF-8 (возможно, это Windows-1251: укажите --encoding windows-1251 или сохраните его как «CSV UTF-8»).
import-not-text = В файле есть нулевые байты: это не текстовый файл или UTF-16, порядок байтов которого не определить. Сохраните его из Excel как «CSV UTF-8».
import-open-quote = Строка { $line }: здесь открывается ячейка в кавычках и продолжается на следующие строки (кавычка " пропущена или лишняя). Ничего не импортировано: исправьте эту строку и запустите импорт снова.
import-short-row = в строке ячеек: { $cells }, а заголовков: { $headings } (пропущен разделитель или строка обрезана)
import-extra-cells = в строке есть заполненные ячейки после последнего заголовка (ячеек: { $cells }, заголовков: { $headings }): они бы потерялись
import-bad-date-at = { $column }: не дата (пишите 2026-12-01 или 01.12.2026)
import-bad-choice-at = { $column }: не одно из значений { $allowed }
import-bad-country-at = { $column }: не страна (пишите RU, RUS или Россия)
import-bad-number-at = { $column }: не целое число в допустимых пределах
import-bad-yes-no-at = { $column }: не «да» и не «нет»
import-bad-code-at = { $column }: не код дела вида MSK-26-0042
import-bed-taken-at = такое обозначение койки уже есть в другой комнате
import-every-row-bad = Ни одну из строк ({ $total }) нельзя импортировать, поэтому ничего не записано: исправьте их и запустите импорт снова.
import-decoded-1251-check = Файл не в UTF-8: он прочитан как Windows-1251 (кириллица). Проверьте в Haven, что текст этих столбцов читается правильно: { $columns } (первый такой текст — в строке { $line }).
import-cannot-write = Не удаётся записать { $path }: { $reason }.

# A refusal while importing.
rule-import_running = В этот центр уже идёт другой импорт. Дождитесь его окончания и попробуйте снова.
rule-import_row_changed = Строка файла изменилась между предпросмотром и импортом. Откройте файл заново, чтобы увидеть его текущее содержимое.

# The reports screen while its records are read on another thread.
report-reading = Записи для отчёта загружаются…
# Короткие названия вкладок, когда полные не помещаются (80 колонок).
report-tab-short-summary = Сводка
report-tab-short-gender = Пол
report-tab-short-age = Возраст
report-tab-short-citizenship = Гражд.
report-tab-short-exploitation = Экспл.
report-tab-short-services = Услуги
report-tab-short-referrals = Направл.
report-tab-short-occupancy = Загрузка
