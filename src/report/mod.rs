//! Statistics and exports (README, "Everyday commands"): the donor report of a period
//! computed from the records, the tables it is laid out in, and the writers
//! that turn tables into text, CSV and XLSX. Nothing here touches a file or
//! the terminal: callers read the store once ([`data::Data::load`]) and
//! write the bytes where the user asked.

pub mod case_rows;
pub mod consent;
pub mod csv_file;
pub mod ctdc;
pub mod data;
pub mod figures;
pub mod json_file;
pub mod kanon;
pub mod people;
pub mod period;
pub mod records;
pub mod rows;
pub mod table;
pub mod tables;
pub mod text;
pub mod xlsx_file;

pub use data::Data;
pub use figures::{Figures, compute};
pub use period::{Period, PeriodKind};
pub use table::{Cell, Table};
