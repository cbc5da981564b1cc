//! The vocabulary: every distinct folded word once, stored contiguously (one `String` plus
//! offsets, which the search prototype measured twice as fast to scan as a `Vec<String>`), with
//! its lowercased form and letter mask alongside. The arrays are [`Column`]s, so a vocabulary
//! read from a cache file is used where it lies.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::column::Column;
use super::prefixes::Prefixes;
use super::words::{lower, mask};

/// Distinct folded words with ids in order of first appearance.
#[derive(Debug, Default, Clone)]
pub(crate) struct Vocab {
    /// The words' UTF-8 bytes, one after another.
    pub(crate) text: Column<u8>,
    /// `bounds[i]..bounds[i + 1]` is word `i` in `text`.
    pub(crate) bounds: Column<u32>,
    pub(crate) lower: Column<u8>,
    pub(crate) lower_bounds: Column<u32>,
    pub(crate) masks: Column<u32>,
    /// Fx hashing: fast on short words, and the index is built from the user's own files, so
    /// hash flooding is not a concern. Empty for a vocabulary read from a file until a word is
    /// interned into it.
    ids: FxHashMap<Box<str>, u32>,
    /// The words grouped by their first bytes, made when first asked for and dropped whenever
    /// a word is added.
    prefixes: OnceLock<Prefixes>,
}

impl Vocab {
    /// A vocabulary read from arrays made elsewhere (a cache file).
    pub(crate) fn from_columns(
        text: Column<u8>,
        bounds: Column<u32>,
        lower: Column<u8>,
        lower_bounds: Column<u32>,
        masks: Column<u32>,
    ) -> Vocab {
        Vocab {
            text,
            bounds,
            lower,
            lower_bounds,
            masks,
            ids: FxHashMap::default(),
            prefixes: OnceLock::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.masks.len()
    }

    /// The id of `folded`, adding it if it is new.
    pub(crate) fn intern(&mut self, folded: &str) -> u32 {
        if self.ids.len() != self.len() {
            // Read from a file: learn its words before adding to them.
            self.ids = (0..self.len())
                .map(|id| (self.word(id).into(), id as u32))
                .collect();
        }
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        if self.bounds.is_empty() {
            self.bounds.to_mut().push(0);
            self.lower_bounds.to_mut().push(0);
        }
        self.prefixes = OnceLock::new();
        let id = self.masks.len() as u32;
        let low = lower(folded);
        let text = self.text.to_mut();
        text.extend_from_slice(folded.as_bytes());
        let end = text.len() as u32;
        self.bounds.to_mut().push(end);
        let lowered = self.lower.to_mut();
        lowered.extend_from_slice(low.as_bytes());
        let end = lowered.len() as u32;
        self.lower_bounds.to_mut().push(end);
        self.masks.to_mut().push(mask(&low));
        self.ids.insert(folded.into(), id);
        id
    }

    /// Word `id` as folded (case kept).
    #[inline]
    pub(crate) fn word(&self, id: usize) -> &str {
        slice(&self.text, &self.bounds, id)
    }

    /// Word `id` lowercased.
    #[inline]
    pub(crate) fn lower(&self, id: usize) -> &str {
        slice(&self.lower, &self.lower_bounds, id)
    }

    /// Word `id` as folded, as bytes (not checked to be UTF-8).
    #[inline]
    pub(crate) fn word_bytes(&self, id: usize) -> &[u8] {
        match (self.bounds.get(id), self.bounds.get(id + 1)) {
            (Some(&s), Some(&e)) => self.text.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Word `id` lowercased, as bytes (not checked to be UTF-8, for the cheap rejections).
    #[inline]
    pub(crate) fn lower_bytes(&self, id: usize) -> &[u8] {
        match (self.lower_bounds.get(id), self.lower_bounds.get(id + 1)) {
            (Some(&s), Some(&e)) => self.lower.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The words grouped by the first two bytes of their lowercased form.
    pub(crate) fn prefixes(&self) -> &Prefixes {
        self.prefixes
            .get_or_init(|| Prefixes::of(self.len(), |id| self.lower_bytes(id)))
    }

    #[inline]
    pub(crate) fn mask(&self, id: usize) -> u32 {
        self.masks[id]
    }
}

/// Word `id` of `text` cut at `bounds`; empty if the bounds or the bytes are not a word (a
/// damaged file, which its checksums catch before it is used).
#[inline]
fn slice<'a>(text: &'a [u8], bounds: &[u32], id: usize) -> &'a str {
    match (bounds.get(id), bounds.get(id + 1)) {
        (Some(&s), Some(&e)) => text
            .get(s as usize..e as usize)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or(""),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_stable_and_contiguous() {
        let mut v = Vocab::default();
        assert_eq!(v.intern("Oslo"), 0);
        assert_eq!(v.intern("talks"), 1);
        assert_eq!(v.intern("Oslo"), 0);
        assert_eq!(v.intern("oslo"), 2);
        assert_eq!(v.len(), 3);
        assert_eq!(v.word(0), "Oslo");
        assert_eq!(v.lower(0), "oslo");
        assert_eq!(v.word(1), "talks");
        assert_eq!(v.mask(2), mask("oslo"));
    }
}
