//! A date item, typed as YYYY-MM-DD. A date in the future, or a birth after the screening
//! date, is held back until confirmed.

use egui::Ui;

use crate::input::date_text::{DateRule, date_text};
use crate::input::entry_text::{Composed, compose_date};
use crate::model::dictionary::ItemDef;
use crate::model::values::Value;
use crate::ui::field_draft::{Confirmation, ItemDraft, text_part_ui};
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, draft_messages_ui, item_row_ui};

/// One date item.
pub fn date_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let committed = match cx.value(&item.id) {
        Some(Value::Date(date)) => date_text(*date),
        _ => String::new(),
    };
    let (commit, choice) = item_row_ui(ui, item, !cx.read_only, |ui, label| {
        let part =
            text_part_ui(ui, &mut draft, id, "value", &committed, &item.label, 92.0, &crate::i18n::text("hint-date"));
        let _named = part.response.clone().labelled_by(label);
        cx.take_focus(&item.id, &part.response);
        (part.commit, draft_messages_ui(ui, &draft, &crate::i18n::text("field-keep-date")))
    });
    if commit || choice == ConfirmChoice::Keep {
        let is_birth = cx
            .library
            .knowledge
            .date_of_birth
            .and_then(|idx| cx.library.knowledge.item(idx))
            .is_some_and(|b| b.id == item.id);
        let rule = if is_birth {
            DateRule::Birth { screening: cx.document.session().dates.screening }
        } else {
            DateRule::Past
        };
        let text = draft.text("value", &committed);
        match compose_date(&text, cx.today, rule, choice == ConfirmChoice::Keep) {
            Composed::Ready(date) => {
                if !cx.commit(&item.id, date.map(Value::Date), None) {
                    draft = ItemDraft::default();
                }
            }
            Composed::Invalid(message) => draft.message = Some(message),
            Composed::Confirm { message, suggested_unit } => {
                draft.texts.entry("value".to_owned()).or_insert(text);
                draft.confirmation = Some(Confirmation { message, suggested_unit });
            }
        }
    }
    draft.store(ui, id);
}
