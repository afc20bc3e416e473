//! Units, dimensions and analytes a site adds in `SITE/units.ron`, registered once when the
//! site folder is loaded and then found by [`Unit::parse`], [`Dimension::find`] and
//! [`Analyte::find`] like bundled ones.
//!
//! Why a process-wide table: a unit is named in every protocol, dictionary and session file,
//! which serde reads with no context to pass a table through; a registered unit's definition
//! lives for the rest of the process so a [`Unit`] stays a copyable handle. A site adds and
//! never redefines: a code, spelling, dimension or analyte the bundle has is refused, and a
//! second registration in one process (a test, a reloaded folder) must define each name
//! exactly as the first did.
//!
//! A site unit is a code, an optional symbol and spellings, a dimension (bundled or new) and
//! its size in a unit already known: `one_is: "1.73 mL/min/1.73m2"`. The first unit of a new
//! dimension has no `one_is`: it is that dimension's reference. An analyte's bridge is an
//! equivalence between units of two dimensions: `"1 mg/mg = 113.12 mg/mmol"`.

use std::str::FromStr;
use std::sync::{PoisonError, RwLock};

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::model::units::{Analyte, AnalyteDef, Bridge, Dimension, Unit, UnitDef, fold};
use crate::model::words::did_you_mean;

/// What `SITE/units.ron` declares.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteUnits {
    /// New dimensions.
    #[serde(default)]
    pub dimensions: Vec<NewDimension>,
    /// New units, of bundled or new dimensions.
    #[serde(default)]
    pub units: Vec<NewUnit>,
    /// New analytes with their bridges between dimensions.
    #[serde(default)]
    pub analytes: Vec<NewAnalyte>,
}

/// A dimension a site adds.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDimension {
    /// Its id: lower case letters, digits and `_`.
    pub id: String,
    /// What it measures, in words.
    pub words: String,
}

/// A unit a site adds.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUnit {
    /// The code files write (ASCII, no spaces).
    pub code: String,
    /// The typographic form; the code when absent.
    #[serde(default, deserialize_with = "present")]
    pub symbol: Option<String>,
    /// Other spellings a person may type.
    #[serde(default)]
    pub spellings: Vec<String>,
    /// The id of its dimension.
    pub dimension: String,
    /// Its size in a known unit of the same dimension, "FACTOR CODE"; absent for the
    /// reference unit of a new dimension.
    #[serde(default, deserialize_with = "present")]
    pub one_is: Option<String>,
}

/// An optional text written plainly (`one_is: "1.73 mL/min/1.73m2"`), absent when left out.
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    String::deserialize(deserializer).map(Some)
}

/// An analyte a site adds.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAnalyte {
    /// Its id.
    pub id: String,
    /// Equivalences between units of two dimensions, "1 mg/mg = 113.12 mg/mmol".
    pub equivalences: Vec<String>,
}

/// A name in a site's units file that cannot be added, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SiteUnitsError {
    /// The name at fault, as the file writes it (to place the message).
    pub name: String,
    /// What is wrong and what to do.
    pub message: String,
    /// The name is written earlier in the file too (a name defined twice): the fault is at
    /// its last place.
    pub repeated: bool,
}

/// Where the bundled units are, as messages name it.
fn bundled_units() -> String {
    crate::i18n::text_with("site-units-bundled-place", &[("command", "trialscreen vocabulary units".to_owned())])
}

/// What this process has registered.
struct Registered {
    dimensions: Vec<Dimension>,
    units: Vec<Unit>,
    analytes: Vec<Analyte>,
}

static REGISTERED: RwLock<Registered> =
    RwLock::new(Registered { dimensions: Vec::new(), units: Vec::new(), analytes: Vec::new() });

fn read<T>(f: impl FnOnce(&Registered) -> T) -> T {
    f(&REGISTERED.read().unwrap_or_else(PoisonError::into_inner))
}

/// The site dimension with this id.
pub(crate) fn dimension(id: &str) -> Option<Dimension> {
    read(|r| r.dimensions.iter().copied().find(|d| d.id() == id))
}

/// The site dimensions, in the order registered.
pub(crate) fn dimensions() -> Vec<Dimension> {
    read(|r| r.dimensions.clone())
}

/// The site units, in the order registered.
pub(crate) fn units() -> Vec<Unit> {
    read(|r| r.units.clone())
}

/// The site unit one of whose folded spellings this is.
pub(crate) fn unit_spelled(folded: &str) -> Option<Unit> {
    read(|r| r.units.iter().copied().find(|unit| unit.is_spelled(folded)))
}

/// The site analytes, in the order registered.
pub(crate) fn analytes() -> Vec<Analyte> {
    read(|r| r.analytes.clone())
}

/// The site analyte with this id.
pub(crate) fn analyte(id: &str) -> Option<Analyte> {
    read(|r| r.analytes.iter().copied().find(|a| a.id() == id))
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn refuse(name: &str, message: String) -> SiteUnitsError {
    SiteUnitsError { name: name.to_owned(), message, repeated: false }
}

fn refuse_repeated(name: &str, message: String) -> SiteUnitsError {
    SiteUnitsError { name: name.to_owned(), message, repeated: true }
}

/// The units known while a file is checked: bundled, registered earlier, and this file's
/// so far.
struct Known {
    dimensions: Vec<Dimension>,
    units: Vec<Unit>,
    new_dimensions: Vec<Dimension>,
    with_reference: Vec<Dimension>,
    /// Units registered by an earlier load in this process (a file loaded again defines
    /// them again).
    earlier: Vec<Unit>,
}

impl Known {
    fn unit(&self, code: &str) -> Result<Unit, SiteUnitsError> {
        let folded = fold(code);
        self.units.iter().copied().find(|u| u.is_spelled(&folded)).ok_or_else(|| {
            let hint = did_you_mean(code, self.units.iter().map(|u| u.code()));
            refuse(
                code,
                crate::i18n::text_with(
                    "site-units-unknown-unit",
                    &[("code", code.to_owned()), ("hint", hint), ("file", "units.ron".to_owned())],
                ),
            )
        })
    }
}

/// "FACTOR CODE": an exact positive decimal and a known unit.
fn quantity(text: &str, known: &Known) -> Result<(Decimal, Unit), SiteUnitsError> {
    let (number, code) = text.trim().split_once(char::is_whitespace).ok_or_else(|| {
        refuse(
            text,
            crate::i18n::text_with(
                "site-units-not-conversion",
                &[("text", text.to_owned()), ("example", "1.73 mL/min/1.73m2".to_owned())],
            ),
        )
    })?;
    let factor =
        Decimal::from_str(number.trim()).ok().filter(|f| f.is_sign_positive() && !f.is_zero()).ok_or_else(|| {
            refuse(
                text,
                crate::i18n::text_with(
                    "site-units-bad-number",
                    &[("text", text.to_owned()), ("number", number.to_owned())],
                ),
            )
        })?;
    Ok((factor, known.unit(code.trim())?))
}

/// Checks a site's units file against the bundled and already registered vocabulary and, if
/// every name is sound, registers it: all or nothing. Registering the same definitions
/// again is a no-op.
pub fn register(site: SiteUnits) -> Result<(), SiteUnitsError> {
    let mut registered = REGISTERED.write().unwrap_or_else(PoisonError::into_inner);
    let mut known = Known {
        dimensions: Dimension::BUNDLED.iter().copied().chain(registered.dimensions.iter().copied()).collect(),
        units: Unit::BUNDLED.iter().copied().chain(registered.units.iter().copied()).collect(),
        new_dimensions: Vec::new(),
        with_reference: Vec::new(),
        earlier: registered.units.clone(),
    };
    let (mut dimensions, mut units, mut analytes) = (Vec::new(), Vec::new(), Vec::new());
    for NewDimension { id, words } in &site.dimensions {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(refuse(id, crate::i18n::text_with("site-units-dimension-id", &[("id", id.clone())])));
        }
        if Dimension::BUNDLED.iter().any(|d| d.id() == id) {
            return Err(refuse(
                id,
                crate::i18n::text_with(
                    "site-units-dimension-bundled",
                    &[("id", id.clone()), ("place", bundled_units())],
                ),
            ));
        }
        if known.new_dimensions.iter().any(|d| d.id() == id) {
            return Err(refuse_repeated(
                id,
                crate::i18n::text_with("site-units-dimension-twice", &[("id", id.clone())]),
            ));
        }
        match registered.dimensions.iter().find(|d| d.id() == id) {
            Some(earlier) if earlier.words() == words => known.new_dimensions.push(*earlier),
            Some(_) => {
                return Err(refuse(id, crate::i18n::text_with("site-units-dimension-earlier", &[("id", id.clone())])));
            }
            None => {
                let dimension = Dimension::site(leak(id), leak(words));
                known.dimensions.push(dimension);
                known.new_dimensions.push(dimension);
                dimensions.push(dimension);
            }
        }
    }
    for new in &site.units {
        let unit = checked_unit(new, &known, registered.units.len() + units.len())?;
        if let Some(earlier) = registered.units.iter().find(|u| u.code() == unit.code) {
            let before = earlier.definition();
            let same = (before.symbol, before.spellings, before.dimension, before.to_reference)
                == (unit.symbol, unit.spellings, unit.dimension, unit.to_reference);
            if !same {
                return Err(refuse(
                    &new.code,
                    crate::i18n::text_with("site-units-unit-earlier", &[("code", new.code.clone())]),
                ));
            }
            if new.one_is.is_none() {
                known.with_reference.push(earlier.dimension());
            }
            continue;
        }
        if new.one_is.is_none() {
            known.with_reference.push(unit.dimension);
        }
        let unit = Unit::site(Box::leak(Box::new(unit)));
        known.units.push(unit);
        units.push(unit);
    }
    if let Some(bare) = known.new_dimensions.iter().find(|d| !known.with_reference.contains(d)) {
        return Err(refuse(
            bare.id(),
            crate::i18n::text_with(
                "site-units-dimension-no-unit",
                &[("id", bare.id().to_owned()), ("field", "one_is".to_owned())],
            ),
        ));
    }
    for NewAnalyte { id, equivalences } in &site.analytes {
        if Analyte::BUNDLED.iter().any(|a| a.id() == id) {
            return Err(refuse(id, crate::i18n::text_with("site-units-analyte-bundled", &[("id", id.clone())])));
        }
        let mut bridges = Vec::new();
        for equivalence in equivalences {
            bridges.push(bridge(equivalence, &known)?);
        }
        match registered.analytes.iter().find(|a| a.id() == id) {
            Some(earlier) if earlier.bridges() == bridges.as_slice() => {}
            Some(_) => {
                return Err(refuse(id, crate::i18n::text_with("site-units-analyte-earlier", &[("id", id.clone())])));
            }
            None => {
                analytes.push(Analyte::site(Box::leak(Box::new(AnalyteDef { id: leak(id), bridges: bridges.leak() }))))
            }
        }
    }
    registered.dimensions.extend(dimensions);
    registered.units.extend(units);
    registered.analytes.extend(analytes);
    Ok(())
}

/// A site unit's definition, checked: its spellings clash with no known unit, its dimension
/// is known, and its size is an exact factor in a unit of the same dimension.
fn checked_unit(new: &NewUnit, known: &Known, index: usize) -> Result<UnitDef, SiteUnitsError> {
    let code = new.code.trim();
    if code.is_empty() || !code.is_ascii() || code.contains(char::is_whitespace) {
        return Err(refuse(
            &new.code,
            crate::i18n::text_with(
                "site-units-code-ascii",
                &[("code", new.code.clone()), ("field", "symbol".to_owned())],
            ),
        ));
    }
    let symbol = new.symbol.as_deref().unwrap_or(code);
    let mut spellings: Vec<String> = Vec::new();
    for text in [code, symbol].into_iter().chain(new.spellings.iter().map(String::as_str)) {
        let folded = fold(text);
        if folded.is_empty() || spellings.contains(&folded) {
            continue;
        }
        let clash = known.units.iter().find(|u| u.is_spelled(&folded));
        if let Some(other) = clash.filter(|other| !(known.earlier.contains(other) && other.code() == code)) {
            let (place, refuse) = if other.is_bundled() {
                (bundled_units(), refuse as fn(&str, String) -> SiteUnitsError)
            } else {
                (crate::i18n::text("site-units-this-site"), refuse_repeated as fn(&str, String) -> SiteUnitsError)
            };
            return Err(refuse(
                text,
                crate::i18n::text_with(
                    "site-units-unit-defined",
                    &[("text", text.to_owned()), ("place", place), ("code", other.code().to_owned())],
                ),
            ));
        }
        spellings.push(folded);
    }
    let dimension = known.dimensions.iter().copied().find(|d| d.id() == new.dimension).ok_or_else(|| {
        let hint = did_you_mean(&new.dimension, known.dimensions.iter().map(|d| d.id()));
        refuse(
            &new.dimension,
            crate::i18n::text_with(
                "site-units-no-dimension",
                &[
                    ("code", code.to_owned()),
                    ("dimension", new.dimension.clone()),
                    ("hint", hint),
                    ("field", "dimensions".to_owned()),
                ],
            ),
        )
    })?;
    let to_reference = match &new.one_is {
        Some(text) => {
            let (factor, unit) = quantity(text, known)?;
            if unit.dimension() != dimension {
                return Err(refuse(
                    text,
                    crate::i18n::text_with(
                        "site-units-other-dimension",
                        &[
                            ("code", code.to_owned()),
                            ("dimension", dimension.words().to_owned()),
                            ("other", unit.code().to_owned()),
                            ("other_dimension", unit.dimension().words().to_owned()),
                            ("field", "one_is".to_owned()),
                        ],
                    ),
                ));
            }
            factor.checked_mul(unit.to_reference()).ok_or_else(|| {
                refuse(text, crate::i18n::text_with("site-units-out-of-range", &[("text", text.to_owned())]))
            })?
        }
        None if !known.new_dimensions.contains(&dimension) => {
            return Err(refuse(
                code,
                crate::i18n::text_with(
                    "site-units-needs-size",
                    &[
                        ("code", code.to_owned()),
                        ("dimension", dimension.words().to_owned()),
                        ("example", "one_is: \"FACTOR UNIT\"".to_owned()),
                    ],
                ),
            ));
        }
        None if known.with_reference.contains(&dimension) => {
            return Err(refuse(
                code,
                crate::i18n::text_with(
                    "site-units-second-reference",
                    &[
                        ("code", code.to_owned()),
                        ("dimension", dimension.id().to_owned()),
                        ("example", "one_is: \"FACTOR UNIT\"".to_owned()),
                    ],
                ),
            ));
        }
        None => Decimal::ONE,
    };
    let ordinal = u32::try_from(Unit::BUNDLED.len() + index).unwrap_or(u32::MAX);
    Ok(UnitDef {
        code: leak(code),
        symbol: leak(symbol),
        spellings: spellings.into_iter().map(|s| leak(&s)).collect::<Vec<_>>().leak(),
        dimension,
        to_reference,
        ordinal,
    })
}

/// "A U1 = B U2": one reference unit of U1's dimension is `B·ref(U2) / (A·ref(U1))`
/// reference units of U2's.
fn bridge(equivalence: &str, known: &Known) -> Result<Bridge, SiteUnitsError> {
    let (left, right) = equivalence.split_once('=').ok_or_else(|| {
        refuse(
            equivalence,
            crate::i18n::text_with(
                "site-units-not-equivalence",
                &[("text", equivalence.to_owned()), ("example", "1 mg/mg = 113.12 mg/mmol".to_owned())],
            ),
        )
    })?;
    let (a, from) = quantity(left, known)?;
    let (b, to) = quantity(right, known)?;
    if from.dimension() == to.dimension() {
        return Err(refuse(
            equivalence,
            crate::i18n::text_with(
                "site-units-same-dimension",
                &[("text", equivalence.to_owned()), ("dimension", from.dimension().words().to_owned())],
            ),
        ));
    }
    let factor = b
        .checked_mul(to.to_reference())
        .zip(a.checked_mul(from.to_reference()))
        .and_then(|(b, a)| b.checked_div(a))
        .ok_or_else(|| {
            refuse(equivalence, crate::i18n::text_with("site-units-out-of-range", &[("text", equivalence.to_owned())]))
        })?;
    Ok(Bridge { from: from.dimension(), to: to.dimension(), factor })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exact::Exact;
    use crate::model::units::convert_exact;

    fn parse(text: &str) -> SiteUnits {
        ron::from_str(text).expect("units file")
    }

    fn refused(text: &str) -> SiteUnitsError {
        register(parse(text)).expect_err("refused")
    }

    // Codes here are this test module's own: registration lasts for the test process.
    #[test]
    fn site_units_of_new_and_bundled_dimensions_convert_exactly() {
        register(parse(
            r#"(
                dimensions: [(id: "lib_test_pressure", words: "pressure"), (id: "lib_test_mass_ratio", words: "mass ratio"), (id: "lib_test_mass_per_amount", words: "mass per amount")],
                units: [
                    (code: "lib_mmHg", dimension: "lib_test_pressure"),
                    (code: "lib_kPa", dimension: "lib_test_pressure", one_is: "7.5 lib_mmHg"),
                    (code: "lib_mg/mg", dimension: "lib_test_mass_ratio"),
                    (code: "lib_mg/g", dimension: "lib_test_mass_ratio", one_is: "0.001 lib_mg/mg"),
                    (code: "lib_mg/mmol", dimension: "lib_test_mass_per_amount"),
                    (code: "lib_mL/min/m2", symbol: "lib mL/min/m²", dimension: "flow_per_area", one_is: "1.73 mL/min/1.73m2"),
                ],
                analytes: [(id: "lib_upcr", equivalences: ["1 lib_mg/mg = 113.12 lib_mg/mmol"])],
            )"#,
        ))
        .expect("registered");
        let unit = |code: &str| Unit::parse(code).expect(code);
        let exact = |text: &str| Exact::decimal(Decimal::from_str(text).expect("decimal"));
        let kpa = convert_exact(exact("2"), unit("lib_kPa"), unit("lib_mmHg"), None).expect("same dimension");
        assert_eq!(kpa.as_decimal(), Some(Decimal::from(15)));
        let gfr = convert_exact(exact("50"), unit("lib_mL/min/m2"), Unit::MlPerMinPer173, None).expect("flow per area");
        assert_eq!(gfr.as_decimal(), Decimal::from_str("86.5").ok());
        assert_eq!(Unit::parse("LIB ML/MIN/M²"), Some(unit("lib_mL/min/m2")), "the symbol folds");
        // 56.56 mg/mmol of creatinine is exactly 0.5 mg/mg: the bridge is exact.
        let upcr = Analyte::find("lib_upcr");
        assert!(upcr.is_some());
        let ratio = convert_exact(exact("56.56"), unit("lib_mg/mmol"), unit("lib_mg/mg"), upcr).expect("bridged");
        assert_eq!(ratio.compare(&exact("0.5")), Some(std::cmp::Ordering::Equal));
        let per_gram = convert_exact(exact("0.5"), unit("lib_mg/mg"), unit("lib_mg/g"), None).expect("mass ratio");
        assert_eq!(per_gram.as_decimal(), Some(Decimal::from(500)));
        assert!(
            convert_exact(exact("1"), unit("lib_mg/mmol"), unit("lib_mg/mg"), None).is_err(),
            "no analyte, no bridge"
        );
        assert!(convert_exact(exact("1"), unit("lib_mmHg"), Unit::GPerL, upcr).is_err());
        // The same file again is a no-op; listings hold each unit once.
        register(parse(r#"(dimensions: [(id: "lib_test_pressure", words: "pressure")], units: [(code: "lib_mmHg", dimension: "lib_test_pressure")])"#))
            .expect("the same definitions again");
        assert_eq!(Unit::all().iter().filter(|u| u.code() == "lib_mmHg").count(), 1);
        let redefined =
            refused(r#"(units: [(code: "lib_kPa", dimension: "lib_test_pressure", one_is: "7.6 lib_mmHg")])"#);
        assert!(redefined.message.contains("defined differently"), "{redefined}");
    }

    #[test]
    fn a_site_units_file_that_redefines_or_misnames_is_refused_with_the_name_at_fault() {
        let cases = [
            (
                r#"(units: [(code: "mg/L", dimension: "mass_concentration", one_is: "1 g/L")])"#,
                "mg/L",
                "already defined in the bundled units",
            ),
            (
                r#"(units: [(code: "lib_x", symbol: "µmol/L", dimension: "molar_concentration", one_is: "1 umol/L")])"#,
                "µmol/L",
                "as \"umol/L\"",
            ),
            (r#"(dimensions: [(id: "length", words: "length")])"#, "length", "already defined in the bundled units"),
            (
                r#"(units: [(code: "lib_y", dimension: "mass_concentraton", one_is: "1 g/L")])"#,
                "mass_concentraton",
                "did you mean \"mass_concentration\"?",
            ),
            (
                r#"(units: [(code: "lib_z", dimension: "mass_concentration", one_is: "abc g/L")])"#,
                "abc g/L",
                "bad conversion",
            ),
            (
                r#"(units: [(code: "lib_z", dimension: "mass_concentration", one_is: "-2 g/L")])"#,
                "-2 g/L",
                "not an exact positive decimal",
            ),
            (
                r#"(units: [(code: "lib_z", dimension: "mass_concentration", one_is: "2 umol/L")])"#,
                "2 umol/L",
                "is a mass concentration, but \"umol/L\" is a molar concentration",
            ),
            (
                r#"(units: [(code: "lib_z", dimension: "mass_concentration", one_is: "2 g/LL")])"#,
                "g/LL",
                "did you mean \"g/L\"?",
            ),
            (r#"(units: [(code: "lib_z", dimension: "mass_concentration")])"#, "lib_z", "has its reference unit"),
            (r#"(dimensions: [(id: "lib_bare", words: "bare")])"#, "lib_bare", "has no unit"),
            (r#"(units: [(code: "lib two", dimension: "length", one_is: "2 mm")])"#, "lib two", "ASCII with no spaces"),
            (
                r#"(analytes: [(id: "creatinine", equivalences: [])])"#,
                "creatinine",
                "already defined in the bundled analytes",
            ),
            (
                r#"(analytes: [(id: "lib_a", equivalences: ["1 g/L = 1000 mg/L"])])"#,
                "1 g/L = 1000 mg/L",
                "convert without an analyte",
            ),
        ];
        for (file, name, message) in cases {
            let error = refused(file);
            assert_eq!(error.name, name, "{file}: {error}");
            assert!(error.message.contains(message), "{file}: {error}");
        }
        assert!(Unit::parse("lib_z").is_none(), "a refused file registers nothing");
    }

    #[test]
    fn a_refusal_is_worded_in_the_readers_language() {
        let file = r#"(dimensions: [(id: "Lib Bad", words: "x")])"#;
        crate::i18n::set_thread_language(crate::i18n::Language::ZhCn);
        let chinese = refused(file).message;
        crate::i18n::set_thread_language(crate::i18n::Language::En);
        assert_eq!(chinese, "量纲“Lib Bad”：编号只能由小写字母、数字和_组成");
        assert_eq!(refused(file).message, "dimension \"Lib Bad\": an id is lower case letters, digits and _");
    }
}
