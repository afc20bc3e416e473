//! CPU time per frame of the main screen, headless: the V1 patient screened against all
//! three bundled protocols (the five-cohort one in its SLE cohort), 1366×768, the pointer
//! moving over the board every frame. Measures what eframe does on the CPU each frame
//! (egui's pass, then tessellation), then the same through an `egui_kittest` harness (which
//! also builds the accessibility tree every frame), and the re-evaluation after one edit.
//!
//! `cargo run --release --example frame_time [FRAMES]`

// A developer's tool, run by hand: it may panic with a message when its data are missing
// (the lints in Cargo.toml are for code a user can reach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::error::Error;
use std::time::{Duration, Instant};

use chrono::{TimeZone as _, Utc};
use egui::{Event, Pos2, RawInput, Rect, Vec2};
use trialscreen::app::workspace::Folders;
use trialscreen::library::{BUNDLED_EXAMPLES, Library};
use trialscreen::model::values::Value;
use trialscreen::session::audit::Edit;
use trialscreen::session::model::Entry;
use trialscreen::ui::app_state::AppState;
use trialscreen::ui::preferences::Preferences;

fn clock() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).single().unwrap_or_default()
}

/// The main screen with all three protocols.
fn main_screen(folder: &std::path::Path) -> Result<AppState, Box<dyn Error>> {
    let mut state = AppState::new(Library::bundled()?, Folders::under(folder), clock, Preferences::default());
    let (name, text) = BUNDLED_EXAMPLES.first().ok_or("no example")?;
    state.workspace.open_example(name, text)?;
    let protocols = vec![
        state.workspace.protocol_ref("refractory-sle-age5", None)?,
        state.workspace.protocol_ref("refractory-autoimmune-5cohort", Some("SLE".to_owned()))?,
        state.workspace.protocol_ref("huc-msc-sle", None)?,
    ];
    state.workspace.apply(Edit::SetProtocols(protocols))?;
    Ok(state)
}

fn summary(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times.get(((times.len() - 1) as f64 * q) as usize).copied().unwrap_or_default();
    let mean = times.iter().sum::<Duration>() / u32::try_from(times.len().max(1)).unwrap_or(1);
    println!(
        "{label}: {} frames, mean {:.3} ms, median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        times.len(),
        mean.as_secs_f64() * 1e3,
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
}

fn pointer(frame: usize) -> Pos2 {
    Pos2::new(700.0 + (frame % 500) as f32, 200.0 + (frame % 400) as f32)
}

fn main() -> Result<(), Box<dyn Error>> {
    let frames: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let folder = std::env::temp_dir().join(format!("trialscreen-frame-time-{}", std::process::id()));

    // What eframe runs on the CPU each frame: the egui pass, then tessellation.
    let mut state = main_screen(&folder)?;
    let ctx = egui::Context::default();
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(1366.0, 768.0));
    let warm_up = 10;
    let mut times = Vec::with_capacity(frames);
    for frame in 0..frames + warm_up {
        let input = RawInput {
            screen_rect: Some(screen),
            events: vec![Event::PointerMoved(pointer(frame))],
            ..RawInput::default()
        };
        let started = Instant::now();
        let mut output = ctx.run_ui(input, |ui| state.ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = started.elapsed();
        // No GPU here: the font atlas updates a painter would upload are dropped.
        output.textures_delta.clear();
        std::hint::black_box(primitives);
        if frame >= warm_up {
            times.push(elapsed);
        }
    }
    let board = state.workspace.document().map_or(0, |d| d.board().protocols.iter().map(|p| p.criteria.len()).sum());
    println!("main screen: 3 protocols, {board} criteria on the board");
    summary("egui pass + tessellation", times);

    // The same screen through an egui_kittest harness (accessibility tree every frame).
    let state = main_screen(&folder)?;
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1366.0, 768.0])
        .build_ui_state(|ui, state: &mut AppState| state.ui(ui), state);
    let mut times = Vec::with_capacity(frames);
    for frame in 0..frames {
        harness.hover_at(pointer(frame));
        let started = Instant::now();
        harness.step();
        times.push(started.elapsed());
    }
    summary("kittest step", times);

    // One committed edit: the audit entry, the evaluation of all three protocols and the
    // board, form and scores rebuilt.
    let mut state = main_screen(&folder)?;
    let mut times = Vec::with_capacity(frames);
    for round in 0..frames {
        let value = Value::Number(trialscreen::model::values::Measurement {
            value: 150.0 + (round % 50) as f64,
            unit: trialscreen::model::units::Unit::GigaPerL,
            uln: None,
        });
        let edit = Edit::SetValue { item: "platelets".to_owned(), entry: Some(Entry::new(value)) };
        let started = Instant::now();
        state.workspace.apply(edit)?;
        times.push(started.elapsed());
    }
    summary("committed edit (audit entry + evaluation + board)", times);
    let _removed = std::fs::remove_dir_all(&folder);
    Ok(())
}
