//! Keymap errors, kept as data (file, line, key, problem) so that they can be
//! translated later; `Display` gives the English sentence.

use std::fmt;

use super::key::KeyParseError;

/// What is wrong with one entry of a keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapProblem {
    /// The file could not be read.
    Io(String),
    /// The file is not valid TOML.
    Syntax(String),
    /// A table name that is not a screen (`[arivals]`).
    UnknownTable(String),
    /// A top-level entry that is neither a screen table nor `base`.
    UnknownTopLevel(String),
    /// `base = "…"` or `--keymap NAME` names no built-in keymap.
    UnknownBase(String),
    /// `base` appears in a user's override file, where it has no meaning.
    BaseInOverride,
    /// The key could not be parsed.
    BadKey(KeyParseError),
    /// The action is not one of `Action`'s names.
    UnknownAction(String),
    /// `when = "…"` names no condition.
    UnknownCondition(String),
    /// The same key appears twice in one table (perhaps spelled differently).
    KeyBoundTwice {
        /// Line of the first binding.
        first_line: usize,
    },
    /// A key is also the start of a longer sequence in the same table.
    PrefixOfSequence {
        /// The longer sequence it hides.
        sequence: String,
    },
    /// The value has the wrong shape.
    BadValue(&'static str),
}

impl fmt::Display for KeymapProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeymapProblem::Io(e) => write!(f, "cannot read the file: {e}"),
            KeymapProblem::Syntax(e) => write!(f, "TOML syntax error: {e}"),
            KeymapProblem::UnknownTable(t) => write!(f, "unknown screen table [{t}]"),
            KeymapProblem::UnknownTopLevel(t) => {
                write!(f, "unknown entry \"{t}\" outside a screen table")
            }
            KeymapProblem::UnknownBase(b) => write!(f, "no built-in keymap is called \"{b}\""),
            KeymapProblem::BaseInOverride => {
                f.write_str("\"base\" belongs in a keymap chosen with --keymap, not in an override file")
            }
            KeymapProblem::BadKey(e) => write!(f, "{e}"),
            KeymapProblem::UnknownAction(a) => write!(f, "unknown action \"{a}\""),
            KeymapProblem::UnknownCondition(c) => write!(f, "unknown condition \"{c}\""),
            KeymapProblem::KeyBoundTwice { first_line } => {
                write!(f, "bound twice in this table (first on line {first_line})")
            }
            KeymapProblem::PrefixOfSequence { sequence } => {
                write!(f, "also starts the sequence \"{sequence}\", which could never be typed")
            }
            KeymapProblem::BadValue(expected) => write!(f, "expected {expected}"),
        }
    }
}

/// An error in a keymap file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// The file, as given (or `builtin:<name>`).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The key as written in the file, when the problem concerns one.
    pub key: Option<String>,
    /// What is wrong.
    pub problem: KeymapProblem,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ": line {line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": key \"{key}\"")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for KeymapError {}

/// The 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.bytes().take(end).filter(|&b| b == b'\n').count() + 1
}
