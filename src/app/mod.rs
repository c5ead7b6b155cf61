//! The application: the screen contract, the context
//! screens work with, the console (screen stack and dispatch) and the event
//! loop. Only this module knows the screen stack.

/// The actions live beside the keymap that binds them; `app::action` is
/// where the screens have always found them.
pub use crate::keymap::action;
pub mod chrome;
pub mod config;
pub mod console;
pub mod context;
pub mod grants;
pub mod input;
pub mod keyparse;
pub mod run;
pub mod screen;
pub mod stop;
pub mod sync_status;
