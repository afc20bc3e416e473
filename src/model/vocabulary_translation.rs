//! The bundled dictionary's and drug catalogue's words in another language, keyed by id
//! (`data/i18n/LANG/dictionary.ron`, `drugs.ron`): section, item, option, test-kind and
//! contradiction labels; class labels and agents' generic names. Ids and meanings never
//! change with a language, so a translation is outside every pinned hash; a site's own names
//! stay in the site's words.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The dictionary's words in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictionaryTranslation {
    /// The language, a BCP 47 tag: `zh-CN`.
    pub language: String,
    /// Section id → heading.
    pub sections: BTreeMap<String, String>,
    /// Item id → its words.
    pub items: BTreeMap<String, ItemTranslation>,
    /// Test kind id → label.
    pub test_kinds: BTreeMap<String, String>,
    /// Contradiction id → what it says.
    pub contradictions: BTreeMap<String, String>,
}

/// An item's words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemTranslation {
    /// The label on the form and in explanations.
    pub label: String,
    /// The line of help beside the field.
    #[serde(default)]
    pub help: Option<String>,
    /// Option id → label, for a choice item.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

/// The drug catalogue's words in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrugsTranslation {
    /// The language, a BCP 47 tag: `zh-CN`.
    pub language: String,
    /// Class id → label.
    pub classes: BTreeMap<String, String>,
    /// Agent id → its words.
    pub agents: BTreeMap<String, AgentTranslation>,
}

/// An agent's words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentTranslation {
    /// The generic name (通用名).
    pub name: String,
    /// Brand and common names in this language that the search should also find.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A note for the reviewer of the translation.
    #[serde(default)]
    pub note: Option<String>,
}
