//! Units of measure and the conversions between them.
//!
//! Units are data: each is a code (as files write it), a symbol (as people read it), the
//! spellings a person may type, a [`Dimension`] and an exact decimal factor to the reference
//! unit of that dimension. The bundled units are constants of this module; a site adds units,
//! dimensions and analyte bridges in `SITE/units.ron` ([`crate::model::site_units`]), which
//! are registered once when the site folder is loaded and are then as good as bundled ones.
//! A [`Unit`] is a small copyable handle to its definition, so the engine, the forms and the
//! files treat a site's mmHg exactly as the bundled g/L.
//!
//! Conversions between dimensions depend on the analyte (creatinine, bilirubin,
//! haemoglobin): an [`Analyte`] carries its bridges, each an exact factor between two
//! dimensions, named as data so tests and explanations can cite them.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::exact::Exact;
use crate::model::site_units;

/// µmol/L per mg/dL for creatinine (NKDEP/KDIGO factor; MW 113.12 gives 88.40).
pub const CREATININE_UMOL_PER_MG_DL: f64 = 88.4;

/// µmol/L per mg/dL for bilirubin (MW 584.66 gives 17.104; the clinical factor is 17.1).
pub const BILIRUBIN_UMOL_PER_MG_DL: f64 = 17.1;

/// mmol/L (haem monomer, MW 16 114) per g/dL of haemoglobin.
pub const HAEMOGLOBIN_MMOL_PER_G_DL: f64 = 0.6206;

/// What a unit measures; only units of one dimension convert into each other (and, through
/// an analyte's bridge, units of two dimensions that bridge names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dimension {
    id: &'static str,
    words: &'static str,
}

impl Dimension {
    /// Cells per volume of blood (reference ×10⁹/L).
    pub const CELL_COUNT: Self = Self::new("cell_count", "cell count");
    /// Mass per volume (reference g/L).
    pub const MASS_CONCENTRATION: Self = Self::new("mass_concentration", "mass concentration");
    /// Amount of substance per volume (reference µmol/L).
    pub const MOLAR_CONCENTRATION: Self = Self::new("molar_concentration", "molar concentration");
    /// Enzyme activity per volume (U/L).
    pub const ENZYME_ACTIVITY: Self = Self::new("enzyme_activity", "enzyme activity");
    /// Antibody units per volume (IU/mL).
    pub const ANTIBODY_CONCENTRATION: Self = Self::new("antibody_concentration", "antibody concentration");
    /// A part of a whole, in percent.
    pub const FRACTION: Self = Self::new("fraction", "fraction");
    /// Volume per time (mL/min).
    pub const FLOW: Self = Self::new("flow", "flow");
    /// Volume per time per body surface area (reference mL/min/1.73 m²).
    pub const FLOW_PER_AREA: Self = Self::new("flow_per_area", "flow per body surface area");
    /// A time (seconds).
    pub const TIME: Self = Self::new("time", "time");
    /// A dimensionless ratio.
    pub const RATIO: Self = Self::new("ratio", "ratio");
    /// Body mass (kg).
    pub const MASS: Self = Self::new("mass", "mass");
    /// A length (reference mm).
    pub const LENGTH: Self = Self::new("length", "length");
    /// A duration in years or months (reference months).
    pub const DURATION: Self = Self::new("duration", "duration");
    /// Points of a clinical score.
    pub const SCORE: Self = Self::new("score", "score points");
    /// A titer's dilution denominator.
    pub const TITER: Self = Self::new("titer", "titer");
    /// A plain count.
    pub const COUNT: Self = Self::new("count", "count");

    /// The bundled dimensions.
    pub const BUNDLED: [Self; 16] = [
        Self::CELL_COUNT,
        Self::MASS_CONCENTRATION,
        Self::MOLAR_CONCENTRATION,
        Self::ENZYME_ACTIVITY,
        Self::ANTIBODY_CONCENTRATION,
        Self::FRACTION,
        Self::FLOW,
        Self::FLOW_PER_AREA,
        Self::TIME,
        Self::RATIO,
        Self::MASS,
        Self::LENGTH,
        Self::DURATION,
        Self::SCORE,
        Self::TITER,
        Self::COUNT,
    ];

    const fn new(id: &'static str, words: &'static str) -> Self {
        Self { id, words }
    }

    /// A dimension a site defines (its strings live for the rest of the process).
    pub(crate) fn site(id: &'static str, words: &'static str) -> Self {
        Self { id, words }
    }

    /// The id data files use: "mass_concentration".
    pub fn id(self) -> &'static str {
        self.id
    }

    /// What the dimension measures, in words: "cell count", "mass concentration".
    pub fn words(self) -> &'static str {
        self.words
    }

    /// The bundled or site dimension with this id.
    pub fn find(id: &str) -> Option<Self> {
        Self::BUNDLED.into_iter().find(|d| d.id == id).or_else(|| site_units::dimension(id))
    }

    /// Every dimension: the bundled ones, then the site's.
    pub fn all() -> Vec<Self> {
        let mut all = Self::BUNDLED.to_vec();
        all.extend(site_units::dimensions());
        all
    }
}

/// A unit's definition: what [`Unit`] points to.
#[derive(Debug, PartialEq)]
pub struct UnitDef {
    /// The serialized name, as in data files (ASCII).
    pub code: &'static str,
    /// The typographic form.
    pub symbol: &'static str,
    /// Every folded spelling that parses as this unit (see [`fold`]), the code's and the
    /// symbol's included.
    pub spellings: &'static [&'static str],
    /// What it measures.
    pub dimension: Dimension,
    /// The exact factor to the reference unit of its dimension.
    pub to_reference: Decimal,
    /// Its place in listings: bundled units first, in a fixed order.
    pub ordinal: u32,
}

/// A unit a value can be entered or compared in: a handle to its [`UnitDef`].
///
/// The serialized names are what protocol and session files contain; they are ASCII so a
/// file can be edited on any keyboard. [`Unit::symbol`] gives the typographic form. Two
/// handles are equal when their codes are.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub struct Unit(&'static UnitDef);

/// An exact decimal `digits × 10^-scale` for a constant.
const fn exact(digits: u32, scale: u32) -> Decimal {
    Decimal::from_parts(digits, 0, 0, false, scale)
}

/// A bundled unit's definition.
const fn bundled(
    ordinal: u32,
    code: &'static str,
    symbol: &'static str,
    spellings: &'static [&'static str],
    dimension: Dimension,
    to_reference: Decimal,
) -> UnitDef {
    UnitDef { code, symbol, spellings, dimension, to_reference, ordinal }
}

const ONE: Decimal = exact(1, 0);

#[allow(non_upper_case_globals, reason = "the bundled units read as the names they had as variants")]
impl Unit {
    /// ×10⁹/L (identical to ×10³/µL).
    pub const GigaPerL: Self = Self(&bundled(
        0,
        "10^9/L",
        "×10⁹/L",
        &["10^9/l", "x10^9/l", "x109/l", "10^3/ul", "x10^3/ul", "k/ul"],
        Dimension::CELL_COUNT,
        ONE,
    ));
    /// cells per microlitre.
    pub const PerMicroL: Self =
        Self(&bundled(1, "/uL", "/µL", &["/ul", "cells/ul"], Dimension::CELL_COUNT, exact(1, 3)));
    /// cells per cubic millimetre (identical to /µL).
    pub const PerMm3: Self =
        Self(&bundled(2, "/mm3", "/mm³", &["/mm3", "cells/mm3"], Dimension::CELL_COUNT, exact(1, 3)));
    /// Grams per litre.
    pub const GPerL: Self = Self(&bundled(3, "g/L", "g/L", &["g/l"], Dimension::MASS_CONCENTRATION, ONE));
    /// Grams per decilitre.
    pub const GPerDl: Self = Self(&bundled(4, "g/dL", "g/dL", &["g/dl"], Dimension::MASS_CONCENTRATION, exact(10, 0)));
    /// Milligrams per decilitre.
    pub const MgPerDl: Self =
        Self(&bundled(5, "mg/dL", "mg/dL", &["mg/dl"], Dimension::MASS_CONCENTRATION, exact(1, 2)));
    /// Milligrams per litre.
    pub const MgPerL: Self = Self(&bundled(6, "mg/L", "mg/L", &["mg/l"], Dimension::MASS_CONCENTRATION, exact(1, 3)));
    /// Micromoles per litre.
    pub const MicromolPerL: Self =
        Self(&bundled(7, "umol/L", "µmol/L", &["umol/l"], Dimension::MOLAR_CONCENTRATION, ONE));
    /// Millimoles per litre.
    pub const MillimolPerL: Self =
        Self(&bundled(8, "mmol/L", "mmol/L", &["mmol/l"], Dimension::MOLAR_CONCENTRATION, exact(1000, 0)));
    /// Enzyme activity in units per litre.
    pub const UnitsPerL: Self = Self(&bundled(9, "U/L", "U/L", &["u/l", "iu/l"], Dimension::ENZYME_ACTIVITY, ONE));
    /// International units per millilitre (antibody concentrations).
    pub const IuPerMl: Self =
        Self(&bundled(10, "IU/mL", "IU/mL", &["iu/ml", "u/ml"], Dimension::ANTIBODY_CONCENTRATION, ONE));
    /// Percent (a fraction: "% predicted", haematocrit).
    pub const Percent: Self = Self(&bundled(11, "%", "%", &["%", "percent"], Dimension::FRACTION, ONE));
    /// Millilitres per minute (creatinine clearance).
    pub const MlPerMin: Self = Self(&bundled(12, "mL/min", "mL/min", &["ml/min"], Dimension::FLOW, ONE));
    /// Millilitres per minute per 1.73 m² of body surface (eGFR).
    pub const MlPerMinPer173: Self = Self(&bundled(
        13,
        "mL/min/1.73m2",
        "mL/min/1.73 m²",
        &["ml/min/1.73m2", "ml/min/1.73m^2"],
        Dimension::FLOW_PER_AREA,
        ONE,
    ));
    /// Seconds (a clotting time).
    pub const Seconds: Self = Self(&bundled(14, "s", "s", &["s", "sec", "seconds"], Dimension::TIME, ONE));
    /// A dimensionless ratio (INR, a ratio to ULN).
    pub const Ratio: Self = Self(&bundled(15, "ratio", "", &["ratio"], Dimension::RATIO, ONE));
    /// Kilograms.
    pub const Kg: Self = Self(&bundled(16, "kg", "kg", &["kg"], Dimension::MASS, ONE));
    /// Centimetres.
    pub const Cm: Self = Self(&bundled(17, "cm", "cm", &["cm"], Dimension::LENGTH, exact(10, 0)));
    /// Years (a duration).
    pub const Years: Self =
        Self(&bundled(18, "years", "years", &["years", "y", "yr"], Dimension::DURATION, exact(12, 0)));
    /// Months (a duration).
    pub const Months: Self = Self(&bundled(19, "months", "months", &["months", "mo"], Dimension::DURATION, ONE));
    /// Points of a clinical score.
    pub const Points: Self = Self(&bundled(20, "points", "points", &["points", "pts"], Dimension::SCORE, ONE));
    /// A titer, stored as the denominator of the dilution (1:80 → 80).
    pub const Titer: Self = Self(&bundled(21, "titer", "titer", &["titer"], Dimension::TITER, ONE));
    /// Millimetres.
    pub const Mm: Self = Self(&bundled(22, "mm", "mm", &["mm"], Dimension::LENGTH, ONE));
    /// A plain count of things (lesions, joints).
    pub const Count: Self = Self(&bundled(23, "count", "", &["count"], Dimension::COUNT, ONE));
}

impl Unit {
    /// The bundled units, in a stable order.
    pub const BUNDLED: [Self; 24] = [
        Self::GigaPerL,
        Self::PerMicroL,
        Self::PerMm3,
        Self::GPerL,
        Self::GPerDl,
        Self::MgPerDl,
        Self::MgPerL,
        Self::MicromolPerL,
        Self::MillimolPerL,
        Self::UnitsPerL,
        Self::IuPerMl,
        Self::Percent,
        Self::MlPerMin,
        Self::MlPerMinPer173,
        Self::Seconds,
        Self::Ratio,
        Self::Kg,
        Self::Cm,
        Self::Years,
        Self::Months,
        Self::Points,
        Self::Titer,
        Self::Mm,
        Self::Count,
    ];

    /// A unit a site defines.
    pub(crate) fn site(definition: &'static UnitDef) -> Self {
        Self(definition)
    }

    /// The definition it points to.
    pub(crate) fn definition(self) -> &'static UnitDef {
        self.0
    }

    /// Every unit: the bundled ones, then the site's, in a stable order.
    pub fn all() -> Vec<Self> {
        let mut all = Self::BUNDLED.to_vec();
        all.extend(site_units::units());
        all
    }

    /// The form shown to people and printed: `×10⁹/L`, `µmol/L`.
    pub fn symbol(self) -> &'static str {
        self.0.symbol
    }

    /// The form shown to people in the current language: a symbol (`×10⁹/L`, `mg/dL`) as it
    /// is everywhere; a unit written as a word (years, months, points, titer) in the reader's
    /// language.
    pub fn shown(self) -> &'static str {
        if self == Self::Years {
            crate::i18n::word("unit-word-years")
        } else if self == Self::Months {
            crate::i18n::word("unit-word-months")
        } else if self == Self::Points {
            crate::i18n::word("unit-word-points")
        } else if self == Self::Titer {
            crate::i18n::word("unit-word-titer")
        } else {
            self.symbol()
        }
    }

    /// The serialized name, as in data files.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// Whether the unit is one of the bundled ones (not a site's).
    pub fn is_bundled(self) -> bool {
        Self::BUNDLED.contains(&self)
    }

    /// Parses a unit as a person or a data file writes it: the code, the symbol, or the
    /// common spellings (`µmol/L` with the micro sign or Greek mu, `umol/L`, `x10^9/L`,
    /// `10^3/uL`, `K/uL`, `cells/uL`), of a bundled unit or one the site defined.
    pub fn parse(text: &str) -> Option<Self> {
        let folded = fold(text);
        Self::BUNDLED.into_iter().find(|unit| unit.is_spelled(&folded)).or_else(|| site_units::unit_spelled(&folded))
    }

    /// Whether `folded` (see [`fold`]) is one of the unit's spellings.
    pub fn is_spelled(self, folded: &str) -> bool {
        self.0.spellings.contains(&folded)
    }

    /// What the unit measures.
    pub fn dimension(self) -> Dimension {
        self.0.dimension
    }

    /// The exact factor that takes a value in this unit to the reference unit of its
    /// dimension (×10⁹/L for counts, g/L for mass, µmol/L for molar, mm for length, months
    /// for durations).
    pub fn to_reference(self) -> Decimal {
        self.0.to_reference
    }
}

/// A unit's text folded for matching: no spaces, ASCII lower case, `µ` and `μ` as `u`, `×`
/// as `x`, superscript digits as digits.
pub fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            'µ' | 'μ' => 'u',
            '×' => 'x',
            '⁹' => '9',
            '³' => '3',
            '²' => '2',
            '⁵' => '5',
            '·' => '.',
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

impl PartialEq for Unit {
    fn eq(&self, other: &Self) -> bool {
        // The same definition (every bundled unit has one) is the same unit without comparing text.
        std::ptr::eq(self.0, other.0) || self.0.code == other.0.code
    }
}

impl Eq for Unit {}

impl Hash for Unit {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl PartialOrd for Unit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Unit {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.0.ordinal, self.0.code).cmp(&(other.0.ordinal, other.0.code))
    }
}

impl std::fmt::Debug for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Unit({})", self.0.code)
    }
}

impl From<Unit> for &'static str {
    fn from(unit: Unit) -> Self {
        unit.code()
    }
}

impl TryFrom<String> for Unit {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| {
            let codes: Vec<&str> = Self::all().into_iter().map(Self::code).collect();
            let hint = crate::model::words::did_you_mean(&text, codes);
            format!("\"{text}\" is not a unit trialscreen knows{hint} (a site adds units in units.ron)")
        })
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.symbol())
    }
}

/// One exact conversion between two dimensions for an analyte: one reference unit of
/// `from` is `factor` reference units of `to` (and the reverse divides).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bridge {
    /// The dimension converted from.
    pub from: Dimension,
    /// The dimension converted to.
    pub to: Dimension,
    /// Reference units of `to` per reference unit of `from`.
    pub factor: Decimal,
}

/// An analyte's definition: what [`Analyte`] points to.
#[derive(Debug, PartialEq)]
pub struct AnalyteDef {
    /// The id data files use: "creatinine".
    pub id: &'static str,
    /// Its conversions between dimensions.
    pub bridges: &'static [Bridge],
}

/// An analyte whose units of two dimensions convert by a known factor (creatinine's molar
/// and mass concentrations, a urine protein/creatinine ratio's mg/mg and mg/mmol). Files
/// name it by id; a site adds analytes in `units.ron`.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub struct Analyte(&'static AnalyteDef);

#[allow(non_upper_case_globals, reason = "the bundled analytes read as the names they had as variants")]
impl Analyte {
    /// Creatinine (88.4 µmol/L per mg/dL: 8840 µmol/L per g/L).
    pub const Creatinine: Self = Self(&AnalyteDef {
        id: "creatinine",
        bridges: &[Bridge {
            from: Dimension::MASS_CONCENTRATION,
            to: Dimension::MOLAR_CONCENTRATION,
            factor: exact(8840, 0),
        }],
    });
    /// Bilirubin (17.1 µmol/L per mg/dL: 1710 µmol/L per g/L).
    pub const Bilirubin: Self = Self(&AnalyteDef {
        id: "bilirubin",
        bridges: &[Bridge {
            from: Dimension::MASS_CONCENTRATION,
            to: Dimension::MOLAR_CONCENTRATION,
            factor: exact(1710, 0),
        }],
    });
    /// Haemoglobin (0.6206 mmol/L per g/dL: 62.06 µmol/L per g/L).
    pub const Haemoglobin: Self = Self(&AnalyteDef {
        id: "haemoglobin",
        bridges: &[Bridge {
            from: Dimension::MASS_CONCENTRATION,
            to: Dimension::MOLAR_CONCENTRATION,
            factor: exact(6206, 2),
        }],
    });

    /// The bundled analytes.
    pub const BUNDLED: [Self; 3] = [Self::Creatinine, Self::Bilirubin, Self::Haemoglobin];

    /// An analyte a site defines.
    pub(crate) fn site(definition: &'static AnalyteDef) -> Self {
        Self(definition)
    }

    /// Every analyte: the bundled ones, then the site's.
    pub fn all() -> Vec<Self> {
        let mut all = Self::BUNDLED.to_vec();
        all.extend(site_units::analytes());
        all
    }

    /// The bundled or site analyte with this id (`hemoglobin` reads as `haemoglobin`).
    pub fn find(id: &str) -> Option<Self> {
        let id = if id.eq_ignore_ascii_case("hemoglobin") { "haemoglobin" } else { id };
        Self::BUNDLED.into_iter().find(|a| a.0.id.eq_ignore_ascii_case(id)).or_else(|| site_units::analyte(id))
    }

    /// The id files use.
    pub fn id(self) -> &'static str {
        self.0.id
    }

    /// Its bridges between dimensions.
    pub fn bridges(self) -> &'static [Bridge] {
        self.0.bridges
    }

    /// Reference units of `to` per reference unit of `from`, where a bridge (either way)
    /// joins the two dimensions.
    fn bridge(self, from: Dimension, to: Dimension) -> Option<Bridged> {
        self.0.bridges.iter().find_map(|bridge| {
            if bridge.from == from && bridge.to == to {
                Some(Bridged::Times(bridge.factor))
            } else if bridge.from == to && bridge.to == from {
                Some(Bridged::DividedBy(bridge.factor))
            } else {
                None
            }
        })
    }
}

/// How a bridge applies in one direction.
enum Bridged {
    Times(Decimal),
    DividedBy(Decimal),
}

impl PartialEq for Analyte {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Analyte {}

impl Hash for Analyte {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}

impl std::fmt::Debug for Analyte {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Analyte({})", self.0.id)
    }
}

impl From<Analyte> for &'static str {
    fn from(analyte: Analyte) -> Self {
        analyte.id()
    }
}

impl TryFrom<String> for Analyte {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::find(&text).ok_or_else(|| {
            let ids: Vec<&str> = Self::all().into_iter().map(Self::id).collect();
            let hint = crate::model::words::did_you_mean(&text, ids);
            format!("\"{text}\" is not an analyte trialscreen knows{hint} (a site adds analytes in units.ron)")
        })
    }
}

/// Why two units cannot be converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot convert {} to {}", from.symbol(), to.symbol())]
pub struct IncompatibleUnits {
    /// The unit converted from.
    pub from: Unit,
    /// The unit asked for.
    pub to: Unit,
}

/// Converts an exact value from one unit to another by multiplication and division with
/// exact decimal factors, so a comparison in the target unit is exact. The analyte is needed
/// only between dimensions, through its bridge.
pub fn convert_exact(value: Exact, from: Unit, to: Unit, analyte: Option<Analyte>) -> Result<Exact, IncompatibleUnits> {
    if from == to {
        return Ok(value);
    }
    let error = IncompatibleUnits { from, to };
    let (from_dim, to_dim) = (from.dimension(), to.dimension());
    let reference = value.times(from.to_reference()).ok_or(error)?;
    let in_target_dimension = if from_dim == to_dim {
        reference
    } else {
        match analyte.and_then(|analyte| analyte.bridge(from_dim, to_dim)).ok_or(error)? {
            Bridged::Times(factor) => reference.times(factor).ok_or(error)?,
            Bridged::DividedBy(factor) => reference.divided_by(factor).ok_or(error)?,
        }
    };
    in_target_dimension.divided_by(to.to_reference()).ok_or(error)
}

/// Converts `value` from one unit to another for a formula (floating point); comparisons use
/// [`convert_exact`].
pub fn convert(value: f64, from: Unit, to: Unit, analyte: Option<Analyte>) -> Result<f64, IncompatibleUnits> {
    if from == to {
        return Ok(value);
    }
    let error = IncompatibleUnits { from, to };
    let exact = Exact::from_f64(value).ok_or(error)?;
    Ok(convert_exact(exact, from, to, analyte)?.approximate())
}

/// Whether a value in `from` can be compared with a threshold in `to`.
pub fn is_convertible(from: Unit, to: Unit, analyte: Option<Analyte>) -> bool {
    convert(1.0, from, to, analyte).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn counts_convert_between_giga_per_litre_and_per_microlitre() {
        assert!(close(convert(100_000.0, Unit::PerMm3, Unit::GigaPerL, None).unwrap(), 100.0, 1e-9));
        assert!(close(convert(1.5, Unit::GigaPerL, Unit::PerMicroL, None).unwrap(), 1500.0, 1e-9));
        assert!(close(convert(4000.0, Unit::PerMicroL, Unit::PerMm3, None).unwrap(), 4000.0, 1e-9));
    }

    #[test]
    fn mass_concentrations_convert() {
        assert!(close(convert(10.0, Unit::GPerDl, Unit::GPerL, None).unwrap(), 100.0, 1e-9));
        assert!(close(convert(600.0, Unit::MgPerDl, Unit::GPerL, None).unwrap(), 6.0, 1e-9));
        assert!(close(convert(90.0, Unit::MgPerDl, Unit::GPerL, None).unwrap(), 0.9, 1e-9));
    }

    #[test]
    fn creatinine_and_bilirubin_need_their_analyte() {
        assert!(convert(1.0, Unit::MgPerDl, Unit::MicromolPerL, None).is_err());
        let creatinine = Some(Analyte::Creatinine);
        assert!(close(convert(1.0, Unit::MgPerDl, Unit::MicromolPerL, creatinine).unwrap(), 88.4, 1e-9));
        assert!(close(convert(88.4, Unit::MicromolPerL, Unit::MgPerDl, creatinine).unwrap(), 1.0, 1e-12));
        let bilirubin = Some(Analyte::Bilirubin);
        assert!(close(convert(1.0, Unit::MgPerDl, Unit::MicromolPerL, bilirubin).unwrap(), 17.1, 1e-9));
    }

    #[test]
    fn haemoglobin_converts_to_molar() {
        let hb = Some(Analyte::Haemoglobin);
        assert!(close(convert(10.0, Unit::GPerDl, Unit::MillimolPerL, hb).unwrap(), 6.206, 1e-9));
    }

    #[test]
    fn different_dimensions_never_convert() {
        assert!(convert(1.0, Unit::GigaPerL, Unit::GPerL, None).is_err());
        assert!(convert(1.0, Unit::Percent, Unit::Ratio, None).is_err());
    }

    #[test]
    fn every_unit_parses_from_its_code_and_symbol() {
        for unit in Unit::BUNDLED {
            assert_eq!(Unit::parse(unit.code()), Some(unit), "{unit:?} code");
            if !unit.symbol().is_empty() {
                assert_eq!(Unit::parse(unit.symbol()), Some(unit), "{unit:?} symbol");
            }
        }
        assert_eq!(Unit::parse("μmol/L"), Some(Unit::MicromolPerL));
        assert_eq!(Unit::parse("µmol/L"), Some(Unit::MicromolPerL));
        assert_eq!(Unit::parse("cells/μL"), Some(Unit::PerMicroL));
    }
}
