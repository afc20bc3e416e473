//! The meaning of the vocabulary a protocol uses, as one SHA-256 a session pins beside the
//! protocol's own hash: the items it names (kind, units, analyte, options, test kind,
//! dating, plausible ranges), the units with their dimensions and exact factors, the
//! analytes' bridges, the classes with their agents and the agents with their classes and
//! equivalences, the test kinds with their items and the contradictions that read its items.
//! Labels, help, names and file bytes are left out, so translating a label or reformatting a
//! file changes nothing; and only the names the protocol reaches count, so a site adding a
//! name for another trial changes no session's pin.

use std::collections::{BTreeSet, VecDeque};

use serde_json::Value as Json;

use crate::engine::knowledge::Knowledge;
use crate::model::protocol::Protocol;
use crate::model::units::{Analyte, Unit};
use crate::session::hashing::sha256_hex;

/// Keys whose values are words for people, not meaning.
const WORDS: [&str; 7] = ["label", "help", "says", "note", "name", "aliases", "section"];

/// The SHA-256 of the meaning of every vocabulary name `protocol` reaches, hex.
pub fn vocabulary_sha256(knowledge: &Knowledge, protocol: &Protocol) -> String {
    sha256_hex(&meaning_lines(knowledge, protocol).join("\n"))
}

/// One line per vocabulary name the protocol reaches, sorted: what the hash covers.
pub fn meaning_lines(knowledge: &Knowledge, protocol: &Protocol) -> Vec<String> {
    let mut names: VecDeque<String> = VecDeque::new();
    strings(&serde_json::to_value(protocol).unwrap_or(Json::Null), &mut |s| names.push_back(s.to_owned()));
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut lines: BTreeSet<String> = BTreeSet::new();
    let dictionary = &knowledge.dictionary;
    let catalogue = &knowledge.catalogue;
    // Each contradiction's meaning and the names it reads, once: every item looks them up.
    let contradictions: Vec<(&str, Json, BTreeSet<String>)> = dictionary
        .contradictions
        .iter()
        .map(|contradiction| {
            let meaning = meaning_of(contradiction);
            let mut reads = BTreeSet::new();
            strings(&meaning, &mut |s| {
                reads.insert(s.to_owned());
            });
            (contradiction.id.as_str(), meaning, reads)
        })
        .collect();
    while let Some(name) = names.pop_front() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let mut reach = |json: &Json| strings(json, &mut |s| names.push_back(s.to_owned()));
        if let Some(item) = dictionary.items.iter().find(|i| i.id == name) {
            let meaning = meaning_of(item);
            reach(&meaning);
            lines.insert(format!("item {name}: {meaning}"));
            for (id, meaning, reads) in &contradictions {
                if reads.contains(&name) {
                    reach(meaning);
                    lines.insert(format!("contradiction {id}: {meaning}"));
                }
            }
        }
        if let Some(kind) = dictionary.test_kinds.iter().find(|k| k.id == name) {
            let items: Vec<&str> = dictionary
                .items
                .iter()
                .filter(|i| i.test_kind.as_deref() == Some(&name))
                .map(|i| i.id.as_str())
                .collect();
            lines.insert(format!("test kind {name}: {} items {items:?}", meaning_of(kind)));
        }
        if catalogue.class(&name).is_some() {
            let agents: Vec<&str> =
                catalogue.agents.iter().filter(|a| a.classes.contains(&name)).map(|a| a.id.as_str()).collect();
            lines.insert(format!("class {name}: agents {agents:?}"));
        }
        if let Some(agent) = catalogue.agent(&name) {
            let meaning = meaning_of(agent);
            reach(&meaning);
            lines.insert(format!("agent {name}: {meaning}"));
        }
        if let Some(unit) = Unit::parse(&name).filter(|unit| unit.code() == name) {
            let dimension = unit.dimension();
            lines.insert(format!("unit {name}: {} × {}", unit.to_reference(), dimension.id()));
        }
        if let Some(analyte) = Analyte::find(&name).filter(|analyte| analyte.id() == name) {
            let bridges: Vec<String> = analyte
                .bridges()
                .iter()
                .map(|b| format!("1 {} = {} {}", b.from.id(), b.factor.normalize(), b.to.id()))
                .collect();
            lines.insert(format!("analyte {name}: {bridges:?}"));
        }
    }
    lines.into_iter().collect()
}

/// A definition as JSON with the words for people removed.
fn meaning_of(definition: &impl serde::Serialize) -> Json {
    let mut json = serde_json::to_value(definition).unwrap_or(Json::Null);
    strip_words(&mut json);
    json
}

fn strip_words(json: &mut Json) {
    match json {
        Json::Object(map) => {
            map.retain(|key, _| !WORDS.contains(&key.as_str()));
            map.values_mut().for_each(strip_words);
        }
        Json::Array(values) => values.iter_mut().for_each(strip_words),
        _ => {}
    }
}

/// Every string in a JSON value, keys of objects included (an enum variant's name is a key).
fn strings(json: &Json, found: &mut impl FnMut(&str)) {
    match json {
        Json::String(s) => found(s),
        Json::Array(values) => values.iter().for_each(|v| strings(v, found)),
        Json::Object(map) => map.iter().for_each(|(key, value)| {
            found(key);
            strings(value, found);
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    #[test]
    fn the_pin_covers_items_units_and_classes_a_protocol_reaches_and_not_labels() {
        let library = Library::bundled().expect("bundle");
        let loaded = library.latest("refractory-autoimmune-5cohort").expect("seed 004");
        let lines = meaning_lines(&library.knowledge, &loaded.compiled.protocol);
        assert!(lines.iter().any(|l| l.starts_with("item haemoglobin: ")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with("unit g/L: 1 × mass_concentration")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with("analyte haemoglobin: ")), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with("class anti_cd20: agents")), "{lines:#?}");
        assert!(!lines.iter().any(|l| l.contains("Haemoglobin")), "labels are not meaning");

        let mut relabelled = library.knowledge.dictionary.clone();
        for item in &mut relabelled.items {
            item.label = format!("{} (relabelled)", item.label);
        }
        let knowledge = Knowledge::new(relabelled, library.knowledge.catalogue.clone()).expect("knowledge");
        let protocol = &loaded.compiled.protocol;
        assert_eq!(vocabulary_sha256(&knowledge, protocol), vocabulary_sha256(&library.knowledge, protocol));

        let mut catalogue = library.knowledge.catalogue.clone();
        if let Some(agent) = catalogue.agents.iter_mut().find(|a| a.id == "rituximab") {
            agent.classes.retain(|c| c != "anti_cd20");
        }
        let knowledge = Knowledge::new(library.knowledge.dictionary.clone(), catalogue).expect("knowledge");
        assert_ne!(
            vocabulary_sha256(&knowledge, protocol),
            vocabulary_sha256(&library.knowledge, protocol),
            "a class losing an agent changes what the protocol means"
        );
    }
}
