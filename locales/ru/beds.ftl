# beds: сообщения экранов коек и команд.

## Доска коек

beds-floor = этаж { $floor }
beds-step-free = без ступенек
beds-minor = несовершеннолетний
beds-adult = взрослый
beds-group-free = свободно { $free } из { $count }
beds-cell-free = свободна
beds-cell-oos = не используется
beds-cell-tonight = сегодня
beds-cell-nights = { $count }н
beds-legend-occupied = занята
beds-legend-reserved = бронь
beds-legend-oos = не используется
beds-filter = Фильтр
beds-filter-free = только свободные
beds-none-yet = Коек пока нет. Руководитель заводит комнаты и койки клавишей R.
beds-none-match = Нет коек под фильтр (w — отделение, f — только свободные).
beds-detail-since = с { $date }, { $count ->
    [one] { $count } ночь
    [few] { $count } ночи
    [many] { $count } ночей
   *[other] { $count } ночи
}
beds-detail-until = ожидаемый выезд { $date }
beds-detail-reserved = бронь для { $who }
beds-select-occupied = Сначала выберите занятую койку.
beds-select-bed = Сначала выберите койку.
beds-override-hint = Руководитель может сделать исключение, указав причину.
beds-fits = подходит
beds-back-in-service = Койка снова используется.
beds-reservation-cancelled = Бронь снята.
beds-bed-retired = Койка выведена из плана и сохранена в истории.
beds-bed-removed = Койка удалена.
beds-assigned = { $who } — на койке { $bed }.
beds-transferred = { $who } переведен(а) на койку { $bed }.
beds-checked-out = { $who } — выезд оформлен.
beds-extended = Ожидаемый выезд { $who } сохранён.
beds-reserved = Койка { $bed } забронирована.
beds-bed-saved = Койка { $bed } сохранена.
beds-room-saved = Комната { $room } сохранена.
beds-out-of-service-saved = Койка { $bed } не используется.
beds-error-departure-before = Ожидаемый выезд раньше первой ночи.
beds-error-checkout-before = Дата выезда раньше даты заселения.

## Вопросы

beds-ask-back-in-service = Вернуть эту койку в работу?
beds-ask-cancel-reservation = Снять бронь с этой койки?
beds-ask-remove-bed = Убрать койку из плана? Койка с историей проживания сохранится как выведенная.
beds-ask-remove-room = Убрать комнату и её койки из плана? Комнаты с историей сохранятся как выведенные.
beds-ask-answers = Enter — да · Esc — нет

## Выбор человека или койки

beds-pick-person = Кто займёт { $bed }? { $room }
beds-pick-bed = Койка для { $who }
beds-pick-transfer = Перевести { $who } на
beds-pick-reserve = Забронировать койку для { $who }
beds-pick-search = Поиск
beds-pick-none = Выбрать некого или нечего.
beds-pick-help = Печатайте для поиска · Enter — выбрать · Esc — назад
beds-pick-held-for-them = забронирована для них
beds-candidate-at_centre = в центре с { $when }
beds-candidate-met = встречен(а) { $when } { $flight }
beds-candidate-arrived = прибыл(а), без койки
beds-candidate-expected_today = ожидается { $when } { $flight }
beds-candidate-expected = ожидается { $when } { $flight }
beds-candidate-resident = проживает, без койки
beds-candidate-departed = выбыл(а) из центра

## Комнаты и койки

beds-plan-summary = Комнат: { $rooms }, коек: { $beds }, не используется: { $oos } · N новая комната · n новая койка · e изменить · Del убрать · o не используется
beds-plan-beds = { $count ->
    [one] { $count } койка
    [few] { $count } койки
    [many] { $count } коек
   *[other] { $count } койки
}
beds-plan-walk = обход { $order }
beds-plan-empty = Комнат пока нет: N добавляет первую.
beds-plan-no-room = Сначала добавьте комнату (N).
beds-plan-retired = Сохранено как выведенное: есть история проживания.
beds-plan-removed = Убрано из плана.

## Формы

form-stay-assign-title = Заселение
form-stay-transfer-title = Перевод на другую койку
form-stay-extend-title = Ожидаемый выезд
form-stay-checkout-title = Выезд
form-stay-reserve-title = Бронь койки
form-bed-new-title = Новая койка
form-bed-edit-title = Изменить койку
form-bed-oos-title = Койка не используется
form-room-new-title = Новая комната
form-room-edit-title = Изменить комнату
field-stay-person = Человек
field-stay-bed = Койка
field-stay-now-in = Сейчас на
field-stay-wing-rule = Правило отделения
field-stay-first-night = Первая ночь
field-stay-moving-on = Дата перевода
field-stay-expected-departure = Ожидаемый выезд
field-stay-override-reason = Причина исключения
field-stay-since = На койке
field-stay-end-reason = Причина
field-stay-check-out-date = Дата выезда
field-stay-reserved-for = Бронь для
field-stay-night = Ночь
field-bed-room = Комната
field-bed-label = Обозначение
field-bed-walk-order = Порядок обхода
field-bed-oos-reason = Причина
field-bed-oos-until = До (последний день)
field-room-name = Номер на двери
field-room-floor = Этаж
field-room-wing = Отделение
field-room-step-free = Без ступенек
stay-end-departed = Выбыл(а)
stay-end-transferred = Переведен(а)
stay-end-hospitalised = Госпитализирован(а)
stay-end-left_without_notice = Ушёл(ушла) без предупреждения
stay-end-other = Другое

## Отказы (ничего не записано)

rule-bed-wing-adult_in_minors = Отделение для несовершеннолетних: этому человеку { $age }.
rule-bed-wing-adult_in_minors-no_age = Отделение для несовершеннолетних: это взрослый человек.
rule-bed-wing-age_unknown = Отделение для несовершеннолетних: возраст этого человека неизвестен.
rule-bed-wing-minor_outside = Отделение «{ $wing }»: этому человеку { $age }, это несовершеннолетний (только отделение для несовершеннолетних или семейное).
rule-bed-wing-minor_outside-no_age = Отделение «{ $wing }»: это несовершеннолетний (только отделение для несовершеннолетних или семейное).
rule-bed-wing-women = Женское отделение: пол этого человека — { $gender }.
rule-bed-wing-men = Мужское отделение: пол этого человека — { $gender }.
rule-bed-out_of_service = Не используется: { $reason }.
rule-bed-out_of_service-until = Не используется до { $until }: { $reason }.
rule-bed-retired = Эта койка больше не используется.
rule-bed-occupied = На этой койке уже кто-то есть.
rule-bed-reserved = Эта койка на сегодня забронирована для другого человека.
rule-bed-already_housed = У этого человека уже есть койка: используйте перевод.
rule-bed-not_housed = У этого человека нет койки.
rule-bed-same_bed = Этот человек уже на этой койке.
rule-bed-before_check_in = Дата раньше заселения { $from }.
rule-bed-future_date = Дата в будущем: лучше забронируйте койку.
rule-bed-past_date = Эта дата уже прошла.
rule-bed-case_closed = Дело закрыто.
rule-bed-manager_only = Это может сделать только руководитель.
rule-bed-stay_closed = Это проживание тем временем уже закрыто.
rule-bed-taken_then = В ту дату на этой койке был другой человек.
rule-bed-housed_then = В ту дату у этого человека была другая койка.
rule-bed-room_occupied = В этой комнате кто-то живёт: сначала переведите их.
rule-bed-already_reserved = Эта койка на ту ночь уже забронирована.
rule-bed-duplicate_name = Комната или койка с таким названием уже есть.
rule-bed-reservation_released = Бронь уже снята.

## Действия и подсказки

action-room_new = Новая комната
hint-bed_assign = Заселить
hint-bed_transfer = Перевести
hint-bed_checkout = Выезд
hint-bed_out_of_service = Не используется
hint-filter_wing = Отделение
hint-filter_free = Свободные
hint-rooms_setup = Комнаты
hint-room_new = Новая комната
hint-mark_present = На месте
hint-mark_absent = Нет
hint-mark_on_leave = Отпуск
hint-mark_hospital = Больница
hint-mark_unknown_person = Посторонний
hint-undo_mark = Отменить
hint-finish = Завершить

## Ночной обход

night-progress = { $done } / { $total }
night-counts = на месте { $present } · нет { $absent } · отпуск { $leave } · больница { $hospital } · посторонние { $unknown }
night-walk-help = Клавиша на койку по порядку обхода · Backspace — отмена · Ctrl-S — завершить
night-rerun = Обход этой ночи уже был (сохранён в { $time }, { $by }): новые отметки его обновят.
night-nobody = Этой ночью на койках никого нет.
night-mark-present = на месте
night-mark-absent = НЕТ
night-mark-on_leave = в отпуске
night-mark-hospital = в больнице
night-mark-unknown_person = ПОСТОРОННИЙ
night-due-out = выезд был { $date }
night-reserved-for = бронь: { $who }
night-bed-empty = На этой койке никого не должно быть: u отмечает постороннего.
night-bed-occupied = На этой койке кто-то должен быть: отметьте «на месте», «нет», «отпуск» или «больница».
night-nothing-to-undo = Нечего отменять.
night-saved = Обход сохранён.
night-finished = Обход сохранён в { $time } · проверено коек: { $done } / { $total }
night-no-discrepancies = Расхождений нет: все на своих местах.
night-discrepancies = { $count ->
    [one] { $count } расхождение
    [few] { $count } расхождения
    [many] { $count } расхождений
   *[other] { $count } расхождения
}
night-more = … и ещё { $count }
night-finished-help = Enter — вернуться к обходу · Esc — готово
night-disc-absent = Отсутствует без разрешения: { $bed } · { $who }
night-disc-unknown = Посторонний на койке { $bed }, которая должна быть свободна
night-disc-unchecked = Не проверено: { $bed } · { $who }
night-disc-stay-ended = Проживание закончилось { $date }: { $bed } · { $who } — оформите выезд или продлите
night-disc-stay-closed = Отмечено, но проживание с тех пор закрыто: { $bed } · { $who }
night-disc-unfilled = Бронь на эту ночь, заселения нет: { $bed } · { $who }
night-ask-leave = Выйти из обхода? Сделанные отметки не сохранятся.
night-absentees = { $count ->
    [one] { $count } отсутствует по обходу { $night }
    [few] { $count } отсутствуют по обходу { $night }
    [many] { $count } отсутствуют по обходу { $night }
   *[other] { $count } отсутствуют по обходу { $night }
}
