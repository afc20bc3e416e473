//! Two programs, a crash, a hostile folder or a strange file: none can make trialscreen
//! lose work, hang, write where it should not, or print something misleading (issue 13).
//! The real binary in a temporary folder, and the workspace the window runs on.

#![cfg(unix)]

use std::os::unix::fs::{PermissionsExt as _, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone as _, Utc};
use trialscreen::app::workspace::{Folders, Workspace};
use trialscreen::files::FileHead;
use trialscreen::library::{Library, sha256_hex};
use trialscreen::session::audit::{Change, Edit};
use trialscreen::session::model::{ProtocolRef, ReferenceDates, Session};
use trialscreen::session::sign_meaning::SignOff;
use trialscreen::session::store;

use crate::common::installation::{Installation, PASSPHRASE};

const BIN: &str = env!("CARGO_BIN_EXE_trialscreen");
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples");
const PROTOCOL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/protocols/refractory-sle-age5.v1.ron");

fn trialscreen(args: &[&str]) -> Output {
    Command::new(BIN).env("LC_ALL", "C").args(args).output().expect("the binary runs")
}

/// Runs the binary, killing it after `limit`: `None` means it hung.
fn within(limit: Duration, args: &[&str]) -> Option<Output> {
    let mut child = Command::new(BIN)
        .env("LC_ALL", "C")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill");
    child.wait().expect("reaped");
    None
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn copy_example(dir: &Path, name: &str, to: &str) -> PathBuf {
    let path = dir.join(to);
    std::fs::copy(format!("{EXAMPLES}/{name}.ron"), &path).expect("copy");
    path
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().expect("mkfifo").success());
}

fn count(path: &Path, what: fn(&Change) -> bool) -> usize {
    let (session, _) = store::open(path).expect("the session reads");
    session.audit.iter().filter(|entry| what(&entry.change)).count()
}

fn is_signed(change: &Change) -> bool {
    matches!(change, Change::Signed { .. })
}

fn is_amended(change: &Change) -> bool {
    matches!(change, Change::Amended { .. })
}

/// Regression: two concurrent `sign`s both printed ✔ and one signature was lost; two
/// `amend`s likewise. Each round runs two real processes at once; every ✔ must be in the
/// file, the other one refused with a message.
#[test]
fn concurrent_signs_and_amends_never_lose_an_update() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    installation.add_signer("Dr A");
    installation.add_signer("Dr B");
    let rounds = std::env::var("TRIALSCREEN_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(100);
    let mut lost = 0;
    for round in 0..rounds {
        let path = dir.path().join(format!("s{round}.ron"));
        installation.sealed_example("v01-eligible-adolescent", &path);
        let file = path.display().to_string();
        let (amend, check): (bool, fn(&Change) -> bool) = if round % 2 == 0 {
            (false, is_signed)
        } else {
            assert!(installation.sign(&path, "Dr A").status.success());
            (true, is_amended)
        };
        let before = count(&path, check);
        let spawn = |who: &str| {
            let reason = format!("correction by {who}");
            let args = if amend {
                vec!["amend", &file, "--by", who, "--reason", &reason, "--passphrase-stdin"]
            } else {
                vec!["sign", &file, "--by", who, "--passphrase-stdin"]
            };
            let mut child = installation
                .command(&args)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            use std::io::Write as _;
            child.stdin.take().expect("stdin").write_all(PASSPHRASE.as_bytes()).expect("passphrase");
            child
        };
        let (a, b) = (spawn("Dr A"), spawn("Dr B"));
        let outputs = [a.wait_with_output().expect("a"), b.wait_with_output().expect("b")];
        let succeeded = outputs.iter().filter(|output| output.status.success()).count();
        for output in outputs.iter().filter(|output| !output.status.success()) {
            assert_eq!(output.status.code(), Some(2));
            assert!(!stderr(output).is_empty(), "a refusal says why");
        }
        let recorded = count(&path, check) - before;
        lost += succeeded.saturating_sub(recorded);
        assert!(succeeded >= 1, "round {round}: one of the two must succeed: {:?}", outputs.map(|o| stderr(&o)));
    }
    println!("{rounds} rounds of two concurrent writers: {lost} lost updates");
    assert_eq!(lost, 0);
}

/// Regression: `verify /dev/zero` grew until allocation failed and a FIFO hung every
/// command, also when found in a folder or in the protocols folder.
#[test]
fn special_files_are_refused_at_once_never_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let zero_link = dir.path().join("zero.ron");
    symlink("/dev/zero", &zero_link).expect("link");
    let protocols = dir.path().join("protocols");
    std::fs::create_dir(&protocols).expect("folder");
    mkfifo(&protocols.join("site.ron"));
    let (fifo, zero_link, protocols) =
        (fifo.display().to_string(), zero_link.display().to_string(), protocols.display().to_string());
    let v01 = format!("{EXAMPLES}/v01-eligible-adolescent.ron");
    let pdf = dir.path().join("out.pdf").display().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["verify", "/dev/zero"],
        vec!["verify", "/dev/urandom"],
        vec!["verify", &fifo],
        vec!["evaluate", &fifo],
        vec!["evaluate", &zero_link],
        vec!["summary", &fifo, "-o", &pdf],
        vec!["sign", &fifo, "--by", "Dr A", "--passphrase-stdin"],
        vec!["check-protocol", &fifo],
    ];
    let mut hangs = 0;
    for args in &cases {
        match within(Duration::from_secs(10), args) {
            None => hangs += 1,
            Some(output) => {
                assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
                let message = stderr(&output);
                assert!(message.contains("not a regular file") || message.contains("not a session file"), "{message}");
            }
        }
    }
    // A FIFO in the site's protocol folder is never waited on; it is said, and the other
    // trials (here the bundled one V01 is screened under) are evaluated regardless.
    match within(Duration::from_secs(10), &["--protocols", &protocols, "evaluate", &v01]) {
        None => hangs += 1,
        Some(output) => {
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            let message = stderr(&output);
            assert!(message.contains("⚠ site protocol") && message.contains("not a regular file"), "{message}");
        }
    }
    println!("special files: {hangs} hangs in {} commands", cases.len() + 1);
    assert_eq!(hangs, 0);
    assert!(!Path::new(&format!("{fifo}.lock")).exists(), "no lock file beside what is not a session");
    assert!(!Path::new(&pdf).exists(), "a failed summary leaves no PDF");
}

/// Regression: the backup copied the original's mode (0644) and the summary PDF, the log
/// CSV and the counts PDF were 0644, 0666 under umask 000.
#[test]
fn every_file_written_is_private_even_under_umask_000() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    installation.add_signer("Dr A");
    let session = dir.path().join("s.ron");
    installation.sealed_example("v01-eligible-adolescent", &session);
    std::fs::set_permissions(&session, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    // The installation key and the ledger are made by the command itself, under umask 000.
    std::fs::remove_file(installation.user_data.installation_key()).ok();
    std::fs::remove_file(installation.user_data.ledger()).ok();
    let logged = dir.path().join("logged");
    std::fs::create_dir(&logged).expect("folder");
    copy_example(&logged, "v02b-low-platelets-override", "v02b.ron");
    let script = format!(
        "umask 000 && echo '{PASSPHRASE}' | {BIN} sign s.ron --by 'Dr A' --passphrase-stdin && {BIN} summary s.ron -o s.pdf && {BIN} log logged -o log.csv --pdf counts.pdf"
    );
    let status = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", &installation.data_home)
        .stdout(Stdio::null())
        .status()
        .expect("sh");
    assert!(status.success());
    let mut modes = Vec::new();
    let (key, ledger) = (installation.user_data.installation_key(), installation.user_data.ledger());
    for (name, path) in [
        ("s.ron", dir.path().join("s.ron")),
        ("s.ron.bak", dir.path().join("s.ron.bak")),
        ("s.ron.lock", dir.path().join("s.ron.lock")),
        ("s.pdf", dir.path().join("s.pdf")),
        ("log.csv", dir.path().join("log.csv")),
        ("counts.pdf", dir.path().join("counts.pdf")),
        ("installation-key.ron", key),
        ("ledger.log", ledger),
    ] {
        let mode = std::fs::metadata(&path).expect(name).permissions().mode() & 0o777;
        modes.push((name, format!("{mode:o}")));
    }
    println!("modes of files written under umask 000: {modes:?}");
    assert!(modes.iter().all(|(_, mode)| mode == "600"), "{modes:?}");
}

/// Regression: temporary and backup names were predictable and opened without O_EXCL or
/// O_NOFOLLOW, so links planted at them made `sign` write the session into another file.
#[test]
fn planted_links_are_never_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    let session = dir.path().join("s.ron");
    installation.sealed_example("v01-eligible-adolescent", &session);
    installation.add_signer("Dr A");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    symlink(&victim, dir.path().join("s.ron.bak")).expect("link at the backup name");
    for pid in 0..64 {
        // The old temporary names: FILE.tmp-PID.
        symlink(&victim, dir.path().join(format!("s.ron.tmp-{pid}"))).expect("link at a temporary name");
    }
    let output = installation.sign(&session, "Dr A");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "precious");
    let backup = std::fs::symlink_metadata(dir.path().join("s.ron.bak")).expect("backup");
    assert!(backup.is_file(), "the backup replaced the planted link, never wrote through it");
}

/// A session reached through a link is saved into the link's target; the link stays.
#[test]
fn a_session_reached_through_a_link_writes_its_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    installation.add_signer("Dr A");
    let target = dir.path().join("real.ron");
    installation.sealed_example("v01-eligible-adolescent", &target);
    let link = dir.path().join("link.ron");
    symlink(&target, &link).expect("link");
    let output = installation.sign(&link, "Dr A");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link is still a link");
    assert_eq!(count(&target, is_signed), 1, "the target was signed");
    let broken = dir.path().join("broken.ron");
    symlink(dir.path().join("gone.ron"), &broken).expect("broken link");
    let output = installation.sign(&broken, "Dr A");
    assert_eq!(output.status.code(), Some(2));
    assert!(std::fs::symlink_metadata(&broken).expect("link").file_type().is_symlink());
}

/// A temporary left by a crashed save is reported and removed by the next writer, which
/// holds the lock (so it cannot be another writer's live temporary).
#[test]
fn a_stale_temporary_is_reported_and_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    installation.add_signer("Dr A");
    let session = dir.path().join("s.ron");
    installation.sealed_example("v01-eligible-adolescent", &session);
    let stale = dir.path().join("s.ron.tmp-Ab3dE9");
    std::fs::write(&stale, "half a session").expect("stale");
    let output = installation.sign(&session, "Dr A");
    assert!(output.status.success());
    assert!(stderr(&output).contains("a temporary file left by an interrupted save"), "{}", stderr(&output));
    assert!(!stale.exists());
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Regression: `log` read `FILE.recovery.ron` as a session and silently skipped FIFOs,
/// broken links and folders named `*.ron`.
#[test]
fn log_skips_journals_backups_locks_and_temporaries_and_lists_what_is_not_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("sessions");
    std::fs::create_dir(&folder).expect("folder");
    copy_example(&folder, "v01-eligible-adolescent", "a.ron");
    for name in ["a.ron.recovery.ron", "a.ron.bak", "a.ron.lock", "a.ron.tmp-x1y2z3"] {
        copy_example(&folder, "v01-eligible-adolescent", name);
    }
    mkfifo(&folder.join("pipe.ron"));
    symlink(folder.join("gone.ron"), folder.join("broken.ron")).expect("broken link");
    std::fs::create_dir(folder.join("folder.ron")).expect("folder named .ron");
    let csv = dir.path().join("log.csv");
    let output =
        within(Duration::from_secs(20), &["log", &folder.display().to_string(), "-o", &csv.display().to_string()])
            .expect("log does not hang");
    assert_eq!(output.status.code(), Some(1), "some entries could not be read");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("1 session file(s) read, 3 could not be read"), "{text}");
    assert!(text.contains("broken.ron: a broken symbolic link"), "{text}");
    assert!(text.contains("folder.ron: a folder, not a regular file"), "{text}");
    assert!(text.contains("pipe.ron: a FIFO (named pipe), not a regular file"), "{text}");
    let csv = std::fs::read_to_string(&csv).expect("csv");
    assert_eq!(csv.lines().count(), 2, "a header and a.ron's row: {csv}");
}

fn fixed_clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).single().expect("time")
}

/// A site protocol and a session screened under it, in `dir`, saved (sealed) by
/// `installation`.
fn site_protocol_session(dir: &Path, installation: &Installation) -> (PathBuf, PathBuf) {
    let protocols = dir.join("protocols");
    std::fs::create_dir(&protocols).expect("folder");
    let text = std::fs::read_to_string(PROTOCOL).expect("protocol").replacen(
        "id: \"refractory-sle-age5\"",
        "id: \"site-sle\"",
        1,
    );
    assert!(text.contains("\"site-sle\""));
    let protocol = protocols.join("site-sle.v1.ron");
    std::fs::write(&protocol, &text).expect("protocol");
    let reference = ProtocolRef {
        id: "site-sle".to_owned(),
        version: 1,
        sha256: Some(sha256_hex(&text)),
        cohort: None,
        vocabulary: None,
    };
    let dates = ReferenceDates { screening: fixed_clock().date_naive(), consent: None, enrollment: None };
    let mut session =
        Session::new("S-001".to_owned(), vec![reference], dates, Some("Dr A".to_owned()), "Dr A", fixed_clock());
    let path = dir.join("s.ron");
    installation.save(&mut session, &path, &FileHead::Absent);
    (protocols, path)
}

/// Regression: `sign` signed a session whose pinned protocol had changed without a word,
/// `verify` was silent and `log` counted it as any other.
#[test]
fn a_changed_protocol_is_never_hidden() {
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    installation.add_signer("Dr A");
    installation.write_roster();
    let (protocols, session) = site_protocol_session(dir.path(), &installation);
    let (folder, file) = (protocols.display().to_string(), session.display().to_string());
    let trialscreen = |args: &[&str]| installation.run(args, PASSPHRASE);
    let output = trialscreen(&["--protocols", &folder, "verify", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    // The site edits the protocol file after screening.
    let protocol = protocols.join("site-sle.v1.ron");
    let edited = std::fs::read_to_string(&protocol).expect("protocol").replacen("title: \"", "title: \"Edited: ", 1);
    std::fs::write(&protocol, edited).expect("edit");
    let output = trialscreen(&["--protocols", &folder, "verify", &file]);
    assert_eq!(output.status.code(), Some(4));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("protocol site-sle v1 changed since this session was screened"), "{text}");
    let before = std::fs::read(&session).expect("session");
    let output = trialscreen(&["--protocols", &folder, "sign", &file, "--by", "Dr A", "--passphrase-stdin"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not signed: protocol site-sle v1 changed"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&session).expect("session"), before, "the file is untouched");
    let logged = dir.path().join("logged");
    std::fs::create_dir(&logged).expect("folder");
    std::fs::copy(&session, logged.join("s.ron")).expect("copy");
    let csv = dir.path().join("log.csv");
    let output =
        trialscreen(&["--protocols", &folder, "log", &logged.display().to_string(), "-o", &csv.display().to_string()]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("protocol file changed since screening"));
    let csv = std::fs::read_to_string(&csv).expect("csv");
    let header = csv.lines().next().expect("header");
    assert!(header.contains("protocol_changed"), "{header}");
    let row = csv.lines().nth(1).expect("row");
    assert!(row.contains(",yes,"), "{row}");
}

/// Regression: `sign --by $'Dr M\x1b[2K\rDr Chief'` showed "Dr Chief" in a terminal, and a
/// participant code with a newline printed a fake title line.
#[test]
fn text_that_could_mislead_is_refused_and_the_file_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = copy_example(dir.path(), "v01-eligible-adolescent", "s.ron");
    let file = session.display().to_string();
    let before = std::fs::read(&session).expect("session");
    for args in [
        vec!["sign", &file, "--by", "Dr M\u{1b}[2K\rDr Chief", "--passphrase-stdin"],
        vec!["sign", &file, "--by", "Dr A", "--meaning", "", "--passphrase-stdin"],
        vec!["sign", &file, "--by", "Dr A", "--meaning", "I confirm\n✔ ELIGIBLE", "--passphrase-stdin"],
        vec!["amend", &file, "--by", "Dr A", "--reason", "lab\u{202e}txt", "--passphrase-stdin"],
    ] {
        let output = trialscreen(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&output).is_empty());
    }
    assert_eq!(std::fs::read(&session).expect("session"), before);
    let text = String::from_utf8(before).expect("text");
    let code_line = text.lines().find(|line| line.contains("participant_code:")).expect("code").to_owned();
    for (name, replacement) in [
        ("newline.ron", "    participant_code: \"V01\\n✖ INELIGIBLE\",".to_owned()),
        ("long.ron", format!("    participant_code: \"{}\",", "P".repeat(100_000))),
    ] {
        let altered = text.replacen(&code_line, &replacement, 1);
        let path = dir.path().join(name);
        std::fs::write(&path, &altered).expect("write");
        let pdf = dir.path().join("out.pdf");
        let output = trialscreen(&["summary", &path.display().to_string(), "-o", &pdf.display().to_string()]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let message = stderr(&output);
        assert!(message.contains("the participant code"), "{message}");
        assert!(message.contains("the file was left as it is"), "{message}");
        assert_eq!(std::fs::read_to_string(&path).expect("file"), altered, "left untouched");
        assert!(!pdf.exists());
    }
}

/// A byte-order mark that an editor put at the start of a session or protocol file.
#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("bom.ron");
    let text = std::fs::read_to_string(format!("{EXAMPLES}/v01-eligible-adolescent.ron")).expect("example");
    std::fs::write(&session, format!("\u{feff}{text}")).expect("write");
    let output = trialscreen(&["verify", &session.display().to_string()]);
    // Read and verified (a bundled example: a template, exit 6), not refused.
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains(": intact"), "{}", stderr(&output));
    let protocol = dir.path().join("p.ron");
    let text = std::fs::read_to_string(PROTOCOL).expect("protocol").replacen("version: 1,", "version: 7,", 1);
    std::fs::write(&protocol, format!("\u{feff}{text}")).expect("write");
    let output = trialscreen(&["check-protocol", &protocol.display().to_string()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(String::from_utf8_lossy(&output.stdout).contains(&sha256_hex(&text)), "the hash is of the content");
}

/// Regression: `calc` printed `inf` and exited 0.
#[test]
fn calc_refuses_an_infinite_result() {
    let dose = format!("dose=1{}mg", "0".repeat(300));
    let output = trialscreen(&["calc", "prednisone-equivalent", &dose, "equivalent_dose=0.0000000001mg"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("too large to compute"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

fn workspace(dir: &Path) -> Workspace {
    Workspace::new(Library::bundled().expect("library"), Folders::under(dir), fixed_clock)
}

/// Regression: the window's Save had no check: a file changed by another program since it
/// was opened was overwritten. Now the save is refused, the work kept, Save as… possible.
#[test]
fn the_window_never_overwrites_a_file_changed_since_it_was_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_example(dir.path(), "v01-eligible-adolescent", "s.ron");
    let mut workspace = workspace(dir.path());
    workspace.open_path(&path).expect("opens");
    // While the window has it open, a command cannot write it.
    let installation = Installation::new();
    installation.add_signer("Dr B");
    let output = installation.sign(&path, "Dr B");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is open in another trialscreen window"), "{}", stderr(&output));
    // A program that ignores the lock changes the file anyway: it writes its version
    // elsewhere and copies it over the open file.
    let opened = store::open_with_head(&path).expect("reads");
    let mut other = opened.session.clone();
    trialscreen::session::audit::apply(
        &mut other,
        Edit::SetInvestigator(Some("Dr Other".to_owned())),
        "Dr Other",
        fixed_clock(),
    )
    .expect("edit");
    let written_elsewhere = dir.path().join("other-program.ron");
    installation.save(&mut other, &written_elsewhere, &trialscreen::files::FileHead::Absent);
    std::fs::copy(&written_elsewhere, &path).expect("copied over the open file");
    let changed = std::fs::read(&path).expect("file");
    workspace.apply(Edit::SetInvestigator(Some("Dr Mine".to_owned()))).expect("edit in the window");
    let refused = workspace.save_to(&path).expect_err("refused");
    assert!(refused.to_string().contains("changed by another program since you opened it"), "{refused}");
    assert_eq!(std::fs::read(&path).expect("file"), changed, "the other program's version stays");
    let document = workspace.document().expect("still open");
    assert!(document.is_dirty(), "the work is kept");
    assert_eq!(document.session().investigator.as_deref(), Some("Dr Mine"));
    let elsewhere = dir.path().join("mine.ron");
    workspace.save_to(&elsewhere).expect("Save as… works");
    assert_eq!(store::open(&elsewhere).expect("saved").0.investigator.as_deref(), Some("Dr Mine"));
}

/// Regression: a FIFO named `x.ron` in the per-user protocols folder stopped the window
/// from appearing; and the window accepted control characters in what it records.
#[test]
fn the_window_refuses_misleading_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_example(dir.path(), "v01-eligible-adolescent", "s.ron");
    let mut workspace = workspace(dir.path());
    workspace.open_path(&path).expect("opens");
    let error =
        workspace.sign("Dr M\u{1b}[2K\rDr Chief", &SignOff::custom("I confirm"), PASSPHRASE).expect_err("refused");
    assert!(error.to_string().contains("control character U+001B"), "{error}");
    let error = workspace.sign("Dr A", &SignOff::custom("  "), PASSPHRASE).expect_err("empty meaning");
    assert!(error.to_string().contains("meaning of the signature is empty"), "{error}");
    assert!(!workspace.document().expect("open").session().is_signed());
}
