//! What the calculators are called and what they take, for the command line and for any
//! other front end that lists them: each calculator's name, summary and inputs (key,
//! form, help). The calculators themselves are the sibling modules; this is their
//! catalogue, kept beside them so a new calculator is listed where it is written.

use crate::calculators::InstrumentId;

/// One input of a calculator: its key, the form of its value and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputDoc {
    /// The key typed before `=`.
    pub key: &'static str,
    /// The form of the value (`<number><unit>`, `male|female`).
    pub form: &'static str,
    /// What it means, with an example.
    pub help: &'static str,
    /// Whether the calculator needs it.
    pub required: bool,
}

const fn required(key: &'static str, form: &'static str, help: &'static str) -> InputDoc {
    InputDoc { key, form, help, required: true }
}

const fn optional(key: &'static str, form: &'static str, help: &'static str) -> InputDoc {
    InputDoc { key, form, help, required: false }
}

/// Serum creatinine with its unit.
pub const CREATININE: InputDoc =
    required("creatinine", "<number><unit>", "serum creatinine in mg/dL or µmol/L, e.g. creatinine=0.6mg/dL");
/// Decimal age in years.
pub const AGE: InputDoc = required("age", "<years>", "decimal age in years, e.g. age=32.45");
/// Sex.
pub const SEX: InputDoc = required("sex", "male|female", "sex");
/// Height in cm.
pub const HEIGHT: InputDoc = required("height", "<number>cm", "height in cm, e.g. height=158cm");
/// Body weight in kg.
pub const WEIGHT: InputDoc = required("weight", "<number>kg", "body weight in kg, e.g. weight=80kg");
/// Which body weight was given.
pub const WEIGHT_BASIS: InputDoc =
    optional("weight_basis", "actual|ideal|adjusted", "which body weight was given (default actual)");
/// A glucocorticoid dose in mg.
pub const DOSE: InputDoc = required("dose", "<number>mg", "the dose of the glucocorticoid, e.g. dose=16mg");
/// The agent's dose equivalent to 5 mg prednisone.
pub const EQUIVALENT_DOSE: InputDoc = required(
    "equivalent_dose",
    "<number>mg",
    "its dose equivalent to 5 mg prednisone, from the drug catalogue (methylprednisolone 4mg)",
);
/// The value to convert.
pub const VALUE: InputDoc =
    required("value", "<number>[<unit>]", "the value; with its unit unless from= is given, e.g. value=270umol/L");
/// The unit of the value.
pub const FROM: InputDoc = optional("from", "<unit>", "the unit of value, e.g. from=10^9/L");
/// The unit wanted.
pub const TO: InputDoc = required("to", "<unit>", "the unit wanted, e.g. to=mg/dL");
/// The analyte, for conversions between molar and mass units.
pub const ANALYTE: InputDoc =
    optional("analyte", "creatinine|bilirubin|haemoglobin", "needed between µmol/L or mmol/L and mass units");
/// Items left out of a score.
pub const EXCLUDING: InputDoc = optional(
    "excluding",
    "<key>,<key>…",
    "items the protocol leaves out of the score (SLEDAI-2K also takes serology or all_laboratory)",
);
/// The only domains scored.
pub const ONLY: InputDoc = optional("only", "<key>,<key>…", "score only these domains (a protocol's subset)");

/// The calculators that are not checklist instruments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    /// eGFR by CKD-EPI 2021.
    CkdEpi2021,
    /// eGFR by bedside Schwartz.
    BedsideSchwartz,
    /// eGFR by CKiD U25.
    CkidU25,
    /// Creatinine clearance by Cockcroft–Gault.
    CockcroftGault,
    /// Prednisone-equivalent dose.
    PrednisoneEquivalent,
    /// A unit conversion.
    Convert,
}

/// Every formula: its name, what it computes and its inputs.
pub const FORMULAS: [(&str, Formula, &str, &[InputDoc]); 6] = [
    (
        "egfr-ckd-epi-2021",
        Formula::CkdEpi2021,
        "eGFR by CKD-EPI 2021 creatinine (race-free), adults from 18, mL/min/1.73 m²",
        &[CREATININE, AGE, SEX],
    ),
    (
        "egfr-bedside-schwartz",
        Formula::BedsideSchwartz,
        "eGFR by bedside Schwartz 2009, children, mL/min/1.73 m²",
        &[CREATININE, HEIGHT],
    ),
    (
        "egfr-ckid-u25",
        Formula::CkidU25,
        "eGFR by CKiD U25 creatinine, ages 1 to under 26, mL/min/1.73 m²",
        &[CREATININE, HEIGHT, AGE, SEX],
    ),
    (
        "crcl-cockcroft-gault",
        Formula::CockcroftGault,
        "creatinine clearance by Cockcroft–Gault, adults, mL/min",
        &[CREATININE, AGE, SEX, WEIGHT, WEIGHT_BASIS],
    ),
    (
        "prednisone-equivalent",
        Formula::PrednisoneEquivalent,
        "prednisone-equivalent dose, mg: dose × 5 / equivalent dose",
        &[DOSE, EQUIVALENT_DOSE],
    ),
    ("convert", Formula::Convert, "converts a value between units", &[VALUE, FROM, TO, ANALYTE]),
];

/// A calculator found by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calculator {
    /// A formula.
    Formula(Formula),
    /// A checklist instrument.
    Instrument(InstrumentId),
}

/// The command-line name of an instrument: its code with hyphens.
pub fn instrument_name(instrument: InstrumentId) -> String {
    instrument.code().replace('_', "-")
}

/// Every calculator's name, formulas first.
pub fn names() -> Vec<String> {
    FORMULAS
        .iter()
        .map(|(name, ..)| (*name).to_owned())
        .chain(InstrumentId::all().iter().map(|id| instrument_name(*id)))
        .collect()
}

/// The calculator called `name`, and the name its errors use.
pub fn find(name: &str) -> Option<(&'static str, Calculator)> {
    if let Some((found, formula, ..)) = FORMULAS.iter().find(|(known, ..)| *known == name) {
        return Some((found, Calculator::Formula(*formula)));
    }
    InstrumentId::all()
        .iter()
        .find(|id| instrument_name(**id) == name)
        .map(|id| (id.label(), Calculator::Instrument(*id)))
}

/// The options an instrument takes beside its items.
pub fn instrument_options(instrument: InstrumentId) -> &'static [InputDoc] {
    match instrument {
        InstrumentId::Sledai2k => &[EXCLUDING],
        InstrumentId::Essdai => &[EXCLUDING, ONLY],
        _ => &[],
    }
}

/// The inputs of a formula.
pub fn formula_inputs(formula: Formula) -> &'static [InputDoc] {
    FORMULAS.iter().find(|(_, f, ..)| *f == formula).map_or(&[][..], |(.., docs)| *docs)
}
