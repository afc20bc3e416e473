//! The bundled data: protocols quote their sources verbatim, every file is bundled and
//! compiles, every example session loads and names only what exists.

use std::collections::BTreeSet;

use trialscreen::library::{BUNDLED_PROTOCOLS, Library};
use trialscreen::session::load::parse_session;
use trialscreen::session_check::check_session;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// A source text without list markers, so a criterion quoted across several bulleted
/// lines can be found in the seed.
fn without_list_markers(text: &str) -> String {
    text.lines()
        .map(|line| line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")).unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

fn seeds_of(protocol_id: &str) -> Vec<String> {
    let files: &[&str] = match protocol_id {
        "refractory-sle-age5" => &["000-refractory-sle-age5.txt"],
        "refractory-autoimmune-5cohort" => &["003-refractory-autoimmune-5cohort.txt"],
        "huc-msc-sle" => &["004-huc-msc-sle.txt", "004-registry-NCT07041801.txt"],
        other => panic!("no seed for {other}"),
    };
    files
        .iter()
        .map(|file| without_list_markers(&std::fs::read_to_string(format!("{DATA}/seeds/{file}")).expect("seed file")))
        .collect()
}

#[test]
fn every_criterion_quotes_its_source_word_for_word() {
    let library = Library::bundled().expect("bundled data loads");
    for loaded in library.protocols() {
        let protocol = &loaded.compiled.protocol;
        let seeds = seeds_of(&protocol.id);
        let quoted = |text: &str| seeds.iter().any(|seed| seed.contains(&without_list_markers(text)));
        for criterion in &protocol.criteria {
            assert!(quoted(&criterion.source_text), "{} {}: source text is not verbatim", protocol.id, criterion.id);
            if let Some(heading) = &criterion.heading {
                assert!(quoted(heading), "{} {}: heading is not verbatim", protocol.id, criterion.id);
            }
            if let Some(discretion) = &criterion.discretion {
                assert!(quoted(&discretion.source_text), "{} {}: discretion text", protocol.id, criterion.id);
            }
        }
    }
}

#[test]
fn typos_of_the_source_are_kept() {
    let library = Library::bundled().expect("bundled data loads");
    let protocol = &library.get("refractory-autoimmune-5cohort", 1).expect("seed 003").compiled.protocol;
    let all_text: String = protocol.criteria.iter().map(|c| c.source_text.as_str()).collect();
    assert!(all_text.contains("polyangitis"));
    assert!(all_text.contains("tacrolizumab"));
}

#[test]
fn criterion_ids_follow_the_numbering_scheme() {
    let library = Library::bundled().expect("bundled data loads");
    let ids = |id: &str| -> BTreeSet<String> {
        library.latest(id).expect("protocol").compiled.protocol.criteria.iter().map(|c| c.id.clone()).collect()
    };
    let seed000 = ids("refractory-sle-age5");
    for id in ["I1", "I2", "I3", "I4", "I5", "I6", "I8", "I9"]
        .into_iter()
        .chain((1..=22).map(|n| Box::leak(format!("E{n}").into_boxed_str()) as &str))
    {
        assert!(seed000.contains(id), "seed 000 lacks {id}");
    }
    for part in ["alc", "cd19", "anc", "hb", "plt", "lvef", "egfr", "ast", "alt", "bili", "spo2"] {
        assert!(seed000.contains(&format!("I7.{part}")), "seed 000 lacks I7.{part}");
    }
    assert_eq!(seed000.len(), 41);
    let seed003 = ids("refractory-autoimmune-5cohort");
    for prefix in ["ALL.", "SLE.", "SSC.", "AAV.", "IIM.", "SS."] {
        assert!(seed003.iter().any(|id| id.starts_with(prefix)), "seed 003 lacks {prefix}n");
    }
    assert_eq!(ids("huc-msc-sle"), ["I1", "I2", "I3", "I4", "S1"].into_iter().map(str::to_owned).collect());
}

#[test]
fn sources_that_lack_criteria_say_so() {
    let library = Library::bundled().expect("bundled data loads");
    let seed003 = &library.latest("refractory-autoimmune-5cohort").expect("seed 003").compiled.protocol;
    assert_eq!(seed003.exclusions_note.as_deref(), Some("Exclusion criteria: not provided in the source document"));
    assert!(seed003.criteria.iter().all(|c| c.kind == trialscreen::model::protocol::CriterionKind::Inclusion));
    let seed004 = &library.latest("huc-msc-sle").expect("seed 004").compiled.protocol;
    assert!(!seed004.source_complete);
    assert_eq!(
        seed004.source_gaps.as_deref(),
        Some("Criteria incomplete in source: inclusion 5+ and all exclusions not available")
    );
}

#[test]
fn every_protocol_file_is_bundled() {
    let mut on_disk: Vec<String> = std::fs::read_dir(format!("{DATA}/protocols"))
        .expect("protocol folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    on_disk.sort();
    let mut bundled: Vec<String> = BUNDLED_PROTOCOLS.iter().map(|(name, _)| (*name).to_owned()).collect();
    bundled.sort();
    assert_eq!(on_disk, bundled);
}

#[test]
fn every_example_session_loads_and_is_consistent() {
    let library = Library::bundled().expect("bundled data loads");
    let mut count = 0;
    for entry in std::fs::read_dir(format!("{DATA}/examples")).expect("examples folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("example text");
        let session = parse_session(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check_session(&session, &text, &library).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        count += 1;
    }
    assert!(count >= 15, "one example per vignette at least ({count})");
}

#[test]
fn glucocorticoid_equivalences_in_the_catalogue_match_the_reference_table() {
    let library = Library::bundled().expect("bundled data loads");
    let catalogue = &library.knowledge.catalogue;
    for agent in &catalogue.agents {
        let Some(equivalent) = agent.prednisone_equivalent_dose_mg else { continue };
        let reference = trialscreen::calculators::steroids::reference_equivalent_dose_mg(&agent.id)
            .unwrap_or_else(|| panic!("{} has no reference equivalence", agent.id));
        assert_eq!(equivalent, reference, "{}", agent.id);
    }
    let glucocorticoids = catalogue.agents.iter().filter(|a| a.is_in("glucocorticoid"));
    for agent in glucocorticoids {
        assert!(
            agent.prednisone_equivalent_dose_mg.is_some() || agent.note.is_some(),
            "{} needs an equivalence or a note",
            agent.id
        );
    }
}

/// Released protocol files are never edited: sessions pin them by SHA-256. A corrected
/// reading is a new version file.
#[test]
fn released_protocol_files_are_unchanged() {
    let library = trialscreen::library::Library::bundled().expect("bundled data");
    for (id, version, sha256) in [
        ("refractory-sle-age5", 1, "7010346263c33e978ab29e77e8a0909dfb6d2d51bec3d2853291db0eb79f6bb7"),
        ("refractory-autoimmune-5cohort", 1, "52415f5c23d2ce285f21c615c2eb00bd98bdf614b866ee48521d3f02ce96ff0d"),
        ("huc-msc-sle", 1, "19a890bfce9537a1cfad791a0a17c52fbab6c0c9061cacf40d96ada01ca40b0b"),
    ] {
        let loaded = library.get(id, version).expect("released version is bundled");
        assert_eq!(loaded.sha256, sha256, "{id} v{version} was edited: release a new version instead");
    }
}

/// Every bundled protocol has a version 2 that names the readings it corrects, and new
/// screenings use it.
#[test]
fn version_2_of_each_bundled_protocol_lists_its_corrections() {
    let library = trialscreen::library::Library::bundled().expect("bundled data");
    for id in ["refractory-sle-age5", "refractory-autoimmune-5cohort", "huc-msc-sle"] {
        let latest = library.latest(id).expect("bundled");
        assert_eq!(latest.compiled.protocol.version, 2);
        assert!(!latest.compiled.protocol.corrections.is_empty(), "{id}");
        for correction in &latest.compiled.protocol.corrections {
            assert!(
                latest.compiled.protocol.criteria.iter().any(|c| c.id == correction.criterion),
                "{id}: correction names {}",
                correction.criterion
            );
        }
    }
}

#[test]
fn a_protocol_with_more_judgments_than_can_be_numbered_is_refused_not_misnumbered() {
    use trialscreen::engine::compile::{ProtocolError, compile};
    use trialscreen::model::rule::Rule;
    let library = Library::bundled().expect("bundled data loads");
    let seed = library.get("refractory-sle-age5", 1).expect("seed 000");
    let with_judgments = |count: usize| {
        let mut protocol = seed.compiled.protocol.clone();
        protocol.criteria.truncate(1);
        let criterion = protocol.criteria.first_mut().expect("a criterion");
        criterion.applies_when = None;
        criterion.discretion = None;
        criterion.rule = Rule::Any((0..count).map(|n| Rule::Judgment(format!("question {n}"))).collect());
        protocol
    };
    // Judgments are numbered in 16 bits: 65 536 is the most, and compiles.
    let most = compile(&with_judgments(65_536), &library.knowledge).expect("65 536 judgments compile");
    assert_eq!(most.judgment_texts.len(), 65_536);
    assert_eq!(most.judgment_texts.last().map(String::as_str), Some("question 65535"));
    let error = compile(&with_judgments(65_537), &library.knowledge).expect_err("one more is refused");
    let too_many: Vec<String> = error
        .problems
        .iter()
        .filter(|problem| matches!(problem, ProtocolError::TooMany { .. }))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        too_many,
        ["the protocol has more judgments than the 65536 one protocol can hold: split it into several protocols"],
        "said once"
    );
}

#[test]
fn a_dictionary_with_more_test_kinds_than_can_be_numbered_is_refused() {
    use trialscreen::engine::knowledge::{Knowledge, KnowledgeError};
    let library = Library::bundled().expect("bundled data loads");
    let mut dictionary = library.knowledge.dictionary.clone();
    let template = dictionary.test_kinds.first().cloned().expect("a test kind");
    while dictionary.test_kinds.len() < 256 {
        let mut kind = template.clone();
        kind.id = format!("kind_{}", dictionary.test_kinds.len());
        dictionary.test_kinds.push(kind);
    }
    assert!(Knowledge::new(dictionary.clone(), library.knowledge.catalogue.clone()).is_ok(), "256 test kinds load");
    let mut kind = template;
    kind.id = "one_too_many".to_owned();
    dictionary.test_kinds.push(kind);
    match Knowledge::new(dictionary, library.knowledge.catalogue.clone()) {
        Err(error @ KnowledgeError::TooMany { .. }) => {
            assert_eq!(error.to_string(), "the data dictionary has 257 test kinds; at most 256 are supported")
        }
        other => panic!("expected too many test kinds, got {:?}", other.map(|_| ())),
    }
}
