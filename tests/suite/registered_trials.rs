//! The two registered trials of `examples/sites/` (MSC-ROLE, NCT03917797; autologous HSCT in
//! systemic sclerosis, NCT03444805), each a site folder loaded with `--site`: their example
//! sessions give the verdicts they state, and the rule language's constructs they need are
//! tried at their boundaries, with missing data and in their explanations — named anchor
//! dates (randomisation, transplant, the current flare), a new start against a continuing
//! course, a result's method, a class in a set with a window and a combination put to the
//! investigator, either of two classification sets, look-back windows, an attestation, a line
//! that constrains nothing, and the registry's own labels. Each runs the binary, as a site
//! would: a site's units are registered per process.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value as Json;
use trialscreen::model::units::Unit;
use trialscreen::model::values::{Measurement, Occurrence, Value, YesNo};
use trialscreen::session::load::parse_session;
use trialscreen::session::model::{Entry, Session};

const MSC_ROLE: &str = "NCT03917797";
const HSCT_SSC: &str = "NCT03444805";

fn site(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sites").join(name)
}

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn example(site_name: &str, file: &str) -> Session {
    register_site_units();
    let text = std::fs::read_to_string(site(site_name).join("sessions").join(file)).expect("example session");
    parse_session(&text).expect("parses")
}

/// `trialscreen --site SITE evaluate FILE --json` for a session written to a temporary file.
fn evaluate(site_name: &str, session: &Session) -> Json {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.ron");
    std::fs::write(&path, trialscreen::session::store::to_text(session).expect("text")).expect("write");
    evaluate_file(site_name, &path)
}

fn evaluate_file(site_name: &str, path: &Path) -> Json {
    let output = crate::common::trialscreen_command()
        .arg("--site")
        .arg(site(site_name))
        .arg("evaluate")
        .arg(path)
        .arg("--json")
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn criterion<'a>(json: &'a Json, id: &str) -> &'a Json {
    json["protocols"][0]["criteria"].as_array().expect("criteria").iter().find(|c| c["id"] == id).expect(id)
}

/// A criterion's outcome and explanation.
fn outcome(json: &Json, id: &str) -> (String, String) {
    let row = criterion(json, id);
    (row["outcome"].as_str().unwrap_or_default().to_owned(), row["explanation"].as_str().unwrap_or_default().to_owned())
}

/// The verdict with the criteria that make a patient ineligible: "INELIGIBLE (I3.c, E2)".
fn verdict(json: &Json) -> String {
    let protocol = &json["protocols"][0];
    let text = protocol["verdict_text"].as_str().unwrap_or_default().to_owned();
    let by: Vec<&str> = protocol["ineligible_by"].as_array().into_iter().flatten().filter_map(Json::as_str).collect();
    if by.is_empty() { text } else { format!("{text} ({})", by.join(", ")) }
}

fn set(session: &mut Session, item: &str, value: Value, date: Option<&str>) {
    session.values.insert(item.to_owned(), Entry::dated(value, date.map(d)));
}

/// A measurement in a bundled or a site unit. Values are built in this process, so the sites'
/// units are registered here too (the same definitions as `site_units.rs` registers: a second
/// registration of the same definitions is a no-op).
fn number(value: f64, unit: &str) -> Value {
    register_site_units();
    Value::Number(Measurement { value, unit: Unit::parse(unit).expect("unit"), uln: None })
}

fn register_site_units() {
    static REGISTERED: std::sync::Once = std::sync::Once::new();
    REGISTERED.call_once(|| {
        for site_name in [MSC_ROLE, HSCT_SSC] {
            let text = std::fs::read_to_string(site(site_name).join("units.ron")).expect("units");
            trialscreen::library::site::register_units(trialscreen::library::site::SiteFile {
                name: "units.ron",
                text: &text,
            })
            .expect("the sites' units register");
        }
    });
}

/// The rows of the session's treatment history.
fn history_rows(session: &mut Session) -> &mut Vec<trialscreen::model::values::Exposure> {
    match session.values.get_mut("treatment_history") {
        Some(Entry { value: Value::Treatments(rows), .. }) => rows,
        _ => panic!("the session has a treatment history"),
    }
}

/// The investigator attests the treatment history complete as it stands.
fn attest_history(session: &mut Session) {
    let list = session.values["treatment_history"].value.clone();
    session.attestations.clear();
    session.attestations.push(trialscreen::model::record::Attestation {
        item: "treatment_history".to_owned(),
        by: "Dr A. Investigator".to_owned(),
        at: chrono::Utc::now(),
        list,
    });
}

fn with_method(session: &mut Session, item: &str, method: Option<&str>) {
    let entry = session.values.get_mut(item).expect("entered");
    entry.method = method.map(str::to_owned);
}

#[test]
fn the_example_sessions_give_their_stated_verdicts_and_the_sites_check_clean() {
    for (site_name, file, expected) in [
        (MSC_ROLE, "msc-role-a-eligible.ron", "ELIGIBLE"),
        (MSC_ROLE, "msc-role-b-new-mmf-low-upc.ron", "INELIGIBLE (I3.c, E2)"),
        (HSCT_SSC, "hsct-ssc-a-eligible.ron", "ELIGIBLE"),
        (HSCT_SSC, "hsct-ssc-b-pvr-smoker.ron", "INELIGIBLE (E3.b, E8)"),
    ] {
        let json = evaluate_file(site_name, &site(site_name).join("sessions").join(file));
        assert!(verdict(&json).ends_with(expected), "{file}: {}", verdict(&json));
        let text = std::fs::read_to_string(site(site_name).join("sessions").join(file)).expect("read");
        assert!(
            text.lines()
                .next()
                .unwrap_or_default()
                .contains(&format!("Expected: {}", &expected[..expected.find(' ').unwrap_or(expected.len())]))
        );
    }
    for site_name in [MSC_ROLE, HSCT_SSC] {
        let output = crate::common::trialscreen_command()
            .arg("--site")
            .arg(site(site_name))
            .arg("check-protocol")
            .output()
            .expect("runs");
        let report = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{report}");
        assert!(!report.contains('✖') && !report.contains('⚠'), "{report}");
    }
}

/// Windows count back from a date the protocol names and the session holds: missing until
/// entered (and asked for), the cutoff day inside the window.
#[test]
fn a_named_anchor_date_is_asked_for_and_its_window_counts_its_cutoff_day() {
    let mut session = example(MSC_ROLE, "msc-role-b-new-mmf-low-upc.ron");
    session.values.remove("randomisation");
    let json = evaluate(MSC_ROLE, &session);
    // E3 and E4: no cyclophosphamide and no anti-B-cell course at all, so no date is needed.
    for id in ["I3.a", "E2"] {
        let (outcome, why) = outcome(&json, id);
        assert_eq!(outcome, "missing", "{id}: {why}");
    }
    assert!(
        outcome(&json, "E2").1.contains("Randomisation date not entered: the windows of this criterion count from it")
    );
    let still_needed = json["protocols"][0]["still_needed"].to_string();
    assert!(still_needed.contains("\"randomisation\""), "{still_needed}");

    // Mycophenolate started exactly 3 months before randomisation (2026-11-26): inside.
    set(&mut session, "randomisation", Value::Date(d("2026-11-26")), None);
    let start_mmf = |session: &mut Session, start: &str| {
        let rows = history_rows(session);
        let row = rows.iter_mut().find(|row| row.agent == "mycophenolate_mofetil").expect("MMF");
        row.start = Some(d(start));
        row.dose_since = Some(d(start));
        attest_history(session);
    };
    start_mmf(&mut session, "2026-08-26");
    let (e2, why) = outcome(&evaluate(MSC_ROLE, &session), "E2");
    assert_eq!(e2, "fails", "{why}");
    assert!(why.contains("started 2026-08-26, within 3 months before randomisation date"), "{why}");
    start_mmf(&mut session, "2026-08-25");
    let (e2, why) = outcome(&evaluate(MSC_ROLE, &session), "E2");
    assert_eq!(e2, "passes", "{why}");
    assert!(why.contains("a continuing course, not a new start"), "{why}");
}

/// A named date not entered is said, and asked for, in every criterion whose results window
/// counts from it, not only the first: a second criterion reading the biopsy 12 months
/// before randomisation (a copy of I3.a in a copy of the site folder) says it too.
#[test]
fn a_missing_named_anchor_is_said_in_every_criterion_whose_window_counts_from_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let copy = folder.path().join(MSC_ROLE);
    for sub in ["", "protocols"] {
        std::fs::create_dir_all(copy.join(sub)).expect("folder");
        for entry in std::fs::read_dir(site(MSC_ROLE).join(sub)).expect("site folder").flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), copy.join(sub).join(entry.file_name())).expect("copy");
            }
        }
    }
    let protocol_path = copy.join("protocols/msc-role.v1.ron");
    let text = std::fs::read_to_string(&protocol_path).expect("protocol");
    let start = text.find("        (\n            id: \"I3.a\",").expect("I3.a");
    let end = start + text[start..].find("\n        ),\n").expect("end of I3.a") + "\n        ),\n".len();
    let twin = text[start..end].replacen("id: \"I3.a\"", "id: \"I3.a.twin\"", 1);
    std::fs::write(&protocol_path, format!("{}{twin}{}", &text[..end], &text[end..])).expect("write");

    let mut session = example(MSC_ROLE, "msc-role-a-eligible.ron");
    session.values.remove("randomisation");
    let path = folder.path().join("session.ron");
    std::fs::write(&path, trialscreen::session::store::to_text(&session).expect("text")).expect("write");
    let output = crate::common::trialscreen_command()
        .arg("--site")
        .arg(&copy)
        .args(["evaluate", path.to_str().expect("path"), "--json"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: Json = serde_json::from_slice(&output.stdout).expect("JSON");
    for id in ["I3.a", "I3.a.twin"] {
        let (state, why) = outcome(&json, id);
        assert_eq!(state, "missing", "{id}: {why}");
        assert!(why.contains("Randomisation date not entered"), "{id}: {why}");
    }
    let still_needed = json["protocols"][0]["still_needed"].as_array().expect("still needed");
    let randomisation = still_needed.iter().find(|needed| needed["item"] == "randomisation").expect("asked for");
    // Asked for by as many criteria as say it is not entered (both twins among them).
    let saying = json["protocols"][0]["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .filter(|c| c["explanation"].as_str().is_some_and(|why| why.contains("Randomisation date not entered")))
        .count();
    assert!(saying >= 2);
    assert_eq!(randomisation["criteria"], saying, "{randomisation}");
}

/// "Addition" is a new start: a course begun before the window that continues into it does
/// not exclude; a row without its start date cannot tell, and is missing.
#[test]
fn a_new_start_is_told_from_a_continuing_course_and_needs_its_start_date() {
    let mut session = example(MSC_ROLE, "msc-role-a-eligible.ron");
    let rows = history_rows(&mut session);
    let mut rituximab = rows.first().cloned().expect("a row");
    rituximab.agent = "rituximab".to_owned();
    rituximab.start = None;
    rituximab.dose = None;
    rituximab.dose_since = None;
    rows.push(rituximab);
    attest_history(&mut session);
    let (e4, why) = outcome(&evaluate(MSC_ROLE, &session), "E4");
    assert_eq!(e4, "missing", "{why}");
    assert!(why.contains("Rituximab: start date not entered"), "{why}");

    // Started 2026-01-10 (within 12 months of randomisation): an anti-B-cell addition.
    let rows = history_rows(&mut session);
    if let Some(row) = rows.last_mut() {
        row.start = Some(d("2026-01-10"));
    }
    attest_history(&mut session);
    let (e4, why) = outcome(&evaluate(MSC_ROLE, &session), "E4");
    assert_eq!(e4, "fails", "{why}");
    // Belimumab instead: whether anti-BAFF is anti-B-cell therapy is put to the investigator.
    let rows = history_rows(&mut session);
    if let Some(row) = rows.last_mut() {
        row.agent = "belimumab".to_owned();
    }
    attest_history(&mut session);
    let (e4, why) = outcome(&evaluate(MSC_ROLE, &session), "E4");
    assert_eq!(e4, "judgment", "{why}");
    assert!(why.contains("Is it \"biological anti-B cell therapy\"?"), "{why}");
}

/// A class in a set with a date window: class III or IV counts, within 12 months of
/// randomisation; a combination with class V the source does not name is put to the
/// investigator; an older biopsy is asked for again.
#[test]
fn a_biopsy_class_counts_in_its_window_and_a_combination_is_put_to_the_investigator() {
    let mut session = example(MSC_ROLE, "msc-role-a-eligible.ron");
    for (class, expected) in
        [("iii", "passes"), ("iv", "passes"), ("v", "fails"), ("ii", "fails"), ("iv_v", "judgment")]
    {
        set(&mut session, "renal_biopsy_class", Value::Choice(class.to_owned()), Some("2026-06-15"));
        let (i3a, why) = outcome(&evaluate(MSC_ROLE, &session), "I3.a");
        assert_eq!(i3a, expected, "{class}: {why}");
    }
    // 12 months before randomisation (2026-11-26) is 2025-11-26: that day counts, the day before not.
    set(&mut session, "renal_biopsy_class", Value::Choice("iv".to_owned()), Some("2025-11-26"));
    assert_eq!(outcome(&evaluate(MSC_ROLE, &session), "I3.a").0, "passes");
    set(&mut session, "renal_biopsy_class", Value::Choice("iv".to_owned()), Some("2025-11-25"));
    let (i3a, why) = outcome(&evaluate(MSC_ROLE, &session), "I3.a");
    assert_eq!(i3a, "missing", "{why}");
    assert!(why.contains("older than the window (12 months before randomisation date): repeat the test"), "{why}");
}

/// Either of two classification sets; a recorded "not met" of one leaves the other to decide.
#[test]
fn either_of_two_classification_sets_suffices() {
    let mut session = example(MSC_ROLE, "msc-role-a-eligible.ron");
    let answer = |yes: bool| Value::YesNo(if yes { YesNo::Yes } else { YesNo::No });
    for (acr, slicc, expected) in [(false, true, "passes"), (true, false, "passes"), (false, false, "fails")] {
        set(&mut session, "acr_1997_sle", answer(acr), None);
        set(&mut session, "slicc_2012_sle", answer(slicc), None);
        assert_eq!(outcome(&evaluate(MSC_ROLE, &session), "I1").0, expected, "ACR {acr}, SLICC {slicc}");
    }
    session.values.remove("slicc_2012_sle");
    assert_eq!(outcome(&evaluate(MSC_ROLE, &session), "I1").0, "missing");
}

/// "During the current flare": sediment counts only dated on or after the flare's start, the
/// episode anchor the investigator enters; without it, the findings cannot be placed.
#[test]
fn the_current_flare_is_an_anchor_the_sediment_is_read_from() {
    let mut session = example(MSC_ROLE, "msc-role-a-eligible.ron");
    set(&mut session, "urine_rbc_hpf", number(12.0, "/HPF"), Some("2026-09-30"));
    let (i3b, why) = outcome(&evaluate(MSC_ROLE, &session), "I3.b");
    assert_eq!(i3b, "missing", "{why}");
    assert!(why.contains("on or after the current renal flare"), "{why}");
    set(&mut session, "urine_rbc_hpf", number(12.0, "/HPF"), Some("2026-10-01"));
    assert_eq!(outcome(&evaluate(MSC_ROLE, &session), "I3.b").0, "passes");
    // Exactly 5 red cells is not "> 5"; white cells 9 are "> 8".
    set(&mut session, "urine_rbc_hpf", number(5.0, "/HPF"), Some("2026-11-11"));
    assert_eq!(outcome(&evaluate(MSC_ROLE, &session), "I3.b").0, "fails");
    set(&mut session, "urine_wbc_hpf", number(9.0, "/HPF"), Some("2026-11-11"));
    assert_eq!(outcome(&evaluate(MSC_ROLE, &session), "I3.b").0, "passes");
    set(&mut session, "current_flare", Value::Event(Occurrence::Ongoing(None)), None);
    let (i3b, why) = outcome(&evaluate(MSC_ROLE, &session), "I3.b");
    assert_eq!(i3b, "missing", "{why}");
    assert!(why.contains("Current renal flare not entered"), "{why}");
}

/// A result carries its method: a criterion that requires one counts no other, and asks for
/// the method where none is recorded.
#[test]
fn a_result_counts_only_by_the_method_its_criterion_requires() {
    let mut session = example(HSCT_SSC, "hsct-ssc-a-eligible.ron");
    set(&mut session, "lvef_with_method", number(40.0, "%"), Some("2026-11-18"));
    with_method(&mut session, "lvef_with_method", Some("muga"));
    let (e3c, why) = outcome(&evaluate(HSCT_SSC, &session), "E3.c");
    assert_eq!(e3c, "missing", "{why}");
    assert!(
        why.contains("40 % (2026-11-18) by MUGA scan does not count: a result by echocardiography is needed"),
        "{why}"
    );
    with_method(&mut session, "lvef_with_method", None);
    let (e3c, why) = outcome(&evaluate(HSCT_SSC, &session), "E3.c");
    assert_eq!(e3c, "missing", "{why}");
    assert!(why.contains("record how it was obtained"), "{why}");
    with_method(&mut session, "lvef_with_method", Some("echocardiography"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.c").0, "fails");
    set(&mut session, "lvef_with_method", number(45.0, "%"), Some("2026-11-18"));
    with_method(&mut session, "lvef_with_method", Some("echocardiography"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.c").0, "passes", "45 % is not < 45 %");

    // PVR above 3 Wood units counts on RHC only; 240 dyn·s/cm⁵ is exactly 3 Wood units.
    set(&mut session, "pvr", number(3.5, "WU"), Some("2026-11-18"));
    with_method(&mut session, "pvr", Some("echocardiography"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.b").0, "missing");
    set(&mut session, "pvr", number(240.0, "dyn.s/cm5"), Some("2026-11-18"));
    with_method(&mut session, "pvr", Some("rhc"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.b").0, "passes");
    set(&mut session, "pvr", number(241.0, "dyn.s/cm5"), Some("2026-11-18"));
    with_method(&mut session, "pvr", Some("rhc"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.b").0, "fails");
    // The context is the item: 44 mmHg after a fluid challenge is within its 45; at rest it is not.
    set(&mut session, "pvr", number(1.9, "WU"), Some("2026-11-18"));
    with_method(&mut session, "pvr", Some("rhc"));
    set(&mut session, "pasp_after_fluid", number(44.0, "mmHg"), Some("2026-11-18"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.b").0, "passes");
    set(&mut session, "pasp_rest", number(44.0, "mmHg"), Some("2026-11-18"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.b").0, "fails");
}

/// Age on the transplant date; "above 18" at exactly 18 is put to the investigator, where
/// the registry's inclusive minimum and the text disagree.
#[test]
fn age_is_counted_on_the_transplant_date_and_the_eighteen_boundary_is_put_to_the_investigator() {
    let mut session = example(HSCT_SSC, "hsct-ssc-a-eligible.ron");
    for (birth, expected) in
        [("2008-01-20", "passes"), ("2008-01-21", "judgment"), ("2009-01-20", "judgment"), ("2009-01-21", "fails")]
    {
        set(&mut session, "date_of_birth", Value::Date(d(birth)), None);
        let (i2, why) = outcome(&evaluate(HSCT_SSC, &session), "I2");
        assert_eq!(i2, expected, "born {birth}: {why}");
        assert!(why.contains("at autologous HSCT date (2027-01-20)"), "{why}");
    }
    session.values.remove("hsct_date");
    let (i2, why) = outcome(&evaluate(HSCT_SSC, &session), "I2");
    assert_eq!(i2, "missing", "{why}");
}

/// A look-back window on an event, and an attestation with a negative pregnancy test.
#[test]
fn a_look_back_window_and_an_attestation_decide_as_written() {
    let mut session = example(HSCT_SSC, "hsct-ssc-a-eligible.ron");
    // Screening 2026-11-20: five years back is 2021-11-20.
    for (date, expected) in [("2021-11-20", "fails"), ("2021-11-19", "passes")] {
        set(&mut session, "neoplasm_or_mds", Value::Event(Occurrence::On(d(date))), None);
        assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E7").0, expected, "{date}");
    }
    set(&mut session, "neoplasm_or_mds", Value::Event(Occurrence::Ongoing(Some(d("2010-01-01")))), None);
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E7").0, "fails", "concurrent");

    set(&mut session, "sex", Value::Choice("female".to_owned()), None);
    set(&mut session, "childbearing_potential", Value::YesNo(YesNo::Yes), None);
    set(&mut session, "urine_pregnancy_test", Value::Choice("negative".to_owned()), Some("2026-11-18"));
    let (e1, why) = outcome(&evaluate(HSCT_SSC, &session), "E1");
    assert_eq!(e1, "missing", "{why}");
    assert!(why.contains("not yet attested: Uses adequate contraception"), "{why}");
    set(&mut session, "adequate_contraception", Value::YesNo(YesNo::No), None);
    let (e1, why) = outcome(&evaluate(HSCT_SSC, &session), "E1");
    assert_eq!(e1, "fails", "{why}");
    assert!(why.contains("not attested: Uses adequate contraception"), "{why}");
    set(&mut session, "adequate_contraception", Value::YesNo(YesNo::Yes), None);
    let (e1, why) = outcome(&evaluate(HSCT_SSC, &session), "E1");
    assert_eq!(e1, "passes", "{why}");
    assert!(why.contains("attested by the investigator: Uses adequate contraception"), "{why}");
    set(&mut session, "urine_pregnancy_test", Value::Choice("positive".to_owned()), Some("2026-11-18"));
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E1").0, "fails");
}

/// A line that constrains nothing passes and says why; every part of a split bullet keeps the
/// registry's own label and heading.
#[test]
fn a_line_that_constrains_nothing_and_the_registry_labels_are_shown() {
    let json = evaluate_file(HSCT_SSC, &site(HSCT_SSC).join("sessions/hsct-ssc-a-eligible.ron"));
    let (sex, why) = outcome(&json, "REG.sex");
    assert_eq!(sex, "passes");
    assert_eq!(why, "constrains nothing: the registry admits participants of every sex");
    let labels: Vec<(String, String)> = json["protocols"][0]["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default().to_owned(),
                c["source"]["label"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let label = |id: &str| labels.iter().find(|(c, _)| c == id).map(|(_, l)| l.clone()).unwrap_or_default();
    assert_eq!(label("E3.b"), "b;");
    assert_eq!(label("E4.1"), "1. (under the unnumbered heading)");
    assert_eq!(label("E5"), "4.");
    assert_eq!(label("E8"), "7.");
    assert_eq!(criterion(&json, "E4.2")["source"]["heading"], "Previously damaged bone marrow");
    assert_eq!(criterion(&json, "E3.i")["source"]["heading"], "Reduced lung, cardiac or renal function");
}

/// A treatment count with a window and a strict duration ("more than 3 months, in the last
/// year"), and a measurement that must be dated after another (ordering of dated facts), on
/// bundled items in a protocol a site writes.
#[test]
fn counts_with_a_window_and_strictness_and_facts_ordered_by_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let protocols = dir.path().join("protocols");
    std::fs::create_dir_all(&protocols).expect("folder");
    std::fs::write(
        protocols.join("ordering.v1.ron"),
        r#"(
    id: "ordering-trial", version: 1, title: "Counts and ordering", source: (document: "test"), source_complete: true,
    criteria: [
        (id: "I1", kind: Inclusion, title: "Two immunosuppressants for more than 3 months in the last year",
            source_text: "At least two immunosuppressants, each taken for more than 3 months in the past year.",
            rule: Compare(Treatments((classes: ["conventional_immunosuppressant"], lasting: Some(Months(3)), lasting_strictly: true, during: Some(Within(Years(1), Screening)), count: Agents)), Ge, 2.0)),
        (id: "I2", kind: Inclusion, title: "Platelets after the creatinine",
            source_text: "A platelet count taken on or after the day of the creatinine.",
            results_window: Some(Ever),
            rule: Known(Quantity(item: "platelets", unit: "10^9/L", observed: Some(Since(Date("creatinine")))))),
        (id: "I3", kind: Inclusion, title: "Platelets after the last immunosuppressant",
            source_text: "A platelet count taken after the last dose of an immunosuppressant.",
            results_window: Some(Ever),
            rule: Known(Quantity(item: "platelets", unit: "10^9/L", observed: Some(Since(CourseEnd("conventional_immunosuppressant")))))),
    ],
)"#,
    )
    .expect("protocol");
    let v01 =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/v01-eligible-adolescent.ron"))
            .expect("V01");
    let mut session = parse_session(&v01).expect("V01");
    session.protocols.truncate(1);
    if let Some(reference) = session.protocols.first_mut() {
        reference.id = "ordering-trial".to_owned();
        reference.version = 1;
        reference.sha256 = None;
        reference.vocabulary = None;
    }
    session.decisions.clear();
    let screening = session.dates.screening;
    let course = |agent: &str, start: NaiveDate, last: NaiveDate| trialscreen::model::values::Exposure {
        agent: agent.to_owned(),
        start: Some(start),
        last_dose: Some(last),
        ongoing: false,
        dose: None,
        dose_since: None,
        response: None,
    };
    let months_before = |n: u32| screening.checked_sub_months(chrono::Months::new(n)).expect("date");
    let run = |session: &Session| -> Json {
        let path = dir.path().join("s.ron");
        std::fs::write(&path, trialscreen::session::store::to_text(session).expect("text")).expect("write");
        let output = crate::common::trialscreen_command()
            .arg("--protocols")
            .arg(&protocols)
            .arg("evaluate")
            .arg(&path)
            .arg("--json")
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let history = |rows| {
        let mut session = session.clone();
        session.values.insert("treatment_history".to_owned(), Entry::new(Value::Treatments(rows)));
        attest_history(&mut session);
        session
    };
    // Exactly 3 months each: "more than" is not met.
    let exactly = history(vec![
        course("azathioprine", months_before(9), months_before(6)),
        course("methotrexate", months_before(6), months_before(3)),
    ]);
    assert_eq!(outcome(&run(&exactly), "I1").0, "fails", "{}", outcome(&run(&exactly), "I1").1);
    // A day longer each: met.
    let longer = history(vec![
        course("azathioprine", months_before(9), months_before(6) + chrono::Days::new(1)),
        course("methotrexate", months_before(6), months_before(3) + chrono::Days::new(1)),
    ]);
    assert_eq!(outcome(&run(&longer), "I1").0, "passes", "{}", outcome(&run(&longer), "I1").1);
    // One of them ended before the year: outside the window, not counted.
    let old = history(vec![
        course("azathioprine", months_before(30), months_before(20)),
        course("methotrexate", months_before(6), months_before(3) + chrono::Days::new(1)),
    ]);
    assert_eq!(outcome(&run(&old), "I1").0, "fails", "{}", outcome(&run(&old), "I1").1);

    // Ordering: the platelet count must be dated on or after the creatinine.
    let mut ordered = longer.clone();
    let creatinine_date = ordered.values["creatinine"].date.expect("dated");
    if let Some(platelets) = ordered.values.get_mut("platelets") {
        platelets.date = creatinine_date.pred_opt();
    }
    let (i2, why) = outcome(&run(&ordered), "I2");
    assert_eq!(i2, "missing", "{why}");
    assert!(why.contains("on or after the serum creatinine"), "{why}");
    if let Some(platelets) = ordered.values.get_mut("platelets") {
        platelets.date = Some(creatinine_date);
    }
    assert_eq!(outcome(&run(&ordered), "I2").0, "passes");

    // After a course: the platelets (2026-10-28) follow the last immunosuppressant dose.
    let (i3, why) = outcome(&run(&ordered), "I3");
    assert_eq!(i3, "passes", "{why}");
    // A course that goes on has no last dose yet: the order cannot be known.
    let mut ongoing = history(vec![
        course("azathioprine", months_before(9), months_before(6)),
        trialscreen::model::values::Exposure {
            ongoing: true,
            last_dose: None,
            ..course("methotrexate", months_before(6), months_before(3))
        },
    ]);
    ongoing.values.insert("platelets".to_owned(), ordered.values["platelets"].clone());
    let (i3, why) = outcome(&run(&ongoing), "I3");
    assert_eq!(i3, "missing", "{why}");
    assert!(why.contains("The last dose of conventional immunosuppressant is not known"), "{why}");
}

/// Two readings of a unit the source garbles ("ml/min/m2"): below 40 per 1.73 m² excludes
/// under both; between 40 and 69.2 (40 per m²) they disagree and the investigator decides;
/// from 69.2 neither excludes. A measured clearance, when entered, is read before the formula.
#[test]
fn readings_that_disagree_are_put_to_the_investigator_and_a_measured_value_comes_first() {
    let mut session = example(MSC_ROLE, "msc-role-a-eligible.ron");
    for (egfr, expected) in [(39.9, "fails"), (40.0, "judgment"), (69.1, "judgment"), (69.2, "passes")] {
        set(&mut session, "egfr_reported", number(egfr, "mL/min/1.73m2"), Some("2026-11-11"));
        let (e1, why) = outcome(&evaluate(MSC_ROLE, &session), "E1");
        assert_eq!(e1, expected, "eGFR {egfr}: {why}");
    }
    let mut session = example(HSCT_SSC, "hsct-ssc-a-eligible.ron");
    assert_eq!(outcome(&evaluate(HSCT_SSC, &session), "E3.i").0, "passes", "Cockcroft–Gault 101 mL/min");
    set(&mut session, "measured_creatinine_clearance", number(28.0, "mL/min"), Some("2026-11-18"));
    let (e3i, why) = outcome(&evaluate(HSCT_SSC, &session), "E3.i");
    assert_eq!(e3i, "fails", "the measured clearance decides: {why}");
}
