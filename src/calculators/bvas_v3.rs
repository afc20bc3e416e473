//! Birmingham Vasculitis Activity Score version 3 (Mukhtyar C et al. Ann Rheum Dis
//! 2009;68:1827–32; glossary and scoring notes of the BVAS v3 form).
//!
//! 56 items in 9 organ systems (the three serum-creatinine bands are one graded item
//! here, level 1–3, so that at most one can be ticked). An item scores only when it is
//! attributable to active vasculitis. Items are new/worse (within 4 weeks) unless all
//! abnormalities are persistent: then the single "persistent" box is ticked and the
//! persistent column and section maxima apply. Items marked * are never persistent. The
//! creatinine bands score only at the first assessment. Each section is capped; totals
//! run 0–63 new/worse and 0–33 persistent. The form's free-text "Other" items are not
//! scored here.
//!
//! Items whose weights the reference marks † (unverified against the official NDORMS form)
//! and every * flag, which the reference could not verify either, carry
//! `verified: false`.
//!
//! BVAS v3 has no "major item" flag: the set trial protocols call major (inherited from
//! BVAS/WG) comes from the protocol file, not from this module. A creatinine band counts
//! as an item present when its level is 1 or more.

use super::checklist::{self, Excluding, GroupRule, ItemPoints, Sheet, SpecList, level, presence, unverified};
use super::{Answers, AssessmentError, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions};
use crate::i18n::{text, text_with};

/// Ticked when all abnormalities are due to persistent disease.
pub const PERSISTENT: &str = "persistent";
/// Ticked at the patient's first BVAS assessment, the only one where creatinine scores.
pub const FIRST_ASSESSMENT: &str = "first_assessment";
/// Serum creatinine band: 1 = 125–249, 2 = 250–499, 3 = ≥ 500 µmol/L (0 = below 125 or
/// not attributable to vasculitis).
pub const CREATININE_BAND: &str = "creatinine_band";

/// An organ-system section and its maxima.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Section {
    name: &'static str,
    persistent_max: u32,
    new_or_worse_max: u32,
}

const GENERAL: &str = "General";
const CUTANEOUS: &str = "Cutaneous";
const MUCOUS: &str = "Mucous membranes / eyes";
const ENT: &str = "ENT";
const CHEST: &str = "Chest";
const CARDIOVASCULAR: &str = "Cardiovascular";
const ABDOMINAL: &str = "Abdominal";
const RENAL: &str = "Renal";
const NERVOUS: &str = "Nervous system";
const FORM: &str = "Assessment";

const SECTIONS: [Section; 9] = [
    section(GENERAL, 2, 3),
    section(CUTANEOUS, 3, 6),
    section(MUCOUS, 3, 6),
    section(ENT, 3, 6),
    section(CHEST, 3, 6),
    section(CARDIOVASCULAR, 3, 6),
    section(ABDOMINAL, 4, 9),
    section(RENAL, 6, 12),
    section(NERVOUS, 6, 9),
];

const fn section(name: &'static str, persistent_max: u32, new_or_worse_max: u32) -> Section {
    Section { name, persistent_max, new_or_worse_max }
}

/// One item: its points when persistent (`None` for * items, never persistent) and
/// when new or worse.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Row {
    spec: ItemSpec,
    persistent: Option<u32>,
    new_or_worse: u32,
}

const fn row(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    persistent: Option<u32>,
    new_or_worse: u32,
    points: &'static str,
) -> Row {
    Row { spec: presence(key, label, group, points), persistent, new_or_worse }
}

/// A row the reference marks † (and * where `persistent` is `None`): unverified.
const fn dagger(row: Row) -> Row {
    Row { spec: unverified(row.spec), ..row }
}

static ROWS: [Row; 53] = [
    row("myalgia", "Myalgia", GENERAL, Some(1), 1, "1 / 1"),
    row("arthralgia_or_arthritis", "Arthralgia or arthritis", GENERAL, Some(1), 1, "1 / 1"),
    row("fever", "Fever ≥ 38 °C", GENERAL, Some(2), 2, "2 / 2"),
    row("weight_loss", "Weight loss ≥ 2 kg", GENERAL, Some(2), 2, "2 / 2"),
    row("infarct", "Infarct", CUTANEOUS, Some(1), 2, "1 / 2"),
    row("purpura", "Purpura", CUTANEOUS, Some(1), 2, "1 / 2"),
    row("skin_ulcer", "Ulcer", CUTANEOUS, Some(1), 4, "1 / 4"),
    row("gangrene", "Gangrene", CUTANEOUS, Some(2), 6, "2 / 6"),
    row("other_skin_vasculitis", "Other skin vasculitis", CUTANEOUS, Some(1), 2, "1 / 2"),
    row("mouth_ulcers_or_granulomata", "Mouth ulcers / granulomata", MUCOUS, Some(1), 2, "1 / 2"),
    row("genital_ulcers", "Genital ulcers", MUCOUS, Some(1), 1, "1 / 1"),
    row("adnexal_inflammation", "Adnexal inflammation", MUCOUS, Some(2), 4, "2 / 4"),
    row("significant_proptosis", "Significant proptosis", MUCOUS, Some(2), 4, "2 / 4"),
    row("scleritis_or_episcleritis", "Scleritis / episcleritis", MUCOUS, Some(1), 2, "1 / 2"),
    dagger(row(
        "conjunctivitis_blepharitis_keratitis",
        "Conjunctivitis / blepharitis / keratitis",
        MUCOUS,
        Some(1),
        1,
        "1 / 1",
    )),
    dagger(row("blurred_vision", "Blurred vision", MUCOUS, Some(2), 3, "2 / 3")),
    dagger(row("sudden_visual_loss", "Sudden visual loss", MUCOUS, None, 6, "* / 6")),
    dagger(row("uveitis", "Uveitis", MUCOUS, Some(2), 6, "2 / 6")),
    dagger(row(
        "retinal_changes",
        "Retinal changes (vasculitis, thrombosis, exudate, haemorrhage)",
        MUCOUS,
        Some(2),
        6,
        "2 / 6",
    )),
    dagger(row(
        "bloody_nasal_discharge",
        "Bloody nasal discharge / crusts / ulcers / granulomata",
        ENT,
        Some(2),
        4,
        "2 / 4",
    )),
    dagger(row("paranasal_sinus_involvement", "Paranasal sinus involvement", ENT, Some(1), 2, "1 / 2")),
    dagger(row("subglottic_stenosis", "Subglottic stenosis", ENT, Some(3), 6, "3 / 6")),
    dagger(row("conductive_hearing_loss", "Conductive hearing loss", ENT, Some(1), 3, "1 / 3")),
    dagger(row("sensorineural_hearing_loss", "Sensorineural hearing loss", ENT, Some(2), 6, "2 / 6")),
    dagger(row("wheeze", "Wheeze", CHEST, Some(1), 2, "1 / 2")),
    dagger(row("nodules_or_cavities", "Nodules or cavities", CHEST, None, 3, "* / 3")),
    row("pleural_effusion_or_pleurisy", "Pleural effusion / pleurisy", CHEST, Some(2), 4, "2 / 4"),
    row("infiltrate", "Infiltrate", CHEST, Some(2), 4, "2 / 4"),
    row("endobronchial_involvement", "Endobronchial involvement", CHEST, Some(2), 4, "2 / 4"),
    row(
        "massive_haemoptysis_or_alveolar_haemorrhage",
        "Massive haemoptysis / alveolar haemorrhage",
        CHEST,
        Some(4),
        6,
        "4 / 6",
    ),
    row("respiratory_failure", "Respiratory failure", CHEST, Some(4), 6, "4 / 6"),
    row("loss_of_pulses", "Loss of pulses", CARDIOVASCULAR, Some(1), 4, "1 / 4"),
    row("valvular_heart_disease", "Valvular heart disease", CARDIOVASCULAR, Some(2), 4, "2 / 4"),
    row("pericarditis", "Pericarditis", CARDIOVASCULAR, Some(1), 3, "1 / 3"),
    row("ischaemic_cardiac_pain", "Ischaemic cardiac pain", CARDIOVASCULAR, Some(2), 4, "2 / 4"),
    row("cardiomyopathy", "Cardiomyopathy", CARDIOVASCULAR, Some(3), 6, "3 / 6"),
    row("congestive_cardiac_failure", "Congestive cardiac failure", CARDIOVASCULAR, Some(3), 6, "3 / 6"),
    dagger(row("peritonitis", "Peritonitis", ABDOMINAL, None, 9, "* / 9")),
    dagger(row("bloody_diarrhoea", "Bloody diarrhoea", ABDOMINAL, None, 9, "* / 9")),
    dagger(row("ischaemic_abdominal_pain", "Ischaemic abdominal pain", ABDOMINAL, None, 6, "* / 6")),
    dagger(row("hypertension", "Hypertension", RENAL, Some(1), 4, "1 / 4")),
    dagger(row("proteinuria", "Proteinuria > 1+", RENAL, Some(2), 4, "2 / 4")),
    dagger(row("haematuria", "Haematuria ≥ 10 RBC/hpf", RENAL, Some(3), 6, "3 / 6")),
    dagger(row(
        "creatinine_rise",
        "Rise in serum creatinine > 30 % or fall in creatinine clearance > 25 %",
        RENAL,
        None,
        6,
        "* / 6",
    )),
    dagger(row("headache", "Headache", NERVOUS, Some(1), 1, "1 / 1")),
    dagger(row("meningitis", "Meningitis", NERVOUS, None, 3, "* / 3")),
    dagger(row("organic_confusion", "Organic confusion", NERVOUS, None, 3, "* / 3")),
    dagger(row("seizures", "Seizures (not hypertensive)", NERVOUS, None, 9, "* / 9")),
    dagger(row("cerebrovascular_accident", "Cerebrovascular accident", NERVOUS, None, 9, "* / 9")),
    dagger(row("spinal_cord_lesion", "Spinal cord lesion", NERVOUS, None, 9, "* / 9")),
    dagger(row("cranial_nerve_palsy", "Cranial nerve palsy", NERVOUS, None, 6, "* / 6")),
    dagger(row("sensory_peripheral_neuropathy", "Sensory peripheral neuropathy", NERVOUS, None, 6, "* / 6")),
    dagger(row("mononeuritis_multiplex", "Mononeuritis multiplex", NERVOUS, None, 9, "* / 9")),
];

/// Creatinine band points by level, the same in both columns.
const CREATININE_BAND_POINTS: [u32; 4] = [0, 2, 3, 4];

static CREATININE_ITEM: ItemSpec = unverified(level(
    CREATININE_BAND,
    "Serum creatinine: 1 = 125–249, 2 = 250–499, 3 = ≥ 500 µmol/L (first assessment only)",
    RENAL,
    &[0, 1, 2, 3],
    "2 / 3 / 4",
));

static FORM_ITEMS: [ItemSpec; 2] = [
    presence(
        PERSISTENT,
        "All abnormalities are due to persistent disease (persistent box)",
        FORM,
        "selects the column",
    ),
    presence(FIRST_ASSESSMENT, "This is the patient's first BVAS assessment", FORM, "creatinine scores only then"),
];

static SPECS: SpecList = SpecList::new(|| {
    checklist::with_inserted(&FORM_ITEMS, ROWS.iter().map(|row| row.spec), CREATININE_ITEM, "creatinine_rise")
});

/// The persistent and first-assessment boxes, then the 56 items section by section.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// Scores BVAS v3. With the persistent box unanswered, the result covers both columns
/// unless a * item present rules persistence out.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::BvasV3, answers, options, Excluding::NotSupported)?;
    let never_persistent =
        ROWS.iter().find(|row| row.persistent.is_none() && sheet.presence(row.spec.key) == Some(true));
    match (sheet.presence(PERSISTENT), never_persistent) {
        (Some(true), Some(row)) => Err(sheet.inconsistent(
            PERSISTENT,
            text_with("instrument-bvas-persistent-conflict", &[("item", sheet.label(row.spec.key).to_owned())]),
        )),
        (Some(persistent), _) => Ok(column(&sheet, persistent)),
        (None, Some(row)) => {
            let mut report = column(&sheet, false);
            let item = crate::calculators::instrument_words::item_label(InstrumentId::BvasV3, &row.spec);
            report.notes.push(text_with("instrument-bvas-never-persistent", &[("item", item.to_owned())]));
            Ok(report)
        }
        (None, None) => Ok(checklist::either_variant(PERSISTENT, column(&sheet, true), column(&sheet, false))),
    }
}

fn creatinine_points(sheet: &Sheet<'_>) -> ItemPoints {
    let points = |band: u8| CREATININE_BAND_POINTS.get(usize::from(band)).copied().unwrap_or(0);
    let highest = CREATININE_BAND_POINTS.iter().copied().max().unwrap_or(0);
    let (low, high) = match sheet.level(CREATININE_BAND) {
        Some(band) => (points(band), points(band)),
        None => (0, highest),
    };
    match sheet.presence(FIRST_ASSESSMENT) {
        Some(true) => ItemPoints { spec: &CREATININE_ITEM, low, high },
        Some(false) => ItemPoints::exactly(&CREATININE_ITEM, 0),
        None => ItemPoints { spec: &CREATININE_ITEM, low: 0, high },
    }
}

fn column(sheet: &Sheet<'_>, persistent: bool) -> InstrumentReport {
    let mut points: Vec<ItemPoints> = ROWS
        .iter()
        .map(|row| {
            let weight = if persistent { row.persistent } else { Some(row.new_or_worse) };
            // A * item cannot be present with the persistent box ticked.
            weight.map_or(ItemPoints::exactly(&row.spec, 0), |weight| sheet.presence_points(&row.spec, weight))
        })
        .collect();
    points.push(creatinine_points(sheet));
    let cap = |group: Option<&str>| {
        let section = SECTIONS.iter().find(|section| Some(section.name) == group);
        GroupRule {
            combine: checklist::Combine::Sum,
            cap: section.map(|s| if persistent { s.persistent_max } else { s.new_or_worse_max }),
        }
    };
    let tally = checklist::tally(&points, cap);
    let mut report = sheet.report(&tally, 1.0);
    let column =
        if persistent { text("instrument-bvas-persistent-column") } else { text("instrument-bvas-new-column") };
    report.notes.insert(0, column);
    let band = sheet.level(CREATININE_BAND);
    match sheet.presence(FIRST_ASSESSMENT) {
        Some(false) if band.is_some_and(|band| band > 0) => {
            report.notes.push(text("instrument-bvas-creatinine-first"));
        }
        // Whether the creatinine band scores depends on the first-assessment box.
        None if report.unassessed.contains(&CREATININE_BAND) => {
            if band.is_some() {
                report.unassessed.retain(|key| *key != CREATININE_BAND);
            }
            checklist::add_unassessed(&mut report, &[FIRST_ASSESSMENT]);
        }
        _ => {}
    }
    report
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::assess;
    use super::*;

    const ID: InstrumentId = InstrumentId::BvasV3;

    fn assessed(persistent: bool, first: bool, present: &[&str], band: u8) -> Answers {
        let mut answers: Answers = ROWS
            .iter()
            .map(|row| {
                let answer = if present.contains(&row.spec.key) { Answer::Present } else { Answer::Absent };
                (row.spec.key.to_owned(), answer)
            })
            .collect();
        for key in present {
            assert!(answers.contains_key(*key), "{key}");
        }
        let yes_no = |yes: bool| if yes { Answer::Present } else { Answer::Absent };
        answers.insert(PERSISTENT.to_owned(), yes_no(persistent));
        answers.insert(FIRST_ASSESSMENT.to_owned(), yes_no(first));
        answers.insert(CREATININE_BAND.to_owned(), Answer::Level(band));
        answers
    }

    #[test]
    fn derived_vectors() {
        let first_visit = assessed(false, true, &["fever", "arthralgia_or_arthritis", "haematuria", "proteinuria"], 2);
        assert_eq!(assess(ID, &first_visit).exact(), Some(15.0));
        let skin = assessed(false, false, &["gangrene", "purpura", "skin_ulcer"], 0);
        assert_eq!(assess(ID, &skin).exact(), Some(6.0));
        let persistent =
            assessed(true, false, &["arthralgia_or_arthritis", "mouth_ulcers_or_granulomata", "hypertension"], 0);
        assert_eq!(assess(ID, &persistent).exact(), Some(3.0));
    }

    #[test]
    fn caps_are_explained() {
        let report =
            assess(ID, &assessed(false, true, &["fever", "arthralgia_or_arthritis", "haematuria", "proteinuria"], 2));
        assert!(
            report.notes.iter().any(|note| note == "Renal adds up to 13, capped at its maximum of 12."),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn totals_are_63_new_and_33_persistent() {
        let all: Vec<&str> = ROWS.iter().map(|row| row.spec.key).collect();
        assert_eq!(assess(ID, &assessed(false, true, &all, 3)).exact(), Some(63.0));
        let persistent: Vec<&str> =
            ROWS.iter().filter(|row| row.persistent.is_some()).map(|row| row.spec.key).collect();
        // Abdominal has only * items and the nervous system one persistent item (headache),
        // so a persistent assessment stays below 33: 2 + 3 + 3 + 3 + 3 + 3 + 0 + 6 + 1.
        assert_eq!(assess(ID, &assessed(true, true, &persistent, 3)).exact(), Some(24.0));
        let sections: u32 = SECTIONS.iter().map(|s| s.persistent_max).sum();
        assert_eq!(sections, 33);
    }

    #[test]
    fn every_weight_counts_alone_in_both_columns() {
        for row in &ROWS {
            let section = SECTIONS.iter().find(|s| Some(s.name) == row.spec.group).unwrap();
            let new = assess(ID, &assessed(false, false, &[row.spec.key], 0)).exact();
            assert_eq!(new, Some(f64::from(row.new_or_worse.min(section.new_or_worse_max))), "{}", row.spec.key);
            match row.persistent {
                Some(weight) => {
                    // Massive haemoptysis and respiratory failure (4) exceed the persistent Chest maximum (3).
                    let persistent = assess(ID, &assessed(true, false, &[row.spec.key], 0)).exact();
                    assert_eq!(persistent, Some(f64::from(weight.min(section.persistent_max))), "{}", row.spec.key);
                }
                None => {
                    let result = ID.evaluate(&assessed(true, false, &[row.spec.key], 0), &ScoreOptions::default());
                    assert!(matches!(result, Err(AssessmentError::Inconsistent { .. })), "{}", row.spec.key);
                }
            }
            let persistent = row.persistent.map_or("*".to_owned(), |weight| weight.to_string());
            assert_eq!(row.spec.points, format!("{persistent} / {}", row.new_or_worse), "{}", row.spec.key);
        }
    }

    #[test]
    fn creatinine_scores_only_at_the_first_assessment() {
        for (band, points) in [(0, 0.0), (1, 2.0), (2, 3.0), (3, 4.0)] {
            assert_eq!(assess(ID, &assessed(false, true, &[], band)).exact(), Some(points));
            assert_eq!(assess(ID, &assessed(true, true, &[], band)).exact(), Some(points));
            assert_eq!(assess(ID, &assessed(false, false, &[], band)).exact(), Some(0.0));
        }
        let mut answers = assessed(false, true, &[], 2);
        answers.remove(FIRST_ASSESSMENT);
        let report = assess(ID, &answers);
        assert_eq!((report.min, report.max), (0.0, 3.0));
        assert_eq!(report.unassessed, vec![FIRST_ASSESSMENT]);
    }

    #[test]
    fn unanswered_persistent_box_covers_both_columns() {
        let mut answers = assessed(false, false, &["gangrene"], 0);
        answers.remove(PERSISTENT);
        let report = assess(ID, &answers);
        assert_eq!((report.min, report.max), (2.0, 6.0));
        assert_eq!(report.unassessed, vec![PERSISTENT]);

        let mut answers = assessed(false, false, &["gangrene", "meningitis"], 0);
        answers.remove(PERSISTENT);
        assert_eq!(report_exact(&answers), Some(9.0), "a * item settles the column");
    }

    #[test]
    fn unverified_items_are_the_daggered_ones() {
        let unverified: Vec<&str> = items().iter().filter(|spec| !spec.verified).map(|spec| spec.key).collect();
        assert_eq!(unverified.len(), 29);
        assert!(unverified.contains(&CREATININE_BAND));
        assert!(!unverified.contains(&"gangrene"));
        assert_eq!(items().len(), 2 + 54);
    }

    #[test]
    fn creatinine_band_above_three_is_rejected() {
        let answers: Answers = [(CREATININE_BAND.to_owned(), Answer::Level(4))].into();
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::InvalidAnswer { .. })));
    }

    fn report_exact(answers: &Answers) -> Option<f64> {
        assess(ID, answers).exact()
    }
}
