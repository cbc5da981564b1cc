//! Turning per-word matches into hit spans: the one rule both the index (counting hits) and the
//! highlighter (drawing them) follow, so that "12 hits" in the list is 12 in the reader.
//!
//! Within one segment (a title or a paragraph) a hit is either a word matched by a word term or
//! an occurrence of a phrase (consecutive words). Hits that share a word are merged into one.

use std::ops::Range;

/// Bits over word ids, for membership tests while scanning articles' words.
#[derive(Debug, Clone)]
pub(crate) struct WordSet(Vec<u64>);

impl WordSet {
    pub(crate) fn new(words: usize) -> WordSet {
        WordSet(vec![0; words.div_ceil(64)])
    }

    pub(crate) fn insert(&mut self, id: u32) {
        if let Some(slot) = self.0.get_mut(id as usize / 64) {
            *slot |= 1 << (id % 64);
        }
    }

    #[inline]
    pub(crate) fn contains(&self, id: u32) -> bool {
        self.0
            .get(id as usize / 64)
            .is_some_and(|slot| slot & (1 << (id % 64)) != 0)
    }
}

/// Word-index ranges of the hits in a segment of `len` words, sorted and merged.
/// `word_hit(i)`: word `i` matches a word term. `phrase_lens[p]`: the number of words in phrase
/// `p`; `phrase_hit(p, j, i)`: word `i` of the segment matches word `j` of phrase `p`.
pub(crate) fn hit_ranges(
    len: usize,
    word_hit: impl Fn(usize) -> bool,
    phrase_lens: &[usize],
    phrase_hit: impl Fn(usize, usize, usize) -> bool,
) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = (0..len)
        .filter(|&i| word_hit(i))
        .map(|i| i..i + 1)
        .collect();
    let mut extra = false;
    for (p, &k) in phrase_lens.iter().enumerate() {
        if k == 0 || k > len {
            continue;
        }
        for start in 0..=len - k {
            if (0..k).all(|j| phrase_hit(p, j, start + j)) {
                ranges.push(start..start + k);
                extra = true;
            }
        }
    }
    if extra {
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        ranges = merged;
    }
    ranges
}

/// Whether phrase `p` (of `k` words) occurs anywhere in a segment of `len` words.
pub(crate) fn phrase_occurs(len: usize, k: usize, hit: impl Fn(usize, usize) -> bool) -> bool {
    k > 0 && k <= len && (0..=len - k).any(|start| (0..k).all(|j| hit(j, start + j)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_merge_when_they_share_a_word() {
        // Segment: a b c a b; word term `c`; phrase `a b`.
        let seg = ["a", "b", "c", "a", "b"];
        let phrase = ["a", "b"];
        let r = hit_ranges(
            seg.len(),
            |i| seg[i] == "c",
            &[2],
            |_, j, i| seg[i] == phrase[j],
        );
        assert_eq!(r, [0..2, 2..3, 3..5]);
        // Word term `b` falls inside both phrase occurrences.
        let r = hit_ranges(
            seg.len(),
            |i| seg[i] == "b",
            &[2],
            |_, j, i| seg[i] == phrase[j],
        );
        assert_eq!(r, [0..2, 3..5]);
        // Overlapping occurrences of `a a` in `a a a` are one hit.
        let r = hit_ranges(3, |_| false, &[2], |_, _, _| true);
        assert_eq!(r, std::slice::from_ref(&(0..3)));
        assert!(phrase_occurs(5, 2, |j, i| seg[i] == phrase[j]));
        assert!(!phrase_occurs(1, 2, |_, _| true));
    }

    #[test]
    fn word_sets() {
        let mut s = WordSet::new(130);
        s.insert(129);
        s.insert(3);
        s.insert(5000);
        assert!(s.contains(129) && s.contains(3));
        assert!(!s.contains(4) && !s.contains(5000) && !s.contains(u32::MAX));
    }
}
