//! A protocol version's words in another language: its title, notes, information lines,
//! cohort labels, corrections, and each criterion's title, interpretation and judgment
//! questions.
//!
//! Sources stay verbatim in their own language, so a translation never holds a source text,
//! a heading or a discretion's text. It lives in a file of its own (`NAME.vN.LANG.ron`),
//! never inside the protocol file, so adding or correcting a translation does not change
//! the protocol's pinned SHA-256 and never marks a session's protocol as changed.
//!
//! ```ron
//! (
//!     protocol: "refractory-sle-age5",
//!     version: 2,
//!     language: "zh-CN",
//!     title: "难治性系统性红斑狼疮，5岁及以上（细胞治疗）",
//!     corrections: {"I8": "…"},
//!     criteria: {
//!         "I1": (title: "年龄≥5岁", interpretation: Some("…")),
//!         "E22": (title: "…", interpretation: Some("…"), judgments: ["…"]),
//!     },
//! )
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::protocol::{Criterion, Protocol};
use crate::model::rule::Rule;

/// The words of one protocol version in one language, keyed by the protocol's own ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolTranslation {
    /// The id of the protocol translated: `refractory-sle-age5`.
    pub protocol: String,
    /// The version translated; each version has its own translation, as its texts differ.
    pub version: u32,
    /// The language, a BCP 47 tag: `zh-CN`.
    pub language: String,
    /// The protocol's title.
    pub title: String,
    /// The citation of the source, in words (`source.document`): present when the
    /// protocol's citation is said to the investigator in this language. Registry ids and
    /// dates are not words and stay as they are.
    #[serde(default)]
    pub source_document: Option<String>,
    /// `source_gaps`, present exactly when the protocol has it.
    #[serde(default)]
    pub source_gaps: Option<String>,
    /// `exclusions_note`, present exactly when the protocol has it.
    #[serde(default)]
    pub exclusions_note: Option<String>,
    /// The information lines, one for each of the protocol's, in its order (they have no ids).
    #[serde(default)]
    pub information: Vec<String>,
    /// Cohort id → label.
    #[serde(default)]
    pub cohorts: BTreeMap<String, String>,
    /// Criterion id of a correction → what this version reads differently.
    #[serde(default)]
    pub corrections: BTreeMap<String, String>,
    /// Criterion id → its words.
    pub criteria: BTreeMap<String, CriterionTranslation>,
}

/// A criterion's words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionTranslation {
    /// The short title for lists.
    pub title: String,
    /// The interpretation, present exactly when the criterion has one.
    #[serde(default)]
    pub interpretation: Option<String>,
    /// The questions of the criterion's `Judgment` and `JudgmentIf` rules, in the order
    /// [`judgment_questions`] lists them (the order the engine numbers them in).
    #[serde(default)]
    pub judgments: Vec<String>,
}

/// Why a translation does not fit the protocol version it names. Every problem is listed,
/// so one run of the check says all that needs fixing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TranslationProblem {
    /// The translation names another protocol or version.
    #[error("{}", crate::i18n::text_with("translation-other-protocol", &[("found", found.clone()), ("expected", expected.clone())]))]
    OtherProtocol {
        /// The protocol and version checked against ("id version N").
        expected: String,
        /// The protocol and version the translation names.
        found: String,
    },
    /// A translated criterion the protocol does not have.
    #[error("{}", crate::i18n::text_with("translation-unknown-criterion", &[("criterion", .0.clone())]))]
    UnknownCriterion(String),
    /// A criterion without a translation.
    #[error("{}", crate::i18n::text_with("translation-missing-criterion", &[("criterion", .0.clone())]))]
    MissingCriterion(String),
    /// The criterion has an interpretation and its translation does not.
    #[error("{}", crate::i18n::text_with("translation-missing-interpretation", &[("criterion", .0.clone())]))]
    MissingInterpretation(String),
    /// The translation gives an interpretation the criterion does not have.
    #[error("{}", crate::i18n::text_with("translation-unknown-interpretation", &[("criterion", .0.clone())]))]
    UnknownInterpretation(String),
    /// The number of judgment questions differs.
    #[error("{}", crate::i18n::text_with("translation-judgment-count", &[("criterion", criterion.clone()), ("expected", expected.to_string()), ("found", found.to_string())]))]
    JudgmentCount {
        /// The criterion's id.
        criterion: String,
        /// How many judgment questions the protocol asks.
        expected: usize,
        /// How many the translation has.
        found: usize,
    },
    /// A translated cohort the protocol does not have.
    #[error("{}", crate::i18n::text_with("translation-unknown-cohort", &[("cohort", .0.clone())]))]
    UnknownCohort(String),
    /// A cohort without a translated label.
    #[error("{}", crate::i18n::text_with("translation-missing-cohort", &[("cohort", .0.clone())]))]
    MissingCohort(String),
    /// A translated correction the protocol does not make.
    #[error("{}", crate::i18n::text_with("translation-unknown-correction", &[("criterion", .0.clone())]))]
    UnknownCorrection(String),
    /// A correction without a translation.
    #[error("{}", crate::i18n::text_with("translation-missing-correction", &[("criterion", .0.clone())]))]
    MissingCorrection(String),
    /// Two corrections of one criterion cannot be told apart by a translation keyed by
    /// criterion id.
    #[error("{}", crate::i18n::text_with("translation-repeated-correction", &[("criterion", .0.clone())]))]
    RepeatedCorrection(String),
    /// The information lines do not pair up.
    #[error("{}", crate::i18n::text_with("translation-information-count", &[("expected", expected.to_string()), ("found", found.to_string())]))]
    InformationCount {
        /// How many information lines the protocol has.
        expected: usize,
        /// How many the translation has.
        found: usize,
    },
    /// A field the protocol has and the translation lacks.
    #[error("{}", crate::i18n::text_with("translation-missing-field", &[("field", .0.to_string())]))]
    MissingField(&'static str),
    /// A field the translation has and the protocol lacks.
    #[error("{}", crate::i18n::text_with("translation-unknown-field", &[("field", .0.to_string())]))]
    UnknownField(&'static str),
    /// A text that is empty or only spaces.
    #[error("{}", crate::i18n::text_with("translation-empty", &[("field", .0.clone())]))]
    Empty(String),
}

impl ProtocolTranslation {
    /// The words of a criterion.
    pub fn criterion(&self, id: &str) -> Option<&CriterionTranslation> {
        self.criteria.get(id)
    }

    /// The label of a cohort.
    pub fn cohort(&self, id: &str) -> Option<&str> {
        self.cohorts.get(id).map(String::as_str)
    }

    /// What this version reads differently for a criterion.
    pub fn correction(&self, criterion: &str) -> Option<&str> {
        self.corrections.get(criterion).map(String::as_str)
    }

    /// Everything that keeps this translation from fitting `protocol`: another protocol or
    /// version, an id the protocol lacks, a criterion, cohort, correction, interpretation,
    /// judgment question or note left untranslated, an empty text. Empty when it fits.
    pub fn problems(&self, protocol: &Protocol) -> Vec<TranslationProblem> {
        // Destructured without `..`: a field added to the translation is a compile error
        // here until it is checked.
        let Self {
            protocol: protocol_id,
            version,
            language,
            title,
            source_document,
            source_gaps,
            exclusions_note,
            information,
            cohorts,
            corrections,
            criteria,
        } = self;
        let mut problems = Vec::new();
        if *protocol_id != protocol.id || *version != protocol.version {
            problems.push(TranslationProblem::OtherProtocol {
                expected: crate::i18n::text_with(
                    "translation-protocol-version",
                    &[("id", protocol.id.clone()), ("version", protocol.version.to_string())],
                ),
                found: crate::i18n::text_with(
                    "translation-protocol-version",
                    &[("id", protocol_id.clone()), ("version", version.to_string())],
                ),
            });
        }
        let mut texts: Vec<(String, &str)> = vec![("language".to_owned(), language), ("title".to_owned(), title)];
        texts.extend(source_document.as_deref().map(|text| ("source_document".to_owned(), text)));
        paired_field(&mut problems, &mut texts, "source_gaps", protocol.source_gaps.as_ref(), source_gaps.as_deref());
        paired_field(
            &mut problems,
            &mut texts,
            "exclusions_note",
            protocol.exclusions_note.as_ref(),
            exclusions_note.as_deref(),
        );
        if information.len() != protocol.information.len() {
            problems.push(TranslationProblem::InformationCount {
                expected: protocol.information.len(),
                found: information.len(),
            });
        }
        texts.extend(
            information.iter().enumerate().map(|(i, line)| (format!("information line {}", i + 1), line.as_str())),
        );

        for cohort in &protocol.cohorts {
            if !cohorts.contains_key(&cohort.id) {
                problems.push(TranslationProblem::MissingCohort(cohort.id.clone()));
            }
        }
        for (id, label) in cohorts {
            if !protocol.cohorts.iter().any(|cohort| cohort.id == *id) {
                problems.push(TranslationProblem::UnknownCohort(id.clone()));
            }
            texts.push((format!("cohort {id}"), label));
        }

        for (i, correction) in protocol.corrections.iter().enumerate() {
            if protocol.corrections.iter().skip(i + 1).any(|later| later.criterion == correction.criterion) {
                problems.push(TranslationProblem::RepeatedCorrection(correction.criterion.clone()));
            }
            if !corrections.contains_key(&correction.criterion) {
                problems.push(TranslationProblem::MissingCorrection(correction.criterion.clone()));
            }
        }
        for (id, reading) in corrections {
            if !protocol.corrections.iter().any(|correction| correction.criterion == *id) {
                problems.push(TranslationProblem::UnknownCorrection(id.clone()));
            }
            texts.push((format!("correction to {id}"), reading));
        }

        for criterion in &protocol.criteria {
            match criteria.get(&criterion.id) {
                None => problems.push(TranslationProblem::MissingCriterion(criterion.id.clone())),
                Some(translated) => criterion_problems(&mut problems, criterion, translated),
            }
        }
        for (id, translated) in criteria {
            if !protocol.criteria.iter().any(|criterion| criterion.id == *id) {
                problems.push(TranslationProblem::UnknownCriterion(id.clone()));
            }
            let CriterionTranslation { title, interpretation, judgments } = translated;
            texts.push((format!("{id} title"), title));
            texts.extend(interpretation.as_deref().map(|text| (format!("{id} interpretation"), text)));
            texts.extend(
                judgments
                    .iter()
                    .enumerate()
                    .map(|(i, question)| (format!("{id} judgment {}", i + 1), question.as_str())),
            );
        }

        problems.extend(
            texts
                .into_iter()
                .filter(|(_, text)| text.trim().is_empty())
                .map(|(what, _)| TranslationProblem::Empty(what)),
        );
        problems
    }
}

/// A note the protocol may have (`source_gaps`, `exclusions_note`): the translation has it
/// exactly when the protocol does.
fn paired_field<'a>(
    problems: &mut Vec<TranslationProblem>,
    texts: &mut Vec<(String, &'a str)>,
    field: &'static str,
    original: Option<&String>,
    translated: Option<&'a str>,
) {
    match (original, translated) {
        (Some(_), None) => problems.push(TranslationProblem::MissingField(field)),
        (None, Some(_)) => problems.push(TranslationProblem::UnknownField(field)),
        (_, Some(text)) => texts.push((field.to_owned(), text)),
        (None, None) => {}
    }
}

fn criterion_problems(
    problems: &mut Vec<TranslationProblem>,
    criterion: &Criterion,
    translated: &CriterionTranslation,
) {
    match (&criterion.interpretation, &translated.interpretation) {
        (Some(_), None) => problems.push(TranslationProblem::MissingInterpretation(criterion.id.clone())),
        (None, Some(_)) => problems.push(TranslationProblem::UnknownInterpretation(criterion.id.clone())),
        _ => {}
    }
    let expected = criterion_judgment_questions(criterion).len();
    if translated.judgments.len() != expected {
        problems.push(TranslationProblem::JudgmentCount {
            criterion: criterion.id.clone(),
            expected,
            found: translated.judgments.len(),
        });
    }
}

/// The judgment questions of a criterion in the order the engine numbers them: its
/// `applies_when`, then its rule, then its discretion's conditions.
pub fn criterion_judgment_questions(criterion: &Criterion) -> Vec<&str> {
    let mut questions = Vec::new();
    let discretion = criterion.discretion.as_ref().map(|discretion| &discretion.conditions);
    for rule in criterion.applies_when.iter().chain([&criterion.rule]).chain(discretion) {
        questions.extend(judgment_questions(rule));
    }
    questions
}

/// The questions of a rule's `Judgment` and `JudgmentIf` nodes, depth first, left to right,
/// a `JudgmentIf`'s condition before its own question (the engine's compile order).
pub fn judgment_questions(rule: &Rule) -> Vec<&str> {
    let mut questions = Vec::new();
    collect_judgment_questions(rule, &mut questions);
    questions
}

fn collect_judgment_questions<'a>(rule: &'a Rule, questions: &mut Vec<&'a str>) {
    // Every variant is named: a new combinator that holds rules is a compile error here
    // rather than questions silently left untranslated.
    match rule {
        Rule::All(parts) | Rule::Any(parts) | Rule::AtLeast(_, parts) | Rule::FirstKnown(parts) => {
            for part in parts {
                collect_judgment_questions(part, questions);
            }
        }
        Rule::Not(part) => collect_judgment_questions(part, questions),
        Rule::Judgment(question) => questions.push(question),
        Rule::JudgmentIf(condition, question) => {
            collect_judgment_questions(condition, questions);
            questions.push(question);
        }
        Rule::Compare(..)
        | Rule::Known(_)
        | Rule::Yes(_)
        | Rule::Choice(..)
        | Rule::Occurred(..)
        | Rule::Exposed { .. }
        | Rule::Started { .. }
        | Rule::Attested(_)
        | Rule::Always(_)
        | Rule::StableTreatment { .. }
        | Rule::Combined(_)
        | Rule::Classified(_)
        | Rule::Change(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROTOCOL: &str = r#"(
        id: "p", version: 2, title: "P", source: (document: "Seed"), source_complete: false,
        source_gaps: Some("Incomplete"),
        cohorts: [(id: "A", label: "Cohort A")],
        information: ["One line"],
        corrections: [(criterion: "I1", reading: "Reads differently")],
        criteria: [
            (id: "I1", kind: Inclusion, title: "One", source_text: "1.", interpretation: Some("Read so"),
             rule: Any([Yes("x"), JudgmentIf(Not(Judgment("Inner?")), "Outer?")])),
            (id: "E1", kind: Exclusion, title: "Two", source_text: "2.", rule: Yes("y")),
        ],
    )"#;

    const TRANSLATION: &str = r#"(
        protocol: "p", version: 2, language: "zh-CN", title: "甲",
        source_gaps: Some("不完整"),
        information: ["一行"],
        cohorts: {"A": "队列甲"},
        corrections: {"I1": "读法不同"},
        criteria: {
            "I1": (title: "一", interpretation: Some("如此解读"), judgments: ["内？", "外？"]),
            "E1": (title: "二"),
        },
    )"#;

    fn protocol() -> Protocol {
        ron::from_str(PROTOCOL).unwrap()
    }

    fn translation() -> ProtocolTranslation {
        ron::from_str(TRANSLATION).unwrap()
    }

    #[test]
    fn a_translation_that_fits_has_no_problems() {
        assert_eq!(translation().problems(&protocol()), vec![]);
        assert_eq!(translation().criterion("I1").map(|c| c.title.as_str()), Some("一"));
        assert_eq!(translation().cohort("A"), Some("队列甲"));
        assert_eq!(translation().correction("I1"), Some("读法不同"));
    }

    #[test]
    fn judgment_questions_follow_the_compile_order() {
        let protocol = protocol();
        let questions = protocol.criteria.first().map(criterion_judgment_questions).unwrap();
        assert_eq!(questions, vec!["Inner?", "Outer?"]);
    }

    #[test]
    fn every_gap_and_unknown_id_is_listed() {
        let mut translation = translation();
        translation.version = 1;
        translation.source_gaps = None;
        translation.exclusions_note = Some("多出".to_owned());
        translation.information.push("多一行".to_owned());
        translation.cohorts = BTreeMap::from([("B".to_owned(), "队列乙".to_owned())]);
        translation.corrections = BTreeMap::from([("E1".to_owned(), " ".to_owned())]);
        translation.criteria.remove("E1");
        translation.criteria.insert(
            "I1".to_owned(),
            CriterionTranslation { title: String::new(), interpretation: None, judgments: vec!["外？".to_owned()] },
        );
        translation.criteria.insert(
            "E9".to_owned(),
            CriterionTranslation { title: "九".to_owned(), interpretation: None, judgments: vec![] },
        );
        let problems: Vec<String> = translation.problems(&protocol()).iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            vec![
                "the translation is of p version 1, not of p version 2",
                "source_gaps: the protocol has it and the translation does not",
                "exclusions_note: the translation has it and the protocol does not",
                "the protocol has 1 information line(s), the translation has 2",
                "cohort A has no translation",
                "cohort B is not in the protocol",
                "the correction to criterion I1 has no translation",
                "the protocol makes no correction to criterion E1",
                "criterion I1: the protocol gives an interpretation and the translation does not",
                "criterion I1: the protocol asks 2 judgment question(s), the translation has 1",
                "criterion E1 has no translation",
                "criterion E9 is not in the protocol",
                "correction to E1 is empty",
                "I1 title is empty",
            ]
        );
    }
}

#[cfg(test)]
mod wording_tests {
    use super::TranslationProblem;
    use crate::i18n::{Language, set_thread_language};

    #[test]
    fn a_translations_problems_are_worded_in_the_readers_language() {
        let problems = [
            TranslationProblem::MissingCriterion("I3".to_owned()),
            TranslationProblem::JudgmentCount { criterion: "S1".to_owned(), expected: 1, found: 2 },
        ];
        set_thread_language(Language::ZhCn);
        let chinese = problems.clone().map(|problem| problem.to_string());
        set_thread_language(Language::En);
        assert_eq!(chinese, ["标准I3没有译文", "标准S1：方案有1个判断问题，译文有2个"]);
        assert_eq!(problems[0].to_string(), "criterion I3 has no translation");
    }
}
