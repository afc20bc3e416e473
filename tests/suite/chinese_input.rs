//! Chinese typed through an input method (issue 20): egui's `Event::Ime` — the preedit shown
//! in place while composing, the commit inserted — in a reason and in the participant code;
//! the window has the glyphs (kittest panics on a glyph no font has), the record keeps the
//! words, and the board shows them.

use crate::common::window::{click, has_label_containing};
use chrono::{DateTime, TimeZone as _, Utc};
use egui::accesskit::Role;
use egui::{Event, ImeEvent, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trialscreen::app::workspace::Folders;
use trialscreen::library::Library;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().expect("a valid time")
}

fn workstation(folder: &std::path::Path) -> Harness<'static, AppState> {
    let library = Library::bundled().expect("bundled library");
    let state = AppState::new(library, Folders::under(folder), clock, Preferences::default());
    Harness::builder().with_size([1366.0, 768.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state)
}

/// Composes `typed` as pinyin and commits `chosen`, as an input method does.
fn compose(harness: &mut Harness<'_, AppState>, typed: &str, chosen: &str) {
    for end in 1..=typed.len() {
        harness.event(preedit(typed.get(..end).unwrap_or(typed)));
        harness.run();
    }
    harness.event(Event::Ime(ImeEvent::Commit(chosen.to_owned())));
    harness.run();
}

/// The input method's candidate, shown in place (egui 0.37: a non-empty preedit means the
/// input method is active, an empty one that it was dismissed).
fn preedit(text: &str) -> Event {
    let end = text.chars().count();
    Event::Ime(ImeEvent::Preedit { text: text.to_owned(), active_range_chars: Some(0..end) })
}

#[test]
fn a_reason_typed_through_an_input_method_is_kept_and_shown() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = workstation(folder.path());
    harness.run();
    click(&mut harness, "Open example v01-eligible-adolescent.ron");
    harness.get_by_role_and_label(Role::TextInput, "Platelet count").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Platelet count").set_text_value_accesskit("52");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    click(&mut harness, "Override refractory-sle-age5 I7.plt");
    click(&mut harness, "Override condition, Low platelets from an immune-related cause: yes");
    click(&mut harness, "Override condition, Active bleeding: no");
    harness.get_by_label("Reason").focus();
    harness.run();
    // While composing, the preedit is shown in place; a letter is not an answer to anything.
    harness.event(preedit("xuexiaoban"));
    harness.run();
    assert!(harness.get_by_label("Reason").value().unwrap_or_default().contains("xuexiaoban"), "preedit shown");
    harness.event(Event::Ime(ImeEvent::Commit("血小板减少与免疫相关，".to_owned())));
    harness.run();
    compose(&mut harness, "wuchuxue", "无活动性出血。");
    let reason = harness.get_by_label("Reason").value().unwrap_or_default();
    assert_eq!(reason, "血小板减少与免疫相关，无活动性出血。");
    click(&mut harness, "Record override");
    assert!(harness.state().dialog.is_none(), "the dialog closed");
    let session = harness.state().workspace.document().expect("open").session();
    let decision = session.decisions.last().expect("the override");
    assert_eq!(decision.reason, "血小板减少与免疫相关，无活动性出血。", "the record keeps the words");
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
    assert!(has_label_containing(&harness, "血小板减少与免疫相关，无活动性出血。"), "the board shows them");
}

#[test]
fn a_participant_code_typed_through_an_input_method_is_committed() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = workstation(folder.path());
    harness.run();
    click(&mut harness, "Open example v01-eligible-adolescent.ron");
    harness.get_by_role_and_label(Role::TextInput, "Participant code").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    compose(&mut harness, "zhang", "张-01");
    harness.key_press(Key::Enter);
    harness.run();
    let session = harness.state().workspace.document().expect("open").session();
    assert_eq!(session.participant_code, "张-01");
}

/// View → Language switches every translated word at once, is remembered, and changes no
/// record: the session and its trail are the same before and after.
#[test]
fn view_language_switches_the_words_and_never_the_record() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = workstation(folder.path());
    harness.run();
    click(&mut harness, "Open example v02b-low-platelets-override.ron");
    let before = harness.state().workspace.document().expect("open").session().clone();
    assert!(has_label_containing(&harness, "Inclusion criteria"));
    click(&mut harness, "View");
    click(&mut harness, "Language");
    click(&mut harness, "简体中文");
    assert_eq!(harness.state().preferences.language, Some(trialscreen::i18n::Language::ZhCn), "remembered");
    // The board, the menus, protocol titles, and the form's sections and item labels.
    for words in ["入选标准", "排除标准", "✔ 合格", "文件", "视图", "血小板计数", "血液学", "年龄 14岁"]
    {
        assert!(has_label_containing(&harness, words), "{words}");
    }
    assert!(!has_label_containing(&harness, "Inclusion criteria"));
    assert_eq!(harness.state().workspace.document().expect("open").session(), &before, "the record is unchanged");
    click(&mut harness, "视图");
    click(&mut harness, "语言");
    click(&mut harness, "English");
    assert!(has_label_containing(&harness, "Inclusion criteria"));
    assert!(has_label_containing(&harness, "✔ ELIGIBLE"));
    assert_eq!(harness.state().workspace.document().expect("open").session(), &before);
}

/// A whole flow in Chinese, as a Chinese investigator sees it: V1's patient eligible, the
/// platelets lowered to 52 (不合格), the override recorded with a Chinese reason through the
/// dialog's Chinese words (酌情符合, ✔ 合格), and a judgment decided.
#[test]
fn an_override_and_a_judgment_in_chinese() {
    let folder = tempfile::tempdir().expect("temp dir");
    let library = Library::bundled().expect("bundled library");
    let preferences = Preferences { language: Some(trialscreen::i18n::Language::ZhCn), ..Preferences::default() };
    let state = AppState::new(library, Folders::under(folder.path()), clock, preferences);
    let mut harness =
        Harness::builder().with_size([1366.0, 768.0]).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    harness.run();
    click(&mut harness, "Open example v01-eligible-adolescent.ron");
    assert!(has_label_containing(&harness, "✔ 合格"), "V1 is eligible, said in Chinese");
    harness.get_by_role_and_label(Role::TextInput, "血小板计数").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "血小板计数").set_text_value_accesskit("52");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(has_label_containing(&harness, "✖ 不合格"));
    assert!(has_label_containing(&harness, "血小板计数 52 ×10⁹/L（2026-10-28） < 75 ×10⁹/L"));
    click(&mut harness, "Override refractory-sle-age5 I7.plt");
    assert!(has_label_containing(&harness, "方案规定的条件"), "the dialog speaks Chinese");
    click(&mut harness, "Override condition, 血小板减少由免疫相关原因所致: 是");
    click(&mut harness, "Override condition, 活动性出血: 否");
    harness.get_by_label("理由").focus();
    harness.run();
    compose(&mut harness, "mianyixiangguan", "免疫性血小板减少，无出血。");
    click(&mut harness, "记录酌情决定");
    assert!(harness.state().dialog.is_none(), "recorded");
    assert!(has_label_containing(&harness, "✔ 合格"), "eligible with the override");
    assert!(has_label_containing(&harness, "免疫性血小板减少，无出血。"));
    let session = harness.state().workspace.document().expect("open").session();
    assert_eq!(session.decisions.last().map(|d| d.reason.as_str()), Some("免疫性血小板减少，无出血。"));
}
