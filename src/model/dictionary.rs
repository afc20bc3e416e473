//! The data dictionary: every clinical item the product knows. Forms are generated from
//! it, rules refer to its ids, and sessions store values under them.

use serde::{Deserialize, Serialize};

use crate::model::instrument::InstrumentId;
use crate::model::units::{Analyte, Unit};

/// All items, grouped into form sections, in the order forms show them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dictionary {
    /// The form sections, in the order shown.
    pub sections: Vec<Section>,
    /// Every item, in the order forms show them.
    pub items: Vec<ItemDef>,
    /// Kinds of test whose items are read together (urine and blood hCG; a T-spot and its
    /// retest): a requirement for a negative result fails on any positive result of the kind,
    /// and results of one kind that disagree are a contradiction.
    #[serde(default)]
    pub test_kinds: Vec<TestKind>,
    /// Answers that cannot both be true of one patient (a positive pregnancy test and "not of
    /// childbearing potential"): a criterion reading both is a judgment naming them, never
    /// resolved toward eligibility.
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
}

/// A kind of test reported by several items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestKind {
    /// Stable id: `hcg`.
    pub id: String,
    /// What people call it: "Pregnancy test (hCG)".
    pub label: String,
    /// The options of its items that report a positive result.
    pub positive: Vec<String>,
    /// The options that report a negative result.
    pub negative: Vec<String>,
    /// A negative result older than this before the first dose must be confirmed again
    /// before dosing (pregnancy tests: 7 days).
    #[serde(default)]
    pub confirm_before_dosing: Option<crate::model::dates::Span>,
}

/// Facts that contradict each other: each side a rule over items; the contradiction holds
/// when every side is true.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contradiction {
    /// Stable id: `positive_hcg_not_childbearing`; a judgment answering it records it.
    pub id: String,
    /// What contradicts what, said to the investigator.
    pub says: String,
    /// The facts that cannot all hold; a criterion is affected when it reads an item of
    /// every side.
    pub sides: Vec<crate::model::rule::Rule>,
}

/// A form section ("Demographics", "Haematology").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id that items name.
    pub id: String,
    /// The heading shown on the form.
    pub label: String,
}

/// One clinical item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    /// Stable id used by rules and session files: `platelets`, `date_of_birth`.
    pub id: String,
    /// The label on the form and in explanations, sentence case, no colon.
    pub label: String,
    /// The id of the section the item appears in.
    pub section: String,
    /// What kind of value it holds, and so which form widget enters it.
    pub kind: ItemKind,
    /// A line of help shown beside the field.
    #[serde(default)]
    pub help: Option<String>,
    /// The kind of test the item reports (a choice item's result), read together with the
    /// other items of that kind.
    #[serde(default)]
    pub test_kind: Option<String>,
    /// A result (a lab, a test, a serology, a function or imaging result, an activity
    /// instrument): entered with the date of the sample or assessment, and counted only with
    /// that date, inside the window its criterion reads (PROTOCOL-NOTES, "Evidence rules").
    #[serde(default)]
    pub dated: bool,
    /// The methods a result of the item may be obtained by, or the conditions it is measured
    /// in ("echocardiography", "right-heart catheterisation"; "at rest", "after a fluid
    /// challenge"): the form asks which beside the value, and a criterion may require one.
    /// Empty: the method is not asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<ChoiceOption>,
}

/// What kind of value an item holds; one form widget per kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    /// A measured number in one of the allowed units, with an optional ULN (same unit)
    /// and an optional date of the measurement.
    Number {
        /// The units it may be entered in, each with its plausible range; at least one.
        units: Vec<UnitRange>,
        /// The analyte, where molar and mass units convert by its molecular weight.
        #[serde(default)]
        analyte: Option<Analyte>,
        /// The form asks for the lab's upper limit of normal beside the value.
        #[serde(default)]
        uln: bool,
    },
    /// A calendar date.
    Date,
    /// Yes / no / unknown.
    YesNo,
    /// One of the listed options.
    Choice(Vec<ChoiceOption>),
    /// An antibody titer (1:80 …) or negative, with the test date.
    Titer,
    /// Something that happened: never, on a date, ongoing, or on an unknown date.
    Event,
    /// A checklist or score computed by a calculator.
    Instrument(InstrumentId),
    /// The treatment history: one row per agent.
    Treatments,
    /// Free text (never read by rules).
    Text,
}

/// A unit an item may be entered in, and the range that is physically plausible in it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRange {
    /// The unit.
    pub unit: Unit,
    /// Lowest plausible value, inclusive.
    pub min: f64,
    /// Highest plausible value, inclusive.
    pub max: f64,
}

/// One option of a choice item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id that rules and session files use.
    pub id: String,
    /// The option as shown on the form.
    pub label: String,
}

impl Dictionary {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&ItemDef> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The position of the item with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.id == id)
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|section| section.id == id)
    }

    /// The test kind with this id.
    pub fn test_kind(&self, id: &str) -> Option<&TestKind> {
        self.test_kinds.iter().find(|kind| kind.id == id)
    }
}

impl ItemKind {
    /// The units a number item accepts (empty for other kinds).
    pub fn units(&self) -> &[UnitRange] {
        match self {
            Self::Number { units, .. } => units,
            _ => &[],
        }
    }

    /// The analyte of a number item, for molar ⇄ mass conversion.
    pub fn analyte(&self) -> Option<Analyte> {
        match self {
            Self::Number { analyte, .. } => *analyte,
            _ => None,
        }
    }

    /// The message id of the kind's name, for messages ("number", "yes/no" in English).
    pub fn name_message(&self) -> &'static str {
        match self {
            Self::Number { .. } => "item-kind-number",
            Self::Date => "item-kind-date",
            Self::YesNo => "item-kind-yes-no",
            Self::Choice(_) => "item-kind-choice",
            Self::Titer => "item-kind-titer",
            Self::Event => "item-kind-event",
            Self::Instrument(_) => "item-kind-instrument",
            Self::Treatments => "item-kind-treatments",
            Self::Text => "item-kind-text",
        }
    }
}
