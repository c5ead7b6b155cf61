//! Operations of the centre: one user action each, checked against the
//! domain rules and written as one store transaction with its audit event.
//! Screens and the command line both call these; neither talks to sled.

pub mod access;
pub mod arrivals;
pub mod beds;
pub mod case_file;
pub mod case_list;
pub mod cases;
pub mod consent_now;
pub mod dashboard;
pub mod export;
pub mod import;
pub mod journeys;
pub mod night;
pub mod notes;
pub mod referrals;
pub mod services;
