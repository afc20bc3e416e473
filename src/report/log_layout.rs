//! The screening log's counts as a page: one CONSORT-style table per protocol version and
//! the files that could not be read.

use chrono::{DateTime, Utc};

use crate::i18n::{text, text_with};
use crate::report::flow::{Block, PageFrame, Paragraph, Row, Table, TextStyle};
use crate::report::log::{ScreeningLog, unreadable_text};
use crate::report::pdf_writer::DocumentInfo;
use crate::report::screening_view::TIME_FORMAT;
use crate::report::{Paper, ReportError, render};

const BODY: TextStyle = TextStyle::regular(8.5);
const BOLD: TextStyle = TextStyle::bold(8.5);

pub(crate) fn counts_pdf(
    log: &ScreeningLog,
    folder: &str,
    paper: Paper,
    printed_at: DateTime<Utc>,
) -> Result<Vec<u8>, ReportError> {
    let mut blocks = vec![
        Block::Heading(Paragraph::plain(text("log-title"), TextStyle::bold(16.0))),
        Block::Paragraph(Paragraph::plain(
            text_with(
                "log-files-read-from",
                &[
                    ("read", log.sessions.to_string()),
                    ("folder", folder.to_owned()),
                    ("unreadable", log.unreadable.len().to_string()),
                    ("printed", printed_at.format(TIME_FORMAT).to_string()),
                ],
            ),
            BODY,
        )),
    ];
    for counts in log.counts() {
        blocks.push(Block::Space(6.0));
        blocks.push(Block::Heading(Paragraph::plain(
            text_with(
                "summary-protocol-version",
                &[("protocol", counts.protocol_id.clone()), ("version", counts.protocol_version.to_string())],
            ),
            TextStyle::bold(11.0),
        )));
        let row = |label: String, n: usize, indent: usize, style: TextStyle| {
            Row::new(vec![
                vec![Paragraph::plain(n.to_string(), style)],
                vec![Paragraph::plain(format!("{}{label}", "    ".repeat(indent)), style)],
            ])
        };
        let mut rows = vec![
            row(text("log-screened-sessions"), counts.screened, 0, BOLD),
            row(text("log-distinct-codes"), counts.participants, 1, BODY),
            row(crate::engine::explain::lower_case(counts.eligible_words), counts.eligible, 1, BOLD),
            row(text("log-ineligible"), counts.ineligible, 1, BOLD),
        ];
        for (criterion, n) in &counts.ineligible_by {
            rows.push(row(text_with("log-by-criterion", &[("criterion", criterion.clone())]), *n, 2, BODY));
        }
        rows.push(row(text("log-incomplete"), counts.incomplete, 1, BOLD));
        rows.push(row(text("log-with-override"), counts.with_overrides, 1, BODY));
        if counts.protocol_changed > 0 {
            rows.push(row(crate::report::log::protocol_changed_words(), counts.protocol_changed, 1, BOLD));
        }
        blocks.push(Block::Table(Table { widths: vec![0.12, 0.88], header: None, rows, ruled: true }));
        if !counts.ineligible_by.is_empty() {
            blocks.push(Block::Paragraph(Paragraph::plain(
                text("log-several-criteria"),
                TextStyle::regular(7.2).grey(50),
            )));
        }
    }
    if !log.unreadable.is_empty() {
        blocks.push(Block::Space(6.0));
        blocks.push(Block::Heading(Paragraph::plain(text("log-unreadable-heading"), TextStyle::bold(11.0))));
        for file in &log.unreadable {
            blocks.push(Block::Paragraph(Paragraph::plain(format!("✖ {}", unreadable_text(file)), BODY)));
        }
    }
    let frame = PageFrame {
        header_left: text_with("log-header", &[("app", "trialscreen".to_owned())]),
        header_right: text_with("log-printed", &[("printed", printed_at.format(TIME_FORMAT).to_string())]),
        footer_left: folder.to_owned(),
    };
    let title = text_with("log-document-title", &[("folder", folder.to_owned())]);
    let info = DocumentInfo { title, created: printed_at };
    render(&blocks, &frame, paper, &info)
}
