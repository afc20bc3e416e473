//! The Simplified Chinese words of the bundled data (`data/i18n/zh-CN/`): every protocol
//! version, the dictionary and the drug catalogue has a translation that parses, covers every
//! id that has words, names no id that does not exist, leaves no text empty, and keeps every
//! number of the English (a threshold mistyped in translation would mislead an investigator
//! as surely as a wrong rule).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use trialscreen::library::{BUNDLED_DICTIONARY, BUNDLED_DRUGS, BUNDLED_PROTOCOLS, parse_protocol};
use trialscreen::model::dictionary::{Dictionary, ItemKind};
use trialscreen::model::drugs::DrugCatalogue;
use trialscreen::model::protocol_translation::{ProtocolTranslation, criterion_judgment_questions};

const ZH_CN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/i18n/zh-CN");

use trialscreen::model::vocabulary_translation::{DictionaryTranslation, DrugsTranslation};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &str) -> T {
    ron::from_str(&read(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The numbers written in a text, as written ("0.5", "10", "2019").
pub(crate) fn numbers(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let continues_decimal =
            ch == '.' && !current.is_empty() && chars.peek().is_some_and(|next| next.is_ascii_digit());
        if ch.is_ascii_digit() || continues_decimal {
            current.push(ch);
        } else if !current.is_empty() {
            found.insert(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.insert(current);
    }
    found
}

/// Records `what` when the translation drops or changes a number of the English.
fn keeps_numbers(problems: &mut Vec<String>, what: &str, english: &str, chinese: &str) {
    let missing: Vec<String> = numbers(english).difference(&numbers(chinese)).cloned().collect();
    if !missing.is_empty() {
        problems.push(format!("{what}: the translation lacks {missing:?} of \"{english}\""));
    }
}

fn empty(text: &str) -> bool {
    text.trim().is_empty()
}

/// Records every id of `expected` without a key in `translated`, and every key of
/// `translated` that is not an id of `expected`.
fn same_ids<'a, V>(
    problems: &mut Vec<String>,
    what: &str,
    expected: impl IntoIterator<Item = &'a str>,
    translated: &BTreeMap<String, V>,
) {
    let expected: BTreeSet<&str> = expected.into_iter().collect();
    for id in &expected {
        if !translated.contains_key(*id) {
            problems.push(format!("{what} {id} has no translation"));
        }
    }
    for id in translated.keys() {
        if !expected.contains(id.as_str()) {
            problems.push(format!("{what} {id} is not in the bundled data"));
        }
    }
}

/// Records each text shared by two different ids: two items or agents with one name cannot be
/// told apart on a form or in a search.
fn distinct<'a>(problems: &mut Vec<String>, what: &str, texts: impl IntoIterator<Item = (&'a str, &'a str)>) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, text) in texts {
        if let Some(other) = seen.insert(text, id) {
            problems.push(format!("{what} {other} and {id} are both \"{text}\""));
        }
    }
}

fn assert_none(file: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{file}:\n{}", problems.join("\n"));
}

#[test]
fn every_bundled_protocol_version_has_a_translation_that_fits_it() {
    for (name, text) in BUNDLED_PROTOCOLS {
        let protocol = parse_protocol(name, text).expect("bundled protocol parses");
        let stem = name.strip_suffix(".ron").expect("a .ron file");
        let file = format!("{ZH_CN}/protocols/{stem}.zh-CN.ron");
        let translation: ProtocolTranslation = parse(&file);
        assert_eq!(translation.language, "zh-CN", "{file}");
        let mut problems: Vec<String> = translation.problems(&protocol).iter().map(ToString::to_string).collect();

        // Only the words the app wrote are translated; every number they hold is kept.
        keeps_numbers(&mut problems, "title", &protocol.title, &translation.title);
        if let Some(document) = &translation.source_document {
            keeps_numbers(&mut problems, "source_document", &protocol.source.document, document);
        }
        for (english, chinese) in [
            (&protocol.source_gaps, &translation.source_gaps),
            (&protocol.exclusions_note, &translation.exclusions_note),
        ] {
            if let (Some(english), Some(chinese)) = (english, chinese) {
                keeps_numbers(&mut problems, "note", english, chinese);
            }
        }
        for (english, chinese) in protocol.information.iter().zip(&translation.information) {
            keeps_numbers(&mut problems, "information", english, chinese);
        }
        for correction in &protocol.corrections {
            if let Some(chinese) = translation.correction(&correction.criterion) {
                keeps_numbers(
                    &mut problems,
                    &format!("correction {}", correction.criterion),
                    &correction.reading,
                    chinese,
                );
            }
        }
        for criterion in &protocol.criteria {
            let Some(translated) = translation.criterion(&criterion.id) else { continue };
            keeps_numbers(&mut problems, &format!("{} title", criterion.id), &criterion.title, &translated.title);
            if let (Some(english), Some(chinese)) = (&criterion.interpretation, &translated.interpretation) {
                keeps_numbers(&mut problems, &format!("{} interpretation", criterion.id), english, chinese);
            }
            for (english, chinese) in criterion_judgment_questions(criterion).iter().zip(&translated.judgments) {
                keeps_numbers(&mut problems, &format!("{} judgment", criterion.id), english, chinese);
            }
        }
        distinct(&mut problems, "cohorts", translation.cohorts.iter().map(|(id, label)| (id.as_str(), label.as_str())));
        assert_none(&file, &problems);
    }
}

#[test]
fn every_protocol_translation_file_is_of_a_bundled_protocol_version() {
    let bundled: BTreeSet<String> = BUNDLED_PROTOCOLS
        .iter()
        .filter_map(|(name, _)| name.strip_suffix(".ron"))
        .map(|stem| format!("{stem}.zh-CN.ron"))
        .collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(format!("{ZH_CN}/protocols"))
        .expect("translations folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(on_disk, bundled);
}

#[test]
fn the_dictionary_translation_covers_every_id_and_names_no_other() {
    let dictionary: Dictionary = ron::from_str(BUNDLED_DICTIONARY).expect("bundled dictionary");
    let file = format!("{ZH_CN}/dictionary.ron");
    let translation: DictionaryTranslation = parse(&file);
    assert_eq!(translation.language, "zh-CN");
    let mut problems = Vec::new();

    same_ids(&mut problems, "section", dictionary.sections.iter().map(|s| s.id.as_str()), &translation.sections);
    same_ids(&mut problems, "item", dictionary.items.iter().map(|i| i.id.as_str()), &translation.items);
    same_ids(&mut problems, "test kind", dictionary.test_kinds.iter().map(|k| k.id.as_str()), &translation.test_kinds);
    same_ids(
        &mut problems,
        "contradiction",
        dictionary.contradictions.iter().map(|c| c.id.as_str()),
        &translation.contradictions,
    );

    for item in &dictionary.items {
        let Some(translated) = translation.items.get(&item.id) else { continue };
        keeps_numbers(&mut problems, &format!("{} label", item.id), &item.label, &translated.label);
        match (&item.help, &translated.help) {
            (Some(english), Some(chinese)) => {
                keeps_numbers(&mut problems, &format!("{} help", item.id), english, chinese)
            }
            (Some(_), None) => problems.push(format!("item {}: its help has no translation", item.id)),
            (None, Some(_)) => problems.push(format!("item {}: translates a help the item does not have", item.id)),
            (None, None) => {}
        }
        let options: Vec<&str> = match &item.kind {
            ItemKind::Choice(options) => options.iter().map(|option| option.id.as_str()).collect(),
            _ => Vec::new(),
        };
        same_ids(&mut problems, &format!("option of {}:", item.id), options, &translated.options);
        distinct(
            &mut problems,
            &format!("options of {}:", item.id),
            translated.options.iter().map(|(id, label)| (id.as_str(), label.as_str())),
        );
    }

    let texts = translation
        .sections
        .iter()
        .map(|(id, text)| (format!("section {id}"), text))
        .chain(translation.items.iter().flat_map(|(id, item)| {
            let label = std::iter::once((format!("item {id} label"), &item.label));
            let help = item.help.iter().map(move |help| (format!("item {id} help"), help));
            let options = item.options.iter().map(move |(option, text)| (format!("item {id} option {option}"), text));
            label.chain(help).chain(options)
        }))
        .chain(translation.test_kinds.iter().map(|(id, text)| (format!("test kind {id}"), text)))
        .chain(translation.contradictions.iter().map(|(id, text)| (format!("contradiction {id}"), text)));
    problems.extend(texts.filter(|(_, text)| empty(text)).map(|(what, _)| format!("{what} is empty")));

    distinct(&mut problems, "sections", translation.sections.iter().map(|(id, label)| (id.as_str(), label.as_str())));
    distinct(&mut problems, "items", translation.items.iter().map(|(id, item)| (id.as_str(), item.label.as_str())));
    assert_none(&file, &problems);
}

#[test]
fn the_drug_translation_covers_every_class_and_agent_and_names_no_other() {
    let catalogue: DrugCatalogue = ron::from_str(BUNDLED_DRUGS).expect("bundled drug catalogue");
    let file = format!("{ZH_CN}/drugs.ron");
    let translation: DrugsTranslation = parse(&file);
    assert_eq!(translation.language, "zh-CN");
    let mut problems = Vec::new();

    same_ids(&mut problems, "class", catalogue.classes.iter().map(|c| c.id.as_str()), &translation.classes);
    same_ids(&mut problems, "agent", catalogue.agents.iter().map(|a| a.id.as_str()), &translation.agents);
    for agent in &catalogue.agents {
        let Some(translated) = translation.agents.get(&agent.id) else { continue };
        match (&agent.note, &translated.note) {
            (Some(english), Some(chinese)) => {
                keeps_numbers(&mut problems, &format!("{} note", agent.id), english, chinese)
            }
            (Some(_), None) => problems.push(format!("agent {}: its note has no translation", agent.id)),
            (None, Some(_)) => problems.push(format!("agent {}: translates a note the agent does not have", agent.id)),
            (None, None) => {}
        }
    }

    let texts = translation.classes.iter().map(|(id, text)| (format!("class {id}"), text)).chain(
        translation.agents.iter().flat_map(|(id, agent)| {
            let name = std::iter::once((format!("agent {id} name"), &agent.name));
            let aliases = agent.aliases.iter().map(move |alias| (format!("agent {id} alias"), alias));
            let note = agent.note.iter().map(move |note| (format!("agent {id} note"), note));
            name.chain(aliases).chain(note)
        }),
    );
    problems.extend(texts.filter(|(_, text)| empty(text)).map(|(what, _)| format!("{what} is empty")));

    distinct(&mut problems, "classes", translation.classes.iter().map(|(id, label)| (id.as_str(), label.as_str())));
    // A name or alias finds one agent only: searching for it must not offer the wrong drug.
    distinct(
        &mut problems,
        "agents",
        translation.agents.iter().flat_map(|(id, agent)| {
            std::iter::once(agent.name.as_str())
                .chain(agent.aliases.iter().map(String::as_str))
                .map(move |name| (id.as_str(), name))
        }),
    );
    assert_none(&file, &problems);
}

#[test]
fn numbers_are_read_as_written() {
    assert_eq!(
        numbers("ALC ≥ 0.5 ×10⁹/L, 1:80, version 2. Done"),
        BTreeSet::from(["0.5".to_owned(), "10".to_owned(), "1".to_owned(), "80".to_owned(), "2".to_owned()])
    );
    let mut problems = Vec::new();
    keeps_numbers(&mut problems, "t", "Platelets ≥ 75 ×10⁹/L", "血小板计数≥57×10⁹/L");
    assert_eq!(problems, vec!["t: the translation lacks [\"75\"] of \"Platelets ≥ 75 ×10⁹/L\"".to_owned()]);
}
