//! Yes / no / unknown items and choice items. A click is a committed answer; "Clear"
//! removes it (not entered is different from "unknown", which is an answer). An item that
//! is a result (a pregnancy test, a serology, an ECG finding) has a date part beside its
//! answer, committed with it: a result counts only with the date of its sample.

use egui::{RichText, Ui};

use crate::input::date_text::date_text;
use crate::input::entry_text::{Composed, compose_dated_answer};
use crate::model::dictionary::{ChoiceOption, ItemDef};
use crate::model::values::{Value, YesNo};
use crate::ui::field_draft::ItemDraft;
use crate::ui::patient_form_ui::{FormContext, draft_messages_ui, item_row_ui};
use crate::ui::pick_one_ui::pick_one_ui;
use crate::ui::radio_group_ui::{GroupOption, radio_group_ui};

/// The options of a yes/no item, with the words their keys come from and their message ids.
const YES_NO: [(YesNo, &str, &str); 3] =
    [(YesNo::Yes, "yes", "option-yes"), (YesNo::No, "no", "option-no"), (YesNo::Unknown, "unknown", "option-unknown")];

/// Choice items with at most this many options show them as radio buttons.
const MAX_RADIO_OPTIONS: usize = 3;

/// The accessible name of an option of an item: "Active bleeding: yes".
pub fn option_name(item_label: &str, option: &str) -> String {
    crate::i18n::text_with("field-option-name", &[("item", item_label.to_owned()), ("option", option.to_owned())])
}

/// The accessible name of the date part of a result: "Blood pregnancy test date".
pub fn date_part_name(item_label: &str) -> String {
    crate::i18n::text_with("field-date-name", &[("item", item_label.to_owned())])
}

/// What an answer row did this frame.
#[derive(Default)]
struct AnswerInput {
    /// An answer clicked (`Some(None)`: Clear).
    picked: Option<Option<Value>>,
    /// The date part asks for a commit (Enter, or focus lost with typed text).
    date_commit: bool,
}

/// One yes / no / unknown item.
pub fn yes_no_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let current = match cx.value(&item.id) {
        Some(Value::YesNo(answer)) => Some(*answer),
        _ => None,
    };
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let input = item_row_ui(ui, item, !cx.read_only, |ui, _| {
        let input = ui
            .horizontal_wrapped(|ui| {
                let mut input = AnswerInput::default();
                let chosen = YES_NO.iter().position(|(answer, ..)| current == Some(*answer));
                let words = YES_NO.map(|(.., id)| crate::i18n::text(id));
                let options: Vec<GroupOption<'_>> = YES_NO
                    .iter()
                    .zip(&words)
                    .map(|((_, key, _), text)| GroupOption {
                        text,
                        name: option_name(&item.label, &text.to_lowercase()),
                        key,
                    })
                    .collect();
                let group = radio_group_ui(ui, id.with("answers"), &options, chosen, None, !cx.read_only);
                if let Some(stop) = &group.tab_stop
                    && !awaits_date(cx, item)
                {
                    cx.take_focus(&item.id, stop);
                }
                input.picked = group
                    .picked
                    .map(|index| index.and_then(|index| YES_NO.get(index)).map(|(answer, ..)| Value::YesNo(*answer)));
                if current.is_some() && clear_button_ui(ui, &item.label) {
                    input.picked = Some(None);
                }
                input.date_commit = date_part_ui(ui, cx, item, &mut draft);
                input
            })
            .inner;
        draft_messages_ui(ui, &draft, &crate::i18n::text("field-keep-date"));
        input
    });
    commit_answer(cx, item, input, &mut draft);
    draft.store(ui, id);
}

/// One choice item: radio buttons for a few options, a drop-down for more.
pub fn choice_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef, options: &[ChoiceOption]) {
    let current = match cx.value(&item.id) {
        Some(Value::Choice(option)) => Some(option.clone()),
        _ => None,
    };
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let input = item_row_ui(ui, item, !cx.read_only, |ui, label_id| {
        let input = ui
            .horizontal_wrapped(|ui| {
                let mut picked = None;
                if options.len() <= MAX_RADIO_OPTIONS {
                    let chosen = options.iter().position(|option| current.as_deref() == Some(option.id.as_str()));
                    let shown: Vec<GroupOption<'_>> = options
                        .iter()
                        .map(|option| GroupOption {
                            text: &option.label,
                            name: option_name(&item.label, &option.label.to_lowercase()),
                            key: &option.id,
                        })
                        .collect();
                    let group = radio_group_ui(ui, id.with("answers"), &shown, chosen, None, !cx.read_only);
                    if let Some(stop) = &group.tab_stop
                        && !awaits_date(cx, item)
                    {
                        cx.take_focus(&item.id, stop);
                    }
                    picked = group
                        .picked
                        .map(|index| index.and_then(|index| options.get(index)).map(|option| option.id.clone()));
                } else {
                    let choices: Vec<Option<String>> = options.iter().map(|o| Some(o.id.clone())).collect();
                    let label = |choice: &Option<String>| {
                        choice
                            .as_deref()
                            .and_then(|id| options.iter().find(|o| o.id == id))
                            .map_or_else(|| crate::i18n::text("answer-not-entered"), |o| o.label.clone())
                    };
                    let (response, chosen) = pick_one_ui(ui, id.with("choice"), &current, &choices, label, 220.0);
                    let response = response.labelled_by(label_id);
                    if !awaits_date(cx, item) {
                        cx.take_focus(&item.id, &response);
                    }
                    if chosen.is_some() {
                        picked = chosen;
                    }
                }
                if current.is_some() && clear_button_ui(ui, &item.label) {
                    picked = Some(None);
                }
                let date_commit = date_part_ui(ui, cx, item, &mut draft);
                AnswerInput { picked: picked.map(|option| option.map(Value::Choice)), date_commit }
            })
            .inner;
        draft_messages_ui(ui, &draft, &crate::i18n::text("field-keep-date"));
        input
    });
    commit_answer(cx, item, input, &mut draft);
    draft.store(ui, id);
}

/// A result answered without its date: what it needs is the date, so the still-needed list
/// leads to the date part.
fn awaits_date(cx: &FormContext<'_>, item: &ItemDef) -> bool {
    item.dated && cx.value(&item.id).is_some() && cx.date(&item.id).is_none()
}

/// The date part of an item that is a result; true when it asks for a commit. Nothing for
/// an item that is not a result.
fn date_part_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef, draft: &mut ItemDraft) -> bool {
    if !item.dated {
        return false;
    }
    ui.label(RichText::new(crate::i18n::text("field-date")).weak());
    let committed = cx.date(&item.id).map(date_text).unwrap_or_default();
    let name = date_part_name(&item.label);
    let part = crate::ui::field_draft::date_part_ui(ui, draft, cx.draft_id(&item.id), &committed, &name, 92.0);
    if awaits_date(cx, item) {
        cx.take_focus(&item.id, &part.response);
    }
    part.commit
}

/// Commits a clicked answer at once, with the date of a result (typed or committed); a
/// date typed alone, or after today, stays in the draft with its message.
fn commit_answer(cx: &mut FormContext<'_>, item: &ItemDef, input: AnswerInput, draft: &mut ItemDraft) {
    let AnswerInput { picked, date_commit } = input;
    if picked.is_none() && !date_commit {
        return;
    }
    // Clear removes the answer and its date together.
    let cleared = matches!(picked, Some(None));
    let answer = match picked {
        Some(answer) => answer,
        None => cx.value(&item.id).cloned(),
    };
    if !item.dated {
        if !cx.commit(&item.id, answer, None) {
            *draft = ItemDraft::default();
        }
        return;
    }
    let committed = cx.date(&item.id).map(date_text).unwrap_or_default();
    let date = if cleared { String::new() } else { draft.text("date", &committed) };
    match compose_dated_answer(answer, &date, cx.today) {
        Composed::Ready(value) => {
            if !cx.commit_dated(&item.id, value, None) {
                *draft = ItemDraft::default();
            }
        }
        Composed::Invalid(message) => draft.message = Some(message),
        Composed::Confirm { message, .. } => draft.message = Some(message),
    }
}

/// A small "Clear" button removing an item's answer; true when clicked.
pub fn clear_button_ui(ui: &mut Ui, item_label: &str) -> bool {
    // Not a Tab stop: Delete clears a focused answer (see `radio_group_ui`).
    ui.add(egui::Button::new(crate::i18n::text("field-clear")).small().sense(egui::Sense::CLICK))
        .accessible_name(crate::i18n::text_with("field-clear-name", &[("item", item_label.to_owned())]))
        .on_hover_text(crate::i18n::text("field-clear-hint"))
        .clicked()
}
