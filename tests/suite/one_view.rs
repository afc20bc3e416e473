//! One view of a screening: the window's board, the printed PDF, the printout's text,
//! `evaluate`'s text and its JSON all render the same `ScreeningView`. For every bundled
//! example, each of the five must show every criterion's status word, its explanation, every
//! note under it (eligible from, discretion, judgment, decisions out of date) and every
//! decision's state, in the same words.

use crate::common;

use std::collections::BTreeSet;
use std::process::Command;

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use trialscreen::cli::evaluate::{to_json, to_text};
use trialscreen::library::Library;
use trialscreen::report::screening_view::{NoteKind, ScreeningView};
use trialscreen::report::summary_model::Summary;
use trialscreen::report::{Paper, summary_text, write_summary_pdf};
use trialscreen::screening::Screening;
use trialscreen::session::load::parse_session;
use trialscreen::session_check::check_session;
use trialscreen::status::Status;
use trialscreen::ui::criteria_board_ui::{BoardActions, criteria_board_ui};

fn printed_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().expect("a valid time")
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")
}

/// Whitespace collapsed, so that a phrase wrapped across lines still matches.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text as `pdftotext` reads it, whitespace collapsed; `None` without poppler-utils
/// (CI installs it: `.ci/run`).
fn pdf_text(pdf: &[u8]) -> Option<String> {
    Command::new("pdftotext").arg("-v").output().ok()?;
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("summary.pdf");
    std::fs::write(&path, pdf).expect("PDF written");
    let output = Command::new("pdftotext").args(["-raw", "-enc", "UTF-8"]).arg(&path).arg("-").output().ok()?;
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    Some(collapsed(&String::from_utf8_lossy(&output.stdout)))
}

/// Every label the board shows for this view, as the accessibility tree reports them.
fn board_labels(view: &ScreeningView) -> Vec<String> {
    // The first frame installs the workstation's fonts (egui's lack ✔ ✖ ⚠); the board is
    // drawn from the next.
    let mut harness = Harness::builder().with_size([1366.0, 4000.0]).build_ui_state(
        |ui, has_fonts: &mut bool| {
            if !*has_fonts {
                trialscreen::ui::theme::install_fonts(ui.ctx());
                *has_fonts = true;
                return;
            }
            let mut commands = Vec::new();
            let mut actions =
                BoardActions { read_only: false, investigator: "Dr A. Investigator", commands: &mut commands };
            egui::ScrollArea::vertical().show(ui, |ui| criteria_board_ui(ui, view, &mut actions));
        },
        false,
    );
    harness.run();
    // A `Role::Label` keeps its text in `value`; other widgets in `label`.
    harness
        .query_all_by_label_contains("")
        .filter_map(|node| {
            let node = node.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

fn examples() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(common::EXAMPLES)
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().expect("a name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).expect("example file"))
        })
        .collect()
}

#[test]
fn the_board_the_printout_and_the_command_line_say_the_same_on_every_example() {
    let library: &Library = common::library();
    let mut statuses = BTreeSet::new();
    let mut notes = BTreeSet::new();
    let mut checked = 0;
    for (name, text) in examples() {
        let session = parse_session(&text).expect("example parses");
        check_session(&session, &text, library).expect("example checks");
        let screening = Screening::evaluate(library, &session, day());
        let view = ScreeningView::of(&screening);
        let cli = to_text(&view);
        let json = to_json(&view);
        let summary = Summary::build(&screening, &name, printed_at());
        assert_eq!(summary.view, view, "{name}: the printout renders the same view");
        let printout = summary_text::to_text(&summary);
        let pdf = write_summary_pdf(&screening, &name, Paper::A4, printed_at()).expect("PDF");
        let pdf = pdf_text(&pdf);
        let board = board_labels(&view);
        let on_board = |text: &str| board.iter().any(|label| label.contains(text));

        let protocols = json["protocols"].as_array().expect("protocols");
        assert_eq!(protocols.len(), view.protocols.len(), "{name}");
        for (protocol, printed) in view.protocols.iter().zip(protocols) {
            let verdict = protocol.verdict_line();
            assert!(cli.contains(&verdict), "{name}: CLI verdict {verdict}");
            assert!(printout.contains(&format!("VERDICT {verdict}")), "{name}: printout verdict {verdict}");
            assert!(on_board(protocol.verdict_words), "{name}: board verdict {verdict}");
            assert_eq!(printed["verdict_text"], protocol.verdict_words, "{name}");
            if let Some(pdf) = &pdf {
                assert!(pdf.contains(&collapsed(&verdict)), "{name}: PDF verdict {verdict}");
            }
            let criteria = printed["criteria"].as_array().expect("criteria");
            assert_eq!(criteria.len(), protocol.criteria.len(), "{name}");
            for (criterion, line) in protocol.criteria.iter().zip(criteria) {
                let id = &criterion.id;
                let word = criterion.status.word();
                let shown = format!("{} {word}", criterion.status.icon());
                statuses.insert(format!("{:?}", criterion.status));
                // JSON: the same status, explanation and notes.
                assert_eq!(line["id"], id.as_str(), "{name}");
                assert_eq!(line["status"], word, "{name} {id}");
                assert_eq!(line["explanation"], criterion.explanation.as_str(), "{name} {id}");
                let json_notes: Vec<&str> =
                    line["notes"].as_array().expect("notes").iter().filter_map(|n| n.as_str()).collect();
                let view_notes: Vec<&str> = criterion.notes.iter().map(|n| n.text.as_str()).collect();
                assert_eq!(json_notes, view_notes, "{name} {id}");
                // `evaluate`'s text: one line per criterion, with the same details.
                let cli_line = cli
                    .lines()
                    .find(|l| l.split_whitespace().nth(1) == Some(id.as_str()))
                    .unwrap_or_else(|| panic!("{name}: {id} in the CLI text"));
                assert!(cli_line.contains(word), "{name} {id}: {cli_line}");
                assert!(cli_line.contains(&criterion.details_line()), "{name} {id}: {cli_line}");
                // The printout's text, the PDF and the board.
                let printout_line = format!("{} {id} {word} — {}", criterion.status.icon(), criterion.title);
                assert!(printout.contains(&printout_line), "{name} {id}: printout lacks {printout_line}");
                assert!(on_board(&shown), "{name} {id}: board status {shown}");
                if let Some(pdf) = &pdf {
                    assert!(pdf.contains(&format!("{shown} {id}")), "{name} {id}: PDF status {shown}");
                }
                let mut said = vec![criterion.explanation.clone()];
                said.extend(criterion.notes.iter().map(|note| {
                    notes.insert(format!("{:?}", note.kind));
                    note.text.clone()
                }));
                for text in said.iter().filter(|text| !text.is_empty()) {
                    assert!(printout.contains(text.as_str()), "{name} {id}: printout lacks {text}");
                    assert!(on_board(text), "{name} {id}: board lacks {text}");
                    if let Some(pdf) = &pdf {
                        assert!(pdf.contains(&collapsed(text)), "{name} {id}: PDF lacks {text}");
                    }
                }
            }
            // Every decision and its state, in the printout, the PDF and the JSON.
            let decisions = printed["decisions"].as_array().expect("decisions");
            assert_eq!(decisions.len(), protocol.decisions.len(), "{name}");
            for (decision, line) in protocol.decisions.iter().zip(decisions) {
                assert_eq!(line["state"], decision.effect.state_id(), "{name}");
                assert_eq!(line["effect"], decision.effect.words(), "{name}");
                assert_eq!(line["decision"], decision.decision.as_str(), "{name}");
                assert!(printout.contains(&decision.line()), "{name}: printout lacks {}", decision.line());
                if let Some(pdf) = &pdf {
                    assert!(pdf.contains(&collapsed(&decision.effect.words())), "{name}: PDF lacks the effect");
                }
            }
            if let Some(line) = protocol.still_needed_line() {
                assert!(cli.contains(&line), "{name}: CLI still needed");
                assert!(printout.contains(&line), "{name}: printout still needed");
                if let Some(pdf) = &pdf {
                    assert!(pdf.contains(&collapsed(&line)), "{name}: PDF still needed");
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} examples");
    // Every status a criterion can take, and the notes the examples reach, were compared.
    let all = [
        Status::Met,
        Status::NotMet,
        Status::NotExcluded,
        Status::Excluded,
        Status::Missing,
        Status::Judgment,
        Status::NotApplicable,
        Status::Overridden,
    ];
    for status in all {
        assert!(statuses.contains(&format!("{status:?}")), "no example shows {status:?}: {statuses:?}");
    }
    for kind in [NoteKind::NotApplicable, NoteKind::EligibleFrom, NoteKind::DiscretionAvailable, NoteKind::Overridden] {
        assert!(notes.contains(&format!("{kind:?}")), "no example shows a {kind:?} note: {notes:?}");
    }
}

/// The whole of `trialscreen evaluate`'s text for an example, evaluated on a fixed day.
fn evaluate_text(name: &str) -> String {
    let session = common::example(name);
    let screening =
        Screening::evaluate(common::library(), &session, NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
    to_text(&ScreeningView::of(&screening))
}

#[test]
fn evaluate_text_of_an_eligible_adolescent() {
    insta::assert_snapshot!(evaluate_text("v01-eligible-adolescent"));
}

#[test]
fn evaluate_text_of_an_override_in_force() {
    insta::assert_snapshot!(evaluate_text("v02b-low-platelets-override"));
}

#[test]
fn evaluate_text_of_an_exclusion_with_eligible_from() {
    insta::assert_snapshot!(evaluate_text("v03-recent-rituximab"));
}

#[test]
fn evaluate_text_of_an_incomplete_source_with_judgments() {
    insta::assert_snapshot!(evaluate_text("v15b-huc-msc-judged"));
}

#[test]
fn evaluate_text_and_json_of_a_signed_format_1_record() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v1-signed-session.ron"))
        .expect("golden file");
    let session = parse_session(&text).expect("golden parses");
    let screening =
        Screening::evaluate(common::library(), &session, NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
    let view = ScreeningView::of(&screening);
    insta::assert_snapshot!("signed_format_1_text", to_text(&view));
    insta::assert_snapshot!("signed_format_1_json", serde_json::to_string_pretty(&to_json(&view)).expect("JSON"));
}
