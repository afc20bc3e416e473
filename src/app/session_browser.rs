//! The session browser's model: every session file of a folder, listed in the background
//! (never on the window's thread) with participant code, screening date, protocols and
//! verdicts, and the screening log's counts over the folder. A file that does not read is
//! listed with the reason, never touched.
//!
//! A scan runs on its own thread, which spreads the files over every core and sends the
//! rows in batches as they are made; the window polls ([`SessionBrowser::poll`]) each frame.
//! Each file is read once, and only when the summary cache (`summary_cache`) does not hold
//! its summary: a folder listed before is listed again from the cache, reading only the
//! files that changed.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::app::folder_scan::{CacheProblemSaid, FolderScan, Sink};
use crate::app::scan_priority::ScanPriority;
use crate::app::summary_cache::{CacheProblem, CacheStore, FileSummary, Trust};
use crate::engine::protocol_eval::Verdict;
use crate::files::folder::Listed;
use crate::library::Library;
use crate::session::store;

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
    /// Each protocol's verdict, and whether its source is complete (how an eligible verdict
    /// reads): worded when shown, in the window's language then.
    pub verdicts: Vec<(Verdict, bool)>,
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

/// Rows shown at once; the others are a page away (a frame lays out only these).
pub const PAGE_ROWS: usize = 100;

/// The browser's state.
#[derive(Debug)]
pub struct SessionBrowser {
    /// The folder scanned.
    pub folder: PathBuf,
    /// Every session file of the folder listed so far, in the order they were read.
    pub rows: Vec<BrowserRow>,
    /// A scan of the folder has completed since it was set.
    pub is_scanned: bool,
    /// The column the rows are ordered by.
    pub sort: SortKey,
    /// Whether the order is reversed (newest or last first).
    pub descending: bool,
    /// Text typed to narrow the list: a row is shown when its code, protocols, file name, verdict
    /// or date contains it, ignoring case (blank: every row).
    pub filter: String,
    /// The screening log's CONSORT-style counts over the folder, as `trialscreen log`
    /// prints them (once a scan has completed).
    pub counts: String,
    /// The page of the visible rows shown (0: the first [`PAGE_ROWS`]).
    pub page: usize,
    /// Where summaries are kept and the key that signs them; `None`: every file is read.
    pub cache: Option<CacheStore>,
    /// Why the summary cache could not be used or written by the last scan (it is rebuilt).
    pub cache_problem: Option<String>,
    scan: Option<Scan>,
    view: View,
    generation: u64,
}

/// A running scan: its messages, and the flag that stops it.
#[derive(Debug)]
struct Scan {
    receiver: Receiver<ScanMessage>,
    cancel: Arc<AtomicBool>,
    /// Files listed in the folder; `None` until listed.
    total: Option<usize>,
    /// Rows received.
    received: usize,
    /// The rows shown stay until the scan completes (a rescan); else they fill in.
    pending: Option<Vec<BrowserRow>>,
}

impl Drop for Scan {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// What a scan sends to the browser.
#[derive(Debug)]
enum ScanMessage {
    /// How many session files the folder holds.
    Listed(usize),
    /// Rows made since the last message.
    Rows(Vec<BrowserRow>),
    /// Every file is listed: the log counts, and why the cache was not used or written.
    Done { counts: String, cache_problem: Option<String> },
}

/// The visible rows (indices into `rows`) for a filter, an order and a generation of rows.
#[derive(Debug, Default)]
struct View {
    key: Option<(String, SortKey, bool, u64)>,
    shown: Vec<usize>,
}

impl SessionBrowser {
    /// A browser over `folder`, not yet read, without a summary cache.
    pub fn new(folder: PathBuf) -> Self {
        Self {
            folder,
            rows: Vec::new(),
            is_scanned: false,
            sort: SortKey::ScreeningDate,
            descending: true,
            filter: String::new(),
            counts: String::new(),
            page: 0,
            cache: None,
            cache_problem: None,
            scan: None,
            view: View::default(),
            generation: 0,
        }
    }

    /// The same browser, keeping summaries in `cache` (the per-user cache folder).
    pub fn with_cache(mut self, cache: CacheStore) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Shows another folder (not yet read); the cache folder stays.
    pub fn set_folder(&mut self, folder: PathBuf) {
        self.scan = None;
        self.folder = folder;
        self.rows.clear();
        self.counts.clear();
        self.is_scanned = false;
        self.page = 0;
        self.generation += 1;
    }

    /// Starts reading the folder in the background, stopping a scan under way. Rows already
    /// shown stay until the new scan completes; a folder not yet read fills in as it goes.
    /// Call [`Self::poll`] (each frame) to take in what it made.
    pub fn start_scan(&mut self, library: &Library, today: NaiveDate) {
        self.scan = None;
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let job = ScanJob {
            folder: self.folder.clone(),
            cache: self.cache.clone(),
            library: library.clone(),
            today,
            cancel: Arc::clone(&cancel),
        };
        // The scan's words are in the language of the window that started it.
        let language = crate::i18n::language();
        let spawned = std::thread::Builder::new().name("session browser scan".to_owned()).spawn(move || {
            crate::i18n::set_thread_language(language);
            job.run(&sender);
        });
        if let Err(error) = spawned {
            // No thread to be had: the folder is read here rather than not at all.
            self.cache_problem = Some(crate::i18n::text_with("browser-no-thread", &[("error", error.to_string())]));
            let (sender, receiver) = mpsc::channel();
            ScanJob {
                folder: self.folder.clone(),
                cache: None,
                library: library.clone(),
                today,
                cancel: Arc::clone(&cancel),
            }
            .run(&sender);
            self.scan = Some(Scan { receiver, cancel, total: None, received: 0, pending: None });
            self.poll();
            return;
        }
        let pending = self.is_scanned.then(Vec::new);
        if pending.is_none() {
            self.rows.clear();
            self.generation += 1;
        }
        self.scan = Some(Scan { receiver, cancel, total: None, received: 0, pending });
    }

    /// Reads the folder again and waits until it is read (tests and tools; the window uses
    /// [`Self::start_scan`]).
    pub fn scan(&mut self, library: &Library, today: NaiveDate) {
        self.start_scan(library, today);
        while self.scan.is_some() {
            self.wait(Duration::from_secs(3600));
        }
    }

    /// Whether a scan is under way.
    pub fn is_scanning(&self) -> bool {
        self.scan.is_some()
    }

    /// How far the scan under way is: files read and files listed (`None` until listed).
    pub fn progress(&self) -> Option<(usize, Option<usize>)> {
        self.scan.as_ref().map(|scan| (scan.received, scan.total))
    }

    /// Takes in what the scan made since the last call, without waiting. Returns whether
    /// anything changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        loop {
            let Some(scan) = &self.scan else { return changed };
            match scan.receiver.try_recv() {
                Ok(message) => {
                    self.take(message);
                    changed = true;
                }
                Err(TryRecvError::Empty) => return changed,
                Err(TryRecvError::Disconnected) => {
                    // The scan's thread ended without finishing (it panicked): stop waiting.
                    self.scan = None;
                    return true;
                }
            }
        }
    }

    /// Waits up to `timeout` for the scan's next message and takes it in, with any others
    /// ready. Returns whether anything changed.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let Some(scan) = &self.scan else { return false };
        match scan.receiver.recv_timeout(timeout) {
            Ok(message) => {
                self.take(message);
                self.poll();
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => {
                self.scan = None;
                true
            }
        }
    }

    fn take(&mut self, message: ScanMessage) {
        let Some(scan) = &mut self.scan else { return };
        match message {
            ScanMessage::Listed(total) => scan.total = Some(total),
            ScanMessage::Rows(rows) => {
                scan.received += rows.len();
                match &mut scan.pending {
                    Some(pending) => pending.extend(rows),
                    None => {
                        self.rows.extend(rows);
                        self.generation += 1;
                    }
                }
            }
            ScanMessage::Done { counts, cache_problem } => {
                if let Some(pending) = scan.pending.take() {
                    self.rows = pending;
                }
                self.generation += 1;
                self.counts = counts;
                self.cache_problem = cache_problem;
                self.is_scanned = true;
                self.scan = None;
            }
        }
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
        self.ordered_indices().into_iter().filter_map(|index| self.rows.get(index)).collect()
    }

    /// How many rows the filter keeps; recomputed only when the rows, the filter or the
    /// order changed.
    pub fn visible_count(&mut self) -> usize {
        self.refresh_view();
        self.view.shown.len()
    }

    /// The rows of the page shown (at most [`PAGE_ROWS`]), the page kept within range.
    pub fn page_rows(&mut self) -> Vec<&BrowserRow> {
        self.refresh_view();
        let pages = self.view.shown.len().div_ceil(PAGE_ROWS).max(1);
        self.page = self.page.min(pages - 1);
        let rows = &self.rows;
        self.view.shown.iter().skip(self.page * PAGE_ROWS).take(PAGE_ROWS).filter_map(|&i| rows.get(i)).collect()
    }

    fn refresh_view(&mut self) {
        let key = (self.filter.clone(), self.sort, self.descending, self.generation);
        if self.view.key.as_ref() != Some(&key) {
            if self.view.key.as_ref().is_some_and(|old| (&old.0, old.1, old.2) != (&key.0, key.1, key.2)) {
                self.page = 0;
            }
            self.view.shown = self.ordered_indices();
            self.view.key = Some(key);
        }
    }

    fn ordered_indices(&self) -> Vec<usize> {
        let needle = self.filter.trim().to_lowercase();
        let mut shown: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                needle.is_empty()
                    || [row.participant_code.as_str(), row.protocols.as_str(), row.file_name.as_str()]
                        .iter()
                        .any(|text| text.to_lowercase().contains(&needle))
                    || row.verdicts.iter().any(|&(verdict, complete)| {
                        crate::status::verdict_words(verdict, complete).to_lowercase().contains(&needle)
                    })
                    || row.screening.is_some_and(|date| date.to_string().contains(&needle))
            })
            .map(|(index, _)| index)
            .collect();
        let rows = &self.rows;
        shown.sort_by(|&a, &b| {
            let (Some(a), Some(b)) = (rows.get(a), rows.get(b)) else { return std::cmp::Ordering::Equal };
            let order = match self.sort {
                SortKey::Participant => a.participant_code.cmp(&b.participant_code),
                SortKey::ScreeningDate => a.screening.cmp(&b.screening),
                SortKey::FileName => a.file_name.cmp(&b.file_name),
            }
            .then_with(|| a.file_name.cmp(&b.file_name));
            if self.descending { order.reverse() } else { order }
        });
        shown
    }
}

/// Files summarised between two messages to the window.
const BATCH: usize = 64;

/// One scan's work, moved to its thread.
struct ScanJob {
    folder: PathBuf,
    cache: Option<CacheStore>,
    library: Library,
    today: NaiveDate,
    cancel: Arc<AtomicBool>,
}

impl ScanJob {
    fn run(self, sender: &Sender<ScanMessage>) {
        let listed = store::list_session_files(&self.folder).unwrap_or_default();
        if sender.send(ScanMessage::Listed(listed.len())).is_err() {
            return;
        }
        // Every core: one worker at normal priority, the others only on cores nothing else
        // wants, so a frame of the window never waits behind them (`ScanPriority`; measured
        // with `examples/bench_sessions.rs frames`).
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let scan = FolderScan {
            library: &self.library,
            today: self.today,
            cache: self.cache.as_ref(),
            trust: Trust::Stamp,
            threads,
            priority: ScanPriority::BesideTheWindow,
            cancel: &self.cancel,
        };
        let new_sink =
            || RowBatches { sender: sender.clone(), batch: Vec::with_capacity(BATCH), last_sent: Instant::now() };
        let Some(scanned) = scan.run(&self.folder, &listed, new_sink) else { return };
        let counts = if listed.is_empty() { String::new() } else { scanned.log.counts_text() };
        // No cache yet is not a problem to report.
        let cache_problem = scanned
            .cache_problem
            .filter(|problem| *problem != CacheProblemSaid::NotUsed(CacheProblem::Absent))
            .map(|problem| problem.to_string());
        let _ = sender.send(ScanMessage::Done { counts, cache_problem });
    }
}

/// A worker's rows, sent to the window in batches as they are made.
struct RowBatches {
    sender: Sender<ScanMessage>,
    batch: Vec<BrowserRow>,
    last_sent: Instant,
}

impl Sink for RowBatches {
    fn take(&mut self, file: &Listed, summary: &FileSummary) -> bool {
        self.batch.push(row_of(file, summary));
        if self.batch.len() >= BATCH || self.last_sent.elapsed() > Duration::from_millis(50) {
            self.last_sent = Instant::now();
            return self.sender.send(ScanMessage::Rows(std::mem::take(&mut self.batch))).is_ok();
        }
        true
    }

    fn finish(&mut self) -> bool {
        self.batch.is_empty() || self.sender.send(ScanMessage::Rows(std::mem::take(&mut self.batch))).is_ok()
    }
}

/// The browser row of a file's summary.
fn row_of(file: &Listed, summary: &FileSummary) -> BrowserRow {
    BrowserRow {
        path: file.path.clone(),
        file_name: file.name.clone(),
        participant_code: summary.participant_code.clone(),
        screening: summary.screening,
        protocols: summary.protocols.clone(),
        verdicts: summary.rows.iter().map(|row| (row.verdict, row.source_complete)).collect(),
        is_signed: summary.is_signed,
        problem: summary.problem.clone(),
    }
}
