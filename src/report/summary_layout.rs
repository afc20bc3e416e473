//! The summary model as blocks of the flow layout: what goes where on the page and in
//! which weight. Every sentence comes from the screening's view ([`CriterionView::notes`],
//! [`ProtocolView::warnings`], …) or the summary ([`signature_lines`]), so the page, its text
//! rendering, the window and the command line say the same.

use crate::i18n::{text, text_with};
use crate::report::flow::{Block, Paragraph, Row, Table, TextStyle};
use crate::report::screening_view::{CriterionView, NoteKind, ProtocolView, RecordedDecision, TIME_FORMAT};
use crate::report::summary_model::{RecordChange, SignatureBlock, Summary};
use crate::report::summary_text::{signature_event_text, signature_lines};
use crate::status::Status;

const BODY: TextStyle = TextStyle::regular(8.5);
const BODY_BOLD: TextStyle = TextStyle::bold(8.5);
const CELL: TextStyle = TextStyle::regular(7.8);
const CELL_BOLD: TextStyle = TextStyle::bold(7.8);
const SOURCE: TextStyle = TextStyle::regular(6.8).grey(70);
const SOURCE_LABEL: TextStyle = TextStyle::bold(6.8).grey(70);
const SMALL: TextStyle = TextStyle::regular(7.2).grey(50);
/// Background of rows that need a reader's attention: failing, undecided or overridden.
const ATTENTION: u8 = 238;

/// The page's blocks, top to bottom.
pub(crate) fn summary_blocks(summary: &Summary) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading(Paragraph::plain(format!("{}  ", text("pdf-title")), TextStyle::bold(16.0)).with(
            text_with("summary-participant", &[("code", summary.view.participant_code.clone())]),
            TextStyle::regular(16.0),
        )),
        Block::Table(identity_table(summary)),
    ];
    for missing in &summary.protocols_not_evaluated {
        blocks.push(warning(&text_with("summary-protocol-not-in-build", &[("protocol", missing.clone())])));
    }
    for protocol in &summary.view.protocols {
        protocol_blocks(&mut blocks, protocol);
    }
    changes_blocks(&mut blocks, &summary.changes);
    blocks.push(Block::Space(6.0));
    blocks.push(heading(&text("summary-audit-trail")));
    blocks.push(Block::Paragraph(Paragraph::plain(summary.view.verification.sentence(), BODY_BOLD)));
    for line in summary.view.verification.clock_lines() {
        blocks.push(Block::Paragraph(Paragraph::plain(line, BODY)));
    }
    signature_blocks(&mut blocks, summary);
    blocks
}

fn heading(text: &str) -> Block {
    Block::Heading(Paragraph::plain(text, TextStyle::bold(11.0)))
}

fn warning(text: &str) -> Block {
    Block::Framed { paragraphs: vec![Paragraph::plain(text, BODY_BOLD)], fill: 225, border: 0.8 }
}

fn cell(text: impl Into<String>, style: TextStyle) -> Vec<Paragraph> {
    vec![Paragraph::plain(text, style)]
}

/// A ruled table with a header row of bold titles.
fn table(widths: &[f32], titles: &[&str], rows: Vec<Row>) -> Block {
    Block::Table(Table {
        widths: widths.to_vec(),
        header: Some(titles.iter().map(|title| cell(*title, CELL_BOLD)).collect()),
        rows,
        ruled: true,
    })
}

fn identity_table(summary: &Summary) -> Table {
    let view = &summary.view;
    let dates = view.dates;
    let pair = |label: &str, value: String| [cell(label, SMALL), cell(value, BODY_BOLD)];
    let optional =
        |date: Option<chrono::NaiveDate>, none: &str| date.map_or_else(|| none.to_owned(), |d| d.to_string());
    let rows = [
        (
            pair(&text("pdf-participant-code"), view.participant_code.clone()),
            pair(&text("pdf-investigator"), view.investigator.clone().unwrap_or_else(|| text("date-not-entered"))),
        ),
        (
            pair(&text("pdf-screening-date"), dates.screening.to_string()),
            pair(&text("pdf-consent-date"), optional(dates.consent, &text("date-not-entered"))),
        ),
        (
            pair(&text("pdf-enrollment-date"), optional(dates.enrollment, &text("date-not-yet-known"))),
            pair(&text("pdf-printed"), summary.printed_at.format(TIME_FORMAT).to_string()),
        ),
    ];
    let mut table_rows: Vec<Row> = rows.into_iter().map(|([a, b], [c, d])| Row::new(vec![a, b, c, d])).collect();
    table_rows.push(Row::new(vec![cell(text("pdf-session-file"), SMALL), cell(summary.file_name.clone(), BODY)]));
    Table { widths: vec![0.17, 0.33, 0.14, 0.36], header: None, rows: table_rows, ruled: false }
}

fn protocol_blocks(blocks: &mut Vec<Block>, protocol: &ProtocolView) {
    blocks.push(Block::Space(6.0));
    blocks.push(Block::Heading(
        Paragraph::plain(
            text_with(
                "summary-protocol-version",
                &[("protocol", protocol.id.clone()), ("version", protocol.version.to_string())],
            ),
            TextStyle::bold(11.0),
        )
        .with(format!(" — {}", protocol.title), TextStyle::regular(11.0)),
    ));
    blocks.push(Block::Paragraph(Paragraph::plain(
        text_with("summary-protocol-source", &[("source", protocol.source.clone())]),
        SMALL,
    )));
    blocks.push(Block::Paragraph(Paragraph::plain(
        text_with("summary-protocol-sha256", &[("sha256", protocol.sha256.clone())]),
        SMALL,
    )));
    if let Some(cohort) = &protocol.cohort {
        blocks.push(Block::Paragraph(
            Paragraph::plain(format!("{} ", text("summary-cohort")), BODY).with(cohort.clone(), BODY_BOLD),
        ));
    }
    let mut verdict = vec![Paragraph::plain(protocol.verdict_line(), TextStyle::bold(13.0))];
    for line in protocol.source_incomplete().into_iter().chain(protocol.signed_verdict_warning()) {
        verdict.push(Paragraph::plain(line, BODY_BOLD));
    }
    blocks.push(Block::Framed { paragraphs: verdict, fill: 242, border: 1.2 });
    for line in protocol.warnings() {
        blocks.push(warning(&line));
    }
    if let Some(banner) = &protocol.version_notice {
        let mut paragraphs = vec![Paragraph::plain(banner.headline.clone(), BODY_BOLD)];
        paragraphs.extend(banner.corrections.iter().map(|line| Paragraph::plain(line.clone(), BODY)));
        blocks.push(Block::Framed { paragraphs, fill: 225, border: 0.8 });
    }
    blocks.push(table(
        &[0.15, 0.22, 0.63],
        &[&text("pdf-status"), &text("pdf-criterion"), &text("pdf-deciding-values")],
        protocol.criteria.iter().map(criterion_row).collect(),
    ));
    if let Some(note) = &protocol.exclusions_note {
        blocks.push(Block::Paragraph(Paragraph::plain(note.clone(), BODY_BOLD)));
    }
    for line in &protocol.information {
        blocks.push(Block::Paragraph(Paragraph::plain(format!("ℹ {line}"), BODY)));
    }
    decisions_blocks(blocks, &protocol.decisions);
    if let Some(line) = protocol.still_needed_line() {
        blocks.push(Block::Paragraph(Paragraph::plain(line, BODY_BOLD)));
    }
}

fn criterion_row(criterion: &CriterionView) -> Row {
    let status = criterion.status;
    let attention = !matches!(status, Status::Met | Status::NotExcluded | Status::NotApplicable);
    let status_cell = vec![Paragraph::plain(format!("{} {}", status.icon(), status.word()), CELL_BOLD)];
    let criterion_cell = vec![
        Paragraph::plain(criterion.id.clone(), CELL_BOLD).with(format!(" {}", criterion.kind_shown()), SOURCE),
        Paragraph::plain(criterion.title.clone(), CELL),
    ];
    let mut details = Vec::new();
    if !criterion.explanation.is_empty() {
        details.push(Paragraph::plain(criterion.explanation.clone(), CELL));
    }
    for note in &criterion.notes {
        let style = if note.kind == NoteKind::NotApplicable { CELL } else { CELL_BOLD };
        details.push(Paragraph::plain(note.text.clone(), style));
    }
    if let Some(text) = criterion.discretion_source() {
        let label = format!("{} ", crate::i18n::text("summary-discretion-in-source"));
        details.push(Paragraph::plain(label, SOURCE_LABEL).with(text.to_owned(), SOURCE));
    }
    let label = match criterion.source_place() {
        Some(place) => {
            format!("{} ", text_with("summary-source-at", &[("source", text("pdf-source")), ("place", place)]))
        }
        None => format!("{} ", text("pdf-source")),
    };
    details.push(Paragraph::plain(label, SOURCE_LABEL).with(criterion.source_text.clone(), SOURCE));
    if let Some(interpretation) = &criterion.interpretation {
        details.push(
            Paragraph::plain(format!("{} ", text("pdf-interpretation")), SOURCE_LABEL)
                .with(interpretation.clone(), SOURCE),
        );
    }
    Row { cells: vec![status_cell, criterion_cell, details], shade: attention.then_some(ATTENTION) }
}

fn decisions_blocks(blocks: &mut Vec<Block>, decisions: &[RecordedDecision]) {
    if decisions.is_empty() {
        return;
    }
    blocks.push(Block::Heading(Paragraph::plain(text("summary-decisions"), TextStyle::bold(9.5))));
    let rows = decisions
        .iter()
        .map(|d| {
            Row::new(vec![
                cell(d.criterion.clone(), CELL_BOLD),
                cell(d.decision.clone(), CELL),
                vec![
                    Paragraph::plain(d.note.by.clone(), CELL),
                    Paragraph::plain(d.note.at.format(TIME_FORMAT).to_string(), CELL),
                ],
                cell(d.note.reason.clone(), CELL),
                cell(d.effect.words(), CELL_BOLD),
            ])
        })
        .collect();
    let titles = ["pdf-criterion", "summary-decision", "summary-by-when", "summary-reason", "summary-effect"].map(text);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    blocks.push(table(&[0.1, 0.15, 0.2, 0.35, 0.2], &titles, rows));
}

fn changes_blocks(blocks: &mut Vec<Block>, changes: &[RecordChange]) {
    blocks.push(Block::Space(6.0));
    blocks.push(heading(&text("summary-changes")));
    if changes.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(text("summary-no-changes"), BODY)));
        return;
    }
    let rows = changes
        .iter()
        .map(|c| {
            Row::new(vec![
                cell(format!("#{}", c.seq), CELL),
                vec![
                    Paragraph::plain(c.at.format(TIME_FORMAT).to_string(), CELL),
                    Paragraph::plain(c.by.clone(), CELL),
                ],
                cell(c.what.clone(), CELL_BOLD),
                vec![Paragraph::plain(c.old.clone(), CELL), Paragraph::plain(format!("→ {}", c.new), CELL_BOLD)],
                cell(c.reason.clone().unwrap_or_else(|| text("summary-none-recorded")), CELL),
            ])
        })
        .collect();
    let titles = ["summary-entry", "summary-when-who", "summary-what", "summary-old-new", "summary-reason"].map(text);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    blocks.push(table(&[0.06, 0.2, 0.19, 0.37, 0.18], &titles, rows));
}

fn signature_blocks(blocks: &mut Vec<Block>, summary: &Summary) {
    blocks.push(Block::Space(6.0));
    blocks.push(heading(&text("summary-signature")));
    for (index, line) in signature_lines(&summary.signature, &summary.content_sha256).into_iter().enumerate() {
        let style = if index == 0 { BODY_BOLD } else { BODY };
        blocks.push(Block::Paragraph(Paragraph::plain(line, style)));
    }
    if summary.signature == SignatureBlock::Unsigned {
        blocks.push(Block::Space(10.0));
        blocks.push(Block::SignatureLines(vec![
            text("summary-sign-name"),
            text("summary-signature"),
            text("summary-sign-date"),
        ]));
    }
    if !summary.signature_history.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(text("summary-signature-history"), BODY_BOLD)));
        for event in &summary.signature_history {
            blocks.push(Block::Paragraph(Paragraph::plain(signature_event_text(event), BODY)));
        }
    }
}
