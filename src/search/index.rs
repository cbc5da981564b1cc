//! The index over the corpus: a contiguous vocabulary of folded words, `u32` postings with counts
//! (whole article and title), each article's words as vocabulary ids (for phrases and hit
//! counts), and the sources and dates for field terms. Built in parallel, appended to in batches.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::column::{Column, Lists};
use super::initials::Initials;
use super::pairs::Pairs;
use super::vocab::Vocab;
use super::words::{fold, words};
use crate::corpus::Article;

/// Separates the title and the paragraphs in an article's word ids; phrases never cross it.
pub(crate) const SEPARATOR: u32 = u32::MAX;

/// One article that holds a word, and how many times.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct Posting {
    pub article: u32,
    pub count: u32,
}

/// The searchable form of every article added so far; ids follow the order of addition.
#[derive(Debug, Default, Clone)]
pub struct Index {
    pub(crate) vocab: Vocab,
    /// Per word id: the articles holding it anywhere (title or paragraphs), ids ascending.
    pub(crate) postings: Lists<Posting>,
    /// Per word id: the articles holding it in their title.
    pub(crate) title_postings: Lists<Posting>,
    /// Every article's word ids in order: the title's, [`SEPARATOR`], each paragraph's followed
    /// by [`SEPARATOR`].
    pub(crate) tokens: Column<u32>,
    /// Where each article starts in `tokens`; one more entry than articles.
    pub(crate) starts: Column<u64>,
    /// Per article: the date as `yyyymmdd` (missing parts are zero), for ranking.
    pub(crate) date_keys: Column<u32>,
    /// Per article: an index into `dates`, or `u32::MAX` when it has none.
    pub(crate) date_of: Column<u32>,
    pub(crate) dates: Interned,
    /// Per article: an index into `sources`, or `u32::MAX` when it has none.
    pub(crate) source_of: Column<u32>,
    pub(crate) sources: Interned,
    /// Summaries for one-character terms, made when first needed and dropped when articles
    /// are added.
    pub(crate) initials: OnceLock<Initials>,
    /// Per article: its place when the articles searched are sorted by path and id, for
    /// ranking; made at the first search and dropped when articles are added.
    pub(crate) path_order: OnceLock<Vec<u32>>,
    /// Adjacent pairs of the commonest words, for phrases; made when first needed and
    /// dropped when articles are added.
    pub(crate) pairs: OnceLock<Pairs>,
}

/// A small set of distinct strings (sources, dates) with ids.
#[derive(Debug, Default, Clone)]
pub(crate) struct Interned {
    pub names: Vec<String>,
    ids: FxHashMap<String, u32>,
}

impl Interned {
    /// The set of `names`, each given the id of its position.
    pub(crate) fn of(names: Vec<String>) -> Interned {
        let ids = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
        Interned { names, ids }
    }

    fn id(&mut self, name: Option<&str>) -> u32 {
        let Some(name) = name else {
            return u32::MAX;
        };
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }
}

/// What one thread makes of a run of articles, in its own word ids.
struct Chunk<'a> {
    words: Vec<std::borrow::Cow<'a, str>>,
    tokens: Vec<u32>,
    /// Per article: the end of its words in `tokens`.
    ends: Vec<usize>,
    /// Per article, concatenated: (local word id, count) over the whole article, then the title.
    bags: Vec<(u32, u32)>,
    bag_ends: Vec<usize>,
    titles: Vec<(u32, u32)>,
    title_ends: Vec<usize>,
    /// Per local word: in how many of the chunk's articles, and in how many titles, it occurs.
    counts: Vec<(u32, u32)>,
}

impl<'a> Chunk<'a> {
    fn tokenize(articles: &'a [Arc<Article>]) -> Chunk<'a> {
        let mut ids: FxHashMap<std::borrow::Cow<'a, str>, u32> = FxHashMap::default();
        let mut chunk = Chunk {
            words: Vec::new(),
            tokens: Vec::new(),
            ends: Vec::with_capacity(articles.len()),
            bags: Vec::new(),
            bag_ends: Vec::with_capacity(articles.len()),
            titles: Vec::new(),
            title_ends: Vec::with_capacity(articles.len()),
            counts: Vec::new(),
        };
        // Per local word: the last article it was counted in and its slot in the bag.
        let mut seen: Vec<(u32, u32)> = Vec::new();
        for (n, article) in articles.iter().enumerate() {
            let n = n as u32;
            let bag_start = chunk.bags.len();
            let segments = std::iter::once(article.title.as_str())
                .chain(article.paragraphs.iter().map(String::as_str));
            for (segment_no, segment) in segments.enumerate() {
                for (_, word) in words(segment) {
                    let folded = fold(word);
                    let id = match ids.get(folded.as_ref()) {
                        Some(&id) => id,
                        None => {
                            let id = chunk.words.len() as u32;
                            chunk.words.push(folded.clone());
                            ids.insert(folded, id);
                            seen.push((u32::MAX, 0));
                            chunk.counts.push((0, 0));
                            id
                        }
                    };
                    chunk.tokens.push(id);
                    let slot = &mut seen[id as usize];
                    if slot.0 == n {
                        chunk.bags[slot.1 as usize].1 += 1;
                    } else {
                        *slot = (n, chunk.bags.len() as u32);
                        chunk.bags.push((id, 1));
                        chunk.counts[id as usize].0 += 1;
                    }
                }
                chunk.tokens.push(SEPARATOR);
                if segment_no == 0 {
                    // The title's words are exactly the bag so far.
                    chunk.titles.extend_from_slice(&chunk.bags[bag_start..]);
                    for &(id, _) in &chunk.bags[bag_start..] {
                        chunk.counts[id as usize].1 += 1;
                    }
                    chunk.title_ends.push(chunk.titles.len());
                }
            }
            chunk.ends.push(chunk.tokens.len());
            chunk.bag_ends.push(chunk.bags.len());
        }
        chunk
    }
}

impl Index {
    pub fn new() -> Index {
        Index::default()
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.date_keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends `articles`; the first gets id [`Index::len`] before the call. Tokenizes in
    /// parallel, then merges the threads' vocabularies into the index's.
    pub fn add(&mut self, articles: &[Arc<Article>]) {
        if articles.is_empty() {
            return;
        }
        self.initials = OnceLock::new();
        self.path_order = OnceLock::new();
        self.pairs = OnceLock::new();
        let first = self.len() as u32;
        let threads = rayon::current_num_threads().max(1);
        let size = (articles.len() / (threads * 4)).clamp(64, 16384);
        let mut chunks: Vec<Chunk> = articles.par_chunks(size).map(Chunk::tokenize).collect();
        // Merge vocabularies in order, so word ids do not depend on scheduling, and add up how
        // many postings each word gains so that its lists grow once, to the exact size.
        let mut gains: Vec<(u32, u32)> = Vec::new();
        let remaps: Vec<Vec<u32>> = chunks
            .iter_mut()
            .map(|c| {
                let remap: Vec<u32> = c.words.iter().map(|w| self.vocab.intern(w)).collect();
                gains.resize(self.vocab.len(), (0, 0));
                for (&w, &(all, title)) in remap.iter().zip(&c.counts) {
                    let gain = &mut gains[w as usize];
                    gain.0 += all;
                    gain.1 += title;
                }
                c.words = Vec::new();
                c.counts = Vec::new();
                remap
            })
            .collect();
        let words = self.vocab.len();
        self.postings.to_mut().resize_with(words, Vec::new);
        self.title_postings.to_mut().resize_with(words, Vec::new);

        chunks
            .par_iter_mut()
            .zip(&remaps)
            .for_each(|(chunk, remap)| {
                for t in chunk.tokens.iter_mut().filter(|t| **t != SEPARATOR) {
                    *t = remap[*t as usize];
                }
                for (w, _) in chunk.bags.iter_mut().chain(chunk.titles.iter_mut()) {
                    *w = remap[*w as usize];
                }
            });
        drop(remaps);

        // Append postings: each thread owns a range of word ids and reads every bag.
        let per_thread = words.div_ceil(threads).max(1);
        let chunks_ref = &chunks;
        let gains = &gains;
        let fill = |lists: &mut [Vec<Posting>], base: usize, title: bool| {
            let end = base + lists.len();
            for (list, gain) in lists.iter_mut().zip(&gains[base..end]) {
                let gain = if title { gain.1 } else { gain.0 } as usize;
                if list.is_empty() {
                    list.reserve_exact(gain);
                } else {
                    // Later batches grow by doubling, so that many small batches stay linear.
                    list.reserve(gain);
                }
            }
            let mut id = first;
            for chunk in chunks_ref {
                let (bags, bag_ends) = if title {
                    (&chunk.titles, &chunk.title_ends)
                } else {
                    (&chunk.bags, &chunk.bag_ends)
                };
                let mut start = 0;
                for &bag_end in bag_ends {
                    for &(w, count) in &bags[start..bag_end] {
                        let w = w as usize;
                        if (base..end).contains(&w) {
                            lists[w - base].push(Posting { article: id, count });
                        }
                    }
                    start = bag_end;
                    id += 1;
                }
            }
        };
        self.postings
            .to_mut()
            .par_chunks_mut(per_thread)
            .enumerate()
            .for_each(|(i, lists)| fill(lists, i * per_thread, false));
        self.title_postings
            .to_mut()
            .par_chunks_mut(per_thread)
            .enumerate()
            .for_each(|(i, lists)| fill(lists, i * per_thread, true));
        // The bags are done with: free them before the word ids are copied.
        for chunk in &mut chunks {
            chunk.bags = Vec::new();
            chunk.titles = Vec::new();
        }
        let starts = self.starts.to_mut();
        if starts.is_empty() {
            starts.push(0);
        }
        let tokens = self.tokens.to_mut();
        tokens.reserve(chunks.iter().map(|c| c.tokens.len()).sum());
        // Each chunk is dropped as soon as it is copied.
        for chunk in chunks {
            let base = tokens.len() as u64;
            tokens.extend_from_slice(&chunk.tokens);
            starts.extend(chunk.ends.iter().map(|&e| base + e as u64));
        }
        for article in articles {
            self.date_keys
                .to_mut()
                .push(date_key(article.date.as_deref()));
            let date = self.dates.id(article.date.as_deref());
            self.date_of.to_mut().push(date);
            let source = self.sources.id(article.source.as_deref());
            self.source_of.to_mut().push(source);
        }
    }

    /// The word ids of article `id`, separators included.
    pub(crate) fn article_tokens(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&s), Some(&e)) => self.tokens.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// `yyyymmdd` from an ISO date (`2019-09-01`, `2019-09`, `2019`); zero when there is none.
pub(crate) fn date_key(date: Option<&str>) -> u32 {
    let Some(date) = date else {
        return 0;
    };
    let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let year = parts.next().unwrap_or(0).min(9999);
    let month = parts.next().unwrap_or(0).min(99);
    let day = parts.next().unwrap_or(0).min(99);
    year * 10_000 + month * 100 + day
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
