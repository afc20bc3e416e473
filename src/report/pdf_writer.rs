//! Laid-out pages to PDF bytes with krilla: PDF/A-2u (archival, every glyph mapped to
//! Unicode), validated by krilla while writing; fonts embedded as subsets; greys only.

use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use krilla::color::luma;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime as PdfDateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::{Document, SerializeSettings};

use crate::report::ReportError;
use crate::report::flow::{Op, Page};
use crate::report::fonts::Fonts;

/// What the PDF says about itself.
pub(crate) struct DocumentInfo {
    pub title: String,
    pub created: DateTime<Utc>,
}

/// Writes pages of the given size (points) as a PDF/A-2u document.
pub(crate) fn write_pdf(
    pages: &[Page],
    size: (f32, f32),
    fonts: &Fonts,
    info: &DocumentInfo,
) -> Result<Vec<u8>, ReportError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_U)
        .finish()
        .map_err(|error| ReportError::Pdf(format!("PDF/A-2u configuration: {error:?}")))?;
    let settings = SerializeSettings { configuration, enable_tagging: false, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        Metadata::new()
            .title(info.title.clone())
            .language(crate::i18n::language().tag().to_owned())
            .creator(format!("trialscreen {}", env!("CARGO_PKG_VERSION")))
            .creation_date(pdf_date(info.created)),
    );
    let page_settings = PageSettings::from_wh(size.0, size.1)
        .ok_or_else(|| ReportError::Pdf(format!("invalid page size {} × {} pt", size.0, size.1)))?;
    for page in pages {
        let mut pdf_page = document.start_page_with(page_settings.clone());
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            match op {
                Op::Text { x, y, text, style } => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(fill(style.grey)));
                    for run in fonts.runs(text, style.weight) {
                        let Some(part) = text.get(run.range.clone()) else { continue };
                        // Bold Chinese: the regular CJK face filled and outlined.
                        surface.set_stroke(run.embolden.then(|| stroke(style.grey, style.size * EMBOLDEN_EM)));
                        surface.draw_glyphs(
                            Point::from_xy(*x + run.offset * style.size, *y),
                            &run.glyphs,
                            run.font,
                            part,
                            style.size,
                            false,
                        );
                    }
                }
                Op::Line { x1, y1, x2, y2, width, grey } => {
                    let mut builder = PathBuilder::new();
                    builder.move_to(*x1, *y1);
                    builder.line_to(*x2, *y2);
                    if let Some(path) = builder.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(stroke(*grey, *width)));
                        surface.draw_path(&path);
                    }
                }
                Op::Rect { x, y, width, height, fill: grey, border } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else { continue };
                    let mut builder = PathBuilder::new();
                    builder.push_rect(rect);
                    if let Some(path) = builder.finish() {
                        surface.set_fill(Some(fill(*grey)));
                        surface.set_stroke((*border > 0.0).then(|| stroke(0, *border)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|error| ReportError::Pdf(describe(&error)))
}

/// The outline that makes the regular CJK face read as bold, in ems.
const EMBOLDEN_EM: f32 = 0.025;

fn fill(grey: u8) -> Fill {
    Fill { paint: luma::Color::new(grey).into(), ..Fill::default() }
}

fn stroke(grey: u8, width: f32) -> Stroke {
    Stroke { paint: luma::Color::new(grey).into(), width, ..Stroke::default() }
}

fn pdf_date(at: DateTime<Utc>) -> PdfDateTime {
    let small = |n: u32| u8::try_from(n).unwrap_or(0);
    PdfDateTime::new(u16::try_from(at.year()).unwrap_or(0))
        .month(small(at.month()))
        .day(small(at.day()))
        .hour(small(at.hour()))
        .minute(small(at.minute()))
        .second(small(at.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// krilla's error in words; validation errors name what the archival standard refused.
fn describe(error: &krilla::error::KrillaError) -> String {
    match error {
        krilla::error::KrillaError::Validation(errors) => {
            let list: Vec<String> = errors.iter().map(|(error, _)| format!("{error:?}")).collect();
            format!("the document does not meet PDF/A-2u: {}", list.join("; "))
        }
        other => other.to_string(),
    }
}
