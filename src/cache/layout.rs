//! The cache file's layout: a header, a table of sections, then the sections, each aligned to
//! eight bytes so that arrays of `u32`, `u64` and postings can be read where they lie.
//!
//! ```text
//! Header (64 bytes)   magic "FOLIOIDX", format version, section count, when the stamps were
//!                     taken, the file's length, article and file counts, CRC-32 of the table
//!                     and of the header
//! Table               one Entry (32 bytes) per section: kind, offset, length, CRC-32
//! Sections            strings, articles, paragraphs, files, then the index's arrays
//! ```
//!
//! Nothing in the file is trusted before the header, the table and every section's checksum
//! have been checked; after that every read is still bounds-checked, so a file that lies
//! cannot make folio crash.

use bytemuck::{Pod, Zeroable};

/// The first eight bytes of every cache file.
pub(crate) const MAGIC: [u8; 8] = *b"FOLIOIDX";
/// The layout's version: a file of another version is set aside and rebuilt.
pub(crate) const VERSION: u32 = 3;

/// The start of the file.
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
pub(crate) struct Header {
    pub magic: [u8; 8],
    pub version: u32,
    pub sections: u32,
    /// Seconds since the epoch when the files were stamped (see `Stamp::in_doubt`).
    pub built_s: i64,
    /// The whole file's length: a shorter file was cut off.
    pub file_len: u64,
    pub articles: u64,
    pub files: u64,
    pub table_crc: u64,
    /// CRC-32 of the bytes above.
    pub header_crc: u64,
}

pub(crate) const HEADER_BYTES: usize = std::mem::size_of::<Header>();

/// Where one section is.
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
pub(crate) struct Entry {
    pub kind: u32,
    pub _pad: u32,
    pub offset: u64,
    pub len: u64,
    pub crc: u64,
}

/// A string in the strings section; `present` is 0 for a missing optional value.
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable, Default)]
pub(crate) struct Text {
    pub off: u64,
    pub len: u32,
    pub present: u32,
}

/// One article's header: everything but its paragraphs, which are `para_count` entries of the
/// paragraphs section from `para_first`.
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
pub(crate) struct ArticleEntry {
    pub title: Text,
    pub date: Text,
    pub source: Text,
    pub record: Text,
    pub url: Text,
    /// The links, in the bodies' section, one after another, each ended by a line feed
    /// (addresses hold none).
    pub links: Text,
    pub hash: u64,
    pub para_first: u64,
    pub para_count: u32,
    /// The file it came from: an index into the files section.
    pub file: u32,
    /// How many paragraph kinds the article lists (the rest are text).
    pub kinds: u32,
    pub _pad: u32,
}

/// One paragraph: its text (in the bodies' section) and its kind (see `Block`).
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
pub(crate) struct Para {
    pub off: u64,
    pub len: u32,
    pub kind: u8,
    pub depth: u8,
    pub _pad: [u8; 2],
}

/// One file of the corpus as it was read: its name under its root, its stamp, and its articles
/// (`count` of them from article `first`).
#[repr(C)]
#[derive(Debug, Clone, Copy, Pod, Zeroable)]
pub(crate) struct FileEntry {
    pub size: u64,
    pub mtime_s: i64,
    pub ino: u64,
    pub dev: u64,
    pub name_off: u64,
    pub name_len: u32,
    pub mtime_ns: u32,
    pub crc: u32,
    /// Which of the corpus's roots (in the key's order) it was found under.
    pub root: u32,
    pub first: u32,
    pub count: u32,
    /// [`FILE_KEPT`] when its articles can be taken from the cache; files that had a part
    /// skipped are read again each time, so that the reasons are told again.
    pub flags: u32,
    pub _pad: u32,
}

/// A file whose articles the cache holds for reuse.
pub(crate) const FILE_KEPT: u32 = 1;

/// The kinds of section, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Kind {
    /// The headers' strings (titles, dates, sources, records, addresses) and the files' names.
    Strings = 1,
    Articles,
    Paras,
    Files,
    /// The corpus's canonical roots, as JSON: a second check that the file is this corpus's.
    Roots,
    VocabText,
    VocabBounds,
    VocabLower,
    VocabLowerBounds,
    VocabMasks,
    PostingsAt,
    Postings,
    TitleAt,
    Title,
    Tokens,
    Starts,
    DateKeys,
    DateOf,
    SourceOf,
    /// The distinct dates and sources, as JSON lists.
    Dates,
    Sources,
    /// The bodies' texts: paragraphs and links. Checked the first time a body is read.
    Bodies,
}

/// Every kind, in order; a file holds each exactly once.
pub(crate) const KINDS: [Kind; 22] = [
    Kind::Strings,
    Kind::Articles,
    Kind::Paras,
    Kind::Files,
    Kind::Roots,
    Kind::VocabText,
    Kind::VocabBounds,
    Kind::VocabLower,
    Kind::VocabLowerBounds,
    Kind::VocabMasks,
    Kind::PostingsAt,
    Kind::Postings,
    Kind::TitleAt,
    Kind::Title,
    Kind::Tokens,
    Kind::Starts,
    Kind::DateKeys,
    Kind::DateOf,
    Kind::SourceOf,
    Kind::Dates,
    Kind::Sources,
    Kind::Bodies,
];

/// Where the sections start: after the header and the table, aligned.
pub(crate) fn first_section() -> u64 {
    align((HEADER_BYTES + KINDS.len() * std::mem::size_of::<Entry>()) as u64)
}

/// `n` rounded up to a multiple of eight.
pub(crate) fn align(n: u64) -> u64 {
    n.div_ceil(8) * 8
}

/// The CRC-32 of the header's bytes before `header_crc`.
pub(crate) fn header_crc(h: &Header) -> u64 {
    let bytes = bytemuck::bytes_of(h);
    u64::from(crc32fast::hash(&bytes[..HEADER_BYTES - 8]))
}
