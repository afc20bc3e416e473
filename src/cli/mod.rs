//! Command-line entry points. Same library as the app, no egui.

pub mod evaluate;
