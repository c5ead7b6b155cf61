//! Reading one keymap file: TOML text to validated bindings with line numbers.
//!
//! Shape: an optional `base = "vim"`, then one table per screen whose entries
//! are `key = "action"` or
//! `key = [{ when = "form_dirty", action = "confirm_discard" }, { action = "close" }]`.
//! Every problem is reported with the line it is on, in line order.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::action::{Action, Condition};
use super::error::{KeymapError, KeymapProblem, line_of};
use super::screen::Screen;
use super::seq::{KeySeq, parse_sequence};

/// One alternative of a binding: its action, taken when the condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The condition, or `None` for "always".
    pub when: Option<Condition>,
    /// The action.
    pub action: Action,
}

/// One `key = …` entry of a table.
#[derive(Debug, Clone)]
pub(crate) struct FileBinding {
    pub keys: KeySeq,
    pub rules: Vec<Rule>,
}

/// A parsed, validated keymap file.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeymapFile {
    /// `base = "…"` and its line.
    pub base: Option<(String, usize)>,
    /// Tables in file order.
    pub tables: Vec<(Screen, Vec<FileBinding>)>,
}

/// Collects problems with their position while reading one file.
struct Reader<'a> {
    text: &'a str,
    file: &'a str,
    errors: Vec<KeymapError>,
}

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, key: Option<&str>, problem: KeymapProblem) {
        self.errors.push(KeymapError {
            file: self.file.to_string(),
            line: Some(line_of(self.text, span.start)),
            key: key.map(str::to_string),
            problem,
        });
    }

    fn line(&self, span: &Range<usize>) -> usize {
        line_of(self.text, span.start)
    }
}

/// Entries of a TOML table in the order they are written (the map itself is sorted).
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'i, str>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// Parses and validates `text`, read from `file`; every problem found, in line order.
pub(crate) fn parse_file(text: &str, file: &str) -> Result<KeymapFile, Vec<KeymapError>> {
    let doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start));
            return Err(vec![KeymapError {
                file: file.to_string(),
                line,
                key: None,
                problem: KeymapProblem::Syntax(e.message().trim().to_string()),
            }]);
        }
    };
    let mut reader = Reader { text, file, errors: Vec::new() };
    let mut out = KeymapFile::default();
    for (name, value) in in_file_order(doc.get_ref()) {
        let name_str: &str = name.get_ref();
        if name_str == "base" {
            match value.get_ref() {
                DeValue::String(s) => out.base = Some((s.to_string(), reader.line(&value.span()))),
                _ => reader.error(value.span(), None, KeymapProblem::BadValue("base = \"<keymap name>\"")),
            }
            continue;
        }
        let (Some(screen), DeValue::Table(table)) = (Screen::from_name(name_str), value.get_ref()) else {
            let problem = match value.get_ref() {
                DeValue::Table(_) => KeymapProblem::UnknownTable(name_str.to_string()),
                _ => KeymapProblem::UnknownTopLevel(name_str.to_string()),
            };
            reader.error(name.span(), None, problem);
            continue;
        };
        let bindings = read_table(&mut reader, table);
        out.tables.push((screen, bindings));
    }
    if reader.errors.is_empty() {
        Ok(out)
    } else {
        reader.errors.sort_by_key(|e| e.line);
        Err(reader.errors)
    }
}

/// The bindings of one screen table.
fn read_table(reader: &mut Reader<'_>, table: &DeTable<'_>) -> Vec<FileBinding> {
    let mut bindings: Vec<FileBinding> = Vec::new();
    let mut first_seen: HashMap<KeySeq, usize> = HashMap::new();
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for (key, value) in in_file_order(table) {
        let key_text: &str = key.get_ref();
        let keys = match parse_sequence(key_text) {
            Ok(keys) => keys,
            Err(e) => {
                reader.error(key.span(), Some(key_text), KeymapProblem::BadKey(e));
                continue;
            }
        };
        let Some(rules) = read_rules(reader, key_text, value) else {
            continue;
        };
        if let Some(&first_line) = first_seen.get(&keys) {
            reader.error(key.span(), Some(key_text), KeymapProblem::KeyBoundTwice { first_line });
            continue;
        }
        first_seen.insert(keys.clone(), reader.line(&key.span()));
        spans.push((key.span(), key_text.to_string()));
        bindings.push(FileBinding { keys, rules });
    }
    for (i, b) in bindings.iter().enumerate() {
        if let Some(longer) = bindings.iter().find(|other| other.keys.starts_with(b.keys.chords()))
            && let Some((span, text)) = spans.get(i)
        {
            let problem = KeymapProblem::PrefixOfSequence { sequence: longer.keys.to_string() };
            reader.error(span.clone(), Some(text), problem);
        }
    }
    bindings
}

const RULES_SHAPE: &str =
    "an action name, or a list like [{ when = \"form_dirty\", action = \"confirm_discard\" }, { action = \"close\" }]";

/// The rules of one binding, or `None` after reporting why they are wrong.
fn read_rules(reader: &mut Reader<'_>, key: &str, value: &Spanned<DeValue<'_>>) -> Option<Vec<Rule>> {
    match value.get_ref() {
        DeValue::String(name) => {
            let action = read_action(reader, key, name, value.span())?;
            Some(vec![Rule { when: None, action }])
        }
        DeValue::Array(items) if !items.is_empty() => {
            let mut rules = Vec::new();
            let mut ok = true;
            for item in items.iter() {
                match read_rule(reader, key, item) {
                    Some(rule) => rules.push(rule),
                    None => ok = false,
                }
            }
            ok.then_some(rules)
        }
        _ => {
            reader.error(value.span(), Some(key), KeymapProblem::BadValue(RULES_SHAPE));
            None
        }
    }
}

/// One `{ when = …, action = … }` item.
fn read_rule(reader: &mut Reader<'_>, key: &str, item: &Spanned<DeValue<'_>>) -> Option<Rule> {
    let DeValue::Table(fields) = item.get_ref() else {
        reader.error(item.span(), Some(key), KeymapProblem::BadValue(RULES_SHAPE));
        return None;
    };
    let mut action = None;
    let mut when = None;
    let mut ok = true;
    for (name, value) in in_file_order(fields) {
        let field: &str = name.get_ref();
        match (field, value.get_ref()) {
            ("action", DeValue::String(s)) => {
                action = read_action(reader, key, s, value.span());
                ok &= action.is_some();
            }
            ("when", DeValue::String(s)) => match Condition::from_name(s) {
                Some(c) => when = Some(c),
                None => {
                    reader.error(value.span(), Some(key), KeymapProblem::UnknownCondition(s.to_string()));
                    ok = false;
                }
            },
            _ => {
                reader.error(name.span(), Some(key), KeymapProblem::BadValue(RULES_SHAPE));
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    match action {
        Some(action) => Some(Rule { when, action }),
        None => {
            reader.error(item.span(), Some(key), KeymapProblem::BadValue(RULES_SHAPE));
            None
        }
    }
}

fn read_action(reader: &mut Reader<'_>, key: &str, name: &str, span: Range<usize>) -> Option<Action> {
    let action = Action::from_name(name);
    if action.is_none() {
        reader.error(span, Some(key), KeymapProblem::UnknownAction(name.to_string()));
    }
    action
}
