//! Adjacent pairs of the commonest words, for two-word phrases such as `"of the"`: the articles
//! holding both words are most of the corpus, and checking each one's words in order costs
//! hundreds of milliseconds at 100,000 articles. Instead, for every pair of the
//! [`COMMON`] words with the most postings, the articles where the second follows the first,
//! how often, and whether in the title. Derived from the articles' word ids in one parallel
//! pass when a phrase first needs it, and dropped when articles are added.

use rayon::prelude::*;

use super::index::{Index, Posting, SEPARATOR};

/// How many of the commonest words have their pairs recorded (in tests, few, so that the
/// tests' small vocabularies have words of both kinds).
pub(crate) const COMMON: usize = if cfg!(test) { 6 } else { 128 };
/// Below this many articles holding every word of a phrase, checking them is as cheap (in
/// tests, pairs answer every phrase they can, so that the tests' small corpora use them).
pub(crate) const WORTH_PAIRS: usize = if cfg!(test) { 1 } else { 4096 };
/// Set in a pair posting's count when the pair occurs in the title.
const IN_TITLE: u32 = 1 << 31;
/// Not one of the common words.
const NONE: u8 = u8::MAX;

/// The pairs' postings, by pair.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pairs {
    /// Per word id: its place among the common words, or [`NONE`].
    place: Vec<u8>,
    /// `starts[p]..starts[p + 1]` is pair `p` (`first * COMMON + second`) in `postings`.
    starts: Vec<usize>,
    /// Articles ascending within each pair; counts carry [`IN_TITLE`].
    postings: Vec<Posting>,
}

impl Pairs {
    pub(crate) fn of(index: &Index) -> Pairs {
        let words = index.vocab.len();
        let mut by_postings: Vec<u32> = (0..words as u32).collect();
        by_postings.sort_by_key(|&w| std::cmp::Reverse(index.postings.get(w as usize).len()));
        let mut place = vec![NONE; words];
        for (at, &w) in by_postings.iter().take(COMMON).enumerate() {
            place[w as usize] = at as u8;
        }
        // Per run of articles: (pair, article, count and title flag), articles ascending.
        let runs: Vec<Vec<(u16, Posting)>> = (0..index.len() as u32)
            .into_par_iter()
            .chunks(1024)
            .map(|ids| {
                let mut out = Vec::new();
                let mut seen: Vec<(u16, bool)> = Vec::new();
                for a in ids {
                    seen.clear();
                    let tokens = index.article_tokens(a);
                    let mut in_title = true;
                    for pair in tokens.windows(2) {
                        if pair[0] == SEPARATOR {
                            in_title = false;
                            continue;
                        }
                        let first = place.get(pair[0] as usize).copied().unwrap_or(NONE);
                        let second = place.get(pair[1] as usize).copied().unwrap_or(NONE);
                        if first != NONE && second != NONE {
                            let p = usize::from(first) * COMMON + usize::from(second);
                            seen.push((p as u16, in_title));
                        }
                    }
                    seen.sort_unstable();
                    for run in seen.chunk_by(|x, y| x.0 == y.0) {
                        let title = run.iter().any(|&(_, t)| t);
                        let count = (run.len() as u32).min(IN_TITLE - 1);
                        let count = if title { count | IN_TITLE } else { count };
                        out.push((run[0].0, Posting { article: a, count }));
                    }
                }
                out
            })
            .collect();
        let mut starts = vec![0usize; COMMON * COMMON + 1];
        for &(p, _) in runs.iter().flatten() {
            starts[usize::from(p) + 1] += 1;
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let mut next = starts.clone();
        let mut postings = vec![
            Posting {
                article: 0,
                count: 0
            };
            starts[COMMON * COMMON]
        ];
        for &(p, posting) in runs.iter().flatten() {
            let slot = &mut next[usize::from(p)];
            postings[*slot] = posting;
            *slot += 1;
        }
        Pairs {
            place,
            starts,
            postings,
        }
    }

    /// A word's place among the common words.
    fn place(&self, w: u32) -> Option<usize> {
        self.place
            .get(w as usize)
            .copied()
            .filter(|&p| p != NONE)
            .map(usize::from)
    }

    /// The recorded pairs a two-word phrase can be made of: its common words' pairs.
    fn codes(&self, first: &[u32], second: &[u32]) -> Vec<usize> {
        let a: Vec<usize> = first.iter().filter_map(|&w| self.place(w)).collect();
        let b: Vec<usize> = second.iter().filter_map(|&w| self.place(w)).collect();
        a.iter()
            .flat_map(|&x| b.iter().map(move |&y| x * COMMON + y))
            .collect()
    }

    fn postings(&self, code: usize) -> &[Posting] {
        match (self.starts.get(code), self.starts.get(code + 1)) {
            (Some(&s), Some(&e)) => self.postings.get(s..e).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// One occurrence count of a pair in an article: `(article, occurrences, in the title)`.
pub(super) type PairHit = (usize, u32, bool);

/// A two-word phrase answered from pairs: the pairs of its common words, and the articles
/// holding one of its other words, which are checked word by word instead.
pub(super) struct Paired {
    /// Pair counts; those of checked articles are to be ignored.
    pub hits: Vec<PairHit>,
    /// In id order.
    pub checked: Vec<usize>,
    pub is_checked: Vec<bool>,
}

impl Index {
    /// Whether a phrase of these word lists is worth answering from pairs: two words, and
    /// many articles holding both.
    pub(super) fn pairs_worth(&self, lists: &[Vec<u32>]) -> bool {
        let [first, second] = lists else {
            return false;
        };
        let holding = |list: &[u32]| -> usize {
            list.iter()
                .map(|&w| self.postings.get(w as usize).len())
                .sum()
        };
        holding(first).min(holding(second)) >= WORTH_PAIRS
    }

    /// Every article where a common word of `lists[1]` follows one of `lists[0]`, once per
    /// pair of words, with how often and whether in the title, and the articles holding the
    /// lists' other words; `None` unless the phrase has two words.
    pub(super) fn pair_hits(&self, lists: &[Vec<u32>]) -> Option<Paired> {
        let [first, second] = lists else {
            return None;
        };
        let pairs = self.pairs.get_or_init(|| Pairs::of(self));
        let hits = pairs
            .codes(first, second)
            .iter()
            .flat_map(|&c| pairs.postings(c))
            .map(|p| {
                let a = p.article as usize;
                (a, p.count & !IN_TITLE, p.count & IN_TITLE != 0)
            })
            .collect();
        let uncommon = |list: &[u32]| -> Vec<u32> {
            list.iter()
                .copied()
                .filter(|&w| pairs.place(w).is_none())
                .collect()
        };
        let (rare_first, rare_second) = (uncommon(first), uncommon(second));
        let mut is_checked = vec![false; self.len()];
        for (a, b) in [(rare_first, second.clone()), (first.clone(), rare_second)] {
            if a.is_empty() || b.is_empty() {
                continue;
            }
            for c in self.phrase_candidates(&[a, b]) {
                is_checked[c] = true;
            }
        }
        let checked = (0..self.len()).filter(|&a| is_checked[a]).collect();
        Some(Paired {
            hits,
            checked,
            is_checked,
        })
    }
}
