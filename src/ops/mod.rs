//! Operations of the centre: one user action each, checked against the
//! domain rules and written as one store transaction with its audit event.
//! Screens and the command line both call these; neither talks to sled.

pub mod access;
pub mod arrivals;
pub mod beds;
pub mod night;
