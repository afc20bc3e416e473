//! Any bytes as a protocol file: parse and compile against the bundled dictionary, then
//! evaluate a session with it. Must not panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use trialscreen::library::{Library, ProtocolSource};

static LIBRARY: LazyLock<Option<Library>> = LazyLock::new(|| Library::bundled().ok());

fuzz_target!(|data: &[u8]| {
    let (Ok(text), Some(library)) = (std::str::from_utf8(data), LIBRARY.as_ref()) else { return };
    let mut library = library.clone();
    let _ = library.add_protocol("fuzz.ron", text, ProtocolSource::Site("fuzz.ron".to_owned()));
});
