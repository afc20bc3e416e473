//! The dictionary and drug catalogue, indexed for evaluation.

use std::collections::HashMap;

use crate::i18n::Language;
use crate::model::vocabulary_translation::{DictionaryTranslation, DrugsTranslation};

use crate::model::dictionary::{Dictionary, ItemKind};
use crate::model::drugs::DrugCatalogue;

/// Index of an item in the dictionary.
pub type ItemIdx = u16;

/// A set of drug classes as a bit mask (at most 64 classes in a catalogue).
pub type ClassMask = u64;

/// Items the kidney-function operands read, found by their well-known ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KidneyItems {
    /// The date of birth (age for the eGFR equations).
    pub date_of_birth: ItemIdx,
    /// The patient's sex.
    pub sex: ItemIdx,
    /// Height (bedside Schwartz).
    pub height: ItemIdx,
    /// Body weight (Cockcroft–Gault).
    pub weight: ItemIdx,
    /// Serum creatinine.
    pub creatinine: ItemIdx,
    /// An eGFR the laboratory reported, preferred over a calculated one.
    pub egfr_reported: ItemIdx,
}

/// Dictionary and catalogue with the lookups evaluation needs.
#[derive(Clone, Debug)]
pub struct Knowledge {
    /// The data dictionary: every item a form can hold.
    pub dictionary: Dictionary,
    /// The drug catalogue: classes and agents.
    pub catalogue: DrugCatalogue,
    item_index: HashMap<String, ItemIdx>,
    class_index: HashMap<String, u8>,
    agent_index: HashMap<String, u16>,
    agent_classes: Vec<ClassMask>,
    /// The kidney-function items, when the dictionary has them all.
    pub kidney: Option<KidneyItems>,
    /// The date-of-birth item, if the dictionary has one (age rules read it).
    pub date_of_birth: Option<ItemIdx>,
    /// The body-weight item, if the dictionary has one (weight-based doses read it).
    pub weight: Option<ItemIdx>,
    /// The treatment-history item, if the dictionary has one (exposure rules read it).
    pub treatment_history: Option<ItemIdx>,
    /// Per item, the index of its test kind in the dictionary's `test_kinds`.
    item_test_kind: Vec<Option<u8>>,
    /// Per test kind, its items in dictionary order.
    test_kind_items: Vec<Vec<ItemIdx>>,
    /// The dictionary's contradictions, compiled.
    pub contradictions: Vec<CompiledContradiction>,
    /// The bundled names' words in other languages ([`Knowledge::translate`]).
    words: Vec<(Language, VocabularyWords)>,
}

/// The dictionary's and catalogue's words in one language, by index; `None` where a name has
/// no translation (a site's own names), which then shows its own words.
#[derive(Clone, Debug, Default)]
struct VocabularyWords {
    items: Vec<Option<String>>,
    help: Vec<Option<String>>,
    options: HashMap<(ItemIdx, String), String>,
    sections: HashMap<String, String>,
    classes: Vec<Option<String>>,
    agents: Vec<Option<String>>,
    /// Per agent, its brand and common names in this language, for the search.
    agent_aliases: Vec<Vec<String>>,
    test_kinds: Vec<Option<String>>,
    contradictions: HashMap<String, String>,
}

/// A contradiction ready to evaluate.
#[derive(Clone, Debug)]
pub struct CompiledContradiction {
    /// Stable id of the contradiction; a judgment answering it records it.
    pub id: String,
    /// What contradicts what, said to the investigator.
    pub says: String,
    /// The compiled facts that cannot all hold: the contradiction is present when every side is
    /// true.
    pub sides: Vec<crate::engine::compile::Node>,
    /// The items each side reads: a criterion reading an item of every side is affected.
    pub side_items: Vec<std::collections::BTreeSet<ItemIdx>>,
}

/// Whether the options a rule asks for report a negative or a positive result of a test kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Polarity {
    /// The options report a negative result.
    Negative,
    /// The options report a positive result.
    Positive,
    /// Neither, or both (an indeterminate result).
    Other,
}

/// Why a dictionary or catalogue cannot be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum KnowledgeError {
    /// More items than an [`ItemIdx`] can index; the number of items.
    #[error("{}", crate::i18n::text_with("knowledge-too-many-items", &[("count", .0.to_string()), ("max", 65535.to_string())]))]
    TooManyItems(usize),
    /// Two items share an id; the id.
    #[error("{}", crate::i18n::text_with("knowledge-duplicate-item", &[("item", .0.clone())]))]
    DuplicateItem(String),
    /// An item names a form section the dictionary does not define.
    #[error("{}", crate::i18n::text_with("knowledge-unknown-section", &[("item", item.clone()), ("section", section.clone())]))]
    UnknownSection {
        /// The item's id.
        item: String,
        /// The section id as written.
        section: String,
    },
    /// A number item allows no unit to enter it in.
    #[error("{}", crate::i18n::text_with("knowledge-no-units", &[("item", item.clone())]))]
    NoUnits {
        /// The item's id.
        item: String,
    },
    /// Methods listed on an item that is not a dated number, or more than 64 of them.
    #[error("{}", crate::i18n::text_with("knowledge-methods", &[("item", item.clone()), ("max", 64.to_string())]))]
    Methods {
        /// The item's id.
        item: String,
    },
    /// More test kinds or contradictions than an evaluation numbers (256 and 65 536): what
    /// (a message id), how many, and the most supported.
    #[error("{}", crate::i18n::text_with("knowledge-too-many", &[("what", crate::i18n::text(what)), ("count", count.to_string()), ("max", max.to_string())]))]
    TooMany {
        /// The message id of the kind of entry ("knowledge-part-test-kinds").
        what: &'static str,
        /// How many the dictionary has.
        count: usize,
        /// How many are supported.
        max: usize,
    },
    /// More drug classes than a [`ClassMask`] holds; the number of classes.
    #[error("{}", crate::i18n::text_with("knowledge-too-many-classes", &[("count", .0.to_string()), ("max", 64.to_string())]))]
    TooManyClasses(usize),
    /// Two classes or agents share an id; the id.
    #[error("{}", crate::i18n::text_with("knowledge-duplicate-drug", &[("id", .0.clone())]))]
    DuplicateDrug(String),
    /// An agent names a class the catalogue does not define.
    #[error("{}", crate::i18n::text_with("knowledge-unknown-class", &[("agent", agent.clone()), ("class", class.clone())]))]
    UnknownClass {
        /// The agent's id.
        agent: String,
        /// The class id as written.
        class: String,
    },
    /// An item names a test kind the dictionary does not define.
    #[error("{}", crate::i18n::text_with("knowledge-unknown-test-kind", &[("item", item.clone()), ("kind", kind.clone())]))]
    UnknownTestKind {
        /// The item's id.
        item: String,
        /// The test kind as written.
        kind: String,
    },
    /// An item with a test kind is not a choice item, so its result cannot be read as negative or
    /// positive.
    #[error("{}", crate::i18n::text_with("knowledge-test-kind-not-choice", &[("item", item.clone())]))]
    TestKindNotChoice {
        /// The item's id.
        item: String,
    },
    /// A test kind's negative or positive options include one its item does not offer.
    #[error("{}", crate::i18n::text_with("knowledge-test-kind-option", &[("kind", kind.clone()), ("option", option.clone()), ("item", item.clone())]))]
    TestKindOption {
        /// The test kind's id.
        kind: String,
        /// The item's id.
        item: String,
        /// The option as written.
        option: String,
    },
    /// Two test kinds share an id; the id.
    #[error("{}", crate::i18n::text_with("knowledge-duplicate-test-kind", &[("kind", .0.clone())]))]
    DuplicateTestKind(String),
    /// A contradiction's rules do not compile.
    #[error("{}", crate::i18n::text_with("knowledge-contradiction", &[("id", id.clone()), ("problems", problems.clone())]))]
    Contradiction {
        /// The contradiction's id.
        id: String,
        /// The compile problems, in words.
        problems: String,
    },
}

impl Knowledge {
    /// Indexes a dictionary and catalogue, checking their internal consistency.
    pub fn new(dictionary: Dictionary, catalogue: DrugCatalogue) -> Result<Self, KnowledgeError> {
        let item_count = dictionary.items.len();
        if item_count > usize::from(u16::MAX) {
            return Err(KnowledgeError::TooManyItems(item_count));
        }
        // Facts number test kinds in 8 bits and contradictions in 16.
        for (what, count, max) in [
            ("knowledge-part-test-kinds", dictionary.test_kinds.len(), usize::from(u8::MAX) + 1),
            ("knowledge-part-contradictions", dictionary.contradictions.len(), usize::from(u16::MAX) + 1),
        ] {
            if count > max {
                return Err(KnowledgeError::TooMany { what, count, max });
            }
        }
        let mut item_index = HashMap::with_capacity(item_count);
        for (position, item) in dictionary.items.iter().enumerate() {
            let idx = ItemIdx::try_from(position).map_err(|_| KnowledgeError::TooManyItems(item_count))?;
            if item_index.insert(item.id.clone(), idx).is_some() {
                return Err(KnowledgeError::DuplicateItem(item.id.clone()));
            }
            if dictionary.section(&item.section).is_none() {
                return Err(KnowledgeError::UnknownSection { item: item.id.clone(), section: item.section.clone() });
            }
            if matches!(&item.kind, ItemKind::Number { units, .. } if units.is_empty()) {
                return Err(KnowledgeError::NoUnits { item: item.id.clone() });
            }
            // A method is recorded beside a measured number, at most 64 of them (a rule's mask).
            let numbered = matches!(item.kind, ItemKind::Number { .. }) && item.dated;
            if !item.methods.is_empty() && (!numbered || item.methods.len() > 64) {
                return Err(KnowledgeError::Methods { item: item.id.clone() });
            }
        }
        if catalogue.classes.len() > 64 {
            return Err(KnowledgeError::TooManyClasses(catalogue.classes.len()));
        }
        let mut class_index = HashMap::new();
        for (position, class) in catalogue.classes.iter().enumerate() {
            let idx = u8::try_from(position).map_err(|_| KnowledgeError::TooManyClasses(catalogue.classes.len()))?;
            if class_index.insert(class.id.clone(), idx).is_some() {
                return Err(KnowledgeError::DuplicateDrug(class.id.clone()));
            }
        }
        let mut agent_index = HashMap::new();
        let mut agent_classes = Vec::with_capacity(catalogue.agents.len());
        for (position, agent) in catalogue.agents.iter().enumerate() {
            let idx = u16::try_from(position).map_err(|_| KnowledgeError::DuplicateDrug(agent.id.clone()))?;
            if agent_index.insert(agent.id.clone(), idx).is_some() || class_index.contains_key(&agent.id) {
                return Err(KnowledgeError::DuplicateDrug(agent.id.clone()));
            }
            let mut mask: ClassMask = 0;
            for class in &agent.classes {
                let bit = class_index
                    .get(class)
                    .ok_or_else(|| KnowledgeError::UnknownClass { agent: agent.id.clone(), class: class.clone() })?;
                mask |= 1 << bit;
            }
            agent_classes.push(mask);
        }
        let find = |id: &str| item_index.get(id).copied();
        let kidney = (|| {
            Some(KidneyItems {
                date_of_birth: find("date_of_birth")?,
                sex: find("sex")?,
                height: find("height")?,
                weight: find("weight")?,
                creatinine: find("creatinine")?,
                egfr_reported: find("egfr_reported")?,
            })
        })();
        let date_of_birth = find("date_of_birth");
        let weight = find("weight");
        let treatment_history = find("treatment_history");
        let (item_test_kind, test_kind_items) = index_test_kinds(&dictionary)?;
        let mut knowledge = Self {
            dictionary,
            catalogue,
            item_index,
            class_index,
            agent_index,
            agent_classes,
            kidney,
            date_of_birth,
            weight,
            treatment_history,
            item_test_kind,
            test_kind_items,
            contradictions: Vec::new(),
            words: Vec::new(),
        };
        knowledge.contradictions = crate::engine::compile::compile_contradictions(&knowledge)?;
        Ok(knowledge)
    }

    /// The test kind of an item (its index in the dictionary's `test_kinds`).
    pub fn test_kind_of(&self, item: ItemIdx) -> Option<usize> {
        self.item_test_kind.get(usize::from(item)).copied().flatten().map(usize::from)
    }

    /// The items of a test kind.
    pub fn test_kind_items(&self, kind: usize) -> &[ItemIdx] {
        self.test_kind_items.get(kind).map_or(&[], Vec::as_slice)
    }

    /// Whether options asked of a test kind's item report a negative or a positive result.
    pub fn polarity(&self, kind: usize, options: &[String]) -> Polarity {
        let Some(kind) = self.dictionary.test_kinds.get(kind) else { return Polarity::Other };
        if !options.is_empty() && options.iter().all(|o| kind.negative.contains(o)) {
            Polarity::Negative
        } else if !options.is_empty() && options.iter().all(|o| kind.positive.contains(o)) {
            Polarity::Positive
        } else {
            Polarity::Other
        }
    }

    /// The index of an item id (every dictionary lookup by id goes through this).
    pub fn item_idx(&self, id: &str) -> Option<ItemIdx> {
        self.item_index.get(id).copied()
    }

    /// The definition of an item by index.
    pub fn item(&self, idx: ItemIdx) -> Option<&crate::model::dictionary::ItemDef> {
        self.dictionary.items.get(usize::from(idx))
    }

    /// The label of an item by index, or its position when out of range.
    /// In the chosen language where the item is translated.
    pub fn item_label(&self, idx: ItemIdx) -> &str {
        self.item_label_in(idx, crate::i18n::language())
    }

    /// The label of an item in `language` (its own where not translated into it).
    pub fn item_label_in(&self, idx: ItemIdx, language: Language) -> &str {
        let words = self.words.iter().find(|(l, _)| *l == language).map(|(_, words)| words);
        let translated = words.and_then(|w| w.items.get(usize::from(idx))?.as_deref());
        translated.unwrap_or_else(|| self.item(idx).map_or("?", |item| item.label.as_str()))
    }

    /// An item as the form shows it: its label, help and option labels in the chosen language
    /// where translated (a copy then; the item itself otherwise).
    pub fn shown_item(&self, idx: ItemIdx) -> Option<std::borrow::Cow<'_, crate::model::dictionary::ItemDef>> {
        let item = self.item(idx)?;
        let Some(words) = self.words() else { return Some(std::borrow::Cow::Borrowed(item)) };
        let Some(label) = words.items.get(usize::from(idx)).and_then(Option::as_ref) else {
            return Some(std::borrow::Cow::Borrowed(item));
        };
        let mut shown = item.clone();
        shown.label.clone_from(label);
        if let Some(help) = words.help.get(usize::from(idx)).and_then(Option::as_ref) {
            shown.help = Some(help.clone());
        }
        if let ItemKind::Choice(options) = &mut shown.kind {
            for option in options {
                if let Some(translated) = words.options.get(&(idx, option.id.clone())) {
                    option.label.clone_from(translated);
                }
            }
        }
        Some(std::borrow::Cow::Owned(shown))
    }

    /// An option's label in the chosen language: "阴性" for `negative`.
    pub fn option_label<'a>(&'a self, idx: ItemIdx, option: &'a str) -> &'a str {
        if let Some(translated) = self.words().and_then(|w| w.options.get(&(idx, option.to_owned()))) {
            return translated;
        }
        match self.item(idx).map(|item| &item.kind) {
            Some(crate::model::dictionary::ItemKind::Choice(options)) => {
                options.iter().find(|o| o.id == option).map_or(option, |o| o.label.as_str())
            }
            _ => option,
        }
    }

    /// A form section's heading in the chosen language.
    pub fn section_label<'a>(&'a self, id: &str, own: &'a str) -> &'a str {
        self.words().and_then(|w| w.sections.get(id)).map_or(own, String::as_str)
    }

    /// An agent's name in the chosen language.
    pub fn agent_name(&self, agent: usize) -> Option<&str> {
        let translated = self.words().and_then(|w| w.agents.get(agent)?.as_deref());
        translated.or_else(|| self.catalogue.agents.get(agent).map(|a| a.name.as_str()))
    }

    /// The agents whose id, name or alias contains `query` (any case), in the catalogue's
    /// words or in those of any language loaded: a Chinese investigator finds mycophenolate
    /// by 吗替麦考酚酯 or its brand 骁悉 whatever the window's language. In catalogue order.
    pub fn search_agents(&self, query: &str) -> Vec<&crate::model::drugs::Agent> {
        let query = query.trim().to_lowercase();
        let translated = |index: usize| {
            self.words.iter().any(|(_, words)| {
                let name = words.agents.get(index).and_then(|name| name.as_deref());
                let aliases = words.agent_aliases.get(index).map(Vec::as_slice).unwrap_or_default();
                name.into_iter()
                    .chain(aliases.iter().map(String::as_str))
                    .any(|word| word.to_lowercase().contains(&query))
            })
        };
        self.catalogue
            .agents
            .iter()
            .enumerate()
            .filter(|(index, agent)| agent.matches(&query) || translated(*index))
            .map(|(_, agent)| agent)
            .collect()
    }

    /// A test kind's label in the chosen language.
    pub fn test_kind_label(&self, kind: usize) -> &str {
        let translated = self.words().and_then(|w| w.test_kinds.get(kind)?.as_deref());
        translated.unwrap_or_else(|| self.dictionary.test_kinds.get(kind).map_or("", |k| k.label.as_str()))
    }

    /// What a contradiction says, in the chosen language.
    pub fn contradiction_says<'a>(&'a self, id: &str, own: &'a str) -> &'a str {
        self.words().and_then(|w| w.contradictions.get(id)).map_or(own, String::as_str)
    }

    /// The words of the chosen language, when it is not the vocabulary's own.
    fn words(&self) -> Option<&VocabularyWords> {
        let language = crate::i18n::language();
        self.words.iter().find(|(l, _)| *l == language).map(|(_, words)| words)
    }

    /// Adds the bundled names' words in a language (the translation files' ids that the
    /// vocabulary lacks are ignored; the suite checks the bundled files name no other).
    pub fn translate(&mut self, language: Language, dictionary: &DictionaryTranslation, drugs: &DrugsTranslation) {
        let items = &self.dictionary.items;
        let mut words = VocabularyWords {
            items: items.iter().map(|item| dictionary.items.get(&item.id).map(|t| t.label.clone())).collect(),
            help: items.iter().map(|item| dictionary.items.get(&item.id).and_then(|t| t.help.clone())).collect(),
            sections: dictionary.sections.clone().into_iter().collect(),
            classes: self.catalogue.classes.iter().map(|c| drugs.classes.get(&c.id).cloned()).collect(),
            agents: self.catalogue.agents.iter().map(|a| drugs.agents.get(&a.id).map(|t| t.name.clone())).collect(),
            agent_aliases: self
                .catalogue
                .agents
                .iter()
                .map(|a| drugs.agents.get(&a.id).map(|t| t.aliases.clone()).unwrap_or_default())
                .collect(),
            test_kinds: self.dictionary.test_kinds.iter().map(|k| dictionary.test_kinds.get(&k.id).cloned()).collect(),
            contradictions: dictionary.contradictions.clone().into_iter().collect(),
            options: HashMap::new(),
        };
        for (position, item) in items.iter().enumerate() {
            let (Some(translated), Ok(idx)) = (dictionary.items.get(&item.id), ItemIdx::try_from(position)) else {
                continue;
            };
            for (option, label) in &translated.options {
                words.options.insert((idx, option.clone()), label.clone());
            }
        }
        self.words.retain(|(l, _)| *l != language);
        self.words.push((language, words));
    }

    /// The bit of a class id.
    pub fn class_bit(&self, id: &str) -> Option<ClassMask> {
        self.class_index.get(id).map(|bit| 1 << bit)
    }

    /// The index of an agent id.
    pub fn agent_idx(&self, id: &str) -> Option<u16> {
        self.agent_index.get(id).copied()
    }

    /// The classes of an agent as a mask (0 for an unknown agent).
    pub fn agent_class_mask(&self, agent: u16) -> ClassMask {
        self.agent_classes.get(usize::from(agent)).copied().unwrap_or(0)
    }

    /// The classes in a mask, in catalogue order.
    fn classes_in(&self, mask: ClassMask) -> impl Iterator<Item = &crate::model::drugs::DrugClass> {
        self.catalogue.classes.iter().enumerate().filter(move |(bit, _)| mask & (1 << bit) != 0).map(|(_, class)| class)
    }

    /// Class ids in a mask, in catalogue order.
    pub fn class_ids(&self, mask: ClassMask) -> impl Iterator<Item = &str> {
        self.classes_in(mask).map(|class| class.id.as_str())
    }

    /// Class labels in a mask, in catalogue order.
    pub fn class_labels(&self, mask: ClassMask) -> impl Iterator<Item = &str> {
        let words = self.words();
        self.catalogue
            .classes
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i < 64 && mask & (1 << i) != 0)
            .map(move |(i, class)| words.and_then(|w| w.classes.get(i)?.as_deref()).unwrap_or(class.label.as_str()))
    }
}

/// Per item its test kind, and per kind its items; checks that every kind exists, is given to
/// choice items only, and lists only options its items have.
#[allow(clippy::type_complexity)]
fn index_test_kinds(dictionary: &Dictionary) -> Result<(Vec<Option<u8>>, Vec<Vec<ItemIdx>>), KnowledgeError> {
    let mut kind_index: HashMap<&str, u8> = HashMap::new();
    for (position, kind) in dictionary.test_kinds.iter().enumerate() {
        let idx = u8::try_from(position).map_err(|_| KnowledgeError::DuplicateTestKind(kind.id.clone()))?;
        if kind_index.insert(kind.id.as_str(), idx).is_some() {
            return Err(KnowledgeError::DuplicateTestKind(kind.id.clone()));
        }
    }
    let mut per_item = vec![None; dictionary.items.len()];
    let mut per_kind = vec![Vec::new(); dictionary.test_kinds.len()];
    for (position, item) in dictionary.items.iter().enumerate() {
        let Some(kind_id) = &item.test_kind else { continue };
        let Some(&kind) = kind_index.get(kind_id.as_str()) else {
            return Err(KnowledgeError::UnknownTestKind { item: item.id.clone(), kind: kind_id.clone() });
        };
        let ItemKind::Choice(options) = &item.kind else {
            return Err(KnowledgeError::TestKindNotChoice { item: item.id.clone() });
        };
        if let Some(def) = dictionary.test_kinds.get(usize::from(kind)) {
            for option in def.positive.iter().chain(&def.negative) {
                if !options.iter().any(|o| &o.id == option) {
                    return Err(KnowledgeError::TestKindOption {
                        kind: kind_id.clone(),
                        item: item.id.clone(),
                        option: option.clone(),
                    });
                }
            }
        }
        let idx = ItemIdx::try_from(position).map_err(|_| KnowledgeError::TooManyItems(dictionary.items.len()))?;
        if let Some(slot) = per_item.get_mut(position) {
            *slot = Some(kind);
        }
        if let Some(items) = per_kind.get_mut(usize::from(kind)) {
            items.push(idx);
        }
    }
    Ok((per_item, per_kind))
}

#[cfg(test)]
mod tests {
    use super::KnowledgeError;
    use crate::i18n::{Language, set_thread_language};

    #[test]
    fn a_vocabulary_problem_is_worded_in_the_readers_language() {
        let problem = KnowledgeError::UnknownClass { agent: "obinutuzumab".to_owned(), class: "anti_cd2O".to_owned() };
        set_thread_language(Language::ZhCn);
        let chinese = [problem.to_string(), KnowledgeError::TooManyItems(70_000).to_string()];
        set_thread_language(Language::En);
        assert_eq!(
            chinese,
            ["药物“obinutuzumab”所属的类别“anti_cd2O”未在药物目录中定义", "数据字典有70000个条目；最多支持65535个"]
        );
        assert_eq!(
            problem.to_string(),
            "agent \"obinutuzumab\" names class \"anti_cd2O\", which the catalogue does not define"
        );
    }
}
