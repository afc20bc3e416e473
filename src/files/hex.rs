//! Lowercase hexadecimal, the one spelling of keys, signatures and hashes in trialscreen's
//! files (the same as the audit trail's SHA-256 hashes).

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Bytes as lowercase hex.
pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        for nibble in [byte >> 4, byte & 0x0f] {
            text.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
    text
}

/// Exactly `N` bytes from `2 × N` lowercase hex digits; `None` for anything else (upper
/// case too, so each value has one spelling and a hash or key compares as text).
pub fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != N * 2 {
        return None;
    }
    let mut bytes = [0u8; N];
    for (byte, pair) in bytes.iter_mut().zip(text.as_bytes().chunks_exact(2)) {
        let [high, low] = pair else { return None };
        *byte = (digit(*high)? << 4) | digit(*low)?;
    }
    Some(bytes)
}

/// Whether `text` is `2 × n` lowercase hex digits.
pub fn is_hex_of_len(text: &str, n: usize) -> bool {
    text.len() == n * 2 && text.bytes().all(|b| digit(b).is_some())
}

fn digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_spellings() {
        let bytes = [0x00, 0x9f, 0xa0, 0xff];
        assert_eq!(encode(&bytes), "009fa0ff");
        assert_eq!(decode::<4>("009fa0ff"), Some(bytes));
        assert_eq!(decode::<4>("009FA0FF"), None, "upper case is another spelling");
        assert_eq!(decode::<4>("009fa0f"), None);
        assert_eq!(decode::<4>("009fa0ffaa"), None);
        assert_eq!(decode::<2>("zz00"), None);
        assert_eq!(decode::<2>("é0"), None, "multi-byte text never decodes");
        assert!(is_hex_of_len("ab01", 2));
        assert!(!is_hex_of_len("ab0g", 2));
    }
}
