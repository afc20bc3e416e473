//! The patient's data, generated from the data dictionary: only the items the selected
//! protocols read, by section in dictionary order, one widget per item kind. Widgets read
//! the committed values and push edits; typing lives in each item's draft until committed.

use chrono::NaiveDate;
use egui::{Align, Layout, Response, RichText, Ui};

use crate::ui::form_section_ui::form_section_ui;

use crate::app::workspace::Document;
use crate::library::Library;
use crate::model::dictionary::{ItemDef, ItemKind};
use crate::model::values::Value;
use crate::session::audit::Edit;
use crate::session::model::Entry;
use crate::ui::command::Command;
use crate::ui::field_draft::{ItemDraft, draft_id};
use crate::ui::{
    answer_field_ui, date_field_ui, event_field_ui, instrument_checklist_ui, number_field_ui, theme, titer_field_ui,
    treatment_table_ui, visit_section_ui,
};

/// What every form widget reads and where it sends edits.
pub struct FormContext<'a> {
    /// The library: the dictionary items and catalogue agents the widgets offer.
    pub library: &'a Library,
    /// The open document, whose committed values the widgets show.
    pub document: &'a Document,
    /// Today's date, against which typed dates are checked (a past event cannot follow it).
    pub today: NaiveDate,
    /// Where the widgets send their edits.
    pub commands: &'a mut Vec<Command>,
    /// The item whose field should take the keyboard focus this frame.
    pub focus: &'a mut Option<String>,
    /// The session is signed: every field is shown disabled.
    pub read_only: bool,
}

impl<'a> FormContext<'a> {
    /// The committed value of an item (borrowed from the document, not from the context,
    /// so widgets can read it while they push edits).
    pub fn value(&self, item: &str) -> Option<&'a Value> {
        self.document.session().values.get(item).map(|entry| &entry.value)
    }

    /// The memory id of an item's draft.
    pub fn draft_id(&self, item: &str) -> egui::Id {
        draft_id(self.document.generation(), item)
    }

    /// The date of an item's committed result.
    pub fn date(&self, item: &str) -> Option<chrono::NaiveDate> {
        self.document.session().values.get(item).and_then(|entry| entry.date)
    }

    /// Commits a new value of an item (or clears it with `None`), keeping the date its result
    /// has. Returns false, queuing nothing, when it equals the committed value: the caller
    /// then drops its draft. When queued, the draft is dropped once the edit is applied, or
    /// shows why it was refused.
    #[must_use]
    pub fn commit(&mut self, item: &str, value: Option<Value>, raw: Option<String>) -> bool {
        let date = self.date(item);
        self.commit_dated(item, value.map(|value| (value, date)), raw)
    }

    /// Commits a new value with the date of its result (or clears it with `None`).
    #[must_use]
    pub fn commit_dated(
        &mut self,
        item: &str,
        value: Option<(Value, Option<chrono::NaiveDate>)>,
        raw: Option<String>,
    ) -> bool {
        let committed = self.document.session().values.get(item);
        let unchanged = match (&value, committed) {
            (None, None) => true,
            (Some((value, date)), Some(entry)) => &entry.value == value && &entry.date == date,
            _ => false,
        };
        if unchanged {
            return false;
        }
        let id = self.draft_id(item);
        // The method the result was obtained by stays with it through a corrected value.
        let method = committed.and_then(|entry| entry.method.clone());
        let entry = value.map(|(value, date)| Entry { value, date, raw, method });
        self.commands.push(Command::Edit { edit: Edit::SetValue { item: item.to_owned(), entry }, draft: Some(id) });
        true
    }

    /// Records the method a committed result was obtained by (`None`: not recorded); an
    /// audited change of the entry. Nothing when no value is entered.
    pub fn commit_method(&mut self, item: &str, method: Option<String>) {
        let Some(entry) = self.document.session().values.get(item) else { return };
        if entry.method == method {
            return;
        }
        let entry = Entry { method, ..entry.clone() };
        let id = self.draft_id(item);
        self.commands.push(Command::Edit {
            edit: Edit::SetValue { item: item.to_owned(), entry: Some(entry) },
            draft: Some(id),
        });
    }

    /// Moves the focus to `response` when the still-needed list asked for this item.
    pub fn take_focus(&mut self, item: &str, response: &Response) {
        if self.focus.as_deref() == Some(item) {
            response.request_focus();
            response.scroll_to_me(Some(Align::Center));
            *self.focus = None;
        }
    }
}

/// The whole form. Read-only (every field disabled, sections still open and close) once
/// the session is signed.
pub fn patient_form_ui(ui: &mut Ui, cx: &mut FormContext<'_>) {
    {
        visit_section_ui::visit_section_ui(ui, cx);
        let sections = cx.document.form();
        for section in sections {
            // A focus target is an item id, or a control of the item ("treatment_history/attest").
            let wants_focus = cx.focus.as_ref().is_some_and(|focus| {
                let item = focus.split('/').next().unwrap_or_default();
                section.items.iter().any(|idx| cx.library.knowledge.item(*idx).is_some_and(|i| i.id == item))
            });
            let heading = cx.library.knowledge.section_label(&section.id, &section.label).to_owned();
            form_section_ui(ui, ("form section", &section.id), &heading, wants_focus, |ui| {
                for idx in &section.items {
                    // In the chosen language: label, help and options.
                    if let Some(item) = cx.library.knowledge.shown_item(*idx) {
                        item_ui(ui, cx, &item);
                    }
                }
            });
        }
    }
}

/// One item, by kind.
fn item_ui(ui: &mut Ui, cx: &mut FormContext<'_>, item: &ItemDef) {
    match &item.kind {
        ItemKind::Number { units, analyte, uln } => {
            number_field_ui::number_field_ui(ui, cx, item, units, *analyte, *uln, item.dated);
        }
        ItemKind::Date => date_field_ui::date_field_ui(ui, cx, item),
        ItemKind::YesNo => answer_field_ui::yes_no_field_ui(ui, cx, item),
        ItemKind::Choice(options) => answer_field_ui::choice_field_ui(ui, cx, item, options),
        ItemKind::Titer => titer_field_ui::titer_field_ui(ui, cx, item),
        ItemKind::Event => event_field_ui::event_field_ui(ui, cx, item),
        ItemKind::Instrument(instrument) => instrument_checklist_ui::instrument_checklist_ui(ui, cx, item, *instrument),
        ItemKind::Treatments => treatment_table_ui::treatment_table_ui(ui, cx, item),
        ItemKind::Text => {
            item_row_ui(ui, item, !cx.read_only, |ui, _| {
                let text = match cx.value(&item.id) {
                    Some(Value::Text(text)) => text.clone(),
                    _ => String::new(),
                };
                ui.label(text);
            });
        }
    }
}

/// The width of the label column.
fn label_width(ui: &Ui) -> f32 {
    (ui.available_width() * 0.34).clamp(120.0, 230.0)
}

/// An item's row: its label (wrapped, help below it) on the left, its fields on the right,
/// disabled unless `enabled`. The fields get the label's id, so the main field is labelled
/// by it (`Response::labelled_by`): a screen reader, and a test, find the field by the
/// label the investigator reads.
pub fn item_row_ui<R>(ui: &mut Ui, item: &ItemDef, enabled: bool, fields: impl FnOnce(&mut Ui, egui::Id) -> R) -> R {
    ui.horizontal_top(|ui| {
        let width = label_width(ui);
        let label = ui
            .allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
                ui.set_width(width);
                let label = ui.add(egui::Label::new(&item.label).wrap());
                if let Some(help) = &item.help {
                    ui.add(egui::Label::new(RichText::new(help).small().weak()).wrap());
                }
                label.id
            })
            .inner;
        fields_ui(ui, enabled, |ui| fields(ui, label))
    })
    .inner
}

/// One child for an item's fields, disabled unless `enabled`: a form draws ~100 of these a
/// frame.
fn fields_ui<R>(ui: &mut Ui, enabled: bool, fields: impl FnOnce(&mut Ui) -> R) -> R {
    let mut builder = egui::UiBuilder::new().layout(Layout::top_down(Align::Min));
    if !enabled {
        builder = builder.disabled();
    }
    ui.scope_builder(builder, fields).inner
}

/// A row under an item's row with nothing in the label column: more of the same item
/// (the treatment history's attestation), aligned with its fields.
pub fn continuation_row_ui<R>(ui: &mut Ui, enabled: bool, fields: impl FnOnce(&mut Ui) -> R) -> R {
    ui.horizontal_top(|ui| {
        ui.add_space(label_width(ui) + ui.spacing().item_spacing.x);
        fields_ui(ui, enabled, fields)
    })
    .inner
}

/// The message and confirmation of a draft, under its fields. Returns what the
/// investigator chose for a held-back value.
pub fn draft_messages_ui(ui: &mut Ui, draft: &ItemDraft, keep_label: &str) -> ConfirmChoice {
    let theme = ui.ctx().theme();
    if let Some(message) = &draft.message {
        ui.add(egui::Label::new(RichText::new(format!("✖ {message}")).color(theme::error_colour(theme))).wrap());
    }
    let mut choice = ConfirmChoice::None;
    if let Some(confirmation) = &draft.confirmation {
        ui.add(
            egui::Label::new(RichText::new(format!("⚠ {}", confirmation.message)).color(theme::warning_colour(theme)))
                .wrap(),
        );
        ui.horizontal_wrapped(|ui| {
            if let Some(unit) = confirmation.suggested_unit
                && ui.button(crate::i18n::text_with("field-use-unit", &[("unit", unit.shown().to_owned())])).clicked()
            {
                choice = ConfirmChoice::UseUnit(unit);
            }
            if ui.button(keep_label).clicked() {
                choice = ConfirmChoice::Keep;
            }
        });
    }
    choice
}

/// What the investigator chose for a value held back as implausible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmChoice {
    /// Nothing chosen yet: the value stays held back.
    None,
    /// Enter it in the suggested unit instead.
    UseUnit(crate::model::units::Unit),
    /// Keep it as typed.
    Keep,
}
