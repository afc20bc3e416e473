//! Evaluates every criterion of a protocol, applies the investigator's judgments and
//! overrides, and decides the overall verdict.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::compile::CompiledProtocol;
use crate::engine::evaluate::{Eval, Evaluator};
use crate::engine::fact::Fact;
use crate::engine::knowledge::ItemIdx;
use crate::engine::patient::PatientFacts;
use crate::engine::truth::Truth;
use crate::model::protocol::CriterionKind;
use crate::session::model::{Decision, DecisionKind};

/// What a criterion means for eligibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Does not stand in the way: an inclusion met, an exclusion not applying.
    Passes,
    /// Stands in the way: an inclusion not met, an exclusion applying.
    Fails,
    /// Data not entered; not a failure.
    Missing,
    /// Awaits the investigator's decision.
    Judgment,
    /// Does not apply to this patient (another cohort, a male for pregnancy items).
    NotApplicable,
}

/// The overall result of one protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Eligible,
    Ineligible,
    Incomplete,
}

/// Where a protocol discretion stands on a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscretionStatus {
    /// The criterion offers no discretion, or it is not failing.
    NotOffered,
    /// Failing, and the investigator may override it.
    Available,
    /// An override is recorded and its conditions hold: the criterion passes.
    Applied { decision: usize },
    /// The conditions do not hold (active bleeding): no override is possible; if one was
    /// recorded it is ignored.
    Refused { recorded: Option<usize>, conditions: Truth },
    /// An override is recorded but the criterion no longer fails.
    Unneeded { decision: usize },
}

/// Why a criterion is not applicable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotApplicableReason {
    OtherCohort,
    Condition,
}

/// The result of one criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult {
    pub outcome: Outcome,
    /// The rule's own truth, before judgments and overrides.
    pub truth: Truth,
    /// For a failing criterion that time alone will cure: the first date it would pass.
    pub eligible_from: Option<NaiveDate>,
    pub discretion: DiscretionStatus,
    /// The judgment that decided it, as an index into the session's decisions.
    pub judgment: Option<usize>,
    /// A judgment recorded for a criterion that no longer awaits one.
    pub unneeded_judgment: Option<usize>,
    pub not_applicable: Option<NotApplicableReason>,
    /// Deciding facts, a range of [`ProtocolResult::facts`].
    pub facts: Range<usize>,
    /// Facts about the discretion's conditions.
    pub discretion_facts: Range<usize>,
    /// Items whose entry would help decide, a range of [`ProtocolResult::missing`].
    pub missing: Range<usize>,
}

/// The result of one protocol for one patient.
#[derive(Clone, Debug, PartialEq)]
pub struct ProtocolResult {
    pub verdict: Verdict,
    pub criteria: Vec<CriterionResult>,
    /// The protocol has cohorts and the session chose none.
    pub cohort_missing: bool,
    /// The chosen cohort, by index into the protocol's cohorts.
    pub cohort: Option<usize>,
    pub facts: Vec<Fact>,
    pub missing: Vec<ItemIdx>,
}

impl ProtocolResult {
    /// The facts of a criterion.
    pub fn facts_of(&self, criterion: &CriterionResult) -> &[Fact] {
        self.facts.get(criterion.facts.clone()).unwrap_or(&[])
    }

    /// The facts about a criterion's discretion conditions.
    pub fn discretion_facts_of(&self, criterion: &CriterionResult) -> &[Fact] {
        self.facts.get(criterion.discretion_facts.clone()).unwrap_or(&[])
    }

    /// The missing items of a criterion.
    pub fn missing_of(&self, criterion: &CriterionResult) -> &[ItemIdx] {
        self.missing.get(criterion.missing.clone()).unwrap_or(&[])
    }

    /// Missing items with the number of undecided criteria each would help decide, most
    /// useful first, then in dictionary order.
    pub fn still_needed(&self) -> Vec<(ItemIdx, usize)> {
        let mut counts: std::collections::BTreeMap<ItemIdx, usize> = std::collections::BTreeMap::new();
        for criterion in &self.criteria {
            if matches!(criterion.outcome, Outcome::Missing | Outcome::Judgment) {
                let mut items: Vec<ItemIdx> = self.missing_of(criterion).to_vec();
                items.sort_unstable();
                items.dedup();
                for item in items {
                    *counts.entry(item).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(ItemIdx, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

/// Evaluates a protocol for a patient. `decisions` are the session's decisions (all
/// protocols); those for this protocol apply. `cohort` is the chosen cohort id.
pub fn evaluate_protocol(
    compiled: &CompiledProtocol,
    patient: &PatientFacts<'_>,
    cohort: Option<&str>,
    decisions: &[Decision],
) -> ProtocolResult {
    let protocol = &compiled.protocol;
    let cohort_index = cohort.and_then(|id| protocol.cohorts.iter().position(|c| c.id == id));
    let cohort_missing = !protocol.cohorts.is_empty() && cohort_index.is_none();
    let mut facts = Vec::with_capacity(compiled.criteria.len() * 3);
    let mut missing = Vec::new();
    let mut results = Vec::with_capacity(compiled.criteria.len());
    // The latest judgment and override per criterion, matched by id once.
    let mut judgments: Vec<Option<usize>> = vec![None; compiled.criteria.len()];
    let mut overrides: Vec<Option<usize>> = vec![None; compiled.criteria.len()];
    for (index, decision) in decisions.iter().enumerate() {
        if decision.protocol != protocol.id {
            continue;
        }
        let Some(position) = protocol.criteria.iter().position(|c| c.id == decision.criterion) else { continue };
        let slot = match decision.kind {
            DecisionKind::Judgment { .. } => judgments.get_mut(position),
            DecisionKind::Override => overrides.get_mut(position),
        };
        if let Some(slot) = slot {
            *slot = Some(index);
        }
    }
    let contradictions = active_contradictions(patient);
    for (position, criterion) in compiled.criteria.iter().enumerate() {
        let facts_start = facts.len();
        let missing_start = missing.len();
        let mut evaluator = Evaluator { patient, facts: &mut facts, missing: &mut missing };
        let other_cohort = match (criterion.cohort, cohort_index) {
            (Some(wanted), Some(chosen)) => wanted != chosen,
            _ => false,
        };
        let (scope, not_applicable) = if other_cohort {
            (Truth::False, Some(NotApplicableReason::OtherCohort))
        } else if criterion.cohort.is_some() && cohort_missing {
            (Truth::Unknown, None)
        } else {
            match &criterion.applies_when {
                Some(condition) => {
                    let applies = evaluator.eval(condition).truth;
                    (applies, (applies == Truth::False).then_some(NotApplicableReason::Condition))
                }
                None => (Truth::True, None),
            }
        };
        let eval = match scope {
            Truth::True => evaluator.eval(&criterion.rule),
            other => Eval { truth: other, flips_on: None },
        };
        let mut outcome = match (scope, eval.truth, criterion.kind) {
            (Truth::False, ..) => Outcome::NotApplicable,
            (_, Truth::Unknown, _) => Outcome::Missing,
            (_, Truth::Judgment, _) => Outcome::Judgment,
            (_, Truth::True, CriterionKind::Inclusion) | (_, Truth::False, CriterionKind::Exclusion) => Outcome::Passes,
            (_, Truth::False, CriterionKind::Inclusion) | (_, Truth::True, CriterionKind::Exclusion) => Outcome::Fails,
        };
        if outcome == Outcome::NotApplicable {
            facts.truncate(facts_start);
            missing.truncate(missing_start);
        }
        // Facts that contradict each other are never resolved toward eligibility: a criterion
        // that reads them and would pass, or not apply, awaits the investigator's judgment.
        let mut not_applicable = not_applicable;
        if not_applicable != Some(NotApplicableReason::OtherCohort) {
            for contradiction in contradictions.iter().filter(|c| c.concerns(&criterion.reads)) {
                facts.extend_from_slice(&contradiction.facts);
                if matches!(outcome, Outcome::Passes | Outcome::NotApplicable) {
                    outcome = Outcome::Judgment;
                    not_applicable = None;
                }
            }
        }
        let eligible_from = match (outcome, eval.flips_on) {
            (Outcome::Fails, Some(candidate)) => confirmed_eligible_from(criterion, patient, candidate),
            _ => None,
        };
        let facts_end = facts.len();

        let judgment_decision = judgments.get(position).copied().flatten();
        let (judgment, unneeded_judgment) = match judgment_decision {
            Some(index) if outcome == Outcome::Judgment => {
                if let Some(Decision { kind: DecisionKind::Judgment { passes }, .. }) = decisions.get(index) {
                    outcome = if *passes { Outcome::Passes } else { Outcome::Fails };
                }
                (Some(index), None)
            }
            Some(index) => (None, Some(index)),
            None => (None, None),
        };

        let override_decision = overrides.get(position).copied().flatten();
        let discretion_start = facts.len();
        let discretion = match &criterion.discretion {
            Some(conditions) if outcome == Outcome::Fails && judgment.is_none() => {
                let mut evaluator = Evaluator { patient, facts: &mut facts, missing: &mut missing };
                let conditions = evaluator.eval(conditions).truth;
                match (conditions, override_decision) {
                    (Truth::True, Some(decision)) => {
                        outcome = Outcome::Passes;
                        DiscretionStatus::Applied { decision }
                    }
                    (Truth::False, recorded) => DiscretionStatus::Refused { recorded, conditions },
                    (_, Some(recorded)) => DiscretionStatus::Refused { recorded: Some(recorded), conditions },
                    (_, None) => DiscretionStatus::Available,
                }
            }
            Some(_) => match override_decision {
                Some(decision) => DiscretionStatus::Unneeded { decision },
                None => DiscretionStatus::NotOffered,
            },
            None => DiscretionStatus::NotOffered,
        };
        // Missing items matter only while the criterion is undecided.
        if !matches!(outcome, Outcome::Missing | Outcome::Judgment) {
            missing.truncate(missing_start);
        }
        results.push(CriterionResult {
            outcome,
            truth: eval.truth,
            eligible_from,
            discretion,
            judgment,
            unneeded_judgment,
            not_applicable,
            facts: facts_start..facts_end,
            discretion_facts: discretion_start..facts.len(),
            missing: missing_start..missing.len(),
        });
    }
    let verdict = verdict(results.iter().map(|r| r.outcome), cohort_missing);
    ProtocolResult { verdict, criteria: results, cohort_missing, cohort: cohort_index, facts, missing }
}

/// A contradiction that holds for the patient, with the facts that show it.
struct ActiveContradiction<'k> {
    /// The items of each side: a criterion reading an item of every side is concerned.
    sides: Vec<&'k std::collections::BTreeSet<ItemIdx>>,
    /// For a test kind's disagreeing results, the items that hold them.
    items: Vec<ItemIdx>,
    facts: Vec<Fact>,
}

impl ActiveContradiction<'_> {
    fn concerns(&self, reads: &[ItemIdx]) -> bool {
        let is_read = |item: &ItemIdx| reads.binary_search(item).is_ok();
        if self.sides.is_empty() {
            self.items.iter().any(is_read)
        } else {
            self.sides.iter().all(|side| side.iter().any(is_read))
        }
    }
}

/// The dictionary's contradictions that hold for the patient, and the test kinds whose
/// results disagree.
fn active_contradictions<'k>(patient: &PatientFacts<'k>) -> Vec<ActiveContradiction<'k>> {
    let knowledge = patient.knowledge;
    let mut active = Vec::new();
    for (index, contradiction) in knowledge.contradictions.iter().enumerate() {
        let mut facts = Vec::new();
        let mut missing = Vec::new();
        let mut evaluator = Evaluator { patient, facts: &mut facts, missing: &mut missing };
        let holds = contradiction.sides.iter().all(|side| evaluator.eval(side).truth == Truth::True);
        if holds {
            facts.insert(0, Fact::Contradiction(u16::try_from(index).unwrap_or(u16::MAX)));
            active.push(ActiveContradiction {
                sides: contradiction.side_items.iter().collect(),
                items: Vec::new(),
                facts,
            });
        }
    }
    for kind in 0..knowledge.dictionary.test_kinds.len() {
        if let Some(items) = patient.conflicting_results(kind) {
            let mut facts = vec![Fact::ConflictingResults(u8::try_from(kind).unwrap_or(u8::MAX))];
            facts.extend(items.iter().map(|item| Fact::Answer { item: *item, truth: Truth::Unknown }));
            active.push(ActiveContradiction { sides: Vec::new(), items, facts });
        }
    }
    active
}

/// How many later candidate dates are tried before "eligible from" is left unstated.
const ELIGIBLE_FROM_ATTEMPTS: usize = 6;

/// Checks a candidate "eligible from" date by evaluating the criterion again as if the
/// visit happened then; a candidate that does not pass gives way to the date the new
/// evaluation names. Combining windows alone can mislead: an 8-year-old with a low IgG is
/// not eligible on her 9th birthday, when a stricter threshold takes over.
fn confirmed_eligible_from(
    criterion: &crate::engine::compile::CompiledCriterion,
    patient: &PatientFacts<'_>,
    mut candidate: NaiveDate,
) -> Option<NaiveDate> {
    let mut facts = Vec::new();
    let mut missing = Vec::new();
    for _ in 0..ELIGIBLE_FROM_ATTEMPTS {
        let shifted = patient.shifted_to(candidate);
        let mut evaluator = Evaluator { patient: &shifted, facts: &mut facts, missing: &mut missing };
        let eval = evaluator.eval(&criterion.rule);
        let passes = match criterion.kind {
            CriterionKind::Inclusion => eval.truth == Truth::True,
            CriterionKind::Exclusion => eval.truth == Truth::False,
        };
        if passes {
            return Some(candidate);
        }
        match eval.flips_on {
            Some(next) if next > candidate && eval.truth.is_definite() => candidate = next,
            _ => return None,
        }
        facts.clear();
        missing.clear();
    }
    None
}

/// ELIGIBLE only when nothing fails and nothing is missing or awaiting judgment;
/// INELIGIBLE as soon as anything fails; otherwise INCOMPLETE.
pub fn verdict(outcomes: impl IntoIterator<Item = Outcome>, cohort_missing: bool) -> Verdict {
    let mut open = cohort_missing;
    for outcome in outcomes {
        match outcome {
            Outcome::Fails => return Verdict::Ineligible,
            Outcome::Missing | Outcome::Judgment => open = true,
            Outcome::Passes | Outcome::NotApplicable => {}
        }
    }
    if open { Verdict::Incomplete } else { Verdict::Eligible }
}

#[cfg(test)]
mod tests {
    use super::Outcome::{Fails, Judgment, Missing, NotApplicable, Passes};
    use super::{Verdict, verdict};

    #[test]
    fn verdict_needs_every_criterion_decided() {
        assert_eq!(verdict([Passes, NotApplicable], false), Verdict::Eligible);
        assert_eq!(verdict([Passes, Missing], false), Verdict::Incomplete);
        assert_eq!(verdict([Passes, Judgment], false), Verdict::Incomplete);
        assert_eq!(verdict([Missing, Fails], false), Verdict::Ineligible);
        assert_eq!(verdict([Passes], true), Verdict::Incomplete, "a cohort must be chosen");
        assert_eq!(verdict([], false), Verdict::Eligible);
    }
}
