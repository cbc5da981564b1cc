//! Related reports: which articles report the same event (a *story*) and which are copies of
//! an earlier article (a *repeat*). Pure: no IO, no terminal.
//!
//! **Repeats** are found by MinHash over word shingles (three words in a row, words as the
//! search index reads them): one-permutation MinHash signatures of 128 bins
//! ([`minhash`]), cut into 32 bands of 4 whose hashes are the buckets of a locality-sensitive
//! hash, so that only articles sharing a bucket are compared. Each such pair is then checked
//! first on an estimate from the signatures, then exactly on its shingle sets: it is a repeat when their Jaccard similarity is at least
//! [`REPEAT_JACCARD`], or when the shorter's shingles nearly all lie in the longer
//! ([`REPEAT_CONTAINED`]) and it has at least [`SHORTENED`] of its length (a shortened copy).
//! Quoted text and signatures are left out of a post's body when it has enough of its own.
//!
//! **Stories** are found by TF-IDF cosine similarity plus date proximity: each article is a
//! vector of its strongest content words ([`terms`]); two articles are one story when their
//! cosine is at least [`STORY_COSINE`] and, when both are dated to the day, they are at most
//! [`STORY_DAYS`] days apart. Candidates are only the articles that share one of each other's
//! rarest terms, so nothing is compared with everything. Pairs are taken strongest first, and a
//! pair joins two stories only when each article is also like the other story's first article
//! (cosine at least [`STORY_ANCHOR`]), so a chain of weak likenesses does not become one story.
//! A repeat is always in the story of the article it repeats.
//!
//! **Entities** (people, places, organisations) are runs of capitalised words, counted by how
//! many articles have each ([`Names`]); see `stories/entities.rs` for what is left out.
//!
//! Articles arrive in batches in id order ([`Stories::add`]), as they do for the search index;
//! the expensive work (tokenizing, hashing) is done once per article when it arrives, on all
//! cores, and [`Stories::grouping`] groups everything added so far. A group is named by its
//! first article (its smallest id), so names stay put as more articles arrive.

mod dates;
mod entities;
mod minhash;
mod terms;
mod text;
mod union;
mod worker;

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::corpus::Article;
use terms::{Frequencies, Vector};
use union::Sets;
pub use worker::StoriesWorker;

/// Exact shingle Jaccard similarity from which two articles are repeats.
pub const REPEAT_JACCARD: f64 = 0.8;
/// Share of the shorter article's shingles found in the longer one from which it is a
/// shortened repeat...
pub const REPEAT_CONTAINED: f64 = 0.9;
/// ...when it is at least this share of the longer one's length.
pub const SHORTENED: f64 = 0.8;
/// TF-IDF cosine from which two articles report one story.
pub const STORY_COSINE: f32 = 0.18;
/// TF-IDF cosine from which an article is like the first article of a story it joins.
pub const STORY_ANCHOR: f32 = 0.12;
/// The most days between two dated reports of one story.
pub const STORY_DAYS: i32 = 3;

/// Rarest terms of each article through which its story candidates are found.
const RARE_TERMS: usize = 10;
/// A term in more articles than this (and than one in a hundred) finds no candidates: it says
/// too little about which event an article reports.
const COMMON_DF: u32 = 100;
/// The estimated similarity from which a pair is checked exactly: the least a repeat has is
/// 0.67, and the estimate's standard deviation there is about 0.04.
const ESTIMATE: f64 = 0.5;
/// Bands two articles must share to be compared.
const MIN_BANDS: usize = 2;
/// In a bucket of many copies, each is compared with this many of those before it.
const BUCKET_PEERS: usize = 3;

/// What is kept of one article.
#[derive(Debug)]
struct Features {
    day: Option<i32>,
    /// The bucket keys of its MinHash bands (empty when it has no words).
    bands: Vec<u64>,
    /// The low byte of each bin of its signature, to estimate similarities before checking.
    sketch: Option<Box<[u8; minhash::BINS]>>,
    /// Its terms with their counts, by hash.
    terms: Vec<(u64, u32)>,
    /// The names in it ([`Names`] numbers).
    names: Arc<[u32]>,
}

/// Every name found so far, numbered in the order found, with how many articles have it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Names {
    pub names: Vec<Arc<str>>,
    pub articles: Vec<u32>,
}

/// The grouping engine; see the module's documentation.
#[derive(Debug, Default)]
pub struct Stories {
    articles: Vec<Arc<Article>>,
    features: Vec<Features>,
    df: Frequencies,
    /// Every name found so far (a grouping takes a copy, which shares the strings).
    names: Names,
    numbers: FxHashMap<Arc<str>, u32>,
}

impl Stories {
    pub fn new() -> Stories {
        Stories::default()
    }

    /// Articles added so far.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Adds articles; their ids continue from those added before.
    pub fn add(&mut self, batch: &[Arc<Article>]) {
        // Articles from the cache come without their texts, which stories are made of.
        let full: Vec<Arc<Article>>;
        let batch = if batch.iter().any(|a| a.stored.is_some()) {
            full = batch.iter().map(Article::full).collect();
            &full[..]
        } else {
            batch
        };
        let found: Vec<Vec<&str>> = batch
            .par_iter()
            .map(|a| entities::names(&a.title, &a.paragraphs))
            .collect();
        let names = &mut self.names;
        let numbered: Vec<Arc<[u32]>> = found
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|name| {
                        let n = match self.numbers.get(name) {
                            Some(&n) => n,
                            None => {
                                let n = names.names.len() as u32;
                                let name: Arc<str> = name.into();
                                names.names.push(Arc::clone(&name));
                                names.articles.push(0);
                                self.numbers.insert(name, n);
                                n
                            }
                        };
                        names.articles[n as usize] += 1;
                        n
                    })
                    .collect()
            })
            .collect();
        let mut features: Vec<Features> = batch
            .par_iter()
            .zip(numbered.into_par_iter())
            .map(|(a, names)| {
                let words = text::read(a);
                let signature = minhash::signature(&minhash::shingles(&words.body));
                Features {
                    day: a.date.as_deref().and_then(dates::day),
                    bands: signature
                        .as_ref()
                        .map(|s| minhash::bands(s).to_vec())
                        .unwrap_or_default(),
                    sketch: signature.as_ref().map(|s| minhash::sketch(s)),
                    terms: words.terms,
                    names,
                }
            })
            .collect();
        let terms: Vec<&[(u64, u32)]> = features.iter().map(|f| f.terms.as_slice()).collect();
        let counts = self.df.add_counted(&terms);
        let before = self.articles.len();
        self.articles.extend(batch.iter().cloned());
        if self.articles.len() >= terms::SETTLED {
            let df = &self.df;
            if before < terms::SETTLED {
                self.features
                    .par_iter_mut()
                    .for_each(|f| terms::keep_strongest(&mut f.terms, df));
            }
            let articles = df.articles();
            features
                .par_iter_mut()
                .zip(counts.par_iter())
                .for_each(|(f, c)| terms::keep_strongest_counted(&mut f.terms, c, articles));
        }
        self.features.extend(features);
    }

    /// Groups every article added so far.
    pub fn grouping(&self) -> Grouping {
        let n = self.articles.len();
        // A repeat points at the earlier article it is most like (the earliest of those it is
        // as like), not at the first of a chain of copies, which may have drifted far from it.
        let mut repeat_of: Vec<u32> = (0..n as u32).collect();
        let mut best = vec![0.0f64; n];
        let mut stories = Sets::new(n);
        for (a, b, jaccard) in self.repeat_pairs() {
            let (of, like) = (&mut repeat_of[b as usize], &mut best[b as usize]);
            if jaccard > *like || (jaccard == *like && a < *of) {
                (*of, *like) = (a, jaccard);
            }
            stories.join(a, b);
        }
        let vectors: Vec<Vector> = self
            .features
            .par_iter()
            .map(|f| terms::vector(&f.terms, &self.df))
            .collect();
        let mut pairs = self.story_pairs(&vectors);
        // Strongest first; a pair joins two stories only when each article is also like the
        // other story's first article, so that a chain of weak likenesses does not make one
        // story of a whole topic.
        pairs.par_sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        for (a, b, _) in pairs {
            let (ra, rb) = (stories.find(a), stories.find(b));
            let like = |x: u32, y: u32| {
                terms::cosine(&vectors[x as usize], &vectors[y as usize]) >= STORY_ANCHOR
            };
            if ra != rb && like(ra, b) && like(rb, a) {
                stories.join(a, b);
            }
        }
        let mut grouping = Grouping::new(stories.roots(), repeat_of);
        grouping.names = Arc::new(self.names.clone());
        grouping.entities = self.features.iter().map(|f| Arc::clone(&f.names)).collect();
        grouping
    }

    /// Pairs of articles (the earlier first) that share a MinHash bucket and pass the exact
    /// check.
    fn repeat_pairs(&self) -> Vec<(u32, u32, f64)> {
        let mut keys: Vec<(u64, u32)> = self
            .features
            .iter()
            .enumerate()
            .flat_map(|(id, f)| f.bands.iter().map(move |&k| (k, id as u32)))
            .collect();
        keys.par_sort_unstable();
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        for bucket in keys.chunk_by(|x, y| x.0 == y.0) {
            for (i, &(_, id)) in bucket.iter().enumerate().skip(1) {
                let peers = bucket[..i].iter().rev().take(BUCKET_PEERS).map(|p| p.1);
                candidates.extend(peers.chain([bucket[0].1]).map(|p| (p, id)));
            }
        }
        drop(keys);
        // A pair found in one band only is most likely a chance collision: two texts of
        // similarity 0.67 (the least a repeat has) share two bands or more 99% of the time.
        candidates.par_sort_unstable();
        let candidates: Vec<(u32, u32)> = candidates
            .chunk_by(|x, y| x == y)
            .filter(|same| same.len() >= MIN_BANDS)
            .map(|same| same[0])
            .filter(|&(a, b)| {
                let sketch = |id: u32| self.features[id as usize].sketch.as_deref();
                sketch(a)
                    .zip(sketch(b))
                    .is_some_and(|(x, y)| minhash::estimate(x, y) >= ESTIMATE)
            })
            .collect();
        let mut involved: Vec<u32> = candidates.iter().flat_map(|&(a, b)| [a, b]).collect();
        involved.par_sort_unstable();
        involved.dedup();
        let shingles: FxHashMap<u32, Vec<u64>> = involved
            .par_iter()
            .map(|&id| {
                let mut s = minhash::shingles(&text::read(&self.articles[id as usize]).body);
                s.sort_unstable();
                s.dedup();
                (id, s)
            })
            .collect();
        candidates
            .into_par_iter()
            .filter_map(|(a, b)| {
                let jaccard = repeat(shingles.get(&a)?, shingles.get(&b)?)?;
                Some((a, b, jaccard))
            })
            .collect()
    }

    /// Pairs of articles similar and near enough in time to report one story.
    fn story_pairs(&self, vectors: &[Vector]) -> Vec<(u32, u32, f32)> {
        let df = &self.df;
        let n = self.articles.len();
        let common = COMMON_DF.max(u32::try_from(n / 100).unwrap_or(u32::MAX));
        // Each article's rarest terms that some other article has too: its postings.
        let mut postings: Vec<(u64, u32)> = self
            .features
            .par_iter()
            .enumerate()
            .flat_map_iter(|(id, f)| {
                let mut rare: Vec<(u32, u64)> = f
                    .terms
                    .iter()
                    .map(|&(t, _)| (df.df(t), t))
                    .filter(|&(d, _)| d >= 2 && d <= common)
                    .collect();
                rare.sort_unstable();
                rare.truncate(RARE_TERMS);
                rare.into_iter().map(move |(_, t)| (t, id as u32))
            })
            .collect();
        postings.par_sort_unstable();
        let features = &self.features;
        let postings = &postings;
        (0..n as u32)
            .into_par_iter()
            .flat_map_iter(|a| {
                let f = &features[a as usize];
                let mut seen: Vec<u32> = Vec::new();
                for &(t, _) in &f.terms {
                    let start = postings.partition_point(|p| p.0 < t);
                    for &(term, b) in &postings[start..] {
                        if term != t {
                            break;
                        }
                        if b != a && near(f.day, features[b as usize].day) {
                            seen.push(b);
                        }
                    }
                }
                seen.sort_unstable();
                seen.dedup();
                let va = &vectors[a as usize];
                seen.into_iter().filter_map(move |b| {
                    let cosine = terms::cosine(va, &vectors[b as usize]);
                    (cosine >= STORY_COSINE).then_some((a.min(b), a.max(b), cosine))
                })
            })
            .collect()
    }
}

/// The Jaccard similarity of two sorted shingle sets when they are one text repeated.
fn repeat(a: &[u64], b: &[u64]) -> Option<f64> {
    let (jaccard, contained) = minhash::overlap(a, b);
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    let repeated = jaccard >= REPEAT_JACCARD
        || (contained >= REPEAT_CONTAINED && short as f64 >= SHORTENED * long as f64);
    repeated.then_some(jaccard)
}

/// Whether two reports are near enough in time to be of one event (undated ones always are).
fn near(a: Option<i32>, b: Option<i32>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= STORY_DAYS,
        _ => true,
    }
}

/// Which story each article belongs to and which article each repeats, as of one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grouping {
    /// Each article's story: the smallest id in it.
    story: Vec<u32>,
    /// The article each article repeats: its own id when it repeats nothing.
    repeat_of: Vec<u32>,
    /// The members of each story of two or more, by its name, in id order.
    members: HashMap<u32, Vec<u32>>,
    /// Every name found, and how many articles have each.
    names: Arc<Names>,
    /// The names in each article.
    entities: Vec<Arc<[u32]>>,
}

impl Grouping {
    fn new(story: Vec<u32>, repeat_of: Vec<u32>) -> Grouping {
        let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
        for (id, &s) in story.iter().enumerate() {
            if s != id as u32 {
                members.entry(s).or_insert_with(|| vec![s]).push(id as u32);
            }
        }
        Grouping {
            story,
            repeat_of,
            members,
            names: Arc::default(),
            entities: Vec::new(),
        }
    }

    /// Every name found, and how many articles have each.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// The names in article `id` ([`Names`] numbers).
    pub fn entities(&self, id: u32) -> &[u32] {
        self.entities.get(id as usize).map_or(&[], |e| e)
    }

    /// Articles grouped.
    pub fn len(&self) -> usize {
        self.story.len()
    }

    pub fn is_empty(&self) -> bool {
        self.story.is_empty()
    }

    /// The story of article `id` (the smallest id in it), when it has been grouped.
    pub fn story(&self, id: u32) -> Option<u32> {
        self.story.get(id as usize).copied()
    }

    /// The article that `id` repeats (the earliest it was found to copy), if any.
    pub fn duplicate_of(&self, id: u32) -> Option<u32> {
        self.repeat_of
            .get(id as usize)
            .copied()
            .filter(|&first| first != id)
    }

    /// Whether `id` repeats an earlier article.
    pub fn is_repeat(&self, id: u32) -> bool {
        self.duplicate_of(id).is_some()
    }

    /// The articles of `id`'s story, `id` among them, in id order (just `id` when it is alone).
    pub fn members(&self, id: u32) -> Vec<u32> {
        self.story(id)
            .and_then(|s| self.members.get(&s))
            .cloned()
            .unwrap_or_else(|| vec![id])
    }

    /// The other articles of `id`'s story, in id order.
    pub fn others(&self, id: u32) -> Vec<u32> {
        let mut m = self.members(id);
        m.retain(|&o| o != id);
        m
    }

    /// Every story of two or more articles, each in id order, in order of their first article.
    pub fn stories(&self) -> Vec<&[u32]> {
        let mut all: Vec<&[u32]> = self.members.values().map(Vec::as_slice).collect();
        all.sort_unstable_by_key(|m| m[0]);
        all
    }

    /// How many articles repeat an earlier one.
    pub fn repeats(&self) -> usize {
        self.repeat_of
            .iter()
            .enumerate()
            .filter(|&(id, &r)| r != id as u32)
            .count()
    }
}

#[cfg(test)]
mod tests;
