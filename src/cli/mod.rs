//! Command-line entry points. Same library as the app, no egui.

pub mod calc_command;
pub mod evaluate;
pub mod signer;
