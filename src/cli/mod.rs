//! Command-line entry points. The binary parses flags and prints; these functions do the
//! work and are tested directly.

pub mod calc_command;
