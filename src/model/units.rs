//! Units of measure and the conversions between them.
//!
//! Conversions that depend on the analyte (creatinine, bilirubin, haemoglobin) take the
//! analyte explicitly; every conversion constant is a named constant so tests and
//! explanations can cite it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::exact::Exact;

/// µmol/L per mg/dL for creatinine (NKDEP/KDIGO factor; MW 113.12 gives 88.40).
pub const CREATININE_UMOL_PER_MG_DL: f64 = 88.4;

/// µmol/L per mg/dL for bilirubin (MW 584.66 gives 17.104; the clinical factor is 17.1).
pub const BILIRUBIN_UMOL_PER_MG_DL: f64 = 17.1;

/// mmol/L (haem monomer, MW 16 114) per g/dL of haemoglobin.
pub const HAEMOGLOBIN_MMOL_PER_G_DL: f64 = 0.6206;

/// A unit a value can be entered or compared in.
///
/// The serialized names are what protocol and session files contain; they are ASCII so a
/// file can be edited on any keyboard. [`Unit::symbol`] gives the typographic form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum Unit {
    /// ×10⁹/L (identical to ×10³/µL).
    GigaPerL,
    /// cells per microlitre.
    PerMicroL,
    /// cells per cubic millimetre (identical to /µL).
    PerMm3,
    /// Grams per litre.
    GPerL,
    /// Grams per decilitre.
    GPerDl,
    /// Milligrams per decilitre.
    MgPerDl,
    /// Milligrams per litre.
    MgPerL,
    /// Micromoles per litre.
    MicromolPerL,
    /// Millimoles per litre.
    MillimolPerL,
    /// Enzyme activity in units per litre.
    UnitsPerL,
    /// International units per millilitre (antibody concentrations).
    IuPerMl,
    /// Percent (a fraction: "% predicted", haematocrit).
    Percent,
    /// Millilitres per minute (creatinine clearance).
    MlPerMin,
    /// Millilitres per minute per 1.73 m² of body surface (eGFR).
    MlPerMinPer173,
    /// Seconds (a clotting time).
    Seconds,
    /// A dimensionless ratio (INR, a ratio to ULN).
    Ratio,
    /// Kilograms.
    Kg,
    /// Centimetres.
    Cm,
    /// Years (a duration).
    Years,
    /// Months (a duration).
    Months,
    /// Points of a clinical score.
    Points,
    /// A titer, stored as the denominator of the dilution (1:80 → 80).
    Titer,
    /// Millimetres.
    Mm,
    /// A plain count of things (lesions, joints).
    Count,
}

/// What a unit measures; only units of one dimension convert into each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// Cells per volume of blood.
    CellCount,
    /// Mass per volume.
    MassConcentration,
    /// Amount of substance per volume.
    MolarConcentration,
    /// Enzyme activity per volume.
    EnzymeActivity,
    /// Antibody units per volume.
    AntibodyConcentration,
    /// A part of a whole, in percent.
    Fraction,
    /// Volume per time.
    Flow,
    /// Volume per time per body surface area.
    FlowPerArea,
    /// A time (seconds).
    Time,
    /// A dimensionless ratio.
    Ratio,
    /// Body mass.
    Mass,
    /// A length.
    Length,
    /// A duration in years or months.
    Duration,
    /// Points of a clinical score.
    Score,
    /// A titer's dilution denominator.
    Titer,
    /// A plain count.
    Count,
}

impl Dimension {
    /// What the dimension measures, in words: "cell count", "mass concentration".
    pub fn words(self) -> &'static str {
        match self {
            Self::CellCount => "cell count",
            Self::MassConcentration => "mass concentration",
            Self::MolarConcentration => "molar concentration",
            Self::EnzymeActivity => "enzyme activity",
            Self::AntibodyConcentration => "antibody concentration",
            Self::Fraction => "fraction",
            Self::Flow => "flow",
            Self::FlowPerArea => "flow per body surface area",
            Self::Time => "time",
            Self::Ratio => "ratio",
            Self::Mass => "mass",
            Self::Length => "length",
            Self::Duration => "duration",
            Self::Score => "score points",
            Self::Titer => "titer",
            Self::Count => "count",
        }
    }
}

/// An analyte whose molar and mass concentrations convert by a known factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Analyte {
    /// Creatinine (88.4 µmol/L per mg/dL).
    Creatinine,
    /// Bilirubin (17.1 µmol/L per mg/dL).
    Bilirubin,
    /// Haemoglobin (0.6206 mmol/L per g/dL).
    Haemoglobin,
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

impl Unit {
    /// All units, in a stable order.
    pub const ALL: [Self; 24] = [
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

    /// The form shown to people and printed: `×10⁹/L`, `µmol/L`.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::GigaPerL => "×10⁹/L",
            Self::PerMicroL => "/µL",
            Self::PerMm3 => "/mm³",
            Self::GPerL => "g/L",
            Self::GPerDl => "g/dL",
            Self::MgPerDl => "mg/dL",
            Self::MgPerL => "mg/L",
            Self::MicromolPerL => "µmol/L",
            Self::MillimolPerL => "mmol/L",
            Self::UnitsPerL => "U/L",
            Self::IuPerMl => "IU/mL",
            Self::Percent => "%",
            Self::MlPerMin => "mL/min",
            Self::MlPerMinPer173 => "mL/min/1.73 m²",
            Self::Seconds => "s",
            Self::Ratio => "",
            Self::Kg => "kg",
            Self::Cm => "cm",
            Self::Years => "years",
            Self::Months => "months",
            Self::Points => "points",
            Self::Titer => "titer",
            Self::Mm => "mm",
            Self::Count => "",
        }
    }

    /// The serialized name, as in data files.
    pub fn code(self) -> &'static str {
        match self {
            Self::GigaPerL => "10^9/L",
            Self::PerMicroL => "/uL",
            Self::PerMm3 => "/mm3",
            Self::GPerL => "g/L",
            Self::GPerDl => "g/dL",
            Self::MgPerDl => "mg/dL",
            Self::MgPerL => "mg/L",
            Self::MicromolPerL => "umol/L",
            Self::MillimolPerL => "mmol/L",
            Self::UnitsPerL => "U/L",
            Self::IuPerMl => "IU/mL",
            Self::Percent => "%",
            Self::MlPerMin => "mL/min",
            Self::MlPerMinPer173 => "mL/min/1.73m2",
            Self::Seconds => "s",
            Self::Ratio => "ratio",
            Self::Kg => "kg",
            Self::Cm => "cm",
            Self::Years => "years",
            Self::Months => "months",
            Self::Points => "points",
            Self::Titer => "titer",
            Self::Mm => "mm",
            Self::Count => "count",
        }
    }

    /// Parses a unit as a person or a data file writes it: the code, the symbol, or the
    /// common spellings (`µmol/L` with the micro sign or Greek mu, `umol/L`, `x10^9/L`,
    /// `10^3/uL`, `K/uL`, `cells/uL`).
    pub fn parse(text: &str) -> Option<Self> {
        let folded: String = text
            .trim()
            .chars()
            .map(|c| match c {
                'µ' | 'μ' => 'u',
                '×' => 'x',
                '⁹' => '9',
                '³' => '3',
                '²' => '2',
                _ => c,
            })
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        let unit = match folded.as_str() {
            "10^9/l" | "x10^9/l" | "x109/l" | "10^3/ul" | "x10^3/ul" | "k/ul" => Self::GigaPerL,
            "/ul" | "cells/ul" => Self::PerMicroL,
            "/mm3" | "cells/mm3" => Self::PerMm3,
            "g/l" => Self::GPerL,
            "g/dl" => Self::GPerDl,
            "mg/dl" => Self::MgPerDl,
            "mg/l" => Self::MgPerL,
            "umol/l" => Self::MicromolPerL,
            "mmol/l" => Self::MillimolPerL,
            "u/l" | "iu/l" => Self::UnitsPerL,
            "iu/ml" | "u/ml" => Self::IuPerMl,
            "%" | "percent" => Self::Percent,
            "ml/min" => Self::MlPerMin,
            "ml/min/1.73m2" | "ml/min/1.73m^2" => Self::MlPerMinPer173,
            "s" | "sec" | "seconds" => Self::Seconds,
            "ratio" => Self::Ratio,
            "kg" => Self::Kg,
            "cm" => Self::Cm,
            "years" | "y" | "yr" => Self::Years,
            "months" | "mo" => Self::Months,
            "points" | "pts" => Self::Points,
            "titer" => Self::Titer,
            "mm" => Self::Mm,
            "count" => Self::Count,
            _ => return None,
        };
        Some(unit)
    }

    /// What the unit measures.
    pub fn dimension(self) -> Dimension {
        match self {
            Self::GigaPerL | Self::PerMicroL | Self::PerMm3 => Dimension::CellCount,
            Self::GPerL | Self::GPerDl | Self::MgPerDl | Self::MgPerL => Dimension::MassConcentration,
            Self::MicromolPerL | Self::MillimolPerL => Dimension::MolarConcentration,
            Self::UnitsPerL => Dimension::EnzymeActivity,
            Self::IuPerMl => Dimension::AntibodyConcentration,
            Self::Percent => Dimension::Fraction,
            Self::MlPerMin => Dimension::Flow,
            Self::MlPerMinPer173 => Dimension::FlowPerArea,
            Self::Seconds => Dimension::Time,
            Self::Ratio => Dimension::Ratio,
            Self::Kg => Dimension::Mass,
            Self::Cm | Self::Mm => Dimension::Length,
            Self::Years | Self::Months => Dimension::Duration,
            Self::Points => Dimension::Score,
            Self::Titer => Dimension::Titer,
            Self::Count => Dimension::Count,
        }
    }

    /// The exact factor that takes a value in this unit to the base unit of its dimension
    /// (×10⁹/L for counts, g/L for mass, µmol/L for molar, mm for length, months for
    /// durations).
    fn to_base(self) -> Decimal {
        match self {
            Self::PerMicroL | Self::PerMm3 | Self::MgPerL => Decimal::new(1, 3),
            Self::GPerDl | Self::Cm => Decimal::TEN,
            Self::MgPerDl => Decimal::new(1, 2),
            Self::MillimolPerL => Decimal::ONE_THOUSAND,
            Self::Years => Decimal::new(12, 0),
            Self::GigaPerL
            | Self::GPerL
            | Self::MicromolPerL
            | Self::Months
            | Self::Mm
            | Self::UnitsPerL
            | Self::IuPerMl
            | Self::Percent
            | Self::MlPerMin
            | Self::MlPerMinPer173
            | Self::Seconds
            | Self::Ratio
            | Self::Kg
            | Self::Points
            | Self::Titer
            | Self::Count => Decimal::ONE,
        }
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
        Self::parse(&text).ok_or_else(|| format!("\"{text}\" is not a unit trialscreen knows"))
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.symbol())
    }
}

/// µmol/L per g/L for an analyte (the molar ⇄ mass bridge), exactly: mg/dL → µmol/L is
/// × the clinical factor, and 1 g/L = 100 mg/dL; 1 g/dL of haemoglobin is 0.6206 mmol/L.
fn micromol_per_g_per_l(analyte: Analyte) -> Decimal {
    match analyte {
        Analyte::Creatinine => Decimal::new(8840, 0),
        Analyte::Bilirubin => Decimal::new(1710, 0),
        Analyte::Haemoglobin => Decimal::new(6206, 2),
    }
}

/// Converts an exact value from one unit to another by multiplication and division with
/// exact decimal factors, so a comparison in the target unit is exact. The analyte is needed
/// only between molar and mass concentrations.
pub fn convert_exact(value: Exact, from: Unit, to: Unit, analyte: Option<Analyte>) -> Result<Exact, IncompatibleUnits> {
    if from == to {
        return Ok(value);
    }
    let error = IncompatibleUnits { from, to };
    let (from_dim, to_dim) = (from.dimension(), to.dimension());
    let base = value.times(from.to_base()).ok_or(error)?;
    let in_target_dimension = match (from_dim, to_dim) {
        _ if from_dim == to_dim => base,
        (Dimension::MassConcentration, Dimension::MolarConcentration) => {
            base.times(micromol_per_g_per_l(analyte.ok_or(error)?)).ok_or(error)?
        }
        (Dimension::MolarConcentration, Dimension::MassConcentration) => {
            base.divided_by(micromol_per_g_per_l(analyte.ok_or(error)?)).ok_or(error)?
        }
        _ => return Err(error),
    };
    in_target_dimension.divided_by(to.to_base()).ok_or(error)
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
        for unit in Unit::ALL {
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
