//! 2019 EULAR/ACR classification criteria for SLE (Aringer M et al. Ann Rheum Dis
//! 2019;78:1151–9; Arthritis Rheumatol 2019;71:1400–12).
//!
//! Entry: ANA ≥ 1:80 on HEp-2 cells (or an equivalent positive test) at least once;
//! without it the criteria do not apply (not "0 points"). Then 7 clinical and 3
//! immunologic domains; only the highest-weighted criterion present in a domain counts;
//! at least one clinical criterion is required; a total ≥ 10 classifies. A criterion
//! counts only when nothing explains it better than SLE; occurrences need not be
//! simultaneous.

use super::checklist::{self, Excluding, Gate, GroupRule, Sheet, SpecList, Weighted, presence, weighted};
use super::{Answers, AssessmentError, Classification, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::{text, text_with};

/// The total that classifies.
pub const THRESHOLD: u32 = 10;

const ENTRY: &str = "Entry criterion";
const CONSTITUTIONAL: &str = "Constitutional";
const HEMATOLOGIC: &str = "Hematologic";
const NEUROPSYCHIATRIC: &str = "Neuropsychiatric";
const MUCOCUTANEOUS: &str = "Mucocutaneous";
const SEROSAL: &str = "Serosal";
const MUSCULOSKELETAL: &str = "Musculoskeletal";
const RENAL: &str = "Renal";
const ANTIPHOSPHOLIPID: &str = "Antiphospholipid antibodies";
const COMPLEMENT: &str = "Complement proteins";
const SLE_SPECIFIC: &str = "SLE-specific antibodies";

const CLINICAL_DOMAINS: [&str; 7] =
    [CONSTITUTIONAL, HEMATOLOGIC, NEUROPSYCHIATRIC, MUCOCUTANEOUS, SEROSAL, MUSCULOSKELETAL, RENAL];

/// The entry criterion's item.
pub const ANA_ENTRY: &str = "ana_entry";

static ENTRY_ITEM: ItemSpec =
    presence(ANA_ENTRY, "ANA ≥ 1:80 on HEp-2 cells or an equivalent positive test, ever", ENTRY, "entry");

static ITEMS: [Weighted; 21] = [
    weighted("fever", "Fever > 38.3 °C", CONSTITUTIONAL, 2, "2"),
    weighted("leukopenia", "Leukopenia < 4.0 × 10⁹/L", HEMATOLOGIC, 3, "3"),
    weighted("thrombocytopenia", "Thrombocytopenia < 100 × 10⁹/L", HEMATOLOGIC, 4, "4"),
    weighted("autoimmune_hemolysis", "Autoimmune hemolysis", HEMATOLOGIC, 4, "4"),
    weighted("delirium", "Delirium", NEUROPSYCHIATRIC, 2, "2"),
    weighted("psychosis", "Psychosis", NEUROPSYCHIATRIC, 3, "3"),
    weighted("seizure", "Seizure", NEUROPSYCHIATRIC, 5, "5"),
    weighted("non_scarring_alopecia", "Non-scarring alopecia", MUCOCUTANEOUS, 2, "2"),
    weighted("oral_ulcers", "Oral ulcers", MUCOCUTANEOUS, 2, "2"),
    weighted("subacute_cutaneous_or_discoid_lupus", "Subacute cutaneous or discoid lupus", MUCOCUTANEOUS, 4, "4"),
    weighted("acute_cutaneous_lupus", "Acute cutaneous lupus", MUCOCUTANEOUS, 6, "6"),
    weighted("pleural_or_pericardial_effusion", "Pleural or pericardial effusion", SEROSAL, 5, "5"),
    weighted("acute_pericarditis", "Acute pericarditis", SEROSAL, 6, "6"),
    weighted("joint_involvement", "Joint involvement", MUSCULOSKELETAL, 6, "6"),
    weighted("proteinuria", "Proteinuria > 0.5 g/24 h", RENAL, 4, "4"),
    weighted("renal_biopsy_class_ii_or_v", "Renal biopsy class II or V lupus nephritis", RENAL, 8, "8"),
    weighted("renal_biopsy_class_iii_or_iv", "Renal biopsy class III or IV lupus nephritis", RENAL, 10, "10"),
    weighted(
        "antiphospholipid_antibodies",
        "Anticardiolipin, anti-β2GP1 or lupus anticoagulant",
        ANTIPHOSPHOLIPID,
        2,
        "2",
    ),
    weighted("low_c3_or_low_c4", "Low C3 or low C4", COMPLEMENT, 3, "3"),
    weighted("low_c3_and_low_c4", "Low C3 and low C4", COMPLEMENT, 4, "4"),
    weighted("anti_dsdna_or_anti_smith", "Anti-dsDNA or anti-Smith antibodies", SLE_SPECIFIC, 6, "6"),
];

static SPECS: SpecList = SpecList::new(|| checklist::specs_after(&[ENTRY_ITEM], &ITEMS));

/// The entry criterion, then the criteria domain by domain.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

fn is_clinical(spec: &ItemSpec) -> bool {
    spec.group.is_some_and(|group| CLINICAL_DOMAINS.contains(&group))
}

/// Scores the criteria and decides: `EntryNotMet` without ANA, `Classified` once the
/// assessed items reach 10 with a clinical criterion, `Undetermined` while unassessed
/// items could change the decision.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::EularAcrSle2019, answers, options, Excluding::NotSupported)?;
    if sheet.presence("low_c3_and_low_c4") == Some(true) && sheet.presence("low_c3_or_low_c4") == Some(false) {
        let other = sheet.label("low_c3_or_low_c4").to_owned();
        let reason = crate::i18n::text_with("instrument-sle-complement-conflict", &[("other", other)]);
        return Err(sheet.inconsistent("low_c3_and_low_c4", reason));
    }
    let scored = sheet.points_of(&ITEMS, Sheet::presence_points);
    let tally = checklist::tally(&scored, |_| GroupRule::HIGHEST);
    let clinical = scored.iter().filter(|item| is_clinical(item.spec));
    let clinical_present = clinical.clone().any(|item| item.low > 0);
    let clinical_possible = clinical.clone().any(|item| item.high > 0);
    let by_score = if tally.min >= THRESHOLD && clinical_present {
        Classification::Classified
    } else if tally.max < THRESHOLD || !clinical_possible {
        Classification::NotClassified
    } else {
        Classification::Undetermined
    };
    let entry = Gate::any_present(&sheet, &[ANA_ENTRY], Classification::EntryNotMet);
    let mut report = checklist::classification_report(
        &sheet,
        &tally,
        &[entry],
        by_score,
        &text_with("instrument-rule-sle-2019", &[("threshold", "10".to_owned())]),
    );
    if !clinical_present && tally.min > 0 {
        report.notes.push(text("instrument-sle-2019-no-clinical"));
    }
    if report.classification == Some(Classification::EntryNotMet) {
        report.notes.push("ANA ≥ 1:80 is absent: the criteria do not apply, whatever the points.".to_owned());
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::{assert_points_text, assess, only_present, partial};
    use super::*;

    const ID: InstrumentId = InstrumentId::EularAcrSle2019;

    fn with_ana(present: &[&str]) -> InstrumentReport {
        let mut keys = vec![ANA_ENTRY];
        keys.extend_from_slice(present);
        assess(ID, &only_present(ID, &keys))
    }

    fn decided(report: &InstrumentReport) -> (Option<f64>, Classification) {
        (report.exact(), report.classification.unwrap())
    }

    #[test]
    fn derived_vectors() {
        use Classification::{Classified, EntryNotMet, NotClassified};
        let no_ana = assess(ID, &only_present(ID, &["acute_cutaneous_lupus", "anti_dsdna_or_anti_smith"]));
        assert_eq!(no_ana.classification, Some(EntryNotMet));
        let all: Vec<&str> = ITEMS.iter().map(|row| row.spec.key).collect();
        let cases: [(&[&str], f64, Classification); 10] = [
            (&["acute_cutaneous_lupus", "anti_dsdna_or_anti_smith"], 12.0, Classified),
            (&["leukopenia", "thrombocytopenia", "autoimmune_hemolysis", "low_c3_or_low_c4"], 7.0, NotClassified),
            (
                &[
                    "oral_ulcers",
                    "non_scarring_alopecia",
                    "subacute_cutaneous_or_discoid_lupus",
                    "acute_cutaneous_lupus",
                    "joint_involvement",
                ],
                12.0,
                Classified,
            ),
            (
                &["anti_dsdna_or_anti_smith", "low_c3_or_low_c4", "low_c3_and_low_c4", "antiphospholipid_antibodies"],
                12.0,
                NotClassified,
            ),
            (&["renal_biopsy_class_iii_or_iv"], 10.0, Classified),
            (&["proteinuria", "renal_biopsy_class_ii_or_v", "anti_dsdna_or_anti_smith"], 14.0, Classified),
            (&["fever", "delirium", "psychosis", "seizure"], 7.0, NotClassified),
            (&["pleural_or_pericardial_effusion", "acute_pericarditis", "low_c3_or_low_c4"], 9.0, NotClassified),
            (&["pleural_or_pericardial_effusion", "acute_pericarditis", "low_c3_or_low_c4", "fever"], 11.0, Classified),
            (&all, 51.0, Classified),
        ];
        for (present, score, classification) in cases {
            assert_eq!(decided(&with_ana(present)), (Some(score), classification), "{present:?}");
        }
    }

    #[test]
    fn vignette_v1_scores_eighteen() {
        let v1 = [
            "fever",
            "oral_ulcers",
            "proteinuria",
            "anti_dsdna_or_anti_smith",
            "low_c3_or_low_c4",
            "low_c3_and_low_c4",
        ];
        assert_eq!(decided(&with_ana(&v1)), (Some(18.0), Classification::Classified));
        let v2 = [
            "thrombocytopenia",
            "fever",
            "oral_ulcers",
            "proteinuria",
            "anti_dsdna_or_anti_smith",
            "low_c3_or_low_c4",
            "low_c3_and_low_c4",
        ];
        assert_eq!(with_ana(&v2).exact(), Some(22.0));
    }

    #[test]
    fn every_weight_counts_alone() {
        for row in &ITEMS {
            // Both complements low implies either is low.
            let implied = if row.spec.key == "low_c3_and_low_c4" { "low_c3_or_low_c4" } else { row.spec.key };
            assert_eq!(with_ana(&[row.spec.key, implied]).exact(), Some(f64::from(row.weight)), "{}", row.spec.key);
        }
        assert_points_text(&ITEMS, |weight| weight.to_string());
    }

    #[test]
    fn only_the_highest_item_of_a_domain_counts_and_the_rest_is_explained() {
        let report = with_ana(&["oral_ulcers", "acute_cutaneous_lupus"]);
        assert_eq!(report.exact(), Some(6.0));
        assert_eq!(report.contributions.len(), 1);
        assert_eq!(report.contributions[0].key, "acute_cutaneous_lupus");
        assert!(report.notes.iter().any(|note| note.starts_with("Oral ulcers is present but not counted")));
    }

    #[test]
    fn decided_as_soon_as_the_assessed_items_reach_ten_with_a_clinical_item() {
        let report = assess(ID, &partial(&[ANA_ENTRY, "acute_cutaneous_lupus", "anti_dsdna_or_anti_smith"]));
        assert_eq!(report.classification, Some(Classification::Classified));
        assert_eq!((report.min, report.max), (12.0, 51.0));
    }

    #[test]
    fn undetermined_while_unassessed_items_could_change_it() {
        let report = assess(ID, &partial(&["acute_cutaneous_lupus", "anti_dsdna_or_anti_smith"]));
        assert_eq!(report.classification, Some(Classification::Undetermined), "ANA not assessed");
        assert!(report.unassessed.contains(&ANA_ENTRY));
        let report = report_of(&[(ANA_ENTRY, Answer::Present), ("joint_involvement", Answer::Present)]);
        assert_eq!(report.classification, Some(Classification::Undetermined));
        assert_eq!((report.min, report.max), (6.0, 51.0));
        assert_eq!(report.unassessed.len(), 20, "every other criterion could still add points");
    }

    #[test]
    fn immunologic_items_alone_never_classify_even_with_clinical_items_unanswered_absent() {
        let mut answers =
            only_present(ID, &[ANA_ENTRY, "anti_dsdna_or_anti_smith", "low_c3_and_low_c4", "low_c3_or_low_c4"]);
        answers.remove("fever");
        let report = assess(ID, &answers);
        assert_eq!(report.classification, Some(Classification::Undetermined), "fever could still add a clinical item");
        assert_eq!(report.unassessed, vec!["fever"]);
    }

    #[test]
    fn an_unassessed_item_that_cannot_change_the_score_is_not_listed() {
        let mut answers = only_present(ID, &[ANA_ENTRY, "acute_cutaneous_lupus"]);
        answers.remove("oral_ulcers");
        let report = assess(ID, &answers);
        assert_eq!(report.exact(), Some(6.0));
        assert!(report.unassessed.is_empty());
        assert_eq!(report.classification, Some(Classification::NotClassified));
    }

    #[test]
    fn ana_absent_is_entry_not_met_whatever_else_is_unassessed() {
        let report = report_of(&[(ANA_ENTRY, Answer::Absent)]);
        assert_eq!(report.classification, Some(Classification::EntryNotMet));
    }

    #[test]
    fn both_complements_low_with_either_absent_is_inconsistent() {
        let answers = report_answers(&[("low_c3_and_low_c4", Answer::Present), ("low_c3_or_low_c4", Answer::Absent)]);
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::Inconsistent { .. })));
        // Said with the items' labels, in the reader's language: never the keys.
        let said = |language| {
            crate::i18n::set_thread_language(language);
            let said = ID.evaluate(&answers, &ScoreOptions::default()).err().map(|error| error.to_string());
            crate::i18n::set_thread_language(crate::i18n::Language::En);
            said.unwrap_or_default()
        };
        let english = said(crate::i18n::Language::En);
        assert!(!english.contains("low_c3"), "{english}");
        assert!(english.contains("\" is present while \""), "{english}");
        let chinese = said(crate::i18n::Language::ZhCn);
        assert!(!chinese.contains("low_c3") && chinese.contains("为存在，但“"), "{chinese}");
        assert!(chinese.starts_with("2019 EULAR/ACR SLE分类标准："), "the instrument named in Chinese: {chinese}");
    }

    #[test]
    fn excluding_is_refused() {
        let options = ScoreOptions::excluding(&["fever"]);
        assert!(matches!(ID.evaluate(&Answers::new(), &options), Err(AssessmentError::ExcludingNotSupported { .. })));
    }

    fn report_answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(key, answer)| ((*key).to_owned(), *answer)).collect()
    }

    fn report_of(pairs: &[(&str, Answer)]) -> InstrumentReport {
        assess(ID, &report_answers(pairs))
    }
}
