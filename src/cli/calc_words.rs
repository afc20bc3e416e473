//! The calculators' own words on the command line, in the language of the words printed:
//! each formula's summary and each input's help (`calc --list`, a missing input). The
//! catalogue (`calculators::catalog`) keeps the English as its documentation; the names,
//! units and examples a description quotes are placeholders, the same in every language.

use crate::calculators::catalog::InputDoc;
use crate::i18n::{Language, language, text_with};

/// Placeholders the descriptions share: units, examples, method names.
const NAMES: [(&str, &str); 18] = [
    ("mgdl", "mg/dL"),
    ("umol", "µmol/L"),
    ("mmol", "mmol/L"),
    ("mg", "mg"),
    ("cm", "cm"),
    ("kg", "kg"),
    ("default", "actual"),
    ("from", "from="),
    ("serology", "serology"),
    ("laboratory", "all_laboratory"),
    ("per_area", "mL/min/1.73 m²"),
    ("per_minute", "mL/min"),
    ("ckd_epi", "CKD-EPI 2021"),
    ("schwartz", "Schwartz 2009"),
    ("ckid", "CKiD U25"),
    ("cockcroft", "Cockcroft–Gault"),
    ("methylprednisolone", "methylprednisolone 4mg"),
    ("sle", "SLEDAI-2K"),
];

/// The example an input's help gives.
fn example(key: &str) -> &'static str {
    match key {
        "creatinine" => "creatinine=0.6mg/dL",
        "age" => "age=32.45",
        "height" => "height=158cm",
        "weight" => "weight=80kg",
        "dose" => "dose=16mg",
        "value" => "value=270umol/L",
        "from" => "from=10^9/L",
        "to" => "to=mg/dL",
        _ => "",
    }
}

fn described(id: &str, key: &str) -> String {
    let mut args: Vec<(&str, String)> = NAMES.iter().map(|(name, value)| (*name, (*value).to_owned())).collect();
    args.push(("example", example(key).to_owned()));
    text_with(id, &args)
}

/// An input's help: the catalogue's English, or its words in the language printed.
pub fn input_help(doc: &InputDoc) -> String {
    help_of(doc.key, doc.help)
}

/// The help of the input `key` whose English is `english`.
pub fn help_of(key: &str, english: &str) -> String {
    let id = match key {
        "creatinine" => "calc-input-creatinine",
        "age" => "calc-input-age",
        "sex" => "calc-input-sex",
        "height" => "calc-input-height",
        "weight" => "calc-input-weight",
        "weight_basis" => "calc-input-weight-basis",
        "dose" => "calc-input-dose",
        "equivalent_dose" => "calc-input-equivalent-dose",
        "value" => "calc-input-value",
        "from" => "calc-input-from",
        "to" => "calc-input-to",
        "analyte" => "calc-input-analyte",
        "excluding" => "calc-input-excluding",
        "only" => "calc-input-only",
        _ => "",
    };
    in_language(english, id, key)
}

/// A formula's summary, by its command-line name: the catalogue's English, or its words in
/// the language printed.
pub fn summary(name: &str, english: &str) -> String {
    let id = match name {
        "egfr-ckd-epi-2021" => "calc-summary-ckd-epi",
        "egfr-bedside-schwartz" => "calc-summary-schwartz",
        "egfr-ckid-u25" => "calc-summary-ckid",
        "crcl-cockcroft-gault" => "calc-summary-cockcroft",
        "prednisone-equivalent" => "calc-summary-prednisone",
        "convert" => "calc-summary-convert",
        _ => "",
    };
    in_language(english, id, name)
}

/// The catalogue's English in English, or where no message says it (`id` empty); else the
/// message `id`.
fn in_language(english: &str, id: &str, key: &str) -> String {
    if language() == Language::En || id.is_empty() { english.to_owned() } else { described(id, key) }
}
