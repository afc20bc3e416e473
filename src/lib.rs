//! trialscreen: a screening workstation for clinical-trial investigators.
//!
//! Layers, top to bottom (arrows point down only):
//! - `ui`: the workstation window (egui), over `input` (typed text parsed to values);
//! - `cli`: command-line entry points (no egui);
//! - `report`: the printable summary (PDF) and the site screening log;
//! - `session`: the screening-visit file;  `files`: safe reads, atomic writes, locks;
//!   `records`: seals, witness ledger, signing identities, roster (below the file format);
//! - `engine`: rules, evaluation, explanations;  `calculators`: scores, eGFR, units;
//! - `model`: data dictionary, patient values, protocol, drug catalogue (serde types).
//! - `i18n`: the words people read, per language (Fluent message files, English and Chinese).
//!
//! See `ARCHITECTURE.md`.

// Lints are set in Cargo.toml (`[lints]`), so the binary, tests, benches and examples obey
// them too; clippy.toml lets `#[test]` code unwrap.

pub mod app;
pub mod calculators;
pub mod cli;
pub mod engine;
pub mod files;
pub mod i18n;
pub mod input;
pub mod library;
pub mod model;
pub mod records;
pub mod report;
pub mod screening;
pub mod session;
pub mod session_check;
pub mod status;
pub mod ui;
pub mod user_data;
