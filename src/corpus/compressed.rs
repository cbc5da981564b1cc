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

/// Expands `bytes` compressed as `kind`, refusing more than `limit` bytes out (and an xz
/// stream whose decoder would need more memory than it may take).
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
        Compression::Xz => xz_streams(bytes, limit, &mut out),
    };
    if out.len() as u64 > limit || result.as_ref().is_err_and(needs_too_much_memory) {
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

/// Every xz stream of `bytes`, one after another (as `cat a.xz b.xz` makes them), decoded as
/// it is read: what comes out before a cut or damage is kept. The decoder may take as much memory
/// as the file may expand to, or [`XZ_MIN_MEMORY`] if that is more.
fn xz_streams(bytes: &[u8], limit: u64, out: &mut Vec<u8>) -> std::io::Result<()> {
    let stream = liblzma::stream::Stream::new_stream_decoder(
        limit.max(XZ_MIN_MEMORY),
        liblzma::stream::CONCATENATED,
    )?;
    liblzma::bufread::XzDecoder::new_stream(bytes, stream)
        .take(limit + 1)
        .read_to_end(out)
        .map(drop)
}

/// The memory an xz decoder may always take: what xz's largest preset (-9, a 64 MiB
/// dictionary) needs to decode, with room to spare.
const XZ_MIN_MEMORY: u64 = 80 * 1024 * 1024;

/// Whether an xz stream was refused because decoding it would take more memory than allowed
/// (its dictionary is too large).
fn needs_too_much_memory(e: &std::io::Error) -> bool {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<liblzma::stream::Error>())
        == Some(&liblzma::stream::Error::MemLimit)
}

/// Every zstd frame of `bytes`, one after another, decoded as it is read (libzstd). Frames
/// whose window would take more memory than the file may expand to (at least 128 MiB, the
/// format's usual most) are refused by the decoder.
fn zstd_frames(bytes: &[u8], limit: u64, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut decoder = zstd::stream::read::Decoder::with_buffer(bytes)?;
    let window_log = (u64::BITS - limit.leading_zeros()).clamp(27, 31);
    decoder.window_log_max(window_log)?;
    decoder.take(limit + 1).read_to_end(out).map(drop)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn zstd(data: &[u8]) -> Vec<u8> {
        zstd::encode_all(data, 3).unwrap()
    }

    fn bzip2(data: &[u8]) -> Vec<u8> {
        let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn xz(data: &[u8]) -> Vec<u8> {
        liblzma::encode_all(data, 1).unwrap()
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
            let limit = limit_for(packed.len());
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
            let out = expand(kind, cut, limit_for(cut.len())).unwrap();
            assert_eq!(
                out.damaged,
                Some(SkipReason::Truncated(kind.name())),
                "{kind:?}"
            );
            assert!(
                !out.bytes.is_empty() && text.starts_with(&out.bytes),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn concatenated_streams_expand_to_all_of_them() {
        for (first, kind) in packed(b"first part\n") {
            let mut both = first;
            let second = packed(b"second part\n")
                .into_iter()
                .find(|(_, k)| *k == kind)
                .unwrap()
                .0;
            both.extend(second);
            let out = expand(kind, &both, limit_for(both.len())).unwrap();
            assert_eq!(
                (out.bytes, out.damaged),
                (b"first part\nsecond part\n".to_vec(), None),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn concatenated_xz_streams_expand_to_both() {
        let mut both = xz(b"first part\n");
        both.extend(xz(b"second part\n"));
        let out = expand(Compression::Xz, &both, limit_for(both.len())).unwrap();
        assert_eq!(
            (out.bytes, out.damaged),
            (b"first part\nsecond part\n".to_vec(), None)
        );
    }

    #[test]
    fn an_xz_stream_that_needs_too_large_a_dictionary_is_refused() {
        let mut packed = xz(b"Title\n\nSome body text.\n");
        // The first block's header follows the 12-byte stream header: its size (in 4-byte
        // units, less one), its flags, then the LZMA2 filter (id 0x21, one byte of
        // properties: the dictionary size) and its CRC32 last.
        let start = 12;
        let size = (usize::from(packed[start]) + 1) * 4;
        assert_eq!(&packed[start + 2..start + 4], &[0x21, 0x01]);
        // 40 is the largest dictionary xz allows, 4 GiB less one byte.
        packed[start + 4] = 40;
        let crc = crc32fast::hash(&packed[start..start + size - 4]);
        packed[start + size - 4..start + size].copy_from_slice(&crc.to_le_bytes());
        let limit = limit_for(packed.len());
        assert_eq!(
            expand(Compression::Xz, &packed, limit).unwrap_err(),
            SkipReason::Expands(limit)
        );
    }
}
