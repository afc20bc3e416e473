//! Manual muscle testing of eight muscle groups, MMT-8 (Rider LG et al. Arthritis Care
//! Res 2010;62:465–72; IMACS form 04), each graded on the Kendall 0–10 scale.
//!
//! The two published scales are not interchangeable, so they are two instruments:
//! - bilateral ([`InstrumentId::Mmt8`]): neck flexors once plus seven groups on both
//!   sides, 0–150; the scale trials usually state ("≤ 141/150");
//! - unilateral ([`InstrumentId::Mmt8Unilateral`]): neck flexors plus seven groups on one
//!   side, 0–80; the right side by default, the left where the right cannot be tested.

use super::checklist::{self, SpecList, level};
use super::{Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::text_with;

/// The Kendall grades.
const GRADES: &[u8] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const AXIAL: &str = "Axial";
const PROXIMAL: &str = "Proximal";
const DISTAL: &str = "Distal";

static NECK: ItemSpec = level("neck_flexors", "Neck flexors", AXIAL, GRADES, "0–10");

static UNILATERAL: [ItemSpec; 8] = [
    NECK,
    level("deltoid", "Deltoid (middle)", PROXIMAL, GRADES, "0–10"),
    level("biceps", "Biceps brachii", PROXIMAL, GRADES, "0–10"),
    level("wrist_extensors", "Wrist extensors", DISTAL, GRADES, "0–10"),
    level("gluteus_maximus", "Gluteus maximus", PROXIMAL, GRADES, "0–10"),
    level("gluteus_medius", "Gluteus medius", PROXIMAL, GRADES, "0–10"),
    level("quadriceps", "Quadriceps", PROXIMAL, GRADES, "0–10"),
    level("ankle_dorsiflexors", "Ankle dorsiflexors", DISTAL, GRADES, "0–10"),
];

static BILATERAL: [ItemSpec; 15] = [
    NECK,
    level("deltoid_right", "Deltoid (middle), right", PROXIMAL, GRADES, "0–10"),
    level("deltoid_left", "Deltoid (middle), left", PROXIMAL, GRADES, "0–10"),
    level("biceps_right", "Biceps brachii, right", PROXIMAL, GRADES, "0–10"),
    level("biceps_left", "Biceps brachii, left", PROXIMAL, GRADES, "0–10"),
    level("wrist_extensors_right", "Wrist extensors, right", DISTAL, GRADES, "0–10"),
    level("wrist_extensors_left", "Wrist extensors, left", DISTAL, GRADES, "0–10"),
    level("gluteus_maximus_right", "Gluteus maximus, right", PROXIMAL, GRADES, "0–10"),
    level("gluteus_maximus_left", "Gluteus maximus, left", PROXIMAL, GRADES, "0–10"),
    level("gluteus_medius_right", "Gluteus medius, right", PROXIMAL, GRADES, "0–10"),
    level("gluteus_medius_left", "Gluteus medius, left", PROXIMAL, GRADES, "0–10"),
    level("quadriceps_right", "Quadriceps, right", PROXIMAL, GRADES, "0–10"),
    level("quadriceps_left", "Quadriceps, left", PROXIMAL, GRADES, "0–10"),
    level("ankle_dorsiflexors_right", "Ankle dorsiflexors, right", DISTAL, GRADES, "0–10"),
    level("ankle_dorsiflexors_left", "Ankle dorsiflexors, left", DISTAL, GRADES, "0–10"),
];

static UNILATERAL_SPECS: SpecList = SpecList::new(|| UNILATERAL.to_vec());
static BILATERAL_SPECS: SpecList = SpecList::new(|| BILATERAL.to_vec());

/// Neck flexors and seven groups, each once (0–80).
pub fn unilateral_items() -> &'static [ItemSpec] {
    &UNILATERAL_SPECS
}

/// Neck flexors once and seven groups right and left (0–150).
pub fn bilateral_items() -> &'static [ItemSpec] {
    &BILATERAL_SPECS
}

/// Scores the bilateral MMT-8, 0–150.
pub fn evaluate_bilateral(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    evaluate(InstrumentId::Mmt8, answers, options, &text_with("instrument-rule-mmt8", &[("range", "0–150".to_owned())]))
}

/// Scores the unilateral MMT-8, 0–80.
pub fn evaluate_unilateral(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    evaluate(
        InstrumentId::Mmt8Unilateral,
        answers,
        options,
        &text_with("instrument-rule-mmt8-unilateral", &[("range", "0–80".to_owned())]),
    )
}

fn evaluate(
    instrument: InstrumentId,
    answers: &Answers,
    options: &ScoreOptions,
    scale: &str,
) -> Result<InstrumentReport, AssessmentError> {
    checklist::sum_of_levels(
        instrument,
        answers,
        options,
        format!("{scale} Kendall 0–10 per muscle group; lower is weaker."),
    )
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::assess;
    use super::*;

    /// The seven appendicular groups: key, label, group.
    const APPENDICULAR: [(&str, &str, &str); 7] = [
        ("deltoid", "Deltoid (middle)", PROXIMAL),
        ("biceps", "Biceps brachii", PROXIMAL),
        ("wrist_extensors", "Wrist extensors", DISTAL),
        ("gluteus_maximus", "Gluteus maximus", PROXIMAL),
        ("gluteus_medius", "Gluteus medius", PROXIMAL),
        ("quadriceps", "Quadriceps", PROXIMAL),
        ("ankle_dorsiflexors", "Ankle dorsiflexors", DISTAL),
    ];

    fn grades(instrument: InstrumentId, grade: impl Fn(&str) -> u8) -> Answers {
        instrument.items().iter().map(|spec| (spec.key.to_owned(), Answer::Level(grade(spec.key)))).collect()
    }

    fn example_grade(key: &str) -> u8 {
        let muscle = key.trim_end_matches("_right").trim_end_matches("_left");
        match muscle {
            "neck_flexors" => 8,
            "deltoid" | "quadriceps" => 9,
            "gluteus_maximus" => 7,
            "gluteus_medius" => 8,
            _ => 10,
        }
    }

    #[test]
    fn derived_vectors() {
        assert_eq!(assess(InstrumentId::Mmt8, &grades(InstrumentId::Mmt8, |_| 10)).exact(), Some(150.0));
        assert_eq!(
            assess(InstrumentId::Mmt8Unilateral, &grades(InstrumentId::Mmt8Unilateral, |_| 10)).exact(),
            Some(80.0)
        );
        assert_eq!(assess(InstrumentId::Mmt8, &grades(InstrumentId::Mmt8, example_grade)).exact(), Some(134.0));
        assert_eq!(
            assess(InstrumentId::Mmt8Unilateral, &grades(InstrumentId::Mmt8Unilateral, example_grade)).exact(),
            Some(71.0)
        );
    }

    #[test]
    fn item_lists_match_the_published_groups() {
        assert_eq!(bilateral_items().len(), 15);
        assert_eq!(unilateral_items().len(), 8);
        for (key, label, group) in APPENDICULAR {
            let one = InstrumentId::Mmt8Unilateral.item(key).unwrap();
            assert_eq!((one.label, one.group), (label, Some(group)));
            for side in ["right", "left"] {
                let spec = InstrumentId::Mmt8.item(&format!("{key}_{side}")).unwrap();
                assert_eq!((spec.label, spec.group), (format!("{label}, {side}").as_str(), Some(group)));
            }
        }
    }

    #[test]
    fn grades_above_ten_are_rejected() {
        let answers: Answers = [("neck_flexors".to_owned(), Answer::Level(11))].into();
        for instrument in [InstrumentId::Mmt8, InstrumentId::Mmt8Unilateral] {
            assert!(matches!(
                instrument.evaluate(&answers, &ScoreOptions::default()),
                Err(AssessmentError::InvalidAnswer { .. })
            ));
        }
        let wrong_side: Answers = [("deltoid".to_owned(), Answer::Level(5))].into();
        assert!(matches!(
            InstrumentId::Mmt8.evaluate(&wrong_side, &ScoreOptions::default()),
            Err(AssessmentError::UnknownItem { .. })
        ));
    }

    #[test]
    fn untested_muscles_make_a_range() {
        let mut answers = grades(InstrumentId::Mmt8, |_| 9);
        answers.remove("quadriceps_left");
        let report = assess(InstrumentId::Mmt8, &answers);
        assert_eq!((report.min, report.max), (126.0, 136.0));
        assert_eq!(report.unassessed, vec!["quadriceps_left"]);
    }
}
