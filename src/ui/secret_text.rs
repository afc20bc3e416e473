//! A passphrase being typed into a dialog: kept out of `Debug` output and zeroized when the
//! dialog closes. (egui's text field keeps its own copy while it has the focus; the field
//! is a password field, so it is never shown.)

use std::fmt;

use zeroize::Zeroizing;

/// Typed secret text.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Clears it (after a failed attempt, so the next one starts empty).
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText(…)")
    }
}

/// A labelled one-line password field.
pub fn secret_field_ui(ui: &mut egui::Ui, label: &str, secret: &mut SecretText) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let field = ui
            .add(egui::TextEdit::singleline(&mut *secret.0).password(true).desired_width(280.0))
            .labelled_by(label.id);
        crate::ui::dialog_frame::take_first_focus(ui, &field);
        field
    })
    .inner
}
