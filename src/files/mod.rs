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

/// The version of a file a writer read: what it expects to replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileHead {
    /// There was no file: the writer creates it, and refuses if one has appeared.
    Absent,
    /// The BLAKE3 digest (lowercase hex) of the bytes read.
    Digest(String),
}

impl FileHead {
    /// The head of these bytes.
    pub fn of(bytes: &[u8]) -> Self {
        // BLAKE3, a cryptographic hash, rather than SHA-256: every file a folder scan reads
        // has a head, and BLAKE3 hashes a 60 KB session in about a quarter of SHA-256's time
        // here (SIMD, chunks in parallel lanes). The head is never written into a record: it
        // names the version of a file a writer read, and the folder scan's cache entries.
        Self::Digest(hex::encode(blake3::hash(bytes).as_bytes()))
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
    fn a_head_is_the_lowercase_hex_blake3_of_the_bytes() {
        // The BLAKE3 reference implementation's digest of "abc" (b3sum).
        let expected = "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85";
        assert_eq!(FileHead::of(b"abc"), FileHead::Digest(expected.to_owned()));
        let empty = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
        assert_eq!(FileHead::of(b""), FileHead::Digest(empty.to_owned()));
        assert_ne!(FileHead::of(b"abd"), FileHead::of(b"abc"));
    }
}
