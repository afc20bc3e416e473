//! Differential: the fast reader of the plain form a save writes (`written_form`) against
//! ron on any text, and the canonical writer (`canonical_text`) against `ron::to_string` on
//! whatever was read. Whenever the fast reader accepts a text, ron must accept it and read the
//! same session; the canonical text must be ron's, byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trialscreen::session::canonical_text::canonical;
use trialscreen::session::model::Session;
use trialscreen::session::written_form;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let by_ron: Result<Session, _> = ron::Options::default().from_str(text);
    if let Some(fast) = written_form::read_plain::<Session>(text) {
        match &by_ron {
            Ok(slow) => assert_eq!(&fast, slow, "the fast reader and ron read different sessions"),
            Err(error) => panic!("the fast reader accepted a text ron refuses: {error}"),
        }
    }
    if let Ok(session) = by_ron {
        if let Ok(expected) = ron::to_string(&session) {
            assert_eq!(canonical(&session), expected, "canonical text differs from ron's");
        }
    }
});
