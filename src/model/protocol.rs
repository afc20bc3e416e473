//! A trial protocol's eligibility criteria, as data.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::rule::Rule;

/// One released version of a protocol's eligibility criteria.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// Stable id: `refractory-sle-age5`.
    pub id: String,
    /// Released version; every version stays in the product.
    pub version: u32,
    /// The protocol's title, as the source gives it.
    pub title: String,
    /// Where the criteria were quoted from.
    pub source: SourceCitation,
    /// False when the source lacks criteria (a registry entry read in part). An
    /// "eligible" verdict then reads "eligible on the available criteria".
    pub source_complete: bool,
    /// What the source does not provide, said to the investigator beside the verdict.
    #[serde(default)]
    pub source_gaps: Option<String>,
    /// Said where the exclusion criteria would be when the source has none.
    #[serde(default)]
    pub exclusions_note: Option<String>,
    /// Disease cohorts; when present the session chooses exactly one.
    #[serde(default)]
    pub cohorts: Vec<Cohort>,
    /// Study facts shown as information, not criteria (arms, procedures, attestations).
    #[serde(default)]
    pub information: Vec<String>,
    /// The current-results window: a criterion about the patient's present state that states
    /// no window reads only results dated this long before screening, up to the first dose
    /// (or the evaluation day). Absent: 28 days, shown as an interpretation.
    #[serde(default)]
    pub current_results_window: Option<crate::model::dates::Span>,
    /// What this version reads differently from the version before, criterion by criterion:
    /// shown to sessions screened under an earlier version.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The eligibility criteria, in the source's order.
    pub criteria: Vec<Criterion>,
}

/// Where the criteria were quoted from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCitation {
    /// The source document, described (title, issuer, what was quoted from it).
    pub document: String,
    /// The trial registry entry, if any ("NCT01234567").
    #[serde(default)]
    pub registry: Option<String>,
    /// The date the source was read, for a registry entry that may change.
    #[serde(default)]
    pub read_on: Option<NaiveDate>,
}

/// A reading this version corrects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The criterion id.
    pub criterion: String,
    /// What changed, in words.
    pub reading: String,
}

/// A disease cohort of a multi-indication protocol.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// Stable id used by criteria and sessions.
    pub id: String,
    /// The cohort's name as shown.
    pub label: String,
}

/// Inclusion or exclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CriterionKind {
    /// Must be met to be eligible.
    Inclusion,
    /// Must not apply to be eligible.
    Exclusion,
}

/// One criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id: `I7.plt`, `E13`, `SLE.3`, `ALL.4`.
    pub id: String,
    /// Inclusion or exclusion.
    pub kind: CriterionKind,
    /// A short title for lists ("Platelet count").
    pub title: String,
    /// The cohort the criterion belongs to; `None` applies to every cohort.
    #[serde(default)]
    pub cohort: Option<String>,
    /// The source heading the criterion stands under, verbatim ("7. Laboratory Parameters:").
    #[serde(default)]
    pub heading: Option<String>,
    /// The label the source itself gives the line, verbatim (`3.`, `b;`, `-`), kept where the
    /// source's numbering differs from the criterion's id (a registry's broken numbering, a
    /// compound bullet split into parts) so every part stays traceable to the source.
    #[serde(default)]
    pub source_label: Option<String>,
    /// The criterion's text in the source, word for word, typos included.
    pub source_text: String,
    /// How the app reads an ambiguous text, shown beside the status.
    #[serde(default)]
    pub interpretation: Option<String>,
    /// The window the criterion's results are read in where its rule states none, replacing
    /// the protocol's current-results window: `Ever` for a criterion about the past ("current
    /// or past HBV"), where evidence of the condition excludes whatever its date.
    #[serde(default)]
    pub results_window: Option<crate::model::rule::Period>,
    /// When present and false, the criterion is not applicable (pregnancy items for a man).
    #[serde(default)]
    pub applies_when: Option<Rule>,
    /// True when an inclusion is met / an exclusion applies.
    pub rule: Rule,
    /// A protocol discretion that lets the investigator override a failure.
    #[serde(default)]
    pub discretion: Option<Discretion>,
}

/// A discretion the protocol grants on a failing criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discretion {
    /// The protocol's text granting it, verbatim.
    pub source_text: String,
    /// Dictionary items the override dialog asks.
    pub questions: Vec<String>,
    /// Must be true for an override to count; re-checked at every evaluation.
    pub conditions: Rule,
}
