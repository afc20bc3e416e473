//! Shared helpers for tests that evaluate sessions through the library.

#![allow(dead_code)]

pub mod installation;
pub mod window;

use std::sync::OnceLock;

use chrono::NaiveDate;
use trialscreen::engine::protocol_eval::{CriterionResult, Outcome};
use trialscreen::library::Library;
use trialscreen::model::values::Value;
use trialscreen::screening::Screening;
use trialscreen::session::load::parse_session;
use trialscreen::session::model::{Entry, Session};
use trialscreen::session_check::check_session;

pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples");

/// The day tests evaluate for: fixed, never the machine's date.
pub const EVALUATION_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 1) {
    Some(day) => day,
    None => panic!("a valid date"),
};

/// The sample date a test's result gets when its text states none: inside the current-results
/// window of the examples (screening 2026-11-02).
pub const DEFAULT_RESULT_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 10, 28) {
    Some(day) => day,
    None => panic!("a valid date"),
};

/// The bundled library, loaded once per test binary.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::bundled().expect("bundled data loads"))
}

/// Loads a bundled example session by file stem.
pub fn example(name: &str) -> Session {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{name}.ron")).expect("example file");
    parse_session(&text).expect("example parses")
}

/// A value written in format-1 session syntax, with the date it carries inside:
/// `Number((value: 74.9, unit: "10^9/L", date: Some("2026-10-28")))`. Read through the
/// format-1 types and the migration step, as an old file would be.
pub fn value(ron_text: &str) -> (Value, Option<NaiveDate>) {
    let v1: trialscreen::session::format_v1::Value =
        ron::from_str(ron_text).unwrap_or_else(|e| panic!("{ron_text}: {e}"));
    trialscreen::session::migrate::value_from_v1(&v1).unwrap_or_else(|e| panic!("{ron_text}: {e}"))
}

/// Sets or (with `None`) removes values. A result (a dictionary item marked dated) whose text
/// states no date is dated [`DEFAULT_RESULT_DATE`]; a text saying `date: None` stays undated
/// (or use [`edit_undated`]).
pub fn edit(session: &mut Session, changes: &[(&str, Option<&str>)]) {
    set(session, changes, true);
}

/// Sets values exactly as written, leaving results without a date undated.
pub fn edit_undated(session: &mut Session, changes: &[(&str, Option<&str>)]) {
    set(session, changes, false);
}

fn set(session: &mut Session, changes: &[(&str, Option<&str>)], date_results: bool) {
    for (item, change) in changes {
        match change {
            Some(text) => {
                let (value, date) = value(text);
                let is_result = library().knowledge.dictionary.item(item).is_some_and(|def| def.dated);
                let says_undated = text.contains("date: None");
                let date = date.or_else(|| (date_results && is_result && !says_undated).then_some(DEFAULT_RESULT_DATE));
                session.values.insert((*item).to_owned(), Entry::dated(value, date));
            }
            None => {
                session.values.remove(*item);
            }
        }
    }
    // The examples attest their treatment history complete; a test that changes the history
    // attests the new one too (tests of attestation itself set it apart).
    if changes.iter().any(|(item, _)| *item == "treatment_history") {
        attest_history(session);
    }
}

/// Attests the session's treatment history complete as it stands.
pub fn attest_history(session: &mut Session) {
    let Some(list) = session.values.get("treatment_history").map(|entry| entry.value.clone()) else { return };
    session.attestations.retain(|a| a.item != "treatment_history");
    session.attestations.push(trialscreen::session::model::Attestation {
        item: "treatment_history".to_owned(),
        by: "Test".to_owned(),
        at: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default(),
        list,
    });
}

/// The screening of a session on the fixed evaluation day.
pub fn screen<'a>(library: &'a Library, session: &'a Session) -> Screening<'a> {
    Screening::evaluate(library, session, EVALUATION_DAY)
}

/// The result of one criterion of the session's first protocol.
pub fn criterion(library: &Library, session: &Session, id: &str) -> CriterionResult {
    let text = ron::ser::to_string(session).expect("serializes");
    check_session(session, &text, library).expect("session is consistent");
    let screening = screen(library, session);
    let screened = screening.protocols.first().expect("one protocol");
    let index = screened
        .loaded
        .compiled
        .protocol
        .criteria
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("criterion {id}"));
    screened.result.criteria.get(index).cloned().expect("result")
}

/// The outcome of one criterion.
pub fn outcome(library: &Library, session: &Session, id: &str) -> Outcome {
    criterion(library, session, id).outcome
}

/// An entry from format-1 value syntax, with the date it carried.
pub fn entry(ron_text: &str) -> Entry {
    let (value, date) = value(ron_text);
    Entry::dated(value, date)
}

/// The binary, with its language pinned to English (`LC_ALL=C`), so that a developer whose
/// machine is in Chinese sees the same results, and its per-user data folder in a temporary
/// folder of this test run (shared by its commands), never the developer's own: `log` keeps
/// its summary cache there. A test that needs a folder of its own sets `XDG_DATA_HOME` again.
pub fn trialscreen_command() -> std::process::Command {
    static DATA_HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let data_home = DATA_HOME.get_or_init(|| tempfile::tempdir().expect("a temporary data folder"));
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_trialscreen"));
    command.env("LC_ALL", "C").env("XDG_DATA_HOME", data_home.path());
    command
}

/// Seed 000 v1 as a site's file, version `version`, with two rules that can never be decided:
/// I1 as `All([])` and a haemoglobin threshold of 800 g/L (no plausible value reaches it).
pub fn undecidable_seed000(version: u32) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols/refractory-sle-age5.v1.ron"))
        .expect("protocol")
        .replacen("version: 1,", &format!("version: {version},"), 1)
        .replacen("rule: Compare(Age(Screening), Ge, 5.0),", "rule: All([]),", 1)
        .replacen(
            "Quantity(item: \"haemoglobin\", unit: \"g/L\"), Ge, 80.0",
            "Quantity(item: \"haemoglobin\", unit: \"g/L\"), Ge, 800.0",
            1,
        )
}
