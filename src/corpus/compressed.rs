//! Compressed files (gzip, zstd, bzip2 and xz, known by their magic bytes) expanded before their format is
//! read, within a limit so that a decompression bomb is refused; a stream that ends too soon
//! keeps what came before and says so.

use std::io::Read;

use super::SkipReason;

/// The most a compressed file may expand to.
pub const MAX_EXPANDED_BYTES: u64 = 1024 * 1024 * 1024;
/// The most a compressed file may expand to, as a multiple of its size (but at least
/// [`MIN_LIMIT`]).
pub const MAX_RATIO: u64 = 200;
const MIN_LIMIT: u64 = 4 * 1024 * 1024;

/// A compression folio can undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Gzip,
    Zstd,
    Bzip2,
    Xz,
}

impl Compression {
    /// The compression of a file, from its first bytes.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            Some(Self::Gzip)
        } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Self::Zstd)
        } else if bytes.starts_with(b"BZh")
            && bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b))
        {
            Some(Self::Bzip2)
        } else if bytes.starts_with(b"\xfd7zXZ\x00") {
            Some(Self::Xz)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Gzip => "gzip",
            Self::Zstd => "zstd",
            Self::Bzip2 => "bzip2",
            Self::Xz => "xz",
        }
    }
}

/// A file expanded: its bytes, and the reason when the stream was cut short or damaged.
#[derive(Debug)]
pub struct Expanded {
    pub bytes: Vec<u8>,
    pub damaged: Option<SkipReason>,
}

/// The limit for a compressed file of `len` bytes.
pub fn limit_for(len: usize) -> u64 {
    (len as u64)
        .saturating_mul(MAX_RATIO)
        .clamp(MIN_LIMIT, MAX_EXPANDED_BYTES)
}

/// Expands `bytes` compressed as `kind`, refusing more than `limit` bytes out.
pub fn expand(kind: Compression, bytes: &[u8], limit: u64) -> Result<Expanded, SkipReason> {
    let mut out = Vec::new();
    let result = match kind {
        Compression::Gzip => flate2::read::MultiGzDecoder::new(bytes)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map(drop),
        Compression::Zstd => zstd_frames(bytes, limit, &mut out),
        Compression::Bzip2 => bzip2::read::MultiBzDecoder::new(bytes)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map(drop),
        Compression::Xz => {
            let mut sink = Limited {
                out: &mut out,
                room: limit + 1,
            };
            lzma_rs::xz_decompress(&mut std::io::BufReader::new(bytes), &mut sink)
                .map_err(|e| std::io::Error::other(e.to_string()))
        }
    };
    if out.len() as u64 > limit {
        return Err(SkipReason::Expands(limit));
    }
    let damaged = result.err().map(|_| SkipReason::Truncated(kind.name()));
    if damaged.is_some() && out.is_empty() {
        return Err(SkipReason::Truncated(kind.name()));
    }
    Ok(Expanded {
        bytes: out,
        damaged,
    })
}

/// A writer that takes at most `room` bytes, then fails: the xz decoder writes rather than
/// being read, so this is where its limit is kept.
struct Limited<'a> {
    out: &'a mut Vec<u8>,
    room: u64,
}

impl std::io::Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let take = buf
            .len()
            .min(usize::try_from(self.room).unwrap_or(usize::MAX));
        if take == 0 && !buf.is_empty() {
            return Err(std::io::Error::other("expands past its limit"));
        }
        self.out.extend_from_slice(&buf[..take]);
        self.room -= take as u64;
        Ok(take)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every zstd frame of `bytes`, one after another.
fn zstd_frames(bytes: &[u8], limit: u64, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut rest = bytes;
    while !rest.is_empty() && (out.len() as u64) <= limit {
        let room = limit + 1 - out.len() as u64;
        let mut decoder = ruzstd::decoding::StreamingDecoder::new(&mut rest)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        (&mut decoder).take(room).read_to_end(out)?;
        if Compression::of(rest) != Some(Compression::Zstd) {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn zstd(data: &[u8]) -> Vec<u8> {
        ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
    }

    fn bzip2(data: &[u8]) -> Vec<u8> {
        let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn xz(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        lzma_rs::xz_compress(&mut std::io::BufReader::new(data), &mut out).unwrap();
        out
    }

    /// `data` in every compression folio knows.
    fn packed(data: &[u8]) -> [(Vec<u8>, Compression); 4] {
        [
            (gzip(data), Compression::Gzip),
            (zstd(data), Compression::Zstd),
            (bzip2(data), Compression::Bzip2),
            (xz(data), Compression::Xz),
        ]
    }

    #[test]
    fn every_compression_is_known_by_its_magic_and_expanded() {
        let text = b"Title\n\nSome body text.\n".repeat(50);
        for (packed, kind) in packed(&text) {
            assert_eq!(Compression::of(&packed), Some(kind));
            let out = expand(kind, &packed, limit_for(packed.len())).unwrap();
            assert_eq!((out.bytes, out.damaged), (text.clone(), None));
        }
        assert_eq!(Compression::of(b"plain"), None);
    }

    #[test]
    fn a_bomb_stops_at_its_limit() {
        let zeros = vec![b'a'; 8 * 1024 * 1024];
        for (packed, kind) in packed(&zeros) {
            // gzip, zstd and bzip2 pack this to a bomb; the xz writer used here does not
            // compress much, so its limit is checked with a small one.
            let limit = if kind == Compression::Xz {
                64 * 1024
            } else {
                limit_for(packed.len())
            };
            assert!(limit < zeros.len() as u64, "{kind:?}");
            let e = expand(kind, &packed, limit).unwrap_err();
            assert_eq!(e, SkipReason::Expands(limit), "{kind:?}");
        }
    }

    #[test]
    fn a_truncated_stream_keeps_what_came_before() {
        let text: Vec<u8> = (0..300_000u32)
            .flat_map(|i| format!("line {i}\n").into_bytes())
            .collect();
        for (packed, kind) in packed(&text) {
            let cut = &packed[..packed.len() / 2];
            let expanded = expand(kind, cut, limit_for(cut.len()));
            if kind == Compression::Xz {
                // The xz decoder gives out nothing before the end of a block: a cut stream
                // is refused whole, with its reason.
                if let Err(e) = &expanded {
                    assert_eq!(e, &SkipReason::Truncated("xz"));
                    continue;
                }
            }
            let out = expanded.unwrap();
            assert_eq!(out.damaged, Some(SkipReason::Truncated(kind.name())));
            assert!(
                !out.bytes.is_empty() && text.starts_with(&out.bytes),
                "{kind:?}"
            );
        }
    }
}
