//! The application: one `Action` enum, the screen contract, the context
//! screens work with, the console (screen stack and dispatch) and the event
//! loop. Only this module knows the screen stack.

pub mod action;
pub mod config;
pub mod console;
pub mod context;
pub mod grants;
pub mod input;
pub mod keyparse;
pub mod run;
pub mod screen;
pub mod stop;
