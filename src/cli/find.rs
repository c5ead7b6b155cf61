//! `haven find QUERY`: the console's search from the shell, one case per
//! line (code, alias, status, arrival, bed, what it was found by). Names and
//! document numbers are searched only for users holding the case key, and
//! are never printed: the case code is what to take further.

use std::collections::HashMap;
use std::process::ExitCode;

use super::args::{Cli, FindArgs};
use super::{creds, paths};
use crate::domain::permissions::{Act, DataClass};
use crate::i18n::I18n;
use crate::ops::case_list::{CaseRow, case_rows, index_entries};
use crate::search::{Query, Searcher};

/// One line of output for a case found.
fn line(row: &CaseRow, found_by: &str, i18n: &I18n) -> String {
    let f = &row.front;
    let arrived = f.arrived_on.map(|d| i18n.format_date(d)).unwrap_or_else(|| "—".into());
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        f.code,
        crate::ui::sanitize::inert(&f.alias),
        i18n.t(&format!("case-status-{}", f.status.key())),
        arrived,
        crate::ui::sanitize::inert(row.bed.as_deref().unwrap_or("—")),
        found_by
    )
}

/// Runs `haven find`.
pub fn run(cli: &Cli, a: &FindArgs) -> anyhow::Result<ExitCode> {
    let i18n = I18n::new(crate::i18n::choose_lang(cli.lang.as_deref(), None));
    let typed = a.query.join(" ");
    if Query::parse(&typed).is_empty() {
        super::out::warn(&format!("haven: {}", i18n.t("cases-nothing-to-search")));
        return Ok(ExitCode::FAILURE);
    }
    let dir = paths::data_dir(cli.data.as_deref(), false)?;
    let store = creds::open(&dir)?;
    paths::start_log(&dir);
    let today = chrono::Local::now().date_naive();
    let rows: HashMap<_, CaseRow> = case_rows(&store, today)?.into_iter().map(|r| (r.front.id, r)).collect();
    let mut searcher = Searcher::new(&index_entries(&store)?);
    let hits = searcher.search(&typed);
    if !store.may(Act::View, DataClass::Case) {
        super::out::warn(&i18n.t("cases-find-names-hidden"));
    }
    if hits.is_empty() {
        super::out::line(&i18n.t("cases-find-none"))?;
        return Ok(ExitCode::SUCCESS);
    }
    for h in hits.iter().take(a.limit) {
        if let Some(row) = rows.get(&h.case) {
            super::out::line(&line(row, &i18n.t(&format!("cases-match-{}", h.field.key())), &i18n))?;
        }
    }
    if hits.len() > a.limit {
        let more = i64::try_from(hits.len() - a.limit).unwrap_or(i64::MAX);
        super::out::line(&i18n.t_args("cases-find-more", &[("count", more.into())]))?;
    }
    Ok(ExitCode::SUCCESS)
}
