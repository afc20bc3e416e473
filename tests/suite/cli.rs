//! The command line as a user meets it: exit codes and messages for good and bad files,
//! in a temporary folder, with the real binary.

use std::path::Path;
use std::process::Output;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples");

fn trialscreen(args: &[&str]) -> Output {
    crate::common::trialscreen_command().args(args).output().expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{EXAMPLES}/{name}.ron")).expect("example")
}

/// The binary prints exactly the screening's view as `to_text` renders it (whose whole
/// output `one_view` snapshots for several examples).
#[test]
fn evaluate_prints_the_view_of_the_screening() {
    for name in ["v01-eligible-adolescent", "v03-recent-rituximab", "v02b-low-platelets-override"] {
        let output = trialscreen(&["evaluate", &format!("{EXAMPLES}/{name}.ron")]);
        assert!(output.status.success());
        let session = trialscreen::session::load::parse_session(&example(name)).expect("example");
        let library = crate::common::library();
        // The binary reads the machine's date at its edge; so does this test.
        let screening =
            trialscreen::screening::Screening::evaluate(library, &session, chrono::Local::now().date_naive());
        let view = trialscreen::report::screening_view::ScreeningView::of(&screening);
        assert_eq!(String::from_utf8_lossy(&output.stdout), trialscreen::cli::evaluate::to_text(&view), "{name}");
    }
}

#[test]
fn a_truncated_session_is_reported_with_line_and_column_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let full = example("v01-eligible-adolescent");
    let truncated = &full[..full.len() / 2];
    let path = write(dir.path(), "truncated.ron", truncated);
    let output = trialscreen(&["evaluate", &path]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("truncated.ron cannot be read"), "{message}");
    assert!(message.contains("line "), "{message}");
    assert_eq!(std::fs::read_to_string(&path).expect("still there"), truncated, "the file is never changed");
}

#[test]
fn an_unknown_item_is_named_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = example("v01-eligible-adolescent").replace("\"platelets\"", "\"platelet_count_typo\"");
    let path = write(dir.path(), "unknown-item.ron", &text);
    let output = trialscreen(&["evaluate", &path]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("item \"platelet_count_typo\" is not in the data dictionary"), "{message}");
    let line = text.lines().position(|l| l.contains("platelet_count_typo")).expect("line") + 1;
    assert!(message.contains(&format!("line {line}, column 9")), "{message}");
}

#[test]
fn an_unknown_protocol_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = example("v01-eligible-adolescent").replace("refractory-sle-age5", "no-such-trial");
    let path = write(dir.path(), "unknown-protocol.ron", &text);
    let output = trialscreen(&["evaluate", &path]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("protocol \"no-such-trial\" version 2 is not in this build"), "{message}");
    let line = text.lines().position(|l| l.contains("no-such-trial")).expect("line") + 1;
    assert!(message.contains(&format!("line {line}, column")), "{message}");
}

#[test]
fn an_unknown_field_is_an_error_not_silently_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = example("v01-eligible-adolescent")
        .replace("    investigator:", "    favourite_colour: \"blue\",\n    investigator:");
    let path = write(dir.path(), "unknown-field.ron", &text);
    let output = trialscreen(&["evaluate", &path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("favourite_colour"));
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let output = trialscreen(&["evaluate", "/nonexistent/session.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read /nonexistent/session.ron"));
}

#[test]
fn random_bytes_do_not_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("noise.ron");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&path, &bytes).expect("write");
    let output = trialscreen(&["evaluate", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn deep_nesting_is_refused_by_the_recursion_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!("{}{}", "(".repeat(100_000), ")".repeat(100_000));
    let path = write(dir.path(), "deep.ron", &text);
    let output = trialscreen(&["evaluate", &path]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn check_protocol_accepts_the_bundled_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols");
    let mut args = vec!["check-protocol".to_owned()];
    for entry in std::fs::read_dir(dir).expect("protocols") {
        args.push(entry.expect("entry").path().display().to_string());
    }
    // The bundled files themselves: each is the bundled version of its id, byte for byte.
    let call: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = trialscreen(&call);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert_eq!(text.matches("identical to the bundled").count(), args.len() - 1, "{text}");
    // Copies under new versions compile as site protocols.
    let tmp = tempfile::tempdir().expect("temp dir");
    let copies: Vec<String> = args[1..]
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .expect("protocol")
                .replacen("version: 1,", "version: 91,", 1)
                .replacen("version: 2,", "version: 92,", 1);
            write(tmp.path(), Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or("p.ron"), &text)
        })
        .collect();
    let mut call = vec!["check-protocol"];
    call.extend(copies.iter().map(String::as_str));
    let output = trialscreen(&call);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert_eq!(text.matches('✔').count(), copies.len(), "{text}");
}

/// A file that claims a bundled id and version but differs from it is refused, and so is a
/// second file with the id and version of another given alongside it.
#[test]
fn check_protocol_refuses_a_changed_bundled_version_and_a_repeated_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundled =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols/refractory-sle-age5.v1.ron"))
            .expect("protocol");
    let changed = write(dir.path(), "changed.ron", &bundled.replacen("Ge, 75.0", "Ge, 50.0", 1));
    let new_version = bundled.replacen("version: 1,", "version: 7,", 1);
    let first = write(dir.path(), "first.ron", &new_version);
    let second = write(dir.path(), "second.ron", &new_version);
    let output = trialscreen(&["check-protocol", &changed, &first, &second]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("✖ ")
            && report.contains("changed.ron: claims protocol refractory-sle-age5 version 1, which is already loaded (bundled: refractory-sle-age5.v1.ron)"),
        "{report}"
    );
    assert!(report.contains("✔ ") && report.contains("first.ron: refractory-sle-age5 v7"), "{report}");
    assert!(report.contains("second.ron: protocol refractory-sle-age5 version 7 is also in"), "{report}");
}

/// Meaning errors name the line and column, say "did you mean" for a near name, and tell an
/// agent from an unknown class; a window longer than any protocol can mean is refused where
/// it is written (`Years(357913942)` once wrapped to 8 months).
#[test]
fn check_protocol_places_meaning_errors_and_suggests_near_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundled =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols/refractory-sle-age5.v1.ron"))
            .expect("protocol")
            .replacen("version: 1,", "version: 8,", 1);
    let text = bundled.replacen("Quantity(item: \"platelets\"", "Quantity(item: \"platelet\"", 1).replacen(
        "classes: [\"anti_cd19\", \"anti_cd20\"]",
        "classes: [\"anti_cd19\", \"rituximab\", \"anti_cd2O\"]",
        1,
    );
    let path = write(dir.path(), "typos.ron", &text);
    let output = trialscreen(&["check-protocol", &path]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    // Line and column (1-based, in characters) of the first occurrence.
    let place = |needle: &str| {
        let (line, text) = text.lines().enumerate().find(|(_, l)| l.contains(needle)).expect("line");
        (line + 1, text.get(..text.find(needle).expect("column")).expect("prefix").chars().count() + 1)
    };
    let (line, column) = place("\"platelet\"");
    assert!(
        report.contains(&format!(
            "line {line}, column {column}: I7.plt: item \"platelet\" is not in the data dictionary; did you mean \"platelets\"?"
        )),
        "{report}"
    );
    let (line, column) = place("\"rituximab\"");
    assert!(
        report.contains(&format!("line {line}, column {column}: ")) && report.contains(
            "E13: \"rituximab\" is an agent, not a drug class; name its class here (\"biologic\", \"anti_cd20\"), or use a rule on agents"
        ),
        "{report}"
    );
    assert!(
        report.contains("\"anti_cd2O\" is not a drug class in the catalogue; did you mean \"anti_cd20\"?"),
        "{report}"
    );

    let long = write(
        dir.path(),
        "long.ron",
        &bundled.replacen("Within(Months(3), Screening)", "Within(Years(357913942), Screening)", 1),
    );
    let output = trialscreen(&["check-protocol", &long]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    let line = bundled.lines().position(|l| l.contains("Within(Months(3), Screening)")).expect("line") + 1;
    assert!(report.contains(&format!("long.ron:{line}:")), "{report}");
    assert!(report.contains("357913942 years is longer than any window a protocol can mean"), "{report}");
}

#[test]
fn check_protocol_reports_every_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = crate::common::undecidable_seed000(92)
        .replacen("\"lymphocytes\", unit: \"10^9/L\"", "\"lymphocytes\", unit: \"g/L\"", 1)
        .replacen("\"cd19_b_cells\"", "\"cd19_typo\"", 1)
        .replacen("id: \"I7.hb\"", "id: \"I7.anc\"", 1);
    let path = write(dir.path(), "broken.ron", &text);
    let output = trialscreen(&["check-protocol", &path]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("I7.alc: item \"lymphocytes\" cannot be compared in g/L"), "{report}");
    assert!(report.contains("I7.cd19: item \"cd19_typo\" is not in the data dictionary"), "{report}");
    assert!(report.contains("criterion id \"I7.anc\" is used twice"), "{report}");
    assert!(report.contains("I1: All can never be decided"), "{report}");
    assert!(
        report.contains(
            "a comparison can never be decided: Haemoglobin ≥ 800 g/L is false for every plausible value (19.34 to 250 g/L)"
        ),
        "{report}"
    );
}

#[test]
fn check_protocol_reports_syntax_errors_with_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "syntax.ron", "(\n    id: \"x\",\n    version: one,\n)");
    let output = trialscreen(&["check-protocol", &path]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("syntax.ron:3:"), "{report}");
}

#[test]
fn calc_reproduces_a_kidney_vector_through_the_binary() {
    // admiral 01.07: CKD-EPI 2021, 96.3 µmol/L, 55 y, male → 80.2293 with ÷88.42; 88.4 here.
    let output = trialscreen(&["calc", "egfr-ckd-epi-2021", "creatinine=96.3μmol/L", "age=55", "sex=male", "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let value = json["value"].as_f64().expect("value");
    assert!((value - 80.2293).abs() < 0.05, "{value}");
    assert_eq!(json["unit"], "mL/min/1.73m2");
}

#[test]
fn calc_names_a_missing_input_and_exits_2() {
    let output = trialscreen(&["calc", "crcl-cockcroft-gault", "creatinine=1.09mg/dL", "age=55", "sex=male"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing input \"weight\""));
    let output = trialscreen(&["calc", "egfr-bedside-schwartz", "creatinine=abc", "height=158cm"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("creatinine"));
}

#[test]
fn calc_list_documents_every_calculator() {
    let output = trialscreen(&["calc", "--list"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for name in [
        "egfr-ckd-epi-2021",
        "egfr-bedside-schwartz",
        "egfr-ckid-u25",
        "crcl-cockcroft-gault",
        "sledai2k",
        "bvas-v3",
        "essdai",
        "mmt8",
        "haq-di",
        "mrss",
    ] {
        assert!(text.contains(name), "{name} missing from calc --list");
    }
}

#[test]
fn a_session_stays_on_the_protocol_version_it_was_screened_under() {
    // A site adds version 2 of seed 000 with the platelet threshold raised to 100.
    let dir = tempfile::tempdir().expect("temp dir");
    let v2 = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols/refractory-sle-age5.v1.ron"))
        .expect("protocol")
        .replacen("version: 1,", "version: 3,", 1)
        .replacen(
            "Quantity(item: \"platelets\", unit: \"10^9/L\"), Ge, 75.0",
            "Quantity(item: \"platelets\", unit: \"10^9/L\"), Ge, 100.0",
            1,
        );
    let folder = dir.path().join("protocols");
    std::fs::create_dir(&folder).expect("folder");
    write(&folder, "refractory-sle-age5.v3.ron", &v2);
    let mut session = trialscreen::session::load::parse_session(&example("v01-eligible-adolescent")).expect("V1");
    session.values.insert(
        "platelets".to_owned(),
        trialscreen::session::model::Entry::dated(
            ron::from_str("Number((value: 90.0, unit: \"10^9/L\"))").expect("value"),
            chrono::NaiveDate::from_ymd_opt(2026, 10, 28),
        ),
    );
    let text = |version: u32| {
        let mut pinned = session.clone();
        pinned.protocols[0].version = version;
        pinned.protocols[0].sha256 = None;
        trialscreen::session::store::to_text(&pinned).expect("text")
    };
    let v1_path = write(dir.path(), "v1.ron", &text(1));
    let v2_path = write(dir.path(), "v3.ron", &text(3));
    let run = |path: &str| {
        let output = trialscreen(&["--protocols", &folder.display().to_string(), "evaluate", path, "--json"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let criteria = json["protocols"][0]["criteria"].as_array().cloned().unwrap_or_default();
        let platelets = criteria.into_iter().find(|c| c["id"] == "I7.plt").unwrap_or_default();
        platelets["outcome"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(run(&v1_path), "passes", "screened under version 1: platelets 90 ≥ 75");
    assert_eq!(run(&v2_path), "fails", "version 3: platelets 90 < 100");
}

#[test]
fn evaluate_warns_when_the_trail_does_not_verify() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = example("v01-eligible-adolescent");
    let index = text.find("value: 160.0").expect("platelets");
    let altered = format!("{}value: 16.0{}", &text[..index], &text[index + "value: 160.0".len()..]);
    let path = write(dir.path(), "altered.ron", &altered);
    let output = trialscreen(&["evaluate", &path]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("The audit trail does not verify"));
    let output = trialscreen(&["evaluate", &path, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["audit"]["intact"], false);
    let output = trialscreen(&["verify", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("the value of \"platelets\""));
    let output = trialscreen(&["verify", "/nonexistent.ron"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Regression: a stability rule used to look through every fact recorded for the
/// protocol, so an exposure named by an earlier criterion (I4) hid "no matching treatment"
/// from I6's explanation, which came out empty.
#[test]
fn i6_says_no_current_treatment_even_when_i4_named_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = trialscreen::session::load::parse_session(&example("v01-eligible-adolescent")).expect("V1");
    session.values.insert(
        "treatment_history".to_owned(),
        trialscreen::session::model::Entry::new(
            ron::from_str(
                "Treatments([(agent: \"belimumab\", last_dose: Some(\"2026-08-01\"), response: Some(Inadequate))])",
            )
            .expect("value"),
        ),
    );
    // Attested complete: the absence of a current treatment is then a fact.
    let list = session.values.get("treatment_history").map(|e| e.value.clone()).expect("history");
    session.attestations = vec![trialscreen::session::model::Attestation {
        item: "treatment_history".to_owned(),
        by: "Dr A".to_owned(),
        at: chrono::Utc::now(),
        list,
    }];
    let path = write(dir.path(), "i6.ron", &trialscreen::session::store::to_text(&session).expect("text"));
    let output = trialscreen(&["evaluate", &path, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let i6 = json["protocols"][0]["criteria"].as_array().and_then(|c| c.iter().find(|c| c["id"] == "I6")).expect("I6");
    assert_eq!(i6["outcome"], "fails");
    assert!(i6["explanation"].as_str().unwrap_or_default().contains("no matching treatment"), "{i6}");
}

const GOLDEN_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v1-signed-session.ron");

/// `evaluate` says of a signed record what the window and the printout say: its signed
/// verdict (not recorded by format 1) beside today's, the readings a newer version
/// corrects, every decision's state, and why each still-needed item is needed.
#[test]
fn evaluate_states_the_signed_verdict_the_newer_version_and_each_decision() {
    let output = trialscreen(&["evaluate", GOLDEN_V1, "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let protocol = &json["protocols"][0];
    let signed = &protocol["signed_verdict"];
    assert_eq!(signed["signed"], serde_json::Value::Null, "format 1 recorded no verdict");
    assert_eq!(signed["now"], "incomplete");
    assert_eq!(signed["differs"], true);
    assert!(
        signed["because"]
            .as_array()
            .is_some_and(|b| b.iter().any(|r| r == "I7.lvef, I7.spo2, I8, E4, E10, E11, E13, E14, E15, E18 missing")),
        "{signed}"
    );
    assert_eq!(protocol["newer_version"]["version"], 2);
    assert_eq!(protocol["newer_version"]["rescreen_offered"], false, "a signed record stays on version 1");
    let decisions = protocol["decisions"].as_array().expect("decisions");
    assert_eq!(decisions.len(), 2);
    assert!(decisions.iter().all(|d| d["state"] == "in_force"), "{decisions:?}");
    let needed = protocol["still_needed"].as_array().expect("still needed");
    let pregnancy = needed.iter().find(|n| n["item"] == "serum_pregnancy_test").expect("blood pregnancy test");
    assert_eq!(pregnancy["reasons"], serde_json::json!(["enter the sample date"]));

    let output = trialscreen(&["evaluate", GOLDEN_V1]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("⚠ The verdict at signing was not recorded (format 1); under the current rules INCOMPLETE because I7.lvef, I7.spo2, I8, E4, E10, E11, E13, E14, E15, E18 missing"),
        "{text}"
    );
    assert!(text.contains("(the signed record stays on version 1):"), "{text}");
    assert!(text.contains("Blood pregnancy test (1) — enter the sample date"), "{text}");
}

/// A decision whose facts changed is "lapsed" in the JSON, with each change old → new,
/// and out of date in the text; the keys that were there stay.
#[test]
fn evaluate_states_a_lapsed_override_with_what_changed() {
    use trialscreen::session::audit::{Edit, apply};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut session = trialscreen::session::load::parse_session(&example("v02b-low-platelets-override")).expect("V2b");
    let mut entry = session.values.get("platelets").cloned().expect("platelets");
    if let trialscreen::model::values::Value::Number(m) = &mut entry.value {
        m.value = 4.0;
    }
    let at = chrono::DateTime::from_timestamp(1_793_000_000, 0).expect("time");
    apply(&mut session, Edit::SetValue { item: "platelets".into(), entry: Some(entry) }, "Dr A. Investigator", at)
        .expect("edit");
    let path = write(dir.path(), "lapsed.ron", &trialscreen::session::store::to_text(&session).expect("text"));
    let output = trialscreen(&["evaluate", &path, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let protocol = &json["protocols"][0];
    let lapsed = protocol["decisions"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["criterion"] == "I7.plt"))
        .expect("the override");
    assert_eq!(lapsed["state"], "lapsed");
    assert_eq!(lapsed["decision"], "override");
    assert_eq!(lapsed["why"], serde_json::json!(["values changed since it was recorded"]));
    assert_eq!(
        lapsed["changes"],
        serde_json::json!([{"item": "platelets", "what": "Platelet count", "old": "52 ×10⁹/L, 2026-10-28", "new": "4 ×10⁹/L, 2026-10-28"}])
    );
    let platelets =
        protocol["criteria"].as_array().and_then(|c| c.iter().find(|c| c["id"] == "I7.plt")).expect("I7.plt");
    assert_eq!(platelets["override"], serde_json::Value::Null, "the existing key: no override in force");
    assert_eq!(platelets["discretion_available"], true, "decided again through the same Override…");

    let output = trialscreen(&["evaluate", &path]);
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().find(|l| l.contains(" I7.plt ")).expect("I7.plt line");
    assert!(
        line.contains("; Decision out of date — values changed since it was recorded: Platelet count 52 ×10⁹/L, 2026-10-28 → 4 ×10⁹/L, 2026-10-28; decide again. Recorded override by Dr A. Investigator at 2026-11-02 10:30 UTC: Immune"),
        "{line}"
    );
}

/// `vocabulary` lists every name a rule may use: each dictionary item, agent, class, unit and
/// instrument of the bundled library, in text and JSON.
#[test]
fn vocabulary_lists_every_name_a_rule_may_use() {
    let library = crate::common::library();
    let output = trialscreen(&["vocabulary", "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let ids = |part: &str, key: &str| -> Vec<String> {
        json[part].as_array().expect(part).iter().map(|row| row[key].as_str().expect(key).to_owned()).collect()
    };
    let items: Vec<String> = library.knowledge.dictionary.items.iter().map(|i| i.id.clone()).collect();
    assert_eq!(ids("items", "id"), items);
    let agents: Vec<String> = library.knowledge.catalogue.agents.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids("drugs", "id"), agents);
    let classes: Vec<String> = library.knowledge.catalogue.classes.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids("classes", "id"), classes);
    let units: Vec<String> = trialscreen::model::units::Unit::all().iter().map(|u| u.code().to_owned()).collect();
    assert_eq!(ids("units", "code"), units);
    assert_eq!(ids("instruments", "id").len(), trialscreen::model::instrument::InstrumentId::all().len());
    let platelets =
        json["items"].as_array().expect("items").iter().find(|i| i["id"] == "platelets").expect("platelets");
    assert_eq!(platelets["units"][0], "10^9/L");
    assert_eq!(platelets["dated"], true);

    let output = trialscreen(&["vocabulary", "classes"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("CLASSES (id — label — agents)\n"), "{text}");
    assert!(text.contains("  anti_cd20 — "), "{text}");
    assert!(!text.contains("ITEMS"), "{text}");
}

/// One bad file in a site's protocol folder stops no other trial: a session pinning a good
/// site protocol is evaluated, with a warning naming the bad file, line and column; a
/// session pinning the bad one is refused as not loaded, after the same warning.
#[test]
fn a_bad_site_protocol_file_is_said_and_stops_no_other_trial() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundled =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols/refractory-sle-age5.v1.ron"))
            .expect("protocol");
    let folder = dir.path().join("protocols");
    std::fs::create_dir(&folder).expect("folder");
    write(&folder, "good.ron", &bundled.replacen("version: 1,", "version: 5,", 1));
    let bad = bundled.replacen("version: 1,", "version: 6,", 1).replacen("\"platelets\"", "\"platelet\"", 1);
    write(&folder, "bad.ron", &bad);
    let session = trialscreen::session::load::parse_session(&example("v01-eligible-adolescent")).expect("V1");
    let pinned = |version: u32| {
        let mut pinned = session.clone();
        pinned.protocols[0].version = version;
        pinned.protocols[0].sha256 = None;
        write(dir.path(), &format!("v{version}.ron"), &trialscreen::session::store::to_text(&pinned).expect("text"))
    };
    let folder = folder.display().to_string();
    let line = bad.lines().position(|l| l.contains("\"platelet\"")).expect("line") + 1;

    let output = trialscreen(&["--protocols", &folder, "evaluate", &pinned(5)]);
    let warning = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{warning}");
    assert!(warning.contains("⚠ site protocol ") && warning.contains("bad.ron was not loaded"), "{warning}");
    assert!(warning.contains(&format!("line {line}, column ")), "{warning}");
    assert!(warning.contains("did you mean \"platelets\"?"), "{warning}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("refractory-sle-age5 v5"));

    let output = trialscreen(&["--protocols", &folder, "evaluate", &pinned(6)]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(message.contains("bad.ron was not loaded"), "{message}");
    assert!(message.contains("refractory-sle-age5") && message.contains("not loaded"), "{message}");

    // `check-protocol` with the folder alone checks it, naming each file once.
    let output = trialscreen(&["--protocols", &folder, "check-protocol"]);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{printed}");
    assert!(printed.contains(&format!("Protocol folder {folder}")), "{printed}");
    assert!(printed.contains("✔ ") && printed.contains("good.ron: refractory-sle-age5 v5"), "{printed}");
    let bad_line = printed.lines().find(|l| l.starts_with("✖ ")).expect("the bad file's line");
    assert_eq!(bad_line.matches("bad.ron").count(), 1, "{printed}");
    for stream in [String::from_utf8_lossy(&output.stderr), printed] {
        for line in stream.lines().filter(|l| l.contains("bad.ron")) {
            assert_eq!(line.matches("bad.ron").count(), 1, "the file named once: {line}");
        }
    }
}

/// `new-protocol` writes a commented skeleton that `check-protocol` accepts as written, and
/// never overwrites a file.
#[test]
fn new_protocol_writes_a_skeleton_that_passes_check_protocol() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("site-trial.v1.ron").display().to_string();
    let output = trialscreen(&["new-protocol", "site-trial", "-o", &path]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let written = std::fs::read_to_string(&path).expect("skeleton");
    assert!(written.contains("id: \"site-trial\"") && written.contains("// "), "{written}");
    let output = trialscreen(&["check-protocol", &path]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("site-trial v1, 2 criteria"));

    let output = trialscreen(&["new-protocol", "another", "-o", &path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is never overwritten"));
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), written, "the file is left as it was");
    let output = trialscreen(&["new-protocol", "refractory-sle-age5", "-o", &format!("{path}.2")]);
    assert_eq!(output.status.code(), Some(2), "a bundled id is refused");
}
