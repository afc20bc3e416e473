//! Every comparison an explanation prints is true as printed ("60 g/L < 60 g/L" and
//! "0.01 mL/min < 0.01 mL/min" were printed when numbers were rounded to two decimals).
//! Checked over generated patients for every criterion of every bundled protocol, on the
//! structured comparison the words are made from (value, relation, threshold as shown), so
//! the check does not depend on the wording or its translation.

use crate::common;

use proptest::prelude::*;
use rust_decimal::Decimal;
use trialscreen::engine::explain::{Part, parts};
use trialscreen::i18n::{Language, set_thread_language};
use trialscreen::library::Library;
use trialscreen::model::dictionary::ItemKind;
use trialscreen::model::exact::Exact;
use trialscreen::model::rule::{Operand, Rule};
use trialscreen::model::units::{self, Unit};
use trialscreen::model::values::{Measurement, Value};
use trialscreen::screening::Screening;
use trialscreen::session::model::{Entry, Session};

/// A numeric item and the units it may be entered in, with whether it has a ULN.
#[derive(Clone, Debug)]
struct NumberItem {
    id: String,
    units: Vec<Unit>,
    uln: bool,
    /// Values near the thresholds protocols compare it with, in each unit.
    near_thresholds: Vec<(Unit, Decimal)>,
}

fn walk<'a>(rule: &'a Rule, out: &mut Vec<&'a Rule>) {
    out.push(rule);
    match rule {
        Rule::All(parts) | Rule::Any(parts) | Rule::AtLeast(_, parts) | Rule::FirstKnown(parts) => {
            parts.iter().for_each(|p| walk(p, out));
        }
        Rule::Not(part) | Rule::JudgmentIf(part, _) => walk(part, out),
        _ => {}
    }
}

/// Decimals at and around an exact value: the value when it is a decimal, else its
/// roundings, and one unit of the last place either side.
fn around(value: Exact) -> Vec<Decimal> {
    let mut out = Vec::new();
    for places in 0..=4u32 {
        if let Some(rounded) = value.rounded(places) {
            let step = Decimal::new(1, places);
            out.extend([rounded, rounded + step, rounded - step]);
        }
    }
    out.extend(value.as_decimal());
    out.retain(|d| *d >= Decimal::ZERO);
    out
}

fn number_items(library: &Library) -> Vec<NumberItem> {
    let mut rules = Vec::new();
    for loaded in library.protocols() {
        for criterion in &loaded.compiled.protocol.criteria {
            walk(&criterion.rule, &mut rules);
            if let Some(discretion) = &criterion.discretion {
                walk(&discretion.conditions, &mut rules);
            }
        }
    }
    let mut items = Vec::new();
    for def in &library.knowledge.dictionary.items {
        let ItemKind::Number { units: allowed, uln, analyte, .. } = &def.kind else { continue };
        let units: Vec<Unit> = allowed.iter().map(|u| u.unit).collect();
        let mut near = Vec::new();
        for rule in &rules {
            let Rule::Compare(operand, _, threshold) = rule else { continue };
            let Some(threshold) = Exact::from_f64(*threshold) else { continue };
            match operand {
                Operand::Quantity { item, unit, .. } if item == &def.id => {
                    for &entered in &units {
                        if let Ok(converted) = units::convert_exact(threshold, *unit, entered, *analyte) {
                            near.extend(around(converted).into_iter().map(|d| (entered, d)));
                        }
                    }
                }
                _ => {}
            }
        }
        items.push(NumberItem { id: def.id.clone(), units, uln: *uln, near_thresholds: near });
    }
    items
}

/// One change to a base session: an item, a unit, a value and a ULN.
#[derive(Clone, Debug)]
struct Change {
    item: usize,
    unit: usize,
    value: Decimal,
    /// A ULN, and a multiple of it the value is set near (for ratios to ULN).
    uln: Option<(Decimal, Decimal)>,
    use_threshold: Option<usize>,
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (0i64..2_000_000, 0u32..5).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

fn change() -> impl Strategy<Value = Change> {
    let ulns = prop::sample::select(vec!["7.6", "3.8", "1.4", "40", "21", "1.1", "0.3", "200", "1.2", "17.1"]);
    let multiples = prop::sample::select(vec!["1", "1.5", "2", "3", "0.5"]);
    (0usize..1000, 0usize..8, decimal(), prop::option::of((ulns, multiples, -2i64..3)), prop::option::of(0usize..1000))
        .prop_map(|(item, unit, value, uln, use_threshold)| Change {
            item,
            unit,
            value,
            uln: uln.map(|(uln, k, nudge)| {
                let uln: Decimal = uln.parse().unwrap_or(Decimal::ONE);
                let k: Decimal = k.parse().unwrap_or(Decimal::ONE);
                (uln, k * uln + Decimal::new(nudge, 2))
            }),
            use_threshold,
        })
}

fn apply(session: &mut Session, items: &[NumberItem], change: &Change) {
    let Some(item) = items.get(change.item % items.len()) else { return };
    let mut unit = item.units.get(change.unit % item.units.len()).copied().unwrap_or(Unit::Count);
    let mut value = change.value;
    if let Some(index) = change.use_threshold
        && !item.near_thresholds.is_empty()
        && let Some((near_unit, near)) = item.near_thresholds.get(index % item.near_thresholds.len())
    {
        unit = *near_unit;
        value = *near;
    }
    let mut uln = None;
    if item.uln
        && let Some((limit, near)) = change.uln
    {
        uln = Some(limit);
        value = near.max(Decimal::ZERO);
    }
    let to_f64 = |d: Decimal| d.to_string().parse::<f64>().unwrap_or(0.0);
    let measurement = Measurement { value: to_f64(value), unit, uln: uln.map(to_f64) };
    session.values.insert(
        item.id.clone(),
        Entry::dated(Value::Number(measurement), chrono::NaiveDate::from_ymd_opt(2026, 10, 28)),
    );
}

fn check(library: &Library, session: &Session) -> Result<(), String> {
    let screening = Screening::evaluate(library, session, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"));
    for screened in &screening.protocols {
        let compiled = &screened.loaded.compiled;
        for (criterion, result) in compiled.protocol.criteria.iter().zip(&screened.result.criteria) {
            let facts = [screened.result.facts_of(result), screened.result.discretion_facts_of(result)];
            for facts in facts {
                for part in parts(compiled, facts, &screening.patient) {
                    // Every part reads in the thread's language (English or Chinese).
                    if part.to_string().is_empty() {
                        return Err(format!("{} {}: an empty part", compiled.protocol.id, criterion.id));
                    }
                    if let Part::Comparison(shown) = &part
                        && !shown.reads_true()
                    {
                        return Err(format!(
                            "{} {}: prints a false comparison: {shown}",
                            compiled.protocol.id, criterion.id
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn every_printed_comparison_is_true(
        base in 0usize..100,
        cohort in 0usize..10,
        changes in prop::collection::vec(change(), 1..8),
    ) {
        let library = Library::bundled().expect("bundled data");
        let items = number_items(&library);
        let (name, _) = trialscreen::library::BUNDLED_EXAMPLES[base % trialscreen::library::BUNDLED_EXAMPLES.len()];
        let mut session = common::example(name.trim_end_matches(".ron"));
        // Every cohort's criteria, not only the example's.
        for reference in &mut session.protocols {
            let cohorts = library.get(&reference.id, reference.version).map(|p| p.compiled.protocol.cohorts.clone());
            if let Some(cohorts) = cohorts.filter(|c| !c.is_empty()) {
                reference.cohort = cohorts.get(cohort % cohorts.len()).map(|c| c.id.clone());
            }
        }
        for change in &changes {
            apply(&mut session, &items, change);
        }
        // Half the cases explain in Chinese: the comparisons are the same structure.
        let language = if changes.len() % 2 == 0 { Language::ZhCn } else { Language::En };
        set_thread_language(language);
        let checked = check(&library, &session);
        set_thread_language(Language::En);
        if let Err(message) = checked {
            prop_assert!(false, "{}", message);
        }
    }
}

/// The cases the review found, named.
#[test]
fn explanations_of_the_reviewed_cases_read_true() {
    let library = Library::bundled().expect("bundled data");
    for (base, item, text) in [
        (
            "v10a-sle-cohort-sledai-10",
            "haemoglobin",
            "Number((value: 3.7, unit: \"mmol/L\", date: Some(\"2026-10-28\")))",
        ),
        (
            "v10a-sle-cohort-sledai-10",
            "haemoglobin",
            "Number((value: 59.999, unit: \"g/L\", date: Some(\"2026-10-28\")))",
        ),
        (
            "v10a-sle-cohort-sledai-10",
            "haemoglobin",
            "Number((value: 3.72359, unit: \"mmol/L\", date: Some(\"2026-10-28\")))",
        ),
        (
            "v10a-sle-cohort-sledai-10",
            "inr",
            "Number((value: 2.1, unit: \"ratio\", uln: Some(1.4), date: Some(\"2026-10-28\")))",
        ),
        (
            "v10a-sle-cohort-sledai-10",
            "alt",
            "Number((value: 11.4, unit: \"U/L\", uln: Some(3.8), date: Some(\"2026-10-28\")))",
        ),
        (
            "v14-dcssc-cohort-scoping",
            "fvc_percent_predicted",
            "Number((value: 45.049, unit: \"%\", date: Some(\"2026-10-28\")))",
        ),
        ("v01-eligible-adolescent", "platelets", "Number((value: 74999.9, unit: \"/uL\", date: Some(\"2026-10-28\")))"),
    ] {
        let mut session = common::example(base);
        common::edit(&mut session, &[(item, Some(text))]);
        for language in Language::ALL {
            set_thread_language(language);
            let checked = check(&library, &session);
            set_thread_language(Language::En);
            checked.unwrap_or_else(|message| panic!("{}: {message}", language.tag()));
        }
    }
}
