//! The evidence rules (PROTOCOL-NOTES, "Evidence rules"), each case named after what it
//! broke: results count only dated and current, absence only in a list attested complete,
//! decisions only while the facts they rest on are unchanged. Each failed before them.

use crate::common;

use chrono::NaiveDate;
use common::{criterion, edit, edit_undated, example, library, screen};
use trialscreen::engine::explain::explain;
use trialscreen::engine::protocol_eval::Outcome::{Fails, Judgment, Missing, Passes};
use trialscreen::engine::protocol_eval::{BasisChange, CriterionResult, repeat_by_then};
use trialscreen::report::screening_view::{NoteKind, ScreeningView};
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Edit, apply};
use trialscreen::session::model::Session;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// A criterion's result and its explanation, on a given evaluation day.
fn judged_on(session: &Session, id: &str, day: NaiveDate) -> (CriterionResult, String) {
    let screening = Screening::evaluate(library(), session, day);
    let screened = screening.protocols.first().expect("a protocol");
    let position = screened.loaded.compiled.protocol.criteria.iter().position(|c| c.id == id).expect("criterion");
    let result = screened.result.criteria.get(position).cloned().expect("result");
    let why = explain(&screened.loaded.compiled, &screened.result, &result, &screening.patient);
    (result, why)
}

fn judged(session: &Session, id: &str) -> (CriterionResult, String) {
    judged_on(session, id, common::EVALUATION_DAY)
}

/// Seed 000 I3 was met by an anti-dsDNA dated a year after enrollment: `Within` had no
/// upper end. No result dated after the first dose counts.
#[test]
fn i3_anti_dsdna_dated_after_enrollment_does_not_count() {
    let mut session = example("v01-eligible-adolescent");
    edit(
        &mut session,
        &[
            ("ana", None),
            (
                "anti_dsdna",
                Some("Number((value: 400.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2027-11-30\")))"),
            ),
        ],
    );
    let (i3, why) = judged_on(&session, "I3", d("2028-01-01"));
    assert_eq!(i3.outcome, Missing, "{why}");
    assert!(why.contains("is after the first dose (2026-11-30): it is not screening evidence"), "{why}");
    // The same test inside the window counts.
    edit(
        &mut session,
        &[(
            "anti_dsdna",
            Some("Number((value: 400.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2026-11-20\")))"),
        )],
    );
    assert_eq!(judged_on(&session, "I3", d("2028-01-01")).0.outcome, Passes);
}

/// "During screening" with no enrollment date had no end: a result dated 2030 counted.
#[test]
fn a_result_dated_after_the_evaluation_day_never_counts() {
    let mut session = example("v10a-sle-cohort-sledai-10");
    session.dates.enrollment = None;
    edit(&mut session, &[("ana", None), ("anti_sm", None)]);
    edit(
        &mut session,
        &[(
            "anti_dsdna",
            Some("Number((value: 400.0, unit: \"IU/mL\", uln: Some(100.0), date: Some(\"2030-01-01\")))"),
        )],
    );
    let (sle2, why) = judged(&session, "SLE.2");
    assert_ne!(sle2.outcome, Passes, "{why}");
    assert!(why.contains("dated 2030-01-01 is after today (2026-12-01): check the date"), "{why}");
}

/// A platelet count from 2015 was used. Outside the current-results window it is missing,
/// with the reason and what to do.
#[test]
fn a_platelet_count_from_before_the_window_is_missing_with_the_reason() {
    let mut session = example("v01-eligible-adolescent");
    edit(&mut session, &[("platelets", Some("Number((value: 160.0, unit: \"10^9/L\", date: Some(\"2015-03-02\")))"))]);
    let (plt, why) = judged(&session, "I7.plt");
    assert_eq!(plt.outcome, Missing);
    assert!(
        why.contains(
            "Platelet count dated 2015-03-02, older than the window (28 days before screening): repeat the test"
        ),
        "{why}"
    );
    // Kin: haemoglobin in seed 003, another window edge (the first day of the window counts).
    let mut s3 = example("v10a-sle-cohort-sledai-10");
    edit(&mut s3, &[("haemoglobin", Some("Number((value: 110.0, unit: \"g/L\", date: Some(\"2026-10-05\")))"))]);
    assert_eq!(criterion(library(), &s3, "ALL.4").outcome, Passes, "28 days before screening counts");
    edit(&mut s3, &[("haemoglobin", Some("Number((value: 110.0, unit: \"g/L\", date: Some(\"2026-10-04\")))"))]);
    assert_eq!(criterion(library(), &s3, "ALL.4").outcome, Missing, "29 days before does not");
}

/// Pregnancy tests and serologies carried no date at all: undated, they are missing.
#[test]
fn undated_tests_and_serologies_are_missing() {
    let mut session = example("v01-eligible-adolescent");
    edit_undated(
        &mut session,
        &[("urine_pregnancy_test", Some("Choice(\"negative\")")), ("hbsag", Some("Choice(\"negative\")"))],
    );
    let (i8, why) = judged(&session, "I8");
    assert_eq!(i8.outcome, Missing);
    assert!(why.contains("Urine pregnancy test has no date: enter the sample date"), "{why}");
    let (e10, why) = judged(&session, "E10");
    assert_eq!(e10.outcome, Missing);
    assert!(why.contains("HBsAg has no date: enter the sample date"), "{why}");
}

/// A negative pregnancy test more than 7 days before the first dose must be confirmed.
#[test]
fn a_pregnancy_test_long_before_the_first_dose_asks_for_confirmation() {
    let mut session = example("v01-eligible-adolescent");
    edit(&mut session, &[("urine_pregnancy_test", Some("Choice(\"negative\")"))]);
    let (i8, why) = judged(&session, "I8");
    assert_eq!(i8.outcome, Passes);
    assert!(why.contains("confirm a negative test before dosing"), "{why}");
    session.dates.enrollment = Some(d("2026-11-02"));
    let (_, why) = judged(&session, "I8");
    assert!(!why.contains("confirm a negative test"), "within 7 days of the first dose: {why}");
}

const ONE_ROW: &str = "Treatments([(agent: \"prednisone\", start: Some(\"2026-01-01\"), ongoing: true, dose: Some((amount: 10.0, unit: \"mg\", frequency: OnceDaily)), dose_since: Some(\"2026-01-01\"), response: Some(Inadequate))])";

/// One row added to an empty history made every drug criterion final at once ("not excluded —
/// no matching treatment") while the investigator was still typing the first row.
#[test]
fn one_treatment_row_without_attestation_leaves_absence_unknown() {
    let mut session = example("v01-eligible-adolescent");
    session.attestations.clear();
    edit_undated(&mut session, &[("treatment_history", Some(ONE_ROW))]);
    session.attestations.clear();
    let (e14, why) = judged(&session, "E14");
    assert_eq!(e14.outcome, Missing, "{why}");
    assert!(why.contains("treatment history not attested complete"), "{why}");
    assert_eq!(judged(&session, "I4").0.outcome, Missing);
    assert_eq!(judged(&session, "E13").0.outcome, Missing);
    // Attested, the same list decides.
    common::attest_history(&mut session);
    assert_eq!(judged(&session, "E14").0.outcome, Passes);
    assert_eq!(judged(&session, "I4").0.outcome, Fails);
}

/// Presence still decides without an attestation: three of the four classes meet I4, a
/// rituximab dose within 3 months excludes under E13.
#[test]
fn presence_decides_without_an_attestation() {
    let mut session = example("v01-eligible-adolescent");
    let with_rituximab = "Treatments([(agent: \"prednisone\", start: Some(\"2026-01-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"hydroxychloroquine\", start: Some(\"2025-01-01\"), ongoing: true, response: Some(Inadequate)), (agent: \"rituximab\", start: Some(\"2026-09-01\"), last_dose: Some(\"2026-09-15\"), response: Some(Inadequate))])";
    edit_undated(&mut session, &[("treatment_history", Some(with_rituximab))]);
    session.attestations.clear();
    assert_eq!(judged(&session, "I4").0.outcome, Passes);
    assert_eq!(judged(&session, "E13").0.outcome, Fails);
}

/// Removing a rituximab row after attesting would have cleared E13: the attestation lapses
/// when the list changes.
#[test]
fn attesting_then_removing_a_row_lapses_the_attestation() {
    let mut session = example("v03-recent-rituximab");
    assert_eq!(judged(&session, "E13").0.outcome, Fails);
    let Some(trialscreen::model::values::Value::Treatments(rows)) =
        session.values.get("treatment_history").map(|e| e.value.clone())
    else {
        panic!("V3 has a treatment history")
    };
    let without: Vec<_> = rows.into_iter().filter(|row| row.agent != "rituximab").collect();
    let at = session.audit.last().map(|e| e.at).expect("trail") + chrono::Duration::minutes(1);
    let entry = trialscreen::session::model::Entry::new(trialscreen::model::values::Value::Treatments(without));
    apply(&mut session, Edit::SetValue { item: "treatment_history".into(), entry: Some(entry) }, "Dr X", at)
        .expect("edit");
    let (e13, why) = judged(&session, "E13");
    assert_eq!(e13.outcome, Missing, "{why}");
    assert!(why.contains("treatment history changed since it was attested complete: attest it again"), "{why}");
}

/// A row without the date a window needs is missing for that criterion: never "not
/// within", never "stable since the start date".
#[test]
fn a_row_without_the_date_its_window_needs_is_missing() {
    let mut session = example("v01-eligible-adolescent");
    let no_last_dose = "Treatments([(agent: \"rituximab\", start: Some(\"2025-01-01\"), response: Some(Inadequate))])";
    edit(&mut session, &[("treatment_history", Some(no_last_dose))]);
    assert_eq!(judged(&session, "E13").0.outcome, Missing);
    let no_dose_since = "Treatments([(agent: \"prednisone\", start: Some(\"2025-01-01\"), ongoing: true, dose: Some((amount: 10.0, unit: \"mg\", frequency: OnceDaily)))])";
    edit(&mut session, &[("treatment_history", Some(no_dose_since))]);
    assert_eq!(judged(&session, "I6").0.outcome, Missing);
}

/// A judgment recorded for seed 004 S1 at SLEDAI-2K 10 still passed after SLEDAI-2K was
/// changed to 0.
#[test]
fn s1_judged_then_sledai_changed_is_a_decision_out_of_date() {
    let mut session = example("v15b-huc-msc-judged");
    assert_eq!(judged(&session, "S1").0.outcome, Passes);
    let zero = "Instrument((answers: {\"alopecia\": Absent, \"arthritis\": Absent, \"cranial_nerve_disorder\": Absent, \"cva\": Absent, \"fever\": Absent, \"hematuria\": Absent, \"increased_dna_binding\": Absent, \"leukopenia\": Absent, \"low_complement\": Absent, \"lupus_headache\": Absent, \"mucosal_ulcers\": Absent, \"myositis\": Absent, \"organic_brain_syndrome\": Absent, \"pericarditis\": Absent, \"pleurisy\": Absent, \"proteinuria\": Absent, \"psychosis\": Absent, \"pyuria\": Absent, \"rash\": Absent, \"seizure\": Absent, \"thrombocytopenia\": Absent, \"urinary_casts\": Absent, \"vasculitis\": Absent, \"visual_disturbance\": Absent}, date: Some(\"2026-11-02\")))";
    edit(&mut session, &[("sledai2k", Some(zero))]);
    let (s1, why) = judged(&session, "S1");
    assert_eq!(s1.outcome, Judgment, "{why}");
    let lapse = s1.lapsed().first().expect("the judgment lapsed");
    assert!(lapse.changes.iter().any(|change| matches!(change, BasisChange::Item { .. })), "{lapse:?}");
}

/// A platelet override recorded at 52 ×10⁹/L still applied at 4.
#[test]
fn an_override_recorded_at_52_lapses_when_platelets_are_4() {
    let mut session = example("v02b-low-platelets-override");
    assert_eq!(judged(&session, "I7.plt").0.outcome, Passes);
    edit(&mut session, &[("platelets", Some("Number((value: 4.0, unit: \"10^9/L\", date: Some(\"2026-10-28\")))"))]);
    let (plt, _) = judged(&session, "I7.plt");
    assert_eq!(plt.outcome, Fails);
    assert!(!plt.lapsed().is_empty());
}

/// A format-1 override recorded at 52: its basis is rebuilt from the trail, so platelets
/// changed to 4 lapse it, even read-only, and today's values never revalidate it.
#[test]
fn a_format_1_override_lapses_on_the_facts_of_its_trail() {
    let text = include_str!("../fixtures/format1-v02b-platelet-override.ron");
    let mut session = trialscreen::session::load::parse_session(text).expect("format 1 loads");
    assert_eq!(session.format_version, 1);
    assert!(session.decisions.iter().all(|d| d.basis.is_none()), "format 1 records no basis");
    let basis = trialscreen::session::migrate::legacy_basis(&session, session.decisions.first().expect("override"))
        .expect("rebuilt from the trail");
    assert!(format!("{:?}", basis.values.get("platelets")).contains("52.0"), "{basis:?}");
    // The file's own decisions are rebuilt as they were recorded: the override holds.
    let plt = |session: &Session| {
        let screening = screen(library(), session);
        let screened = screening.protocols.first().expect("protocol");
        let at = screened.loaded.compiled.protocol.criteria.iter().position(|c| c.id == "I7.plt").expect("I7.plt");
        screened.result.criteria.get(at).cloned().expect("result")
    };
    assert!(plt(&session).lapsed().iter().all(|l| !l.basis_unknown), "{:?}", plt(&session).lapsed());
    let at = session.format1_audit.last().map(|e| e.at).expect("trail") + chrono::Duration::minutes(1);
    let entry = common::entry("Number((value: 4.0, unit: \"10^9/L\", date: Some(\"2026-10-28\")))");
    apply(&mut session, Edit::SetValue { item: "platelets".into(), entry: Some(entry) }, "Dr X", at).expect("edit");
    let current = trialscreen::session::model::FORMAT_VERSION;
    assert_eq!(session.format_version, current, "the first change migrates the session");
    assert!(matches!(
        session.audit.first().map(|e| &e.change),
        Some(trialscreen::session::audit::Change::Migrated { from: 1, to, .. }) if *to == current
    ));
    assert!(
        trialscreen::session::audit::verify(&session).is_intact(),
        "{:?}",
        trialscreen::session::audit::verify(&session).problems
    );
    let result = plt(&session);
    assert_eq!(result.outcome, Fails);
    assert!(!result.lapsed().is_empty(), "the override lapsed");
}

/// "Eligible from" says when other evidence will be outside its window by then.
#[test]
fn eligible_from_says_which_results_will_need_repeating() {
    let session = example("v03-recent-rituximab");
    let screening = screen(library(), &session);
    let screened = screening.protocols.first().expect("protocol");
    let criteria = &screened.loaded.compiled.protocol.criteria;
    let e13 = criteria.iter().position(|c| c.id == "E13").and_then(|i| screened.result.criteria.get(i)).expect("E13");
    let date = e13.eligible_from.expect("E13 eligible from a date");
    let positions = repeat_by_then(&screened.loaded.compiled, &screening.patient, &screened.result, date);
    let repeat: Vec<&str> = positions.iter().filter_map(|&i| criteria.get(i).map(|c| c.id.as_str())).collect();
    assert!(repeat.contains(&"I7.plt"), "{repeat:?}");
    // Each one passes today: only evidence that counts now can age out.
    for &i in &positions {
        assert_eq!(screened.result.criteria.get(i).map(|r| r.outcome), Some(Passes), "{:?}", criteria.get(i));
    }
    // Asked for the screening date itself, nothing moves and nothing is too old.
    let today =
        repeat_by_then(&screened.loaded.compiled, &screening.patient, &screened.result, session.dates.screening);
    assert!(today.is_empty(), "{today:?}");

    // The board and the printout say it where they say the date.
    let view = ScreeningView::of(&screening);
    let note = view
        .protocols
        .first()
        .and_then(|p| p.criteria.iter().find(|c| c.id == "E13"))
        .and_then(|c| c.notes.iter().find(|n| n.kind == NoteKind::EligibleFrom))
        .map(|n| n.text.clone())
        .expect("E13's eligible-from note");
    assert!(note.contains(&date.to_string()) && note.contains("repeat") && note.contains("I7.plt"), "{note}");
}

/// With no enrollment date, every criterion that counts from it says the screening date was
/// used, not only the first one evaluated: I6 said so and E15, evaluated later in the same
/// protocol, did not (the note was looked for among every earlier criterion's facts).
#[test]
fn each_criterion_counting_from_an_unknown_enrollment_says_the_screening_date_was_used() {
    let mut session = example("v01-eligible-adolescent");
    session.dates.enrollment = None;
    for id in ["I6", "E15"] {
        let (_, why) = judged(&session, id);
        assert!(why.contains("enrollment date not yet known, so the screening date was used"), "{id}: {why}");
    }
}

/// A patient's kidney formula inputs and results are computed once and kept, but whether the
/// creatinine and height count is asked in each criterion's own window: a value read inside
/// one window never counts in a narrower one because the formula was already computed.
#[test]
fn computed_kidney_values_count_only_inside_each_window_reading_them() {
    use trialscreen::engine::evaluate::Evaluator;
    use trialscreen::engine::truth::Truth;
    use trialscreen::model::dates::Span;
    use trialscreen::model::rule::{Anchor, Period};

    let mut session = example("v01-eligible-adolescent");
    // Screening is 2026-11-02: 40 days before it, outside 28 days, inside 90.
    edit(
        &mut session,
        &[
            ("creatinine", Some("Number((value: 0.6, unit: \"mg/dL\", date: Some(\"2026-09-23\")))")),
            ("height", Some("Number((value: 158.0, unit: \"cm\", date: Some(\"2026-09-23\")))")),
        ],
    );
    let library = library();
    let loaded = library.get("refractory-sle-age5", 2).expect("seed 000 version 2");
    let position = loaded.compiled.protocol.criteria.iter().position(|c| c.id == "I7.egfr").expect("I7.egfr");
    let rule = &loaded.compiled.criteria.get(position).expect("compiled").rule;
    let patient = facts_of(library, &session);
    let within = |days| Period::Within(Span::Days(days), Anchor::Screening);
    let truth_in = |window: Period| {
        let (mut facts, mut missing) = (Vec::new(), Vec::new());
        let mut evaluator = Evaluator { patient: &patient, facts: &mut facts, missing: &mut missing, window };
        (evaluator.eval(rule).truth, missing)
    };
    let (narrow, missing) = truth_in(within(28));
    assert_eq!(narrow, Truth::Unknown, "a creatinine 40 days old does not count in 28 days");
    assert!(!missing.is_empty(), "it is asked for again");
    assert_eq!(truth_in(within(90)).0, Truth::True, "in 90 days it counts: bedside Schwartz, well above 30");
    assert_eq!(truth_in(within(28)).0, Truth::Unknown, "the kept result does not make it count in 28 days");
    // The height alone out of the narrower window: the kept result does not count either.
    edit(&mut session, &[("creatinine", Some("Number((value: 0.6, unit: \"mg/dL\", date: Some(\"2026-10-28\")))"))]);
    let patient = facts_of(library, &session);
    let truth_in = |window: Period| {
        let (mut facts, mut missing) = (Vec::new(), Vec::new());
        Evaluator { patient: &patient, facts: &mut facts, missing: &mut missing, window }.eval(rule).truth
    };
    assert_eq!(truth_in(within(90)), Truth::True);
    assert_eq!(truth_in(within(28)), Truth::Unknown, "a height 40 days old does not count in 28 days");
    // Kin: Cockcroft-Gault (adults) in seed 003 ALL.10 ("creatinine <= 1.5 x ULN or creatinine
    // clearance >= 30 mL/min"; no ULN entered), with the weight 40 days old.
    let mut session = example("v10a-sle-cohort-sledai-10");
    edit(
        &mut session,
        &[
            ("creatinine", Some("Number((value: 0.8, unit: \"mg/dL\", date: Some(\"2026-10-28\")))")),
            ("weight", Some("Number((value: 62.0, unit: \"kg\", date: Some(\"2026-09-23\")))")),
        ],
    );
    let seed003 = library.get("refractory-autoimmune-5cohort", 2).expect("seed 003 version 2");
    let position = seed003.compiled.protocol.criteria.iter().position(|c| c.id == "ALL.10").expect("ALL.10");
    let clearance = &seed003.compiled.criteria.get(position).expect("compiled").rule;
    let patient = facts_of(library, &session);
    let truth_in = |window: Period| {
        let (mut facts, mut missing) = (Vec::new(), Vec::new());
        Evaluator { patient: &patient, facts: &mut facts, missing: &mut missing, window }.eval(clearance).truth
    };
    assert_eq!(truth_in(within(28)), Truth::Unknown, "a weight 40 days old does not count in 28 days");
    assert_eq!(truth_in(within(90)), Truth::True, "in 90 days it counts: well above 30 mL/min");
    assert_eq!(truth_in(within(28)), Truth::Unknown, "the kept clearance does not make it count in 28 days");
}

/// The patient's facts as the app indexes them, on the suite's evaluation day.
fn facts_of<'a>(
    library: &'a trialscreen::library::Library,
    session: &'a Session,
) -> trialscreen::engine::patient::PatientFacts<'a> {
    let day = common::EVALUATION_DAY;
    trialscreen::engine::patient::PatientFacts::new(
        &library.knowledge,
        &session.values,
        session.dates,
        &session.attestations,
        day,
    )
}
