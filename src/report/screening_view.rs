//! One view of a screening: what every output says about it, built once from the engine's
//! results. The window's board, the printout (PDF and its text preview) and `trialscreen
//! evaluate` (text and JSON) render this and nothing else, so a status word, an
//! explanation, a decision's state or a sentence about it cannot differ between them.
//!
//! Every word a renderer prints about a protocol or a criterion comes from here (through
//! `status`, `engine::explain` and the word modules beside this one); renderers choose only
//! layout, weight and colour. The view holds owned strings, so drawing a frame formats
//! nothing. It lives in the report layer, below the window and the command line, because
//! the printout, drawn in this layer, renders it too.

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::explain::{Part, explain_discretion, explain_parts, separator};
use crate::engine::patient::ListAttestation;
use crate::engine::protocol_eval::{CriterionResult, DiscretionStatus, NotApplicableReason, Outcome, Verdict};
use crate::i18n::{text, text_with, word};
use crate::model::protocol::{Criterion, CriterionKind, SourceCitation};
use crate::model::record::ReferenceDates;
use crate::report::lapse_words::LapseNote;
use crate::report::signed_verdict::SignedVerdictNote;
use crate::report::still_needed::{NeededItem, still_needed};
use crate::report::version_notice::VersionNotice;
use crate::screening::{ScreenedProtocol, Screening};
use crate::session::audit::{Change, verify};
use crate::session::model::{Decision, DecisionKind};
use crate::status::{Status, verdict_icon, verdict_words};

/// The time format of every output.
pub const TIME_FORMAT: &str = "%Y-%m-%d %H:%M UTC";

/// The list item whose completeness the investigator attests.
pub const TREATMENT_HISTORY: &str = "treatment_history";

/// A whole screening, as every output shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScreeningView {
    /// The pseudonymous participant code.
    pub participant_code: String,
    /// The visit's reference dates.
    pub dates: ReferenceDates,
    /// The investigator responsible, if named.
    pub investigator: Option<String>,
    /// The electronic signature, if the session is signed.
    pub signature: Option<SignatureView>,
    /// What verifying the audit trail found.
    pub verification: VerificationSummary,
    /// Each protocol screened for, in the session's order.
    pub protocols: Vec<ProtocolView>,
    /// Missing items over all protocols, ranked by how many undecided criteria each would
    /// help settle, most useful first.
    pub still_needed: Vec<NeededView>,
    /// Where the treatment history stands as a closed list.
    pub history: HistoryAttestation,
    /// `history` in words, with its icon: "✔ attested complete by Dr A at …".
    pub history_words: String,
    /// The session lists a protocol more than once: the record contradicts itself and is
    /// shown read-only.
    pub lists_a_protocol_twice: bool,
}

/// The session's electronic signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureView {
    /// The signer's name.
    pub by: String,
    /// When the session was signed (UTC).
    pub at: DateTime<Utc>,
    /// What the signature attests.
    pub meaning: String,
    /// The content hash the signature covers.
    pub content_sha256: String,
}

impl SignatureView {
    /// "Signed by Dr A at 2026-11-02 10:00 UTC: meaning".
    pub fn sentence(&self) -> String {
        text_with(
            "view-signed-by",
            &[
                ("by", self.by.clone()),
                ("at", self.at.format(TIME_FORMAT).to_string()),
                ("meaning", self.meaning.clone()),
            ],
        )
    }
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

impl VerificationSummary {
    /// The verification in one sentence: intact, or "the record does not verify: …".
    pub fn sentence(&self) -> String {
        if self.intact {
            text_with("view-audit-intact", &[("entries", self.entries.to_string())])
        } else {
            text_with("view-record-does-not-verify", &[("problems", self.problems.join(&separator()))])
        }
    }

    /// "⚠ Entry 7 is timed before the entry preceding it: the clock went backwards.", one
    /// per such entry.
    pub fn clock_lines(&self) -> Vec<String> {
        self.clock_went_back
            .iter()
            .map(|seq| text_with("view-clock-went-back", &[("entry", seq.to_string())]))
            .collect()
    }
}

/// Whether the treatment history is attested complete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum HistoryAttestation {
    /// Never attested: absence from it proves nothing.
    #[default]
    NotAttested,
    /// Attested complete as it stands.
    Current {
        /// Who attested.
        by: String,
        /// When (UTC).
        at: DateTime<Utc>,
    },
    /// Attested, then changed: attest again.
    Lapsed {
        /// Who attested.
        by: String,
        /// When (UTC).
        at: DateTime<Utc>,
    },
}

impl HistoryAttestation {
    /// Its state in words: "not attested complete — what is not listed cannot be ruled
    /// out", "attested complete by Dr A at 2026-11-02 10:00 UTC", "changed since attested:
    /// attest again".
    pub fn words(&self) -> String {
        match self {
            Self::NotAttested => text("history-not-attested"),
            Self::Current { by, at } => {
                text_with("history-attested", &[("by", by.clone()), ("at", at.format(TIME_FORMAT).to_string())])
            }
            Self::Lapsed { by, at } => {
                text_with("history-lapsed", &[("by", by.clone()), ("at", at.format(TIME_FORMAT).to_string())])
            }
        }
    }

    /// Its state in words with its icon (✔ current, ⚠ otherwise).
    pub fn shown(&self) -> String {
        let icon = if self.is_current() { "✔" } else { "⚠" };
        format!("{icon} {}", self.words())
    }

    /// Whether an attestation now would change something.
    pub fn is_current(&self) -> bool {
        matches!(self, Self::Current { .. })
    }
}

/// One protocol's verdict, criteria, decisions and what it still needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ProtocolView {
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
    /// The engine's verdict.
    pub verdict: Verdict,
    /// "ELIGIBLE", "INELIGIBLE", "INCOMPLETE", "ELIGIBLE ON THE AVAILABLE CRITERIA".
    pub verdict_words: &'static str,
    /// The verdict's icon (`status::verdict_icon`).
    pub verdict_icon: &'static str,
    /// The criteria that make the participant ineligible, by id.
    pub ineligible_by: Vec<String>,
    /// Whether the source states every criterion.
    pub source_complete: bool,
    /// What the source does not provide, as the protocol states it.
    pub source_gaps: Option<String>,
    /// What the source says in place of exclusion criteria, when it has none.
    pub exclusions_note: Option<String>,
    /// Study facts shown as information.
    pub information: Vec<String>,
    /// The chosen cohort's id.
    pub cohort_id: Option<String>,
    /// The chosen cohort's label.
    pub cohort: Option<String>,
    /// The protocol has cohorts and none is chosen.
    pub cohort_missing: bool,
    /// The protocol file loaded differs from the one the session was screened under.
    pub protocol_changed: bool,
    /// The vocabulary the protocol uses means something else than when the session was
    /// screened.
    pub vocabulary_changed: bool,
    /// The session lists this protocol more than once.
    pub listed_twice: bool,
    /// A newer version is loaded: the readings it corrects, and whether a re-screen is offered.
    pub version_notice: Option<VersionBanner>,
    /// For a signed session: the verdict signed and the verdict under the current rules.
    pub signed_verdict: Option<SignedVerdictNote>,
    /// Every criterion, in protocol order.
    pub criteria: Vec<CriterionView>,
    /// Every override and judgment recorded for this protocol, and whether it counts.
    pub decisions: Vec<RecordedDecision>,
    /// Items this protocol still needs, most useful first.
    pub still_needed: Vec<NeededView>,
}

impl ProtocolView {
    /// "⚠ Criteria incomplete in source: …", when the source lacks criteria.
    pub fn source_incomplete(&self) -> Option<String> {
        (!self.source_complete)
            .then(|| format!("⚠ {}", self.source_gaps.clone().unwrap_or_else(|| text("view-source-incomplete"))))
    }

    /// "⚠ Signed as ELIGIBLE; under the current rules INCOMPLETE because …", when a signed
    /// verdict is unknown or differs from today's.
    pub fn signed_verdict_warning(&self) -> Option<String> {
        self.signed_verdict.as_ref().filter(|note| note.differs()).map(|note| format!("⚠ {}", note.sentence()))
    }

    /// The verdict line: "✖ INELIGIBLE (I7, E3)".
    pub fn verdict_line(&self) -> String {
        let mut line = format!("{} {}", self.verdict_icon, self.verdict_words);
        if !self.ineligible_by.is_empty() {
            line.push_str(&format!(" ({})", self.ineligible_by.join(", ")));
        }
        line
    }

    /// Warnings about the record of this protocol, in the order every output prints them:
    /// the file changed, listed twice, no cohort chosen.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.protocol_changed {
            warnings.push(format!("⚠ {}", text("view-protocol-changed")));
        }
        if self.vocabulary_changed {
            warnings.push(format!("⚠ {}", text("view-vocabulary-changed")));
        }
        if self.listed_twice {
            warnings.push(format!("⚠ {}", text("view-listed-twice")));
        }
        if self.cohort_missing {
            warnings.push(format!("? {}", text("view-no-cohort")));
        }
        warnings
    }

    /// "Still needed: Haemoglobin (1); …", or `None` when nothing is.
    pub fn still_needed_line(&self) -> Option<String> {
        (!self.still_needed.is_empty()).then(|| {
            let words: Vec<&str> = self.still_needed.iter().map(|needed| needed.words.as_str()).collect();
            text_with("view-still-needed", &[("items", words.join(&separator()))])
        })
    }

    /// A criterion by id.
    pub fn criterion(&self, id: &str) -> Option<&CriterionView> {
        self.criteria.iter().find(|criterion| criterion.id == id)
    }
}

/// The banner of a newer protocol version, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionBanner {
    /// The newer version and the readings it corrects.
    pub notice: VersionNotice,
    /// "⚠ Screened under version 1; version 2 corrects these readings (…):".
    pub headline: String,
    /// "I8: …", one a correction.
    pub corrections: Vec<String>,
    /// "Re-screen under version 2…", for an unsigned session.
    pub rescreen_label: Option<String>,
    /// The button's accessible name, naming the protocol: "Re-screen refractory-sle-age5
    /// under version 2…".
    pub rescreen_name: String,
}

impl VersionBanner {
    fn of(protocol: &str, notice: VersionNotice) -> Self {
        Self {
            headline: format!("⚠ {}", notice.headline()),
            corrections: notice.correction_lines(),
            rescreen_label: notice.rescreen_offered.then(|| notice.rescreen_label()),
            rescreen_name: text_with(
                "view-rescreen-name",
                &[("protocol", protocol.to_owned()), ("version", notice.newer.to_string())],
            ),
            notice,
        }
    }
}

/// One criterion, as every output shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionView {
    /// The criterion's id ("I7").
    pub id: String,
    /// Inclusion or exclusion.
    pub kind: CriterionKind,
    /// The criterion's short title.
    pub title: String,
    /// The source heading it stands under, verbatim.
    pub heading: Option<String>,
    /// The label the source gives the line, verbatim (`b;`), where the source numbers it.
    pub source_label: Option<String>,
    /// The source text, word for word.
    pub source_text: String,
    /// How the app reads an ambiguous text.
    pub interpretation: Option<String>,
    /// What the engine decided for it.
    pub outcome: Outcome,
    /// Its icon and word.
    pub status: Status,
    /// The deciding values as parts (comparisons with their values and thresholds, the
    /// reasons a value does not count, judgments asked); empty when not applicable.
    pub explanation_parts: Vec<Part>,
    /// The parts in one sentence, joined by "; ".
    pub explanation: String,
    /// Why it does not apply, when it does not.
    pub not_applicable: Option<&'static str>,
    /// For a criterion that time alone will decide: the first day it will be met.
    pub eligible_from: Option<NaiveDate>,
    /// Where a protocol discretion stands on it.
    pub discretion: DiscretionView,
    /// A judgment awaited or recorded.
    pub judgment: JudgmentView,
    /// Decisions recorded on it that are out of date: decided again through the same
    /// Decide…/Override… as a new one.
    pub lapsed: Vec<LapsedDecision>,
    /// Every sentence shown under the explanation, in order: not applicable, eligible from,
    /// discretion, judgment, decisions out of date.
    pub notes: Vec<CriterionNote>,
}

impl CriterionView {
    /// Where the line stands in the source: its heading and the label the source gives it
    /// ("under “Previously damaged bone marrow”, labelled “1.”"); `None` when neither is given.
    pub fn source_place(&self) -> Option<String> {
        match (&self.heading, &self.source_label) {
            (None, None) => None,
            (Some(heading), None) => Some(heading.clone()),
            (None, Some(label)) => Some(text_with("view-labelled", &[("label", label.clone())])),
            (Some(heading), Some(label)) => {
                Some(text_with("view-heading-labelled", &[("heading", heading.clone()), ("label", label.clone())]))
            }
        }
    }

    /// The protocol's text granting the discretion, when one is available, applied or refused.
    pub fn discretion_source(&self) -> Option<&str> {
        match &self.discretion {
            DiscretionView::Available(text)
            | DiscretionView::Applied { text, .. }
            | DiscretionView::Refused { text, .. } => Some(text.source_text.as_str()).filter(|t| !t.is_empty()),
            DiscretionView::None | DiscretionView::Unneeded { .. } => None,
        }
    }

    /// "inclusion" or "exclusion".
    pub fn kind_word(&self) -> &'static str {
        match self.kind {
            CriterionKind::Inclusion => "inclusion",
            CriterionKind::Exclusion => "exclusion",
        }
    }

    /// "inclusion" or "exclusion" in the chosen language, as the printout shows it (the
    /// JSON keeps [`Self::kind_word`]).
    pub fn kind_shown(&self) -> &'static str {
        crate::i18n::word(match self.kind {
            CriterionKind::Inclusion => "kind-inclusion",
            CriterionKind::Exclusion => "kind-exclusion",
        })
    }

    /// The explanation and the notes on one line, as the command line prints it.
    pub fn details_line(&self) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(1 + self.notes.len());
        if !self.explanation.is_empty() {
            parts.push(&self.explanation);
        }
        parts.extend(self.notes.iter().map(|note| note.text.as_str()));
        parts.join(&separator())
    }
}

/// A sentence shown under a criterion's explanation, and what it is about (a renderer
/// chooses colour and weight by it, and places the control that acts on it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionNote {
    /// What the sentence is about.
    pub kind: NoteKind,
    /// The sentence.
    pub text: String,
}

/// What a criterion's note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// The criterion does not apply: why.
    NotApplicable,
    /// Time alone will decide it: from when.
    EligibleFrom,
    /// The protocol lets the investigator override it.
    DiscretionAvailable,
    /// An override is in force.
    Overridden,
    /// The discretion's conditions do not hold.
    OverrideRefused,
    /// A refused override was recorded: who, when, why.
    RefusedOverrideRecorded,
    /// An override is recorded but the criterion no longer fails.
    OverrideNotNeeded,
    /// It awaits the investigator's judgment.
    JudgmentAwaited,
    /// A judgment decided it.
    Judged,
    /// A judgment is recorded but the criterion no longer awaits one.
    JudgmentNotNeeded,
    /// A decision recorded on it is out of date.
    Lapsed,
}

/// A protocol discretion on a criterion.
#[derive(Clone, Debug, PartialEq)]
pub enum DiscretionView {
    /// None offered, or not failing and nothing recorded.
    None,
    /// Failing, and the investigator may override it.
    Available(DiscretionText),
    /// An override is recorded and its conditions hold.
    Applied {
        /// The discretion's words and questions.
        text: DiscretionText,
        /// The override recorded.
        decision: DecisionNote,
        /// The discretion's conditions, and how they hold.
        conditions: String,
    },
    /// The conditions do not hold: no override is possible, and one recorded is ignored.
    Refused {
        /// The discretion's words and questions.
        text: DiscretionText,
        /// Why the conditions do not hold.
        why: String,
        /// The override recorded, which is ignored.
        recorded: Option<DecisionNote>,
    },
    /// An override is recorded but the criterion no longer fails.
    Unneeded {
        /// The override recorded.
        decision: DecisionNote,
    },
}

/// The protocol's words granting a discretion and the questions it asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscretionText {
    /// The source's wording of the discretion, verbatim.
    pub source_text: String,
    /// Dictionary item ids the override asks.
    pub questions: Vec<String>,
}

/// A judgment on a criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JudgmentView {
    /// The criterion does not await one.
    None,
    /// The criterion awaits the investigator's decision.
    Awaiting,
    /// Decided by a recorded judgment.
    Decided(DecisionNote),
    /// A judgment is recorded but the criterion no longer awaits one.
    Unneeded(DecisionNote),
}

/// Who decided what, when and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionNote {
    /// Who decided.
    pub by: String,
    /// When the decision was recorded (UTC).
    pub at: DateTime<Utc>,
    /// The reason stated.
    pub reason: String,
    /// For a judgment: whether the criterion passes.
    pub passes: Option<bool>,
}

impl DecisionNote {
    fn of(decision: &Decision) -> Self {
        Self {
            by: decision.by.clone(),
            at: decision.at,
            reason: decision.reason.clone(),
            passes: match decision.kind {
                DecisionKind::Judgment { passes } => Some(passes),
                DecisionKind::Override => None,
            },
        }
    }

    /// "by Dr A at 2026-11-02 10:30 UTC: reason".
    pub fn sentence(&self) -> String {
        text_with(
            "decision-by-at",
            &[
                ("by", self.by.clone()),
                ("at", self.at.format(TIME_FORMAT).to_string()),
                ("reason", self.reason.clone()),
            ],
        )
    }
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

impl LapsedDecision {
    /// "Decision out of date — values changed since it was recorded: Platelet count 52
    /// ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28; decide again. Recorded override by Dr A
    /// at 2026-11-02 10:00 UTC: reason"
    pub fn sentence(&self) -> String {
        text_with("decision-lapsed", &[("details", self.lapse.details()), ("recorded", self.recorded())])
    }

    /// "Recorded override by Dr A at 2026-11-02 10:00 UTC: reason".
    pub fn recorded(&self) -> String {
        text_with("decision-recorded", &[("decision", self.decision.clone()), ("note", self.note.sentence())])
    }
}

/// One recorded override or judgment and whether it counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDecision {
    /// The criterion's id.
    pub criterion: String,
    /// "override", "judgment: met", "judgment: excluded", …
    pub decision: String,
    /// Who decided, when and why.
    pub note: DecisionNote,
    /// Whether it counts in the verdict.
    pub effect: DecisionEffect,
}

impl RecordedDecision {
    /// "I7 override by Dr A at …: reason — in force".
    pub fn line(&self) -> String {
        text_with(
            "decision-line",
            &[
                ("criterion", self.criterion.clone()),
                ("decision", self.decision.clone()),
                ("note", self.note.sentence()),
                ("effect", self.effect.words()),
            ],
        )
    }
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
    /// Withdrawn: it no longer counts, and stays in the record with why.
    Withdrawn {
        /// Who withdrew it.
        by: String,
        /// When (UTC).
        at: DateTime<Utc>,
        /// Why.
        reason: String,
    },
}

impl DecisionEffect {
    /// In words.
    pub fn words(&self) -> String {
        match self {
            Self::InForce => text("effect-in-force"),
            Self::Refused(why) => text_with("effect-refused", &[("why", why.clone())]),
            Self::NotNeeded => text("effect-not-needed"),
            Self::Lapsed(lapse) => lapse.sentence(),
            Self::UnknownCriterion => text("effect-unknown-criterion"),
            Self::Withdrawn { by, at, reason } => text_with(
                "effect-withdrawn",
                &[("by", by.clone()), ("at", at.format(TIME_FORMAT).to_string()), ("reason", reason.clone())],
            ),
        }
    }

    /// The state's stable id, as `evaluate --json` states it.
    pub fn state_id(&self) -> &'static str {
        match self {
            Self::InForce => "in_force",
            Self::Refused(_) => "refused",
            Self::NotNeeded => "not_needed",
            Self::Lapsed(_) => "lapsed",
            Self::UnknownCriterion => "unknown_criterion",
            Self::Withdrawn { .. } => "withdrawn",
        }
    }
}

/// An item still needed, with how many undecided criteria it would help settle and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeededView {
    /// The dictionary item's id.
    pub item: String,
    /// The item's label on the form.
    pub label: String,
    /// How many undecided criteria it would help settle.
    pub criteria: usize,
    /// Why an entered value does not count yet, each in words; empty when not entered.
    pub reasons: Vec<String>,
    /// "Blood pregnancy test (1) — enter the sample date".
    pub words: String,
    /// What is needed is the investigator's attestation that the list is complete: the
    /// list leads to the attestation control.
    pub needs_attestation: bool,
}

impl NeededView {
    /// What the still-needed list moves the focus to: the item's field, or the control
    /// that attests the list complete.
    pub fn focus_target(&self) -> String {
        if self.needs_attestation { attestation_focus(&self.item) } else { self.item.clone() }
    }
}

/// The focus target of the control that attests a list complete.
pub fn attestation_focus(item: &str) -> String {
    format!("{item}/attest")
}

impl ScreeningView {
    /// The view of an evaluated screening.
    pub fn of(screening: &Screening<'_>) -> Self {
        let session = screening.session;
        let protocols: Vec<ProtocolView> =
            screening.protocols.iter().map(|screened| protocol_view(screening, screened)).collect();
        let still_needed = needed_views(screening, screening.protocols.iter().map(|screened| &screened.result));
        let history = history_attestation(screening);
        let report = verify(session);
        Self {
            participant_code: session.participant_code.clone(),
            dates: session.dates,
            investigator: session.investigator.clone(),
            signature: session.signature.as_ref().map(|signature| SignatureView {
                by: signature.by.clone(),
                at: signature.at,
                meaning: signature.meaning.clone(),
                content_sha256: signature.content_sha256.clone(),
            }),
            verification: VerificationSummary {
                intact: report.is_intact(),
                entries: report.entries,
                problems: report.problems.iter().map(ToString::to_string).collect(),
                clock_went_back: report.clock_went_back.clone(),
            },
            protocols,
            still_needed,
            history_words: history.shown(),
            history,
            lists_a_protocol_twice: screening.lists_a_protocol_twice(),
        }
    }

    /// A criterion of a protocol.
    pub fn criterion(&self, protocol: &str, criterion: &str) -> Option<&CriterionView> {
        self.protocols.iter().find(|p| p.id == protocol)?.criterion(criterion)
    }

    /// "Participant P-001 — screening 2026-11-02, consent …, enrollment / first dose …".
    pub fn participant_line(&self) -> String {
        text_with(
            "view-participant-line",
            &[("code", self.participant_code.clone()), ("dates", dates_text(&self.dates))],
        )
    }
}

/// "screening 2026-11-02, consent 2026-11-02, enrollment / first dose not yet known".
pub fn dates_text(dates: &ReferenceDates) -> String {
    let ReferenceDates { screening, consent, enrollment } = dates;
    text_with(
        "view-dates",
        &[
            ("screening", screening.to_string()),
            ("consent", consent.map_or_else(|| text("date-not-entered"), |d| d.to_string())),
            ("enrollment", enrollment.map_or_else(|| text("date-not-yet-known"), |d| d.to_string())),
        ],
    )
}

fn needed_views<'r>(
    screening: &Screening<'_>,
    results: impl IntoIterator<Item = &'r crate::engine::protocol_eval::ProtocolResult>,
) -> Vec<NeededView> {
    let knowledge = screening.patient.knowledge;
    still_needed(knowledge, results)
        .into_iter()
        .filter_map(|needed: NeededItem| {
            let def = knowledge.item(needed.item)?;
            Some(NeededView {
                item: def.id.clone(),
                label: knowledge.item_label(needed.item).to_owned(),
                criteria: needed.criteria,
                reasons: needed.reasons.iter().map(|reason| reason.words().to_owned()).collect(),
                words: needed.words(knowledge.item_label(needed.item)),
                needs_attestation: needed.needs_attestation(),
            })
        })
        .collect()
}

/// The treatment history's attestation as it stands.
fn history_attestation(screening: &Screening<'_>) -> HistoryAttestation {
    let attested = screening.session.attestations.iter().find(|a| a.item == TREATMENT_HISTORY);
    match (screening.patient.history_attestation, attested) {
        (ListAttestation::Current, Some(a)) => HistoryAttestation::Current { by: a.by.clone(), at: a.at },
        (ListAttestation::Lapsed, Some(a)) => HistoryAttestation::Lapsed { by: a.by.clone(), at: a.at },
        // Attested, then the history cleared: the attestation covers nothing now.
        (ListAttestation::None, Some(a)) => HistoryAttestation::Lapsed { by: a.by.clone(), at: a.at },
        (_, None) => HistoryAttestation::NotAttested,
    }
}

fn protocol_view(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) -> ProtocolView {
    let compiled = &screened.loaded.compiled;
    let protocol = &compiled.protocol;
    let result = &screened.result;
    // What will need repeating by each "eligible from" date, found once per date: criteria
    // waiting for the same birthday or washout end share it.
    let mut repeats: Vec<(NaiveDate, Vec<String>)> = Vec::new();
    for date in result.criteria.iter().filter_map(|r| r.eligible_from) {
        if !repeats.iter().any(|(known, _)| *known == date) {
            repeats.push((date, repeat_by_then(screening, screened, date)));
        }
    }
    let criteria = protocol
        .criteria
        .iter()
        .zip(&result.criteria)
        .map(|(criterion, outcome)| {
            let repeat = outcome
                .eligible_from
                .and_then(|date| repeats.iter().find(|(known, _)| *known == date))
                .map_or(&[][..], |(_, list)| list.as_slice());
            criterion_view(screening, screened, criterion, outcome, repeat)
        })
        .collect();
    // The protocol's own words, or their translation in the chosen language; source texts stay.
    let words = screened.loaded.translation(crate::i18n::language());
    let cohort = screened.reference.cohort.as_ref().map(|cohort| {
        let translated = words.and_then(|w| w.cohort(cohort)).map(str::to_owned);
        translated.unwrap_or_else(|| {
            protocol.cohorts.iter().find(|c| &c.id == cohort).map_or_else(|| cohort.clone(), |c| c.label.clone())
        })
    });
    ProtocolView {
        id: protocol.id.clone(),
        version: protocol.version,
        title: words.map_or_else(|| protocol.title.clone(), |w| w.title.clone()),
        source: citation(&protocol.source),
        sha256: screened.loaded.sha256.clone(),
        verdict: result.verdict,
        verdict_words: verdict_words(result.verdict, protocol.source_complete),
        verdict_icon: verdict_icon(result.verdict),
        ineligible_by: screened.failing_criteria().map(str::to_owned).collect(),
        source_complete: protocol.source_complete,
        source_gaps: words.and_then(|w| w.source_gaps.clone()).or_else(|| protocol.source_gaps.clone()),
        exclusions_note: words.and_then(|w| w.exclusions_note.clone()).or_else(|| protocol.exclusions_note.clone()),
        information: match words {
            Some(w) if w.information.len() == protocol.information.len() => w.information.clone(),
            _ => protocol.information.clone(),
        },
        cohort_id: screened.reference.cohort.clone(),
        cohort,
        cohort_missing: result.cohort_missing,
        protocol_changed: screened.hash_matches == Some(false),
        vocabulary_changed: screened.vocabulary_matches == Some(false),
        listed_twice: screened.listed_twice,
        version_notice: VersionNotice::of(screened, screening.session.is_signed())
            .map(|notice| VersionBanner::of(&protocol.id, notice)),
        signed_verdict: SignedVerdictNote::of(screening.session, screened),
        criteria,
        decisions: recorded_decisions(screening, screened),
        still_needed: needed_views(screening, [result]),
    }
}

fn criterion_view(
    screening: &Screening<'_>,
    screened: &ScreenedProtocol<'_>,
    criterion: &Criterion,
    outcome: &CriterionResult,
    repeat_by_then: &[String],
) -> CriterionView {
    let compiled = &screened.loaded.compiled;
    let result = &screened.result;
    let decisions = &screening.session.decisions;
    let note = |index: usize| decisions.get(index).map(DecisionNote::of);
    let text = || DiscretionText {
        source_text: criterion.discretion.as_ref().map(|d| d.source_text.clone()).unwrap_or_default(),
        questions: criterion.discretion.as_ref().map(|d| d.questions.clone()).unwrap_or_default(),
    };
    let conditions = || explain_discretion(compiled, result, outcome, &screening.patient);
    let discretion = match outcome.discretion {
        DiscretionStatus::NotOffered => DiscretionView::None,
        DiscretionStatus::Available => DiscretionView::Available(text()),
        DiscretionStatus::Applied { decision } => match note(decision) {
            Some(decision) => DiscretionView::Applied { text: text(), decision, conditions: conditions() },
            None => DiscretionView::Available(text()),
        },
        DiscretionStatus::Refused { recorded, .. } => {
            DiscretionView::Refused { text: text(), why: conditions(), recorded: recorded.and_then(note) }
        }
        DiscretionStatus::Unneeded { decision } => {
            note(decision).map_or(DiscretionView::None, |decision| DiscretionView::Unneeded { decision })
        }
    };
    let judgment = match (outcome.judgment.and_then(note), outcome.unneeded_judgment.and_then(note)) {
        (Some(decided), _) => JudgmentView::Decided(decided),
        (None, _) if outcome.outcome == Outcome::Judgment => JudgmentView::Awaiting,
        (None, Some(unneeded)) => JudgmentView::Unneeded(unneeded),
        (None, None) => JudgmentView::None,
    };
    let decided = matches!(judgment, JudgmentView::Decided(_));
    let explanation_parts = if outcome.outcome == Outcome::NotApplicable {
        Vec::new()
    } else {
        let parts = explain_parts(compiled, result, outcome, &screening.patient);
        let parts = translated_questions(screened, criterion, parts);
        // A question a judgment decided reads as judged, not as still open.
        if decided { parts.into_iter().map(Part::decided).collect() } else { parts }
    };
    let explanation = explanation_parts.iter().map(ToString::to_string).collect::<Vec<_>>().join(&separator());
    let not_applicable = outcome.not_applicable.map(|reason| match reason {
        NotApplicableReason::OtherCohort => word("not-applicable-other-cohort"),
        NotApplicableReason::Condition => word("not-applicable-condition"),
    });
    let lapsed = lapsed_decisions(screening, screened, criterion, outcome);
    let notes = criterion_notes(
        criterion.kind,
        not_applicable,
        outcome.eligible_from,
        repeat_by_then,
        &discretion,
        &judgment,
        &lapsed,
    );
    let words = screened.loaded.translation(crate::i18n::language()).and_then(|w| w.criterion(&criterion.id));
    CriterionView {
        id: criterion.id.clone(),
        kind: criterion.kind,
        title: words.map_or_else(|| criterion.title.clone(), |w| w.title.clone()),
        heading: criterion.heading.clone(),
        source_label: criterion.source_label.clone(),
        source_text: criterion.source_text.clone(),
        interpretation: words.and_then(|w| w.interpretation.clone()).or_else(|| criterion.interpretation.clone()),
        outcome: outcome.outcome,
        status: Status::of(criterion.kind, outcome.outcome, outcome.discretion),
        explanation_parts,
        explanation,
        not_applicable,
        eligible_from: outcome.eligible_from,
        discretion,
        judgment,
        lapsed,
        notes,
    }
}

/// The criteria, by id and title, that pass now on results that will be too old to count by
/// `date`, a criterion's "eligible from" date: they will need repeating.
fn repeat_by_then(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>, date: NaiveDate) -> Vec<String> {
    let compiled = &screened.loaded.compiled;
    let words = screened.loaded.translation(crate::i18n::language());
    crate::engine::protocol_eval::repeat_by_then(compiled, &screening.patient, &screened.result, date)
        .into_iter()
        .filter_map(|position| compiled.protocol.criteria.get(position))
        .map(|criterion| {
            let title = words.and_then(|w| w.criterion(&criterion.id)).map_or(&criterion.title, |w| &w.title);
            format!("{} {title}", criterion.id)
        })
        .collect()
}

/// The criterion's judgment questions in the chosen language, where its protocol is
/// translated: a question is the criterion's `n`th, and the translation lists them in that
/// order.
fn translated_questions(screened: &ScreenedProtocol<'_>, criterion: &Criterion, parts: Vec<Part>) -> Vec<Part> {
    let compiled = &screened.loaded.compiled;
    let Some(words) = screened.loaded.translation(crate::i18n::language()).and_then(|w| w.criterion(&criterion.id))
    else {
        return parts;
    };
    let Some(range) =
        compiled.position_of(&criterion.id).and_then(|p| compiled.criteria.get(p)).map(|c| c.judgments.clone())
    else {
        return parts;
    };
    let own = compiled.judgment_texts.get(range).unwrap_or_default();
    parts
        .into_iter()
        .map(|part| match part {
            Part::Question(question) => {
                let index = own.iter().position(|text| *text == question);
                Part::Question(index.and_then(|i| words.judgments.get(i)).cloned().unwrap_or(question))
            }
            other => other,
        })
        .collect()
}

/// The sentences under a criterion's explanation: the one place their words are chosen.
fn criterion_notes(
    kind: CriterionKind,
    not_applicable: Option<&str>,
    eligible_from: Option<NaiveDate>,
    repeat_by_then: &[String],
    discretion: &DiscretionView,
    judgment: &JudgmentView,
    lapsed: &[LapsedDecision],
) -> Vec<CriterionNote> {
    let mut notes = Vec::new();
    let mut add = |kind: NoteKind, text: String| notes.push(CriterionNote { kind, text });
    if let Some(reason) = not_applicable {
        add(NoteKind::NotApplicable, text_with("note-not-applicable", &[("reason", reason.to_owned())]));
    }
    match eligible_from {
        Some(date) if repeat_by_then.is_empty() => {
            add(NoteKind::EligibleFrom, text_with("note-eligible-from", &[("date", date.to_string())]));
        }
        Some(date) => add(
            NoteKind::EligibleFrom,
            text_with(
                "note-eligible-from-repeat",
                &[("date", date.to_string()), ("criteria", repeat_by_then.join(&separator()))],
            ),
        ),
        None => {}
    }
    match discretion {
        DiscretionView::None => {}
        DiscretionView::Available(_) => add(NoteKind::DiscretionAvailable, text("note-discretion-available")),
        DiscretionView::Applied { decision, conditions, .. } => {
            let note = if conditions.is_empty() {
                text_with("note-overridden", &[("decision", decision.sentence())])
            } else {
                text_with(
                    "note-overridden-conditions",
                    &[("decision", decision.sentence()), ("conditions", conditions.clone())],
                )
            };
            add(NoteKind::Overridden, note);
        }
        DiscretionView::Refused { why, recorded: None, .. } => {
            add(NoteKind::OverrideRefused, text_with("note-override-not-possible", &[("why", why.clone())]));
        }
        DiscretionView::Refused { why, recorded: Some(decision), .. } => {
            add(NoteKind::OverrideRefused, text_with("note-override-refused", &[("why", why.clone())]));
            add(
                NoteKind::RefusedOverrideRecorded,
                text_with("note-refused-override-recorded", &[("decision", decision.sentence())]),
            );
        }
        DiscretionView::Unneeded { decision } => add(
            NoteKind::OverrideNotNeeded,
            text_with("note-override-not-needed", &[("decision", decision.sentence())]),
        ),
    }
    match judgment {
        JudgmentView::None => {}
        JudgmentView::Awaiting => add(NoteKind::JudgmentAwaited, text("note-judgment-awaited")),
        JudgmentView::Decided(decision) => add(
            NoteKind::Judged,
            text_with(
                "note-judged",
                &[("judged", judged_word(kind, decision).to_owned()), ("decision", decision.sentence())],
            ),
        ),
        JudgmentView::Unneeded(decision) => add(
            NoteKind::JudgmentNotNeeded,
            text_with(
                "note-judgment-not-needed",
                &[("judged", judged_word(kind, decision).to_owned()), ("decision", decision.sentence())],
            ),
        ),
    }
    for lapsed in lapsed {
        add(NoteKind::Lapsed, lapsed.sentence());
    }
    notes
}

/// "met", "not met", "not excluded", "excluded": what a judgment made of a criterion.
fn judged_word(kind: CriterionKind, decision: &DecisionNote) -> &'static str {
    judgment_word(kind, decision.passes == Some(true))
}

/// The word for a judgment's outcome on a criterion of this kind: "met", "not met", "not
/// excluded", "excluded" (the Decide… dialog offers these).
pub fn judgment_word(kind: CriterionKind, passes: bool) -> &'static str {
    let outcome = if passes { Outcome::Passes } else { Outcome::Fails };
    Status::of(kind, outcome, DiscretionStatus::NotOffered).word()
}

fn citation(source: &SourceCitation) -> String {
    let SourceCitation { document, registry, read_on } = source;
    let mut text = document.clone();
    if let Some(registry) = registry {
        text.push_str(&text_with("citation-registry", &[("registry", registry.clone())]));
    }
    if let Some(read_on) = read_on {
        text.push_str(&text_with("citation-read-on", &[("date", read_on.to_string())]));
    }
    text
}

/// Every decision recorded for a protocol of the screening, in the order recorded, with its
/// effect as the engine applied it.
fn recorded_decisions(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) -> Vec<RecordedDecision> {
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
            let words = decision_words(found.map(|(criterion, _)| criterion.kind), decision);
            let effect = match found {
                None => DecisionEffect::UnknownCriterion,
                Some((_, result)) => match result.lapsed().iter().find(|lapse| lapse.decision == index) {
                    Some(lapse) => DecisionEffect::Lapsed(LapseNote::of(lapse, compiled, screening.patient.knowledge)),
                    None => effect_of(index, result),
                },
            };
            RecordedDecision {
                criterion: decision.criterion.clone(),
                decision: words,
                note: DecisionNote::of(decision),
                effect,
            }
        })
        .chain(withdrawn_decisions(screening, screened))
        .collect()
}

/// The decisions withdrawn on a protocol's criteria, from the audit trail, oldest first.
fn withdrawn_decisions<'s>(
    screening: &'s Screening<'_>,
    screened: &'s ScreenedProtocol<'_>,
) -> impl Iterator<Item = RecordedDecision> + 's {
    let protocol = &screened.loaded.compiled.protocol;
    screening.session.audit.iter().filter_map(move |entry| {
        let Change::Withdrawn { decision } = &entry.change else { return None };
        if decision.protocol != protocol.id {
            return None;
        }
        let kind = protocol.criteria.iter().find(|c| c.id == decision.criterion).map(|c| c.kind);
        let words = decision_words(kind, decision);
        Some(RecordedDecision {
            criterion: decision.criterion.clone(),
            decision: words,
            note: DecisionNote::of(decision),
            effect: DecisionEffect::Withdrawn {
                by: entry.actor.clone(),
                at: entry.at,
                reason: entry.reason.clone().unwrap_or_default(),
            },
        })
    })
}

/// The decisions recorded on a criterion that are out of date, with who made them and why
/// they no longer apply.
fn lapsed_decisions(
    screening: &Screening<'_>,
    screened: &ScreenedProtocol<'_>,
    criterion: &Criterion,
    result: &CriterionResult,
) -> Vec<LapsedDecision> {
    let knowledge = screening.patient.knowledge;
    result
        .lapsed()
        .iter()
        .filter_map(|lapse| {
            let decision = screening.session.decisions.get(lapse.decision)?;
            Some(LapsedDecision {
                decision: decision_words(Some(criterion.kind), decision),
                note: DecisionNote::of(decision),
                lapse: LapseNote::of(lapse, &screened.loaded.compiled, knowledge),
            })
        })
        .collect()
}

/// "override", "judgment: met", "judgment: excluded", in the criterion's words; "judgment:
/// passes" / "fails" for a criterion the protocol version does not have.
fn decision_words(kind: Option<CriterionKind>, decision: &Decision) -> String {
    match (decision.kind, kind) {
        (DecisionKind::Override, _) => text("decision-override"),
        (DecisionKind::Judgment { passes }, Some(kind)) => {
            text_with("decision-judgment", &[("outcome", judgment_word(kind, passes).to_owned())])
        }
        (DecisionKind::Judgment { passes }, None) => {
            text(if passes { "decision-judgment-passes" } else { "decision-judgment-fails" })
        }
    }
}

fn effect_of(index: usize, result: &CriterionResult) -> DecisionEffect {
    if result.judgment == Some(index) {
        return DecisionEffect::InForce;
    }
    match result.discretion {
        DiscretionStatus::Applied { decision } if decision == index => DecisionEffect::InForce,
        DiscretionStatus::Refused { recorded: Some(decision), .. } if decision == index => {
            DecisionEffect::Refused(text("effect-conditions-do-not-hold"))
        }
        _ => DecisionEffect::NotNeeded,
    }
}
