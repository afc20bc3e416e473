//! The two faces the printout uses, embedded in the binary: DejaVu Sans and DejaVu Sans
//! Bold (licence in `assets/fonts/LICENSE-DejaVu.txt`). Text is mapped to glyphs here, one
//! glyph per character with the font's own advances, so that what the layout measures is
//! exactly what the page draws; no shaping is needed for the Latin, Greek and symbol text
//! of a summary.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

use crate::report::ReportError;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

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
}

impl Fonts {
    /// Loads the embedded faces.
    pub fn load() -> Result<Self, ReportError> {
        Ok(Self { regular: Face::load(REGULAR, "DejaVuSans.ttf")?, bold: Face::load(BOLD, "DejaVuSans-Bold.ttf")? })
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Whether the face can print this character (control characters never).
    pub fn covers(&self, ch: char, weight: Weight) -> bool {
        !ch.is_control() && self.face(weight).glyph(ch).is_some()
    }

    /// The width of a text in points at a size; characters the face lacks count as the
    /// replacement character they will be printed as.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = self.face(weight);
        let replacement = face.glyph(REPLACEMENT).map_or(0.0, |(_, advance)| advance);
        let ems: f32 = text.chars().map(|ch| face.glyph(ch).map_or(replacement, |(_, advance)| advance)).sum();
        ems * size
    }

    /// The glyphs of a text, each carrying the byte range of its character so the PDF
    /// maps it back to the text (copy, search, `pdftotext`).
    pub(crate) fn glyphs(&self, text: &str, weight: Weight) -> Vec<krilla::text::KrillaGlyph> {
        let face = self.face(weight);
        let fallback = face.glyph(REPLACEMENT).unwrap_or((0, 0.0));
        text.char_indices()
            .map(|(start, ch)| {
                let (glyph, advance) = face.glyph(ch).unwrap_or(fallback);
                krilla::text::KrillaGlyph::new(
                    krilla::text::GlyphId::new(glyph),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    start..start + ch.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// The face to embed.
    pub(crate) fn pdf_font(&self, weight: Weight) -> krilla::text::Font {
        self.face(weight).pdf.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::{Fonts, Weight};

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
        let glyphs = fonts.glyphs(text, Weight::Regular);
        assert_eq!(glyphs.len(), text.chars().count());
        let rebuilt: String = glyphs.iter().filter_map(|g| text.get(g.text_range.clone())).collect();
        assert_eq!(rebuilt, text);
        assert!(
            (fonts.width(text, Weight::Regular, 10.0) - fonts.width(text, Weight::Regular, 5.0) * 2.0).abs() < 1e-3
        );
    }
}
