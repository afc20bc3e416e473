//! The printed summary's model: snapshots of its text rendering for the worked vignettes,
//! and what it says about changes, signatures and a record that does not verify.

use crate::common;

use chrono::{DateTime, TimeZone as _, Utc};
use trialscreen::library::Library;
use trialscreen::report::screening_view::{DecisionEffect, DiscretionView};
use trialscreen::report::summary_model::{SignatureBlock, Summary};
use trialscreen::report::summary_text::to_text;
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Edit, apply, content_hash};
use trialscreen::session::model::Session;
use trialscreen::status::Status;

fn printed_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 14, 5, 0).single().expect("a valid time")
}

fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, hour, minute, 0).single().expect("a valid time")
}

fn summary(library: &Library, session: &Session, file_name: &str) -> Summary {
    let screening = Screening::evaluate(library, session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
    Summary::build(&screening, file_name, printed_at())
}

fn example_summary(name: &str) -> Summary {
    let library = Library::bundled().expect("bundled library");
    summary(&library, &common::example(name), &format!("{name}.ron"))
}

#[test]
fn v01_eligible_adolescent() {
    insta::assert_snapshot!(to_text(&example_summary("v01-eligible-adolescent")));
}

#[test]
fn v02b_platelet_override() {
    let summary = example_summary("v02b-low-platelets-override");
    let protocol = summary.view.protocols.first().expect("one protocol");
    let platelets = protocol.criteria.iter().find(|c| c.id == "I7.plt").expect("I7.plt");
    assert_eq!(platelets.status, Status::Overridden);
    assert!(matches!(platelets.discretion, DiscretionView::Applied { .. }));
    let overrides: Vec<_> = protocol.decisions.iter().filter(|d| d.decision == "override").collect();
    assert_eq!(overrides.len(), 1);
    assert_eq!(overrides.first().map(|d| &d.effect), Some(&DecisionEffect::InForce));
    insta::assert_snapshot!(to_text(&summary));
}

#[test]
fn v03_rituximab_exclusion_with_eligible_from() {
    let summary = example_summary("v03-recent-rituximab");
    let text = to_text(&summary);
    assert!(text.contains("VERDICT ✖ INELIGIBLE (E13)"), "{text}");
    assert!(text.contains("Eligible from 2026-12-11"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn the_source_incomplete_banner_stands_beside_the_verdict() {
    let summary = example_summary("v15b-huc-msc-judged");
    let protocol = summary.view.protocols.first().expect("one protocol");
    assert_eq!(protocol.verdict_words, "ELIGIBLE ON THE AVAILABLE CRITERIA");
    let banner = protocol.source_incomplete().expect("banner");
    assert!(banner.contains("Criteria incomplete in source"), "{banner}");
    assert!(protocol.exclusions_note.is_some());
}

#[test]
fn changes_after_first_entry_show_old_new_who_when_and_reason() {
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v02a-low-platelets");
    let corrected = common::entry(r#"Number((value: 58.0, unit: "10^9/L", uln: None, date: Some("2026-10-28")))"#);
    apply(
        &mut session,
        Edit::SetValue { item: "platelets".into(), entry: Some(corrected) },
        "Dr B. Monitor",
        at(11, 0),
    )
    .expect("edit");
    let mut dates = session.dates;
    dates.enrollment = None;
    apply(&mut session, Edit::SetDates(dates), "Dr A. Investigator", at(11, 5)).expect("edit");
    // A first entry is not a change.
    apply(
        &mut session,
        Edit::SetValue { item: "weight".into(), entry: Some(common::entry(r#"Number((value: 41.0, unit: "kg"))"#)) },
        "Dr A. Investigator",
        at(11, 6),
    )
    .expect("edit");
    let summary = summary(&library, &session, "v02a.ron");
    assert_eq!(summary.changes.len(), 2, "{:?}", summary.changes);
    let platelets = summary.changes.first().expect("platelet change");
    assert_eq!(platelets.what, "Platelet count");
    assert_eq!(platelets.old, "52 ×10⁹/L, 2026-10-28");
    assert_eq!(platelets.new, "58 ×10⁹/L, 2026-10-28");
    assert_eq!(platelets.by, "Dr B. Monitor");
    assert_eq!(platelets.at, at(11, 0));
    let dates_change = summary.changes.get(1).expect("dates change");
    assert!(dates_change.old.ends_with("enrollment / first dose 2026-11-30"), "{}", dates_change.old);
    assert!(dates_change.new.ends_with("enrollment / first dose not yet known"), "{}", dates_change.new);
    let text = to_text(&summary);
    assert!(
        text.contains("#67 2026-11-02 11:00 UTC Dr B. Monitor: Platelet count: 52 ×10⁹/L, 2026-10-28 → 58 ×10⁹/L, 2026-10-28; reason: none recorded"),
        "{text}"
    );
}

/// INR entered as the form enters it, field by field (the value, then its ULN, then its
/// date), is one first entry: no change is printed, though the trail keeps every step. A
/// later change of a part, after another item was entered, and a clearing are corrections.
#[test]
fn a_result_entered_field_by_field_is_one_entry_and_a_later_change_a_correction() {
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v02a-low-platelets");
    let first_step = audit_len(&session);
    let steps = [
        r#"Number((value: 1.1, unit: "ratio"))"#,
        r#"Number((value: 1.1, unit: "ratio", uln: Some(1.2)))"#,
        r#"Number((value: 1.1, unit: "ratio", uln: Some(1.2), date: Some("2026-10-28")))"#,
    ];
    for (minute, step) in steps.iter().enumerate() {
        let entry = common::entry(step);
        apply(
            &mut session,
            Edit::SetValue { item: "inr".into(), entry: Some(entry) },
            "Dr A. Investigator",
            at(11, u32::try_from(minute).unwrap()),
        )
        .expect("edit");
    }
    assert_eq!(audit_len(&session), first_step + 3, "the trail keeps every step");
    let first = summary(&library, &session, "v02a.ron");
    assert!(first.changes.is_empty(), "a first entry is not a change: {:?}", first.changes);

    // Another item, then the INR's date corrected: a correction, with its reason.
    let weight = common::entry(r#"Number((value: 41.0, unit: "kg"))"#);
    apply(&mut session, Edit::SetValue { item: "weight".into(), entry: Some(weight) }, "Dr A. Investigator", at(11, 5))
        .expect("edit");
    let corrected = common::entry(r#"Number((value: 1.1, unit: "ratio", uln: Some(1.2), date: Some("2026-10-29")))"#);
    apply(&mut session, Edit::SetValue { item: "inr".into(), entry: Some(corrected) }, "Dr A. Investigator", at(11, 6))
        .expect("edit");
    // Clearing it.
    apply(&mut session, Edit::SetValue { item: "inr".into(), entry: None }, "Dr A. Investigator", at(11, 7))
        .expect("edit");
    let summary = summary(&library, &session, "v02a.ron");
    let what: Vec<&str> = summary.changes.iter().map(|c| c.what.as_str()).collect();
    assert_eq!(what, ["INR", "INR"], "{:?}", summary.changes);
    assert!(summary.changes[0].old.contains("2026-10-28") && summary.changes[0].new.contains("2026-10-29"));
    assert_eq!(summary.changes[1].new, "not entered", "{:?}", summary.changes[1]);
}

fn audit_len(session: &Session) -> usize {
    session.audit.len()
}

#[test]
fn a_signed_session_prints_name_time_meaning_and_signed_hash() {
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v01-eligible-adolescent");
    let installation = common::installation::Installation::new();
    let identity = installation.signer("Dr A. Investigator");
    // A template gets its session id when saved; signing names it.
    trialscreen::session::sealing::prepare(&mut session, "Dr A. Investigator", at(12, 0)).expect("id");
    trialscreen::session::e_signing::sign(
        &mut session,
        &identity,
        &trialscreen::session::sign_meaning::SignOff::custom("I confirm the eligibility assessment above"),
        Vec::new(),
        "Dr A. Investigator",
        at(12, 0),
    )
    .expect("sign");
    let summary = summary(&library, &session, "v01.ron");
    let SignatureBlock::Signed { by, at: signed_at, meaning, content_sha256, covers_content } = &summary.signature
    else {
        panic!("signed: {:?}", summary.signature)
    };
    assert_eq!(by, "Dr A. Investigator");
    assert_eq!(*signed_at, at(12, 0));
    assert_eq!(meaning, "I confirm the eligibility assessment above");
    assert_eq!(content_sha256, &content_hash(&session));
    assert!(*covers_content);
    assert!(summary.view.verification.intact);
    assert_eq!(summary.signature_history.len(), 1);
    let text = to_text(&summary);
    assert!(text.contains("Signed electronically by Dr A. Investigator at 2026-11-02 12:00 UTC"), "{text}");
}

#[test]
fn an_unsigned_session_prints_lines_to_sign_and_the_current_hash() {
    let summary = example_summary("v01-eligible-adolescent");
    assert_eq!(summary.signature, SignatureBlock::Unsigned);
    let text = to_text(&summary);
    assert!(text.contains(&format!("SHA-256 {}", summary.content_sha256)), "{text}");
}

#[test]
fn a_record_altered_outside_trialscreen_says_it_does_not_verify() {
    // Regression guard: a hand-edited value must never print as an intact record.
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v02a-low-platelets");
    common::edit(&mut session, &[("platelets", Some(r#"Number((value: 80.0, unit: "10^9/L"))"#))]);
    let summary = summary(&library, &session, "v02a.ron");
    assert!(!summary.view.verification.intact);
    let sentence = summary.view.verification.sentence();
    assert!(sentence.starts_with("✖ The record does not verify: "), "{sentence}");
    assert!(sentence.contains("the value of \"platelets\" differs from what the audit trail records"), "{sentence}");
}

/// The golden format-1 signed session on protocol version 1: the printout names what
/// version 2 corrects (the signed record stays on version 1), says that the verdict at
/// signing was not recorded beside today's, and lists what is still needed with why.
#[test]
fn v1_golden_signed_session() {
    let library = Library::bundled().expect("bundled library");
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v1-signed-session.ron"))
        .expect("golden file");
    let session = trialscreen::session::load::parse_session(&text).expect("golden parses");
    let summary = summary(&library, &session, "v1-signed-session.ron");
    let protocol = summary.view.protocols.first().expect("one protocol");
    let notice = protocol.version_notice.as_ref().expect("a newer version is loaded");
    assert!(!notice.notice.rescreen_offered, "a signed record stays on its version");
    let signed = protocol.signed_verdict.as_ref().expect("signed");
    assert_eq!(signed.signed, None, "format 1 recorded no verdict");
    let text = to_text(&summary);
    assert!(
        text.contains(
            "⚠ The verdict at signing was not recorded (format 1); under the current rules INCOMPLETE because"
        ),
        "{text}"
    );
    assert!(text.contains("Blood pregnancy test (1) — enter the sample date"), "{text}");
    insta::assert_snapshot!(text);
}

/// An override recorded at 52 ×10⁹/L printed as in force after the count changed; now the
/// printout says it is out of date, with the value then and now.
#[test]
fn a_lapsed_override_prints_as_out_of_date_with_what_changed() {
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v02b-low-platelets-override");
    let lower = common::entry(r#"Number((value: 4.0, unit: "10^9/L", uln: None, date: Some("2026-10-28")))"#);
    apply(
        &mut session,
        Edit::SetValue { item: "platelets".into(), entry: Some(lower) },
        "Dr A. Investigator",
        at(12, 0),
    )
    .expect("edit");
    let summary = summary(&library, &session, "v02b.ron");
    let protocol = summary.view.protocols.first().expect("one protocol");
    let override_row = protocol.decisions.iter().find(|d| d.decision == "override").expect("the override");
    let DecisionEffect::Lapsed(lapse) = &override_row.effect else { panic!("{:?}", override_row.effect) };
    assert_eq!(override_row.effect.state_id(), "lapsed");
    assert_eq!(
        lapse.sentence(),
        "decision out of date — values changed since it was recorded: Platelet count 52 ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28"
    );
    let platelets = protocol.criteria.iter().find(|c| c.id == "I7.plt").expect("I7.plt");
    assert_eq!(platelets.status, Status::NotMet);
    let text = to_text(&summary);
    assert!(
        text.contains("Recorded override by Dr A. Investigator at 2026-11-02 10:30 UTC: Immune thrombocytopenia"),
        "the row names the decision out of date: {text}"
    );
    assert!(
        text.contains("      Decision out of date — values changed since it was recorded: Platelet count 52"),
        "{text}"
    );
}

/// A withdrawn override stays on the printout, in the decisions table, as withdrawn, with
/// who withdrew it, when and why; `evaluate --json` says the same.
#[test]
fn a_withdrawn_decision_is_printed_as_withdrawn_with_who_when_and_why() {
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v02b-low-platelets-override");
    let edit = Edit::Withdraw {
        protocol: "refractory-sle-age5".into(),
        criterion: "I7.plt".into(),
        is_override: true,
        reason: "Platelets to be repeated before deciding.".into(),
    };
    apply(&mut session, edit, "Dr A. Investigator", at(12, 30)).expect("withdraw");
    let summary = summary(&library, &session, "v02b.ron");
    let protocol = summary.view.protocols.first().expect("one protocol");
    let withdrawn: Vec<_> = protocol.decisions.iter().filter(|d| d.effect.state_id() == "withdrawn").collect();
    assert_eq!(withdrawn.len(), 1, "{:?}", protocol.decisions);
    let text = to_text(&summary);
    assert!(
        text.contains(
            "I7.plt override by Dr A. Investigator at 2026-11-02 10:30 UTC: Immune thrombocytopenia of SLE, no bleeding; platelets stable at 50-55 over 3 months. — withdrawn by Dr A. Investigator at 2026-11-02 12:30 UTC: Platelets to be repeated before deciding."
        ),
        "{text}"
    );
    let json = trialscreen::cli::evaluate::to_json(&summary.view);
    let states: Vec<&str> = json["protocols"][0]["decisions"]
        .as_array()
        .expect("decisions")
        .iter()
        .filter_map(|d| d["state"].as_str())
        .collect();
    assert!(states.contains(&"withdrawn"), "{states:?}");
}
