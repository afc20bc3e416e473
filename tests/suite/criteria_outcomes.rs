//! Every criterion of the bundled protocols, each outcome it can take, at its boundaries
//! (≥ vs >, the day a window closes, age on the birthday), with units and missing data.
//! Each case starts from a vignette's example session and changes a few values.

use crate::common;

use chrono::NaiveDate;
use common::{criterion, edit, example};
use trialscreen::engine::protocol_eval::Outcome::{self, Fails, Judgment, Missing, NotApplicable, Passes};
use trialscreen::library::Library;
use trialscreen::session::model::Session;

/// One case: a base example, changes, a criterion, the expected outcome and, where the
/// criterion fails and time will cure it, the date it would pass.
struct Case {
    base: &'static str,
    changes: &'static [(&'static str, Option<&'static str>)],
    criterion: &'static str,
    expected: Outcome,
    eligible_from: Option<&'static str>,
}

const fn case(
    base: &'static str,
    criterion: &'static str,
    changes: &'static [(&'static str, Option<&'static str>)],
    expected: Outcome,
) -> Case {
    Case { base, changes, criterion, expected, eligible_from: None }
}

const fn case_from(
    base: &'static str,
    criterion: &'static str,
    changes: &'static [(&'static str, Option<&'static str>)],
    eligible_from: &'static str,
) -> Case {
    Case { base, changes, criterion, expected: Fails, eligible_from: Some(eligible_from) }
}

fn run(cases: &[Case], adjust: impl Fn(&str, &mut Session)) {
    let library = Library::bundled().expect("bundled data loads");
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let mut session = example(case.base);
        adjust(case.criterion, &mut session);
        edit(&mut session, case.changes);
        let result = criterion(&library, &session, case.criterion);
        let expected_from = case.eligible_from.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"));
        if result.outcome != case.expected
            || (case.expected == Fails && case.eligible_from.is_some() && result.eligible_from != expected_from)
        {
            failures.push(format!(
                "case {n} {} {:?}: expected {:?} (from {:?}), got {:?} (from {:?})",
                case.criterion, case.changes, case.expected, case.eligible_from, result.outcome, result.eligible_from
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

const V1: &str = "v01-eligible-adolescent";
const V3: &str = "v03-recent-rituximab";
const LAB: &str = "2026-10-28";

macro_rules! n {
    ($v:expr, $u:expr) => {
        concat!("Number((value: ", $v, ", unit: \"", $u, "\", date: Some(\"2026-10-28\")))")
    };
    ($v:expr, $u:expr, uln $l:expr) => {
        concat!("Number((value: ", $v, ", unit: \"", $u, "\", uln: Some(", $l, "), date: Some(\"2026-10-28\")))")
    };
}

const YES: &str = "YesNo(Yes)";
const NO: &str = "YesNo(No)";
const UNKNOWN: &str = "YesNo(Unknown)";

#[test]
fn seed000_inclusions() {
    let _ = LAB;
    run(
        &[
            // I1 age ≥ 5 at screening, birthday-aware.
            case(V1, "I1", &[], Passes),
            case(V1, "I1", &[("date_of_birth", Some("Date(\"2021-11-02\")"))], Passes),
            case_from(V1, "I1", &[("date_of_birth", Some("Date(\"2021-11-03\")"))], "2026-11-03"),
            case(V1, "I1", &[("date_of_birth", None)], Missing),
            // I2 2019 EULAR/ACR.
            case(V1, "I2", &[], Passes),
            case(
                V1,
                "I2",
                &[(
                    "sle_2019_checklist",
                    Some(
                        "Instrument((answers: {\"ana_entry\": Absent, \"fever\": Present, \"proteinuria\": Present, \"acute_cutaneous_lupus\": Present}))",
                    ),
                )],
                Fails,
            ),
            case(
                V1,
                "I2",
                &[(
                    "sle_2019_checklist",
                    Some(
                        "Instrument((answers: {\"ana_entry\": Present, \"fever\": Absent, \"leukopenia\": Absent, \"thrombocytopenia\": Absent, \"autoimmune_hemolysis\": Absent, \"delirium\": Absent, \"psychosis\": Absent, \"seizure\": Absent, \"non_scarring_alopecia\": Absent, \"oral_ulcers\": Absent, \"subacute_cutaneous_or_discoid_lupus\": Absent, \"acute_cutaneous_lupus\": Absent, \"pleural_or_pericardial_effusion\": Absent, \"acute_pericarditis\": Absent, \"joint_involvement\": Absent, \"proteinuria\": Absent, \"renal_biopsy_class_ii_or_v\": Absent, \"renal_biopsy_class_iii_or_iv\": Absent, \"antiphospholipid_antibodies\": Present, \"low_c3_or_low_c4\": Present, \"low_c3_and_low_c4\": Present, \"anti_dsdna_or_anti_smith\": Present}))",
                    ),
                )],
                Fails,
            ),
            case(
                V1,
                "I2",
                &[(
                    "sle_2019_checklist",
                    Some("Instrument((answers: {\"ana_entry\": Present, \"renal_biopsy_class_iii_or_iv\": Present}))"),
                )],
                Passes,
            ),
            case(V1, "I2", &[("sle_2019_checklist", None)], Missing),
            case(V1, "I2", &[("sle_2019_checklist", None), ("sle_classified_by_physician", Some(YES))], Judgment),
            case(V1, "I2", &[("sle_2019_checklist", None), ("sle_classified_by_physician", Some(NO))], Fails),
            case(
                V1,
                "I2",
                &[("sle_2019_checklist", Some("Instrument((answers: {\"ana_entry\": Present, \"fever\": Present}))"))],
                Missing,
            ),
            // I3 antibody within 12 months before screening.
            case(V1, "I3", &[], Passes),
            case(
                V1,
                "I3",
                &[
                    ("ana", Some("Titer((dilution: Some(40), date: Some(\"2026-10-20\")))")),
                    (
                        "anti_dsdna",
                        Some("Number((value: 100.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2026-10-20\")))"),
                    ),
                ],
                Fails,
            ),
            case(
                V1,
                "I3",
                &[
                    ("ana", Some("Titer((dilution: None, date: Some(\"2026-10-20\")))")),
                    (
                        "anti_dsdna",
                        Some("Number((value: 101.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2026-10-20\")))"),
                    ),
                ],
                Passes,
            ),
            case(
                V1,
                "I3",
                &[("ana", Some("Titer((dilution: Some(80), date: Some(\"2025-11-02\")))")), ("anti_dsdna", None)],
                Passes,
            ),
            case(
                V1,
                "I3",
                &[("ana", Some("Titer((dilution: Some(80), date: Some(\"2025-11-01\")))")), ("anti_dsdna", None)],
                Missing,
            ),
            case(
                V1,
                "I3",
                &[("ana", Some("Titer((dilution: Some(640), date: None))")), ("anti_dsdna", None), ("anti_sm", None)],
                Missing,
            ),
            // I4 treatment resistance.
            case(V1, "I4", &[], Passes),
            case("v08a-two-classes", "I4", &[], Fails),
            case("v08c-three-counted-agents", "I4", &[], Judgment),
            case(V1, "I4", &[("treatment_history", None)], Missing),
            // I5 SLEDAI-2K ≥ 6; met as soon as the assessed descriptors reach 6.
            case(V1, "I5", &[], Passes),
            case(
                V1,
                "I5",
                &[("sledai2k", Some("Instrument((answers: {\"arthritis\": Present, \"rash\": Present}))"))],
                Passes,
            ),
            case(V1, "I5", &[("sledai2k", Some("Instrument((answers: {\"rash\": Present}))"))], Missing),
            case(V1, "I5", &[("sledai2k", None)], Missing),
            // I6 stable standard treatment.
            case(V1, "I6", &[], Passes),
            case(
                V1,
                "I6",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", ongoing: true, dose: Some((amount: 10.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-11-23\"))])",
                    ),
                )],
                Passes,
            ),
            case_from(
                V1,
                "I6",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", ongoing: true, dose: Some((amount: 10.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-11-24\"))])",
                    ),
                )],
                "2026-12-01",
            ),
            case(
                V1,
                "I6",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"azathioprine\", ongoing: true, dose: Some((amount: 50.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-10-05\"))])",
                    ),
                )],
                Passes,
            ),
            case_from(
                V1,
                "I6",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"azathioprine\", ongoing: true, dose: Some((amount: 50.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-10-06\"))])",
                    ),
                )],
                "2026-11-03",
            ),
            case(
                V1,
                "I6",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"azathioprine\", last_dose: Some(\"2026-01-01\"), dose_since: Some(\"2025-01-01\"))])",
                    ),
                )],
                Fails,
            ),
            case(
                V1,
                "I6",
                &[("treatment_history", Some("Treatments([(agent: \"azathioprine\", ongoing: true)])"))],
                Missing,
            ),
            case(V1, "I6", &[("treatment_history", None)], Missing),
            // I7 laboratory lines, each at its boundary and in another unit.
            case(V1, "I7.alc", &[("lymphocytes", Some(n!("0.5", "10^9/L")))], Passes),
            case(V1, "I7.alc", &[("lymphocytes", Some(n!("0.49", "10^9/L")))], Fails),
            case(V1, "I7.alc", &[("lymphocytes", Some(n!("500.0", "/uL")))], Passes),
            case(V1, "I7.alc", &[("lymphocytes", None)], Missing),
            case(V1, "I7.cd19", &[("cd19_b_cells", Some(n!("25.0", "/uL")))], Passes),
            case(V1, "I7.cd19", &[("cd19_b_cells", Some(n!("24.0", "/uL")))], Fails),
            case(V1, "I7.cd19", &[("cd19_b_cells", Some(n!("0.025", "10^9/L")))], Passes),
            case(V1, "I7.cd19", &[("cd19_b_cells", None)], Missing),
            case(V1, "I7.anc", &[("neutrophils", Some(n!("0.5", "10^9/L")))], Passes),
            case(V1, "I7.anc", &[("neutrophils", Some(n!("499.0", "/mm3")))], Fails),
            case(V1, "I7.anc", &[("neutrophils", None)], Missing),
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("80.0", "g/L")))], Passes),
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("79.0", "g/L")))], Fails),
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("8.0", "g/dL")))], Passes),
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("7.9", "g/dL")))], Fails),
            case(V1, "I7.hb", &[("haemoglobin", None)], Missing),
            case(V1, "I7.plt", &[("platelets", Some(n!("75.0", "10^9/L")))], Passes),
            case(V1, "I7.plt", &[("platelets", Some(n!("74.9", "10^9/L")))], Fails),
            case(V1, "I7.plt", &[("platelets", Some(n!("75000.0", "/uL")))], Passes),
            case(V1, "I7.plt", &[("platelets", None)], Missing),
            case(V1, "I7.lvef", &[("lvef", Some(n!("55.0", "%")))], Passes),
            case(V1, "I7.lvef", &[("lvef", Some(n!("54.0", "%")))], Fails),
            case(V1, "I7.lvef", &[("ecg_significant_abnormality", Some(YES))], Fails),
            case(V1, "I7.lvef", &[("ecg_significant_abnormality", None)], Missing),
            case(V1, "I7.egfr", &[], Passes),
            case(V1, "I7.egfr", &[("creatinine", Some(n!("2.2", "mg/dL")))], Fails),
            case(V1, "I7.egfr", &[("creatinine", Some(n!("53.0", "umol/L")))], Passes),
            case(
                V1,
                "I7.egfr",
                &[("creatinine", Some(n!("2.2", "mg/dL"))), ("egfr_reported", Some(n!("30.0", "mL/min/1.73m2")))],
                Passes,
            ),
            case(V1, "I7.egfr", &[("creatinine", None)], Missing),
            case(V1, "I7.egfr", &[("height", None)], Missing),
            case(V3, "I7.egfr", &[("sex", None)], Missing),
            case(V3, "I7.egfr", &[("creatinine", Some(n!("3.0", "mg/dL")))], Fails),
            case(V1, "I7.ast", &[("ast", Some(n!("120.0", "U/L", uln "40.0")))], Passes),
            case(V1, "I7.ast", &[("ast", Some(n!("121.0", "U/L", uln "40.0")))], Fails),
            case(V1, "I7.ast", &[("ast", Some(n!("30.0", "U/L")))], Missing),
            case(V1, "I7.alt", &[("alt", Some(n!("120.0", "U/L", uln "40.0")))], Passes),
            case(V1, "I7.alt", &[("alt", Some(n!("120.4", "U/L", uln "40.0")))], Fails),
            case(V1, "I7.alt", &[("alt", None)], Missing),
            case(V1, "I7.bili", &[("bilirubin", Some(n!("42.0", "umol/L", uln "21.0")))], Passes),
            case(V1, "I7.bili", &[("bilirubin", Some(n!("43.0", "umol/L", uln "21.0")))], Fails),
            case(V1, "I7.bili", &[("bilirubin", Some(n!("2.4", "mg/dL", uln "1.2")))], Passes),
            case(V1, "I7.bili", &[("bilirubin", None)], Missing),
            case(V1, "I7.spo2", &[("spo2_room_air", Some(n!("92.0", "%")))], Passes),
            case(V1, "I7.spo2", &[("spo2_room_air", Some(n!("91.0", "%")))], Fails),
            case(V1, "I7.spo2", &[("severe_pulmonary_lesion", Some(YES))], Fails),
            case(V1, "I7.spo2", &[("spo2_room_air", None)], Missing),
            // I8 pregnancy and contraception, applicable to a female of childbearing potential.
            case(V1, "I8", &[], Passes),
            case(V1, "I8", &[("urine_pregnancy_test", Some("Choice(\"positive\")"))], Fails),
            case(V1, "I8", &[("contraception_agreed_months", Some("Number((value: 11.0, unit: \"months\"))"))], Fails),
            case(V1, "I8", &[("contraception_agreed_months", Some("Number((value: 1.0, unit: \"years\"))"))], Passes),
            case(V1, "I8", &[("urine_pregnancy_test", None)], Missing),
            case(V1, "I8", &[("childbearing_potential", Some(NO))], NotApplicable),
            case(V1, "I8", &[("childbearing_potential", Some(UNKNOWN))], Missing),
            case(V3, "I8", &[], NotApplicable),
            // I9 consent: the adult, or the guardian with the minor's assent.
            case(V1, "I9", &[], Passes),
            case(V1, "I9", &[("participant_assent", Some(NO))], Fails),
            case(V1, "I9", &[("participant_assent", None)], Missing),
            case(V3, "I9", &[], Passes),
            case(V3, "I9", &[("informed_consent_signed", Some(NO))], Fails),
        ],
        |_, _| {},
    );
}

const ONGOING: &str = "Event(Ongoing(None))";

#[test]
fn seed000_exclusions() {
    run(
        &[
            case(V1, "E1", &[], Passes),
            case_from(V1, "E1", &[("np_lupus", Some("Event(On(\"2026-09-03\"))"))], "2026-11-03"),
            case(V1, "E1", &[("np_lupus", Some("Event(On(\"2026-09-02\"))"))], Passes),
            case(V1, "E1", &[("np_lupus", Some(ONGOING))], Fails),
            case(V1, "E1", &[("np_lupus", Some("Event(DateUnknown)"))], Missing),
            case(V1, "E1", &[("np_lupus", None)], Missing),
            case(V1, "E2", &[], Passes),
            case(V1, "E2", &[("renal_replacement_therapy", Some("Event(On(\"2026-08-02\"))"))], Fails),
            // The example's judgment on E2 was made on other facts: changing one lapses it.
            case(V1, "E2", &[("renal_replacement_therapy", Some("Event(On(\"2026-08-01\"))"))], Judgment),
            case(V1, "E2", &[("renal_replacement_therapy", Some(ONGOING))], Fails),
            case(V1, "E2", &[("renal_replacement_therapy", None)], Missing),
            case(V1, "E3", &[("severe_aps", Some("Event(On(\"2025-11-02\"))"))], Fails),
            case(V1, "E3", &[("severe_aps", Some("Event(On(\"2025-11-01\"))"))], Passes),
            case(V1, "E3", &[("severe_aps", Some("Event(On(\"2026-11-10\"))"))], Fails),
            case(V1, "E4", &[], Passes),
            case(V1, "E4", &[("congenital_heart_disease", Some(YES))], Fails),
            case(V1, "E4", &[("myocardial_infarction", Some("Event(On(\"2026-05-02\"))"))], Fails),
            case(V1, "E4", &[("myocardial_infarction", Some("Event(On(\"2026-05-01\"))"))], Passes),
            case(V1, "E4", &[("severe_arrhythmia", Some(YES))], Fails),
            case(V1, "E4", &[("pericardial_effusion_moderate_large", Some(YES))], Fails),
            case(V1, "E4", &[("severe_myocarditis", Some(YES))], Fails),
            case(V1, "E4", &[("unstable_vital_signs", Some(YES))], Fails),
            case(V1, "E4", &[("severe_myocarditis", None)], Missing),
            case(V1, "E5", &[("other_disease_long_term_immunosuppression", Some(YES))], Fails),
            case(V1, "E5", &[("other_disease_long_term_immunosuppression", None)], Missing),
            case(V1, "E6", &[("active_infection", Some("Event(On(\"2026-10-26\"))"))], Fails),
            case(V1, "E6", &[("active_infection", Some("Event(On(\"2026-10-25\"))"))], Passes),
            case(V1, "E6", &[("active_infection", Some(ONGOING))], Fails),
            case(V1, "E7", &[("transplant", Some("Event(On(\"2026-08-02\"))"))], Fails),
            case(V1, "E7", &[("gvhd_grade2", Some("Event(On(\"2026-10-19\"))"))], Fails),
            case(V1, "E7", &[("gvhd_grade2", Some("Event(On(\"2026-10-18\"))"))], Passes),
            case(V1, "E8", &[("severe_recurrent_infections", Some(YES))], Fails),
            case(V1, "E9", &[], Passes),
            case(V1, "E9", &[("igg", Some(n!("5.9", "g/L")))], Fails),
            case(V1, "E9", &[("igg", Some(n!("600.0", "mg/dL")))], Passes),
            case(V1, "E9", &[("igg", Some(n!("590.0", "mg/dL")))], Fails),
            case(V1, "E9", &[("igg", None)], Missing),
            case(V1, "E10", &[], Passes),
            case(V1, "E10", &[("hbsag", Some("Choice(\"positive\")"))], Fails),
            case(V1, "E10", &[("anti_hbc", Some("Choice(\"positive\")"))], Fails),
            case(V1, "E10", &[("hbv_history", Some(YES))], Fails),
            case(V1, "E10", &[("hiv_antibody", Some("Choice(\"positive\")"))], Fails),
            case(V1, "E10", &[("hcv_rna", Some("Choice(\"detected\")"))], Fails),
            case(V1, "E10", &[("active_cmv", Some(YES))], Fails),
            case(V1, "E10", &[("active_ebv", Some(YES))], Fails),
            case(V1, "E10", &[("hcv_rna", None)], Missing),
            case(V1, "E11", &[], Passes),
            case(V1, "E11", &[("latent_tb_treated", Some(YES))], Fails),
            case(V1, "E11", &[("tb_history", Some(YES))], Fails),
            case(V1, "E11", &[("active_tb", Some(YES))], Fails),
            case(
                V1,
                "E11",
                &[("tb_test", Some("Choice(\"indeterminate\")")), ("tb_retest", Some("Choice(\"positive\")"))],
                Judgment,
            ),
            case(V1, "E11", &[("tb_test", Some("Choice(\"indeterminate\")"))], Missing),
            case(V1, "E11", &[("tb_test", Some("Choice(\"positive\")")), ("latent_tb_treated", Some(YES))], Fails),
            case(V1, "E12", &[("macrophage_activation_syndrome", Some("Event(On(\"2026-10-02\"))"))], Fails),
            case(V1, "E12", &[("macrophage_activation_syndrome", Some("Event(On(\"2026-10-01\"))"))], Passes),
            case(V1, "E13", &[], Passes),
            case_from(V3, "E13", &[], "2026-12-11"),
            case_from(
                V1,
                "E13",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"ocrelizumab\", last_dose: Some(\"2026-08-02\"))])"),
                )],
                "2026-11-03",
            ),
            case(
                V1,
                "E13",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"ocrelizumab\", last_dose: Some(\"2026-08-01\"))])"),
                )],
                Passes,
            ),
            case(
                V1,
                "E13",
                &[("treatment_history", Some("Treatments([(agent: \"inebilizumab\", ongoing: true)])"))],
                Fails,
            ),
            case(V1, "E13", &[("treatment_history", Some("Treatments([(agent: \"rituximab\")])"))], Missing),
            case(V1, "E13", &[("treatment_history", Some("Treatments([])"))], Passes),
            case(V1, "E13", &[("treatment_history", None)], Missing),
            case(
                V1,
                "E14",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"tofacitinib\", last_dose: Some(\"2026-11-05\"))])"),
                )],
                Fails,
            ),
            case(
                V1,
                "E14",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"tofacitinib\", last_dose: Some(\"2026-11-01\"))])"),
                )],
                Passes,
            ),
            case(
                V1,
                "E14",
                &[("treatment_history", Some("Treatments([(agent: \"deucravacitinib\", ongoing: true)])"))],
                Fails,
            ),
            case(
                V1,
                "E14",
                &[("treatment_history", Some("Treatments([(agent: \"zanubrutinib\", ongoing: true)])"))],
                Fails,
            ),
            case_from(
                V1,
                "E15",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"cyclophosphamide\", last_dose: Some(\"2026-11-02\"))])"),
                )],
                "2026-12-01",
            ),
            case(
                V1,
                "E15",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"cyclophosphamide\", last_dose: Some(\"2026-11-01\"))])"),
                )],
                Passes,
            ),
            case(
                V1,
                "E15",
                &[(
                    "treatment_history",
                    Some("Treatments([(agent: \"anifrolumab\", last_dose: Some(\"2026-11-10\"))])"),
                )],
                Fails,
            ),
            case(V1, "E16", &[("investigational_therapy_contraindication", Some(YES))], Fails),
            case(V1, "E17", &[("live_vaccine", Some("Event(On(\"2026-10-05\"))"))], Fails),
            case(V1, "E17", &[("live_vaccine", Some("Event(On(\"2026-10-04\"))"))], Passes),
            case(V1, "E18", &[], Passes),
            case(V1, "E18", &[("serum_pregnancy_test", Some("Choice(\"positive\")"))], Fails),
            case(V1, "E18", &[("serum_pregnancy_test", None)], Missing),
            case(V3, "E18", &[], NotApplicable),
            case(V1, "E19", &[("known_malignancy", Some(YES))], Fails),
            case(V1, "E20", &[("other_trial", Some("Event(On(\"2026-08-30\"))"))], Fails),
            case(V1, "E20", &[("other_trial", Some("Event(On(\"2026-08-29\"))"))], Passes),
            case(V1, "E21", &[("depression_or_suicidality", Some(YES))], Fails),
            case(V1, "E22", &[], Passes),
        ],
        |_, _| {},
    );
}

#[test]
fn seed000_judgments_await_the_investigator_and_apply_only_when_asked() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(V1);
    session.decisions.clear();
    assert_eq!(criterion(&library, &session, "E22").outcome, Judgment);
    assert_eq!(criterion(&library, &session, "E2").outcome, Judgment);
    // A recorded judgment does not override a definite result.
    let mut judged = example(V1);
    edit(&mut judged, &[("renal_replacement_therapy", Some(ONGOING))]);
    let e2 = criterion(&library, &judged, "E2");
    assert_eq!(e2.outcome, Fails);
    assert!(e2.unneeded_judgment.is_some());
    // A judgment that the criterion fails makes it fail.
    let mut failed = example(V1);
    for decision in &mut failed.decisions {
        if decision.criterion == "E22" {
            decision.kind = trialscreen::session::model::DecisionKind::Judgment { passes: false };
        }
    }
    assert_eq!(criterion(&library, &failed, "E22").outcome, Fails);
}

#[test]
fn enrollment_unknown_uses_the_screening_date() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(V1);
    session.dates.enrollment = None;
    edit(
        &mut session,
        &[("treatment_history", Some("Treatments([(agent: \"cyclophosphamide\", last_dose: Some(\"2026-10-05\"))])"))],
    );
    let e15 = criterion(&library, &session, "E15");
    assert_eq!(e15.outcome, Fails);
    assert_eq!(e15.eligible_from, NaiveDate::from_ymd_opt(2026, 11, 3));
}

const S3: &str = "v10a-sle-cohort-sledai-10";
const SSC: &str = "v14-dcssc-cohort-scoping";

#[test]
fn seed003_shared_criteria() {
    run(
        &[
            case(S3, "ALL.1", &[], Passes),
            case(S3, "ALL.1", &[("date_of_birth", Some("Date(\"2008-11-02\")"))], Passes),
            case_from(S3, "ALL.1", &[("date_of_birth", Some("Date(\"2008-11-03\")"))], "2026-11-03"),
            case(S3, "ALL.1", &[("date_of_birth", None)], Missing),
            case(S3, "ALL.2", &[("neutrophils", Some(n!("0.5", "10^9/L")))], Passes),
            case(S3, "ALL.2", &[("neutrophils", Some(n!("0.49", "10^9/L")))], Fails),
            case(S3, "ALL.3", &[("platelets", Some(n!("20.0", "10^9/L")))], Passes),
            case(S3, "ALL.3", &[("platelets", Some(n!("19999.0", "/uL")))], Fails),
            case(S3, "ALL.4", &[("haemoglobin", Some(n!("6.0", "g/dL")))], Passes),
            case(S3, "ALL.4", &[("haemoglobin", Some(n!("59.0", "g/L")))], Fails),
            case(S3, "ALL.4", &[("haemoglobin", None)], Missing),
            case(S3, "ALL.5", &[("inr", Some(n!("1.8", "ratio", uln "1.2")))], Passes),
            case(S3, "ALL.5", &[("inr", Some(n!("1.81", "ratio", uln "1.2")))], Fails),
            case(S3, "ALL.6", &[("aptt", Some(n!("60.0", "s", uln "40.0")))], Passes),
            case(S3, "ALL.6", &[("aptt", Some(n!("61.0", "s", uln "40.0")))], Fails),
            case(S3, "ALL.7", &[("ast", Some(n!("121.0", "U/L", uln "40.0")))], Fails),
            case(S3, "ALL.8", &[("alt", Some(n!("120.0", "U/L", uln "40.0")))], Passes),
            case(S3, "ALL.9", &[("bilirubin", Some(n!("31.5", "umol/L", uln "21.0")))], Passes),
            case(S3, "ALL.9", &[("bilirubin", Some(n!("32.0", "umol/L", uln "21.0")))], Fails),
            case(S3, "ALL.10", &[("creatinine", Some(n!("1.65", "mg/dL", uln "1.1")))], Passes),
            case("v12-renal-by-clearance", "ALL.10", &[], Passes),
            case(S3, "ALL.10", &[("creatinine", Some(n!("4.0", "mg/dL", uln "1.1")))], Fails),
            case(S3, "ALL.10", &[("creatinine", Some(n!("4.0", "mg/dL", uln "1.1"))), ("weight", None)], Missing),
            case(S3, "ALL.10", &[("creatinine", Some(n!("1.2", "mg/dL", uln "1.1"))), ("weight", None)], Passes),
            case(S3, "ALL.11", &[("nyha_class", Some("Choice(\"ii\")"))], Passes),
            case(S3, "ALL.11", &[("nyha_class", Some("Choice(\"iii\")"))], Fails),
            case(S3, "ALL.12", &[("lvef", Some(n!("50.0", "%")))], Passes),
            case(S3, "ALL.12", &[("lvef", Some(n!("49.0", "%")))], Fails),
            case(S3, "ALL.13", &[("pericardial_effusion", Some(YES))], Fails),
            case(S3, "ALL.13", &[("pericardial_effusion", None)], Missing),
            case(S3, "ALL.14", &[("ecg_significant_abnormality", Some(YES))], Fails),
            case(S3, "ALL.15", &[("spo2_room_air", Some(n!("92.0", "%")))], Passes),
            case(S3, "ALL.15", &[("spo2_room_air", Some(n!("91.9", "%")))], Fails),
            case(S3, "ALL.16", &[("pleural_effusion_significant", Some(YES))], Fails),
            case(S3, "ALL.17", &[], Passes),
            case(S3, "ALL.18", &[], Passes),
            case(
                S3,
                "ALL.18",
                &[("contraception_agreed_months", Some("Number((value: 23.0, unit: \"months\"))"))],
                Fails,
            ),
            case(
                S3,
                "ALL.18",
                &[("contraception_agreed_months", Some("Number((value: 2.0, unit: \"years\"))"))],
                Passes,
            ),
            case(S3, "ALL.18", &[("no_gamete_donation", Some(NO))], Fails),
            case(S3, "ALL.18", &[("childbearing_potential", Some(NO))], NotApplicable),
            case("v12-renal-by-clearance", "ALL.18", &[], Passes),
            case(S3, "ALL.19", &[], Passes),
            // A positive result decides at once: no other result can make it negative.
            case(S3, "ALL.19", &[("urine_pregnancy_test", Some("Choice(\"positive\")"))], Fails),
            case(
                S3,
                "ALL.19",
                &[
                    ("urine_pregnancy_test", Some("Choice(\"positive\")")),
                    ("serum_pregnancy_test", Some("Choice(\"positive\")")),
                ],
                Fails,
            ),
            // A positive result of the kind fails the negative requirement whatever the
            // other test says.
            case(
                S3,
                "ALL.19",
                &[
                    ("urine_pregnancy_test", Some("Choice(\"positive\")")),
                    ("serum_pregnancy_test", Some("Choice(\"negative\")")),
                ],
                Fails,
            ),
            case("v12-renal-by-clearance", "ALL.19", &[], NotApplicable),
            case(S3, "ALL.20", &[("informed_consent_signed", Some(NO))], Fails),
            case(S3, "ALL.20", &[("informed_consent_signed", None)], Missing),
        ],
        |_, _| {},
    );
}

#[test]
fn seed003_sle_cohort() {
    run(
        &[
            case(S3, "SLE.1", &[], Passes),
            case(S3, "SLE.1", &[("sle_2019_checklist", None), ("sle_classified_by_physician", Some(YES))], Judgment),
            case(S3, "SLE.2", &[], Passes),
            case(
                S3,
                "SLE.2",
                &[
                    ("ana", Some("Titer((dilution: Some(640), date: Some(\"2026-11-01\")))")),
                    (
                        "anti_dsdna",
                        Some("Number((value: 180.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2026-11-01\")))"),
                    ),
                ],
                Missing,
            ),
            case(
                S3,
                "SLE.2",
                &[
                    ("ana", Some("Titer((dilution: None, date: Some(\"2026-11-02\")))")),
                    (
                        "anti_dsdna",
                        Some("Number((value: 90.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2026-11-02\")))"),
                    ),
                    (
                        "anti_sm",
                        Some("Number((value: 5.0, unit: \"IU/mL\", uln: Some(20.0), date: Some(\"2026-11-02\")))"),
                    ),
                ],
                Fails,
            ),
            case(S3, "SLE.3", &[], Passes),
            case("v10b-sle-cohort-sledai-8", "SLE.3", &[], Fails),
            case(
                S3,
                "SLE.3",
                &[(
                    "sledai2k",
                    Some(
                        "Instrument((answers: {\"arthritis\": Present, \"rash\": Present, \"low_complement\": Present, \"increased_dna_binding\": Present}, date: Some(\"2026-10-30\")))",
                    ),
                )],
                Missing,
            ),
            case(
                S3,
                "SLE.3",
                &[(
                    "sledai2k",
                    Some(
                        "Instrument((answers: {\"arthritis\": Present, \"rash\": Present, \"pyuria\": Present}, date: Some(\"2026-11-02\")))",
                    ),
                )],
                Passes,
            ),
            case(S3, "SLE.4", &[], Passes),
            case("v13a-prednisone-30-only", "SLE.4", &[], Fails),
            case("v13b-prednisone-30-and-mmf", "SLE.4", &[], Passes),
            case("v13c-methylprednisolone-16", "SLE.4", &[], Passes),
            case(S3, "SLE.4", &[("sle_active_since", Some("Date(\"2026-09-02\")"))], Passes),
            case_from(S3, "SLE.4", &[("sle_active_since", Some("Date(\"2026-09-03\")"))], "2026-11-03"),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"hydroxychloroquine\", ongoing: true, dose: Some((amount: 400.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-05-02\"))])",
                    ),
                )],
                Passes,
            ),
            case_from(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"hydroxychloroquine\", ongoing: true, dose: Some((amount: 400.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-05-03\"))])",
                    ),
                )],
                "2026-11-03",
            ),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"hydroxychloroquine\", ongoing: true, dose: Some((amount: 250.0, unit: \"mg\", frequency: TwiceDaily)), dose_since: Some(\"2025-05-01\"))])",
                    ),
                )],
                Fails,
            ),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"azathioprine\", ongoing: true, dose: Some((amount: 150.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2025-05-01\"))])",
                    ),
                )],
                Fails,
            ),
            case(
                S3,
                "SLE.4",
                &[
                    ("weight", Some(n!("80.0", "kg"))),
                    (
                        "treatment_history",
                        Some(
                            "Treatments([(agent: \"azathioprine\", ongoing: true, dose: Some((amount: 150.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2025-05-01\"))])",
                        ),
                    ),
                ],
                Passes,
            ),
            case(
                S3,
                "SLE.4",
                &[
                    ("weight", None),
                    (
                        "treatment_history",
                        Some(
                            "Treatments([(agent: \"azathioprine\", ongoing: true, dose: Some((amount: 150.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2025-05-01\"))])",
                        ),
                    ),
                ],
                Missing,
            ),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"methotrexate\", ongoing: true, dose: Some((amount: 20.0, unit: \"mg\", frequency: Weekly)), dose_since: Some(\"2025-05-01\"))])",
                    ),
                )],
                Passes,
            ),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"methotrexate\", ongoing: true, dose: Some((amount: 22.5, unit: \"mg\", frequency: Weekly)), dose_since: Some(\"2025-05-01\"))])",
                    ),
                )],
                Fails,
            ),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"budesonide\", ongoing: true, dose: Some((amount: 9.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2025-05-01\"))])",
                    ),
                )],
                Missing,
            ),
            case(
                S3,
                "SLE.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"ibuprofen\", ongoing: true, dose: Some((amount: 400.0, unit: \"mg\", frequency: ThreeTimesDaily)), dose_since: Some(\"2025-05-01\"))])",
                    ),
                )],
                Passes,
            ),
            // Other cohorts' lines do not apply to an SLE patient.
            case(S3, "SSC.1", &[], NotApplicable),
            case(S3, "AAV.2", &[], NotApplicable),
            case(S3, "IIM.4", &[], NotApplicable),
            case(S3, "SS.4", &[], NotApplicable),
        ],
        |_, _| {},
    );
}

#[test]
fn seed003_without_a_cohort_the_cohort_lines_are_missing() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(S3);
    if let Some(reference) = session.protocols.first_mut() {
        reference.cohort = None;
    }
    assert_eq!(criterion(&library, &session, "SLE.1").outcome, Missing);
    assert_eq!(criterion(&library, &session, "ALL.2").outcome, Passes);
}

const SSC_FVC_JUDGMENT: &[(&str, Option<&str>)] = &[
    ("mrss_baseline", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-07-01\")))")),
    ("mrss_current", Some("Number((value: 21.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
    ("ild_diagnosis_date", Some("Date(\"2020-01-01\")")),
    ("fvc_percent_predicted_baseline", Some("Number((value: 50.0, unit: \"%\", date: Some(\"2026-07-01\")))")),
    ("fvc_percent_predicted", Some("Number((value: 44.5, unit: \"%\", date: Some(\"2026-11-02\")))")),
];

#[test]
fn seed003_dcssc_cohort() {
    run(
        &[
            case(SSC, "SSC.1", &[], Passes),
            case(
                SSC,
                "SSC.1",
                &[(
                    "ssc_2013_checklist",
                    Some(
                        "Instrument((answers: {\"skin_thickening_sparing_fingers\": Absent, \"scleroderma_like_disorder\": Absent, \"skin_thickening_proximal_to_mcp\": Absent, \"puffy_fingers\": Present, \"sclerodactyly\": Absent, \"digital_tip_ulcers\": Absent, \"fingertip_pitting_scars\": Absent, \"telangiectasia\": Absent, \"abnormal_nailfold_capillaries\": Absent, \"pulmonary_arterial_hypertension\": Absent, \"interstitial_lung_disease\": Absent, \"raynauds_phenomenon\": Present, \"anticentromere\": Absent, \"anti_topoisomerase_i\": Absent, \"anti_rna_polymerase_iii\": Absent}))",
                    ),
                )],
                Fails,
            ),
            case(SSC, "SSC.2", &[("ssc_diffuse_cutaneous", Some(NO))], Fails),
            case(SSC, "SSC.3", &[], Passes),
            case(
                SSC,
                "SSC.3",
                &[
                    ("fvc_percent_predicted", Some("Number((value: 45.0, unit: \"%\", date: Some(\"2026-11-02\")))")),
                    ("dlco_percent_predicted", Some("Number((value: 71.0, unit: \"%\", date: Some(\"2026-11-02\")))")),
                ],
                Passes,
            ),
            case(
                SSC,
                "SSC.3",
                &[
                    ("fvc_percent_predicted", Some("Number((value: 44.0, unit: \"%\", date: Some(\"2026-11-02\")))")),
                    ("dlco_percent_predicted", Some("Number((value: 71.0, unit: \"%\", date: Some(\"2026-11-02\")))")),
                ],
                Fails,
            ),
            case(
                SSC,
                "SSC.3",
                &[
                    ("fvc_percent_predicted", Some("Number((value: 71.0, unit: \"%\", date: Some(\"2026-11-02\")))")),
                    ("dlco_percent_predicted", Some("Number((value: 40.0, unit: \"%\", date: Some(\"2026-11-02\")))")),
                ],
                Passes,
            ),
            case(
                SSC,
                "SSC.3",
                &[
                    ("fvc_percent_predicted", Some("Number((value: 60.0, unit: \"%\", date: Some(\"2026-10-01\")))")),
                    ("dlco_percent_predicted", Some("Number((value: 55.0, unit: \"%\", date: Some(\"2026-10-01\")))")),
                ],
                Missing,
            ),
            case(SSC, "SSC.3", &[("ild_present", Some(NO))], Fails),
            case(SSC, "SSC.4", &[], Passes),
            case(
                SSC,
                "SSC.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true), (agent: \"mycophenolate_mofetil\", start: Some(\"2025-06-01\"), ongoing: true)])",
                    ),
                )],
                Fails,
            ),
            case(
                SSC,
                "SSC.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true), (agent: \"cyclophosphamide\", start: Some(\"2025-01-15\"), last_dose: Some(\"2025-06-14\")), (agent: \"mycophenolate_mofetil\", start: Some(\"2025-06-01\"), ongoing: true)])",
                    ),
                )],
                Fails,
            ),
            case(
                SSC,
                "SSC.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true), (agent: \"cyclophosphamide\", start: Some(\"2025-01-15\"), last_dose: Some(\"2025-07-15\")), (agent: \"mycophenolate_mofetil\", start: Some(\"2025-06-01\"), ongoing: true)])",
                    ),
                )],
                Passes,
            ),
            case(
                SSC,
                "SSC.4",
                &[("ssc_conventional_ineffective", Some(NO)), ("ssc_relapse_after_remission", Some(NO))],
                Fails,
            ),
            case(SSC, "SSC.5", &[], Passes),
            case(SSC, "SSC.5", SSC_FVC_JUDGMENT, Judgment),
            case(
                SSC,
                "SSC.5",
                &[
                    ("mrss_baseline", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-07-01\")))")),
                    ("mrss_current", Some("Number((value: 22.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
                    (
                        "fvc_percent_predicted_baseline",
                        Some("Number((value: 61.0, unit: \"%\", date: Some(\"2026-07-01\")))"),
                    ),
                ],
                Passes,
            ),
            case(
                SSC,
                "SSC.5",
                &[
                    ("mrss_baseline", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-07-01\")))")),
                    ("mrss_current", Some("Number((value: 21.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
                    ("ild_diagnosis_date", Some("Date(\"2026-05-02\")")),
                    (
                        "fvc_percent_predicted_baseline",
                        Some("Number((value: 61.0, unit: \"%\", date: Some(\"2026-07-01\")))"),
                    ),
                ],
                Passes,
            ),
            case(
                SSC,
                "SSC.5",
                &[
                    ("mrss_baseline", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-07-01\")))")),
                    ("mrss_current", Some("Number((value: 21.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
                    ("ild_diagnosis_date", Some("Date(\"2026-05-01\")")),
                    (
                        "fvc_percent_predicted_baseline",
                        Some("Number((value: 61.0, unit: \"%\", date: Some(\"2026-07-01\")))"),
                    ),
                ],
                Fails,
            ),
            case(
                SSC,
                "SSC.5",
                &[
                    ("mrss_baseline", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-04-01\")))")),
                    ("mrss_current", Some("Number((value: 30.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
                    ("ild_diagnosis_date", Some("Date(\"2020-01-01\")")),
                    (
                        "fvc_percent_predicted_baseline",
                        Some("Number((value: 61.0, unit: \"%\", date: Some(\"2026-07-01\")))"),
                    ),
                ],
                Missing,
            ),
            case(SSC, "SLE.1", &[], NotApplicable),
        ],
        |_, _| {},
    );
}

const V15: &str = "v15b-huc-msc-judged";

#[test]
fn seed004_criteria() {
    run(
        &[
            case(V15, "I1", &[], Passes),
            case(V15, "I1", &[("informed_consent_signed", Some(NO))], Fails),
            case(V15, "I2", &[], Passes),
            case(V15, "I2", &[("date_of_birth", Some("Date(\"1960-10-31\")"))], Passes),
            case(V15, "I2", &[("date_of_birth", Some("Date(\"1960-10-30\")"))], Fails),
            case(V15, "I2", &[("date_of_birth", Some("Date(\"2008-10-30\")"))], Passes),
            case_from(V15, "I2", &[("date_of_birth", Some("Date(\"2008-10-31\")"))], "2026-10-31"),
            case(V15, "I3", &[], Passes),
            case(V15, "I3", &[("contraception_agreed_months", Some("Number((value: 11.0, unit: \"months\"))"))], Fails),
            case(V15, "I3", &[("no_gamete_donation", Some(NO))], Fails),
            case(V15, "I4", &[], Passes),
            case(V15, "I4", &[("sle_2019_checklist", None), ("sle_classified_by_physician", Some(YES))], Judgment),
            case(V15, "S1", &[], Passes),
            case("v15a-huc-msc-awaiting-judgment", "S1", &[], Judgment),
            case(V15, "S1", &[("sledai2k", None)], Missing),
            // A partly filled SLEDAI-2K is not yet a known score.
            case(V15, "S1", &[("sledai2k", Some("Instrument((answers: {\"arthritis\": Present}))"))], Missing),
        ],
        |_, _| {},
    );
}

#[test]
fn seed004_age_is_counted_at_consent() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(V15);
    session.dates.consent = None;
    assert_eq!(criterion(&library, &session, "I2").outcome, Missing);
}

/// Turns the SLE-cohort example into a patient of another cohort with passing answers.
fn cohort(session: &mut Session, cohort: &str, values: &[(&str, Option<&str>)], judged: Option<&str>) {
    if let Some(reference) = session.protocols.first_mut() {
        reference.cohort = Some(cohort.to_owned());
    }
    edit(session, values);
    // The example's judgments were made for its cohort: decide them again for this one, and
    // the cohort's own judgment criterion.
    let mut criteria: Vec<String> = session.decisions.iter().map(|d| d.criterion.clone()).collect();
    criteria.extend(judged.map(str::to_owned));
    judge(session, &criteria);
}

/// Records a passing judgment on each criterion, on the facts as they stand.
fn judge(session: &mut Session, criteria: &[String]) {
    let library = common::library();
    let protocol = session.protocols.first().map(|p| p.id.clone()).expect("one protocol");
    let at = session.decisions.first().map(|d| d.at).expect("the example records a judgment");
    let decisions: Vec<_> = {
        let screening = common::screen(library, session);
        criteria
            .iter()
            .map(|criterion| {
                screening
                    .decision_for(
                        &protocol,
                        criterion,
                        trialscreen::session::model::DecisionKind::Judgment { passes: true },
                        "Judged for the test".to_owned(),
                        "Dr Test".to_owned(),
                        at,
                    )
                    .expect("a criterion of the protocol")
            })
            .collect()
    };
    session.decisions = decisions;
}

const TREATED_3_MONTHS: &str = "Treatments([(agent: \"prednisone\", start: Some(\"2026-01-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"rituximab\", start: Some(\"2026-01-01\"), last_dose: Some(\"2026-04-01\"), response: Some(Inadequate))])";

const AAV: &[(&str, Option<&str>)] = &[
    ("aav_diagnosis", Some("Choice(\"gpa\")")),
    (
        "bvas_v3",
        Some(
            "Instrument((answers: {\"persistent\": Absent, \"sensorineural_hearing_loss\": Present}, date: Some(\"2026-11-02\")))",
        ),
    ),
    ("pr3_anca", Some("Number((value: 45.0, unit: \"IU/mL\", uln: Some(20.0), date: Some(\"2026-11-02\")))")),
    ("treatment_history", Some(TREATED_3_MONTHS)),
    ("aav_remission_after_induction", Some("YesNo(Yes)")),
    ("aav_last_relapse", Some("Event(On(\"2026-09-01\"))")),
    ("aav_no_remission", Some("YesNo(No)")),
];

#[test]
fn seed003_aav_cohort() {
    run(
        &[
            case(S3, "AAV.1", &[], Passes),
            case(S3, "AAV.1", &[("aav_diagnosis", Some("Choice(\"mpa\")"))], Passes),
            case(S3, "AAV.1", &[("aav_diagnosis", Some("Choice(\"egpa\")"))], Fails),
            case(S3, "AAV.1", &[("aav_diagnosis", None)], Missing),
            case(S3, "AAV.2", &[], Passes),
            case(
                S3,
                "AAV.2",
                &[(
                    "bvas_v3",
                    Some("Instrument((answers: {\"fever\": Present, \"myalgia\": Present, \"purpura\": Present}))"),
                )],
                Passes,
            ),
            case(
                S3,
                "AAV.2",
                &[(
                    "bvas_v3",
                    Some(
                        "Instrument((answers: {\"fever\": Present, \"myalgia\": Present, \"persistent\": Present, \"first_assessment\": Present}))",
                    ),
                )],
                Missing,
            ),
            case(
                S3,
                "AAV.2",
                &[(
                    "bvas_v3",
                    Some(
                        "Instrument((answers: {\"fever\": Present, \"creatinine_band\": Level(2), \"purpura\": Present}))",
                    ),
                )],
                Passes,
            ),
            case(
                S3,
                "AAV.2",
                &[("bvas_v3", Some("Instrument((answers: {\"mononeuritis_multiplex\": Present}))"))],
                Passes,
            ),
            case(S3, "AAV.2", &[("bvas_v3", None)], Missing),
            case(S3, "AAV.3", &[], Passes),
            case(
                S3,
                "AAV.3",
                &[
                    (
                        "pr3_anca",
                        Some("Number((value: 20.0, unit: \"IU/mL\", uln: Some(20.0), date: Some(\"2026-11-02\")))"),
                    ),
                    (
                        "mpo_anca",
                        Some("Number((value: 2.0, unit: \"IU/mL\", uln: Some(20.0), date: Some(\"2026-11-02\")))"),
                    ),
                ],
                Fails,
            ),
            case(
                S3,
                "AAV.3",
                &[(
                    "pr3_anca",
                    Some("Number((value: 45.0, unit: \"IU/mL\", uln: Some(20.0), date: Some(\"2026-10-01\")))"),
                )],
                Missing,
            ),
            case(S3, "AAV.4", &[], Passes),
            case(S3, "AAV.4", &[("aav_last_relapse", Some("Event(On(\"2026-08-10\"))"))], Passes),
            case(S3, "AAV.4", &[("aav_last_relapse", Some("Event(On(\"2026-08-09\"))"))], Fails),
            case(
                S3,
                "AAV.4",
                &[("aav_remission_after_induction", Some("YesNo(No)")), ("aav_no_remission", Some("YesNo(Yes)"))],
                Passes,
            ),
            case(
                S3,
                "AAV.4",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2026-01-01\"), ongoing: true), (agent: \"rituximab\", start: Some(\"2026-01-01\"), last_dose: Some(\"2026-03-31\"))])",
                    ),
                )],
                Fails,
            ),
            case(S3, "SLE.1", &[], NotApplicable),
        ],
        |_, session| cohort(session, "AAV", AAV, None),
    );
}

const IIM_CHECKLIST: &str = "Instrument((answers: {\"age_at_onset\": Number(45.0), \"muscle_biopsy\": Absent, \"heliotrope_rash\": Present, \"gottron_papules\": Present, \"gottron_sign\": Absent, \"weakness_proximal_upper\": Present, \"weakness_proximal_lower\": Present, \"neck_flexors_weaker_than_extensors\": Absent, \"legs_proximal_weaker_than_distal\": Absent, \"dysphagia_or_esophageal_dysmotility\": Absent, \"anti_jo1\": Absent, \"elevated_muscle_enzymes\": Present, \"finger_flexor_weakness\": Absent}))";
const MMT8_134: &str = "Instrument((answers: {\"neck_flexors\": Level(8), \"deltoid_right\": Level(9), \"deltoid_left\": Level(9), \"biceps_right\": Level(9), \"biceps_left\": Level(9), \"wrist_extensors_right\": Level(9), \"wrist_extensors_left\": Level(9), \"gluteus_maximus_right\": Level(9), \"gluteus_maximus_left\": Level(9), \"gluteus_medius_right\": Level(9), \"gluteus_medius_left\": Level(9), \"quadriceps_right\": Level(9), \"quadriceps_left\": Level(9), \"ankle_dorsiflexors_right\": Level(9), \"ankle_dorsiflexors_left\": Level(9)}))";
const MMT8_142: &str = "Instrument((answers: {\"neck_flexors\": Level(10), \"deltoid_right\": Level(10), \"deltoid_left\": Level(10), \"biceps_right\": Level(10), \"biceps_left\": Level(10), \"wrist_extensors_right\": Level(10), \"wrist_extensors_left\": Level(10), \"gluteus_maximus_right\": Level(10), \"gluteus_maximus_left\": Level(10), \"gluteus_medius_right\": Level(10), \"gluteus_medius_left\": Level(10), \"quadriceps_right\": Level(10), \"quadriceps_left\": Level(10), \"ankle_dorsiflexors_right\": Level(2), \"ankle_dorsiflexors_left\": Level(10)}))";

const IIM: &[(&str, Option<&str>)] = &[
    ("iim_2017_checklist", Some(IIM_CHECKLIST)),
    ("iim_subtype", Some("Choice(\"dm\")")),
    ("mmt8", Some(MMT8_134)),
    ("patient_global_vas", Some("Number((value: 5.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
    ("physician_global_vas", Some("Number((value: 1.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
    ("extramuscular_vas", Some("Number((value: 1.0, unit: \"points\", date: Some(\"2026-11-02\")))")),
    ("ck", Some("Number((value: 301.0, unit: \"U/L\", uln: Some(200.0), date: Some(\"2026-11-02\")))")),
    ("aldolase", Some("Number((value: 5.0, unit: \"U/L\", uln: Some(7.6), date: Some(\"2026-11-02\")))")),
    ("ldh", Some("Number((value: 200.0, unit: \"U/L\", uln: Some(250.0), date: Some(\"2026-11-02\")))")),
    ("haq_di", None),
];

#[test]
fn seed003_iim_cohort() {
    run(
        &[
            case(S3, "IIM.1", &[], Passes),
            case(S3, "IIM.1", &[("iim_subtype", Some("Choice(\"ibm\")"))], Fails),
            case(
                S3,
                "IIM.1",
                &[(
                    "iim_2017_checklist",
                    Some(
                        "Instrument((answers: {\"age_at_onset\": Number(45.0), \"muscle_biopsy\": Absent, \"gottron_papules\": Present, \"elevated_muscle_enzymes\": Present, \"heliotrope_rash\": Absent, \"gottron_sign\": Absent, \"weakness_proximal_upper\": Absent, \"weakness_proximal_lower\": Absent, \"neck_flexors_weaker_than_extensors\": Absent, \"legs_proximal_weaker_than_distal\": Absent, \"dysphagia_or_esophageal_dysmotility\": Absent, \"anti_jo1\": Absent, \"finger_flexor_weakness\": Absent}))",
                    ),
                )],
                Passes,
            ),
            case(
                S3,
                "IIM.1",
                &[(
                    "iim_2017_checklist",
                    Some(
                        "Instrument((answers: {\"age_at_onset\": Number(45.0), \"muscle_biopsy\": Absent, \"gottron_papules\": Absent, \"elevated_muscle_enzymes\": Present, \"heliotrope_rash\": Absent, \"gottron_sign\": Absent, \"weakness_proximal_upper\": Absent, \"weakness_proximal_lower\": Present, \"neck_flexors_weaker_than_extensors\": Absent, \"legs_proximal_weaker_than_distal\": Absent, \"dysphagia_or_esophageal_dysmotility\": Present, \"anti_jo1\": Absent, \"finger_flexor_weakness\": Absent}))",
                    ),
                )],
                Fails,
            ),
            case(S3, "IIM.2", &[], Passes),
            case(S3, "IIM.2", &[("mmt8", Some(MMT8_142))], Fails),
            case(S3, "IIM.2", &[("mmt8", None)], Missing),
            case(S3, "IIM.3", &[], Passes),
            // Exactly 1.5 × ULN is not abnormal; with HAQ-DI unanswered the count is open.
            case(S3, "IIM.3", &[("ck", Some(CK_1_5))], Missing),
            case(S3, "IIM.3", &[("ck", Some(CK_1_5)), ("haq_di", Some("Instrument((answers: {}))"))], Missing),
            case(S3, "IIM.3", &[("ck", Some(CK_1_5)), ("haq_di", Some(HAQ_0_125))], Fails),
            case(S3, "IIM.3", &[("ck", Some(CK_1_5)), ("haq_di", Some(HAQ_0_25))], Passes),
            case(
                S3,
                "IIM.3",
                &[
                    ("ck", Some(CK_1_5)),
                    ("haq_di", Some(HAQ_0_125)),
                    ("physician_global_vas", Some("Number((value: 2.0, unit: \"points\"))")),
                ],
                Passes,
            ),
            case(
                S3,
                "IIM.3",
                &[
                    ("ck", Some(CK_1_5)),
                    ("haq_di", Some(HAQ_0_125)),
                    ("ast", Some("Number((value: 61.0, unit: \"U/L\", uln: Some(40.0)))")),
                ],
                Passes,
            ),
            case(
                S3,
                "IIM.3",
                &[
                    ("ck", Some(CK_1_5)),
                    ("haq_di", Some(HAQ_0_125)),
                    ("ast", Some("Number((value: 60.0, unit: \"U/L\", uln: Some(40.0)))")),
                ],
                Fails,
            ),
            case(S3, "IIM.4", &[], Passes),
            case(S3, "SS.1", &[], NotApplicable),
        ],
        |_, session| cohort(session, "IIM", IIM, Some("IIM.4")),
    );
}

const CK_1_5: &str = "Number((value: 300.0, unit: \"U/L\", uln: Some(200.0)))";

/// HAQ-DI with every item 0 but one category at 1: 1/8 = 0.125.
const HAQ_0_125: &str = "Instrument((answers: {\"dress_yourself\": Level(1), \"shampoo_hair\": Level(0), \"stand_up_from_chair\": Level(0), \"get_in_out_of_bed\": Level(0), \"cut_meat\": Level(0), \"lift_cup_to_mouth\": Level(0), \"open_milk_carton\": Level(0), \"walk_outdoors\": Level(0), \"climb_five_steps\": Level(0), \"wash_and_dry_body\": Level(0), \"take_tub_bath\": Level(0), \"get_on_off_toilet\": Level(0), \"reach_5lb_object\": Level(0), \"bend_to_pick_up_clothing\": Level(0), \"open_car_doors\": Level(0), \"open_jars\": Level(0), \"turn_faucets\": Level(0), \"run_errands_and_shop\": Level(0), \"get_in_out_of_car\": Level(0), \"do_chores\": Level(0), \"aid_dressing_devices\": Absent, \"aid_special_chair\": Absent, \"aid_special_utensils\": Absent, \"aid_cane\": Absent, \"aid_walker\": Absent, \"aid_crutches\": Absent, \"aid_wheelchair\": Absent, \"aid_bathtub_bar\": Absent, \"aid_bathtub_seat\": Absent, \"aid_raised_toilet_seat\": Absent, \"aid_long_handled_bathroom_appliances\": Absent, \"aid_long_handled_reach_appliances\": Absent, \"aid_jar_opener\": Absent, \"help_dressing_and_grooming\": Absent, \"help_arising\": Absent, \"help_eating\": Absent, \"help_walking\": Absent, \"help_hygiene\": Absent, \"help_reach\": Absent, \"help_grip\": Absent, \"help_activities\": Absent}))";
/// The same with a second category at 1: 2/8 = 0.25.
const HAQ_0_25: &str = "Instrument((answers: {\"dress_yourself\": Level(1), \"shampoo_hair\": Level(0), \"stand_up_from_chair\": Level(1), \"get_in_out_of_bed\": Level(0), \"cut_meat\": Level(0), \"lift_cup_to_mouth\": Level(0), \"open_milk_carton\": Level(0), \"walk_outdoors\": Level(0), \"climb_five_steps\": Level(0), \"wash_and_dry_body\": Level(0), \"take_tub_bath\": Level(0), \"get_on_off_toilet\": Level(0), \"reach_5lb_object\": Level(0), \"bend_to_pick_up_clothing\": Level(0), \"open_car_doors\": Level(0), \"open_jars\": Level(0), \"turn_faucets\": Level(0), \"run_errands_and_shop\": Level(0), \"get_in_out_of_car\": Level(0), \"do_chores\": Level(0), \"aid_dressing_devices\": Absent, \"aid_special_chair\": Absent, \"aid_special_utensils\": Absent, \"aid_cane\": Absent, \"aid_walker\": Absent, \"aid_crutches\": Absent, \"aid_wheelchair\": Absent, \"aid_bathtub_bar\": Absent, \"aid_bathtub_seat\": Absent, \"aid_raised_toilet_seat\": Absent, \"aid_long_handled_bathroom_appliances\": Absent, \"aid_long_handled_reach_appliances\": Absent, \"aid_jar_opener\": Absent, \"help_dressing_and_grooming\": Absent, \"help_arising\": Absent, \"help_eating\": Absent, \"help_walking\": Absent, \"help_hygiene\": Absent, \"help_reach\": Absent, \"help_grip\": Absent, \"help_activities\": Absent}))";

const SS_CHECKLIST: &str = "Instrument((answers: {\"dry_eyes_daily\": Absent, \"sand_or_gravel_in_eyes\": Absent, \"tear_substitutes\": Absent, \"dry_mouth_daily\": Present, \"liquids_to_swallow\": Absent, \"essdai_suspicion\": Absent, \"head_neck_radiation\": Absent, \"active_hcv\": Absent, \"aids\": Absent, \"sarcoidosis\": Absent, \"amyloidosis\": Absent, \"gvhd\": Absent, \"igg4_related_disease\": Absent, \"focus_score\": Present, \"anti_ssa_ro\": Present, \"ocular_staining_score\": Absent, \"schirmer\": Absent, \"unstimulated_salivary_flow\": Absent}))";
const ESSDAI_5: &str = "Instrument((answers: {\"constitutional\": Level(0), \"lymphadenopathy\": Level(0), \"glandular\": Level(0), \"articular\": Level(2), \"cutaneous\": Level(0), \"pulmonary\": Level(0), \"renal\": Level(0), \"muscular\": Level(0), \"pns\": Level(0), \"cns\": Level(0), \"hematological\": Level(0), \"biological\": Level(1)}))";
const ESSDAI_4: &str = "Instrument((answers: {\"constitutional\": Level(0), \"lymphadenopathy\": Level(0), \"glandular\": Level(0), \"articular\": Level(2), \"cutaneous\": Level(0), \"pulmonary\": Level(0), \"renal\": Level(0), \"muscular\": Level(0), \"pns\": Level(0), \"cns\": Level(0), \"hematological\": Level(0), \"biological\": Level(0)}))";

const SS: &[(&str, Option<&str>)] = &[
    ("ss_2016_checklist", Some(SS_CHECKLIST)),
    ("anti_ro_ssa", Some("Number((value: 150.0, unit: \"IU/mL\", uln: Some(10.0), date: Some(\"2026-11-02\")))")),
    ("stimulated_saliva_flow", Some("Number((value: 0.3, unit: \"mL/min\", date: Some(\"2026-11-02\")))")),
    ("essdai", Some(ESSDAI_5)),
    (
        "treatment_history",
        Some(
            "Treatments([(agent: \"prednisone\", start: Some(\"2025-06-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-06-01\"), last_dose: Some(\"2026-01-01\"), response: Some(Intolerant)), (agent: \"azathioprine\", start: Some(\"2026-02-01\"), ongoing: true)])",
        ),
    ),
    ("ss_doses_known_effective", Some("YesNo(Yes)")),
];

#[test]
fn seed003_ss_cohort() {
    run(
        &[
            case(S3, "SS.1", &[], Passes),
            case(
                S3,
                "SS.1",
                &[(
                    "ss_2016_checklist",
                    Some(
                        "Instrument((answers: {\"dry_eyes_daily\": Absent, \"sand_or_gravel_in_eyes\": Absent, \"tear_substitutes\": Absent, \"dry_mouth_daily\": Present, \"liquids_to_swallow\": Absent, \"essdai_suspicion\": Absent, \"head_neck_radiation\": Present, \"active_hcv\": Absent, \"aids\": Absent, \"sarcoidosis\": Absent, \"amyloidosis\": Absent, \"gvhd\": Absent, \"igg4_related_disease\": Absent, \"focus_score\": Present, \"anti_ssa_ro\": Present, \"ocular_staining_score\": Absent, \"schirmer\": Absent, \"unstimulated_salivary_flow\": Absent}))",
                    ),
                )],
                Fails,
            ),
            case(S3, "SS.2", &[], Passes),
            case(
                S3,
                "SS.2",
                &[(
                    "anti_ro_ssa",
                    Some("Number((value: 10.0, unit: \"IU/mL\", uln: Some(10.0), date: Some(\"2026-11-02\")))"),
                )],
                Fails,
            ),
            case(S3, "SS.3", &[], Passes),
            case(
                S3,
                "SS.3",
                &[(
                    "stimulated_saliva_flow",
                    Some("Number((value: 0.05, unit: \"mL/min\", date: Some(\"2026-11-02\")))"),
                )],
                Passes,
            ),
            case(
                S3,
                "SS.3",
                &[
                    (
                        "stimulated_saliva_flow",
                        Some("Number((value: 0.04, unit: \"mL/min\", date: Some(\"2026-11-02\")))"),
                    ),
                    (
                        "unstimulated_saliva_flow",
                        Some("Number((value: 0.01, unit: \"mL/min\", date: Some(\"2026-11-02\")))"),
                    ),
                ],
                Passes,
            ),
            case(
                S3,
                "SS.3",
                &[
                    (
                        "stimulated_saliva_flow",
                        Some("Number((value: 0.04, unit: \"mL/min\", date: Some(\"2026-11-02\")))"),
                    ),
                    (
                        "unstimulated_saliva_flow",
                        Some("Number((value: 0.009, unit: \"mL/min\", date: Some(\"2026-11-02\")))"),
                    ),
                ],
                Fails,
            ),
            case(S3, "SS.4", &[], Passes),
            case(S3, "SS.4", &[("essdai", Some(ESSDAI_4))], Fails),
            case(S3, "SS.4", &[("essdai", Some("Instrument((answers: {\"articular\": Level(2)}))"))], Missing),
            case(S3, "SS.5", &[], Passes),
            case(S3, "SS.5", &[("ss_doses_known_effective", Some("YesNo(No)"))], Fails),
            case(
                S3,
                "SS.5",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2025-06-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-06-01\"), last_dose: Some(\"2026-01-01\"), response: Some(Adequate)), (agent: \"azathioprine\", start: Some(\"2026-02-01\"), ongoing: true)])",
                    ),
                )],
                Missing,
            ),
            case(
                S3,
                "SS.5",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2025-06-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-06-01\"), last_dose: Some(\"2026-01-01\"), response: Some(Adequate)), (agent: \"azathioprine\", start: Some(\"2026-02-01\"), ongoing: true, response: Some(Adequate))])",
                    ),
                )],
                Fails,
            ),
            case(
                S3,
                "SS.5",
                &[(
                    "treatment_history",
                    Some(
                        "Treatments([(agent: \"prednisone\", start: Some(\"2025-06-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-06-01\"), last_dose: Some(\"2026-01-01\"), response: Some(Intolerant)), (agent: \"azathioprine\", start: Some(\"2026-08-15\"), ongoing: true)])",
                    ),
                )],
                Fails,
            ),
            case(S3, "AAV.1", &[], NotApplicable),
        ],
        |_, session| cohort(session, "SS", SS, Some("SS.4")),
    );
}

// Thresholds compare exactly, as decimals from the digits entered (issue: "No false ELIGIBLE
// 1 of 2"). Each case failed when numbers were divided in floating point.

/// 11.4 / 7.6 is 1.5000000000000002 in floating point, so "> 1.5 × ULN" was met and the
/// patient ELIGIBLE; exactly 1.5 × ULN is not abnormal.
#[test]
fn iim3_aldolase_at_exactly_one_and_a_half_uln_is_not_abnormal() {
    run(
        &[
            case(
                S3,
                "IIM.3",
                &[
                    ("ck", Some(CK_1_5)),
                    ("haq_di", Some(HAQ_0_125)),
                    (
                        "aldolase",
                        Some("Number((value: 11.4, unit: \"U/L\", uln: Some(7.6), date: Some(\"2026-11-02\")))"),
                    ),
                ],
                Fails,
            ),
            // Kin: ALT 11.4 with ULN 7.6 (the same ratio through another enzyme).
            case(
                S3,
                "IIM.3",
                &[
                    ("ck", Some(CK_1_5)),
                    ("haq_di", Some(HAQ_0_125)),
                    ("alt", Some("Number((value: 11.4, unit: \"U/L\", uln: Some(7.6), date: Some(\"2026-11-02\")))")),
                ],
                Fails,
            ),
            // One digit above is abnormal.
            case(
                S3,
                "IIM.3",
                &[
                    ("ck", Some(CK_1_5)),
                    ("haq_di", Some(HAQ_0_125)),
                    (
                        "aldolase",
                        Some("Number((value: 11.41, unit: \"U/L\", uln: Some(7.6), date: Some(\"2026-11-02\")))"),
                    ),
                ],
                Passes,
            ),
        ],
        |_, session| cohort(session, "IIM", IIM, Some("IIM.4")),
    );
}

/// INR 2.1 / 1.4 is 1.5000000000000002 in floating point and failed "≤ 1.5 × ULN"; ALT 11.4
/// with ULN 3.8 is 3.0000000000000004 and failed "≤ 3 × ULN".
#[test]
fn ratios_at_exactly_the_limit_pass_less_or_equal() {
    run(
        &[
            case(S3, "ALL.5", &[("inr", Some(n!("2.1", "ratio", uln "1.4")))], Passes),
            case(S3, "ALL.5", &[("inr", Some(n!("2.11", "ratio", uln "1.4")))], Fails),
            case(S3, "ALL.8", &[("alt", Some(n!("11.4", "U/L", uln "3.8")))], Passes),
            case(S3, "ALL.7", &[("ast", Some(n!("11.4", "U/L", uln "3.8")))], Passes),
            case(S3, "ALL.6", &[("aptt", Some(n!("11.4", "s", uln "7.6")))], Passes),
            case(S3, "ALL.9", &[("bilirubin", Some(n!("11.4", "umol/L", uln "7.6")))], Passes),
            case(S3, "ALL.10", &[("creatinine", Some(n!("1.65", "mg/dL", uln "1.1")))], Passes),
            case(V1, "I7.ast", &[("ast", Some(n!("11.4", "U/L", uln "3.8")))], Passes),
            case(V1, "I7.bili", &[("bilirubin", Some(n!("0.6", "mg/dL", uln "0.3")))], Passes),
            case(V1, "I7.bili", &[("bilirubin", Some(n!("0.61", "mg/dL", uln "0.3")))], Fails),
        ],
        |_, _| {},
    );
}

/// Haemoglobin 3.7 mmol/L is 59.62 g/L: it fails "≥ 60 g/L" (comparing "at the precision
/// entered" would pass it). 3.7236 mmol/L is exactly 60 g/L.
#[test]
fn converted_units_compare_exactly() {
    run(
        &[
            case(S3, "ALL.4", &[("haemoglobin", Some(n!("3.7", "mmol/L")))], Fails),
            case(S3, "ALL.4", &[("haemoglobin", Some(n!("3.7236", "mmol/L")))], Passes),
            case(S3, "ALL.4", &[("haemoglobin", Some(n!("3.72359", "mmol/L")))], Fails),
            // Seed 000's 80 g/L: 4.9648 mmol/L exactly.
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("4.9648", "mmol/L")))], Passes),
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("4.9647", "mmol/L")))], Fails),
            case(V1, "I7.hb", &[("haemoglobin", Some(n!("7.99", "g/dL")))], Fails),
            case(V1, "I7.plt", &[("platelets", Some(n!("75000", "/uL")))], Passes),
            case(V1, "I7.plt", &[("platelets", Some(n!("74999", "/mm3")))], Fails),
            case(V1, "I7.alc", &[("lymphocytes", Some(n!("500", "/uL")))], Passes),
            case(V1, "I7.alc", &[("lymphocytes", Some(n!("499.9", "/uL")))], Fails),
        ],
        |_, _| {},
    );
}

// Conflicting results are never resolved toward eligible.

const POSITIVE: &str = "Choice(\"positive\")";
const NEGATIVE: &str = "Choice(\"negative\")";

/// "Negative urine or blood pregnancy test" was met by a negative urine test beside a
/// POSITIVE blood test ("any negative"); seed 000 I8 ("negative urine pregnancy test")
/// ignored the blood test altogether.
#[test]
fn a_positive_pregnancy_test_fails_every_negative_requirement() {
    run(
        &[
            case(
                S3,
                "ALL.19",
                &[("urine_pregnancy_test", Some(NEGATIVE)), ("serum_pregnancy_test", Some(POSITIVE))],
                Fails,
            ),
            case(S3, "ALL.19", &[("urine_pregnancy_test", None), ("serum_pregnancy_test", Some(POSITIVE))], Fails),
            case(S3, "ALL.19", &[("urine_pregnancy_test", None), ("serum_pregnancy_test", Some(NEGATIVE))], Passes),
            case(
                V1,
                "I8",
                &[("urine_pregnancy_test", Some(NEGATIVE)), ("serum_pregnancy_test", Some(POSITIVE))],
                Fails,
            ),
            case(
                V1,
                "I8",
                &[("urine_pregnancy_test", Some(NEGATIVE)), ("serum_pregnancy_test", Some(NEGATIVE))],
                Passes,
            ),
            case(
                V1,
                "E18",
                &[("urine_pregnancy_test", Some(POSITIVE)), ("serum_pregnancy_test", Some(NEGATIVE))],
                Fails,
            ),
        ],
        |_, _| {},
    );
}

/// Seed 000 E18 "Positive blood pregnancy test" was not applicable when the
/// childbearing-potential answer was No, though the test was positive; a male with a
/// positive test likewise. Contradicting answers await a judgment naming both.
#[test]
fn a_positive_pregnancy_test_contradicting_other_answers_is_a_judgment() {
    const NOT_CHILDBEARING: (&str, Option<&str>) = ("childbearing_potential", Some(NO));
    const MALE: (&str, Option<&str>) = ("sex", Some("Choice(\"male\")"));
    run(
        &[
            case(V1, "E18", &[NOT_CHILDBEARING, ("serum_pregnancy_test", Some(POSITIVE))], Judgment),
            case(V1, "I8", &[NOT_CHILDBEARING, ("serum_pregnancy_test", Some(POSITIVE))], Judgment),
            case(V1, "E18", &[MALE, ("serum_pregnancy_test", Some(POSITIVE))], Judgment),
            case(V1, "I8", &[MALE, ("urine_pregnancy_test", Some(POSITIVE))], Judgment),
            case(S3, "ALL.19", &[NOT_CHILDBEARING, ("urine_pregnancy_test", Some(POSITIVE))], Judgment),
            // Without a positive test nothing contradicts: not applicable as before.
            case(V1, "E18", &[NOT_CHILDBEARING, ("serum_pregnancy_test", Some(NEGATIVE))], NotApplicable),
            // A criterion that does not read the pregnancy tests is not concerned.
            case(V1, "I7.egfr", &[MALE, ("urine_pregnancy_test", Some(POSITIVE))], Passes),
        ],
        |_, _| {},
    );
}

/// A negative PPD/T-spot followed by a positive repeat was "not excluded": only a first
/// positive or an indeterminate-then-positive counted.
#[test]
fn tb_tests_are_read_together() {
    run(
        &[
            case(V1, "E11", &[("tb_test", Some(NEGATIVE)), ("tb_retest", Some(POSITIVE))], Judgment),
            case(V1, "E11", &[("tb_test", Some(POSITIVE)), ("tb_retest", Some(NEGATIVE))], Judgment),
            case(V1, "E11", &[("tb_test", Some("Choice(\"indeterminate\")")), ("tb_retest", Some(NEGATIVE))], Passes),
        ],
        |_, _| {},
    );
}

/// A checklist that "cannot be scored: check its answers" fell back to the judgment meant
/// for "the checklist is not filled in", and a judgment recorded for that passed it.
#[test]
fn an_unscorable_checklist_never_falls_back_to_the_not_filled_in_judgment() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(V1);
    edit(
        &mut session,
        &[
            ("sle_2019_checklist", Some("Instrument((answers: {\"ana_entry\": Present, \"fever\": Level(3)}))")),
            ("sle_classified_by_physician", Some(YES)),
        ],
    );
    let mut judged = session.clone();
    let mut decision = judged.decisions.first().cloned().expect("V1 records judgments");
    decision.criterion = "I2".to_owned();
    decision.kind = trialscreen::session::model::DecisionKind::Judgment { passes: true };
    judged.decisions.push(decision);
    for session in [&session, &judged] {
        let i2 = criterion(&library, session, "I2");
        assert_eq!(i2.outcome, Missing, "{i2:?}");
    }
    // Partly filled in (not yet decided): the checklist is completed, no fallback either.
    edit(
        &mut judged,
        &[("sle_2019_checklist", Some("Instrument((answers: {\"ana_entry\": Present, \"fever\": Present}))"))],
    );
    assert_eq!(criterion(&library, &judged, "I2").outcome, Missing);
}

// The readings the review settled, shipped as protocol version 2 (version 1 files unchanged).

/// Moves a session's protocols to version 2.
fn on_version_2(session: &mut Session) {
    for reference in &mut session.protocols {
        reference.version = 2;
        reference.sha256 = None;
    }
}

const GC_2018: &str =
    "(agent: \"prednisone\", start: Some(\"2018-01-01\"), last_dose: Some(\"2018-12-31\"), response: Some(Inadequate))";

/// SS.5 was met by a glucocorticoid in 2018 and immunosuppressants in 2021 and 2024: each
/// counted immunosuppressant course must be taken with a glucocorticoid for 3 months.
#[test]
fn ss5_courses_must_overlap_glucocorticoid_treatment() {
    let apart = format!(
        "Treatments([{GC_2018}, (agent: \"methotrexate\", start: Some(\"2021-01-01\"), last_dose: Some(\"2021-12-31\"), response: Some(Intolerant)), (agent: \"azathioprine\", start: Some(\"2024-01-01\"), last_dose: Some(\"2024-12-31\"))])"
    );
    let together = "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-01-15\"), last_dose: Some(\"2025-04-15\"), response: Some(Intolerant)), (agent: \"azathioprine\", start: Some(\"2025-06-01\"), ongoing: true)])";
    let short = "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-01-15\"), last_dose: Some(\"2025-04-14\"), response: Some(Intolerant)), (agent: \"azathioprine\", start: Some(\"2025-06-01\"), ongoing: true)])";
    let undated = "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"methotrexate\", start: Some(\"2025-01-15\"), response: Some(Intolerant)), (agent: \"azathioprine\", start: Some(\"2025-06-01\"), ongoing: true)])";
    let library = Library::bundled().expect("bundled data loads");
    for (history, expected) in [(apart.as_str(), Fails), (together, Passes), (short, Fails), (undated, Missing)] {
        let mut session = example(S3);
        cohort(&mut session, "SS", SS, None);
        on_version_2(&mut session);
        edit(&mut session, &[("treatment_history", Some(history))]);
        let result = criterion(&library, &session, "SS.5");
        assert_eq!(result.outcome, expected, "{history}");
    }
    // Version 1 keeps its reading: courses counted wherever they fall.
    let mut session = example(S3);
    cohort(&mut session, "SS", SS, None);
    for reference in &mut session.protocols {
        reference.version = 1;
        reference.sha256 = None;
    }
    edit(&mut session, &[("treatment_history", Some(apart.as_str()))]);
    assert_eq!(criterion(&library, &session, "SS.5").outcome, Passes);
}

/// AAV.4 and SSC.4 count an immunosuppressant only while combined with a glucocorticoid.
#[test]
fn aav4_and_ssc4_need_combined_treatment() {
    let library = Library::bundled().expect("bundled data loads");
    let aav_apart = "Treatments([(agent: \"prednisone\", start: Some(\"2024-01-01\"), last_dose: Some(\"2024-06-30\"), response: Some(Inadequate)), (agent: \"rituximab\", start: Some(\"2025-01-01\"), last_dose: Some(\"2025-06-01\"), response: Some(Inadequate))])";
    let mut session = example(S3);
    cohort(&mut session, "AAV", AAV, None);
    on_version_2(&mut session);
    assert_eq!(criterion(&library, &session, "AAV.4").outcome, Passes, "the AAV example takes them together");
    edit(&mut session, &[("treatment_history", Some(aav_apart))]);
    assert_eq!(criterion(&library, &session, "AAV.4").outcome, Fails);

    let ssc_together = "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true), (agent: \"cyclophosphamide\", start: Some(\"2025-01-01\"), last_dose: Some(\"2025-07-01\")), (agent: \"mycophenolate_mofetil\", start: Some(\"2025-08-01\"), ongoing: true)])";
    let ssc_cyclophosphamide_alone = "Treatments([(agent: \"prednisone\", start: Some(\"2025-09-01\"), ongoing: true), (agent: \"cyclophosphamide\", start: Some(\"2025-01-01\"), last_dose: Some(\"2025-07-01\")), (agent: \"mycophenolate_mofetil\", start: Some(\"2025-08-01\"), ongoing: true)])";
    let mut session = example(SSC);
    on_version_2(&mut session);
    edit(&mut session, &[("treatment_history", Some(ssc_together)), ("ssc_conventional_ineffective", Some(YES))]);
    assert_eq!(criterion(&library, &session, "SSC.4").outcome, Passes);
    edit(&mut session, &[("treatment_history", Some(ssc_cyclophosphamide_alone))]);
    assert_eq!(criterion(&library, &session, "SSC.4").outcome, Fails);
}

/// Seed 000 I9: whether a guardian must also consent is decided by age on the consent date.
#[test]
fn i9_guardian_consent_is_decided_by_age_at_consent() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(V1);
    on_version_2(&mut session);
    // 18 on the screening date, 17 on the consent date: a minor consented.
    session.dates.consent = NaiveDate::from_ymd_opt(2026, 10, 20);
    edit(
        &mut session,
        &[
            ("date_of_birth", Some("Date(\"2008-11-01\")")),
            ("informed_consent_signed", Some(YES)),
            ("guardian_consent_signed", None),
            ("participant_assent", None),
        ],
    );
    assert_eq!(criterion(&library, &session, "I9").outcome, Missing, "the guardian's consent is needed");
    edit(&mut session, &[("guardian_consent_signed", Some(YES)), ("participant_assent", Some(YES))]);
    assert_eq!(criterion(&library, &session, "I9").outcome, Passes);
    session.dates.consent = None;
    assert_eq!(criterion(&library, &session, "I9").outcome, Missing, "no consent date, no decision");
}

/// SSC.5: a "baseline" dated after the current value is a contradiction, not a decline.
#[test]
fn ssc5_baseline_after_the_current_value_is_a_contradiction() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example(SSC);
    edit(
        &mut session,
        &[
            ("fvc_percent_predicted_baseline", Some("Number((value: 80.0, unit: \"%\", date: Some(\"2026-11-06\")))")),
            ("fvc_percent_predicted", Some("Number((value: 60.0, unit: \"%\", date: Some(\"2026-11-03\")))")),
            ("dlco_percent_predicted_baseline", Some("Number((value: 60.0, unit: \"%\", date: Some(\"2026-09-01\")))")),
            ("dlco_percent_predicted", Some("Number((value: 60.0, unit: \"%\", date: Some(\"2026-11-03\")))")),
            ("mrss_baseline", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-09-01\")))")),
            ("mrss_current", Some("Number((value: 20.0, unit: \"points\", date: Some(\"2026-11-03\")))")),
            ("ild_diagnosis_date", Some("Date(\"2020-01-01\")")),
        ],
    );
    let result = criterion(&library, &session, "SSC.5");
    assert_eq!(result.outcome, Judgment, "{result:?}");
}

/// A session lists a protocol once; a file listing one twice (two cohorts) contradicts
/// itself and is never ELIGIBLE.
#[test]
fn a_protocol_listed_twice_is_never_eligible() {
    let library = Library::bundled().expect("bundled data loads");
    let mut session = example("v02b-low-platelets-override");
    let duplicate = session.protocols.first().cloned().expect("one protocol");
    session.protocols.push(duplicate);
    let screening = trialscreen::screening::Screening::evaluate(
        &library,
        &session,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    );
    assert!(screening.lists_a_protocol_twice());
    for screened in &screening.protocols {
        assert_ne!(screened.result.verdict, trialscreen::engine::protocol_eval::Verdict::Eligible);
    }
}
