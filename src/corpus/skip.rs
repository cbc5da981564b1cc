//! Why a file (or one record of it) is not an article: one typed reason for every case, with
//! a one-line `Display` for people and a stable machine name for scripts.

use std::cmp::Ordering;
use std::fs;
use std::io;
use std::path::Path;

use super::load::display_path;
use crate::text::sanitize;

/// Why a file or a record is not an article. `Display` gives a one-line, lower-case reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub enum SkipReason {
    /// Zero bytes long.
    #[error("empty file")]
    Empty,
    /// Nothing but spaces, line breaks and invisible characters.
    #[error("only whitespace")]
    Blank,
    /// An image, archive, executable or other non-text file; the payload names what was seen.
    #[error("binary file ({0})")]
    Binary(&'static str),
    /// Text, but nothing left of it once cleaned: no title and no paragraph.
    #[error("no text")]
    NoText,
    /// A folder where a file was expected.
    #[error("is a folder")]
    Folder,
    /// A named pipe (FIFO): reading it could block for ever.
    #[error("named pipe")]
    NamedPipe,
    /// A Unix socket.
    #[error("socket")]
    Socket,
    /// A block or character device.
    #[error("device")]
    Device,
    /// Any other kind of file that is not a regular file.
    #[error("not a regular file")]
    NotRegular,
    /// Larger than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES); the payload is the size in bytes.
    #[error("too large ({}, limit 64 MiB)", human_size(*.0))]
    TooLarge(u64),
    /// A file of many records larger than [`MAX_DATASET_BYTES`](super::MAX_DATASET_BYTES);
    /// the payload is the size in bytes.
    #[error("too large ({}, limit 1.0 GiB)", human_size(*.0))]
    DatasetTooLarge(u64),
    /// The file or a folder on its way may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// Gone between being found and being read.
    #[error("not found")]
    NotFound,
    /// A symbolic link to nothing.
    #[error("dangling link")]
    DanglingLink,
    /// A symbolic link that leads back to itself, or to a folder above it.
    #[error("symbolic link loop")]
    LinkLoop,
    /// A symbolic link that cannot be followed for another reason, given inside.
    #[error("broken link ({0})")]
    BrokenLink(Box<SkipReason>),
    /// Any other I/O error: its message, sanitised, lower case for system errors.
    #[error("{0}")]
    Io(String),
    /// A record its format cannot read: the format's name, and what is wrong (sanitised).
    #[error("invalid {0} ({1})")]
    Invalid(&'static str, String),
    /// A dataset record with no field holding text; the payload lists the fields it has.
    #[error("no text field (fields: {0})")]
    NoTextField(String),
    /// One record larger than [`MAX_RECORD_BYTES`](super::MAX_RECORD_BYTES); its size in bytes.
    #[error("record too large ({}, limit {})", human_size(*.0), human_size(super::MAX_RECORD_BYTES as u64))]
    RecordTooLarge(u64),
    /// A compressed file that expands past its limit (a decompression bomb); the limit in bytes.
    #[error("decompressed size over its limit of {}", human_size(*.0))]
    Expands(u64),
    /// A compressed stream that ends too soon, or is damaged; what came before it was read.
    #[error("truncated or damaged {0} stream (what came before it was read)")]
    Truncated(&'static str),
}

impl SkipReason {
    /// A stable name for scripts (`--json`): lower case with underscores, never changed once
    /// given out.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Empty => "empty_file",
            Self::Blank => "only_whitespace",
            Self::Binary(_) => "binary",
            Self::NoText => "no_text",
            Self::Folder => "folder",
            Self::NamedPipe => "named_pipe",
            Self::Socket => "socket",
            Self::Device => "device",
            Self::NotRegular => "not_regular_file",
            Self::TooLarge(_) => "too_large",
            Self::DatasetTooLarge(_) => "dataset_too_large",
            Self::PermissionDenied => "permission_denied",
            Self::NotFound => "not_found",
            Self::DanglingLink => "dangling_link",
            Self::LinkLoop => "link_loop",
            Self::BrokenLink(_) => "broken_link",
            Self::Io(_) => "io_error",
            Self::Invalid(..) => "invalid_record",
            Self::NoTextField(_) => "no_text_field",
            Self::RecordTooLarge(_) => "record_too_large",
            Self::Expands(_) => "decompressed_too_large",
            Self::Truncated(_) => "truncated_stream",
        }
    }

    /// The reason for an I/O error.
    pub fn from_io(e: &io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            io::ErrorKind::NotFound => Self::NotFound,
            io::ErrorKind::IsADirectory => Self::Folder,
            _ => {
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text);
                Self::Io(sanitize(&text.to_lowercase()))
            }
        }
    }

    /// Any other problem, by its message (sanitised, as it is).
    pub fn other(message: &str) -> Self {
        Self::Io(sanitize(message))
    }

    /// What a file that is not a regular file is; `None` for a regular file.
    pub fn file_type(kind: &fs::FileType) -> Option<Self> {
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(Self::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Self::NamedPipe);
            }
            if kind.is_socket() {
                return Some(Self::Socket);
            }
            if kind.is_block_device() || kind.is_char_device() {
                return Some(Self::Device);
            }
        }
        Some(Self::NotRegular)
    }
}

/// `12 B`, `65.0 MiB`, `4.0 GiB`.
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

/// A file, or one record of a file, that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path, sanitised for display.
    pub path: String,
    /// Which record of the file, for a file of many records; empty when the whole file is meant.
    pub record: String,
    /// Why; shown with `Display`, named for scripts by [`SkipReason::name`].
    pub reason: SkipReason,
    /// Whether `record` is the line the record starts on (JSON Lines, CSV), shown as
    /// `path:line` as grep and compilers write it; otherwise a position (`path#3`).
    pub line: bool,
}

impl Skipped {
    /// The whole file at `path`, skipped.
    pub(crate) fn new(path: &Path, reason: SkipReason) -> Self {
        Self {
            path: display_path(path),
            record: String::new(),
            reason,
            line: false,
        }
    }

    /// Where: the path, with `:line` or `#record` after it for one record of a file.
    pub fn place(&self) -> String {
        if self.record.is_empty() {
            self.path.clone()
        } else if self.line {
            format!("{}:{}", self.path, self.record)
        } else {
            format!("{}#{}", self.path, self.record)
        }
    }
}

/// By path, then record (by number when both are numbers: line 9 before line 10), then reason
/// as shown.
impl Ord for Skipped {
    fn cmp(&self, other: &Self) -> Ordering {
        let records = match (self.record.parse::<u64>(), other.record.parse::<u64>()) {
            (Ok(a), Ok(b)) => a.cmp(&b),
            _ => self.record.cmp(&other.record),
        };
        self.path
            .cmp(&other.path)
            .then(records)
            .then_with(|| self.reason.to_string().cmp(&other.reason.to_string()))
    }
}

impl PartialOrd for Skipped {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every reason, with the text people see and the name scripts see.
    fn every_reason() -> Vec<(SkipReason, &'static str, &'static str)> {
        use SkipReason::*;
        vec![
            (Empty, "empty file", "empty_file"),
            (Blank, "only whitespace", "only_whitespace"),
            (Binary("PNG image"), "binary file (PNG image)", "binary"),
            (NoText, "no text", "no_text"),
            (Folder, "is a folder", "folder"),
            (NamedPipe, "named pipe", "named_pipe"),
            (Socket, "socket", "socket"),
            (Device, "device", "device"),
            (NotRegular, "not a regular file", "not_regular_file"),
            (
                TooLarge(4 * 1024 * 1024 * 1024),
                "too large (4.0 GiB, limit 64 MiB)",
                "too_large",
            ),
            (
                DatasetTooLarge(2 * 1024 * 1024 * 1024),
                "too large (2.0 GiB, limit 1.0 GiB)",
                "dataset_too_large",
            ),
            (PermissionDenied, "permission denied", "permission_denied"),
            (NotFound, "not found", "not_found"),
            (DanglingLink, "dangling link", "dangling_link"),
            (LinkLoop, "symbolic link loop", "link_loop"),
            (
                BrokenLink(Box::new(PermissionDenied)),
                "broken link (permission denied)",
                "broken_link",
            ),
            (
                Io("input/output error".into()),
                "input/output error",
                "io_error",
            ),
            (
                Invalid("JSON", "EOF while parsing a string at column 28".into()),
                "invalid JSON (EOF while parsing a string at column 28)",
                "invalid_record",
            ),
            (
                NoTextField("id, url".into()),
                "no text field (fields: id, url)",
                "no_text_field",
            ),
            (
                RecordTooLarge(20 * 1024 * 1024),
                "record too large (20.0 MiB, limit 16.0 MiB)",
                "record_too_large",
            ),
            (
                Expands(1024 * 1024 * 1024),
                "decompressed size over its limit of 1.0 GiB",
                "decompressed_too_large",
            ),
            (
                Truncated("gzip"),
                "truncated or damaged gzip stream (what came before it was read)",
                "truncated_stream",
            ),
        ]
    }

    #[test]
    fn reasons_read_as_before_and_have_distinct_names() {
        let reasons = every_reason();
        for (reason, text, name) in &reasons {
            assert_eq!(reason.to_string(), *text);
            assert_eq!(reason.name(), *name);
        }
        let mut names: Vec<&str> = reasons.iter().map(|r| r.2).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), reasons.len());
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(65 * 1024 * 1024 + 1), "65.0 MiB");
        assert_eq!(human_size(12), "12 B");
        assert_eq!(
            SkipReason::TooLarge(65 * 1024 * 1024).to_string(),
            "too large (65.0 MiB, limit 64 MiB)"
        );
        assert_eq!(
            super::super::MAX_FILE_BYTES,
            64 * 1024 * 1024,
            "the limit shown"
        );
    }

    #[test]
    fn io_errors_are_typed_where_they_can_be() {
        let kind = |k| SkipReason::from_io(&io::Error::from(k));
        assert_eq!(
            kind(io::ErrorKind::PermissionDenied),
            SkipReason::PermissionDenied
        );
        assert_eq!(kind(io::ErrorKind::NotFound), SkipReason::NotFound);
        assert_eq!(kind(io::ErrorKind::IsADirectory), SkipReason::Folder);
        let raw = SkipReason::from_io(&io::Error::from_raw_os_error(5));
        assert_eq!(raw, SkipReason::Io("input/output error".into()));
        let odd = SkipReason::from_io(&io::Error::other("Bad\x1b[31m Thing\n"));
        assert_eq!(odd.to_string(), "bad thing␊");
        assert_eq!(
            SkipReason::other("Walk\x07 Failed").to_string(),
            "Walk␇ Failed"
        );
    }

    #[test]
    fn regular_files_have_no_reason_and_folders_do() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f.txt");
        fs::write(&file, b"x").unwrap();
        let kind = |p: &Path| SkipReason::file_type(&fs::metadata(p).unwrap().file_type());
        assert_eq!(kind(&file), None);
        assert_eq!(kind(dir.path()), Some(SkipReason::Folder));
    }

    #[test]
    fn skips_sort_by_path_then_record_then_reason_as_shown() {
        let skip = |path: &str, record: &str, reason| Skipped {
            path: path.into(),
            record: record.into(),
            reason,
            line: true,
        };
        let mut skips = [
            skip("b", "", SkipReason::Empty),
            skip("a", "2", SkipReason::Empty),
            skip("a", "10", SkipReason::Empty),
            skip("a", "", SkipReason::NoText),
            skip("a", "", SkipReason::Blank),
        ];
        skips.sort();
        let places: Vec<(String, String)> = skips
            .iter()
            .map(|s| (s.place(), s.reason.to_string()))
            .collect();
        let want = [
            ("a", "no text"),
            ("a", "only whitespace"),
            ("a:2", "empty file"),
            ("a:10", "empty file"),
            ("b", "empty file"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(p, r)| ((*p).to_owned(), (*r).to_owned()))
            .collect();
        assert_eq!(places, want);
    }
}
