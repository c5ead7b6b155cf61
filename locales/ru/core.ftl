# Haven — русский. Каждый идентификатор есть в en, ru и fr (проверяет tests/i18n.rs).

app-title = Haven

## Экраны и строка подсказок

screen-login = Вход
screen-dashboard = Сводка
screen-arrivals = Встречи
screen-beds = Койки
screen-night = Ночная проверка
screen-cases = Дела
screen-case_file = Дело
screen-reports = Отчёты
screen-help = Справка
screen-admin = Администрирование
hint-help = Справка
hint-arrivals = Встречи
hint-beds = Койки
hint-cases = Дела
hint-night = Ночь
hint-reports = Отчёты
hint-quit = Выход
hint-lock = Блок.
hint-back = Назад
hint-save = Сохранить
hint-search = Поиск
hint-more = Другие клавиши: { $key }

## Вход и блокировка

login-title = Вход в Haven
login-username = Имя пользователя
login-passphrase = Парольная фраза
login-submit = Войти
login-failed = Неверное имя пользователя или парольная фраза
login-throttled = Слишком много попыток: подождите { $seconds } с
lock-title = Экран заблокирован
lock-hint = Введите парольную фразу, чтобы разблокировать

## Строка состояния

status-saved = Сохранено
status-saving = Сохранение…
confirm-discard = Отменить несохранённые изменения?
confirm-yes = Да
confirm-no = Нет
terminal-too-small = Увеличьте окно хотя бы до 80×24

## Койки

beds-free = { $count ->
    [one] { $count } свободная койка
    [few] { $count } свободные койки
    [many] { $count } свободных коек
   *[other] { $count } свободной койки
}

## Услуги (src/domain/service.rs)

service-airport_reception = Встреча в аэропорту
service-temporary_housing = Временное проживание
service-medical_care = Медицинская помощь
service-psychological_support = Психологическая поддержка
service-social_support = Социальная поддержка
service-legal_support = Юридическая помощь
service-domestic_transport = Проезд до места назначения в стране
service-repatriation = Возвращение на родину
service-travel_medical_escort = Медицинское сопровождение в пути
service-reintegration_grant = Материальная помощь на реинтеграцию
service-ngo_referral = Направление в местную НКО
service-reintegration_counselling = Консультации и обучение для реинтеграции

service-status-not_assessed = Не оценено
service-status-needed = Нужно
service-status-planned = Запланировано
service-status-in_progress = Выполняется
service-status-done = Выполнено
service-status-declined = Отказ
service-status-not_applicable = Не требуется

## Дела

case-status-expected = Ожидается
case-status-arrived = Прибыл(а)
case-status-in_residence = Проживает в центре
case-status-departed = Выбыл(а)
case-status-closed = Закрыто
case-status-closed_referred = Закрыто с передачей

gender-feminine = Женский
gender-masculine = Мужской
gender-transgender_feminine = Трансгендер (женский)
gender-transgender_masculine = Трансгендер (мужской)
gender-non_conforming = Гендерно неконформный
gender-non_specified_unknown = Не указан или неизвестен

## Роли, отделения, встречи

role-reception = Встреча и приём
role-night = Ночная смена
role-case_worker = Куратор случая
role-manager = Руководитель

wing-women = Женское
wing-men = Мужское
wing-family = Семейное
wing-minors = Для несовершеннолетних
wing-any = Любое

pickup-status-scheduled = Запланирована
pickup-status-delayed = Задерживается
pickup-status-met = Встречен(а)
pickup-status-no_show = Не прибыл(а)
pickup-status-cancelled = Отменена
pickup-status-at_centre = В центре

## Ошибки командной строки

error-auth-failed = Неверное имя пользователя или парольная фраза.
error-vault-damaged = Заголовок хранилища повреждён. Восстановите его из резервной копии.
error-kdf-forged = Заголовок хранилища требует невозможных параметров вывода ключа; возможно, его подделали.
error-not-a-centre = { $path } — не центр Haven.
error-already-running = Haven уже запущен для { $path }. Сначала закройте другое окно.
error-disk-full = Диск заполнен: ничего не сохранено.
error-closed = Диск отказал в записи: ничего не сохранено. Haven снова откроет базу, как только сможет (освободите место); то, что на экране, сохраняется.
quit-draft-not-kept = Заполняемую форму не удалось сохранить: диск отказал в записи. Освободите место и выйдите снова или выйдите снова сейчас, чтобы уйти без неё.
error-save-failed = Не удалось сохранить: ничего не сохранено.
error-centre-exists = В { $path } уже есть центр.
error-passphrase-mismatch = Парольные фразы не совпадают.
error-passphrase-too-short = Парольная фраза слишком короткая: нужно не меньше { $min } символов.
error-permission-denied = Нет доступа: { $path }

## Действия (справка F1), по одному на Action

action-help = Справка по этому экрану
action-go_arrivals = Перейти к встречам
action-go_beds = Перейти к койкам
action-go_cases = Перейти к делам
action-go_night = Перейти к ночной проверке
action-go_reports = Перейти к отчётам
action-go_dashboard = Перейти к сводке
action-quit = Выйти
action-lock = Заблокировать экран
action-back = Назад
action-close = Закрыть
action-confirm_discard = Закрыть с вопросом о несохранённых изменениях
action-noop = Ничего не делать
action-up = Вверх
action-down = Вниз
action-left = Влево
action-right = Вправо
action-page_up = Страница вверх
action-page_down = Страница вниз
action-home = В начало
action-end = В конец
action-next_field = Следующее поле
action-prev_field = Предыдущее поле
action-open = Открыть выбранное
action-confirm = Подтвердить
action-save = Сохранить
action-search = Поиск
action-cancel = Отмена
action-pickup_new = Новая встреча
action-pickup_edit = Изменить встречу
action-pickup_met = Отметить: встречен(а)
action-pickup_no_show = Отметить: не прибыл(а)
action-pickup_delayed = Отметить: задерживается
action-pickup_cancelled = Отметить: отменена
action-pickup_at_centre = Отметить: в центре
action-walk_in = Неожиданное прибытие
action-open_case = Открыть дело
action-view_today = Сегодня
action-view_tomorrow = Завтра
action-view_week = Эта неделя
action-view_open = Все открытые встречи
action-bed_assign = Назначить койку
action-bed_transfer = Перевести на другую койку
action-bed_checkout = Выселить
action-bed_reserve = Забронировать койку
action-bed_out_of_service = Вывести из эксплуатации
action-filter_wing = Фильтр по отделению
action-filter_free = Только свободные койки
action-rooms_setup = Комнаты и койки
action-mark_present = На месте
action-mark_absent = Отсутствует
action-mark_on_leave = В отпуске
action-mark_hospital = В больнице
action-mark_unknown_person = Посторонний на койке
action-undo_mark = Отменить последнюю отметку
action-finish = Завершить
action-reveal_name = Показать имя (записывается в журнал)
action-next_tab = Следующая вкладка
action-prev_tab = Предыдущая вкладка
action-service_forward = Услуга: следующий статус
action-service_done_today = Услуга: выполнена сегодня
action-service_not_applicable = Услуга: не требуется
action-filter_status = Фильтр по статусу
action-filter_mine = Только мои дела
action-case_close = Закрыть дело
action-case_reopen = Открыть дело заново
action-new = Создать
action-edit = Изменить
action-delete = Удалить
action-export = Экспорт
action-period_next = Следующий период
action-period_prev = Предыдущий период

## Added with the console
error-disabled = Эта учётная запись отключена.
error-corrupt = Повреждённые данные в { $tree }: запустите `haven check` и восстановите из резервной копии.
error-database-damaged = Файлы базы данных повреждены: восстановите центр из резервной копии.
error-forbidden = Нет доступа: ваша роль не позволяет это сделать.
error-not-found = Не найдено: { $what }.
error-io = Ошибка диска прервала операцию; ничего не сохранено.
error-invalid = Неверные данные: { $what }.
error-not-demo = В этой папке настоящий центр, а не демо: укажите другую папку через --data.
rule-last_manager = Нельзя отключить последнего руководителя.
rule-stale_revision = Эту запись тем временем сохранил кто-то другой: откройте её снова и повторите.
login-demo-accounts = Демо-учётные записи (имя, парольная фраза, роль):
lock-locked = Экран заблокирован. Войдите, чтобы продолжить.
draft-restored = Несохранённая форма сохранена как черновик: продолжайте с того же места.
status-demo = ДЕМО
status-lock-in = Блокировка через { $seconds } с
dash-arrivals-today = { $count ->
    [one] { $count } прибытие сегодня
    [few] { $count } прибытия сегодня
   *[many] { $count } прибытий сегодня
}
dash-next-arrival = Следующее прибытие
dash-no-arrivals = Прибытий не ожидается
dash-occupancy = Занято этой ночью: { $occupied } из { $capacity }
dash-overdue-pickups = { $count ->
    [one] { $count } встреча просрочена
    [few] { $count } встречи просрочены
   *[many] { $count } встреч просрочено
}
dash-overdue-services = { $count ->
    [one] { $count } запланированная услуга просрочена
    [few] { $count } запланированные услуги просрочены
   *[many] { $count } запланированных услуг просрочено
}
dash-no-alerts = Предупреждений нет
dash-alerts = Предупреждения
dash-year = Этот год
dash-target = Помощь получили { $count } человек · цель: { $target } в год
first-run-title = Новый центр
first-run-intro = В этой папке ещё нет центра. Создайте его: код центра, название, первый руководитель и парольная фраза.
first-run-demo = Чтобы сначала осмотреться, выйдите (Ctrl-Q) и запустите: haven demo
first-run-created = Центр создан. Войдите как указанный руководитель.
hint-confirm = OK
hint-open = Открыть
hint-next_field = След. поле
hint-prev_field = Пред. поле
hint-close = Закрыть
hint-down = Вниз
hint-up = Вверх
hint-go_dashboard = Главная
status-finish-form-first = Сначала сохраните или закройте открытую форму (Ctrl-S или Esc).
hint-go_beds = Койки
hint-go_cases = Дела
hint-go_night = Ночь
hint-go_reports = Отчёты
hint-go_audit = Аудит
hint-new = Новый
hint-edit = Изменить
hint-cancel = Отмена

## Opening

opening-compacting = Сжатие базы данных после больших изменений (один раз, может занять минуту)…

## Quitting with a form in progress

quit-question = Выйти? Незаконченная форма сохранена как черновик и вернётся при следующем входе.
quit-question-keys = Enter: сохранить черновик и выйти · Esc: остаться
## Secrets and restore (issue 16)

centre-permissions-fixed = Папка { $path } была открыта другим пользователям этого компьютера; теперь доступ только у владельца (папка 0700, файлы 0600).
centre-permissions-open = Папка { $path } открыта другим пользователям этого компьютера, и закрыть её не удалось: оставьте доступ только владельцу (chmod -R go-rwx).
restore-replaced-kept = Заменённый центр сохранён в { $path }, пока руководитель его не удалит.
rule-database_without_vault = В этой папке есть база данных, но нет заголовка хранилища: это половина центра. Ничего не записано; восстановите центр из резервной копии или выберите пустую папку.
check-damaged = Повреждённые данные в { $tree }: дальше проверить этот центр нельзя. Восстановите его из резервной копии.
## A damaged database (issue 16)

error-tree-unreadable = База данных не может прочитать { $tree } после записи { $after } (повреждённая страница): поверх ничего не записано. Восстановите центр из резервной копии.
error-database-log-damaged = Файл базы данных повреждён в байте { $at }: он не открыт, поэтому поверх ничего не записано. Копия сохранена в { $path }. Восстановите центр из резервной копии.
error-witness-missing = Свидетель последнего сохранения (файл «head») отсутствует, и потерю сохранений нельзя заметить: центр не открыт. Руководитель, который знает, почему он пропал, запускает `haven check --accept-missing-witness`.
error-witness-unreadable = Свидетель последнего сохранения (файл «head») пуст или повреждён, и потерю сохранений нельзя заметить: центр не открыт. Руководитель, который знает причину, запускает `haven check --accept-missing-witness`.
error-saves-lost = Сохранения потеряны: база данных заканчивается на событии { $ends }, а подтверждено { $acknowledged }. Поверх ничего не записано. Восстановите центр из резервной копии.
error-saves-lost-kept = Копия отрезанного сохранена в { $path }.
error-already-running-by = Haven уже запущен для { $path } (процесс { $pid }, с { $since }). Сначала закройте другое окно.
error-folder-replaced = Папка центра { $path } была перемещена или заменена во время работы Haven: в неё больше ничего не сохраняется. Закройте Haven и запустите его снова.

action-service_back = Услуга: предыдущий статус

# Key names in hints and help (keymap::KeyChord::label; docs/GLOSSARY.md).
key-ctrl = Ctrl
key-alt = Alt
key-shift = Shift
key-space = Пробел
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
key-up = Вверх
key-down = Вниз
key-left = Влево
key-right = Вправо

# The help title names the screen below it; forms and lists too.
screen-global = Везде
screen-form = Форма
screen-list = Список
