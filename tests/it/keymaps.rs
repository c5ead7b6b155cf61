#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The shipped keymaps load, and every malformed keymap fails with a message
//! that names the line, the key and the problem.

use std::fs;
use std::path::{Path, PathBuf};

use haven::app::action::{Action, Condition};
use haven::keymap::{KeyChord, Keymap, Screen};

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_shipped_keymap_loads_from_its_file_and_by_name() {
    let files = toml_files(&root().join("keymaps"));
    assert!(files.len() >= 2, "default.toml and vim.toml at least");
    for path in files {
        let path_str = path.to_str().unwrap();
        let from_file = Keymap::load(path_str, None).unwrap_or_else(|e| panic!("{e}"));
        let name = path.file_stem().unwrap().to_str().unwrap();
        let by_name = Keymap::load(name, None).unwrap_or_else(|e| panic!("{e}"));
        let text = fs::read_to_string(&path).unwrap();
        assert!(Keymap::check(&text, path_str).is_empty());
        let never = |_: Condition| false;
        for km in [&from_file, &by_name] {
            assert_eq!(km.resolve(Screen::Arrivals, KeyChord::parse("f2").unwrap(), &never), Some(Action::GoArrivals));
        }
    }
}

#[test]
fn every_bad_keymap_fails_with_its_expected_message() {
    let files = toml_files(&root().join("tests/fixtures/bad_keymaps"));
    assert!(files.len() >= 10);
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let first_line = text.lines().next().unwrap();
        let expected = first_line
            .strip_prefix("# expect: ")
            .unwrap_or_else(|| panic!("{}: first line must be `# expect: …`", path.display()));
        let path_str = path.to_str().unwrap();
        let err = match Keymap::load(path_str, None) {
            Ok(_) => panic!("{} loaded but should fail with: {expected}", path.display()),
            Err(e) => e,
        };
        let message = err.to_string();
        let want = format!("{path_str}: {expected}");
        assert!(message.starts_with(&want), "{}:\n  got:  {message}\n  want: {want}", path.display());
        // `check` reports the same first problem.
        let all = Keymap::check(&text, path_str);
        assert_eq!(all.first().map(ToString::to_string), Some(message));
    }
}

#[test]
fn a_user_override_file_changes_only_the_keys_it_names() {
    let dir = std::env::temp_dir().join(format!("haven-keymap-test-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let user = dir.join("keys.toml");
    fs::write(&user, "[global]\nf1 = \"noop\"\nctrl-h = \"help\"\n").unwrap_or(());
    // Ctrl-H is refused even in a user's file, with the user's file named.
    let err = Keymap::load("default", Some(&user)).unwrap_err();
    assert_eq!(err.file, user.display().to_string());
    assert_eq!(err.line, Some(3));

    fs::write(&user, "[global]\nf1 = \"noop\"\nalt-h = \"help\"\n").unwrap();
    let km = Keymap::load("vim", Some(&user)).unwrap();
    let never = |_: Condition| false;
    let key = |s: &str| KeyChord::parse(s).unwrap();
    assert_eq!(km.resolve(Screen::Beds, key("f1"), &never), None);
    assert_eq!(km.resolve(Screen::Beds, key("alt-h"), &never), Some(Action::Help));
    assert_eq!(km.resolve(Screen::Beds, key("j"), &never), Some(Action::Down));
    assert_eq!(km.hint_key(Screen::Beds, Action::Help), Some(key("alt-1")));

    let missing = Keymap::load("default", Some(&dir.join("missing.toml"))).unwrap_err();
    assert!(missing.to_string().contains("cannot read the file"));
    fs::remove_dir_all(&dir).unwrap();
}
