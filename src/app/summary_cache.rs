//! The session browser's summary cache: what the browser shows of each session file
//! (participant, dates, protocols, verdicts, signature and seal state, and the file's share
//! of the screening-log counts), kept in the per-user data folder so that listing a folder
//! again reads only the files that changed.
//!
//! An entry is keyed by the file's path, size and modification time, and holds the digest
//! of the bytes it summarises (the file's head, BLAKE3: [`crate::files::FileHead`]). A file whose size and modification time are those of its
//! entry is not read; one whose size or time changed is read, and its entry is used only if
//! the digest of what was read is the entry's (a file touched or copied back), else it is
//! summarised afresh. An entry made while its file was being modified (its time within
//! [`SETTLE`] of the scan) is checked by hash the next time, since a change within the
//! file system's time resolution would not show in the time.
//!
//! The whole cache is also keyed by a context: its format, this build, the library's
//! dictionary, catalogue and protocol contents, the evaluation day and the language. It is
//! signed by this installation's key (the key that seals every save), over its context and
//! the SHA-256 of its entries. A cache of another context, a file that does not read, parse
//! or match its own checksum, or that this installation did not sign, is discarded and
//! rebuilt, never trusted.
//!
//! What it may decide: the browser shows a settled entry whose size and time are unchanged
//! without reading the file. `trialscreen log` reads and hashes every file and uses an entry
//! only when the file's digest is the entry's ([`Trust::Hash`]): the row is then the one
//! this build made from exactly these bytes, on this day, under this library. Open and
//! signing always read and check the session file itself.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::engine::protocol_eval::Verdict;
use crate::files::atomic_write::{WriteError, write_private};
use crate::files::bounded_read::read_regular;
use crate::library::Library;
use crate::records::installation_key::{InstallationKey, InstallationKeyError};
use crate::records::keys::SignatureValue;
use crate::report::log::{LogRow, RecordState, ScreeningLog, SignatureState, UnreadableFile};
use crate::session::hashing::sha256_hex;
use crate::status::verdict_words;

/// The cache file's format; another number is discarded (1: no installation's signature;
/// 2: entries by the SHA-256 of the file, now its BLAKE3 head).
pub const CACHE_FORMAT: u32 = 3;

/// The first line of a cache file.
const MAGIC: &str = "trialscreen session summary cache";

/// Largest cache file read (about 50 000 sessions' summaries).
pub const MAX_CACHE_BYTES: usize = 256 * 1024 * 1024;

/// An entry whose file was modified this close to the scan that made it is checked by
/// hash the next time (a change within the file system's time resolution does not show).
pub const SETTLE: Duration = Duration::from_secs(2);

/// A file's size and modification time, as the cache keys it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time as seconds and nanoseconds since 1970; `None` when the file system
    /// gives none (or one before 1970): such a file is always read.
    pub modified: Option<(u64, u32)>,
}

impl FileStamp {
    /// The stamp of a file's metadata.
    pub fn of(metadata: &std::fs::Metadata) -> Self {
        let modified = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
            .map(|since| (since.as_secs(), since.subsec_nanos()));
        Self { size: metadata.len(), modified }
    }

    /// The stamp of the file at `path` (through a link, its target).
    pub fn at(path: &Path) -> std::io::Result<Self> {
        std::fs::metadata(path).map(|metadata| Self::of(&metadata))
    }

    fn modified_time(self) -> Option<SystemTime> {
        self.modified.map(|(secs, nanos)| UNIX_EPOCH + Duration::new(secs, nanos))
    }
}

/// One protocol's line of a session, as the screening log counts it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// The protocol's id.
    pub protocol_id: String,
    /// The protocol version.
    pub protocol_version: u32,
    /// The cohort chosen, for a multi-cohort protocol.
    pub cohort: Option<String>,
    /// The verdict under the protocol loaded.
    pub verdict: Verdict,
    /// Whether the protocol's source is complete (how an eligible verdict reads).
    pub source_complete: bool,
    /// The criteria that make the participant ineligible.
    pub ineligible_by: Vec<String>,
    /// Overrides in force.
    pub overrides: usize,
    /// Whether the session is signed and the signature covers it.
    pub signature: SignatureState,
    /// The protocol file loaded is not the content the session pinned.
    pub protocol_changed: bool,
    /// Whether the file is a sealed record.
    pub record: RecordState,
}

impl SummaryRow {
    /// The summary of a log row (`source_complete` is how its verdict reads).
    pub fn of(row: &LogRow, source_complete: bool) -> Self {
        Self {
            protocol_id: row.protocol_id.clone(),
            protocol_version: row.protocol_version,
            cohort: row.cohort.clone(),
            verdict: row.verdict,
            source_complete,
            ineligible_by: row.ineligible_by.clone(),
            overrides: row.overrides,
            signature: row.signature,
            protocol_changed: row.protocol_changed,
            record: row.record,
        }
    }

    /// The verdict in words, as the log and the browser show it.
    pub fn verdict_words(&self) -> &'static str {
        verdict_words(self.verdict, self.source_complete)
    }
}

/// What the browser shows of one session file, and its share of the log counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    /// The pseudonymous participant code; empty when the file does not read.
    pub participant_code: String,
    /// The screening visit date; `None` when the file does not read.
    pub screening: Option<NaiveDate>,
    /// Protocol ids, comma separated.
    pub protocols: String,
    /// Whether the session is signed.
    pub is_signed: bool,
    /// Why the file cannot be opened, as the browser shows it.
    pub problem: Option<String>,
    /// One row per protocol screened, in the session's order (none when it is unusable).
    pub rows: Vec<SummaryRow>,
    /// The file as the log lists it when it cannot be used.
    pub unreadable: Option<UnreadableFile>,
    /// The session was read, checked and evaluated (the log counts it as read).
    pub evaluated: bool,
}

impl FileSummary {
    /// A summary of a file that was not read at all (not a regular file): listed, with why.
    pub fn not_read(file_name: &str, browser_problem: String, log_message: String) -> Self {
        Self {
            participant_code: String::new(),
            screening: None,
            protocols: String::new(),
            is_signed: false,
            problem: Some(browser_problem),
            rows: Vec::new(),
            unreadable: Some(UnreadableFile { file_name: file_name.to_owned(), position: None, message: log_message }),
            evaluated: false,
        }
    }

    /// Adds this file's rows and problem to a screening log (`file_name` names it there).
    pub fn add_to(&self, log: &mut ScreeningLog, file_name: &str) {
        if self.evaluated {
            log.sessions += 1;
        }
        if let Some(unreadable) = &self.unreadable {
            log.unreadable.push(unreadable.clone());
        }
        if let Some(screening_date) = self.screening {
            log.rows.extend(self.rows.iter().map(|row| LogRow {
                participant_code: self.participant_code.clone(),
                screening_date,
                protocol_id: row.protocol_id.clone(),
                protocol_version: row.protocol_version,
                cohort: row.cohort.clone(),
                verdict: row.verdict,
                verdict_words: row.verdict_words(),
                ineligible_by: row.ineligible_by.clone(),
                overrides: row.overrides,
                signature: row.signature,
                protocol_changed: row.protocol_changed,
                file_name: file_name.to_owned(),
                record: row.record,
            }));
        }
    }
}

/// One file's entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheEntry {
    /// The file's size and modification time when it was summarised.
    pub stamp: FileStamp,
    /// The digest of the bytes summarised, as the file's head has it ([`crate::files::FileHead`]).
    pub digest: String,
    /// The file's modification time was well before the scan: a change since would show
    /// in its time. An unsettled entry is checked by hash.
    pub settled: bool,
    /// What the browser shows of it.
    pub summary: FileSummary,
}

impl CacheEntry {
    /// Whether this entry summarises bytes whose digest is `digest`.
    pub fn holds(&self, digest: &str) -> bool {
        self.digest == digest
    }
}

/// What the cache knows of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Same size and modification time, settled: the summary may be shown without reading.
    Fresh(&'a FileSummary),
    /// An entry, but the file's size or time differs (or the entry is unsettled): read the
    /// file, and use the entry only if [`CacheEntry::holds`] the hash of what was read.
    Check(&'a CacheEntry),
    /// No entry.
    Missing,
}

/// The summaries of one folder's session files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryCache {
    context: String,
    entries: HashMap<PathBuf, CacheEntry>,
}

/// Why a cache file was not used (it is rebuilt).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CacheProblem {
    /// There is none yet.
    #[error("{}", crate::i18n::text("error-summary-cache-absent"))]
    Absent,
    /// It could not be read.
    #[error("{}", crate::i18n::text_with("error-summary-cache-unreadable", &[("detail", _0.to_string())]))]
    Unreadable(String),
    /// It is not a cache file of this format, or its checksum does not match its content.
    #[error("{}", crate::i18n::text_with("error-summary-cache-damaged", &[("detail", _0.to_string())]))]
    Damaged(String),
    /// It was made for another build, library or day.
    #[error("{}", crate::i18n::text("error-summary-cache-stale"))]
    Stale,
    /// This installation's key did not sign it (another installation's, or changed since).
    #[error("{}", crate::i18n::text("error-summary-cache-not-vouched"))]
    NotVouched,
}

/// Where a folder's summaries are kept, and the installation key that signs them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheStore {
    /// The per-user cache folder (`UserData::cache`).
    pub folder: PathBuf,
    /// This installation's key file (`UserData::installation_key`).
    pub installation_key: PathBuf,
}

impl CacheStore {
    /// The cache folder and installation key of a per-user data folder.
    pub fn of(user_data: &crate::user_data::UserData) -> Self {
        Self { folder: user_data.cache(), installation_key: user_data.installation_key() }
    }

    /// The cache file of the session folder `folder` ([`cache_file`]).
    pub fn file_for(&self, folder: &Path) -> PathBuf {
        cache_file(&self.folder, folder)
    }

    /// This installation's key, made on first use as a save would.
    pub fn key(&self) -> Result<InstallationKey, InstallationKeyError> {
        InstallationKey::load_or_create(&self.installation_key)
    }
}

/// What a cached summary may be used on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// A settled entry whose file has the same size and time is used without reading the
    /// file (the browser's display).
    Stamp,
    /// Every file is read and hashed; an entry is used only when the hash is its own
    /// (the screening log).
    Hash,
}

impl SummaryCache {
    /// An empty cache for `context` ([`context`]).
    pub fn empty(context: String) -> Self {
        Self { context, entries: HashMap::new() }
    }

    /// The cache in `path` if it is whole, of `context` and signed by `key`, else an empty
    /// one and why.
    pub fn load(path: &Path, context: &str, key: &InstallationKey) -> (Self, Option<CacheProblem>) {
        match Self::read(path, context, key) {
            Ok(cache) => (cache, None),
            Err(problem) => (Self::empty(context.to_owned()), Some(problem)),
        }
    }

    fn read(path: &Path, context: &str, key: &InstallationKey) -> Result<Self, CacheProblem> {
        let bytes = match read_regular(path, MAX_CACHE_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::files::bounded_read::ReadError::Io { error, .. })
                if error.kind() == std::io::ErrorKind::NotFound =>
            {
                return Err(CacheProblem::Absent);
            }
            Err(error) => return Err(CacheProblem::Unreadable(error.to_string())),
        };
        let text = String::from_utf8(bytes).map_err(|_| CacheProblem::Damaged("not UTF-8".to_owned()))?;
        let mut parts = text.splitn(5, '\n');
        let (Some(magic), Some(context_line), Some(checksum_line), Some(signature_line), Some(body)) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(CacheProblem::Damaged("too short".to_owned()));
        };
        if magic != format!("{MAGIC} {CACHE_FORMAT}") {
            return Err(CacheProblem::Damaged("not a summary cache of this format".to_owned()));
        }
        let body_sha256 = sha256_hex(body);
        if checksum_line.strip_prefix("sha256 ") != Some(body_sha256.as_str()) {
            return Err(CacheProblem::Damaged("its checksum does not match its content".to_owned()));
        }
        let Some(written_in) = context_line.strip_prefix("context ") else {
            return Err(CacheProblem::Damaged("no context line".to_owned()));
        };
        let signature = signature_line
            .strip_prefix("signature ")
            .and_then(|hex| SignatureValue::parse(hex).ok())
            .ok_or_else(|| CacheProblem::Damaged("no signature line".to_owned()))?;
        if !key.vouched_for_cache(written_in, &body_sha256, &signature) {
            return Err(CacheProblem::NotVouched);
        }
        if written_in != context {
            return Err(CacheProblem::Stale);
        }
        let entries: Vec<(PathBuf, CacheEntry)> =
            serde_json::from_str(body).map_err(|error| CacheProblem::Damaged(error.to_string()))?;
        Ok(Self { context: context.to_owned(), entries: entries.into_iter().collect() })
    }

    /// The cache as its file holds it: a header (format, context, checksum of the rest,
    /// `key`'s signature of the context and checksum), then the entries as JSON, by path.
    pub fn to_text(&self, key: &InstallationKey) -> String {
        let mut entries: Vec<(&PathBuf, &CacheEntry)> = self.entries.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        // Plain data (strings, numbers, enums): serialising it cannot fail.
        let body = serde_json::to_string(&entries).unwrap_or_default();
        let body_sha256 = sha256_hex(&body);
        let signature = key.vouch_for_cache(&self.context, &body_sha256);
        format!("{MAGIC} {CACHE_FORMAT}\ncontext {}\nsha256 {body_sha256}\nsignature {signature}\n{body}", self.context)
    }

    /// Writes the cache, signed by `key`, atomically (temporary file, fsync, rename),
    /// creating its folder.
    pub fn save(&self, path: &Path, key: &InstallationKey) -> Result<(), WriteError> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| WriteError::Io { path: folder.to_owned(), error })?;
        }
        write_private(path, self.to_text(key).as_bytes())
    }

    /// What the cache knows of the file at `path` with `stamp`, for a use that trusts it so far.
    pub fn lookup(&self, path: &Path, stamp: FileStamp, trust: Trust) -> Lookup<'_> {
        match self.entries.get(path) {
            Some(entry)
                if trust == Trust::Stamp && entry.settled && entry.stamp == stamp && stamp.modified.is_some() =>
            {
                Lookup::Fresh(&entry.summary)
            }
            Some(entry) => Lookup::Check(entry),
            None => Lookup::Missing,
        }
    }

    /// Records a file's summary: `stamp` as it was before it was read, `digest` of the
    /// bytes read (the file's head), `scan_start` when the scan began (an entry of a file modified close to
    /// it is unsettled). Whether the cache changed (an entry the same in every field is
    /// not a change, so a log over an unchanged folder does not rewrite the cache).
    pub fn insert(
        &mut self,
        path: PathBuf,
        stamp: FileStamp,
        digest: String,
        scan_start: SystemTime,
        summary: FileSummary,
    ) -> bool {
        let settled = stamp
            .modified_time()
            .is_some_and(|modified| modified.checked_add(SETTLE).is_some_and(|settles| settles < scan_start));
        let entry = CacheEntry { stamp, digest, settled, summary };
        if self.entries.get(&path) == Some(&entry) {
            return false;
        }
        self.entries.insert(path, entry);
        true
    }

    /// Keeps only the entries of these paths (files gone from the folder are forgotten).
    pub fn retain_paths(&mut self, paths: &std::collections::HashSet<PathBuf>) {
        self.entries.retain(|path, _| paths.contains(path));
    }

    /// How many files it summarises.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it summarises no file.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Where the summaries of `folder` are kept under the cache folder `cache_folder`: one file
/// per folder, named by the SHA-256 of its path.
pub fn cache_file(cache_folder: &Path, folder: &Path) -> PathBuf {
    let key = sha256_hex(&folder.to_string_lossy());
    cache_folder.join(format!("sessions-{}.json", key.get(..24).unwrap_or(&key)))
}

/// The context a cache is valid in: its format, this build (the running program's size and
/// time), the library's dictionary, catalogue and protocol contents, the evaluation day, and
/// the language (a summary holds the words of a file that could not be read).
pub fn context(library: &Library, today: NaiveDate) -> String {
    let build = std::env::current_exe().ok().and_then(|exe| FileStamp::at(&exe).ok());
    let knowledge = &library.knowledge;
    let language = crate::i18n::language().tag();
    let mut text = format!(
        "format {CACHE_FORMAT}\nversion {}\nbuild {build:?}\nday {today}\nlanguage {language}\n",
        env!("CARGO_PKG_VERSION")
    );
    text.push_str(&ron::to_string(&knowledge.dictionary).unwrap_or_default());
    text.push('\n');
    text.push_str(&ron::to_string(&knowledge.catalogue).unwrap_or_default());
    text.push('\n');
    for loaded in library.protocols() {
        let protocol = &loaded.compiled.protocol;
        text.push_str(&format!("{} {} {}\n", protocol.id, protocol.version, loaded.sha256));
    }
    sha256_hex(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::folder_scan::summarise;
    use crate::files::folder::Listed;
    use crate::library::BUNDLED_EXAMPLES;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    /// A folder with one bundled example as `s.ron`, and its listing.
    fn one_session() -> (tempfile::TempDir, Listed, Library) {
        let dir = tempfile::tempdir().unwrap();
        let (_, text) = BUNDLED_EXAMPLES.first().unwrap();
        let path = dir.path().join("s.ron");
        std::fs::write(&path, text).unwrap();
        (dir, Listed { path, name: "s.ron".to_owned(), problem: None }, Library::bundled().unwrap())
    }

    /// A cache holding `file` as summarised now, its entry settled (the scan began later).
    fn cached(file: &Listed, library: &Library) -> (SummaryCache, FileSummary) {
        let mut cache = SummaryCache::empty("test".to_owned());
        let (summary, read) = summarise(file, &cache, library, day(), Trust::Stamp);
        let (stamp, digest) = read.unwrap();
        cache.insert(file.path.clone(), stamp, digest, SystemTime::now() + SETTLE * 10, summary.clone());
        (cache, summary)
    }

    fn set_modified(path: &Path, time: SystemTime) {
        std::fs::File::options().write(true).open(path).unwrap().set_modified(time).unwrap();
    }

    #[test]
    fn an_unchanged_file_is_a_hit_and_is_not_read() {
        let (_dir, file, library) = one_session();
        let (cache, summary) = cached(&file, &library);
        assert!(summary.evaluated && !summary.participant_code.is_empty(), "{summary:?}");
        let stamp = FileStamp::at(&file.path).unwrap();
        assert_eq!(cache.lookup(&file.path, stamp, Trust::Stamp), Lookup::Fresh(&summary));
        // Same size and time, other bytes: not read, so the cached summary is what is shown.
        let modified = std::fs::metadata(&file.path).unwrap().modified().unwrap();
        let size = usize::try_from(stamp.size).unwrap();
        std::fs::write(&file.path, "x".repeat(size)).unwrap();
        set_modified(&file.path, modified);
        assert_eq!(FileStamp::at(&file.path).unwrap(), stamp);
        let (again, read) = summarise(&file, &cache, &library, day(), Trust::Stamp);
        assert_eq!(again, summary);
        assert!(read.is_none(), "a fresh entry is not read, so not recorded again");
    }

    #[test]
    fn a_changed_size_or_time_is_a_miss_and_the_file_is_summarised_again() {
        let (_dir, file, library) = one_session();
        let (cache, summary) = cached(&file, &library);
        let stamp = FileStamp::at(&file.path).unwrap();
        let bigger = FileStamp { size: stamp.size + 1, ..stamp };
        assert!(matches!(cache.lookup(&file.path, bigger, Trust::Stamp), Lookup::Check(_)));
        let later = FileStamp { modified: stamp.modified.map(|(s, n)| (s + 1, n)), ..stamp };
        assert!(matches!(cache.lookup(&file.path, later, Trust::Stamp), Lookup::Check(_)));
        assert_eq!(cache.lookup(Path::new("/elsewhere/s.ron"), stamp, Trust::Stamp), Lookup::Missing);

        // The participant code changed: another size, read and summarised afresh.
        let text = std::fs::read_to_string(&file.path).unwrap();
        let code = &summary.participant_code;
        std::fs::write(&file.path, text.replace(&format!("\"{code}\""), &format!("\"{code}-2\""))).unwrap();
        let (again, read) = summarise(&file, &cache, &library, day(), Trust::Stamp);
        assert_eq!(again.participant_code, format!("{code}-2"));
        assert!(read.is_some());
    }

    #[test]
    fn a_touched_file_whose_hash_matches_reuses_its_entry() {
        let (_dir, file, library) = one_session();
        let (mut cache, summary) = cached(&file, &library);
        let stamp = FileStamp::at(&file.path).unwrap();
        // The entry says something no evaluation of the file would: it is what is shown only
        // if the entry is used.
        let mut marked = summary.clone();
        marked.participant_code = "FROM-THE-CACHE".to_owned();
        let (_, digest) = store_head(&file.path);
        cache.insert(file.path.clone(), stamp, digest, SystemTime::now() + SETTLE * 10, marked.clone());
        set_modified(&file.path, SystemTime::now() - Duration::from_secs(3600));
        let (again, read) = summarise(&file, &cache, &library, day(), Trust::Stamp);
        assert_eq!(again, marked, "the time changed, the hash did not: the entry is reused");
        assert!(read.is_some(), "recorded again with the new time");
    }

    #[test]
    fn an_entry_whose_hash_does_not_match_the_file_is_not_trusted() {
        let (_dir, file, library) = one_session();
        let (mut cache, summary) = cached(&file, &library);
        let stamp = FileStamp::at(&file.path).unwrap();
        let mut forged = summary.clone();
        forged.participant_code = "FORGED".to_owned();
        // Same stamp but unsettled (made while the file was being written): checked by hash.
        cache.insert(file.path.clone(), stamp, "0".repeat(64), SystemTime::now() - SETTLE * 10, forged.clone());
        assert!(matches!(cache.lookup(&file.path, stamp, Trust::Stamp), Lookup::Check(_)));
        let (again, _) = summarise(&file, &cache, &library, day(), Trust::Stamp);
        assert_eq!(again, summary, "the file itself is summarised");
        // A time change with another hash: not trusted either.
        cache.insert(file.path.clone(), stamp, "0".repeat(64), SystemTime::now() + SETTLE * 10, forged);
        set_modified(&file.path, SystemTime::now() - Duration::from_secs(3600));
        let (again, _) = summarise(&file, &cache, &library, day(), Trust::Stamp);
        assert_eq!(again, summary);
    }

    fn store_head(path: &Path) -> (String, String) {
        let (text, head) = crate::session::store::read_text_with_head(path).unwrap();
        let crate::files::FileHead::Digest(digest) = head else { panic!("a head") };
        (text, digest)
    }

    fn key(dir: &Path) -> InstallationKey {
        InstallationKey::load_or_create(&dir.join("installation.key")).unwrap()
    }

    #[test]
    fn a_cache_file_round_trips_and_a_damaged_or_stale_one_is_rebuilt() {
        let (dir, file, library) = one_session();
        let key = key(dir.path());
        let (cache, summary) = cached(&file, &library);
        let path = cache_file(&dir.path().join("cache"), dir.path());
        cache.save(&path, &key).unwrap();
        let (loaded, problem) = SummaryCache::load(&path, "test", &key);
        assert_eq!(problem, None);
        assert_eq!(loaded, cache);
        let stamp = FileStamp::at(&file.path).unwrap();
        assert_eq!(loaded.lookup(&file.path, stamp, Trust::Stamp), Lookup::Fresh(&summary));

        let (_, problem) = SummaryCache::load(&path, "another library or day", &key);
        assert_eq!(problem, Some(CacheProblem::Stale));
        let text = std::fs::read_to_string(&path).unwrap();
        // One character of the entries changed: the checksum no longer matches.
        std::fs::write(&path, text.replacen(&summary.participant_code, "FORGED", 1)).unwrap();
        let (rebuilt, problem) = SummaryCache::load(&path, "test", &key);
        assert!(matches!(problem, Some(CacheProblem::Damaged(_))), "{problem:?}");
        assert!(rebuilt.is_empty());
        // Cut short, not a cache at all, another format (the unsigned format 1 and format 2,
        // keyed by SHA-256, among them).
        let format = |number: &str| text.replacen(&format!(" {CACHE_FORMAT}\n"), &format!(" {number}\n"), 1);
        let (format_1, format_2, format_999) = (format("1"), format("2"), format("999"));
        for damaged in [&text[..text.len() / 2], "garbage", &format_999, &format_1, &format_2] {
            std::fs::write(&path, damaged).unwrap();
            let (rebuilt, problem) = SummaryCache::load(&path, "test", &key);
            assert!(matches!(problem, Some(CacheProblem::Damaged(_))), "{problem:?}");
            assert!(rebuilt.is_empty());
        }
        std::fs::remove_file(&path).unwrap();
        assert_eq!(SummaryCache::load(&path, "test", &key).1, Some(CacheProblem::Absent));
    }

    #[test]
    fn a_cache_this_installation_did_not_sign_is_rebuilt() {
        let (dir, file, library) = one_session();
        let (key, other) = (key(dir.path()), key(&dir.path().join("elsewhere")));
        let (cache, summary) = cached(&file, &library);
        let path = cache_file(&dir.path().join("cache"), dir.path());
        // Another installation's cache, copied here: its signature is not this key's.
        cache.save(&path, &other).unwrap();
        let (rebuilt, problem) = SummaryCache::load(&path, "test", &key);
        assert_eq!(problem, Some(CacheProblem::NotVouched));
        assert!(rebuilt.is_empty());

        // A forger who edits an entry and recomputes the checksum, as an unkeyed cache
        // would have let them: the signature no longer covers the entries.
        cache.save(&path, &key).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.splitn(5, '\n').map(str::to_owned).collect();
        let body = lines.pop().unwrap().replacen(&summary.participant_code, "FORGED", 1);
        lines[2] = format!("sha256 {}", sha256_hex(&body));
        lines.push(body);
        std::fs::write(&path, lines.join("\n")).unwrap();
        let (rebuilt, problem) = SummaryCache::load(&path, "test", &key);
        assert_eq!(problem, Some(CacheProblem::NotVouched));
        assert!(rebuilt.is_empty());
        // Moved to another context line with the rest kept: not vouched for either.
        cache.save(&path, &key).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("context test\n", "context other\n", 1)).unwrap();
        assert_eq!(SummaryCache::load(&path, "other", &key).1, Some(CacheProblem::NotVouched));
    }

    #[test]
    fn trusting_by_hash_reads_every_file_and_uses_an_entry_only_for_its_bytes() {
        let (_dir, file, library) = one_session();
        let (mut cache, summary) = cached(&file, &library);
        let stamp = FileStamp::at(&file.path).unwrap();
        assert!(matches!(cache.lookup(&file.path, stamp, Trust::Hash), Lookup::Check(_)), "never fresh by stamp");
        // The entry of exactly these bytes is used (marked, to see that it was).
        let mut marked = summary.clone();
        marked.participant_code = "FROM-THE-CACHE".to_owned();
        let (_, digest) = store_head(&file.path);
        let later = SystemTime::now() + SETTLE * 10;
        cache.insert(file.path.clone(), stamp, digest.clone(), later, marked.clone());
        let (again, read) = summarise(&file, &cache, &library, day(), Trust::Hash);
        assert_eq!(again, marked);
        assert_eq!(read, Some((stamp, digest.clone())));
        assert!(!cache.insert(file.path.clone(), stamp, digest, later, marked), "the same entry is no change");

        // Other bytes of the same size and time: the browser would show the entry, the log
        // summarises what the file holds now.
        let modified = std::fs::metadata(&file.path).unwrap().modified().unwrap();
        let text = std::fs::read_to_string(&file.path).unwrap();
        let code = &summary.participant_code;
        let renamed = text.replacen(&format!("\"{code}\""), &format!("\"{}\"", "Z".repeat(code.len())), 1);
        assert_eq!(renamed.len(), text.len());
        std::fs::write(&file.path, renamed).unwrap();
        set_modified(&file.path, modified);
        assert_eq!(summarise(&file, &cache, &library, day(), Trust::Stamp).0.participant_code, "FROM-THE-CACHE");
        let (logged, _) = summarise(&file, &cache, &library, day(), Trust::Hash);
        assert_eq!(logged.participant_code, "Z".repeat(code.len()));
    }

    #[test]
    fn the_context_changes_with_the_day_and_the_library() {
        let library = Library::bundled().unwrap();
        let today = context(&library, day());
        assert_eq!(today, context(&library, day()), "the same every time");
        assert_ne!(today, context(&library, day().succ_opt().unwrap()));
    }
}
