//! Shared helpers for tests that evaluate sessions through the library.

#![allow(dead_code)]

use trialscreen::engine::protocol_eval::{CriterionResult, Outcome};
use trialscreen::library::Library;
use trialscreen::model::values::Value;
use trialscreen::screening::Screening;
use trialscreen::session::load::{check_session, parse_session};
use trialscreen::session::model::{Entry, Session};

pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples");

/// Loads a bundled example session by file stem.
pub fn example(name: &str) -> Session {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{name}.ron")).expect("example file");
    parse_session(&text).expect("example parses")
}

/// A value written in session-file syntax: `Number((value: 74.9, unit: "10^9/L"))`.
pub fn value(ron_text: &str) -> Value {
    ron::from_str(ron_text).unwrap_or_else(|e| panic!("{ron_text}: {e}"))
}

/// Sets or (with `None`) removes values.
pub fn edit(session: &mut Session, changes: &[(&str, Option<&str>)]) {
    for (item, change) in changes {
        match change {
            Some(text) => {
                session.values.insert((*item).to_owned(), Entry::new(value(text)));
            }
            None => {
                session.values.remove(*item);
            }
        }
    }
}

/// The result of one criterion of the session's first protocol.
pub fn criterion(library: &Library, session: &Session, id: &str) -> CriterionResult {
    let text = ron::ser::to_string(session).expect("serializes");
    check_session(session, &text, library).expect("session is consistent");
    let screening = Screening::evaluate(library, session);
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
