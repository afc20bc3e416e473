//! SLEDAI-2K (Gladman DD, Ibañez D, Urowitz MB. J Rheumatol 2002;29:288–91).
//!
//! 24 descriptors, each scored at its weight when present at the visit or in the 10 days
//! before (30 days where the protocol chooses the validated window of Touma 2010); total
//! 0–105. Unlike SLEDAI, rash, alopecia, mucosal ulcers and proteinuria count when
//! persistent. A protocol may leave items out (`ScoreOptions::excluding`): the two
//! definitions of "clinical SLEDAI" in use are [`SEROLOGY`] and [`ALL_LABORATORY`].

use super::checklist::{self, Excluding, GroupRule, Sheet, SpecList, Weighted, weighted};
use super::{Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::text_with;

const NEUROLOGICAL: &str = "Neurological";
const VASCULAR: &str = "Vascular";
const MUSCULOSKELETAL: &str = "Musculoskeletal";
const RENAL: &str = "Renal";
const MUCOCUTANEOUS: &str = "Mucocutaneous";
const SEROSAL: &str = "Serosal";
const IMMUNOLOGICAL: &str = "Immunological";
const CONSTITUTIONAL: &str = "Constitutional";
const HEMATOLOGICAL: &str = "Hematological";

/// The serology items: "clinical SLEDAI-2K" as the seeds and most trials mean it
/// (total without low complement and increased DNA binding).
pub const SEROLOGY: &[&str] = &["low_complement", "increased_dna_binding"];

/// Every laboratory item: "clinical SLEDAI-2K" as the anifrolumab MUSE trial defined it
/// (Furie 2017: casts, haematuria, proteinuria, pyuria, complement, anti-dsDNA,
/// thrombocytopenia, leukopenia).
pub const ALL_LABORATORY: &[&str] = &[
    "urinary_casts",
    "hematuria",
    "proteinuria",
    "pyuria",
    "low_complement",
    "increased_dna_binding",
    "thrombocytopenia",
    "leukopenia",
];

/// The items MUSE also left out of its screening SLEDAI-2K ≥ 6.
pub const MUSE_SCREENING_EXCLUSIONS: &[&str] = &["lupus_headache", "organic_brain_syndrome"];

static ITEMS: [Weighted; 24] = [
    weighted("seizure", "Seizure", NEUROLOGICAL, 8, "8"),
    weighted("psychosis", "Psychosis", NEUROLOGICAL, 8, "8"),
    weighted("organic_brain_syndrome", "Organic brain syndrome", NEUROLOGICAL, 8, "8"),
    weighted("visual_disturbance", "Visual disturbance", NEUROLOGICAL, 8, "8"),
    weighted("cranial_nerve_disorder", "Cranial nerve disorder", NEUROLOGICAL, 8, "8"),
    weighted("lupus_headache", "Lupus headache", NEUROLOGICAL, 8, "8"),
    weighted("cva", "Cerebrovascular accident", NEUROLOGICAL, 8, "8"),
    weighted("vasculitis", "Vasculitis", VASCULAR, 8, "8"),
    weighted("arthritis", "Arthritis (≥ 2 joints)", MUSCULOSKELETAL, 4, "4"),
    weighted("myositis", "Myositis", MUSCULOSKELETAL, 4, "4"),
    weighted("urinary_casts", "Urinary casts (heme-granular or RBC)", RENAL, 4, "4"),
    weighted("hematuria", "Hematuria (> 5 RBC/hpf)", RENAL, 4, "4"),
    weighted("proteinuria", "Proteinuria (> 0.5 g/24 h)", RENAL, 4, "4"),
    weighted("pyuria", "Pyuria (> 5 WBC/hpf)", RENAL, 4, "4"),
    weighted("rash", "Rash (inflammatory)", MUCOCUTANEOUS, 2, "2"),
    weighted("alopecia", "Alopecia", MUCOCUTANEOUS, 2, "2"),
    weighted("mucosal_ulcers", "Mucosal ulcers (oral or nasal)", MUCOCUTANEOUS, 2, "2"),
    weighted("pleurisy", "Pleurisy", SEROSAL, 2, "2"),
    weighted("pericarditis", "Pericarditis", SEROSAL, 2, "2"),
    weighted("low_complement", "Low complement (CH50, C3 or C4 below normal)", IMMUNOLOGICAL, 2, "2"),
    weighted("increased_dna_binding", "Increased DNA binding (anti-dsDNA above normal)", IMMUNOLOGICAL, 2, "2"),
    weighted("fever", "Fever (> 38 °C)", CONSTITUTIONAL, 1, "1"),
    weighted("thrombocytopenia", "Thrombocytopenia (< 100 × 10⁹/L)", HEMATOLOGICAL, 1, "1"),
    weighted("leukopenia", "Leukopenia (< 3 × 10⁹/L)", HEMATOLOGICAL, 1, "1"),
];

static SPECS: SpecList = SpecList::new(|| checklist::specs_of(&ITEMS));

/// The 24 descriptors in the order of the form.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// Scores SLEDAI-2K: the sum of the weights of the descriptors present, leaving out the
/// items the options exclude.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::Sledai2k, answers, options, Excluding::Allowed)?;
    let points = sheet.points_of(&ITEMS, Sheet::presence_points);
    let tally = checklist::tally(&points, |_| GroupRule::SUM);
    let mut report = sheet.report(&tally, 1.0);
    report.notes.insert(
        0,
        text_with("instrument-rule-sledai2k", &[("days", "10".to_owned()), ("protocol_days", "30".to_owned())]),
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::super::checklist::test_support::{assert_points_text, assess, only_present, partial};
    use super::*;

    const ID: InstrumentId = InstrumentId::Sledai2k;

    fn scores(present: &[&str]) -> [f64; 4] {
        let answers = only_present(ID, present);
        let with =
            |excluded: &[&str]| ID.evaluate(&answers, &ScoreOptions::excluding(excluded)).unwrap().exact().unwrap();
        [with(&[]), with(SEROLOGY), with(ALL_LABORATORY), with(MUSE_SCREENING_EXCLUSIONS)]
    }

    #[test]
    fn derived_vectors_with_each_exclusion_set() {
        let all: Vec<&str> = items().iter().map(|spec| spec.key).collect();
        let cases: [(&[&str], [f64; 4]); 10] = [
            (&[], [0.0, 0.0, 0.0, 0.0]),
            (&all, [105.0, 101.0, 83.0, 89.0]),
            (&["arthritis", "low_complement", "increased_dna_binding"], [8.0, 4.0, 4.0, 8.0]),
            (&["seizure", "proteinuria", "rash", "leukopenia"], [15.0, 15.0, 10.0, 15.0]),
            (
                &["rash", "alopecia", "mucosal_ulcers", "low_complement", "increased_dna_binding"],
                [10.0, 6.0, 6.0, 10.0],
            ),
            (&["urinary_casts", "hematuria", "pyuria", "proteinuria"], [16.0, 16.0, 0.0, 16.0]),
            (&["lupus_headache", "organic_brain_syndrome", "arthritis"], [20.0, 20.0, 20.0, 4.0]),
            (&["fever", "thrombocytopenia", "leukopenia"], [3.0, 3.0, 1.0, 3.0]),
            (&["pleurisy", "pericarditis", "myositis", "vasculitis"], [16.0, 16.0, 16.0, 16.0]),
            (&["arthritis", "increased_dna_binding"], [6.0, 4.0, 4.0, 6.0]),
        ];
        for (present, expected) in cases {
            assert_eq!(scores(present), expected, "{present:?}");
        }
    }

    #[test]
    fn every_weight_counts_once() {
        for row in &ITEMS {
            let answers = only_present(ID, &[row.spec.key]);
            assert_eq!(assess(ID, &answers).exact(), Some(f64::from(row.weight)), "{}", row.spec.key);
        }
        assert_points_text(&ITEMS, |weight| weight.to_string());
    }

    #[test]
    fn vignette_v1_scores_ten_and_v2_eleven() {
        let v1 = ["proteinuria", "low_complement", "increased_dna_binding", "mucosal_ulcers"];
        assert_eq!(assess(ID, &only_present(ID, &v1)).exact(), Some(10.0));
        let v2 = ["proteinuria", "low_complement", "increased_dna_binding", "mucosal_ulcers", "thrombocytopenia"];
        assert_eq!(assess(ID, &only_present(ID, &v2)).exact(), Some(11.0));
    }

    #[test]
    fn vignette_v10_with_and_without_serology() {
        let present = ["arthritis", "rash", "low_complement", "increased_dna_binding"];
        assert_eq!(scores(&present)[..2], [10.0, 6.0]);
        assert_eq!(scores(&["arthritis", "low_complement", "increased_dna_binding"])[..2], [8.0, 4.0]);
    }

    #[test]
    fn unassessed_items_make_a_range() {
        let report = assess(ID, &partial(&["arthritis"]));
        assert_eq!((report.min, report.max), (4.0, 105.0));
        assert_eq!(report.exact(), None);
        assert_eq!(report.unassessed.len(), 23);
        assert!(!report.unassessed.contains(&"arthritis"));
    }

    #[test]
    fn excluded_items_are_neither_scored_nor_needed() {
        let mut answers = only_present(ID, &["arthritis", "low_complement"]);
        answers.remove("increased_dna_binding");
        let report = ID.evaluate(&answers, &ScoreOptions::excluding(SEROLOGY)).unwrap();
        assert_eq!(report.exact(), Some(4.0));
        assert!(report.unassessed.is_empty());
        assert!(report.notes.iter().any(|note| note.contains("Low complement")));
    }

    #[test]
    fn unknown_keys_and_wrong_answers_are_rejected() {
        let mut answers = partial(&["arthritis"]);
        answers.insert("arthritis_left_knee".to_owned(), super::super::Answer::Present);
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::UnknownItem { .. })));
        let answers: Answers = [("rash".to_owned(), super::super::Answer::Level(2))].into();
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::InvalidAnswer { .. })));
        let options = ScoreOptions::excluding(&["serology"]);
        assert!(matches!(ID.evaluate(&Answers::new(), &options), Err(AssessmentError::UnknownItem { .. })));
    }
}
