# sync: сообщения экранов и команд синхронизации.
action-go_conflicts = Просмотреть конфликты синхронизации
hint-go_conflicts = Конфликты
screen-conflicts = Конфликты синхронизации
dash-conflicts = { $count ->
    [one] { $count } запись с конфликтом синхронизации (k — просмотреть)
    [few] { $count } записи с конфликтом синхронизации (k — просмотреть)
   *[many] { $count } записей с конфликтом синхронизации (k — просмотреть)
}
conflict-none = Конфликтов нет: все ноутбуки согласны.
conflict-count = { $count ->
    [one] { $count } запись с конфликтом. Enter открывает.
    [few] { $count } записи с конфликтом. Enter открывает.
   *[many] { $count } записей с конфликтом. Enter открывает.
}
conflict-field = Поле «{ $field }» ({ $n } из { $of })
conflict-field-deleted = удалено на одном ноутбуке, изменено на другом
conflict-base = Оба заменили: { $value } ({ $laptop }, { $user })
conflict-base-unknown = Значение, которое заменили оба, больше не хранится.
conflict-help-detail = ←/→ выбор значения · Enter оставить · e ввести новое · Esc назад
conflict-new-value = Новое значение
conflict-value-unfit = Это значение не подходит для поля.
conflict-resolved = Конфликт закрыт; другие ноутбуки последуют при следующей синхронизации.
conflict-none-left = У этой записи больше нет конфликта.
conflict-kept = оставлено (не удалено)
conflict-deleted = удалено: { $reason }
sync-status-synced = ⇅ синхронизировано в { $time }
sync-status-connecting = ⇅ подключение к серверу…
sync-status-offline = ⇅ нет связи с { $time }: { $why }
sync-status-alarms = { $count ->
    [one] ⇅ { $count } тревога синхронизации: haven sync --status
    [few] ⇅ { $count } тревоги синхронизации: haven sync --status
   *[many] ⇅ { $count } тревог синхронизации: haven sync --status
}
sync-status-heard = { $laptop }: последняя связь { $time }
sync-status-never-heard = { $laptop }: связи ещё не было
sync-error-offline = сервер недоступен, работа продолжается без связи
sync-error-certificate = сертификат сервера не принадлежит центру
sync-error-refused = сервер не принимает этот ноутбук
sync-error-hub = сервер сообщил об ошибке
sync-alarm-unknown_installation = изменение с ноутбука, неизвестного центру
sync-alarm-revoked = изменение с отозванного ноутбука
sync-alarm-gap = не хватает изменений: сервер потерял или удержал часть
sync-alarm-chain_broken = изменение не следует за предыдущим
sync-alarm-tampered = изменение было искажено
sync-alarm-bad_signature = изменение не подписано своим ноутбуком
sync-alarm-malformed = изменение обрезано или не читается
sync-alarm-undecryptable = подписанное изменение не открывается ключом центра
sync-alarm-fork = два разных изменения под одним номером: ноутбук восстановлен или скопирован (зарегистрируйте его заново)
sync-alarm-rollback = сервер показывает меньше, чем раньше (откат)
sync-alarm-withheld = сервер удерживает изменения, названные в контрольной точке
sync-alarm-hub_mismatch = строка сервера не совпадает с изменением внутри неё
sync-alarm-refused = изменение указывает на запись, на которую не может
sync-alarm-bad_checkpoint = контрольная точка или запись реестра не проходит проверку
sync-tree-case_front = Дело
sync-tree-case_private = Материалы дела
sync-tree-medical = Медицинская запись
sync-tree-notes = Заметка
sync-tree-pickups = Встреча в аэропорту
sync-tree-rooms = Комната
sync-tree-beds = Койка
sync-tree-stays = Проживание
sync-tree-reservations = Бронь
sync-tree-night_checks = Ночная проверка
sync-tree-services = Услуга
sync-tree-referrals = Направление
sync-tree-organisations = Организация
sync-tree-travel = Поездка
sync-tree-consents = Согласие
sync-tree-users = Пользователь
sync-tree-stats = Статистика
rule-sync_value_unfit = Это значение не подходит для поля.
rule-sync_wrong_key = Изменение указывает не на свою запись.
rule-sync_wrong_class = Изменение запечатано не тем ключом.
rule-sync_unknown_record = Изменение касается записи, неизвестной этой версии.
rule-sync_malformed = Изменение составлено неверно.
rule-sync_case_key_differs = У двух ноутбуков разные ключи одного дела.
rule-sync_no_roster_key = Это может только руководитель с ключом реестра центра.
rule-sync_device_ambiguous = Подходят несколько ноутбуков: укажите больше цифр идентификатора.
rule-sync_revoke_self = Ноутбук не может отозвать сам себя.
# hubflow (issue 18 §4): what went wrong with the hub, in plain words.
sync-error-password = сервер отверг пароль этого ноутбука (оператор сервера сменил его, или роль ноутбука там неизвестна): выполните haven hub init ещё раз
sync-error-login = сервер не разрешает этому ноутбуку вход (его роль отключена или правила доступа сервера его не пускают)
sync-error-database = на сервере нет базы данных с именем, указанным этому ноутбуку: проверьте URL
sync-error-busy = сервер перегружен, запускается или останавливается: следующая синхронизация попробует снова
sync-error-local = этот ноутбук не смог подготовить отправку: на сервер ничего не ушло
sync-error-certificate-expired = сертификат сервера недействителен по сроку (истёк или ещё не начал действовать)
sync-error-certificate-name = сертификат сервера выдан для другого имени сервера, чем в URL
sync-alarm-hub_altered = сервер изменил одно из изменений, сделанных этим ноутбуком
sync-hub-not-reached = Связи с сервером нет: { $why } ({ $detail }). Работа продолжается без связи; ничего не изменено.
sync-unreachable-since = Сервер недоступен с { $time }: { $why }
sync-last-error-detail = Последняя ошибка сервера: { $detail }
sync-alarm-count = { $kind }: тревог с последнего подтверждения — { $count }
sync-tree-service_details = Медицинские сведения об услуге
