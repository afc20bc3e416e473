//! A fresh trialscreen installation in a temporary per-user data folder: its installation
//! key, witness ledger and signing identities (with cheap Argon2id parameters: the tests
//! exercise the mechanism, not its cost), and the binary run against it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, TimeZone as _, Utc};
use trialscreen::files::FileHead;
use trialscreen::records::identity::{IdentityStore, KdfParams, SignerIdentity, UnlockedIdentity};
use trialscreen::records::signer_name::SignerName;
use trialscreen::session::model::Session;
use trialscreen::session::sealing::{self, Sealer};
use trialscreen::session::store;
use trialscreen::user_data::UserData;

/// The passphrase of every test signer.
pub const PASSPHRASE: &str = "correct horse battery";

/// Argon2id at its cheapest.
pub const CHEAP: KdfParams = KdfParams { memory_kib: 64, iterations: 1, parallelism: 1 };

/// A per-user data folder of its own.
pub struct Installation {
    /// Kept for the installation's life.
    _home: tempfile::TempDir,
    /// `XDG_DATA_HOME` for the binary.
    pub data_home: PathBuf,
    /// The per-user data folder (`XDG_DATA_HOME/trialscreen`).
    pub user_data: UserData,
}

impl Installation {
    /// A fresh installation.
    pub fn new() -> Self {
        let home = tempfile::tempdir().expect("temp dir");
        let data_home = home.path().to_owned();
        let user_data = UserData::at(data_home.join("trialscreen"));
        Self { _home: home, data_home, user_data }
    }

    /// Creates a signing identity for `name` under [`PASSPHRASE`].
    pub fn add_signer(&self, name: &str) -> SignerIdentity {
        let store = IdentityStore::at(self.user_data.signer_identities());
        let name = SignerName::parse(name).expect("name");
        store.create(&name, PASSPHRASE, CHEAP, at()).expect("identity")
    }

    /// The identity of `name`, unlocked (created first if there is none).
    pub fn signer(&self, name: &str) -> UnlockedIdentity {
        let store = IdentityStore::at(self.user_data.signer_identities());
        let parsed = SignerName::parse(name).expect("name");
        let identity = match store.find(&parsed).expect("identities").into_iter().next() {
            Some(identity) => identity,
            None => self.add_signer(name),
        };
        identity.unlock(PASSPHRASE).expect("unlock")
    }

    /// Signs a session in memory as `by` (migrating it first if it is of an older format),
    /// recording no verdicts.
    pub fn sign_session(&self, session: &mut Session, by: &str, when: DateTime<Utc>) {
        sealing::prepare(session, by, when).expect("prepare");
        let identity = self.signer(by);
        let sign_off = trialscreen::session::sign_meaning::SignOff::custom("I confirm");
        trialscreen::session::e_signing::sign(session, &identity, &sign_off, Vec::new(), by, when).expect("sign");
    }

    /// Amends a signed session in memory as `by`.
    pub fn amend_session(&self, session: &mut Session, by: &str, reason: &str, when: DateTime<Utc>) {
        let identity = self.signer(by);
        trialscreen::session::e_signing::amend(session, &identity, reason, when).expect("amend");
    }

    /// Writes the site roster (`roster.ron` in the per-user data folder): this
    /// installation's key, and every signing identity here under its name.
    pub fn write_roster(&self) {
        let key = self.sealer().key().public_key();
        let identities = IdentityStore::at(self.user_data.signer_identities()).list().expect("identities");
        let signers: Vec<String> = identities
            .identities
            .iter()
            .map(|identity| format!("(name: \"{}\", keys: [\"{}\"])", identity.name(), identity.public_key()))
            .collect();
        let text = format!(
            "(format: 1, signers: [{}], installations: [(label: \"Test laptop\", key: \"{key}\")])",
            signers.join(", ")
        );
        std::fs::write(self.user_data.roster(), text).expect("roster");
    }

    /// This installation's sealer.
    pub fn sealer(&self) -> Sealer {
        Sealer::of(&self.user_data).expect("installation key")
    }

    /// Saves a session as the app does (migrated if of an older format, sealed, witnessed).
    pub fn save(&self, session: &mut Session, path: &Path, expected: &FileHead) -> FileHead {
        sealing::prepare(session, "Dr A. Investigator", at()).expect("prepare");
        store::save(session, path, expected, &self.sealer()).expect("save").head
    }

    /// A bundled example saved here as a new sealed session file.
    pub fn sealed_example(&self, name: &str, path: &Path) -> Session {
        let mut session = super::example(name);
        self.save(&mut session, path, &FileHead::Absent);
        session
    }

    /// The binary, with this installation as its per-user data folder.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = crate::common::trialscreen_command();
        command.args(args).env("XDG_DATA_HOME", &self.data_home).env_remove("HOME");
        command
    }

    /// Runs the binary with `stdin` on its standard input.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = self
            .command(args)
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

    /// `trialscreen sign FILE --by NAME --passphrase-stdin` with the right passphrase.
    pub fn sign(&self, file: &Path, by: &str) -> Output {
        self.run(&["sign", &file.display().to_string(), "--by", by, "--passphrase-stdin"], PASSPHRASE)
    }

    /// `trialscreen amend FILE --by NAME --reason … --passphrase-stdin`.
    pub fn amend(&self, file: &Path, by: &str, reason: &str) -> Output {
        let file = file.display().to_string();
        self.run(&["amend", &file, "--by", by, "--reason", reason, "--passphrase-stdin"], PASSPHRASE)
    }
}

/// The time test records are made at.
pub fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single().expect("time")
}
