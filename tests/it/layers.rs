#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The layers point down: reads every file under `src/`, collects the
//! `crate::X` paths it names, and fails with the list of every import from
//! a lower layer into a higher one (docs/ARCHITECTURE.md, "The layers").
//!
//! Code compiled only for tests is not counted: files declared under
//! `#[cfg(test)] mod name;` and everything after a file's first
//! `#[cfg(test)]` line (a test may drive the layers above what it tests).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers from the bottom up. A folder may use the folders of the
/// layers below its own; inside its own layer only the pairs in `PEERS`.
const LAYERS: &[&[&str]] = &[
    // Records and rules: no I/O, no UI.
    &["domain"],
    // The database, the fuzzy search, key chords and actions, translations.
    &["store", "search", "keymap", "i18n"],
    // Drawing helpers every layer above may use: the theme, making text
    // inert, the message for a store error.
    &["ui"],
    // One function per user action, the sync, the donor report, the
    // synthetic demo centre.
    &["ops", "sync", "report", "demo"],
    // The console: form engine, form declarations, screens, the app
    // (context, screen contract, screen stack, event loop).
    &["form_engine", "forms", "screens", "app"],
    // `haven bench` drives the console.
    &["bench"],
    // The command line, on top of everything.
    &["cli"],
];

/// Imports allowed between folders of the same layer.
const PEERS: &[(&str, &str)] = &[
    // Export and import write and read the report's files.
    ("ops", "report"),
    // The hub's erasure wraps the store-side erasure of a case.
    ("sync", "ops"),
    // The form engine implements the app's screen contract.
    ("form_engine", "app"),
    // Declarations are built on the engine.
    ("forms", "form_engine"),
    ("forms", "app"),
    // Screens open forms.
    ("screens", "form_engine"),
    ("screens", "forms"),
    ("screens", "app"),
    // The screen stack opens the screens (function keys, login, drafts).
    ("app", "screens"),
    ("app", "form_engine"),
];

/// Known upward imports still to move, each with why it is still there.
/// Keep this empty: an entry here is a debt, not a permission.
const KNOWN: &[(&str, &str, &str)] = &[];

fn layer_of(folder: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&folder))
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files that exist only in tests: `#[cfg(test)] mod name;` next to them.
fn test_only(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let dir = if file.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs") {
            file.parent().unwrap().to_path_buf()
        } else {
            file.with_extension("")
        };
        for pair in lines.windows(2) {
            if !pair[0].starts_with("#[cfg(test)]") {
                continue;
            }
            let decl = pair[1].trim_start_matches("pub(crate) ").trim_start_matches("pub ");
            if let Some(name) = decl.strip_prefix("mod ").and_then(|s| s.strip_suffix(';')) {
                out.insert(dir.join(format!("{name}.rs")));
                out.insert(dir.join(name).join("mod.rs"));
            }
        }
    }
    out
}

/// The folders of ours a file's code (before its tests) names, as
/// `crate::x::…` or inside `crate::{x::…, y}`.
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .take_while(|l| !l.trim().starts_with("#[cfg(test)]"))
        .map(|l| match l.find("//") {
            Some(at) => &l[..at],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each path at the group's own depth.
            let mut depth = 0usize;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && depth == 0 && (c.is_ascii_alphanumeric() || c == '_') => {
                        out.insert(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn the_import_reader_sees_plain_and_grouped_paths() {
    let text = "use crate::store::Store;\nuse crate::{app::context::Ctx, ui::{theme, sanitize}, domain};\n\
                // use crate::cli::x;\nfn f() { crate::ops::g(); } // crate::screens\n#[cfg(test)]\nuse crate::forms::y;";
    let found: Vec<String> = imports(text).into_iter().collect();
    assert_eq!(found, ["app", "domain", "ops", "store", "ui"]);
}

fn upward_imports() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    files.sort();
    let tests = test_only(&files);
    let mut bad: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let Some((folder, _)) = rel.split_once('/') else { continue }; // lib.rs, main.rs
        if tests.contains(file) {
            continue;
        }
        let Some(from) = layer_of(folder) else {
            bad.entry(rel.clone()).or_default().insert(format!("{folder} (no layer: add it to LAYERS)"));
            continue;
        };
        for target in imports(&std::fs::read_to_string(file).unwrap()) {
            if target == folder {
                continue;
            }
            let Some(to) = layer_of(&target) else { continue }; // a crate-level item, not a folder
            let allowed = to < from || (to == from && PEERS.contains(&(folder, target.as_str())));
            let known = KNOWN.iter().any(|(f, t, _)| *f == rel && *t == target);
            if !allowed && !known {
                bad.entry(rel.clone()).or_default().insert(target);
            }
        }
    }
    bad.into_iter().map(|(file, to)| format!("{file} -> {}", to.into_iter().collect::<Vec<_>>().join(", "))).collect()
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let bad = upward_imports();
    assert!(bad.is_empty(), "{} files import a layer above their own:\n{}", bad.len(), bad.join("\n"));
}

/// Inside the store, a save (the transaction, the record kinds, applying
/// the other laptops' changes, the digest it keeps, the key caches and the
/// session it acts as) works on the transaction's views and never reaches
/// back into `Store` (`db.rs`): the store is built on them, not the reverse.
#[test]
fn a_save_does_not_reach_back_into_the_store() {
    let store = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut bad = Vec::new();
    for file in ["tx.rs", "kinds.rs", "apply.rs", "digest.rs", "keycache.rs", "session.rs", "merge.rs", "undo.rs"] {
        let text = std::fs::read_to_string(store.join(file)).unwrap();
        for line in text.lines().map(str::trim).take_while(|l| !l.starts_with("#[cfg(test)]")) {
            if line.starts_with("//") {
                continue;
            }
            let names_store = line.match_indices("Store").any(|(at, _)| {
                let before = line[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                let after = line[at + 5..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                !before && !after
            });
            // The staged writer is built on `Store` too.
            if names_store || line.contains("super::db") || line.contains("super::staged") {
                bad.push(format!("store/{file}: {line}"));
            }
        }
    }
    assert!(bad.is_empty(), "a save reaches back into the store:\n{}", bad.join("\n"));
}

#[test]
fn every_folder_of_src_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(layer_of(&name).is_some(), "src/{name} has no layer in tests/it/layers.rs");
        }
    }
}

#[test]
fn known_exceptions_are_still_needed() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (file, target, why) in KNOWN {
        let text = std::fs::read_to_string(src.join(file)).unwrap();
        assert!(imports(&text).contains(*target), "{file} no longer imports {target} ({why}): remove it from KNOWN");
    }
}
