//! Haven: the console of a shelter and rehabilitation centre for victims of
//! human trafficking. `docs/ARCHITECTURE.md` is the map of the code.

pub mod app;
pub mod bench;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod form_engine;
pub mod forms;
pub mod i18n;
pub mod keymap;
pub mod ops;
pub mod report;
pub mod screens;
pub mod search;
pub mod store;
pub mod sync;
pub mod ui;
