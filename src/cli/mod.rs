//! Command-line entry points, one module per subcommand, each with its clap `Args` and a
//! `run` returning the exit code. Same library as the app, no egui. `main.rs` only parses
//! and dispatches.

pub mod amend;
pub mod calc;
pub mod calc_words;
pub mod check_protocol;
pub mod common;
pub mod evaluate;
pub mod help;
pub mod log;
pub mod new_protocol;
pub mod open;
pub mod sign;
pub mod signer;
pub mod summary;
pub mod verify;
pub mod vocabulary;

/// Writes to standard output, returning from the command on failure: a reader that goes
/// away (`trialscreen evaluate … | head`) ends the command quietly instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// [`out!`] with a newline.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

pub(crate) use {out, outln};
