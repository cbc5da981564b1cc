//! Reading candidate files into articles, in parallel, with a one-line reason for each file
//! that is not an article.
//!
//! Files are opened read-only and only after their metadata says they are regular files of a
//! sane size, so a named pipe or a device can never block a load.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Article, decode, parse};
use crate::hash::fnv1a;
use crate::text::sanitize;

pub use super::discover::discover;

/// Files larger than this are not read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file to read: one of the bundled articles, or a path on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// What to call it on screen: the bundled file's name, or the path (sanitised).
    pub display: String,
    origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    Bundled(&'static [u8]),
    File(PathBuf),
}

impl Candidate {
    /// A candidate whose bytes are built into the program.
    pub fn bundled(name: &str, bytes: &'static [u8]) -> Self {
        Self {
            display: sanitize(name),
            origin: Origin::Bundled(bytes),
        }
    }

    /// A candidate read from `path` when loaded; it is displayed as the path, sanitised.
    pub fn file(path: PathBuf) -> Self {
        Self {
            display: display_path(&path),
            origin: Origin::File(path),
        }
    }

    /// The path on disk, or `None` for a bundled article.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Bundled(_) => None,
        }
    }
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    /// The path, sanitised for display.
    pub path: String,
    /// One line, lower case: `named pipe`, `binary file (PNG image)`, `permission denied`.
    pub reason: String,
}

impl Skipped {
    pub(crate) fn new(path: &Path, reason: impl Into<String>) -> Self {
        Self {
            path: display_path(path),
            reason: sanitize(&reason.into()),
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

/// Reads, decodes and parses one candidate.
pub fn read_candidate(c: &Candidate) -> Result<Article, Skipped> {
    let skip = |reason: String| Skipped {
        path: c.display.clone(),
        reason: sanitize(&reason),
    };
    let owned;
    let bytes: &[u8] = match &c.origin {
        Origin::Bundled(bytes) => bytes,
        Origin::File(path) => {
            owned = read_file(path).map_err(skip)?;
            &owned
        }
    };
    let text = decode(bytes).map_err(|r| skip(r.to_string()))?;
    let parsed = parse(&text);
    if parsed.title.is_empty() && parsed.paragraphs.is_empty() {
        return Err(skip("no text".into()));
    }
    Ok(Article {
        title: parsed.title,
        date: parsed.date,
        source: parsed.source,
        paragraphs: parsed.paragraphs,
        path: c.display.clone(),
        hash: fnv1a(bytes),
    })
}

/// Reads every candidate in parallel; articles and skips come back in candidate order.
pub fn load_all(cands: &[Candidate]) -> (Vec<Article>, Vec<Skipped>) {
    let results: Vec<Result<Article, Skipped>> = cands.par_iter().map(read_candidate).collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut skipped = Vec::new();
    for result in results {
        match result {
            Ok(article) => articles.push(article),
            Err(skip) => skipped.push(skip),
        }
    }
    (articles, skipped)
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]; anything else gets a reason.
fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if let Some(kind) = not_regular(&meta.file_type()) {
        return Err(kind.to_owned());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a non-regular file is, for a skip reason; `None` for a regular file.
pub(crate) fn not_regular(kind: &fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("is a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("named pipe");
        }
        if kind.is_socket() {
            return Some("socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("device");
        }
    }
    Some("not a regular file")
}

/// `too large (4.0 GiB, limit 64 MiB)`.
pub(crate) fn too_large(len: u64) -> String {
    format!("too large ({}, limit 64 MiB)", human_size(len))
}

fn human_size(len: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if len < 1024 {
        return format!("{len} B");
    }
    let mut size = len as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS.get(unit).unwrap_or(&"TiB"))
}

/// A one-line reason for an I/O error.
pub(crate) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "not found".into(),
        io::ErrorKind::IsADirectory => "is a folder".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            text.to_lowercase()
        }
    }
}

/// A path as the user should see it: lossy for non-UTF-8 names, sanitised.
pub(crate) fn display_path(path: &Path) -> String {
    sanitize(&path.to_string_lossy())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(
            too_large(4 * 1024 * 1024 * 1024),
            "too large (4.0 GiB, limit 64 MiB)"
        );
        assert_eq!(human_size(65 * 1024 * 1024 + 1), "65.0 MiB");
        assert_eq!(human_size(12), "12 B");
    }

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
        let c = Candidate::bundled("x.txt", b"Headline here\n\nBody text.\n");
        let a = read_candidate(&c).unwrap();
        assert_eq!((a.title.as_str(), a.paragraphs.len()), ("Headline here", 1));
        assert_eq!(a.hash, fnv1a(b"Headline here\n\nBody text.\n"));
        assert_eq!(a.path, "x.txt");
        let blank = Candidate::bundled("b.txt", b"\x1b[0m\n");
        assert_eq!(read_candidate(&blank).unwrap_err().reason, "no text");
    }

    #[test]
    fn display_paths_are_sanitised() {
        let c = Candidate::file(PathBuf::from("dir/esc-\x1b[31mred\n.txt"));
        assert_eq!(c.display, "dir/esc-red␊.txt");
        let e = LoadError::NotFound(PathBuf::from("gone\x07.txt"));
        assert_eq!(e.to_string(), "no such file or folder: gone␇.txt");
    }
}
