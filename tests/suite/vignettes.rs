//! Every vignette of the product brief, run through the real binary's `evaluate --json`
//! on the bundled example sessions.

use serde_json::Value;

fn evaluate(example: &str) -> Value {
    let path = format!("{}/data/examples/{example}.ron", env!("CARGO_MANIFEST_DIR"));
    let output =
        crate::common::trialscreen_command().args(["evaluate", &path, "--json"]).output().expect("the binary runs");
    assert!(output.status.success(), "{example}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("evaluate --json prints JSON")
}

fn protocol(result: &Value) -> &Value {
    &result["protocols"][0]
}

fn criterion<'a>(result: &'a Value, id: &str) -> &'a Value {
    protocol(result)["criteria"]
        .as_array()
        .and_then(|criteria| criteria.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("criterion {id} is in the result"))
}

fn verdict(result: &Value) -> &str {
    protocol(result)["verdict"].as_str().unwrap_or_default()
}

fn outcome<'a>(result: &'a Value, id: &str) -> &'a str {
    criterion(result, id)["outcome"].as_str().unwrap_or_default()
}

/// The ids of criteria with the given outcome.
fn with_outcome(result: &Value, wanted: &str) -> Vec<String> {
    protocol(result)["criteria"]
        .as_array()
        .map(|criteria| {
            criteria
                .iter()
                .filter(|c| c["outcome"] == wanted)
                .filter_map(|c| c["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn v01_eligible_adolescent() {
    let result = evaluate("v01-eligible-adolescent");
    assert_eq!(verdict(&result), "eligible", "{:#}", protocol(&result));
    assert!(with_outcome(&result, "fails").is_empty());
    assert!(with_outcome(&result, "missing").is_empty(), "{:?}", with_outcome(&result, "missing"));
    let egfr = criterion(&result, "I7.egfr")["explanation"].as_str().unwrap_or_default().to_owned();
    assert!(egfr.contains("108.76") && egfr.contains("bedside Schwartz"), "{egfr}");
    assert_eq!(outcome(&result, "I8"), "passes", "a post-menarche girl's pregnancy criterion applies");
}

#[test]
fn v02a_low_platelets_fail_with_discretion_available() {
    let result = evaluate("v02a-low-platelets");
    assert_eq!(verdict(&result), "ineligible");
    assert_eq!(with_outcome(&result, "fails"), ["I7.plt"]);
    let plt = criterion(&result, "I7.plt");
    assert_eq!(plt["discretion_available"], true);
    assert!(plt["override"].is_null());
    let explanation = plt["explanation"].as_str().unwrap_or_default();
    assert!(explanation.contains("Platelet count 52 ×10⁹/L") && explanation.contains("< 75 ×10⁹/L"), "{plt}");
}

#[test]
fn v02b_platelet_override_makes_eligible_and_is_shown() {
    let result = evaluate("v02b-low-platelets-override");
    assert_eq!(verdict(&result), "eligible");
    let plt = criterion(&result, "I7.plt");
    assert_eq!(plt["outcome"], "passes");
    assert_eq!(plt["status"], "met by override");
    assert_eq!(plt["override"]["by"], "Dr A. Investigator");
    assert!(plt["override"]["reason"].as_str().unwrap_or_default().contains("Immune thrombocytopenia"));
    assert!(plt["override"]["at"].as_str().is_some());
}

#[test]
fn v02c_active_bleeding_refuses_the_override() {
    let result = evaluate("v02c-low-platelets-bleeding");
    assert_eq!(verdict(&result), "ineligible");
    let plt = criterion(&result, "I7.plt");
    assert_eq!(plt["outcome"], "fails");
    assert!(plt["override"].is_null());
    assert_eq!(plt["discretion_available"], false);
    assert!(plt["override_ignored"].as_str().unwrap_or_default().contains("Active bleeding yes"), "{plt}");
}

#[test]
fn v03_recent_rituximab_excludes_until_2026_12_11() {
    let result = evaluate("v03-recent-rituximab");
    assert_eq!(verdict(&result), "ineligible");
    assert_eq!(with_outcome(&result, "fails"), ["E13"]);
    assert_eq!(criterion(&result, "E13")["eligible_from"], "2026-12-11");
    assert_eq!(outcome(&result, "I8"), "not_applicable");
    let egfr = criterion(&result, "I7.egfr")["explanation"].as_str().unwrap_or_default().to_owned();
    assert!(egfr.contains("CKD-EPI 2021") && egfr.contains("131."), "{egfr}");
}

#[test]
fn v04a_four_year_old_fails_age_until_her_birthday() {
    let result = evaluate("v04a-too-young");
    assert_eq!(verdict(&result), "ineligible");
    assert_eq!(with_outcome(&result, "fails"), ["I1"]);
    assert_eq!(criterion(&result, "I1")["eligible_from"], "2026-11-03");
    assert_eq!(outcome(&result, "I8"), "not_applicable", "pre-menarche");
    let egfr = criterion(&result, "I7.egfr")["explanation"].as_str().unwrap_or_default().to_owned();
    assert!(egfr.contains("127.44"), "{egfr}");
}

#[test]
fn v04b_on_her_fifth_birthday_age_is_met() {
    let result = evaluate("v04b-fifth-birthday");
    assert_eq!(outcome(&result, "I1"), "passes");
}

#[test]
fn v05_igg_threshold_by_age() {
    for (example, expected) in [
        ("v05a-igg-by-age", "fails"),
        ("v05b-igg-by-age", "passes"),
        ("v05c-igg-by-age", "fails"),
        ("v05d-igg-by-age", "passes"),
        ("v05e-igg-by-age", "passes"),
        ("v05f-igg-by-age", "fails"),
    ] {
        let result = evaluate(example);
        assert_eq!(outcome(&result, "E9"), expected, "{example}: {}", criterion(&result, "E9"));
    }
}

#[test]
fn v05a_low_igg_at_eight_is_not_cured_by_the_ninth_birthday() {
    // Regression guard: at 9 the stricter 6.0 g/L limit applies, so no "eligible from".
    let result = evaluate("v05a-igg-by-age");
    assert!(criterion(&result, "E9")["eligible_from"].is_null());
}

#[test]
fn v06_past_hepatitis_b_excludes() {
    let result = evaluate("v06-past-hepatitis-b");
    assert_eq!(verdict(&result), "ineligible");
    assert_eq!(with_outcome(&result, "fails"), ["E10"]);
}

#[test]
fn v07_tuberculosis_tests() {
    let retest_negative = evaluate("v07a-tb-indeterminate-then-negative");
    assert_eq!(outcome(&retest_negative, "E11"), "passes");
    assert_eq!(verdict(&retest_negative), "eligible");
    let twice = evaluate("v07b-tb-indeterminate-twice");
    assert_eq!(outcome(&twice, "E11"), "fails");
    assert_eq!(verdict(&twice), "ineligible");
    let positive = evaluate("v07c-tb-positive-untreated");
    assert_eq!(outcome(&positive, "E11"), "judgment");
    assert_eq!(verdict(&positive), "incomplete");
}

#[test]
fn v08_treatment_classes() {
    let two_classes = evaluate("v08a-two-classes");
    assert_eq!(outcome(&two_classes, "I4"), "fails");
    assert_eq!(verdict(&two_classes), "ineligible");
    assert_eq!(outcome(&evaluate("v08b-two-steroids-and-mmf"), "I4"), "fails");
    let three_agents = evaluate("v08c-three-counted-agents");
    assert_eq!(outcome(&three_agents, "I4"), "judgment");
    assert_eq!(verdict(&three_agents), "incomplete");
}

#[test]
fn v09_demographics_only_is_incomplete_and_fails_nothing() {
    let result = evaluate("v09-demographics-only");
    assert_eq!(verdict(&result), "incomplete");
    assert!(with_outcome(&result, "fails").is_empty(), "{:?}", with_outcome(&result, "fails"));
    let needed = protocol(&result)["still_needed"].as_array().map_or(0, Vec::len);
    assert!(needed > 20, "the missing items are listed ({needed})");
}

#[test]
fn v10_sledai_with_and_without_serology() {
    assert_eq!(outcome(&evaluate("v10a-sle-cohort-sledai-10"), "SLE.3"), "passes");
    assert_eq!(outcome(&evaluate("v10b-sle-cohort-sledai-8"), "SLE.3"), "fails");
}

#[test]
fn v11_age_65_inclusive() {
    assert_eq!(outcome(&evaluate("v11a-age-65"), "ALL.1"), "passes");
    assert_eq!(outcome(&evaluate("v11b-age-66"), "ALL.1"), "fails");
}

#[test]
fn v12_renal_function_met_by_creatinine_clearance() {
    let result = evaluate("v12-renal-by-clearance");
    assert_eq!(outcome(&result, "ALL.10"), "passes");
    let text = criterion(&result, "ALL.10")["explanation"].as_str().unwrap_or_default().to_owned();
    assert!(text.contains("52.5"), "{text}");
}

#[test]
fn v13_standard_treatment_dose_caps() {
    assert_eq!(outcome(&evaluate("v13a-prednisone-30-only"), "SLE.4"), "fails");
    assert_eq!(outcome(&evaluate("v13b-prednisone-30-and-mmf"), "SLE.4"), "passes");
    assert_eq!(outcome(&evaluate("v13c-methylprednisolone-16"), "SLE.4"), "passes");
}

#[test]
fn v14_dcssc_scopes_out_other_cohorts() {
    let result = evaluate("v14-dcssc-cohort-scoping");
    for criterion in protocol(&result)["criteria"].as_array().into_iter().flatten() {
        let id = criterion["id"].as_str().unwrap_or_default();
        if ["SLE.", "AAV.", "IIM.", "SS."].iter().any(|prefix| id.starts_with(prefix)) {
            assert_eq!(criterion["outcome"], "not_applicable", "{id}");
        }
    }
    assert_eq!(protocol(&result)["exclusions_note"], "Exclusion criteria: not provided in the source document");
    assert!(with_outcome(&result, "fails").is_empty(), "{:?}", with_outcome(&result, "fails"));
}

#[test]
fn v15_huc_msc_awaits_judgment_then_is_eligible_on_available_criteria() {
    let awaiting = evaluate("v15a-huc-msc-awaiting-judgment");
    assert_eq!(verdict(&awaiting), "incomplete");
    assert_eq!(outcome(&awaiting, "S1"), "judgment");
    assert_eq!(protocol(&awaiting)["source_complete"], false);
    let judged = evaluate("v15b-huc-msc-judged");
    assert_eq!(verdict(&judged), "eligible");
    assert_eq!(protocol(&judged)["source_complete"], false);
    assert_eq!(protocol(&judged)["verdict_text"], "ELIGIBLE ON THE AVAILABLE CRITERIA");
}
