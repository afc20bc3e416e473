//! The test suite, one binary: every test links the whole library (with egui and the PDF
//! writer), so one binary instead of twenty is most of the build's link time. Each module is
//! one area, named after what it tests.

mod common;

mod architecture;
mod calculator_vectors;
mod cli;
mod crash_safety;
mod criteria_outcomes;
mod evidence_rules;
mod explanations_read_true;
mod file_safety;
mod mutation_properties;
mod no_network;
mod parser_mutation;
mod protocol_files;
mod records;
mod report_log;
mod report_pdf;
mod report_summary;
mod session_store;
mod translations;
mod vignettes;
mod workstation;
