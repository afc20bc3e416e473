//! A folder of session files summarised once each, on several cores, through the signed
//! summary cache (`summary_cache`). The session browser's listing (in the background) and
//! `trialscreen log` (in the foreground) are both this scan, so both read each file at most
//! once and count it the same way; they differ only in how far a cached summary is trusted
//! ([`Trust`]) and in how many cores they take.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::app::scan_priority::ScanPriority;
use crate::app::summary_cache::{
    self, CacheProblem, CacheStore, FileStamp, FileSummary, Lookup, SummaryCache, SummaryRow, Trust,
};
use crate::files::FileHead;
use crate::files::folder::Listed;
use crate::library::Library;
use crate::report::log::ScreeningLog;
use crate::screening::Screening;
use crate::session::load::parse_session;
use crate::session::store::{self, OpenError};
use crate::session_check::check_session;

/// What receives each file's summary as a worker makes it (one sink per worker thread).
pub trait Sink {
    /// Takes one file's summary; `false` stops the scan (its receiver is gone).
    fn take(&mut self, file: &Listed, summary: &FileSummary) -> bool;
    /// The worker has no more files; `false` stops the scan.
    fn finish(&mut self) -> bool {
        true
    }
}

/// A sink that keeps nothing (the log needs only the scan's result).
#[derive(Debug, Default)]
pub struct Discard;

impl Sink for Discard {
    fn take(&mut self, _file: &Listed, _summary: &FileSummary) -> bool {
        true
    }
}

/// How one folder is scanned.
#[derive(Debug)]
pub struct FolderScan<'a> {
    /// The protocols and dictionary sessions are evaluated with.
    pub library: &'a Library,
    /// The evaluation day.
    pub today: NaiveDate,
    /// Where the summaries are kept; `None`: every file is read and nothing is kept.
    pub cache: Option<&'a CacheStore>,
    /// How far a cached summary is trusted.
    pub trust: Trust,
    /// Worker threads (at least one).
    pub threads: usize,
    /// How the workers are scheduled against the machine's other threads.
    pub priority: ScanPriority,
    /// Set to stop the scan.
    pub cancel: &'a AtomicBool,
}

/// A completed scan.
#[derive(Debug)]
pub struct Scanned {
    /// The screening log of the folder (rows and unreadable files in file-name order).
    pub log: ScreeningLog,
    /// Why the summary cache could not be used or written (the scan read the files instead).
    pub cache_problem: Option<CacheProblemSaid>,
}

/// Why the cache was not used or not written, as said to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheProblemSaid {
    /// The cache file was not used (it is rebuilt): the reason.
    NotUsed(CacheProblem),
    /// This installation's key could not be had, so no cache was read or written.
    NoKey(String),
    /// The cache could not be written.
    NotWritten(String),
}

impl std::fmt::Display for CacheProblemSaid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotUsed(problem) => write!(f, "{problem}"),
            Self::NoKey(error) => {
                f.write_str(&crate::i18n::text_with("browser-cache-no-key", &[("error", error.clone())]))
            }
            Self::NotWritten(error) => {
                f.write_str(&crate::i18n::text_with("browser-cache-not-written", &[("error", error.clone())]))
            }
        }
    }
}

/// One file's result: its place in the listing, its summary, and the cache entry to record
/// (its stamp and the digest of what was read) when it was read.
type Summarised = (usize, FileSummary, Option<(FileStamp, String)>);

impl FolderScan<'_> {
    /// Summarises every file of `listed` (the listing of `folder`), giving each summary to
    /// the sink of the worker that made it, then records what was read in the cache and
    /// saves it. `None` when the scan was stopped.
    pub fn run<S: Sink + Send>(
        &self,
        folder: &Path,
        listed: &[Listed],
        new_sink: impl Fn() -> S + Sync,
    ) -> Option<Scanned> {
        let scan_start = SystemTime::now();
        let context = summary_cache::context(self.library, self.today);
        let mut problem = None;
        let key = match self.cache.map(CacheStore::key) {
            Some(Ok(key)) => Some(key),
            Some(Err(error)) => {
                problem = Some(CacheProblemSaid::NoKey(error.to_string()));
                None
            }
            None => None,
        };
        let cache_file = self.cache.filter(|_| key.is_some()).map(|store| store.file_for(folder));
        let mut cache = match (&cache_file, &key) {
            (Some(file), Some(key)) => {
                let (cache, not_used) = SummaryCache::load(file, &context, key);
                problem = problem.or(not_used.map(CacheProblemSaid::NotUsed));
                cache
            }
            _ => SummaryCache::empty(context),
        };
        let summaries = self.summarise_all(listed, &cache, new_sink)?;
        let mut log = ScreeningLog::new();
        let mut changed = false;
        for (index, summary, read) in summaries {
            let Some(file) = listed.get(index) else { continue };
            summary.add_to(&mut log, &file.name);
            if let Some((stamp, digest)) = read {
                changed |= cache.insert(file.path.clone(), stamp, digest, scan_start, summary);
            }
        }
        let before = cache.len();
        cache.retain_paths(&listed.iter().map(|file| file.path.clone()).collect());
        changed |= cache.len() != before || problem.is_some();
        if let (Some(file), Some(key)) = (&cache_file, &key)
            && changed
            && let Err(error) = cache.save(file, key)
        {
            problem = Some(CacheProblemSaid::NotWritten(error.to_string()));
        }
        Some(Scanned { log: log.finish(), cache_problem: problem })
    }

    /// Summarises every file on the scan's threads; `None` when the scan was stopped.
    fn summarise_all<S: Sink + Send>(
        &self,
        listed: &[Listed],
        cache: &SummaryCache,
        new_sink: impl Fn() -> S + Sync,
    ) -> Option<Vec<Summarised>> {
        let next = AtomicUsize::new(0);
        let (next, new_sink) = (&next, &new_sink);
        let parts: Vec<Option<Vec<Summarised>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..self.threads.clamp(1, listed.len().max(1)))
                .map(|worker| {
                    scope.spawn(move || {
                        self.priority.apply_to_this_thread(worker);
                        let mut sink = new_sink();
                        let mut done = Vec::new();
                        loop {
                            if self.cancel.load(Ordering::Relaxed) {
                                return None;
                            }
                            let index = next.fetch_add(1, Ordering::Relaxed);
                            let Some(file) = listed.get(index) else { break };
                            let (summary, read) = summarise(file, cache, self.library, self.today, self.trust);
                            if !sink.take(file, &summary) {
                                return None;
                            }
                            done.push((index, summary, read));
                        }
                        sink.finish().then_some(done)
                    })
                })
                .collect();
            // A worker that panicked would lose its files: re-raise rather than list fewer.
            workers
                .into_iter()
                .map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        let mut all: Vec<Summarised> = Vec::with_capacity(listed.len());
        for part in parts {
            all.extend(part?);
        }
        all.sort_by_key(|(index, _, _)| *index);
        Some(all)
    }
}

/// The screening log of a folder's listed files, every file read and hashed, on every core,
/// through the cache when one is given (an entry is used only for the bytes it summarised).
pub fn screening_log(
    folder: &Path,
    listed: &[Listed],
    cache: Option<&CacheStore>,
    library: &Library,
    today: NaiveDate,
) -> Scanned {
    let cancel = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let scan = FolderScan {
        library,
        today,
        cache,
        trust: Trust::Hash,
        threads,
        priority: ScanPriority::Normal,
        cancel: &cancel,
    };
    // Never cancelled and the sink never refuses: the scan always completes.
    scan.run(folder, listed, || Discard).unwrap_or_else(|| Scanned { log: ScreeningLog::new(), cache_problem: None })
}

/// A file's summary: from the cache when it may be trusted ([`Trust`]), else from the file,
/// read once (its cache entry is reused when it holds what was read). The second value is
/// the cache entry to record when the file was read.
pub fn summarise(
    file: &Listed,
    cache: &SummaryCache,
    library: &Library,
    today: NaiveDate,
    trust: Trust,
) -> (FileSummary, Option<(FileStamp, String)>) {
    if let Some(problem) = &file.problem {
        let message = crate::i18n::text_with("browser-not-read", &[("problem", problem.to_string())]);
        return (FileSummary::not_read(&file.name, message.clone(), message), None);
    }
    // Stamped before the read: a change during the read shows in the next scan.
    let stamp = FileStamp::at(&file.path).ok();
    let entry = match stamp.map(|stamp| cache.lookup(&file.path, stamp, trust)) {
        Some(Lookup::Fresh(summary)) => return (summary.clone(), None),
        Some(Lookup::Check(entry)) => Some(entry),
        Some(Lookup::Missing) | None => None,
    };
    let (text, head) = match store::read_text_with_head(&file.path) {
        Ok(read) => read,
        Err(error) => {
            let message =
                error.to_string().replace(&file.path.display().to_string(), &crate::i18n::text("browser-the-file"));
            return (FileSummary::not_read(&file.name, error.to_string(), message), None);
        }
    };
    let FileHead::Digest(digest) = head else {
        return (summarise_text(&file.path, &file.name, &text, library, today), None);
    };
    let summary = match entry {
        Some(entry) if entry.holds(&digest) => entry.summary.clone(),
        _ => summarise_text(&file.path, &file.name, &text, library, today),
    };
    (summary, stamp.map(|stamp| (stamp, digest)))
}

/// Parses, checks and evaluates a session file's text, once, for both the browser's row and
/// the log's counts.
pub fn summarise_text(path: &Path, file_name: &str, text: &str, library: &Library, today: NaiveDate) -> FileSummary {
    let mut summary = FileSummary {
        participant_code: String::new(),
        screening: None,
        protocols: String::new(),
        is_signed: false,
        problem: None,
        rows: Vec::new(),
        unreadable: None,
        evaluated: false,
    };
    let mut log = ScreeningLog::new();
    match parse_session(text) {
        Err(error) => {
            log.add_session_error(file_name, &error);
            summary.problem = Some(OpenError::Invalid { path: path.to_owned(), error }.to_string());
        }
        Ok(session) => {
            summary.participant_code.clone_from(&session.participant_code);
            summary.screening = Some(session.dates.screening);
            summary.is_signed = session.is_signed();
            summary.protocols = session.protocols.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ");
            match check_session(&session, text, library) {
                Err(error) => {
                    log.add_session_error(file_name, &error);
                    summary.problem = Some(error.to_string());
                }
                Ok(()) => {
                    let screening = Screening::evaluate(library, &session, today);
                    log.add_screening(&screening, file_name);
                    summary.rows = log
                        .rows
                        .iter()
                        .zip(&screening.protocols)
                        .map(|(row, screened)| SummaryRow::of(row, screened.loaded.compiled.protocol.source_complete))
                        .collect();
                    summary.evaluated = true;
                }
            }
        }
    }
    summary.unreadable = log.unreadable.pop();
    summary
}

/// The folder a path names, made absolute without links where it can be (so that the
/// window and the command line keep one cache per folder), else as given.
pub fn canonical_folder(folder: &Path) -> PathBuf {
    std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned())
}
