//! trialscreen: a screening workstation for clinical-trial investigators.
//!
//! Layers, top to bottom (arrows point down only):
//! - `cli`: command-line entry points (no egui);
//! - `session`: the screening-visit file;
//! - `engine`: rules, evaluation, explanations;  `calculators`: scores, eGFR, units;
//! - `model`: data dictionary, patient values, protocol, drug catalogue (serde types).
//!
//! See `ARCHITECTURE.md`.

pub mod calculators;
pub mod cli;
pub mod model;
