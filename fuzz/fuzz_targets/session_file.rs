//! Any bytes as a session file: parse, check, verify, evaluate, render. Must not panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use trialscreen::library::Library;
use trialscreen::report::screening_view::ScreeningView;
use trialscreen::screening::Screening;
use trialscreen::session::{audit, load};
use trialscreen::session_check::check_session;

static LIBRARY: LazyLock<Option<Library>> = LazyLock::new(|| Library::bundled().ok());

/// A fixed evaluation day: a run is reproducible whatever the date.
const DAY: Option<chrono::NaiveDate> = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);

fuzz_target!(|data: &[u8]| {
    let (Ok(text), Some(library), Some(day)) = (std::str::from_utf8(data), LIBRARY.as_ref(), DAY) else { return };
    let Ok(session) = load::parse_session(text) else { return };
    let _ = audit::verify(&session);
    if check_session(&session, text, library).is_ok() {
        let screening = Screening::evaluate(library, &session, day);
        let _ = trialscreen::cli::evaluate::to_text(&ScreeningView::of(&screening));
    }
});
