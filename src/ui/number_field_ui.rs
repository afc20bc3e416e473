//! A measured number: the value typed as the lab reports it, a unit picker where the item
//! takes several units, the lab's ULN and the sample date where the item asks for them. A
//! value implausible in its unit is held back with the likely unit slip named, until the
//! investigator picks the unit or keeps the value as typed.

use egui::{RichText, Ui};

use crate::input::date_text::date_text;
use crate::input::entry_text::{Composed, MeasurementTexts, compose_measurement, in_reference_unit, number_field_text};
use crate::model::dictionary::{ItemDef, UnitRange};
use crate::model::units::{Analyte, Unit};
use crate::model::values::{Measurement, Value};
use crate::ui::field_draft::{Confirmation, ItemDraft, date_part_ui, text_part_ui};
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, draft_messages_ui, item_row_ui};
use crate::ui::pick_one_ui::pick_one_ui;

/// One number item.
pub fn number_field_ui(
    ui: &mut Ui,
    cx: &mut FormContext<'_>,
    item: &ItemDef,
    units: &[UnitRange],
    analyte: Option<Analyte>,
    asks_uln: bool,
    dated: bool,
) {
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let committed = match cx.value(&item.id) {
        Some(Value::Number(measurement)) => Some(*measurement),
        _ => None,
    };
    let Some(default_unit) = units.first().map(|range| range.unit) else { return };
    let unit = draft.unit.or(committed.map(|m| m.unit)).unwrap_or(default_unit);
    let mut commit = false;
    let mut picked_unit = None;
    let choice = item_row_ui(ui, item, !cx.read_only, |ui, label| {
        ui.horizontal_wrapped(|ui| {
            let value_text = committed.map(|m| number_field_text(m.value)).unwrap_or_default();
            let value = text_part_ui(ui, &mut draft, id, "value", &value_text, &item.label, 64.0, "");
            let _named = value.response.clone().labelled_by(label);
            cx.take_focus(&item.id, &value.response);
            commit |= value.commit;
            if units.len() > 1 {
                let choices: Vec<Unit> = units.iter().map(|range| range.unit).collect();
                let (response, picked) =
                    pick_one_ui(ui, id.with("unit"), &unit, &choices, |u| u.shown().to_owned(), 70.0);
                let _named = response
                    .accessible_name(crate::i18n::text_with("field-unit-name", &[("item", item.label.clone())]));
                picked_unit = picked;
            } else if !unit.shown().is_empty() {
                ui.label(unit.shown());
            }
            if asks_uln {
                ui.label(RichText::new(crate::i18n::text("field-uln")).weak());
                let uln_text = committed.and_then(|m| m.uln).map(number_field_text).unwrap_or_default();
                let name = crate::i18n::text_with("field-uln-name", &[("item", item.label.clone())]);
                commit |= text_part_ui(ui, &mut draft, id, "uln", &uln_text, &name, 48.0, "").commit;
            }
            if dated {
                // No "date" word: a date reads as one, and the empty field's hint says so.
                let date = cx.date(&item.id).map(date_text).unwrap_or_default();
                let name = crate::ui::answer_field_ui::date_part_name(&item.label);
                commit |= date_part_ui(ui, &mut draft, id, &date, &name, 90.0).commit;
            }
            crate::ui::method_picker_ui::method_picker_ui(ui, cx, item);
        });
        if let Some(measurement) = committed.filter(|_| draft.texts.is_empty())
            && let Some(converted) = in_reference_unit(&measurement, units, analyte)
        {
            ui.label(RichText::new(converted).weak());
        }
        let keep = crate::i18n::text_with("field-keep-typed", &[("value", draft.text("value", ""))]);
        draft_messages_ui(ui, &draft, keep.trim())
    });
    let mut confirmed = false;
    match choice {
        ConfirmChoice::None => {}
        ConfirmChoice::UseUnit(suggested) => picked_unit = Some(suggested),
        ConfirmChoice::Keep => confirmed = true,
    }
    if let Some(chosen) = picked_unit {
        draft.unit = Some(chosen);
        // With a value entered, a new unit is a change to commit; without one it waits.
        commit |= committed.is_some() || draft.texts.contains_key("value");
    }
    if commit || confirmed {
        let unit = draft.unit.or(committed.map(|m| m.unit)).unwrap_or(default_unit);
        let asks = Asks { uln: asks_uln, date: dated };
        draft = commit_measurement(cx, item, units, asks, committed, draft, unit, confirmed);
    }
    draft.store(ui, id);
}

/// Which parts besides the value an item asks for.
#[derive(Clone, Copy)]
struct Asks {
    uln: bool,
    date: bool,
}

/// Composes the measurement from the draft and the committed parts, and commits it or
/// returns the draft with its message.
#[allow(clippy::too_many_arguments)]
fn commit_measurement(
    cx: &mut FormContext<'_>,
    item: &ItemDef,
    units: &[UnitRange],
    asks: Asks,
    committed: Option<Measurement>,
    mut draft: ItemDraft,
    unit: Unit,
    confirmed: bool,
) -> ItemDraft {
    let value = draft.text("value", &committed.map(|m| number_field_text(m.value)).unwrap_or_default());
    let uln = draft.text("uln", &committed.and_then(|m| m.uln).map(number_field_text).unwrap_or_default());
    let date = draft.text("date", &cx.date(&item.id).map(date_text).unwrap_or_default());
    let texts = MeasurementTexts {
        value: &value,
        unit,
        uln: asks.uln.then_some(uln.as_str()),
        date: asks.date.then_some(date.as_str()),
    };
    match compose_measurement(&item.label, units, texts, cx.today, confirmed) {
        Composed::Ready(measurement) => {
            let raw = measurement.map(|_| value.trim().to_owned());
            if !cx.commit_dated(&item.id, measurement.map(|(m, date)| (Value::Number(m), date)), raw) {
                draft = ItemDraft::default();
            }
        }
        Composed::Invalid(message) => {
            draft.message = Some(message);
            draft.confirmation = None;
        }
        Composed::Confirm { message, suggested_unit } => {
            // Keep the typed value visible while it waits for confirmation.
            draft.texts.entry("value".to_owned()).or_insert(value);
            draft.confirmation = Some(Confirmation { message, suggested_unit });
            draft.message = None;
        }
    }
    draft
}
