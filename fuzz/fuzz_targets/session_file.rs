//! Any bytes as a session file: parse, check, verify, evaluate, render. Must not panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use trialscreen::library::Library;
use trialscreen::screening::Screening;
use trialscreen::session::{audit, load};

static LIBRARY: LazyLock<Option<Library>> = LazyLock::new(|| Library::bundled().ok());

fuzz_target!(|data: &[u8]| {
    let (Ok(text), Some(library)) = (std::str::from_utf8(data), LIBRARY.as_ref()) else { return };
    let Ok(session) = load::parse_session(text) else { return };
    let _ = audit::verify(&session);
    if load::check_session(&session, text, library).is_ok() {
        let screening = Screening::evaluate(library, &session);
        let _ = trialscreen::cli::evaluate::to_text(&screening);
    }
});
