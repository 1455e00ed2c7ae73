//! Content fingerprints: SHA-256 in lower-case hex. Assets are named by
//! theirs, revisions verified by theirs, the mirror knows its own writes by
//! theirs, and autosave refuses to write over a body whose fingerprint is
//! not the one the editor loaded.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint of an article's body. The window sends back the one its
/// text was built on with every edit; a newtype so it is never mixed up
/// with an asset's or a revision's checksum. Crosses IPC as a plain string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[ts(type = "string")]
pub struct BodyHash(String);

impl BodyHash {
    pub fn of(body: &str) -> BodyHash {
        BodyHash(sha256_hex(body.as_bytes()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A fingerprint the window sent back, taken as it came: the app checks
/// its shape before it reaches autosave.
impl From<String> for BodyHash {
    fn from(hex: String) -> Self {
        BodyHash(hex)
    }
}

impl PartialEq<str> for BodyHash {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl std::fmt::Display for BodyHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
