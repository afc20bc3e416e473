//! The session file as a clinical source record: saves are atomic and read back exactly,
//! every change is in a verified trail, tampering is caught, bad files are reported and
//! never changed.

use crate::common;

use chrono::{Duration, TimeZone as _, Utc};
use trialscreen::files::FileHead;
use trialscreen::session::audit::{Edit, EditError, Problem, apply, verify};
use trialscreen::session::load::{SessionError, parse_session};
use trialscreen::session::model::{Decision, DecisionKind, FORMAT_VERSION, Session};
use trialscreen::session::store::{self, OpenError, backup_path, to_text};

use crate::common::installation::Installation;

fn v1() -> Session {
    common::example("v01-eligible-adolescent")
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).single().expect("time")
}

fn platelets(value: f64) -> Edit {
    Edit::SetValue {
        item: "platelets".to_owned(),
        entry: Some(common::entry(&format!("Number((value: {value:?}, unit: \"10^9/L\"))"))),
    }
}

#[test]
fn every_example_verifies() {
    for entry in std::fs::read_dir(common::EXAMPLES).expect("examples") {
        let path = entry.expect("entry").path();
        let (session, _) = store::open(&path).expect("example opens");
        let report = verify(&session);
        assert!(report.is_intact(), "{}: {:?}", path.display(), report.problems);
    }
}

#[test]
fn save_and_open_round_trip_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    let path = dir.path().join("v1.ron");
    let mut session = v1();
    apply(&mut session, platelets(52.0), "Dr B", now()).expect("edit");
    let head = installation.save(&mut session, &path, &FileHead::Absent);
    let (reopened, _) = store::open(&path).expect("open");
    assert_eq!(reopened, session);
    assert!(verify(&reopened).is_intact());
    // Saving again keeps the previous version as a backup.
    apply(&mut session, platelets(53.0), "Dr B", now()).expect("edit");
    installation.save(&mut session, &path, &head);
    let (backup, _) = store::open(&backup_path(&path)).expect("backup opens");
    assert_eq!(backup.values.get("platelets"), reopened.values.get("platelets"));
}

#[cfg(unix)]
#[test]
fn session_files_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.ron");
    Installation::new().save(&mut v1(), &path, &FileHead::Absent);
    let mode = std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn replaying_the_trail_reproduces_the_values() {
    let mut session = v1();
    for (n, value) in [52.0, 60.0, 75.0].into_iter().enumerate() {
        apply(&mut session, platelets(value), "Dr B", now() + Duration::minutes(n as i64)).expect("edit");
    }
    apply(&mut session, Edit::SetValue { item: "igg".to_owned(), entry: None }, "Dr B", now()).expect("clear");
    let report = verify(&session);
    assert!(report.is_intact(), "{:?}", report.problems);
    assert!(!session.values.contains_key("igg"));
}

#[test]
fn an_edit_that_changes_nothing_records_nothing() {
    let mut session = v1();
    let before = session.audit.len();
    let same = session.values.get("platelets").cloned();
    apply(&mut session, Edit::SetValue { item: "platelets".to_owned(), entry: same }, "Dr B", now()).expect("edit");
    assert_eq!(session.audit.len(), before);
}

fn override_decision(reason: &str) -> Decision {
    Decision {
        protocol: "refractory-sle-age5".to_owned(),
        criterion: "I7.plt".to_owned(),
        kind: DecisionKind::Override,
        question: Some("override".to_owned()),
        reason: reason.to_owned(),
        by: "Dr B".to_owned(),
        at: now(),
        basis: None,
    }
}

#[test]
fn overrides_judgments_and_withdrawals_need_a_reason() {
    let mut session = v1();
    let before = session.clone();
    assert_eq!(
        apply(&mut session, Edit::Decide(override_decision("  ")), "Dr B", now()),
        Err(EditError::ReasonRequired("an override"))
    );
    assert_eq!(session, before, "a refused edit changes nothing");
    apply(&mut session, Edit::Decide(override_decision("ITP, no bleeding")), "Dr B", now()).expect("override");
    let withdraw = |reason: &str| Edit::Withdraw {
        protocol: "refractory-sle-age5".to_owned(),
        criterion: "I7.plt".to_owned(),
        is_override: true,
        reason: reason.to_owned(),
    };
    assert_eq!(apply(&mut session, withdraw(""), "Dr B", now()), Err(EditError::ReasonRequired("a withdrawal")));
    apply(&mut session, withdraw("Platelets recovered"), "Dr B", now()).expect("withdraw");
    assert!(!session.decisions.iter().any(|d| d.criterion == "I7.plt"));
    let last = session.audit.last().expect("entry");
    assert_eq!(last.reason.as_deref(), Some("Platelets recovered"));
    assert!(verify(&session).is_intact());
    assert!(matches!(apply(&mut session, withdraw("again"), "Dr B", now()), Err(EditError::NothingToWithdraw { .. })));
}

#[test]
fn a_signed_session_is_read_only_and_an_amendment_keeps_the_old_signature() {
    let installation = Installation::new();
    let mut session = v1();
    installation.sign_session(&mut session, "Dr A. Investigator", now());
    let signature = session.signature.clone().expect("signed");
    assert!(signature.electronic.is_some());
    assert!(verify(&session).is_intact(), "{:?}", verify(&session).problems);
    assert_eq!(apply(&mut session, platelets(52.0), "Dr A", now()), Err(EditError::Signed));
    let identity = installation.signer("Dr A. Investigator");
    let refused = trialscreen::session::e_signing::amend(&mut session, &identity, " ", now()).expect_err("no reason");
    assert!(refused.to_string().contains("a reason is required for an amendment to a signed session"), "{refused}");
    installation.amend_session(&mut session, "Dr A. Investigator", "Platelet result corrected by the lab", now());
    assert!(session.signature.is_none());
    apply(&mut session, platelets(150.0), "Dr A", now()).expect("edit after amendment");
    let trail_signatures = session
        .audit
        .iter()
        .filter(
            |e| matches!(&e.change, trialscreen::session::audit::Change::Signed { signature: s } if *s == signature),
        )
        .count();
    assert_eq!(trail_signatures, 1, "the invalidated signature stays in the trail");
    assert!(verify(&session).is_intact());
}

#[test]
fn the_clock_going_backwards_is_flagged() {
    let mut session = v1();
    let last = session.audit.last().expect("entry").at;
    apply(&mut session, platelets(52.0), "Dr B", last - Duration::hours(3)).expect("edit");
    let report = verify(&session);
    assert!(report.is_intact());
    assert_eq!(report.clock_went_back, vec![session.audit.len() as u64]);
}

/// Every number and date in the file, changed in turn: each change is refused or caught.
#[test]
fn tampering_with_any_stored_number_or_date_is_caught() {
    let mut session = v1();
    Installation::new().sign_session(&mut session, "Dr A", now());
    let text = to_text(&session).expect("text");
    let mut positions = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            // The last digit of each number (dates too: their day digit).
            positions.push(i - 1);
            let _ = start;
        } else {
            i += 1;
        }
    }
    assert!(positions.len() > 300, "the file has many numbers ({})", positions.len());
    let mut caught = 0;
    for &position in &positions {
        let mut altered = text.clone().into_bytes();
        let digit = altered[position];
        altered[position] = if digit == b'.' {
            continue;
        } else if digit == b'8' {
            b'1'
        } else {
            digit + 1 - if digit == b'9' { 9 } else { 0 }
        };
        let Ok(altered) = String::from_utf8(altered) else { continue };
        match parse_session(&altered) {
            Err(_) => caught += 1,
            Ok(parsed) if parsed == session => caught += 1, // not a change (e.g. a comment)
            Ok(parsed) => {
                let report = verify(&parsed);
                assert!(
                    !report.is_intact(),
                    "a change at byte {position} went unnoticed: {}",
                    &text[position.saturating_sub(40)..position + 5]
                );
                caught += 1;
            }
        }
    }
    assert_eq!(caught, positions.len());
}

#[test]
fn a_verify_failure_names_the_value() {
    let mut session = v1();
    session.values.insert("platelets".to_owned(), common::entry("Number((value: 16.0, unit: \"10^9/L\"))"));
    let report = verify(&session);
    assert_eq!(report.problems, vec![Problem::ValueAltered { what: "the value of \"platelets\"".to_owned() }]);
    let mut session = v1();
    if let Some(entry) = session.audit.get_mut(5) {
        entry.actor = "Someone else".to_owned();
    }
    assert_eq!(verify(&session).problems, vec![Problem::EntryAltered { seq: 6 }]);
}

/// The golden file of format version 1 must load and verify forever. It was signed ELIGIBLE;
/// under the evidence rules of format 2 its undated results and unattested treatment history
/// make it INCOMPLETE (its values are shown as signed, never rewritten), while its
/// judgments, rebuilt from its trail, stay in force.
#[test]
fn golden_format_1_loads_forever() {
    let text = include_str!("../golden/v1-signed-session.ron");
    let session = parse_session(text).expect("format 1 loads");
    assert_eq!(session.format_version, 1);
    assert!(session.awaits_migration());
    assert!(session.signature.is_some());
    assert!(verify(&session).is_intact(), "{:?}", verify(&session).problems);
    let library = trialscreen::library::Library::bundled().expect("library");
    trialscreen::session_check::check_session(&session, text, &library).expect("consistent");
    let screening = trialscreen::screening::Screening::evaluate(
        &library,
        &session,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    );
    let screened = screening.protocols.first().expect("one protocol");
    assert_eq!(screened.loaded.compiled.protocol.version, 1, "evaluated under the version it was screened under");
    assert_eq!(screened.result.verdict, trialscreen::engine::protocol_eval::Verdict::Incomplete);
    assert!(screened.newer_version.is_some(), "version 2's corrections are offered");
    let outcome = |id: &str| {
        let position = screened.loaded.compiled.protocol.criteria.iter().position(|c| c.id == id).expect("criterion");
        let result = screened.result.criteria.get(position).expect("result");
        let why = trialscreen::engine::explain::explain(
            &screened.loaded.compiled,
            &screened.result,
            result,
            &screening.patient,
        );
        (result.outcome, why)
    };
    use trialscreen::engine::protocol_eval::Outcome::{Missing, Passes};
    let (i8, why) = outcome("I8");
    assert_eq!(i8, Missing);
    assert!(why.contains("Urine pregnancy test has no date: enter the sample date"), "{why}");
    let (e10, why) = outcome("E10");
    assert_eq!(e10, Missing);
    assert!(why.contains("HBsAg has no date"), "{why}");
    let (e13, why) = outcome("E13");
    assert_eq!(e13, Missing);
    assert!(why.contains("treatment history not attested complete"), "{why}");
    // Its judgments rest on facts replayed from its trail, unchanged since: in force.
    assert_eq!(outcome("E2").0, Passes);
    assert_eq!(outcome("E22").0, Passes);
    // An amendment migrates it straight to format 3, its format-1 entries kept verbatim.
    let mut amended = session.clone();
    Installation::new().amend_session(&mut amended, "Dr A. Investigator", "Results to be dated", now());
    assert!(matches!(
        amended.audit.first().map(|entry| &entry.change),
        Some(trialscreen::session::audit::Change::Migrated { from: 1, to: FORMAT_VERSION, session_id: Some(_) })
    ));
    assert_eq!(amended.format1_audit, session.format1_audit);
    assert!(verify(&amended).is_intact(), "{:?}", verify(&amended).problems);
}

fn unchanged_after_failed_open(name: &str, bytes: &[u8]) -> OpenError {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let error = store::open(&path).expect_err("refused");
    assert_eq!(std::fs::read(&path).expect("still there"), bytes, "the file is never changed");
    error
}

#[test]
fn bad_files_are_reported_and_left_untouched() {
    let good = to_text(&v1()).expect("text");
    let truncated = unchanged_after_failed_open("truncated.ron", &good.as_bytes()[..good.len() / 3]);
    assert!(matches!(truncated, OpenError::Invalid { error: SessionError::Syntax { .. }, .. }), "{truncated}");
    let noise: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    unchanged_after_failed_open("noise.ron", &noise);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep = unchanged_after_failed_open("deep.ron", deep.as_bytes());
    assert!(deep.to_string().contains("line 1"), "{deep}");
    let unknown = good.replacen("    investigator:", "    favourite_colour: \"blue\",\n    investigator:", 1);
    let unknown = unchanged_after_failed_open("unknown-field.ron", unknown.as_bytes());
    assert!(unknown.to_string().contains("favourite_colour"), "{unknown}");
    let newer = good.replacen("format_version: 5,", "format_version: 6,", 1);
    let newer = unchanged_after_failed_open("newer.ron", newer.as_bytes());
    assert!(matches!(newer, OpenError::Invalid { error: SessionError::NewerFormat { found: 6, .. }, .. }), "{newer}");
    assert!(newer.to_string().contains("newer trialscreen"), "{newer}");
    // A newer file with a field this build does not know still says "newer".
    let newer_with_field = good.replacen("format_version: 5,", "format_version: 6,\n    site_extension: (a: 1),", 1);
    let newer_with_field = unchanged_after_failed_open("newer-field.ron", newer_with_field.as_bytes());
    assert!(
        matches!(newer_with_field, OpenError::Invalid { error: SessionError::NewerFormat { .. }, .. }),
        "{newer_with_field}"
    );
}

#[test]
fn a_200_megabyte_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(200 * 1024 * 1024).expect("sparse file");
    let error = store::open(&path).expect_err("refused");
    assert!(matches!(error, OpenError::TooLarge { .. }), "{error}");
    assert_eq!(std::fs::metadata(&path).expect("still there").len(), 200 * 1024 * 1024);
}

/// Every released format-2, format-3 and format-4 file must load, verify and migrate forever.
/// Verifying them under the current format's types proves the point the formats rest on: an
/// older entry serializes, and so hashes, byte for byte as its format wrote it (the fields
/// later formats added are absent when empty), so older entries stay in `audit` as they are.
#[test]
fn golden_formats_2_3_and_4_load_verify_and_migrate_forever() {
    let library = trialscreen::library::Library::bundled().expect("library");
    let installation = Installation::new();
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text, format) in [
        ("v2-session.ron", include_str!("../golden/v2-session.ron"), 2),
        ("v2-migrated-signed-session.ron", include_str!("../golden/v2-migrated-signed-session.ron"), 2),
        ("v3-session.ron", include_str!("../golden/v3-session.ron"), 3),
        ("v4-session.ron", include_str!("../golden/v4-session.ron"), 4),
    ] {
        let session = parse_session(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(session.format_version, format, "{name}");
        assert!(session.awaits_migration());
        if format < 4 {
            assert!(session.seal.is_none(), "{name}: no seal before format 4's examples");
            assert!(
                session.protocols.iter().all(|reference| reference.vocabulary.is_none()),
                "{name}: no pin before 4"
            );
        }
        if format == 2 {
            assert!(session.session_id.is_none());
        }
        for entry in &session.audit {
            assert_eq!(
                trialscreen::session::audit::entry_hash(entry),
                entry.sha256,
                "{name}: entry {} no longer hashes as format {format} wrote it",
                entry.seq
            );
        }
        assert!(verify(&session).is_intact(), "{name}: {:?}", verify(&session).problems);
        trialscreen::session_check::check_session(&session, text, &library).expect("consistent");
        // Migrated: a signed one by an amendment, signed by its author; then sealed at its save.
        let mut migrated = session.clone();
        if migrated.is_signed() {
            installation.amend_session(&mut migrated, "Dr B. Investigator", "Corrected after monitoring", now());
        } else {
            apply(&mut migrated, platelets(60.0), "Dr A. Investigator", now()).expect("first change migrates");
        }
        assert_eq!(migrated.format_version, FORMAT_VERSION);
        let migration = migrated.audit.iter().find_map(|entry| match entry.change {
            trialscreen::session::audit::Change::Migrated { from, to: FORMAT_VERSION, session_id: Some(id) }
                if from == format =>
            {
                Some(id)
            }
            _ => None,
        });
        assert!(migration.is_some(), "{name}: the migration and its session id are in the trail");
        assert_eq!(migrated.session_id, migration);
        if format >= 3 {
            // A format-3 file that has its id (any saved one) keeps it through the migration.
            let mut saved = session.clone();
            let id = migrated.session_id.expect("an id");
            saved.session_id = Some(id);
            apply(&mut saved, platelets(61.0), "Dr A. Investigator", now()).expect("first change migrates");
            assert_eq!(saved.session_id, Some(id), "{name}: a format-3 file keeps its id");
        }
        assert!(verify(&migrated).is_intact(), "{name}: {:?}", verify(&migrated).problems);
        let path = dir.path().join(name);
        installation.save(&mut migrated, &path, &FileHead::Absent);
        let (reopened, reopened_text) = store::open(&path).expect("reopens");
        assert_eq!(reopened, migrated);
        assert!(reopened_text.contains(&format!("format_version: {FORMAT_VERSION},")));
        assert!(verify(&reopened).is_intact());
    }
}
