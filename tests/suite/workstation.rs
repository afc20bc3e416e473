//! The workstation driven as an investigator would, headless: widgets found by their
//! accessibility labels, typed into, clicked. A plain `harness.run()` fails if the UI keeps
//! repainting, so every test also checks that the screen settles.

use std::path::Path;

use chrono::{DateTime, TimeZone as _, Utc};
use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trialscreen::app::workspace::Folders;
use trialscreen::library::Library;
use trialscreen::model::values::{Value, YesNo};
use trialscreen::session::audit::verify;
use trialscreen::session::store;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;

use crate::common;

use crate::common::installation::PASSPHRASE;
use crate::common::window::{click, has_label_containing, type_into};

const PLATELET_OVERRIDE: &str = "Override refractory-sle-age5 I7.plt";

fn fixed_clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().expect("a valid time")
}

fn workstation(folder: &Path) -> Harness<'static, AppState> {
    let library = Library::bundled().expect("bundled library");
    let state = AppState::new(library, Folders::under(folder), fixed_clock, Preferences::default());
    Harness::builder().with_size([1366.0, 768.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state)
}

/// A workstation over a fresh temporary folder with a bundled example open.
fn opened(file_name: &str) -> (tempfile::TempDir, Harness<'static, AppState>) {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = workstation(folder.path());
    open_example(&mut harness, file_name);
    (folder, harness)
}

fn open_example(harness: &mut Harness<'_, AppState>, file_name: &str) {
    click(harness, &format!("Open example {file_name}"));
    assert!(harness.state().workspace.document().is_some(), "{file_name} opened");
}

/// Types into the field labelled `label` as a person does: focus, replace the text, Enter.
fn enter(harness: &mut Harness<'_, AppState>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, label).set_text_value_accesskit(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn audit_len(harness: &Harness<'_, AppState>) -> usize {
    harness.state().workspace.document().map_or(0, |d| d.session().audit.len())
}

#[test]
fn v1_opens_eligible_and_the_screen_settles() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"), "V1 is eligible");
    assert!(!has_label_containing(&harness, "INELIGIBLE"));
    // Nothing changes, so nothing repaints: one more run is a single frame.
    assert_eq!(harness.run(), 1);
}

#[test]
fn low_platelets_offer_the_override_which_makes_v2_eligible_until_bleeding_refuses_it() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let entries = audit_len(&harness);

    enter(&mut harness, "Platelet count", "52");
    assert_eq!(audit_len(&harness), entries + 1, "one committed change, one audit entry");
    assert!(has_label_containing(&harness, "✖ INELIGIBLE"));
    assert!(has_label_containing(&harness, "Platelet count 52 ×10⁹/L (2026-10-28) < 75 ×10⁹/L"));
    assert!(has_label_containing(&harness, "Discretion available"));

    click(&mut harness, PLATELET_OVERRIDE);
    click(&mut harness, "Override condition, Low platelets from an immune-related cause: yes");
    click(&mut harness, "Override condition, Active bleeding: no");
    type_into(&mut harness, "Reason", "Immune thrombocytopenia, no bleeding; protocol note applies.");
    click(&mut harness, "Record override");

    assert!(harness.state().dialog.is_none(), "the dialog closed");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"), "eligible with the override");
    assert!(has_label_containing(
        &harness,
        "Overridden by Dr A. Investigator at 2026-11-21 09:00 UTC: Immune thrombocytopenia, no bleeding"
    ));
    assert!(has_label_containing(&harness, "✔ met by override"));

    click(&mut harness, "Active bleeding: yes");
    assert!(has_label_containing(&harness, "✖ INELIGIBLE"), "active bleeding refuses the override");
    assert!(has_label_containing(&harness, "Override recorded but refused: Active bleeding yes"));
    let session = harness.state().workspace.document().unwrap().session();
    assert_eq!(session.values.get("active_bleeding").map(|e| &e.value), Some(&Value::YesNo(YesNo::Yes)));
    assert!(verify(session).is_intact());
}

#[test]
fn the_override_dialog_refuses_while_there_is_active_bleeding() {
    let (_folder, mut harness) = opened("v02c-low-platelets-bleeding.ron");
    assert!(has_label_containing(&harness, "✖ INELIGIBLE"));
    assert!(has_label_containing(&harness, "Override recorded but refused"));
    // Withdraw the ignored override, then the row offers no override at all.
    click(&mut harness, "Withdraw the override on refractory-sle-age5 I7.plt");
    type_into(&mut harness, "Reason for withdrawing", "Active bleeding: the discretion does not apply.");
    click(&mut harness, "Withdraw");
    assert!(has_label_containing(&harness, "Override not possible: Active bleeding yes"));
    assert!(harness.query_by_label(PLATELET_OVERRIDE).is_none(), "no Override… while bleeding");
}

#[test]
fn text_that_is_not_a_number_is_refused_with_a_message_and_changes_nothing() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let before = harness.state().workspace.document().unwrap().session().clone();

    enter(&mut harness, "Platelet count", "abc");
    assert!(has_label_containing(&harness, "✖ not a number"));
    enter(&mut harness, "Platelet count", "12,5");
    assert!(has_label_containing(&harness, "✖ use a decimal point: 12.5"));

    // Said again in the language chosen after it appeared, the typed text kept; and back.
    harness.state_mut().set_language(trialscreen::i18n::Language::ZhCn);
    harness.run();
    assert!(has_label_containing(&harness, "✖ 请使用小数点：12.5"), "the message is said in Chinese");
    assert!(!has_label_containing(&harness, "use a decimal point"), "no longer in English");
    harness.state_mut().set_language(trialscreen::i18n::Language::En);
    harness.run();
    assert!(has_label_containing(&harness, "✖ use a decimal point: 12.5"));
    // A value held back for confirmation is asked about in the new language too.
    enter(&mut harness, "Haemoglobin", "13");
    assert!(has_label_containing(&harness, "is implausible — did you mean g/dL?"));
    harness.state_mut().set_language(trialscreen::i18n::Language::ZhCn);
    harness.run();
    assert!(!has_label_containing(&harness, "is implausible"), "the confirmation is said again");
    assert!(has_label_containing(&harness, "13 g/L不合理——是否应为g/dL？"), "in Chinese");
    harness.state_mut().set_language(trialscreen::i18n::Language::En);
    harness.run();

    let after = harness.state().workspace.document().unwrap().session();
    assert_eq!(after, &before, "no value changed and no audit entry was written");
    assert!(!harness.state().is_dirty());
}

#[test]
fn a_unit_slip_is_held_back_until_the_unit_is_picked() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let entries = audit_len(&harness);
    enter(&mut harness, "Haemoglobin", "13");
    assert!(has_label_containing(&harness, "⚠ Haemoglobin 13 g/L is implausible — did you mean g/dL?"));
    assert_eq!(audit_len(&harness), entries, "not committed while implausible");
    click(&mut harness, "Use g/dL");
    assert_eq!(audit_len(&harness), entries + 1);
    let value = &harness.state().workspace.document().unwrap().session().values["haemoglobin"].value;
    assert!(matches!(value, Value::Number(m) if m.value == 13.0 && m.unit.code() == "g/dL"), "{value:?}");
}

#[test]
fn a_session_saves_through_a_folder_verifies_and_reopens_equal() {
    let (folder, mut harness) = opened("v01-eligible-adolescent.ron");
    enter(&mut harness, "Platelet count", "52");
    assert!(harness.state().title().ends_with(" *"), "unsaved changes show in the title");

    // An example is a template: saving asks for a new file, in the per-user folder.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(has_label_containing(&harness, "Save the screening as"));
    click(&mut harness, "Save");
    let path = folder.path().join("sessions").join("V01-2026-11-02.ron");
    assert!(path.is_file(), "saved to {}", path.display());
    assert!(!harness.state().title().ends_with(" *"));

    let (saved, _) = store::open(&path).unwrap();
    assert!(verify(&saved).is_intact(), "{:?}", verify(&saved).problems);
    let in_memory = harness.state().workspace.document().unwrap().session().clone();
    assert_eq!(saved, in_memory);

    // Close it and reopen it from the session browser.
    harness.state_mut().workspace.close();
    harness
        .state_mut()
        .browser
        .scan(&Library::bundled().unwrap(), chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    harness.run();
    click(&mut harness, "Open V01-2026-11-02.ron");
    let reopened = harness.state().workspace.document().unwrap().session();
    assert_eq!(reopened, &saved);
    assert!(has_label_containing(&harness, "✖ INELIGIBLE"));

    // The browser shows the screening log's counts over its folder.
    let counts = &harness.state().browser.counts;
    assert!(counts.contains("refractory-sle-age5") && counts.contains("I7.plt"), "{counts}");
}

#[test]
fn a_file_that_does_not_parse_is_reported_with_line_and_column_and_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.ron");
    let text = "(\n    format_version: 1,\n    participant_code: 42,\n)\n";
    std::fs::write(&path, text).unwrap();
    let mut harness = workstation(folder.path());
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(harness.state().workspace.document().is_none());
    assert!(has_label_containing(&harness, "The session could not be opened"));
    assert!(has_label_containing(&harness, "line 3, column"), "the message names where");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "never overwritten");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    enter(&mut harness, "Platelet count", "52");

    let request_close = |harness: &mut Harness<'_, AppState>| {
        harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
        harness.run();
    };
    request_close(&mut harness);
    assert!(has_label_containing(&harness, "has changes that are not saved"));
    click(&mut harness, "Cancel");
    assert!(harness.state().dialog.is_none());
    assert!(harness.state().workspace.document().is_some(), "still open after Cancel");
    assert!(!harness.state().is_closing());

    request_close(&mut harness);
    click(&mut harness, "Discard changes");
    assert!(harness.state().is_closing(), "Discard changes lets the window close");
}

#[test]
fn typing_stays_out_of_the_session_and_out_of_persisted_memory() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let field = harness.get_by_role_and_label(Role::TextInput, "Platelet count");
    field.focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Platelet count").set_text_value_accesskit("98765");
    harness.run();
    assert!(!harness.state().is_dirty(), "half-typed text is not committed");
    let persisted = harness.ctx.memory(|memory| ron::to_string(memory).unwrap());
    assert!(!persisted.contains("98765"), "a draft never reaches eframe's persisted memory");
}

#[test]
fn a_still_needed_item_leads_to_its_field() {
    let (_folder, mut harness) = opened("v09-demographics-only.ron");
    assert!(has_label_containing(&harness, "? INCOMPLETE"));
    click(&mut harness, "Haemoglobin (1)");
    assert!(harness.get_by_role_and_label(Role::TextInput, "Haemoglobin").is_focused());
    click(&mut harness, "Treatment history (5)");
    assert!(harness.get_by_label("Search the drug catalogue").is_focused());
}

#[test]
fn a_judgment_is_decided_in_the_criterion_s_words_and_the_incomplete_source_stays_said() {
    let (_folder, mut harness) = opened("v15a-huc-msc-awaiting-judgment.ron");
    assert!(has_label_containing(&harness, "? INCOMPLETE"));
    assert!(has_label_containing(
        &harness,
        "⚠ Criteria incomplete in source: inclusion 5+ and all exclusions not available"
    ));
    click(&mut harness, "Decide huc-msc-sle S1");
    click(&mut harness, "Judged met");
    type_into(&mut harness, "Reason", "SLEDAI-2K 10 with active nephritis: moderate to severe.");
    click(&mut harness, "Record judgment");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE ON THE AVAILABLE CRITERIA"));
    assert!(has_label_containing(&harness, "⚠ Criteria incomplete in source"), "the banner stays beside the verdict");
    assert!(has_label_containing(&harness, "Judged met by Dr A. Investigator at 2026-11-21 09:00 UTC: SLEDAI-2K 10"));
}

#[test]
fn a_protocol_without_exclusions_says_so_and_other_cohorts_are_not_applicable() {
    let (_folder, harness) = opened("v14-dcssc-cohort-scoping.ron");
    assert!(has_label_containing(&harness, "Exclusion criteria: not provided in the source document"));
    assert!(has_label_containing(&harness, "Cohort Diffuse cutaneous systemic sclerosis"));
    assert!(has_label_containing(&harness, "– not applicable"));
}

/// A workstation whose per-user data folder has the V1 example saved (sealed) as
/// `sessions/v01.ron`, and a signing identity for Dr A. Investigator created through its
/// dialog (with cheap Argon2id parameters).
fn with_saved_v1_and_identity() -> (tempfile::TempDir, Harness<'static, AppState>, std::path::PathBuf) {
    with_saved_example_and_identity("v01-eligible-adolescent")
}

/// A bundled example saved as a session and opened, with Dr A. Investigator's identity.
fn with_saved_example_and_identity(
    example: &str,
) -> (tempfile::TempDir, Harness<'static, AppState>, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = workstation(folder.path());
    harness.state_mut().workspace.signing_kdf = common::installation::CHEAP;
    harness.state_mut().dialog = Some(trialscreen::ui::dialog::Dialog::CreateIdentity {
        name: "Dr A. Investigator".to_owned(),
        passphrase: Default::default(),
        repeated: Default::default(),
        message: None,
    });
    harness.run();
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    type_into(&mut harness, "Passphrase again", "not the same");
    click(&mut harness, "Create");
    assert!(has_label_containing(&harness, "the two passphrases differ"));
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    type_into(&mut harness, "Passphrase again", PASSPHRASE);
    click(&mut harness, "Create");
    assert!(has_label_containing(&harness, "Signing identity created for Dr A. Investigator: key "));
    let path = folder.path().join("sessions").join(format!("{example}.ron"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let data = trialscreen::user_data::UserData::at(folder.path());
    let mut session = common::example(example);
    trialscreen::session::sealing::prepare(&mut session, "Dr A. Investigator", fixed_clock()).unwrap();
    let sealer = trialscreen::session::sealing::Sealer::of(&data).unwrap();
    store::save(&mut session, &path, &trialscreen::files::FileHead::Absent, &sealer).unwrap();
    harness.state_mut().open_path(&path);
    harness.run();
    (folder, harness, path)
}

/// Issue 18: signing saved nothing until Ctrl+S. Now the passphrase is asked every time, a
/// wrong one signs nothing, and a signature is on disk, sealed, the moment it is made; the
/// session is then read-only until amended, which is signed and saved the same way.
#[test]
fn signing_saves_at_once() {
    use egui_kittest::kittest::NodeT as _;
    let (_folder, mut harness, path) = with_saved_v1_and_identity();
    let before = std::fs::read(&path).unwrap();
    click(&mut harness, "Sign…");
    type_into(&mut harness, "Passphrase", "wrong horse battery");
    click(&mut harness, "Sign and save");
    assert!(has_label_containing(&harness, "wrong passphrase for the signing identity of Dr A. Investigator"));
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing signed, nothing written");
    assert!(!harness.state().workspace.document().unwrap().session().is_signed());
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    click(&mut harness, "Sign and save");
    assert!(has_label_containing(&harness, "✔ signed by Dr A. Investigator at 2026-11-21 09:00 UTC"));
    assert!(has_label_containing(&harness, "Signed and saved to"));
    assert!(!harness.state().is_dirty(), "saved at once");
    assert!(!harness.state().title().ends_with('*'));
    let (on_disk, text) = store::open(&path).unwrap();
    assert!(on_disk.is_signed() && verify(&on_disk).is_intact());
    assert!(on_disk.signature.as_ref().and_then(|s| s.electronic.as_ref()).is_some(), "an electronic signature");
    // An eligible screening is signed by default with the statement that says so, by its id.
    let signature = on_disk.signature.as_ref().unwrap();
    assert_eq!(signature.electronic.as_ref().unwrap().meaning_id, "eligible");
    assert_eq!(signature.meaning, trialscreen::session::sign_meaning::meaning("eligible").unwrap().statement);
    assert!(signature.acknowledged.is_empty());
    let findings = trialscreen::session::integrity::check(
        &on_disk,
        &text,
        trialscreen::session::integrity::RosterView::Missing,
        Ok(&Default::default()),
    );
    assert!(findings.iter().any(|f| matches!(f, trialscreen::session::integrity::Finding::Sealed { .. })));
    let field = harness.get_by_role_and_label(Role::TextInput, "Platelet count");
    assert!(field.accesskit_node().is_disabled(), "signed: the form is read-only");
    assert!(harness.query_by_label(PLATELET_OVERRIDE).is_none());

    click(&mut harness, "Amend…");
    type_into(&mut harness, "Reason for the amendment", "Platelet count re-measured.");
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    click(&mut harness, "Reopen for amendment");
    let field = harness.get_by_role_and_label(Role::TextInput, "Platelet count");
    assert!(!field.accesskit_node().is_disabled(), "amended: editable again");
    let session = harness.state().workspace.document().unwrap().session();
    assert!(!session.is_signed());
    assert!(verify(session).is_intact());
    let (on_disk, _) = store::open(&path).unwrap();
    assert!(!on_disk.is_signed() && verify(&on_disk).is_intact(), "the amendment is saved at once too");
}

/// Issue 18: signing a screening that is not fully decided lists what is still missing or
/// awaiting judgment and needs an explicit acknowledgement, which the record keeps; a
/// statement that the participant is eligible is not offered.
#[test]
fn signing_an_undecided_screening_needs_an_acknowledgement_the_record_keeps() {
    use egui_kittest::kittest::NodeT as _;
    let (_folder, mut harness, path) = with_saved_example_and_identity("v15a-huc-msc-awaiting-judgment");
    click(&mut harness, "Sign…");
    let eligible = trialscreen::session::sign_meaning::meaning("eligible").unwrap().statement;
    assert!(harness.query_by_label(eligible).is_none(), "an undecided screening cannot be signed as eligible");
    let undecided = trialscreen::session::sign_meaning::meaning("reviewed_undecided").unwrap().statement;
    assert!(harness.query_by_label(undecided).is_some());
    assert!(has_label_containing(&harness, "Not decided (1): signing states that you acknowledge them."));
    assert!(has_label_containing(&harness, "? huc-msc-sle "), "each undecided criterion is listed");
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    let sign = harness.get_by_label("Sign and save");
    assert!(sign.accesskit_node().is_disabled(), "not without the acknowledgement");
    click(&mut harness, trialscreen::ui::sign_dialog_ui::ACKNOWLEDGE);
    click(&mut harness, "Sign and save");
    assert!(has_label_containing(&harness, "Signed and saved to"));
    let (on_disk, _) = store::open(&path).unwrap();
    let signature = on_disk.signature.as_ref().expect("signed");
    assert_eq!(signature.electronic.as_ref().unwrap().meaning_id, "reviewed_undecided");
    assert_eq!(signature.acknowledged.len(), 1, "{:?}", signature.acknowledged);
    assert!(signature.acknowledged[0].starts_with("huc-msc-sle "), "{:?}", signature.acknowledged);
    assert!(signature.meaning.starts_with(undecided));
    assert!(signature.meaning.contains("Acknowledged as not decided: huc-msc-sle "), "{}", signature.meaning);
    assert!(verify(&on_disk).is_intact(), "the electronic signature covers the acknowledgement");
}

/// Issue 12: an older copy of a session put back in place of its file opened as if current.
/// The window's Open compares it with this computer's ledger, says so and keeps it read-only.
#[test]
fn opening_an_older_copy_than_this_computer_saved_warns_and_is_read_only() {
    use egui_kittest::kittest::NodeT as _;
    let (folder, mut harness, path) = with_saved_v1_and_identity();
    let older = std::fs::read(&path).unwrap();
    let sequence = harness.state().workspace.document().unwrap().session().head().unwrap().0;
    enter(&mut harness, "Platelet count", "52");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().is_dirty());
    harness.state_mut().workspace.close();
    std::fs::write(&path, &older).unwrap();
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(has_label_containing(&harness, "This file is open read-only"));
    let expected = format!("this file is older than its last save on this computer (sequence {}", sequence + 1);
    assert!(has_label_containing(&harness, &expected), "{expected}");
    assert!(has_label_containing(&harness, &format!("file has {sequence})")));
    click(&mut harness, "OK");
    let field = harness.get_by_role_and_label(Role::TextInput, "Platelet count");
    assert!(field.accesskit_node().is_disabled(), "read-only");
    drop(folder);
}

#[test]
fn unsaved_edits_are_journalled_and_offered_back_at_the_next_start() {
    let (folder, mut harness) = opened("v01-eligible-adolescent.ron");
    enter(&mut harness, "Platelet count", "52");
    let wait = harness.state().workspace.journal_wait(std::time::Instant::now());
    assert!(wait.is_some_and(|wait| wait <= std::time::Duration::from_secs(2)), "a journal is due within 2 s");
    let later = std::time::Instant::now() + std::time::Duration::from_secs(2);
    let written = harness.state_mut().workspace.write_journal_if_due(later).unwrap().unwrap();
    assert!(written.is_file());
    let edited = harness.state().workspace.document().unwrap().session().clone();
    drop(harness);

    // The next start finds the journal and restores it.
    let mut harness = workstation(folder.path());
    harness.state_mut().offer_recovery();
    harness.run();
    assert!(has_label_containing(&harness, "Unsaved work was found"));
    assert!(has_label_containing(&harness, "platelets: "), "the changes are listed");
    click(&mut harness, "Restore V01 (never saved)");
    let restored = harness.state().workspace.document().unwrap().session();
    assert_eq!(restored, &edited);
    assert!(harness.state().is_dirty(), "restored work is unsaved until saved");
}

#[test]
fn closing_while_a_value_is_still_being_typed_commits_it_and_asks() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let before = audit_len(&harness);
    harness.get_by_role_and_label(Role::TextInput, "Platelet count").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Platelet count").set_text_value_accesskit("52");
    harness.run();
    // No Enter, no click elsewhere: the window is closed with the text still in the field.
    harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    harness.run();
    assert_eq!(audit_len(&harness), before + 1, "the typed value was committed, not dropped");
    assert!(has_label_containing(&harness, "has changes that are not saved"));
    assert!(!harness.state().is_closing());
}

#[test]
fn print_writes_the_summary_pdf_beside_the_session() {
    let (folder, mut harness) = opened("v02b-low-platelets-override.ron");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    assert!(has_label_containing(&harness, "Print the screening summary"));
    click(&mut harness, "US Letter");
    click(&mut harness, "Write PDF");
    let pdf = folder
        .path()
        .join("sessions")
        .read_dir()
        .expect("sessions folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".summary.pdf"))
        .expect("the PDF was written");
    let bytes = std::fs::read(&pdf).expect("PDF");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    assert!(has_label_containing(&harness, "✔ Written"));
    assert!(has_label_containing(&harness, "Open in viewer"));
    click(&mut harness, "Close");
    assert!(!has_label_containing(&harness, "Print the screening summary"));
}

/// Issue 14: `lp` ran inside a frame (`.status()`), so a slow print system froze the window.
/// Now it runs on a thread: the frame that sends returns at once, the button says it is
/// sending, and the outcome shows when the print command has finished.
#[cfg(unix)]
#[test]
fn sending_to_the_printer_never_holds_a_frame() {
    use std::os::unix::fs::PermissionsExt as _;
    let (folder, mut harness) = opened("v02b-low-platelets-override.ron");
    let lp = folder.path().join("lp");
    std::fs::write(&lp, "#!/bin/sh\nsleep 3\n").unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o700)).unwrap();
    harness.state_mut().dialog =
        Some(trialscreen::ui::dialog::Dialog::Print(trialscreen::ui::print_dialog_ui::PrintState {
            printer: Some(lp),
            ..Default::default()
        }));
    harness.run();
    click(&mut harness, "Write PDF");
    let started = std::time::Instant::now();
    click(&mut harness, "Send to printer");
    assert!(started.elapsed() < std::time::Duration::from_millis(2500), "the frame did not wait for lp");
    assert!(has_label_containing(&harness, "Sending to the printer…"));
    let mut sent = false;
    for _ in 0..400 {
        std::thread::sleep(std::time::Duration::from_millis(25));
        harness.run();
        if has_label_containing(&harness, "sent to the printer") {
            sent = true;
            break;
        }
    }
    assert!(sent, "the outcome is shown once lp has finished");
    assert!(has_label_containing(&harness, "Send to printer"));
}

/// A workstation over a fresh temporary folder with a copy of `source` open from its file.
fn opened_file(source: &Path) -> (tempfile::TempDir, std::path::PathBuf, Harness<'static, AppState>) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(source.file_name().unwrap());
    std::fs::copy(source, &path).unwrap();
    let mut harness = workstation(folder.path());
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(harness.state().workspace.document().is_some(), "{} opened", path.display());
    (folder, path, harness)
}

const GOLDEN_V1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v1-signed-session.ron");

fn session(harness: &Harness<'_, AppState>) -> trialscreen::session::model::Session {
    harness.state().workspace.document().unwrap().session().clone()
}

/// Yes/no and choice results had no date part: a pregnancy test or an ECG finding could not
/// be dated in the window, so it never counted. Every result now takes its date beside its
/// answer; a date after today is refused where it is typed and changes nothing.
#[test]
fn a_yes_no_or_choice_result_takes_its_date_and_a_future_date_is_refused() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let before = session(&harness);

    enter(&mut harness, "Clinically significant ECG abnormality (12-lead) date", "2026-11-25");
    assert!(has_label_containing(
        &harness,
        "✖ the sample date 2026-11-25 is after today (2026-11-21): enter the date the sample was taken"
    ));
    assert_eq!(session(&harness), before, "a refused date changes nothing");

    enter(&mut harness, "Clinically significant ECG abnormality (12-lead) date", "2026-11-10");
    let after = session(&harness);
    assert_eq!(after.audit.len(), before.audit.len() + 1, "one committed change, one audit entry");
    let ecg = &after.values["ecg_significant_abnormality"];
    assert_eq!((&ecg.value, ecg.date), (&Value::YesNo(YesNo::No), chrono::NaiveDate::from_ymd_opt(2026, 11, 10)));

    enter(&mut harness, "Blood pregnancy test date", "2026-11-03");
    let test = &session(&harness).values["serum_pregnancy_test"];
    assert_eq!(test.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 3), "a choice result is dated the same way");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
}

/// An undated result is MISSING with what to do, on the board and in the still-needed list,
/// which leads to its date part.
#[test]
fn an_undated_result_says_enter_the_sample_date_and_the_list_leads_to_its_date() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    click(&mut harness, "Clear Blood pregnancy test");
    click(&mut harness, "Blood pregnancy test: negative");
    let test = &session(&harness).values["serum_pregnancy_test"];
    assert_eq!(test.date, None, "cleared with its date, answered again without one");
    assert!(has_label_containing(&harness, "? INCOMPLETE"));
    assert!(has_label_containing(&harness, "Blood pregnancy test has no date: enter the sample date"));

    let needed = "Blood pregnancy test (1) — enter the sample date";
    click(&mut harness, needed);
    assert!(harness.get_by_role_and_label(Role::TextInput, "Blood pregnancy test date").is_focused());
    enter(&mut harness, "Blood pregnancy test date", "2026-11-02");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
    assert!(!has_label_containing(&harness, needed));
}

/// A conclusion from absence needs the history attested complete; the attestation is
/// offered beside the list, lapses when the list changes, and is recorded in the trail.
#[test]
fn the_treatment_history_is_attested_complete_and_lapses_when_a_row_changes() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    assert!(has_label_containing(&harness, "✔ attested complete by Dr A. Investigator at 2026-11-02 09:20 UTC"));

    click(&mut harness, "Remove Belimumab");
    assert!(has_label_containing(&harness, "⚠ changed since attested: attest again"));
    assert!(has_label_containing(&harness, "? INCOMPLETE"), "absence proves nothing until attested again");
    assert!(has_label_containing(
        &harness,
        "treatment history changed since it was attested complete: attest it again"
    ));
    let board = &harness.state().workspace.document().unwrap().board();
    let needed = board.still_needed.iter().find(|n| n.item == "treatment_history").expect("history needed");
    assert!(needed.words.ends_with(") — changed since attested: attest again"), "{}", needed.words);
    let needed = needed.words.clone();
    click(&mut harness, &needed);
    assert!(harness.get_by_label("Attest complete").is_focused(), "the list leads to the attestation");

    let entries = audit_len(&harness);
    click(&mut harness, "Attest complete");
    assert_eq!(audit_len(&harness), entries + 1, "the attestation is one audit entry");
    let session = session(&harness);
    let last = session.audit.last().unwrap();
    assert!(matches!(&last.change, trialscreen::session::audit::Change::Attested { .. }), "{:?}", last.change);
    assert!(has_label_containing(&harness, "✔ attested complete by Dr A. Investigator at 2026-11-21 09:00 UTC"));
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
    assert!(verify(&session).is_intact());
}

/// A history never entered is attested as an empty list: "no treatment", complete.
#[test]
fn attesting_a_history_never_entered_records_no_treatment() {
    let (_folder, mut harness) = opened("v09-demographics-only.ron");
    assert!(has_label_containing(&harness, "⚠ not attested complete — what is not listed cannot be ruled out"));
    let entries = audit_len(&harness);
    click(&mut harness, "Attest complete");
    assert_eq!(audit_len(&harness), entries + 2, "the empty history, then its attestation");
    let session = session(&harness);
    assert_eq!(session.values["treatment_history"].value, Value::Treatments(Vec::new()));
    assert_eq!(session.attestations.len(), 1);
    assert!(has_label_containing(&harness, "✔ attested complete by"));
}

/// An override recorded at 52 ×10⁹/L kept passing at another count; now it lapses, the row
/// says what changed, and Override… decides again.
#[test]
fn a_lapsed_override_says_what_changed_and_can_be_decided_again() {
    let (_folder, mut harness) = opened("v02b-low-platelets-override.ron");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
    enter(&mut harness, "Platelet count", "48");
    assert!(has_label_containing(&harness, "✖ INELIGIBLE"), "the override no longer applies");
    assert!(has_label_containing(&harness, "⚠ Decision out of date — values changed since it was recorded"));
    assert!(has_label_containing(&harness, "Platelet count 52 ×10⁹/L, 2026-10-28 → 48 ×10⁹/L, 2026-10-28"));
    assert!(has_label_containing(&harness, "Recorded override by Dr A. Investigator at 2026-11-02"));

    click(&mut harness, PLATELET_OVERRIDE);
    type_into(&mut harness, "Reason", "Immune thrombocytopenia at 48, no bleeding; protocol note applies.");
    click(&mut harness, "Record override");
    assert!(harness.state().dialog.is_none(), "the dialog closed");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"), "decided again at 48");
    assert!(!has_label_containing(&harness, "Decision out of date"));
}

/// A session on version 1 is evaluated under version 1 with a banner naming what version 2
/// corrects; signed, it stays there; once amended (unsigned) it may be re-screened, after a
/// confirmation, as an audited change of its pin.
#[test]
fn an_older_protocol_version_names_its_corrections_and_an_unsigned_session_may_be_rescreened() {
    let (folder, _path, mut harness) = opened_file(Path::new(GOLDEN_V1));
    let data = trialscreen::user_data::UserData::at(folder.path());
    let name = trialscreen::records::signer_name::SignerName::parse("Dr A. Investigator").unwrap();
    trialscreen::records::identity::IdentityStore::at(data.signer_identities())
        .create(&name, PASSPHRASE, common::installation::CHEAP, fixed_clock())
        .unwrap();
    let rescreen = "Re-screen refractory-sle-age5 under version 2…";
    assert!(has_label_containing(
        &harness,
        "⚠ Screened under version 1; version 2 corrects these readings (the signed record stays on version 1):"
    ));
    assert!(has_label_containing(&harness, "• I9: Whether the legal guardian must also consent"));
    assert!(harness.query_by_label(rescreen).is_none(), "a signed record is not offered a re-screen");

    click(&mut harness, "Amend…");
    type_into(&mut harness, "Reason for the amendment", "Results to be dated under the current rules.");
    type_into(&mut harness, "Passphrase", PASSPHRASE);
    click(&mut harness, "Reopen for amendment");
    assert!(has_label_containing(&harness, "(this unsigned session can be re-screened under version 2):"));

    click(&mut harness, rescreen);
    assert!(has_label_containing(&harness, "Re-screen under version 2"));
    let entries = audit_len(&harness);
    click(&mut harness, "Re-screen");
    assert!(harness.state().dialog.is_none(), "the dialog closed");
    assert_eq!(audit_len(&harness), entries + 1, "the re-screen is one audit entry");
    let session = session(&harness);
    assert_eq!(session.protocols.first().map(|p| p.version), Some(2));
    assert!(!has_label_containing(&harness, "Screened under version 1"));
    assert!(verify(&session).is_intact(), "{:?}", verify(&session).problems);
}

/// A format-1 signature recorded no verdict: the verdict card says so beside today's.
#[test]
fn a_format_1_signature_says_its_verdict_was_not_recorded_beside_today_s() {
    let (_folder, _path, harness) = opened_file(Path::new(GOLDEN_V1));
    assert!(has_label_containing(
        &harness,
        "⚠ The verdict at signing was not recorded (format 1); under the current rules INCOMPLETE because I7.lvef, I7.spo2, I8"
    ));
}

/// A session built from a bundled example with `edits` applied through the audit trail,
/// signed as `signed_as` says (by Dr A. Investigator, with an identity in the folder of
/// `path`), and saved there (sealed, as the window saves).
fn saved_example(
    name: &str,
    path: &Path,
    edits: Vec<trialscreen::session::audit::Edit>,
    signed_as: Option<Vec<trialscreen::session::model::SignedVerdict>>,
) -> trialscreen::session::model::Session {
    let text = std::fs::read_to_string(format!("{}/data/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut session = trialscreen::session::load::parse_session(&text).unwrap();
    let data = trialscreen::user_data::UserData::at(path.parent().unwrap());
    trialscreen::session::sealing::prepare(&mut session, "Dr A. Investigator", fixed_clock()).unwrap();
    for edit in edits {
        trialscreen::session::audit::apply(&mut session, edit, "Dr A. Investigator", fixed_clock()).unwrap();
    }
    if let Some(verdicts) = signed_as {
        let name = trialscreen::records::signer_name::SignerName::parse("Dr A. Investigator").unwrap();
        let store = trialscreen::records::identity::IdentityStore::at(data.signer_identities());
        let identity = store.create(&name, PASSPHRASE, common::installation::CHEAP, fixed_clock()).unwrap();
        let unlocked = identity.unlock(PASSPHRASE).unwrap();
        trialscreen::session::e_signing::sign(
            &mut session,
            &unlocked,
            &trialscreen::session::sign_meaning::SignOff::custom("I confirm"),
            verdicts,
            "Dr A. Investigator",
            fixed_clock(),
        )
        .unwrap();
    }
    let sealer = trialscreen::session::sealing::Sealer::of(&data).unwrap();
    store::save(&mut session, path, &trialscreen::files::FileHead::Absent, &sealer).unwrap();
    session
}

/// Signed as ELIGIBLE (as an earlier build's rules had it), INELIGIBLE under today's: both
/// verdicts are shown, never a silent rewrite of what was signed.
#[test]
fn a_signed_verdict_that_today_s_rules_change_is_shown_beside_it() {
    use trialscreen::session::audit::Edit;
    use trialscreen::session::model::{Entry, SignedVerdict};
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("signed.ron");
    let mut low = session_of("v01-eligible-adolescent.ron").values["platelets"].clone();
    if let Value::Number(m) = &mut low.value {
        m.value = 52.0;
    }
    let signed_as =
        SignedVerdict { protocol: "refractory-sle-age5".to_owned(), version: 2, verdict: "eligible".to_owned() };
    saved_example(
        "v01-eligible-adolescent.ron",
        &path,
        vec![Edit::SetValue { item: "platelets".to_owned(), entry: Some(Entry { raw: None, ..low }) }],
        Some(vec![signed_as]),
    );
    let mut harness = workstation(folder.path());
    harness.state_mut().open_path(&path);
    harness.run();
    assert!(has_label_containing(
        &harness,
        "⚠ Signed as ELIGIBLE; under the current rules INELIGIBLE because I7.plt not met"
    ));
}

fn session_of(file_name: &str) -> trialscreen::session::model::Session {
    let text = std::fs::read_to_string(format!("{}/data/examples/{file_name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    trialscreen::session::load::parse_session(&text).unwrap()
}

/// A session listing a protocol twice contradicts itself: it opens read-only with the
/// contradiction shown, and no edit is possible (a copy can be saved).
#[test]
fn a_session_listing_a_protocol_twice_opens_read_only() {
    use egui_kittest::kittest::NodeT as _;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("twice.ron");
    let once = session_of("v01-eligible-adolescent.ron").protocols;
    let protocols = [once.clone(), once].concat();
    let edits = vec![trialscreen::session::audit::Edit::SetProtocols(protocols)];
    let twice = saved_example("v01-eligible-adolescent.ron", &path, edits, None);
    let mut harness = workstation(folder.path());
    harness.state_mut().open_path(&path);
    harness.run();

    assert!(has_label_containing(&harness, "lists the protocol more than once"));
    assert!(has_label_containing(&harness, "read-only: the session contradicts itself"));
    let field = harness.get_by_role_and_label(Role::TextInput, "Platelet count");
    assert!(field.accesskit_node().is_disabled(), "the form is read-only");
    assert!(harness.get_by_label("Sign…").accesskit_node().is_disabled());
    let refused = harness
        .state_mut()
        .workspace
        .apply(trialscreen::session::audit::Edit::Attest { item: "treatment_history".to_owned() });
    assert!(refused.is_err(), "no edit is applied to a session that contradicts itself");
    assert_eq!(session(&harness), twice);
}

/// A site protocol file that did not load stops no other trial: the start view says so, and
/// View → Protocols… lists every loaded protocol with the bad file and why.
#[test]
fn a_site_file_that_did_not_load_is_shown_in_the_protocols_view() {
    let folder = tempfile::tempdir().unwrap();
    let mut library = Library::bundled().expect("bundled library");
    library.site_problems.push(trialscreen::library::SiteProblem {
        file: "/site/protocols/bad.ron".to_owned(),
        message:
            "protocol x has 1 problem(s):\n  line 9, column 4: I1: item \"platelet\" is not in the data dictionary"
                .to_owned(),
    });
    library.site_vocabulary.push("/site/units.ron".to_owned());
    let state = AppState::new(library, Folders::under(folder.path()), fixed_clock, Preferences::default());
    let mut harness =
        Harness::builder().with_size([1024.0, 700.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.run();
    assert!(has_label_containing(&harness, "1 site protocol file(s) did not load; the other trials are available"));
    click(&mut harness, "View");
    click(&mut harness, "Protocols…");
    assert!(has_label_containing(&harness, "refractory-sle-age5"), "bundled protocols are listed");
    assert!(has_label_containing(&harness, "✔ /site/units.ron: added to the bundled vocabulary"));
    assert!(has_label_containing(&harness, "✖ /site/protocols/bad.ron: protocol x has 1 problem(s)"));
    assert!(has_label_containing(&harness, "line 9, column 4"));
    click(&mut harness, "Close");
    assert!(harness.state().dialog.is_none());
    open_example(&mut harness, "v01-eligible-adolescent.ron");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"), "the other trials are available");
}

/// Ctrl+N after a screening keeps the investigator and the protocols (with cohorts) chosen;
/// the participant and the other dates are left to enter.
#[test]
fn ctrl_n_keeps_the_investigator_and_the_protocols() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.state().workspace.document().is_none(), "the start view");
    let draft = &harness.state().new_screening;
    assert_eq!(draft.investigator, "Dr A. Investigator");
    assert_eq!(draft.protocols.get("refractory-sle-age5"), Some(&(true, None)));
    assert!(draft.participant_code.is_empty());
    assert_eq!(draft.screening, fixed_clock().date_naive().to_string());
    assert!(draft.consent.is_empty() && draft.enrollment.is_empty());
}

fn agents(harness: &Harness<'_, AppState>) -> Vec<String> {
    match session(harness).values.get("treatment_history").map(|entry| &entry.value) {
        Some(Value::Treatments(rows)) => rows.iter().map(|row| row.agent.clone()).collect(),
        _ => Vec::new(),
    }
}

/// The treatment search adds the highlighted match on Enter; the arrow keys move the
/// highlight, and a click still adds any match.
#[test]
fn the_treatment_search_adds_the_highlighted_match_on_enter() {
    let (_folder, mut harness) = opened("v09-demographics-only.ron");
    let before = agents(&harness);
    type_into(&mut harness, "Search the drug catalogue", "ritux");
    harness.key_press(Key::Enter);
    harness.run();
    let mut expected = before.clone();
    expected.push("rituximab".to_owned());
    assert_eq!(agents(&harness), expected, "Enter added the first match");

    type_into(&mut harness, "Search the drug catalogue", "predniso");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    expected.push("prednisolone".to_owned());
    assert_eq!(agents(&harness), expected, "the second match, highlighted with ↓");
}

/// The session list shows each verdict with its icon and word, on one line.
#[test]
fn the_session_list_shows_verdicts_with_icon_and_word() {
    let folder = tempfile::tempdir().unwrap();
    let folders = Folders::under(folder.path());
    std::fs::create_dir_all(&folders.sessions).unwrap();
    for name in ["v01-eligible-adolescent.ron", "v03-recent-rituximab.ron"] {
        std::fs::copy(format!("{}/{name}", common::EXAMPLES), folders.sessions.join(name)).unwrap();
    }
    let library = Library::bundled().expect("bundled library");
    let state = AppState::new(library, folders, fixed_clock, Preferences::default());
    let mut harness =
        Harness::builder().with_size([1366.0, 768.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.run();
    // The list is read in the background: wait for it (never longer than a generous deadline).
    let started = std::time::Instant::now();
    while !harness.state().browser.is_scanned {
        assert!(started.elapsed() < std::time::Duration::from_secs(300), "the folder was not read");
        harness.state_mut().browser.wait(std::time::Duration::from_millis(100));
        harness.run();
    }
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"), "V01 in the list");
    assert!(has_label_containing(&harness, "✖ INELIGIBLE"), "V03 in the list");
}

/// A dialog opens with the cursor in its first field; Enter in a text field performs its
/// main action once the dialog is complete, before that it does nothing; Escape cancels.
#[test]
fn enter_records_a_complete_dialog_and_escape_cancels() {
    let (_folder, mut harness) = opened("v15a-huc-msc-awaiting-judgment.ron");
    click(&mut harness, "Decide huc-msc-sle S1");
    assert!(harness.get_by_label("Reason").is_focused(), "the cursor is in the dialog's first field");
    harness.get_by_label("Reason").type_text("SLEDAI-2K 10 with active nephritis: moderate to severe.");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().dialog.is_some(), "no outcome chosen yet: Enter does nothing");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().dialog.is_none(), "Escape cancels");
    assert!(!has_label_containing(&harness, "Judged met by"));

    click(&mut harness, "Decide huc-msc-sle S1");
    click(&mut harness, "Judged met");
    type_into(&mut harness, "Reason", "SLEDAI-2K 10 with active nephritis: moderate to severe.");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().dialog.is_none(), "Enter recorded the judgment");
    assert!(has_label_containing(&harness, "Judged met by Dr A. Investigator at 2026-11-21 09:00 UTC: SLEDAI-2K 10"));
}

/// Issue 17: while values are typed nothing moves. The still-needed bar is one line with a
/// count, drawn even when empty, the verdict card has a fixed size and the notice line is
/// always there, so the form's fields stay where they were as the list appears, grows and
/// the verdict changes.
#[test]
fn layout_holds_still_while_typing() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let top = |harness: &Harness<'_, AppState>| {
        harness.get_by_role_and_label(Role::TextInput, "Participant code").rect().min.y
    };
    let before = top(&harness);
    let board = |harness: &Harness<'_, AppState>| harness.get_by_label("Inclusion criteria").rect().min.y;
    let board_before = board(&harness);
    assert!(has_label_containing(&harness, "Still needed (0)"));
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
    let failing = [
        ("Platelet count", "52"),
        ("Haemoglobin", "70"),
        ("Absolute neutrophil count (ANC)", "0.2"),
        ("Absolute lymphocyte count (ALC)", "0.2"),
    ];
    for (label, value) in failing {
        enter(&mut harness, label, value);
        assert_eq!(top(&harness), before, "the form moved after {label} = {value:?}");
        assert_eq!(board(&harness), board_before, "the board moved after {label} = {value:?}");
    }
    assert!(has_label_containing(&harness, "✖ INELIGIBLE (I7.alc, I7.anc, I7.hb, I7.plt)"), "the verdict changed");
}

/// Issue 17: the start view keeps its layout when a protocol with cohorts is ticked (the
/// cohort row is always there), and its dates are checked as they are typed, not only on
/// Start.
#[test]
fn the_start_view_holds_still_and_checks_dates_as_typed() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = workstation(folder.path());
    let top = |harness: &Harness<'_, AppState>, label: &str| {
        harness.get_by_role_and_label(Role::TextInput, label).rect().min.y
    };
    let (consent, investigator) = (top(&harness, "Consent date"), top(&harness, "Investigator"));
    click(
        &mut harness,
        "Relapsed or refractory autoimmune disease, five cohorts (SLE, dcSSc, AAV, IIM, SS), age 18–65 (v2)",
    );
    assert_eq!(top(&harness, "Consent date"), consent, "ticking a protocol with cohorts moved the form");
    type_into(&mut harness, "Consent date", "02/11/2026");
    assert!(has_label_containing(&harness, "✖ "), "the date is checked as it is typed");
    assert!(harness.state().workspace.document().is_none(), "nothing started");
    assert_eq!(top(&harness, "Investigator"), investigator, "the message moved the form");
}

/// Issue 17: a unit picker answers typed letters while it has the focus; the value entered
/// next is stored in that unit.
#[test]
fn a_unit_picker_answers_typed_letters() {
    let (_folder, mut harness) = opened("v09-demographics-only.ron");
    harness.get_by_label("Haemoglobin unit").focus();
    harness.run();
    harness.get_by_label("Haemoglobin unit").type_text("m");
    harness.run();
    enter(&mut harness, "Haemoglobin", "7.5");
    let session = harness.state().workspace.document().unwrap().session();
    let entry = session.values.get("haemoglobin").expect("entered");
    let Value::Number(measurement) = &entry.value else { panic!("{entry:?}") };
    assert_eq!(measurement.unit.code(), "mmol/L", "typing m picked mmol/L");
}

/// Issue 17: a yes/no group is one Tab stop (its chosen option), letters answer it, Delete
/// clears it, and Tab goes on to the next group's chosen option: one Tab from row to row.
#[test]
fn a_radio_group_is_one_tab_stop_and_letters_answer_it() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let guardian = "Written informed consent signed by the legal guardian";
    let assent = "Participant's assent given";
    harness.get_by_label(&format!("{guardian}: yes")).focus();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert!(harness.get_by_label(&format!("{assent}: yes")).is_focused(), "one Tab from row to row");
    let answer = |harness: &Harness<'_, AppState>| {
        harness
            .state()
            .workspace
            .document()
            .unwrap()
            .session()
            .values
            .get("participant_assent")
            .map(|e| e.value.clone())
    };
    harness.get_by_label(&format!("{assent}: yes")).type_text("n");
    harness.run();
    assert_eq!(answer(&harness), Some(Value::YesNo(YesNo::No)), "n answers no");
    assert!(harness.get_by_label(&format!("{assent}: no")).is_focused(), "the focus follows the answer");
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(answer(&harness), Some(Value::YesNo(YesNo::Unknown)), "→ steps to the next option");
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(answer(&harness), None, "Delete clears");
    // With no answer the first option is the stop; Tab goes on past the next section's
    // heading (not a Tab stop) to its first group.
    assert!(harness.get_by_label(&format!("{assent}: yes")).is_focused());
    harness.key_press(Key::Tab);
    harness.run();
    assert!(
        harness.get_by_label("Woman of childbearing potential: yes").is_focused(),
        "section headings are not Tab stops"
    );
}

/// Issue 17: the board's filter shows only the criteria of one kind, with counts, and F8
/// goes from one undecided criterion to the next.
#[test]
fn the_board_filters_with_counts_and_f8_goes_to_the_next_undecided() {
    let (_folder, mut harness) = opened("v15a-huc-msc-awaiting-judgment.ron");
    assert!(has_label_containing(&harness, "All (5)"), "V15A's five criteria");
    assert!(has_label_containing(&harness, "Judgment (1)"));
    assert!(has_label_containing(&harness, "✔ met"));
    click(&mut harness, "Judgment (1)");
    assert!(!has_label_containing(&harness, "✔ met"), "only what awaits judgment is shown");
    assert!(has_label_containing(&harness, "⚠ judgment needed"));
    harness.key_press(Key::F8);
    harness.run();
    assert!(has_label_containing(&harness, "F8: next undecided (at huc-msc-sle S1)"));
    click(&mut harness, "All (5)");
    assert!(has_label_containing(&harness, "✔ met"));
}

/// Issue 17: rows the patient cannot need are folded away — pregnancy items for a male,
/// where every criterion reading them does not apply — but an item that holds a value is
/// never hidden (a male with a pregnancy test stays visible, a contradiction to see).
#[test]
fn rows_the_patient_cannot_need_are_folded_but_never_a_value() {
    let (_folder, harness) = opened("v01-eligible-adolescent.ron");
    assert!(harness.query_by_label("Urine pregnancy test: negative").is_some(), "a girl is asked");
    let (_folder, mut harness) = opened("v09-demographics-only.ron");
    assert!(harness.query_by_label("Urine pregnancy test: negative").is_none(), "a man is not asked");
    assert!(harness.query_by_label("Sex: male").is_some(), "what decides it stays");
    let entry = trialscreen::session::model::Entry::dated(
        Value::Choice("positive".to_owned()),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 2),
    );
    let edit =
        trialscreen::session::audit::Edit::SetValue { item: "urine_pregnancy_test".to_owned(), entry: Some(entry) };
    harness.state_mut().workspace.apply(edit).expect("applied");
    harness.run();
    assert!(harness.query_by_label("Urine pregnancy test: positive").is_some(), "a value is never hidden");
}

/// Issue 17: guardian consent and assent, one branch of an `Any` in the consent criterion
/// guarded by the participant's age on the consent date, are folded away for an adult —
/// only once the birth date and the consent date are known — but shown for a minor, and
/// never when they hold a value.
#[test]
fn guardian_consent_is_folded_for_an_adult_once_the_consent_date_is_known() {
    use trialscreen::session::audit::Edit;
    let guardian = "Written informed consent signed by the legal guardian: yes";
    let assent = "Participant's assent given: yes";
    let shown = |harness: &Harness<'_, AppState>, label: &str| harness.query_by_label(label).is_some();

    // An adult (32 on the consent date): folded.
    let (_folder, mut harness) = opened("v03-recent-rituximab.ron");
    assert!(!shown(&harness, guardian) && !shown(&harness, assent), "an adult is not asked");
    assert!(shown(&harness, "Written informed consent signed by the participant: yes"), "the adult's own consent");

    // The consent date not known: the age on it is not known, so both are asked.
    let mut dates = session(&harness).dates;
    dates.consent = None;
    harness.state_mut().workspace.apply(Edit::SetDates(dates)).expect("applied");
    harness.run();
    assert!(shown(&harness, guardian) && shown(&harness, assent), "no consent date: asked");

    // An adult with a value in guardian consent: never hidden.
    let (_folder, mut harness) = opened("v03-recent-rituximab.ron");
    let entry = trialscreen::session::model::Entry::dated(Value::YesNo(YesNo::Yes), None);
    let edit = Edit::SetValue { item: "guardian_consent_signed".to_owned(), entry: Some(entry) };
    harness.state_mut().workspace.apply(edit).expect("applied");
    harness.run();
    assert!(shown(&harness, guardian), "a value is never hidden");
    assert!(!shown(&harness, assent), "the other stays folded");

    // A minor (14): shown, with or without values.
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    for item in ["guardian_consent_signed", "participant_assent"] {
        let edit = Edit::SetValue { item: item.to_owned(), entry: None };
        harness.state_mut().workspace.apply(edit).expect("applied");
    }
    harness.run();
    assert!(shown(&harness, guardian) && shown(&harness, assent), "a minor is asked");
}

/// Issue 17: a criterion's source text opens from the keyboard: its title is a Tab stop,
/// and Enter (or Space) shows or hides the source text.
#[test]
fn enter_on_a_criterion_shows_its_source_text() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    let source = "“1. Age: ≥ 5 years old.”";
    let title = "Source text of refractory-sle-age5 I1";
    assert!(harness.query_by_label(source).is_none(), "closed to begin with");
    harness.get_by_label(title).focus();
    harness.run();
    assert!(harness.get_by_label(title).is_focused(), "the title is a Tab stop");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label(source).is_some(), "Enter shows the source text");
    harness.key_press(Key::Space);
    harness.run();
    assert!(harness.query_by_label(source).is_none(), "Space hides it again");
    // Tab goes from one criterion's title to the next.
    harness.key_press(Key::Tab);
    harness.run();
    assert!(harness.get_by_label("Source text of refractory-sle-age5 I2").is_focused());
}

/// Issue 17: the divider between the form and the board is visible: a line and a grip in a
/// colour with 3:1 contrast on the panel in both themes, where the panel's resize handle
/// lies (dragging it widens the form).
#[test]
fn the_divider_between_form_and_board_is_visible_and_draggable() {
    let (_folder, mut harness) = opened("v01-eligible-adolescent.ron");
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let visuals = &harness.ctx.style_of(theme).visuals;
        let ratio =
            trialscreen::ui::theme::contrast_ratio(trialscreen::ui::theme::divider_colour(visuals), visuals.panel_fill);
        assert!(ratio >= 3.0, "{theme:?}: the divider has {ratio:.2}:1 on the panel");
    }
    let board_left = |harness: &Harness<'_, AppState>| harness.get_by_label("Inclusion criteria").rect().min.x;
    let before = board_left(&harness);
    // The divider sits where the board begins, a little left of its first line of text.
    let edge = egui::pos2(before - 9.0, 400.0);
    harness.hover_at(edge);
    harness.run();
    harness.drag_at(edge);
    harness.run();
    harness.hover_at(edge + egui::vec2(60.0, 0.0));
    harness.run();
    harness.drop_at(edge + egui::vec2(60.0, 0.0));
    harness.run();
    let after = board_left(&harness);
    assert!((after - before - 60.0).abs() < 2.0, "dragging the divider moved the board from {before} to {after}");
}

/// Issue 17: at narrow widths the board gets the space — at 1024×700 the form takes less
/// than half the window — and the header (session line, verdicts, still needed) takes no
/// more than a fifth of the height at 1366×768 and at 1024×700, where the session line
/// stays one line (it wrapped to two, a quarter of the height with the rest).
#[test]
fn at_narrow_widths_the_board_gets_the_space_and_the_header_stays_small() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::bundled().expect("bundled library");
    let state = AppState::new(library, Folders::under(folder.path()), fixed_clock, Preferences::default());
    let mut harness =
        Harness::builder().with_size([1024.0, 700.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.run();
    open_example(&mut harness, "v01-eligible-adolescent.ron");
    let board_left = harness.get_by_label("Inclusion criteria").rect().min.x;
    assert!(board_left < 512.0, "the board starts at {board_left} px of 1024");
    // The session line stays one line at 1024 px (cut, whole on hover): the verdict card
    // sits right under it, beside "Sign…".
    let line_top = harness.get_by_label("Sign…").rect().min.y;
    let verdict_top =
        harness.query_all_by_label_contains("✔ ELIGIBLE").map(|node| node.rect().min.y).fold(f32::MAX, f32::min);
    assert!(verdict_top - line_top < 40.0, "the session line took {} px", verdict_top - line_top);
    let header = header_height(&harness);
    eprintln!("header at 1024×700: {header} px; session line to verdict: {} px", verdict_top - line_top);
    assert!(header <= 700.0 / 5.0, "the header takes {header} px of 700");
    let (_folder, harness) = opened("v02b-low-platelets-override.ron");
    let header = header_height(&harness);
    eprintln!("header at 1366×768: {header} px");
    assert!(header <= 768.0 / 5.0, "the header takes {header} px of 768");
}

/// The height above the form and the board: where the form's first section heading begins.
fn header_height(harness: &Harness<'_, AppState>) -> f32 {
    harness.get_by_label("Visit").rect().min.y
}
