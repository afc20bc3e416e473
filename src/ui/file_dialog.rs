//! Native file dialogs (rfd), run asynchronously on their own thread so the window keeps
//! drawing; the answer arrives through a channel and wakes the UI.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// An answer quicker than this cannot be a person cancelling: no dialog could be shown
/// (no desktop portal and no zenity).
const TOO_QUICK_FOR_A_PERSON: Duration = Duration::from_millis(250);

/// What a dialog was opened for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// Open a session file.
    Open,
    /// Pick the folder of the save-as dialog.
    SaveFolder,
    /// Pick the folder of the session browser.
    BrowserFolder,
}

/// The native dialog currently open, if any.
#[derive(Debug, Default)]
pub struct FileDialogs {
    pending: Option<(FilePurpose, Receiver<Option<PathBuf>>, Instant)>,
}

impl FileDialogs {
    /// Opens a native dialog starting in `folder`, unless one is already open.
    pub fn start(&mut self, purpose: FilePurpose, folder: Option<PathBuf>, ctx: &egui::Context) {
        if self.pending.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let wanted = purpose.clone();
        // The words are chosen here, in the window's language, not on the dialog's thread.
        let filter = crate::i18n::text_with("filedialog-filter", &[("app", "trialscreen".to_owned())]);
        let open_title = crate::i18n::text("filedialog-open-title");
        let folder_title = crate::i18n::text("filedialog-folder-title");
        std::thread::spawn(move || {
            let mut dialog = rfd::AsyncFileDialog::new();
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let picked = pollster::block_on(async move {
                match wanted {
                    FilePurpose::Open => dialog.add_filter(filter, &["ron"]).set_title(open_title).pick_file().await,
                    FilePurpose::SaveFolder | FilePurpose::BrowserFolder => {
                        dialog.set_title(folder_title).pick_folder().await
                    }
                }
            });
            // The window may have closed meanwhile; then nobody is waiting for the answer.
            let _unwanted = sender.send(picked.map(|handle| handle.path().to_owned()));
            ctx.request_repaint();
        });
        self.pending = Some((purpose, receiver, Instant::now()));
    }

    /// The answer of the open dialog, once there is one.
    pub fn poll(&mut self) -> Option<(FilePurpose, DialogAnswer)> {
        let (purpose, receiver, started) = self.pending.as_ref()?;
        let picked = match receiver.try_recv() {
            Ok(picked) => picked,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        let answer = match picked {
            Some(path) => DialogAnswer::Picked(path),
            None if started.elapsed() < TOO_QUICK_FOR_A_PERSON => DialogAnswer::Unavailable,
            None => DialogAnswer::Cancelled,
        };
        let purpose = purpose.clone();
        self.pending = None;
        Some((purpose, answer))
    }
}

/// What a native dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// A file or folder was chosen.
    Picked(PathBuf),
    /// The dialog was closed without a choice.
    Cancelled,
    /// No dialog could be shown on this desktop.
    Unavailable,
}
