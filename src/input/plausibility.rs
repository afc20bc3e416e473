//! Whether a number is physically plausible in the unit it was entered in, from the data
//! dictionary's range per unit. A value outside its unit's range that fits another unit of
//! the same item is flagged as a likely unit slip ("Haemoglobin 13 g/L is implausible — did
//! you mean g/dL?"); it is never converted or accepted silently: the investigator picks the
//! unit or confirms the value.

use crate::model::dictionary::UnitRange;
use crate::model::number_format::{entered as number, entered_with_unit};
use crate::model::units::Unit;

/// What the dictionary's ranges say about a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Plausibility {
    /// Within the plausible range of its unit.
    Plausible,
    /// Implausible in its unit but plausible in `suggested`, another unit of the item.
    UnitSlip {
        /// What looks wrong, said to the investigator.
        message: String,
        /// The unit the value is plausible in.
        suggested: Unit,
    },
    /// Outside the plausible range of every unit the item takes.
    OutOfRange {
        /// What looks wrong, said to the investigator.
        message: String,
    },
    /// The item is not entered in this unit at all.
    UnknownUnit {
        /// What is wrong, said to the investigator.
        message: String,
    },
}

impl Plausibility {
    /// The message to show beside the field, if any.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Plausible => None,
            Self::UnitSlip { message, .. } | Self::OutOfRange { message } | Self::UnknownUnit { message } => {
                Some(message)
            }
        }
    }
}

/// Checks `value` entered in `unit` for the item labelled `label` taking `units`.
pub fn check_number(label: &str, units: &[UnitRange], value: f64, unit: Unit) -> Plausibility {
    let entered = entered_with_unit(value, unit);
    let Some(range) = units.iter().find(|range| range.unit == unit) else {
        let allowed: Vec<&str> = units.iter().map(|range| range.unit.symbol()).collect();
        return Plausibility::UnknownUnit {
            message: crate::i18n::text_with(
                "input-unit-not-allowed",
                &[("label", label.to_owned()), ("unit", unit.symbol().to_owned()), ("allowed", allowed.join(", "))],
            ),
        };
    };
    if contains(range, value) {
        return Plausibility::Plausible;
    }
    if let Some(other) = units.iter().find(|other| other.unit != unit && contains(other, value)) {
        return Plausibility::UnitSlip {
            message: crate::i18n::text_with(
                "input-unit-slip",
                &[("label", label.to_owned()), ("entered", entered), ("unit", other.unit.symbol().to_owned())],
            ),
            suggested: other.unit,
        };
    }
    Plausibility::OutOfRange {
        message: crate::i18n::text_with(
            "input-out-of-range",
            &[
                ("label", label.to_owned()),
                ("entered", entered),
                ("min", number(range.min)),
                ("max", entered_with_unit(range.max, unit)),
            ],
        ),
    }
}

fn contains(range: &UnitRange, value: f64) -> bool {
    (range.min..=range.max).contains(&value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn units(item: &str) -> Vec<UnitRange> {
        let library = Library::bundled().unwrap();
        library.knowledge.dictionary.item(item).unwrap().kind.units().to_vec()
    }

    #[test]
    fn a_haemoglobin_in_the_wrong_unit_is_a_unit_slip() {
        let hb = units("haemoglobin");
        assert_eq!(check_number("Haemoglobin", &hb, 105.0, Unit::GPerL), Plausibility::Plausible);
        assert_eq!(
            check_number("Haemoglobin", &hb, 13.0, Unit::GPerL),
            Plausibility::UnitSlip {
                message: "Haemoglobin 13 g/L is implausible — did you mean g/dL?".to_owned(),
                suggested: Unit::GPerDl
            }
        );
        assert_eq!(
            check_number("Haemoglobin", &hb, 105.0, Unit::GPerDl),
            Plausibility::UnitSlip {
                message: "Haemoglobin 105 g/dL is implausible — did you mean g/L?".to_owned(),
                suggested: Unit::GPerL
            }
        );
    }

    #[test]
    fn platelets_per_microlitre_typed_as_giga_per_litre_are_a_unit_slip() {
        let plt = units("platelets");
        assert_eq!(
            check_number("Platelet count", &plt, 150_000.0, Unit::GigaPerL),
            Plausibility::UnitSlip {
                message: "Platelet count 150000 ×10⁹/L is implausible — did you mean /µL?".to_owned(),
                suggested: Unit::PerMicroL
            }
        );
        assert_eq!(check_number("Platelet count", &plt, 52.0, Unit::GigaPerL), Plausibility::Plausible);
    }

    #[test]
    fn a_value_no_unit_explains_is_out_of_range() {
        let plt = units("platelets");
        assert_eq!(
            check_number("Platelet count", &plt, -5.0, Unit::GigaPerL),
            Plausibility::OutOfRange {
                message: "Platelet count -5 ×10⁹/L is outside the plausible range 0–2000 ×10⁹/L".to_owned()
            }
        );
        let lvef = units("lvef");
        assert_eq!(
            check_number("LVEF", &lvef, 620.0, Unit::Percent).message(),
            Some("LVEF 620 % is outside the plausible range 5–90 %")
        );
        assert!(matches!(check_number("LVEF", &lvef, 62.0, Unit::GPerL), Plausibility::UnknownUnit { .. }));
    }

    #[test]
    fn the_range_bounds_are_plausible() {
        let hb = units("haemoglobin");
        assert_eq!(check_number("Haemoglobin", &hb, 20.0, Unit::GPerL), Plausibility::Plausible);
        assert_eq!(check_number("Haemoglobin", &hb, 250.0, Unit::GPerL), Plausibility::Plausible);
    }
}
