//! What the criteria board shows, built once after each edit from the engine's results:
//! owned strings and statuses, so drawing a frame formats nothing. The words, icons and
//! explanations come from the same functions as `trialscreen evaluate` and the printout
//! (`report::still_needed`, `lapse_words`, `version_notice`, `signed_verdict`), so the
//! board and the command line always say the same thing.

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::explain::{explain, explain_discretion};
use crate::engine::patient::ListAttestation;
use crate::engine::protocol_eval::{DiscretionStatus, Outcome, Verdict};
use crate::model::protocol::CriterionKind;
use crate::report::signed_verdict::SignedVerdictNote;
use crate::report::still_needed::still_needed;
use crate::report::summary_model::{LapsedDecision, TIME_FORMAT, lapsed_decisions};
use crate::report::version_notice::VersionNotice;
use crate::screening::{ScreenedProtocol, Screening};
use crate::session::model::{Decision, DecisionKind};
use crate::status::{Status, verdict_icon, verdict_words};

/// The list item whose completeness the investigator attests.
pub const TREATMENT_HISTORY: &str = "treatment_history";

/// Every selected protocol, as the board shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Board {
    /// Each protocol screened for, in the session's order.
    pub protocols: Vec<ProtocolBoard>,
    /// Missing items over all protocols, ranked by how many undecided criteria each would
    /// help settle, most useful first.
    pub still_needed: Vec<NeededItem>,
    /// Where the treatment history stands as a closed list.
    pub history: HistoryAttestation,
    /// `history` in words, with its icon: "✔ attested complete by Dr A at …".
    pub history_words: String,
    /// The session lists a protocol more than once: the record contradicts itself and is
    /// shown read-only.
    pub lists_a_protocol_twice: bool,
}

/// Whether the treatment history is attested complete, as shown beside it.
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
            Self::NotAttested => "not attested complete — what is not listed cannot be ruled out".to_owned(),
            Self::Current { by, at } => format!("attested complete by {by} at {}", at.format(TIME_FORMAT)),
            Self::Lapsed { by, at } => {
                format!("changed since attested: attest again (attested by {by} at {})", at.format(TIME_FORMAT))
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

/// One protocol's verdict and criteria.
#[derive(Clone, Debug, PartialEq)]
pub struct ProtocolBoard {
    /// The protocol's id.
    pub id: String,
    /// The protocol version evaluated.
    pub version: u32,
    /// The protocol's title.
    pub title: String,
    /// The engine's verdict.
    pub verdict: Verdict,
    /// "ELIGIBLE", "INELIGIBLE", "INCOMPLETE", "ELIGIBLE ON THE AVAILABLE CRITERIA".
    pub verdict_words: &'static str,
    /// The verdict's icon (`status::verdict_icon`).
    pub verdict_icon: &'static str,
    /// Criteria standing in the way, by id.
    pub failing: Vec<String>,
    /// What the source does not provide ("Criteria incomplete in source: …").
    pub source_gaps: Option<String>,
    /// Said where the exclusion criteria would be when the source has none.
    pub exclusions_note: Option<String>,
    /// The chosen cohort's label.
    pub cohort: Option<String>,
    /// The protocol has cohorts and none is chosen.
    pub cohort_missing: bool,
    /// The protocol file loaded differs from the one the session was screened under.
    pub protocol_changed: bool,
    /// The session lists this protocol more than once.
    pub listed_twice: bool,
    /// A newer version is loaded: the readings it corrects, and whether a re-screen is offered.
    pub version_notice: Option<VersionBanner>,
    /// For a signed session whose signed verdict is unknown or differs from today's, both:
    /// "⚠ Signed as ELIGIBLE; under the current rules INCOMPLETE because …".
    pub signed_verdict: Option<String>,
    /// Study facts shown as information.
    pub information: Vec<String>,
    /// Every criterion, in protocol order.
    pub rows: Vec<CriterionRow>,
}

/// One criterion's line on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionRow {
    /// The criterion's id ("I7").
    pub id: String,
    /// Inclusion or exclusion.
    pub kind: CriterionKind,
    /// The criterion's short title.
    pub title: String,
    /// The source heading it stands under, verbatim.
    pub heading: Option<String>,
    /// The source text, word for word.
    pub source_text: String,
    /// How the app reads an ambiguous text.
    pub interpretation: Option<String>,
    /// What the engine decided for it.
    pub outcome: Outcome,
    /// Its icon and word.
    pub status: Status,
    /// The deciding values, with units and dates.
    pub explanation: String,
    /// For a criterion that time alone will decide: the first day it will be met.
    pub eligible_from: Option<NaiveDate>,
    /// Where a protocol discretion stands on it.
    pub discretion: DiscretionView,
    /// A judgment awaited or recorded.
    pub judgment: JudgmentView,
    /// Decisions recorded on it that are out of date: decided again through the same
    /// Decide…/Override… as a new one.
    pub lapsed: Vec<LapsedView>,
}

/// The banner of a newer protocol version, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionBanner {
    /// The newer version and the readings it corrects.
    pub notice: VersionNotice,
    /// "⚠ Screened under version 1; version 2 corrects these readings (…):".
    pub headline: String,
    /// "• I8: …", one a correction.
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
            corrections: notice.correction_lines().into_iter().map(|line| format!("• {line}")).collect(),
            rescreen_label: notice.rescreen_offered.then(|| notice.rescreen_label()),
            rescreen_name: format!("Re-screen {protocol} under version {}…", notice.newer),
            notice,
        }
    }
}

/// A decision out of date, as shown under its criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LapsedView {
    /// "decision out of date — values changed since it was recorded".
    pub headline: String,
    /// Each fact it rested on that changed: "Platelet count 52 ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28".
    pub changes: Vec<String>,
    /// "Recorded override by Dr A at 2026-11-02 10:00 UTC: reason".
    pub recorded: String,
}

impl LapsedView {
    fn of(lapsed: &LapsedDecision) -> Self {
        let LapsedDecision { decision: _, note: _, lapse } = lapsed;
        Self {
            headline: lapse.headline(),
            changes: lapse.changes.iter().map(|change| change.text()).collect(),
            recorded: lapsed.recorded(),
        }
    }
}

/// A protocol discretion on a criterion, as shown.
#[derive(Clone, Debug, PartialEq)]
pub enum DiscretionView {
    /// None offered, or not failing and nothing recorded.
    None,
    /// Failing, and the investigator may override it ("discretion available").
    Available(DiscretionText),
    /// An override is recorded and its conditions hold.
    Applied {
        /// The discretion's words and questions.
        text: DiscretionText,
        /// The override recorded.
        decision: DecisionView,
    },
    /// The conditions do not hold: no override is possible, and one recorded is ignored.
    Refused {
        /// The discretion's words and questions.
        text: DiscretionText,
        /// Why the conditions do not hold.
        why: String,
        /// The override recorded, which is ignored.
        recorded: Option<DecisionView>,
    },
    /// An override is recorded but the criterion no longer fails.
    Unneeded {
        /// The override recorded.
        decision: DecisionView,
    },
}

/// The protocol's words granting a discretion and the questions it asks.
#[derive(Clone, Debug, PartialEq)]
pub struct DiscretionText {
    /// The source's wording of the discretion, verbatim.
    pub source_text: String,
    /// Dictionary item ids the override asks.
    pub questions: Vec<String>,
}

/// A judgment on a criterion, as shown.
#[derive(Clone, Debug, PartialEq)]
pub enum JudgmentView {
    /// The criterion does not await one.
    None,
    /// The criterion awaits the investigator's decision.
    Awaiting,
    /// Decided by a recorded judgment.
    Decided(DecisionView),
    /// A judgment is recorded but the criterion no longer awaits one.
    Unneeded(DecisionView),
}

/// Who decided what, when and why.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionView {
    /// Who decided.
    pub by: String,
    /// When it was recorded (UTC).
    pub at: DateTime<Utc>,
    /// The reason stated.
    pub reason: String,
    /// For a judgment: whether the criterion passes.
    pub passes: Option<bool>,
}

/// An item still needed, with how many undecided criteria it would help settle and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeededItem {
    /// The dictionary item's id.
    pub item: String,
    /// The item's label on the form.
    pub label: String,
    /// How many undecided criteria it would help settle.
    pub criteria: usize,
    /// "Blood pregnancy test (1) — enter the sample date".
    pub words: String,
    /// What is needed is the investigator's attestation that the list is complete: the
    /// list leads to the attestation control.
    pub needs_attestation: bool,
}

impl NeededItem {
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

impl Board {
    /// Builds the board of an evaluated screening.
    pub fn of(screening: &Screening<'_>) -> Self {
        let protocols: Vec<ProtocolBoard> =
            screening.protocols.iter().map(|screened| protocol_board(screening, screened)).collect();
        let knowledge = screening.patient.knowledge;
        let still_needed = still_needed(knowledge, screening.protocols.iter().map(|screened| &screened.result))
            .into_iter()
            .filter_map(|needed| {
                let def = knowledge.item(needed.item)?;
                Some(NeededItem {
                    item: def.id.clone(),
                    label: def.label.clone(),
                    criteria: needed.criteria,
                    words: needed.words(&def.label),
                    needs_attestation: needed.needs_attestation(),
                })
            })
            .collect();
        let history = history_attestation(screening);
        Self {
            protocols,
            still_needed,
            history_words: history.shown(),
            history,
            lists_a_protocol_twice: screening.lists_a_protocol_twice(),
        }
    }

    /// The row of a criterion.
    pub fn row(&self, protocol: &str, criterion: &str) -> Option<&CriterionRow> {
        self.protocols.iter().find(|p| p.id == protocol)?.rows.iter().find(|r| r.id == criterion)
    }
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

fn decision_view(decision: &Decision) -> DecisionView {
    DecisionView {
        by: decision.by.clone(),
        at: decision.at,
        reason: decision.reason.clone(),
        passes: match decision.kind {
            DecisionKind::Judgment { passes } => Some(passes),
            DecisionKind::Override => None,
        },
    }
}

fn protocol_board(screening: &Screening<'_>, screened: &ScreenedProtocol<'_>) -> ProtocolBoard {
    let compiled = &screened.loaded.compiled;
    let protocol = &compiled.protocol;
    let result = &screened.result;
    let decisions = &screening.session.decisions;
    let view = |index: usize| decisions.get(index).map(decision_view);
    let rows = protocol
        .criteria
        .iter()
        .zip(&result.criteria)
        .map(|(criterion, outcome)| {
            let text = || DiscretionText {
                source_text: criterion.discretion.as_ref().map(|d| d.source_text.clone()).unwrap_or_default(),
                questions: criterion.discretion.as_ref().map(|d| d.questions.clone()).unwrap_or_default(),
            };
            let why = || explain_discretion(compiled, result, outcome, &screening.patient);
            let discretion = match outcome.discretion {
                DiscretionStatus::NotOffered => DiscretionView::None,
                DiscretionStatus::Available => DiscretionView::Available(text()),
                DiscretionStatus::Applied { decision } => match view(decision) {
                    Some(decision) => DiscretionView::Applied { text: text(), decision },
                    None => DiscretionView::Available(text()),
                },
                DiscretionStatus::Refused { recorded, .. } => {
                    DiscretionView::Refused { text: text(), why: why(), recorded: recorded.and_then(view) }
                }
                DiscretionStatus::Unneeded { decision } => match view(decision) {
                    Some(decision) => DiscretionView::Unneeded { decision },
                    None => DiscretionView::None,
                },
            };
            let judgment = match (outcome.judgment.and_then(view), outcome.unneeded_judgment.and_then(view)) {
                (Some(decided), _) => JudgmentView::Decided(decided),
                (None, _) if outcome.outcome == Outcome::Judgment => JudgmentView::Awaiting,
                (None, Some(unneeded)) => JudgmentView::Unneeded(unneeded),
                (None, None) => JudgmentView::None,
            };
            let explanation = if outcome.outcome == Outcome::NotApplicable {
                String::new()
            } else {
                explain(compiled, result, outcome, &screening.patient)
            };
            CriterionRow {
                id: criterion.id.clone(),
                kind: criterion.kind,
                title: criterion.title.clone(),
                heading: criterion.heading.clone(),
                source_text: criterion.source_text.clone(),
                interpretation: criterion.interpretation.clone(),
                outcome: outcome.outcome,
                status: Status::of(criterion.kind, outcome.outcome, outcome.discretion),
                explanation,
                eligible_from: outcome.eligible_from,
                discretion,
                judgment,
                lapsed: lapsed_decisions(screening, screened, criterion, outcome).iter().map(LapsedView::of).collect(),
            }
        })
        .collect();
    let failing = screened.failing_criteria().map(str::to_owned).collect();
    let cohort = screened.reference.cohort.as_ref().map(|cohort| {
        protocol.cohorts.iter().find(|c| &c.id == cohort).map_or_else(|| cohort.clone(), |c| c.label.clone())
    });
    ProtocolBoard {
        id: protocol.id.clone(),
        version: protocol.version,
        title: protocol.title.clone(),
        verdict: result.verdict,
        verdict_words: verdict_words(result.verdict, protocol.source_complete),
        verdict_icon: verdict_icon(result.verdict),
        failing,
        source_gaps: protocol.source_gaps.clone(),
        exclusions_note: protocol.exclusions_note.clone(),
        cohort,
        cohort_missing: result.cohort_missing,
        protocol_changed: screened.hash_matches == Some(false),
        listed_twice: screened.listed_twice,
        version_notice: VersionNotice::of(screened, screening.session.is_signed())
            .map(|notice| VersionBanner::of(&protocol.id, notice)),
        signed_verdict: SignedVerdictNote::of(screening.session, screened)
            .filter(SignedVerdictNote::differs)
            .map(|note| format!("⚠ {}", note.sentence())),
        information: protocol.information.clone(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::evaluate::to_json;
    use crate::library::Library;
    use crate::session::load::parse_session;
    use crate::session_check::check_session;

    /// The board and `trialscreen evaluate --json` must say the same thing for every
    /// bundled example: verdict, every status word, explanation and "eligible from".
    #[test]
    fn the_board_agrees_with_the_command_line_on_every_example() {
        let library = Library::bundled().unwrap();
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples");
        let mut checked = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let session = parse_session(&text).unwrap();
            check_session(&session, &text, &library).unwrap();
            let screening =
                Screening::evaluate(&library, &session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
            let board = Board::of(&screening);
            let json = to_json(&screening);
            let protocols = json["protocols"].as_array().unwrap();
            assert_eq!(protocols.len(), board.protocols.len());
            for (shown, printed) in board.protocols.iter().zip(protocols) {
                assert_eq!(shown.verdict_words, printed["verdict_text"], "{}", path.display());
                let criteria = printed["criteria"].as_array().unwrap();
                for (row, line) in shown.rows.iter().zip(criteria) {
                    assert_eq!(row.id, line["id"]);
                    assert_eq!(row.status.word(), line["status"], "{} {}", path.display(), row.id);
                    if row.outcome != Outcome::NotApplicable {
                        assert_eq!(row.explanation, line["explanation"], "{} {}", path.display(), row.id);
                    }
                    assert_eq!(
                        row.eligible_from.map(|d| d.to_string()),
                        line["eligible_from"].as_str().map(str::to_owned)
                    );
                    assert_eq!(
                        matches!(row.discretion, DiscretionView::Available(_)),
                        line["discretion_available"].as_bool().unwrap()
                    );
                }
            }
            // Still needed, with why, in the same words (the examples screen one protocol each).
            if let [printed] = protocols.as_slice() {
                let needed = printed["still_needed"].as_array().unwrap();
                assert_eq!(needed.len(), board.still_needed.len(), "{}", path.display());
                for (shown, line) in board.still_needed.iter().zip(needed) {
                    let reasons: Vec<String> =
                        line["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_owned()).collect();
                    let words = if reasons.is_empty() {
                        format!("{} ({})", line["label"].as_str().unwrap(), line["criteria"])
                    } else {
                        format!("{} ({}) — {}", line["label"].as_str().unwrap(), line["criteria"], reasons.join(", "))
                    };
                    assert_eq!(shown.words, words, "{}", path.display());
                }
            }
            checked += 1;
        }
        assert!(checked >= 30, "only {checked} examples");
    }
}
