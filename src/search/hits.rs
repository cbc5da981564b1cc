//! Phrases and hit counts: the parts of answering a query that look at articles' words in order.

use rayon::prelude::*;

use super::eval::{Alt, Compiled};
use super::index::{Index, SEPARATOR};
use super::query::Field;
use super::shortcut;
use super::spans::{WordSet, hit_ranges, phrase_occurs};

impl Index {
    /// Articles holding at least one word of every list, in id order.
    pub(super) fn phrase_candidates(&self, lists: &[Vec<u32>]) -> Vec<usize> {
        let n = self.len();
        let mut count = vec![0u16; n];
        for (k, list) in lists.iter().enumerate() {
            let mut seen = vec![false; n];
            for &w in list {
                for p in self.postings.get(w as usize) {
                    let a = p.article as usize;
                    if !seen[a] && count[a] == k as u16 {
                        seen[a] = true;
                        count[a] += 1;
                    }
                }
            }
        }
        (0..n)
            .filter(|&a| count[a] as usize == lists.len())
            .collect()
    }

    /// Whether the phrase occurs in article `a`'s title, and whether it occurs where it counts.
    pub(super) fn phrase_in(&self, a: usize, sets: &[WordSet], title_only: bool) -> (bool, bool) {
        let mut in_title = false;
        for (no, seg) in self
            .article_tokens(a as u32)
            .split(|&t| t == SEPARATOR)
            .enumerate()
        {
            if no > 0 && title_only {
                break;
            }
            if phrase_occurs(seg.len(), sets.len(), |j, i| sets[j].contains(seg[i])) {
                if no == 0 {
                    in_title = true;
                }
                return (in_title, true);
            }
        }
        (false, false)
    }

    /// Hits per article, for those that satisfied every clause.
    pub(super) fn count_hits(
        &self,
        clauses: &[Vec<Compiled>],
        satisfied: &[u16],
        wanted: u16,
        hits: &mut [u32],
    ) {
        let hit_alts = clauses
            .iter()
            .flatten()
            .filter(|c| !c.term.negated && matches!(c.term.field, Field::Text | Field::Title));
        let mut words = WordSet::new(self.vocab.len());
        let mut word_list = Vec::new();
        let mut phrases: Vec<&[WordSet]> = Vec::new();
        let mut phrase_lists: Vec<&[Vec<u32>]> = Vec::new();
        for c in hit_alts {
            match &c.alt {
                Alt::Words { matched, .. } => {
                    for &(w, _) in matched {
                        if !words.contains(w) {
                            words.insert(w);
                            word_list.push(w);
                        }
                    }
                }
                Alt::Phrase { sets, lists, .. } => {
                    phrases.push(sets);
                    phrase_lists.push(lists);
                }
                Alt::Initial { words: ids, .. } => {
                    for &w in ids {
                        if !words.contains(w) {
                            words.insert(w);
                            word_list.push(w);
                        }
                    }
                }
                Alt::Meta { .. } | Alt::Letter => {}
            }
        }
        if phrases.is_empty() {
            for w in word_list {
                for p in self.postings.get(w as usize) {
                    hits[p.article as usize] += p.count;
                }
            }
            return;
        }
        let lens: Vec<usize> = phrases.iter().map(|p| p.len()).collect();
        let count = |a: usize| -> u32 {
            self.article_tokens(a as u32)
                .split(|&t| t == SEPARATOR)
                .map(|seg| {
                    hit_ranges(
                        seg.len(),
                        |i| words.contains(seg[i]),
                        &lens,
                        |p, j, i| phrases[p][j].contains(seg[i]),
                    )
                    .len() as u32
                })
                .sum()
        };
        if let ([lists], true) = (&phrase_lists[..], word_list.is_empty()) {
            // One phrase and no word terms: when no word can be both its first and its
            // second, occurrences never overlap and its hits are its pairs' counts.
            let overlap = lists.len() == 2 && lists[0].iter().any(|&w| phrases[0][1].contains(w));
            let paired = (shortcut::allowed() && !overlap && self.pairs_worth(lists))
                .then(|| self.pair_hits(lists))
                .flatten();
            if let Some(paired) = paired {
                for &(a, n, _) in &paired.hits {
                    if satisfied[a] == wanted && !paired.is_checked[a] {
                        hits[a] += n;
                    }
                }
                let checked: Vec<(usize, u32)> = paired
                    .checked
                    .par_iter()
                    .filter(|&&a| satisfied[a] == wanted)
                    .map(|&a| (a, count(a)))
                    .collect();
                for (a, n) in checked {
                    hits[a] = n;
                }
                return;
            }
        }
        hits.par_iter_mut()
            .enumerate()
            .filter(|(a, _)| satisfied[*a] == wanted)
            .for_each(|(a, h)| *h = count(a));
    }
}
