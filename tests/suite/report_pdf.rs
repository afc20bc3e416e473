//! The printed summary as a reader meets it: the real binary writes the PDF in a temporary
//! folder, `pdftotext` reads it back, `qpdf --check` checks its structure. Without
//! poppler-utils or qpdf those checks skip with a notice (CI installs them: `.ci/run`); the
//! checks that need no tool always run.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{TimeZone as _, Utc};
use trialscreen::library::Library;
use trialscreen::report::{Paper, write_summary_pdf};
use trialscreen::screening::Screening;
use trialscreen::session::audit::content_hash;
use trialscreen::session::model::Decision;

fn trialscreen(args: &[&str]) -> Output {
    crate::common::trialscreen_command().args(args).output().expect("the binary runs")
}

fn example_path(name: &str) -> String {
    format!("{}/{name}.ron", common::EXAMPLES)
}

/// Whether an external tool runs; prints why a check is skipped when it does not.
fn tool(name: &str, package: &str) -> bool {
    let available = Command::new(name).arg("--version").output().is_ok();
    if !available {
        // Written to the stream itself, not through `eprintln!`, which the test harness
        // captures: the notice shows in every test run.
        let notice =
            format!("notice: {name} is not installed (apt-get install {package}); this PDF check is skipped\n");
        let _ = std::io::Write::write_all(&mut std::io::stderr(), notice.as_bytes());
    }
    available
}

pub(crate) fn tools() -> bool {
    tool("pdftotext", "poppler-utils") && tool("pdfinfo", "poppler-utils") && tool("qpdf", "qpdf")
}

/// Writes the summary of an example with the binary and returns the PDF's path.
fn summary(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("{name}.pdf"));
    let out_text = out.display().to_string();
    let input = example_path(name);
    let mut args = vec!["summary", input.as_str(), "-o", out_text.as_str()];
    args.extend_from_slice(extra);
    let output = trialscreen(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    out
}

/// The text of a PDF (or of one page) in content order, whitespace collapsed so that a
/// phrase wrapped across lines still matches.
fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut command = Command::new("pdftotext");
    command.arg("-raw").arg("-enc").arg("UTF-8");
    if let Some(page) = page {
        command.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let output = command.arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdfinfo(pdf: &Path) -> String {
    let output = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn page_count(pdf: &Path) -> usize {
    pdfinfo(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo names the page count")
}

fn qpdf_check(pdf: &Path) {
    let output = Command::new("qpdf").arg("--check").arg(pdf).output().expect("qpdf runs");
    assert!(
        output.status.success(),
        "qpdf --check {}: {}{}",
        pdf.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn assert_contains(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "missing “{needle}” in:\n{haystack}");
}

/// Prints an example's summary with the binary into a temporary folder and checks it with
/// qpdf; `None` (with a notice) when the tools are missing.
fn printed(name: &str, extra: &[&str]) -> Option<(tempfile::TempDir, PathBuf)> {
    if !tools() {
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = summary(dir.path(), name, extra);
    qpdf_check(&pdf);
    Some((dir, pdf))
}

/// Prints an example's summary and checks that its text holds every phrase.
fn printed_text(name: &str, phrases: &[&str]) {
    let Some((_dir, pdf)) = printed(name, &[]) else { return };
    let all = text(&pdf, None);
    for phrase in phrases {
        assert_contains(&all, phrase);
    }
}

#[test]
fn v01_every_page_is_numbered_and_names_the_file_and_content_hash() {
    let Some((_dir, pdf)) = printed("v01-eligible-adolescent", &[]) else { return };
    let hash = content_hash(&common::example("v01-eligible-adolescent"));
    let pages = page_count(&pdf);
    assert!(pages >= 2, "{pages} pages");
    for page in 1..=pages {
        let text = text(&pdf, Some(page));
        assert_contains(&text, &format!("Page {page} of {pages}"));
        assert_contains(&text, "v01-eligible-adolescent.ron");
        assert_contains(&text, &hash);
        assert_contains(&text, "participant V01");
    }
    let all = text(&pdf, None);
    // Units and symbols survive extraction: the font covers them and maps them back.
    for phrase in [
        "✔ ELIGIBLE",
        "Platelet count 160 ×10⁹/L (2026-10-28) ≥ 75 ×10⁹/L",
        "CD19+ B-cell count 110 /µL",
        "mL/min/1.73 m²",
        "SpO₂ on room air 98 %",
        "AST 30 U/L = 0.75 × ULN",
        "✔ Audit trail intact",
        "Not signed electronically",
        "Investigator name Signature Date",
    ] {
        assert_contains(&all, phrase);
    }
}

#[test]
fn v02b_shows_the_override_with_reason_who_and_when() {
    printed_text(
        "v02b-low-platelets-override",
        &[
            "✔ met by override I7.plt",
            "Platelet count 52 ×10⁹/L (2026-10-28) < 75 ×10⁹/L",
            "Overridden by Dr A. Investigator at 2026-11-02 10:30 UTC: Immune thrombocytopenia of SLE, no bleeding; \
             platelets stable at 50-55 over 3 months.",
            "(override conditions hold: Low platelets from an immune-related cause yes; Active bleeding no)",
            "Overrides and judgments",
            "I7.plt override Dr A. Investigator 2026-11-02 10:30 UTC Immune thrombocytopenia of SLE",
            "in force",
        ],
    );
}

#[test]
fn v03_says_excluded_and_eligible_from() {
    printed_text(
        "v03-recent-rituximab",
        &[
            "✖ INELIGIBLE (E13)",
            "✖ excluded E13",
            "Rituximab, last dose 2026-09-10 (inadequate response), within 3 months before screening",
            "Eligible from 2026-12-11",
            "– not applicable I8",
        ],
    );
}

#[test]
fn v15a_prints_the_incomplete_source_banner_beside_the_verdict() {
    printed_text(
        "v15a-huc-msc-awaiting-judgment",
        &[
            "? INCOMPLETE ⚠ Criteria incomplete in source: inclusion 5+ and all exclusions not available",
            "⚠ judgment needed S1",
        ],
    );
}

#[test]
fn letter_paper_and_a4_have_their_sizes_and_fonts_are_embedded_subsets_with_unicode() {
    let Some((_a4_dir, a4)) = printed("v02a-low-platelets", &[]) else { return };
    assert!(pdfinfo(&a4).contains("595.28 x 841.89 pts (A4)"), "{}", pdfinfo(&a4));
    let Some((_letter_dir, letter)) = printed("v02a-low-platelets", &["--paper", "letter"]) else { return };
    assert!(pdfinfo(&letter).contains("612 x 792 pts (letter)"), "{}", pdfinfo(&letter));
    let pages = page_count(&letter);
    assert_contains(&text(&letter, Some(pages)), &format!("Page {pages} of {pages}"));
    let fonts = Command::new("pdffonts").arg(&letter).output().expect("pdffonts runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "{row}");
        assert!(row.contains("yes yes yes"), "embedded, subset, Unicode map: {row}");
    }
}

#[test]
fn every_bundled_example_prints_as_pdf_a_2u_on_both_papers() {
    // No external tool: krilla's PDF/A-2u validator refuses a glyph the font lacks, a
    // missing date and the like, so a produced file is a validated one.
    let library = Library::bundled().expect("bundled library");
    let printed_at = Utc.with_ymd_and_hms(2026, 11, 20, 14, 5, 0).single().expect("time");
    let mut names: Vec<String> = std::fs::read_dir(common::EXAMPLES)
        .expect("examples")
        .filter_map(|e| e.ok()?.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert!(names.len() >= 30);
    for name in names {
        let session = common::example(&name);
        let screening =
            Screening::evaluate(&library, &session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
        for paper in [Paper::A4, Paper::Letter] {
            let pdf = write_summary_pdf(&screening, &format!("{name}.ron"), paper, printed_at)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(pdf.starts_with(b"%PDF-1.7"), "{name}");
            let xmp = String::from_utf8_lossy(&pdf);
            assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{name}: PDF/A part");
            assert!(xmp.contains("<pdfaid:conformance>U</pdfaid:conformance>"), "{name}: PDF/A conformance");
        }
    }
}

/// Chinese typed into a reason prints (issue 20): the CJK face is embedded and subset beside
/// DejaVu, `pdftotext` gives the words back, and only what no bundled face has (a character of
/// CJK Extension A, a control character) is replaced, visibly and said.
#[test]
fn chinese_in_a_reason_prints_and_only_what_no_font_has_is_replaced() {
    let library = Library::bundled().expect("bundled library");
    let mut session = common::example("v02b-low-platelets-override");
    let decision: &mut Decision = session.decisions.last_mut().expect("the override");
    decision.reason = "血小板稳定，研究者喆同意（已复查）。 stable 㐀\u{7}".to_owned();
    let screening =
        Screening::evaluate(&library, &session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
    let printed_at = Utc.with_ymd_and_hms(2026, 11, 20, 14, 5, 0).single().expect("time");
    let pdf = write_summary_pdf(&screening, "v02b.ron", Paper::A4, printed_at).expect("still printable");
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("chinese.pdf");
    std::fs::write(&path, pdf).expect("write");
    qpdf_check(&path);
    let all = text(&path, None);
    // The reason is printed twice (under the criterion and in the decisions table).
    assert_contains(&all, "血小板稳定，研究者喆同意（已复查）。 stable ��");
    assert_contains(&all, "4 character(s) of the record are not in the printing font and are shown as �");
    let fonts = Command::new("pdffonts").arg(&path).output().expect("pdffonts runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let cjk = fonts.lines().find(|row| row.contains("NotoSansCJKsc")).unwrap_or_else(|| panic!("{fonts}"));
    assert!(cjk.contains("yes yes yes"), "embedded, subset, Unicode map: {cjk}");
}

#[test]
fn an_unreadable_session_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let full = std::fs::read_to_string(example_path("v01-eligible-adolescent")).expect("example");
    let truncated = &full[..full.len() / 3];
    let input = dir.path().join("truncated.ron");
    std::fs::write(&input, truncated).expect("write");
    let out = dir.path().join("out.pdf");
    let output = trialscreen(&["summary", &input.display().to_string(), "-o", &out.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("truncated.ron") && message.contains("line "), "{message}");
    assert!(!out.exists());
    assert_eq!(std::fs::read_to_string(&input).expect("still there"), truncated);
    let missing = trialscreen(&["summary", "/no/such/session.ron", "-o", &out.display().to_string()]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn the_summary_never_overwrites_its_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(example_path("v01-eligible-adolescent")).expect("example");
    let input = dir.path().join("v01.ron");
    std::fs::write(&input, &text).expect("write");
    let path = input.display().to_string();
    let output = trialscreen(&["summary", &path, "-o", &path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is an input file"));
    assert_eq!(std::fs::read_to_string(&input).expect("still there"), text);
}
