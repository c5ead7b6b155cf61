# reports: messages of the reports screens and commands.
rule-backup_other_centre = This backup belongs to another centre: it cannot replace this one.
dash-backup-never = No verified backup yet: run `haven backup --out FILE`.
dash-backup-old = { $days ->
    [one] Last verified backup { $days } day ago
   *[other] Last verified backup { $days } days ago
}

## Reports (F6, haven report)
report-title = Report
report-period = Period
report-period-month = { $month } { $year }
report-period-quarter = Q{ $quarter } { $year }
report-month-1 = January
report-month-2 = February
report-month-3 = March
report-month-4 = April
report-month-5 = May
report-month-6 = June
report-month-7 = July
report-month-8 = August
report-month-9 = September
report-month-10 = October
report-month-11 = November
report-month-12 = December
report-assisted = People assisted
report-new = New arrivals
report-resident = In residence
report-departed = Departed
report-closed = Files closed
report-erased-counted = Of them, erased cases (anonymised)
report-services-total = Services delivered
report-referrals-in = Referrals in
report-referrals-out = Referrals out
report-pickups-total = Airport pickups scheduled
report-pickups-met = Pickups met
report-pickups-no-show = Pickups no-show
report-pickups-cancelled = Pickups cancelled
report-pickups-pending = Pickups still open
report-bed-nights = Bed-nights
report-average-stay = Average stay of those who left (nights)
report-occupancy-rate = Nightly occupancy rate
report-occupancy-average = Beds occupied per night, average
report-occupancy-peak = Beds occupied, busiest night
report-target = Arrivals in { $year } (target { $target })
report-target-share = Share of the yearly target
report-target-expected = At a steady pace by { $date }
report-note-assisted = People assisted: arrived, slept at the centre, left, received a service or were referred during the period.
report-note-nights = Nights are counted up to the night before { $date }.
report-note-erased = { $count ->
    [one] { $count } erased case of a year this period only partly covers is not counted: only its year is kept.
   *[other] { $count } erased cases of a year this period only partly covers are not counted: only their year is kept.
}
report-note-incomplete = Without access to case files, citizenship, exploitation, closings and referrals are not counted.
report-note-exploitation = A person may count under several types of exploitation; the total counts each person once.
report-table-summary = Summary
report-table-gender = People by gender
report-table-age = People by age group
report-table-citizenship = People by citizenship
report-table-exploitation = People by type of exploitation
report-table-services = Services delivered
report-table-grants = Reintegration grants paid
report-table-referrals = Referrals by type of organisation
report-table-months = Occupancy by month
report-table-nights = Occupancy by night
report-col-item = Item
report-col-value = Value
report-col-gender = Gender
report-col-age = Age group
report-col-citizenship = Citizenship
report-col-exploitation = Type of exploitation
report-col-service = Service
report-col-count = People
report-col-currency = Currency
report-col-grants = Grants
report-col-amount = Amount
report-col-org-type = Type of organisation
report-col-in = In
report-col-out = Out
report-col-total = Total
report-col-month = Month
report-col-night = Night
report-col-occupied = Occupied
report-col-capacity = Beds usable
report-col-capacity-nights = Bed-nights available
report-col-bed-nights = Bed-nights
report-col-rate = Occupancy
report-col-peak = Busiest night
report-age-age_0_8 = 0–8
report-age-age_9_17 = 9–17
report-age-age_18_20 = 18–20
report-age-age_21_23 = 21–23
report-age-age_24_26 = 24–26
report-age-age_27_29 = 27–29
report-age-age_30_38 = 30–38
report-age-age_39_47 = 39–47
report-age-age_48_plus = 48 and over
report-age-unknown = Age not known
report-unknown = Not known
report-not-recorded = Not recorded
report-yes = yes
report-no = no
report-provider-internal = the centre

## Data export (haven export)
report-sheet-cases = Cases
report-sheet-services = Services
report-sheet-referrals = Referrals
report-sheet-consents = Consents
report-sheet-travel = Journeys
report-sheet-stays = Stays
report-sheet-pickups = Pickups
report-sheet-organisations = Organisations
report-sheet-rooms = Rooms
report-sheet-beds = Beds
export-cannot-write = Cannot write { $path }: { $reason }. Nothing was exported.
export-unknown-kind = There is no kind of record "{ $kind }": use one of { $kinds }, or all.

## Import (haven import)
import-line = line { $line }: { $problem }
import-not-xlsx = The file is not an Excel workbook (.xlsx) that can be read.
import-empty = The file has no heading row with rows under it.
import-missing-column = The file has no { $column } column (headings accepted: { $names }).
import-duplicate-column = Two columns mean the same thing: { $column }.
import-required = { $column } is empty but required
import-bad-date = { $column }: "{ $value }" is not a date (write 2026-12-01 or 1 Dec 2026)
import-bad-choice = { $column }: "{ $value }" is not one of { $allowed }
import-bad-country = { $column }: "{ $value }" is not a country (write RU, RUS or Russia)
import-bad-number = { $column }: "{ $value }" is not a whole number in range
import-bad-yes-no = { $column }: "{ $value }" is neither yes nor no
import-bad-code = "{ $value }" is not a case code such as MSK-26-0042
import-too-long = { $column } is longer than { $max } characters
import-birth-after-arrival = the date of birth is after the arrival (or in the future)
import-duplicate-row = the same row as line { $line } (a duplicate)
import-bed-taken = bed label { $label } is already used by another room
import-nothing-written = { $bad } of { $total } rows cannot be imported. Nothing was written: correct them and run the import again, or give --skip-bad to import the good rows.
report-cli-bad-date = { $option } { $value }: not a date (write 2026-11-01 or 1 Nov 2026).
report-cli-ends-before-start = The period ends before it starts: check --from and --to.
report-cli-too-long = The period is longer than ten years: check --from and --to.
report-cli-xlsx-needs-out = An XLSX report is a file: give --out FILE.
report-cli-written = Report written to { $path }.
export-progress = export
export-written = Written { $path }: { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}.
export-left-out-refused = { $count ->
    [one] { $count } person left out: consent to data processing refused or withdrawn.
   *[other] { $count } people left out: consent to data processing refused or withdrawn.
}
export-ctdc-summary = CTDC: { $cases } cases; { $consent } without consent to anonymised statistics and { $victims } not arrived or not identified as victims were left out; { $rows } rows written (k = { $k }).
export-ctdc-nothing-suppressed = No value had to be suppressed.
export-ctdc-suppressed = Values suppressed to -99 so that every combination of gender, age, citizenship and country of exploitation occurs at least 11 times: { $cells }.
export-ctdc-dropped = { $count ->
    [one] { $count } row dropped: its combination stayed rarer than 11 even with every value suppressed.
   *[other] { $count } rows dropped: their combination stayed rarer than 11 even with every value suppressed.
}
import-progress = import
import-cannot-read = Cannot read { $path }: { $reason }.
import-col-line = line
import-col-problem = problem
import-ignored-columns = Columns not recognised, ignored: { $columns }.
import-done-cases = Cases: { $created } imported, { $existing } already in Haven and left unchanged ({ $rows } rows in the file).
import-done-organisations = Organisations: { $created } imported, { $existing } already in the directory and left unchanged ({ $rows } rows in the file).
import-done-rooms = Rooms: { $created } imported with { $beds } beds, { $existing } already in the plan and left unchanged ({ $rows } rows in the file).
import-not-housed = { $count ->
    [one] { $count } case marked in residence in the file was imported as arrived: give the bed on the bed board (F3).
   *[other] { $count } cases marked in residence in the file were imported as arrived: give their beds on the bed board (F3).
}
import-bad-written = { $count ->
    [one] { $count } bad row written to { $path }: correct it there and import that file.
   *[other] { $count } bad rows written to { $path }: correct them there and import that file.
}

## The reports screen (F6)
action-period_month = Month
action-period_quarter = Quarter
action-period_year = Year
action-period_range = Dates from … to
hint-period_prev = Earlier
hint-period_next = Later
hint-period_month = Month
hint-period_quarter = Quarter
hint-period_year = Year
hint-period_range = Dates
hint-export = Export
report-forbidden = Reports are for case workers and managers: they count people from the case files.
report-kind-month = month
report-kind-quarter = quarter
report-kind-year = year
report-kind-range = dates
report-tab-summary = Summary
report-tab-gender = Gender
report-tab-age = Age
report-tab-citizenship = Citizenship
report-tab-exploitation = Exploitation
report-tab-services = Services
report-tab-referrals = Referrals
report-tab-occupancy = Occupancy
report-sparkline = Beds occupied night by night (busiest { $peak } of { $beds })
report-no-nights = No night of this period has passed yet.
report-target-gauge = { $year }: { $count } arrivals · target: { $target } a year · due by period end: { $expected }
report-export-title = Export
report-export-report_xlsx = This report, Excel workbook
report-export-report_csv = This report, CSV
report-export-report_text = This report, text
report-export-data_xlsx = All records, Excel workbook (a sheet per kind)
report-export-data_csv = Cases, CSV
report-export-json = Complete data, JSON (for migration)
report-export-ctdc = CTDC dataset for IOM (anonymised, k = 11)
report-export-file = File
report-export-help = ↑↓ choose · type the file name · Enter writes · Esc closes
report-export-no-file = Give a file name.
report-range-title = Dates from … to
report-range-help = Two dates, e.g. 1 Nov 2026 – 15 Dec 2026; Enter shows them.
export-personal-clear = { $path } holds personal data in clear: only you can read it on this computer (0600); keep it on an encrypted disk, and delete it when done.
import-undone = The import stopped: the { $count } records it had written were removed again, so nothing of it is kept. Correct the cause and run the same import again.
import-interrupted = An import of { $what ->
    [cases] cases
    [organisations] organisations
   *[rooms] rooms
    } ({ $rows } rows), started { $started }, was interrupted before it finished: the { $undone } records it had written were removed, so nothing of it is kept. Run the same import again.
import-encoding-at = Line { $line }, byte { $byte } of the file: the file is neither UTF-8 nor recognisable Windows-1251 text. Save it from Excel as "CSV UTF-8", or give --encoding windows-1251 if that is what it is.
import-not-utf8-at = Line { $line }, byte { $byte } of the file: the file is not UTF-8 text (it may be Windows-1251: give --encoding windows-1251, or save it as "CSV UTF-8").
import-not-text = The file holds zero bytes: it is not a text file, or it is UTF-16 whose byte order cannot be told. Save it from Excel as "CSV UTF-8".
import-open-quote = Line { $line }: a quoted cell opens here and runs on over the rows after it (a quote " is missing, or there is one too many). Nothing was imported: correct that line and run the import again.
import-short-row = the row has { $cells } cells but the heading row has { $headings } (a delimiter is missing, or the row was cut)
import-extra-cells = the row has filled cells past the last heading ({ $cells } cells, { $headings } headings): they would be lost
import-bad-date-at = { $column }: not a date (write 2026-12-01 or 1 Dec 2026)
import-bad-choice-at = { $column }: not one of { $allowed }
import-bad-country-at = { $column }: not a country (write RU, RUS or Russia)
import-bad-number-at = { $column }: not a whole number in range
import-bad-yes-no-at = { $column }: neither yes nor no
import-bad-code-at = { $column }: not a case code such as MSK-26-0042
import-bed-taken-at = a bed label another room already uses
import-every-row-bad = None of the { $total } rows can be imported, so nothing was written: correct them and run the import again.
import-decoded-1251-check = The file was not UTF-8: it was read as Windows-1251 (Cyrillic). Check in Haven that the text of these columns reads right: { $columns } (the first such text is on line { $line }).
import-cannot-write = Cannot write { $path }: { $reason }.

# A refusal while importing.
rule-import_running = Another import into this centre is still running. Wait for it to finish, then try again.
rule-import_row_changed = A row of the file changed between the preview and the import. Open the file again to see it as it is now.

# The reports screen while its records are read on another thread.
report-reading = Reading the records for the report…
# Short tab names, for a tab bar too narrow for the full ones (80 columns).
report-tab-short-summary = Summary
report-tab-short-gender = Gender
report-tab-short-age = Age
report-tab-short-citizenship = Country
report-tab-short-exploitation = Exploit.
report-tab-short-services = Services
report-tab-short-referrals = Referrals
report-tab-short-occupancy = Occup.
