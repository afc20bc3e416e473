//! 2013 ACR/EULAR classification criteria for systemic sclerosis (van den Hoogen F et al.
//! Arthritis Rheum 2013;65:2737–47; Ann Rheum Dis 2013;72:1747–55, Table 1).
//!
//! The total is the sum of the highest weight in each category; ≥ 9 is definite SSc, and
//! skin thickening of the fingers of both hands extending proximal to the MCP joints is
//! sufficient on its own (weight 9). The criteria do not apply to skin thickening that
//! spares the fingers, nor to a scleroderma-like disorder that better explains the
//! findings (Table 1 footnote).

use super::checklist::{self, Excluding, Gate, GroupRule, Sheet, SpecList, Weighted, presence, weighted};
use super::{Answers, AssessmentError, Classification, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::text_with;

/// The total that classifies.
pub const THRESHOLD: u32 = 9;

const APPLICABILITY: &str = "Applicability";
const PROXIMAL_SKIN: &str = "Skin thickening proximal to the MCP joints";
const FINGER_SKIN: &str = "Skin thickening of the fingers";
const FINGERTIP: &str = "Fingertip lesions";
const TELANGIECTASIA: &str = "Telangiectasia";
const NAILFOLD: &str = "Abnormal nailfold capillaries";
const LUNG: &str = "Pulmonary arterial hypertension and/or interstitial lung disease";
const RAYNAUD: &str = "Raynaud's phenomenon";
const ANTIBODIES: &str = "SSc-related autoantibodies";

/// Skin thickening that spares the fingers: the criteria do not apply.
pub const SPARES_FINGERS: &str = "skin_thickening_sparing_fingers";
/// A scleroderma-like disorder explains the findings better: excluded.
pub const SCLERODERMA_LIKE: &str = "scleroderma_like_disorder";

static GATE_ITEMS: [ItemSpec; 2] = [
    presence(SPARES_FINGERS, "Skin thickening sparing the fingers", APPLICABILITY, "not applicable"),
    presence(
        SCLERODERMA_LIKE,
        "Scleroderma-like disorder better explaining the findings (nephrogenic sclerosing fibrosis, generalized \
         morphea, eosinophilic fasciitis, scleredema diabeticorum, scleromyxedema, erythromyalgia, porphyria, \
         lichen sclerosus, GVHD, diabetic cheiroarthropathy)",
        APPLICABILITY,
        "excludes",
    ),
];

static ITEMS: [Weighted; 13] = [
    weighted(
        "skin_thickening_proximal_to_mcp",
        "Skin thickening of the fingers of both hands extending proximal to the MCP joints (sufficient)",
        PROXIMAL_SKIN,
        9,
        "9",
    ),
    weighted("puffy_fingers", "Puffy fingers", FINGER_SKIN, 2, "2"),
    weighted("sclerodactyly", "Sclerodactyly (distal to the MCP, proximal to the PIP joints)", FINGER_SKIN, 4, "4"),
    weighted("digital_tip_ulcers", "Digital tip ulcers", FINGERTIP, 2, "2"),
    weighted("fingertip_pitting_scars", "Fingertip pitting scars", FINGERTIP, 3, "3"),
    weighted("telangiectasia", "Telangiectasia", TELANGIECTASIA, 2, "2"),
    weighted("abnormal_nailfold_capillaries", "Abnormal nailfold capillaries", NAILFOLD, 2, "2"),
    weighted(
        "pulmonary_arterial_hypertension",
        "Pulmonary arterial hypertension (right-heart catheterisation)",
        LUNG,
        2,
        "2",
    ),
    weighted(
        "interstitial_lung_disease",
        "Interstitial lung disease (HRCT or chest radiograph, or Velcro crackles)",
        LUNG,
        2,
        "2",
    ),
    weighted("raynauds_phenomenon", "Raynaud's phenomenon", RAYNAUD, 3, "3"),
    weighted("anticentromere", "Anticentromere antibodies", ANTIBODIES, 3, "3"),
    weighted("anti_topoisomerase_i", "Anti-topoisomerase I (anti-Scl-70) antibodies", ANTIBODIES, 3, "3"),
    weighted("anti_rna_polymerase_iii", "Anti-RNA polymerase III antibodies", ANTIBODIES, 3, "3"),
];

static SPECS: SpecList = SpecList::new(|| checklist::specs_after(&GATE_ITEMS, &ITEMS));

/// The two applicability items, then the criteria category by category.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// Scores the criteria and decides.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::AcrEularSsc2013, answers, options, Excluding::NotSupported)?;
    let scored = sheet.points_of(&ITEMS, Sheet::presence_points);
    let tally = checklist::tally(&scored, |_| GroupRule::HIGHEST);
    let gates = [
        Gate::all_absent(&sheet, &[SPARES_FINGERS], Classification::EntryNotMet),
        Gate::all_absent(&sheet, &[SCLERODERMA_LIKE], Classification::Excluded),
    ];
    Ok(checklist::classification_report(
        &sheet,
        &tally,
        &gates,
        checklist::at_least(tally.min, tally.max, THRESHOLD),
        &text_with("instrument-rule-ssc-2013", &[("threshold", "9".to_owned()), ("disease", "SSc".to_owned())]),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::checklist::test_support::{assert_points_text, assess, only_present, partial};
    use super::*;

    const ID: InstrumentId = InstrumentId::AcrEularSsc2013;

    fn decided(present: &[&str]) -> (Option<f64>, Option<Classification>) {
        let report = assess(ID, &only_present(ID, present));
        (report.exact(), report.classification)
    }

    #[test]
    fn derived_vectors() {
        use Classification::{Classified, NotClassified};
        let all_but_sufficient: Vec<&str> = ITEMS[1..].iter().map(|row| row.spec.key).collect();
        let cases: [(&[&str], f64, Classification); 7] = [
            (&["skin_thickening_proximal_to_mcp"], 9.0, Classified),
            (&["puffy_fingers", "sclerodactyly", "raynauds_phenomenon", "anticentromere"], 10.0, Classified),
            (&["puffy_fingers", "raynauds_phenomenon", "abnormal_nailfold_capillaries"], 7.0, NotClassified),
            (
                &["digital_tip_ulcers", "fingertip_pitting_scars", "raynauds_phenomenon", "telangiectasia"],
                8.0,
                NotClassified,
            ),
            (
                &[
                    "pulmonary_arterial_hypertension",
                    "interstitial_lung_disease",
                    "raynauds_phenomenon",
                    "anti_topoisomerase_i",
                    "anti_rna_polymerase_iii",
                ],
                8.0,
                NotClassified,
            ),
            (&["sclerodactyly", "fingertip_pitting_scars", "telangiectasia"], 9.0, Classified),
            (&all_but_sufficient, 19.0, Classified),
        ];
        for (present, score, classification) in cases {
            assert_eq!(decided(present), (Some(score), Some(classification)), "{present:?}");
        }
    }

    #[test]
    fn every_weight_counts_alone() {
        for row in &ITEMS {
            assert_eq!(decided(&[row.spec.key]).0, Some(f64::from(row.weight)), "{}", row.spec.key);
        }
        assert_points_text(&ITEMS, |weight| weight.to_string());
    }

    #[test]
    fn maximum_is_twenty_eight() {
        let all: Vec<&str> = ITEMS.iter().map(|row| row.spec.key).collect();
        assert_eq!(decided(&all).0, Some(28.0));
    }

    #[test]
    fn the_sufficient_item_classifies_before_anything_else_is_assessed() {
        let mut answers = partial(&["skin_thickening_proximal_to_mcp"]);
        answers.insert(SPARES_FINGERS.to_owned(), super::super::Answer::Absent);
        answers.insert(SCLERODERMA_LIKE.to_owned(), super::super::Answer::Absent);
        let report = assess(ID, &answers);
        assert_eq!(report.classification, Some(Classification::Classified));
        assert_eq!(report.min, 9.0);
    }

    #[test]
    fn applicability_items_gate_the_decision() {
        let sparing = decided(&[SPARES_FINGERS, "raynauds_phenomenon", "puffy_fingers"]);
        assert_eq!(sparing.1, Some(Classification::EntryNotMet));
        let mimic = decided(&[SCLERODERMA_LIKE, "skin_thickening_proximal_to_mcp"]);
        assert_eq!(mimic.1, Some(Classification::Excluded));
        let report = assess(ID, &partial(&["skin_thickening_proximal_to_mcp"]));
        assert_eq!(report.classification, Some(Classification::Undetermined));
        assert!(report.unassessed.starts_with(&[SPARES_FINGERS, SCLERODERMA_LIKE]));
    }
}
