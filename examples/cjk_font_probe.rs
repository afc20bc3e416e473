//! What bundling the CJK subset font would cost and whether it works, before anything is wired
//! (docs/cjk-fonts.md): in egui, which characters the DejaVu + Noto Sans CJK SC fallback chain
//! covers and what the first frame costs with and without it; in the PDF, a PDF/A-2u page
//! drawn by krilla with each character taken from DejaVu Sans when it has it and from the
//! CJK face otherwise, a synthetic bold line (fill + stroke), and the file's size.
//!
//! `cargo run --example cjk_font_probe [OUT.pdf]` (default: cjk-font-probe.pdf in the temp
//! folder), then `qpdf --check`, `pdffonts` and `pdftotext` on the file.

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::error::Error;
use std::sync::Arc;
use std::time::Instant;

use egui::{FontData, FontDefinitions, FontFamily, FontId};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider as _};

const DEJAVU: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const CJK: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Regular-GB2312-URO.otf");

/// Words of the board, a threshold, a Chinese reason, and the symbols that must keep coming
/// from DejaVu Sans.
const SAMPLE: &str = "入选标准 排除标准 筛选 知情同意 研究者 受试者 符合 不符合 缺失 需要判断 不适用 \
                      合格 不合格 不完整 稽查轨迹 电子签名 血小板计数≥75×10⁹/L 理由：免疫性血小板减少，无活动性出血 \
                      ✔ ✖ ⚠ ≥ ≤ µ × ⁹ ₂";

/// Characters to look up: GB 2312, the end of the CJK Unified Ideographs block, Extension A
/// (left out of the subset), the board's symbols, full-width and curly punctuation.
const PROBES: &str = "合龘龥㐀✔✖⚠≥≤µ×⁹₂，。“”";

/// `set_fonts` and one frame laying out and tessellating the sample, in milliseconds; with
/// `show_coverage`, prints which of the probe characters the fonts have.
fn first_frame_ms(with_cjk: bool, show_coverage: bool) -> Result<f64, Box<dyn Error>> {
    let ctx = egui::Context::default();
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("DejaVuSans".to_owned(), Arc::new(FontData::from_static(DEJAVU)));
    fonts.families.entry(FontFamily::Proportional).or_default().insert(0, "DejaVuSans".to_owned());
    if with_cjk {
        fonts.font_data.insert("NotoSansCJKsc".to_owned(), Arc::new(FontData::from_static(CJK)));
        fonts.families.entry(FontFamily::Proportional).or_default().push("NotoSansCJKsc".to_owned());
    }
    // Without the CJK face, the same text less its CJK characters (egui draws a box for a
    // missing glyph, which is not what is measured here).
    let text: String =
        if with_cjk { SAMPLE.to_owned() } else { SAMPLE.chars().filter(|c| u32::from(*c) < 0x2E80).collect() };
    let start = Instant::now();
    ctx.set_fonts(fonts);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        ui.label(&text);
    });
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), 1.0);
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    output.textures_delta.clear();
    if primitives.is_empty() {
        return Err("nothing was drawn".into());
    }
    if show_coverage {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = FontId::proportional(14.0);
            ui.fonts_mut(|fonts| {
                let covered: String =
                    PROBES.chars().map(|c| if fonts.has_glyph(&font, c) { '✔' } else { '✖' }).collect();
                println!("egui glyphs {PROBES}\n            {covered}");
            });
        });
        output.textures_delta.clear();
    }
    Ok(elapsed)
}

/// One face for the PDF: krilla's font and skrifa's view of the same bytes.
struct Face {
    pdf: Font,
    font: FontRef<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Result<Self, Box<dyn Error>> {
        let font = FontRef::new(data)?;
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        Ok(Self { pdf: Font::new(data.into(), 0).ok_or("krilla cannot read the font")?, font, units_per_em })
    }

    fn glyph(&self, ch: char) -> Option<(u32, f32)> {
        let glyph = self.font.charmap().map(ch)?;
        let advance = self.font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(glyph)?;
        Some((glyph.to_u32(), advance / self.units_per_em))
    }
}

/// Draws `text` from (x, y), each character from the first face that has it, one run per face.
fn draw_with_fallback(surface: &mut Surface, (x, y): (f32, f32), size: f32, text: &str, faces: &[Face]) {
    let mut pen = x;
    let mut run: Option<(usize, usize, f32, Vec<KrillaGlyph>)> = None;
    let draw = |surface: &mut Surface, run: Option<(usize, usize, f32, Vec<KrillaGlyph>)>, end: usize| {
        let Some((face, start, run_x, glyphs)) = run else { return };
        let (Some(face), Some(slice)) = (faces.get(face), text.get(start..end)) else { return };
        surface.draw_glyphs(Point::from_xy(run_x, y), &glyphs, face.pdf.clone(), slice, size, false);
    };
    for (at, ch) in text.char_indices() {
        let Some((face, glyph, advance)) =
            faces.iter().enumerate().find_map(|(i, face)| face.glyph(ch).map(|(glyph, advance)| (i, glyph, advance)))
        else {
            continue;
        };
        if run.as_ref().is_none_or(|(current, ..)| *current != face) {
            draw(surface, run.take(), at);
            run = Some((face, at, pen, Vec::new()));
        }
        if let Some((_, start, _, glyphs)) = run.as_mut() {
            let range = (at - *start)..(at - *start + ch.len_utf8());
            glyphs.push(KrillaGlyph::new(GlyphId::new(glyph), advance, 0.0, 0.0, 0.0, range, None));
        }
        pen += advance * size;
    }
    draw(surface, run, text.len());
}

fn pdf() -> Result<Vec<u8>, Box<dyn Error>> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_U)
        .finish()
        .map_err(|error| format!("PDF/A-2u configuration: {error:?}"))?;
    let mut document =
        Document::new_with(SerializeSettings { configuration, enable_tagging: false, ..SerializeSettings::default() });
    document.set_metadata(
        Metadata::new()
            .title("CJK font probe".to_owned())
            .language("zh-CN".to_owned())
            .creation_date(DateTime::new(2026)),
    );
    let faces = [Face::new(DEJAVU)?, Face::new(CJK)?];
    let mut page = document.start_page_with(PageSettings::from_wh(595.0, 842.0).ok_or("page size")?);
    let mut surface = page.surface();
    surface.set_fill(Some(Fill::default()));
    draw_with_fallback(&mut surface, (50.0, 80.0), 12.0, "Screening summary / 筛选汇总 (one line, two fonts)", &faces);
    let words: Vec<&str> = SAMPLE.split(' ').collect();
    let mut y = 110.0;
    for line in words.chunks(8) {
        draw_with_fallback(&mut surface, (50.0, y), 12.0, &line.join(" "), &faces);
        y += 20.0;
    }
    // A synthetic bold for headings: the regular face filled and stroked.
    surface.set_stroke(Some(Stroke { width: 0.35, ..Stroke::default() }));
    draw_with_fallback(&mut surface, (50.0, y + 10.0), 14.0, "筛选结论：合格（粗体：填充加描边）", &faces);
    surface.finish();
    page.finish();
    document.finish().map_err(|error| format!("PDF: {error:?}").into())
}

fn main() -> Result<(), Box<dyn Error>> {
    for round in 1..=3 {
        let latin = first_frame_ms(false, false)?;
        let cjk = first_frame_ms(true, round == 1)?;
        println!("round {round}: set_fonts + first frame: DejaVu only {latin:.1} ms, DejaVu + CJK {cjk:.1} ms");
    }
    let out = std::env::args_os()
        .nth(1)
        .map_or_else(|| std::env::temp_dir().join("cjk-font-probe.pdf"), std::path::PathBuf::from);
    let start = Instant::now();
    let bytes = pdf()?;
    println!(
        "PDF/A-2u page: {} bytes, written in {:.0} ms -> {}",
        bytes.len(),
        start.elapsed().as_secs_f64() * 1000.0,
        out.display()
    );
    std::fs::write(&out, bytes)?;
    Ok(())
}
