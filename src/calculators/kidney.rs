//! Kidney function: eGFR by CKD-EPI 2021 (adults), bedside Schwartz and CKiD U25
//! (children and young adults), and Cockcroft–Gault creatinine clearance.
//!
//! Every function takes serum creatinine in mg/dL (IDMS-traceable) and decimal age in
//! years, and returns the value with the formula, constants and inputs written out.
//! Convert µmol/L first with [`crate::model::units::convert`], which divides by
//! [`CREATININE_UMOL_PER_MG_DL`](crate::model::units::CREATININE_UMOL_PER_MG_DL) (88.4, the NKDEP/KDIGO factor; some packages use 88.42,
//! which moves results by about 0.02 mL/min/1.73 m²).

use serde::{Deserialize, Serialize};

use crate::i18n::{text, text_with};
use crate::model::sex::Sex;
use crate::model::units::Unit;

/// CKD-EPI 2021 creatinine (Inker LA et al. N Engl J Med 2021;385:1737–49): leading constant.
pub const CKD_EPI_2021_CONSTANT: f64 = 142.0;
/// CKD-EPI 2021: κ for females, mg/dL.
pub const CKD_EPI_2021_KAPPA_FEMALE: f64 = 0.7;
/// CKD-EPI 2021: κ for males, mg/dL.
pub const CKD_EPI_2021_KAPPA_MALE: f64 = 0.9;
/// CKD-EPI 2021: α (exponent below κ) for females.
pub const CKD_EPI_2021_ALPHA_FEMALE: f64 = -0.241;
/// CKD-EPI 2021: α (exponent below κ) for males.
pub const CKD_EPI_2021_ALPHA_MALE: f64 = -0.302;
/// CKD-EPI 2021: exponent above κ.
pub const CKD_EPI_2021_EXPONENT_ABOVE_KAPPA: f64 = -1.200;
/// CKD-EPI 2021: age factor per year.
pub const CKD_EPI_2021_AGE_BASE: f64 = 0.9938;
/// CKD-EPI 2021: female factor.
pub const CKD_EPI_2021_FEMALE_FACTOR: f64 = 1.012;

/// Bedside Schwartz (Schwartz GJ et al. J Am Soc Nephrol 2009;20:629–37): k for height in cm.
pub const BEDSIDE_SCHWARTZ_K: f64 = 0.413;

/// CKiD U25 (Pierce CB et al. Kidney Int 2021;99:948–56): K for males at 12 years.
pub const CKID_U25_K_MALE_AT_12: f64 = 39.0;
/// CKiD U25: K for females at 12 years.
pub const CKID_U25_K_FEMALE_AT_12: f64 = 36.1;
/// CKiD U25: yearly factor under 12, both sexes.
pub const CKID_U25_GROWTH_UNDER_12: f64 = 1.008;
/// CKiD U25: yearly factor from 12 to under 18, males.
pub const CKID_U25_GROWTH_MALE_12_TO_18: f64 = 1.045;
/// CKiD U25: yearly factor from 12 to under 18, females.
pub const CKID_U25_GROWTH_FEMALE_12_TO_18: f64 = 1.023;
/// CKiD U25: K for males from 18.
pub const CKID_U25_K_MALE_ADULT: f64 = 50.8;
/// CKiD U25: K for females from 18.
pub const CKID_U25_K_FEMALE_ADULT: f64 = 41.4;

/// Cockcroft–Gault (Cockcroft DW, Gault MH. Nephron 1976;16:31–41): the divisor 72.
pub const COCKCROFT_GAULT_DIVISOR: f64 = 72.0;
/// Cockcroft–Gault: female factor.
pub const COCKCROFT_GAULT_FEMALE_FACTOR: f64 = 0.85;

/// The age from which CKD-EPI 2021 applies and children's equations stop.
pub const ADULT_AGE_YEARS: f64 = 18.0;
/// CKiD U25 applies from 1 year to under 26.
pub const CKID_U25_AGE_RANGE: std::ops::Range<f64> = 1.0..26.0;

/// The equations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KidneyMethod {
    /// CKD-EPI 2021 creatinine, race-free; adults.
    CkdEpi2021,
    /// Bedside Schwartz 2009; children.
    BedsideSchwartz,
    /// CKiD U25 creatinine; 1 to 25 years.
    CkidU25,
    /// Cockcroft–Gault creatinine clearance; adults, not indexed to body surface area.
    CockcroftGault,
}

impl KidneyMethod {
    /// The method's name as reports print it.
    pub fn label(self) -> &'static str {
        match self {
            Self::CkdEpi2021 => "CKD-EPI 2021 creatinine",
            Self::BedsideSchwartz => "bedside Schwartz",
            Self::CkidU25 => "CKiD U25 creatinine",
            Self::CockcroftGault => "Cockcroft–Gault",
        }
    }
}

/// A kidney-function value with how it was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct KidneyResult {
    /// The value, unrounded.
    pub value: f64,
    /// mL/min/1.73 m² for eGFR, mL/min for creatinine clearance.
    pub unit: Unit,
    /// The equation used.
    pub method: KidneyMethod,
    /// The formula, the constants and inputs used, and the result: one sentence each.
    pub explanation: Vec<String>,
}

/// Which body weight a Cockcroft–Gault clearance uses; protocols differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum WeightBasis {
    /// Actual (total) body weight.
    #[default]
    Actual,
    /// Ideal body weight.
    Ideal,
    /// Adjusted body weight.
    Adjusted,
}

impl WeightBasis {
    /// The basis in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Actual => "actual body weight",
            Self::Ideal => "ideal body weight",
            Self::Adjusted => "adjusted body weight",
        }
    }

    /// The basis in words, in the reader's language.
    pub fn shown(self) -> String {
        match self {
            Self::Actual => text("kidney-weight-actual"),
            Self::Ideal => text("kidney-weight-ideal"),
            Self::Adjusted => text("kidney-weight-adjusted"),
        }
    }
}

/// A body weight and which weight it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BodyWeight {
    /// The weight in kg.
    pub kg: f64,
    /// Which weight it is.
    pub basis: WeightBasis,
}

impl BodyWeight {
    /// Actual body weight, the default basis.
    pub fn actual(kg: f64) -> Self {
        Self { kg, basis: WeightBasis::Actual }
    }
}

/// Why a kidney-function value cannot be computed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum KidneyError {
    /// A measurement that must be a positive finite number is not.
    #[error("{}", crate::i18n::text_with("error-calculators-kidney-not-positive", &[("input", input.to_string()), ("value", value.to_string())]))]
    NotPositive {
        /// The input's name.
        input: &'static str,
        /// The value given.
        value: f64,
    },
    /// The age lies outside the range the equation was developed for.
    #[error("{}", crate::i18n::text_with("error-calculators-kidney-age-outside-method", &[("method", method.to_string()), ("range", range.to_string()), ("age_years", age_years.to_string())]))]
    AgeOutsideMethod {
        /// The equation.
        method: &'static str,
        /// The ages it applies to, in words.
        range: &'static str,
        /// The age given.
        age_years: f64,
    },
    /// An input the chosen equation needs is missing.
    #[error("{}", crate::i18n::text_with("error-calculators-kidney-missing", &[("method", method.to_string()), ("input", input.to_string())]))]
    Missing {
        /// The equation.
        method: &'static str,
        /// The missing input's name.
        input: &'static str,
    },
}

fn positive(input: &'static str, value: f64) -> Result<f64, KidneyError> {
    if value.is_finite() && value > 0.0 { Ok(value) } else { Err(KidneyError::NotPositive { input, value }) }
}

fn age_within(
    method: KidneyMethod,
    range: &'static str,
    age_years: f64,
    valid: impl Fn(f64) -> bool,
) -> Result<f64, KidneyError> {
    if age_years.is_finite() && valid(age_years) {
        Ok(age_years)
    } else {
        Err(KidneyError::AgeOutsideMethod { method: method.label(), range, age_years })
    }
}

/// A creatinine as the explanation shows it: "1.0900 mg/dL".
fn scr(creatinine: f64) -> String {
    format!("{creatinine:.4} mg/dL")
}

/// The sex as the explanation names it.
fn sex_word(sex: Sex) -> String {
    match sex {
        Sex::Female => text("kidney-sex-female"),
        Sex::Male => text("kidney-sex-male"),
    }
}

fn result(value: f64, unit: Unit, method: KidneyMethod, mut explanation: Vec<String>) -> KidneyResult {
    explanation.push(text_with(
        "kidney-result",
        &[("method", method.label().to_owned()), ("value", format!("{value:.1} {}", unit.symbol()))],
    ));
    KidneyResult { value, unit, method, explanation }
}

/// eGFR by CKD-EPI 2021 creatinine (race-free), mL/min/1.73 m², for adults (≥ 18 years):
/// 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 if female.
pub fn ckd_epi_2021(creatinine_mg_dl: f64, age_years: f64, sex: Sex) -> Result<KidneyResult, KidneyError> {
    let method = KidneyMethod::CkdEpi2021;
    let creatinine = positive("creatinine", creatinine_mg_dl)?;
    let age = age_within(method, "18 and over", age_years, |age| age >= ADULT_AGE_YEARS)?;
    let (kappa, alpha, sex_factor) = match sex {
        Sex::Female => (CKD_EPI_2021_KAPPA_FEMALE, CKD_EPI_2021_ALPHA_FEMALE, CKD_EPI_2021_FEMALE_FACTOR),
        Sex::Male => (CKD_EPI_2021_KAPPA_MALE, CKD_EPI_2021_ALPHA_MALE, 1.0),
    };
    let ratio = creatinine / kappa;
    let value = CKD_EPI_2021_CONSTANT
        * ratio.min(1.0).powf(alpha)
        * ratio.max(1.0).powf(CKD_EPI_2021_EXPONENT_ABOVE_KAPPA)
        * CKD_EPI_2021_AGE_BASE.powf(age)
        * sex_factor;
    let explanation = vec![
        text_with(
            "kidney-ckd-epi-formula",
            &[
                ("source", "Inker 2021".to_owned()),
                ("formula", "142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age".to_owned()),
            ],
        ),
        text_with(
            "kidney-ckd-epi-inputs",
            &[
                ("scr", scr(creatinine)),
                ("sex", sex_word(sex)),
                ("kappa", kappa.to_string()),
                ("alpha", alpha.to_string()),
                ("factor", sex_factor.to_string()),
                ("ratio", format!("{ratio:.4}")),
            ],
        ),
        text_with("kidney-age-decimal", &[("age", format!("{age:.2}"))]),
    ];
    Ok(result(value, Unit::MlPerMinPer173, method, explanation))
}

/// eGFR by the bedside Schwartz equation, mL/min/1.73 m², for children:
/// 0.413 × height (cm) / Scr (mg/dL).
pub fn bedside_schwartz(creatinine_mg_dl: f64, height_cm: f64) -> Result<KidneyResult, KidneyError> {
    let creatinine = positive("creatinine", creatinine_mg_dl)?;
    let height = positive("height", height_cm)?;
    let value = BEDSIDE_SCHWARTZ_K * height / creatinine;
    let explanation = vec![
        text_with(
            "kidney-schwartz-formula",
            &[
                ("name", "Schwartz".to_owned()),
                ("source", "Schwartz 2009".to_owned()),
                ("formula", "0.413 × height (cm) / Scr (mg/dL)".to_owned()),
            ],
        ),
        text_with("kidney-height-scr", &[("height", format!("{height} cm")), ("scr", scr(creatinine))]),
    ];
    Ok(result(value, Unit::MlPerMinPer173, KidneyMethod::BedsideSchwartz, explanation))
}

/// eGFR by CKiD U25 creatinine, mL/min/1.73 m², for ages 1 to under 26:
/// K × height (m) / Scr (mg/dL), with K by sex and age (Pierce 2021).
pub fn ckid_u25(creatinine_mg_dl: f64, height_cm: f64, age_years: f64, sex: Sex) -> Result<KidneyResult, KidneyError> {
    let method = KidneyMethod::CkidU25;
    let creatinine = positive("creatinine", creatinine_mg_dl)?;
    let height = positive("height", height_cm)?;
    let age = age_within(method, "1 to under 26", age_years, |age| CKID_U25_AGE_RANGE.contains(&age))?;
    let (at_12, adolescent_growth, adult) = match sex {
        Sex::Female => (CKID_U25_K_FEMALE_AT_12, CKID_U25_GROWTH_FEMALE_12_TO_18, CKID_U25_K_FEMALE_ADULT),
        Sex::Male => (CKID_U25_K_MALE_AT_12, CKID_U25_GROWTH_MALE_12_TO_18, CKID_U25_K_MALE_ADULT),
    };
    let (k, k_rule) = if age < 12.0 {
        (at_12 * CKID_U25_GROWTH_UNDER_12.powf(age - 12.0), format!("{at_12} × {CKID_U25_GROWTH_UNDER_12}^(age − 12)"))
    } else if age < ADULT_AGE_YEARS {
        (at_12 * adolescent_growth.powf(age - 12.0), format!("{at_12} × {adolescent_growth}^(age − 12)"))
    } else {
        (adult, text_with("kidney-ckid-adult-k", &[("k", adult.to_string())]))
    };
    let value = k * (height / 100.0) / creatinine;
    let explanation = vec![
        text_with(
            "kidney-ckid-formula",
            &[
                ("name", "CKiD U25".to_owned()),
                ("source", "Pierce 2021".to_owned()),
                ("formula", "K × height (m) / Scr (mg/dL)".to_owned()),
            ],
        ),
        text_with(
            "kidney-ckid-k",
            &[("sex", sex_word(sex)), ("age", format!("{age:.2}")), ("rule", k_rule), ("k", format!("{k:.3}"))],
        ),
        text_with("kidney-height-scr", &[("height", format!("{height} cm")), ("scr", scr(creatinine))]),
    ];
    Ok(result(value, Unit::MlPerMinPer173, method, explanation))
}

/// Creatinine clearance by Cockcroft–Gault, mL/min (not indexed), for adults:
/// (140 − age) × weight (kg) / (72 × Scr mg/dL) × 0.85 if female. The weight's basis is
/// the caller's (the protocol's) choice and is stated in the explanation.
pub fn cockcroft_gault(
    creatinine_mg_dl: f64,
    age_years: f64,
    sex: Sex,
    weight: BodyWeight,
) -> Result<KidneyResult, KidneyError> {
    let method = KidneyMethod::CockcroftGault;
    let creatinine = positive("creatinine", creatinine_mg_dl)?;
    let weight_kg = positive("weight", weight.kg)?;
    let age = age_within(method, "18 to under 140", age_years, |age| (ADULT_AGE_YEARS..140.0).contains(&age))?;
    let sex_factor = match sex {
        Sex::Female => COCKCROFT_GAULT_FEMALE_FACTOR,
        Sex::Male => 1.0,
    };
    let value = (140.0 - age) * weight_kg / (COCKCROFT_GAULT_DIVISOR * creatinine) * sex_factor;
    let explanation = vec![
        text_with(
            "kidney-cg-formula",
            &[
                ("name", "Cockcroft–Gault".to_owned()),
                ("formula", "(140 − age) × weight (kg) / (72 × Scr mg/dL)".to_owned()),
                ("unit", "mL/min".to_owned()),
            ],
        ),
        text_with("kidney-cg-weight", &[("weight", format!("{weight_kg} kg")), ("basis", weight.basis.shown())]),
        text_with(
            "kidney-cg-inputs",
            &[
                ("age", format!("{age:.2}")),
                ("sex", sex_word(sex)),
                ("factor", sex_factor.to_string()),
                ("scr", scr(creatinine)),
            ],
        ),
    ];
    Ok(result(value, Unit::MlPerMin, method, explanation))
}

/// eGFR as protocols without a lab-reported value ask for it: bedside Schwartz under 18
/// years, CKD-EPI 2021 from 18. The explanation opens with the branch taken.
pub fn egfr_for_age(
    creatinine_mg_dl: f64,
    age_years: f64,
    sex: Option<Sex>,
    height_cm: Option<f64>,
) -> Result<KidneyResult, KidneyError> {
    if !(age_years.is_finite() && age_years >= 0.0) {
        return Err(KidneyError::NotPositive { input: "age", value: age_years });
    }
    let (mut computed, branch) = if age_years < ADULT_AGE_YEARS {
        let method = KidneyMethod::BedsideSchwartz.label();
        let height = height_cm.ok_or(KidneyError::Missing { method, input: "height" })?;
        (
            bedside_schwartz(creatinine_mg_dl, height)?,
            text_with("kidney-branch-child", &[("age", format!("{age_years:.2}")), ("name", "Schwartz".to_owned())]),
        )
    } else {
        let method = KidneyMethod::CkdEpi2021.label();
        let sex = sex.ok_or(KidneyError::Missing { method, input: "sex" })?;
        (
            ckd_epi_2021(creatinine_mg_dl, age_years, sex)?,
            text_with("kidney-branch-adult", &[("age", format!("{age_years:.2}"))]),
        )
    };
    computed.explanation.insert(0, branch);
    Ok(computed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::decimal_age;
    use chrono::NaiveDate;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() <= tolerance, "{actual} vs {expected} ± {tolerance}");
    }

    #[test]
    fn ckd_epi_is_continuous_at_kappa() {
        for (sex, kappa, expected) in [(Sex::Female, 0.7, 112.05), (Sex::Male, 0.9, 110.73)] {
            let at = ckd_epi_2021(kappa, 40.0, sex).unwrap().value;
            close(at, expected, 0.005);
            let below = ckd_epi_2021(kappa - 1e-9, 40.0, sex).unwrap().value;
            let above = ckd_epi_2021(kappa + 1e-9, 40.0, sex).unwrap().value;
            close(below, at, 1e-6);
            close(above, at, 1e-6);
        }
    }

    #[test]
    fn ckd_epi_derived_values() {
        close(ckd_epi_2021(0.6, 30.0, Sex::Female).unwrap().value, 123.76, 0.005);
        close(ckd_epi_2021(2.0, 65.0, Sex::Male).unwrap().value, 36.36, 0.005);
        close(ckd_epi_2021(4.0, 50.0, Sex::Female).unwrap().value, 13.00, 0.005);
    }

    #[test]
    fn vignette_v3_ckd_epi_with_decimal_age_is_about_131() {
        let age = decimal_age(date("1994-05-20"), date("2026-11-02"));
        close(age, 32.45, 0.005);
        close(ckd_epi_2021(0.6, age, Sex::Male).unwrap().value, 131.16, 0.005);
    }

    #[test]
    fn vignette_v1_and_v4_bedside_schwartz() {
        close(bedside_schwartz(0.6, 158.0).unwrap().value, 108.757, 0.0005);
        close(bedside_schwartz(0.35, 108.0).unwrap().value, 127.44, 0.005);
    }

    #[test]
    fn vignette_v12_cockcroft_gault_with_decimal_age_is_about_52_5() {
        let age = decimal_age(date("1981-06-01"), date("2026-11-02"));
        close(age, 45.42, 0.005);
        let clearance = cockcroft_gault(2.0, age, Sex::Male, BodyWeight::actual(80.0)).unwrap();
        close(clearance.value, 52.54, 0.01);
        assert_eq!(clearance.unit, Unit::MlPerMin);
        assert!(clearance.explanation.iter().any(|line| line.contains("actual body weight")));
    }

    #[test]
    fn cockcroft_gault_states_the_weight_basis_chosen() {
        let weight = BodyWeight { kg: 70.0, basis: WeightBasis::Ideal };
        let clearance = cockcroft_gault(1.0, 40.0, Sex::Female, weight).unwrap();
        close(clearance.value, 100.0 * 70.0 / 72.0 * 0.85, 1e-9);
        assert!(clearance.explanation.iter().any(|line| line.contains("ideal body weight")));
    }

    #[test]
    fn ckid_u25_k_by_sex_and_age() {
        // At 12 both age factors are 1; from 18 K is the adult constant.
        close(ckid_u25(1.0, 100.0, 12.0, Sex::Male).unwrap().value, 39.0, 1e-9);
        close(ckid_u25(1.0, 100.0, 12.0, Sex::Female).unwrap().value, 36.1, 1e-9);
        close(ckid_u25(1.0, 100.0, 20.0, Sex::Male).unwrap().value, 50.8, 1e-9);
        close(ckid_u25(1.0, 100.0, 25.9, Sex::Female).unwrap().value, 41.4, 1e-9);
        close(ckid_u25(1.0, 100.0, 6.0, Sex::Male).unwrap().value, 39.0 * 1.008f64.powf(-6.0), 1e-9);
        close(ckid_u25(1.0, 100.0, 15.0, Sex::Male).unwrap().value, 39.0 * 1.045f64.powi(3), 1e-9);
        close(ckid_u25(1.0, 100.0, 15.0, Sex::Female).unwrap().value, 36.1 * 1.023f64.powi(3), 1e-9);
        // Not the bedside Schwartz equation (a mistake cliot makes).
        let u25 = ckid_u25(0.6, 158.0, 14.0, Sex::Female).unwrap().value;
        assert!((u25 - bedside_schwartz(0.6, 158.0).unwrap().value).abs() > 1.0);
    }

    #[test]
    fn ages_outside_each_method_are_refused() {
        assert!(matches!(ckd_epi_2021(1.0, 17.99, Sex::Male), Err(KidneyError::AgeOutsideMethod { .. })));
        assert!(ckd_epi_2021(1.0, 18.0, Sex::Male).is_ok());
        assert!(ckid_u25(1.0, 150.0, 26.0, Sex::Male).is_err());
        assert!(ckid_u25(1.0, 70.0, 0.5, Sex::Male).is_err());
        assert!(cockcroft_gault(1.0, 17.0, Sex::Male, BodyWeight::actual(60.0)).is_err());
        assert!(cockcroft_gault(1.0, 140.0, Sex::Male, BodyWeight::actual(60.0)).is_err());
        assert!(ckd_epi_2021(1.0, f64::NAN, Sex::Male).is_err());
    }

    #[test]
    fn non_positive_inputs_are_refused_by_name() {
        let error = ckd_epi_2021(0.0, 40.0, Sex::Male).unwrap_err();
        assert_eq!(error.to_string(), "creatinine must be a positive number (got 0)");
        assert!(matches!(bedside_schwartz(0.6, -1.0), Err(KidneyError::NotPositive { input: "height", .. })));
        assert!(matches!(
            cockcroft_gault(1.0, 40.0, Sex::Male, BodyWeight::actual(f64::INFINITY)),
            Err(KidneyError::NotPositive { input: "weight", .. })
        ));
    }

    #[test]
    fn egfr_for_age_picks_schwartz_under_18_and_ckd_epi_from_18() {
        let child = egfr_for_age(0.6, 17.99, None, Some(158.0)).unwrap();
        assert_eq!(child.method, KidneyMethod::BedsideSchwartz);
        assert!(child.explanation[0].contains("under 18"));
        let adult = egfr_for_age(0.6, 18.0, Some(Sex::Female), None).unwrap();
        assert_eq!(adult.method, KidneyMethod::CkdEpi2021);
        assert!(adult.explanation[0].contains("18 or over"));
        assert_eq!(
            egfr_for_age(0.6, 10.0, Some(Sex::Male), None).unwrap_err(),
            KidneyError::Missing { method: "bedside Schwartz", input: "height" }
        );
        assert!(matches!(egfr_for_age(0.6, 30.0, None, Some(170.0)), Err(KidneyError::Missing { input: "sex", .. })));
    }
}
