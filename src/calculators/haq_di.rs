//! Stanford Health Assessment Questionnaire disability index (Fries JF et al. Arthritis
//! Rheum 1980;23:137–45; Bruce B, Fries JF. Health Qual Life Outcomes 2003;1:20; ARAMIS
//! HAQ instructions 2009).
//!
//! 20 items in 8 categories, each 0 (without any difficulty) to 3 (unable to do). A
//! category scores its highest item; standard scoring raises a category of 0 or 1 to 2
//! when an aid or device for it is used or help from another person is needed, which is
//! the same as an aid counting 2 among the category's items. HAQ-DI = the sum of the
//! category scores divided by the number of categories answered, at least 6 of 8.
//!
//! `min..=max` is the range over every completion of the unanswered items (all 8
//! categories); `published_score` is what the published rule gives for the categories
//! answered, when at least 6 are. This is the standard HAQ-DI, not the alternative index
//! that ignores aids and help.

use super::checklist::{self, Excluding, GroupRule, Sheet, SpecList, Weighted, level, presence, unverified};
use super::{AnswerKind, Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::text_with;

/// The fewest answered categories the published rule scores.
pub const MIN_CATEGORIES_ANSWERED: usize = 6;
/// The number of categories.
pub const CATEGORIES: usize = 8;

const DIFFICULTY: &[u8] = &[0, 1, 2, 3];
/// What an aid or help counts for within its category.
const AID_WEIGHT: u32 = 2;

const DRESSING: &str = "Dressing and grooming";
const ARISING: &str = "Arising";
const EATING: &str = "Eating";
const WALKING: &str = "Walking";
const HYGIENE: &str = "Hygiene";
const REACH: &str = "Reach";
const GRIP: &str = "Grip";
const ACTIVITIES: &str = "Activities";

const fn item(key: &'static str, label: &'static str, group: &'static str) -> Weighted {
    Weighted { spec: level(key, label, group, DIFFICULTY, "0–3"), weight: 1 }
}

const fn aid(key: &'static str, label: &'static str, group: &'static str) -> Weighted {
    Weighted { spec: presence(key, label, group, "raises 0–1 to 2"), weight: AID_WEIGHT }
}

static ROWS: [Weighted; 41] = [
    item("dress_yourself", "Dress yourself, including tying shoelaces and doing buttons", DRESSING),
    item("shampoo_hair", "Shampoo your hair", DRESSING),
    aid(
        "aid_dressing_devices",
        "Devices used for dressing (button hook, zipper pull, long-handled shoe horn)",
        DRESSING,
    ),
    aid("help_dressing_and_grooming", "Help from another person with dressing and grooming", DRESSING),
    item("stand_up_from_chair", "Stand up from a straight chair", ARISING),
    item("get_in_out_of_bed", "Get in and out of bed", ARISING),
    aid("aid_special_chair", "Built-up or special chair", ARISING),
    aid("help_arising", "Help from another person with arising", ARISING),
    item("cut_meat", "Cut your meat", EATING),
    item("lift_cup_to_mouth", "Lift a full cup or glass to your mouth", EATING),
    item("open_milk_carton", "Open a new milk carton", EATING),
    aid("aid_special_utensils", "Built-up or special utensils", EATING),
    aid("help_eating", "Help from another person with eating", EATING),
    item("walk_outdoors", "Walk outdoors on flat ground", WALKING),
    item("climb_five_steps", "Climb up five steps", WALKING),
    aid("aid_cane", "Cane", WALKING),
    aid("aid_walker", "Walker", WALKING),
    aid("aid_crutches", "Crutches", WALKING),
    aid("aid_wheelchair", "Wheelchair", WALKING),
    aid("help_walking", "Help from another person with walking", WALKING),
    item("wash_and_dry_body", "Wash and dry your body", HYGIENE),
    item("take_tub_bath", "Take a tub bath", HYGIENE),
    item("get_on_off_toilet", "Get on and off the toilet", HYGIENE),
    aid("aid_raised_toilet_seat", "Raised toilet seat", HYGIENE),
    Weighted {
        spec: unverified(presence("aid_bathtub_seat", "Bathtub seat", HYGIENE, "raises 0–1 to 2")),
        weight: AID_WEIGHT,
    },
    aid("aid_bathtub_bar", "Bathtub bar", HYGIENE),
    aid("aid_long_handled_bathroom_appliances", "Long-handled appliances in the bathroom", HYGIENE),
    aid("help_hygiene", "Help from another person with hygiene", HYGIENE),
    item(
        "reach_5lb_object",
        "Reach and get down a 5-pound object (such as a bag of sugar) from just above your head",
        REACH,
    ),
    item("bend_to_pick_up_clothing", "Bend down to pick up clothing from the floor", REACH),
    aid("aid_long_handled_reach_appliances", "Long-handled appliances for reach", REACH),
    aid("help_reach", "Help from another person with reach", REACH),
    item("open_car_doors", "Open car doors", GRIP),
    item("open_jars", "Open jars which have been previously opened", GRIP),
    item("turn_faucets", "Turn faucets on and off", GRIP),
    aid("aid_jar_opener", "Jar opener (for jars previously opened)", GRIP),
    aid("help_grip", "Help from another person with gripping and opening things", GRIP),
    item("run_errands_and_shop", "Run errands and shop", ACTIVITIES),
    item("get_in_out_of_car", "Get in and out of a car", ACTIVITIES),
    item("do_chores", "Do chores such as vacuuming or yardwork", ACTIVITIES),
    aid("help_activities", "Help from another person with errands and chores", ACTIVITIES),
];

static SPECS: SpecList = SpecList::new(|| checklist::specs_of(&ROWS));

/// The 20 items, each category followed by its aids, devices and help.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

fn is_difficulty(row: &Weighted) -> bool {
    matches!(row.spec.answer, AnswerKind::Level { .. })
}

/// Scores the HAQ-DI: the range over all completions and the published score.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::HaqDi, answers, options, Excluding::NotSupported)?;
    let points = sheet.points_of(&ROWS, |sheet, spec, weight| match spec.answer {
        AnswerKind::Level { .. } => sheet.level_points(spec, weight),
        _ => sheet.presence_points(spec, weight),
    });
    let tally = checklist::tally(&points, |_| GroupRule::HIGHEST);
    let mut report = sheet.report(&tally, CATEGORIES as f64);
    report.notes.insert(
        0,
        text_with(
            "instrument-rule-haq-di",
            &[("aided", "2".to_owned()), ("least", "6".to_owned()), ("of", "8".to_owned())],
        ),
    );
    let answered: Vec<u32> = [DRESSING, ARISING, EATING, WALKING, HYGIENE, REACH, GRIP, ACTIVITIES]
        .iter()
        .filter_map(|category| {
            let rows = ROWS.iter().filter(|row| row.spec.group == Some(category));
            let difficulty =
                rows.clone().filter(|row| is_difficulty(row)).filter_map(|row| sheet.level(row.spec.key)).max()?;
            let aided = rows.clone().any(|row| !is_difficulty(row) && sheet.presence(row.spec.key) == Some(true));
            Some(if aided { u32::from(difficulty).max(AID_WEIGHT) } else { u32::from(difficulty) })
        })
        .collect();
    if answered.len() >= MIN_CATEGORIES_ANSWERED {
        let sum: u32 = answered.iter().sum();
        let score = f64::from(sum) / answered.len() as f64;
        report.published_score = Some(score);
        report.notes.push(text_with(
            "instrument-haq-di-published",
            &[("sum", sum.to_string()), ("answered", answered.len().to_string()), ("score", format!("{score:.3}"))],
        ));
    } else {
        report.notes.push(text_with(
            "instrument-haq-di-too-few",
            &[("answered", answered.len().to_string()), ("of", "8".to_owned()), ("least", "6".to_owned())],
        ));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::assess;
    use super::*;

    const ID: InstrumentId = InstrumentId::HaqDi;
    const ORDER: [&str; 8] = [DRESSING, ARISING, EATING, WALKING, HYGIENE, REACH, GRIP, ACTIVITIES];

    /// Every item of category `i` at `scores[i]` (or unanswered with `None`), every aid
    /// and help absent, except the aids listed.
    fn categories(scores: [Option<u8>; 8], aids: &[&str]) -> Answers {
        let mut answers = Answers::new();
        for (category, score) in ORDER.iter().zip(scores) {
            for row in ROWS.iter().filter(|row| row.spec.group == Some(category)) {
                let answer = match (is_difficulty(row), score) {
                    (true, Some(score)) => Some(Answer::Level(score)),
                    (true, None) => None,
                    (false, _) => Some(if aids.contains(&row.spec.key) { Answer::Present } else { Answer::Absent }),
                };
                if let Some(answer) = answer {
                    answers.insert(row.spec.key.to_owned(), answer);
                }
            }
        }
        answers
    }

    #[test]
    fn derived_vectors() {
        let all = |scores: [u8; 8]| categories(scores.map(Some), &[]);
        let one = assess(ID, &all([1; 8]));
        assert_eq!((one.exact(), one.published_score), (Some(1.0), Some(1.0)));
        assert_eq!(assess(ID, &all([2, 1, 0, 3, 1, 0, 2, 1])).exact(), Some(1.25));
        let cane = assess(ID, &categories([1, 0, 0, 1, 0, 0, 0, 0].map(Some), &["aid_cane"]));
        assert_eq!((cane.exact(), cane.published_score), (Some(0.375), Some(0.375)));
        let six = assess(ID, &categories([Some(1), Some(1), Some(1), Some(1), Some(2), Some(2), None, None], &[]));
        assert!((six.published_score.unwrap() - 8.0 / 6.0).abs() < 1e-12);
        assert_eq!((six.min, six.max), (1.0, 1.75), "completions of the two unanswered categories");
        let five = assess(ID, &categories([Some(1), Some(1), Some(1), Some(1), Some(2), None, None, None], &[]));
        assert_eq!(five.published_score, None);
    }

    #[test]
    fn a_category_scores_its_highest_item() {
        let mut answers = categories([0; 8].map(Some), &[]);
        answers.insert("open_jars".to_owned(), Answer::Level(3));
        assert_eq!(assess(ID, &answers).exact(), Some(3.0 / 8.0));
    }

    #[test]
    fn every_aid_and_help_raises_its_category_to_two_but_not_three_down() {
        for row in ROWS.iter().filter(|row| !is_difficulty(row)) {
            let category = ORDER.iter().position(|c| Some(*c) == row.spec.group).unwrap();
            let mut scores = [0; 8];
            assert_eq!(
                assess(ID, &categories(scores.map(Some), &[row.spec.key])).exact(),
                Some(0.25),
                "{}",
                row.spec.key
            );
            scores[category] = 3;
            assert_eq!(
                assess(ID, &categories(scores.map(Some), &[row.spec.key])).exact(),
                Some(0.375),
                "{}",
                row.spec.key
            );
        }
    }

    #[test]
    fn structure_is_eight_categories_of_twenty_items() {
        assert_eq!(ROWS.iter().filter(|row| is_difficulty(row)).count(), 20);
        for (category, count) in ORDER.iter().zip([2, 2, 3, 2, 3, 2, 3, 3]) {
            let items = ROWS.iter().filter(|row| is_difficulty(row) && row.spec.group == Some(category)).count();
            assert_eq!(items, count, "{category}");
        }
    }

    #[test]
    fn levels_above_three_are_rejected() {
        let answers: Answers = [("cut_meat".to_owned(), Answer::Level(4))].into();
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::InvalidAnswer { .. })));
    }

    #[test]
    fn unanswered_aids_widen_the_range() {
        let mut answers = categories([0; 8].map(Some), &[]);
        answers.remove("aid_cane");
        let report = assess(ID, &answers);
        assert_eq!((report.min, report.max), (0.0, 0.25));
        assert_eq!(report.unassessed, vec!["aid_cane"]);
        assert_eq!(report.published_score, Some(0.0), "an unticked aid box counts as not used");
    }
}
