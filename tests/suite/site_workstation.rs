//! A registered trial's site folder in the workstation: its items are on the form, a result's
//! method is picked beside its value and recorded in the session (audited), and the board
//! reads it at once.

use std::path::Path;

use chrono::{TimeZone as _, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trialscreen::app::workspace::Folders;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;

fn clock() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().expect("a valid time")
}

#[test]
fn a_result_s_method_is_picked_beside_its_value_and_the_board_reads_it() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sites/NCT03444805");
    let library = trialscreen::cli::common::library(Some(&site), None, false).expect("site library");
    assert!(library.site_problems.is_empty(), "{:?}", library.site_problems);
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("hsct-b.ron");
    std::fs::copy(site.join("sessions/hsct-ssc-b-pvr-smoker.ron"), &path).expect("copy");
    let state = AppState::new(library, Folders::under(folder.path()), clock, Preferences::default());
    let mut harness =
        Harness::builder().with_size([1366.0, 768.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.run();
    harness.state_mut().workspace.open_path(&path).expect("opens");
    harness.run();
    let method = |harness: &Harness<'_, AppState>| {
        let document = harness.state().workspace.document().expect("open");
        document.session().values.get("lvef_with_method").and_then(|entry| entry.method.clone())
    };
    assert_eq!(method(&harness).as_deref(), Some("cardiac_mri"));
    let picker = "LVEF with its method method";
    harness.get_by_label(picker).scroll_to_me();
    harness.run();
    harness.get_by_label(picker).click();
    harness.run();
    harness.get_by_label("by echocardiography").click();
    harness.run();
    assert_eq!(method(&harness).as_deref(), Some("echocardiography"), "recorded in the session");
    let audit = &harness.state().workspace.document().expect("open").session().audit;
    assert!(
        audit.iter().any(|entry| matches!(
            &entry.change,
            trialscreen::session::audit::Change::Value { item, new: Some(new), .. }
                if item == "lvef_with_method" && new.method.as_deref() == Some("echocardiography")
        )),
        "the change is in the audit trail"
    );
    // LVEF 40 % by echocardiography is < 45 %: E3.c now excludes.
    let screening = harness.state().workspace.document().expect("open").session().clone();
    let evaluated = trialscreen::screening::Screening::evaluate(
        &harness.state().workspace.library,
        &screening,
        clock().date_naive(),
    );
    let screened = evaluated.protocols.first().expect("protocol");
    let position = screened.loaded.compiled.protocol.criteria.iter().position(|c| c.id == "E3.c").expect("E3.c");
    let outcome = screened.result.criteria.get(position).expect("result").outcome;
    assert_eq!(outcome, trialscreen::engine::protocol_eval::Outcome::Fails);
}
