//! Reading candidate files into articles, in parallel, with a typed reason for each file (or
//! record of a file) that is not an article.
//!
//! Files are opened read-only and only after their metadata says they are regular files of a
//! sane size, so a named pipe or a device can never block a load. A file's format splits it
//! into records; each record is decoded and parsed on its own.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::compressed::{Compression, expand, limit_for};
use super::record::{Format, Record, format_for};
use super::{Article, SkipReason, Skipped, Stamp};
use crate::hash::fnv1a;
use crate::text::sanitize;

pub use super::discover::discover;

/// Files larger than this are not read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Files of many records (datasets, mail archives, compressed files, standard input) may be
/// this large: each record is still held to [`MAX_RECORD_BYTES`].
pub const MAX_DATASET_BYTES: u64 = 1024 * 1024 * 1024;
/// Records (a line of JSON, a row, a message) larger than this are skipped.
pub const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;
/// What standard input is called on screen.
pub const STDIN_NAME: &str = "(standard input)";

/// A file to read: one of the bundled articles, or a path on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// What to call it on screen: the bundled file's name, or the path (sanitised).
    pub display: String,
    origin: Origin,
    /// Bytes: from the metadata when found on disk, or the bundled bytes' length.
    size: u64,
    /// What the file's metadata said when it was found (no checksum), for comparing with a
    /// cache's stamps without looking again.
    seen: Option<Stamp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    Bundled(&'static [u8]),
    File(PathBuf),
    /// Bytes read before loading began: standard input.
    Memory(Arc<[u8]>),
}

impl Candidate {
    /// A candidate whose bytes are built into the program.
    pub fn bundled(name: &str, bytes: &'static [u8]) -> Self {
        Self {
            display: sanitize(name),
            origin: Origin::Bundled(bytes),
            size: bytes.len() as u64,
            seen: None,
        }
    }

    /// A candidate read from `path` when loaded, `size` bytes long when found; it is displayed
    /// as the path, sanitised.
    pub fn file(path: PathBuf, size: u64) -> Self {
        Self {
            display: display_path(&path),
            origin: Origin::File(path),
            size,
            seen: None,
        }
    }

    /// The same candidate, with what its metadata said when it was found.
    pub fn seen_as(self, seen: Stamp) -> Self {
        Self {
            seen: Some(seen),
            ..self
        }
    }

    /// What the metadata said when it was found, if it was found on disk.
    pub fn seen(&self) -> Option<&Stamp> {
        self.seen.as_ref()
    }

    /// Standard input, read already: `bytes`, in whatever format they are.
    pub fn stdin(bytes: Vec<u8>) -> Self {
        Self {
            display: STDIN_NAME.to_owned(),
            size: bytes.len() as u64,
            origin: Origin::Memory(bytes.into()),
            seen: None,
        }
    }

    /// Its size in bytes as found (the file may change before it is read): for progress.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The path on disk, or `None` for a bundled article.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Bundled(_) | Origin::Memory(_) => None,
        }
    }
}

/// Why the files asked for cannot be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A path given by the user does not exist.
    #[error("no such file or folder: {}", display_path(.0))]
    NotFound(PathBuf),
}

/// The five articles in `assets/articles/`, built into the program, sorted by name.
pub fn bundled() -> Vec<Candidate> {
    macro_rules! article {
        ($name:literal) => {
            (
                $name,
                include_bytes!(concat!("../../assets/articles/", $name)).as_slice(),
            )
        };
    }
    let files: [(&str, &'static [u8]); 5] = [
        article!("000_fa3a172fdca67ea3.txt"),
        article!("001_009fba84ec7cbc00.txt"),
        article!("002_c6dc9904ae642ca3.txt"),
        article!("003_52d8e2bfa1f724e8.txt"),
        article!("004_8da5c2bbc2bd8093.txt"),
    ];
    let mut out: Vec<Candidate> = files
        .into_iter()
        .map(|(name, bytes)| Candidate::bundled(name, bytes))
        .collect();
    out.sort_by(|a, b| a.display.cmp(&b.display));
    out
}

/// Reads one candidate: for each of its records in order, an article or why it is not one.
///
/// A compressed file is expanded first; the format is chosen by name and content.
pub fn read_candidate(c: &Candidate) -> Vec<Result<Article, Skipped>> {
    read_as(c, None).0
}

/// Reads one candidate as `format`, or as the format its name and content tell; with the
/// file's [`Stamp`] when it is a file on disk that could be read.
fn read_as(
    c: &Candidate,
    format: Option<&dyn Format>,
) -> (Vec<Result<Article, Skipped>>, Option<Stamp>) {
    let mut stamp = None;
    let results = read_stamped(c, format, &mut stamp);
    (results, stamp)
}

fn read_stamped(
    c: &Candidate,
    format: Option<&dyn Format>,
    stamp: &mut Option<Stamp>,
) -> Vec<Result<Article, Skipped>> {
    let skip = |record: &str, reason| Skipped {
        path: c.display.clone(),
        record: sanitize(record),
        reason,
        line: false,
    };
    let owned;
    let mut bytes: &[u8] = match &c.origin {
        Origin::Bundled(bytes) => bytes,
        Origin::Memory(bytes) if bytes.len() as u64 > MAX_DATASET_BYTES => {
            return vec![Err(skip(
                "",
                SkipReason::DatasetTooLarge(bytes.len() as u64),
            ))];
        }
        Origin::Memory(bytes) => bytes,
        Origin::File(path) => match read_file(path) {
            Ok((bytes, meta)) => {
                *stamp = Some(Stamp::of(&meta, &bytes));
                owned = bytes;
                &owned
            }
            Err(reason) => return vec![Err(skip("", reason))],
        },
    };
    let expanded;
    let mut damaged = None;
    if let Some(kind) = Compression::of(bytes) {
        match expand(kind, bytes, limit_for(bytes.len())) {
            Ok(out) => {
                expanded = out.bytes;
                damaged = out.damaged;
                bytes = &expanded;
            }
            Err(reason) => return vec![Err(skip("", reason))],
        }
    }
    let format = format.unwrap_or_else(|| format_for(&c.display, bytes));
    let line = format.keys_are_lines();
    let skip_record = |key: &str, reason| Skipped {
        line: line && !key.is_empty(),
        ..skip(key, reason)
    };
    let mut read: Vec<Result<Article, Skipped>> = format
        .records(bytes)
        .into_par_iter()
        .map(|record| match record {
            Ok(record) => {
                article(c, format, &record).map_err(|reason| skip_record(&record.key, reason))
            }
            Err(bad) => Err(skip_record(&bad.key, bad.reason)),
        })
        .collect();
    read.extend(damaged.map(|reason| Err(skip("", reason))));
    read
}

/// Parses one record of candidate `c`.
fn article(c: &Candidate, format: &dyn Format, record: &Record<'_>) -> Result<Article, SkipReason> {
    let parsed = super::links::finish(format.parse(&record.bytes)?);
    if parsed.title.is_empty() && parsed.paragraphs.is_empty() {
        return Err(SkipReason::NoText);
    }
    Ok(Article {
        title: parsed.title,
        date: parsed.date,
        source: parsed.source,
        paragraphs: parsed.paragraphs,
        kinds: parsed.kinds,
        path: c.display.clone(),
        record: sanitize(&record.key),
        hash: fnv1a(&record.bytes),
        stored: None,
        url: parsed.url,
        links: parsed.links,
    })
}

/// Reads every candidate in parallel; articles and skips come back in candidate order, and
/// within a candidate in record order.
pub fn load_all(cands: &[Candidate]) -> (Vec<Article>, Vec<Skipped>) {
    let results: Vec<Vec<Result<Article, Skipped>>> =
        load_files(cands).into_iter().map(|(r, _)| r).collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut skipped = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(article) => articles.push(article),
            Err(skip) => skipped.push(skip),
        }
    }
    (articles, skipped)
}

/// One file read: its articles and skips in record order, and its stamp when it is a file
/// that could be read.
pub type FileLoad = (Vec<Result<Article, Skipped>>, Option<Stamp>);

/// Reads every candidate in parallel: for each, in candidate order, its articles and skips
/// in record order, and its [`Stamp`] when it is a file that could be read.
pub fn load_files(cands: &[Candidate]) -> Vec<FileLoad> {
    cands.par_iter().map(|c| read_as(c, None)).collect()
}

/// Whether a file of this size is too large for its name: more than [`MAX_FILE_BYTES`] for
/// a text file or a page, more than [`MAX_DATASET_BYTES`] for a file of many records.
pub(crate) fn too_large(path: &Path, len: u64) -> Option<SkipReason> {
    let name = path.to_string_lossy();
    let many = !matches!(
        super::detect::detect(&name, b""),
        super::Kind::Text | super::Kind::Html | super::Kind::Mail
    ) || super::detect::is_compressed_name(&name);
    if many {
        (len > MAX_DATASET_BYTES).then_some(SkipReason::DatasetTooLarge(len))
    } else {
        (len > MAX_FILE_BYTES).then_some(SkipReason::TooLarge(len))
    }
}

/// Reads a regular file no larger than [`too_large`] allows; anything else gets a reason.
fn read_file(path: &Path) -> Result<(Vec<u8>, fs::Metadata), SkipReason> {
    let io = |e| SkipReason::from_io(&e);
    let meta = fs::metadata(path).map_err(io)?;
    if let Some(kind) = SkipReason::file_type(&meta.file_type()) {
        return Err(kind);
    }
    if let Some(reason) = too_large(path, meta.len()) {
        return Err(reason);
    }
    let file = File::open(path).map_err(io)?;
    // The stamp is taken from the file opened, before it is read: a change while reading
    // moves its time past the stamp's, and the next start reads it again.
    let meta = file.metadata().map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_DATASET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if let Some(reason) = too_large(path, bytes.len() as u64) {
        return Err(reason);
    }
    Ok((bytes, meta))
}

/// A path as the user should see it: lossy for non-UTF-8 names, sanitised.
pub(crate) fn display_path(path: &Path) -> String {
    sanitize(&path.to_string_lossy())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::corpus::record::BadRecord;

    #[test]
    fn bundled_candidates_are_sorted_names() {
        let names: Vec<String> = bundled().into_iter().map(|c| c.display).collect();
        assert_eq!(names.len(), 5);
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(
            names
                .iter()
                .all(|n| n.ends_with(".txt") && !n.contains('/'))
        );
    }

    #[test]
    fn a_bundled_candidate_reads_without_disk() {
        let bytes = b"Headline here\n\nBody text.\n";
        let c = Candidate::bundled("x.txt", bytes);
        assert_eq!(c.size(), bytes.len() as u64);
        let mut read = read_candidate(&c);
        assert_eq!(read.len(), 1);
        let a = read.remove(0).unwrap();
        assert_eq!((a.title.as_str(), a.paragraphs.len()), ("Headline here", 1));
        assert_eq!(a.hash, fnv1a(bytes));
        assert_eq!((a.path.as_str(), a.record.as_str()), ("x.txt", ""));
        let blank = Candidate::bundled("b.txt", b"\x1b[0m\n");
        let skip = read_candidate(&blank).remove(0).unwrap_err();
        assert_eq!(
            (&skip.reason, skip.record.as_str()),
            (&SkipReason::NoText, "")
        );
        assert_eq!(skip.reason.to_string(), "no text");
    }

    #[test]
    fn display_paths_are_sanitised() {
        let c = Candidate::file(PathBuf::from("dir/esc-\x1b[31mred\n.txt"), 12);
        assert_eq!(c.display, "dir/esc-red␊.txt");
        assert_eq!(c.size(), 12);
        let e = LoadError::NotFound(PathBuf::from("gone\x07.txt"));
        assert_eq!(e.to_string(), "no such file or folder: gone␇.txt");
    }

    /// A format for tests: records split at `===` lines, keyed 1, 2, ...; a record that
    /// starts with `!` is a bad one.
    struct Sections;

    impl Format for Sections {
        fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
            let text = std::str::from_utf8(bytes).unwrap();
            text.split("\n===\n")
                .enumerate()
                .map(|(i, part)| {
                    let key = (i + 1).to_string();
                    if part.starts_with('!') {
                        let reason = SkipReason::other("bad section");
                        return Err(BadRecord { key, reason });
                    }
                    let bytes = std::borrow::Cow::Borrowed(part.as_bytes());
                    Ok(Record { key, bytes })
                })
                .collect()
        }
    }

    #[test]
    fn one_file_of_many_records_gives_an_article_or_a_skip_for_each_in_order() {
        let file =
            "First title\n\nFirst body.\n===\n!broken\n===\n\n===\nSecond title\n\nSecond body.";
        let c = Candidate::bundled("many.txt", file.as_bytes());
        let read = read_as(&c, Some(&Sections)).0;
        let got: Vec<(String, Result<String, SkipReason>)> = read
            .iter()
            .map(|r| match r {
                Ok(a) => (a.record.clone(), Ok(a.title.clone())),
                Err(s) => (s.record.clone(), Err(s.reason.clone())),
            })
            .collect();
        let want = [
            ("1", Ok("First title")),
            ("2", Err(SkipReason::other("bad section"))),
            ("3", Err(SkipReason::Empty)),
            ("4", Ok("Second title")),
        ];
        let want: Vec<(String, Result<String, SkipReason>)> = want
            .into_iter()
            .map(|(k, r)| (k.to_owned(), r.map(str::to_owned)))
            .collect();
        assert_eq!(got, want);
        let first = read[0].as_ref().unwrap();
        let second = read[3].as_ref().unwrap();
        assert_eq!(first.hash, fnv1a(b"First title\n\nFirst body."));
        assert_eq!(second.hash, fnv1a(b"Second title\n\nSecond body."));
        assert_ne!(first.hash, fnv1a(file.as_bytes()));
        assert!([first, second].iter().all(|a| a.path == "many.txt"));
        let skip = read[1].as_ref().unwrap_err();
        assert_eq!(
            (skip.path.as_str(), skip.place()),
            ("many.txt", "many.txt#2".into())
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_is_one_skip_whatever_its_format() {
        let dir = tempfile::tempdir().unwrap();
        let c = Candidate::file(dir.path().to_path_buf(), 0);
        let read = read_as(&c, Some(&Sections)).0;
        assert_eq!(read.len(), 1);
        let skip = read[0].as_ref().unwrap_err();
        assert_eq!(
            (skip.record.as_str(), &skip.reason),
            ("", &SkipReason::Folder)
        );
    }
}
