//! The vocabulary's words grouped by the first two bytes of their lowercased form, so that a
//! prefix or whole-word term spelt in ASCII (`t`, `ta`, `^gov`, the words of `"the peace"`)
//! looks at the few words that can match instead of scanning every word. Derived from the
//! vocabulary in one counting pass when first needed (a few milliseconds for 600,000 words), so
//! an index read from a cache file needs nothing more on disk.

use super::query::Kind;

/// Classes of a byte in a key: digits, ASCII letters, anything else, and the end of the word.
const CLASSES: usize = 38;
const OTHER: usize = 36;
const END: usize = 37;

fn class(b: Option<&u8>) -> usize {
    match b {
        Some(b @ b'0'..=b'9') => usize::from(b - b'0'),
        Some(b @ b'a'..=b'z') => 10 + usize::from(b - b'a'),
        Some(_) => OTHER,
        None => END,
    }
}

/// The group of a lowercased word: its first two bytes' classes.
fn group(lower: &[u8]) -> usize {
    class(lower.first()) * CLASSES + class(lower.get(1))
}

/// Word ids by group, ascending within each group.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prefixes {
    /// `starts[g]..starts[g + 1]` is group `g` in `ids`.
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Prefixes {
    /// The groups of `words` lowercased words, `lower(id)` giving each one's bytes.
    pub(crate) fn of<'a>(words: usize, lower: impl Fn(usize) -> &'a [u8]) -> Prefixes {
        let groups: Vec<u16> = (0..words).map(|id| group(lower(id)) as u16).collect();
        let mut starts = vec![0u32; CLASSES * CLASSES + 1];
        for &g in &groups {
            starts[usize::from(g) + 1] += 1;
        }
        for g in 1..starts.len() {
            starts[g] += starts[g - 1];
        }
        let mut next = starts.clone();
        let mut ids = vec![0u32; words];
        for (id, &g) in groups.iter().enumerate() {
            let slot = &mut next[usize::from(g)];
            ids[*slot as usize] = id as u32;
            *slot += 1;
        }
        Prefixes { starts, ids }
    }

    fn ids_of(&self, groups: std::ops::Range<usize>) -> &[u32] {
        let (Some(&s), Some(&e)) = (self.starts.get(groups.start), self.starts.get(groups.end))
        else {
            return &[];
        };
        self.ids.get(s as usize..e as usize).unwrap_or(&[])
    }

    /// Every word that a term of `kind` with the lowercased word `needle` can match (and
    /// others), or `None` when the groups cannot tell: only prefix and whole-word terms spelt
    /// in ASCII are grouped. A word matching such a term, case-sensitive or not, starts
    /// (lowercased) with the lowercased needle, because lowercasing maps ASCII letters to ASCII
    /// letters one for one whatever follows them.
    pub(crate) fn candidates(&self, kind: Kind, needle: &str) -> Option<&[u32]> {
        let bytes = needle.as_bytes();
        if !matches!(kind, Kind::Prefix | Kind::Phrase) || bytes.is_empty() || !needle.is_ascii() {
            return None;
        }
        let first = class(bytes.first()) * CLASSES;
        Some(match bytes.get(1) {
            // Groups are contiguous by first byte, so one letter is one run of ids per group,
            // and the groups of one first byte follow each other.
            None if kind == Kind::Prefix => self.ids_of(first..first + CLASSES),
            None => self.ids_of(first + END..first + END + 1),
            Some(b) => {
                let g = first + class(Some(b));
                self.ids_of(g..g + 1)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_hold_every_word_once_by_first_two_bytes() {
        let words = ["the", "to", "t", "tä", "ta", "2019", "", "then", "über"];
        let p = Prefixes::of(words.len(), |id| words[id].as_bytes());
        let mut all: Vec<u32> = p.ids.clone();
        all.sort_unstable();
        assert_eq!(all, (0..words.len() as u32).collect::<Vec<_>>());
        let got = |kind, n| p.candidates(kind, n).map(<[u32]>::to_vec);
        assert_eq!(got(Kind::Prefix, "th"), Some(vec![0, 7]));
        assert_eq!(got(Kind::Prefix, "t"), Some(vec![4, 0, 7, 1, 3, 2]));
        assert_eq!(got(Kind::Phrase, "t"), Some(vec![2]));
        assert_eq!(got(Kind::Prefix, "20"), Some(vec![5]));
        assert_eq!(got(Kind::Exact, "th"), None);
        assert_eq!(got(Kind::Prefix, "üb"), None);
        assert_eq!(got(Kind::Prefix, ""), None);
    }
}
