//! Yes / no / unknown items and choice items. A click is a committed answer; "Clear"
//! removes it (not entered is different from "unknown", which is an answer).

use egui::Ui;

use crate::model::dictionary::{ChoiceOption, ItemDef};
use crate::model::values::{Value, YesNo};
use crate::ui::field_draft::ItemDraft;
use crate::ui::patient_form_ui::{FormContext, item_row_ui};
use crate::ui::pick_one_ui::pick_one_ui;

/// The options of a yes/no item, with their words.
const YES_NO: [(YesNo, &str); 3] = [(YesNo::Yes, "yes"), (YesNo::No, "no"), (YesNo::Unknown, "unknown")];

/// Choice items with at most this many options show them as radio buttons.
const MAX_RADIO_OPTIONS: usize = 3;

/// The accessible name of an option of an item: "Active bleeding: yes".
pub fn option_name(item_label: &str, option: &str) -> String {
    format!("{item_label}: {option}")
}

/// One yes / no / unknown item.
pub fn yes_no_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let current = match cx.value(&item.id) {
        Some(Value::YesNo(answer)) => Some(*answer),
        _ => None,
    };
    let picked = item_row_ui(ui, item, !cx.read_only, |ui, _| {
        ui.horizontal_wrapped(|ui| {
            let mut picked = None;
            for (index, (answer, word)) in YES_NO.into_iter().enumerate() {
                let response = ui
                    .radio(current == Some(answer), capitalised(word))
                    .accessible_name(option_name(&item.label, word));
                if index == 0 {
                    cx.take_focus(&item.id, &response);
                }
                if response.clicked() {
                    picked = Some(Some(answer));
                }
            }
            if current.is_some() && clear_button_ui(ui, &item.label) {
                picked = Some(None);
            }
            picked
        })
        .inner
    });
    if let Some(answer) = picked {
        commit_answer(ui, cx, item, answer.map(Value::YesNo));
    }
}

/// One choice item: radio buttons for a few options, a drop-down for more.
pub fn choice_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef, options: &[ChoiceOption]) {
    let current = match cx.value(&item.id) {
        Some(Value::Choice(option)) => Some(option.clone()),
        _ => None,
    };
    let picked = item_row_ui(ui, item, !cx.read_only, |ui, label_id| {
        ui.horizontal_wrapped(|ui| {
            let mut picked = None;
            if options.len() <= MAX_RADIO_OPTIONS {
                for (index, option) in options.iter().enumerate() {
                    let selected = current.as_deref() == Some(option.id.as_str());
                    let response = ui
                        .radio(selected, &option.label)
                        .accessible_name(option_name(&item.label, &option.label.to_lowercase()));
                    if index == 0 {
                        cx.take_focus(&item.id, &response);
                    }
                    if response.clicked() {
                        picked = Some(Some(option.id.clone()));
                    }
                }
            } else {
                let choices: Vec<Option<String>> = options.iter().map(|o| Some(o.id.clone())).collect();
                let label = |choice: &Option<String>| {
                    choice
                        .as_deref()
                        .and_then(|id| options.iter().find(|o| o.id == id))
                        .map_or("not entered", |o| o.label.as_str())
                        .to_owned()
                };
                let (response, chosen) =
                    pick_one_ui(ui, cx.draft_id(&item.id).with("choice"), &current, &choices, label, 220.0);
                let response = response.labelled_by(label_id);
                cx.take_focus(&item.id, &response);
                if chosen.is_some() {
                    picked = chosen;
                }
            }
            if current.is_some() && clear_button_ui(ui, &item.label) {
                picked = Some(None);
            }
            picked
        })
        .inner
    });
    if let Some(option) = picked {
        commit_answer(ui, cx, item, option.map(Value::Choice));
    }
}

/// Commits a clicked answer at once.
pub fn commit_answer(ui: &Ui, cx: &mut FormContext<'_>, item: &ItemDef, value: Option<Value>) {
    if !cx.commit(&item.id, value, None) {
        ItemDraft::clear(ui.ctx(), cx.draft_id(&item.id));
    }
}

/// A small "Clear" button removing an item's answer; true when clicked.
pub fn clear_button_ui(ui: &mut Ui, item_label: &str) -> bool {
    ui.small_button("Clear")
        .accessible_name(format!("Clear {item_label}"))
        .on_hover_text("Remove the answer (not entered)")
        .clicked()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
