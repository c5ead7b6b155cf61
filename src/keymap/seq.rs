//! Key sequences (`g g`): several chords pressed one after another.

use std::fmt;

use super::key::{KeyChord, KeyParseError};

/// A sequence of chords pressed one after another (`g g`); usually one chord.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySeq(Vec<KeyChord>);

impl KeySeq {
    /// The chords, in the order they are pressed.
    pub fn chords(&self) -> &[KeyChord] {
        &self.0
    }

    /// The only chord, if this sequence is a single key.
    pub fn single(&self) -> Option<KeyChord> {
        match self.0.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Whether `prefix` is a strict beginning of this sequence.
    pub fn starts_with(&self, prefix: &[KeyChord]) -> bool {
        self.0.len() > prefix.len() && self.0.starts_with(prefix)
    }
}

impl KeySeq {
    /// The chords' names in the user's language ([`KeyChord::label`]), spaced.
    pub fn label(&self, name: &dyn Fn(&str) -> String) -> String {
        self.chords().iter().map(|c| c.label(name)).collect::<Vec<_>>().join(" ")
    }
}

impl From<KeyChord> for KeySeq {
    fn from(chord: KeyChord) -> Self {
        KeySeq(vec![chord])
    }
}

impl fmt::Display for KeySeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chord) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{chord}")?;
        }
        Ok(())
    }
}

/// Parses a space-separated key sequence such as `"g g"` or `"ctrl-x ctrl-s"`.
pub fn parse_sequence(text: &str) -> Result<KeySeq, KeyParseError> {
    let chords = text.split_whitespace().map(KeyChord::parse).collect::<Result<Vec<_>, _>>()?;
    if chords.is_empty() {
        return Err(KeyParseError::Empty);
    }
    Ok(KeySeq(chords))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn sequences_parse_and_display() {
        let gg = parse_sequence("g g").unwrap();
        assert_eq!(gg.chords(), &[p("g"), p("g")]);
        assert_eq!(gg.to_string(), "g g");
        assert_eq!(gg.single(), None);
        assert!(gg.starts_with(&[p("g")]));
        assert_eq!(parse_sequence("ctrl-s").unwrap().single(), Some(p("ctrl-s")));
        assert_eq!(parse_sequence("  "), Err(KeyParseError::Empty));
    }
}
