//! A site's own vocabulary: `SITE/dictionary.ron` and `SITE/drugs.ron` add items, sections,
//! classes and agents that the site's protocols use, with no recompile; a site never
//! redefines a bundled name, and a vocabulary that is refused stops no bundled trial.

use std::path::Path;
use std::process::Output;

use trialscreen::model::values::{Value, YesNo};
use trialscreen::session::model::Entry;

fn trialscreen(args: &[&str]) -> Output {
    crate::common::trialscreen_command().args(args).output().expect("the binary runs")
}

const DICTIONARY: &str = r#"// Items a registered trial needs that the bundled dictionary lacks.
(
    sections: [(id: "site_imaging", label: "Imaging (site)")],
    items: [
        (id: "site_ild_on_hrct", label: "Interstitial lung disease on HRCT", section: "site_imaging", kind: YesNo, dated: true),
    ],
)
"#;

const DRUGS: &str = r#"(
    classes: [(id: "site_anti_cd38", label: "Anti-CD38 antibody"), (id: "site_b_cell_depleting", label: "B-cell depleting antibody")],
    agents: [(id: "daratumumab", name: "Daratumumab", classes: ["site_anti_cd38", "biologic"], aliases: ["Darzalex"])],
    memberships: [(agent: "rituximab", class: "site_b_cell_depleting")],
)
"#;

const PROTOCOL: &str = r#"(
    id: "site-ild-trial",
    version: 1,
    title: "A site trial excluding interstitial lung disease",
    source: (document: "Site protocol for the test"),
    source_complete: true,
    criteria: [
        (
            id: "E1",
            kind: Exclusion,
            title: "ILD on HRCT",
            source_text: "Interstitial lung disease on high-resolution CT.",
            rule: Yes("site_ild_on_hrct"),
        ),
        (
            id: "E2",
            kind: Exclusion,
            title: "Anti-CD38 or B-cell depleting antibody within 6 months",
            source_text: "Anti-CD38 or B-cell depleting antibody within 6 months.",
            rule: Exposed(classes: ["site_anti_cd38", "site_b_cell_depleting"], when: Within(Months(6), Screening)),
        ),
    ],
)
"#;

fn site(dir: &Path, dictionary: &str, drugs: &str) -> String {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("protocols")).expect("site folder");
    std::fs::write(site.join("dictionary.ron"), dictionary).expect("dictionary");
    std::fs::write(site.join("drugs.ron"), drugs).expect("drugs");
    std::fs::write(site.join("protocols").join("site-ild-trial.v1.ron"), PROTOCOL).expect("protocol");
    site.display().to_string()
}

/// A session of V01's patient screened under the site protocol, HRCT without ILD.
fn session(dir: &Path) -> String {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/v01-eligible-adolescent.ron"))
            .expect("V01");
    let mut session = trialscreen::session::load::parse_session(&text).expect("V01");
    session.protocols[0].id = "site-ild-trial".to_owned();
    session.protocols[0].version = 1;
    session.protocols[0].sha256 = None;
    session.decisions.clear();
    session.values.insert(
        "site_ild_on_hrct".to_owned(),
        Entry::dated(Value::YesNo(YesNo::No), chrono::NaiveDate::from_ymd_opt(2026, 10, 30)),
    );
    let path = dir.join("site-session.ron");
    std::fs::write(&path, trialscreen::session::store::to_text(&session).expect("text")).expect("session");
    path.display().to_string()
}

#[test]
fn a_site_item_class_and_agent_are_used_by_a_site_protocol_with_no_recompile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = site(dir.path(), DICTIONARY, DRUGS);
    let output = trialscreen(&["--site", &site, "check-protocol", &format!("{site}/protocols/site-ild-trial.v1.ron")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains("identical to the site site-ild-trial v1"));
    // The site folder as a whole.
    let output = trialscreen(&["--site", &site, "check-protocol"]);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}");
    assert!(report.contains("dictionary.ron: added to the bundled vocabulary"), "{report}");
    assert!(report.contains("drugs.ron: added to the bundled vocabulary"), "{report}");
    assert!(report.contains("site-ild-trial.v1.ron: site-ild-trial v1, 2 criteria"), "{report}");

    let session = session(dir.path());
    let output = trialscreen(&["--site", &site, "evaluate", &session, "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let e1 = &json["protocols"][0]["criteria"][0];
    assert_eq!(e1["status"], "not excluded", "{e1}");
    assert!(e1["explanation"].as_str().unwrap_or_default().contains("Interstitial lung disease on HRCT no"), "{e1}");

    // The vocabulary lists the site's names beside the bundled ones.
    let output = trialscreen(&["--site", &site, "vocabulary", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let has = |part: &str, id: &str| json[part].as_array().expect(part).iter().any(|row| row["id"] == id);
    assert!(has("items", "site_ild_on_hrct") && has("items", "platelets"));
    assert!(has("classes", "site_anti_cd38") && has("drugs", "daratumumab"));
    let class = json["classes"].as_array().expect("classes").iter().find(|c| c["id"] == "site_b_cell_depleting");
    assert_eq!(class.expect("class")["agents"][0], "rituximab", "a bundled agent joined a site class");

    // Without the site folder the session's item and protocol are unknown: refused, said.
    let output = trialscreen(&["evaluate", &session]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("site-ild-trial"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_site_never_redefines_a_bundled_name_and_a_refused_vocabulary_stops_no_bundled_trial() {
    let v01 = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/v01-eligible-adolescent.ron");
    let cases = [
        (
            DICTIONARY.replace("id: \"site_ild_on_hrct\"", "id: \"platelets\""),
            DRUGS.to_owned(),
            "dictionary.ron, line 5, column ",
            "item \"platelets\" is already defined in data/dictionary.ron",
        ),
        (
            DICTIONARY.to_owned(),
            DRUGS.replace("id: \"daratumumab\"", "id: \"rituximab\""),
            "drugs.ron, line 3, column ",
            "agent \"rituximab\" is already defined in data/drugs.ron",
        ),
        (
            DICTIONARY.to_owned(),
            DRUGS.replace("class: \"site_b_cell_depleting\"", "class: \"biologic\""),
            "drugs.ron, line 4, column ",
            "can join only a class this site defines, not \"biologic\"",
        ),
        (
            DICTIONARY.replace("section: \"site_imaging\"", "section: \"site_imagery\""),
            DRUGS.to_owned(),
            "dictionary.ron, line 5, column ",
            "item \"site_ild_on_hrct\" is in section \"site_imagery\", which the dictionary does not define; did you mean \"site_imaging\"?",
        ),
        (
            DICTIONARY.to_owned(),
            DRUGS
                .replace("classes: [\"site_anti_cd38\", \"biologic\"]", "classes: [\"site_anti_cd38\", \"biologics\"]"),
            "drugs.ron, line 3, column ",
            "agent \"daratumumab\" names class \"biologics\", which the catalogue does not define; did you mean \"biologic\"?",
        ),
    ];
    for (dictionary, drugs, place, message) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = site(dir.path(), &dictionary, &drugs);
        let output = trialscreen(&["--site", &site, "evaluate", v01]);
        let warning = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "the bundled trial is evaluated: {warning}");
        assert!(warning.contains(place) && warning.contains(message), "{message}: {warning}");
        assert!(warning.contains("the site's vocabulary is not used"), "{warning}");
        // The site protocol needs the refused names: it is said not to load.
        assert!(warning.contains("site-ild-trial.v1.ron was not loaded"), "{warning}");
        let output = trialscreen(&["--site", &site, "check-protocol"]);
        let report = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{report}");
        assert!(report.contains("✖ ") && report.contains(message), "{report}");
    }
}
