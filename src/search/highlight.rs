//! Finding hits in the text on screen: byte ranges to highlight in a paragraph or a title.
//!
//! Uses the same tokenizer, folding and word matching as the index, and the same span rule
//! ([`super::spans`]), so an article's [`super::Ranked::hits`] equals the number of
//! [`Highlighter::spans`] over its title and paragraphs. Words matched by a `title:` term are
//! highlighted wherever they appear, like the hits the list counts.

use std::ops::Range;

use super::matcher::WordMatcher;
use super::query::{Kind, Query};
use super::spans::hit_ranges;
use super::words::{fold, lower, words};

/// The query's positive title and text terms, compiled for the words on screen.
#[derive(Debug)]
pub struct Highlighter {
    words: Vec<WordMatcher>,
    phrases: Vec<Vec<WordMatcher>>,
}

/// One word of a segment, folded.
struct Word {
    range: Range<usize>,
    folded: String,
    lower: String,
}

impl Highlighter {
    /// Compiles the query's hit terms; cheap (no vocabulary is scanned).
    pub fn new(query: &Query) -> Highlighter {
        let mut h = Highlighter {
            words: Vec::new(),
            phrases: Vec::new(),
        };
        for term in query.hit_terms() {
            if term.kind == Kind::Phrase {
                h.phrases.push(
                    term.words
                        .iter()
                        .map(|w| WordMatcher::new(w, Kind::Phrase, term.case_sensitive))
                        .collect(),
                );
            } else if let Some(w) = term.words.first() {
                h.words
                    .push(WordMatcher::new(w, term.kind, term.case_sensitive));
            }
        }
        h
    }

    /// True when nothing can ever be highlighted.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Byte ranges of the hits in one paragraph (or a title): whole words and whole phrase
    /// occurrences, char-aligned, sorted, non-overlapping.
    pub fn spans(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let seg = segment(text);
        let word_hit: Vec<bool> = seg
            .iter()
            .map(|w| {
                self.words
                    .iter()
                    .any(|m| m.matches(&w.folded, &w.lower).is_some())
            })
            .collect();
        let lens: Vec<usize> = self.phrases.iter().map(Vec::len).collect();
        hit_ranges(
            seg.len(),
            |i| word_hit[i],
            &lens,
            |p, j, i| {
                self.phrases[p][j]
                    .matches(&seg[i].folded, &seg[i].lower)
                    .is_some()
            },
        )
        .into_iter()
        .map(|r| seg[r.start].range.start..seg[r.end - 1].range.end)
        .collect()
    }

    /// Byte ranges to highlight in a title in the list: for fuzzy matches only the characters
    /// the matcher used, otherwise whole words and phrases. Sorted, non-overlapping.
    pub fn title_spans(&self, title: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for span in self.spans(title) {
            let inner: Vec<(Range<usize>, &str)> = words(&title[span.clone()])
                .map(|(r, w)| (r.start + span.start..r.end + span.start, w))
                .collect();
            let single = inner.len() == 1;
            let chars = inner.first().filter(|_| single).and_then(|(r, w)| {
                let folded = fold(w);
                let low = lower(&folded);
                let indices = self.words.iter().find_map(|m| {
                    m.matches(&folded, &low)?;
                    m.fuzzy_chars(&folded, &low)
                })?;
                // Fuzzy indices are char indices of the folded word: they map onto the word
                // only when folding kept the number of chars.
                (folded.chars().count() == w.chars().count())
                    .then(|| char_ranges(w, r.start, &indices))
            });
            match chars {
                Some(ranges) => out.extend(ranges),
                None => out.push(span),
            }
        }
        out
    }
}

/// The words of `text`, folded.
fn segment(text: &str) -> Vec<Word> {
    words(text)
        .map(|(range, w)| {
            let folded = fold(w).into_owned();
            let lower = lower(&folded).into_owned();
            Word {
                range,
                folded,
                lower,
            }
        })
        .collect()
}

/// Byte ranges (offset by `base`) of the chars of `word` at `indices`, adjacent ones joined.
fn char_ranges(word: &str, base: usize, indices: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (n, (i, c)) in word.char_indices().enumerate() {
        if indices.contains(&n) {
            let r = base + i..base + i + c.len_utf8();
            match out.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => out.push(r),
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "highlight_tests.rs"]
mod tests;
