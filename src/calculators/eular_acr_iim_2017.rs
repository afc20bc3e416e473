//! 2017 EULAR/ACR classification criteria for adult and juvenile idiopathic inflammatory
//! myopathies and their major subgroups (Lundberg IE et al. Ann Rheum Dis 2017;76:1955–64;
//! Arthritis Rheumatol 2017;69:2271–82; score table from Bottai M et al. RMD Open
//! 2017;3:e000507, Table 1).
//!
//! Each item has one weight without a muscle biopsy and another with one. Scores are
//! added in integer tenths, so that 2.1 + 2.1 + 1.3 is exactly 5.5. "Probable IIM" is
//! decided by the published score cut-offs (≥ 5.5 without biopsy, ≥ 6.7 with), as
//! PROTOCOL-NOTES requires, not by the probability formula, which gives 54.2 % at 5.5.
//! Patients at probable IIM or above are subclassified by the published tree.

use super::checklist::{self, Excluding, GroupRule, ItemPoints, Sheet, SpecList, format_points, presence};
use super::{
    AnswerKind, Answers, AssessmentError, Classification, InstrumentId, InstrumentReport, ItemSpec, ScoreOptions,
};
use crate::i18n::{text, text_with};

/// The item whose answer says whether a muscle biopsy is available.
pub const MUSCLE_BIOPSY: &str = "muscle_biopsy";
/// Age at onset of the first symptom assumed related to the disease, in years.
pub const AGE_AT_ONSET: &str = "age_at_onset";

/// Logistic offset without biopsy: P = 1 / (1 + exp(5.33 − score)). The reference took
/// both offsets from secondary descriptions (they match the published 50/55/90 % cut-offs)
/// and could not check them against Lundberg 2017; only the informative probability
/// depends on them, never the classification.
pub const LOGIT_OFFSET_WITHOUT_BIOPSY: f64 = 5.33;
/// Logistic offset with biopsy: P = 1 / (1 + exp(6.49 − score)).
pub const LOGIT_OFFSET_WITH_BIOPSY: f64 = 6.49;

/// Published score cut-offs in tenths, without biopsy: possible, probable, definite.
pub const CUTOFFS_WITHOUT_BIOPSY_TENTHS: Cutoffs = Cutoffs { possible: 53, probable: 55, definite: 75 };
/// Published score cut-offs in tenths, with biopsy: possible, probable, definite.
pub const CUTOFFS_WITH_BIOPSY_TENTHS: Cutoffs = Cutoffs { possible: 65, probable: 67, definite: 87 };

/// The lowest score, in tenths, of each certainty level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    /// Possible IIM (probability 50 to < 55 %).
    pub possible: u32,
    /// Probable IIM (≥ 55 %), the recommended minimum for classification.
    pub probable: u32,
    /// Definite IIM (≥ 90 %).
    pub definite: u32,
}

/// How certain the classification is, by the published score cut-offs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// Below the "possible" cut-off.
    NotIim,
    /// Possible IIM.
    Possible,
    /// Probable IIM.
    Probable,
    /// Definite IIM.
    Definite,
}

impl Certainty {
    /// The level in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotIim => "not IIM",
            Self::Possible => "possible IIM",
            Self::Probable => "probable IIM",
            Self::Definite => "definite IIM",
        }
    }

    /// The level in the reader's language.
    pub fn shown(self) -> String {
        text(match self {
            Self::NotIim => "instrument-iim-not",
            Self::Possible => "instrument-iim-possible",
            Self::Probable => "instrument-iim-probable",
            Self::Definite => "instrument-iim-definite",
        })
    }
}

/// The cut-offs that apply with or without a muscle biopsy.
pub fn cutoffs(with_biopsy: bool) -> Cutoffs {
    if with_biopsy { CUTOFFS_WITH_BIOPSY_TENTHS } else { CUTOFFS_WITHOUT_BIOPSY_TENTHS }
}

/// The certainty of a score given in tenths (55 for 5.5).
pub fn certainty(score_tenths: u32, with_biopsy: bool) -> Certainty {
    let cutoffs = cutoffs(with_biopsy);
    if score_tenths >= cutoffs.definite {
        Certainty::Definite
    } else if score_tenths >= cutoffs.probable {
        Certainty::Probable
    } else if score_tenths >= cutoffs.possible {
        Certainty::Possible
    } else {
        Certainty::NotIim
    }
}

/// The probability of IIM for a score: 1 / (1 + exp(offset − score)). Informative only:
/// classification follows the score cut-offs.
pub fn probability(score: f64, with_biopsy: bool) -> f64 {
    let offset = if with_biopsy { LOGIT_OFFSET_WITH_BIOPSY } else { LOGIT_OFFSET_WITHOUT_BIOPSY };
    1.0 / (1.0 + (offset - score).exp())
}

/// The subgroups of the classification tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subgroup {
    /// Juvenile dermatomyositis.
    Jdm,
    /// Juvenile myositis other than JDM.
    JuvenileOther,
    /// Amyopathic dermatomyositis.
    Adm,
    /// Dermatomyositis.
    Dm,
    /// Inclusion body myositis.
    Ibm,
    /// Polymyositis; this group includes immune-mediated necrotising myopathy (IMNM).
    Pm,
}

impl Subgroup {
    /// The subgroup as reports name it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Jdm => "JDM",
            Self::JuvenileOther => "juvenile myositis other than JDM",
            Self::Adm => "ADM",
            Self::Dm => "DM",
            Self::Ibm => "IBM",
            Self::Pm => "PM",
        }
    }

    /// The subgroup the tree gives for four known facts.
    fn of(juvenile: bool, skin: bool, weakness: bool, ibm_feature: bool) -> Self {
        match (juvenile, skin, weakness, ibm_feature) {
            (true, true, _, _) => Self::Jdm,
            (true, false, _, _) => Self::JuvenileOther,
            (false, true, false, _) => Self::Adm,
            (false, true, true, _) => Self::Dm,
            (false, false, _, true) => Self::Ibm,
            (false, false, _, false) => Self::Pm,
        }
    }
}

const AGE: &str = "Age of onset";
const WEAKNESS: &str = "Muscle weakness";
const SKIN: &str = "Skin manifestations";
const OTHER_CLINICAL: &str = "Other clinical manifestations";
const LABORATORY: &str = "Laboratory measurements";
const BIOPSY: &str = "Muscle biopsy";
const SUBGROUP: &str = "Subclassification";

/// Tenths for age at onset ≥ 18 and < 40, without / with biopsy.
const AGE_18_TO_40_TENTHS: (u32, u32) = (13, 15);
/// Tenths for age at onset ≥ 40, without / with biopsy.
const AGE_40_AND_OVER_TENTHS: (u32, u32) = (21, 22);

const SKIN_ITEMS: [&str; 3] = ["heliotrope_rash", "gottron_papules", "gottron_sign"];
const WEAKNESS_ITEMS: [&str; 2] = ["weakness_proximal_upper", "weakness_proximal_lower"];
const RIMMED_VACUOLES: &str = "biopsy_rimmed_vacuoles";
const FINGER_FLEXOR_WEAKNESS: &str = "finger_flexor_weakness";
const NO_RESPONSE_TO_TREATMENT: &str = "no_response_to_treatment";

/// One item with its weight in tenths without and with a muscle biopsy; `None` without
/// biopsy for the biopsy findings.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Row {
    spec: ItemSpec,
    without_biopsy: Option<u32>,
    with_biopsy: u32,
}

impl Row {
    fn weight(&self, with_biopsy: bool) -> Option<u32> {
        if with_biopsy { Some(self.with_biopsy) } else { self.without_biopsy }
    }
}

static AGE_ITEM: ItemSpec = ItemSpec {
    key: AGE_AT_ONSET,
    label: "Age at onset of the first symptom assumed to be related to the disease",
    group: Some(AGE),
    answer: AnswerKind::Number { min: 0.0, max: 120.0, unit: "years" },
    points: "< 18: 0; 18 to < 40: 1.3 / 1.5; ≥ 40: 2.1 / 2.2",
    verified: true,
};

static ROWS: [Row; 16] = [
    row(
        "weakness_proximal_upper",
        "Objective symmetric weakness, usually progressive, of the proximal upper extremities",
        WEAKNESS,
        Some(7),
        7,
        "0.7 / 0.7",
    ),
    row(
        "weakness_proximal_lower",
        "Objective symmetric weakness, usually progressive, of the proximal lower extremities",
        WEAKNESS,
        Some(8),
        5,
        "0.8 / 0.5",
    ),
    row(
        "neck_flexors_weaker_than_extensors",
        "Neck flexors relatively weaker than neck extensors",
        WEAKNESS,
        Some(19),
        16,
        "1.9 / 1.6",
    ),
    row(
        "legs_proximal_weaker_than_distal",
        "In the legs, proximal muscles relatively weaker than distal muscles",
        WEAKNESS,
        Some(9),
        12,
        "0.9 / 1.2",
    ),
    row("heliotrope_rash", "Heliotrope rash", SKIN, Some(31), 32, "3.1 / 3.2"),
    row("gottron_papules", "Gottron's papules", SKIN, Some(21), 27, "2.1 / 2.7"),
    row("gottron_sign", "Gottron's sign", SKIN, Some(33), 37, "3.3 / 3.7"),
    row(
        "dysphagia_or_esophageal_dysmotility",
        "Dysphagia or oesophageal dysmotility",
        OTHER_CLINICAL,
        Some(7),
        6,
        "0.7 / 0.6",
    ),
    row(
        "anti_jo1",
        "Anti-Jo-1 (anti-histidyl-tRNA synthetase) antibody present",
        LABORATORY,
        Some(39),
        38,
        "3.9 / 3.8",
    ),
    row(
        "elevated_muscle_enzymes",
        "Elevated serum CK, LDH, AST or ALT (above the upper limit of normal)",
        LABORATORY,
        Some(13),
        14,
        "1.3 / 1.4",
    ),
    row(
        "biopsy_endomysial_infiltrate",
        "Endomysial mononuclear infiltrate surrounding, but not invading, myofibres",
        BIOPSY,
        None,
        17,
        "– / 1.7",
    ),
    row(
        "biopsy_perimysial_perivascular_infiltrate",
        "Perimysial and/or perivascular mononuclear infiltrate",
        BIOPSY,
        None,
        12,
        "– / 1.2",
    ),
    row("biopsy_perifascicular_atrophy", "Perifascicular atrophy", BIOPSY, None, 19, "– / 1.9"),
    row(RIMMED_VACUOLES, "Rimmed vacuoles", BIOPSY, None, 31, "– / 3.1"),
    row(FINGER_FLEXOR_WEAKNESS, "Finger flexor weakness", SUBGROUP, Some(0), 0, "subgroup only"),
    row(NO_RESPONSE_TO_TREATMENT, "No improvement with treatment", SUBGROUP, Some(0), 0, "subgroup only"),
];

const BIOPSY_ITEM: ItemSpec = presence(MUSCLE_BIOPSY, "A muscle biopsy is available", BIOPSY, "selects the weights");

const fn row(
    key: &'static str,
    label: &'static str,
    group: &'static str,
    without_biopsy: Option<u32>,
    with_biopsy: u32,
    points: &'static str,
) -> Row {
    Row { spec: presence(key, label, group, points), without_biopsy, with_biopsy }
}

static SPECS: SpecList = SpecList::new(|| {
    checklist::with_inserted(&[AGE_ITEM], ROWS.iter().map(|row| row.spec), BIOPSY_ITEM, "biopsy_endomysial_infiltrate")
});

/// Age at onset, the clinical and laboratory items, whether a biopsy is available and
/// its findings, and the two items only the subclassification reads.
pub fn items() -> &'static [ItemSpec] {
    &SPECS
}

/// Scores and classifies. An unanswered "muscle biopsy" is read from the findings: a
/// finding present means a biopsy; otherwise the result covers both sets of weights.
pub fn evaluate(answers: &Answers, options: &ScoreOptions) -> Result<InstrumentReport, AssessmentError> {
    let sheet = Sheet::new(InstrumentId::EularAcrIim2017, answers, options, Excluding::NotSupported)?;
    let finding_present =
        ROWS.iter().any(|row| row.without_biopsy.is_none() && sheet.presence(row.spec.key) == Some(true));
    match sheet.presence(MUSCLE_BIOPSY) {
        Some(false) if finding_present => {
            Err(sheet.inconsistent(MUSCLE_BIOPSY, crate::i18n::text("instrument-iim-biopsy-conflict")))
        }
        Some(false) => Ok(variant(&sheet, false)),
        Some(true) => Ok(variant(&sheet, true)),
        None if finding_present => {
            let mut report = variant(&sheet, true);
            report.notes.push("A biopsy finding is present, so the weights with biopsy apply.".to_owned());
            Ok(report)
        }
        None => Ok(checklist::either_variant(MUSCLE_BIOPSY, variant(&sheet, false), variant(&sheet, true))),
    }
}

fn age_points(sheet: &Sheet<'_>, with_biopsy: bool) -> ItemPoints {
    let pick = |(without, with): (u32, u32)| if with_biopsy { with } else { without };
    match sheet.number(AGE_AT_ONSET) {
        Some(age) if age < 18.0 => ItemPoints::exactly(&AGE_ITEM, 0),
        Some(age) if age < 40.0 => ItemPoints::exactly(&AGE_ITEM, pick(AGE_18_TO_40_TENTHS)),
        Some(_) => ItemPoints::exactly(&AGE_ITEM, pick(AGE_40_AND_OVER_TENTHS)),
        None => ItemPoints { spec: &AGE_ITEM, low: 0, high: pick(AGE_40_AND_OVER_TENTHS) },
    }
}

fn variant(sheet: &Sheet<'_>, with_biopsy: bool) -> InstrumentReport {
    let mut points = vec![age_points(sheet, with_biopsy)];
    points.extend(
        ROWS.iter().filter_map(|row| row.weight(with_biopsy).map(|weight| sheet.presence_points(&row.spec, weight))),
    );
    let tally = checklist::tally(&points, |_| GroupRule::SUM);
    let cutoffs = cutoffs(with_biopsy);
    let classification = checklist::at_least(tally.min, tally.max, cutoffs.probable);
    let mut report = sheet.report(&tally, 10.0);
    report.classification = Some(classification);
    let weights = if with_biopsy { text("instrument-iim-with-biopsy") } else { text("instrument-iim-without-biopsy") };
    report.notes.insert(
        0,
        text_with(
            "instrument-rule-iim-2017",
            &[
                ("weights", weights.clone()),
                ("probable", format_points(f64::from(cutoffs.probable) / 10.0)),
                ("definite", format_points(f64::from(cutoffs.definite) / 10.0)),
            ],
        ),
    );
    let bounds = if tally.min == tally.max { vec![tally.min] } else { vec![tally.min, tally.max] };
    for tenths in bounds {
        let score = f64::from(tenths) / 10.0;
        let offset = if with_biopsy { LOGIT_OFFSET_WITH_BIOPSY } else { LOGIT_OFFSET_WITHOUT_BIOPSY };
        report.notes.push(text_with(
            "instrument-iim-score",
            &[
                ("score", format_points(score)),
                ("weights", weights.clone()),
                ("certainty", certainty(tenths, with_biopsy).shown()),
                ("probability", format!("{:.1} %", 100.0 * probability(score, with_biopsy))),
                ("formula", format!("1 / (1 + exp({offset} − score))")),
            ],
        ));
    }
    if classification != Classification::NotClassified {
        // Subclassification applies from probable IIM; while that is undecided, the items
        // that would decide the subgroup are still needed.
        let (subgroup, open) = subgroup(sheet, with_biopsy);
        checklist::add_unassessed(&mut report, &open);
        if classification == Classification::Classified {
            report.category = subgroup.map(Subgroup::label);
        }
        if subgroup.is_none() {
            report.notes.push(text("instrument-iim-subgroup-open"));
        }
    }
    let biopsy_advised = !with_biopsy && sheet.any_present(&SKIN_ITEMS) != Some(true);
    if classification == Classification::Classified && biopsy_advised {
        report.notes.push(text_with("instrument-iim-biopsy-advised", &[("name", "Gottron".to_owned())]));
    }
    report
}

/// Three-valued "and".
fn both(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Three-valued "or".
fn either(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    both(a.map(|x| !x), b.map(|x| !x)).map(|x| !x)
}

/// The subgroup when the assessed items settle it, and the unassessed items that could
/// change it.
fn subgroup(sheet: &Sheet<'_>, with_biopsy: bool) -> (Option<Subgroup>, Vec<&'static str>) {
    let rimmed = if with_biopsy { sheet.presence(RIMMED_VACUOLES) } else { Some(false) };
    let clinical_ibm = both(sheet.presence(FINGER_FLEXOR_WEAKNESS), sheet.presence(NO_RESPONSE_TO_TREATMENT));
    let mut ibm_open = Vec::new();
    if rimmed.is_none() {
        ibm_open.push(RIMMED_VACUOLES);
    }
    if clinical_ibm.is_none() {
        ibm_open.extend(sheet.unanswered(&[FINGER_FLEXOR_WEAKNESS, NO_RESPONSE_TO_TREATMENT]));
    }
    let facts: [(Option<bool>, Vec<&'static str>); 4] = [
        (sheet.number(AGE_AT_ONSET).map(|age| age < 18.0), vec![AGE_AT_ONSET]),
        (sheet.any_present(&SKIN_ITEMS), sheet.unanswered(&SKIN_ITEMS)),
        (sheet.any_present(&WEAKNESS_ITEMS), sheet.unanswered(&WEAKNESS_ITEMS)),
        (either(rimmed, clinical_ibm), ibm_open),
    ];
    let unknown: Vec<usize> =
        (0..facts.len()).filter(|&i| facts.get(i).is_some_and(|(fact, _)| fact.is_none())).collect();
    let leaf = |assignment: u32| {
        let value = |i: usize| {
            facts.get(i).and_then(|(fact, _)| *fact).unwrap_or_else(|| {
                let bit = unknown.iter().position(|&u| u == i).unwrap_or(0);
                assignment & (1 << bit) != 0
            })
        };
        Subgroup::of(value(0), value(1), value(2), value(3))
    };
    let assignments = 0..(1u32 << unknown.len());
    let mut leaves: Vec<Subgroup> = assignments.clone().map(leaf).collect();
    leaves.sort();
    leaves.dedup();
    if let [only] = leaves.as_slice() {
        return (Some(*only), Vec::new());
    }
    let mut open = Vec::new();
    for (bit, i) in unknown.iter().enumerate() {
        let matters = assignments.clone().any(|a| leaf(a) != leaf(a ^ (1 << bit)));
        if let Some((_, keys)) = facts.get(*i).filter(|_| matters) {
            open.extend(keys.iter().copied());
        }
    }
    (None, open)
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::super::checklist::test_support::assess;
    use super::*;

    const ID: InstrumentId = InstrumentId::EularAcrIim2017;

    fn score_tenths(score: f64) -> u32 {
        (score * 10.0).round() as u32
    }

    /// Complete answers: the age, `present` present, every other item absent, and the
    /// biopsy answered as given.
    fn case(age: f64, present: &[&str], with_biopsy: bool) -> Answers {
        let mut answers: Answers = ROWS
            .iter()
            .filter(|row| with_biopsy || row.without_biopsy.is_some())
            .map(|row| {
                let answer = if present.contains(&row.spec.key) { Answer::Present } else { Answer::Absent };
                (row.spec.key.to_owned(), answer)
            })
            .collect();
        answers.insert(AGE_AT_ONSET.to_owned(), Answer::Number(age));
        let biopsy = if with_biopsy { Answer::Present } else { Answer::Absent };
        answers.insert(MUSCLE_BIOPSY.to_owned(), biopsy);
        answers
    }

    #[test]
    fn derived_vectors() {
        let adult_dm = [
            "heliotrope_rash",
            "gottron_papules",
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "elevated_muscle_enzymes",
        ];
        let pm_like = [
            "weakness_proximal_upper",
            "weakness_proximal_lower",
            "neck_flexors_weaker_than_extensors",
            "elevated_muscle_enzymes",
        ];
        let pm_biopsy = [&pm_like[..], &["biopsy_endomysial_infiltrate"]].concat();
        let jdm = ["heliotrope_rash", "gottron_sign", "elevated_muscle_enzymes", "weakness_proximal_upper"];
        let ibm_like = ["weakness_proximal_lower", "elevated_muscle_enzymes", "dysphagia_or_esophageal_dysmotility"];
        let ibm_biopsy = [&ibm_like[..], &[RIMMED_VACUOLES, "biopsy_endomysial_infiltrate"]].concat();
        // Age, items present, biopsy; expected score, probability, certainty, subgroup.
        type Vector<'a> = (f64, &'a [&'a str], bool, f64, f64, Certainty, Option<&'a str>);
        let cases: [Vector<'_>; 8] = [
            (55.0, &adult_dm, false, 10.1, 0.9916, Certainty::Definite, Some("DM")),
            (30.0, &pm_like, false, 6.0, 0.6615, Certainty::Probable, Some("PM")),
            (30.0, &pm_biopsy, true, 7.4, 0.7130, Certainty::Probable, Some("PM")),
            (10.0, &jdm, false, 8.4, 0.9556, Certainty::Definite, Some("JDM")),
            (60.0, &ibm_like, false, 4.9, 0.3941, Certainty::NotIim, None),
            (60.0, &ibm_biopsy, true, 9.5, 0.9530, Certainty::Definite, Some("IBM")),
            (50.0, &["anti_jo1"], false, 6.0, 0.6615, Certainty::Probable, Some("PM")),
            (
                50.0,
                &["gottron_papules", "elevated_muscle_enzymes"],
                false,
                5.5,
                0.5424,
                Certainty::Probable,
                Some("ADM"),
            ),
        ];
        for (age, present, with_biopsy, score, p, level, category) in cases {
            let report = assess(ID, &case(age, present, with_biopsy));
            assert_eq!(report.exact(), Some(score), "{present:?}");
            assert!((probability(score, with_biopsy) - p).abs() < 5e-5, "{present:?}");
            assert_eq!(certainty(score_tenths(score), with_biopsy), level, "{present:?}");
            let classified = level >= Certainty::Probable;
            let expected = if classified { Classification::Classified } else { Classification::NotClassified };
            assert_eq!(report.classification, Some(expected), "{present:?}");
            assert_eq!(report.category, category, "{present:?}");
        }
    }

    #[test]
    fn boundary_table_follows_the_score_cut_offs() {
        let cases = [
            (55, false, 0.5424, Certainty::Probable),
            (75, false, 0.8975, Certainty::Definite),
            (53, false, 0.4925, Certainty::Possible),
            (67, true, 0.5523, Certainty::Probable),
            (87, true, 0.9011, Certainty::Definite),
            (54, false, 0.5175, Certainty::Possible),
            (52, false, 0.4675, Certainty::NotIim),
            (66, true, 0.5275, Certainty::Possible),
            (65, true, 0.5025, Certainty::Possible),
            (64, true, 0.4775, Certainty::NotIim),
            (74, false, 0.8880, Certainty::Probable),
            (86, true, 0.8919, Certainty::Probable),
        ];
        for (tenths, with_biopsy, p, level) in cases {
            assert_eq!(certainty(tenths, with_biopsy), level, "{tenths} {with_biopsy}");
            assert!((probability(f64::from(tenths) / 10.0, with_biopsy) - p).abs() < 5e-5, "{tenths} {with_biopsy}");
        }
    }

    #[test]
    fn tenths_make_boundary_sums_exact() {
        // In floating point 0.7 + 1.9 + 0.9 + 0.7 + 1.3 is 5.499999999999999, just under
        // the probable cut-off; in tenths it is exactly 55.
        let weights = [0.7, 1.9, 0.9, 0.7, 1.3];
        assert!(weights.iter().sum::<f64>() < 5.5);
        let present = [
            "weakness_proximal_upper",
            "neck_flexors_weaker_than_extensors",
            "legs_proximal_weaker_than_distal",
            "dysphagia_or_esophageal_dysmotility",
            "elevated_muscle_enzymes",
        ];
        let report = assess(ID, &case(12.0, &present, false));
        assert_eq!(report.exact(), Some(5.5));
        assert_eq!(report.classification, Some(Classification::Classified));
    }

    #[test]
    fn every_weight_counts_alone_with_and_without_biopsy() {
        for row in &ROWS {
            for with_biopsy in [false, true] {
                let Some(weight) = row.weight(with_biopsy) else { continue };
                let report = assess(ID, &case(10.0, &[row.spec.key], with_biopsy));
                assert_eq!(report.exact(), Some(f64::from(weight) / 10.0), "{} {with_biopsy}", row.spec.key);
            }
        }
        let tenths = |t: u32| format_points(f64::from(t) / 10.0);
        for row in ROWS.iter().filter(|row| row.with_biopsy > 0) {
            let without = row.without_biopsy.map_or("–".to_owned(), tenths);
            assert_eq!(row.spec.points, format!("{without} / {}", tenths(row.with_biopsy)), "{}", row.spec.key);
        }
    }

    #[test]
    fn age_bands() {
        let cases = [
            (17.99, false, 0.0),
            (18.0, false, 1.3),
            (39.9, false, 1.3),
            (40.0, false, 2.1),
            (18.0, true, 1.5),
            (40.0, true, 2.2),
        ];
        for (age, with_biopsy, score) in cases {
            assert_eq!(assess(ID, &case(age, &[], with_biopsy)).exact(), Some(score), "{age} {with_biopsy}");
        }
    }

    #[test]
    fn subclassification_tree() {
        let weak = "weakness_proximal_upper";
        let strong = ["anti_jo1", "elevated_muscle_enzymes"];
        let with = |extra: &[&'static str]| [&strong[..], extra].concat();
        let cases: [(f64, Vec<&str>, bool, &str); 7] = [
            (12.0, with(&["gottron_sign"]), false, "JDM"),
            (12.0, with(&[weak, "neck_flexors_weaker_than_extensors"]), false, "juvenile myositis other than JDM"),
            (50.0, with(&["gottron_sign"]), false, "ADM"),
            (50.0, with(&["gottron_sign", weak]), false, "DM"),
            (50.0, with(&[weak]), false, "PM"),
            (50.0, with(&[weak, "finger_flexor_weakness", "no_response_to_treatment"]), false, "IBM"),
            (50.0, with(&[weak, "finger_flexor_weakness", RIMMED_VACUOLES]), true, "IBM"),
        ];
        for (age, present, with_biopsy, category) in cases {
            let report = assess(ID, &case(age, &present, with_biopsy));
            assert_eq!(report.classification, Some(Classification::Classified), "{present:?}");
            assert_eq!(report.category, Some(category), "{present:?}");
        }
        let finger_flexors_alone = assess(ID, &case(50.0, &with(&[weak, "finger_flexor_weakness"]), false));
        assert_eq!(finger_flexors_alone.category, Some("PM"), "IBM needs both finger-flexor weakness and no response");
    }

    #[test]
    fn an_undecided_subgroup_names_the_items_that_would_decide_it() {
        let mut answers = case(
            50.0,
            &["anti_jo1", "elevated_muscle_enzymes", "weakness_proximal_upper", "finger_flexor_weakness"],
            false,
        );
        answers.remove("no_response_to_treatment");
        let report = assess(ID, &answers);
        assert_eq!(report.classification, Some(Classification::Classified));
        assert_eq!(report.category, None);
        assert_eq!(report.unassessed, vec!["no_response_to_treatment"]);
    }

    #[test]
    fn unanswered_biopsy_covers_both_weight_sets() {
        let mut answers = case(
            30.0,
            &[
                "weakness_proximal_upper",
                "weakness_proximal_lower",
                "neck_flexors_weaker_than_extensors",
                "elevated_muscle_enzymes",
            ],
            false,
        );
        answers.remove(MUSCLE_BIOPSY);
        let report = assess(ID, &answers);
        // Without biopsy 6.0 exactly; with biopsy 5.7 plus up to 7.9 of findings.
        assert_eq!((report.min, report.max), (5.7, 13.6));
        assert_eq!(report.classification, Some(Classification::Undetermined));
        assert!(report.unassessed.contains(&MUSCLE_BIOPSY));
    }

    #[test]
    fn a_present_finding_implies_a_biopsy_and_contradicts_an_absent_one() {
        let mut answers = case(30.0, &[RIMMED_VACUOLES], true);
        answers.remove(MUSCLE_BIOPSY);
        assert_eq!(assess(ID, &answers).exact(), Some(4.6));
        answers.insert(MUSCLE_BIOPSY.to_owned(), Answer::Absent);
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::Inconsistent { .. })));
    }

    #[test]
    fn age_outside_range_is_rejected() {
        let answers: Answers = [(AGE_AT_ONSET.to_owned(), Answer::Number(-1.0))].into();
        assert!(matches!(ID.evaluate(&answers, &ScoreOptions::default()), Err(AssessmentError::InvalidAnswer { .. })));
        let answers: Answers = [(AGE_AT_ONSET.to_owned(), Answer::Number(f64::NAN))].into();
        assert!(ID.evaluate(&answers, &ScoreOptions::default()).is_err());
    }
}
