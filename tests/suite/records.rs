//! Installation keys, the witness ledger and signing identities across processes and
//! through the real binary, each run in a temporary per-user data folder
//! (`XDG_DATA_HOME`), which is a fresh installation.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::{TimeZone as _, Utc};
use trialscreen::records::identity::{IdentityStore, SignerIdentity};
use trialscreen::records::installation_key::InstallationKey;
use trialscreen::records::ledger::{Ledger, LedgerRecord, LedgerScan};
use trialscreen::records::session_id::SessionId;
use trialscreen::user_data::UserData;

/// Set in a child process of this test binary: what it should do, and where.
const CHILD_KEY: &str = "TRIALSCREEN_TEST_CHILD_INSTALLATION_KEY";
const CHILD_LEDGER: &str = "TRIALSCREEN_TEST_CHILD_LEDGER";

fn trialscreen(data_home: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = crate::common::trialscreen_command()
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env_remove("HOME")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The program may refuse its arguments and end before it reads standard input.
    match child.stdin.take().expect("stdin").write_all(stdin.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {error}"),
        _ => {}
    }
    child.wait_with_output().expect("the binary ends")
}

/// Runs one test of this binary in a child process per argument, all at once, with `env`
/// set and the argument in `TRIALSCREEN_TEST_CHILD_ARG`.
fn children(test: &str, env: (&str, &Path), args: &[String]) -> Vec<Output> {
    let running: Vec<_> = args
        .iter()
        .map(|arg| {
            Command::new(std::env::current_exe().expect("test binary"))
                .args(["--exact", test, "--nocapture", "--test-threads=1"])
                .env(env.0, env.1)
                .env("TRIALSCREEN_TEST_CHILD_ARG", arg)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("child test process")
        })
        .collect();
    running.into_iter().map(|child| child.wait_with_output().expect("child ends")).collect()
}

/// What a child printed after its marker (libtest may print its own words before it on
/// the same line).
fn reported(output: &Output) -> Vec<String> {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_once("REPORT ").map(|(_, report)| report.to_owned()))
        .collect()
}

/// A child: creates or reads the installation key and reports its public key.
#[test]
fn child_process_loads_or_creates_the_installation_key() {
    let Some(path) = std::env::var_os(CHILD_KEY) else { return };
    let key = InstallationKey::load_or_create(Path::new(&path)).expect("installation key");
    println!("REPORT {}", key.public_key());
}

/// A child: appends records of one session to the ledger.
#[test]
fn child_process_appends_to_the_ledger() {
    let Some(path) = std::env::var_os(CHILD_LEDGER) else { return };
    let id = SessionId::parse(&std::env::var("TRIALSCREEN_TEST_CHILD_ARG").expect("arg")).expect("id");
    let ledger = Ledger::at(path);
    for sequence in 1..=50 {
        ledger.append(&record(&id, sequence)).expect("append");
    }
    println!("REPORT done");
}

fn record(id: &SessionId, sequence: u64) -> LedgerRecord {
    LedgerRecord {
        session_id: *id,
        sequence,
        head_hash: format!("{sequence:064x}"),
        first_entry_hash: "f".repeat(64),
        recorded_at: Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap(),
    }
}

/// Two processes starting at once must end with one key, or the seals of one of them would
/// be made with a key that no longer exists on this computer.
#[test]
fn processes_starting_at_once_end_with_one_installation_key() {
    for _ in 0..10 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = UserData::at(dir.path()).installation_key();
        let outputs = children(
            "records::child_process_loads_or_creates_the_installation_key",
            (CHILD_KEY, &path),
            &vec![String::new(); 4],
        );
        let keys: Vec<String> = outputs.iter().flat_map(reported).collect();
        assert_eq!(keys.len(), 4);
        assert!(keys.iter().all(|key| key == &keys[0]), "{keys:?}");
        let on_disk = InstallationKey::load(&path).expect("key");
        assert_eq!(on_disk.public_key().to_string(), keys[0]);
        let files: Vec<_> = std::fs::read_dir(path.parent().expect("folder")).expect("folder").collect();
        assert_eq!(files.len(), 1, "a temporary file was left behind");
    }
}

/// Appends by processes at once must neither interleave nor lose a line.
#[test]
fn processes_appending_at_once_lose_no_ledger_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = UserData::at(dir.path()).ledger();
    let ids: Vec<SessionId> = (0..4).map(|_| SessionId::random().expect("id")).collect();
    let args: Vec<String> = ids.iter().map(ToString::to_string).collect();
    for output in children("records::child_process_appends_to_the_ledger", (CHILD_LEDGER, &path), &args) {
        assert_eq!(reported(&output), ["done"]);
    }
    let ledger = Ledger::at(&path);
    let (records, scan) = ledger.records().expect("ledger");
    assert_eq!(records.len(), 200);
    assert_eq!(scan, LedgerScan::default());
    for id in &ids {
        assert_eq!(ledger.last_record(id).expect("ledger").last, Some(record(id, 50)));
    }
}

/// `signer create` through the binary, in a fresh per-user folder, with the production
/// KDF parameters; then the passphrase opens it and a wrong one does not.
#[test]
fn signer_create_makes_a_private_identity_that_only_its_passphrase_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = trialscreen(
        dir.path(),
        &["signer", "create", "--name", "Dr Ana Ruiz", "--passphrase-stdin"],
        "correct horse\n",
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let data = UserData::at(dir.path().join("trialscreen"));
    let list = IdentityStore::at(data.signer_identities()).list().expect("identities");
    let [identity]: [SignerIdentity; 1] = list.identities.try_into().expect("one identity");
    assert!(stdout.contains(&format!("key fingerprint  {}", identity.fingerprint())), "{stdout}");
    assert_eq!(identity.kdf_params(), trialscreen::records::identity::KdfParams::PRODUCTION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |path: &Path| std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(identity.path()), 0o600);
        assert_eq!(mode(&data.keys()), 0o700);
    }
    assert!(identity.unlock("correct horse").is_ok());
    assert!(identity.unlock("Correct horse").is_err());

    let listed = trialscreen(dir.path(), &["signer", "list"], "");
    assert!(listed.status.success());
    assert!(String::from_utf8_lossy(&listed.stdout).starts_with(&format!("Dr Ana Ruiz\t{}\t", identity.fingerprint())));

    let again = trialscreen(
        dir.path(),
        &["signer", "create", "--name", "Dr Ana Ruiz", "--passphrase-stdin"],
        "another horse\n",
    );
    assert_eq!(again.status.code(), Some(2));
    let message = String::from_utf8_lossy(&again.stderr);
    assert!(message.contains("a signing identity for Dr Ana Ruiz already exists on this computer"), "{message}");
}

/// A name that would redraw a terminal line is refused at the boundary, and nothing is
/// written.
#[test]
fn signer_create_refuses_a_name_with_control_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = trialscreen(
        dir.path(),
        &["signer", "create", "--name", "Dr M\u{1b}[2K\rDr Chief", "--passphrase-stdin"],
        "correct horse\n",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invisible or control character U+001B"));
    assert!(!dir.path().join("trialscreen").exists(), "nothing was written");
}

/// The figures of DATA_INTEGRITY.md: creating an identity and unlocking it cost one
/// Argon2id derivation at the production parameters; signing and verifying are Ed25519's.
/// `cargo test --release --locked -- --ignored --nocapture records::production_costs`
#[test]
#[ignore = "a measurement, run by hand in a release build"]
fn production_costs() {
    use std::time::Instant;
    use trialscreen::records::identity::KdfParams;
    use trialscreen::records::keys::PublicKey;
    use trialscreen::records::payload::{SealedHead, SignedFacts};
    use trialscreen::records::signer_name::SignerName;

    let dir = tempfile::tempdir().expect("temp dir");
    let data = UserData::at(dir.path());
    let store = IdentityStore::at(data.signer_identities());
    let name = SignerName::parse("Dr Ana Ruiz").expect("name");
    let started = Instant::now();
    let identity = store.create(&name, "correct horse battery", KdfParams::PRODUCTION, Utc::now()).expect("create");
    let create = started.elapsed();
    let started = Instant::now();
    let unlocked = identity.unlock("correct horse battery").expect("unlock");
    let unlock = started.elapsed();
    let session = SessionId::random().expect("id");
    let fingerprint = identity.fingerprint();
    let content = "a".repeat(64);
    let trail = "b".repeat(64);
    let facts = SignedFacts {
        session_id: &session,
        content_hash: &content,
        trail_hash: &trail,
        signer: &name,
        signed_at: Utc::now(),
        meaning_id: "approval",
        meaning_text: "I reviewed this screening and approve the eligibility decision",
        key_fingerprint: &fingerprint,
    };
    const ROUNDS: u32 = 1000;
    let started = Instant::now();
    let mut proof = None;
    for _ in 0..ROUNDS {
        proof = Some(unlocked.sign(&facts).expect("sign"));
    }
    let sign = started.elapsed() / ROUNDS;
    let proof = proof.expect("signed");
    let started = Instant::now();
    for _ in 0..ROUNDS {
        proof.verify(&facts).expect("verify");
    }
    let verify = started.elapsed() / ROUNDS;
    let key = InstallationKey::load_or_create(&data.installation_key()).expect("key");
    let head_hash = "c".repeat(64);
    let head = SealedHead { session_id: &session, sequence: 57, head_hash: &head_hash };
    let started = Instant::now();
    let seal = key.seal(&head);
    for _ in 1..ROUNDS {
        std::hint::black_box(key.seal(&head));
    }
    let sealing = started.elapsed() / ROUNDS;
    let started = Instant::now();
    for _ in 0..ROUNDS {
        seal.verify(&head).expect("seal");
    }
    let seal_check = started.elapsed() / ROUNDS;
    let ledger = Ledger::at(data.ledger());
    let started = Instant::now();
    for sequence in 0..ROUNDS {
        ledger.append(&record(&session, u64::from(sequence))).expect("append");
    }
    let append = started.elapsed() / ROUNDS;
    let started = Instant::now();
    ledger.last_record(&session).expect("read");
    let read = started.elapsed();
    // A ledger of 100 000 saves of other sessions, read for one it does not hold.
    let thousand = std::fs::read(ledger.path()).expect("ledger");
    std::fs::write(ledger.path(), thousand.repeat(100)).expect("ledger");
    let started = Instant::now();
    let scan = ledger.last_record(&SessionId::random().expect("id")).expect("read");
    let read_other = started.elapsed();
    assert!(scan.last.is_none() && scan.damaged_lines.is_empty());
    assert!(PublicKey::parse(&key.public_key().to_string()).is_ok());
    println!("create identity (Argon2id 64 MiB, t=3, p=4 + key + file): {create:?}");
    println!("unlock (Argon2id + XChaCha20-Poly1305):                    {unlock:?}");
    println!("sign (Ed25519):                                            {sign:?}");
    println!("verify signature:                                          {verify:?}");
    println!("seal / verify seal:                                        {sealing:?} / {seal_check:?}");
    println!("ledger append (fsync) / read of {ROUNDS} lines of the session: {append:?} / {read:?}");
    println!("ledger read of 100 000 lines of other sessions:            {read_other:?}");
}

/// The figures of DATA_INTEGRITY.md and the issue: the time to sign V1 and to verify it,
/// through the real binary (release), with an identity at the production Argon2id
/// parameters, a sealed V1 saved on this installation and the site roster.
/// `cargo test --release --locked -- --ignored --nocapture records::sign_and_verify_v1`
#[test]
#[ignore = "a measurement, run by hand in a release build"]
fn sign_and_verify_v1_times() {
    use std::time::{Duration, Instant};
    use trialscreen::records::identity::KdfParams;
    use trialscreen::records::signer_name::SignerName;
    use trialscreen::session::sealing::{Sealer, prepare};

    const ROUNDS: usize = 7;
    const PASSPHRASE: &str = "correct horse battery staple";
    let home = tempfile::tempdir().expect("temp dir");
    let data = UserData::at(home.path().join("trialscreen"));
    let name = SignerName::parse("Dr A. Investigator").expect("name");
    let identity = IdentityStore::at(data.signer_identities())
        .create(&name, PASSPHRASE, KdfParams::PRODUCTION, Utc::now())
        .expect("identity");
    let sealer = Sealer::of(&data).expect("installation key");
    std::fs::write(
        data.roster(),
        format!(
            "(format: 1, signers: [(name: \"Dr A. Investigator\", keys: [\"{}\"])], installations: [(label: \"this laptop\", key: \"{}\")])",
            identity.public_key(),
            sealer.key().public_key()
        ),
    )
    .expect("roster");
    let v1 = include_str!("../../data/examples/v01-eligible-adolescent.ron");
    let (mut sign, mut verify) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let path = home.path().join(format!("v1-{round}.ron"));
        let mut session = trialscreen::session::load::parse_session(v1).expect("V1");
        prepare(&mut session, "Dr A. Investigator", Utc::now()).expect("id");
        trialscreen::session::store::save(&mut session, &path, &trialscreen::files::FileHead::Absent, &sealer)
            .expect("sealed V1");
        let file = path.display().to_string();
        let started = Instant::now();
        let output = trialscreen(
            home.path(),
            &["sign", &file, "--by", "Dr A. Investigator", "--passphrase-stdin"],
            &format!("{PASSPHRASE}\n"),
        );
        sign.push(started.elapsed());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let started = Instant::now();
        let output = trialscreen(home.path(), &["verify", &file], "");
        verify.push(started.elapsed());
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));
    }
    let summary = |mut times: Vec<Duration>| {
        times.sort();
        format!("median {:?}, min {:?}, max {:?}", times[times.len() / 2], times[0], times[times.len() - 1])
    };
    println!("trialscreen sign V1 (unlock at 64 MiB, t=3, p=4; sign; save sealed; ledger): {}", summary(sign));
    println!("trialscreen verify V1 (chain, replay, signature, seal, roster, ledger):      {}", summary(verify));
}
