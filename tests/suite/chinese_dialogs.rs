//! The window's dialogs and notices in Simplified Chinese (issue 20): each dialog opened in
//! zh-CN shows its Chinese title and buttons, and the buttons lie inside the window at
//! 1024×700 and 1366×768; a signature made in Chinese stores the Chinese statement the
//! signer saw and verifies on an English machine.

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone as _, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trialscreen::app::workspace::Folders;
use trialscreen::i18n::{Language, text_in};
use trialscreen::library::{BUNDLED_EXAMPLES, Library};
use trialscreen::session::audit::verify;
use trialscreen::session::model::SignedVerdict;
use trialscreen::session::sign_meaning::{SignOff, meaning};
use trialscreen::session::store;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::command::Leave;
use trialscreen::ui::dialog::Dialog;
use trialscreen::ui::preferences::Preferences;
use trialscreen::ui::print_dialog_ui::PrintState;

use crate::common;
use crate::common::installation::PASSPHRASE;
use crate::common::window::{click, has_label_containing, type_into};
use crate::translations::numbers;

/// The investigator of the bundled examples, who signs.
const INVESTIGATOR: &str = "Dr A. Investigator";

const SIZES: [[f32; 2]; 2] = [[1024.0, 700.0], [1366.0, 768.0]];

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().expect("a valid time")
}

/// A workstation in Chinese over `folder`, at `size`.
fn chinese_workstation(folder: &Path, size: [f32; 2]) -> Harness<'static, AppState> {
    let library = Library::bundled().expect("bundled library");
    let mut state = AppState::new(library, Folders::under(folder), clock, Preferences::default());
    state.set_language(Language::ZhCn);
    Harness::builder().with_size(size).build_ui_state(|ui, state: &mut AppState| state.ui(ui), state)
}

/// A Chinese workstation with the bundled example `name` open (as a template).
fn with_example(folder: &Path, size: [f32; 2], name: &str) -> Harness<'static, AppState> {
    let mut harness = chinese_workstation(folder, size);
    let (file, text) = BUNDLED_EXAMPLES.iter().find(|(file, _)| file.starts_with(name)).expect("bundled example");
    harness.state_mut().workspace.open_example(file, text).expect("example opens");
    harness.run();
    harness
}

/// Opens `dialog` and checks its title and that each of `buttons` is shown inside the window.
fn check_dialog(harness: &mut Harness<'_, AppState>, size: [f32; 2], dialog: Dialog, title: &str, buttons: &[&str]) {
    harness.state_mut().dialog = Some(dialog);
    harness.run();
    assert!(harness.query_all_by_label(title).next().is_some(), "{size:?}: the title {title} is shown");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
    for button in buttons {
        let rect = harness.get_by_label(button).rect();
        assert!(window.contains_rect(rect), "{size:?} «{title}»: {button} at {rect:?} lies outside {window:?}");
    }
    harness.state_mut().dialog = None;
    harness.run();
}

fn no_message() -> Option<String> {
    None
}

#[test]
fn every_dialog_has_chinese_words_and_its_buttons_inside_the_window() {
    for size in SIZES {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut harness = with_example(folder.path(), size, "v01-");
        let sessions = folder.path().join("sessions");
        check_dialog(
            &mut harness,
            size,
            Dialog::SaveAs { folder: sessions, file_name: "v01.ron".to_owned(), then: None, message: no_message() },
            "将筛选另存为",
            &["选择文件夹…", "保存", "取消"],
        );
        check_dialog(
            &mut harness,
            size,
            Dialog::Unsaved { then: Leave::CloseSession },
            "未保存的更改",
            &["另存为…", "放弃更改", "取消"],
        );
        check_dialog(
            &mut harness,
            size,
            Dialog::Withdraw {
                protocol: "refractory-sle-age5".to_owned(),
                criterion: "I7.plt".to_owned(),
                is_override: true,
                reason: String::new(),
                message: no_message(),
            },
            "撤回 I7.plt 的酌情决定",
            &["撤回", "取消"],
        );
        check_dialog(
            &mut harness,
            size,
            Dialog::Amend {
                by: "研究者甲".to_owned(),
                reason: String::new(),
                passphrase: Default::default(),
                message: no_message(),
            },
            "修订已签署的筛选",
            &["重新打开以修订", "取消"],
        );
        check_dialog(
            &mut harness,
            size,
            Dialog::Sign {
                by: "研究者甲".to_owned(),
                meaning_id: String::new(),
                own_words: String::new(),
                acknowledged: false,
                passphrase: Default::default(),
                message: no_message(),
            },
            "签署筛选",
            &["签署并保存", "取消", "合格性评估已完成：受试者符合上述方案的要求", "我确认上述合格性评估"],
        );
        check_dialog(
            &mut harness,
            size,
            Dialog::CreateIdentity {
                name: "研究者甲".to_owned(),
                passphrase: Default::default(),
                repeated: Default::default(),
                message: no_message(),
            },
            "创建签名身份",
            &["创建", "取消"],
        );
        check_dialog(&mut harness, size, Dialog::Print(PrintState::default()), "打印筛选小结", &["生成 PDF", "关闭"]);
        check_dialog(&mut harness, size, Dialog::Protocols, "方案", &["关闭"]);
        check_dialog(
            &mut harness,
            size,
            Dialog::Problem { title: "无法打开筛选记录".to_owned(), message: "测试".to_owned() },
            "无法打开筛选记录",
            &["确定"],
        );
    }
}

#[test]
fn saving_in_chinese_says_so_in_chinese() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = with_example(folder.path(), [1366.0, 768.0], "v01-");
    harness.state_mut().dialog = Some(Dialog::SaveAs {
        folder: folder.path().join("sessions"),
        file_name: "v01-zh.ron".to_owned(),
        then: None,
        message: None,
    });
    harness.run();
    click(&mut harness, "保存");
    assert!(has_label_containing(&harness, "已保存到 "), "the notice is Chinese");
    assert!(folder.path().join("sessions").join("v01-zh.ron").is_file());
    // The notice follows a language chosen after it appeared, and back.
    harness.state_mut().set_language(Language::En);
    harness.run();
    assert!(has_label_containing(&harness, "Saved to "), "the notice is said again in English");
    assert!(!has_label_containing(&harness, "已保存到 "), "and no longer in Chinese");
    harness.state_mut().set_language(Language::ZhCn);
    harness.run();
    assert!(has_label_containing(&harness, "已保存到 "), "and in Chinese again");
    // A name already taken is refused in Chinese.
    harness.state_mut().dialog = Some(Dialog::SaveAs {
        folder: folder.path().join("sessions"),
        file_name: "v01-zh".to_owned(),
        then: None,
        message: None,
    });
    harness.run();
    click(&mut harness, "保存");
    assert!(has_label_containing(&harness, "已存在：请换一个文件名"));
}

/// Saves a bundled example, sealed, into `folder`'s sessions folder and returns its path.
fn saved_example(folder: &Path, example: &str) -> PathBuf {
    let path = folder.join("sessions").join(format!("{example}.ron"));
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("sessions folder");
    let data = trialscreen::user_data::UserData::at(folder);
    let mut session = common::example(example);
    trialscreen::session::sealing::prepare(&mut session, INVESTIGATOR, clock()).expect("prepared");
    let sealer = trialscreen::session::sealing::Sealer::of(&data).expect("sealer");
    store::save(&mut session, &path, &trialscreen::files::FileHead::Absent, &sealer).expect("saved");
    path
}

#[test]
fn a_signature_made_in_chinese_keeps_the_chinese_statement_and_verifies_in_english() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = chinese_workstation(folder.path(), [1366.0, 768.0]);
    harness.state_mut().workspace.signing_kdf = common::installation::CHEAP;
    harness.state_mut().dialog = Some(Dialog::CreateIdentity {
        name: INVESTIGATOR.to_owned(),
        passphrase: Default::default(),
        repeated: Default::default(),
        message: None,
    });
    harness.run();
    type_into(&mut harness, "口令", PASSPHRASE);
    type_into(&mut harness, "再次输入口令", PASSPHRASE);
    click(&mut harness, "创建");
    assert!(
        has_label_containing(&harness, &format!("已为 {INVESTIGATOR} 创建签名身份：密钥 ")),
        "the identity notice is Chinese"
    );
    let path = saved_example(folder.path(), "v01-eligible-adolescent");
    harness.state_mut().open_path(&path);
    harness.run();
    click(&mut harness, "签署…");
    assert!(harness.query_by_label("签署筛选").is_some());
    type_into(&mut harness, "口令", PASSPHRASE);
    click(&mut harness, "签署并保存");
    assert!(has_label_containing(&harness, "已签署并保存到 "), "the notice is Chinese");
    assert!(has_label_containing(&harness, &format!("✔ 由 {INVESTIGATOR} 于 2026-11-21 09:00 UTC 签署")));

    // Read back on an English machine: the statement stored is the one the signer saw.
    trialscreen::i18n::set_thread_language(Language::En);
    let (on_disk, _) = store::open(&path).expect("opens");
    let signature = on_disk.signature.as_ref().expect("signed");
    assert_eq!(signature.electronic.as_ref().expect("electronic").meaning_id, "eligible");
    assert_eq!(signature.meaning, "合格性评估已完成：受试者符合上述方案的要求");
    assert_eq!(signature.meaning, text_in(Language::ZhCn, "sign-meaning-eligible"));
    assert!(verify(&on_disk).is_intact(), "the Chinese signature verifies in English");
    drop(harness);
    let library = Library::bundled().expect("bundled library");
    let mut english = AppState::new(library, Folders::under(folder.path()), clock, Preferences::default());
    english.open_path(&path);
    let problem = match &english.dialog {
        Some(Dialog::Problem { title, message }) => format!("{title}: {message}"),
        _ => String::new(),
    };
    let document = english.workspace.document().expect(&problem);
    assert!(document.session().is_signed());
    assert!(document.questioned().is_none(), "opened as trusted, not read-only");
}

#[test]
fn a_listed_statement_is_accepted_in_any_language_and_no_other_wording() {
    let verdicts = vec![SignedVerdict { protocol: "p".to_owned(), version: 1, verdict: "eligible".to_owned() }];
    let eligible = meaning("eligible").expect("listed");
    for language in Language::ALL {
        for thread in Language::ALL {
            trialscreen::i18n::set_thread_language(thread);
            let sign_off = SignOff {
                meaning_id: "eligible".to_owned(),
                statement: text_in(language, eligible.message),
                acknowledged: Vec::new(),
            };
            assert_eq!(sign_off.check(&verdicts), Ok(()), "{language:?} wording on a {thread:?} machine");
        }
    }
    trialscreen::i18n::set_thread_language(Language::En);
    assert_eq!(text_in(Language::En, eligible.message), eligible.statement, "the English text is unchanged");
    let reworded = SignOff {
        meaning_id: "eligible".to_owned(),
        statement: "合格性评估已完成".to_owned(),
        acknowledged: Vec::new(),
    };
    assert!(reworded.check(&verdicts).is_err(), "another wording is refused");
    let swapped = SignOff {
        meaning_id: "eligible".to_owned(),
        statement: text_in(Language::ZhCn, "sign-meaning-screen-failure"),
        acknowledged: Vec::new(),
    };
    assert!(swapped.check(&verdicts).is_err(), "another statement's words are refused");
    // The acknowledgement follows the language of the signer.
    trialscreen::i18n::set_thread_language(Language::ZhCn);
    let text = trialscreen::session::sign_meaning::recorded_text("甲", &["p I1".to_owned(), "p I2".to_owned()]);
    assert_eq!(text, "甲。确认尚未判定：p I1；p I2");
    trialscreen::i18n::set_thread_language(Language::En);
    let text = trialscreen::session::sign_meaning::recorded_text("A", &["p I1".to_owned(), "p I2".to_owned()]);
    assert_eq!(text, "A. Acknowledged as not decided: p I1; p I2");
}

#[test]
fn every_item_of_every_instrument_has_a_chinese_name() {
    use trialscreen::calculators::InstrumentId;
    let chinese = trialscreen::calculators::instrument_words::chinese();
    assert_eq!(chinese.language, "zh-CN");
    let mut missing = Vec::new();
    for &instrument in InstrumentId::all().iter().filter(|instrument| !instrument.items().is_empty()) {
        let Some(names) = chinese.instruments.get(instrument.code()) else {
            missing.push(format!("{} is not translated", instrument.code()));
            continue;
        };
        for spec in instrument.items() {
            let Some(name) = names.items.get(spec.key) else {
                missing.push(format!("{} {} {:?} {:?}", instrument.code(), spec.key, spec.label, spec.group));
                continue;
            };
            // Units (g/24 h, µmol/L) stay Latin; the words are hanzi.
            if !name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                missing.push(format!("{} {}: «{name}» is not translated", instrument.code(), spec.key));
            }
            // A threshold mistyped in translation would mislead as surely as a wrong weight.
            let lost: Vec<String> = numbers(spec.label).difference(&numbers(name)).cloned().collect();
            if !lost.is_empty() {
                missing.push(format!(
                    "{} {}: «{name}» lacks {lost:?} of {:?}",
                    instrument.code(),
                    spec.key,
                    spec.label
                ));
            }
            if let Some(group) = spec.group
                && !names.groups.contains_key(group)
            {
                missing.push(format!("{} group {group:?}", instrument.code()));
            }
        }
        for key in names.items.keys() {
            if instrument.item(key).is_none() {
                missing.push(format!("{} has no item {key}", instrument.code()));
            }
        }
        for group in names.groups.keys() {
            if !instrument.items().iter().any(|spec| spec.group == Some(group.as_str())) {
                missing.push(format!("{} has no group {group:?}", instrument.code()));
            }
        }
    }
    assert!(missing.is_empty(), "without a Chinese name: {missing:#?}");
    for code in chinese.instruments.keys() {
        assert!(InstrumentId::all().iter().any(|i| i.code() == code), "no instrument {code}");
    }
    // Shown in the window's language; the record keeps the key.
    let seizure = InstrumentId::Sledai2k.item("seizure").expect("an item");
    trialscreen::i18n::set_thread_language(Language::ZhCn);
    assert_eq!(trialscreen::calculators::instrument_words::item_label(InstrumentId::Sledai2k, seizure), "癫痫发作");
    assert_eq!(
        trialscreen::calculators::instrument_words::group_label(InstrumentId::Sledai2k, "Neurological"),
        "神经系统"
    );
    trialscreen::i18n::set_thread_language(Language::En);
    assert_eq!(trialscreen::calculators::instrument_words::item_label(InstrumentId::Sledai2k, seizure), "Seizure");
}

#[test]
fn the_form_the_checklists_and_the_browser_speak_chinese() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = with_example(folder.path(), [1366.0, 768.0], "v01-");
    for words in ["添加治疗", "搜索药物目录", "确认完整"] {
        assert!(has_label_containing(&harness, words), "{words} in the treatment history");
    }
    let sledai = harness
        .query_all_by_label_contains("SLEDAI-2K 的条目")
        .next()
        .map(|node| {
            use egui_kittest::kittest::NodeT as _;
            node.accesskit_node().label().unwrap_or_default().to_owned()
        })
        .expect("the SLEDAI-2K items' disclosure");
    click(&mut harness, &sledai);
    for words in ["神经系统", "狼疮性头痛", "癫痫发作：有", "癫痫发作：未评估"] {
        assert!(has_label_containing(&harness, words), "{words} in the SLEDAI-2K checklist");
    }
    assert!(has_label_containing(&harness, "评分"), "the score in Chinese");
    let record = harness.state().workspace.document().expect("open").session().values.clone();
    harness.state_mut().set_language(Language::En);
    harness.run();
    assert!(has_label_containing(&harness, "Lupus headache"), "back in English");
    assert_eq!(harness.state().workspace.document().expect("open").session().values, record, "the record is unchanged");
    // The start view's session browser.
    let mut harness = chinese_workstation(folder.path(), [1024.0, 700.0]);
    harness.run();
    for words in ["刷新", "过滤筛选记录", "示例（作为模板打开）"] {
        assert!(has_label_containing(&harness, words), "{words} in the session browser");
    }
}

/// The refusals of the workspace the window shows (starting a screening, signing, a file
/// that contradicts itself) are worded in the reader's language, not in English.
#[test]
fn the_workspaces_refusals_are_worded_in_chinese() {
    use trialscreen::app::workspace::{ApplyError, NewScreeningError, SigningProblem};
    trialscreen::i18n::set_thread_language(Language::ZhCn);
    let said = [
        NewScreeningError::NoParticipantCode.to_string(),
        NewScreeningError::NoInvestigator.to_string(),
        NewScreeningError::NoProtocol.to_string(),
        NewScreeningError::NoCohort("refractory-autoimmune-5cohort".to_owned()).to_string(),
        SigningProblem::PassphrasesDiffer.to_string(),
        ApplyError::ListsAProtocolTwice.to_string(),
        ApplyError::ReadOnly("封印不符".to_owned()).to_string(),
    ];
    trialscreen::i18n::set_thread_language(Language::En);
    assert_eq!(
        said,
        [
            "请填写受试者编号",
            "请填写研究者姓名：每项更改都以此姓名记录",
            "请至少选择一个方案",
            "请为refractory-autoimmune-5cohort选择队列",
            "两次输入的口令不一致；请输入相同的口令两次",
            "本筛选记录多次列出同一方案，记录自相矛盾，为只读：请用“另存为…”保存副本并在副本中更正",
            "此文件以只读方式打开：封印不符",
        ]
    );
    assert_eq!(NewScreeningError::NoProtocol.to_string(), "choose at least one protocol");
}

/// The treatment history in Chinese: each row is named by its Chinese generic name and
/// classes, and the drug search finds agents by their Chinese generic and brand names (the
/// translation's aliases), adding the agent the catalogue knows.
#[test]
fn the_treatment_history_names_and_finds_drugs_in_chinese() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = with_example(folder.path(), [1366.0, 768.0], "v01-");
    for words in ["吗替麦考酚酯", "贝利尤单抗"] {
        assert!(has_label_containing(&harness, words), "the row of {words} is named in Chinese");
    }
    assert!(!has_label_containing(&harness, "Mycophenolate mofetil"), "no English agent name in the rows");
    for (typed, found) in
        [("骁悉", "添加 吗替麦考酚酯"), ("利妥昔", "添加 利妥昔单抗"), ("rituximab", "添加 利妥昔单抗")]
    {
        type_into(&mut harness, "搜索药物目录", typed);
        assert!(has_label_containing(&harness, found), "{typed} finds «{found}»");
        harness.get_by_label("搜索药物目录").focus();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.key_press(egui::Key::Backspace);
        harness.run();
    }
    type_into(&mut harness, "搜索药物目录", "骁悉");
    click(&mut harness, "添加 吗替麦考酚酯");
    let rows = match harness.state().workspace.document().expect("open").session().values.get("treatment_history") {
        Some(entry) => match &entry.value {
            trialscreen::model::values::Value::Treatments(rows) => rows.clone(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    assert_eq!(
        rows.iter().filter(|row| row.agent == "mycophenolate_mofetil").count(),
        2,
        "the catalogue's agent is added"
    );
}

/// Why a new screening cannot start is said under the form in the window's language, also
/// when the language is changed after it appeared.
#[test]
fn why_a_screening_cannot_start_follows_the_language() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = chinese_workstation(folder.path(), [1366.0, 768.0]);
    harness.run();
    click(&mut harness, "开始筛选");
    assert!(has_label_containing(&harness, "✖ 请填写受试者编号"), "refused in Chinese");
    harness.state_mut().set_language(Language::En);
    harness.run();
    assert!(has_label_containing(&harness, "✖ enter the participant code"), "said again in English");
    assert!(!has_label_containing(&harness, "请填写受试者编号"));
}

/// The start view's protocols and cohorts are named in Chinese (the protocols'
/// translations), as the board names them, and the bundled examples are described in Chinese.
#[test]
fn the_new_screening_form_names_protocols_and_cohorts_in_chinese() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = chinese_workstation(folder.path(), [1366.0, 768.0]);
    harness.run();
    assert!(
        has_label_containing(&harness, "难治性系统性红斑狼疮，5岁及以上（细胞治疗） (v2)"),
        "the protocol's Chinese title"
    );
    assert!(!has_label_containing(&harness, "Refractory systemic lupus erythematosus"), "not its English one");
    assert!(
        has_label_containing(&harness, "V1：符合条件的青少年（种子方案000）。预期：合格。"),
        "examples described in Chinese"
    );
    assert!(!has_label_containing(&harness, "Expected:"), "no English description left");
    click(&mut harness, "复发或难治性自身免疫病，五个队列（SLE、dcSSc、AAV、IIM、SS），18–65岁 (v2)");
    click(&mut harness, "refractory-autoimmune-5cohort 的队列");
    for cohort in ["ANCA相关性血管炎", "特发性炎性肌病", "干燥综合征"] {
        assert!(has_label_containing(&harness, cohort), "the cohort {cohort} named in Chinese");
    }
    assert!(!has_label_containing(&harness, "ANCA-associated vasculitis"), "not in English");
}
