//! Mutation testing of everything that reads a file a user brings: session and protocol
//! text, damaged at random (bytes flipped, cut, duplicated, deleted, inserted), must give a
//! result or a clear error — never a panic, never a hang. `PROPTEST_CASES=100000` runs the
//! long version (see scripts/fuzz.sh); the suite runs a few thousand.

use proptest::prelude::*;
use trialscreen::library::{Library, ProtocolSource};
use trialscreen::screening::Screening;
use trialscreen::session::audit::verify;
use trialscreen::session::load::parse_session;
use trialscreen::session_check::check_session;

static LIBRARY: std::sync::LazyLock<Library> = std::sync::LazyLock::new(|| Library::bundled().expect("library"));

const SESSION: &str = include_str!("../../data/examples/v02b-low-platelets-override.ron");
const PROTOCOL: &str = include_str!("../../data/protocols/refractory-autoimmune-5cohort.v1.ron");

#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "Some(",
        "None",
        "-1",
        "1e309",
        "NaN",
        "9999999999999999999",
        "\\u{0}",
        "é",
        "//",
        "/*",
        "r#\"",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), token).prop_map(|(at, text)| Mutation::Insert { at, text: text.to_owned() }),
        (any::<usize>(), 1usize..256).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Flip { at, byte } => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= byte | 1;
                }
            }
            Mutation::Delete { at, len: n } => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Mutation::Insert { at, text } => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Duplicate { at, len: n } => {
                let start = (at % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                let slice = bytes[start..end].to_vec();
                bytes.splice(end..end, slice);
            }
            Mutation::Truncate { at } => bytes.truncate(at % len),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_session_files_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let library = &*LIBRARY;
        let text = mutate(SESSION, &mutations);
        if let Ok(session) = parse_session(&text) {
            let report = verify(&session);
            if check_session(&session, &text, library).is_ok() {
                let screening = Screening::evaluate(library, &session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
                let view = trialscreen::report::screening_view::ScreeningView::of(&screening);
                let _ = trialscreen::cli::evaluate::to_text(&view);
                let _ = trialscreen::cli::evaluate::to_json(&view);
            }
            let _ = report.is_intact();
        }
    }

    #[test]
    fn damaged_protocol_files_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut library = LIBRARY.clone();
        let text = mutate(PROTOCOL, &mutations).replacen("version: 1,", "version: 7,", 1);
        if library.add_protocol("mutated.ron", &text, ProtocolSource::Site("mutated.ron".to_owned())).is_ok() {
            let session = parse_session(SESSION).expect("session");
            let _ = Screening::evaluate(&library, &session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
        }
    }
}
