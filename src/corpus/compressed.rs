//! Compressed files (gzip and zstd, known by their magic bytes) expanded before their format is
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
}

impl Compression {
    /// The compression of a file, from its first bytes.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            Some(Self::Gzip)
        } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Self::Zstd)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Gzip => "gzip",
            Self::Zstd => "zstd",
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

    #[test]
    fn gzip_and_zstd_are_known_by_their_magic_and_expanded() {
        let text = b"Title\n\nSome body text.\n".repeat(50);
        for (packed, kind) in [
            (gzip(&text), Compression::Gzip),
            (zstd(&text), Compression::Zstd),
        ] {
            assert_eq!(Compression::of(&packed), Some(kind));
            let out = expand(kind, &packed, limit_for(packed.len())).unwrap();
            assert_eq!((out.bytes, out.damaged), (text.clone(), None));
        }
        assert_eq!(Compression::of(b"plain"), None);
    }

    #[test]
    fn a_bomb_stops_at_its_limit() {
        let zeros = vec![b'a'; 8 * 1024 * 1024];
        for (packed, kind) in [
            (gzip(&zeros), Compression::Gzip),
            (zstd(&zeros), Compression::Zstd),
        ] {
            let limit = limit_for(packed.len());
            assert!(limit < zeros.len() as u64);
            let e = expand(kind, &packed, limit).unwrap_err();
            assert_eq!(e, SkipReason::Expands(limit));
        }
    }

    #[test]
    fn a_truncated_stream_keeps_what_came_before() {
        let text: Vec<u8> = (0..300_000u32)
            .flat_map(|i| format!("line {i}\n").into_bytes())
            .collect();
        for (packed, kind) in [
            (gzip(&text), Compression::Gzip),
            (zstd(&text), Compression::Zstd),
        ] {
            let cut = &packed[..packed.len() / 2];
            let out = expand(kind, cut, limit_for(cut.len())).unwrap();
            assert_eq!(out.damaged, Some(SkipReason::Truncated(kind.name())));
            assert!(
                !out.bytes.is_empty() && text.starts_with(&out.bytes),
                "{kind:?}"
            );
        }
    }
}
