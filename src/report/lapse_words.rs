//! A decision that lapsed, in words: why it no longer resolves its criterion ("decision
//! out of date — values changed since it was recorded") and each fact it rested on, then
//! and now ("Platelet count 52 ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28"). The board,
//! the printout and `evaluate` say it with these words.

use crate::engine::compile::CompiledProtocol;
use crate::engine::explain::separator;
use crate::engine::knowledge::Knowledge;
use crate::engine::protocol_eval::{BasisChange, Lapse};
use crate::i18n::{text, text_with, word};
use crate::model::record::{Entry, Recorded, ReferenceDates};
use crate::report::value_text::value_change;

/// Why a recorded decision no longer applies, and what changed since it was recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LapseNote {
    /// Why it lapsed, each in a few words: "values changed since it was recorded", "it
    /// answers another question now", "the facts it was made on cannot be shown".
    pub why: Vec<&'static str>,
    /// Each fact it rested on that changed, old → new.
    pub changes: Vec<BasisChangeWords>,
}

/// One fact a decision rested on, then and now, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisChangeWords {
    /// The dictionary item, for an item's value.
    pub item: Option<String>,
    /// What it is: the item's label, "enrollment / first dose", "cohort", "protocol version".
    pub what: String,
    /// What it was when the decision was made.
    pub old: String,
    /// What it is now.
    pub new: String,
}

/// The message id of: values (or dates, cohort, version) the decision rested on changed.
pub const VALUES_CHANGED: &str = "lapse-values-changed";
/// The message id of: the criterion asks another question than the one decided.
pub const QUESTION_CHANGED: &str = "lapse-question-changed";
/// The message id of: a format-1 decision whose entry is not in the trail.
pub const BASIS_UNKNOWN: &str = "lapse-basis-unknown";

impl LapseNote {
    /// The note of a lapse of a decision on a criterion of `compiled`.
    pub fn of(lapse: &Lapse, compiled: &CompiledProtocol, knowledge: &Knowledge) -> Self {
        let Lapse { decision: _, changes, question_changed, basis_unknown } = lapse;
        let mut why = Vec::new();
        if !changes.is_empty() {
            why.push(word(VALUES_CHANGED));
        }
        if *question_changed {
            why.push(word(QUESTION_CHANGED));
        }
        if *basis_unknown {
            why.push(word(BASIS_UNKNOWN));
        }
        let changes = changes.iter().flat_map(|change| change_words(change, compiled, knowledge)).collect();
        Self { why, changes }
    }

    /// "decision out of date — values changed since it was recorded".
    pub fn headline(&self) -> String {
        text_with("lapse-headline", &[("why", self.why.join(&separator()))])
    }

    /// Why, then every change: "values changed since it was recorded: Platelet count 52
    /// ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28".
    pub fn details(&self) -> String {
        let why = self.why.join(&separator());
        if self.changes.is_empty() {
            return why;
        }
        let changes: Vec<String> = self.changes.iter().map(BasisChangeWords::text).collect();
        text_with("lapse-details", &[("why", why), ("changes", changes.join(&separator()))])
    }

    /// The headline and every change, in one sentence.
    pub fn sentence(&self) -> String {
        text_with("lapse-headline", &[("why", self.details())])
    }
}

impl BasisChangeWords {
    /// "Platelet count 52 ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28".
    pub fn text(&self) -> String {
        format!("{} {} → {}", self.what, self.old, self.new)
    }
}

fn change_words(change: &BasisChange, compiled: &CompiledProtocol, knowledge: &Knowledge) -> Vec<BasisChangeWords> {
    let words = |what: &str, old: String, new: String| BasisChangeWords { item: None, what: what.to_owned(), old, new };
    match change {
        BasisChange::Item { item, old, new } => {
            let id = knowledge.item(*item).map_or_else(|| item.to_string(), |def| def.id.clone());
            let entry = |recorded: &Option<Recorded>| {
                recorded.as_ref().map(|Recorded { value, date }| Entry::dated(value.clone(), *date))
            };
            let (old, new) = value_change(knowledge, &id, entry(old).as_ref(), entry(new).as_ref());
            vec![BasisChangeWords { item: Some(id), what: knowledge.item_label(*item).to_owned(), old, new }]
        }
        BasisChange::Dates { old, new } => {
            dates_changed(old, new).into_iter().map(|(what, old, new)| words(&text(what), old, new)).collect()
        }
        BasisChange::Cohort { old, new } => {
            let label = |cohort: &Option<String>| match cohort {
                Some(id) => compiled
                    .protocol
                    .cohorts
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or_else(|| id.clone(), |c| c.label.clone()),
                None => text("lapse-no-cohort"),
            };
            vec![words(&text("lapse-cohort"), label(old), label(new))]
        }
        BasisChange::Version { old, new } => {
            vec![words(&text("lapse-protocol-version"), old.to_string(), new.to_string())]
        }
    }
}

/// The reference dates that differ, each old → new.
fn dates_changed(old: &ReferenceDates, new: &ReferenceDates) -> Vec<(&'static str, String, String)> {
    let ReferenceDates { screening, consent, enrollment } = old;
    let optional =
        |date: Option<chrono::NaiveDate>, none: &str| date.map_or_else(|| none.to_owned(), |d| d.to_string());
    let mut changed = Vec::new();
    if *screening != new.screening {
        changed.push(("lapse-screening-date", screening.to_string(), new.screening.to_string()));
    }
    if *consent != new.consent {
        let none = text("date-not-entered");
        changed.push(("lapse-consent-date", optional(*consent, &none), optional(new.consent, &none)));
    }
    if *enrollment != new.enrollment {
        let none = text("date-not-yet-known");
        let (old, new) = (optional(*enrollment, &none), optional(new.enrollment, &none));
        changed.push(("lapse-enrollment", old, new));
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_dates_that_changed_are_named() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d);
        let old = ReferenceDates { screening: day(2).unwrap_or_default(), consent: day(2), enrollment: day(30) };
        let new = ReferenceDates { enrollment: None, ..old };
        assert_eq!(
            dates_changed(&old, &new),
            vec![("lapse-enrollment", "2026-11-30".to_owned(), "not yet known".to_owned())]
        );
    }

    #[test]
    fn the_headline_says_each_reason() {
        let note = LapseNote { why: vec![word(VALUES_CHANGED), word(QUESTION_CHANGED)], changes: Vec::new() };
        assert_eq!(
            note.sentence(),
            "decision out of date — values changed since it was recorded; it answers another question now"
        );
    }
}
