# arrivals: messages of the arrivals screens and commands.

## Hint bar (short labels next to the keys)

hint-go_arrivals = Встречи
hint-pickup_met = Встречен
hint-pickup_new = Новая
hint-pickup_edit = Изменить
hint-pickup_no_show = Не прибыл
hint-pickup_delayed = Задержка
hint-pickup_cancelled = Отмена
hint-pickup_at_centre = В центре
hint-walk_in = Без записи
hint-view_today = Сегодня
hint-view_tomorrow = Завтра
hint-view_week = Неделя
hint-view_open = Все открытые

## The board

arrivals-view-today = Сегодня, { $date }
arrivals-view-tomorrow = Завтра, { $date }
arrivals-view-day = { $date }
arrivals-view-week = { $from } – { $to }
arrivals-view-open = Все открытые встречи
arrivals-overdue-count = { $count ->
    [one] { $count } просрочена
    [few] { $count } просрочены
    [many] { $count } просрочено
   *[other] { $count } просрочено
}
arrivals-empty = Встреч нет. { $new }: новая встреча · { $walkin }: прибытие без записи
arrivals-col-date = Дата
arrivals-col-time = Время
arrivals-col-expected = Ожид.
arrivals-col-flight = Рейс
arrivals-col-origin = Откуда
arrivals-col-place = Где
arrivals-col-alias = Псевдоним
arrivals-col-case = Дело
arrivals-col-escort = Встречает
arrivals-col-needs = Нужды
arrivals-col-status = Статус
arrivals-short-scheduled = План
arrivals-short-delayed = Задерж.
arrivals-short-met = Встречен
arrivals-short-no_show = Неявка
arrivals-short-cancelled = Отмена
arrivals-short-at_centre = В центре
arrivals-marker-wheelchair = КОЛ
arrivals-marker-medical = МЕД
arrivals-marker-minor = <18
arrivals-detail-scheduled = по расписанию
arrivals-detail-estimated = ожидается
arrivals-detail-met = встречен
arrivals-detail-meeting-point = Место встречи
arrivals-detail-recognition = Приметы
arrivals-detail-escort = Встречает
arrivals-detail-needs = Нужды
arrivals-detail-history = История
arrivals-need-wheelchair = кресло-коляска
arrivals-need-medical = медицинская помощь
arrivals-need-minor = несовершеннолетний
arrivals-need-interpreter = переводчик ({ $language })

## Actions from the board

arrivals-nothing-selected = Встреча не выбрана.
arrivals-error-transition = Статус встречи: { $status }. Это изменение невозможно.
arrivals-error-meet-first = Статус встречи: { $status }. Сначала отметьте, что человек встречен.
arrivals-error-no-case = К встрече не привязано дело: сначала привяжите его (Изменить).
arrivals-done-met = Встречен: { $who } в { $time }.
arrivals-done-no-show = { $flight }: отмечена неявка.
arrivals-done-cancelled = { $flight }: встреча отменена.
arrivals-done-delayed = { $flight }: теперь ожидается { $time }.
arrivals-done-at-centre = Прибыл в центр. Назначьте койку на доске коек (F3).
arrivals-case-file-not-ready = Экран дела пока недоступен.
arrivals-beds-not-ready = Отсюда сейчас нельзя предложить койку: откройте доску коек (F3).
arrivals-prompt-met-title = Отметить встречу
arrivals-prompt-met-question = Эта встреча назначена на другой день. Отметить, что человек встречен сейчас?
arrivals-prompt-yes-no = д или y / Enter: да · н или n / Esc: нет
arrivals-prompt-no-show-title = Неявка
arrivals-prompt-cancel-title = Отмена встречи
arrivals-prompt-delay-title = Рейс задерживается
arrivals-prompt-reason = Причина
arrivals-prompt-estimate = Ожидается в
arrivals-prompt-enter-esc = Enter: сохранить · Esc: закрыть
arrivals-prompt-reason-needed = Укажите, что известно (например, нет в списке пассажиров).
arrivals-prompt-estimate-format = Введите время (07:40) или дату и время (завтра 06:10).
arrivals-prompt-estimate-early = Ожидаемое время раньше времени по расписанию.

## The pickup form

arrivals-form-new-title = Новая встреча
arrivals-form-edit-title = Изменение встречи
arrivals-field-flight = Рейс
arrivals-field-origin = Откуда (город или аэропорт)
arrivals-field-airport = Аэропорт прилёта
arrivals-field-terminal = Терминал
arrivals-field-scheduled = Прилёт по расписанию
arrivals-field-meeting-point = Место встречи
arrivals-field-escort = Встречает (сотрудник)
arrivals-field-recognition = Приметы, кодовое слово
arrivals-field-needs = Нужды
arrivals-field-interpreter = Переводчик с языка
arrivals-field-case = Существующее дело
arrivals-field-new-alias = или новый человек: псевдоним
arrivals-field-alias = Псевдоним
arrivals-field-gender = Пол
arrivals-field-age-group = Возрастная группа
arrivals-field-date-of-birth = Дата рождения
arrivals-field-languages = Языки
arrivals-field-mrz = Машиночитаемая зона паспорта
arrivals-field-place = Где
arrivals-age-minor = Несовершеннолетний (до 18)
arrivals-age-adult = Взрослый
arrivals-age-unknown = Неизвестно
arrivals-error-terminal-missing = Выберите терминал этого аэропорта.
arrivals-error-terminal-not-at-airport = В этом аэропорту нет такого терминала.
arrivals-error-terminal-none = В этом аэропорту один зал прилёта: терминал не указывается.
arrivals-error-case-or-new = Выберите существующее дело или опишите нового человека, но не то и другое.
arrivals-error-alias-needed = Для нового человека нужен псевдоним.
arrivals-error-birth-future = Дата рождения не может быть в будущем.
arrivals-error-birth-differs = Не совпадает с датой рождения в машиночитаемой зоне.
arrivals-warn-past = Это время уже прошло. Нажмите Ctrl-S ещё раз, чтобы всё равно сохранить.
arrivals-saved = Встреча сохранена: { $flight }, { $when }.
arrivals-case-created = Новое дело { $code }.

## Passport / ID zone

arrivals-mrz-lines = Зона паспорта — 2 строки по 44 знака, ID-карты — 3 строки по 30.
arrivals-mrz-length-passport = В каждой строке зоны паспорта 44 знака: проверьте, не пропущены ли знаки <.
arrivals-mrz-length-id-card = В каждой строке зоны ID-карты 30 знаков: проверьте, не пропущены ли знаки <.
arrivals-mrz-character = В зоне бывают только A–Z, 0–9 и <.
arrivals-mrz-document-code = Это не паспорт и не ID-карта (виза или другой документ?).
arrivals-mrz-sex = Пол в зоне должен быть F, M, X или <.
arrivals-mrz-check-document_number = Контрольная цифра номера документа не совпадает: введите или отсканируйте заново.
arrivals-mrz-check-date_of_birth = Контрольная цифра даты рождения не совпадает: введите или отсканируйте заново.
arrivals-mrz-check-expiry = Контрольная цифра срока действия не совпадает: введите или отсканируйте заново.
arrivals-mrz-check-optional_data = Контрольная цифра личного номера не совпадает: введите или отсканируйте заново.
arrivals-mrz-check-composite = Общая контрольная цифра не совпадает: введите или отсканируйте заново.
arrivals-mrz-date-date_of_birth = Дата рождения в зоне — несуществующая дата.
arrivals-mrz-date-expiry = Срок действия в зоне — несуществующая дата.

## Possible duplicate

arrivals-duplicate-title = Возможный дубликат
arrivals-duplicate-found = Возможно, у этого человека уже есть дело: ответьте на вопрос.
arrivals-duplicate-question = Возможно, центр уже знает этого человека. Это тот же человек?
arrivals-duplicate-name_and_birth = то же имя и дата рождения
arrivals-duplicate-alias_gender_age = тот же псевдоним, пол и возрастная группа
arrivals-duplicate-same = Тот же человек: взять это дело
arrivals-duplicate-different = Новое дело
arrivals-duplicate-back = Назад

## Walk-in

arrivals-walk-in-title = Прибытие без записи
arrivals-walk-in-saved = Прибытие без записи оформлено: { $code }, встреча в { $place }.

## Refusals from the store

rule-pickup_transition = Встречу тем временем изменили: посмотрите на доску ещё раз.
rule-pickup_no_case = Сначала привяжите к встрече дело.
rule-pickup_reason_needed = Укажите причину.
rule-arrivals_need_scan = Не найден перечень услуг этого дела; попробуйте ещё раз.

## Исправление ошибочного статуса

hint-pickup_undo = Отменить
action-pickup_undo = Отменить последнее изменение статуса
arrivals-prompt-undo-title = Исправить статус
arrivals-prompt-undo-question = Отменить «{ $status }» и вернуть «{ $back }»? (д/н)
arrivals-done-undone = Исправлено: «{ $status }» отменено, снова «{ $back }».
rule-pickup_nothing_to_undo = У этой встречи нет изменения статуса, которое можно отменить.
rule-pickup_correction_once = Эту встречу уже исправляли: вернуться дальше может руководитель или куратор случая.

## Дубликаты по документу

arrivals-document-twice = Документ с этим номером уже есть в деле: исправьте его, а не добавляйте копию.
arrivals-document-elsewhere = Этот номер документа есть и в деле { $cases }: проверьте, тот же ли это человек. Нажмите Ctrl-S ещё раз, чтобы всё равно сохранить.
arrivals-duplicate-same_document = тот же номер документа

## Прибытие не самолётом

arrivals-field-flight-or-transport = Рейс или транспорт
arrivals-error-flight-or-transport = Рейс (SU 2101), поезд, автобус, машина, пешком
arrivals-by-flight = Рейс
arrivals-by-train = Поезд
arrivals-by-bus = Автобус
arrivals-by-car = Машина
arrivals-by-on_foot = Пешком
arrivals-by-unknown = Неизвестно

## Предпросмотр машиночитаемой зоны перед записью

arrivals-zone-preview = Зона заполнит (≠ отличается от дела; имена и дата рождения в деле сохраняются):
arrivals-zone-name = Имя
arrivals-zone-birth = Дата рождения
arrivals-zone-sex = Пол
arrivals-zone-nationality = Гражданство
arrivals-zone-number = Номер
arrivals-zone-expiry = Действителен до
arrivals-zone-kind = Документ
arrivals-zone-differs = ≠ { $field }: { $value } (сейчас: { $was })
arrivals-zone-again = Проверьте и нажмите Ctrl-S ещё раз, чтобы сохранить.

## Зона паспорта у выхода (ресепшен: запечатана для куратора)

arrivals-field-gate-zone = Зона паспорта (запечатана)
arrivals-field-gate-zone-not-yet = Зона паспорта: пока недоступна
arrivals-gate-zone-read-passport = Зона паспорта запечатана: паспорт, контрольные цифры верны.
arrivals-gate-zone-read-id-card = Зона паспорта запечатана: удостоверение личности, контрольные цифры верны.
arrivals-gate-zone-not-kept = Зона паспорта не сохранена ({ $error }): передайте паспорт куратору.
arrivals-gate-zone-needs-person = Зона паспорта относится к делу: выберите дело или введите нового человека.
