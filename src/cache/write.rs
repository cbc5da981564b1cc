//! Writing a cache file: every section streamed once through a checksum into a temporary file
//! beside the final one, the header written last, the data flushed to disk, then one rename.
//! A reader sees the old file or the new one, whole; a writer killed half-way leaves only a
//! temporary file, which the next writer removes.

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;

use super::layout::{
    ArticleEntry, Entry, FILE_KEPT, FileEntry, HEADER_BYTES, Header, KINDS, Kind, MAGIC, Para,
    Text, VERSION, align, first_section, header_crc,
};
use super::{FileRecord, Manifest};
use crate::corpus::{Article, Block};
use crate::search::Index;

/// A file being written: where it is, and the sections so far.
struct Out {
    w: BufWriter<File>,
    pos: u64,
    entries: Vec<Entry>,
    crc: crc32fast::Hasher,
    start: u64,
}

impl Out {
    fn begin(&mut self) {
        self.crc = crc32fast::Hasher::new();
        self.start = self.pos;
    }

    fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.w.write_all(b)?;
        self.crc.update(b);
        self.pos += b.len() as u64;
        Ok(())
    }

    fn end(&mut self, kind: Kind) -> io::Result<()> {
        let crc = std::mem::take(&mut self.crc).finalize();
        self.entries.push(Entry {
            kind: kind as u32,
            _pad: 0,
            offset: self.start,
            len: self.pos - self.start,
            crc: u64::from(crc),
        });
        let pad = (align(self.pos) - self.pos) as usize;
        self.w.write_all(&[0u8; 8][..pad])?;
        self.pos += pad as u64;
        Ok(())
    }

    fn section(&mut self, kind: Kind, b: &[u8]) -> io::Result<()> {
        self.begin();
        self.bytes(b)?;
        self.end(kind)
    }
}

/// Writes the cache of `articles` and `index` for the corpus
/// `manifest` describes, to `path`, through a temporary file beside it.
pub(crate) fn write(
    path: &Path,
    manifest: &Manifest,
    index: &Index,
    articles: &[Arc<Article>],
) -> io::Result<u64> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_to(&tmp, manifest, index, articles).and_then(|len| {
        fs::rename(&tmp, path)?;
        Ok(len)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_to(
    tmp: &Path,
    manifest: &Manifest,
    index: &Index,
    articles: &[Arc<Article>],
) -> io::Result<u64> {
    let file = super::private_file(tmp)?;
    let mut out = Out {
        w: BufWriter::with_capacity(1 << 20, file),
        pos: 0,
        entries: Vec::new(),
        crc: crc32fast::Hasher::new(),
        start: 0,
    };
    let first = first_section();
    out.w.write_all(&vec![0u8; first as usize])?;
    out.pos = first;

    // The texts of the articles' bodies first (paragraphs, links), then the strings of their
    // headers and of the files: a search that opens no article never reads the first.
    out.begin();
    let mut at = 0u64;
    let text = |out: &mut Out, at: &mut u64, s: Option<&[u8]>| -> io::Result<Text> {
        let Some(s) = s else {
            return Ok(Text::default());
        };
        let t = Text {
            off: *at,
            len: u32::try_from(s.len()).unwrap_or(u32::MAX),
            present: 1,
        };
        out.bytes(&s[..t.len as usize])?;
        *at += u64::from(t.len);
        Ok(t)
    };
    let mut paras = Vec::new();
    let mut bodies = Vec::with_capacity(articles.len());
    for a in articles {
        // An article taken from an older cache file gets its paragraphs from it.
        let a = a.full();
        let joined: String = a.links.iter().flat_map(|l| [l.as_str(), "\n"]).collect();
        let links = text(&mut out, &mut at, Some(joined.as_bytes()))?;
        let para_first = paras.len() as u64;
        for (i, p) in a.paragraphs.iter().enumerate() {
            let t = text(&mut out, &mut at, Some(p.as_bytes()))?;
            let (kind, depth) = block_code(a.kind(i));
            paras.push(Para {
                off: t.off,
                len: t.len,
                kind,
                depth,
                _pad: [0; 2],
            });
        }
        let kinds = a.kinds.len().min(a.paragraphs.len()) as u32;
        bodies.push((links, para_first, a.paragraphs.len() as u32, kinds));
    }
    out.end(Kind::Bodies)?;
    out.section(Kind::Paras, bytemuck::cast_slice(&paras))?;
    drop(paras);

    out.begin();
    let mut at = 0u64;
    let mut entries = Vec::with_capacity(articles.len());
    let mut file_of = files_of(&manifest.files);
    for (a, (links, para_first, para_count, kinds)) in articles.iter().zip(bodies) {
        let title = text(&mut out, &mut at, Some(a.title.as_bytes()))?;
        let date = text(&mut out, &mut at, a.date.as_deref().map(str::as_bytes))?;
        let source = text(&mut out, &mut at, a.source.as_deref().map(str::as_bytes))?;
        let record = text(&mut out, &mut at, Some(a.record.as_bytes()))?;
        let url = text(&mut out, &mut at, a.url.as_deref().map(str::as_bytes))?;
        entries.push(ArticleEntry {
            title,
            date,
            source,
            record,
            url,
            links,
            hash: a.hash,
            para_first,
            para_count,
            file: file_of.next().unwrap_or(u32::MAX),
            kinds,
            _pad: 0,
        });
    }
    let mut files = Vec::with_capacity(manifest.files.len());
    let mut first_article = 0u32;
    for f in &manifest.files {
        let name = text(&mut out, &mut at, Some(&f.rel))?;
        let s = f.stamp.unwrap_or_default();
        files.push(FileEntry {
            size: s.size,
            mtime_s: s.mtime_s,
            ino: s.ino,
            dev: s.dev,
            name_off: name.off,
            name_len: name.len,
            mtime_ns: s.mtime_ns,
            crc: s.crc,
            root: f.root,
            first: first_article,
            count: f.articles,
            flags: if f.stamp.is_some() && f.kept {
                FILE_KEPT
            } else {
                0
            },
            _pad: 0,
        });
        first_article = first_article.saturating_add(f.articles);
    }
    out.end(Kind::Strings)?;
    out.section(Kind::Articles, bytemuck::cast_slice(&entries))?;
    drop(entries);
    out.section(Kind::Files, bytemuck::cast_slice(&files))?;
    let roots = manifest.key.identity();
    out.section(Kind::Roots, &serde_json::to_vec(&roots)?)?;

    let v = &index.vocab;
    out.section(Kind::VocabText, &v.text)?;
    out.section(Kind::VocabBounds, bytemuck::cast_slice(&v.bounds))?;
    out.section(Kind::VocabLower, &v.lower)?;
    out.section(
        Kind::VocabLowerBounds,
        bytemuck::cast_slice(&v.lower_bounds),
    )?;
    out.section(Kind::VocabMasks, bytemuck::cast_slice(&v.masks))?;
    for (at, data, lists) in [
        (Kind::PostingsAt, Kind::Postings, &index.postings),
        (Kind::TitleAt, Kind::Title, &index.title_postings),
    ] {
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        out.begin();
        let mut n = 0u64;
        offsets.push(0u64);
        for w in 0..lists.len() {
            let list = lists.get(w);
            out.bytes(bytemuck::cast_slice(list))?;
            n += list.len() as u64;
            offsets.push(n);
        }
        out.end(data)?;
        out.section(at, bytemuck::cast_slice(&offsets))?;
    }
    out.section(Kind::Tokens, bytemuck::cast_slice(&index.tokens))?;
    out.section(Kind::Starts, bytemuck::cast_slice(&index.starts))?;
    out.section(Kind::DateKeys, bytemuck::cast_slice(&index.date_keys))?;
    out.section(Kind::DateOf, bytemuck::cast_slice(&index.date_of))?;
    out.section(Kind::SourceOf, bytemuck::cast_slice(&index.source_of))?;
    out.section(Kind::Dates, &serde_json::to_vec(&index.dates.names)?)?;
    out.section(Kind::Sources, &serde_json::to_vec(&index.sources.names)?)?;

    // The table in the order of KINDS, then the header over it.
    let mut table = Vec::with_capacity(KINDS.len());
    for kind in KINDS {
        let entry = out.entries.iter().find(|e| e.kind == kind as u32);
        table.push(
            entry
                .copied()
                .ok_or_else(|| io::Error::other("a section is missing"))?,
        );
    }
    let table_bytes: &[u8] = bytemuck::cast_slice(&table);
    let mut header = Header {
        magic: MAGIC,
        version: VERSION,
        sections: KINDS.len() as u32,
        built_s: manifest.built_s,
        file_len: out.pos,
        articles: articles.len() as u64,
        files: manifest.files.len() as u64,
        table_crc: u64::from(crc32fast::hash(table_bytes)),
        header_crc: 0,
    };
    header.header_crc = header_crc(&header);
    let len = out.pos;
    let mut file = out.w.into_inner().map_err(|e| e.into_error())?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytemuck::bytes_of(&header))?;
    file.seek(SeekFrom::Start(HEADER_BYTES as u64))?;
    file.write_all(table_bytes)?;
    file.sync_all()?;
    Ok(len)
}

/// For each article in order, the number of the file it came from.
fn files_of(files: &[FileRecord]) -> impl Iterator<Item = u32> + '_ {
    files
        .iter()
        .enumerate()
        .flat_map(|(i, f)| std::iter::repeat_n(i as u32, f.articles as usize))
}

/// A block's kind as stored: a code and a depth.
pub(crate) fn block_code(block: Block) -> (u8, u8) {
    match block {
        Block::Text => (0, 0),
        Block::Quote { depth } => (1, depth),
        Block::Preformatted => (2, 0),
        Block::Signature => (3, 0),
    }
}

/// The block a stored code stands for; an unknown code is text.
pub(crate) fn block_of(kind: u8, depth: u8) -> Block {
    match kind {
        1 => Block::Quote { depth },
        2 => Block::Preformatted,
        3 => Block::Signature,
        _ => Block::Text,
    }
}
