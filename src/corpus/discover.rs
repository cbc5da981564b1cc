//! Finding article files: paths given directly, and folders walked recursively.
//!
//! Folders yield text (`.txt`, `.md`, no extension), datasets (`.jsonl`, `.ndjson`, `.json`,
//! `.csv`, `.tsv`), pages (`.html`, `.htm`, `.xhtml`), mail (`.mbox`, `.eml`, the messages of a
//! Maildir's `cur/` and `new/`), each also compressed (`.gz`, `.zst`); hidden names excepted. Links are
//! followed; loops, dangling links, named pipes, devices, unreadable folders and oversized
//! files become [`Skipped`] entries with a reason. Nothing is opened here, only looked at.

use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::detect::{COMPRESSED, Kind};
use super::load::{Candidate, LoadError, too_large};
use super::{SkipReason, Skipped, Stamp};

/// Finds the files to read under `paths`.
///
/// A file given directly is taken whatever its name. Candidates come back sorted by path, each
/// file once (a file reached twice, through a link or by naming it and its folder, counts
/// once). Only a path that does not exist at all is an error.
pub fn discover(paths: &[PathBuf]) -> Result<(Vec<Candidate>, Vec<Skipped>), LoadError> {
    let mut found: Vec<Found> = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                match fs::symlink_metadata(path) {
                    Ok(_) => skipped.push(Skipped::new(path, link_reason(&err))),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        return Err(LoadError::NotFound(path.clone()));
                    }
                    Err(e) => skipped.push(Skipped::new(path, SkipReason::from_io(&e))),
                }
                continue;
            }
        };
        if meta.is_dir() {
            walk(path, &mut found, &mut skipped);
        } else {
            consider(path, &meta, &mut found, &mut skipped);
        }
    }
    let candidates = unique(found)
        .into_iter()
        .map(|f| Candidate::file(f.path, f.size).seen_as(f.seen))
        .collect();
    skipped.sort();
    skipped.dedup();
    Ok((candidates, skipped))
}

/// A file to read, as found: where, how big, and which file it is.
struct Found {
    path: PathBuf,
    size: u64,
    id: FileId,
    /// What its metadata said when found.
    seen: Stamp,
}

/// Sorts paths and keeps each file once; a file reached through a link and directly is kept
/// under its own name.
fn unique(mut found: Vec<Found>) -> Vec<Found> {
    // In the order of `Path`'s comparison (component by component), by a byte key in which
    // separators sort first, which is cheaper to compare.
    found.par_sort_by_cached_key(|f| order_key(&f.path));
    let mut first: HashMap<FileId, usize> = HashMap::new();
    let mut kept: Vec<Option<Found>> = Vec::with_capacity(found.len());
    for f in found {
        match first.get(&f.id) {
            None => {
                first.insert(f.id.clone(), kept.len());
                kept.push(Some(f));
            }
            Some(&at) => {
                let slot = kept.get_mut(at);
                if let Some(slot) = slot.filter(|s| {
                    s.as_ref().is_some_and(|k| k.path.is_symlink()) && !f.path.is_symlink()
                }) {
                    *slot = None;
                    first.insert(f.id.clone(), kept.len());
                    kept.push(Some(f));
                }
            }
        }
    }
    kept.into_iter().flatten().collect()
}

/// A key whose byte order is `Path`'s order: each component as a byte for its kind (in the
/// order of `Component`'s variants) then its bytes, components separated by a zero byte (so
/// `a/b` comes before `a.b`, and `a` before `a/b`).
fn order_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for (i, c) in path.components().enumerate() {
        if i > 0 {
            key.push(0);
        }
        key.push(match c {
            Component::Prefix(_) => 1,
            Component::RootDir => 2,
            Component::CurDir => 3,
            Component::ParentDir => 4,
            Component::Normal(_) => 5,
        });
        key.extend_from_slice(c.as_os_str().as_encoded_bytes());
    }
    key
}

/// Walks a folder, following links. The files' metadata is read on every core
/// once the walk has named them (the walk itself reads only folders).
fn walk(root: &Path, found: &mut Vec<Found>, skipped: &mut Vec<Skipped>) {
    // Not sorted here: `unique` sorts every path found once, in the same order.
    let entries = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    let mut files = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root);
                let reason = if err.loop_ancestor().is_some() {
                    SkipReason::LinkLoop
                } else if let Some(io) = err.io_error() {
                    if path.is_symlink() {
                        link_reason(io)
                    } else {
                        SkipReason::from_io(io)
                    }
                } else {
                    SkipReason::other(&err.to_string())
                };
                skipped.push(Skipped::new(path, reason));
                continue;
            }
        };
        if entry.file_type().is_dir() || !is_article_name(entry.path()) {
            continue;
        }
        files.push(entry);
    }
    let looked: Vec<(walkdir::DirEntry, Result<Metadata, walkdir::Error>)> = files
        .into_par_iter()
        .map(|entry| {
            let meta = entry.metadata();
            (entry, meta)
        })
        .collect();
    for (entry, meta) in looked {
        match meta {
            Ok(meta) => consider(entry.path(), &meta, found, skipped),
            Err(err) => {
                let reason = err
                    .io_error()
                    .map_or_else(|| SkipReason::other(&err.to_string()), SkipReason::from_io);
                skipped.push(Skipped::new(entry.path(), reason));
            }
        }
    }
}

/// Takes a file that is regular and small enough; skips anything else with a reason.
fn consider(path: &Path, meta: &Metadata, found: &mut Vec<Found>, skipped: &mut Vec<Skipped>) {
    if let Some(kind) = SkipReason::file_type(&meta.file_type()) {
        skipped.push(Skipped::new(path, kind));
    } else if let Some(reason) = too_large(path, meta.len()) {
        skipped.push(Skipped::new(path, reason));
    } else {
        found.push(Found {
            path: path.to_path_buf(),
            size: meta.len(),
            id: FileId::of(path, meta),
            seen: Stamp::looked_at(meta),
        });
    }
}

/// Why a link could not be followed.
fn link_reason(err: &io::Error) -> SkipReason {
    match (err.kind(), SkipReason::from_io(err)) {
        (io::ErrorKind::NotFound, _) => SkipReason::DanglingLink,
        (_, SkipReason::Io(text)) if text.contains("symbolic links") => SkipReason::LinkLoop,
        (_, reason) => SkipReason::BrokenLink(Box::new(reason)),
    }
}

/// Names starting with a dot are hidden.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Files in folders are read when their extension (any case, past `.gz` or `.zst`) names a
/// format, when they have none, or when they are messages in a Maildir.
fn is_article_name(path: &Path) -> bool {
    let in_maildir = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|d| d == "cur" || d == "new");
    let mut name = path.to_path_buf();
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSED.iter().any(|c| c.eq_ignore_ascii_case(e)))
    {
        name.set_extension("");
    }
    match name.extension() {
        None => true,
        Some(ext) => ext.to_str().and_then(Kind::of_extension).is_some() || in_maildir,
    }
}

/// A file's identity, so that the same file reached twice is read once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl FileId {
    #[cfg(unix)]
    fn of(_path: &Path, meta: &Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        Self::Inode(meta.dev(), meta.ino())
    }

    #[cfg(not(unix))]
    fn of(path: &Path, _meta: &Metadata) -> Self {
        Self::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

#[cfg(test)]
mod order_tests {
    use super::*;

    #[test]
    fn keys_order_paths_as_their_components_do() {
        let mut paths: Vec<PathBuf> = [
            "a/b", "a.b/c", "a", "a/b/c", "a b/x", "a-b", "a/bb", "a/b.c", "/r/a", "/r/a/b", "/r",
            "ab", "a/\u{e9}", "a/z", "/", "a//b", "./a", "a/./b", "../a", "..", "a/..",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let mut by_key = paths.clone();
        paths.sort();
        by_key.sort_by_cached_key(|p| order_key(p));
        assert_eq!(by_key, paths);
    }

    proptest::proptest! {
        #[test]
        fn any_two_paths_compare_alike(a in "[a./ -]{0,8}", b in "[a./ -]{0,8}") {
            let (a, b) = (Path::new(&a), Path::new(&b));
            proptest::prop_assert_eq!(order_key(a).cmp(&order_key(b)), a.cmp(b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_names() {
        let names = [
            "a.txt",
            "b.MD",
            "UPPER.TXT",
            "53558",
            "dir/LICENSE",
            "a.txt.gz",
            "notes.html",
            "news.jsonl.zst",
            "t.csv",
            "archive.mbox",
            "Maildir/cur/1234.M5.host:2,S",
            "raw.gz",
        ];
        for name in names {
            assert!(is_article_name(Path::new(name)), "{name}");
        }
        for name in ["image.png", "a.tar.gz", "x.pdf", "dir/new.png.zst"] {
            assert!(!is_article_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn hidden_names() {
        assert!(is_hidden(std::ffi::OsStr::new(".git")));
        assert!(!is_hidden(std::ffi::OsStr::new("a.txt")));
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let missing = PathBuf::from("/nonexistent/folio/for/sure.txt");
        assert!(matches!(discover(&[missing]), Err(LoadError::NotFound(_))));
    }
}
