//! A whole screening visit evaluated: every selected protocol against the patient.

use crate::engine::patient::PatientFacts;
use crate::engine::protocol_eval::{Outcome, ProtocolResult, Verdict, evaluate_protocol};
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
    /// The session lists this protocol more than once: the record contradicts itself (a
    /// participant is screened under one cohort of a protocol), so the verdict is at most
    /// INCOMPLETE and the file opens read-only.
    pub listed_twice: bool,
    /// A newer version of the protocol is loaded: its corrections are shown, and an unsigned
    /// session may be re-screened under it.
    pub newer_version: Option<&'a LoadedProtocol>,
}

/// Every selected protocol evaluated for a session.
#[derive(Debug)]
pub struct Screening<'a> {
    pub session: &'a Session,
    pub patient: PatientFacts<'a>,
    pub protocols: Vec<ScreenedProtocol<'a>>,
}

impl ScreenedProtocol<'_> {
    /// The ids of the criteria that make the participant ineligible, in protocol order.
    pub fn failing_criteria(&self) -> impl Iterator<Item = &str> {
        self.loaded
            .compiled
            .protocol
            .criteria
            .iter()
            .zip(&self.result.criteria)
            .filter(|(_, r)| r.outcome == Outcome::Fails)
            .map(|(c, _)| c.id.as_str())
    }
}

impl<'a> Screening<'a> {
    /// Whether the session contradicts itself by listing a protocol twice (it then opens
    /// read-only).
    pub fn lists_a_protocol_twice(&self) -> bool {
        self.protocols.iter().any(|p| p.listed_twice)
    }

    /// Evaluates a checked session (see `session::load::check_session`). Protocols the
    /// library lacks are skipped here; checking reports them first.
    pub fn evaluate(library: &'a Library, session: &'a Session) -> Self {
        let patient = PatientFacts::new(&library.knowledge, session);
        let protocols = session
            .protocols
            .iter()
            .filter_map(|reference| {
                let loaded = library.get(&reference.id, reference.version)?;
                let mut result =
                    evaluate_protocol(&loaded.compiled, &patient, reference.cohort.as_deref(), &session.decisions);
                let hash_matches = reference.sha256.as_ref().map(|hash| hash == &loaded.sha256);
                let listed_twice = session.protocols.iter().filter(|other| other.id == reference.id).count() > 1;
                if listed_twice && result.verdict == Verdict::Eligible {
                    result.verdict = Verdict::Incomplete;
                }
                let newer_version =
                    library.latest(&reference.id).filter(|latest| latest.compiled.protocol.version > reference.version);
                Some(ScreenedProtocol { loaded, reference, result, hash_matches, listed_twice, newer_version })
            })
            .collect();
        Self { session, patient, protocols }
    }
}
