//! The frame every dialog shares: a modal with a title, closed by its buttons or by
//! Escape (not by a stray click outside it, which would lose a typed reason).

use egui::{Id, Key, Modal, Modifiers, RichText, Ui};

use crate::session::audit::Edit;
use crate::ui::secret_text::SecretText;
use crate::ui::theme;

/// What a dialog asks the app to do after this frame. A dialog reads the workspace but
/// never changes it: a change it wants is a [`Request`], which the app carries out through
/// the workspace's operations (every one of them through `audit::apply`), showing a refusal
/// back in the dialog.
#[derive(Debug, PartialEq)]
pub enum DialogResult {
    /// Stay open.
    Stay,
    /// Close.
    Close,
    /// Carry this out; the dialog closes when it succeeds and `close` is set, and stays
    /// open with the refusal otherwise.
    Request {
        /// What to carry out.
        request: Box<Request>,
        /// Close the dialog once it has succeeded.
        close: bool,
    },
}

/// A change a dialog asks for.
#[derive(Debug, PartialEq)]
pub enum Request {
    /// An edit of the session (`Workspace::apply`).
    Edit(Edit),
    /// Sign the session and save it (`Workspace::sign`).
    Sign {
        /// The signer's name.
        by: String,
        /// What the signature means and what it acknowledges.
        sign_off: crate::session::sign_meaning::SignOff,
        /// The passphrase, taken out of the dialog so it is asked for again at every attempt.
        passphrase: SecretText,
    },
    /// Reopen a signed session for amendment and save it (`Workspace::amend`).
    Amend {
        /// Who amends.
        by: String,
        /// Why.
        reason: String,
        /// The passphrase, taken out of the dialog.
        passphrase: SecretText,
    },
}

/// Shows a modal dialog; Escape closes it (returns `DialogResult::Close`).
pub fn modal_ui(ctx: &egui::Context, title: &str, content: impl FnOnce(&mut Ui) -> DialogResult) -> DialogResult {
    note_if_opened(ctx, title);
    let response = Modal::new(Id::unique("trialscreen dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(theme::bold(title).size(18.0));
        ui.add_space(6.0);
        content(ui)
    });
    let escape = response.is_top_modal && ctx.input_mut(|input| input.consume_key(Modifiers::NONE, Key::Escape));
    match response.inner {
        DialogResult::Stay if escape => DialogResult::Close,
        result => result,
    }
}

/// Where the frame keeps the pass a dialog was last shown in, with its title.
const SHOWN: &str = "trialscreen dialog shown";
/// Set while a newly opened dialog's first text field still awaits the cursor.
const FOCUS_FIRST_FIELD: &str = "trialscreen dialog focus first field";

/// Notes a dialog shown in this pass; one not shown in the pass before (or with another
/// title) has just opened, and its first text field takes the cursor.
fn note_if_opened(ctx: &egui::Context, title: &str) {
    let pass = ctx.cumulative_pass_nr();
    let shown = Id::unique(SHOWN);
    let before: Option<(u64, String)> = ctx.data(|data| data.get_temp(shown));
    // A frame may take two passes; a dialog shown in either of the last two is still open.
    let was_open = before.is_some_and(|(last, last_title)| last + 2 >= pass && last_title == title);
    ctx.data_mut(|data| {
        data.insert_temp(shown, (pass, title.to_owned()));
        if !was_open {
            data.insert_temp(Id::unique(FOCUS_FIRST_FIELD), true);
        }
    });
}

/// Gives the cursor to a text field when it is the first of a dialog just opened.
pub fn take_first_focus(ui: &Ui, field: &egui::Response) {
    let flag = Id::unique(FOCUS_FIRST_FIELD);
    if ui.ctx().data(|data| data.get_temp::<bool>(flag)).unwrap_or(false) {
        field.request_focus();
        ui.ctx().data_mut(|data| data.remove::<bool>(flag));
    }
}

/// A message in the error colour.
pub fn error_line_ui(ui: &mut Ui, message: &Option<String>) {
    if let Some(message) = message {
        ui.add(
            egui::Label::new(RichText::new(format!("✖ {message}")).color(theme::error_colour(ui.ctx().theme()))).wrap(),
        );
    }
}

/// A labelled text field for a reason, labelled by its visible label: several rows so a
/// long reason wraps in view, but Enter inserts no line break, since a reason is one
/// paragraph (a pasted line break is refused with a message when the edit is applied).
pub fn reason_field_ui(ui: &mut Ui, label: &str, text: &mut String) -> egui::Response {
    let label = ui.label(label);
    let field = ui
        .add(egui::TextEdit::multiline(text).desired_rows(3).desired_width(f32::INFINITY).return_key(None))
        .labelled_by(label.id);
    take_first_focus(ui, &field);
    field
}

/// A labelled one-line text field, labelled by its visible label.
pub fn line_field_ui(ui: &mut Ui, label: &str, text: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let field = ui.add(egui::TextEdit::singleline(text).desired_width(280.0)).labelled_by(label.id);
        take_first_focus(ui, &field);
        field
    })
    .inner
}

/// The buttons of a dialog that applies an edit: `action`, enabled when `ready`, runs
/// `apply` (an error stays shown in `message` and the dialog stays open); Cancel closes.
/// Enter in a text field of the dialog (or with nothing focused) performs `action` when the
/// dialog is ready; on a focused button or choice, Enter is that control's own.
pub fn apply_buttons_ui(
    ui: &mut Ui,
    action: &str,
    ready: bool,
    message: &mut Option<String>,
    apply: impl FnOnce() -> Result<DialogResult, String>,
) -> DialogResult {
    let mut result = DialogResult::Stay;
    let ctx = ui.ctx().clone();
    let in_text_or_nowhere =
        ctx.memory(|memory| memory.focused()).is_none_or(|id| egui::TextEdit::load_state(&ctx, id).is_some());
    let enter = ready && in_text_or_nowhere && ui.input(|input| input.key_pressed(Key::Enter));
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new(action)).clicked() || enter {
            match apply() {
                Ok(applied) => result = applied,
                Err(error) => *message = Some(error),
            }
        }
        if ui.button(crate::i18n::text("dialog-cancel")).clicked() {
            result = DialogResult::Close;
        }
    });
    result
}
