//! Settings from `config.toml` in the user's configuration folder. Every
//! setting has a default; a malformed file is an error that names the file
//! and the line, never a crash.

use std::path::Path;

use serde::Deserialize;

/// The console's settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Interface language (`en`, `ru`, `fr`); the command line wins.
    pub lang: Option<String>,
    /// Keymap name or file; the command line wins.
    pub keymap: Option<String>,
    /// Minutes without a key before the screen locks.
    pub idle_lock_minutes: u32,
    /// People to assist per year (the programme's target).
    pub yearly_target: u32,
    /// Default currency of grants (ISO 4217).
    pub currency: String,
    /// Seconds after the last key before a form's draft is saved.
    pub draft_after_seconds: u32,
    /// Airports reception works at, with their arrival terminals
    /// (`[[airports]]` tables of `code` and `terminals`).
    pub airports: Vec<crate::domain::pickup::AirportTerminals>,
    /// Years a closed case is kept before the dashboard proposes erasing it.
    pub retention_years: u32,
    /// Days after the last verified backup before the dashboard reminds managers.
    pub backup_reminder_days: u32,
    /// Between the cells of CSV exports: `;` (what Russian and French Excel
    /// expect, with a decimal comma), `,`, `\t` or `|`.
    pub csv_delimiter: char,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            keymap: None,
            idle_lock_minutes: 5,
            yearly_target: 350,
            currency: "RUB".into(),
            draft_after_seconds: 3,
            airports: crate::domain::pickup::default_airports(),
            retention_years: 5,
            backup_reminder_days: 7,
            csv_delimiter: ';',
        }
    }
}

/// A config file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ConfigError {
    /// The file.
    pub file: String,
    /// What is wrong, with the line where known.
    pub message: String,
}

impl Config {
    /// Reads `dir/config.toml` if it exists; defaults otherwise.
    pub fn load(dir: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(dir) = dir else { return Ok(Config::default()) };
        let path = dir.join("config.toml");
        let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Config::default()) };
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses config text; errors name `file` and the line.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let cfg: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            let message = match line {
                Some(l) => format!("line {l}: {}", e.message()),
                None => e.message().to_string(),
            };
            ConfigError { file: file.to_string(), message }
        })?;
        if cfg.idle_lock_minutes == 0 || cfg.idle_lock_minutes > 240 {
            return Err(ConfigError { file: file.into(), message: "idle_lock_minutes must be 1 to 240".into() });
        }
        if !crate::report::csv_file::DELIMITERS.contains(&cfg.csv_delimiter) {
            return Err(ConfigError { file: file.into(), message: "csv_delimiter must be one of ; , \\t |".into() });
        }
        if let Some(message) = airports_problem(&cfg.airports) {
            return Err(ConfigError { file: file.into(), message });
        }
        Ok(cfg)
    }
}

/// What is wrong with an `airports` list, if anything: reception needs at
/// least one airport, each a three-letter code listed once, with distinct
/// terminals of one to three letters or digits.
fn airports_problem(airports: &[crate::domain::pickup::AirportTerminals]) -> Option<String> {
    if airports.is_empty() {
        return Some("airports must list at least one airport".into());
    }
    for (i, a) in airports.iter().enumerate() {
        if a.code.len() != 3 || !a.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(format!("airports: {:?} is not a three-letter code such as SVO", a.code));
        }
        if airports.iter().take(i).any(|b| b.code == a.code) {
            return Some(format!("airports: {} is listed twice", a.code));
        }
        for (j, t) in a.terminals.iter().enumerate() {
            if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
                return Some(format!("airports: {} terminal {t:?} must be 1 to 3 capital letters or digits", a.code));
            }
            if a.terminals.iter().take(j).any(|u| u == t) {
                return Some(format!("airports: {} lists terminal {t} twice", a.code));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_empty() {
        assert_eq!(Config::parse("", "c.toml").unwrap(), Config::default());
    }

    #[test]
    fn settings_are_read_and_bad_lines_named() {
        let c = Config::parse("idle_lock_minutes = 2\nyearly_target = 400\n", "c.toml").unwrap();
        assert_eq!((c.idle_lock_minutes, c.yearly_target), (2, 400));
        let e = Config::parse("lang = \"en\"\nidle_lock_minutes = \"x\"\n", "c.toml").unwrap_err();
        assert!(e.to_string().contains("c.toml: line 2"), "{e}");
        assert!(Config::parse("colour = 1\n", "c.toml").is_err());
        assert!(Config::parse("idle_lock_minutes = 0\n", "c.toml").is_err());
    }

    #[test]
    fn airports_default_to_moscow_and_can_be_replaced() {
        let codes: Vec<String> = Config::default().airports.into_iter().map(|a| a.code).collect();
        assert_eq!(codes, ["SVO", "DME", "VKO", "ZIA"]);
        let c = Config::parse(
            "[[airports]]\ncode = \"LED\"\nterminals = [\"1\"]\n[[airports]]\ncode = \"KZN\"\nterminals = []\n",
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.airports.len(), 2);
        assert_eq!(c.airports[0].terminals, ["1"]);
        for bad in [
            "airports = []\n",
            "[[airports]]\ncode = \"svo\"\nterminals = []\n",
            "[[airports]]\ncode = \"SVO\"\nterminals = [\"B\", \"B\"]\n",
            "[[airports]]\ncode = \"SVO\"\nterminals = []\n[[airports]]\ncode = \"SVO\"\nterminals = []\n",
        ] {
            let e = Config::parse(bad, "c.toml").unwrap_err();
            assert!(e.to_string().contains("airports"), "{bad}: {e}");
        }
    }
}
