//! FNV-1a, 64-bit: the one hash behind article identities and state file names.
//!
//! The values are stored on disk (reading state is keyed by them), so they must never change:
//! the tests pin reference values.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a of `bytes` in one go.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a::new();
    hash.write(bytes);
    hash.finish()
}

/// FNV-1a fed piece by piece: writing `a` then `b` gives the hash of `a` and `b` joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fnv1a(u64);

impl Fnv1a {
    /// The hash of nothing yet.
    pub fn new() -> Self {
        Self(OFFSET)
    }

    /// Feeds `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes
            .iter()
            .fold(self.0, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME));
    }

    /// The hash of everything written so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv1a {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn fnv1a_matches_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(
            fnv1a(b"Headline here\n\nBody text.\n"),
            0x5c5e_cdc2_3172_d0b8
        );
    }

    #[test]
    fn pieces_hash_as_their_concatenation() {
        let mut hash = Fnv1a::default();
        assert_eq!(hash.finish(), fnv1a(b""));
        hash.write(b"foo");
        hash.write(b"");
        hash.write(b"bar");
        assert_eq!(hash.finish(), fnv1a(b"foobar"));
    }

    #[test]
    fn corpus_keys_are_unchanged() {
        // Paths that do not exist are taken as given, so these keys do not depend on the disk.
        let a = PathBuf::from("/folio/none/a");
        let b = PathBuf::from("/folio/none/b");
        assert_eq!(
            crate::state::corpus_key(std::slice::from_ref(&a)),
            "9514641e26ee6282"
        );
        assert_eq!(crate::state::corpus_key(&[b, a]), "d100393ea1af366a");
    }
}
