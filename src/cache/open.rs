//! Opening a cache file: mapped into memory, then checked (magic, version, length, the header's
//! and the table's checksums, every section's checksum on both cores, the sections' sizes
//! against each other) before anything in it is used. What fails a check is [`Damage`].

use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::layout::{
    ArticleEntry, Entry, FileEntry, HEADER_BYTES, Header, KINDS, Kind, MAGIC, Para, Text, VERSION,
    header_crc,
};
use super::write::block_of;
use crate::corpus::{Article, Bodies, Body, Stored};
use crate::search::column::{Column, Lists, Window};
use crate::search::{Index, Interned, Vocab};

/// Why a cache file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Damage(pub String);

fn damage(what: &str) -> Damage {
    Damage(what.to_string())
}

/// A cache file, mapped and checked.
pub struct Opened {
    map: Arc<memmap2::Mmap>,
    /// Where it was found.
    path: std::path::PathBuf,
    header: Header,
    /// Byte ranges of the sections, by kind (in the order of [`KINDS`]).
    sections: Vec<Range<usize>>,
    /// The checksums of the sections checked only when first needed: the bodies.
    later: Vec<(Kind, u64)>,
    /// Whether those passed, once checked.
    bodies_sound: OnceLock<bool>,
}

/// Sections whose checksum is checked the first time an article's body is read, not when the
/// file is opened: the texts a search that opens no article never needs.
const CHECKED_LATER: [Kind; 2] = [Kind::Bodies, Kind::Paras];

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Opened({} articles)", self.header.articles)
    }
}

/// Maps `file` read-only.
#[allow(unsafe_code)]
fn map(file: &File) -> io::Result<memmap2::Mmap> {
    // SAFETY: the mapping is read-only and cache files are only ever replaced by renaming a
    // new file over them, never written in place, so the mapped bytes do not change under
    // folio. A file truncated in place by another program would fault on access: the price
    // every program that maps files pays (ripgrep, git) for reading without copying.
    unsafe { memmap2::Mmap::map(file) }
}

impl Opened {
    /// Opens the cache file at `path`: `Ok(None)` when there is none, `Err` when it is damaged
    /// or of another version.
    pub fn open(path: &Path) -> Result<Option<Opened>, Damage> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Damage(format!("cannot open it: {e}"))),
        };
        let map = map(&file).map_err(|e| Damage(format!("cannot map it: {e}")))?;
        Opened::check(Arc::new(map), path).map(Some)
    }

    /// Renames the file to `*.bad` (it was found damaged after it was opened), if it is still
    /// the one in `cache`'s folder.
    pub fn set_aside_in(&self, cache: &super::Cache) {
        if self.path.parent() == Some(cache.dir.as_path()) {
            let mut bad = self.path.as_os_str().to_owned();
            bad.push(".bad");
            let _ = std::fs::rename(&self.path, bad);
        }
    }

    fn check(map: Arc<memmap2::Mmap>, path: &Path) -> Result<Opened, Damage> {
        let head = map.get(..HEADER_BYTES).ok_or_else(|| damage("cut short"))?;
        let header: Header = bytemuck::pod_read_unaligned(head);
        if header.magic != MAGIC {
            return Err(damage("not a cache file"));
        }
        if header_crc(&header) != header.header_crc {
            return Err(damage("its header is damaged"));
        }
        if header.version != VERSION {
            return Err(Damage(format!(
                "written by another version of folio (format {}, this one reads {VERSION})",
                header.version
            )));
        }
        if header.file_len != map.len() as u64 {
            return Err(damage("cut short or overwritten"));
        }
        let table_len = KINDS.len() * std::mem::size_of::<Entry>();
        let table = map
            .get(HEADER_BYTES..HEADER_BYTES + table_len)
            .ok_or_else(|| damage("cut short"))?;
        if u64::from(crc32fast::hash(table)) != header.table_crc
            || header.sections as usize != KINDS.len()
        {
            return Err(damage("its table of sections is damaged"));
        }
        let entries: Vec<Entry> = table
            .chunks_exact(std::mem::size_of::<Entry>())
            .map(bytemuck::pod_read_unaligned)
            .collect();
        let mut sections = Vec::with_capacity(KINDS.len());
        for (entry, kind) in entries.iter().zip(KINDS) {
            let start = usize::try_from(entry.offset).map_err(|_| damage("too large"))?;
            let len = usize::try_from(entry.len).map_err(|_| damage("too large"))?;
            let end = start.checked_add(len).ok_or_else(|| damage("damaged"))?;
            if entry.kind != kind as u32 || start % 8 != 0 || end > map.len() {
                return Err(damage("its table of sections is damaged"));
            }
            sections.push(start..end);
        }
        // Nothing but zeros between and after the sections (the padding that aligns them).
        let mut ordered = sections.clone();
        ordered.sort_by_key(|r| r.start);
        let mut at = HEADER_BYTES + table_len;
        for r in ordered
            .iter()
            .chain(std::iter::once(&(map.len()..map.len())))
        {
            let gap = map
                .get(at..r.start)
                .ok_or_else(|| damage("its sections overlap"))?;
            if gap.iter().any(|&b| b != 0) {
                return Err(damage("its padding is damaged"));
            }
            at = at.max(r.end);
        }
        // Every other section's checksum, in blocks on both cores.
        let bad = entries
            .par_iter()
            .zip(&sections)
            .zip(KINDS)
            .filter(|(_, kind)| !CHECKED_LATER.contains(kind))
            .any(|((entry, range), _)| section_crc(&map[range.clone()]) != entry.crc);
        if bad {
            return Err(damage("its contents are damaged (checksum)"));
        }
        let later = entries
            .iter()
            .zip(KINDS)
            .filter(|(_, kind)| CHECKED_LATER.contains(kind))
            .map(|(e, kind)| (kind, e.crc))
            .collect();
        let opened = Opened {
            map,
            path: path.to_path_buf(),
            header,
            sections,
            later,
            bodies_sound: OnceLock::new(),
        };
        opened.check_sizes()?;
        opened.check_values()?;
        Ok(opened)
    }

    /// The values searching uses as indexes are in range: every posting names an article of
    /// the file, every word id a word of the vocabulary (checksums only say the bytes are those
    /// written; this says they can be used).
    fn check_values(&self) -> Result<(), Damage> {
        let n = self.articles() as u32;
        let words = (self.range(Kind::VocabMasks).len() / 4) as u32;
        let postings_ok = |kind: Kind| {
            bytemuck::try_cast_slice::<u8, u32>(self.bytes(kind)).is_ok_and(|v| {
                // (article, count) pairs: every other value is an article.
                v.par_chunks(1 << 16)
                    .all(|c| c.iter().step_by(2).all(|&a| a < n))
            })
        };
        let tokens_ok =
            bytemuck::try_cast_slice::<u8, u32>(self.bytes(Kind::Tokens)).is_ok_and(|v| {
                v.par_chunks(1 << 16)
                    .all(|c| c.iter().all(|&t| t < words || t == u32::MAX))
            });
        let keys_ok = |kind: Kind, limit: usize| {
            bytemuck::try_cast_slice::<u8, u32>(self.bytes(kind))
                .is_ok_and(|v| v.iter().all(|&i| i == u32::MAX || (i as usize) < limit))
        };
        let dates = self.json(Kind::Dates).map_or(0, |d| d.len());
        let sources = self.json(Kind::Sources).map_or(0, |d| d.len());
        if postings_ok(Kind::Postings)
            && postings_ok(Kind::Title)
            && tokens_ok
            && keys_ok(Kind::DateOf, dates)
            && keys_ok(Kind::SourceOf, sources)
        {
            Ok(())
        } else {
            Err(damage(
                "its index refers to articles or words it does not hold",
            ))
        }
    }

    /// The sections' sizes agree with the header and with each other.
    fn check_sizes(&self) -> Result<(), Damage> {
        let n = self.articles();
        let count = |k: Kind, size: usize| {
            let r = self.range(k);
            r.len().is_multiple_of(size).then_some(r.len() / size)
        };
        let words = count(Kind::VocabMasks, 4);
        let ok = count(Kind::Articles, std::mem::size_of::<ArticleEntry>()) == Some(n)
            && count(Kind::Files, std::mem::size_of::<FileEntry>())
                == Some(self.header.files as usize)
            && count(Kind::Paras, std::mem::size_of::<Para>()).is_some()
            && count(Kind::Starts, 8) == Some(n + 1)
            && count(Kind::DateKeys, 4) == Some(n)
            && count(Kind::DateOf, 4) == Some(n)
            && count(Kind::SourceOf, 4) == Some(n)
            && words.is_some()
            && count(Kind::VocabBounds, 4) == words.map(|w| w + 1)
            && count(Kind::VocabLowerBounds, 4) == words.map(|w| w + 1)
            && count(Kind::PostingsAt, 8) == words.map(|w| w + 1)
            && count(Kind::TitleAt, 8) == words.map(|w| w + 1)
            && count(Kind::Postings, 8).is_some()
            && count(Kind::Title, 8).is_some()
            && count(Kind::Tokens, 4).is_some();
        if ok {
            Ok(())
        } else {
            Err(damage("its sections do not fit together"))
        }
    }

    fn range(&self, kind: Kind) -> Range<usize> {
        let at = KINDS.iter().position(|&k| k == kind).unwrap_or(0);
        self.sections.get(at).cloned().unwrap_or(0..0)
    }

    fn bytes(&self, kind: Kind) -> &[u8] {
        self.map.get(self.range(kind)).unwrap_or(&[])
    }

    fn column<T: bytemuck::Pod>(&self, kind: Kind) -> Result<Column<T>, Damage> {
        Column::mapped(Window {
            map: Arc::clone(&self.map),
            bytes: self.range(kind),
        })
        .ok_or_else(|| damage("a section is misaligned"))
    }

    fn json(&self, kind: Kind) -> Result<Vec<String>, Damage> {
        serde_json::from_slice(self.bytes(kind)).map_err(|_| damage("a list in it is damaged"))
    }

    /// Whether the articles' bodies (paragraphs and links) pass their checksums: checked the
    /// first time it is asked, on both cores. A body is never given from sections that fail.
    pub fn bodies_sound(&self) -> bool {
        *self.bodies_sound.get_or_init(|| {
            self.later
                .par_iter()
                .all(|&(kind, crc)| section_crc(self.bytes(kind)) == crc)
        })
    }

    /// How many articles it holds.
    pub fn articles(&self) -> usize {
        self.header.articles as usize
    }

    /// When the files it describes were stamped, in seconds since the epoch.
    pub fn built_s(&self) -> i64 {
        self.header.built_s
    }

    /// The corpus's canonical roots it was written for.
    pub fn roots(&self) -> Vec<String> {
        self.json(Kind::Roots).unwrap_or_default()
    }

    /// Its size in bytes.
    pub fn len(&self) -> u64 {
        self.map.len() as u64
    }

    /// Whether it is empty (never, for a file that passed the checks).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The files of the corpus as they were read.
    pub(crate) fn files(&self) -> Vec<FileEntry> {
        self.bytes(Kind::Files)
            .chunks_exact(std::mem::size_of::<FileEntry>())
            .map(bytemuck::pod_read_unaligned)
            .collect()
    }

    /// A string of the headers' strings section.
    fn text(&self, t: &Text) -> Option<&str> {
        self.text_in(Kind::Strings, t)
    }

    /// A string of section `kind`.
    fn text_in(&self, kind: Kind, t: &Text) -> Option<&str> {
        if t.present == 0 {
            return None;
        }
        let start = usize::try_from(t.off).ok()?;
        let bytes = self.bytes(kind).get(start..start + t.len as usize)?;
        std::str::from_utf8(bytes).ok()
    }

    /// The name of file `f` under its root, as bytes.
    pub(crate) fn file_name(&self, f: &FileEntry) -> &[u8] {
        let Ok(start) = usize::try_from(f.name_off) else {
            return &[];
        };
        self.bytes(Kind::Strings)
            .get(start..start + f.name_len as usize)
            .unwrap_or(&[])
    }

    fn entry(&self, id: u32) -> Option<ArticleEntry> {
        let size = std::mem::size_of::<ArticleEntry>();
        let start = id as usize * size;
        let bytes = self.bytes(Kind::Articles).get(start..start + size)?;
        Some(bytemuck::pod_read_unaligned(bytes))
    }

    /// Article `id` without its paragraphs, shown as coming from `path`; they stay in the
    /// file until it is opened (see [`Article::full`]).
    pub fn header(self: &Arc<Opened>, id: u32, path: &str) -> Option<Article> {
        let e = self.entry(id)?;
        let bodies: Arc<dyn Bodies> = Arc::clone(self) as Arc<dyn Bodies>;
        Some(Article {
            title: self.text(&e.title).unwrap_or("").to_string(),
            date: self.text(&e.date).map(str::to_string),
            source: self.text(&e.source).map(str::to_string),
            paragraphs: Vec::new(),
            kinds: Vec::new(),
            path: path.to_string(),
            record: self.text(&e.record).unwrap_or("").to_string(),
            url: self.text(&e.url).map(str::to_string),
            links: Vec::new(),
            hash: e.hash,
            stored: Some(Stored { bodies, id }),
        })
    }

    /// The index it holds, its arrays read where they lie.
    pub fn index(&self) -> Result<Index, Damage> {
        let vocab = Vocab::from_columns(
            self.column(Kind::VocabText)?,
            self.column(Kind::VocabBounds)?,
            self.column(Kind::VocabLower)?,
            self.column(Kind::VocabLowerBounds)?,
            self.column(Kind::VocabMasks)?,
        );
        Ok(Index {
            vocab,
            postings: Lists::Flat {
                offsets: self.column(Kind::PostingsAt)?,
                data: self.column(Kind::Postings)?,
            },
            title_postings: Lists::Flat {
                offsets: self.column(Kind::TitleAt)?,
                data: self.column(Kind::Title)?,
            },
            tokens: self.column(Kind::Tokens)?,
            starts: self.column(Kind::Starts)?,
            date_keys: self.column(Kind::DateKeys)?,
            date_of: self.column(Kind::DateOf)?,
            dates: Interned::of(self.json(Kind::Dates)?),
            source_of: self.column(Kind::SourceOf)?,
            sources: Interned::of(self.json(Kind::Sources)?),
            initials: Default::default(),
            path_order: Default::default(),
            pairs: Default::default(),
        })
    }
}

impl Bodies for Opened {
    fn body(&self, id: u32) -> Option<Body> {
        if !self.bodies_sound() {
            return None;
        }
        let e = self.entry(id)?;
        let size = std::mem::size_of::<Para>();
        let first = usize::try_from(e.para_first).ok()?;
        let bytes = self
            .bytes(Kind::Paras)
            .get(first * size..(first + e.para_count as usize) * size)?;
        let mut paragraphs = Vec::with_capacity(e.para_count as usize);
        let mut kinds = Vec::with_capacity(e.para_count as usize);
        for chunk in bytes.chunks_exact(size) {
            let p: Para = bytemuck::pod_read_unaligned(chunk);
            let text = Text {
                off: p.off,
                len: p.len,
                present: 1,
            };
            paragraphs.push(self.text_in(Kind::Bodies, &text)?.to_string());
            kinds.push(block_of(p.kind, p.depth));
        }
        // Only as many kinds as the article listed: the rest are implied.
        kinds.truncate(e.kinds as usize);
        let links = self
            .text_in(Kind::Bodies, &e.links)
            .unwrap_or("")
            .lines()
            .map(str::to_string)
            .collect();
        Some(Body {
            paragraphs,
            kinds,
            links,
        })
    }
}

/// The CRC-32 of `bytes`, computed in blocks on every core and combined.
pub(crate) fn section_crc(bytes: &[u8]) -> u64 {
    const BLOCK: usize = 8 << 20;
    if bytes.len() <= BLOCK {
        return u64::from(crc32fast::hash(bytes));
    }
    let parts: Vec<crc32fast::Hasher> = bytes
        .par_chunks(BLOCK)
        .map(|b| {
            let mut h = crc32fast::Hasher::new();
            h.update(b);
            h
        })
        .collect();
    let mut whole = crc32fast::Hasher::new();
    for p in &parts {
        whole.combine(p);
    }
    u64::from(whole.finalize())
}
