//! What the printed screening summary shows, as plain data: the screening's one view
//! ([`ScreeningView`], which the window and `trialscreen evaluate` render too) and what only
//! a printout adds (file name, time printed, corrections after first entry, the signature
//! block and its history). Drawn as PDF ([`crate::report::write_summary_pdf`]) or as text
//! ([`crate::report::summary_text`]); it never re-decides or rewords anything.

use chrono::{DateTime, Utc};

use crate::engine::explain::separator;
use crate::i18n::{text, text_with};
use crate::report::screening_view::{ScreeningView, TIME_FORMAT, dates_text};
use crate::report::value_text::value_change;
use crate::screening::Screening;
use crate::session::audit::{AuditEntry, Change, content_hash};
use crate::session::model::{Decision, DecisionKind, Session, Signature};

/// The whole printout.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The session file's name, printed in every footer.
    pub file_name: String,
    /// When the summary was printed (UTC).
    pub printed_at: DateTime<Utc>,
    /// The screening as every output shows it.
    pub view: ScreeningView,
    /// Protocols the session names that this build cannot evaluate ("id version N").
    pub protocols_not_evaluated: Vec<String>,
    /// Changes made after the first entry, in the order they were made.
    pub changes: Vec<RecordChange>,
    /// The electronic signature, or lines to sign by hand.
    pub signature: SignatureBlock,
    /// Every signature and amendment in the audit trail, oldest first.
    pub signature_history: Vec<SignatureEvent>,
    /// SHA-256 of the content now (`audit::content_hash`), printed in every footer.
    pub content_sha256: String,
}

/// A change made after the first entry: "old → new, who, when, reason".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordChange {
    /// The audit entry's sequence number.
    pub seq: u64,
    /// When the change was made (UTC).
    pub at: DateTime<Utc>,
    /// Who made it.
    pub by: String,
    /// What changed: an item's label, "reference dates", "decision on I7.plt", …
    pub what: String,
    /// The value before, in words.
    pub old: String,
    /// The value after, in words.
    pub new: String,
    /// The reason given, where one was.
    pub reason: Option<String>,
}

/// The signature block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureBlock {
    /// Signed electronically in trialscreen.
    Signed {
        /// The signer's name.
        by: String,
        /// When the session was signed (UTC).
        at: DateTime<Utc>,
        /// What the signature attests.
        meaning: String,
        /// The content hash the signature covers.
        content_sha256: String,
        /// Whether the signed hash equals the content hash now.
        covers_content: bool,
    },
    /// Not signed electronically: lines to sign by hand.
    Unsigned,
}

/// A signature or amendment in the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureEvent {
    /// The audit entry's sequence number.
    pub seq: u64,
    /// When it was recorded (UTC).
    pub at: DateTime<Utc>,
    /// Who signed or amended.
    pub actor: String,
    /// True for an amendment (the signature set aside), false for a signing.
    pub amended: bool,
    /// The signature signed, or the one an amendment set aside.
    pub signature: Signature,
    /// The amendment's reason.
    pub reason: Option<String>,
}

impl Summary {
    /// Builds the printout of a screening (its session is `screening.session`). `file_name`
    /// is the session file's name; `printed_at` the time printed on it.
    pub fn build(screening: &Screening<'_>, file_name: &str, printed_at: DateTime<Utc>) -> Self {
        let session = screening.session;
        let protocols_not_evaluated = session
            .protocols
            .iter()
            .filter(|r| !screening.protocols.iter().any(|s| s.reference.id == r.id && s.reference.version == r.version))
            .map(|r| {
                text_with("summary-protocol-version", &[("protocol", r.id.clone()), ("version", r.version.to_string())])
            })
            .collect();
        let content_sha256 = content_hash(session);
        let signature = match &session.signature {
            Some(Signature {
                by,
                at,
                meaning,
                content_sha256: signed,
                verdicts: _,
                electronic: _,
                acknowledged: _,
            }) => SignatureBlock::Signed {
                by: by.clone(),
                at: *at,
                meaning: meaning.clone(),
                content_sha256: signed.clone(),
                covers_content: *signed == content_sha256,
            },
            None => SignatureBlock::Unsigned,
        };
        Self {
            file_name: file_name.to_owned(),
            printed_at,
            view: ScreeningView::of(screening),
            protocols_not_evaluated,
            changes: record_changes(screening),
            signature,
            signature_history: signature_history(&session.audit),
            content_sha256,
        }
    }
}

/// Changes after the first entry, as a reader means them: a value that replaced or cleared
/// an earlier one, and any change of the reference dates, participant code, investigator,
/// protocols or of a recorded decision after the session was created. The first entry of a
/// result is one entry however many steps it took: the audit trail records the value, then
/// its unit, ULN and date, each as it is typed, and those steps (by the same person, on that
/// item, with nothing else in between) are not corrections. A later change of any part is,
/// and so is clearing a value. The audit trail itself keeps every step.
fn record_changes(screening: &Screening<'_>) -> Vec<RecordChange> {
    let session: &Session = screening.session;
    let knowledge = screening.patient.knowledge;
    let mut changes = Vec::new();
    // The item whose first entry is being typed, and by whom.
    let mut first_entry: Option<(&str, &str)> = None;
    for entry in &session.audit {
        let AuditEntry { seq, at, actor, change, reason, .. } = entry;
        let entering = match change {
            Change::Value { item, old: None, new: Some(_) } => Some((item.as_str(), actor.as_str())),
            Change::Value { item, old: Some(_), new: Some(_) }
                if first_entry == Some((item.as_str(), actor.as_str())) =>
            {
                first_entry
            }
            _ => None,
        };
        first_entry = entering;
        if entering.is_some() {
            continue;
        }
        let described = match change {
            Change::Value { item, old: Some(old), new } => {
                let label = knowledge.dictionary.item(item).map_or_else(|| item.clone(), |i| i.label.clone());
                let (old, new) = value_change(knowledge, item, Some(old), new.as_ref());
                Some((label, old, new))
            }
            Change::Dates { old, new } => Some((text("change-reference-dates"), dates_text(old), dates_text(new))),
            Change::ParticipantCode { old, new } => Some((text("change-participant-code"), old.clone(), new.clone())),
            Change::Investigator { old, new } => Some((text("change-investigator"), or_none(old), or_none(new))),
            Change::Protocols { old, new } => {
                let list = |refs: &[crate::session::model::ProtocolRef]| {
                    refs.iter()
                        .map(|r| {
                            let version = (("protocol", r.id.clone()), ("version", r.version.to_string()));
                            match &r.cohort {
                                Some(c) => {
                                    text_with("change-protocol-cohort", &[version.0, version.1, ("cohort", c.clone())])
                                }
                                None => text_with("summary-protocol-version", &[version.0, version.1]),
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(&separator())
                };
                Some((text("change-protocols"), list(old), list(new)))
            }
            Change::Decided { decision, replaced: Some(replaced) } => Some((
                text_with(kind_id(decision, false), &decision_place(decision)),
                decision_text(replaced),
                decision_text(decision),
            )),
            Change::Withdrawn { decision } => Some((
                text_with(kind_id(decision, true), &decision_place(decision)),
                decision_text(decision),
                text("change-none"),
            )),
            Change::Value { old: None, .. }
            | Change::Created { .. }
            | Change::Decided { replaced: None, .. }
            | Change::Signed { .. }
            | Change::Amended { .. }
            | Change::Attested { .. }
            | Change::Migrated { .. } => None,
        };
        if let Some((what, old, new)) = described {
            changes.push(RecordChange {
                seq: *seq,
                at: *at,
                by: actor.clone(),
                what,
                old,
                new,
                reason: reason.clone(),
            });
        }
    }
    changes
}

/// The message naming a decision changed ("override on P I7") or withdrawn.
fn kind_id(decision: &Decision, withdrawn: bool) -> &'static str {
    match (decision.kind, withdrawn) {
        (DecisionKind::Override, false) => "change-override-on",
        (DecisionKind::Override, true) => "change-override-withdrawn",
        (DecisionKind::Judgment { .. }, false) => "change-judgment-on",
        (DecisionKind::Judgment { .. }, true) => "change-judgment-withdrawn",
    }
}

/// The protocol and criterion a decision is on, as message arguments.
fn decision_place(decision: &Decision) -> [(&'static str, String); 2] {
    [("protocol", decision.protocol.clone()), ("criterion", decision.criterion.clone())]
}

fn decision_text(decision: &Decision) -> String {
    let id = match decision.kind {
        DecisionKind::Override => "change-decision-override",
        DecisionKind::Judgment { passes: true } => "change-decision-pass",
        DecisionKind::Judgment { passes: false } => "change-decision-fail",
    };
    let at = decision.at.format(TIME_FORMAT).to_string();
    text_with(id, &[("by", decision.by.clone()), ("at", at), ("reason", decision.reason.clone())])
}

fn or_none(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| text("change-none"))
}

fn signature_history(audit: &[AuditEntry]) -> Vec<SignatureEvent> {
    audit
        .iter()
        .filter_map(|entry| {
            let (signature, amended) = match &entry.change {
                Change::Signed { signature } => (signature, false),
                Change::Amended { signature, .. } => (signature, true),
                _ => return None,
            };
            Some(SignatureEvent {
                seq: entry.seq,
                at: entry.at,
                actor: entry.actor.clone(),
                amended,
                signature: signature.clone(),
                reason: entry.reason.clone(),
            })
        })
        .collect()
}
