//! Answering a query from the index: terms are matched against the vocabulary (never against
//! bodies), matched words are mapped to articles through postings, and the articles that satisfy
//! every clause are ranked.

use std::sync::Arc;

use rayon::prelude::*;

use super::index::Index;
use super::matcher::Identity;
use super::query::{Field, Kind, Query, Term};
use super::rank::{path_order, rank};
use super::shortcut;
use super::spans::WordSet;
use crate::corpus::Article;

/// One article in a result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    /// The article's id: its position in the order articles were added.
    pub id: u32,
    /// Hits in the title and paragraphs, as the [`super::Highlighter`] counts them.
    pub hits: u32,
    /// Sum over the query's clauses of the best match's score; higher is better.
    pub score: u32,
    /// Whether a term matched in the title.
    pub in_title: bool,
}

impl Ranked {
    /// Every one of `n` articles, in id order, with no hits or score: the answer to an empty
    /// query.
    pub fn every(n: usize) -> Vec<Ranked> {
        (0..n as u32)
            .map(|id| Ranked {
                id,
                hits: 0,
                score: 0,
                in_title: false,
            })
            .collect()
    }
}

/// What the last search matched, reused when the next query only extends it (as when typing):
/// a term that grew at its end is only tried against the words its shorter self could match.
#[derive(Debug, Default)]
pub struct SearchCache {
    pub(super) vocab_len: usize,
    /// Lowercased needle and the ids of the vocabulary words holding its bytes in order.
    pub(super) candidates: Vec<(String, Vec<u32>)>,
    /// Words matched by the last search's terms, by [`WordMatcher::identity`]: a term typed
    /// again unchanged (the first word while the second is typed) is not matched again.
    pub(super) matched: Vec<(Identity, Vec<(u32, u32)>)>,
}

#[cfg(test)]
impl SearchCache {
    /// Whether the cache holds nothing to narrow from.
    pub(crate) fn is_empty(&self) -> bool {
        self.vocab_len == 0 && self.candidates.is_empty() && self.matched.is_empty()
    }
}

/// A phrase of two words or more: the one kind of term that needs articles' words in order.
pub(super) fn is_multiword_phrase(term: &Term) -> bool {
    term.kind == Kind::Phrase && term.words.len() > 1
}

/// A term made ready for the index.
pub(super) enum Alt {
    /// Words of the vocabulary and their scores, and the term's perfect score.
    Words {
        matched: Vec<(u32, u32)>,
        perfect: u32,
    },
    /// A negated one-character term, answered from the per-article summaries
    /// ([`super::initials`]) without looking its words up.
    Letter,
    /// A one-character prefix term (`t`): every word of its group matches, so its words are
    /// taken without being read, and the per-article summaries answer it.
    Initial { words: Vec<u32>, perfect: u32 },
    /// One set of word ids per phrase word, and the same as lists.
    Phrase {
        sets: Vec<WordSet>,
        lists: Vec<Vec<u32>>,
        score: u32,
    },
    /// Which sources or dates match.
    Meta { ok: Vec<bool>, score: u32 },
}

pub(super) struct Compiled<'q> {
    pub term: &'q Term,
    pub alt: Alt,
}

/// Per-article working arrays for one search.
struct Tally {
    satisfied: Vec<u16>,
    score: Vec<u32>,
    in_title: Vec<bool>,
    best: Vec<u32>,
    best_in_title: Vec<bool>,
    mark: Vec<bool>,
    kept: Vec<bool>,
    /// Hits, counted while postings are walked when the query has no phrase to look for.
    hits: Vec<u32>,
    count_inline: bool,
    counted: WordSet,
}

/// The articles of `articles` matching `query`, best first, as an [`Index`] over all of them
/// would rank them, for one query: the articles are indexed and searched in parts, on every
/// core, and each part's index is dropped once searched, which is faster and smaller than
/// building the whole index.
pub fn search_once(articles: &[Arc<Article>], query: &Query) -> Vec<Ranked> {
    const PART: usize = 2048;
    let mut ranked: Vec<Ranked> = articles
        .par_chunks(PART)
        .enumerate()
        .flat_map_iter(|(n, part)| {
            let full: Vec<Arc<Article>> = part.iter().map(Article::full).collect();
            let mut index = Index::new();
            index.add(&full);
            let base = (n * PART) as u32;
            index
                .matches(query, &mut SearchCache::default())
                .into_iter()
                .map(move |r| Ranked {
                    id: r.id + base,
                    ..r
                })
        })
        .collect();
    if !query.is_empty() {
        let dates: Vec<u32> = articles
            .iter()
            .map(|a| super::index::date_key(a.date.as_deref()))
            .collect();
        let order = path_order(
            articles.len(),
            ranked.iter().map(|r| r.id).collect(),
            |id| articles.get(id as usize).map_or("", |a| a.path.as_str()),
        );
        rank(
            &mut ranked,
            |id| dates.get(id as usize).copied().unwrap_or(0),
            &order,
        );
    }
    ranked
}

impl Index {
    /// The articles matching `query`, best first; every article, in id order, when it is empty.
    /// `articles` are the ones added, in the same order (used to break ties by path).
    pub fn search(&self, articles: &[Arc<Article>], query: &Query) -> Vec<Ranked> {
        self.search_cached(articles, query, &mut SearchCache::default())
    }

    /// [`Index::search`], narrowing from and then updating `cache`.
    pub fn search_cached(
        &self,
        articles: &[Arc<Article>],
        query: &Query,
        cache: &mut SearchCache,
    ) -> Vec<Ranked> {
        let mut ranked = self.matches(query, cache);
        if !query.is_empty() {
            let date = |id: u32| self.date_keys.get(id as usize).copied().unwrap_or(0);
            let make = || {
                path_order(self.len(), (0..self.len() as u32).collect(), |id| {
                    articles.get(id as usize).map_or("", |a| a.path.as_str())
                })
            };
            // Kept only for the articles the index was built from (the same number of them).
            let made;
            let order = if articles.len() == self.len() {
                self.path_order.get_or_init(make)
            } else {
                made = make();
                &made
            };
            rank(&mut ranked, date, order);
        }
        ranked
    }

    /// The articles matching `query`, in id order (every article when it is empty), with
    /// their hits and scores but not yet ranked: [`rank`] orders them. Each article's answer
    /// depends on that article alone, so the matches of several indexes over parts of a corpus,
    /// put together and ranked, are the matches of one index over all of it.
    pub(crate) fn matches(&self, query: &Query, cache: &mut SearchCache) -> Vec<Ranked> {
        let n = self.len();
        if query.is_empty() {
            return Ranked::every(n);
        }
        let mut next_cache = SearchCache {
            vocab_len: self.vocab.len(),
            candidates: Vec::new(),
            matched: Vec::new(),
        };
        let clauses: Vec<Vec<Compiled>> = query
            .clauses
            .iter()
            .map(|clause| {
                clause
                    .iter()
                    .map(|term| Compiled {
                        term,
                        alt: self.compile(term, cache, &mut next_cache),
                    })
                    .collect()
            })
            .collect();
        *cache = next_cache;

        let mut t = Tally {
            satisfied: vec![0; n],
            score: vec![0; n],
            in_title: vec![false; n],
            best: vec![0; n],
            best_in_title: vec![false; n],
            mark: vec![false; n],
            kept: vec![false; n],
            hits: vec![0; n],
            count_inline: !query.hit_terms().any(is_multiword_phrase),
            counted: WordSet::new(self.vocab.len()),
        };
        for clause in &clauses {
            self.apply_clause(clause, &mut t);
        }
        let wanted = clauses.len() as u16;
        let mut hits = std::mem::take(&mut t.hits);
        if !t.count_inline {
            self.count_hits(&clauses, &t.satisfied, wanted, &mut hits);
        }
        (0..n)
            .filter(|&a| t.satisfied[a] == wanted)
            .map(|a| Ranked {
                id: a as u32,
                hits: hits[a],
                score: t.score[a],
                in_title: t.in_title[a],
            })
            .collect()
    }

    /// Adds one clause's outcome to the tally.
    fn apply_clause(&self, clause: &[Compiled], t: &mut Tally) {
        t.best.fill(0);
        t.best_in_title.fill(false);
        t.kept.fill(false);
        for c in clause {
            let title_only = c.term.field == Field::Title;
            if let (false, Alt::Words { matched, perfect }) = (c.term.negated, &c.alt) {
                let (inline, counted) = (t.count_inline, &mut t.counted);
                let arrays = (&mut t.best[..], &mut t.best_in_title[..], &mut t.hits[..]);
                let words: Vec<u32> = matched.iter().map(|&(w, _)| w).collect();
                if shortcut::allowed()
                    && self.walk_initial(c.term, *perfect, &words, inline, counted, arrays)
                {
                    continue;
                }
                let arrays = (&mut t.best[..], &mut t.best_in_title[..], &mut t.hits[..]);
                self.walk_words(matched, title_only, inline, counted, arrays);
            } else if let Alt::Initial { words, perfect } = &c.alt {
                let (inline, counted) = (t.count_inline, &mut t.counted);
                let arrays = (&mut t.best[..], &mut t.best_in_title[..], &mut t.hits[..]);
                if self.walk_initial(c.term, *perfect, words, inline, counted, arrays) {
                    continue;
                }
                let matched = self.score_words(c.term, words);
                let arrays = (&mut t.best[..], &mut t.best_in_title[..], &mut t.hits[..]);
                self.walk_words(&matched, title_only, inline, counted, arrays);
            } else if c.term.negated {
                t.mark.fill(false);
                if let Alt::Words { matched, .. } = &c.alt {
                    self.mark_words(matched, title_only, &mut t.mark);
                } else if let Alt::Letter = c.alt {
                    self.mark_initial(c.term, &mut t.mark);
                } else {
                    self.mark_matches(c, title_only, &mut t.mark, &mut |_, _, _| {});
                }
                for (kept, &m) in t.kept.iter_mut().zip(&t.mark) {
                    *kept |= !m;
                }
            } else {
                let (best, best_in_title) = (&mut t.best, &mut t.best_in_title);
                self.mark_matches(c, title_only, &mut t.mark, &mut |a, score, in_title| {
                    best[a] = best[a].max(score);
                    best_in_title[a] |= in_title;
                });
            }
        }
        for a in 0..self.len() {
            if t.best[a] > 0 || t.kept[a] {
                t.satisfied[a] += 1;
                t.score[a] = t.score[a].saturating_add(t.best[a]);
                t.in_title[a] |= t.best_in_title[a];
            }
        }
    }

    /// Calls `found(article, score, in_title)` for every article the alternative matches
    /// (several times for some), and sets `mark` for them.
    fn mark_matches(
        &self,
        c: &Compiled,
        title_only: bool,
        mark: &mut [bool],
        found: &mut dyn FnMut(usize, u32, bool),
    ) {
        match &c.alt {
            Alt::Initial { words, .. } => {
                for (w, score) in self.score_words(c.term, words) {
                    let w = w as usize;
                    if !title_only {
                        for p in self.postings.get(w) {
                            mark[p.article as usize] = true;
                            found(p.article as usize, score, false);
                        }
                    }
                    for p in self.title_postings.get(w) {
                        mark[p.article as usize] = true;
                        found(p.article as usize, score, true);
                    }
                }
            }
            Alt::Letter => {
                let mut marked = vec![false; mark.len()];
                self.mark_initial(c.term, &mut marked);
                for (a, _) in marked.iter().enumerate().filter(|(_, m)| **m) {
                    mark[a] = true;
                    found(a, 1, false);
                }
            }
            Alt::Words { matched, .. } => {
                for &(w, score) in matched {
                    let w = w as usize;
                    if !title_only {
                        for p in self.postings.get(w) {
                            mark[p.article as usize] = true;
                            found(p.article as usize, score, false);
                        }
                    }
                    for p in self.title_postings.get(w) {
                        mark[p.article as usize] = true;
                        found(p.article as usize, score, true);
                    }
                }
            }
            Alt::Phrase { sets, lists, score } => {
                let paired = (shortcut::allowed() && self.pairs_worth(lists))
                    .then(|| self.pair_hits(lists))
                    .flatten();
                let candidates = match &paired {
                    Some(paired) => {
                        for &(a, _, in_title) in &paired.hits {
                            if !paired.is_checked[a] && (in_title || !title_only) {
                                mark[a] = true;
                                found(a, *score, in_title);
                            }
                        }
                        paired.checked.clone()
                    }
                    None => self.phrase_candidates(lists),
                };
                let checked: Vec<(usize, bool, bool)> = candidates
                    .into_par_iter()
                    .map(|a| {
                        let (in_title, anywhere) = self.phrase_in(a, sets, title_only);
                        (a, in_title, anywhere)
                    })
                    .collect();
                for (a, in_title, anywhere) in checked {
                    if anywhere {
                        mark[a] = true;
                        found(a, *score, in_title);
                    }
                }
            }
            Alt::Meta { ok, score } => {
                let of = if c.term.field == Field::Date {
                    &self.date_of
                } else {
                    &self.source_of
                };
                for (a, &id) in of.iter().enumerate() {
                    if ok.get(id as usize).copied().unwrap_or(false) {
                        mark[a] = true;
                        found(a, *score, false);
                    }
                }
            }
        }
    }
}
