//! The dialog open over the screen, with what has been typed into it. Dialogs are app
//! state rather than widget memory: opening one is a command from the board, the menu or
//! a shortcut, and closing one applies an edit.

use std::path::PathBuf;

use crate::session::recovery;
use crate::ui::command::Leave;
use crate::ui::secret_text::SecretText;

/// The one dialog shown, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Records a protocol discretion override on a failing criterion.
    Override { protocol: String, criterion: String, reason: String, by: String, message: Option<String> },
    /// Decides a criterion that awaits the investigator's judgment.
    Judgment {
        protocol: String,
        criterion: String,
        passes: Option<bool>,
        reason: String,
        by: String,
        message: Option<String>,
    },
    /// Withdraws a recorded override or judgment.
    Withdraw { protocol: String, criterion: String, is_override: bool, reason: String, message: Option<String> },
    /// Signs the session with the signer's identity and passphrase, and saves it.
    Sign { by: String, meaning: String, passphrase: SecretText, message: Option<String> },
    /// Re-screens under the newest version of a protocol, once confirmed.
    Rescreen { protocol: String, message: Option<String> },
    /// Reopens a signed session for an amendment, signed with the passphrase, and saves it.
    Amend { by: String, reason: String, passphrase: SecretText, message: Option<String> },
    /// Creates a signing identity on this computer: name, passphrase twice.
    CreateIdentity { name: String, passphrase: SecretText, repeated: SecretText, message: Option<String> },
    /// Where to save a session, then what to do after.
    SaveAs { folder: PathBuf, file_name: String, then: Option<Leave>, message: Option<String> },
    /// The document has unsaved changes and `then` would leave it.
    Unsaved { then: Leave },
    /// Recovery journals found at start.
    Recovery { found: Vec<recovery::Found>, message: Option<String> },
    /// Writes the screening summary PDF, then opens or prints it.
    Print(crate::ui::print_dialog_ui::PrintState),
    /// Something failed; the message says what and what to do.
    Problem { title: String, message: String },
}
