//! The one view of a screening, its explanations and the printout in Simplified Chinese
//! (issue 20): no English word is left in what the view says of a screening (only units,
//! ids, drug names and numbers stay Latin), English stays as it was, and the printout and the
//! screening log in Chinese are valid PDFs showing the Chinese words.

use std::collections::BTreeSet;

use trialscreen::i18n::{Language, set_thread_language};
use trialscreen::report::screening_view::ScreeningView;
use trialscreen::screening::Screening;
use trialscreen::session::model::Session;

use crate::common;

/// Latin words a Chinese text may hold: unit symbols, abbreviations a Chinese report prints as
/// such, formula names.
const KEPT_LATIN: &[&str] = &[
    "mg",
    "dL",
    "mL",
    "min",
    "mmol",
    "umol",
    "mol",
    "g",
    "kg",
    "cm",
    "m",
    "s",
    "d",
    "day",
    "uL",
    "IU",
    "U",
    "L",
    "eGFR",
    "hCG",
    "HBsAg",
    "HBc",
    "SpO",
    "CKiD",
    "Schwartz",
    "Cockcroft",
    "Gault",
    "ratio",
    "mIU",
    "ng",
    "pg",
    "mcg",
    "mm",
    "h",
    "mEq",
    "nmol",
    "pmol",
    "kPa",
    "mmHg",
    "cells",
    "fL",
    "IgG",
    "IgM",
    "IgA",
    "dsDNA",
    "Sm",
    "Ro",
    "Hb",
    "Scr",
    "pred",
    "HEp",
    "SSc",
    "LeRoy",
    // Antibody, sign and test names the instruments' Chinese names keep (instruments.ron).
    "Scl",
    "Jo",
    "tRNA",
    "Velcro",
    "Gottron",
    "Schirmer",
    "van",
    "Bijsterveld",
];

/// The examples and edits that bring out every kind of explanation: missing values, a
/// judgment, undated and out-of-window results, a treatment history, an override, a
/// contradiction, conflicting results, a signed record.
fn cases() -> Vec<(String, Session)> {
    let mut cases: Vec<(String, Session)> = [
        "v01-eligible-adolescent",
        "v02a-low-platelets",
        "v02b-low-platelets-override",
        "v02c-low-platelets-bleeding",
        "v03-recent-rituximab",
        "v04a-too-young",
        "v05a-igg-by-age",
        "v06-past-hepatitis-b",
        "v07a-tb-indeterminate-then-negative",
        "v07b-tb-indeterminate-twice",
        "v08a-two-classes",
        "v08c-three-counted-agents",
        "v09-demographics-only",
        "v10a-sle-cohort-sledai-10",
        "v12-renal-by-clearance",
        "v13b-prednisone-30-and-mmf",
        "v14-dcssc-cohort-scoping",
        "v15a-huc-msc-awaiting-judgment",
        "v15b-huc-msc-judged",
    ]
    .iter()
    .map(|name| ((*name).to_owned(), common::example(name)))
    .collect();
    let mut undated = common::example("v01-eligible-adolescent");
    common::edit_undated(
        &mut undated,
        &[
            ("platelets", Some("Number((value: 150, unit: \"10^9/L\", date: None))")),
            ("haemoglobin", Some("Number((value: 120, unit: \"g/L\", date: Some(\"2025-01-02\")))")),
            ("alt", Some("Number((value: 30, unit: \"U/L\", uln: Some(40), date: Some(\"2026-12-20\")))")),
        ],
    );
    cases.push(("undated and out of window".to_owned(), undated));
    let mut contradiction = common::example("v01-eligible-adolescent");
    common::edit(
        &mut contradiction,
        &[("sex", Some("Choice(\"male\")")), ("urine_pregnancy_test", Some("Choice(\"positive\")"))],
    );
    cases.push(("contradiction".to_owned(), contradiction));
    cases
}

/// Every sentence the view says of a screening.
fn sentences(view: &ScreeningView) -> Vec<String> {
    let mut out = vec![view.participant_line(), view.history_words.clone(), view.verification.sentence()];
    out.extend(view.verification.clock_lines());
    out.extend(view.still_needed.iter().map(|needed| needed.words.clone()));
    for protocol in &view.protocols {
        out.push(protocol.verdict_line());
        out.extend(protocol.warnings());
        out.extend(protocol.source_incomplete());
        out.extend(protocol.signed_verdict_warning());
        out.extend(protocol.still_needed_line());
        out.extend(protocol.decisions.iter().map(|decision| decision.line()));
        if let Some(banner) = &protocol.version_notice {
            out.push(banner.headline.clone());
            out.extend(banner.rescreen_label.clone());
        }
        for criterion in &protocol.criteria {
            out.push(criterion.status.word().to_owned());
            out.push(criterion.kind_shown().to_owned());
            out.push(criterion.explanation.clone());
            out.extend(criterion.notes.iter().map(|note| note.text.clone()));
        }
    }
    out
}

/// What a session holds in its own words (names, reasons, codes, typed text), and the words
/// not translated yet (what the audit trail's verification reports): stripped before looking
/// for English. The instruments' item labels are all translated (`instruments.ron`).
fn session_words(session: &Session, view: &ScreeningView) -> Vec<String> {
    let mut words = vec![session.participant_code.clone()];
    words.extend(view.verification.problems.iter().cloned());
    words.extend(view.protocols.iter().flat_map(|p| &p.criteria).map(|criterion| criterion.id.clone()));
    words.extend(session.investigator.clone());
    for decision in &session.decisions {
        words.extend([decision.by.clone(), decision.reason.clone(), decision.protocol.clone()]);
    }
    for entry in &session.audit {
        words.push(entry.actor.clone());
        words.extend(entry.reason.clone());
    }
    if let Some(signature) = &session.signature {
        words.extend([signature.by.clone(), signature.meaning.clone()]);
    }
    words.extend(session.protocols.iter().map(|p| p.id.clone()));
    words.extend(session.protocols.iter().filter_map(|p| p.cohort.clone()));
    // Longest first, so a name is not cut by a shorter one inside it.
    words.sort_by_key(|word| std::cmp::Reverse(word.len()));
    words.retain(|word| !word.is_empty());
    words
}

/// The Latin words with a lower-case letter left in `text` once the session's own words are
/// taken out, less the units and abbreviations a Chinese report keeps.
fn english_words(text: &str, own: &[String]) -> BTreeSet<String> {
    let mut text = text.to_owned();
    for word in own {
        text = text.replace(word.as_str(), " ");
    }
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.chars().any(|c| c.is_ascii_lowercase()))
        .filter(|word| !KEPT_LATIN.contains(word))
        .map(str::to_owned)
        .collect()
}

/// The view of a session in a language, and every sentence it says (status words are
/// looked up when shown, so in the same language).
fn view_in(language: Language, session: &Session) -> (ScreeningView, Vec<String>) {
    set_thread_language(language);
    let screening = Screening::evaluate(common::library(), session, common::EVALUATION_DAY);
    let view = ScreeningView::of(&screening);
    let said = sentences(&view);
    set_thread_language(Language::En);
    (view, said)
}

#[test]
fn the_view_in_chinese_leaves_no_english_word() {
    let mut found = Vec::new();
    for (name, session) in cases() {
        let (view, said) = view_in(Language::ZhCn, &session);
        let own = session_words(&session, &view);
        for sentence in said {
            let english = english_words(&sentence, &own);
            if !english.is_empty() {
                found.push(format!("{name}: {english:?} in «{sentence}»"));
            }
        }
    }
    assert!(found.is_empty(), "English left in the Chinese view:\n{}", found.join("\n"));
}

#[test]
fn the_view_in_chinese_says_the_explanations_in_chinese() {
    let session = common::example("v02b-low-platelets-override");
    let text = view_in(Language::ZhCn, &session).1.join("\n");
    for words in ["已酌情决定", "酌情决定的条件成立", "由", "记录", "稽查轨迹完整"] {
        assert!(text.contains(words), "{words} missing in:\n{text}");
    }
    let session = common::example("v09-demographics-only");
    let text = view_in(Language::ZhCn, &session).1.join("\n");
    for words in ["未录入", "待补充："] {
        assert!(text.contains(words), "{words} missing in:\n{text}");
    }
    let session = common::example("v15a-huc-msc-awaiting-judgment");
    let text = view_in(Language::ZhCn, &session).1.join("\n");
    assert!(text.contains("待研究者判断"), "{text}");
}

#[test]
fn the_view_in_english_is_english_and_switching_changes_no_record() {
    for (name, session) in cases() {
        let before = session.clone();
        let (english, said) = view_in(Language::En, &session);
        let _chinese = view_in(Language::ZhCn, &session);
        let (again, said_again) = view_in(Language::En, &session);
        assert_eq!(english, again, "{name}: the English view is the same after a Chinese one");
        assert_eq!(said, said_again, "{name}: the English sentences are the same after Chinese ones");
        assert_eq!(session, before, "{name}: the record is unchanged");
        for sentence in said {
            assert!(
                !sentence.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: Chinese in the English view: {sentence}"
            );
        }
    }
    let (v02b, _) = view_in(Language::En, &common::example("v02b-low-platelets-override"));
    let notes: Vec<&str> =
        v02b.protocols.iter().flat_map(|p| &p.criteria).flat_map(|c| &c.notes).map(|n| n.text.as_str()).collect();
    assert!(notes.iter().any(|n| n.starts_with("Overridden by ")), "{notes:?}");
}

fn pdf_text(pdf: &std::path::Path) -> String {
    let qpdf = std::process::Command::new("qpdf").arg("--check").arg(pdf).output().expect("qpdf");
    assert!(qpdf.status.success(), "{}", String::from_utf8_lossy(&qpdf.stdout));
    let text = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(!text.contains('\u{FFFD}'), "nothing replaced:\n{text}");
    text
}

#[test]
fn the_printout_in_chinese_explains_and_signs_in_chinese() {
    if !crate::report_pdf::tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("v02b.pdf");
    let v02b = format!("{}/v02b-low-platelets-override.ron", common::EXAMPLES);
    let output = common::trialscreen_command()
        .args(["--lang", "zh-CN", "summary", &v02b, "-o", &pdf.display().to_string()])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = pdf_text(&pdf);
    // pdftotext breaks lines where the page does: compare without line breaks.
    let joined: String = text.split_whitespace().collect();
    for words in [
        "已酌情决定",
        "酌情决定与研究者判断",
        "稽查轨迹",
        "首次录入后的修改",
        "签名",
        "来源：",
        "方案文件SHA-256",
        "有效",
        "研究者姓名",
    ] {
        assert!(joined.contains(words), "{words} missing in:\n{text}");
    }
    for english in ["Overridden", "Audit trail", "Changes after first entry", "Overrides and judgments", "in force"] {
        assert!(!text.contains(english), "{english} left in:\n{text}");
    }
}

#[test]
fn the_screening_log_in_chinese_is_a_valid_pdf_in_chinese() {
    if !crate::report_pdf::tools() {
        return;
    }
    let (dir, out) = (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
    for name in ["v02b-low-platelets-override", "v03-recent-rituximab", "v09-demographics-only"] {
        let from = format!("{}/{name}.ron", common::EXAMPLES);
        std::fs::copy(&from, dir.path().join(format!("{name}.ron"))).expect("copy");
    }
    let (csv, pdf) = (out.path().join("log.csv"), out.path().join("log.pdf"));
    let folder = dir.path().display().to_string();
    let output = common::trialscreen_command()
        .args([
            "--lang",
            "zh-CN",
            "log",
            &folder,
            "-o",
            &csv.display().to_string(),
            "--pdf",
            &pdf.display().to_string(),
        ])
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = pdf_text(&pdf);
    let joined: String = text.split_whitespace().collect();
    for words in ["筛选日志——计数", "已筛选（筛选记录数）", "不同的受试者编号", "不合格", "不完整"]
    {
        assert!(joined.contains(words), "{words} missing in:\n{text}");
    }
    assert!(!text.contains("screened (sessions)"), "{text}");
}

#[test]
fn the_text_of_the_printout_in_chinese_has_no_english_heading() {
    use trialscreen::report::summary_model::Summary;
    use trialscreen::report::summary_text::to_text;
    let session = common::example("v02b-low-platelets-override");
    let printed = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z").expect("time").to_utc();
    let text_in = |language: Language| {
        set_thread_language(language);
        let screening = Screening::evaluate(common::library(), &session, common::EVALUATION_DAY);
        let text = to_text(&Summary::build(&screening, "v02b.ron", printed));
        set_thread_language(Language::En);
        text
    };
    let chinese = text_in(Language::ZhCn);
    for words in ["筛选小结——受试者 V02B", "首次录入后的修改", "稽查轨迹", "签名", "结论 ✔ 合格", "原文", "解读："]
    {
        assert!(chinese.contains(words), "{words} missing in:\n{chinese}");
    }
    for english in ["SCREENING SUMMARY", "CHANGES AFTER FIRST ENTRY", "AUDIT TRAIL", "VERDICT", "Interpretation:"] {
        assert!(!chinese.contains(english), "{english} left in:\n{chinese}");
    }
    let english = text_in(Language::En);
    for words in ["SCREENING SUMMARY — participant V02B", "CHANGES AFTER FIRST ENTRY", "AUDIT TRAIL", "VERDICT ✔"] {
        assert!(english.contains(words), "{words} missing in:\n{english}");
    }
}
