//! Evaluates every criterion of a protocol, applies the investigator's judgments and
//! overrides, and decides the overall verdict.

use std::borrow::Cow;
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::engine::compile::{CompiledCriterion, CompiledProtocol};
use crate::engine::evaluate::{Eval, Evaluator};
use crate::engine::fact::Fact;
use crate::engine::knowledge::ItemIdx;
use crate::engine::patient::{ActiveContradiction, PatientFacts};
use crate::engine::truth::Truth;
use crate::model::protocol::CriterionKind;
use crate::model::record::{Basis, Decision, DecisionKind, Recorded, ReferenceDates};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every criterion passes or does not apply.
    Eligible,
    /// Some criterion fails.
    Ineligible,
    /// None fails, but some awaits data, a judgment or the choice of a cohort.
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
    Applied {
        /// The override, as an index into the session's decisions.
        decision: usize,
    },
    /// The conditions do not hold (active bleeding): no override is possible; if one was
    /// recorded it is ignored.
    Refused {
        /// An override recorded and ignored, as an index into the session's decisions.
        recorded: Option<usize>,
        /// The truth of the discretion's conditions (false or unknown).
        conditions: Truth,
    },
    /// An override is recorded but the criterion no longer fails.
    Unneeded {
        /// The override, as an index into the session's decisions.
        decision: usize,
    },
}

/// Why a criterion is not applicable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotApplicableReason {
    /// The criterion belongs to a cohort other than the one chosen.
    OtherCohort,
    /// The criterion's applicability condition does not hold for this patient.
    Condition,
}

/// The result of one criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult {
    /// What the criterion means for eligibility, after judgments and overrides.
    pub outcome: Outcome,
    /// The rule's own truth, before judgments and overrides.
    pub truth: Truth,
    /// For a failing criterion that time alone will cure: the first date it would pass.
    pub eligible_from: Option<NaiveDate>,
    /// Where a protocol discretion stands on it.
    pub discretion: DiscretionStatus,
    /// The judgment that decided it, as an index into the session's decisions.
    pub judgment: Option<usize>,
    /// A judgment recorded for a criterion that no longer awaits one.
    pub unneeded_judgment: Option<usize>,
    /// Why it does not apply, when its outcome is not applicable.
    pub not_applicable: Option<NotApplicableReason>,
    /// Deciding facts, a range of [`ProtocolResult::facts`].
    pub facts: Range<u32>,
    /// Facts about the discretion's conditions.
    pub discretion_facts: Range<u32>,
    /// Items whose entry would help decide, a range of [`ProtocolResult::missing`].
    pub missing: Range<u32>,
    /// What a decision on the criterion now answers (`override`, `rule:0`,
    /// `contradiction:…`): recorded with a new decision, so it lapses when the question
    /// changes.
    /// The usual questions are constants, borrowed rather than allocated.
    pub question: Option<Cow<'static, str>>,
    /// Lapsed decisions, when there are any (see [`Self::lapsed`]).
    pub follow_ups: Option<Box<FollowUps>>,
}

impl CriterionResult {
    /// The result of a criterion of a cohort other than the one chosen, on which nothing was
    /// decided: not applicable; `facts` and `missing` are the (empty) ranges where its facts
    /// and missing items would be.
    fn of_another_cohort(facts: Range<u32>, missing: Range<u32>) -> Self {
        Self {
            outcome: Outcome::NotApplicable,
            truth: Truth::False,
            eligible_from: None,
            discretion: DiscretionStatus::NotOffered,
            judgment: None,
            unneeded_judgment: None,
            not_applicable: Some(NotApplicableReason::OtherCohort),
            discretion_facts: facts.clone(),
            facts,
            missing,
            question: None,
            follow_ups: None,
        }
    }

    /// Recorded decisions that no longer apply because what they were made on changed.
    pub fn lapsed(&self) -> &[Lapse] {
        self.follow_ups.as_deref().map_or(&[], |follow_ups| &follow_ups.lapsed)
    }
}

/// What a criterion's result asks the investigator to revisit: decisions that lapsed. Rarely
/// any, so kept out of line: a result stays small enough to be copied without a call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUps {
    /// Recorded decisions that no longer apply because what they were made on changed: at
    /// most a judgment and an override, kept in the one allocation of the box.
    pub lapsed: smallvec::SmallVec<[Lapse; 2]>,
}

/// A recorded decision that no longer resolves its criterion: it was made on facts that
/// have changed. The investigator decides again.
#[derive(Clone, Debug, PartialEq)]
pub struct Lapse {
    /// The decision, as an index into the session's decisions.
    pub decision: usize,
    /// What changed since it was recorded.
    pub changes: Vec<BasisChange>,
    /// The criterion now asks another question (or none) than the one decided.
    pub question_changed: bool,
    /// The facts it was made on cannot be shown (a format-1 decision whose entry is not in
    /// the trail): it cannot be relied on.
    pub basis_unknown: bool,
}

/// One fact a decision rested on, then and now.
#[derive(Clone, Debug, PartialEq)]
pub enum BasisChange {
    /// A value it rested on was entered, changed or cleared.
    Item {
        /// The item.
        item: ItemIdx,
        /// The value and date it rested on (`None`: not entered).
        old: Option<Recorded>,
        /// The value and date now (`None`: not entered).
        new: Option<Recorded>,
    },
    /// The visit's reference dates changed.
    Dates {
        /// The dates it rested on.
        old: ReferenceDates,
        /// The dates now.
        new: ReferenceDates,
    },
    /// The cohort screened for changed.
    Cohort {
        /// The cohort it was made under.
        old: Option<String>,
        /// The cohort now.
        new: Option<String>,
    },
    /// The session is now screened under another protocol version.
    Version {
        /// The version it was made under.
        old: u32,
        /// The version now.
        new: u32,
    },
}

/// The result of one protocol for one patient.
#[derive(Clone, Debug, PartialEq)]
pub struct ProtocolResult {
    /// The overall result.
    pub verdict: Verdict,
    /// Each criterion's result, in protocol order.
    pub criteria: Vec<CriterionResult>,
    /// The protocol has cohorts and the session chose none.
    pub cohort_missing: bool,
    /// The chosen cohort, by index into the protocol's cohorts.
    pub cohort: Option<usize>,
    /// The deciding facts of every criterion, each criterion holding a range of them.
    pub facts: Vec<Fact>,
    /// The missing items of every criterion, each criterion holding a range of them.
    pub missing: Vec<ItemIdx>,
}

impl ProtocolResult {
    /// The facts of a criterion.
    pub fn facts_of(&self, criterion: &CriterionResult) -> &[Fact] {
        self.facts.get(positions(&criterion.facts)).unwrap_or(&[])
    }

    /// The facts about a criterion's discretion conditions.
    pub fn discretion_facts_of(&self, criterion: &CriterionResult) -> &[Fact] {
        self.facts.get(positions(&criterion.discretion_facts)).unwrap_or(&[])
    }

    /// The missing items of a criterion.
    pub fn missing_of(&self, criterion: &CriterionResult) -> &[ItemIdx] {
        self.missing.get(positions(&criterion.missing)).unwrap_or(&[])
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

/// A range of a result's buffers as positions.
fn positions(range: &Range<u32>) -> Range<usize> {
    let at = |position: u32| usize::try_from(position).unwrap_or(usize::MAX);
    at(range.start)..at(range.end)
}

/// A range of a result's buffers as it is kept (a buffer never holds 2^32 entries).
fn kept(range: Range<usize>) -> Range<u32> {
    let at = |position: usize| u32::try_from(position).unwrap_or(u32::MAX);
    at(range.start)..at(range.end)
}

/// Evaluates a protocol for a patient. `decisions` are the session's decisions (all
/// protocols; each with its basis, a format-1 decision's rebuilt from the trail); those for
/// this protocol apply while the facts they were made on are unchanged. `cohort` is the
/// chosen cohort id.
pub fn evaluate_protocol(
    compiled: &CompiledProtocol,
    patient: &PatientFacts<'_>,
    cohort: Option<&str>,
    decisions: &[Decision],
) -> ProtocolResult {
    let protocol = &compiled.protocol;
    let cohort_index = cohort.and_then(|id| protocol.cohorts.iter().position(|c| c.id == id));
    let cohort_missing = !protocol.cohorts.is_empty() && cohort_index.is_none();
    let mut facts = Vec::with_capacity(compiled.criteria.len() * 4);
    let mut missing = Vec::with_capacity(compiled.criteria.len());
    // Every result starts as "another cohort's" and is then written field by field where it
    // stays. A result built whole on the stack and pushed is copied in 16-byte loads of what
    // was just stored in other widths, which the processor cannot forward: each such load
    // waits for the stores to reach the cache (that push was a tenth of the time). The
    // placeholders are constants, written as such.
    let mut results = Vec::with_capacity(compiled.criteria.len());
    results.resize_with(compiled.criteria.len(), || CriterionResult::of_another_cohort(0..0, 0..0));
    // The latest judgment and override recorded on each criterion, matched by id once and
    // noted in its placeholder result as recorded but not (yet) in force: `unneeded_judgment`
    // and `DiscretionStatus::Unneeded`. Visiting the criterion settles what each means.
    for (index, decision) in decisions.iter().enumerate() {
        if decision.protocol != protocol.id {
            continue;
        }
        let Some(result) = compiled.position_of(&decision.criterion).and_then(|at| results.get_mut(at)) else {
            continue;
        };
        match decision.kind {
            DecisionKind::Judgment { .. } => result.unneeded_judgment = Some(index),
            DecisionKind::Override => result.discretion = DiscretionStatus::Unneeded { decision: index },
        }
    }
    let mut scratch = Scratch::default();
    let contradictions = patient.contradictions(compiled.window, || active_contradictions(patient, compiled.window));
    for (position, criterion) in compiled.criteria.iter().enumerate() {
        let facts_start = facts.len();
        let missing_start = missing.len();
        let other_cohort = match (criterion.cohort, cohort_index) {
            (Some(wanted), Some(chosen)) => wanted != chosen,
            _ => false,
        };
        let Some(result) = results.get_mut(position) else { continue };
        let judgment_decision = result.unneeded_judgment.take();
        let override_decision = match result.discretion {
            DiscretionStatus::Unneeded { decision } => Some(decision),
            _ => None,
        };
        // Another cohort's criterion, with no decision recorded on it: not applicable, with
        // nothing to read or show (a protocol with five cohorts has most of its criteria so).
        if other_cohort && judgment_decision.is_none() && override_decision.is_none() {
            result.facts = kept(facts_start..facts_start);
            result.discretion_facts = kept(facts_start..facts_start);
            result.missing = kept(missing_start..missing_start);
            continue;
        }
        let mut evaluator = Evaluator { patient, facts: &mut facts, missing: &mut missing, window: criterion.window };
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
        if !contradictions.is_empty() && not_applicable != Some(NotApplicableReason::OtherCohort) {
            for contradiction in contradictions.iter().filter(|c| c.concerns(&criterion.reads, patient.knowledge)) {
                facts.extend_from_slice(&contradiction.facts);
                if matches!(outcome, Outcome::Passes | Outcome::NotApplicable) {
                    outcome = Outcome::Judgment;
                    not_applicable = None;
                }
            }
        }
        let eligible_from = match (outcome, eval.flips_on) {
            (Outcome::Fails, Some(candidate)) => confirmed_eligible_from(criterion, patient, candidate, &mut scratch),
            _ => None,
        };
        let facts_end = facts.len();
        let mut question = (outcome == Outcome::Judgment)
            .then(|| question_of(facts.get(facts_start..facts_end).unwrap_or(&[]), criterion, patient))
            .flatten();
        // Lapsed decisions, when any: none is the usual case, and then nothing is allocated.
        let mut follow_ups: Option<Box<FollowUps>> = None;

        let (judgment, unneeded_judgment) = match judgment_decision {
            Some(index) if outcome == Outcome::Judgment => match decisions.get(index) {
                Some(decision) => {
                    match lapse_of(decision, index, question.as_deref(), criterion, compiled, cohort, patient) {
                        Some(lapse) => {
                            follow_ups.get_or_insert_with(Box::default).lapsed.push(lapse);
                            (None, None)
                        }
                        None => {
                            if let DecisionKind::Judgment { passes } = decision.kind {
                                outcome = if passes { Outcome::Passes } else { Outcome::Fails };
                            }
                            (Some(index), None)
                        }
                    }
                }
                None => (None, None),
            },
            Some(index) => (None, Some(index)),
            None => (None, None),
        };

        let discretion_start = facts.len();
        let discretion = match &criterion.discretion {
            Some(conditions) if outcome == Outcome::Fails && judgment.is_none() => {
                question = Some(Cow::Borrowed(OVERRIDE_QUESTION));
                let mut evaluator =
                    Evaluator { patient, facts: &mut facts, missing: &mut missing, window: criterion.window };
                let conditions = evaluator.eval(conditions).truth;
                let in_force = override_decision.filter(|&index| {
                    let lapse = decisions.get(index).and_then(|decision| {
                        lapse_of(decision, index, Some(OVERRIDE_QUESTION), criterion, compiled, cohort, patient)
                    });
                    match lapse {
                        Some(lapse) => {
                            follow_ups.get_or_insert_with(Box::default).lapsed.push(lapse);
                            false
                        }
                        None => true,
                    }
                });
                match (conditions, in_force) {
                    (Truth::True, Some(decision)) => {
                        outcome = Outcome::Passes;
                        DiscretionStatus::Applied { decision }
                    }
                    // Conditions that do not hold refuse any override recorded, current or lapsed.
                    (Truth::False, _) => DiscretionStatus::Refused { recorded: override_decision, conditions },
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
        result.outcome = outcome;
        result.truth = eval.truth;
        result.eligible_from = eligible_from;
        result.discretion = discretion;
        result.judgment = judgment;
        result.unneeded_judgment = unneeded_judgment;
        result.not_applicable = not_applicable;
        result.facts = kept(facts_start..facts_end);
        result.discretion_facts = kept(discretion_start..facts.len());
        result.missing = kept(missing_start..missing.len());
        result.question = question;
        result.follow_ups = follow_ups;
    }
    let verdict = verdict(results.iter().map(|r| r.outcome), cohort_missing);
    ProtocolResult { verdict, criteria: results, cohort_missing, cohort: cohort_index, facts, missing }
}

/// The question an override answers.
pub const OVERRIDE_QUESTION: &str = "override";

/// What a judgment on the criterion answers, from the facts that made it await one: the
/// rule's own judgments by their position in the criterion, contradictions by id. Mostly
/// one part, returned as it is; several are sorted and joined by `+`.
fn question_of(facts: &[Fact], criterion: &CompiledCriterion, patient: &PatientFacts<'_>) -> Option<Cow<'static, str>> {
    let mut first: Option<Cow<'static, str>> = None;
    let mut others: Vec<Cow<'static, str>> = Vec::new();
    for fact in facts {
        let Some(part) = question_part(fact, criterion, patient) else { continue };
        match &first {
            None => first = Some(part),
            Some(seen) if *seen == part => {}
            Some(_) => others.push(part),
        }
    }
    if others.is_empty() {
        return first;
    }
    Some(joined_question(first, others))
}

/// The part of a judgment's question one fact asks, if any.
fn question_part(fact: &Fact, criterion: &CompiledCriterion, patient: &PatientFacts<'_>) -> Option<Cow<'static, str>> {
    let knowledge = patient.knowledge;
    let item_id = |item: ItemIdx| knowledge.item(item).map_or_else(|| item.to_string(), |def| def.id.clone());
    let tagged = |tag: &str, id: &str| -> Cow<'static, str> { Cow::Owned([tag, id].concat()) };
    Some(match *fact {
        Fact::Judgment(index) => {
            let position = usize::from(index).saturating_sub(criterion.judgments.start);
            match RULE_QUESTIONS.get(position) {
                Some(question) => Cow::Borrowed(*question),
                None => Cow::Owned(format!("rule:{position}")),
            }
        }
        Fact::Contradiction(index) => tagged("contradiction:", &knowledge.contradictions.get(usize::from(index))?.id),
        Fact::ConflictingResults(kind) => {
            tagged("conflict:", &knowledge.dictionary.test_kinds.get(usize::from(kind))?.id)
        }
        Fact::ChangeOutOfOrder { baseline, .. } => tagged("order:", &item_id(baseline)),
        Fact::Change { baseline, truth: Truth::Judgment, .. } => tagged("measures:", &item_id(baseline)),
        _ => return None,
    })
}

/// A question of several parts: sorted, without repeats, joined by `+`.
#[cold]
fn joined_question(first: Option<Cow<'static, str>>, mut others: Vec<Cow<'static, str>>) -> Cow<'static, str> {
    others.extend(first);
    others.sort();
    others.dedup();
    Cow::Owned(others.join("+"))
}

/// The questions of a criterion's first judgments ("rule:0", …), written once.
const RULE_QUESTIONS: [&str; 8] = ["rule:0", "rule:1", "rule:2", "rule:3", "rule:4", "rule:5", "rule:6", "rule:7"];

/// The facts a decision on a criterion rests on, as they are now: recorded with a new
/// decision.
pub fn decision_basis(
    compiled: &CompiledProtocol,
    position: usize,
    cohort: Option<&str>,
    patient: &PatientFacts<'_>,
) -> Basis {
    let knowledge = patient.knowledge;
    let values = compiled
        .criteria
        .get(position)
        .map(|criterion| {
            criterion
                .reads
                .iter()
                .filter_map(|&item| {
                    let entry = patient.entry(item)?;
                    Some((knowledge.item(item)?.id.clone(), entry.recorded()))
                })
                .collect()
        })
        .unwrap_or_default();
    Basis { version: compiled.protocol.version, cohort: cohort.map(str::to_owned), dates: patient.dates, values }
}

/// Why a recorded decision no longer applies, or `None` while it does: the question it
/// answered and every fact it rested on are unchanged.
fn lapse_of(
    decision: &Decision,
    index: usize,
    question: Option<&str>,
    criterion: &CompiledCriterion,
    compiled: &CompiledProtocol,
    cohort: Option<&str>,
    patient: &PatientFacts<'_>,
) -> Option<Lapse> {
    let question_changed = match (&decision.question, question) {
        (Some(asked), Some(now)) => asked != now,
        (Some(_), None) => true,
        // A format-1 decision answers the criterion's question as it stood: its basis decides.
        (None, _) => false,
    };
    let Some(basis) = &decision.basis else {
        return Some(Lapse { decision: index, changes: Vec::new(), question_changed, basis_unknown: true });
    };
    let now = Present { criterion, compiled, cohort, patient };
    if !question_changed && now.holds(basis) {
        return None;
    }
    Some(Lapse { decision: index, changes: now.changes_since(basis), question_changed, basis_unknown: false })
}

/// What a decision on a criterion rests on, as it stands now.
struct Present<'a, 'p> {
    criterion: &'a CompiledCriterion,
    compiled: &'a CompiledProtocol,
    cohort: Option<&'a str>,
    patient: &'a PatientFacts<'p>,
}

impl Present<'_, '_> {
    /// Whether every fact a decision rested on is as it was: the usual case, checked without
    /// building anything.
    fn holds(&self, basis: &Basis) -> bool {
        basis.version == self.compiled.protocol.version
            && basis.cohort.as_deref() == self.cohort
            && basis.dates == self.patient.dates
            && self.criterion.reads.iter().all(|&item| item_change(basis, item, self.patient).is_none())
    }

    /// What changed of the facts a decision rested on (empty when only its question did).
    #[inline(never)]
    fn changes_since(&self, basis: &Basis) -> Vec<BasisChange> {
        let Self { criterion, compiled, cohort, patient } = *self;
        let mut changes = Vec::new();
        if basis.version != compiled.protocol.version {
            changes.push(BasisChange::Version { old: basis.version, new: compiled.protocol.version });
        }
        if basis.cohort.as_deref() != cohort {
            changes.push(BasisChange::Cohort { old: basis.cohort.clone(), new: cohort.map(str::to_owned) });
        }
        if basis.dates != patient.dates {
            changes.push(BasisChange::Dates { old: basis.dates, new: patient.dates });
        }
        for &item in &criterion.reads {
            if let Some((old, now)) = item_change(basis, item, patient) {
                changes.push(BasisChange::Item { item, old: old.cloned(), new: now.map(|entry| entry.recorded()) });
            }
        }
        changes
    }
}

/// An item's value and date when the decision was recorded and now, when they differ.
fn item_change<'b, 'p>(
    basis: &'b Basis,
    item: ItemIdx,
    patient: &PatientFacts<'p>,
) -> Option<(Option<&'b Recorded>, Option<&'p crate::model::record::Entry>)> {
    let def = patient.knowledge.item(item)?;
    let (old, now) = (basis.values.get(&def.id), patient.entry(item));
    // Compared in place: the value is copied only when it changed.
    let unchanged = match (old, now) {
        (Some(old), Some(now)) => now.is_recorded_as(old),
        (None, None) => true,
        _ => false,
    };
    (!unchanged).then_some((old, now))
}

/// For a criterion's "eligible from" date: the criteria (by position) that pass now on dated
/// results that will be outside their window by then ("labs will need repeating"), found by
/// evaluating them again as if the visit happened on `date`. Stating the date alone would
/// mislead; asked where the date is shown, not with every evaluation (the session browser
/// and the screening log read only verdicts).
pub fn repeat_by_then(
    compiled: &CompiledProtocol,
    patient: &PatientFacts<'_>,
    result: &ProtocolResult,
    date: NaiveDate,
) -> Vec<usize> {
    let mut scratch = Scratch::default();
    let (facts, missing) = scratch.buffers();
    let shifted = patient.shifted_to(date);
    let mut aged = Vec::with_capacity(compiled.criteria.len());
    for (other, criterion) in compiled.criteria.iter().enumerate() {
        let passes_now =
            result.criteria.get(other).is_some_and(|r| r.outcome == Outcome::Passes && r.judgment.is_none());
        let in_scope = criterion.cohort.is_none_or(|wanted| Some(wanted) == result.cohort);
        // Only a dated result can age out of its window.
        if !passes_now || !in_scope || !criterion.reads_dated_results {
            continue;
        }
        facts.clear();
        missing.clear();
        let mut evaluator = Evaluator { patient: &shifted, facts, missing, window: criterion.window };
        let truth = evaluator.eval(&criterion.rule).truth;
        if truth == Truth::Unknown && facts.iter().any(|f| matches!(f, Fact::NotCounted { .. })) {
            aged.push(other);
        }
    }
    aged
}

/// The dictionary's contradictions that hold for the patient, and the test kinds whose
/// results disagree.
fn active_contradictions(patient: &PatientFacts<'_>, window: crate::model::rule::Period) -> Vec<ActiveContradiction> {
    let knowledge = patient.knowledge;
    let mut active = Vec::new();
    for (index, contradiction) in knowledge.contradictions.iter().enumerate() {
        let mut facts = Vec::new();
        let mut missing = Vec::new();
        let mut evaluator = Evaluator { patient, facts: &mut facts, missing: &mut missing, window };
        let holds = contradiction.sides.iter().all(|side| evaluator.eval(side).truth == Truth::True);
        if holds {
            facts.insert(0, Fact::Contradiction(u16::try_from(index).unwrap_or(u16::MAX)));
            active.push(ActiveContradiction { contradiction: Some(index), items: Vec::new(), facts });
        }
    }
    for kind in 0..knowledge.dictionary.test_kinds.len() {
        if let Some(items) = patient.conflicting_results(kind, |item| patient.result_status(item, window).is_none()) {
            let mut facts = vec![Fact::ConflictingResults(u8::try_from(kind).unwrap_or(u8::MAX))];
            facts.extend(items.iter().map(|item| Fact::Answer { item: *item, truth: Truth::Unknown }));
            active.push(ActiveContradiction { contradiction: None, items, facts });
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
    scratch: &mut Scratch,
) -> Option<NaiveDate> {
    let (facts, missing) = scratch.buffers();
    for _ in 0..ELIGIBLE_FROM_ATTEMPTS {
        facts.clear();
        missing.clear();
        let shifted = patient.shifted_to(candidate);
        let mut evaluator = Evaluator { patient: &shifted, facts, missing, window: criterion.window };
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
    }
    None
}

thread_local! {
    /// The buffers for evaluating criteria again on another day, kept between evaluations
    /// on a thread: an evaluation that needs them allocates nothing once they have grown.
    static BUFFERS: std::cell::Cell<Buffers> = std::cell::Cell::new(Buffers::default());
}

/// Buffers for evaluating criteria again on another day ("eligible from", evidence that
/// will have aged out), reused across the criteria of one evaluation: the thread's, taken at
/// the first use (most evaluations need none) and given back when the evaluation ends.
#[derive(Default)]
struct Scratch {
    taken: Option<Buffers>,
}

/// The facts and missing items of one criterion evaluated again.
#[derive(Default)]
struct Buffers {
    facts: Vec<Fact>,
    missing: Vec<ItemIdx>,
}

impl Scratch {
    /// The buffers, emptied, with room for a criterion's facts.
    fn buffers(&mut self) -> (&mut Vec<Fact>, &mut Vec<ItemIdx>) {
        let Buffers { facts, missing } = self.taken.get_or_insert_with(|| BUFFERS.take());
        facts.clear();
        missing.clear();
        facts.reserve(32);
        missing.reserve(16);
        (facts, missing)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(buffers) = self.taken.take() {
            BUFFERS.set(buffers);
        }
    }
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
