//! The local witness ledger: one line appended at every save, naming the session, the
//! sequence number and hash of its trail's head, and the time. Kept in the per-user data
//! folder, apart from the session files, it lets `verify` and the window's Open say "this
//! file is older than its last save on this computer" when someone puts back an older copy
//! or cuts entries from the end of a trail.
//!
//! The file is only ever appended to, under an exclusive lock, one whole line per write and
//! flushed to disk. A line is
//! `v1␉SESSION-ID␉SEQUENCE␉HEAD-HASH␉TIME␉CHECK⏎`, where CHECK is the start of the SHA-256
//! of what precedes it. A crash mid-append leaves at most a torn last line without its
//! newline: readers skip it, and the next append starts on a new line, so no earlier
//! record is lost. A line that is damaged anywhere else is counted and skipped, never
//! trusted. Lines are read one at a time with a cap on their length, so a huge or hostile
//! file costs time linear in its size and a few kilobytes of memory.

use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest as _, Sha256};

use crate::files::hex;
use crate::files::kind_words;
use crate::files::private::{self, FileError};
use crate::records::session_id::SessionId;

/// The version tag that starts every line this build writes.
const LINE_TAG: &str = "v1";

/// No valid line is longer (they are about 150 bytes); a longer one is damage.
const MAX_LINE_BYTES: usize = 512;

/// How many hex digits of the SHA-256 end each line.
const CHECK_DIGITS: usize = 16;

/// Why the ledger could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The file could not be opened, locked, read or written.
    #[error(transparent)]
    File(#[from] FileError),
    /// A hash is not 64 lowercase hex digits (a defect of the caller).
    #[error("{}", crate::i18n::text_with("ledger-head-hash", &[("text", .0.clone()), ("digits", 64.to_string())]))]
    HeadHash(String),
}

/// One save, as the ledger records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerRecord {
    /// The session saved.
    pub session_id: SessionId,
    /// The sequence number of its trail's last entry.
    pub sequence: u64,
    /// The hash of that entry (lowercase hex SHA-256).
    pub head_hash: String,
    /// The hash of the trail's first (creation) entry: it names the session even in a
    /// file relabelled as format 1, which has no session id (a downgrade).
    pub first_entry_hash: String,
    /// When it was saved (UTC, to the second).
    pub recorded_at: DateTime<Utc>,
}

/// What a reading of the ledger found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerScan {
    /// The last record of the session asked about, if the ledger has one.
    pub last: Option<LedgerRecord>,
    /// Whole lines that are not records (damaged or of a newer format), by line number.
    pub damaged_lines: Vec<u64>,
    /// Whether the last line is torn (a crash during an append); it is skipped.
    pub torn_last_line: bool,
}

/// The witness ledger at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ledger {
    path: PathBuf,
}

impl Ledger {
    /// The ledger file at `path` (created by the first append).
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends a record, under an exclusive lock, and flushes it to disk.
    pub fn append(&self, record: &LedgerRecord) -> Result<(), LedgerError> {
        let line = record_line(record)?;
        let path = self.path.as_path();
        refuse_special_file(path)?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            private::ensure_private_dir(folder)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).append(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(FileError::io(path))?;
        require_regular(path, &file.metadata().map_err(FileError::io(path))?)?;
        file.lock().map_err(FileError::io(path))?;
        // After a torn append the file does not end with a newline: start a new line so
        // the record is not glued to the fragment.
        let mut text = String::with_capacity(line.len() + 1);
        if !ends_with_newline(&mut file).map_err(FileError::io(path))? {
            text.push('\n');
        }
        text.push_str(&line);
        file.write_all(text.as_bytes()).map_err(FileError::io(path))?;
        file.sync_data().map_err(FileError::io(path))?;
        // Closing the file releases the lock.
        Ok(())
    }

    /// Reads the whole ledger for the last record of `session_id`. A missing ledger is an
    /// empty one (a fresh installation).
    pub fn last_record(&self, session_id: &SessionId) -> Result<LedgerScan, LedgerError> {
        let mut last = None;
        let prefix = format!("{LINE_TAG}\t{session_id}\t");
        let scan = self.read_records(|line| line.starts_with(prefix.as_bytes()), |record| last = Some(record))?;
        Ok(LedgerScan { last, ..scan })
    }

    /// Reads the whole ledger for the last record of the session whose trail starts with
    /// the entry hashed `first_entry_hash`: how a file without a session id (format 1, or
    /// relabelled as format 1) is recognised as a session saved here with a seal.
    pub fn last_record_with_first_entry(&self, first_entry_hash: &str) -> Result<LedgerScan, LedgerError> {
        let mut last = None;
        let field = first_entry_hash.as_bytes();
        let scan =
            self.read_records(|line| line.split(|b| *b == b'\t').nth(4) == Some(field), |record| last = Some(record))?;
        Ok(LedgerScan { last, ..scan })
    }

    /// Every record of one session, in the order they were appended: those naming
    /// `session_id`, and those whose trail starts with the entry hashed `first_entry_hash`
    /// (a copy whose id was removed or changed is still found by its creation entry).
    /// `verify` compares a file with all of them, so a rolled-back copy saved again cannot
    /// make the later record disappear behind a new "last" one.
    pub fn history(
        &self,
        session_id: Option<&SessionId>,
        first_entry_hash: Option<&str>,
    ) -> Result<(Vec<LedgerRecord>, LedgerScan), LedgerError> {
        let mut records = Vec::new();
        let prefix = session_id.map(|id| format!("{LINE_TAG}\t{id}\t"));
        let wanted = |line: &[u8]| {
            prefix.as_ref().is_some_and(|prefix| line.starts_with(prefix.as_bytes()))
                || first_entry_hash.is_some_and(|hash| line.split(|b| *b == b'\t').nth(4) == Some(hash.as_bytes()))
        };
        let scan = self.read_records(wanted, |record| records.push(record))?;
        let last = records.last().cloned();
        Ok((records, LedgerScan { last, ..scan }))
    }

    /// Every record, in the order they were appended (for inspection and tests).
    pub fn records(&self) -> Result<(Vec<LedgerRecord>, LedgerScan), LedgerError> {
        let mut records = Vec::new();
        let scan = self.read_records(|_| true, |record| records.push(record))?;
        Ok((records, scan))
    }

    /// Reads every line, passing each record of a line `wanted` says may be of interest to
    /// `found`; returns what else it saw. Other lines are only checked for their shape, so
    /// a long ledger is read at the speed of the disk.
    fn read_records(
        &self,
        wanted: impl Fn(&[u8]) -> bool,
        mut found: impl FnMut(LedgerRecord),
    ) -> Result<LedgerScan, LedgerError> {
        let mut scan = LedgerScan::default();
        let path = self.path.as_path();
        if !refuse_special_file(path)? {
            return Ok(scan);
        }
        let file = File::open(path).map_err(FileError::io(path))?;
        // The name may have been swapped for something else since it was looked at.
        require_regular(path, &file.metadata().map_err(FileError::io(path))?)?;
        // A reader waits for an append under way, so it never sees half of one.
        file.lock_shared().map_err(FileError::io(path))?;
        let mut reader = BufReader::with_capacity(64 * 1024, file);
        let mut line = Vec::with_capacity(MAX_LINE_BYTES + 1);
        let mut number = 0u64;
        loop {
            line.clear();
            let ended = read_line_capped(&mut reader, &mut line).map_err(FileError::io(path))?;
            if line.is_empty() && ended == LineEnd::EndOfFile {
                return Ok(scan);
            }
            number += 1;
            match ended {
                LineEnd::EndOfFile => {
                    scan.torn_last_line = true;
                    return Ok(scan);
                }
                LineEnd::TooLong => scan.damaged_lines.push(number),
                LineEnd::Newline if !wanted(&line) => {
                    if !has_record_shape(&line) {
                        scan.damaged_lines.push(number);
                    }
                }
                LineEnd::Newline => match parse_line(&line) {
                    Some(record) => found(record),
                    None => scan.damaged_lines.push(number),
                },
            }
        }
    }
}

/// Whether `path` exists, refusing anything but a regular file before it is opened (a
/// FIFO would make the open wait for a writer).
fn refuse_special_file(path: &Path) -> Result<bool, FileError> {
    match fs::metadata(path) {
        Ok(metadata) => require_regular(path, &metadata).map(|()| true),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(FileError::Io { path: path.to_owned(), error }),
    }
}

fn require_regular(path: &Path, metadata: &fs::Metadata) -> Result<(), FileError> {
    if metadata.is_file() {
        Ok(())
    } else {
        Err(FileError::NotRegular { path: path.to_owned(), kind: kind_words(&metadata.file_type()) })
    }
}

/// The text of one record's line, newline included.
fn record_line(record: &LedgerRecord) -> Result<String, LedgerError> {
    let LedgerRecord { session_id, sequence, head_hash, first_entry_hash, recorded_at } = record;
    for hash in [head_hash, first_entry_hash] {
        if !hex::is_hex_of_len(hash, 32) {
            return Err(LedgerError::HeadHash(hash.chars().take(80).collect()));
        }
    }
    let time = recorded_at.to_rfc3339_opts(SecondsFormat::Secs, true);
    let body = format!("{LINE_TAG}\t{session_id}\t{sequence}\t{head_hash}\t{first_entry_hash}\t{time}\t");
    Ok(format!("{body}{}\n", check_of(&body)))
}

fn check_of(body: &str) -> String {
    let mut digest = hex::encode(&Sha256::digest(body.as_bytes()));
    digest.truncate(CHECK_DIGITS);
    digest
}

/// Whether a line starts like a record (`v1␉` and a session id), without checking it.
fn has_record_shape(line: &[u8]) -> bool {
    let id_start = LINE_TAG.len() + 1;
    line.starts_with(LINE_TAG.as_bytes())
        && line.get(LINE_TAG.len()) == Some(&b'\t')
        && line.get(id_start + 32) == Some(&b'\t')
        && line
            .get(id_start..id_start + 32)
            .and_then(|id| std::str::from_utf8(id).ok())
            .is_some_and(|id| hex::is_hex_of_len(id, 16))
}

/// A record from one line (without its newline), or `None` if the line is not one.
fn parse_line(line: &[u8]) -> Option<LedgerRecord> {
    let text = std::str::from_utf8(line).ok()?;
    // The body keeps its last tab: the check covers exactly what was written before it.
    let (body, check) = text.split_at_checked(text.rfind('\t')? + 1)?;
    if check != check_of(body) {
        return None;
    }
    let mut fields = body.trim_end_matches('\t').split('\t');
    let (tag, id, sequence) = (fields.next()?, fields.next()?, fields.next()?);
    let (head, first, time) = (fields.next()?, fields.next()?, fields.next()?);
    if tag != LINE_TAG || fields.next().is_some() || !hex::is_hex_of_len(head, 32) || !hex::is_hex_of_len(first, 32) {
        return None;
    }
    Some(LedgerRecord {
        session_id: SessionId::parse(id).ok()?,
        sequence: sequence.parse().ok()?,
        head_hash: head.to_owned(),
        first_entry_hash: first.to_owned(),
        recorded_at: DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineEnd {
    Newline,
    /// The file ended before a newline (a torn append, or nothing left).
    EndOfFile,
    /// Longer than any record; the rest of it was skipped.
    TooLong,
}

/// Reads up to a newline into `line` (without it), keeping at most [`MAX_LINE_BYTES`].
fn read_line_capped(reader: &mut impl std::io::BufRead, line: &mut Vec<u8>) -> std::io::Result<LineEnd> {
    let mut too_long = false;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(if too_long { LineEnd::TooLong } else { LineEnd::EndOfFile });
        }
        let (taken, found_newline) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (at, true),
            None => (buffer.len(), false),
        };
        if !too_long {
            let room = MAX_LINE_BYTES.saturating_sub(line.len());
            line.extend_from_slice(buffer.get(..taken.min(room)).unwrap_or_default());
            too_long = taken > room;
        }
        reader.consume(if found_newline { taken + 1 } else { taken });
        if found_newline {
            return Ok(if too_long { LineEnd::TooLong } else { LineEnd::Newline });
        }
    }
}

fn ends_with_newline(file: &mut File) -> std::io::Result<bool> {
    let length = file.metadata()?.len();
    if length == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::Start(length - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last == [b'\n'])
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    fn record(id: &SessionId, sequence: u64) -> LedgerRecord {
        LedgerRecord {
            session_id: *id,
            sequence,
            head_hash: format!("{sequence:064x}"),
            first_entry_hash: hex::encode(&Sha256::digest(id.to_string().as_bytes())),
            recorded_at: Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap()
                + chrono::Duration::seconds(sequence as i64),
        }
    }

    #[test]
    fn the_last_record_of_a_session_is_found_among_others() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::at(dir.path().join("ledger.log"));
        let (a, b) = (SessionId::random().unwrap(), SessionId::random().unwrap());
        assert_eq!(ledger.last_record(&a).unwrap(), LedgerScan::default(), "no ledger yet is an empty one");
        for sequence in 1..=5 {
            ledger.append(&record(&a, sequence)).unwrap();
            ledger.append(&record(&b, sequence * 10)).unwrap();
        }
        let scan = ledger.last_record(&a).unwrap();
        assert_eq!(scan.last, Some(record(&a, 5)));
        assert!(scan.damaged_lines.is_empty() && !scan.torn_last_line);
        assert_eq!(ledger.last_record(&b).unwrap().last, Some(record(&b, 50)));
        assert_eq!(ledger.last_record(&SessionId::random().unwrap()).unwrap().last, None);
        // A file relabelled as format 1 has no session id; its first entry still names it.
        let by_first = ledger.last_record_with_first_entry(&record(&a, 1).first_entry_hash).unwrap();
        assert_eq!(by_first.last, Some(record(&a, 5)));
        assert_eq!(ledger.last_record_with_first_entry(&"0".repeat(64)).unwrap().last, None);
        // The whole history of a session, found by its id or by its creation entry.
        let (by_id, _) = ledger.history(Some(&a), None).unwrap();
        assert_eq!(by_id, (1..=5).map(|sequence| record(&a, sequence)).collect::<Vec<_>>());
        let (by_first, _) = ledger.history(None, Some(&record(&b, 1).first_entry_hash)).unwrap();
        assert_eq!(by_first.len(), 5);
        assert!(ledger.history(None, None).unwrap().0.is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(fs::metadata(ledger.path()).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn a_torn_last_line_loses_no_earlier_record_and_the_next_append_starts_a_new_line() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::at(dir.path().join("ledger.log"));
        let id = SessionId::random().unwrap();
        ledger.append(&record(&id, 1)).unwrap();
        ledger.append(&record(&id, 2)).unwrap();
        // A crash in the middle of appending record 3.
        let whole = record_line(&record(&id, 3)).unwrap();
        let mut file = OpenOptions::new().append(true).open(ledger.path()).unwrap();
        file.write_all(&whole.as_bytes()[..40]).unwrap();
        drop(file);
        let scan = ledger.last_record(&id).unwrap();
        assert_eq!(scan.last, Some(record(&id, 2)));
        assert!(scan.torn_last_line);
        ledger.append(&record(&id, 4)).unwrap();
        let (records, scan) = ledger.records().unwrap();
        assert_eq!(records, vec![record(&id, 1), record(&id, 2), record(&id, 4)]);
        assert_eq!(scan.damaged_lines, vec![3], "the fragment is one damaged line");
        assert!(!scan.torn_last_line);
    }

    #[test]
    fn damaged_and_overlong_lines_are_counted_and_never_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::at(dir.path().join("ledger.log"));
        let id = SessionId::random().unwrap();
        ledger.append(&record(&id, 1)).unwrap();
        let edited = record_line(&record(&id, 9)).unwrap().replace("\t9\t", "\t8\t");
        let overlong = format!("{}\n", "x".repeat(100_000));
        let mut file = OpenOptions::new().append(true).open(ledger.path()).unwrap();
        file.write_all(edited.as_bytes()).unwrap();
        file.write_all(overlong.as_bytes()).unwrap();
        file.write_all(b"\n").unwrap();
        drop(file);
        ledger.append(&record(&id, 2)).unwrap();
        let scan = ledger.last_record(&id).unwrap();
        assert_eq!(scan.last, Some(record(&id, 2)));
        assert_eq!(scan.damaged_lines, vec![2, 3, 4], "an edited line, an overlong one, an empty one");
    }

    #[test]
    fn concurrent_appends_never_interleave() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::at(dir.path().join("ledger.log"));
        let ids: Vec<SessionId> = (0..4).map(|_| SessionId::random().unwrap()).collect();
        std::thread::scope(|scope| {
            for id in &ids {
                let ledger = ledger.clone();
                scope.spawn(move || {
                    for sequence in 1..=50 {
                        ledger.append(&record(id, sequence)).unwrap();
                    }
                });
            }
        });
        let (records, scan) = ledger.records().unwrap();
        assert_eq!(records.len(), 200);
        assert_eq!(scan, LedgerScan::default());
        for id in &ids {
            assert_eq!(ledger.last_record(id).unwrap().last, Some(record(id, 50)));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_ledger_that_is_a_device_or_fifo_is_refused_without_waiting() {
        let ledger = Ledger::at("/dev/zero");
        let error = ledger.last_record(&SessionId::random().unwrap()).unwrap_err();
        assert!(matches!(error, LedgerError::File(FileError::NotRegular { .. })), "{error}");
    }

    #[test]
    fn a_head_hash_that_is_not_a_hash_is_refused_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::at(dir.path().join("ledger.log"));
        let bad = LedgerRecord { head_hash: "a\tb\n".to_owned(), ..record(&SessionId::random().unwrap(), 1) };
        assert!(matches!(ledger.append(&bad), Err(LedgerError::HeadHash(_))));
        assert!(!ledger.path().exists());
    }
}
