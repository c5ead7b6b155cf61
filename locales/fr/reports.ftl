# reports: messages of the reports screens and commands.
rule-backup_other_centre = Cette sauvegarde appartient à un autre centre : elle ne peut pas remplacer celui-ci.
dash-backup-never = Aucune sauvegarde vérifiée : lancez `haven backup --out FICHIER`.
dash-backup-old = { $days ->
    [one] Dernière sauvegarde vérifiée il y a { $days } jour
   *[other] Dernière sauvegarde vérifiée il y a { $days } jours
}

## Reports (F6, haven report)
report-title = Rapport
report-period = Période
report-period-month = { $month } { $year }
report-period-quarter = T{ $quarter } { $year }
report-month-1 = janvier
report-month-2 = février
report-month-3 = mars
report-month-4 = avril
report-month-5 = mai
report-month-6 = juin
report-month-7 = juillet
report-month-8 = août
report-month-9 = septembre
report-month-10 = octobre
report-month-11 = novembre
report-month-12 = décembre
report-assisted = Personnes aidées
report-new = Arrivées
report-resident = Hébergées
report-departed = Parties
report-closed = Dossiers clos
report-erased-counted = Dont dossiers effacés (anonymisés)
report-services-total = Services rendus
report-referrals-in = Orientations reçues
report-referrals-out = Orientations faites
report-pickups-total = Accueils à l'aéroport prévus
report-pickups-met = Accueils réalisés
report-pickups-no-show = Personnes non arrivées
report-pickups-cancelled = Accueils annulés
report-pickups-pending = Accueils encore à venir
report-bed-nights = Nuitées
report-average-stay = Durée moyenne de séjour des partants (nuits)
report-occupancy-rate = Taux d'occupation par nuit
report-occupancy-average = Lits occupés par nuit, en moyenne
report-occupancy-peak = Lits occupés, nuit la plus chargée
report-target = Arrivées en { $year } (objectif { $target })
report-target-share = Part de l'objectif annuel
report-target-expected = À rythme régulier au { $date }
report-note-assisted = Personnes aidées : arrivées, hébergées, parties, ayant reçu un service ou été orientées pendant la période.
report-note-nights = Les nuits sont comptées jusqu'à celle précédant le { $date }.
report-note-erased = { $count ->
    [one] { $count } dossier effacé d'une année que la période ne couvre qu'en partie n'est pas compté : seule son année est conservée.
   *[other] { $count } dossiers effacés d'une année que la période ne couvre qu'en partie ne sont pas comptés : seule leur année est conservée.
}
report-note-incomplete = Sans accès aux dossiers, la nationalité, l'exploitation, les clôtures et les orientations ne sont pas comptées.
report-note-exploitation = Une personne peut compter sous plusieurs types d'exploitation ; le total compte chacune une fois.
report-table-summary = Synthèse
report-table-gender = Personnes par genre
report-table-age = Personnes par âge
report-table-citizenship = Personnes par nationalité
report-table-exploitation = Personnes par type d'exploitation
report-table-services = Services rendus
report-table-grants = Aides à la réintégration versées
report-table-referrals = Orientations par type d'organisation
report-table-months = Occupation par mois
report-table-nights = Occupation par nuit
report-col-item = Indicateur
report-col-value = Valeur
report-col-gender = Genre
report-col-age = Âge
report-col-citizenship = Nationalité
report-col-exploitation = Type d'exploitation
report-col-service = Service
report-col-count = Personnes
report-col-currency = Devise
report-col-grants = Aides
report-col-amount = Montant
report-col-org-type = Type d'organisation
report-col-in = Reçues
report-col-out = Faites
report-col-total = Total
report-col-month = Mois
report-col-night = Nuit
report-col-occupied = Occupés
report-col-capacity = Lits utilisables
report-col-capacity-nights = Nuitées disponibles
report-col-bed-nights = Nuitées
report-col-rate = Occupation
report-col-peak = Nuit la plus chargée
report-age-age_0_8 = 0–8
report-age-age_9_17 = 9–17
report-age-age_18_20 = 18–20
report-age-age_21_23 = 21–23
report-age-age_24_26 = 24–26
report-age-age_27_29 = 27–29
report-age-age_30_38 = 30–38
report-age-age_39_47 = 39–47
report-age-age_48_plus = 48 et plus
report-age-unknown = Âge inconnu
report-unknown = Inconnue
report-not-recorded = Non renseigné
report-yes = oui
report-no = non
report-provider-internal = le centre

## Data export (haven export)
report-sheet-cases = Dossiers
report-sheet-services = Services
report-sheet-referrals = Orientations
report-sheet-consents = Consentements
report-sheet-travel = Voyages
report-sheet-stays = Séjours
report-sheet-pickups = Accueils
report-sheet-organisations = Organisations
report-sheet-rooms = Chambres
report-sheet-beds = Lits
export-cannot-write = Impossible d'écrire { $path } : { $reason }. Rien n'a été exporté.
export-unknown-kind = Aucun type d'enregistrement « { $kind } » : utilisez l'un de { $kinds }, ou all.

## Import (haven import)
import-line = ligne { $line } : { $problem }
import-not-xlsx = Le fichier n'est pas un classeur Excel (.xlsx) lisible.
import-empty = Le fichier n'a pas de ligne d'en-tête suivie de lignes.
import-missing-column = Le fichier n'a pas de colonne { $column } (en-têtes acceptés : { $names }).
import-duplicate-column = Deux colonnes désignent la même chose : { $column }.
import-required = { $column } est vide mais obligatoire
import-bad-date = { $column } : « { $value } » n'est pas une date (écrivez 2026-12-01 ou 01/12/2026)
import-bad-choice = { $column } : « { $value } » n'est pas l'une des valeurs { $allowed }
import-bad-country = { $column } : « { $value } » n'est pas un pays (écrivez RU, RUS ou Russie)
import-bad-number = { $column } : « { $value } » n'est pas un nombre entier admis
import-bad-yes-no = { $column } : « { $value } » n'est ni oui ni non
import-bad-code = « { $value } » n'est pas un code de dossier comme MSK-26-0042
import-too-long = { $column } dépasse { $max } caractères
import-birth-after-arrival = la date de naissance est postérieure à l'arrivée (ou dans le futur)
import-duplicate-row = la même ligne que la ligne { $line } (un doublon)
import-bed-taken = le lit { $label } appartient déjà à une autre chambre
import-nothing-written = { $bad } lignes sur { $total } ne peuvent pas être importées. Rien n'a été écrit : corrigez-les et relancez l'import, ou indiquez --skip-bad pour importer les bonnes lignes.
report-cli-bad-date = { $option } { $value } : pas une date (écrivez 2026-11-01 ou 01/11/2026).
report-cli-ends-before-start = La période finit avant de commencer : vérifiez --from et --to.
report-cli-too-long = La période dépasse dix ans : vérifiez --from et --to.
report-cli-xlsx-needs-out = Un rapport XLSX est un fichier : indiquez --out FICHIER.
report-cli-written = Rapport écrit dans { $path }.
export-progress = export
export-written = Écrit { $path } : { $rows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}.
export-left-out-refused = { $count ->
    [one] { $count } personne omise : consentement au traitement des données refusé ou retiré.
   *[other] { $count } personnes omises : consentement au traitement des données refusé ou retiré.
}
export-ctdc-summary = CTDC : { $cases } dossiers ; { $consent } sans consentement aux statistiques anonymes et { $victims } non arrivés ou non identifiés comme victimes ont été omis ; { $rows } lignes écrites (k = { $k }).
export-ctdc-nothing-suppressed = Aucune valeur n'a dû être masquée.
export-ctdc-suppressed = Valeurs remplacées par -99 pour que chaque combinaison de genre, d'âge, de nationalité et de pays d'exploitation apparaisse au moins 11 fois : { $cells }.
export-ctdc-dropped = { $count ->
    [one] { $count } ligne retirée : sa combinaison restait plus rare que 11 même entièrement masquée.
   *[other] { $count } lignes retirées : leur combinaison restait plus rare que 11 même entièrement masquée.
}
import-progress = import
import-cannot-read = Impossible de lire { $path } : { $reason }.
import-col-line = ligne
import-col-problem = problème
import-ignored-columns = Colonnes non reconnues, ignorées : { $columns }.
import-done-cases = Dossiers : { $created } importés, { $existing } déjà dans Haven et laissés tels quels ({ $rows } lignes dans le fichier).
import-done-organisations = Organisations : { $created } importées, { $existing } déjà dans l'annuaire et laissées telles quelles ({ $rows } lignes dans le fichier).
import-done-rooms = Chambres : { $created } importées avec { $beds } lits, { $existing } déjà dans le plan et laissées telles quelles ({ $rows } lignes dans le fichier).
import-not-housed = { $count ->
    [one] { $count } dossier hébergé selon le fichier a été importé comme arrivé : attribuez le lit sur le plan des lits (F3).
   *[other] { $count } dossiers hébergés selon le fichier ont été importés comme arrivés : attribuez les lits sur le plan des lits (F3).
}
import-bad-written = { $count ->
    [one] { $count } ligne erronée écrite dans { $path } : corrigez-la et importez ce fichier.
   *[other] { $count } lignes erronées écrites dans { $path } : corrigez-les et importez ce fichier.
}

## The reports screen (F6)
action-period_month = Mois
action-period_quarter = Trimestre
action-period_year = Année
action-period_range = Dates du … au
hint-period_prev = Avant
hint-period_next = Après
hint-period_month = Mois
hint-period_quarter = Trimestre
hint-period_year = Année
hint-period_range = Dates
hint-export = Exporter
report-forbidden = Les rapports sont réservés aux chargé(e)s de dossier et aux responsables : ils comptent les personnes d'après les dossiers.
report-kind-month = mois
report-kind-quarter = trimestre
report-kind-year = année
report-kind-range = dates
report-tab-summary = Synthèse
report-tab-gender = Genre
report-tab-age = Âge
report-tab-citizenship = Nationalité
report-tab-exploitation = Exploitation
report-tab-services = Services
report-tab-referrals = Orientations
report-tab-occupancy = Occupation
report-sparkline = Lits occupés nuit par nuit (au plus { $peak } sur { $beds })
report-no-nights = Aucune nuit de cette période n'est encore passée.
report-target-gauge = { $year } : { $count } arrivées · objectif : { $target } par an · à fin de période : { $expected }
report-export-title = Exporter
report-export-report_xlsx = Ce rapport, classeur Excel
report-export-report_csv = Ce rapport, CSV
report-export-report_text = Ce rapport, texte
report-export-data_xlsx = Tous les enregistrements, classeur Excel (une feuille par type)
report-export-data_csv = Dossiers, CSV
report-export-json = Données complètes, JSON (pour une migration)
report-export-ctdc = Jeu de données CTDC pour l'OIM (anonymisé, k = 11)
report-export-file = Fichier
report-export-help = ↑↓ choisir · tapez le nom du fichier · Entrée écrit · Échap ferme
report-export-no-file = Indiquez un nom de fichier.
report-range-title = Dates du … au
report-range-help = Deux dates, par exemple 01/11/2026 – 15/12/2026 ; Entrée affiche le rapport.
export-personal-clear = { $path } contient des données personnelles en clair : sur cet ordinateur, vous seul pouvez le lire (0600) ; gardez-le sur un disque chiffré et supprimez-le après usage.
import-undone = L'import s'est arrêté : les { $count } enregistrements qu'il avait écrits ont été retirés, rien n'en est gardé. Corrigez la cause et relancez le même import.
import-interrupted = Un import { $what ->
    [cases] de dossiers
    [organisations] d'organisations
   *[rooms] de chambres
    } ({ $rows } lignes), commencé le { $started }, a été interrompu avant la fin : les { $undone } enregistrements qu'il avait écrits ont été retirés, rien n'en est gardé. Relancez le même import.
import-encoding-at = Ligne { $line }, octet { $byte } du fichier : le fichier n'est ni en UTF-8 ni un texte Windows-1251 reconnaissable. Enregistrez-le depuis Excel en « CSV UTF-8 », ou indiquez --encoding windows-1251 si c'est son encodage.
import-not-utf8-at = Ligne { $line }, octet { $byte } du fichier : le fichier n'est pas du texte UTF-8 (c'est peut-être du Windows-1251 : indiquez --encoding windows-1251, ou enregistrez-le en « CSV UTF-8 »).
import-not-text = Le fichier contient des octets nuls : ce n'est pas un fichier texte, ou c'est de l'UTF-16 dont l'ordre des octets ne peut pas être déterminé. Enregistrez-le depuis Excel en « CSV UTF-8 ».
import-open-quote = Ligne { $line } : une cellule entre guillemets s'ouvre ici et continue sur les lignes suivantes (un guillemet " manque, ou il y en a un de trop). Rien n'a été importé : corrigez cette ligne et relancez l'import.
import-short-row = la ligne a { $cells } cellules mais la ligne d'en-tête en a { $headings } (un séparateur manque, ou la ligne a été coupée)
import-extra-cells = la ligne a des cellules remplies après le dernier en-tête ({ $cells } cellules, { $headings } en-têtes) : elles seraient perdues
import-bad-date-at = { $column } : pas une date (écrivez 2026-12-01 ou 01/12/2026)
import-bad-choice-at = { $column } : pas l'une des valeurs { $allowed }
import-bad-country-at = { $column } : pas un pays (écrivez RU, RUS ou Russie)
import-bad-number-at = { $column } : pas un nombre entier dans les limites
import-bad-yes-no-at = { $column } : ni oui ni non
import-bad-code-at = { $column } : pas un code de dossier comme MSK-26-0042
import-bed-taken-at = un libellé de lit qu'une autre chambre utilise déjà
import-every-row-bad = Aucune des { $total } lignes ne peut être importée, rien n'a donc été écrit : corrigez-les et relancez l'import.
import-decoded-1251-check = Le fichier n'était pas en UTF-8 : il a été lu en Windows-1251 (cyrillique). Vérifiez dans Haven que le texte de ces colonnes se lit correctement : { $columns } (le premier texte de ce genre est à la ligne { $line }).
import-cannot-write = Impossible d'écrire { $path } : { $reason }.

# A refusal while importing.
rule-import_running = Une autre importation dans ce centre est encore en cours. Attendez qu’elle se termine, puis réessayez.
rule-import_row_changed = Une ligne du fichier a changé entre l’aperçu et l’importation. Ouvrez de nouveau le fichier pour le voir tel qu’il est maintenant.

# The reports screen while its records are read on another thread.
report-reading = Lecture des dossiers pour le rapport…
# Noms courts des onglets, quand les noms complets ne tiennent pas (80 colonnes).
report-tab-short-summary = Synthèse
report-tab-short-gender = Genre
report-tab-short-age = Âge
report-tab-short-citizenship = Nation.
report-tab-short-exploitation = Exploit.
report-tab-short-services = Services
report-tab-short-referrals = Orient.
report-tab-short-occupancy = Occup.
