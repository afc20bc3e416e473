//! The site screening log: one row per session file and protocol, CONSORT-style counts
//! per protocol (screened, eligible, ineligible by criterion, incomplete), and every file
//! that could not be read, with its line and column. Pure: the caller reads the files and
//! hands in their text (the CLI's `log` command, the app's session browser).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};

use crate::engine::protocol_eval::{DiscretionStatus, Verdict};
use crate::i18n::{text, text_with, word};
use crate::library::Library;
use crate::report::{Paper, ReportError, log_layout};
use crate::screening::Screening;
use crate::session::audit::content_hash;
use crate::session::load::{SessionError, parse_session};
use crate::session::model::Session;
use crate::session_check::check_session;
use crate::status::verdict_words;

/// One session screened for one protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogRow {
    /// The pseudonymous participant code.
    pub participant_code: String,
    /// The screening visit date.
    pub screening_date: NaiveDate,
    /// The protocol's id.
    pub protocol_id: String,
    /// The protocol version the session is screened under.
    pub protocol_version: u32,
    /// The cohort id the session chose, for a multi-cohort protocol.
    pub cohort: Option<String>,
    /// The verdict under the protocol loaded now.
    pub verdict: Verdict,
    /// `status::verdict_words`, as the summary prints it.
    pub verdict_words: &'static str,
    /// The criteria that make the participant ineligible.
    pub ineligible_by: Vec<String>,
    /// Overrides in force (recorded, and their conditions hold).
    pub overrides: usize,
    /// Whether the session is signed, and whether the signature covers its content.
    pub signature: SignatureState,
    /// The protocol file loaded now is not the content the session pinned: the verdict is
    /// an evaluation under another protocol, counted apart.
    pub protocol_changed: bool,
    /// The session file's name.
    pub file_name: String,
    /// Whether the file is a sealed record; legacy files and templates are listed apart.
    pub record: RecordState,
}

/// Whether a session file is a sealed record whose trail verifies (`session::audit::verify`,
/// `session::integrity::seal_state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RecordState {
    /// Its seal holds for its trail's head.
    Sealed,
    /// Its seal does not match its trail's head: entries removed or changed after its save.
    SealBroken,
    /// No seal: a file of an older format (a legacy file, or one relabelled as one).
    Legacy {
        /// The session format the file states.
        format: u32,
    },
    /// No seal in this format: a template, or a file whose seal was removed.
    Unsealed,
    /// The audit trail does not verify: an entry's hash, the chain, or the values, decisions
    /// or signature differ from what the trail records (changed outside trialscreen). Its seal,
    /// which covers the trail's head only, may still hold.
    TrailAltered,
}

impl RecordState {
    /// In words, as the CSV writes it.
    pub fn words(self) -> String {
        match self {
            Self::Sealed => text("log-yes"),
            Self::SealBroken => text("log-seal-broken"),
            Self::Legacy { format } => text_with("log-legacy", &[("format", format.to_string())]),
            Self::Unsealed => text("log-unsealed"),
            Self::TrailAltered => text_with("log-trail-altered", &[("app", "trialscreen".to_owned())]),
        }
    }

    /// The trail first (the seal covers only its head: a value edited in the file leaves the
    /// seal holding), then the seal.
    fn of(session: &Session, verification: &crate::session::audit::Verification) -> Self {
        if !verification.is_intact() {
            return Self::TrailAltered;
        }
        match crate::session::integrity::seal_state(session) {
            crate::session::integrity::SealState::Holds { .. } => Self::Sealed,
            crate::session::integrity::SealState::Broken { .. } => Self::SealBroken,
            crate::session::integrity::SealState::Missing if session.awaits_migration() => {
                Self::Legacy { format: session.format_version }
            }
            crate::session::integrity::SealState::Missing => Self::Unsealed,
        }
    }
}

/// Whether a session is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SignatureState {
    /// Signed, and the signature covers the content.
    Signed,
    /// Not signed.
    Unsigned,
    /// A signature is stored but does not cover the content.
    NotCovering,
}

impl SignatureState {
    /// In words, as the CSV writes it.
    pub fn words(self) -> &'static str {
        word(match self {
            Self::Signed => "log-yes",
            Self::Unsigned => "log-no",
            Self::NotCovering => "log-signature-not-covering",
        })
    }
}

/// A file that could not be used, and where the problem is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnreadableFile {
    /// The file's name.
    pub file_name: String,
    /// Line and column (1-based), when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong with it.
    pub message: String,
}

/// The log of a folder of sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScreeningLog {
    /// One row per session and protocol, by file name, then in the session's protocol order.
    pub rows: Vec<LogRow>,
    /// Files that could not be used, by file name.
    pub unreadable: Vec<UnreadableFile>,
    /// Session files that were read and evaluated.
    pub sessions: usize,
}

/// The counts of one protocol version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolCounts {
    /// The protocol's id.
    pub protocol_id: String,
    /// The protocol version.
    pub protocol_version: u32,
    /// Sessions screened for the protocol.
    pub screened: usize,
    /// Distinct participant codes among them.
    pub participants: usize,
    /// Sessions with an eligible verdict.
    pub eligible: usize,
    /// How the eligible verdict reads ("ELIGIBLE ON THE AVAILABLE CRITERIA" when the source
    /// is incomplete).
    pub eligible_words: &'static str,
    /// Sessions with an ineligible verdict.
    pub ineligible: usize,
    /// Sessions ineligible by each criterion, most first; a session may count under several.
    pub ineligible_by: Vec<(String, usize)>,
    /// Sessions with an incomplete verdict.
    pub incomplete: usize,
    /// Sessions with at least one override in force.
    pub with_overrides: usize,
    /// Sessions whose pinned protocol content changed: not counted as eligible, ineligible
    /// or incomplete, since their verdict is under another protocol than screened.
    pub protocol_changed: usize,
}

impl ScreeningLog {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the log of many session files, on every available core. `read` gives a file's
    /// name and its text, or why the text could not be read; it is called once per file,
    /// from several threads. The caller keeps the file I/O.
    pub fn build<F: Sync>(
        library: &Library,
        evaluation_day: chrono::NaiveDate,
        files: &[F],
        read: impl Fn(&F) -> (String, Result<String, String>) + Sync,
    ) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        // Each worker takes the next file as it is free: files of very different sizes
        // still keep every core busy to the end.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (read, next) = (&read, &next);
        let parts: Vec<Self> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.clamp(1, files.len().max(1)))
                .map(|_| {
                    scope.spawn(move || {
                        let mut log = Self::new();
                        while let Some(file) = files.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                            match read(file) {
                                (name, Ok(text)) => log.add_text(library, evaluation_day, &name, &text),
                                (name, Err(message)) => log.add_unreadable(&name, None, message),
                            }
                        }
                        log
                    })
                })
                .collect();
            // A worker that panicked would lose its files: re-raise rather than log fewer.
            workers
                .into_iter()
                .map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        let mut log = Self::new();
        for part in parts {
            log.merge(part);
        }
        log.finish()
    }

    /// Parses, checks and evaluates one session file's text; a file that does not parse or
    /// names what the library lacks is listed as unreadable.
    pub fn add_text(&mut self, library: &Library, evaluation_day: chrono::NaiveDate, file_name: &str, text: &str) {
        match parse_session(text) {
            Ok(session) => self.add_session(library, evaluation_day, file_name, &session, text),
            Err(error) => self.add_session_error(file_name, &error),
        }
    }

    /// Checks and evaluates a parsed session (`text` is its file's text, for positions).
    pub fn add_session(
        &mut self,
        library: &Library,
        evaluation_day: chrono::NaiveDate,
        file_name: &str,
        session: &Session,
        text: &str,
    ) {
        match check_session(session, text, library) {
            Ok(()) => self.add_screening(&Screening::evaluate(library, session, evaluation_day), file_name),
            Err(error) => self.add_session_error(file_name, &error),
        }
    }

    /// Lists a file whose session is unusable (it does not parse, or names what the library
    /// lacks), with the problem's position apart.
    pub fn add_session_error(&mut self, file_name: &str, error: &SessionError) {
        let position = error.position();
        let text = error.to_string();
        let message = match position {
            Some((line, column)) => {
                text.strip_prefix(&format!("line {line}, column {column}: ")).map_or(text.clone(), str::to_owned)
            }
            None => text,
        };
        self.add_unreadable(file_name, position, message);
    }

    /// Adds the rows of an evaluated screening.
    pub fn add_screening(&mut self, screening: &Screening<'_>, file_name: &str) {
        let session = screening.session;
        let verification = crate::session::audit::verify(session);
        let signature = match &session.signature {
            None => SignatureState::Unsigned,
            Some(signature) => {
                // Verifying hashed the content to check the signature: hashed once per file.
                let covers = match &verification.content_sha256 {
                    Some(content) => *content == signature.content_sha256,
                    None => content_hash(session) == signature.content_sha256,
                };
                if covers { SignatureState::Signed } else { SignatureState::NotCovering }
            }
        };
        let record = RecordState::of(session, &verification);
        self.sessions += 1;
        for screened in &screening.protocols {
            let protocol = &screened.loaded.compiled.protocol;
            let result = &screened.result;
            self.rows.push(LogRow {
                participant_code: session.participant_code.clone(),
                screening_date: session.dates.screening,
                protocol_id: protocol.id.clone(),
                protocol_version: protocol.version,
                cohort: screened.reference.cohort.clone(),
                verdict: result.verdict,
                verdict_words: verdict_words(result.verdict, protocol.source_complete),
                ineligible_by: screened.failing_criteria().map(str::to_owned).collect(),
                overrides: result
                    .criteria
                    .iter()
                    .filter(|r| matches!(r.discretion, DiscretionStatus::Applied { .. }))
                    .count(),
                signature,
                protocol_changed: screened.hash_matches == Some(false),
                file_name: file_name.to_owned(),
                record,
            });
        }
    }

    /// Lists a file that could not be used.
    pub fn add_unreadable(&mut self, file_name: &str, position: Option<(usize, usize)>, message: String) {
        self.unreadable.push(UnreadableFile { file_name: file_name.to_owned(), position, message });
    }

    /// Adds another log's rows and files (logs built in parallel).
    pub fn merge(&mut self, other: Self) {
        let Self { rows, unreadable, sessions } = other;
        self.rows.extend(rows);
        self.unreadable.extend(unreadable);
        self.sessions += sessions;
    }

    /// Puts rows and unreadable files in file-name order (stable: a session's protocols
    /// keep their order).
    pub fn finish(mut self) -> Self {
        self.rows.sort_by(|a, b| a.file_name.cmp(&b.file_name));
        self.unreadable.sort_by(|a, b| a.file_name.cmp(&b.file_name));
        self
    }

    /// The counts per protocol version, by protocol id and version.
    pub fn counts(&self) -> Vec<ProtocolCounts> {
        let mut groups: BTreeMap<(&str, u32), Vec<&LogRow>> = BTreeMap::new();
        for row in &self.rows {
            groups.entry((row.protocol_id.as_str(), row.protocol_version)).or_default().push(row);
        }
        groups
            .into_iter()
            .map(|((id, version), all_rows)| {
                let (changed, rows): (Vec<&LogRow>, Vec<&LogRow>) =
                    all_rows.iter().partition(|row| row.protocol_changed);
                let count = |verdict: Verdict| rows.iter().filter(|r| r.verdict == verdict).count();
                let mut by: BTreeMap<&str, usize> = BTreeMap::new();
                for row in &rows {
                    for criterion in &row.ineligible_by {
                        *by.entry(criterion.as_str()).or_default() += 1;
                    }
                }
                let mut ineligible_by: Vec<(String, usize)> = by.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
                ineligible_by.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
                let eligible_words = rows
                    .iter()
                    .find(|r| r.verdict == Verdict::Eligible)
                    .map_or(verdict_words(Verdict::Eligible, true), |r| r.verdict_words);
                ProtocolCounts {
                    protocol_id: id.to_owned(),
                    protocol_version: version,
                    screened: all_rows.len(),
                    participants: all_rows.iter().map(|r| r.participant_code.as_str()).collect::<BTreeSet<_>>().len(),
                    eligible: count(Verdict::Eligible),
                    eligible_words,
                    ineligible: count(Verdict::Ineligible),
                    ineligible_by,
                    incomplete: count(Verdict::Incomplete),
                    with_overrides: rows.iter().filter(|r| r.overrides > 0).count(),
                    protocol_changed: changed.len(),
                }
            })
            .collect()
    }

    /// The log as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted where
    /// needed), with a header row.
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(64 + self.rows.len() * 120);
        push_record(&mut out, &CSV_HEADER.map(str::to_owned));
        for row in &self.rows {
            push_record(
                &mut out,
                &[
                    row.participant_code.clone(),
                    row.screening_date.to_string(),
                    row.protocol_id.clone(),
                    row.protocol_version.to_string(),
                    row.cohort.clone().unwrap_or_default(),
                    row.verdict_words.to_owned(),
                    row.ineligible_by.join(" "),
                    row.overrides.to_string(),
                    row.signature.words().to_owned(),
                    text(if row.protocol_changed { "log-yes" } else { "log-no" }),
                    row.file_name.clone(),
                    row.record.words(),
                ],
            );
        }
        out
    }

    /// The counts and the unreadable files as text for a terminal.
    pub fn counts_text(&self) -> String {
        let mut out = String::new();
        let read = [("read", self.sessions.to_string()), ("unreadable", self.unreadable.len().to_string())];
        let _ = writeln!(out, "{}", text_with("log-files-read", &read));
        for counts in self.counts() {
            for line in counts_lines(&counts) {
                let _ = writeln!(out, "{line}");
            }
        }
        let apart = self.not_sealed();
        if !apart.is_empty() {
            let _ = writeln!(out, "\n{}", text("log-listed-apart"));
            for (file_name, record) in apart {
                let _ = writeln!(out, "  ⚠ {file_name}: {}", record.words());
            }
        }
        if !self.unreadable.is_empty() {
            let _ = writeln!(out, "\n{}", text("log-unreadable-heading-colon"));
            for file in &self.unreadable {
                let _ = writeln!(out, "  ✖ {}", unreadable_text(file));
            }
        }
        out
    }

    /// The files that are not sealed records (legacy files, templates, a broken seal), by
    /// file name, each once.
    pub fn not_sealed(&self) -> Vec<(&str, RecordState)> {
        let mut files: Vec<(&str, RecordState)> = self
            .rows
            .iter()
            .filter(|row| row.record != RecordState::Sealed)
            .map(|row| (row.file_name.as_str(), row.record))
            .collect();
        files.dedup_by(|a, b| a.0 == b.0);
        files
    }

    /// The counts as a PDF/A-2u page. `folder` names what was logged.
    pub fn counts_pdf(&self, folder: &str, paper: Paper, printed_at: DateTime<Utc>) -> Result<Vec<u8>, ReportError> {
        log_layout::counts_pdf(self, folder, paper, printed_at)
    }
}

/// The CSV header.
pub const CSV_HEADER: [&str; 12] = [
    "participant_code",
    "screening_date",
    "protocol_id",
    "protocol_version",
    "cohort",
    "verdict",
    "ineligible_by",
    "overrides",
    "signed",
    "protocol_changed",
    "file",
    "sealed",
];

fn push_record(out: &mut String, fields: &[String]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// One CSV field, quoted when it holds a comma, quote, line break or edge space. A field a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return:
/// participant codes and reasons are typed by people) gets a leading apostrophe, so the
/// sponsor's spreadsheet shows it as text.
fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    let needs_quotes = field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The counts of one protocol in lines: CONSORT-style, indented where a number splits the
/// one above.
pub fn counts_lines(counts: &ProtocolCounts) -> Vec<String> {
    let line = |n: usize, indent: usize, label: &str| format!("{n:>7}  {}{label}", "  ".repeat(indent));
    let version = [("protocol", counts.protocol_id.clone()), ("version", counts.protocol_version.to_string())];
    let mut lines = vec![
        format!("\n{}", text_with("summary-protocol-version", &version)),
        line(
            counts.screened,
            0,
            &text_with("log-screened-participants", &[("participants", counts.participants.to_string())]),
        ),
        line(counts.eligible, 1, &crate::engine::explain::lower_case(counts.eligible_words)),
        line(counts.ineligible, 1, &text("log-ineligible")),
    ];
    for (criterion, n) in &counts.ineligible_by {
        lines.push(line(*n, 2, &text_with("log-by-criterion", &[("criterion", criterion.clone())])));
    }
    lines.push(line(counts.incomplete, 1, &text("log-incomplete")));
    lines.push(line(counts.with_overrides, 1, &text("log-with-override")));
    if counts.protocol_changed > 0 {
        lines.push(line(counts.protocol_changed, 1, &protocol_changed_words()));
    }
    lines
}

/// How the counts name sessions whose protocol changed since screening.
pub fn protocol_changed_words() -> String {
    text("log-protocol-changed")
}

/// "file.ron, line 3, column 7: message".
pub fn unreadable_text(file: &UnreadableFile) -> String {
    match file.position {
        Some((line, column)) => text_with(
            "log-unreadable-at",
            &[
                ("file", file.file_name.clone()),
                ("line", line.to_string()),
                ("column", column.to_string()),
                ("message", file.message.clone()),
            ],
        ),
        None => format!("{}: {}", file.file_name, file.message),
    }
}

#[cfg(test)]
mod csv_field_tests {
    use super::push_field;

    fn field(text: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, text);
        out
    }

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("V01"), "V01");
        assert_eq!(field("a, b"), "\"a, b\"");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_where_needed() {
        let mut out = String::new();
        push_record(
            &mut out,
            &["plain".into(), "a,b".into(), "say \"no\"".into(), "two\nlines".into(), " edge".into(), String::new()],
        );
        assert_eq!(out, "plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\" edge\",\r\n");
    }
}
