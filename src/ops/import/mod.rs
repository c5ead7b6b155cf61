//! Bringing spreadsheets in: cases, organisations or rooms from a CSV or
//! XLSX file. The whole file is checked first and nothing is written unless
//! every row is good (or the caller skips the bad ones). Rows already in
//! Haven (same case code, organisation name or room name) are left as they
//! are, so importing the same file twice adds nothing. Writes go in batches
//! of a few hundred records per commit, one audit event each with counts,
//! staged as one unit: a failure or a kill before the last batch's commit
//! leaves nothing of the import (`store::staged`).

pub mod file;
pub mod rows;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use self::file::cases::{self, CaseDraft};
use self::file::columns::Columns;
use self::file::rooms::{self, RoomDraft};
use self::file::sheet::{self, Encoding, EncodingChoice, Sheet};
use self::file::values::{Labels, loose};
use self::file::{BadRow, Checked, Kind, Problem, batches, organisations, shape as import_shape};
use crate::domain::case::CaseFront;
use crate::domain::consent::{Consent, ConsentPurpose};
use crate::domain::ids::{BedId, CaseId, ConsentId, OrganisationId, RoomId, ServiceItemId};
use crate::domain::permissions::{Act, DataClass};
use crate::domain::referral::Organisation;
use crate::domain::rooms::{Bed, Room};
use crate::domain::service::{ServiceKind, checklist};
use crate::i18n::{I18n, Lang};
use crate::store::tx::Tx;
use crate::store::{AuditAction, AuditEntry, Store, StoreError, new_id};

/// The audit summary of one batch: counts, never content.
fn batch_summary(kind: Kind, created: usize, batch: usize, of: usize, done: &Imported) -> String {
    crate::ops::import::file::batch_summary(kind, created, (batch, of), (done.rows, done.existing, done.bad.len()))
}

/// The kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// What the file holds.
    pub kind: Kind,
    /// Its format.
    pub format: FileFormat,
    /// CSV: how the text is encoded.
    pub encoding: EncodingChoice,
    /// CSV: the delimiter, when not detected.
    pub delimiter: Option<u8>,
    /// Import the good rows even when some are bad.
    pub skip_bad: bool,
    /// Today (consents of cases without an arrival date are dated today).
    pub today: NaiveDate,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    /// Rows in the file.
    pub rows: usize,
    /// Records created (cases, organisations or rooms).
    pub created: usize,
    /// Rows already in Haven, left unchanged.
    pub existing: usize,
    /// Beds created with new rooms.
    pub beds: usize,
    /// Rows not imported (with `skip_bad`).
    pub bad: Vec<BadRow>,
    /// The file's headings.
    pub headers: Vec<String>,
    /// Headings not recognised, ignored.
    pub ignored_columns: Vec<String>,
    /// How the text was encoded (Windows-1251 is decoded and said so).
    pub encoding: Option<Encoding>,
    /// Commits made.
    pub commits: usize,
    /// Cases the file has in residence: imported as arrived (their bed is given on the bed board).
    pub not_housed: usize,
    /// A file read as Windows-1251: the headings of the columns holding
    /// letters beyond ASCII (what to check reads right), and the first line
    /// holding one.
    pub decoded: Option<(Vec<String>, u64)>,
}

/// Why nothing (or not everything) was imported.
#[derive(Debug)]
pub enum ImportError {
    /// The file itself cannot be imported (encoding, columns, empty).
    File(Vec<Problem>),
    /// Some rows are bad and `skip_bad` was not given: nothing was written.
    Rows {
        /// The bad rows.
        bad: Vec<BadRow>,
        /// Rows in the file.
        total: usize,
    },
    /// The store refused (permission) before anything was written.
    Store(StoreError),
    /// A commit failed after `written` records were staged: every one of
    /// them was undone, nothing of the import is kept.
    Undone {
        /// Records staged before the failure, then removed.
        written: usize,
        /// The failure.
        error: StoreError,
    },
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

impl ImportError {
    /// The lines to show, in the user's language.
    pub fn messages(&self, i18n: &I18n) -> Vec<String> {
        match self {
            ImportError::File(p) => p.iter().map(|p| p.message(i18n)).collect(),
            ImportError::Rows { bad, total } => {
                let mut v: Vec<String> = bad.iter().map(|b| b.message(i18n)).collect();
                let every = bad.len() == *total;
                v.push(i18n.t_args(
                    if every { "import-every-row-bad" } else { "import-nothing-written" },
                    &[
                        ("bad", i64::try_from(bad.len()).unwrap_or(i64::MAX).into()),
                        ("total", i64::try_from(*total).unwrap_or(i64::MAX).into()),
                    ],
                ));
                v
            }
            ImportError::Store(e) => vec![crate::ui::messages::store_error(e, i18n)],
            ImportError::Undone { written, error } => vec![
                crate::ui::messages::store_error(error, i18n),
                i18n.t_args("import-undone", &[("count", i64::try_from(*written).unwrap_or(i64::MAX).into())]),
            ],
        }
    }
}

/// What the next start says of an import a kill cut short and the open undid.
pub fn interrupted_message(n: &crate::store::staged::Interrupted, i18n: &I18n) -> String {
    let started =
        n.started().map(|t| i18n.format_datetime(t.with_timezone(&chrono::Local).naive_local())).unwrap_or_default();
    let count = |x: u64| i64::try_from(x).unwrap_or(i64::MAX);
    i18n.t_args(
        "import-interrupted",
        &[
            ("what", n.what.clone().into()),
            ("rows", count(n.rows).into()),
            ("undone", count(n.undone).into()),
            ("started", started.into()),
        ],
    )
}

/// The names a workbook's sheet of `kind` may have (the export's, in every language).
fn sheet_names(kind: Kind) -> Vec<String> {
    let mut names = vec![kind.key().to_string()];
    for lang in Lang::all() {
        names.push(I18n::new(lang).t(&format!("report-sheet-{}", kind.key())));
    }
    names
}

/// Reads and recognises the file.
pub fn read(bytes: &[u8], opts: &ImportOptions) -> Result<(Sheet, Columns), ImportError> {
    let sheet = match opts.format {
        FileFormat::Csv => sheet::read_csv(bytes, opts.encoding, opts.delimiter),
        FileFormat::Xlsx => sheet::read_xlsx(bytes, &sheet_names(opts.kind)),
    }
    .map_err(|p| ImportError::File(vec![p]))?;
    let cols = Columns::map(opts.kind, &sheet.headers).map_err(ImportError::File)?;
    Ok((sheet, cols))
}

fn authorize(store: &Store, kind: Kind) -> Result<(), StoreError> {
    match kind {
        Kind::Cases => {
            store.authorize(Act::Create, DataClass::Front)?;
            store.authorize(Act::Create, DataClass::Case)
        }
        Kind::Organisations => store.authorize(Act::Organisations, DataClass::Front),
        Kind::Rooms => store.authorize(Act::Rooms, DataClass::Front),
    }
}

/// Imports the file's bytes; `progress` hears the rows written so far.
///
/// The file is read as a stream twice: once to check every row, and again
/// when each batch is written (a cases file: each row read again, not held;
/// `rows`), so that memory does not grow with the cells of the whole file.
pub fn import(
    store: &Store,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Imported, ImportError> {
    authorize(store, opts.kind)?;
    let rows::Opened { headers, encoding, rows: source } =
        rows::open(bytes, opts).map_err(|p| ImportError::File(vec![p]))?;
    let cols = match Columns::map(opts.kind, &headers) {
        Ok(cols) => cols,
        Err(problems) => {
            // A file broken as a whole is said first, as before its columns.
            return Err(ImportError::File(rows::file_problem(source).map_or(problems, |p| vec![p])));
        }
    };
    let mut done = Imported {
        headers: headers.clone(),
        ignored_columns: cols.ignored.clone(),
        encoding: Some(encoding),
        ..Imported::default()
    };
    // A row with cells missing, or filled cells past the last heading, is
    // bad whatever its values.
    let headings = headers.len();
    let mut misshapen = Vec::new();
    let mut broken = None;
    let mut count = 0usize;
    let mut ascii = BeyondAscii::new(headings);
    let kept = source
        .map_while(|r| r.map_err(|p| broken = Some(p)).ok())
        .inspect(|(line, cells)| {
            count += 1;
            ascii.see(*line, cells);
        })
        .filter_map(|(line, cells)| match import_shape(headings, &cells) {
            Some(p) => {
                misshapen.push(BadRow { line, cells, problems: vec![p] });
                None
            }
            None => Some((line, cells)),
        });
    match opts.kind {
        Kind::Cases => {
            let checked = cases::check_each(&cols, kept, opts.today, |i, d| (i, d.front.code.to_string()));
            read_whole(broken, count, ascii, &mut done)?;
            let good = accept(checked, misshapen, opts, &mut done)?;
            let again = std::cell::RefCell::new(rows::Again::new(bytes, opts, headings));
            write_cases(store, &cols, &again, good, opts.today, &mut done, progress)?;
        }
        Kind::Organisations => {
            let rows: Vec<(u64, Vec<String>)> = kept.collect();
            read_whole(broken, count, ascii, &mut done)?;
            let checked = organisations::check(&cols, &rows);
            let good = accept(checked, misshapen, opts, &mut done)?;
            write_organisations(store, good, &mut done, progress)?;
        }
        Kind::Rooms => {
            let rows: Vec<(u64, Vec<String>)> = kept.collect();
            read_whole(broken, count, ascii, &mut done)?;
            let mut checked = rooms::check(&cols, &rows);
            beds_free(store, &mut checked, &rows)?;
            let good = accept(checked, misshapen, opts, &mut done)?;
            write_rooms(store, good, &mut done, progress)?;
        }
    }
    Ok(done)
}

/// After the first reading: a file broken on the way or with no row under
/// its headings is refused whole; else the count of rows and what a file
/// read as Windows-1251 asks to check.
fn read_whole(
    broken: Option<Problem>,
    count: usize,
    ascii: BeyondAscii,
    done: &mut Imported,
) -> Result<(), ImportError> {
    if let Some(p) = broken {
        return Err(ImportError::File(vec![p]));
    }
    if count == 0 {
        return Err(ImportError::File(vec![Problem::Empty]));
    }
    done.rows = count;
    if done.encoding == Some(Encoding::Windows1251) {
        done.decoded = Some(ascii.finish(&done.headers));
    }
    Ok(())
}

/// The headings of the columns with letters beyond ASCII, and the first
/// line holding one: what a file read as Windows-1251 asks to check.
struct BeyondAscii {
    columns: Vec<bool>,
    first: u64,
}

impl BeyondAscii {
    fn new(headings: usize) -> Self {
        BeyondAscii { columns: vec![false; headings], first: 0 }
    }

    fn see(&mut self, line: u64, cells: &[String]) {
        for (i, c) in cells.iter().enumerate() {
            if !c.is_ascii()
                && let Some(seen) = self.columns.get_mut(i)
            {
                *seen = true;
                if self.first == 0 {
                    self.first = line;
                }
            }
        }
    }

    fn finish(self, headers: &[String]) -> (Vec<String>, u64) {
        let headings = headers.iter().zip(self.columns).filter(|(_, seen)| *seen).map(|(h, _)| h.clone()).collect();
        (headings, self.first)
    }
}

/// All rows good, or the bad ones set aside when allowed; a file with no
/// good row at all is refused even then.
fn accept<T>(
    mut checked: Checked<T>,
    misshapen: Vec<BadRow>,
    opts: &ImportOptions,
    done: &mut Imported,
) -> Result<Vec<(u64, T)>, ImportError> {
    if !misshapen.is_empty() {
        checked.bad.extend(misshapen);
        checked.bad.sort_by_key(|b| b.line);
    }
    if !checked.bad.is_empty() && (!opts.skip_bad || checked.good.is_empty()) {
        return Err(ImportError::Rows { bad: checked.bad, total: done.rows });
    }
    done.bad = checked.bad;
    Ok(checked.good)
}

/// New rooms' bed labels must not be taken by a bed in use elsewhere.
fn beds_free(store: &Store, checked: &mut Checked<RoomDraft>, rows: &[(u64, Vec<String>)]) -> Result<(), StoreError> {
    let rooms: HashSet<String> =
        store.scan::<Room>()?.into_iter().filter(|r| !r.is_deleted()).map(|r| loose(&r.body.name)).collect();
    let taken: HashSet<String> = store
        .scan::<Bed>()?
        .into_iter()
        .filter(|b| !b.is_deleted() && !b.body.retired)
        .map(|b| loose(&b.body.label))
        .collect();
    let mut good = Vec::new();
    for (line, d) in std::mem::take(&mut checked.good) {
        let clash: Vec<Problem> = if rooms.contains(&loose(&d.room.name)) {
            Vec::new()
        } else {
            d.beds
                .iter()
                .filter(|b| taken.contains(&loose(b)))
                .map(|b| Problem::BedTaken { label: b.clone() })
                .collect()
        };
        if clash.is_empty() {
            good.push((line, d));
        } else {
            let cells = rows.iter().find(|(l, _)| *l == line).map(|(_, c)| c.clone()).unwrap_or_default();
            checked.bad.push(BadRow { line, cells, problems: clash });
        }
    }
    checked.bad.sort_by_key(|b| b.line);
    checked.good = good;
    Ok(())
}

/// Writes `parts` one commit and one audit event each: `prepare` reads what
/// a batch needs before its commit (a commit may not read the store
/// outside its transaction), `write` puts the batch, `counted` adds what a
/// committed batch made.
#[allow(clippy::too_many_arguments)]
fn commit_in_batches<T, P>(
    store: &Store,
    kind: Kind,
    parts: Vec<Vec<T>>,
    done: &mut Imported,
    progress: &mut dyn FnMut(u64),
    prepare: impl Fn(&[T]) -> Result<P, StoreError>,
    write: impl Fn(&mut Tx<'_>, &[T], &P) -> Result<(), StoreError>,
    counted: impl Fn(&[T], &P, &mut Imported),
) -> Result<(), ImportError> {
    let entity = match kind {
        Kind::Cases => "case",
        Kind::Organisations => "organisation",
        Kind::Rooms => "room",
    };
    let of = parts.len();
    if of == 0 {
        return Ok(());
    }
    // The whole import is one unit: the batches are staged, and only the
    // commit of the last one keeps them (`store::staged`).
    let mut staging = Some(store.stage(kind.key(), done.rows as u64)?);
    for (i, part) in parts.into_iter().enumerate() {
        let summary = batch_summary(kind, part.len(), i + 1, of, done);
        let entry = AuditEntry::new(AuditAction::Import, entity).summary(summary);
        let result = prepare(&part).and_then(|prep| {
            let put = |tx: &mut Tx<'_>| write(tx, &part, &prep);
            let r = match staging.take() {
                Some(s) if i + 1 == of => s.finish(entry, put),
                Some(s) => {
                    let r = s.batch(entry, put);
                    staging = Some(s);
                    r
                }
                None => Err(StoreError::Rule(crate::store::Rule::ImportRunning)),
            };
            r.map(|()| prep)
        });
        let prep = match result {
            Ok(prep) => prep,
            Err(error) => {
                // Dropping the staging undoes every batch written (or the
                // next open does, when the disk refused the write).
                drop(staging);
                return Err(ImportError::Undone { written: done.created, error });
            }
        };
        counted(&part, &prep, done);
        done.commits += 1;
        done.created += part.len();
        progress(done.created as u64);
    }
    Ok(())
}

/// A case ready to write: its draft and the ids drawn for it.
struct NewCase {
    draft: CaseDraft,
    id: CaseId,
    services: Vec<ServiceItemId>,
    consents: [ConsentId; 2],
}

/// Writes the good rows of a cases file, reading each row again from the
/// file when its batch is written (`good` holds indices and codes, not
/// drafts or cells, so memory does not grow with the rows of the file).
fn write_cases(
    store: &Store,
    cols: &Columns,
    rows: &std::cell::RefCell<rows::Again<'_>>,
    good: Vec<(u64, (usize, String))>,
    today: NaiveDate,
    done: &mut Imported,
    progress: &mut dyn FnMut(u64),
) -> Result<(), ImportError> {
    let existing: HashSet<String> = store.scan::<CaseFront>()?.into_iter().map(|c| c.body.code.to_string()).collect();
    let centre = store.header().centre_code.clone();
    let user = store.session()?.username.clone();
    let choices = cases::CaseChoices::new(&Labels::new());
    let mut fresh = Vec::new();
    for (_, (index, code)) in good {
        if existing.contains(&code) {
            done.existing += 1;
        } else {
            fresh.push(index);
        }
    }
    // Codes of this centre move its sequence on, so a case created later
    // never takes a number the file brought: how far, per year, read before
    // each commit.
    let prepare = |part: &[usize]| {
        let mut drafts = Vec::with_capacity(part.len());
        for index in part {
            let cells = rows.borrow_mut().row(*index).unwrap_or_default();
            let draft = cases::row(cols, &cells, &choices, today)
                .map_err(|_| StoreError::Rule(crate::store::Rule::ImportRowChanged))?;
            drafts.push(NewCase {
                id: new_id()?,
                services: ServiceKind::all().map(|_| new_id::<ServiceItemId>()).collect::<Result<Vec<_>, _>>()?,
                consents: [new_id()?, new_id()?],
                draft,
            });
        }
        let counters = store.counters()?;
        let mut highest: HashMap<u8, u32> = HashMap::new();
        for c in drafts.iter().filter(|c| c.draft.front.code.centre == centre) {
            let code = &c.draft.front.code;
            let e = highest.entry(code.year).or_default();
            *e = (*e).max(code.seq);
        }
        let advance = highest
            .into_iter()
            .map(|(year, max)| {
                let now = counters.case_seq.iter().find(|(y, _)| *y == year).map_or(0, |(_, n)| *n);
                (year, max.saturating_sub(now))
            })
            .collect::<Vec<(u8, u32)>>();
        Ok((drafts, advance))
    };
    let write = |tx: &mut Tx<'_>, _: &[usize], (drafts, advance): &(Vec<NewCase>, Vec<(u8, u32)>)| {
        for (year, steps) in advance {
            for _ in 0..*steps {
                tx.next_case_seq(*year)?;
            }
        }
        for c in drafts {
            write_case(tx, c, &user, today)?;
        }
        Ok(())
    };
    let counted = |_: &[usize], (drafts, _): &(Vec<NewCase>, Vec<(u8, u32)>), done: &mut Imported| {
        done.not_housed += drafts.iter().filter(|c| c.draft.was_in_residence).count();
    };
    commit_in_batches(store, Kind::Cases, batches(fresh, |_| 15), done, progress, prepare, write, counted)
}

fn write_case(tx: &mut Tx<'_>, c: &NewCase, user: &str, today: NaiveDate) -> Result<(), StoreError> {
    let mut front = c.draft.front.clone();
    front.id = c.id;
    tx.put(front)?;
    let mut file = c.draft.file.clone();
    file.case_id = c.id;
    tx.put(file)?;
    let mut next = c.services.iter().copied();
    for item in checklist(c.id, || next.next().unwrap_or(ServiceItemId::from_bytes([0; 16]))) {
        tx.put(item)?;
    }
    let day = c.draft.day(today);
    let decisions = [
        (ConsentPurpose::DataProcessing, c.draft.data_consent, c.consents[0]),
        (ConsentPurpose::AnonymisedStatistics, c.draft.statistics_consent, c.consents[1]),
    ];
    for (purpose, given, id) in decisions {
        if let Some(given) = given {
            let recorded_by = user.to_string();
            tx.put(Consent { id, case_id: c.id, purpose, given, date: day, recorded_by, withdrawn_on: None })?;
        }
    }
    Ok(())
}

fn write_organisations(
    store: &Store,
    good: Vec<(u64, Organisation)>,
    done: &mut Imported,
    progress: &mut dyn FnMut(u64),
) -> Result<(), ImportError> {
    let existing: HashSet<String> = store.scan::<Organisation>()?.into_iter().map(|o| loose(&o.body.name)).collect();
    let mut fresh = Vec::new();
    for (_, mut o) in good {
        if existing.contains(&loose(&o.name)) {
            done.existing += 1;
            continue;
        }
        o.id = new_id::<OrganisationId>()?;
        fresh.push(o);
    }
    let write = |tx: &mut Tx<'_>, part: &[Organisation], _: &()| {
        for o in part {
            tx.put(o.clone())?;
        }
        Ok(())
    };
    let parts = batches(fresh, |_| 1);
    commit_in_batches(store, Kind::Organisations, parts, done, progress, |_| Ok(()), write, |_, _, _| {})
}

fn write_rooms(
    store: &Store,
    good: Vec<(u64, RoomDraft)>,
    done: &mut Imported,
    progress: &mut dyn FnMut(u64),
) -> Result<(), ImportError> {
    let rooms = store.scan::<Room>()?;
    let existing: HashSet<String> = rooms.iter().filter(|r| !r.is_deleted()).map(|r| loose(&r.body.name)).collect();
    let mut walk = store.scan::<Bed>()?.iter().map(|b| b.body.walk_order).max().unwrap_or(0);
    let mut fresh: Vec<(Room, Vec<Bed>)> = Vec::new();
    for (_, d) in good {
        if existing.contains(&loose(&d.room.name)) {
            done.existing += 1;
            continue;
        }
        let mut room = d.room;
        room.id = new_id::<RoomId>()?;
        let mut beds = Vec::new();
        for label in d.beds {
            walk += 1;
            let id = new_id::<BedId>()?;
            beds.push(Bed { id, room_id: room.id, label, walk_order: walk, out_of_service: None, retired: false });
        }
        fresh.push((room, beds));
    }
    let write = |tx: &mut Tx<'_>, part: &[(Room, Vec<Bed>)], _: &()| {
        for (room, beds) in part {
            tx.put(room.clone())?;
            for b in beds {
                tx.put(b.clone())?;
            }
        }
        Ok(())
    };
    let counted = |part: &[(Room, Vec<Bed>)], _: &(), done: &mut Imported| {
        done.beds += part.iter().map(|(_, b)| b.len()).sum::<usize>();
    };
    let parts = batches(fresh, |(_, beds)| 1 + beds.len());
    commit_in_batches(store, Kind::Rooms, parts, done, progress, |_| Ok(()), write, counted)
}
