//! A site's units: `SITE/units.ron` adds the units a registered trial needs (mmHg, Wood
//! units, cells per high-power field, mg/mg and mg/mmol bridged by creatinine, mL/min/m²),
//! which site items and site protocols then use with no recompile, compared exactly; a bad
//! units file is refused with line and column; and a session pins the meaning of the
//! vocabulary its protocol uses, so a changed unit factor is said, and signing refused.

use std::path::Path;
use std::process::Output;

use trialscreen::library::Library;
use trialscreen::library::site::{SiteFile, SiteVocabulary};
use trialscreen::model::units::Unit;
use trialscreen::model::values::{Measurement, Value};
use trialscreen::session::model::{Entry, ProtocolRef};

fn trialscreen(args: &[&str]) -> Output {
    crate::common::trialscreen_command().args(args).output().expect("the binary runs")
}

/// The units NCT03917797 (HSCT in systemic sclerosis) and NCT03444805 (UC-MSC in lupus
/// nephritis) need beyond the bundle.
const UNITS: &str = r#"// Units the registered trials need.
(
    dimensions: [
        (id: "pressure", words: "pressure"),
        (id: "vascular_resistance", words: "vascular resistance"),
        (id: "cells_per_field", words: "cells per high-power field"),
        (id: "mass_ratio", words: "mass ratio"),
        (id: "mass_per_amount", words: "mass per amount of substance"),
    ],
    units: [
        (code: "mmHg", dimension: "pressure"),
        (code: "kPa", dimension: "pressure", one_is: "7.50061683 mmHg"),
        (code: "WU", symbol: "Wood units", spellings: ["Wood", "HRU"], dimension: "vascular_resistance"),
        (code: "dyn.s/cm5", symbol: "dyn·s/cm⁵", dimension: "vascular_resistance", one_is: "0.0125 WU"),
        (code: "/HPF", spellings: ["cells/HPF"], dimension: "cells_per_field"),
        (code: "mg/mg", dimension: "mass_ratio"),
        (code: "mg/g", dimension: "mass_ratio", one_is: "0.001 mg/mg"),
        (code: "mg/mmol", dimension: "mass_per_amount"),
        (code: "mL/min/m2", symbol: "mL/min/m²", dimension: "flow_per_area", one_is: "1.73 mL/min/1.73m2"),
    ],
    analytes: [
        (id: "urine_protein_creatinine", equivalences: ["1 mg/mg = 113.12 mg/mmol"]),
    ],
)
"#;

const DICTIONARY: &str = r#"(
    sections: [(id: "site_haemodynamics", label: "Haemodynamics and urine (site)")],
    items: [
        (id: "site_mpap", label: "Mean pulmonary artery pressure at rest", section: "site_haemodynamics", kind: Number(units: [(unit: "mmHg", min: 5.0, max: 100.0), (unit: "kPa", min: 0.7, max: 13.3)]), dated: true),
        (id: "site_pvr", label: "Pulmonary vascular resistance on RHC", section: "site_haemodynamics", kind: Number(units: [(unit: "WU", min: 0.0, max: 40.0), (unit: "dyn.s/cm5", min: 0.0, max: 3200.0)]), dated: true),
        (id: "site_urine_rbc", label: "Urine red cells", section: "site_haemodynamics", kind: Number(units: [(unit: "/HPF", min: 0.0, max: 500.0)]), dated: true),
        (id: "site_upcr", label: "Urine protein/creatinine ratio", section: "site_haemodynamics", kind: Number(units: [(unit: "mg/mg", min: 0.0, max: 30.0), (unit: "mg/g", min: 0.0, max: 30000.0), (unit: "mg/mmol", min: 0.0, max: 3400.0)], analyte: Some("urine_protein_creatinine")), dated: true),
    ],
)
"#;

const PROTOCOL: &str = r#"(
    id: "site-units-trial",
    version: 1,
    title: "A site trial reading site units",
    source: (document: "Site protocol for the test"),
    source_complete: true,
    criteria: [
        (id: "I1", kind: Inclusion, title: "UPCR ≥ 0.5 mg/mg", source_text: "Urine protein/creatinine ratio ≥ 0.5 mg/mg.",
            rule: Compare(Quantity(item: "site_upcr", unit: "mg/mg"), Ge, 0.5)),
        (id: "E1", kind: Exclusion, title: "mPAP > 25 mmHg", source_text: "Baseline (resting) mPAP > 25 mmHg.",
            rule: Compare(Quantity(item: "site_mpap", unit: "mmHg"), Gt, 25.0)),
        (id: "E2", kind: Exclusion, title: "PVR > 3 Wood units", source_text: "Pulmonary vascular resistance > 3 Wood units on RHC.",
            rule: Compare(Quantity(item: "site_pvr", unit: "WU"), Gt, 3.0)),
        (id: "E3", kind: Exclusion, title: "Urine RBC > 5 /HPF", source_text: "Urine red cells > 5 per high-power field.",
            rule: Compare(Quantity(item: "site_urine_rbc", unit: "/HPF"), Gt, 5.0)),
    ],
)
"#;

fn site(dir: &Path, units: &str) -> String {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("protocols")).expect("site folder");
    std::fs::write(site.join("units.ron"), units).expect("units");
    std::fs::write(site.join("dictionary.ron"), DICTIONARY).expect("dictionary");
    std::fs::write(site.join("protocols").join("site-units-trial.v1.ron"), PROTOCOL).expect("protocol");
    site.display().to_string()
}

/// The site library in this process (registering the same units as the binary reads).
fn site_library() -> Library {
    let mut library = Library::bundled_with_site(SiteVocabulary {
        units: Some(SiteFile { name: "units.ron", text: UNITS }),
        dictionary: Some(SiteFile { name: "dictionary.ron", text: DICTIONARY }),
        drugs: None,
    })
    .expect("site vocabulary");
    library
        .add_protocol("site-units-trial.v1.ron", PROTOCOL, trialscreen::library::ProtocolSource::Site("t".to_owned()))
        .expect("site protocol");
    library
}

/// V01's patient screened under the site protocol: UPCR 56.56 mg/mmol (exactly 0.5 mg/mg),
/// mPAP 3.3 kPa (24.75 mmHg), PVR 240 dyn·s/cm⁵ (exactly 3 WU), urine RBC 5 /HPF.
fn session(dir: &Path, library: &Library) -> String {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/v01-eligible-adolescent.ron"))
            .expect("V01");
    let mut session = trialscreen::session::load::parse_session(&text).expect("V01");
    let loaded = library.get("site-units-trial", 1).expect("loaded");
    session.protocols = vec![ProtocolRef {
        id: "site-units-trial".to_owned(),
        version: 1,
        sha256: Some(loaded.sha256.clone()),
        cohort: None,
        vocabulary: Some(loaded.vocabulary_sha256.clone()),
    }];
    session.format_version = trialscreen::session::model::FORMAT_VERSION;
    session.decisions.clear();
    session.audit.clear();
    // The binary evaluates for the machine's date: screened and sampled today.
    let today = chrono::Local::now().date_naive();
    session.dates =
        trialscreen::session::model::ReferenceDates { screening: today, consent: Some(today), enrollment: None };
    let date = Some(today);
    let unit = |code: &str| Unit::parse(code).expect(code);
    for (item, value, code) in [
        ("site_upcr", 56.56, "mg/mmol"),
        ("site_mpap", 3.3, "kPa"),
        ("site_pvr", 240.0, "dyn·s/cm⁵"),
        ("site_urine_rbc", 5.0, "cells/HPF"),
    ] {
        let measurement = Measurement { value, unit: unit(code), uln: None };
        session.values.insert(item.to_owned(), Entry::dated(Value::Number(measurement), date));
    }
    let path = dir.join("site-units-session.ron");
    std::fs::write(&path, trialscreen::session::store::to_text(&session).expect("text")).expect("session");
    path.display().to_string()
}

#[test]
fn site_units_are_used_by_site_items_and_protocols_and_compared_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = site(dir.path(), UNITS);
    let library = site_library();
    let session = session(dir.path(), &library);

    let output = trialscreen(&["--site", &site, "check-protocol"]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}{}", String::from_utf8_lossy(&output.stderr));
    assert!(report.contains("units.ron: added to the bundled vocabulary"), "{report}");

    let output = trialscreen(&["--site", &site, "evaluate", &session, "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let criterion = |id: &str| {
        json["protocols"][0]["criteria"]
            .as_array()
            .expect("criteria")
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .expect(id)
    };
    // 56.56 mg/mmol is exactly 0.5 mg/mg: "≥ 0.5" holds, at the boundary.
    assert_eq!(criterion("I1")["status"], "met", "{}", criterion("I1"));
    // 3.3 kPa is 24.75… mmHg: not above 25.
    assert_eq!(criterion("E1")["status"], "not excluded", "{}", criterion("E1"));
    // 240 dyn·s/cm⁵ is exactly 3 WU: not above 3.
    assert_eq!(criterion("E2")["status"], "not excluded", "{}", criterion("E2"));
    assert!(criterion("E2")["explanation"].as_str().unwrap_or_default().contains("Wood units"), "{}", criterion("E2"));
    assert_eq!(criterion("E3")["status"], "not excluded", "{}", criterion("E3"));

    // The vocabulary lists the site's units with their dimensions.
    let output = trialscreen(&["--site", &site, "vocabulary", "units", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let units = json["units"].as_array().expect("units");
    assert!(units.iter().any(|u| u["code"] == "WU" && u["dimension"] == "vascular resistance"), "{json}");
    assert!(units.iter().any(|u| u["code"] == "g/L"));
}

#[test]
fn a_changed_unit_factor_is_said_and_refuses_signing_until_re_screened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = site_library();
    let session = session(dir.path(), &library);
    // The same units with PVR's second unit resized: the protocol's vocabulary means
    // something else (the binary reads it; this process keeps the units it registered).
    let changed = UNITS.replace("one_is: \"0.0125 WU\"", "one_is: \"0.0126 WU\"");
    let site = site(dir.path(), &changed);
    let output = trialscreen(&["--site", &site, "evaluate", &session]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(text.contains("changed since this session was screened"), "{text}");
    assert!(
        text.contains("Re-screen under the current vocabulary")
            || text.contains("re-screened under the vocabulary loaded now"),
        "{text}"
    );
    let output = trialscreen(&["--site", &site, "verify", &session]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("✖ the vocabulary protocol site-units-trial v1 uses"), "{report}");
    // Under the folder it was screened with, nothing is said.
    let same = dir.path().join("same");
    std::fs::create_dir_all(&same).expect("folder");
    let site = self::site(&same, UNITS);
    let output = trialscreen(&["--site", &site, "evaluate", &session]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!text.contains("changed since this session was screened"), "{text}");
}

#[test]
fn a_bad_units_file_is_refused_with_line_and_column_and_stops_no_bundled_trial() {
    let v01 = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/v01-eligible-adolescent.ron");
    let cases = [
        (
            UNITS.replace("(code: \"mmHg\", dimension: \"pressure\")", "(code: \"mg/dL\", dimension: \"pressure\")"),
            "units.ron, line 11, column ",
            "unit \"mg/dL\" is already defined in the bundled units",
        ),
        (
            UNITS.replace("dimension: \"cells_per_field\"", "dimension: \"cells_per_feld\""),
            "units.ron, line 15, column ",
            "did you mean \"cells_per_field\"?",
        ),
        (
            UNITS.replace("one_is: \"0.001 mg/mg\"", "one_is: \"one thousandth mg/mg\""),
            "units.ron, line 17, column ",
            "bad conversion",
        ),
        (
            UNITS.replace("one_is: \"1.73 mL/min/1.73m2\"", "one_is: \"1.73 mL/min\""),
            "units.ron, line 19, column ",
            "is a flow per body surface area, but \"mL/min\" is a flow",
        ),
        (
            UNITS.replace("(code: \"mg/g\",", "(code: \"mg/mg\","),
            "units.ron, line 17, column ",
            "already defined in this site's units",
        ),
    ];
    for (units, place, message) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = site(dir.path(), &units);
        let output = trialscreen(&["--site", &site, "evaluate", v01]);
        let warning = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "the bundled trial is evaluated: {warning}");
        assert!(warning.contains(place) && warning.contains(message), "{message}: {warning}");
        assert!(warning.contains("the site's vocabulary is not used"), "{warning}");
        let output = trialscreen(&["--site", &site, "check-protocol"]);
        let report = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{report}");
        assert!(report.contains("✖ ") && report.contains(message), "{report}");
    }
}
