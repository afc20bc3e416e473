//! Modified Rodnan skin score (Clements P et al. J Rheumatol 1995;22:1281–5;
//! standardisation in Khanna D et al. J Scleroderma Relat Disord 2017;2:11–18).
//!
//! 17 areas, each scored by palpation 0 (normal), 1 (mild), 2 (moderate) or 3 (severe
//! thickening, unable to pinch); total 0–51.

use super::checklist::{self, SpecList, level};
use super::{Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};

const SKIN: &[u8] = &[0, 1, 2, 3];
const FACE_AND_TRUNK: &str = "Face and trunk";
const UPPER_LIMBS: &str = "Upper limbs";
const LOWER_LIMBS: &str = "Lower limbs";

static SITES: [ItemSpec; 17] = [
    level("face", "Face", FACE_AND_TRUNK, SKIN, "0–3"),
    level("anterior_chest", "Anterior chest", FACE_AND_TRUNK, SKIN, "0–3"),
    level("abdomen", "Abdomen", FACE_AND_TRUNK, SKIN, "0–3"),
    level("fingers_right", "Fingers, right", UPPER_LIMBS, SKIN, "0–3"),
    level("fingers_left", "Fingers, left", UPPER_LIMBS, SKIN, "0–3"),
    level("dorsum_hand_right", "Dorsum of hand, right", UPPER_LIMBS, SKIN, "0–3"),
    level("dorsum_hand_left", "Dorsum of hand, left", UPPER_LIMBS, SKIN, "0–3"),
    level("forearm_right", "Forearm, right", UPPER_LIMBS, SKIN, "0–3"),
    level("forearm_left", "Forearm, left", UPPER_LIMBS, SKIN, "0–3"),
    level("upper_arm_right", "Upper arm, right", UPPER_LIMBS, SKIN, "0–3"),
    level("upper_arm_left", "Upper arm, left", UPPER_LIMBS, SKIN, "0–3"),
    level("thigh_right", "Thigh, right", LOWER_LIMBS, SKIN, "0–3"),
    level("thigh_left", "Thigh, left", LOWER_LIMBS, SKIN, "0–3"),
    level("lower_leg_right", "Lower leg, right", LOWER_LIMBS, SKIN, "0–3"),
    level("lower_leg_left", "Lower leg, left", LOWER_LIMBS, SKIN, "0–3"),
    level("dorsum_foot_right", "Dorsum of foot, right", LOWER_LIMBS, SKIN, "0–3"),
    level("dorsum_foot_left", "Dorsum of foot, left", LOWER_LIMBS, SKIN, "0–3"),
];

static SPECS: SpecList = SpecList::new(|| SITES.to_vec());

/// The 17 areas.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// Scores the mRSS: the sum of the 17 area scores.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let rule = "mRSS: the sum of 17 areas scored 0–3 by palpation, 0–51.";
    checklist::sum_of_levels(InstrumentId::Mrss, answers, options, rule.to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::assess;
    use super::*;

    const ID: InstrumentId = InstrumentId::Mrss;

    fn scored(score: impl Fn(&str) -> u8) -> Answers {
        SITES.iter().map(|spec| (spec.key.to_owned(), Answer::Level(score(spec.key)))).collect()
    }

    #[test]
    fn derived_vectors() {
        assert_eq!(assess(ID, &scored(|_| 0)).exact(), Some(0.0));
        assert_eq!(assess(ID, &scored(|_| 3)).exact(), Some(51.0));
        let hands = scored(|key| match key {
            "fingers_right" | "fingers_left" | "dorsum_hand_right" | "dorsum_hand_left" => 2,
            "forearm_right" | "forearm_left" => 1,
            _ => 0,
        });
        assert_eq!(assess(ID, &hands).exact(), Some(10.0));
    }

    #[test]
    fn scores_above_three_are_rejected_and_missing_areas_make_a_range() {
        let answers: Answers = [("face".to_owned(), Answer::Level(4))].into();
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::InvalidAnswer { .. })));
        let mut answers = scored(|_| 1);
        answers.remove("face");
        let report = assess(ID, &answers);
        assert_eq!((report.min, report.max, report.unassessed.clone()), (16.0, 19.0, vec!["face"]));
    }
}
