//! Translations (Fluent, English / Russian / French), language choice and
//! date formats. Every string the user sees goes through [`I18n`].

mod bundle;
mod format;
mod lang;

pub use bundle::{AREAS, I18n};
pub use fluent_bundle::FluentValue;
pub use format::{format_date, format_datetime, format_day_month, format_time, parse_date, parse_datetime};
pub use lang::{Lang, choose_lang, system_lang};
