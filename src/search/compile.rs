//! Making a query's terms ready for the index: each term's words are matched against the
//! vocabulary (narrowing from the last keystroke's candidates, reusing a term typed again
//! unchanged, or looking prefix and whole-word terms up in their group by first bytes), or
//! the term is handed to a shortcut that needs no words.

use rayon::prelude::*;

use super::eval::{Alt, SearchCache, is_multiword_phrase};
use super::index::Index;
use super::initials::marks_by_initial;
use super::matcher::WordMatcher;
use super::query::{Field, Kind, Term};
use super::shortcut;
use super::spans::{WordSet, phrase_occurs};
use super::words::{fold, lower, words};

impl Index {
    pub(super) fn compile(&self, term: &Term, cache: &SearchCache, next: &mut SearchCache) -> Alt {
        match term.field {
            Field::Date => {
                let want = term
                    .words
                    .first()
                    .map_or("", String::as_str)
                    .to_ascii_lowercase();
                let ok = self
                    .dates
                    .names
                    .iter()
                    .map(|d| d.to_ascii_lowercase().starts_with(&want))
                    .collect();
                Alt::Meta { ok, score: 1 }
            }
            Field::Source => {
                let matchers: Vec<WordMatcher> = term
                    .words
                    .iter()
                    .map(|w| WordMatcher::new(w, term.kind, term.case_sensitive))
                    .collect();
                let lens = [matchers.len()];
                let ok = self
                    .sources
                    .names
                    .iter()
                    .map(|name| {
                        let folded: Vec<(String, String)> = words(name)
                            .map(|(_, w)| {
                                let f = fold(w).into_owned();
                                let l = lower(&f).into_owned();
                                (f, l)
                            })
                            .collect();
                        if term.kind == Kind::Phrase {
                            phrase_occurs(folded.len(), lens[0], |j, i| {
                                matchers[j].matches(&folded[i].0, &folded[i].1).is_some()
                            })
                        } else {
                            folded
                                .iter()
                                .any(|(f, l)| matchers[0].matches(f, l).is_some())
                        }
                    })
                    .collect();
                Alt::Meta {
                    ok,
                    score: matchers.first().map_or(1, WordMatcher::perfect),
                }
            }
            Field::Text | Field::Title => {
                // A one-word phrase is a whole-word match: its postings answer it.
                if is_multiword_phrase(term) {
                    let mut score = 0u32;
                    let lists: Vec<Vec<u32>> = term
                        .words
                        .iter()
                        .map(|w| {
                            let m = WordMatcher::new(w, Kind::Phrase, term.case_sensitive);
                            score = score.saturating_add(m.perfect());
                            let matched = self.match_vocab(&m, cache, next);
                            matched.into_iter().map(|(id, _)| id).collect()
                        })
                        .collect();
                    let sets = lists
                        .iter()
                        .map(|list| {
                            let mut set = WordSet::new(self.vocab.len());
                            for &id in list {
                                set.insert(id);
                            }
                            set
                        })
                        .collect();
                    Alt::Phrase { sets, lists, score }
                } else if marks_by_initial(term) && shortcut::allowed() {
                    Alt::Letter
                } else if let Some(words) = self.initial_words(term) {
                    let word = term.words.first().map_or("", String::as_str);
                    let m = WordMatcher::new(word, term.kind, term.case_sensitive);
                    Alt::Initial {
                        words,
                        perfect: m.perfect(),
                    }
                } else {
                    let word = term.words.first().map_or("", String::as_str);
                    let m = WordMatcher::new(word, term.kind, term.case_sensitive);
                    Alt::Words {
                        matched: self.match_vocab(&m, cache, next),
                        perfect: m.perfect(),
                    }
                }
            }
        }
    }

    /// The vocabulary words `m` matches, with scores; narrows from `cache` when it can and
    /// records the candidates it tried in `next`.
    fn match_vocab(
        &self,
        m: &WordMatcher,
        cache: &SearchCache,
        next: &mut SearchCache,
    ) -> Vec<(u32, u32)> {
        let needle = m.needle_lower();
        let vocab = &self.vocab;
        let identity = m.identity();
        let same = identity
            .as_ref()
            .filter(|_| cache.vocab_len == vocab.len() && shortcut::allowed());
        if let Some((_, matched)) = same.and_then(|i| cache.matched.iter().find(|(k, _)| k == i)) {
            if let Some(tried) = cache.candidates.iter().find(|(old, _)| old == needle) {
                next.candidates.push(tried.clone());
            }
            if let Some(i) = identity {
                next.matched.push((i, matched.clone()));
            }
            return matched.clone();
        }
        let matched = self.match_words(m, cache, next);
        if let Some(i) = identity {
            next.matched.push((i, matched.clone()));
        }
        matched
    }

    /// [`Index::match_vocab`] without reusing an earlier answer.
    fn match_words(
        &self,
        m: &WordMatcher,
        cache: &SearchCache,
        next: &mut SearchCache,
    ) -> Vec<(u32, u32)> {
        let needle = m.needle_lower();
        let vocab = &self.vocab;
        let test = |id: u32| {
            let i = id as usize;
            m.fits_mask(vocab.mask(i)) && m.in_order_bytes(vocab.lower_bytes(i))
        };
        let score = |id: u32| self.score_word(m, id).map(|s| (id, s));
        let group = shortcut::allowed()
            .then(|| vocab.prefixes().candidates(m.kind(), needle))
            .flatten();
        if let Some(group) = group {
            // Every word the term can match is in the group: no scan, and nothing to narrow
            // from next time (the next keystroke scans if it needs to).
            let mut matched: Vec<(u32, u32)> = if group.len() > 4096 {
                group
                    .par_iter()
                    .filter_map(|&id| test(id).then(|| score(id)).flatten())
                    .collect()
            } else {
                group
                    .iter()
                    .filter_map(|&id| test(id).then(|| score(id)).flatten())
                    .collect()
            };
            matched.sort_unstable();
            return matched;
        }
        let narrowed = cache
            .candidates
            .iter()
            .filter(|(old, _)| needle.starts_with(old.as_str()) && cache.vocab_len <= vocab.len())
            .max_by_key(|(old, _)| old.len());
        let candidates: Vec<u32> = match narrowed {
            Some((_, ids)) => {
                let mut c: Vec<u32> = ids.par_iter().copied().filter(|&id| test(id)).collect();
                c.extend((cache.vocab_len as u32..vocab.len() as u32).filter(|&id| test(id)));
                c
            }
            None => (0..vocab.len() as u32)
                .into_par_iter()
                .filter(|&id| test(id))
                .collect(),
        };
        let matched = candidates.par_iter().filter_map(|&id| score(id)).collect();
        next.candidates.push((needle.to_string(), candidates));
        matched
    }

    /// The score of word `id` against `m`, if it matches.
    fn score_word(&self, m: &WordMatcher, id: u32) -> Option<u32> {
        let (vocab, i) = (&self.vocab, id as usize);
        let (word, low) = (vocab.word_bytes(i), vocab.lower_bytes(i));
        let ascii = (word.is_ascii() && low.is_ascii())
            .then(|| m.score_ascii(word, low))
            .flatten();
        ascii.unwrap_or_else(|| m.score(vocab.word(i), vocab.lower(i)))
    }

    /// `words` (all matching `term`) with their scores.
    pub(super) fn score_words(&self, term: &Term, words: &[u32]) -> Vec<(u32, u32)> {
        let word = term.words.first().map_or("", String::as_str);
        let m = WordMatcher::new(word, term.kind, term.case_sensitive);
        words
            .iter()
            .filter_map(|&w| self.score_word(&m, w).map(|s| (w, s)))
            .collect()
    }
}
