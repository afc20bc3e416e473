//! Files read and written so that a strange file, another program or a crash cannot make
//! trialscreen hang, read without bound, write through a planted link or leave a
//! half-written file behind. Every file access of the program goes through here:
//!
//! - [`bounded_read`]: only regular files (a FIFO or a device is refused before it is
//!   opened, and again on the open handle), at most a cap of bytes *read*, a byte-order
//!   mark dropped;
//! - [`folder`]: the entries of a folder with the ones that are not regular files named,
//!   never silently skipped;
//! - [`atomic_write`]: a private (0600) temporary created exclusively beside the target,
//!   fsynced and renamed over it; a session is replaced only while it still holds the
//!   version its writer read ([`FileHead`]), and a link is written through to its target;
//! - [`lock`]: the advisory lock (`NAME.lock`) a session's writers hold;
//! - [`private`]: keys and identities, created once exclusively (0600, folders 0700);
//! - [`hex`]: the one spelling (lowercase hex) of hashes, keys and signatures in the files.

pub mod atomic_write;
pub mod bounded_read;
pub mod folder;
pub mod hex;
pub mod lock;
pub mod private;

use sha2::{Digest as _, Sha256};

/// The version of a file a writer read: what it expects to replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileHead {
    /// There was no file: the writer creates it, and refuses if one has appeared.
    Absent,
    /// The SHA-256 (hex) of the bytes read.
    Sha256(String),
}

impl FileHead {
    /// The head of these bytes.
    pub fn of(bytes: &[u8]) -> Self {
        // Digit by digit, not a `format!` per byte: every file a folder scan reads has a head.
        Self::Sha256(hex::encode(&Sha256::digest(bytes)))
    }
}

/// What kind of thing a path is, in words, for a message (crate::i18n::word("error-kind-fifo")).
pub fn kind_words(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return crate::i18n::word("error-kind-fifo");
        }
        if file_type.is_char_device() {
            return crate::i18n::word("error-kind-char-device");
        }
        if file_type.is_block_device() {
            return crate::i18n::word("error-kind-block-device");
        }
        if file_type.is_socket() {
            return crate::i18n::word("error-kind-socket");
        }
    }
    if file_type.is_dir() {
        crate::i18n::word("error-kind-folder")
    } else if file_type.is_symlink() {
        crate::i18n::word("error-kind-symlink")
    } else if file_type.is_file() {
        crate::i18n::word("error-kind-regular")
    } else {
        crate::i18n::word("error-kind-not-regular")
    }
}

#[cfg(test)]
mod tests {
    use super::FileHead;

    #[test]
    fn a_head_is_the_lowercase_hex_sha256_of_the_bytes() {
        // FIPS 180-2's example: SHA-256("abc").
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(FileHead::of(b"abc"), FileHead::Sha256(expected.to_owned()));
        assert_ne!(FileHead::of(b"abd"), FileHead::of(b"abc"));
    }
}
