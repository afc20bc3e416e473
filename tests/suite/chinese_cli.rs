//! The command line in Simplified Chinese (issue 20): what the commands print themselves, the
//! errors of files, protocols and records, `--help`, the calculators, and columns aligned by
//! display width. English stays as the other suites pin it.

use std::path::Path;
use std::process::Output;

use trialscreen::i18n::display_width::display_width;
use trialscreen::i18n::{Language, set_thread_language};

use crate::common::EXAMPLES;

/// Runs the binary in Chinese (`--lang zh-CN`) with its own per-user data folder.
fn chinese(data: &Path, args: &[&str]) -> Output {
    let mut command = crate::common::trialscreen_command();
    command.env("XDG_DATA_HOME", data).arg("--lang").arg("zh-CN").args(args);
    command.output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An example session copied into `dir`, edited by `edit`.
fn copied(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> String {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{name}.ron")).expect("example");
    let path = dir.join(format!("{name}.ron"));
    std::fs::write(&path, edit(text)).expect("write");
    path.display().to_string()
}

#[test]
fn verify_speaks_chinese_for_an_intact_and_a_tampered_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let intact = copied(dir.path(), "v02a-low-platelets", |text| text);
    let output = chinese(dir.path(), &["verify", &intact]);
    let text = stdout(&output);
    assert!(text.contains("：完整——稽查轨迹共"), "{text}");
    assert!(text.contains("结果："), "{text}");
    assert!(text.contains("（退出码"), "{text}");
    assert!(!text.contains("intact"), "no English left: {text}");

    let tampered =
        copied(dir.path(), "v01-eligible-adolescent", |text| text.replacen("value: 160.0", "value: 16.0", 1));
    let output = chinese(dir.path(), &["verify", &tampered]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("该记录在本软件之外被改动过"), "{text}");
    assert!(text.contains("已被改动（哈希链、重放、封印或签名校验失败）（退出码1）"), "{text}");
}

#[test]
fn the_locale_chooses_chinese_as_the_flag_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let intact = copied(dir.path(), "v01-eligible-adolescent", |text| text);
    let output = crate::common::trialscreen_command()
        .env("XDG_DATA_HOME", dir.path())
        .env("LC_ALL", "")
        .env("LANG", "zh_CN.UTF-8")
        .args(["verify", &intact])
        .output()
        .expect("the binary runs");
    assert!(stdout(&output).contains("：完整——稽查轨迹共"), "{}", stdout(&output));
}

#[test]
fn a_damaged_or_missing_file_is_refused_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged =
        copied(dir.path(), "v01-eligible-adolescent", |text| text.replacen("participant_code", "participant_cod", 1));
    let output = chinese(dir.path(), &["verify", &damaged]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(error.contains("第") && error.contains("行第") && error.contains("；文件保持原样"), "{error}");

    let missing = dir.path().join("nowhere.ron").display().to_string();
    let error = stderr(&chinese(dir.path(), &["verify", &missing]));
    assert!(error.contains("无法读取"), "{error}");

    let folder = dir.path().display().to_string();
    let error = stderr(&chinese(dir.path(), &["evaluate", &folder]));
    assert!(error.contains("是文件夹，不是筛选记录文件；未读取"), "{error}");
}

#[test]
fn check_protocol_reports_a_protocol_error_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundled = format!("{}/data/protocols/refractory-sle-age5.v2.ron", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(bundled).expect("protocol");
    let broken = text.replacen("\"platelets\"", "\"platelet_count_typo\"", 1).replacen(
        "refractory-sle-age5",
        "sle-site-copy",
        1,
    );
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, broken).expect("write");
    let output = chinese(dir.path(), &["check-protocol", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("✖ ") && text.contains("个问题：") && text.contains("行第"), "{text}");
    // The problem itself in Chinese too.
    assert!(text.contains("I7.plt：条目“platelet_count_typo”不在数据字典中"), "{text}");

    let identical = format!("{}/data/protocols/refractory-sle-age5.v2.ron", env!("CARGO_MANIFEST_DIR"));
    let text = stdout(&chinese(dir.path(), &["check-protocol", &identical]));
    assert!(text.contains("与内置方案refractory-sle-age5第2版完全相同"), "{text}");
}

#[test]
fn calc_prints_and_refuses_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = chinese(dir.path(), &["calc", "egfr-ckd-epi-2021", "creatinine=0,6mg/dL", "age=40", "sex=male"]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(error.contains("无效：请使用小数点：0.6"), "{error}");

    let error = stderr(&chinese(dir.path(), &["calc", "egfr-ckd-epi-2021", "age=40", "sex=male"]));
    assert!(error.contains("缺少输入项“creatinine”"), "{error}");

    let list = stdout(&chinese(dir.path(), &["calc", "--list"]));
    assert!(list.contains("计算器：calc <name>"), "{list}");
    assert!(list.contains("数字请使用小数点"), "{list}");
    assert!(list.contains("血清肌酐，单位为mg/dL或µmol/L，例如creatinine=0.6mg/dL"), "{list}");
    assert!(list.contains("按CKD-EPI 2021肌酐公式"), "{list}");

    let score = stdout(&chinese(dir.path(), &["calc", "sledai2k", "seizure=present"]));
    assert!(score.contains("未评估且可能改变结果的条目："), "{score}");
}

#[test]
fn help_describes_the_commands_in_chinese_and_keeps_their_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let help = stdout(&chinese(dir.path(), &["--help"]));
    assert!(help.contains("供临床试验研究者使用的筛选工作站："), "{help}");
    assert!(help.contains("verify") && help.contains("校验筛选记录"), "{help}");
    assert!(help.contains("--lang") && help.contains("输出文字的语言"), "{help}");
    assert!(help.contains("用法：trialscreen") && help.contains("选项") && help.contains("显示帮助"), "{help}");
    let sign = stdout(&chinese(dir.path(), &["sign", "--help"]));
    assert!(sign.contains("--passphrase-stdin") && sign.contains("从标准输入读取签名口令"), "{sign}");

    let english = crate::common::trialscreen_command().arg("--help").output().expect("runs");
    assert!(
        stdout(&english)
            .contains("Screening workstation for clinical-trial investigators: live eligibility evaluation")
    );
}

#[test]
fn evaluate_aligns_its_columns_by_display_width_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let v03 = format!("{EXAMPLES}/v03-recent-rituximab.ron");
    let text = stdout(&chinese(dir.path(), &["evaluate", &v03]));
    let json = chinese(dir.path(), &["evaluate", &v03, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let titles: Vec<String> = json["protocols"][0]["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .filter_map(|criterion| criterion["title"].as_str().map(str::to_owned))
        .collect();
    assert!(text.contains("符合"), "in Chinese: {text}");
    // Every criterion row pads its id and its status word to the same display width, so the
    // text before the title is equally wide on every row, whatever the words' scripts.
    let widths: Vec<usize> = titles
        .iter()
        .filter_map(|title| {
            let line = text.lines().find(|line| line.starts_with("  ") && line.contains(title.as_str()))?;
            // After the two spaces and the icon, one character each, whatever their width.
            let before: String = line.get(..line.find(title.as_str())?)?.chars().skip(4).collect();
            Some(display_width(&before))
        })
        .collect();
    assert!(widths.len() > 5, "{widths:?}\n{text}");
    assert!(widths.iter().all(|width| *width == widths[0]), "{widths:?}\n{text}");
}

#[test]
fn the_loader_refuses_in_chinese_through_the_library() {
    set_thread_language(Language::ZhCn);
    let text = std::fs::read_to_string(format!("{EXAMPLES}/v01-eligible-adolescent.ron")).expect("example");
    let broken = text.replacen("format_version: ", "format_version: 9", 1);
    let error = trialscreen::session::load::parse_session(&broken).expect_err("refused").to_string();
    assert!(error.starts_with("第") && error.contains("比本版本可读取的格式"), "{error}");
    let unknown = text.replacen("refractory-sle-age5", "no-such-trial", 1);
    let session = trialscreen::session::load::parse_session(&unknown);
    if let Ok(session) = session {
        let error = trialscreen::session_check::check_session(&session, &unknown, crate::common::library())
            .expect_err("refused")
            .to_string();
        assert!(error.contains("本版本及研究中心方案文件夹中均没有方案“no-such-trial”"), "{error}");
    }
    assert_eq!(
        trialscreen::input::number_text::parse_number("12,5"),
        trialscreen::input::Parsed::Invalid("请使用小数点：12.5".to_owned())
    );
    let example = trialscreen::session::load::parse_session(&text).expect("example");
    let changes = trialscreen::session::recovery::differences(None, &example);
    assert!(changes.first().is_some_and(|line| line.contains("已创建筛选记录V01")), "{changes:?}");
    set_thread_language(Language::En);
    let changes = trialscreen::session::recovery::differences(None, &example);
    assert!(changes.first().is_some_and(|line| line.contains("session V01 created")), "{changes:?}");
    assert_eq!(
        trialscreen::input::number_text::parse_number("12,5"),
        trialscreen::input::Parsed::Invalid("use a decimal point: 12.5".to_owned())
    );
}

#[test]
fn the_language_is_read_from_the_arguments_before_they_are_parsed() {
    use trialscreen::cli::common::language_in_arguments;
    let words = |line: &str| line.split(' ').map(std::ffi::OsString::from).collect::<Vec<_>>();
    assert_eq!(language_in_arguments(&words("trialscreen --lang zh-CN --help")), Some(Language::ZhCn));
    assert_eq!(language_in_arguments(&words("trialscreen verify f.ron --lang=zh_CN.UTF-8")), Some(Language::ZhCn));
    assert_eq!(language_in_arguments(&words("trialscreen --lang en verify")), Some(Language::En));
    assert_eq!(language_in_arguments(&words("trialscreen --lang fr verify")), None);
    assert_eq!(language_in_arguments(&words("trialscreen verify -- --lang zh-CN")), None);
}

#[test]
fn a_kidney_calculation_explains_itself_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = ["calc", "egfr-ckd-epi-2021", "creatinine=1.09mg/dL", "age=55", "sex=male"];
    let text = stdout(&chinese(dir.path(), &args));
    for words in [
        "CKD-EPI 2021肌酐公式（Inker 2021，不含种族因素）",
        "男性：κ 0.9",
        "年龄55.00岁（小数）",
        "80.2 mL/min/1.73 m²",
    ] {
        assert!(text.contains(words), "{words} missing in:\n{text}");
    }
}

#[test]
fn an_instrument_score_names_its_items_and_classification_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = stdout(&chinese(dir.path(), &["calc", "sledai2k", "seizure=present"]));
    assert!(text.starts_with("SLEDAI-2K: 8–105分（"), "{text}");
    assert!(text.contains("- 癫痫发作：8。"), "{text}");
    let text = stdout(&chinese(dir.path(), &["calc", "eular-acr-sle-2019", "ana_entry=present", "fever=present"]));
    assert!(text.contains("- 发热>38.3 °C：2。") && text.contains("分类：尚未确定"), "{text}");
}

#[test]
fn an_instruments_scoring_notes_and_item_list_are_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = stdout(&chinese(dir.path(), &["calc", "sledai2k", "seizure=present"]));
    assert!(text.contains("SLEDAI-2K：访视时或此前10天内"), "{text}");
    let text = stdout(&chinese(dir.path(), &["calc", "essdai"]));
    assert!(text.contains("疾病活动度：低<5，中5–13，高≥14（Seror 2016）"), "{text}");
    let text = stdout(&chinese(dir.path(), &["calc", "--list"]));
    assert!(text.contains("seizure=present|absent  癫痫发作 [8]"), "{text}");
}

#[test]
fn an_instruments_name_and_category_are_in_chinese() {
    use trialscreen::calculators::InstrumentId;
    use trialscreen::calculators::instrument_words::{category_name, instrument_name};
    let dir = tempfile::tempdir().expect("temp dir");
    let text = stdout(&chinese(dir.path(), &["calc", "eular-acr-sle-2019", "ana_entry=present", "fever=present"]));
    assert!(text.starts_with("2019 EULAR/ACR SLE分类标准: 2–51分"), "{text}");
    trialscreen::i18n::set_thread_language(trialscreen::i18n::Language::ZhCn);
    let chinese_words = [category_name("moderate"), category_name("DM"), instrument_name(InstrumentId::Mrss)];
    trialscreen::i18n::set_thread_language(trialscreen::i18n::Language::En);
    assert_eq!(chinese_words, ["中", "DM", "改良Rodnan皮肤评分"]);
    assert_eq!(instrument_name(InstrumentId::Mrss), InstrumentId::Mrss.label());
}

#[test]
fn kinds_of_item_and_units_in_messages_are_in_chinese() {
    use trialscreen::engine::compile::ProtocolError;
    let wrong_kind = |expected: &'static str, found: &'static str| ProtocolError::WrongKind {
        criterion: "I1".to_owned(),
        item: "x".to_owned(),
        expected,
        found,
    };
    let problems =
        [wrong_kind("item-kind-yes-no", "item-kind-number"), wrong_kind("item-kind-number-with-uln", "item-kind-text")];
    trialscreen::i18n::set_thread_language(trialscreen::i18n::Language::ZhCn);
    let words = problems.clone().map(|problem| problem.to_string());
    trialscreen::i18n::set_thread_language(trialscreen::i18n::Language::En);
    assert_eq!(
        words,
        [
            "I1：条目“x”的类型为数值；此规则需要是/否类型的条目",
            "I1：条目“x”的类型为文本；此规则需要带ULN的数值类型的条目"
        ]
    );
    assert_eq!(problems[0].to_string(), "I1: item \"x\" is a number item; this rule needs a yes/no item");
    assert_eq!(
        wrong_kind("item-kind-date-event-or-dated", "item-kind-choice").to_string(),
        "I1: item \"x\" is a choice item; this rule needs a date, event or dated result item"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let text = stdout(&chinese(dir.path(), &["calc", "--list"]));
    assert!(text.contains("age_at_onset=<number> (年, 0–120)"), "{text}");
}

/// `check-protocol` says why a rule can never be decided in Chinese: the part, the reason and
/// the item's label (an English protocol file's problems, worded for a Shenzhen coordinator).
#[test]
fn check_protocol_says_why_a_rule_can_never_be_decided_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = crate::common::undecidable_seed000(93);
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, text).expect("write");
    let output = chinese(dir.path(), &["check-protocol", path.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("I1：All永远无法判定：它有0个部分，至少需要1个"), "{report}");
    assert!(
        report.contains("一项比较永远无法判定：血红蛋白 ≥ 800 g/L对所有合理取值（19.34至250 g/L）均不成立"),
        "{report}"
    );
    assert!(!report.contains("can never be decided") && !report.contains("plausible"), "{report}");
}
