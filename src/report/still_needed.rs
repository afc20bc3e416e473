//! What is still needed, and why: each item that would help decide an undecided criterion,
//! with the short reason it does not count yet ("Blood pregnancy test — enter the sample
//! date"). The board's list, the printout and `evaluate` all say it with these words.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::evaluate::NotCounted;
use crate::engine::fact::Fact;
use crate::engine::knowledge::{ItemIdx, Knowledge};
use crate::engine::protocol_eval::{Outcome, ProtocolResult};
use crate::engine::truth::Truth;

/// Why an entered item does not settle its criteria yet, and so what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NeedReason {
    /// A result without the date of its sample.
    Undated,
    /// A result dated before its window opens.
    TooOld,
    /// A result dated after today.
    AfterToday,
    /// A result dated after the first dose: not screening evidence.
    AfterFirstDose,
    /// A result dated outside its window another way (before screening, where "during
    /// screening" is asked).
    OutsideWindow,
    /// The treatment history is not attested complete, so absence proves nothing.
    NotAttested,
    /// The treatment history changed after it was attested complete.
    ChangedSinceAttested,
    /// A treatment row lacks a date (start, last dose, "unchanged since") or dose a window
    /// or combination needs.
    RowDetails,
}

impl NeedReason {
    /// The reason in a few words, saying what to do.
    pub fn words(self) -> &'static str {
        crate::i18n::word(match self {
            Self::Undated => "need-undated",
            Self::TooOld => "need-too-old",
            Self::AfterToday => "need-after-today",
            Self::AfterFirstDose => "need-after-first-dose",
            Self::OutsideWindow => "need-outside-window",
            Self::NotAttested => "need-not-attested",
            Self::ChangedSinceAttested => "need-changed-since-attested",
            Self::RowDetails => "need-row-details",
        })
    }

    /// Whether what is needed is the investigator's attestation that the list is complete
    /// (the still-needed list then leads to the attestation control, not to the list).
    pub fn is_attestation(self) -> bool {
        matches!(self, Self::NotAttested | Self::ChangedSinceAttested)
    }

    fn of_not_counted(reason: NotCounted) -> Self {
        match reason {
            NotCounted::Undated => Self::Undated,
            NotCounted::TooOld => Self::TooOld,
            NotCounted::AfterToday => Self::AfterToday,
            NotCounted::AfterEnrollment => Self::AfterFirstDose,
            NotCounted::Outside => Self::OutsideWindow,
        }
    }
}

/// An item still needed: how many undecided criteria it would help decide, and why the
/// value entered (if any) does not count yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeededItem {
    /// The item needed.
    pub item: ItemIdx,
    /// How many undecided criteria it would help decide.
    pub criteria: usize,
    /// Empty when the item is simply not entered.
    pub reasons: Vec<NeedReason>,
}

impl NeededItem {
    /// "Blood pregnancy test (1) — enter the sample date"; "Haemoglobin (1)".
    pub fn words(&self, label: &str) -> String {
        needed_words(label, self.criteria, &self.reasons)
    }

    /// The reasons in words, joined by commas (a list of items is joined by semicolons):
    /// "attest it complete, a row needs its dates or dose".
    pub fn reason_words(&self) -> String {
        reason_words(&self.reasons)
    }

    /// Whether the item needs the investigator's attestation (see [`NeedReason::is_attestation`]).
    pub fn needs_attestation(&self) -> bool {
        self.reasons.iter().any(|reason| reason.is_attestation())
    }
}

/// "Blood pregnancy test (1) — enter the sample date".
pub fn needed_words(label: &str, criteria: usize, reasons: &[NeedReason]) -> String {
    let (label, criteria) = (("label", label.to_owned()), ("criteria", criteria.to_string()));
    if reasons.is_empty() {
        crate::i18n::text_with("needed-item", &[label, criteria])
    } else {
        crate::i18n::text_with("needed-item-why", &[label, criteria, ("reasons", reason_words(reasons))])
    }
}

fn reason_words(reasons: &[NeedReason]) -> String {
    reasons.iter().map(|reason| reason.words()).collect::<Vec<_>>().join(&crate::engine::explain::list_separator())
}

/// The items still needed by the protocols' undecided criteria, with why: counts summed
/// over the protocols, most useful first, then in dictionary order (as
/// [`ProtocolResult::still_needed`] ranks one protocol's).
pub fn still_needed<'r>(
    knowledge: &Knowledge,
    results: impl IntoIterator<Item = &'r ProtocolResult>,
) -> Vec<NeededItem> {
    let mut counts: BTreeMap<ItemIdx, usize> = BTreeMap::new();
    let mut reasons: BTreeMap<ItemIdx, BTreeSet<NeedReason>> = BTreeMap::new();
    for result in results {
        for (item, count) in result.still_needed() {
            *counts.entry(item).or_default() += count;
        }
        for (item, reason) in reasons_of(knowledge, result) {
            reasons.entry(item).or_default().insert(reason);
        }
    }
    let mut ranked: Vec<(ItemIdx, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(item, criteria)| NeededItem {
            item,
            criteria,
            reasons: reasons.remove(&item).map(|set| set.into_iter().collect()).unwrap_or_default(),
        })
        .collect()
}

/// Why each needed item of the undecided criteria does not count yet, from the facts the
/// engine recorded for them.
fn reasons_of(knowledge: &Knowledge, result: &ProtocolResult) -> Vec<(ItemIdx, NeedReason)> {
    let history = knowledge.item_idx("treatment_history");
    let mut found = Vec::new();
    for criterion in &result.criteria {
        if !matches!(criterion.outcome, Outcome::Missing | Outcome::Judgment) {
            continue;
        }
        let needed = result.missing_of(criterion);
        for fact in result.facts_of(criterion) {
            let reason = match *fact {
                Fact::NotCounted { item, reason, .. } => Some((item, NeedReason::of_not_counted(reason))),
                Fact::ListNotAttested { lapsed } => history.map(|item| {
                    (item, if lapsed { NeedReason::ChangedSinceAttested } else { NeedReason::NotAttested })
                }),
                Fact::Exposure { truth: Truth::Unknown, .. } | Fact::Overlap { truth: Truth::Unknown, .. } => {
                    history.map(|item| (item, NeedReason::RowDetails))
                }
                _ => None,
            };
            // Only items the criterion still needs: a fact may also describe what decided.
            if let Some((item, reason)) = reason.filter(|(item, _)| needed.contains(item)) {
                found.push((item, reason));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_without_a_reason_reads_as_before() {
        assert_eq!(needed_words("Haemoglobin", 1, &[]), "Haemoglobin (1)");
        assert_eq!(
            needed_words("Blood pregnancy test", 2, &[NeedReason::Undated]),
            "Blood pregnancy test (2) — enter the sample date"
        );
        assert_eq!(
            needed_words("Treatment history", 3, &[NeedReason::NotAttested, NeedReason::RowDetails]),
            "Treatment history (3) — attest it complete, a row needs its dates or dose"
        );
    }

    #[test]
    fn attestation_reasons_lead_to_the_attestation() {
        assert!(NeedReason::NotAttested.is_attestation());
        assert!(NeedReason::ChangedSinceAttested.is_attestation());
        assert!(!NeedReason::Undated.is_attestation());
    }
}
