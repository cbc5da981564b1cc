//! Loading a corpus in candidate order, a batch at a time: files the cache holds unchanged come
//! from it (their articles' headers; the paragraphs stay in the file until opened), the others
//! are read and parsed. Either way the articles arrive in the order a load without a cache
//! gives them, so their ids are the same.

use std::sync::Arc;

use super::plan::{Piece, Plan};
use super::{FileRecord, Key, Opened};
use crate::corpus::{self, Article, Candidate, Skipped};

/// One batch: articles, skips, and the bytes of the candidates done so far.
pub struct Batch {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
    pub bytes: u64,
}

/// Where the articles of a load come from.
pub struct From<'a> {
    pub key: Option<&'a Key>,
    pub cache: Option<(&'a Arc<Opened>, &'a Plan)>,
}

/// Loads `candidates` in order and hands each batch to `send` (which returns false to stop);
/// returns what the cache records of each file, or `None` when `send` stopped it.
pub fn stream(
    candidates: &[Candidate],
    from: &From<'_>,
    mut send: impl FnMut(Batch) -> bool,
) -> Option<Vec<FileRecord>> {
    let mut records = Vec::with_capacity(candidates.len());
    let mut bytes = 0u64;
    let mut start = 0;
    // Small batches first, so that the first screen comes at once; bigger ones after.
    let mut size = 64;
    while start < candidates.len() {
        let end = (start + size).min(candidates.len());
        let mut articles = Vec::new();
        let mut skipped = Vec::new();
        let mut to_read = Vec::new();
        for c in start..end {
            match from
                .cache
                .and_then(|(opened, plan)| Some((opened, plan.pieces.get(c)?)))
            {
                Some((
                    opened,
                    Piece::Cached {
                        first,
                        count,
                        record,
                        ..
                    },
                )) => {
                    // Read what came before in order, then take these from the cache.
                    read(
                        candidates,
                        &mut to_read,
                        from.key,
                        &mut articles,
                        &mut skipped,
                        &mut records,
                    );
                    let display = &candidates[c].display;
                    articles.extend(
                        (*first..first.saturating_add(*count))
                            .filter_map(|id| opened.header(id, display)),
                    );
                    records.push(record.clone());
                }
                _ => to_read.push(c),
            }
        }
        read(
            candidates,
            &mut to_read,
            from.key,
            &mut articles,
            &mut skipped,
            &mut records,
        );
        bytes += candidates[start..end]
            .iter()
            .map(Candidate::size)
            .sum::<u64>();
        start = end;
        if !send(Batch {
            articles,
            skipped,
            bytes,
        }) {
            return None;
        }
        size = (size * 2).min(if from.cache.is_some() { 16384 } else { 4096 });
    }
    Some(records)
}

/// Reads the candidates numbered in `which` (in parallel), appending their articles, skips and
/// file records in order, and empties `which`.
fn read(
    candidates: &[Candidate],
    which: &mut Vec<usize>,
    key: Option<&Key>,
    articles: &mut Vec<Article>,
    skipped: &mut Vec<Skipped>,
    records: &mut Vec<FileRecord>,
) {
    if which.is_empty() {
        return;
    }
    let chosen: Vec<Candidate> = which.iter().map(|&c| candidates[c].clone()).collect();
    for (c, (results, stamp)) in chosen.iter().zip(corpus::load_files(&chosen)) {
        let mut count = 0u32;
        let mut clean = true;
        for r in results {
            match r {
                Ok(a) => {
                    articles.push(a);
                    count += 1;
                }
                Err(s) => {
                    skipped.push(s);
                    clean = false;
                }
            }
        }
        let (root, rel) = key
            .zip(c.path())
            .and_then(|(k, p)| k.place(p))
            .unwrap_or((u32::MAX, Vec::new()));
        records.push(FileRecord {
            root,
            rel,
            stamp,
            articles: count,
            kept: clean && root != u32::MAX,
        });
    }
    which.clear();
}
