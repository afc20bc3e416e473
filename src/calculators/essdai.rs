//! EULAR Sjögren's syndrome disease activity index (Seror R et al. Ann Rheum Dis
//! 2010;69:1103–9; user guide RMD Open 2015;1:e000022).
//!
//! ESSDAI = Σ domain weight × activity level (0 none, 1 low, 2 moderate, 3 high), 0–123.
//! Not every domain has every level: constitutional, glandular and biological stop at
//! moderate, and the CNS domain has no low level. Activity categories (Seror R et al. Ann
//! Rheum Dis 2016;75:382–9): low < 5, moderate 5–13, high ≥ 14. Trials that score "ESSDAI
//! across 8 domains" restrict it to a protocol-listed subset
//! (`ScoreOptions::restricted_to`); the categories then do not apply. ClinESSDAI uses
//! re-derived weights and is not ESSDAI without the biological domain.

use super::checklist::{self, Excluding, GroupRule, Sheet, SpecList, Weighted, level};
use super::{Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::{text, text_with};

/// The lowest score of moderate activity (Seror 2016).
pub const MODERATE_FROM: u32 = 5;
/// The lowest score of high activity (Seror 2016).
pub const HIGH_FROM: u32 = 14;

const UP_TO_MODERATE: &[u8] = &[0, 1, 2];
const UP_TO_HIGH: &[u8] = &[0, 1, 2, 3];
const NO_LOW: &[u8] = &[0, 2, 3];
const DOMAIN: &str = "Domain";

static ITEMS: [Weighted; 12] = [
    row("constitutional", "Constitutional", UP_TO_MODERATE, 3, "× 3"),
    row("lymphadenopathy", "Lymphadenopathy and lymphoma", UP_TO_HIGH, 4, "× 4"),
    row("glandular", "Glandular", UP_TO_MODERATE, 2, "× 2"),
    row("articular", "Articular", UP_TO_HIGH, 2, "× 2"),
    row("cutaneous", "Cutaneous", UP_TO_HIGH, 3, "× 3"),
    row("pulmonary", "Pulmonary", UP_TO_HIGH, 5, "× 5"),
    row("renal", "Renal", UP_TO_HIGH, 5, "× 5"),
    row("muscular", "Muscular", UP_TO_HIGH, 6, "× 6"),
    row("pns", "Peripheral nervous system", UP_TO_HIGH, 5, "× 5"),
    row("cns", "Central nervous system", NO_LOW, 5, "× 5"),
    row("hematological", "Hematological", UP_TO_HIGH, 2, "× 2"),
    row("biological", "Biological", UP_TO_MODERATE, 1, "× 1"),
];

const fn row(
    key: &'static str,
    label: &'static str,
    allowed: &'static [u8],
    weight: u32,
    points: &'static str,
) -> Weighted {
    Weighted { spec: level(key, label, DOMAIN, allowed, points), weight }
}

static SPECS: SpecList = SpecList::new(|| checklist::specs_of(&ITEMS));

/// The 12 domains, each answered with its activity level.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// The activity category of a full ESSDAI score.
pub fn activity(score: u32) -> &'static str {
    if score >= HIGH_FROM {
        "high"
    } else if score >= MODERATE_FROM {
        "moderate"
    } else {
        "low"
    }
}

/// Scores ESSDAI over the domains the options keep.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::Essdai, answers, options, Excluding::Allowed)?;
    let points = sheet.points_of(&ITEMS, Sheet::level_points);
    // Domains are independent: the shared group label is only for forms.
    let tally = checklist::tally(&points, |_| GroupRule::SUM);
    let mut report = sheet.report(&tally, 1.0);
    report.notes.insert(0, text("instrument-rule-essdai"));
    if options.excluding.is_empty() {
        let (low, high) = (activity(tally.min), activity(tally.max));
        report.category = (low == high).then_some(low);
        report.notes.push(text_with("instrument-essdai-activity", &[("source", "Seror 2016".to_owned())]));
    } else {
        report.notes.push(text("instrument-essdai-subset"));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::{assert_points_text, assess};
    use super::*;

    const ID: InstrumentId = InstrumentId::Essdai;

    fn levels(pairs: &[(&str, u8)]) -> Answers {
        let mut answers: Answers = ITEMS.iter().map(|row| (row.spec.key.to_owned(), Answer::Level(0))).collect();
        for (key, level) in pairs {
            assert!(answers.insert((*key).to_owned(), Answer::Level(*level)).is_some(), "{key}");
        }
        answers
    }

    fn maximal() -> Vec<(&'static str, u8)> {
        ITEMS
            .iter()
            .map(|row| match row.spec.answer {
                super::super::AnswerKind::Level { allowed } => (row.spec.key, allowed.iter().copied().max().unwrap()),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn derived_vectors() {
        type Levels = Vec<(&'static str, u8)>;
        let cases: [(Levels, f64, &str); 5] = [
            (vec![("articular", 2), ("biological", 1)], 5.0, "moderate"),
            (vec![("constitutional", 1), ("glandular", 2)], 7.0, "moderate"),
            (vec![("lymphadenopathy", 3), ("hematological", 3)], 18.0, "high"),
            (vec![("cns", 2)], 10.0, "moderate"),
            (maximal(), 123.0, "high"),
        ];
        for (pairs, score, category) in cases {
            let report = assess(ID, &levels(&pairs));
            assert_eq!((report.exact(), report.category), (Some(score), Some(category)), "{pairs:?}");
        }
    }

    #[test]
    fn every_weight_and_category_boundary() {
        for row in &ITEMS {
            assert_eq!(
                assess(ID, &levels(&[(row.spec.key, 2)])).exact(),
                Some(f64::from(2 * row.weight)),
                "{}",
                row.spec.key
            );
        }
        assert_points_text(&ITEMS, |weight| format!("× {weight}"));
        assert_eq!(
            (activity(0), activity(4), activity(5), activity(13), activity(14)),
            ("low", "low", "moderate", "moderate", "high")
        );
    }

    #[test]
    fn levels_a_domain_does_not_have_are_rejected() {
        for (key, level) in [("cns", 1), ("constitutional", 3), ("glandular", 3), ("biological", 3), ("articular", 4)] {
            let result = ID.evaluate(&levels(&[(key, level)]), &ScoreOptions::default());
            assert!(matches!(result, Err(AssessmentError::InvalidAnswer { .. })), "{key} {level}");
        }
        let present: Answers = [("renal".to_owned(), Answer::Present)].into();
        assert!(ID.evaluate(&present, &ScoreOptions::default()).is_err());
    }

    #[test]
    fn a_subset_of_domains_scores_only_those() {
        let kept = [
            "constitutional",
            "lymphadenopathy",
            "glandular",
            "articular",
            "cutaneous",
            "pulmonary",
            "hematological",
            "biological",
        ];
        let options = ScoreOptions::restricted_to(ID, &kept);
        let mut answers = levels(&[("articular", 2), ("muscular", 3), ("cns", 3)]);
        answers.remove("renal");
        let report = ID.evaluate(&answers, &options).unwrap();
        assert_eq!(report.exact(), Some(4.0));
        assert_eq!(report.category, None);
    }

    #[test]
    fn unassessed_domains_make_a_range_and_may_leave_the_category_open() {
        let mut answers = levels(&[("articular", 2)]);
        answers.remove("cns");
        let report = assess(ID, &answers);
        assert_eq!((report.min, report.max), (4.0, 19.0));
        assert_eq!(report.unassessed, vec!["cns"]);
        assert_eq!(report.category, None);
        let mut answers = levels(&[("muscular", 3)]);
        answers.remove("biological");
        assert_eq!(super::super::checklist::test_support::assess(ID, &answers).category, Some("high"));
    }
}
