//! What a file was when it was read: its size, modification time, inode and a checksum of its
//! bytes. A cache keeps each file's stamp to tell, at the next start, which files changed.

use std::fs::Metadata;

/// A file as it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub size: u64,
    /// Modification time: seconds and nanoseconds since the epoch.
    pub mtime_s: i64,
    pub mtime_ns: u32,
    pub ino: u64,
    pub dev: u64,
    /// CRC-32 of the file's bytes as read, for files whose times cannot be trusted.
    pub crc: u32,
}

impl Stamp {
    /// The stamp of a file with metadata `meta` (taken before it was read) and `bytes`.
    pub fn of(meta: &Metadata, bytes: &[u8]) -> Stamp {
        Stamp {
            size: bytes.len() as u64,
            crc: crc32fast::hash(bytes),
            ..Stamp::looked_at(meta)
        }
    }

    /// What the metadata alone says (no checksum): for comparing with a kept stamp.
    pub fn looked_at(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                size: meta.len(),
                mtime_s: meta.mtime(),
                mtime_ns: meta.mtime_nsec().clamp(0, 999_999_999) as u32,
                ino: meta.ino(),
                dev: meta.dev(),
                crc: 0,
            }
        }
        #[cfg(not(unix))]
        {
            let since = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .unwrap_or_default();
            Stamp {
                size: meta.len(),
                mtime_s: since.as_secs() as i64,
                mtime_ns: since.subsec_nanos(),
                ino: 0,
                dev: 0,
                crc: 0,
            }
        }
    }

    /// Whether the file looks the same as when this stamp was taken: size, time, inode and
    /// device all equal.
    pub fn looks_like(&self, now: &Stamp) -> bool {
        (self.size, self.mtime_s, self.mtime_ns, self.ino, self.dev)
            == (now.size, now.mtime_s, now.mtime_ns, now.ino, now.dev)
    }

    /// Whether the file's time is too close to `since_s` (seconds since the epoch, when the
    /// stamps were kept) to prove it unchanged: a write in the same tick as the reading leaves
    /// the time as it was, so such a file is checked by its bytes.
    pub fn in_doubt(&self, since_s: i64) -> bool {
        self.mtime_s >= since_s - 2
    }
}
