//! What panels ask the app to do. Panels only read state during a frame and push
//! commands; the app carries them out in one place after the frame's widgets, edits first
//! (so a field that lost focus to a click on "Save" is committed before the save).

use std::path::PathBuf;

use crate::session::audit::Edit;
use crate::ui::dialog::Dialog;

/// Something the user asked for.
#[derive(Debug)]
pub enum Command {
    /// Applies an edit through the audit trail. `draft` is the item draft to drop when it
    /// succeeds, or to show the error in when it is refused.
    Edit {
        /// The edit to apply.
        edit: Edit,
        /// The memory id of the item draft concerned; `None` for an edit made outside the form.
        draft: Option<egui::Id>,
    },
    /// Moves the keyboard focus to an item's field (from the still-needed list).
    Focus(String),
    /// Opens a dialog.
    Show(Dialog),
    /// Starts an action that would leave the open document (asks about unsaved changes).
    Leave(Leave),
    /// Saves the document to its file, or asks where when it has none.
    Save,
    /// Asks where to save the document.
    SaveAs,
    /// Picks a folder for the session browser (native dialog).
    ChooseBrowserFolder,
    /// Shows or hides the session browser.
    ShowBrowser(bool),
    /// Rescans the session browser's folder.
    RefreshBrowser,
    /// Shows every word in this language (View → Language), remembered.
    SetLanguage(crate::i18n::Language),
}

/// An action that replaces or closes the open document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leave {
    /// Back to the start view to begin a new screening.
    NewScreening,
    /// The native open dialog.
    OpenDialog,
    /// A session file.
    OpenPath(PathBuf),
    /// A bundled example, by file name.
    OpenExample(String),
    /// Closes the document.
    CloseSession,
    /// Quits the application.
    Quit,
}
