//! Which files of a corpus can be taken from its cache file and which must be read again: a
//! file is taken when its size, modification time, inode and device are those it had when it
//! was read, and, when its time is too close to that moment to prove anything, when its bytes
//! still have the same checksum. Files the cache does not know, or that changed, are read;
//! files that are gone simply do not appear.

use std::collections::HashMap;
use std::fs;

use rayon::prelude::*;

use super::layout::{FILE_KEPT, FileEntry};
use super::{FileRecord, Key, Opened};
use crate::corpus::{Candidate, Stamp};

/// What to do with one candidate, in candidate order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Take articles `first..first + count` of the cache file; the file is `record`.
    Cached {
        candidate: usize,
        first: u32,
        count: u32,
        record: FileRecord,
    },
    /// Read the candidate.
    Read { candidate: usize },
}

/// The pieces of a corpus, and how many of its files the cache knew that are gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub pieces: Vec<Piece>,
    /// Files in the cache that were not found, or not taken from it.
    pub dropped: usize,
}

impl Plan {
    /// How many candidates are read again.
    pub fn reads(&self) -> usize {
        self.pieces
            .iter()
            .filter(|p| matches!(p, Piece::Read { .. }))
            .count()
    }
}

/// Plans the load of `candidates` (as found now, for the corpus `key`) from `opened`.
pub fn plan(key: &Key, opened: &Opened, candidates: &[Candidate]) -> Plan {
    let files = opened.files();
    let by_name: HashMap<(u32, &[u8]), usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| ((f.root, opened.file_name(f)), i))
        .collect();
    let built_s = opened.built_s();
    let found: Vec<Option<usize>> = candidates
        .par_iter()
        .map(|c| {
            let path = c.path()?;
            let (root, rel) = key.place(path)?;
            let &i = by_name.get(&(root, rel.as_slice()))?;
            let f = files.get(i)?;
            unchanged(f, path, c.seen(), built_s).then_some(i)
        })
        .collect();
    let mut taken = vec![false; files.len()];
    let pieces = found
        .iter()
        .enumerate()
        .map(
            |(candidate, found)| match found.and_then(|i| Some((i, files.get(i)?))) {
                Some((i, f)) => {
                    taken[i] = true;
                    Piece::Cached {
                        candidate,
                        first: f.first,
                        count: f.count,
                        record: FileRecord {
                            root: f.root,
                            rel: opened.file_name(f).to_vec(),
                            stamp: Some(stamp_of(f)),
                            articles: f.count,
                            kept: true,
                        },
                    }
                }
                None => Piece::Read { candidate },
            },
        )
        .collect();
    Plan {
        pieces,
        dropped: taken.iter().filter(|t| !**t).count(),
    }
}

/// The stamp a file entry keeps.
fn stamp_of(f: &FileEntry) -> Stamp {
    Stamp {
        size: f.size,
        mtime_s: f.mtime_s,
        mtime_ns: f.mtime_ns,
        ino: f.ino,
        dev: f.dev,
        crc: f.crc,
    }
}

/// Whether the file at `path` (whose metadata said `seen` when it was found) is still what
/// entry `f` recorded.
fn unchanged(f: &FileEntry, path: &std::path::Path, seen: Option<&Stamp>, built_s: i64) -> bool {
    if f.flags & FILE_KEPT == 0 {
        return false;
    }
    let now = match seen {
        Some(seen) => *seen,
        None => match fs::metadata(path) {
            Ok(meta) if meta.is_file() => Stamp::looked_at(&meta),
            _ => return false,
        },
    };
    let kept = stamp_of(f);
    if !kept.looks_like(&now) {
        return false;
    }
    if kept.in_doubt(built_s) {
        // Changed in the same tick as it was read, perhaps: only its bytes can tell.
        return fs::read(path).is_ok_and(|bytes| crc32fast::hash(&bytes) == kept.crc);
    }
    true
}
