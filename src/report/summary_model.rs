//! What the printed screening summary shows, as plain data: built once from an evaluated
//! screening, then drawn as PDF ([`crate::report::write_summary_pdf`]) or as text
//! ([`crate::report::summary_text`]). It states what the engine decided, in the engine's
//! own words (`status`, `explain`); it never re-decides anything.

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::explain::{explain, explain_discretion};
use crate::engine::protocol_eval::{CriterionResult, DiscretionStatus, NotApplicableReason, Outcome, Verdict};
use crate::model::protocol::{Criterion, CriterionKind, SourceCitation};
use crate::report::lapse_words::LapseNote;
use crate::report::signed_verdict::SignedVerdictNote;
use crate::report::still_needed::{NeededItem, still_needed};
use crate::report::value_text::value_change;
use crate::report::version_notice::VersionNotice;
use crate::screening::{ScreenedProtocol, Screening};
use crate::session::audit::{AuditEntry, Change, content_hash, verify};
use crate::session::model::{Decision, DecisionKind, ReferenceDates, Session, Signature};
use crate::status::{Status, verdict_icon, verdict_words};

/// The whole printout.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The session file's name, printed in every footer.
    pub file_name: String,
    /// When the summary was printed (UTC).
    pub printed_at: DateTime<Utc>,
    /// The pseudonymous participant code.
    pub participant_code: String,
    /// The visit's reference dates.
    pub dates: ReferenceDates,
    /// The investigator responsible, if named.
    pub investigator: Option<String>,
    /// Each protocol evaluated, in the session's order.
    pub protocols: Vec<ProtocolSummary>,
    /// Protocols the session names that this build cannot evaluate ("id version N").
    pub protocols_not_evaluated: Vec<String>,
    /// Changes made after the first entry, in the order they were made.
    pub changes: Vec<RecordChange>,
    /// What verifying the audit trail found.
    pub verification: VerificationSummary,
    /// The electronic signature, or lines to sign by hand.
    pub signature: SignatureBlock,
    /// Every signature and amendment in the audit trail, oldest first.
    pub signature_history: Vec<SignatureEvent>,
    /// SHA-256 of the content now (`audit::content_hash`), printed in every footer.
    pub content_sha256: String,
}

/// One protocol's verdict and criteria.
#[derive(Clone, Debug, PartialEq)]
pub struct ProtocolSummary {
    /// The protocol's id.
    pub id: String,
    /// The protocol version evaluated.
    pub version: u32,
    /// The protocol's title.
    pub title: String,
    /// Where the criteria were quoted from.
    pub source: String,
    /// SHA-256 of the protocol file evaluated.
    pub sha256: String,
    /// The session recorded a different protocol hash: the file changed since screening.
    pub changed_since_screening: bool,
    /// The session lists this protocol more than once: the record contradicts itself.
    pub listed_twice: bool,
    /// A newer version of the protocol is loaded: the readings it corrects.
    pub version_notice: Option<VersionNotice>,
    /// For a signed session: the verdict signed and the verdict under the current rules.
    pub signed_verdict: Option<SignedVerdictNote>,
    /// The chosen cohort's label.
    pub cohort: Option<String>,
    /// The protocol has cohorts and none was chosen.
    pub cohort_missing: bool,
    /// The engine's verdict for the participant.
    pub verdict: Verdict,
    /// `status::verdict_icon`.
    pub verdict_icon: &'static str,
    /// `status::verdict_words`: "ELIGIBLE ON THE AVAILABLE CRITERIA" when the source is
    /// incomplete.
    pub verdict_words: &'static str,
    /// The criteria that make the participant ineligible.
    pub ineligible_by: Vec<String>,
    /// Present when the source lacks criteria: the banner printed beside the verdict.
    pub source_incomplete: Option<String>,
    /// What the source says in place of exclusion criteria, when it has none.
    pub exclusions_note: Option<String>,
    /// Every criterion, in protocol order.
    pub criteria: Vec<CriterionSummary>,
    /// Every override and judgment recorded for this protocol, and whether it counts.
    pub decisions: Vec<DecisionSummary>,
    /// Items still to enter (by label), with how many undecided criteria each would help
    /// decide and why an entered value does not count yet.
    pub still_needed: Vec<(String, NeededItem)>,
}

/// One criterion as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionSummary {
    /// The criterion's id ("I7").
    pub id: String,
    /// Inclusion or exclusion.
    pub kind: CriterionKind,
    /// The criterion's short title.
    pub title: String,
    /// Icon and word (`Status::icon`, `Status::word`).
    pub status: Status,
    /// The deciding values (`explain`); empty when not applicable.
    pub deciding_values: String,
    /// Why the criterion does not apply, when it does not.
    pub not_applicable: Option<&'static str>,
    /// For a criterion that time alone will decide: the first day it will be met.
    pub eligible_from: Option<NaiveDate>,
    /// Where a protocol discretion stands on it.
    pub discretion: DiscretionSummary,
    /// The judgment that decided it.
    pub judgment: Option<DecisionNote>,
    /// Decisions recorded on it that are out of date: the facts they were made on changed.
    pub lapsed: Vec<LapsedDecision>,
    /// The source heading the criterion stands under, verbatim.
    pub source_heading: Option<String>,
    /// The source text, word for word.
    pub source_text: String,
    /// How the app reads an ambiguous text.
    pub interpretation: Option<String>,
}

/// Where a protocol discretion stands on a criterion.
#[derive(Clone, Debug, PartialEq)]
pub enum DiscretionSummary {
    /// No discretion offered, or nothing to override.
    None,
    /// The criterion fails and the protocol lets the investigator override it.
    Available {
        /// The source's wording of the discretion.
        source_text: String,
    },
    /// The override is recorded and its conditions hold.
    Applied {
        /// The source's wording of the discretion.
        source_text: String,
        /// The override recorded.
        decision: DecisionNote,
        /// The discretion's conditions, and how they hold.
        conditions: String,
    },
    /// The conditions do not hold: no override possible; a recorded one is ignored.
    Refused {
        /// The source's wording of the discretion.
        source_text: String,
        /// The override recorded, which is ignored.
        recorded: Option<DecisionNote>,
        /// Why the conditions do not hold.
        why: String,
    },
    /// An override is recorded but the criterion no longer fails.
    Unneeded {
        /// The override recorded.
        decision: DecisionNote,
    },
}

/// A decision that no longer resolves its criterion, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LapsedDecision {
    /// "override", "judgment: met", …
    pub decision: String,
    /// Who made it, when and why.
    pub note: DecisionNote,
    /// Why it lapsed.
    pub lapse: LapseNote,
}

/// Who decided, when, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionNote {
    /// Who decided.
    pub by: String,
    /// When the decision was recorded (UTC).
    pub at: DateTime<Utc>,
    /// The reason stated.
    pub reason: String,
}

/// One recorded override or judgment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionSummary {
    /// The criterion's id.
    pub criterion: String,
    /// "override", "judgment: met", "judgment: excluded", …
    pub decision: String,
    /// Who decided, when and why.
    pub note: DecisionNote,
    /// Whether it counts in the verdict, in words.
    pub effect: DecisionEffect,
}

/// Whether a recorded decision counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionEffect {
    /// The decision counts in the verdict.
    InForce,
    /// An override whose conditions do not hold; the reason from the engine.
    Refused(String),
    /// The criterion no longer fails or no longer awaits judgment.
    NotNeeded,
    /// The facts it was made on changed (or the question it answered): it no longer
    /// resolves the criterion, which is to be decided again.
    Lapsed(LapseNote),
    /// The protocol has no such criterion in the version evaluated.
    UnknownCriterion,
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

/// The audit trail's verification, stated as found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerificationSummary {
    /// Whether the record is as the audit trail says and any signature covers it.
    pub intact: bool,
    /// How many audit entries were checked.
    pub entries: usize,
    /// Each problem `audit::verify` found, in words.
    pub problems: Vec<String>,
    /// Entries timed before the entry preceding them.
    pub clock_went_back: Vec<u64>,
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

/// The time format of the printout.
pub const TIME_FORMAT: &str = "%Y-%m-%d %H:%M UTC";

impl Summary {
    /// Builds the printout of a screening (its session is `screening.session`). `file_name`
    /// is the session file's name; `printed_at` the time printed on it.
    pub fn build(screening: &Screening<'_>, file_name: &str, printed_at: DateTime<Utc>) -> Self {
        let session = screening.session;
        let protocols: Vec<ProtocolSummary> =
            screening.protocols.iter().map(|screened| protocol_summary(screening, screened)).collect();
        let protocols_not_evaluated = session
            .protocols
            .iter()
            .filter(|r| !screening.protocols.iter().any(|s| s.reference.id == r.id && s.reference.version == r.version))
            .map(|r| format!("{} version {}", r.id, r.version))
            .collect();
        let report = verify(session);
        let verification = VerificationSummary {
            intact: report.is_intact(),
            entries: report.entries,
            problems: report.problems.iter().map(ToString::to_string).collect(),
            clock_went_back: report.clock_went_back.clone(),
        };
        let content_sha256 = content_hash(session);
        let signature = match &session.signature {
            Some(Signature { by, at, meaning, content_sha256: signed, verdicts: _, electronic: _ }) => {
                SignatureBlock::Signed {
                    by: by.clone(),
                    at: *at,
                    meaning: meaning.clone(),
                    content_sha256: signed.clone(),
                    covers_content: *signed == content_sha256,
                }
            }
            None => SignatureBlock::Unsigned,
        };
        Self {
            file_name: file_name.to_owned(),
            printed_at,
            participant_code: session.participant_code.clone(),
            dates: session.dates,
            investigator: session.investigator.clone(),
            protocols,
            protocols_not_evaluated,
            changes: record_changes(screening),
            verification,
            signature,
            signature_history: signature_history(&session.audit),
            content_sha256,
        }
    }
}

fn protocol_summary(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) -> ProtocolSummary {
    let compiled = &screened.loaded.compiled;
    let protocol = &compiled.protocol;
    let result = &screened.result;
    let decisions = &screening.session.decisions;
    let knowledge = screening.patient.knowledge;
    let note = |index: usize| decisions.get(index).map(decision_note);
    let criteria: Vec<CriterionSummary> = protocol
        .criteria
        .iter()
        .zip(&result.criteria)
        .map(|(criterion, outcome)| {
            let discretion_text = criterion.discretion.as_ref().map(|d| d.source_text.clone()).unwrap_or_default();
            let discretion = match outcome.discretion {
                DiscretionStatus::NotOffered => DiscretionSummary::None,
                DiscretionStatus::Available => DiscretionSummary::Available { source_text: discretion_text },
                DiscretionStatus::Applied { decision } => match note(decision) {
                    Some(decision) => DiscretionSummary::Applied {
                        source_text: discretion_text,
                        decision,
                        conditions: explain_discretion(compiled, result, outcome, &screening.patient),
                    },
                    None => DiscretionSummary::None,
                },
                DiscretionStatus::Refused { recorded, .. } => DiscretionSummary::Refused {
                    source_text: discretion_text,
                    recorded: recorded.and_then(note),
                    why: explain_discretion(compiled, result, outcome, &screening.patient),
                },
                DiscretionStatus::Unneeded { decision } => {
                    note(decision).map_or(DiscretionSummary::None, |decision| DiscretionSummary::Unneeded { decision })
                }
            };
            let deciding_values = if outcome.outcome == Outcome::NotApplicable {
                String::new()
            } else {
                explain(compiled, result, outcome, &screening.patient)
            };
            CriterionSummary {
                id: criterion.id.clone(),
                kind: criterion.kind,
                title: criterion.title.clone(),
                status: Status::of(criterion.kind, outcome.outcome, outcome.discretion),
                deciding_values,
                not_applicable: outcome.not_applicable.map(|reason| match reason {
                    NotApplicableReason::OtherCohort => "belongs to another cohort",
                    NotApplicableReason::Condition => "does not apply to this participant",
                }),
                eligible_from: outcome.eligible_from,
                discretion,
                judgment: outcome.judgment.and_then(note),
                lapsed: lapsed_decisions(screening, screened, criterion, outcome),
                source_heading: criterion.heading.clone(),
                source_text: criterion.source_text.clone(),
                interpretation: criterion.interpretation.clone(),
            }
        })
        .collect();
    let ineligible_by = screened.failing_criteria().map(str::to_owned).collect();
    let cohort = screened
        .reference
        .cohort
        .as_ref()
        .map(|id| protocol.cohorts.iter().find(|c| &c.id == id).map_or_else(|| id.clone(), |c| c.label.clone()));
    let still_needed = still_needed(knowledge, [result])
        .into_iter()
        .map(|needed| (knowledge.item_label(needed.item).to_owned(), needed))
        .collect();
    ProtocolSummary {
        id: protocol.id.clone(),
        version: protocol.version,
        title: protocol.title.clone(),
        source: citation(&protocol.source),
        sha256: screened.loaded.sha256.clone(),
        changed_since_screening: screened.hash_matches == Some(false),
        listed_twice: screened.listed_twice,
        version_notice: VersionNotice::of(screened, screening.session.is_signed()),
        signed_verdict: SignedVerdictNote::of(screening.session, screened),
        cohort,
        cohort_missing: result.cohort_missing,
        verdict: result.verdict,
        verdict_icon: verdict_icon(result.verdict),
        verdict_words: verdict_words(result.verdict, protocol.source_complete),
        ineligible_by,
        source_incomplete: (!protocol.source_complete)
            .then(|| protocol.source_gaps.clone().unwrap_or_else(|| "Criteria incomplete in source".to_owned())),
        exclusions_note: protocol.exclusions_note.clone(),
        decisions: decision_summaries(screening, screened),
        criteria,
        still_needed,
    }
}

fn citation(source: &SourceCitation) -> String {
    let SourceCitation { document, registry, read_on } = source;
    let mut text = document.clone();
    if let Some(registry) = registry {
        text.push_str(&format!("; registry {registry}"));
    }
    if let Some(read_on) = read_on {
        text.push_str(&format!(", read on {read_on}"));
    }
    text
}

fn decision_note(decision: &Decision) -> DecisionNote {
    DecisionNote { by: decision.by.clone(), at: decision.at, reason: decision.reason.clone() }
}

/// Every decision recorded for a protocol of the screening, in the order recorded, with its
/// effect as the engine applied it (the printout's table and `evaluate`'s `decisions`).
pub fn decision_summaries(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) -> Vec<DecisionSummary> {
    let compiled = &screened.loaded.compiled;
    let protocol = &compiled.protocol;
    let results = &screened.result.criteria;
    screening
        .session
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.protocol == protocol.id)
        .map(|(index, decision)| {
            let found = protocol.criteria.iter().zip(results).find(|(c, _)| c.id == decision.criterion);
            let decision_words = match found {
                Some((criterion, _)) => decision_words(criterion, decision),
                None => match decision.kind {
                    DecisionKind::Override => "override".to_owned(),
                    DecisionKind::Judgment { passes } => {
                        format!("judgment: {}", if passes { "passes" } else { "fails" })
                    }
                },
            };
            let effect = match found {
                None => DecisionEffect::UnknownCriterion,
                Some((_, result)) => match result.lapsed.iter().find(|lapse| lapse.decision == index) {
                    Some(lapse) => DecisionEffect::Lapsed(LapseNote::of(lapse, compiled, screening.patient.knowledge)),
                    None => effect_of(index, result),
                },
            };
            DecisionSummary {
                criterion: decision.criterion.clone(),
                decision: decision_words,
                note: decision_note(decision),
                effect,
            }
        })
        .collect()
}

/// The decisions recorded on a criterion that are out of date, with who made them and why
/// they no longer apply (the board, the printout and `evaluate` show them alike).
pub fn lapsed_decisions(
    screening: &Screening<'_>,
    screened: &ScreenedProtocol<'_>,
    criterion: &Criterion,
    result: &CriterionResult,
) -> Vec<LapsedDecision> {
    let knowledge = screening.patient.knowledge;
    result
        .lapsed
        .iter()
        .filter_map(|lapse| {
            let decision = screening.session.decisions.get(lapse.decision)?;
            Some(LapsedDecision {
                decision: decision_words(criterion, decision),
                note: decision_note(decision),
                lapse: LapseNote::of(lapse, &screened.loaded.compiled, knowledge),
            })
        })
        .collect()
}

/// "override", "judgment: met", "judgment: excluded", in the criterion's words.
fn decision_words(criterion: &Criterion, decision: &Decision) -> String {
    match decision.kind {
        DecisionKind::Override => "override".to_owned(),
        DecisionKind::Judgment { passes } => format!("judgment: {}", judged(criterion, passes).word()),
    }
}

/// The status a judgment gives a criterion.
fn judged(criterion: &Criterion, passes: bool) -> Status {
    let outcome = if passes { Outcome::Passes } else { Outcome::Fails };
    Status::of(criterion.kind, outcome, DiscretionStatus::NotOffered)
}

fn effect_of(index: usize, result: &CriterionResult) -> DecisionEffect {
    if result.judgment == Some(index) {
        return DecisionEffect::InForce;
    }
    match result.discretion {
        DiscretionStatus::Applied { decision } if decision == index => DecisionEffect::InForce,
        DiscretionStatus::Refused { recorded: Some(decision), .. } if decision == index => {
            DecisionEffect::Refused("the discretion's conditions do not hold".to_owned())
        }
        _ => DecisionEffect::NotNeeded,
    }
}

/// Changes after the first entry: values that replaced or cleared an earlier value, and any
/// change of the reference dates, participant code, investigator, protocols or of a
/// recorded decision after the session was created.
fn record_changes(screening: &Screening<'_>) -> Vec<RecordChange> {
    let session: &Session = screening.session;
    let knowledge = screening.patient.knowledge;
    let mut changes = Vec::new();
    for entry in &session.audit {
        let AuditEntry { seq, at, actor, change, reason, .. } = entry;
        let described = match change {
            Change::Value { item, old: Some(old), new } => {
                let label = knowledge.dictionary.item(item).map_or_else(|| item.clone(), |i| i.label.clone());
                let (old, new) = value_change(knowledge, item, Some(old), new.as_ref());
                Some((label, old, new))
            }
            Change::Dates { old, new } => Some(("reference dates".to_owned(), dates_text(old), dates_text(new))),
            Change::ParticipantCode { old, new } => Some(("participant code".to_owned(), old.clone(), new.clone())),
            Change::Investigator { old, new } => Some(("investigator".to_owned(), or_none(old), or_none(new))),
            Change::Protocols { old, new } => {
                let list = |refs: &[crate::session::model::ProtocolRef]| {
                    refs.iter()
                        .map(|r| {
                            let cohort = r.cohort.as_ref().map(|c| format!(", cohort {c}")).unwrap_or_default();
                            format!("{} version {}{cohort}", r.id, r.version)
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                Some(("protocols".to_owned(), list(old), list(new)))
            }
            Change::Decided { decision, replaced: Some(replaced) } => Some((
                format!("{} on {} {}", kind_word(decision), decision.protocol, decision.criterion),
                decision_text(replaced),
                decision_text(decision),
            )),
            Change::Withdrawn { decision } => Some((
                format!("{} on {} {} withdrawn", kind_word(decision), decision.protocol, decision.criterion),
                decision_text(decision),
                "none".to_owned(),
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

fn kind_word(decision: &Decision) -> &'static str {
    match decision.kind {
        DecisionKind::Override => "override",
        DecisionKind::Judgment { .. } => "judgment",
    }
}

fn decision_text(decision: &Decision) -> String {
    let what = match decision.kind {
        DecisionKind::Override => "override".to_owned(),
        DecisionKind::Judgment { passes } => format!("judged to {}", if passes { "pass" } else { "fail" }),
    };
    format!("{what} by {} at {}: {}", decision.by, decision.at.format(TIME_FORMAT), decision.reason)
}

fn or_none(text: &Option<String>) -> String {
    text.clone().unwrap_or_else(|| "none".to_owned())
}

/// "screening 2026-11-02, consent 2026-11-02, enrollment / first dose not yet known".
pub fn dates_text(dates: &ReferenceDates) -> String {
    let ReferenceDates { screening, consent, enrollment } = dates;
    format!(
        "screening {screening}, consent {}, enrollment / first dose {}",
        consent.map_or_else(|| "not entered".to_owned(), |d| d.to_string()),
        enrollment.map_or_else(|| "not yet known".to_owned(), |d| d.to_string()),
    )
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

impl CriterionSummary {
    /// The notes printed under the deciding values, in the CLI's words: "eligible from",
    /// discretion, override, judgment. Every renderer of the summary prints these.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(date) = self.eligible_from {
            notes.push(format!("Eligible from {date}."));
        }
        match &self.discretion {
            DiscretionSummary::None => {}
            DiscretionSummary::Available { .. } => {
                notes.push("Discretion available: the investigator may override this criterion.".to_owned());
            }
            DiscretionSummary::Applied { decision, conditions, .. } => {
                notes.push(format!("Overridden {}", decision.sentence()));
                if !conditions.is_empty() {
                    notes.push(format!("Override conditions hold: {conditions}."));
                }
            }
            DiscretionSummary::Refused { recorded, why, .. } => {
                let what = if recorded.is_some() { "Override recorded but refused" } else { "Override not possible" };
                notes.push(format!("{what}: {why}."));
                if let Some(decision) = recorded {
                    notes.push(format!("Refused override was recorded {}", decision.sentence()));
                }
            }
            DiscretionSummary::Unneeded { decision } => {
                notes.push(format!(
                    "Override recorded but not needed (the criterion no longer fails): {}",
                    decision.sentence()
                ));
            }
        }
        if let Some(judgment) = &self.judgment {
            notes.push(format!("Judged {}", judgment.sentence()));
        }
        for lapsed in &self.lapsed {
            notes.push(lapsed.sentence());
        }
        notes
    }

    /// "Not applicable: belongs to another cohort.", when the criterion does not apply.
    pub fn not_applicable_note(&self) -> Option<String> {
        self.not_applicable.map(|reason| format!("Not applicable: {reason}."))
    }

    /// The protocol's text granting the discretion, when one is available, applied or refused.
    pub fn discretion_source(&self) -> Option<&str> {
        match &self.discretion {
            DiscretionSummary::Available { source_text }
            | DiscretionSummary::Applied { source_text, .. }
            | DiscretionSummary::Refused { source_text, .. } => Some(source_text.as_str()).filter(|t| !t.is_empty()),
            DiscretionSummary::None | DiscretionSummary::Unneeded { .. } => None,
        }
    }
}

impl LapsedDecision {
    /// "Decision out of date — values changed since it was recorded: Platelet count 52
    /// ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28; decide again. Recorded override by Dr A
    /// at 2026-11-02 10:00 UTC: reason"
    pub fn sentence(&self) -> String {
        format!("Decision out of date — {}; decide again. {}", self.lapse.details(), self.recorded())
    }

    /// "Recorded override by Dr A at 2026-11-02 10:00 UTC: reason".
    pub fn recorded(&self) -> String {
        format!("Recorded {} {}", self.decision, self.note.sentence())
    }
}

impl DecisionNote {
    /// "by Dr A at 2026-11-02 10:30 UTC: reason".
    pub fn sentence(&self) -> String {
        format!("by {} at {}: {}", self.by, self.at.format(TIME_FORMAT), self.reason)
    }
}

impl DecisionEffect {
    /// In words.
    pub fn words(&self) -> String {
        match self {
            Self::InForce => "in force".to_owned(),
            Self::Refused(why) => format!("refused: {why}"),
            Self::NotNeeded => "not used: the criterion no longer needs it".to_owned(),
            Self::Lapsed(lapse) => lapse.sentence(),
            Self::UnknownCriterion => "not used: the protocol version has no such criterion".to_owned(),
        }
    }
}

impl DecisionEffect {
    /// The state's stable id, as `evaluate --json` states it.
    pub fn state_id(&self) -> &'static str {
        match self {
            Self::InForce => "in_force",
            Self::Refused(_) => "refused",
            Self::NotNeeded => "not_needed",
            Self::Lapsed(_) => "lapsed",
            Self::UnknownCriterion => "unknown_criterion",
        }
    }
}

impl VerificationSummary {
    /// The verification in one sentence: intact, or "the record does not verify: …".
    pub fn sentence(&self) -> String {
        if self.intact {
            format!(
                "✔ Audit trail intact: {} entries, hash chain verified, stored values equal the replay of the trail.",
                self.entries
            )
        } else {
            format!("✖ The record does not verify: {}.", self.problems.join("; "))
        }
    }
}
