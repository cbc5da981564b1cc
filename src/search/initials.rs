//! Answers for one-character terms without walking postings. A first keystroke such as `t`
//! (every word starting with "t") or `!k` (no word holding a "k") matches tens of thousands of
//! words whose postings add up to millions; instead, each article keeps, per ASCII letter or
//! digit, the summary a walk over those words' postings would produce (hits, and the shortest
//! such word anywhere and in the title, which gives the best score), and which letters and
//! digits its words hold. Derived from the articles' word ids in one parallel pass when first
//! needed (an index read from a cache file needs nothing more on disk) and dropped when
//! articles are added.

use rayon::prelude::*;

use super::index::{Index, SEPARATOR};
use super::query::{Field, Kind, Term};
use super::shortcut;
use super::spans::WordSet;

/// Classes of the first character: ten digits and 26 letters.
const CLASSES: usize = 36;

fn class_of(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'a'..=b'z' => Some(10 + usize::from(b - b'a')),
        _ => None,
    }
}

/// What the words of one article starting (lowercased) with one character add up to.
#[derive(Debug, Clone, Copy, Default)]
struct Initial {
    /// Their occurrences.
    hits: u32,
    /// The fewest characters among them, or 0 when the article has none (saturating).
    shortest: u16,
    /// The same among those in the title.
    title_shortest: u16,
}

/// Per article: a summary per initial, and which classes its lowercased words hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Initials {
    /// `CLASSES` entries per article.
    by_article: Vec<Initial>,
    holds: Vec<u64>,
}

fn shorter(slot: &mut u16, len: u16) {
    if *slot == 0 || len < *slot {
        *slot = len;
    }
}

impl Initials {
    pub(crate) fn of(index: &Index) -> Initials {
        let vocab = &index.vocab;
        // Per word: its initial's class (or none), its length in characters, what it holds.
        let words: Vec<(u8, u16, u64)> = (0..vocab.len())
            .into_par_iter()
            .map(|w| {
                let bytes = vocab.lower_bytes(w);
                let class = bytes.first().and_then(|&b| class_of(b));
                let len = vocab.lower(w).chars().count().min(usize::from(u16::MAX)) as u16;
                let holds = bytes
                    .iter()
                    .filter_map(|&b| class_of(b))
                    .fold(0u64, |m, c| m | 1 << c);
                (class.map_or(u8::MAX, |c| c as u8), len, holds)
            })
            .collect();
        let n = index.len();
        let mut by_article = vec![Initial::default(); n * CLASSES];
        let mut holds = vec![0u64; n];
        by_article
            .par_chunks_mut(CLASSES)
            .zip(holds.par_iter_mut())
            .enumerate()
            .for_each(|(a, (slots, held))| {
                let mut in_title = true;
                for &t in index.article_tokens(a as u32) {
                    if t == SEPARATOR {
                        in_title = false;
                        continue;
                    }
                    let Some(&(class, len, h)) = words.get(t as usize) else {
                        continue;
                    };
                    *held |= h;
                    if let Some(slot) = slots.get_mut(usize::from(class)) {
                        slot.hits += 1;
                        shorter(&mut slot.shortest, len);
                        if in_title {
                            shorter(&mut slot.title_shortest, len);
                        }
                    }
                }
            });
        Initials { by_article, holds }
    }
}

/// The class a term can be answered by, when it is a single lowercase ASCII letter or digit
/// compared case-insensitively on the title or the text.
fn single_class(term: &Term) -> Option<usize> {
    let word = term.words.first()?;
    let &[b] = word.as_bytes() else {
        return None;
    };
    (!term.case_sensitive && matches!(term.field, Field::Text | Field::Title))
        .then(|| class_of(b))
        .flatten()
}

/// Whether a negated term is answered by [`Index::mark_initial`]: then its words need not be
/// looked up.
pub(super) fn marks_by_initial(term: &Term) -> bool {
    term.negated
        && matches!(term.kind, Kind::Exact | Kind::Prefix)
        && (term.kind == Kind::Prefix || term.field == Field::Text)
        && single_class(term).is_some()
}

impl Index {
    /// The words of a positive one-character prefix term, when the summaries can answer it:
    /// every word of its group by first bytes, all of which match it.
    pub(super) fn initial_words(&self, term: &Term) -> Option<Vec<u32>> {
        let word = term.words.first()?;
        let fits = !term.negated && term.kind == Kind::Prefix && single_class(term).is_some();
        (fits && shortcut::allowed())
            .then(|| self.vocab.prefixes().candidates(Kind::Prefix, word))
            .flatten()
            .map(<[u32]>::to_vec)
    }

    fn initials(&self) -> &Initials {
        self.initials.get_or_init(|| Initials::of(self))
    }

    /// Sets `mark` for the articles a negated term of [`marks_by_initial`] excludes.
    pub(super) fn mark_initial(&self, term: &Term, mark: &mut [bool]) {
        let Some(class) = single_class(term) else {
            return;
        };
        let initials = self.initials();
        if term.kind == Kind::Exact {
            for (m, &held) in mark.iter_mut().zip(&initials.holds) {
                *m |= held & (1 << class) != 0;
            }
            return;
        }
        let title_only = term.field == Field::Title;
        for (m, slot) in mark
            .iter_mut()
            .zip(initials.by_article.iter().skip(class).step_by(CLASSES))
        {
            let shortest = if title_only {
                slot.title_shortest
            } else {
                slot.shortest
            };
            *m |= shortest != 0;
        }
    }

    /// A positive one-character prefix term (`t`): what walking its matched words' postings
    /// would do to `best`, `best_in_title` and `hits`, from the summaries. `false` (and nothing
    /// done) when the summaries cannot answer it: another kind of term, a perfect score too
    /// large for the saturated lengths, or some of its words' hits already counted by an
    /// earlier term.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn walk_initial(
        &self,
        term: &Term,
        perfect: u32,
        matched: &[u32],
        count_inline: bool,
        counted: &mut WordSet,
        (best, best_in_title, hits): (&mut [u32], &mut [bool], &mut [u32]),
    ) -> bool {
        let Some(class) = single_class(term) else {
            return false;
        };
        if term.negated || term.kind != Kind::Prefix || perfect >= u32::from(u16::MAX) - 1 {
            return false;
        }
        if count_inline {
            if matched.iter().any(|&w| counted.contains(w)) {
                return false;
            }
            for &w in matched {
                counted.insert(w);
            }
        }
        // A word one character longer than the term loses a point; at least 1.
        let score = |len: u16| perfect.saturating_sub(u32::from(len) - 1).max(1);
        let title_only = term.field == Field::Title;
        let slots = self
            .initials()
            .by_article
            .iter()
            .skip(class)
            .step_by(CLASSES);
        for (a, slot) in slots.enumerate() {
            if slot.shortest == 0 {
                continue;
            }
            if count_inline {
                hits[a] += slot.hits;
            }
            if !title_only {
                best[a] = best[a].max(score(slot.shortest));
            }
            if slot.title_shortest != 0 {
                best[a] = best[a].max(score(slot.title_shortest));
                best_in_title[a] = true;
            }
        }
        true
    }
}
