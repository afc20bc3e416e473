//! The faces the printout uses, embedded in the binary: DejaVu Sans and DejaVu Sans Bold
//! (licence in `assets/fonts/LICENSE-DejaVu.txt`), and Noto Sans CJK SC cut to GB 2312 and
//! the CJK Unified Ideographs (`assets/fonts/LICENSE-NotoSansCJK.txt`) for what DejaVu lacks:
//! Chinese words, names and reasons. Text is mapped to glyphs here, one glyph per character
//! with the font's own advances, each character from the first face that has it, so that what
//! the layout measures is exactly what the page draws; no shaping is needed for the Latin,
//! Greek, symbol and Chinese text of a summary. Bold Chinese is drawn with the regular CJK
//! face filled and stroked (`Run::embolden`).

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

use crate::report::ReportError;

// The faces are statics, not consts: a const's bytes are copied into the binary at each
// place that uses it (the CJK face was in the release binary twice, 6 MB each), a static's
// once. The window uses the same bytes.

/// DejaVu Sans.
pub static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Noto Sans CJK SC cut to GB 2312 and the CJK Unified Ideographs block (SIL OFL; why and
/// what it costs: `docs/cjk-fonts.md`).
pub static NOTO_SANS_CJK_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular-GB2312-URO.otf");

/// What a character the font lacks is printed as.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One face: its outlines for the PDF and its character map and advances for layout.
struct Face {
    pdf: krilla::text::Font,
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8], name: &'static str) -> Result<Self, ReportError> {
        let font = FontRef::new(data).map_err(|error| ReportError::Font(format!("{name}: {error}")))?;
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        let pdf = krilla::text::Font::new(data.into(), 0)
            .ok_or_else(|| ReportError::Font(format!("{name} cannot be embedded")))?;
        Ok(Self {
            pdf,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    /// The glyph of a character and its advance in ems.
    fn glyph(&self, ch: char) -> Option<(u32, f32)> {
        let glyph = self.charmap.map(ch)?;
        let advance = self.metrics.advance_width(glyph)?;
        Some((glyph.to_u32(), advance / self.units_per_em))
    }
}

/// The embedded faces.
pub struct Fonts {
    regular: Face,
    bold: Face,
    cjk: Face,
}

/// A run of consecutive characters drawn with one face.
pub(crate) struct Run {
    /// The face to embed.
    pub font: krilla::text::Font,
    /// The glyphs, each with the byte range of its character within `range`'s text.
    pub glyphs: Vec<krilla::text::KrillaGlyph>,
    /// The run's byte range in the text.
    pub range: std::ops::Range<usize>,
    /// Where the run starts, in ems from the text's start.
    pub offset: f32,
    /// True when bold text falls back to the regular CJK face: draw it filled and stroked.
    pub embolden: bool,
}

impl Fonts {
    /// Loads the embedded faces.
    pub fn load() -> Result<Self, ReportError> {
        Ok(Self {
            regular: Face::load(DEJAVU_SANS, "DejaVuSans.ttf")?,
            bold: Face::load(DEJAVU_SANS_BOLD, "DejaVuSans-Bold.ttf")?,
            cjk: Face::load(NOTO_SANS_CJK_SC, "NotoSansCJKsc-Regular-GB2312-URO.otf")?,
        })
    }

    /// The face that prints a character at a weight, its glyph and advance: the weight's
    /// DejaVu face, else the CJK face; `None` when neither has it.
    fn pick(&self, ch: char, weight: Weight) -> Option<(&Face, u32, f32)> {
        let primary = self.face(weight);
        if let Some((glyph, advance)) = primary.glyph(ch) {
            return Some((primary, glyph, advance));
        }
        self.cjk.glyph(ch).map(|(glyph, advance)| (&self.cjk, glyph, advance))
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Whether the face can print this character (control characters never).
    pub fn covers(&self, ch: char, weight: Weight) -> bool {
        !ch.is_control() && self.pick(ch, weight).is_some()
    }

    /// The width of a text in points at a size; characters the face lacks count as the
    /// replacement character they will be printed as.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let replacement = self.face(weight).glyph(REPLACEMENT).map_or(0.0, |(_, advance)| advance);
        let ems: f32 = text.chars().map(|ch| self.pick(ch, weight).map_or(replacement, |(.., advance)| advance)).sum();
        ems * size
    }

    /// The text as runs of one face each, every glyph carrying the byte range of its
    /// character within its run so the PDF maps it back to the text (copy, search,
    /// `pdftotext`). A character no face has is the replacement character's glyph.
    pub(crate) fn runs(&self, text: &str, weight: Weight) -> Vec<Run> {
        let primary = self.face(weight);
        let fallback = primary.glyph(REPLACEMENT).unwrap_or((0, 0.0));
        let mut runs: Vec<Run> = Vec::new();
        let mut offset = 0.0;
        for (start, ch) in text.char_indices() {
            let (face, glyph, advance) = self.pick(ch, weight).unwrap_or((primary, fallback.0, fallback.1));
            let end = start + ch.len_utf8();
            let is_cjk = std::ptr::eq(face, &self.cjk);
            let same_face = runs.last().is_some_and(|run| {
                run.embolden == (is_cjk && weight == Weight::Bold) && run.range.end == start && run_face_is(run, face)
            });
            if !same_face {
                runs.push(Run {
                    font: face.pdf.clone(),
                    glyphs: Vec::new(),
                    range: start..start,
                    offset,
                    embolden: is_cjk && weight == Weight::Bold,
                });
            }
            if let Some(run) = runs.last_mut() {
                let local = start - run.range.start..end - run.range.start;
                run.glyphs.push(krilla::text::KrillaGlyph::new(
                    krilla::text::GlyphId::new(glyph),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    local,
                    None,
                ));
                run.range.end = end;
            }
            offset += advance;
        }
        runs
    }
}

/// Whether a run is drawn with this face.
fn run_face_is(run: &Run, face: &Face) -> bool {
    run.font == face.pdf
}

#[cfg(test)]
mod tests {
    use super::{Fonts, Weight};

    #[test]
    fn chinese_falls_back_to_the_cjk_face_in_runs_that_map_back_to_the_text() {
        let fonts = Fonts::load().expect("fonts");
        let text = "血小板 52 ×10⁹/L：患者喆同意";
        for weight in [Weight::Regular, Weight::Bold] {
            assert!(text.chars().all(|ch| fonts.covers(ch, weight)), "{weight:?}");
            let runs = fonts.runs(text, weight);
            assert!(runs.len() >= 3, "Chinese, Latin, Chinese: {}", runs.len());
            for run in &runs {
                let part = text.get(run.range.clone()).expect("a run is a slice of the text");
                let rebuilt: String = run.glyphs.iter().filter_map(|g| part.get(g.text_range.clone())).collect();
                assert_eq!(rebuilt, part);
            }
            assert_eq!(runs.iter().any(|run| run.embolden), weight == Weight::Bold);
        }
        assert!(!fonts.covers('㐀', Weight::Regular), "Extension A is outside the subset");
    }

    #[test]
    fn both_faces_cover_the_symbols_of_units_statuses_and_typography() {
        let fonts = Fonts::load().expect("fonts");
        for ch in "≥≤µμ×⁹⁶₂²½±→✔✖⚠?–—’‘“”…·°".chars() {
            for weight in [Weight::Regular, Weight::Bold] {
                assert!(fonts.covers(ch, weight), "{ch} (U+{:04X}) in {weight:?}", u32::from(ch));
            }
        }
    }

    #[test]
    fn glyphs_map_back_to_each_character() {
        let fonts = Fonts::load().expect("fonts");
        let text = "52 ×10⁹/L";
        let runs = fonts.runs(text, Weight::Regular);
        assert_eq!(runs.len(), 1);
        let glyphs: Vec<_> = runs.iter().flat_map(|run| run.glyphs.iter()).collect();
        assert_eq!(glyphs.len(), text.chars().count());
        let rebuilt: String = glyphs.iter().filter_map(|g| text.get(g.text_range.clone())).collect();
        assert_eq!(rebuilt, text);
        assert!(
            (fonts.width(text, Weight::Regular, 10.0) - fonts.width(text, Weight::Regular, 5.0) * 2.0).abs() < 1e-3
        );
    }
}
