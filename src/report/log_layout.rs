//! The screening log's counts as a page: one CONSORT-style table per protocol version and
//! the files that could not be read.

use chrono::{DateTime, Utc};

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
        Block::Heading(Paragraph::plain("Screening log — counts", TextStyle::bold(16.0))),
        Block::Paragraph(Paragraph::plain(
            format!(
                "{} session file(s) read from {folder}; {} could not be read. Printed {}.",
                log.sessions,
                log.unreadable.len(),
                printed_at.format(TIME_FORMAT)
            ),
            BODY,
        )),
    ];
    for counts in log.counts() {
        blocks.push(Block::Space(6.0));
        blocks.push(Block::Heading(Paragraph::plain(
            format!("{} version {}", counts.protocol_id, counts.protocol_version),
            TextStyle::bold(11.0),
        )));
        let row = |label: String, n: usize, indent: usize, style: TextStyle| {
            Row::new(vec![
                vec![Paragraph::plain(n.to_string(), style)],
                vec![Paragraph::plain(format!("{}{label}", "    ".repeat(indent)), style)],
            ])
        };
        let mut rows = vec![
            row("screened (sessions)".to_owned(), counts.screened, 0, BOLD),
            row("distinct participant codes".to_owned(), counts.participants, 1, BODY),
            row(counts.eligible_words.to_lowercase(), counts.eligible, 1, BOLD),
            row("ineligible".to_owned(), counts.ineligible, 1, BOLD),
        ];
        for (criterion, n) in &counts.ineligible_by {
            rows.push(row(format!("by {criterion}"), *n, 2, BODY));
        }
        rows.push(row("incomplete".to_owned(), counts.incomplete, 1, BOLD));
        rows.push(row("with an override in force".to_owned(), counts.with_overrides, 1, BODY));
        if counts.protocol_changed > 0 {
            rows.push(row(crate::report::log::PROTOCOL_CHANGED_WORDS.to_owned(), counts.protocol_changed, 1, BOLD));
        }
        blocks.push(Block::Table(Table { widths: vec![0.12, 0.88], header: None, rows, ruled: true }));
        if !counts.ineligible_by.is_empty() {
            blocks.push(Block::Paragraph(Paragraph::plain(
                "A session ineligible by several criteria counts under each of them.",
                TextStyle::regular(7.2).grey(50),
            )));
        }
    }
    if !log.unreadable.is_empty() {
        blocks.push(Block::Space(6.0));
        blocks.push(Block::Heading(Paragraph::plain(
            "Files that could not be read (left as they are)",
            TextStyle::bold(11.0),
        )));
        for file in &log.unreadable {
            blocks.push(Block::Paragraph(Paragraph::plain(format!("✖ {}", unreadable_text(file)), BODY)));
        }
    }
    let frame = PageFrame {
        header_left: "trialscreen screening log".to_owned(),
        header_right: format!("printed {}", printed_at.format(TIME_FORMAT)),
        footer_left: folder.to_owned(),
    };
    let info = DocumentInfo { title: format!("Screening log counts, {folder}"), created: printed_at };
    render(&blocks, &frame, paper, &info)
}
