//! Property tests over every instrument: the range always contains the score of any
//! completion, decisions already made stand, the unassessed list names every item that
//! can still matter, and turning an item present never lowers the score. Plus unit
//! conversions round-trip.

use proptest::prelude::*;

use super::{Answer, AnswerKind, Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::model::units::{self, Analyte, Unit};

/// Items that choose how the others are weighted rather than add points: turning them
/// present may lower the score by design (persistent BVAS column; biopsy weights).
const SELECTORS: [(InstrumentId, &str); 2] =
    [(InstrumentId::BvasV3, "persistent"), (InstrumentId::EularAcrIim2017, "muscle_biopsy")];

/// A valid answer for `spec` chosen by `r`; presence items are present one time in four so
/// that instruments with many items still see mostly absent ones.
fn answer(spec: &ItemSpec, r: u32) -> Answer {
    match spec.answer {
        AnswerKind::Presence if r.is_multiple_of(4) => Answer::Present,
        AnswerKind::Presence => Answer::Absent,
        AnswerKind::Level { allowed } => Answer::Level(allowed[r as usize % allowed.len()]),
        AnswerKind::Number { min, max, .. } => {
            let interesting = [min, 12.0, 17.99, 18.0, 39.99, 40.0, 65.5, max];
            Answer::Number(interesting[r as usize % interesting.len()].clamp(min, max))
        }
    }
}

/// Answers with each item unassessed when its draw modulo 4 is below `density`.
fn partial(instrument: InstrumentId, draws: &[u32], density: u32) -> Answers {
    instrument
        .items()
        .iter()
        .zip(draws.iter().cycle())
        .filter(|(_, r)| *r % 4 >= density)
        .map(|(spec, r)| (spec.key.to_owned(), answer(spec, r / 4)))
        .collect()
}

/// `answers` with every unassessed item filled in from `draws`, except `keep` (copied
/// from `fixed`).
fn completed(
    instrument: InstrumentId,
    answers: &Answers,
    draws: &[u32],
    fixed: Option<(&Answers, &[&str])>,
) -> Answers {
    let mut complete = answers.clone();
    for (spec, r) in instrument.items().iter().zip(draws.iter().cycle()) {
        if complete.contains_key(spec.key) {
            continue;
        }
        let from_fixed = fixed.filter(|(_, keep)| keep.contains(&spec.key)).and_then(|(other, _)| other.get(spec.key));
        complete.insert(spec.key.to_owned(), from_fixed.copied().unwrap_or_else(|| answer(spec, *r)));
    }
    complete
}

fn evaluate(instrument: InstrumentId, answers: &Answers) -> Result<InstrumentReport, AssessmentError> {
    let result = instrument.evaluate(answers, &ScoreOptions::default());
    if let Err(error) = &result {
        // The only refusals of valid answers are contradictions between them.
        assert!(matches!(error, AssessmentError::Inconsistent { .. }), "{instrument}: {error}");
    }
    result
}

fn instrument() -> impl Strategy<Value = InstrumentId> {
    (0..InstrumentId::all().len()).prop_map(|i| InstrumentId::all()[i])
}

fn draws() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<u32>(), 64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_range_contains_every_completion_and_decisions_stand(
        instrument in instrument(), draws in draws(), fill in draws(), density in 0u32..=4,
    ) {
        let answers = partial(instrument, &draws, density);
        let Ok(report) = evaluate(instrument, &answers) else { return Ok(()) };
        prop_assert!(report.min <= report.max);
        let complete = completed(instrument, &answers, &fill, None);
        let Ok(full) = evaluate(instrument, &complete) else { return Ok(()) };
        let score = full.exact();
        prop_assert!(score.is_some(), "{instrument}: complete answers give a range");
        let score = score.unwrap_or(f64::NAN);
        prop_assert!(report.min <= score && score <= report.max, "{instrument}: {score} outside {}..={}", report.min, report.max);
        prop_assert!(full.unassessed.is_empty());
        if report.classification != Some(super::Classification::Undetermined) {
            prop_assert_eq!(report.classification, full.classification, "{}", instrument);
        }
        if report.category.is_some() {
            prop_assert_eq!(report.category, full.category, "{}", instrument);
        }
    }

    #[test]
    fn items_not_listed_as_unassessed_cannot_change_the_result(
        instrument in instrument(), draws in draws(), fill in draws(), refill in draws(), density in 0u32..=4,
    ) {
        let answers = partial(instrument, &draws, density);
        let Ok(report) = evaluate(instrument, &answers) else { return Ok(()) };
        let first = completed(instrument, &answers, &fill, None);
        let second = completed(instrument, &answers, &refill, Some((&first, &report.unassessed)));
        let (Ok(first), Ok(second)) = (evaluate(instrument, &first), evaluate(instrument, &second)) else { return Ok(()) };
        prop_assert_eq!(first.exact(), second.exact(), "{}", instrument);
        prop_assert_eq!(first.classification, second.classification, "{}", instrument);
        prop_assert_eq!(first.category, second.category, "{}", instrument);
    }

    #[test]
    fn turning_an_item_present_or_raising_it_never_lowers_the_score(
        instrument in instrument(), draws in draws(), density in 0u32..=4, pick in any::<usize>(), r in any::<u32>(),
    ) {
        let mut answers = partial(instrument, &draws, density);
        let items = instrument.items();
        let spec = &items[pick % items.len()];
        prop_assume!(!SELECTORS.contains(&(instrument, spec.key)));
        let (lower, higher) = match spec.answer {
            AnswerKind::Presence => (Answer::Absent, Answer::Present),
            AnswerKind::Level { allowed } => {
                let (a, b) = (allowed[r as usize % allowed.len()], allowed[(r / 16) as usize % allowed.len()]);
                (Answer::Level(a.min(b)), Answer::Level(a.max(b)))
            }
            AnswerKind::Number { .. } => {
                let (a, b) = (answer(spec, r), answer(spec, r / 16));
                let (Answer::Number(a), Answer::Number(b)) = (a, b) else { return Ok(()) };
                (Answer::Number(a.min(b)), Answer::Number(a.max(b)))
            }
        };
        answers.insert(spec.key.to_owned(), lower);
        let Ok(low) = evaluate(instrument, &answers) else { return Ok(()) };
        answers.insert(spec.key.to_owned(), higher);
        let Ok(high) = evaluate(instrument, &answers) else { return Ok(()) };
        prop_assert!(high.min >= low.min, "{instrument} {}: min {} < {}", spec.key, high.min, low.min);
        prop_assert!(high.max >= low.max, "{instrument} {}: max {} < {}", spec.key, high.max, low.max);
    }

    #[test]
    fn unit_conversions_round_trip(value in 1e-3f64..1e6, from in 0..Unit::BUNDLED.len(), to in 0..Unit::BUNDLED.len(), analyte in 0usize..4) {
        let analyte = [None, Some(Analyte::Creatinine), Some(Analyte::Bilirubin), Some(Analyte::Haemoglobin)][analyte];
        let (from, to) = (Unit::BUNDLED[from], Unit::BUNDLED[to]);
        let Ok(there) = units::convert(value, from, to, analyte) else { return Ok(()) };
        let back = units::convert(there, to, from, analyte);
        prop_assert!(back.is_ok());
        let back = back.unwrap_or(f64::NAN);
        prop_assert!((back - value).abs() <= 1e-9 * value.abs(), "{value} {from:?} → {there} {to:?} → {back}");
    }
}

#[test]
fn every_instrument_has_unique_keys_and_scores_nothing_assessed_as_a_range() {
    for instrument in InstrumentId::all() {
        let items = instrument.items();
        let mut keys: Vec<&str> = items.iter().map(|spec| spec.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), items.len(), "{instrument}: duplicate keys");
        assert!(items.iter().all(|spec| !spec.label.is_empty() && !spec.points.is_empty()), "{instrument}");
        let report = instrument.evaluate(&Answers::new(), &ScoreOptions::default()).unwrap();
        assert_eq!(report.min, 0.0, "{instrument}");
        assert!(report.max > 0.0, "{instrument}");
        assert!(!report.unassessed.is_empty(), "{instrument}");
        assert_eq!(instrument.item(items[0].key), Some(&items[0]));
    }
}

#[test]
fn published_maxima() {
    let maxima = [
        (InstrumentId::Sledai2k, 105.0),
        (InstrumentId::EularAcrSle2019, 51.0),
        (InstrumentId::AcrEularSsc2013, 28.0),
        (InstrumentId::AcrEularSs2016, 9.0),
        (InstrumentId::BvasV3, 63.0),
        (InstrumentId::Essdai, 123.0),
        (InstrumentId::Mmt8, 150.0),
        (InstrumentId::Mmt8Unilateral, 80.0),
        (InstrumentId::HaqDi, 3.0),
        (InstrumentId::Mrss, 51.0),
    ];
    for (instrument, max) in maxima {
        let report = instrument.evaluate(&Answers::new(), &ScoreOptions::default()).unwrap();
        assert_eq!(report.max, max, "{instrument}");
    }
}

#[test]
fn names_round_trip_through_serde() {
    for instrument in InstrumentId::all() {
        let json = serde_json::to_string(instrument).unwrap();
        assert_eq!(json, format!("\"{}\"", instrument.code()));
        assert_eq!(serde_json::from_str::<InstrumentId>(&json).unwrap(), *instrument);
    }
}
