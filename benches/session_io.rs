//! Session file speed: saving the V1 session (serialize, parse back, write, fsync the file
//! and its folder, keep the backup) and opening it (read, parse) and verifying its trail.

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
    let session = match parse_session(V1) {
        Ok(session) => session,
        Err(error) => panic!("V1: {error}"),
    };
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(error) => panic!("temp dir: {error}"),
    };
    let path = dir.path().join("v1.ron");
    // Each save expects the version the previous one wrote, as a writer holding the file does.
    let mut head = trialscreen::files::FileHead::Absent;
    c.bench_function("save_v1_with_fsync", |b| {
        b.iter(|| {
            if let Ok(written) = store::save(black_box(&session), &path, &head) {
                head = written;
            }
        })
    });
    c.bench_function("open_v1", |b| b.iter(|| store::open(black_box(&path)).is_ok()));
    c.bench_function("verify_v1", |b| b.iter(|| verify(black_box(&session)).is_intact()));
}

criterion_group!(session_io, benches);
criterion_main!(session_io);
