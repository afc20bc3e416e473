//! Crashes mid-save and mid-edit: the test binary runs itself as a child that saves (or
//! journals) in a loop, and the parent kills it with SIGKILL at varying moments.

#![cfg(unix)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use chrono::{TimeZone as _, Utc};
use trialscreen::files::FileHead;
use trialscreen::session::audit::{Edit, apply};
use trialscreen::session::model::Session;
use trialscreen::session::sealing::{Sealer, prepare};
use trialscreen::session::{recovery, store};
use trialscreen::user_data::UserData;

use crate::common::installation::Installation;

const CHILD_ROLE: &str = "TRIALSCREEN_CRASH_CHILD";
const CHILD_PATH: &str = "TRIALSCREEN_CRASH_PATH";
const CHILD_DATA: &str = "TRIALSCREEN_CRASH_DATA";

/// Two versions of a session that differ in a value and in the length of the trail.
fn versions() -> (Session, Session) {
    let mut a = common::example("v01-eligible-adolescent");
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).single().expect("time");
    prepare(&mut a, "Dr B", at).expect("a session id");
    // The same session: one id, fixed so the child's versions are the parent's.
    a.session_id = trialscreen::records::session_id::SessionId::parse("0123456789abcdef0123456789abcdef").ok();
    let mut b = a.clone();
    let at = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).single().expect("time");
    let entry = common::entry("Number((value: 52.0, unit: \"10^9/L\"))");
    apply(&mut b, Edit::SetValue { item: "platelets".to_owned(), entry: Some(entry) }, "Dr B", at).expect("edit");
    (a, b)
}

/// The child's work: runs only when the parent starts this binary with the role set.
#[test]
fn crash_child() {
    let (Ok(role), Ok(path)) = (std::env::var(CHILD_ROLE), std::env::var(CHILD_PATH)) else { return };
    let path = PathBuf::from(path);
    let (mut a, mut b) = versions();
    match role.as_str() {
        "save" => {
            let data = UserData::at(std::env::var(CHILD_DATA).expect("data folder"));
            let sealer = Sealer::of(&data).expect("installation key");
            let mut head = store::open_with_head(&path).expect("the parent saved it").head;
            println!("saving");
            loop {
                for session in [&mut a, &mut b] {
                    head = store::save(session, &path, &head, &sealer).expect("save").head;
                }
            }
        }
        "journal" => {
            let mut session = a.clone();
            let at = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).single().expect("time");
            for (n, value) in [52.0, 53.0, 54.0].into_iter().enumerate() {
                let entry = common::entry(&format!("Number((value: {value:?}, unit: \"10^9/L\"))"));
                let edit = Edit::SetValue { item: "platelets".to_owned(), entry: Some(entry) };
                apply(&mut session, edit, "Dr B", at + chrono::Duration::seconds(n as i64)).expect("edit");
                let record = recovery::RecoveryRecord {
                    session_file: Some(path.clone()),
                    written_at: at,
                    session: session.clone(),
                };
                recovery::write(&recovery::recovery_path(Some(&path), Path::new("/nonexistent"), ""), &record)
                    .expect("journal");
            }
            println!("journaled");
            std::thread::sleep(Duration::from_secs(60));
        }
        _ => {}
    }
}

fn spawn(role: &str, path: &Path, data: &UserData) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["crash_safety::crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ROLE, role)
        .env(CHILD_PATH, path)
        .env(CHILD_DATA, data.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("child starts")
}

/// Reads the child's output until it prints `line`.
fn wait_for(child: &mut Child, line: &str) {
    let Some(stdout) = child.stdout.as_mut() else { panic!("no stdout") };
    let mut seen = String::new();
    let mut buffer = [0u8; 256];
    while !seen.contains(line) {
        let n = std::io::Read::read(stdout, &mut buffer).expect("read");
        assert!(n > 0, "the child ended early");
        seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }
}

/// How many kills; `TRIALSCREEN_KILLS` raises it for a longer run.
fn kills() -> usize {
    std::env::var("TRIALSCREEN_KILLS").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

#[test]
fn kill_9_during_saves_leaves_the_old_or_the_new_file_complete() {
    let (a, b) = versions();
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    let path = dir.path().join("session.ron");
    installation.save(&mut a.clone(), &path, &FileHead::Absent);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let (mut old, mut new) = (0, 0);
    for round in 0..kills() {
        let mut child = spawn("save", &path, &installation.user_data);
        wait_for(&mut child, "saving");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 80_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let (session, _) = store::open(&path).unwrap_or_else(|e| panic!("round {round}: the file is damaged: {e}"));
        assert!(trialscreen::session::audit::verify(&session).is_intact(), "round {round}");
        // Each save seals the version it writes; the versions compare without their seals.
        let session = Session { seal: None, ..session };
        if session == a {
            old += 1;
        } else if session == b {
            new += 1;
        } else {
            panic!("round {round}: the file holds neither version");
        }
        for entry in std::fs::read_dir(dir.path()).expect("dir") {
            let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
            if name.contains(".tmp-") {
                // A temporary from the killed writer may remain; it is never the session file.
                let _ = std::fs::remove_file(dir.path().join(name));
            }
        }
    }
    println!("kill -9 tally over {} rounds: {old} old version, {new} new version, 0 damaged", kills());
    assert_eq!(old + new, kills());
}

#[test]
fn after_kill_9_the_journal_restores_the_exact_last_values() {
    let (a, _) = versions();
    let dir = tempfile::tempdir().expect("temp dir");
    let installation = Installation::new();
    let path = dir.path().join("session.ron");
    installation.save(&mut a.clone(), &path, &FileHead::Absent);
    let mut child = spawn("journal", &path, &installation.user_data);
    wait_for(&mut child, "journaled");
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let (found, errors) = recovery::find(&dir.path().join("drafts"), std::slice::from_ref(&path));
    assert!(errors.is_empty());
    let [offer] = found.as_slice() else { panic!("one recovery offered, found {}", found.len()) };
    let platelets = offer.record.session.values.get("platelets").expect("platelets");
    assert_eq!(platelets.value, common::value("Number((value: 54.0, unit: \"10^9/L\"))").0);
    assert_eq!(offer.differences.len(), 3, "{:?}", offer.differences);
    assert!(offer.differences.iter().all(|line| line.contains("platelets")), "{:?}", offer.differences);
    assert!(trialscreen::session::audit::verify(&offer.record.session).is_intact());
    // Saving the recovered session and finding again: the stale journal is cleaned up.
    let head = store::open_with_head(&path).expect("saved file").head;
    installation.save(&mut offer.record.session.clone(), &path, &head);
    let (again, _) = recovery::find(&dir.path().join("drafts"), &[path]);
    assert!(again.is_empty());
}
