//! A whole screening visit evaluated: every selected protocol against the patient.

use crate::engine::patient::PatientFacts;
use crate::engine::protocol_eval::{Outcome, ProtocolResult, evaluate_protocol};
use crate::library::{Library, LoadedProtocol};
use crate::session::model::{ProtocolRef, Session};

/// One protocol's result within a screening.
#[derive(Debug)]
pub struct ScreenedProtocol<'a> {
    pub loaded: &'a LoadedProtocol,
    pub reference: &'a ProtocolRef,
    pub result: ProtocolResult,
    /// `Some(false)` when the session recorded a different content hash than the file
    /// now loaded under that id and version: the protocol file changed after screening.
    pub hash_matches: Option<bool>,
}

/// Every selected protocol evaluated for a session.
#[derive(Debug)]
pub struct Screening<'a> {
    pub session: &'a Session,
    pub patient: PatientFacts<'a>,
    pub protocols: Vec<ScreenedProtocol<'a>>,
}

impl ScreenedProtocol<'_> {
    /// The ids of the criteria standing in the way of eligibility, in protocol order.
    pub fn failing_ids(&self) -> Vec<&str> {
        self.loaded
            .compiled
            .protocol
            .criteria
            .iter()
            .zip(&self.result.criteria)
            .filter(|(_, result)| result.outcome == Outcome::Fails)
            .map(|(criterion, _)| criterion.id.as_str())
            .collect()
    }
}

impl<'a> Screening<'a> {
    /// Evaluates a checked session (see `session::load::check_session`). Protocols the
    /// library lacks are skipped here; checking reports them first.
    pub fn evaluate(library: &'a Library, session: &'a Session) -> Self {
        let patient = PatientFacts::new(&library.knowledge, session);
        let protocols = session
            .protocols
            .iter()
            .filter_map(|reference| {
                let loaded = library.get(&reference.id, reference.version)?;
                let result =
                    evaluate_protocol(&loaded.compiled, &patient, reference.cohort.as_deref(), &session.decisions);
                let hash_matches = reference.sha256.as_ref().map(|hash| hash == &loaded.sha256);
                Some(ScreenedProtocol { loaded, reference, result, hash_matches })
            })
            .collect();
        Self { session, patient, protocols }
    }
}
