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

# The audit trail in words (ui/audit_words.rs): actions, kinds of record,
# and summaries stored in no language (a message name and its arguments).
audit-action-init = Создание
audit-action-login = Вход
audit-action-login_failed = Ошибка входа
audit-action-logout = Выход
audit-action-lock = Блокировка
audit-action-view_case = Просмотр
audit-action-reveal_name = Показ имени
audit-action-create = Создано
audit-action-update = Изменено
audit-action-delete = Удалено
audit-action-erase = Стёрто
audit-action-export = Экспорт
audit-action-import = Импорт
audit-action-report = Отчёт
audit-action-backup = Копирование
audit-action-restore = Восст. копии
audit-action-user_add = Новый польз.
audit-action-user_change = Изм. польз.
audit-entity-case = Дело
audit-entity-case_file = Досье дела
audit-entity-pickup = Встреча
audit-entity-room = Комната
audit-entity-bed = Койка
audit-entity-stay = Проживание
audit-entity-reservation = Бронь
audit-entity-night_check = Ночной обход
audit-entity-service = Услуга
audit-entity-organisation = Организация
audit-entity-medical_note = Мед. запись
audit-entity-note = Заметка
audit-entity-referral = Направление
audit-entity-travel = Поездка
audit-entity-consent = Согласие
audit-entity-user = Пользователь
audit-entity-centre = Центр
audit-entity-report = Отчёт
audit-entity-export = Экспорт
audit-entity-import = Импорт
audit-entity-demo = Демо-данные
audit-entity-sync = Синхрон.
audit-entity-sync_bundle = Пакет синхр.
audit-entity-hub = Хаб
audit-entity-conflict = Конфликт
audit-entity-witness = Свидетель
audit-entity-roster = Реестр
audit-entity-installation = Установка
audit-report-screen = На экране
audit-report-text = Текст
audit-report-csv = CSV
audit-report-xlsx = XLSX
audit-said-case-created = Новое дело и перечень услуг
audit-said-case-reopened = Дело возобновлено, причина в заметке
audit-said-walk-in = Пришёл сам, встречен у входа
audit-said-rooms-setup = Настройка комнат
audit-said-reservation-released = Бронь снята
audit-said-pickup-status = Статус: { $status }
audit-said-service-step = { $service }: { $from } → { $to }
audit-said-service-saved = { $service }: { $status }
audit-said-check-in = Заселение
audit-said-check-in-override = Заселение в другое отделение: { $wing }
audit-said-transfer = Перевод на другую койку
audit-said-transfer-override = Перевод на другую койку, другое отделение: { $wing }
audit-said-check-out = Выселение: { $reason }
audit-said-roll-call = Ночной обход { $night }: отметок { $marks }, отсутствуют { $absent }, неизвестных { $unknown }
audit-said-demo-data = Демо-данные: { $count } { $what ->
        [cases] дел
        [rooms] комнат
        [beds] коек
        [organisations] организаций
        [stays] проживаний
        [pickups] встреч
        [reservations] броней
       *[other] { $what }
    }
audit-said-report = { $how }: { $from } – { $to }
audit-said-login = Роль: { $role }
audit-said-centre-created = Центр { $code }
audit-said-user-role = { $user }: { $role }
audit-said-user-disabled = { $user }: отключён
audit-said-referral = { $direction }: { $status }
audit-said-referral-override = { $direction }: { $status }, отправлено без согласия по решению руководителя
audit-said-consent = { $purpose }: { $state }; отозвано направлений: { $revoked }
audit-consent-given = дано
audit-consent-refused = не дано
audit-consent-withdrawn = отозвано
audit-said-travel-planned = { $kind }: запланировано
audit-said-travel-completed = { $kind }: завершено
audit-said-travel-completed-done = { $kind }: завершено; выполнено: { $done }
