//! `haven bench`: the performance scenario of docs/PERFORMANCE.md, measured in one
//! run and printed next to each budget.

pub mod measure;
pub mod report;
pub mod saves;
pub mod scenario;
pub mod screens;

pub use report::{BenchReport, Figure};
pub use scenario::{Options, TempDir, first_open, populate, run, temp_dir};
