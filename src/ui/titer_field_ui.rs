//! An antibody titer ("1:640" or "negative") with its test date.

use egui::{RichText, Ui};

use crate::input::date_text::date_text;
use crate::input::entry_text::{Composed, compose_titer};
use crate::input::titer_text::titer_text;
use crate::model::dictionary::ItemDef;
use crate::model::values::Value;
use crate::ui::field_draft::{Confirmation, ItemDraft, date_part_ui, text_part_ui};
use crate::ui::patient_form_ui::{ConfirmChoice, FormContext, draft_messages_ui, item_row_ui};

/// One titer item.
pub fn titer_field_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    let id = cx.draft_id(&item.id);
    let mut draft = ItemDraft::load(ui, id);
    let (committed_titer, committed_date) = match cx.value(&item.id) {
        Some(Value::Titer(titer)) => (titer_text(titer.dilution), cx.date(&item.id).map(date_text).unwrap_or_default()),
        _ => (String::new(), String::new()),
    };
    let (commit, choice) = item_row_ui(ui, item, !cx.read_only, |ui, label| {
        let commit = ui
            .horizontal_wrapped(|ui| {
                let hint = crate::i18n::text("field-titer-hint");
                let titer = text_part_ui(ui, &mut draft, id, "value", &committed_titer, &item.label, 92.0, &hint);
                let _named = titer.response.clone().labelled_by(label);
                cx.take_focus(&item.id, &titer.response);
                ui.label(RichText::new(crate::i18n::text("field-date")).weak());
                let name = crate::ui::answer_field_ui::date_part_name(&item.label);
                let date = date_part_ui(ui, &mut draft, id, &committed_date, &name, 92.0);
                titer.commit || date.commit
            })
            .inner;
        (commit, draft_messages_ui(ui, &draft, &crate::i18n::text("field-keep-date")))
    });
    if commit || choice == ConfirmChoice::Keep {
        let titer = draft.text("value", &committed_titer);
        let date = draft.text("date", &committed_date);
        match compose_titer(&titer, &date, cx.today, choice == ConfirmChoice::Keep) {
            Composed::Ready(value) => {
                if !cx.commit_dated(
                    &item.id,
                    value.map(|(titer, date)| (Value::Titer(titer), date)),
                    Some(titer.trim().to_owned()),
                ) {
                    draft = ItemDraft::default();
                }
            }
            Composed::Invalid(message) => draft.message = Some(message),
            Composed::Confirm { message, suggested_unit } => {
                draft.confirmation = Some(Confirmation { message, suggested_unit });
            }
        }
    }
    draft.store(ui, id);
}
