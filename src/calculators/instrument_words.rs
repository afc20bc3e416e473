//! The instruments' item and group names in the current language, for the checklists and the
//! explanations: the published English names (`src/calculators/`) or their translation
//! (`data/i18n/zh-CN/instruments.ron`), keyed by the instrument's code and the item's stable
//! key. Records keep the keys; only the words shown change.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::calculators::{InstrumentId, ItemSpec};
use crate::i18n::{self, Language};

/// The Chinese names, compiled in.
const ZH_CN: &str = include_str!("../../data/i18n/zh-CN/instruments.ron");

/// The instruments' words in one language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentTranslation {
    /// The language, a BCP 47 tag: `zh-CN`.
    pub language: String,
    /// Instrument code → its words.
    pub instruments: BTreeMap<String, InstrumentNames>,
}

/// One instrument's words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentNames {
    /// The published group name (English) → the translated one.
    #[serde(default)]
    pub groups: BTreeMap<String, String>,
    /// Item key → the translated name.
    #[serde(default)]
    pub items: BTreeMap<String, String>,
}

/// The Chinese names, parsed once (a file that does not parse names nothing: the English
/// shows, and the suite's test fails).
pub fn chinese() -> &'static InstrumentTranslation {
    static PARSED: OnceLock<InstrumentTranslation> = OnceLock::new();
    PARSED.get_or_init(|| ron::from_str(ZH_CN).unwrap_or_default())
}

/// The words of an instrument in the current language, where it has them.
fn names(instrument: InstrumentId) -> Option<&'static InstrumentNames> {
    match i18n::language() {
        Language::En => None,
        Language::ZhCn => chinese().instruments.get(instrument.code()),
    }
}

/// An item's name as shown: translated where the language has it, else as published.
pub fn item_label(instrument: InstrumentId, spec: &ItemSpec) -> &'static str {
    names(instrument).and_then(|names| names.items.get(spec.key)).map_or(spec.label, String::as_str)
}

/// A group's name as shown: translated where the language has it, else as published.
pub fn group_label(instrument: InstrumentId, group: &'static str) -> &'static str {
    names(instrument).and_then(|names| names.groups.get(group)).map_or(group, String::as_str)
}

/// An instrument's name in the reader's language: the names written with letters only
/// (SLEDAI-2K, ESSDAI) are the same everywhere; the descriptive ones are translated.
pub fn instrument_name(instrument: InstrumentId) -> String {
    let id = match instrument {
        InstrumentId::EularAcrSle2019 => "instrument-name-sle-2019",
        InstrumentId::AcrEularSsc2013 => "instrument-name-ssc-2013",
        InstrumentId::AcrEularSs2016 => "instrument-name-ss-2016",
        InstrumentId::EularAcrIim2017 => "instrument-name-iim-2017",
        InstrumentId::BvasV3 => "instrument-name-bvas-v3",
        InstrumentId::Mmt8 => "instrument-name-mmt8",
        InstrumentId::Mmt8Unilateral => "instrument-name-mmt8-unilateral",
        InstrumentId::Mrss => return i18n::text_with("instrument-name-mrss", &[("name", "Rodnan".to_owned())]),
        InstrumentId::Sledai2k | InstrumentId::Essdai | InstrumentId::HaqDi => return instrument.label().to_owned(),
    };
    i18n::text(id)
}

/// A score's category (ESSDAI activity, an IIM subgroup) in the reader's language; a category
/// written as an abbreviation (DM, PM, IBM) is the same everywhere.
pub fn category_name(category: &str) -> String {
    let id = match category {
        "low" => "instrument-category-low",
        "moderate" => "instrument-category-moderate",
        "high" => "instrument-category-high",
        "juvenile myositis other than JDM" => "instrument-category-juvenile-other",
        other => return other.to_owned(),
    };
    i18n::text(id)
}
