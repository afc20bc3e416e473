//! What the checklist instruments share: checking answers against the items, adding up
//! weighted items by domain with a range for the unassessed ones, and deciding a
//! classification behind its entry and exclusion gates.
//!
//! Every aggregation here (a sum, the highest item of a domain, a cap) is monotone, so
//! the lowest score over all completions sets each unassessed item to its lowest answer
//! and the highest score sets each to its highest. An unassessed item matters exactly
//! when raising it alone, everything else at its lowest, raises the total: a domain's
//! highest item and a capped sum both give an item the most room when the others are low.

use crate::i18n::{text, text_with};
use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::{
    Answer, AnswerKind, Answers, AssessmentError, Classification, Contribution, InstrumentId, InstrumentReport,
    ItemSpec, ScoreOptions,
};

/// Whether an instrument lets a protocol leave items out of its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Excluding {
    Allowed,
    NotSupported,
}

/// A present / absent item, verified against the primary reference.
pub(crate) const fn presence(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    points: &'static str,
) -> ItemSpec {
    ItemSpec { key, label, group: Some(group), answer: AnswerKind::Presence, points, verified: true }
}

/// A graded item taking one of `allowed`.
pub(crate) const fn level(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    allowed: &'static [u8],
    points: &'static str,
) -> ItemSpec {
    ItemSpec { key, label, group: Some(group), answer: AnswerKind::Level { allowed }, points, verified: true }
}

/// The same item, marked unverified against the official form.
pub(crate) const fn unverified(spec: ItemSpec) -> ItemSpec {
    ItemSpec { verified: false, ..spec }
}

/// An item and the number its instrument scores it with (a weight, a multiplier, a
/// score in tenths); `spec.points` shows the same number to people.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Weighted {
    pub spec: ItemSpec,
    pub weight: u32,
}

/// A present / absent item worth `weight`, shown as `points`.
pub(crate) const fn weighted(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    weight: u32,
    points: &'static str,
) -> Weighted {
    Weighted { spec: presence(key, label, group, points), weight }
}

/// The specs of a table of weighted items, for `InstrumentId::items`.
pub(crate) fn specs_of(rows: &[Weighted]) -> Vec<ItemSpec> {
    specs_after(&[], rows)
}

/// Unscored items (entry criteria, exclusions) followed by a table of weighted items.
pub(crate) fn specs_after(first: &[ItemSpec], rows: &[Weighted]) -> Vec<ItemSpec> {
    first.iter().copied().chain(rows.iter().map(|row| row.spec)).collect()
}

/// `first`, then `rest` with `inserted` placed before the item keyed `before` (at the
/// end when no item has that key): a graded or selector item inside a table of rows.
pub(crate) fn with_inserted(
    first: &[ItemSpec],
    rest: impl IntoIterator<Item = ItemSpec>,
    inserted: ItemSpec,
    before: &str,
) -> Vec<ItemSpec> {
    let mut specs = first.to_vec();
    let mut pending = Some(inserted);
    for spec in rest {
        if spec.key == before {
            specs.extend(pending.take());
        }
        specs.push(spec);
    }
    specs.extend(pending);
    specs
}

/// A lazily built list of item specs that lives for the whole program.
pub(crate) type SpecList = LazyLock<Vec<ItemSpec>>;

/// One assessment's answers, checked against its instrument's items.
pub(crate) struct Sheet<'a> {
    pub instrument: InstrumentId,
    answers: &'a Answers,
    excluded: BTreeSet<&'static str>,
}

impl<'a> Sheet<'a> {
    /// Checks every answer against its item and every left-out key against the items.
    pub fn new(
        instrument: InstrumentId,
        answers: &'a Answers,
        options: &ScoreOptions,
        excluding: Excluding,
    ) -> Result<Self, AssessmentError> {
        let name = instrument;
        let find = |key: &str| {
            instrument.item(key).ok_or_else(|| AssessmentError::UnknownItem { instrument: name, key: key.to_owned() })
        };
        for (key, answer) in answers {
            let spec = find(key)?;
            if !spec.answer.accepts(*answer) {
                return Err(AssessmentError::InvalidAnswer {
                    instrument: name,
                    key: spec.key,
                    answer: answer.to_string(),
                });
            }
        }
        if excluding == Excluding::NotSupported && !options.excluding.is_empty() {
            return Err(AssessmentError::ExcludingNotSupported { instrument: name });
        }
        let excluded = options.excluding.iter().map(|key| find(key).map(|spec| spec.key)).collect::<Result<_, _>>()?;
        Ok(Self { instrument, answers, excluded })
    }

    /// The answer to `key`, if assessed.
    pub fn answer(&self, key: &str) -> Option<Answer> {
        self.answers.get(key).copied()
    }

    /// `Some(true)` present, `Some(false)` absent, `None` not assessed.
    pub fn presence(&self, key: &str) -> Option<bool> {
        match self.answer(key) {
            Some(Answer::Present) => Some(true),
            Some(Answer::Absent) => Some(false),
            _ => None,
        }
    }

    /// The level answered for `key`, if assessed.
    pub fn level(&self, key: &str) -> Option<u8> {
        match self.answer(key) {
            Some(Answer::Level(level)) => Some(level),
            _ => None,
        }
    }

    /// The number answered for `key`, if assessed.
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.answer(key) {
            Some(Answer::Number(value)) => Some(value),
            _ => None,
        }
    }

    /// Whether the protocol left `key` out of the score.
    pub fn is_excluded(&self, key: &str) -> bool {
        self.excluded.contains(key)
    }

    /// Three-valued "any of these is present": `Some(false)` only when all are absent.
    pub fn any_present(&self, keys: &[&'static str]) -> Option<bool> {
        let answers: Vec<Option<bool>> = keys.iter().map(|key| self.presence(key)).collect();
        if answers.contains(&Some(true)) {
            Some(true)
        } else if answers.contains(&None) {
            None
        } else {
            Some(false)
        }
    }

    /// The keys among `keys` not assessed.
    pub fn unanswered(&self, keys: &[&'static str]) -> Vec<&'static str> {
        keys.iter().copied().filter(|key| self.answer(key).is_none()).collect()
    }

    /// The error for two answers that cannot both hold: the item named as the reader reads
    /// it, and `reason` already in the reader's language.
    pub fn inconsistent(&self, key: &'static str, reason: impl Into<String>) -> AssessmentError {
        AssessmentError::Inconsistent { instrument: self.instrument, key: self.label(key), reason: reason.into() }
    }

    /// An item's label in the reader's language (its key when the instrument has no such
    /// item).
    pub fn label(&self, key: &'static str) -> &'static str {
        self.instrument
            .items()
            .iter()
            .find(|spec| spec.key == key)
            .map_or(key, |spec| crate::calculators::instrument_words::item_label(self.instrument, spec))
    }

    /// The points of a present / absent item worth `weight`.
    pub fn presence_points(&self, spec: &'static ItemSpec, weight: u32) -> ItemPoints {
        match self.presence(spec.key) {
            Some(true) => ItemPoints::exactly(spec, weight),
            Some(false) => ItemPoints::exactly(spec, 0),
            None => ItemPoints { spec, low: 0, high: weight },
        }
    }

    /// The points of a graded item: its level times `multiplier`; unassessed, any of its
    /// allowed levels.
    pub fn level_points(&self, spec: &'static ItemSpec, multiplier: u32) -> ItemPoints {
        let allowed: &[u8] = match spec.answer {
            AnswerKind::Level { allowed } => allowed,
            _ => &[],
        };
        let points = |level: u8| u32::from(level) * multiplier;
        match self.level(spec.key) {
            Some(level) => ItemPoints::exactly(spec, points(level)),
            None => ItemPoints {
                spec,
                low: allowed.iter().copied().min().map_or(0, points),
                high: allowed.iter().copied().max().map_or(0, points),
            },
        }
    }

    /// The points of every weighted item the protocol did not leave out, read by `read`.
    pub fn points_of(
        &self,
        rows: &'static [Weighted],
        read: impl Fn(&Self, &'static ItemSpec, u32) -> ItemPoints,
    ) -> Vec<ItemPoints> {
        rows.iter().filter(|row| !self.is_excluded(row.spec.key)).map(|row| read(self, &row.spec, row.weight)).collect()
    }

    /// The report of a tally in points of `1 / scale` (scale 10 for scores in tenths).
    pub fn report(&self, tally: &Tally, scale: f64) -> InstrumentReport {
        let mut notes = tally.notes.clone();
        if !self.excluded.is_empty() {
            let labels: Vec<&str> = self
                .instrument
                .items()
                .iter()
                .filter(|spec| self.excluded.contains(spec.key))
                .map(|spec| crate::calculators::instrument_words::item_label(self.instrument, spec))
                .collect();
            notes.push(text_with("instrument-left-out", &[("items", labels.join(&text("instrument-list-separator")))]));
        }
        InstrumentReport {
            instrument: self.instrument,
            min: f64::from(tally.min) / scale,
            max: f64::from(tally.max) / scale,
            contributions: tally
                .counted
                .iter()
                .map(|(spec, points)| Contribution {
                    key: spec.key,
                    label: spec.label,
                    points: f64::from(*points) / scale,
                })
                .collect(),
            unassessed: tally.open.clone(),
            classification: None,
            category: None,
            notes,
            published_score: None,
        }
    }
}

/// How a domain, category or section combines the points of its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Combine {
    /// Every item counts.
    Sum,
    /// Only the highest item counts (one per domain).
    Highest,
}

/// How one group of items is scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GroupRule {
    pub combine: Combine,
    /// The most the group can add to the total.
    pub cap: Option<u32>,
}

impl GroupRule {
    /// Every item counts, without a cap.
    pub const SUM: Self = Self { combine: Combine::Sum, cap: None };
    /// Only the highest item counts.
    pub const HIGHEST: Self = Self { combine: Combine::Highest, cap: None };
}

/// One item's points in whole units of the instrument: exactly `low` when assessed,
/// anything in `low..=high` when not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ItemPoints {
    pub spec: &'static ItemSpec,
    pub low: u32,
    pub high: u32,
}

impl ItemPoints {
    /// An item whose points are known.
    pub fn exactly(spec: &'static ItemSpec, points: u32) -> Self {
        Self { spec, low: points, high: points }
    }
}

/// The total of a set of items: its range, what counted, what is still open.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tally {
    pub min: u32,
    pub max: u32,
    /// Items that counted towards `min`, with their points, in item order.
    pub counted: Vec<(&'static ItemSpec, u32)>,
    /// Unassessed items that could raise the total, in item order.
    pub open: Vec<&'static str>,
    /// The one-per-domain rule and caps as applied, one sentence each.
    pub notes: Vec<String>,
}

/// Adds up `items` group by group (items share a group when their specs name the same
/// one; an item without a group stands alone), each group scored by `rule`.
/// The instrument an item belongs to (items are statics of one instrument each).
fn owner(spec: &'static ItemSpec) -> Option<InstrumentId> {
    InstrumentId::all().iter().copied().find(|id| id.items().iter().any(|item| std::ptr::eq(item, spec)))
}

/// An item's name in the reader's language.
fn item_name(spec: &'static ItemSpec) -> String {
    owner(spec).map_or(spec.label, |id| crate::calculators::instrument_words::item_label(id, spec)).to_owned()
}

pub(crate) fn tally(items: &[ItemPoints], rule: impl Fn(Option<&str>) -> GroupRule) -> Tally {
    let groups = groups_of(items);
    let total = |pick: &dyn Fn(usize, &ItemPoints) -> u32| -> u32 {
        groups
            .iter()
            .map(|(group, members)| group_points(rule(*group), members.iter().map(|&(i, item)| pick(i, item))))
            .sum()
    };
    let min = total(&|_, item| item.low);
    let max = total(&|_, item| item.high);
    let open = items
        .iter()
        .enumerate()
        .filter(|(i, item)| {
            item.high > item.low && total(&|j, other| if j == *i { other.high } else { other.low }) > min
        })
        .map(|(_, item)| item.spec.key)
        .collect();
    let mut counted = Vec::new();
    let mut notes = Vec::new();
    for (group, members) in &groups {
        let rule = rule(*group);
        let present: Vec<&ItemPoints> = members.iter().map(|(_, item)| *item).filter(|item| item.low > 0).collect();
        let kept: Vec<&ItemPoints> = match rule.combine {
            Combine::Sum => present.clone(),
            Combine::Highest => present
                .iter()
                .copied()
                .max_by_key(|item| (item.low, std::cmp::Reverse(position(items, item))))
                .into_iter()
                .collect(),
        };
        let name = match (*group, members.first()) {
            (Some(group), Some((_, first))) => owner(first.spec)
                .map_or(group, |id| crate::calculators::instrument_words::group_label(id, group))
                .to_owned(),
            _ => text("instrument-this-item"),
        };
        let uncounted = present.iter().filter(|item| !kept.iter().any(|k| k.spec.key == item.spec.key));
        for item in uncounted.filter(|item| item.spec.answer == AnswerKind::Presence) {
            notes.push(text_with("instrument-not-highest", &[("item", item_name(item.spec)), ("group", name.clone())]));
        }
        let raw: u32 = kept.iter().map(|item| item.low).sum();
        if let Some(cap) = rule.cap.filter(|cap| raw > *cap) {
            notes.push(text_with(
                "instrument-capped",
                &[("group", name.clone()), ("raw", raw.to_string()), ("cap", cap.to_string())],
            ));
        }
        counted.extend(kept.iter().map(|item| (item.spec, item.low)));
    }
    counted.sort_by_key(|(spec, _)| items.iter().position(|item| item.spec.key == spec.key));
    Tally { min, max, counted, open, notes }
}

fn position(items: &[ItemPoints], item: &ItemPoints) -> usize {
    items.iter().position(|other| other.spec.key == item.spec.key).unwrap_or(usize::MAX)
}

type Group<'i> = (Option<&'static str>, Vec<(usize, &'i ItemPoints)>);

fn groups_of(items: &[ItemPoints]) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let shared = item.spec.group.and_then(|name| groups.iter_mut().find(|(group, _)| *group == Some(name)));
        match shared {
            Some((_, members)) => members.push((i, item)),
            None => groups.push((item.spec.group, vec![(i, item)])),
        }
    }
    groups
}

fn group_points(rule: GroupRule, points: impl Iterator<Item = u32>) -> u32 {
    let combined = match rule.combine {
        Combine::Sum => points.sum(),
        Combine::Highest => points.max().unwrap_or(0),
    };
    rule.cap.map_or(combined, |cap| combined.min(cap))
}

/// A condition in front of a classification's score rule: the entry criterion, or the
/// absence of the instrument's exclusions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Gate {
    /// `Some(true)` passed, `Some(false)` failed, `None` not yet known.
    pub passes: Option<bool>,
    /// The decision when the gate fails.
    pub otherwise: Classification,
    /// The unassessed items that decide the gate.
    pub open: Vec<&'static str>,
}

impl Gate {
    /// A gate passed when any of `keys` is present (an entry criterion).
    pub fn any_present(sheet: &Sheet<'_>, keys: &[&'static str], otherwise: Classification) -> Self {
        Self { passes: sheet.any_present(keys), otherwise, open: sheet.unanswered(keys) }
    }

    /// A gate passed when all of `keys` are absent (the exclusions).
    pub fn all_absent(sheet: &Sheet<'_>, keys: &[&'static str], otherwise: Classification) -> Self {
        Self { passes: sheet.any_present(keys).map(|any| !any), otherwise, open: sheet.unanswered(keys) }
    }
}

/// The decision of gates checked in order, then the score rule's `by_score`, and the
/// unassessed gate items that could still change it. The decision is `Undetermined`
/// whenever the gates not yet known leave more than one outcome possible.
pub(crate) fn decide(gates: &[Gate], by_score: Classification) -> (Classification, Vec<&'static str>) {
    let mut outcomes = Vec::new();
    let mut open = Vec::new();
    let mut reaches_score = true;
    for gate in gates {
        match gate.passes {
            Some(true) => {}
            Some(false) => {
                outcomes.push(gate.otherwise);
                reaches_score = false;
                break;
            }
            None => {
                outcomes.push(gate.otherwise);
                open.extend(gate.open.iter().copied());
            }
        }
    }
    if reaches_score {
        outcomes.push(by_score);
    }
    let first = outcomes.first().copied().unwrap_or(by_score);
    if outcomes.iter().all(|outcome| *outcome == first) {
        (first, Vec::new())
    } else {
        (Classification::Undetermined, open)
    }
}

/// The report of a classification: the gates in order, then `by_score`; `rule` states
/// the criteria in one sentence.
pub(crate) fn classification_report(
    sheet: &Sheet<'_>,
    tally: &Tally,
    gates: &[Gate],
    by_score: Classification,
    rule: &str,
) -> InstrumentReport {
    let (classification, open) = decide(gates, by_score);
    let mut report = sheet.report(tally, 1.0);
    add_unassessed(&mut report, &open);
    report.classification = Some(classification);
    report.notes.insert(0, rule.to_owned());
    report
}

/// The report of an instrument that adds up graded items (muscle grades, skin scores);
/// `rule` states the scoring in one sentence.
pub(crate) fn sum_of_levels(
    instrument: InstrumentId,
    answers: &Answers,
    options: &ScoreOptions,
    rule: String,
) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(instrument, answers, options, Excluding::NotSupported)?;
    let points: Vec<ItemPoints> = instrument.items().iter().map(|spec| sheet.level_points(spec, 1)).collect();
    let mut report = sheet.report(&tally(&points, |_| GroupRule::SUM), 1.0);
    report.notes.insert(0, rule);
    Ok(report)
}

/// The decision of "score ≥ threshold" over the range `min..=max`.
pub(crate) fn at_least(min: u32, max: u32, threshold: u32) -> Classification {
    if min >= threshold {
        Classification::Classified
    } else if max < threshold {
        Classification::NotClassified
    } else {
        Classification::Undetermined
    }
}

/// Adds `keys` to the report's unassessed items, keeping the instrument's item order.
pub(crate) fn add_unassessed(report: &mut InstrumentReport, keys: &[&'static str]) {
    let items = report.instrument.items();
    let mut all: Vec<&'static str> = report.unassessed.iter().chain(keys).copied().collect();
    all.sort_by_key(|key| items.iter().position(|spec| spec.key == *key));
    all.dedup();
    report.unassessed = all;
}

/// One report for an assessment that two variants of the instrument could score (with or
/// without a muscle biopsy, persistent or new/worse), when `selector` does not say which:
/// the range covers both, and a decision stands only where both agree.
pub(crate) fn either_variant(selector: &'static str, a: InstrumentReport, b: InstrumentReport) -> InstrumentReport {
    // Unless both variants are settled and agree, some completion scores differently in them.
    let settled_alike =
        a.exact().is_some() && (a.exact(), a.classification, a.category) == (b.exact(), b.classification, b.category);
    let decides = !settled_alike;
    let (mut low, high) = if b.min < a.min { (b, a) } else { (a, b) };
    low.max = low.max.max(high.max);
    if low.classification != high.classification {
        low.classification = Some(Classification::Undetermined);
    }
    if low.category != high.category {
        low.category = None;
    }
    let extra: Vec<&'static str> = high.unassessed.iter().copied().chain(decides.then_some(selector)).collect();
    add_unassessed(&mut low, &extra);
    let label = low
        .instrument
        .item(selector)
        .map_or(selector, |spec| crate::calculators::instrument_words::item_label(low.instrument, spec));
    low.notes.push(text_with("instrument-either-variant", &[("item", label.to_owned())]));
    low
}

/// Formats a score for notes: whole numbers without decimals, tenths with one.
pub(crate) fn format_points(points: f64) -> String {
    if points.fract() == 0.0 { format!("{points:.0}") } else { format!("{points:.1}") }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers the instruments' tests share.

    use super::super::{Answer, Answers, InstrumentId, InstrumentReport, ScoreOptions};

    /// Answers with `present` present and every other presence item absent.
    pub fn only_present(instrument: InstrumentId, present: &[&str]) -> Answers {
        for key in present {
            assert!(instrument.item(key).is_some(), "{instrument}: no item {key}");
        }
        instrument
            .items()
            .iter()
            .filter(|spec| spec.answer == super::AnswerKind::Presence)
            .map(|spec| {
                let answer = if present.contains(&spec.key) { Answer::Present } else { Answer::Absent };
                (spec.key.to_owned(), answer)
            })
            .collect()
    }

    /// Answers with only `present` assessed (present); everything else unassessed.
    pub fn partial(present: &[&str]) -> Answers {
        present.iter().map(|key| ((*key).to_owned(), Answer::Present)).collect()
    }

    /// Evaluates with default options, panicking on an error (tests only).
    pub fn assess(instrument: InstrumentId, answers: &Answers) -> InstrumentReport {
        instrument.evaluate(answers, &ScoreOptions::default()).unwrap()
    }

    /// Asserts every row's `points` text shows its weight as `format` writes it.
    pub fn assert_points_text(rows: &[super::Weighted], format: impl Fn(u32) -> String) {
        for row in rows {
            assert_eq!(row.spec.points, format(row.weight), "{}", row.spec.key);
        }
    }
}
