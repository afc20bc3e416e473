//! The threat table of DATA_INTEGRITY.md, one test per row: each attack on a session file,
//! made as an attacker with the file and a text editor (and this source code) would, and
//! what `verify` answers, through the real binary, on the computer that saved the file and
//! on another one. Before the seal, the ledger and electronic signatures, every cut below
//! verified as intact and anyone could sign as anyone.

use crate::common;

use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone as _, Utc};
use trialscreen::files::FileHead;
use trialscreen::screening::Screening;
use trialscreen::session::audit::{Change, Edit, apply, content_hash, entry_hash};
use trialscreen::session::model::{DecisionKind, Session};
use trialscreen::session::store;

use crate::common::installation::{Installation, PASSPHRASE};

fn at(minutes: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().expect("time") + Duration::minutes(minutes)
}

/// `verify FILE` on an installation: the exit code and what it printed.
fn verify(installation: &Installation, path: &Path) -> (i32, String) {
    let output = installation.run(&["verify", &path.display().to_string()], "");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let code = output.status.code().unwrap_or(-1);
    assert!(code != 2, "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    (code, stdout)
}

/// This site: an installation with Dr A and Dr B's identities and a roster listing them and
/// its own key. `elsewhere` is another computer with the same roster but its own ledger.
struct Site {
    here: Installation,
    elsewhere: Installation,
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Self {
        let here = Installation::new();
        here.add_signer("Dr A");
        here.add_signer("Dr B");
        here.write_roster();
        let elsewhere = Installation::new();
        std::fs::create_dir_all(elsewhere.user_data.root()).expect("folder");
        std::fs::copy(here.user_data.roster(), elsewhere.user_data.roster()).expect("roster");
        Self { here, elsewhere, dir: tempfile::tempdir().expect("temp dir") }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Saves `session` to `path` here (sealed, witnessed), returning the file's bytes.
    fn save(&self, session: &mut Session, path: &Path) -> Vec<u8> {
        let head = store::open_with_head(path).map_or(FileHead::Absent, |opened| opened.head);
        self.here.save(session, path, &head);
        std::fs::read(path).expect("saved")
    }

    /// Signs as `by` and saves.
    fn sign(&self, session: &mut Session, path: &Path, by: &str, when: chrono::DateTime<Utc>) -> Vec<u8> {
        self.here.sign_session(session, by, when);
        self.save(session, path)
    }
}

/// A session created in the window (not from a template), with a few values entered; its
/// protocol references first changed by `adjust`.
fn session_with(adjust: impl FnOnce(&mut Vec<trialscreen::session::model::ProtocolRef>)) -> Session {
    let template = common::example("v01-eligible-adolescent");
    let mut protocols = template.protocols.clone();
    adjust(&mut protocols);
    let mut session =
        Session::new("N-001".to_owned(), protocols, template.dates, template.investigator.clone(), "Dr A", at(0));
    for (minute, item) in ["platelets", "haemoglobin", "igg"].into_iter().enumerate() {
        let entry = template.values.get(item).cloned();
        apply(&mut session, Edit::SetValue { item: item.to_owned(), entry }, "Dr A", at(minute as i64 + 1))
            .expect("edit");
    }
    session
}

/// Writes a session as an attacker's editor would: the text, no seal made.
fn write_as_attacker(path: &Path, session: &Session) {
    std::fs::write(path, store::to_text(session).expect("text")).expect("write");
}

/// Removes the newest entries of the trail, as a cut at its end.
fn cut(session: &mut Session, entries: usize) {
    let keep = session.audit.len() - entries;
    session.audit.truncate(keep);
}

#[test]
fn deleting_the_signed_entry_and_the_signature_is_caught_by_the_seal_and_the_ledger() {
    let site = Site::new();
    let path = site.path("v01.ron");
    let mut session = common::example("v01-eligible-adolescent");
    site.save(&mut session, &path);
    let unsigned = session.head().expect("head").0;
    site.sign(&mut session, &path, "Dr A", at(10));
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 0, "signed, sealed, on the roster: intact");
    let key = site.here.sealer().key().fingerprint();
    let signer = site.here.signer("Dr A").public_key().fingerprint();
    let signature = session.signature.as_ref().expect("signed");
    let lines: Vec<String> = out.lines().map(|line| line.replace(&path.display().to_string(), "FILE")).collect();
    let expected = [
        format!(
            "✔ FILE: intact — {} audit entries, chain verified, values equal the replay; signed by Dr A at 2026-11-20 09:10:00 UTC (\"I confirm\"), content sha256 {}",
            unsigned + 1,
            signature.content_sha256
        ),
        format!("✔ sealed at sequence {} by installation key {key} (\"Test laptop\" in the site roster)", unsigned + 1),
        format!("✔ entry {}: electronic signature of Dr A, key {signer}: the key belongs to Dr A", unsigned + 1),
        format!("✔ holds the last save this computer recorded for it (sequence {}, ", unsigned + 1),
        "result: intact (exit 0)".to_owned(),
    ];
    assert_eq!(lines.len(), expected.len(), "{out}");
    for (line, expected) in lines.iter().zip(&expected) {
        assert!(line.starts_with(expected.as_str()), "{line}\n{expected}");
    }

    let mut attacked = session.clone();
    cut(&mut attacked, 1);
    attacked.signature = None;
    write_as_attacker(&path, &attacked);
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(": intact — "), "the trail alone still looks whole: {out}");
    assert!(out.contains(&format!("does not match the trail's head (sequence {unsigned})")), "{out}");
    assert!(
        out.contains(&format!(
            "this file is older than its last save on this computer (sequence {} recorded, file has {unsigned})",
            unsigned + 1
        )),
        "{out}"
    );
    let (code, out) = verify(&site.elsewhere, &path);
    assert_eq!(code, 1, "on another computer the seal still shows it: {out}");
}

#[test]
fn deleting_an_override_and_its_decision_with_the_signature_is_caught() {
    let site = Site::new();
    let path = site.path("v02b.ron");
    let mut session = common::example("v02b-low-platelets-override");
    site.save(&mut session, &path);
    site.sign(&mut session, &path, "Dr A", at(10));
    let last_two: Vec<&Change> = session.audit.iter().rev().take(2).map(|entry| &entry.change).collect();
    assert!(matches!(last_two.as_slice(), [Change::Signed { .. }, Change::Decided { .. }]), "{last_two:?}");

    let mut attacked = session.clone();
    cut(&mut attacked, 2);
    attacked.signature = None;
    attacked.decisions.retain(|decision| decision.kind != DecisionKind::Override);
    // The verdict flips: no override, platelets 52.
    let library = common::library();
    let verdict = |s: &Session| Screening::evaluate(library, s, common::EVALUATION_DAY).verdicts();
    assert_ne!(verdict(&attacked), verdict(&session));
    write_as_attacker(&path, &attacked);
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("does not match the trail's head") && out.contains("older than its last save"), "{out}");
    assert_eq!(verify(&site.elsewhere, &path).0, 1);
}

#[test]
fn cutting_an_amended_re_signed_file_back_to_its_first_signature_is_caught() {
    let site = Site::new();
    let path = site.path("v01.ron");
    let mut session = common::example("v01-eligible-adolescent");
    site.save(&mut session, &path);
    let first_signed = site.sign(&mut session, &path, "Dr A", at(10));
    let first = session.clone();
    site.here.amend_session(&mut session, "Dr A", "Platelet count re-measured", at(20));
    let entry = common::entry("Number((value: 160.0, unit: \"10^9/L\", date: Some(\"2026-11-19\")))");
    apply(&mut session, Edit::SetValue { item: "platelets".into(), entry: Some(entry) }, "Dr A", at(21)).expect("edit");
    site.sign(&mut session, &path, "Dr A", at(30));
    assert_eq!(verify(&site.here, &path).0, 0);

    // The trail cut back to the first signature, its state with it, the newest seal kept.
    let mut attacked = session.clone();
    cut(&mut attacked, session.audit.len() - first.audit.len());
    let Session { values, signature, .. } = first.clone();
    (attacked.values, attacked.signature) = (values, signature);
    write_as_attacker(&path, &attacked);
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("does not match the trail's head"), "{out}");
    assert_eq!(verify(&site.elsewhere, &path).0, 1);

    // The genuine first signed copy put back: only the ledger of the computer that saved the
    // amendment knows. Elsewhere it is indistinguishable from an older record; the printed,
    // signed hash on paper is the anchor (DATA_INTEGRITY.md).
    std::fs::write(&path, &first_signed).expect("older copy");
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("this file is older than its last save on this computer"), "{out}");
    assert_eq!(verify(&site.elsewhere, &path).0, 0, "the stated limit: elsewhere it verifies");
}

#[test]
fn a_rollback_to_an_older_copy_is_caught_by_the_ledger() {
    let site = Site::new();
    let path = site.path("v01.ron");
    let mut session = common::example("v01-eligible-adolescent");
    let older = site.save(&mut session, &path);
    let sequence = session.head().expect("head").0;
    let entry = common::entry("Number((value: 52.0, unit: \"10^9/L\", date: Some(\"2026-11-19\")))");
    apply(&mut session, Edit::SetValue { item: "platelets".into(), entry: Some(entry) }, "Dr A", at(5)).expect("edit");
    site.save(&mut session, &path);
    std::fs::write(&path, &older).expect("put back");
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 3, "{out}");
    let expected = format!(
        "✖ this file is older than its last save on this computer (sequence {} recorded, file has {sequence})",
        sequence + 1
    );
    assert!(out.contains(&expected), "{expected}\n{out}");
    assert!(out.ends_with("result: rolled back (older than the last save this computer recorded) (exit 3)\n"), "{out}");
    // Signing it is refused: a signature would vouch for the rewound record.
    let output = site.here.sign(&path, "Dr A");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("older than its last save"));
    assert_eq!(std::fs::read(&path).expect("file"), older, "untouched");
}

#[test]
fn a_stripped_seal_is_listed_apart_and_with_a_cut_caught_by_the_ledger() {
    let site = Site::new();
    let path = site.path("v01.ron");
    let mut session = common::example("v01-eligible-adolescent");
    site.save(&mut session, &path);
    let before_edit = session.clone();
    let entry = common::entry("Number((value: 52.0, unit: \"10^9/L\", date: Some(\"2026-11-19\")))");
    apply(&mut session, Edit::SetValue { item: "platelets".into(), entry: Some(entry) }, "Dr A", at(5)).expect("edit");
    site.save(&mut session, &path);

    let mut stripped = session.clone();
    stripped.seal = None;
    write_as_attacker(&path, &stripped);
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 6, "never intact: {out}");
    assert!(out.contains("no seal: a template, or a file whose seal was removed"), "{out}");

    cut(&mut stripped, 1);
    stripped.values = before_edit.values;
    write_as_attacker(&path, &stripped);
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 3, "{out}");
    assert_eq!(verify(&site.elsewhere, &path).0, 6, "elsewhere listed apart, never intact");
    let output = site.here.sign(&path, "Dr A");
    assert_eq!(output.status.code(), Some(2), "an unsealed file is not signed");
}

#[test]
fn a_downgrade_to_an_older_format_is_caught_here_and_listed_apart_elsewhere() {
    let site = Site::new();
    let path = site.path("n001.ron");
    // Pinning no vocabulary, as a session created before format 4 (a pin is what format 2
    // cannot have: such a file would be refused as relabelled, below).
    let mut session = session_with(|protocols| protocols.iter_mut().for_each(|p| p.vocabulary = None));
    site.save(&mut session, &path);

    // Relabelled as format 2: its seal and id removed, nothing else changed.
    let mut downgraded = session.clone();
    (downgraded.format_version, downgraded.session_id, downgraded.seal) = (2, None, None);
    write_as_attacker(&path, &downgraded);
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("this computer sealed a save of this session (same creation entry) as session"), "{out}");
    let (code, out) = verify(&site.elsewhere, &path);
    assert_eq!(code, 6, "{out}");
    assert!(out.contains("legacy file (session format 2, written before seals)"), "{out}");
    // `log` lists it apart.
    let folder = site.path("logged");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::copy(&path, folder.join("n001.ron")).expect("copy");
    let csv = site.path("log.csv");
    let output = site.elsewhere.run(&["log", &folder.display().to_string(), "-o", &csv.display().to_string()], "");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Not sealed records, listed apart"), "{stdout}");
    assert!(stdout.contains("⚠ n001.ron: no: legacy file (format 2)"), "{stdout}");
    assert!(std::fs::read_to_string(&csv).expect("csv").contains(",no: legacy file (format 2)\r\n"));

    // Relabelled but keeping what format 3 wrote: not read as format 2 at all.
    let relabelled = store::to_text(&session).expect("text").replacen("format_version: 5,", "format_version: 2,", 1);
    std::fs::write(&path, relabelled).expect("write");
    let output = site.here.run(&["verify", &path.display().to_string()], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the file was relabelled as an older format"));
}

#[test]
fn a_signature_copied_from_another_file_is_caught() {
    let site = Site::new();
    let (path_a, path_b) = (site.path("a.ron"), site.path("b.ron"));
    let mut a = common::example("v01-eligible-adolescent");
    site.save(&mut a, &path_a);
    site.sign(&mut a, &path_a, "Dr A", at(10));
    let mut b = common::example("v02b-low-platelets-override");
    site.save(&mut b, &path_b);
    let copied = a.signature.clone().expect("signed");

    // B given A's signature: its content hash set to B's, the entry hashed into B's chain,
    // and B sealed again with this installation's key (the worst case: a forger at this
    // computer).
    let mut forged = b.clone();
    let mut signature = copied;
    signature.content_sha256 = content_hash(&forged);
    let (seq, prev) = forged.head().map(|(seq, hash)| (seq + 1, hash.to_owned())).expect("head");
    // A careful forger also points the recorded trail hash at B's trail.
    if let Some(electronic) = &mut signature.electronic {
        electronic.trail_sha256.clone_from(&prev);
    }
    let mut entry = trialscreen::session::audit::AuditEntry {
        seq,
        at: signature.at,
        actor: "Dr A".to_owned(),
        change: Change::Signed { signature: signature.clone() },
        reason: None,
        prev_sha256: prev,
        sha256: String::new(),
    };
    entry.sha256 = entry_hash(&entry);
    forged.audit.push(entry);
    forged.signature = Some(signature);
    site.save(&mut forged, &path_b);
    let (code, out) = verify(&site.here, &path_b);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("entry {seq}: the signature by key ")), "{out}");
    assert!(out.contains("does not match this record: what it covers (content, trail, name, time, meaning or session) changed, or it was copied from another file"), "{out}");
}

#[test]
fn a_wrong_passphrase_signs_nothing() {
    let site = Site::new();
    let path = site.path("v01.ron");
    let before = site.here_saved_example(&path);
    let file = path.display().to_string();
    let output = site.here.run(&["sign", &file, "--by", "Dr A", "--passphrase-stdin"], "correct horse batteru\n");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("wrong passphrase for the signing identity of Dr A"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("file"), before, "nothing signed, nothing written");
    // Nor as someone with no identity here, nor without the passphrase at all.
    let output = site.here.run(&["sign", &file, "--by", "Dr X", "--passphrase-stdin"], PASSPHRASE);
    assert!(String::from_utf8_lossy(&output.stderr).contains("there is no signing identity for Dr X on this computer"));
    let output = site.here.run(&["sign", &file, "--by", "Dr A"], PASSPHRASE);
    assert!(String::from_utf8_lossy(&output.stderr).contains("--passphrase-stdin"));
    assert_eq!(std::fs::read(&path).expect("file"), before);
    assert!(site.here.sign(&path, "Dr A").status.success(), "the right passphrase signs");
}

#[test]
fn a_signature_under_a_borrowed_name_or_a_forged_roster_entry_is_not_established() {
    let site = Site::new();
    let path = site.path("v01.ron");
    site.here_saved_example(&path);
    // On another computer an impostor makes an identity named "Dr A" and signs there.
    let impostor = Installation::new();
    impostor.add_signer("Dr A");
    let output = impostor.sign(&path, "Dr A");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 5, "{out}");
    assert!(
        out.contains("electronic signature of Dr A")
            && out.contains("the site roster lists Dr A, but not with this key"),
        "{out}"
    );
    assert!(out.contains("which the site roster does not list"), "sealed by the impostor's installation: {out}");

    // A roster edited to give Dr B's key to Dr A as well is refused, not used.
    let roster = std::fs::read_to_string(site.here.user_data.roster()).expect("roster");
    let b_key = trialscreen::records::identity::IdentityStore::at(site.here.user_data.signer_identities())
        .find(&trialscreen::records::signer_name::SignerName::parse("Dr B").expect("name"))
        .expect("identities")
        .remove(0)
        .public_key();
    let forged = roster.replacen("(name: \"Dr A\", keys: [\"", &format!("(name: \"Dr A\", keys: [\"{b_key}\", \""), 1);
    let forged_path = site.path("forged-roster.ron");
    std::fs::write(&forged_path, forged).expect("roster");
    let output =
        site.here.run(&["verify", &path.display().to_string(), "--roster", &forged_path.display().to_string()], "");
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(5), "{out}");
    assert!(out.contains("is listed for Dr A and for Dr B; a key belongs to one person"), "{out}");
}

#[test]
fn a_legacy_file_is_intact_only_as_far_as_a_legacy_file_can_show() {
    let site = Site::new();
    let path = site.path("golden-v1.ron");
    std::fs::write(&path, include_str!("../golden/v1-signed-session.ron")).expect("write");
    let (code, out) = verify(&site.here, &path);
    assert_eq!(code, 6, "{out}");
    assert_eq!(
        out.replace(&path.display().to_string(), "FILE"),
        "✔ FILE: intact — 64 audit entries, chain verified, values equal the replay; signed by Dr A. Investigator at 2026-11-21 00:25:53 UTC (\"I confirm the eligibility assessment above\"), content sha256 e225e6f6e0311032e3da2dd4e765756e9bf1cb6a82669a0d508d889b3b176a76
⚠ legacy file (session format 1, written before seals): intact as far as a legacy file can show; nothing shows whether entries were cut from its end
⚠ signed by Dr A. Investigator as a typed name (an older format): no electronic signature shows who signed
· this computer has no record of saving this session
result: legacy or template file (exit 6)
"
    );
    let template = site.path("v01.ron");
    std::fs::write(&template, include_str!("../../data/examples/v01-eligible-adolescent.ron")).expect("write");
    let (code, out) = verify(&site.here, &template);
    assert_eq!(code, 6, "{out}");
    assert!(out.contains("bundled example v01-eligible-adolescent.ron: a template, not a record"), "{out}");
}

impl Site {
    /// The V1 example saved here as a sealed file; its bytes.
    fn here_saved_example(&self, path: &Path) -> Vec<u8> {
        let mut session = common::example("v01-eligible-adolescent");
        self.save(&mut session, path)
    }
}

/// A signed file is always sealed: stripped of its seal, it is neither amended by the
/// command nor opened for change by the window, whose save would seal whatever was cut.
#[test]
fn a_signed_file_stripped_of_its_seal_is_not_amended_nor_saved_again() {
    let site = Site::new();
    let path = site.path("v01.ron");
    let mut session = common::example("v01-eligible-adolescent");
    site.save(&mut session, &path);
    site.sign(&mut session, &path, "Dr A", at(10));
    let mut stripped = session.clone();
    stripped.seal = None;
    write_as_attacker(&path, &stripped);
    let before = std::fs::read(&path).expect("file");
    let output = site.here.amend(&path, "Dr A", "Correction");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not amended: no seal: a template, or a file whose seal was removed"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("file"), before);

    let library = trialscreen::library::Library::bundled().expect("library");
    let folders = trialscreen::app::workspace::Folders::of(&site.here.user_data);
    let mut workspace = trialscreen::app::workspace::Workspace::new(library, folders, || at(60));
    let notes = workspace.open_path(&path).expect("opens");
    let why = notes.questioned.expect("read-only");
    assert!(why.contains("no seal: a template, or a file whose seal was removed"), "{why}");
    assert!(workspace.save_to(&path).is_err());
    assert!(workspace.amend("Dr A", "Correction", PASSPHRASE).is_err());
    assert_eq!(std::fs::read(&path).expect("file"), before);
}

/// Issue 18: the command line signs an undecided screening only with an acknowledgement of
/// what is undecided, and never with the statement that the participant is eligible.
#[test]
fn the_command_line_signs_an_undecided_screening_only_with_its_acknowledgement() {
    let site = Site::new();
    let path = site.path("v15a.ron");
    let mut session = common::example("v15a-huc-msc-awaiting-judgment");
    site.save(&mut session, &path);
    let before = std::fs::read(&path).expect("file");
    let file = path.display().to_string();
    let output = site.here.sign(&path, "Dr A");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("1 criterion(s) are not decided (huc-msc-sle ") && stderr.contains("--acknowledge-undecided"),
        "{stderr}"
    );
    let args =
        ["sign", &file, "--by", "Dr A", "--passphrase-stdin", "--acknowledge-undecided", "--statement", "eligible"];
    let output = site.here.run(&args, common::installation::PASSPHRASE);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success() && stderr.contains("is INCOMPLETE, not eligible"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("file"), before, "nothing signed, nothing written");
    let args = [
        "sign",
        &file,
        "--by",
        "Dr A",
        "--passphrase-stdin",
        "--acknowledge-undecided",
        "--statement",
        "reviewed_undecided",
    ];
    let output = site.here.run(&args, common::installation::PASSPHRASE);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let (signed, _) = store::open(&path).expect("signed file");
    let signature = signed.signature.as_ref().expect("signed");
    assert_eq!(signature.acknowledged.len(), 1);
    assert_eq!(signature.electronic.as_ref().expect("electronic").meaning_id, "reviewed_undecided");
    assert!(trialscreen::session::audit::verify(&signed).is_intact());
}
