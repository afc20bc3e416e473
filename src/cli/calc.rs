//! `trialscreen calc`: every calculator from the command line. Inputs are `key=value` words; the
//! output is the value, its unit and the explanation, as text or as JSON
//! (`{"value":…,"unit":…,"explanation":[…], …}`).
//!
//! Text typed by a person becomes typed values here, once: a creatinine carries its unit
//! (`creatinine=0.6mg/dL`, `creatinine=53µmol/L`), a height `cm`, a weight `kg`. Numbers
//! are read by the form's parser (`input::number_text`), so a decimal comma or an exponent
//! gets the same advice here as in the window. What each calculator takes is listed in
//! `calculators::catalog`.

use crate::i18n::text_with;
use crate::model::words::capitalised;
use std::collections::BTreeMap;
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use crate::calculators::catalog::{
    AGE, ANALYTE, CREATININE, Calculator, DOSE, EQUIVALENT_DOSE, EXCLUDING, FORMULAS, FROM, Formula, HEIGHT, InputDoc,
    ONLY, SEX, TO, VALUE, WEIGHT, WEIGHT_BASIS, find, formula_inputs, instrument_name, instrument_options, names,
};
use crate::cli::{out, outln};
use crate::input::Parsed;
use crate::input::number_text::parse_number;

use crate::calculators::kidney::{self, BodyWeight, KidneyError, KidneyResult, WeightBasis};
use crate::calculators::steroids::{self, SteroidError};
use crate::calculators::{
    Answer, AnswerKind, Answers, AssessmentError, Classification, InstrumentId, InstrumentReport, ScoreOptions,
    sledai2k,
};
use crate::model::sex::Sex;
use crate::model::units::{self, Analyte, CREATININE_UMOL_PER_MG_DL, IncompatibleUnits, Unit};

/// Why a `calc` invocation failed. Every message names the calculator and the input.
#[derive(Debug, thiserror::Error)]
pub enum CalcCommandError {
    /// No calculator has this name.
    #[error("{}", crate::i18n::text_with("cli-calc-unknown-calculator", &[("name", name.to_string()), ("known", known.to_string())]))]
    UnknownCalculator {
        /// The name given.
        name: String,
        /// The names there are.
        known: String,
    },
    /// A word is not `key=value`.
    #[error("{}", crate::i18n::text_with("cli-calc-not-key-value", &[("calculator", calculator.to_string()), ("arg", arg.to_string()), ("form", "key=value".to_owned())]))]
    NotKeyValue {
        /// The calculator.
        calculator: &'static str,
        /// The word given.
        arg: String,
    },
    /// The same key is given twice.
    #[error("{}", crate::i18n::text_with("cli-calc-duplicate-input", &[("calculator", calculator.to_string()), ("key", key.to_string())]))]
    DuplicateInput {
        /// The calculator.
        calculator: &'static str,
        /// The key given twice.
        key: String,
    },
    /// The calculator takes no input of this name.
    #[error("{}", crate::i18n::text_with("cli-calc-unknown-input", &[("calculator", calculator.to_string()), ("key", key.to_string()), ("accepted", accepted.to_string())]))]
    UnknownInput {
        /// The calculator.
        calculator: &'static str,
        /// The key given.
        key: String,
        /// The keys it takes.
        accepted: String,
    },
    /// A required input is missing.
    #[error("{}", crate::i18n::text_with("cli-calc-missing-input", &[("calculator", calculator.to_string()), ("key", key.to_string()), ("expected", crate::cli::calc_words::help_of(key, expected))]))]
    MissingInput {
        /// The calculator.
        calculator: &'static str,
        /// The missing key.
        key: &'static str,
        /// What it should hold.
        expected: &'static str,
    },
    /// A number in an input is not a plain number; the advice is the form's.
    #[error("{}", crate::i18n::text_with("cli-calc-number", &[("calculator", calculator.to_string()), ("key", key.to_string()), ("value", value.to_string()), ("advice", advice.to_string())]))]
    Number {
        /// The calculator.
        calculator: &'static str,
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What to type instead ("use a decimal point: 12.5").
        advice: String,
    },
    /// An input's value cannot be read.
    #[error("{}", crate::i18n::text_with("cli-calc-malformed-input", &[("calculator", calculator.to_string()), ("key", key.to_string()), ("value", value.to_string()), ("expected", expected.to_string())]))]
    MalformedInput {
        /// The calculator.
        calculator: &'static str,
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What it should look like.
        expected: String,
    },
    /// The kidney-function equation refused its inputs.
    #[error("{calculator}: {source}")]
    Kidney {
        /// The calculator.
        calculator: &'static str,
        /// The equation's refusal.
        source: KidneyError,
    },
    /// The steroid conversion refused its inputs.
    #[error("{calculator}: {source}")]
    Steroid {
        /// The calculator.
        calculator: &'static str,
        /// The conversion's refusal.
        source: SteroidError,
    },
    /// The units do not convert into each other.
    #[error("{calculator}: {source}")]
    Units {
        /// The calculator.
        calculator: &'static str,
        /// The units that do not convert.
        source: IncompatibleUnits,
    },
    /// The instrument refused an answer.
    #[error(transparent)]
    Assessment(#[from] AssessmentError),
    /// The inputs make the result too large to represent.
    #[error("{}", crate::i18n::text_with("cli-calc-infinite", &[("calculator", calculator.to_string())]))]
    Infinite {
        /// The calculator.
        calculator: &'static str,
    },
}

/// Every calculator with its inputs, for `calc --list`.
pub fn list_text() -> String {
    let mut text = format!(
        "{}\n{}\n",
        text_with("cli-calc-list-usage", &[("usage", "calc <name> key=value … [--json]".to_owned())]),
        text_with("cli-calc-list-numbers", &[("examples", "0.6mg/dL, 53µmol/L, 158cm".to_owned())])
    );
    for (name, _, summary, inputs) in FORMULAS {
        text.push_str(&format!("\n{name}: {}\n", crate::cli::calc_words::summary(name, summary)));
        for input in inputs {
            push_input(&mut text, input);
        }
    }
    for instrument in InstrumentId::all() {
        let heading = text_with(
            "cli-calc-instrument-heading",
            &[
                ("name", instrument_name(*instrument)),
                ("label", crate::calculators::instrument_words::instrument_name(*instrument)),
                ("form", "key=answer".to_owned()),
            ],
        );
        text.push_str(&format!("\n{heading}\n"));
        for spec in instrument.items() {
            let answers = match spec.answer {
                AnswerKind::Presence => "present|absent".to_owned(),
                AnswerKind::Level { allowed } => allowed.iter().map(u8::to_string).collect::<Vec<_>>().join("|"),
                AnswerKind::Number { min, max, unit } => {
                    let unit = Unit::parse(unit).map_or(unit, Unit::shown);
                    format!("<number> ({unit}, {min}–{max})")
                }
            };
            let id = if spec.verified { "cli-calc-item" } else { "cli-calc-item-unverified" };
            let line = text_with(
                id,
                &[
                    ("key", spec.key.to_owned()),
                    ("answers", answers),
                    ("label", crate::calculators::instrument_words::item_label(*instrument, spec).to_owned()),
                    ("points", spec.points.to_string()),
                ],
            );
            text.push_str(&format!("{line}\n"));
        }
        for input in instrument_options(*instrument) {
            push_input(&mut text, input);
        }
    }
    text
}

fn push_input(text: &mut String, input: &InputDoc) {
    let id = if input.required { "cli-calc-input" } else { "cli-calc-input-optional" };
    let line = text_with(
        id,
        &[
            ("key", input.key.to_owned()),
            ("form", input.form.to_owned()),
            ("help", crate::cli::calc_words::input_help(input)),
        ],
    );
    text.push_str(&format!("{line}\n"));
}

/// Runs one clinical calculator: `calc egfr-ckd-epi-2021 creatinine=1.09mg/dL age=55 sex=male`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List every calculator and its inputs.
    #[arg(long, conflicts_with = "name")]
    pub list: bool,
    /// The calculator, as `calc --list` names it.
    #[arg(required_unless_present = "list")]
    pub name: Option<String>,
    /// Inputs as key=value.
    pub inputs: Vec<String>,
    /// Print JSON: {"value", "unit", "explanation", …}.
    #[arg(long)]
    pub json: bool,
}

/// Prints the list, or the calculator's result; calculators need no protocol library.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Args { list, name, inputs, json } = args;
    if list {
        out!("{}", list_text());
    } else {
        let name = name.as_deref().unwrap_or_default();
        outln!("{}", compute(name, &inputs, json)?);
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the calculator `name` on `args` (`key=value` words) and returns its output: text,
/// or one JSON object when `json` is set.
pub fn compute(name: &str, args: &[String], json: bool) -> Result<String, CalcCommandError> {
    let Some((calculator_name, calculator)) = find(name) else {
        return Err(CalcCommandError::UnknownCalculator { name: name.to_owned(), known: names().join(", ") });
    };
    let inputs = Inputs::parse(calculator_name, args)?;
    let output: Output = match calculator {
        Calculator::Formula(formula) => {
            inputs.accept_only(formula_inputs(formula).iter().map(|doc| doc.key))?;
            run_formula(formula, &inputs)?
        }
        Calculator::Instrument(instrument) => run_instrument(instrument, &inputs)?,
    };
    // A value that overflowed is refused, never printed as `inf` (JSON would print null).
    if output.value.is_some_and(|value| !value.is_finite()) {
        return Err(CalcCommandError::Infinite { calculator: calculator_name });
    }
    Ok(if json { output.json(name).to_string() } else { output.text() })
}

/// What a calculator produced, before it is printed.
struct Output {
    title: String,
    value: Option<f64>,
    /// The value as printed in text (rounded, or a range).
    shown: String,
    /// Printed after the unit: why the value is a range.
    qualifier: &'static str,
    unit_code: String,
    unit_symbol: String,
    explanation: Vec<String>,
    extra: Map<String, Value>,
}

impl Output {
    fn text(&self) -> String {
        let value = crate::model::number_format::number_then_unit(&self.shown, &self.unit_symbol);
        let mut text = format!("{}: {value}{}\n", self.title, self.qualifier);
        for line in &self.explanation {
            text.push_str(&format!("- {line}\n"));
        }
        text
    }

    fn json(&self, name: &str) -> Value {
        let mut object = Map::new();
        object.insert("calculator".to_owned(), json!(name));
        object.insert("value".to_owned(), json!(self.value));
        object.insert("unit".to_owned(), json!(self.unit_code));
        object.insert("explanation".to_owned(), json!(self.explanation));
        object.extend(self.extra.clone());
        Value::Object(object)
    }
}

/// The `key=value` words of one invocation.
struct Inputs {
    calculator: &'static str,
    values: BTreeMap<String, String>,
}

impl Inputs {
    fn parse(calculator: &'static str, args: &[String]) -> Result<Self, CalcCommandError> {
        let mut values = BTreeMap::new();
        for arg in args {
            let Some((key, value)) = arg.split_once('=').filter(|(key, _)| !key.trim().is_empty()) else {
                return Err(CalcCommandError::NotKeyValue { calculator, arg: arg.clone() });
            };
            let key = key.trim().to_owned();
            if values.insert(key.clone(), value.trim().to_owned()).is_some() {
                return Err(CalcCommandError::DuplicateInput { calculator, key });
            }
        }
        Ok(Self { calculator, values })
    }

    fn accept_only<'k>(&self, accepted: impl Iterator<Item = &'k str> + Clone) -> Result<(), CalcCommandError> {
        match self.values.keys().find(|key| !accepted.clone().any(|known| known == key.as_str())) {
            Some(key) => Err(CalcCommandError::UnknownInput {
                calculator: self.calculator,
                key: key.clone(),
                accepted: accepted.collect::<Vec<_>>().join(", "),
            }),
            None => Ok(()),
        }
    }

    fn get(&self, doc: &InputDoc) -> Option<&str> {
        self.values.get(doc.key).map(String::as_str)
    }

    fn require(&self, doc: &InputDoc) -> Result<&str, CalcCommandError> {
        self.get(doc).ok_or(CalcCommandError::MissingInput {
            calculator: self.calculator,
            key: doc.key,
            expected: doc.help,
        })
    }

    fn malformed(&self, key: &str, value: &str, expected: impl Into<String>) -> CalcCommandError {
        CalcCommandError::MalformedInput {
            calculator: self.calculator,
            key: key.to_owned(),
            value: value.to_owned(),
            expected: expected.into(),
        }
    }

    /// A number followed by one of `units` (or by nothing when `bare` is allowed).
    fn quantity(&self, doc: &InputDoc, units: &[Unit], bare: Option<Unit>) -> Result<(f64, Unit), CalcCommandError> {
        let text = self.require(doc)?;
        let expected = || format!("{} ({})", doc.form, crate::cli::calc_words::input_help(doc));
        let (number_text, unit_text) = split_quantity(text);
        let unit = match (unit_text.is_empty(), bare) {
            (true, Some(unit)) => unit,
            _ => Unit::parse(unit_text)
                .filter(|unit| units.contains(unit))
                .ok_or_else(|| self.malformed(doc.key, text, expected()))?,
        };
        Ok((self.number(doc.key, text, number_text)?, unit))
    }

    /// The number of an input, read as the form reads it; `value` is the whole input, for
    /// the message.
    fn number(&self, key: &str, value: &str, number_text: &str) -> Result<f64, CalcCommandError> {
        let number = match parse_number(number_text) {
            Parsed::Value(number) => return Ok(number),
            Parsed::Empty => crate::i18n::text("cli-calc-no-number"),
            Parsed::Invalid(advice) => advice,
        };
        Err(CalcCommandError::Number {
            calculator: self.calculator,
            key: key.to_owned(),
            value: value.to_owned(),
            advice: number,
        })
    }

    /// An input that is a number alone.
    fn bare_number(&self, key: &str, text: &str) -> Result<f64, CalcCommandError> {
        self.number(key, text, text)
    }

    fn creatinine_mg_dl(&self, explanation: &mut Vec<String>) -> Result<f64, CalcCommandError> {
        let (value, unit) = self.quantity(&CREATININE, &[Unit::MgPerDl, Unit::MicromolPerL], None)?;
        if unit == Unit::MgPerDl {
            return Ok(value);
        }
        let mg_dl = units::convert(value, unit, Unit::MgPerDl, Some(Analyte::Creatinine))
            .map_err(|source| CalcCommandError::Units { calculator: self.calculator, source })?;
        explanation.push(text_with(
            "cli-calc-creatinine-converted",
            &[
                ("value", value.to_string()),
                ("factor", CREATININE_UMOL_PER_MG_DL.to_string()),
                ("converted", format!("{mg_dl:.4}")),
                ("umol", "µmol/L".to_owned()),
                ("mgdl", "mg/dL".to_owned()),
            ],
        ));
        Ok(mg_dl)
    }

    fn age_years(&self) -> Result<f64, CalcCommandError> {
        Ok(self.quantity(&AGE, &[Unit::Years], Some(Unit::Years))?.0)
    }

    fn sex(&self) -> Result<Sex, CalcCommandError> {
        let text = self.require(&SEX)?;
        Sex::parse(text).ok_or_else(|| self.malformed(SEX.key, text, SEX.form))
    }

    fn height_cm(&self) -> Result<f64, CalcCommandError> {
        Ok(self.quantity(&HEIGHT, &[Unit::Cm], None)?.0)
    }

    fn weight(&self) -> Result<BodyWeight, CalcCommandError> {
        let kg = self.quantity(&WEIGHT, &[Unit::Kg], None)?.0;
        let basis = match self.get(&WEIGHT_BASIS) {
            None => WeightBasis::Actual,
            Some("actual") => WeightBasis::Actual,
            Some("ideal") => WeightBasis::Ideal,
            Some("adjusted") => WeightBasis::Adjusted,
            Some(other) => return Err(self.malformed(WEIGHT_BASIS.key, other, WEIGHT_BASIS.form)),
        };
        Ok(BodyWeight { kg, basis })
    }

    fn milligrams(&self, doc: &InputDoc) -> Result<f64, CalcCommandError> {
        let text = self.require(doc)?;
        match split_quantity(text) {
            (number, "" | "mg") => self.number(doc.key, text, number),
            _ => Err(self.malformed(
                doc.key,
                text,
                format!("{} ({})", doc.form, crate::cli::calc_words::input_help(doc)),
            )),
        }
    }

    fn key_list(&self, doc: &InputDoc) -> Vec<String> {
        self.get(doc)
            .map(|text| text.split(',').map(str::trim).filter(|key| !key.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default()
    }
}

/// Splits "0.6mg/dL" into "0.6" and "mg/dL": the characters a number is typed with
/// (digits, point, comma, sign), and the rest trimmed. The number is read afterwards by
/// the form's parser, which says what is wrong with it.
fn split_quantity(text: &str) -> (&str, &str) {
    let text = text.trim();
    let end = text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-'))).unwrap_or(text.len());
    let (number, unit) = text.split_at(end);
    (number, unit.trim())
}

fn run_formula(formula: Formula, inputs: &Inputs) -> Result<Output, CalcCommandError> {
    let calculator = inputs.calculator;
    let kidney_error = |source| CalcCommandError::Kidney { calculator, source };
    let mut conversions = Vec::new();
    let result = match formula {
        Formula::CkdEpi2021 => {
            let creatinine = inputs.creatinine_mg_dl(&mut conversions)?;
            kidney::ckd_epi_2021(creatinine, inputs.age_years()?, inputs.sex()?)
        }
        Formula::BedsideSchwartz => {
            let creatinine = inputs.creatinine_mg_dl(&mut conversions)?;
            kidney::bedside_schwartz(creatinine, inputs.height_cm()?)
        }
        Formula::CkidU25 => {
            let creatinine = inputs.creatinine_mg_dl(&mut conversions)?;
            kidney::ckid_u25(creatinine, inputs.height_cm()?, inputs.age_years()?, inputs.sex()?)
        }
        Formula::CockcroftGault => {
            let creatinine = inputs.creatinine_mg_dl(&mut conversions)?;
            kidney::cockcroft_gault(creatinine, inputs.age_years()?, inputs.sex()?, inputs.weight()?)
        }
        Formula::PrednisoneEquivalent => return prednisone_equivalent(inputs),
        Formula::Convert => return convert(inputs),
    };
    let KidneyResult { value, unit, method, explanation } = result.map_err(kidney_error)?;
    let mut extra = Map::new();
    extra.insert("method".to_owned(), json!(method.label()));
    Ok(Output {
        title: capitalised(method.label()),
        value: Some(value),
        shown: format!("{value:.1}"),
        qualifier: "",
        unit_code: unit.code().to_owned(),
        unit_symbol: unit.symbol().to_owned(),
        explanation: conversions.into_iter().chain(explanation).collect(),
        extra,
    })
}

fn prednisone_equivalent(inputs: &Inputs) -> Result<Output, CalcCommandError> {
    let dose = inputs.milligrams(&DOSE)?;
    let equivalent = inputs.milligrams(&EQUIVALENT_DOSE)?;
    let value = steroids::prednisone_equivalent_mg(dose, equivalent)
        .map_err(|source| CalcCommandError::Steroid { calculator: inputs.calculator, source })?;
    Ok(Output {
        title: crate::i18n::text("cli-calc-prednisone-title"),
        value: Some(value),
        shown: trimmed(value, 2),
        qualifier: "",
        unit_code: "mg".to_owned(),
        unit_symbol: "mg".to_owned(),
        explanation: vec![
            text_with("cli-calc-prednisone-rule", &[("mg", "mg".to_owned())]),
            text_with(
                "cli-calc-prednisone-sum",
                &[
                    ("dose", dose.to_string()),
                    ("equivalent", equivalent.to_string()),
                    ("value", trimmed(value, 4)),
                    ("mg", "mg".to_owned()),
                ],
            ),
        ],
        extra: Map::new(),
    })
}

fn convert(inputs: &Inputs) -> Result<Output, CalcCommandError> {
    let unit = |doc: &InputDoc| -> Result<Unit, CalcCommandError> {
        let text = inputs.require(doc)?;
        Unit::parse(text).ok_or_else(|| {
            let units = "mg/dL, umol/L, 10^9/L, /uL, g/L".to_owned();
            inputs.malformed(doc.key, text, text_with("cli-calc-a-unit", &[("units", units)]))
        })
    };
    let value_text = inputs.require(&VALUE)?;
    let (value, from) = match inputs.get(&FROM) {
        Some(_) => (inputs.bare_number(VALUE.key, value_text)?, unit(&FROM)?),
        None => {
            let (number_text, unit_text) = split_quantity(value_text);
            let from = Unit::parse(unit_text).ok_or_else(|| {
                inputs.malformed(VALUE.key, value_text, "a number followed by its unit, or give from=")
            })?;
            (inputs.number(VALUE.key, value_text, number_text)?, from)
        }
    };
    let to = unit(&TO)?;
    let analyte = match inputs.get(&ANALYTE) {
        None => None,
        Some(text) => Some(
            Analyte::find(&text.to_ascii_lowercase())
                .ok_or_else(|| inputs.malformed(ANALYTE.key, text, ANALYTE.form))?,
        ),
    };
    let converted = units::convert(value, from, to, analyte)
        .map_err(|source| CalcCommandError::Units { calculator: inputs.calculator, source })?;
    let analyte_note = match analyte {
        Some(analyte) if from.dimension() != to.dimension() => format!(" ({})", analyte_name(analyte)),
        _ => String::new(),
    };
    Ok(Output {
        title: crate::i18n::text("cli-calc-converted-title"),
        value: Some(converted),
        shown: trimmed(converted, 4),
        qualifier: "",
        unit_code: to.code().to_owned(),
        unit_symbol: to.symbol().to_owned(),
        explanation: vec![format!(
            "{} {} = {} {}{analyte_note}.",
            trimmed(value, 6),
            from.symbol(),
            trimmed(converted, 6),
            to.symbol()
        )],
        extra: Map::new(),
    })
}

fn analyte_name(analyte: Analyte) -> &'static str {
    analyte.id()
}

/// `value` with at most `decimals` decimals and no trailing zeros.
fn trimmed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text }
}

fn run_instrument(instrument: InstrumentId, inputs: &Inputs) -> Result<Output, CalcCommandError> {
    let options_docs = instrument_options(instrument);
    let accepted = instrument.items().iter().map(|spec| spec.key).chain(options_docs.iter().map(|doc| doc.key));
    inputs.accept_only(accepted)?;
    let mut answers = Answers::new();
    for spec in instrument.items() {
        let Some(text) = inputs.values.get(spec.key) else { continue };
        let answer = match spec.answer {
            AnswerKind::Presence => match text.to_ascii_lowercase().as_str() {
                "present" => Answer::Present,
                "absent" => Answer::Absent,
                _ => return Err(inputs.malformed(spec.key, text, "present or absent")),
            },
            AnswerKind::Level { allowed } => {
                let expected = allowed.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                Answer::Level(text.parse().map_err(|_| inputs.malformed(spec.key, text, format!("one of {expected}")))?)
            }
            AnswerKind::Number { .. } => Answer::Number(inputs.bare_number(spec.key, text)?),
        };
        answers.insert(spec.key.to_owned(), answer);
    }
    let options = score_options(instrument, inputs)?;
    let report = instrument.evaluate(&answers, &options)?;
    Ok(instrument_output(&report))
}

fn score_options(instrument: InstrumentId, inputs: &Inputs) -> Result<ScoreOptions, CalcCommandError> {
    let mut excluding = Vec::new();
    for key in inputs.key_list(&EXCLUDING) {
        match (instrument, key.as_str()) {
            (InstrumentId::Sledai2k, "serology") => {
                excluding.extend(sledai2k::SEROLOGY.iter().map(|k| (*k).to_owned()))
            }
            (InstrumentId::Sledai2k, "all_laboratory") => {
                excluding.extend(sledai2k::ALL_LABORATORY.iter().map(|k| (*k).to_owned()))
            }
            _ => excluding.push(key),
        }
    }
    let only = inputs.key_list(&ONLY);
    if only.is_empty() {
        return Ok(ScoreOptions { excluding });
    }
    if !excluding.is_empty() {
        let text = inputs.get(&ONLY).unwrap_or_default();
        return Err(inputs.malformed(ONLY.key, text, "either only= or excluding=, not both"));
    }
    if let Some(unknown) = only.iter().find(|key| instrument.item(key).is_none()) {
        return Err(AssessmentError::UnknownItem { instrument, key: unknown.clone() }.into());
    }
    let kept: Vec<&str> = only.iter().map(String::as_str).collect();
    Ok(ScoreOptions::restricted_to(instrument, &kept))
}

fn classification_code(classification: Classification) -> &'static str {
    match classification {
        Classification::Classified => "classified",
        Classification::NotClassified => "not_classified",
        Classification::EntryNotMet => "entry_not_met",
        Classification::Excluded => "excluded",
        Classification::Undetermined => "undetermined",
    }
}

/// An item's name as the reader's language has it.
fn contribution_label(report: &InstrumentReport, contribution: &crate::calculators::Contribution) -> &'static str {
    report
        .instrument
        .item(contribution.key)
        .map_or(contribution.label, |spec| crate::calculators::instrument_words::item_label(report.instrument, spec))
}

/// A classification decided, in the reader's language.
fn classification_words(classification: Classification) -> String {
    crate::i18n::text(match classification {
        Classification::Classified => "cli-calc-classified",
        Classification::NotClassified => "cli-calc-not-classified",
        Classification::EntryNotMet => "cli-calc-entry-not-met",
        Classification::Excluded => "cli-calc-excluded",
        Classification::Undetermined => "cli-calc-undetermined",
    })
}

fn instrument_output(report: &InstrumentReport) -> Output {
    let points = |value: f64| trimmed(value, 3);
    let (shown, qualifier) = match report.exact() {
        Some(value) => (points(value), ""),
        None => (format!("{}–{}", points(report.min), points(report.max)), crate::i18n::word("cli-calc-range-note")),
    };
    let mut explanation: Vec<String> = report
        .contributions
        .iter()
        .map(|contribution| {
            text_with(
                "cli-calc-contribution",
                &[
                    ("label", contribution_label(report, contribution).to_owned()),
                    ("points", points(contribution.points)),
                ],
            )
        })
        .collect();
    if let Some(classification) = report.classification {
        explanation
            .push(text_with("cli-calc-classification", &[("classification", classification_words(classification))]));
    }
    if let Some(category) = report.category {
        explanation.push(text_with(
            "cli-calc-category",
            &[("category", crate::calculators::instrument_words::category_name(category))],
        ));
    }
    if let Some(score) = report.published_score {
        explanation.push(text_with("cli-calc-published-score", &[("score", points(score))]));
    }
    if !report.unassessed.is_empty() {
        explanation.push(text_with("cli-calc-unassessed", &[("items", report.unassessed.join(", "))]));
    }
    explanation.extend(report.notes.iter().cloned());
    let mut extra = Map::new();
    extra.insert("min".to_owned(), json!(report.min));
    extra.insert("max".to_owned(), json!(report.max));
    extra.insert("classification".to_owned(), json!(report.classification.map(classification_code)));
    extra.insert("category".to_owned(), json!(report.category));
    extra.insert("published_score".to_owned(), json!(report.published_score));
    extra.insert("unassessed".to_owned(), json!(report.unassessed));
    let contributions: Vec<Value> =
        report.contributions.iter().map(|c| json!({"key": c.key, "label": c.label, "points": c.points})).collect();
    extra.insert("contributions".to_owned(), Value::Array(contributions));
    Output {
        title: crate::calculators::instrument_words::instrument_name(report.instrument),
        value: report.exact(),
        shown,
        qualifier,
        unit_code: Unit::Points.code().to_owned(),
        unit_symbol: Unit::Points.shown().to_owned(),
        explanation,
        extra,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|word| (*word).to_owned()).collect()
    }

    fn json_of(name: &str, words: &[&str]) -> Value {
        serde_json::from_str(&compute(name, &args(words), true).unwrap()).unwrap()
    }

    #[test]
    fn every_calculator_is_listed_with_its_inputs() {
        let list = list_text();
        for name in names() {
            assert!(list.contains(&format!("\n{name}: ")), "{name}");
        }
        for input in
            ["creatinine=<number><unit>", "age=<years>", "sex=male|female", "height=<number>cm", "weight=<number>kg"]
        {
            assert!(list.contains(input), "{input}");
        }
        assert!(list.contains("  cns=0|2|3  "));
        assert!(list.contains("  age_at_onset=<number> (years, 0–120)"));
        assert!(list.contains("unverified against the official form"));
    }

    #[test]
    fn vignette_kidney_values_through_text_arguments() {
        let cases: [(&str, &[&str], f64); 4] = [
            ("egfr-bedside-schwartz", &["creatinine=0.6mg/dL", "height=158cm"], 108.8),
            ("egfr-ckd-epi-2021", &["creatinine=0.6mg/dL", "age=32.45", "sex=male"], 131.2),
            ("crcl-cockcroft-gault", &["creatinine=2.0mg/dL", "age=45.42", "sex=male", "weight=80kg"], 52.5),
            ("egfr-ckid-u25", &["creatinine=0.6mg/dL", "height=158cm", "age=14", "sex=female"], 99.5),
        ];
        for (name, words, expected) in cases {
            let text = compute(name, &args(words), false).unwrap();
            assert!(text.lines().next().unwrap().contains(&format!("{expected:.1} mL/min")), "{text}");
            let value = json_of(name, words)["value"].as_f64().unwrap();
            assert!((value - expected).abs() < 0.05, "{name}: {value}");
        }
    }

    #[test]
    fn json_output_has_value_unit_and_explanation() {
        let output = json_of("crcl-cockcroft-gault", &["creatinine=2.0mg/dL", "age=45.42", "sex=male", "weight=80kg"]);
        assert_eq!(output["unit"], "mL/min");
        assert_eq!(output["method"], "Cockcroft–Gault");
        let explanation = output["explanation"].as_array().unwrap();
        assert!(explanation.iter().any(|line| line.as_str().unwrap().contains("actual body weight")));
        let ideal = json_of(
            "crcl-cockcroft-gault",
            &["creatinine=2.0mg/dL", "age=45.42", "sex=male", "weight=70kg", "weight_basis=ideal"],
        );
        assert!(ideal["explanation"].to_string().contains("ideal body weight"));
    }

    #[test]
    fn micromoles_with_micro_sign_greek_mu_or_u_give_the_same_value_and_say_so() {
        let value = |creatinine: &str| {
            json_of("egfr-ckd-epi-2021", &[creatinine, "age=65", "sex=female"])["value"].as_f64().unwrap()
        };
        let micro = value("creatinine=85\u{b5}mol/L");
        assert_eq!(micro, value("creatinine=85\u{3bc}mol/L"));
        assert_eq!(micro, value("creatinine=85umol/L"));
        assert_eq!(micro, value("creatinine=85 umol/L"));
        let text =
            compute("egfr-ckd-epi-2021", &args(&["creatinine=85umol/L", "age=65", "sex=female"]), false).unwrap();
        assert!(text.contains("÷ 88.4"), "{text}");
    }

    fn error(name: &str, words: &[&str]) -> CalcCommandError {
        compute(name, &args(words), false).unwrap_err()
    }

    #[test]
    fn missing_and_malformed_inputs_are_named() {
        let missing = error("egfr-ckd-epi-2021", &["age=40", "sex=male"]);
        assert!(matches!(missing, CalcCommandError::MissingInput { key: "creatinine", .. }));
        assert!(missing.to_string().contains("missing input \"creatinine\""), "{missing}");
        for (words, key) in [
            (&["creatinine=0.6", "age=40", "sex=male"][..], "creatinine"),
            (&["creatinine=0.6mmHg", "age=40", "sex=male"], "creatinine"),
            (&["creatinine=abc", "age=40", "sex=male"], "creatinine"),
            (&["creatinine=0.6mg/dL", "age=forty", "sex=male"], "age"),
            (&["creatinine=0.6mg/dL", "age=40", "sex=x"], "sex"),
        ] {
            let error = error("egfr-ckd-epi-2021", words);
            assert!(
                matches!(&error, CalcCommandError::MalformedInput { key: k, .. } if k == key),
                "{words:?}: {error}"
            );
            assert!(error.to_string().contains(&format!("\"{key}=")), "{error}");
        }
        let height = error("egfr-bedside-schwartz", &["creatinine=0.6mg/dL", "height=1.58m"]);
        assert!(height.to_string().contains("height"), "{height}");
        let weight = error("crcl-cockcroft-gault", &["creatinine=1mg/dL", "age=40", "sex=male", "weight=80"]);
        assert!(weight.to_string().contains("\"weight=80\""), "{weight}");
    }

    #[test]
    fn values_the_equation_refuses_are_named() {
        let zero = error("egfr-ckd-epi-2021", &["creatinine=0mg/dL", "age=40", "sex=male"]);
        assert!(zero.to_string().contains("creatinine must be a positive number"), "{zero}");
        let child = error("egfr-ckd-epi-2021", &["creatinine=0.6mg/dL", "age=14", "sex=male"]);
        assert!(child.to_string().contains("18 and over"), "{child}");
        let nan = error("egfr-ckd-epi-2021", &["creatinine=NaNmg/dL", "age=40", "sex=male"]);
        assert!(matches!(nan, CalcCommandError::MalformedInput { .. }), "{nan}");
    }

    #[test]
    fn unknown_duplicate_and_shapeless_arguments_are_refused() {
        let unknown = error("egfr-bedside-schwartz", &["creatinine=0.6mg/dL", "height=158cm", "age=10"]);
        assert!(unknown.to_string().contains("unknown input \"age\""), "{unknown}");
        let twice = error("egfr-bedside-schwartz", &["creatinine=0.6mg/dL", "creatinine=0.7mg/dL"]);
        assert!(matches!(twice, CalcCommandError::DuplicateInput { .. }));
        assert!(matches!(error("egfr-bedside-schwartz", &["creatinine"]), CalcCommandError::NotKeyValue { .. }));
        let calculator = error("egfr", &[]);
        assert!(calculator.to_string().contains("egfr-ckd-epi-2021"), "{calculator}");
    }

    #[test]
    fn conversions_and_steroids() {
        let creatinine = json_of("convert", &["value=270umol/L", "to=mg/dL", "analyte=creatinine"]);
        assert!((creatinine["value"].as_f64().unwrap() - 270.0 / 88.4).abs() < 1e-12);
        assert_eq!(creatinine["unit"], "mg/dL");
        let counts = json_of("convert", &["value=1.5", "from=10^9/L", "to=/uL"]);
        assert!((counts["value"].as_f64().unwrap() - 1500.0).abs() < 1e-9);
        assert!(matches!(error("convert", &["value=1", "from=mg/dL", "to=umol/L"]), CalcCommandError::Units { .. }));
        assert!(matches!(
            error("convert", &["value=1", "from=furlong", "to=umol/L"]),
            CalcCommandError::MalformedInput { .. }
        ));
        let text = compute("prednisone-equivalent", &args(&["dose=16mg", "equivalent_dose=4mg"]), false).unwrap();
        assert!(text.starts_with("Prednisone equivalent: 20 mg"), "{text}");
        let refused = error("prednisone-equivalent", &["dose=16mg", "equivalent_dose=0mg"]);
        assert!(refused.to_string().contains("equivalent dose"), "{refused}");
    }

    #[test]
    fn instruments_take_their_items_as_key_value() {
        let sledai =
            json_of("sledai2k", &["arthritis=present", "low_complement=present", "increased_dna_binding=present"]);
        assert_eq!((sledai["min"].as_f64(), sledai["max"].as_f64()), (Some(8.0), Some(105.0)));
        assert_eq!(sledai["value"], Value::Null);
        let clinical = json_of("sledai2k", &["arthritis=present", "low_complement=present", "excluding=serology"]);
        assert_eq!(clinical["min"].as_f64(), Some(4.0));

        let sle = json_of(
            "eular-acr-sle-2019",
            &["ana_entry=present", "acute_cutaneous_lupus=present", "anti_dsdna_or_anti_smith=present"],
        );
        assert_eq!(sle["classification"], "classified");

        let iim = compute("eular-acr-iim-2017", &args(&["age_at_onset=45", "gottron_papules=present"]), false).unwrap();
        assert!(iim.contains("Classification"), "{iim}");

        let essdai = json_of("essdai", &["articular=2", "biological=1", "only=articular,biological"]);
        assert_eq!(essdai["value"].as_f64(), Some(5.0));
        let cns = error("essdai", &["cns=1"]);
        assert!(cns.to_string().contains("\"cns\" does not take level 1"), "{cns}");

        let haq = json_of("haq-di", &["cut_meat=2"]);
        assert_eq!(haq["unit"], "points");
        assert!(matches!(error("mmt8", &["neck_flexors=11"]), CalcCommandError::Assessment(_)));
        assert!(matches!(error("mrss", &["face=severe"]), CalcCommandError::MalformedInput { .. }));
        assert!(matches!(error("sledai2k", &["rash=yes"]), CalcCommandError::MalformedInput { .. }));
        let unknown = error("sledai2k", &["rashes=present"]);
        assert!(unknown.to_string().contains("unknown input \"rashes\""), "{unknown}");
        assert!(matches!(error("mrss", &["excluding=face"]), CalcCommandError::UnknownInput { .. }));
    }

    /// Regression: inputs whose result overflows printed `inf mg` and exited 0.
    #[test]
    fn a_result_that_overflows_is_refused() {
        let dose = format!("dose=1{}mg", "0".repeat(300));
        let error = error("prednisone-equivalent", &[&dose, "equivalent_dose=0.0000000001mg"]);
        assert!(matches!(error, CalcCommandError::Infinite { .. }), "{error}");
        assert!(error.to_string().contains("too large to compute"), "{error}");
    }

    #[test]
    fn quantities_split_where_the_number_ends() {
        assert_eq!(split_quantity("0.6mg/dL"), ("0.6", "mg/dL"));
        assert_eq!(split_quantity(" 85 umol/L "), ("85", "umol/L"));
        assert_eq!(split_quantity("158"), ("158", ""));
        assert_eq!(split_quantity("mg/dL"), ("", "mg/dL"));
        assert_eq!(split_quantity("inf"), ("", "inf"));
    }

    /// Regression: calc read numbers its own way, so `1e3` was a thousand and a decimal
    /// comma got no advice; it now reads them as the form does.
    #[test]
    fn calc_numbers_get_the_forms_advice_and_no_exponents() {
        let comma = error("egfr-ckd-epi-2021", &["creatinine=0,6mg/dL", "age=40", "sex=male"]);
        assert!(comma.to_string().contains("use a decimal point: 0.6"), "{comma}");
        let exponent = error("egfr-ckd-epi-2021", &["creatinine=1e0mg/dL", "age=40", "sex=male"]);
        assert!(matches!(exponent, CalcCommandError::MalformedInput { .. }), "{exponent}");
        let age = error("egfr-ckd-epi-2021", &["creatinine=1mg/dL", "age=4e1", "sex=male"]);
        assert!(matches!(age, CalcCommandError::MalformedInput { .. }), "{age}");
        let dose = error("prednisone-equivalent", &["dose=1e3mg", "equivalent_dose=4mg"]);
        assert!(matches!(dose, CalcCommandError::MalformedInput { .. }), "{dose}");
        let onset = error("eular-acr-iim-2017", &["age_at_onset=4e1"]);
        assert!(onset.to_string().contains("not a number"), "{onset}");
        let converted = error("convert", &["value=1,5", "from=10^9/L", "to=/uL"]);
        assert!(converted.to_string().contains("use a decimal point: 1.5"), "{converted}");
    }
}
