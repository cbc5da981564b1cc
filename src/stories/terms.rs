//! TF-IDF term vectors: document frequencies over everything added so far, and each article's
//! strongest terms, weighted `(1 + ln tf) · ln((N + 1) / (df + 1))` and normalised, so that the
//! dot product of two vectors is their cosine similarity.

use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Terms an article keeps once the corpus is large enough to tell rare words from common ones.
pub(crate) const KEPT: usize = 48;

/// Until this many articles have been added, every article keeps all of its terms (the
/// frequencies of a small corpus say little about which terms matter); from then on an article
/// keeps its [`KEPT`] strongest when it is added.
pub(crate) const SETTLED: usize = 2_000;

/// How many articles each term occurs in, sharded by the top bits of the term's hash so that
/// shards are counted in parallel.
#[derive(Debug, Default)]
pub(crate) struct Frequencies {
    shards: Vec<FxHashMap<u64, u32>>,
    articles: usize,
}

const SHARD_BITS: u32 = 4;

/// One article's terms of one shard, with where their counts go.
type Piece<'a> = (&'a [(u64, u32)], &'a mut [u32]);

fn shard_of(term: u64) -> usize {
    (term >> (64 - SHARD_BITS)) as usize
}

impl Frequencies {
    /// Counts the terms of a batch of articles (each list sorted by hash, so one shard's terms
    /// are one run of it).
    #[cfg(test)]
    pub(crate) fn add(&mut self, batch: &[&[(u64, u32)]]) {
        if self.shards.is_empty() {
            self.shards = vec![FxHashMap::default(); 1 << SHARD_BITS];
        }
        self.shards
            .par_iter_mut()
            .enumerate()
            .for_each(|(shard, counts)| {
                for &terms in batch {
                    let start = terms.partition_point(|t| shard_of(t.0) < shard);
                    let end = terms.partition_point(|t| shard_of(t.0) <= shard);
                    for &(term, _) in &terms[start..end] {
                        *counts.entry(term).or_insert(0) += 1;
                    }
                }
            });
        self.articles += batch.len();
    }

    /// Counts the terms of a batch of articles (each list sorted by hash, so one shard's terms
    /// are one run of it), handing back each term's frequency as counted up to and including
    /// its article (in the order of the article's terms), so nothing has to look them up again.
    pub(crate) fn add_counted(&mut self, batch: &[&[(u64, u32)]]) -> Vec<Vec<u32>> {
        if self.shards.is_empty() {
            self.shards = vec![FxHashMap::default(); 1 << SHARD_BITS];
        }
        let mut counted: Vec<Vec<u32>> = batch.iter().map(|t| vec![0; t.len()]).collect();
        // Each article's counts cut at the shard boundaries of its (sorted) terms, so that each
        // shard writes only its own pieces.
        let mut pieces: Vec<Vec<Piece>> = (0..1 << SHARD_BITS).map(|_| Vec::new()).collect();
        for (&terms, counts) in batch.iter().zip(counted.iter_mut()) {
            let mut terms = terms;
            let mut counts = counts.as_mut_slice();
            for (shard, piece) in pieces.iter_mut().enumerate() {
                let end = terms.partition_point(|t| shard_of(t.0) <= shard);
                let (these, rest) = terms.split_at(end);
                let (mine, others) = std::mem::take(&mut counts).split_at_mut(end);
                piece.push((these, mine));
                terms = rest;
                counts = others;
            }
        }
        self.shards
            .par_iter_mut()
            .zip(pieces.into_par_iter())
            .for_each(|(map, pieces)| {
                for (terms, counts) in pieces {
                    for (&(term, _), count) in terms.iter().zip(counts.iter_mut()) {
                        let df = map.entry(term).or_insert(0);
                        *df += 1;
                        *count = *df;
                    }
                }
            });
        self.articles += batch.len();
        counted
    }

    /// Articles counted.
    pub(crate) fn articles(&self) -> usize {
        self.articles
    }

    /// Articles `term` occurs in.
    pub(crate) fn df(&self, term: u64) -> u32 {
        self.shards
            .get(shard_of(term))
            .and_then(|s| s.get(&term))
            .copied()
            .unwrap_or(0)
    }

    /// The inverse document frequency of `term`: 0 for a term in every article.
    pub(crate) fn idf(&self, term: u64) -> f32 {
        ln_plus_one(self.articles) - ln_plus_one(self.df(term) as usize)
    }
}

/// `ln(n + 1)`, from a table for the small numbers most document frequencies are.
fn ln_plus_one(n: usize) -> f32 {
    const TABLE: usize = 4096;
    static LN: OnceLock<Vec<f32>> = OnceLock::new();
    let table = LN.get_or_init(|| (0..TABLE).map(|i| ((i + 1) as f32).ln()).collect());
    table
        .get(n)
        .copied()
        .unwrap_or_else(|| ((n + 1) as f32).ln())
}

/// The weight of a term that occurs `tf` times.
fn weight(tf: u32, idf: f32) -> f32 {
    (1.0 + (tf as f32).ln()) * idf
}

/// Keeps the [`KEPT`] strongest terms of `terms` by the current frequencies (by hash again).
pub(crate) fn keep_strongest(terms: &mut Vec<(u64, u32)>, df: &Frequencies) {
    if terms.len() <= KEPT {
        return;
    }
    let counts: Vec<u32> = terms.iter().map(|t| df.df(t.0)).collect();
    keep_strongest_counted(terms, &counts, df.articles);
}

/// [`keep_strongest`] with each term's document frequency given (in the order of the terms)
/// out of `articles`.
pub(crate) fn keep_strongest_counted(terms: &mut Vec<(u64, u32)>, counts: &[u32], articles: usize) {
    if terms.len() <= KEPT {
        return;
    }
    let all = ln_plus_one(articles);
    let mut scored: Vec<(f32, (u64, u32))> = terms
        .iter()
        .zip(counts)
        .map(|(&(t, tf), &df)| (weight(tf, all - ln_plus_one(df as usize)), (t, tf)))
        .collect();
    scored.select_nth_unstable_by(KEPT - 1, |a, b| b.0.total_cmp(&a.0).then(a.1.0.cmp(&b.1.0)));
    scored.truncate(KEPT);
    *terms = scored.into_iter().map(|(_, t)| t).collect();
    terms.sort_unstable_by_key(|t| t.0);
    terms.shrink_to_fit();
}

/// A normalised weighted vector, sorted by term.
pub(crate) type Vector = Vec<(u64, f32)>;

/// The normalised TF-IDF vector of `terms` (empty when every weight is zero).
pub(crate) fn vector(terms: &[(u64, u32)], df: &Frequencies) -> Vector {
    let mut v: Vector = terms
        .iter()
        .map(|&(t, tf)| (t, weight(tf, df.idf(t))))
        .filter(|&(_, w)| w > 0.0)
        .collect();
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    v
}

/// The cosine similarity of two normalised vectors.
pub(crate) fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
        v.sort_unstable();
        v
    }

    #[test]
    fn frequencies_count_articles_not_occurrences() {
        let mut df = Frequencies::default();
        let big = 1u64 << 63;
        let (a, b) = (sorted(vec![(1, 5), (big, 1)]), sorted(vec![(1, 1)]));
        df.add(&[&a, &b]);
        df.add(&[&sorted(vec![(big, 2), (7, 1)])]);
        assert_eq!((df.df(1), df.df(big), df.df(7), df.df(9)), (2, 2, 1, 0));
        assert_eq!(df.articles(), 3);
        assert!(df.idf(7) > df.idf(1));
    }

    #[test]
    fn counting_hands_back_the_frequencies_after_the_batch() {
        let mut df = Frequencies::default();
        let big = 1u64 << 63;
        let (a, b) = (sorted(vec![(1, 5), (big, 1)]), sorted(vec![(1, 1), (3, 1)]));
        assert_eq!(df.add_counted(&[&a, &b]), [vec![1, 1], vec![2, 1]]);
        let c = sorted(vec![(3, 2), (big, 1), (1u64 << 62, 1)]);
        assert_eq!(df.add_counted(&[&c]), [vec![2, 1, 2]]);
        assert_eq!((df.df(1), df.df(3), df.df(big)), (2, 2, 2));
    }

    #[test]
    fn cosine_of_normalised_vectors() {
        let mut df = Frequencies::default();
        let a = sorted(vec![(1, 1), (2, 1)]);
        let b = sorted(vec![(1, 1), (3, 1)]);
        let c = sorted(vec![(4, 1)]);
        df.add(&[&a, &b, &c]);
        let (va, vb, vc) = (vector(&a, &df), vector(&b, &df), vector(&c, &df));
        assert!((cosine(&va, &va) - 1.0).abs() < 1e-5);
        assert!(cosine(&va, &vb) > 0.1 && cosine(&va, &vb) < 0.9);
        assert_eq!(cosine(&va, &vc), 0.0);
    }

    #[test]
    fn keeping_the_strongest_drops_the_commonest() {
        let mut df = Frequencies::default();
        let common: Vec<(u64, u32)> = (0..KEPT as u64).map(|t| (t, 9)).collect();
        // Many articles with the common terms, one with rare ones too.
        df.add(&vec![common.as_slice(); 20]);
        let mut terms = common;
        terms.extend((1000..1010).map(|t| (t, 1)));
        df.add(&[&terms]);
        keep_strongest(&mut terms, &df);
        assert_eq!(terms.len(), KEPT);
        assert!((1000..1010).all(|t| terms.iter().any(|x| x.0 == t)));
    }
}
