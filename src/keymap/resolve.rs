//! The active keymap: a built-in file, then the user's file overriding key by
//! key, and the pure lookup from (screen, key, state) to an action.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::action::{Action, Condition};
use super::error::{KeymapError, KeymapProblem};
use super::file::{KeymapFile, Rule, parse_file};
use super::key::KeyChord;
use super::screen::Screen;
use super::seq::KeySeq;

/// The keymaps shipped inside the binary.
const BUILTINS: &[(&str, &str)] =
    &[("default", include_str!("../../keymaps/default.toml")), ("vim", include_str!("../../keymaps/vim.toml"))];

/// How deep `base = …` may chain; the shipped files need two levels.
const MAX_BASE_DEPTH: usize = 4;

/// One key (or sequence) of a table with its alternatives, tried in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The key or key sequence.
    pub keys: KeySeq,
    /// The alternatives; the first whose condition holds wins.
    pub rules: Vec<Rule>,
}

/// The outcome of looking up the keys typed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyResult {
    /// The keys make an action.
    Matched(Action),
    /// The keys start a longer sequence: wait for the next key.
    Pending,
    /// Nothing is bound (or the key is unbound with `noop`).
    NotFound,
}

/// A loaded keymap: tables of bindings per screen.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    name: String,
    tables: HashMap<Screen, Vec<Binding>>,
}

/// The file name used in errors about a built-in keymap.
fn builtin_file(name: &str) -> String {
    format!("keymaps/{name}.toml")
}

fn error(file: &str, line: Option<usize>, problem: KeymapProblem) -> KeymapError {
    KeymapError { file: file.to_string(), line, key: None, problem }
}

/// The first error of a parse, which is the one a user should fix first.
fn first(errors: Vec<KeymapError>, file: &str) -> KeymapError {
    errors.into_iter().next().unwrap_or_else(|| error(file, None, KeymapProblem::Syntax(String::from("unknown error"))))
}

impl Keymap {
    /// The names of the built-in keymaps (`default`, `vim`).
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTINS.iter().map(|(name, _)| *name)
    }

    /// A built-in keymap by name.
    pub fn builtin(name: &str) -> Result<Keymap, KeymapError> {
        Keymap::builtin_at_depth(name, 0)
    }

    fn builtin_at_depth(name: &str, depth: usize) -> Result<Keymap, KeymapError> {
        let Some((_, text)) = BUILTINS.iter().find(|(n, _)| *n == name) else {
            return Err(error(name, None, KeymapProblem::UnknownBase(name.to_string())));
        };
        let file = builtin_file(name);
        let parsed = parse_file(text, &file).map_err(|e| first(e, &file))?;
        let mut keymap = Keymap::on_base(&parsed, &file, depth)?;
        keymap.apply(parsed);
        keymap.name = name.to_string();
        Ok(keymap)
    }

    /// The keymap a file builds on: its `base`, or `default`; empty for `default` itself.
    fn on_base(parsed: &KeymapFile, file: &str, depth: usize) -> Result<Keymap, KeymapError> {
        match &parsed.base {
            Some((base, line)) => {
                if depth >= MAX_BASE_DEPTH || !BUILTINS.iter().any(|(n, _)| n == base) {
                    return Err(error(file, Some(*line), KeymapProblem::UnknownBase(base.clone())));
                }
                Keymap::builtin_at_depth(base, depth + 1)
            }
            None => Ok(Keymap::default()),
        }
    }

    /// A keymap from a file's text: its bindings over its `base` (the `default` keymap if none).
    pub fn from_text(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        let parsed = parse_file(text, file).map_err(|e| first(e, file))?;
        let mut keymap = match parsed.base {
            Some(_) => Keymap::on_base(&parsed, file, 0)?,
            None => Keymap::builtin("default")?,
        };
        keymap.apply(parsed);
        keymap.name = file.to_string();
        Ok(keymap)
    }

    /// Loads `--keymap NAME|FILE`, then the user's override file if there is one.
    ///
    /// A name is a built-in keymap; anything else is a file read over its
    /// `base` (default: `default`).
    pub fn load(name_or_path: &str, user_override: Option<&Path>) -> Result<Keymap, KeymapError> {
        let mut keymap = if BUILTINS.iter().any(|(n, _)| *n == name_or_path) {
            Keymap::builtin(name_or_path)?
        } else {
            let text = std::fs::read_to_string(name_or_path)
                .map_err(|e| error(name_or_path, None, KeymapProblem::Io(e.to_string())))?;
            Keymap::from_text(&text, name_or_path)?
        };
        if let Some(path) = user_override {
            let file = path.display().to_string();
            let text =
                std::fs::read_to_string(path).map_err(|e| error(&file, None, KeymapProblem::Io(e.to_string())))?;
            keymap.override_with(&text, &file)?;
        }
        Ok(keymap)
    }

    /// Applies an override file: each key it names replaces that key in that table.
    pub fn override_with(&mut self, text: &str, file: &str) -> Result<(), KeymapError> {
        let parsed = parse_file(text, file).map_err(|e| first(e, file))?;
        if let Some((_, line)) = parsed.base {
            return Err(error(file, Some(line), KeymapProblem::BaseInOverride));
        }
        self.apply(parsed);
        Ok(())
    }

    /// Every problem in a keymap file, in line order (for `haven keymap check`).
    pub fn check(text: &str, file: &str) -> Vec<KeymapError> {
        match parse_file(text, file) {
            Err(errors) => errors,
            Ok(parsed) => match Keymap::on_base(&parsed, file, 0) {
                Err(e) => vec![e],
                Ok(_) => Vec::new(),
            },
        }
    }

    fn apply(&mut self, parsed: KeymapFile) {
        for (screen, bindings) in parsed.tables {
            let table = self.tables.entry(screen).or_default();
            for b in bindings {
                match table.iter_mut().find(|existing| existing.keys == b.keys) {
                    Some(existing) => existing.rules = b.rules,
                    None => table.push(Binding { keys: b.keys, rules: b.rules }),
                }
            }
        }
    }

    /// The keymap's name (`default`, `vim`, or the file it came from).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The bindings of one table, in file order (not including `[list]` or `[global]`).
    pub fn bindings(&self, table: Screen) -> &[Binding] {
        self.tables.get(&table).map(Vec::as_slice).unwrap_or_default()
    }

    /// The action for one key on `screen`, given the app's state; `None` if unbound.
    ///
    /// Tables are tried in `screen.layers()` order. A key that only starts
    /// a sequence gives `None` here; use [`Keymap::resolve_sequence`] to support sequences.
    pub fn resolve(&self, screen: Screen, key: KeyChord, cond: &dyn Fn(Condition) -> bool) -> Option<Action> {
        match self.resolve_sequence(screen, &[key], cond) {
            KeyResult::Matched(action) => Some(action),
            KeyResult::Pending | KeyResult::NotFound => None,
        }
    }

    /// Looks up the keys typed so far (`[g]`, then `[g, g]`).
    ///
    /// In each table, in order: an exact binding whose condition holds wins
    /// (a `noop` one ends the search unbound); a binding whose conditions
    /// all fail falls through to the next table; a longer sequence starting
    /// with these keys makes the result `Pending`.
    pub fn resolve_sequence(&self, screen: Screen, keys: &[KeyChord], cond: &dyn Fn(Condition) -> bool) -> KeyResult {
        if keys.is_empty() {
            return KeyResult::NotFound;
        }
        for layer in screen.layers() {
            let table = self.bindings(*layer);
            if let Some(binding) = table.iter().find(|b| b.keys.chords() == keys) {
                let chosen = binding.rules.iter().find(|r| r.when.is_none_or(cond));
                match chosen {
                    Some(rule) if rule.action == Action::Noop => return KeyResult::NotFound,
                    Some(rule) => return KeyResult::Matched(rule.action),
                    None => {}
                }
            }
            if table.iter().any(|b| b.keys.starts_with(keys)) {
                return KeyResult::Pending;
            }
        }
        KeyResult::NotFound
    }

    /// Every key or sequence that can trigger `action` on `screen`, the file's first one first.
    ///
    /// Keys hidden by a more specific table are left out, so help shows only
    /// keys that really work there.
    pub fn sequences_for(&self, screen: Screen, action: Action) -> Vec<KeySeq> {
        let mut found = Vec::new();
        if action == Action::Noop {
            return found;
        }
        let mut hidden: HashSet<&KeySeq> = HashSet::new();
        for layer in screen.layers() {
            let table = self.bindings(*layer);
            for b in table {
                if !hidden.contains(&b.keys) && b.rules.iter().any(|r| r.action == action) {
                    found.push(b.keys.clone());
                }
            }
            hidden.extend(table.iter().map(|b| &b.keys));
        }
        found
    }

    /// The single keys that trigger `action` on `screen`, for the hint bar.
    pub fn keys_for(&self, screen: Screen, action: Action) -> Vec<KeyChord> {
        self.sequences_for(screen, action).iter().filter_map(KeySeq::single).collect()
    }

    /// The key to show in a hint for `action`, if it has one on `screen`.
    pub fn hint_key(&self, screen: Screen, action: Action) -> Option<KeyChord> {
        self.keys_for(screen, action).into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    fn never(_: Condition) -> bool {
        false
    }

    fn dirty(c: Condition) -> bool {
        c == Condition::FormDirty
    }

    #[test]
    fn builtins_load_and_have_the_function_key_spine() {
        for name in Keymap::builtin_names() {
            let km = Keymap::builtin(name).unwrap();
            for (key, action) in [
                ("f1", Action::Help),
                ("f2", Action::GoArrivals),
                ("f3", Action::GoBeds),
                ("f4", Action::GoCases),
                ("f5", Action::GoNight),
                ("f6", Action::GoReports),
                ("f10", Action::Quit),
                ("ctrl-q", Action::Quit),
                ("ctrl-l", Action::Lock),
            ] {
                assert_eq!(km.resolve(Screen::Arrivals, k(key), &never), Some(action), "{name}: {key}");
            }
            assert_eq!(km.resolve(Screen::Form, k("ctrl-s"), &never), Some(Action::Save));
            assert_eq!(km.resolve(Screen::Form, k("shift-tab"), &never), Some(Action::PrevField));
        }
    }

    #[test]
    fn every_function_key_action_has_a_ctrl_or_alt_alternative() {
        for name in Keymap::builtin_names() {
            let km = Keymap::builtin(name).unwrap();
            for table in [Screen::Global, Screen::Form, Screen::List, Screen::Arrivals] {
                for b in km.bindings(table) {
                    let Some(chord) = b.keys.single() else {
                        continue;
                    };
                    if !matches!(chord.key(), crate::keymap::Key::F(_)) {
                        continue;
                    }
                    for rule in &b.rules {
                        let alternatives = km.keys_for(table, rule.action);
                        assert!(
                            alternatives.iter().any(|c| c.mods().ctrl || c.mods().alt),
                            "{name} [{}] {chord} -> {} has no Ctrl/Alt alternative",
                            table.name(),
                            rule.action
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn arrival_marked_met_is_one_key_on_the_board() {
        let km = Keymap::builtin("default").unwrap();
        assert_eq!(km.resolve(Screen::Arrivals, k("m"), &never), Some(Action::PickupMet));
        assert_eq!(km.resolve(Screen::Arrivals, k("down"), &never), Some(Action::Down));
        assert_eq!(km.resolve(Screen::Night, k("space"), &never), Some(Action::MarkPresent));
        assert_eq!(km.resolve(Screen::Night, k("ctrl-s"), &never), Some(Action::Finish));
        // `m` means nothing on the bed board.
        assert_eq!(km.resolve(Screen::Global, k("m"), &never), None);
    }

    #[test]
    fn escape_asks_before_discarding_a_dirty_form() {
        let km = Keymap::builtin("default").unwrap();
        assert_eq!(km.resolve(Screen::Form, k("esc"), &dirty), Some(Action::ConfirmDiscard));
        assert_eq!(km.resolve(Screen::Form, k("esc"), &never), Some(Action::Close));
        assert_eq!(km.resolve(Screen::Arrivals, k("esc"), &never), Some(Action::Back));
    }

    #[test]
    fn a_condition_that_fails_falls_through_to_global() {
        let mut km = Keymap::builtin("default").unwrap();
        km.override_with("[form]\nesc = [{ when = \"form_dirty\", action = \"confirm_discard\" }]\n", "user.toml")
            .unwrap();
        assert_eq!(km.resolve(Screen::Form, k("esc"), &dirty), Some(Action::ConfirmDiscard));
        assert_eq!(km.resolve(Screen::Form, k("esc"), &never), Some(Action::Back));
    }

    #[test]
    fn a_user_file_overrides_key_by_key() {
        let mut km = Keymap::builtin("default").unwrap();
        km.override_with("[arrivals]\n\"Ctrl-S\" = \"pickup_met\"\nm = \"pickup_edit\"\n", "user.toml").unwrap();
        assert_eq!(km.resolve(Screen::Arrivals, k("m"), &never), Some(Action::PickupEdit));
        assert_eq!(km.resolve(Screen::Arrivals, k("ctrl-s"), &never), Some(Action::PickupMet));
        // Keys the user did not mention keep their default meaning.
        assert_eq!(km.resolve(Screen::Arrivals, k("x"), &never), Some(Action::PickupNoShow));
        assert_eq!(km.resolve(Screen::Arrivals, k("f2"), &never), Some(Action::GoArrivals));
        assert_eq!(km.keys_for(Screen::Arrivals, Action::PickupMet), vec![k("ctrl-s")]);
    }

    #[test]
    fn noop_removes_a_binding_and_hides_it_from_help() {
        let mut km = Keymap::builtin("default").unwrap();
        km.override_with("[global]\nf1 = \"noop\"\n[arrivals]\nm = \"noop\"\n", "user.toml").unwrap();
        assert_eq!(km.resolve(Screen::Arrivals, k("f1"), &never), None);
        assert_eq!(km.resolve(Screen::Arrivals, k("m"), &never), None);
        assert!(!km.keys_for(Screen::Arrivals, Action::Help).contains(&k("f1")));
        assert!(!km.keys_for(Screen::Arrivals, Action::Help).is_empty(), "Alt-1 still opens help");
        assert!(km.keys_for(Screen::Arrivals, Action::PickupMet).is_empty());
    }

    #[test]
    fn hints_show_the_first_key_of_the_file_and_skip_hidden_ones() {
        let km = Keymap::builtin("default").unwrap();
        assert_eq!(km.hint_key(Screen::Arrivals, Action::Help), Some(k("f1")));
        assert_eq!(km.hint_key(Screen::Arrivals, Action::Quit), Some(k("f10")));
        assert!(km.keys_for(Screen::Arrivals, Action::Quit).contains(&k("ctrl-q")));
        // On the night screen ctrl-s finishes; it is not offered as "save".
        assert!(!km.keys_for(Screen::Night, Action::Save).contains(&k("ctrl-s")));
    }

    #[test]
    fn vim_sequences_wait_for_the_second_key() {
        let km = Keymap::builtin("vim").unwrap();
        let g = k("g");
        assert_eq!(km.resolve_sequence(Screen::Cases, &[g], &never), KeyResult::Pending);
        assert_eq!(km.resolve_sequence(Screen::Cases, &[g, g], &never), KeyResult::Matched(Action::Home));
        assert_eq!(km.resolve(Screen::Cases, k("G"), &never), Some(Action::End));
        assert_eq!(km.resolve(Screen::Cases, k("j"), &never), Some(Action::Down));
        assert_eq!(km.resolve(Screen::Cases, k("ctrl-d"), &never), Some(Action::PageDown));
        assert_eq!(km.resolve(Screen::Cases, k("down"), &never), Some(Action::Down));
        assert_eq!(km.resolve_sequence(Screen::Cases, &[k("z"), k("z")], &never), KeyResult::NotFound);
        let home = km.sequences_for(Screen::Cases, Action::Home);
        assert!(home.iter().any(|s| s.to_string() == "g g"));
    }

    #[test]
    fn a_base_in_an_override_file_is_refused() {
        let mut km = Keymap::builtin("default").unwrap();
        let err = km.override_with("base = \"vim\"\n", "user.toml").unwrap_err();
        assert_eq!(err.problem, KeymapProblem::BaseInOverride);
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn a_file_can_build_on_the_vim_keymap() {
        let km = Keymap::from_text("base = \"vim\"\n[list]\nq = \"back\"\n", "mine.toml").unwrap();
        assert_eq!(km.resolve(Screen::Beds, k("j"), &never), Some(Action::Down));
        assert_eq!(km.resolve(Screen::Beds, k("q"), &never), Some(Action::Back));
        let err = Keymap::from_text("base = \"emacs\"\n", "mine.toml").unwrap_err();
        assert_eq!(err.to_string(), "mine.toml: line 1: no built-in keymap is called \"emacs\"");
    }
}
