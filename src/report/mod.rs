//! The printable screening summary and the site screening log. No egui and no file I/O:
//! callers hand in evaluated screenings and get back data, text or PDF bytes to write.
//!
//! - [`screening_view`]: one view of a screening, which the window's board, the printout
//!   and `trialscreen evaluate` (text and JSON) all render: every word they show about a
//!   protocol, a criterion or a decision comes from it;
//! - [`summary_model`]: what the summary shows: the view, and what only a printout adds;
//! - [`summary_text`]: the same as plain text (snapshot tests, preview);
//! - [`write_summary_pdf`]: the summary as a PDF/A-2u document;
//! - [`log`]: one row per session and protocol, CONSORT-style counts, CSV, counts PDF;
//! - [`still_needed`], [`lapse_words`], [`version_notice`], [`signed_verdict`]: the words
//!   the view uses for items still needed, decisions out of date, a newer protocol version
//!   and a signed verdict against today's rules.

mod flow;
mod fonts;
pub mod lapse_words;
pub mod log;
mod log_layout;
mod pdf_writer;
pub mod screening_view;
pub mod signed_verdict;
pub mod still_needed;
mod summary_layout;
pub mod summary_model;
pub mod summary_text;
mod value_text;
pub mod version_notice;

pub use fonts::{DEJAVU_SANS, DEJAVU_SANS_BOLD, NOTO_SANS_CJK_SC};

use chrono::{DateTime, Utc};

use crate::report::flow::{Block, Flow, Geometry, Page, PageFrame, Paragraph, TextStyle};
use crate::report::fonts::Fonts;
use crate::report::pdf_writer::{DocumentInfo, write_pdf};
use crate::report::summary_model::Summary;
use crate::screening::Screening;

/// Paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// Why a report could not be produced.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The embedded font could not be read; why.
    #[error("the embedded font cannot be used: {0} (a defect of this build)")]
    Font(String),
    /// The PDF could not be produced; why.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// The screening summary as a PDF/A-2u document: every criterion, decision, change and
/// the signature block, "page x of y" and the session file name and content hash on every
/// page. The session printed is `screening.session`; `file_name` is its file's name.
pub fn write_summary_pdf(
    screening: &Screening<'_>,
    file_name: &str,
    paper: Paper,
    printed_at: DateTime<Utc>,
) -> Result<Vec<u8>, ReportError> {
    let summary = Summary::build(screening, file_name, printed_at);
    summary_pdf(&summary, paper)
}

/// A built summary as a PDF/A-2u document.
pub fn summary_pdf(summary: &Summary, paper: Paper) -> Result<Vec<u8>, ReportError> {
    let code = || ("code", summary.view.participant_code.clone());
    let frame = PageFrame {
        header_left: crate::i18n::text_with("summary-header", &[("app", "trialscreen".to_owned()), code()]),
        header_right: crate::i18n::text_with(
            "log-printed",
            &[("printed", summary.printed_at.format(screening_view::TIME_FORMAT).to_string())],
        ),
        footer_left: crate::i18n::text_with(
            "summary-footer",
            &[("file", summary.file_name.clone()), ("sha256", summary.content_sha256.clone())],
        ),
    };
    // PDF/A caps a string at 32 767 bytes; a title needs far less.
    let info = DocumentInfo {
        title: crate::i18n::text_with("summary-document-title", &[code()]).chars().take(200).collect(),
        created: summary.printed_at,
    };
    render(&summary_layout::summary_blocks(summary), &frame, paper, &info)
}

/// Lays out blocks and writes them; when characters had to be replaced, says so at the end.
fn render(blocks: &[Block], frame: &PageFrame, paper: Paper, info: &DocumentInfo) -> Result<Vec<u8>, ReportError> {
    let fonts = Fonts::load()?;
    let pages = lay_out(&fonts, blocks, frame, paper);
    write_pdf(&pages, paper.size(), &fonts, info)
}

/// The pages of a document, with a closing note when the font lacked some characters.
pub(crate) fn lay_out(fonts: &Fonts, blocks: &[Block], frame: &PageFrame, paper: Paper) -> Vec<Page> {
    let (width, height) = paper.size();
    let geometry = Geometry { width, height, margin: 40.0, header: 16.0, footer: 30.0 };
    let mut flow = Flow::new(fonts, geometry);
    flow.push_all(blocks);
    let replaced = flow.replaced_characters();
    if replaced > 0 {
        flow.push(&Block::Paragraph(Paragraph::plain(
            crate::i18n::text_with(
                "summary-replaced-characters",
                &[("count", replaced.to_string()), ("replacement", fonts::REPLACEMENT.to_string())],
            ),
            TextStyle::bold(8.5),
        )));
    }
    flow.finish(frame)
}
