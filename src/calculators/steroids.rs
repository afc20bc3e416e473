//! Systemic glucocorticoid equivalence (oral/IV, anti-inflammatory potency).
//!
//! Prednisone-equivalent dose = dose × 5 / the agent's equivalent dose (the dose that
//! matches 5 mg prednisone). The equivalent dose comes from the drug catalogue, which is
//! data and version-stamped per protocol; [`REFERENCE_EQUIVALENT_DOSES`] is the reference
//! table (Meikle & Tyler 1977; BNF), kept here for tests and explanations. The one real
//! disagreement between tables is dexamethasone and betamethasone, 0.75 mg (BNF) or
//! 0.6 mg (some US tables). Budesonide has no accepted systemic equivalence, and the
//! equivalences do not apply to intra-articular or intramuscular depot use.

/// The prednisone dose every equivalent dose is matched to, mg.
pub const PREDNISONE_REFERENCE_DOSE_MG: f64 = 5.0;

/// An agent and its dose equivalent to 5 mg prednisone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EquivalentDose {
    /// The agent's generic name, lower case.
    pub agent: &'static str,
    /// The dose equivalent to 5 mg prednisone, mg.
    pub equivalent_dose_mg: f64,
}

/// The reference's equivalent doses (the 0.75 mg dexamethasone table).
pub const REFERENCE_EQUIVALENT_DOSES: [EquivalentDose; 9] = [
    EquivalentDose { agent: "hydrocortisone", equivalent_dose_mg: 20.0 },
    EquivalentDose { agent: "cortisone", equivalent_dose_mg: 25.0 },
    EquivalentDose { agent: "prednisone", equivalent_dose_mg: 5.0 },
    EquivalentDose { agent: "prednisolone", equivalent_dose_mg: 5.0 },
    EquivalentDose { agent: "methylprednisolone", equivalent_dose_mg: 4.0 },
    EquivalentDose { agent: "triamcinolone", equivalent_dose_mg: 4.0 },
    EquivalentDose { agent: "dexamethasone", equivalent_dose_mg: 0.75 },
    EquivalentDose { agent: "betamethasone", equivalent_dose_mg: 0.75 },
    EquivalentDose { agent: "deflazacort", equivalent_dose_mg: 6.0 },
];

/// The reference table's equivalent dose for `agent`.
pub fn reference_equivalent_dose_mg(agent: &str) -> Option<f64> {
    REFERENCE_EQUIVALENT_DOSES
        .iter()
        .find(|entry| entry.agent.eq_ignore_ascii_case(agent.trim()))
        .map(|entry| entry.equivalent_dose_mg)
}

/// Why a dose cannot be converted.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SteroidError {
    /// The dose is negative or not a number.
    #[error("{}", crate::i18n::text_with("error-calculators-steroids-invalid-dose", &[("detail", _0.to_string())]))]
    InvalidDose(f64),
    /// The equivalent dose is not a positive number.
    #[error("{}", crate::i18n::text_with("error-calculators-steroids-invalid-equivalent-dose", &[("detail", _0.to_string())]))]
    InvalidEquivalentDose(f64),
}

/// Converts `dose_mg` of an agent whose equivalent dose is `from_equivalent_mg` into the
/// dose of an agent whose equivalent dose is `to_equivalent_mg`.
pub fn convert_glucocorticoid_mg(
    dose_mg: f64,
    from_equivalent_mg: f64,
    to_equivalent_mg: f64,
) -> Result<f64, SteroidError> {
    if !(dose_mg.is_finite() && dose_mg >= 0.0) {
        return Err(SteroidError::InvalidDose(dose_mg));
    }
    for equivalent in [from_equivalent_mg, to_equivalent_mg] {
        if !(equivalent.is_finite() && equivalent > 0.0) {
            return Err(SteroidError::InvalidEquivalentDose(equivalent));
        }
    }
    Ok(dose_mg * to_equivalent_mg / from_equivalent_mg)
}

/// The prednisone-equivalent dose, mg: dose × 5 / equivalent dose.
pub fn prednisone_equivalent_mg(dose_mg: f64, equivalent_dose_mg: f64) -> Result<f64, SteroidError> {
    convert_glucocorticoid_mg(dose_mg, equivalent_dose_mg, PREDNISONE_REFERENCE_DOSE_MG)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn equivalent(agent: &str) -> f64 {
        reference_equivalent_dose_mg(agent).unwrap()
    }

    #[test]
    fn the_reference_table_converts_each_agent() {
        // The full derived table runs in tests/calculator_vectors.rs.
        assert_eq!(prednisone_equivalent_mg(16.0, equivalent("methylprednisolone")), Ok(20.0));
        assert_eq!(prednisone_equivalent_mg(100.0, equivalent("hydrocortisone")), Ok(25.0));
        assert_eq!(convert_glucocorticoid_mg(20.0, 5.0, 4.0), Ok(16.0));
    }

    #[test]
    fn dexamethasone_with_the_us_table() {
        assert!((prednisone_equivalent_mg(4.0, 0.6).unwrap() - 33.33).abs() < 0.005);
    }

    #[test]
    fn invalid_doses_are_refused() {
        assert_eq!(prednisone_equivalent_mg(-1.0, 4.0), Err(SteroidError::InvalidDose(-1.0)));
        assert_eq!(prednisone_equivalent_mg(10.0, 0.0), Err(SteroidError::InvalidEquivalentDose(0.0)));
        assert!(prednisone_equivalent_mg(f64::NAN, 4.0).is_err());
        assert_eq!(reference_equivalent_dose_mg("budesonide"), None);
        assert_eq!(reference_equivalent_dose_mg(" Prednisone "), Some(5.0));
    }
}
