# cases: messages of the cases screens and commands.

## Действия и короткие подсказки

action-organisations = Справочник организаций
action-travel_complete = Поездка завершена сегодня
hint-organisations = Справочник
hint-travel_complete = Завершена
hint-reveal_name = Показать имя
hint-service_forward = Далее
hint-service_done_today = Выполнено
hint-service_not_applicable = Не нужно
hint-filter_status = Статус
hint-filter_mine = Мои
hint-case_close = Закрыть дело
hint-case_reopen = Открыть снова
hint-next_tab = Вкладка

## Список дел

cases-filter = Показаны
cases-filter-active = действующие дела
cases-filter-closed = закрытые дела
cases-filter-all = все дела
cases-filter-mine = мои дела
cases-count = { $count ->
    [one] { $count } дело
    [few] { $count } дела
    [many] { $count } дел
   *[other] { $count } дела
}
cases-found = { $count ->
    [one] найдено { $count }
    [few] найдено { $count }
    [many] найдено { $count }
   *[other] найдено { $count }
}
cases-hidden-by-filter = { $count ->
    [one] ещё { $count } скрыто фильтрами
    [few] ещё { $count } скрыто фильтрами
    [many] ещё { $count } скрыто фильтрами
   *[other] ещё { $count } скрыто фильтрами
}
cases-col-code = Код
cases-col-alias = Псевдоним
cases-col-status = Статус
cases-col-gender = Пол
cases-col-age = Лет
cases-col-arrived = Прибытие
cases-col-bed = Койка
cases-col-services = Откр
cases-col-match = Совпало
cases-match-code = код
cases-match-alias = псевдоним
cases-match-document = документ
cases-match-name = имя
cases-gender-short-feminine = Ж
cases-gender-short-masculine = М
cases-gender-short-transgender_feminine = ТЖ
cases-gender-short-transgender_masculine = ТМ
cases-gender-short-non_conforming = НК
cases-gender-short-non_specified_unknown = ?
cases-empty = Здесь нет дел. s меняет фильтр, n создаёт новое дело.
cases-loading = Дела загружаются…
cases-no-match = Ни одно дело не подходит.
cases-nothing-to-search = Искать нечего: введите буквы или цифры.
cases-search-unavailable = Поиск недоступен: закройте и снова откройте список дел.
cases-legal-name = Имя по документам
cases-no-name = имя не записано
cases-new-case-label = (новое дело)
cases-created = Дело { $code } создано.

## Дело

cases-tab-profile = Профиль
cases-tab-stay = Проживание
cases-tab-services = Услуги
cases-tab-referrals = Направления
cases-tab-travel = Поездки
cases-tab-consent = Согласия
cases-tab-notes = Заметки
cases-tab-history = История
cases-bed = койка
cases-high-risk = высокий риск: никому не подтверждать присутствие
cases-name-hidden = скрыто: { $key } показывает (записывается)
cases-name-hidden-hint = Имя скрыто: { $key } показывает его (записывается в журнал аудита)
cases-name-not-for-role = Имя и материалы дела недоступны для вашей роли
cases-case-part-hidden = Остальная часть дела доступна кураторам случаев и руководителям.
cases-section-case = Дело
cases-section-identity = Личность
cases-section-documents = Документы
cases-section-contacts = Контакты
cases-section-trafficking = Профиль торговли людьми
cases-section-incoming = Входящее направление
cases-section-stays = Проживание
cases-section-referrals = Направления
cases-section-consent = Согласия
cases-section-travel = Поездки
cases-section-notes = Заметки
cases-nothing-recorded = Пока ничего не записано: Enter — заполнить.
cases-add-document = Добавить документ
cases-add-contact = Добавить контакт
cases-expires = действителен до
cases-expired = просрочен
cases-no-incoming = Входящее направление не записано: Enter — указать, кто направил человека.
cases-no-stay = Проживание не записано. Койки назначаются на доске коек (F3).
cases-stay-open = сейчас
cases-stay-ended = завершено
cases-stay-on-bed-board = Проживание меняется на доске коек (F3).
cases-room = комната
cases-from = с
cases-until = по
cases-expected-until = ожидается до
cases-no-services = У этого дела нет перечня услуг.
cases-col-service = Услуга
cases-col-planned = План
cases-col-done = Выполнено
cases-col-provider = Исполнитель
cases-col-note = Заметка
cases-provider-internal = Центр
cases-overdue = просрочено
cases-choose-service = Сначала выберите услугу в перечне.
cases-service-now = { $service }: { $status }.
cases-no-referrals = Направлений пока нет: n — новое.
cases-override = Отправлено без согласия по решению руководителя
cases-referral-uncovered = Это направление больше не покрыто согласием.
cases-no-consent = Согласий пока нет: n — записать.
cases-consent-given = дано
cases-consent-refused = отказ
cases-consent-withdrawn = отозвано
cases-recorded-by = записал(а)
cases-no-travel = Поездок пока нет: n — запланировать.
cases-travel-planned = запланирована
cases-travel-completed = завершена
cases-documents-at-risk = Документы для поездки не готовы, а до поездки меньше недели.
cases-medical-escort-note = Едет медик: медицинская помощь в пути будет отмечена выполненной по завершении.
cases-choose-journey = Сначала выберите поездку.
cases-travel-completed-status = { $count ->
    [one] Поездка завершена; { $count } услуга отмечена выполненной.
    [few] Поездка завершена; { $count } услуги отмечены выполненными.
    [many] Поездка завершена; { $count } услуг отмечено выполненными.
   *[other] Поездка завершена; услуг отмечено выполненными: { $count }.
}
cases-no-notes = Заметок пока нет: n — написать.
cases-note-more = дальше: Enter показывает всю заметку
cases-medical-hidden = Медицинские и психологические заметки доступны кураторам случаев и руководителям.
cases-no-history = Истории нет.
cases-col-field = Поле
cases-col-before = Было
cases-col-after = Стало
cases-version-created = создано
cases-version-deleted = удалено
cases-version-revision = версия { $revision }
cases-subject-case = Дело
cases-subject-file = Материалы дела
cases-subject-service = Услуга
cases-subject-stay = Проживание
cases-subject-referral = Направление
cases-subject-consent = Согласие
cases-subject-travel = Поездка
cases-subject-note = Заметка
cases-subject-medical = Медицинская заметка
cases-cannot-delete = Это нельзя удалить: измените статус.
cases-removed = Удалено. Прежняя версия сохранена в истории.
cases-saved = Сохранено.
cases-note-saved = Заметка сохранена.
cases-referral-saved = Направление сохранено.
cases-referral-saved-override = Направление сохранено без согласия по вашему решению (записано).
cases-consent-saved = Согласие сохранено.
cases-consent-saved-revoked = { $count ->
    [one] Согласие сохранено; { $count } направление, которое оно покрывало, отозвано.
    [few] Согласие сохранено; { $count } направления, которые оно покрывало, отозваны.
    [many] Согласие сохранено; { $count } направлений, которые оно покрывало, отозвано.
   *[other] Согласие сохранено; отозвано направлений: { $count }.
}
cases-closed-status = Дело закрыто: { $status }.
cases-reopened-status = Дело открыто снова: { $status }.

## Поля форм

cases-field-case = Дело
cases-field-code = Код
cases-field-alias = Псевдоним
cases-field-status = Статус
cases-field-gender = Пол
cases-field-age = Возраст
cases-field-age-group = Возрастная группа
cases-field-date-of-birth = Дата рождения
cases-field-estimated-age = Примерный возраст (лет)
cases-field-languages = Языки
cases-field-interpreter = Нужен переводчик
cases-field-special-needs = Особые потребности
cases-field-arrived = Дата прибытия
cases-field-worker = Куратор случая
cases-field-high-risk = Высокий риск
cases-field-family-name = Фамилия
cases-field-given-names = Имя
cases-field-patronymic = Отчество
cases-field-citizenship = Гражданство
cases-field-citizenship2 = Второе гражданство
cases-field-origin = Место происхождения
cases-field-file-notes = Прочие заметки
cases-field-closed = Дата закрытия
cases-field-outcome = Исход
cases-field-mrz = Машиночитаемая зона (необязательно)
cases-field-doc-kind = Документ
cases-field-doc-number = Номер
cases-field-issuing-country = Кем выдан
cases-field-issued = Дата выдачи
cases-field-expires = Действителен до
cases-field-doc-location = Где находится
cases-field-contact-kind = Вид
cases-field-contact-value = Номер или адрес
cases-field-note = Заметка
cases-field-trafficking-status = Статус идентификации
cases-field-decided-by = Кем установлен
cases-field-exploitation = Виды эксплуатации
cases-field-control = Средства контроля
cases-field-relation = Отношение к вербовщику
cases-field-recruitment = Вербовка
cases-field-exploitation-country = Страна эксплуатации
cases-field-exploitation-country2 = Ещё страна эксплуатации
cases-field-from = От кого
cases-field-org-type = Тип
cases-field-date = Дата
cases-field-reason = Причина
cases-field-service = Услуга
cases-field-planned = Запланировано на
cases-field-done = Дата выполнения
cases-field-provider = Исполнитель
cases-field-amount = Сумма
cases-field-direction = Направление
cases-field-organisation = Организация
cases-field-services = Запрошенные услуги
cases-field-follow-up = Проверить
cases-field-override = Причина без согласия (руководитель)
cases-field-purpose = Цель
cases-field-given = Согласие дано
cases-field-withdrawn = Дата отзыва
cases-field-travel-kind = Поездка
cases-field-destination = Регион и город
cases-field-country = Страна
cases-field-travel-mode = Транспорт
cases-field-travel-date = Дата
cases-field-ticket = Билет
cases-field-escort = Сопровождение
cases-field-documents-ready = Документы готовы
cases-field-completed = Дата завершения
cases-field-note-kind = Вид
cases-field-reopen-reason = Почему дело открывается снова
cases-field-org-name = Название
cases-field-city = Город
cases-field-org-contact = Контакт
cases-field-services-offered = Оказываемые услуги
cases-form-new-case = Новое дело
cases-form-front = Сведения о деле
cases-form-identity = Личность
cases-form-document = Документ
cases-form-contact = Контакт
cases-form-trafficking = Профиль торговли людьми
cases-form-service = Услуга
cases-form-referral = Направление
cases-form-consent = Согласие
cases-form-travel = Поездка
cases-form-note = Заметка
cases-form-close = Закрыть дело
cases-form-reopen = Открыть дело снова
cases-form-organisation-new = Новая организация
cases-form-organisation-edit = Организация
cases-error-future = Эта дата в будущем.
cases-error-arrival-before-birth = Прибытие раньше даты рождения.
cases-error-email = Это не адрес электронной почты.
cases-mrz-shape = Зона — это две строки по 44 знака (паспорт) или три по 30 (удостоверение).
cases-mrz-character = В зоне бывают только A–Z, 0–9 и <.
cases-mrz-document-code = Это не зона паспорта или удостоверения личности.
cases-mrz-check-number = Номер документа не сходится с контрольной цифрой: введите заново.
cases-mrz-check-birth = Дата рождения не сходится с контрольной цифрой: введите заново.
cases-mrz-check-expiry = Срок действия не сходится с контрольной цифрой: введите заново.
cases-mrz-check-optional = Личный номер не сходится с контрольной цифрой: введите заново.
cases-mrz-check-composite = Последняя контрольная цифра зоны не сходится: введите вторую строку заново.
cases-mrz-date = Дата в зоне не существует.
cases-mrz-sex = Пол должен быть F, M, X или <.

## Названия полей в истории

cases-hfield-alias = Псевдоним
cases-hfield-status = Статус
cases-hfield-gender = Пол
cases-hfield-age = Возраст
cases-hfield-age_group = Возрастная группа
cases-hfield-languages = Языки
cases-hfield-interpreter_needed = Переводчик
cases-hfield-special_needs = Особые потребности
cases-hfield-high_risk = Высокий риск
cases-hfield-arrived_on = Дата прибытия
cases-hfield-worker = Куратор случая
cases-hfield-family_name = Фамилия
cases-hfield-given_names = Имя
cases-hfield-patronymic = Отчество
cases-hfield-latin = Латиницей
cases-hfield-date_of_birth = Дата рождения
cases-hfield-citizenship = Гражданство
cases-hfield-place_of_origin = Место происхождения
cases-hfield-documents = Документы
cases-hfield-contacts = Контакты
cases-hfield-trafficking = Профиль
cases-hfield-incoming_referral = Входящее направление
cases-hfield-closing = Закрытие
cases-hfield-notes = Заметки
cases-hfield-planned_on = Запланировано на
cases-hfield-done_on = Выполнено
cases-hfield-provider = Исполнитель
cases-hfield-amount = Сумма
cases-hfield-note = Заметка
cases-hfield-direction = Направление
cases-hfield-organisation = Организация
cases-hfield-date = Дата
cases-hfield-reason = Причина
cases-hfield-services = Услуги
cases-hfield-follow_up = Проверить
cases-hfield-consent = Согласие
cases-hfield-override_reason = Причина без согласия
cases-hfield-purpose = Цель
cases-hfield-given = Дано
cases-hfield-recorded_by = Записал(а)
cases-hfield-withdrawn_on = Отозвано
cases-hfield-destination = Куда
cases-hfield-country = Страна
cases-hfield-mode = Транспорт
cases-hfield-ticket = Билет
cases-hfield-escort = Сопровождение
cases-hfield-documents_ready = Документы готовы
cases-hfield-completed_on = Завершена
cases-hfield-text = Текст
cases-hfield-kind = Вид
cases-hfield-from = С
cases-hfield-until = По
cases-hfield-expected_until = Ожидается до
cases-hfield-end_reason = Причина окончания
cases-hfield-bed_id = Койка

## Наборы значений (HTCDS)

cases-age-group-minor = Несовершеннолетний
cases-age-group-adult = Взрослый
cases-age-group-unknown = Неизвестно
cases-doc-kind-passport = Паспорт
cases-doc-kind-id_card = Удостоверение личности
cases-doc-kind-birth_certificate = Свидетельство о рождении
cases-doc-kind-travel_document = Проездной документ
cases-doc-kind-residence_permit = Вид на жительство
cases-doc-kind-other = Другой документ
cases-doc-location-with_person = у человека
cases-doc-location-held_by_centre = хранится в центре
cases-doc-location-held_by_trafficker = удерживается торговцем
cases-doc-location-lost = утерян
cases-doc-location-unknown = местонахождение неизвестно
cases-contact-kind-phone = Телефон
cases-contact-kind-email = Эл. почта
cases-contact-kind-relative = Родственник
cases-contact-kind-other = Другое
cases-trafficking-status-confirmed_victim = Подтверждённая жертва
cases-trafficking-status-presumed_victim = Предполагаемая жертва
cases-trafficking-status-at_risk = В группе риска
cases-trafficking-status-not_a_victim = Не жертва
cases-trafficking-status-unknown = Не оценено
cases-decided-by-government = Государственный орган
cases-decided-by-law_enforcement = Правоохранительные органы
cases-decided-by-ngo = НКО
cases-decided-by-international_organisation = Международная организация
cases-decided-by-centre = Этот центр
cases-decided-by-other = Другое
cases-exploitation-sexual_exploitation = Сексуальная эксплуатация
cases-exploitation-forced_labour = Принудительный труд
cases-exploitation-forced_marriage = Принудительный брак
cases-exploitation-begging = Попрошайничество
cases-exploitation-forced_criminality = Принуждение к преступлениям
cases-exploitation-organ_removal = Изъятие органов
cases-exploitation-domestic_servitude = Домашнее рабство
cases-exploitation-other = Другая эксплуатация
cases-control-debt_bondage = Долговая кабала
cases-control-takes_earnings = Отбирает заработок
cases-control-restricts_financial_access = Ограничивает доступ к деньгам
cases-control-threats_of_violence = Угрозы насилием
cases-control-psychological_abuse = Психологическое насилие
cases-control-physical_abuse = Физическое насилие
cases-control-sexual_abuse = Сексуальное насилие
cases-control-false_promises = Ложные обещания
cases-control-psychoactive_substances = Психоактивные вещества
cases-control-restricts_movement = Ограничивает передвижение
cases-control-restricts_medical_care = Ограничивает медицинскую помощь
cases-control-excessive_working_hours = Чрезмерный рабочий день
cases-control-uses_children = Использует детей
cases-control-threatens_family = Угрожает семье
cases-control-threat_of_law_enforcement = Угроза полицией
cases-control-withholds_necessities = Лишает необходимого
cases-control-withholds_documents = Удерживает документы
cases-control-other = Другие средства
cases-relation-intimate_partner = Партнёр
cases-relation-friend = Друг
cases-relation-family = Семья
cases-relation-other = Другое
cases-relation-unknown = Неизвестно
cases-recruitment-job_offer = Предложение работы
cases-recruitment-marriage = Брак
cases-recruitment-abduction = Похищение
cases-recruitment-acquaintance = Через знакомых
cases-recruitment-online = Через интернет
cases-recruitment-other = Другое
cases-recruitment-unknown = Неизвестно
cases-outcome-reintegrated_at_destination = Реинтеграция на месте назначения
cases-outcome-referred_on = Направлен(а) дальше
cases-outcome-left_without_notice = Ушёл/ушла без предупреждения
cases-outcome-other = Другое
cases-direction-in = Входящее
cases-direction-out = Исходящее
cases-reason-additional_services_required = Нужны дополнительные услуги
cases-reason-migration_or_change_of_location = Миграция или переезд
cases-reason-other = Другое
cases-referral-status-sent = Отправлено
cases-referral-status-accepted = Принято
cases-referral-status-rejected = Отклонено
cases-referral-status-completed = Выполнено
cases-referral-status-revoked = Отозвано
cases-org-type-government = Государственный орган
cases-org-type-law_enforcement = Правоохранительные органы
cases-org-type-health = Здравоохранение
cases-org-type-social_support = Социальное учреждение
cases-org-type-ngo = НКО
cases-org-type-international_organisation = Международная организация
cases-org-type-legal = Юридическая помощь
cases-org-type-immigration = Миграционная служба
cases-org-type-other = Другое
cases-travel-kind-domestic = Переезд внутри страны
cases-travel-kind-repatriation = Репатриация
cases-travel-mode-air = Самолёт
cases-travel-mode-rail = Поезд
cases-travel-mode-road = Автобус или машина
cases-travel-mode-other = Другое
cases-escort-none = Без сопровождения
cases-escort-staff = Сотрудник
cases-escort-medical = Медик
cases-purpose-data_processing = Обработка данных
cases-purpose-sharing_with = Передача данных организации
cases-purpose-anonymised_statistics = Анонимная статистика
cases-note-kind-note = Заметка
cases-note-kind-medical = Медицинская
cases-note-kind-psychological = Психологическая
cases-stay-end-departed = выбыл(а)
cases-stay-end-transferred = переведён(а)
cases-stay-end-hospitalised = госпитализирован(а)
cases-stay-end-left_without_notice = ушёл/ушла без предупреждения
cases-stay-end-other = завершено

## Справочник организаций

cases-organisations-title = Организации
cases-organisations-count = { $count ->
    [one] { $count } организация
    [few] { $count } организации
    [many] { $count } организаций
   *[other] { $count } организации
}
cases-organisations-empty = Справочник пуст: n — добавить организацию.
cases-organisations-help = Del выводит организацию из работы (или возвращает); её направления и история сохраняются.
cases-col-organisation = Организация
cases-col-type = Тип
cases-col-city = Город
cases-col-country = Стр
cases-col-services-offered = Услуги
cases-retired = не используется
cases-organisation-saved = Организация сохранена.
cases-organisation-retired = Организация выведена из работы; история сохранена.
cases-organisation-back = Организация снова в работе.

## Отказы по правилам

rule-referral_needs_consent = Нет согласия на передачу данных этой организации: сначала запишите согласие человека (вкладка «Согласия»). Ничего не сохранено.
rule-override_managers_only = Отправить направление без согласия может только руководитель.
rule-override_needs_reason = Напишите причину отправки без согласия.
rule-expiry_before_issue = Срок действия документа раньше даты выдачи.
rule-travel_before_arrival = Поездка раньше даты прибытия человека.
rule-completed_before_travel = Завершена раньше даты поездки.
rule-repatriation_needs_country = Для репатриации нужна страна назначения.
rule-withdrawn_before_given = Отозвано раньше, чем записано.
rule-sharing_needs_organisation = Для передачи данных нужна организация.
rule-follow_up_before_referral = Дата проверки раньше направления.
rule-already_closed = Дело уже закрыто.
rule-not_closed = Дело не закрыто.
rule-open_stay = У человека ещё есть койка: сначала выпишите его на доске коек (F3).
rule-reopen_needs_reason = Укажите причину повторного открытия.
rule-closing_before_arrival = Дата закрытия раньше прибытия.
rule-service_grant_needs_amount = Для гранта на реинтеграцию нужна сумма (например, 50000 или 500 EUR).
rule-service_grant_amount_zero = Грант нулевой: введите сумму.
rule-service_negative_amount = Сумма не может быть отрицательной.
rule-service_done_needs_date = Для «Выполнено» нужна дата выполнения.
rule-service_done_date_without_done = Указана дата выполнения, но услуга не выполнена.
rule-service_planned_needs_date = Для «Запланировано» нужна дата.
rule-service_no_next_step = У этой услуги нет следующего статуса.
rule-service_already_done = Эта услуга уже выполнена.
rule-organisation_retired = Эта организация выведена из работы: выберите другую.
rule-travel_already_completed = Эта поездка уже завершена.

## Командная строка

cases-find-more = … и ещё { $count }: уточните запрос или задайте --limit
cases-find-none = Ни одно дело не подходит.
cases-find-names-hidden = Имена и номера документов ищутся только для кураторов случаев и руководителей.

## Only what the role may do

cases-organisations-empty-read-only = Справочник пуст.

## `/` on the boards (src/screens/jump.rs)

jump-what-arrivals = рейс, псевдоним или код · Enter, Esc — готово
jump-what-beds = койка, комната, псевдоним или код · Enter, Esc — готово
jump-no-match = На этом экране такого нет.
## Закрытие, когда что-то ещё не завершено

cases-field-still-open = Ещё не завершено
cases-field-close-anyway = Почему закрыть всё равно
cases-close-open-none = Ничего
cases-close-open-service = { $service }: { $status }
cases-close-open-referral = Направление в { $organisation }: { $status }
cases-error-close-open = Не всё завершено: укажите, почему дело закрывается.
cases-error-close-no-journey = Поездка домой не завершена: укажите, почему человек считается реинтегрированным.
rule-closing_open_needs_reason = В этом деле не всё завершено: для закрытия нужна письменная причина.

## Шаг назад в списке услуг

hint-service_back = Шаг назад
rule-service_no_previous_step = У этой услуги нет предыдущего статуса.

## Отказанное направление продолжается с согласием, данным сейчас

cases-field-consent-now = Согласие дано сейчас
cases-referral-consent-ask = Человек согласен сейчас? «Да», затем Ctrl-S.
cases-referral-consent-offer = Нет согласия на передачу данных этой организации: запишите его ниже.
cases-referral-saved-with-consent = Согласие записано, направление сохранено.

## Медицинские подробности в списке услуг

cases-service-detail-hidden = (медиц.)

## Зона паспорта, введённая у выхода

cases-gate-zone-waiting = Зона паспорта введена у выхода: { $user }, { $when }
cases-gate-zone-hint = { $open }: проверить и внести в дело · { $dismiss }: отклонить
cases-gate-zone-sealed = Зона паспорта введена у выхода: { $user }, { $when }. Запечатана для куратора.
cases-gate-zone-applied = Сохранено. Зона паспорта внесена в дело, запечатанная копия удалена.
cases-gate-zone-dismissed = Зона паспорта, введённая у выхода, отклонена.
cases-gate-zone-unreadable = Зону паспорта не удаётся открыть (запечатана другим ключом): отклоните её и проверьте паспорт заново.
cases-subject-gate-zone = Зона паспорта, введённая у выхода
