//! The test suite, one binary: every test links the whole library (with egui and the PDF
//! writer), so one binary instead of twenty is most of the build's link time. Each module is
//! one area, named after what it tests.

// Tests may unwrap, expect, index and panic, helpers included: a failing test should say
// where it failed (clippy.toml allows it inside `#[test]` functions; this covers the rest).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

mod architecture;
mod calculator_vectors;
mod chinese_cli;
mod chinese_dialogs;
mod chinese_input;
mod chinese_report;
mod cli;
mod crash_safety;
mod criteria_outcomes;
mod evidence_rules;
mod explanations_read_true;
mod file_safety;
mod keyboard_entry;
mod legibility;
mod messages;
mod mutation_properties;
mod no_network;
mod one_view;
mod parser_mutation;
mod protocol_files;
mod records;
mod registered_trials;
mod report_log;
mod report_pdf;
mod report_summary;
mod session_browser;
mod session_store;
mod site_units;
mod site_vocabulary;
mod site_workstation;
mod threats;
mod translations;
mod vignettes;
mod workstation;
