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
    Override {
        /// The id of the protocol the criterion belongs to.
        protocol: String,
        /// The criterion's id.
        criterion: String,
        /// The reason as typed; required.
        reason: String,
        /// Who records the override, as typed.
        by: String,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Decides a criterion that awaits the investigator's judgment.
    Judgment {
        /// The id of the protocol the criterion belongs to.
        protocol: String,
        /// The criterion's id.
        criterion: String,
        /// The outcome chosen: `true` when the criterion does not stand in the way of
        /// eligibility; `None` until chosen.
        passes: Option<bool>,
        /// The reason as typed; required.
        reason: String,
        /// Who decides, as typed.
        by: String,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Withdraws a recorded override or judgment.
    Withdraw {
        /// The id of the protocol the criterion belongs to.
        protocol: String,
        /// The criterion's id.
        criterion: String,
        /// True: withdraw the override; false: withdraw the judgment.
        is_override: bool,
        /// Why it is withdrawn, as typed; required.
        reason: String,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Signs the session with the signer's identity and passphrase, and saves it.
    Sign {
        /// The signer's name (the identity used).
        by: String,
        /// The id of the statement chosen (`session::sign_meaning`), or "custom".
        meaning_id: String,
        /// The signer's own words, when they choose to word it themselves.
        own_words: String,
        /// The signer acknowledged what is not decided.
        acknowledged: bool,
        /// The passphrase unlocking the signer's identity, as typed.
        passphrase: SecretText,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Re-screens under the newest version of a protocol, once confirmed.
    Rescreen {
        /// The id of the protocol to re-screen under its newest version.
        protocol: String,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Reopens a signed session for an amendment, signed with the passphrase, and saves it.
    Amend {
        /// Who amends (the identity used).
        by: String,
        /// Why the signed session is reopened, as typed; required.
        reason: String,
        /// The passphrase unlocking the amending person's identity, as typed.
        passphrase: SecretText,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Creates a signing identity on this computer: name, passphrase twice.
    CreateIdentity {
        /// The signer's name the identity is for.
        name: String,
        /// The new passphrase.
        passphrase: SecretText,
        /// The passphrase typed again; must match.
        repeated: SecretText,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Where to save a session, then what to do after.
    SaveAs {
        /// The folder to save into.
        folder: PathBuf,
        /// The file name as typed.
        file_name: String,
        /// Where to go once saved (a new screening, another file, quit); `None`: stay.
        then: Option<Leave>,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// The document has unsaved changes and `then` would leave it.
    Unsaved {
        /// Where the user asked to go.
        then: Leave,
    },
    /// Recovery journals found at start.
    Recovery {
        /// The journals found, one per session with unsaved work.
        found: Vec<recovery::Found>,
        /// Why the last attempt failed, shown in the dialog; `None` before one fails.
        message: Option<String>,
    },
    /// Writes the screening summary PDF, then opens or prints it.
    Print(crate::ui::print_dialog_ui::PrintState),
    /// Every loaded protocol, and the site files that did not load.
    Protocols,
    /// Something failed; the message says what and what to do.
    Problem {
        /// What failed, in a few words.
        title: String,
        /// What happened and what to do.
        message: String,
    },
}
