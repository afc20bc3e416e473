//! The message files (issue 20): every id exists in English and in Chinese with the same
//! placeholders, each file parses whole, none is unused by the code, and switching the
//! language changes the words and nothing else.

use std::collections::BTreeSet;
use std::path::Path;

use trialscreen::i18n::{Language, MESSAGE_FILES, message_ids, text_in};

/// The `{ $name }` placeholders of a message's text.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{ $").skip(1).filter_map(|rest| rest.split_once(" }").map(|(name, _)| name.to_owned())).collect()
}

/// The raw text of every message of a file, by id.
fn raw_messages(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with(' '))
        .filter_map(|line| line.split_once(" = ").map(|(id, value)| (id.trim().to_owned(), value.to_owned())))
        .collect()
}

/// Every message of a language, across its files, by id.
fn messages_of(language: Language) -> Vec<(String, String)> {
    MESSAGE_FILES.iter().filter(|(l, ..)| *l == language).flat_map(|(.., text)| raw_messages(text)).collect()
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_placeholders() {
    for (language, name, text) in MESSAGE_FILES {
        let parsed = fluent_bundle::FluentResource::try_new(text.to_owned());
        assert!(parsed.is_ok(), "{}/{name}: {:?}", language.tag(), parsed.err().map(|(_, errors)| errors));
        let other_language = Language::ALL.into_iter().filter(|l| *l != language);
        for other in other_language {
            assert!(
                MESSAGE_FILES.iter().any(|(l, n, _)| *l == other && *n == name),
                "{name} exists in {} too",
                other.tag()
            );
        }
    }
    for language in Language::ALL {
        let raw = messages_of(language);
        let ids: BTreeSet<&String> = raw.iter().map(|(id, _)| id).collect();
        assert_eq!(ids.len(), raw.len(), "{}: an id is defined twice", language.tag());
        assert_eq!(message_ids(language).len(), raw.len(), "{}: every message is loaded", language.tag());
    }
    let english = messages_of(Language::En);
    let chinese = messages_of(Language::ZhCn);
    let english_ids: BTreeSet<&String> = english.iter().map(|(id, _)| id).collect();
    let chinese_ids: BTreeSet<&String> = chinese.iter().map(|(id, _)| id).collect();
    assert_eq!(english_ids, chinese_ids, "the same ids in both languages");
    for (id, value) in &english {
        let other = chinese.iter().find(|(c, _)| c == id).map(|(_, v)| v.as_str()).unwrap_or_default();
        assert_eq!(placeholders(value), placeholders(other), "{id}: the same placeholders");
        // Untranslated English would show as lower-case Latin words; the abbreviations a Chinese
        // protocol keeps (ULN, SLE) are capitals.
        let words: String =
            other.split("{ $").map(|part| part.split_once(" }").map_or(part, |(_, rest)| rest)).collect();
        assert!(!words.chars().any(|c| c.is_ascii_lowercase()), "{id}: «{other}» is not translated");
    }
}

#[test]
fn every_message_is_used_by_the_code() {
    let mut source = String::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                source.push_str(&std::fs::read_to_string(&path).expect("read"));
            }
        }
    }
    let unused: Vec<String> =
        message_ids(Language::En).into_iter().filter(|id| !source.contains(&format!("\"{id}\""))).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn the_words_follow_the_language_and_fall_back_to_nothing_hidden() {
    assert_eq!(text_in(Language::En, "verdict-ineligible"), "INELIGIBLE");
    assert_eq!(text_in(Language::ZhCn, "verdict-ineligible"), "不合格");
    assert_eq!(text_in(Language::ZhCn, "heading-inclusion"), "入选标准");
    assert_eq!(text_in(Language::ZhCn, "heading-exclusion"), "排除标准");
    // No Unicode isolation marks around placeables: a printout and a record refuse them.
    for language in Language::ALL {
        for id in message_ids(language) {
            let text = text_in(language, &id);
            assert!(!text.chars().any(|c| matches!(c, '\u{2068}' | '\u{2069}')), "{id}: {text:?}");
        }
    }
}

fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = crate::common::trialscreen_command();
    for (name, value) in env {
        command.env(name, value);
    }
    command.args(args).output().expect("the binary runs")
}

#[test]
fn the_command_line_speaks_chinese_by_flag_or_locale_and_json_keeps_its_values() {
    let v03 = format!("{}/v03-recent-rituximab.ron", crate::common::EXAMPLES);
    for (args, env) in [
        (vec!["--lang", "zh-CN", "evaluate", &v03], vec![]),
        (vec!["evaluate", &v03], vec![("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")]),
    ] {
        let output = run(&args, &env);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("✖ 不合格 (E13)"), "{text}");
        assert!(text.contains("✔ I1       符合"), "{text}");
        assert!(text.contains("排除"), "{text}");
    }
    let english = String::from_utf8_lossy(&run(&["evaluate", &v03], &[]).stdout).into_owned();
    assert!(english.contains("✖ INELIGIBLE (E13)"), "pinned to English: {english}");
    let json = run(&["--lang", "zh-CN", "evaluate", &v03, "--json"], &[]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let protocol = &json["protocols"][0];
    assert_eq!(protocol["verdict"], "ineligible", "enumerated values stay");
    assert_eq!(protocol["criteria"][0]["kind"], "inclusion");
    assert_eq!(protocol["criteria"][0]["outcome"], "passes");
    assert_eq!(protocol["criteria"][0]["status"], "符合", "the word shown follows the language");
    let refused = run(&["--lang", "fr", "evaluate", &v03], &[]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("en or zh-CN"));
}

#[test]
fn the_printout_in_chinese_has_chinese_headings_and_status_words() {
    if !crate::report_pdf::tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("v02b.pdf");
    let v02b = format!("{}/v02b-low-platelets-override.ron", crate::common::EXAMPLES);
    let output = run(&["--lang", "zh-CN", "summary", &v02b, "-o", &pdf.display().to_string()], &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let qpdf = std::process::Command::new("qpdf").arg("--check").arg(&pdf).output().expect("qpdf");
    assert!(qpdf.status.success(), "{}", String::from_utf8_lossy(&qpdf.stdout));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    for words in ["筛选小结", "受试者编号", "筛选日期", "✔ 合格", "符合", "酌情符合", "第1页，共"]
    {
        assert!(text.contains(words), "{words} missing in:\n{text}");
    }
    assert!(!text.contains('\u{FFFD}'), "nothing replaced");
}
