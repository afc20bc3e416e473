//! Exact arithmetic for thresholds. A number compared with a threshold is a fraction of two
//! decimals, `numerator / denominator`, built only by multiplication from the digits entered
//! and the exact factors of unit conversions; comparisons cross-multiply, so "11.4 U/L with
//! ULN 7.6" is exactly 1.5 × ULN and "3.7 mmol/L" of haemoglobin is exactly 3.7 / 0.06206 g/L,
//! never `1.5000000000000002` or a rounded 59.6. Only the display rounds (see [`Exact::shown`]).
//!
//! A `f64` stored in a file becomes the decimal of its shortest round-trip text (`11.4`, not
//! `11.4000000000000003552…`): the digits the investigator typed.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::model::rule::Cmp;

/// Largest scale (digits after the point) a product may have and stay exact.
const MAX_SCALE: u32 = 28;

/// A fraction of two decimals with a positive denominator, kept exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Exact {
    numerator: Decimal,
    denominator: Decimal,
}

/// The decimal of a `f64`'s shortest round-trip text; `None` for NaN, infinities and values
/// beyond a decimal's 28 digits.
pub fn decimal_of(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    if let Some(decimal) = short_decimal_of(value) {
        return Some(decimal);
    }
    // `{}` on f64 prints the shortest text that reads back as the same f64, never exponents.
    let text = format!("{value}");
    text.parse::<Decimal>().ok().map(|d| d.normalize())
}

/// Powers of ten that are exact in a `f64`, for [`short_decimal_of`].
const POWERS_OF_TEN: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// The shortest round-trip decimal of `value` without formatting text, for the values a
/// form holds (few digits, far from the limits of a `f64`); `None` hands the value to the
/// text path. Tries `m / 10^s` for `s = 0, 1, …` with `m` the nearest integer to
/// `value × 10^s`, and accepts the first `m` whose quotient reads back as `value`, which
/// makes it a decimal that rounds to `value` with the fewest digits after the point. The
/// bound `|value × 10^s| < 2^50` keeps the gap between neighbouring `f64`s below a quarter
/// of `10^-s`, so at most one such `m` exists at each scale and rounding finds it: the
/// same digits as the shortest round-trip text (a property test compares the two paths).
fn short_decimal_of(value: f64) -> Option<Decimal> {
    const LIMIT: f64 = (1u64 << 50) as f64;
    for (scale, power) in (0u32..).zip(POWERS_OF_TEN) {
        let scaled = value * power;
        if scaled.abs() >= LIMIT {
            return None;
        }
        let whole = scaled.round();
        if whole / power == value {
            // |whole| < 2^50: the conversion to i64 is exact.
            return Some(Decimal::new(whole as i64, scale));
        }
    }
    None
}

/// `value` rounded to hundredths, as a count of hundredths, when `value × 100` lies clearly
/// between two midpoints (`x.5`): then its shortest round-trip decimal, which differs from
/// `value` by less than half a unit in the last place, rounds the same way, and no text is
/// formatted. `None` near a midpoint or beyond `2^40` hundredths: the caller rounds the
/// decimal itself.
fn hundredths_far_from_a_midpoint(value: f64) -> Option<i64> {
    const LIMIT: f64 = (1u64 << 40) as f64;
    let scaled = value * 100.0;
    if !scaled.is_finite() || scaled.abs() >= LIMIT {
        return None;
    }
    let distance_to_midpoint = ((scaled - scaled.trunc()).abs() - 0.5).abs();
    // Near 2^40 a unit in the last place of `scaled` is 2^-12: a margin of 2^-8 is wide.
    if distance_to_midpoint < 1.0 / 256.0 {
        return None;
    }
    // |scaled| < 2^40: the conversion is exact.
    Some(scaled.round() as i64)
}

/// `a × b`, or `None` when the product would be rounded or overflow.
pub fn product(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    unnormalised_product(a, b)
}

/// `a × b` as [`product`] computes it but keeping the operands' trailing zeros, for
/// comparisons, which read the value and not its digits. Cheaper: normalising is retried only
/// when the trailing zeros would make the product too long.
fn comparison_product(a: Decimal, b: Decimal) -> Option<Decimal> {
    unnormalised_product(a, b).or_else(|| product(a, b))
}

/// `a × b` exactly as given, or `None` when it would be rounded or overflow.
fn unnormalised_product(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale().checked_add(b.scale())?;
    if scale > MAX_SCALE {
        return None;
    }
    let result = a.checked_mul(b)?;
    // rust_decimal keeps the sum of the scales unless it had to round away digits to fit
    // its 96-bit mantissa: a smaller scale means the product is not exact.
    (result.scale() == scale).then_some(result)
}

/// `a/b` against `c/d` by cross-multiplying the decimals' integer mantissas in `i128`, the
/// scales brought level by powers of ten; `None` when a product would overflow (the caller
/// then multiplies decimals). Every step is an exact integer operation.
fn cross_compare_in_integers(left: &Exact, right: &Exact) -> Option<Ordering> {
    let (a, b, c, d) = (left.numerator, left.denominator, right.numerator, right.denominator);
    let mut left_mantissa = mantissa_product(a, d)?;
    let mut right_mantissa = mantissa_product(c, b)?;
    let (left_scale, right_scale) = (a.scale() + d.scale(), c.scale() + b.scale());
    if left_scale < right_scale {
        left_mantissa = left_mantissa.checked_mul(power_of_ten(right_scale - left_scale)?)?;
    } else if right_scale < left_scale {
        right_mantissa = right_mantissa.checked_mul(power_of_ten(left_scale - right_scale)?)?;
    }
    Some(left_mantissa.cmp(&right_mantissa))
}

/// Two decimals (both denominators one, the usual case: an entered number against a
/// threshold) compared by their `i64` mantissas, the one with fewer digits after the point
/// scaled up; `None` when either is a fraction or does not fit (the general path answers).
#[inline]
fn compare_decimals_in_integers(left: &Exact, right: &Exact) -> Option<Ordering> {
    if !is_one(left.denominator) || !is_one(right.denominator) {
        return None;
    }
    let ((a, a_scale), (b, b_scale)) = (small_digits(left.numerator)?, small_digits(right.numerator)?);
    // The same number of digits after the point (an entered value against a threshold
    // written alike): the mantissas compare as they are.
    if a_scale == b_scale {
        return Some(a.cmp(&b));
    }
    // i64 × 10^k with k ≤ 18 fits in i128; the power is read from a table.
    let scaled = |mantissa: i64, by: u32| -> Option<i128> {
        if by > 18 {
            return None;
        }
        Some(i128::from(mantissa) * power_of_ten(by)?)
    };
    let (a, b) = if a_scale <= b_scale {
        (scaled(a, b_scale - a_scale)?, i128::from(b))
    } else {
        (i128::from(a), scaled(b, a_scale - b_scale)?)
    };
    Some(a.cmp(&b))
}

/// A decimal's mantissa as an `i64`, with its scale, when it fits in one (the values forms
/// hold): read from its parts, without building the `i128` mantissa.
#[inline]
fn small_digits(value: Decimal) -> Option<(i64, u32)> {
    let parts = value.unpack();
    if parts.hi != 0 {
        return None;
    }
    let magnitude = i64::try_from((u64::from(parts.mid) << 32) | u64::from(parts.lo)).ok()?;
    Some((if parts.negative { -magnitude } else { magnitude }, parts.scale))
}

/// Whether a decimal is exactly one, written without digits after the point: its sixteen
/// bytes are those of `1` (sign and scale live in the flags, so `1.0` and `-1` differ).
fn is_one(value: Decimal) -> bool {
    const ONE: [u8; 16] = Decimal::ONE.serialize();
    value.serialize() == ONE
}

/// `10^exponent` as an `i128`, read from a table; `None` beyond `10^38`.
fn power_of_ten(exponent: u32) -> Option<i128> {
    // Evaluated by the compiler: an index out of range fails the build, never a user's run.
    #[allow(clippy::indexing_slicing)]
    const POWERS: [i128; 39] = {
        let mut powers = [1i128; 39];
        let mut i = 1;
        while i < 39 {
            powers[i] = powers[i - 1] * 10;
            i += 1;
        }
        powers
    };
    POWERS.get(usize::try_from(exponent).ok()?).copied()
}

/// `value` without trailing zeros after the point: as it is when it has none (no point, or a
/// last digit other than zero), the usual case, which `Decimal::normalize` is slow to find.
fn normalized(value: Decimal) -> Decimal {
    if value.scale() == 0 {
        return value;
    }
    match small_digits(value) {
        Some((mantissa, _)) if mantissa % 10 != 0 => value,
        _ => value.normalize(),
    }
}

/// A decimal with no digits after the point, as an `i64` when it fits.
fn whole_number(value: Decimal) -> Option<i64> {
    match small_digits(value) {
        Some((whole, 0)) => Some(whole),
        _ => None,
    }
}

/// The product of two decimals' mantissas: widened from `i64` where both fit (the values
/// forms hold), which cannot overflow; checked otherwise.
fn mantissa_product(x: Decimal, y: Decimal) -> Option<i128> {
    match (small_digits(x), small_digits(y)) {
        (Some((small_x, _)), Some((small_y, _))) => Some(i128::from(small_x) * i128::from(small_y)),
        _ => x.mantissa().checked_mul(y.mantissa()),
    }
}

impl Exact {
    /// A number larger than any count: the upper end of a count over a list that may be
    /// incomplete.
    pub const UNBOUNDED: Self = Self { numerator: Decimal::MAX, denominator: Decimal::ONE };

    /// A decimal as itself.
    pub fn decimal(value: Decimal) -> Self {
        Self { numerator: normalized(value), denominator: Decimal::ONE }
    }

    /// A whole number.
    pub fn integer(value: i64) -> Self {
        // Scale 0: already normal.
        Self { numerator: Decimal::from(value), denominator: Decimal::ONE }
    }

    /// The decimal of a `f64`'s shortest round-trip text.
    pub fn from_f64(value: f64) -> Option<Self> {
        // `decimal_of` gives the fewest digits after the point: already normal.
        decimal_of(value).map(|numerator| Self { numerator, denominator: Decimal::ONE })
    }

    /// A formula's result (eGFR, creatinine clearance), kept to 0.01 of its unit: formulas
    /// are floating point, so their results are compared at the precision they are printed.
    pub fn formula_result(value: f64) -> Option<Self> {
        if let Some(hundredths) = hundredths_far_from_a_midpoint(value) {
            return Some(Self::decimal(Decimal::new(hundredths, 2)));
        }
        let rounded =
            decimal_of(value)?.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        Some(Self::decimal(rounded))
    }

    /// `numerator / denominator`; `None` when the denominator is not positive.
    pub fn ratio(numerator: Decimal, denominator: Decimal) -> Option<Self> {
        (denominator > Decimal::ZERO)
            .then(|| Self { numerator: normalized(numerator), denominator: normalized(denominator) })
    }

    /// This value times a decimal.
    pub fn times(self, factor: Decimal) -> Option<Self> {
        Some(Self { numerator: product(self.numerator, factor)?, denominator: self.denominator })
    }

    /// This value divided by a positive decimal.
    pub fn divided_by(self, divisor: Decimal) -> Option<Self> {
        if divisor <= Decimal::ZERO {
            return None;
        }
        Some(Self { numerator: self.numerator, denominator: product(self.denominator, divisor)? })
    }

    /// This value times another.
    pub fn times_exact(self, other: Self) -> Option<Self> {
        Some(Self {
            numerator: product(self.numerator, other.numerator)?,
            denominator: product(self.denominator, other.denominator)?,
        })
    }

    /// `self − other`.
    pub fn minus(self, other: Self) -> Option<Self> {
        let left = product(self.numerator, other.denominator)?;
        let right = product(other.numerator, self.denominator)?;
        Some(Self { numerator: left.checked_sub(right)?, denominator: product(self.denominator, other.denominator)? })
    }

    /// The sign-flipped value.
    pub fn negated(self) -> Self {
        Self { numerator: -self.numerator, denominator: self.denominator }
    }

    /// Exact comparison by cross-multiplication; `None` only when a product would overflow.
    #[inline]
    pub fn compare(&self, other: &Self) -> Option<Ordering> {
        match compare_decimals_in_integers(self, other) {
            Some(ordering) => Some(ordering),
            None => self.compare_fractions(other),
        }
    }

    /// [`Self::compare`] where either side is a fraction or a long decimal: out of line, so
    /// the usual comparison of two short decimals stays inline.
    #[inline(never)]
    fn compare_fractions(&self, other: &Self) -> Option<Ordering> {
        if let Some(ordering) = cross_compare_in_integers(self, other) {
            return Some(ordering);
        }
        if self.denominator == other.denominator {
            return Some(self.numerator.cmp(&other.numerator));
        }
        let left = comparison_product(self.numerator, other.denominator)?;
        let right = comparison_product(other.numerator, self.denominator)?;
        Some(left.cmp(&right))
    }

    /// Whether `self cmp threshold` holds, exactly. Both sides by reference: copied into a
    /// call, the values are read back in loads wider than the stores that wrote them.
    #[inline]
    pub fn holds(&self, cmp: Cmp, threshold: &Self) -> Option<bool> {
        let ordering = self.compare(threshold)?;
        Some(match cmp {
            Cmp::Ge => ordering != Ordering::Less,
            Cmp::Gt => ordering == Ordering::Greater,
            Cmp::Le => ordering != Ordering::Greater,
            Cmp::Lt => ordering == Ordering::Less,
        })
    }

    /// The value as a decimal when it is one exactly (the denominator divides it).
    pub fn as_decimal(self) -> Option<Decimal> {
        if self.denominator == Decimal::ONE {
            return Some(self.numerator);
        }
        let quotient = self.numerator.checked_div(self.denominator)?.normalize();
        (product(quotient, self.denominator)? == self.numerator).then_some(quotient)
    }

    /// The value rounded to `places` decimals (half away from zero).
    pub fn rounded(self, places: u32) -> Option<Decimal> {
        let quotient = self.numerator.checked_div(self.denominator)?;
        Some(quotient.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize())
    }

    /// An approximation for formulas and plots, never for a comparison.
    pub fn approximate(self) -> f64 {
        use rust_decimal::prelude::ToPrimitive as _;
        // A whole number (an age, a count) over one, the usual case: its mantissa as it is.
        if let (Some(whole), Some(1)) = (whole_number(self.numerator), whole_number(self.denominator))
            && whole.unsigned_abs() < 1 << 53
        {
            return whole as f64;
        }
        match (self.numerator.to_f64(), self.denominator.to_f64()) {
            (Some(n), Some(d)) if d != 0.0 => n / d,
            _ => f64::NAN,
        }
    }

    /// The value as printed beside a comparison with `threshold`: the exact decimal when it
    /// is one (the digits entered), else rounded to the fewest places (at least
    /// `min_places`) at which the printed comparison tells the truth: 59.619… g/L against
    /// "≥ 60 g/L" prints as 59.6, and 59.99984 as 59.9998, never as 60.
    pub fn shown(self, cmp: Cmp, threshold: Self, min_places: u32) -> Decimal {
        if let Some(exact) = self.as_decimal() {
            return exact;
        }
        let truth = self.holds(cmp, &threshold);
        for places in min_places..=MAX_SCALE {
            let Some(rounded) = self.rounded(places) else { break };
            if Self::decimal(rounded).holds(cmp, &threshold) == truth {
                return rounded;
            }
        }
        self.rounded(MAX_SCALE).unwrap_or(self.numerator)
    }

    /// The value printed on its own, to `places` decimals at most.
    pub fn shown_alone(self, places: u32) -> Decimal {
        self.as_decimal().filter(|d| d.scale() <= places).or_else(|| self.rounded(places)).unwrap_or(self.numerator)
    }
}

impl std::fmt::Display for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_decimal() {
            Some(decimal) => write!(f, "{decimal}"),
            None => write!(f, "{}", self.shown_alone(2)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn shortest_round_trip_is_the_digits_typed() {
        assert_eq!(decimal_of(11.4), Some(d("11.4")));
        assert_eq!(decimal_of(0.006), Some(d("0.006")));
        assert_eq!(decimal_of(1e-7), Some(d("0.0000001")));
        assert_eq!(decimal_of(f64::NAN), None);
        assert_eq!(decimal_of(f64::INFINITY), None);
    }

    /// The text path alone: the shortest round-trip text, parsed.
    fn decimal_by_text(value: f64) -> Option<Decimal> {
        format!("{value}").parse::<Decimal>().ok().map(|d| d.normalize())
    }

    fn same_digits(value: f64) -> Result<(), proptest::test_runner::TestCaseError> {
        if let Some(fast) = short_decimal_of(value) {
            let slow = decimal_by_text(value);
            proptest::prop_assert_eq!(Some(fast.to_string()), slow.map(|d| d.to_string()), "{:?}", value);
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        #[test]
        fn the_short_path_gives_the_digits_of_the_text_path_for_typed_decimals(
            mantissa in -10_000_000_000_000i64..10_000_000_000_000, scale in 0u32..16,
        ) {
            let value: f64 = Decimal::new(mantissa, scale).to_string().parse().unwrap();
            same_digits(value)?;
        }

        #[test]
        fn the_short_path_gives_the_digits_of_the_text_path_for_any_f64(bits in proptest::num::u64::ANY) {
            let value = f64::from_bits(bits);
            if value.is_finite() {
                same_digits(value)?;
            }
        }

        #[test]
        fn the_short_path_gives_the_digits_of_the_text_path_for_computed_values(
            a in -1_000_000i64..1_000_000, b in 1i64..100_000, s in 0u32..6,
        ) {
            // Quotients and products as formulas make them: many digits, often not short.
            let value = (a as f64 / 10f64.powi(s as i32)) / (b as f64) * 1.73;
            same_digits(value)?;
            same_digits(a as f64 * 0.1)?;
        }
    }

    proptest::proptest! {
        #[test]
        fn integer_cross_comparison_agrees_with_decimal_products(
            a in -1_000_000_000i64..1_000_000_000, sa in 0u32..12,
            b in 1i64..1_000_000_000, sb in 0u32..12,
            c in -1_000_000_000i64..1_000_000_000, sc in 0u32..12,
            d in 1i64..1_000_000_000, sd in 0u32..12,
        ) {
            let left = Exact::ratio(Decimal::new(a, sa), Decimal::new(b, sb)).unwrap();
            let right = Exact::ratio(Decimal::new(c, sc), Decimal::new(d, sd)).unwrap();
            let by_decimals = comparison_product(left.numerator, right.denominator)
                .zip(comparison_product(right.numerator, left.denominator))
                .map(|(l, r)| l.cmp(&r));
            // The integer path may give way (levelling scales can overflow `i128`); when it
            // answers, it agrees, and `compare` always agrees with the decimal products.
            if let Some(expected) = by_decimals {
                if let Some(ordering) = cross_compare_in_integers(&left, &right) {
                    proptest::prop_assert_eq!(ordering, expected);
                }
                proptest::prop_assert_eq!(left.compare(&right), Some(expected));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn decimals_compare_as_rust_decimal_orders_them(
            a in -100_000_000_000i64..100_000_000_000, sa in 0u32..4,
            c in -100_000_000_000i64..100_000_000_000, sc in 0u32..4,
        ) {
            // Short decimals, often written with as many digits after the point (the path
            // that compares their mantissas as they are), and the same digits at two scales.
            let (x, y) = (Decimal::new(a, sa), Decimal::new(c, sc));
            for (left, right) in [(x, y), (x, Decimal::new(a, sc)), (Decimal::new(c, sa), y)] {
                proptest::prop_assert_eq!(
                    Exact::decimal(left).compare(&Exact::decimal(right)),
                    Some(left.cmp(&right)),
                    "{} against {}", left, right
                );
            }
        }
    }

    /// The text path alone for a formula result: the shortest round-trip decimal, rounded.
    fn formula_result_by_text(value: f64) -> Option<Exact> {
        let rounded =
            decimal_by_text(value)?.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        Some(Exact::decimal(rounded))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        #[test]
        fn formula_results_round_as_the_text_path_does(
            a in 1u32..400_000, b in 1u32..10_000, c in 0.5f64..2.0,
        ) {
            // Quotients as formulas make them (eGFR, clearances), and exact midpoints.
            for value in [f64::from(a) / f64::from(b) * c, f64::from(a) / 1000.0, f64::from(a) * 0.005] {
                let fast = Exact::formula_result(value).map(|e| e.to_string());
                let slow = formula_result_by_text(value).map(|e| e.to_string());
                proptest::prop_assert_eq!(fast, slow, "{:?}", value);
            }
        }
    }

    #[test]
    fn formula_results_at_midpoints_take_the_digits_typed() {
        // 1.005 is stored as 1.00499999999999989…; its digits, 1.005, round up.
        assert_eq!(Exact::formula_result(1.005).map(|e| e.to_string()).as_deref(), Some("1.01"));
        assert_eq!(Exact::formula_result(89.995).map(|e| e.to_string()).as_deref(), Some("90"));
        assert_eq!(Exact::formula_result(59.994).map(|e| e.to_string()).as_deref(), Some("59.99"));
        assert_eq!(hundredths_far_from_a_midpoint(1.005), None);
        assert_eq!(hundredths_far_from_a_midpoint(-2.347), Some(-235));
    }

    #[test]
    fn integer_cross_comparison_gives_way_on_overflow() {
        // Levelling the scales (10^28) overflows i128; decimal products still compare them.
        let huge = Exact::ratio(d("7922816251426433759354395033"), d("1")).unwrap();
        let tiny = Exact::ratio(d("0.0000000000000000000000000001"), d("2")).unwrap();
        assert_eq!(cross_compare_in_integers(&huge, &tiny), None);
        assert_eq!(huge.compare(&tiny), Some(Ordering::Greater));
        assert_eq!(tiny.compare(&huge), Some(Ordering::Less));
        // Found by the property test: levelling scales 11 and 10 against 0 overflows `i128`.
        let left = Exact::ratio(Decimal::new(183_991, 11), Decimal::new(285_041_602, 0)).unwrap();
        let right = Exact::ratio(Decimal::new(596_899_479, 0), Decimal::new(33_301, 10)).unwrap();
        assert_eq!(left.compare(&right), Some(Ordering::Less));
    }

    #[test]
    fn the_short_path_takes_the_values_forms_hold() {
        for (value, text) in
            [(11.4, "11.4"), (0.006, "0.006"), (-3.25, "-3.25"), (150.0, "150"), (0.1 + 0.2, "0.30000000000000004")]
        {
            assert_eq!(decimal_of(value).map(|d| d.to_string()).as_deref(), Some(text));
        }
        assert!(short_decimal_of(11.4).is_some() && short_decimal_of(1e300).is_none());
    }

    #[test]
    fn ratio_to_uln_is_exact() {
        // 11.4 / 7.6 in floating point is 1.5000000000000002.
        let ratio = Exact::ratio(d("11.4"), d("7.6")).unwrap();
        assert_eq!(ratio.holds(Cmp::Gt, &Exact::decimal(d("1.5"))), Some(false));
        assert_eq!(ratio.holds(Cmp::Le, &Exact::decimal(d("1.5"))), Some(true));
        assert_eq!(ratio.as_decimal(), Some(d("1.5")));
        let inr = Exact::ratio(d("2.1"), d("1.4")).unwrap();
        assert_eq!(inr.holds(Cmp::Le, &Exact::decimal(d("1.5"))), Some(true));
        let alt = Exact::ratio(d("11.4"), d("3.8")).unwrap();
        assert_eq!(alt.holds(Cmp::Le, &Exact::decimal(d("3"))), Some(true));
    }

    #[test]
    fn shown_never_prints_a_false_comparison() {
        let sixty = Exact::decimal(d("60"));
        let just_below = Exact::ratio(d("3.72359"), d("0.06206")).unwrap();
        let shown = just_below.shown(Cmp::Ge, sixty, 1);
        assert!(shown < d("60"), "{shown}");
        let hb = Exact::ratio(d("3.7"), d("0.06206")).unwrap();
        assert_eq!(hb.shown(Cmp::Ge, sixty, 1), d("59.6"));
        assert_eq!(hb.holds(Cmp::Ge, &sixty), Some(false));
        let exactly = Exact::ratio(d("3.7236"), d("0.06206")).unwrap();
        assert_eq!(exactly.as_decimal(), Some(d("60")));
    }

    #[test]
    fn products_that_would_round_are_refused() {
        let many = d("1.234567890123456789");
        assert_eq!(product(many, many), None);
        assert_eq!(product(d("11.4"), d("7.6")), Some(d("86.64")));
    }

    #[test]
    fn subtraction_is_exact() {
        let a = Exact::decimal(d("45.1"));
        let b = Exact::decimal(d("50.3"));
        assert_eq!(a.minus(b).and_then(Exact::as_decimal), Some(d("-5.2")));
    }
}
