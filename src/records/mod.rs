//! Records no one can quietly rewind, and electronic signatures bound to a person.
//!
//! Below the session file format and independent of it: the pieces a save, `sign` and
//! `verify` put together (`session::sealing`, `session::e_signing`, `session::integrity`).
//! - [`installation_key`]: this computer's key pair, created once, which seals every save
//!   ([`seal`]) over the head of the audit trail;
//! - [`ledger`]: the local witness, one line per save, so an older copy put back is seen;
//! - [`identity`]: a person's signing key, encrypted under their passphrase (Argon2id +
//!   XChaCha20-Poly1305), and [`e_signature`], what a signature carries;
//! - [`roster`]: the site's list of who holds which key;
//! - [`payload`]: exactly which bytes a seal and a signature cover, as pure functions.
//!
//! File access goes through [`crate::files`] (regular files only, bounded reads, exclusive
//! creation, 0600), except the ledger's locked appends. No egui. The paths come from the caller
//! ([`crate::user_data::UserData`] at the edge).

pub mod clean_text;
pub mod e_signature;
pub mod identity;
pub mod installation_key;
pub mod keys;
pub mod ledger;
pub mod payload;
pub mod roster;
pub mod seal;
pub mod session_id;
pub mod signer_name;
