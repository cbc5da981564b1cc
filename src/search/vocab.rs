//! The vocabulary: every distinct folded word once, stored contiguously (one `String` plus
//! offsets, which the search prototype measured twice as fast to scan as a `Vec<String>`), with
//! its lowercased form and letter mask alongside.

use rustc_hash::FxHashMap;

use super::words::{lower, mask};

/// Distinct folded words with ids in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    text: String,
    /// `bounds[i]..bounds[i + 1]` is word `i` in `text`.
    bounds: Vec<u32>,
    lower: String,
    lower_bounds: Vec<u32>,
    masks: Vec<u32>,
    /// Fx hashing: fast on short words, and the index is built from the user's own files, so
    /// hash flooding is not a concern.
    ids: FxHashMap<Box<str>, u32>,
}

impl Vocab {
    pub(crate) fn len(&self) -> usize {
        self.masks.len()
    }

    /// The id of `folded`, adding it if it is new.
    pub(crate) fn intern(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        if self.bounds.is_empty() {
            self.bounds.push(0);
            self.lower_bounds.push(0);
        }
        let id = self.masks.len() as u32;
        let low = lower(folded);
        self.text.push_str(folded);
        self.bounds.push(self.text.len() as u32);
        self.lower.push_str(&low);
        self.lower_bounds.push(self.lower.len() as u32);
        self.masks.push(mask(&low));
        self.ids.insert(folded.into(), id);
        id
    }

    /// Word `id` as folded (case kept).
    #[inline]
    pub(crate) fn word(&self, id: usize) -> &str {
        &self.text[self.bounds[id] as usize..self.bounds[id + 1] as usize]
    }

    /// Word `id` lowercased.
    #[inline]
    pub(crate) fn lower(&self, id: usize) -> &str {
        &self.lower[self.lower_bounds[id] as usize..self.lower_bounds[id + 1] as usize]
    }

    #[inline]
    pub(crate) fn mask(&self, id: usize) -> u32 {
        self.masks[id]
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
