//! The session browser's model: every session file of a folder, read once when the folder
//! is scanned (not every frame), with participant code, screening date, protocols and
//! verdicts. A file that does not read is listed with the reason, never touched.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::engine::protocol_eval::Verdict;
use crate::library::Library;
use crate::screening::Screening;
use crate::session::store;
use crate::session_check::check_session;
use crate::status::verdict_words;

/// One file of the folder.
#[derive(Clone, Debug, PartialEq)]
pub struct BrowserRow {
    /// The file's path.
    pub path: PathBuf,
    /// The file's name, as listed.
    pub file_name: String,
    /// The pseudonymous participant code; empty when the file does not read.
    pub participant_code: String,
    /// The screening visit date; `None` when the file does not read.
    pub screening: Option<NaiveDate>,
    /// Protocol ids, comma separated.
    pub protocols: String,
    /// Each protocol's verdict, with its words.
    pub verdicts: Vec<(Verdict, &'static str)>,
    /// Whether the session is signed.
    pub is_signed: bool,
    /// Why the file cannot be opened (with line and column).
    pub problem: Option<String>,
}

/// How the rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// By participant code.
    Participant,
    /// By screening visit date.
    ScreeningDate,
    /// By file name.
    FileName,
}

/// The browser's state.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionBrowser {
    /// The folder scanned.
    pub folder: PathBuf,
    /// Every session file of the folder, in the order shown.
    pub rows: Vec<BrowserRow>,
    /// The folder has been read since it was set.
    pub is_scanned: bool,
    /// The column the rows are ordered by.
    pub sort: SortKey,
    /// Whether the order is reversed (newest or last first).
    pub descending: bool,
    /// Text typed to narrow the list: a row is shown when its code, protocols, file name, verdict
    /// or date contains it, ignoring case (blank: every row).
    pub filter: String,
    /// The screening log's CONSORT-style counts over the folder, as `trialscreen log`
    /// prints them.
    pub counts: String,
}

impl SessionBrowser {
    /// A browser over `folder`, not yet read.
    pub fn new(folder: PathBuf) -> Self {
        Self {
            folder,
            rows: Vec::new(),
            is_scanned: false,
            sort: SortKey::ScreeningDate,
            descending: true,
            filter: String::new(),
            counts: String::new(),
        }
    }

    /// Reads the folder again.
    pub fn scan(&mut self, library: &Library, today: chrono::NaiveDate) {
        self.rows = scan(&self.folder, library, today);
        let paths: Vec<&PathBuf> = self.rows.iter().map(|row| &row.path).collect();
        let log = crate::report::log::ScreeningLog::build(library, today, &paths, |path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (name, crate::session::store::read_text(path).map_err(|error| error.to_string()))
        });
        self.counts = if self.rows.is_empty() { String::new() } else { log.counts_text() };
        self.is_scanned = true;
    }

    /// Sorts by `key`; the same key again reverses the order.
    pub fn sort_by(&mut self, key: SortKey) {
        if self.sort == key {
            self.descending = !self.descending;
        } else {
            self.sort = key;
            self.descending = false;
        }
    }

    /// The rows the filter keeps, in the chosen order.
    pub fn visible_rows(&self) -> Vec<&BrowserRow> {
        let needle = self.filter.trim().to_lowercase();
        let mut rows: Vec<&BrowserRow> = self
            .rows
            .iter()
            .filter(|row| {
                needle.is_empty()
                    || [row.participant_code.as_str(), row.protocols.as_str(), row.file_name.as_str()]
                        .iter()
                        .any(|text| text.to_lowercase().contains(&needle))
                    || row.verdicts.iter().any(|(_, words)| words.to_lowercase().contains(&needle))
                    || row.screening.is_some_and(|date| date.to_string().contains(&needle))
            })
            .collect();
        rows.sort_by(|a, b| {
            let order = match self.sort {
                SortKey::Participant => a.participant_code.cmp(&b.participant_code),
                SortKey::ScreeningDate => a.screening.cmp(&b.screening),
                SortKey::FileName => a.file_name.cmp(&b.file_name),
            }
            .then_with(|| a.file_name.cmp(&b.file_name));
            if self.descending { order.reverse() } else { order }
        });
        rows
    }
}

/// Reads every session file of a folder (not backups, locks, temporary files or
/// journals); one that is not a regular file (a FIFO, a broken link) is listed with why,
/// never read.
pub fn scan(folder: &Path, library: &Library, today: chrono::NaiveDate) -> Vec<BrowserRow> {
    let Ok(listed) = store::list_session_files(folder) else { return Vec::new() };
    listed.into_iter().map(|entry| row_of(entry.path, entry.problem, library, today)).collect()
}

fn row_of(path: PathBuf, not_a_file: Option<String>, library: &Library, today: chrono::NaiveDate) -> BrowserRow {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut row = BrowserRow {
        path: path.clone(),
        file_name,
        participant_code: String::new(),
        screening: None,
        protocols: String::new(),
        verdicts: Vec::new(),
        is_signed: false,
        problem: None,
    };
    if let Some(problem) = not_a_file {
        row.problem = Some(format!("{problem}; it was not read"));
        return row;
    }
    let (session, text) = match store::open(&path) {
        Ok(opened) => opened,
        Err(error) => {
            row.problem = Some(error.to_string());
            return row;
        }
    };
    row.participant_code.clone_from(&session.participant_code);
    row.screening = Some(session.dates.screening);
    row.is_signed = session.is_signed();
    row.protocols = session.protocols.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ");
    if let Err(error) = check_session(&session, &text, library) {
        row.problem = Some(error.to_string());
        return row;
    }
    let screening = Screening::evaluate(library, &session, today);
    row.verdicts = screening
        .protocols
        .iter()
        .map(|p| (p.result.verdict, verdict_words(p.result.verdict, p.loaded.compiled.protocol.source_complete)))
        .collect();
    row
}
