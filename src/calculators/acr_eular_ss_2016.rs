//! 2016 ACR/EULAR classification criteria for primary Sjögren's syndrome (Shiboski CH et
//! al. Ann Rheum Dis 2017;76:9–16; Arthritis Rheumatol 2017;69:35–45, Table 3).
//!
//! Entry: a "yes" to at least one of five dryness questions, or suspicion of SS from the
//! ESSDAI questionnaire. Exclusion: a prior diagnosis of head and neck radiation, active
//! HCV (PCR), AIDS, sarcoidosis, amyloidosis, GVHD or IgG4-related disease. Then five
//! weighted items; a total ≥ 4 classifies. Patients on anticholinergic drugs have the
//! ocular staining, Schirmer and saliva tests after a washout.

use super::checklist::{self, Excluding, Gate, GroupRule, Sheet, SpecList, Weighted, presence, weighted};
use super::{Answers, AssessmentError, Classification, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::text_with;

/// The total that classifies.
pub const THRESHOLD: u32 = 4;

const ENTRY: &str = "Inclusion: dryness or ESSDAI suspicion";
const EXCLUSION: &str = "Exclusion: prior diagnosis";
const ITEMS_GROUP: &str = "Weighted items";

/// The entry items: the five dryness questions and the ESSDAI suspicion.
pub const ENTRY_ITEMS: [&str; 6] = [
    "dry_eyes_daily",
    "sand_or_gravel_in_eyes",
    "tear_substitutes",
    "dry_mouth_daily",
    "liquids_to_swallow",
    "essdai_suspicion",
];

/// The exclusion items.
pub const EXCLUSION_ITEMS: [&str; 7] =
    ["head_neck_radiation", "active_hcv", "aids", "sarcoidosis", "amyloidosis", "gvhd", "igg4_related_disease"];

static GATE_ITEMS: [ItemSpec; 13] = [
    presence("dry_eyes_daily", "Daily, persistent, troublesome dry eyes for more than 3 months", ENTRY, "entry"),
    presence("sand_or_gravel_in_eyes", "Recurrent sensation of sand or gravel in the eyes", ENTRY, "entry"),
    presence("tear_substitutes", "Tear substitutes more than 3 times a day", ENTRY, "entry"),
    presence("dry_mouth_daily", "Daily feeling of dry mouth for more than 3 months", ENTRY, "entry"),
    presence("liquids_to_swallow", "Frequently drinks liquids to aid swallowing dry food", ENTRY, "entry"),
    presence(
        "essdai_suspicion",
        "Suspicion of SS from the ESSDAI questionnaire (≥ 1 domain with a positive item)",
        ENTRY,
        "entry",
    ),
    presence("head_neck_radiation", "History of head and neck radiation treatment", EXCLUSION, "excludes"),
    presence("active_hcv", "Active hepatitis C infection (positive PCR)", EXCLUSION, "excludes"),
    presence("aids", "Acquired immunodeficiency syndrome", EXCLUSION, "excludes"),
    presence("sarcoidosis", "Sarcoidosis", EXCLUSION, "excludes"),
    presence("amyloidosis", "Amyloidosis", EXCLUSION, "excludes"),
    presence("gvhd", "Graft-versus-host disease", EXCLUSION, "excludes"),
    presence("igg4_related_disease", "IgG4-related disease", EXCLUSION, "excludes"),
];

static ITEMS: [Weighted; 5] = [
    weighted(
        "focus_score",
        "Labial salivary gland focal lymphocytic sialadenitis, focus score ≥ 1 focus/4 mm²",
        ITEMS_GROUP,
        3,
        "3",
    ),
    weighted("anti_ssa_ro", "Anti-SSA/Ro (anti-Ro60) positive", ITEMS_GROUP, 3, "3"),
    weighted(
        "ocular_staining_score",
        "Ocular staining score ≥ 5 (or van Bijsterveld ≥ 4) in at least one eye",
        ITEMS_GROUP,
        1,
        "1",
    ),
    weighted("schirmer", "Schirmer ≤ 5 mm/5 min in at least one eye", ITEMS_GROUP, 1, "1"),
    weighted("unstimulated_salivary_flow", "Unstimulated whole saliva flow ≤ 0.1 mL/min", ITEMS_GROUP, 1, "1"),
];

static SPECS: SpecList = SpecList::new(|| checklist::specs_after(&GATE_ITEMS, &ITEMS));

/// Entry questions, exclusions, then the weighted items.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// Scores the criteria and decides: entry first, then exclusions, then the score.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::AcrEularSs2016, answers, options, Excluding::NotSupported)?;
    let scored = sheet.points_of(&ITEMS, Sheet::presence_points);
    let tally = checklist::tally(&scored, |_| GroupRule::SUM);
    let gates = [
        Gate::any_present(&sheet, &ENTRY_ITEMS, Classification::EntryNotMet),
        Gate::all_absent(&sheet, &EXCLUSION_ITEMS, Classification::Excluded),
    ];
    Ok(checklist::classification_report(
        &sheet,
        &tally,
        &gates,
        checklist::at_least(tally.min, tally.max, THRESHOLD),
        &text_with("instrument-rule-ss-2016", &[("threshold", "4".to_owned())]),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::{assert_points_text, assess, only_present};
    use super::*;

    const ID: InstrumentId = InstrumentId::AcrEularSs2016;

    fn decided(present: &[&str]) -> (Option<f64>, Option<Classification>) {
        let report = assess(ID, &only_present(ID, present));
        (report.exact(), report.classification)
    }

    #[test]
    fn derived_vectors() {
        use Classification::{Classified, EntryNotMet, Excluded, NotClassified};
        let cases: [(&[&str], f64, Classification); 7] = [
            (&["dry_mouth_daily", "focus_score", "schirmer"], 4.0, Classified),
            (&["dry_mouth_daily", "anti_ssa_ro"], 3.0, NotClassified),
            (
                &["dry_eyes_daily", "anti_ssa_ro", "ocular_staining_score", "schirmer", "unstimulated_salivary_flow"],
                6.0,
                Classified,
            ),
            (&["dry_eyes_daily", "head_neck_radiation", "focus_score", "anti_ssa_ro"], 6.0, Excluded),
            (
                &["dry_eyes_daily", "ocular_staining_score", "schirmer", "unstimulated_salivary_flow"],
                3.0,
                NotClassified,
            ),
            (&["focus_score", "anti_ssa_ro"], 6.0, EntryNotMet),
            (
                &[
                    "essdai_suspicion",
                    "focus_score",
                    "anti_ssa_ro",
                    "ocular_staining_score",
                    "schirmer",
                    "unstimulated_salivary_flow",
                ],
                9.0,
                Classified,
            ),
        ];
        for (present, score, classification) in cases {
            assert_eq!(decided(present), (Some(score), Some(classification)), "{present:?}");
        }
    }

    #[test]
    fn every_entry_item_and_every_exclusion_works_alone() {
        for entry in ENTRY_ITEMS {
            assert_eq!(decided(&[entry, "focus_score", "schirmer"]).1, Some(Classification::Classified), "{entry}");
        }
        for exclusion in EXCLUSION_ITEMS {
            assert_eq!(
                decided(&["dry_mouth_daily", exclusion, "focus_score"]).1,
                Some(Classification::Excluded),
                "{exclusion}"
            );
        }
        for row in &ITEMS {
            assert_eq!(decided(&["dry_mouth_daily", row.spec.key]).0, Some(f64::from(row.weight)));
        }
        assert_points_text(&ITEMS, |weight| weight.to_string());
    }

    #[test]
    fn unanswered_entry_or_exclusions_leave_it_undetermined() {
        let mut answers = only_present(ID, &["focus_score", "anti_ssa_ro"]);
        for entry in ENTRY_ITEMS {
            answers.remove(entry);
        }
        let report = assess(ID, &answers);
        assert_eq!(report.classification, Some(Classification::Undetermined));
        assert_eq!(report.unassessed, ENTRY_ITEMS.to_vec());

        let mut answers = only_present(ID, &["dry_mouth_daily", "focus_score", "anti_ssa_ro"]);
        answers.remove("sarcoidosis");
        let report = assess(ID, &answers);
        assert_eq!(report.classification, Some(Classification::Undetermined));
        assert_eq!(report.unassessed, vec!["sarcoidosis"]);
    }

    #[test]
    fn entry_absent_decides_even_with_exclusions_unanswered() {
        let answers: Answers = ENTRY_ITEMS.iter().map(|key| ((*key).to_owned(), Answer::Absent)).collect();
        let report = assess(ID, &answers);
        assert_eq!(report.classification, Some(Classification::EntryNotMet));
    }
}
