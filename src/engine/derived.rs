//! Kidney-function values the rules read, computed by the calculators.

/// Bedside Schwartz eGFR (mL/min/1.73 m²) from height in cm and creatinine in mg/dL.
pub fn bedside_schwartz(height_cm: f64, creatinine_mg_dl: f64) -> f64 {
    0.413 * height_cm / creatinine_mg_dl
}

/// CKD-EPI 2021 creatinine eGFR (mL/min/1.73 m²).
pub fn ckd_epi_2021(creatinine_mg_dl: f64, age_years: f64, female: bool) -> f64 {
    let (kappa, alpha, sex_factor) = if female { (0.7, -0.241, 1.012) } else { (0.9, -0.302, 1.0) };
    let ratio = creatinine_mg_dl / kappa;
    142.0 * ratio.min(1.0).powf(alpha) * ratio.max(1.0).powf(-1.200) * 0.9938_f64.powf(age_years) * sex_factor
}

/// Cockcroft–Gault creatinine clearance (mL/min) with the given (actual) body weight.
pub fn cockcroft_gault(creatinine_mg_dl: f64, age_years: f64, weight_kg: f64, female: bool) -> f64 {
    let clearance = (140.0 - age_years) * weight_kg / (72.0 * creatinine_mg_dl);
    if female { clearance * 0.85 } else { clearance }
}
