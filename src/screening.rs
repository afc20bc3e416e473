//! A whole screening visit evaluated: every selected protocol against the patient.

use crate::engine::patient::PatientFacts;
use crate::engine::protocol_eval::{Outcome, ProtocolResult, Verdict, evaluate_protocol};
use crate::i18n;
use crate::library::{Library, LoadedProtocol};
use chrono::NaiveDate;

use crate::engine::protocol_eval::decision_basis;
use crate::model::record::{Decision, DecisionKind};
use crate::session::model::SignedVerdict;
use crate::session::model::{ProtocolRef, Session};

/// One protocol's result within a screening.
#[derive(Debug)]
pub struct ScreenedProtocol<'a> {
    /// The protocol version evaluated, as loaded.
    pub loaded: &'a LoadedProtocol,
    /// The session's reference to it (version pinned, hash, cohort).
    pub reference: &'a ProtocolRef,
    /// The engine's result for the patient under it.
    pub result: ProtocolResult,
    /// `Some(false)` when the session recorded a different content hash than the file
    /// now loaded under that id and version: the protocol file changed after screening.
    pub hash_matches: Option<bool>,
    /// `Some(false)` when the session pinned a different meaning of the vocabulary this
    /// protocol uses (an item's units, a class's agents, a unit's factor) than the library
    /// now gives it: the site's vocabulary changed after screening.
    pub vocabulary_matches: Option<bool>,
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
    /// The session evaluated.
    pub session: &'a Session,
    /// The session's values, indexed for evaluation.
    pub patient: PatientFacts<'a>,
    /// Each protocol the session lists, in its order, evaluated.
    pub protocols: Vec<ScreenedProtocol<'a>>,
    /// The session's decisions with their bases (a format-1 decision's rebuilt from the
    /// trail): what the evaluation applied, index for index with `session.decisions`.
    pub decisions: Vec<Decision>,
}

impl ScreenedProtocol<'_> {
    /// The audited edit that re-screens the session under the newest version of this
    /// protocol, when a newer one is loaded (an unsigned session is offered it), or under
    /// the same version with the vocabulary as loaded now, when its meaning changed.
    pub fn rescreen_edit(&self) -> Option<crate::session::audit::Edit> {
        let newer = self.newer_version.or_else(|| (self.vocabulary_matches == Some(false)).then_some(self.loaded))?;
        Some(crate::session::audit::Edit::Rescreen {
            protocol: newer.compiled.protocol.id.clone(),
            version: newer.compiled.protocol.version,
            sha256: newer.sha256.clone(),
            vocabulary: newer.vocabulary_sha256.clone(),
        })
    }

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
    /// A decision on a criterion, recording the question it answers now and the facts it
    /// rests on now: it lapses when either changes. `None` when the session does not screen
    /// for the protocol or the protocol has no such criterion.
    pub fn decision_for(
        &self,
        protocol: &str,
        criterion: &str,
        kind: DecisionKind,
        reason: String,
        by: String,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Option<Decision> {
        let screened = self.protocols.iter().find(|p| p.loaded.compiled.protocol.id == protocol)?;
        let position = screened.loaded.compiled.position_of(criterion)?;
        let result = screened.result.criteria.get(position)?;
        let question = match kind {
            DecisionKind::Override => Some(crate::engine::protocol_eval::OVERRIDE_QUESTION.to_owned()),
            DecisionKind::Judgment { .. } => result.question.as_deref().map(str::to_owned),
        };
        let cohort = screened.reference.cohort.as_deref();
        let basis = decision_basis(&screened.loaded.compiled, position, cohort, &self.patient);
        Some(Decision {
            protocol: protocol.to_owned(),
            criterion: criterion.to_owned(),
            kind,
            question,
            reason,
            by,
            at,
            basis: Some(basis),
        })
    }

    /// The verdicts as they stand, recorded with a signature ("signed as ELIGIBLE").
    pub fn verdicts(&self) -> Vec<SignedVerdict> {
        self.protocols
            .iter()
            .map(|screened| SignedVerdict {
                protocol: screened.reference.id.clone(),
                version: screened.reference.version,
                verdict: verdict_id(screened.result.verdict).to_owned(),
            })
            .collect()
    }

    /// Each criterion still missing or awaiting judgment, in protocol order, as a sign-off
    /// shows it and must acknowledge: "refractory-sle-age5 I3 (Anti-dsDNA …): missing".
    pub fn undecided(&self) -> Vec<String> {
        let mut undecided = Vec::new();
        for screened in &self.protocols {
            let criteria = screened.loaded.compiled.protocol.criteria.iter().zip(&screened.result.criteria);
            for (criterion, result) in criteria {
                let status = match result.outcome {
                    Outcome::Missing => crate::status::Status::Missing,
                    Outcome::Judgment => crate::status::Status::Judgment,
                    Outcome::Passes | Outcome::Fails | Outcome::NotApplicable => continue,
                };
                undecided.push(format!(
                    "{} {} ({}): {}",
                    screened.reference.id,
                    criterion.id,
                    criterion.title,
                    status.word()
                ));
            }
        }
        undecided
    }

    /// Why a sign-off cannot sign this screening: it does not acknowledge exactly what is
    /// undecided now.
    pub fn acknowledgement_refusal(&self, sign_off: &crate::session::sign_meaning::SignOff) -> Option<String> {
        let undecided = self.undecided();
        (sign_off.acknowledged != undecided).then(|| {
            i18n::text_with(
                "sign-refused-undecided",
                &[
                    ("count", undecided.len().to_string()),
                    ("criteria", undecided.join(&i18n::text("explain-separator"))),
                ],
            )
        })
    }

    /// Whether the session contradicts itself by listing a protocol twice (it then opens
    /// read-only).
    pub fn lists_a_protocol_twice(&self) -> bool {
        self.protocols.iter().any(|p| p.listed_twice)
    }

    /// Evaluates a checked session (see `session_check::check_session`). Protocols the
    /// library lacks are skipped here; checking reports them first.
    pub fn evaluate(library: &'a Library, session: &'a Session, evaluation_day: NaiveDate) -> Self {
        let patient = PatientFacts::new(
            &library.knowledge,
            &session.values,
            session.dates,
            &session.attestations,
            evaluation_day,
        );
        // A format-1 decision's basis comes from the trail up to its entry, never from today's
        // values.
        let decisions: Vec<Decision> = session
            .decisions
            .iter()
            .map(|decision| {
                let mut decision = decision.clone();
                if decision.basis.is_none() {
                    decision.basis = crate::session::migrate::legacy_basis(session, &decision);
                }
                decision
            })
            .collect();
        let protocols = session
            .protocols
            .iter()
            .filter_map(|reference| {
                let loaded = library.get(&reference.id, reference.version)?;
                let mut result = evaluate_protocol(&loaded.compiled, &patient, reference.cohort.as_deref(), &decisions);
                let hash_matches = reference.sha256.as_ref().map(|hash| hash == &loaded.sha256);
                let vocabulary_matches = reference.vocabulary.as_ref().map(|hash| hash == &loaded.vocabulary_sha256);
                let listed_twice = session.protocols.iter().filter(|other| other.id == reference.id).count() > 1;
                if listed_twice && result.verdict == Verdict::Eligible {
                    result.verdict = Verdict::Incomplete;
                }
                let newer_version =
                    library.latest(&reference.id).filter(|latest| latest.compiled.protocol.version > reference.version);
                Some(ScreenedProtocol {
                    loaded,
                    reference,
                    result,
                    hash_matches,
                    vocabulary_matches,
                    listed_twice,
                    newer_version,
                })
            })
            .collect();
        Self { session, patient, protocols, decisions }
    }
}

/// A protocol a session pinned whose content is not what the library now loads under its
/// id and version: the evaluation is no longer the one the session was screened under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PinMismatch {
    /// The protocol id.
    pub id: String,
    /// Its version.
    pub version: u32,
    /// The SHA-256 the session pinned.
    pub pinned: String,
    /// The SHA-256 of the file loaded now; `None` when no file of that id and version is
    /// loaded, so the pin cannot be checked.
    pub loaded: Option<String>,
    /// What was pinned: the protocol file's content, or the meaning of the vocabulary it
    /// uses.
    pub pin: Pin,
}

/// What a session pins of a protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pin {
    /// The protocol file's content.
    Content,
    /// The meaning of the vocabulary (items, drugs, units) the protocol uses.
    Vocabulary,
}

impl std::fmt::Display for PinMismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self { id, version, pinned, loaded, pin } = self;
        let args = |loaded: &str| {
            [
                ("id", id.clone()),
                ("version", version.to_string()),
                ("pinned", pinned.clone()),
                ("loaded", loaded.to_owned()),
            ]
        };
        let text = match (pin, loaded) {
            (Pin::Vocabulary, Some(loaded)) => i18n::text_with("pin-vocabulary-changed", &args(loaded)),
            (Pin::Content, Some(loaded)) => i18n::text_with("pin-content-changed", &args(loaded)),
            (_, None) => i18n::text_with("pin-not-loaded", &args("")),
        };
        f.write_str(&text)
    }
}

/// The protocols whose pinned content hash, or pinned vocabulary meaning, does not match
/// the library's (a session that pinned none has nothing to check). A protocol that is not
/// loaded is said once.
pub fn pin_mismatches(library: &Library, session: &Session) -> Vec<PinMismatch> {
    let mut mismatches = Vec::new();
    for reference in &session.protocols {
        let loaded = library.get(&reference.id, reference.version);
        let pins = [
            (Pin::Content, reference.sha256.as_ref(), loaded.map(|l| &l.sha256)),
            (Pin::Vocabulary, reference.vocabulary.as_ref(), loaded.map(|l| &l.vocabulary_sha256)),
        ];
        for (pin, pinned, now) in pins {
            let Some(pinned) = pinned else { continue };
            if now == Some(pinned) || (loaded.is_none() && pin == Pin::Vocabulary && reference.sha256.is_some()) {
                continue;
            }
            mismatches.push(PinMismatch {
                id: reference.id.clone(),
                version: reference.version,
                pinned: pinned.clone(),
                loaded: now.cloned(),
                pin,
            });
        }
    }
    mismatches
}

/// Why a session cannot be signed as it stands, if it cannot: a signature must cover an
/// evaluation under the protocols the session was screened under.
pub fn sign_refusal(library: &Library, session: &Session) -> Option<String> {
    let mismatches = pin_mismatches(library, session);
    (!mismatches.is_empty()).then(|| {
        let lines: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
        i18n::text_with("sign-refused-pin", &[("problems", lines.join(&i18n::text("explain-separator")))])
    })
}

/// A verdict's stable id, as files and JSON state it.
pub fn verdict_id(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Eligible => "eligible",
        Verdict::Ineligible => "ineligible",
        Verdict::Incomplete => "incomplete",
    }
}
