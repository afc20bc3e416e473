//! Session file speed: saving the V1 session (seal, serialize, parse back, write, fsync the
//! file and its folder, keep the backup, append to the witness ledger with fsync) and
//! opening it (read, parse) and verifying its trail.

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use trialscreen::session::audit::verify;
use trialscreen::session::load::parse_session;
use trialscreen::session::store;

const V1: &str = include_str!("../data/examples/v01-eligible-adolescent.ron");

fn benches(c: &mut Criterion) {
    let mut session = match parse_session(V1) {
        Ok(session) => session,
        Err(error) => panic!("V1: {error}"),
    };
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => panic!("temp dir: {error}"),
    };
    let data = trialscreen::user_data::UserData::at(dir.path().join("data"));
    let sealer = match trialscreen::session::sealing::Sealer::of(&data) {
        Ok(sealer) => sealer,
        Err(error) => panic!("installation key: {error}"),
    };
    if let Err(error) = trialscreen::session::sealing::prepare(&mut session, "Bench", chrono::Utc::now()) {
        panic!("prepare: {error}");
    }
    let path = dir.path().join("v1.ron");
    // Each save expects the version the previous one wrote, as a writer holding the file does.
    let mut head = trialscreen::files::FileHead::Absent;
    c.bench_function("save_v1_with_fsync", |b| {
        b.iter(|| {
            if let Ok(written) = store::save(black_box(&mut session), &path, &head, &sealer) {
                head = written.head;
            }
        })
    });
    c.bench_function("open_v1", |b| b.iter(|| store::open(black_box(&path)).is_ok()));
    c.bench_function("verify_v1", |b| b.iter(|| verify(black_box(&session)).is_intact()));
}

criterion_group!(session_io, benches);
criterion_main!(session_io);
