//! The on-disk index: once a corpus has loaded, its cleaned articles and its index are kept in
//! one file under `$XDG_CACHE_HOME/folio/`, named by the corpus's canonical paths. The next
//! start maps that file into memory and searches it where it lies (see
//! [`crate::search::MappedIndex`]); only files that changed since are read again.
//!
//! - [`layout`]: the file's header, sections and checksums; [`open`] maps and checks one,
//!   [`write`] writes one atomically; [`plan`] tells which files of a corpus can be taken from it.
//! - A damaged, cut or other-version file is set aside (`*.bad`) and rebuilt, with one notice.
//! - One writer at a time per corpus (a lock file); readers need no lock, since a file is only
//!   ever replaced whole, by a rename.
//! - The folder is held to a size limit (`cache_limit`), the least recently used corpora
//!   removed first.
//! - Standard input and the bundled articles are never cached, and the corpus is never written.

mod layout;
pub mod open;
pub mod plan;
pub mod stream;
mod write;

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

pub use open::{Damage, Opened};
pub use plan::{Piece, Plan};

use crate::corpus::{Article, Stamp};
use crate::search::Index;

/// The default limit on the cache folder's size.
pub const DEFAULT_LIMIT: u64 = 4 << 30;

/// Which corpus: its roots as given and as canonical paths, sorted by the canonical ones, and
/// the settings that change how it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// Canonical, sorted, each once.
    pub roots: Vec<PathBuf>,
    /// The same roots as the user gave them (to find files under them again).
    pub given: Vec<PathBuf>,
    /// folio's version and the settings that change what the files give ([`Cache::settings`]).
    pub settings: String,
}

impl Key {
    /// The key of the corpus at `paths` read with `settings`; `None` when a path cannot be
    /// resolved (then nothing is cached).
    pub fn of(paths: &[PathBuf], settings: &str) -> Option<Key> {
        let mut pairs: Vec<(PathBuf, PathBuf)> = paths
            .iter()
            .map(|p| Some((fs::canonicalize(p).ok()?, p.clone())))
            .collect::<Option<_>>()?;
        if pairs.is_empty() {
            return None;
        }
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let (roots, given) = pairs.into_iter().unzip();
        Some(Key {
            roots,
            given,
            settings: format!(
                "folio {} readers {} {settings}",
                env!("CARGO_PKG_VERSION"),
                crate::corpus::READERS
            ),
        })
    }

    /// The cache file's name: a hash of the canonical roots and the settings.
    pub fn file_name(&self) -> String {
        let mut bytes = Vec::new();
        for r in self.identity() {
            bytes.extend_from_slice(r.as_bytes());
            bytes.push(0);
        }
        format!("{:016x}.idx", crate::hash::fnv1a(&bytes))
    }

    /// Which root `path` (as found under a given root) lies under, and its name below it.
    pub fn place(&self, path: &Path) -> Option<(u32, Vec<u8>)> {
        self.given.iter().enumerate().find_map(|(i, root)| {
            let rel = path.strip_prefix(root).ok()?;
            Some((i as u32, rel.as_os_str().as_encoded_bytes().to_vec()))
        })
    }

    /// The canonical roots as strings, then the settings: what a cache file records, to be
    /// sure it is this corpus's.
    pub fn identity(&self) -> Vec<String> {
        self.roots
            .iter()
            .map(|r| r.to_string_lossy().into_owned())
            .chain(std::iter::once(self.settings.clone()))
            .collect()
    }
}

/// One file of a loaded corpus, in load order, as the cache records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    pub root: u32,
    /// Its name under the root (bytes of the OS's path).
    pub rel: Vec<u8>,
    /// As read; `None` when it could not be read.
    pub stamp: Option<Stamp>,
    /// How many articles it gave.
    pub articles: u32,
    /// Whether its articles may be taken from the cache next time (no part of it was skipped).
    pub kept: bool,
}

/// What a cache file is written from besides the articles and the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub key: Key,
    pub files: Vec<FileRecord>,
    /// When loading began, in seconds since the epoch.
    pub built_s: i64,
}

/// The cache folder, its size limit, and the settings that change how files are read (the
/// dataset field names), which are part of every key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    pub dir: PathBuf,
    pub limit: u64,
    pub settings: String,
}

/// What happened when a cache file was looked for.
#[derive(Debug)]
pub enum Found {
    /// None yet.
    Missing,
    Opened(Arc<Opened>),
    /// There was one, but damaged: it was set aside, and why is told.
    SetAside(Damage),
}

impl Cache {
    /// The path of the cache file for `key`.
    pub fn path(&self, key: &Key) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// Opens and checks the cache file for `key`. A damaged one, or one written for other
    /// roots, is renamed to `*.bad` (replacing an older one) so that it is rebuilt.
    pub fn find(&self, key: &Key) -> Found {
        let path = self.path(key);
        match Opened::open(&path) {
            Ok(None) => Found::Missing,
            Ok(Some(opened)) if opened.roots() == key.identity() => {
                touch(&path);
                Found::Opened(Arc::new(opened))
            }
            Ok(Some(_)) => self.set_aside(
                &path,
                Damage("written for other folders, settings or version".into()),
            ),
            Err(damage) => self.set_aside(&path, damage),
        }
    }

    /// Sets aside the cache file for `key` (found damaged after it was opened: its bodies),
    /// so that the next start rebuilds it.
    pub fn discard(&self, key: &Key) {
        let _ = self.set_aside(&self.path(key), Damage("discarded".into()));
    }

    fn set_aside(&self, path: &Path, damage: Damage) -> Found {
        let mut bad = path.as_os_str().to_owned();
        bad.push(".bad");
        if fs::rename(path, &bad).is_err() {
            let _ = fs::remove_file(path);
        }
        Found::SetAside(damage)
    }

    /// Writes the cache file for `manifest`'s corpus, unless another folio is writing it now;
    /// then holds the folder to its limit. Returns the file's size, or `None` when another
    /// writer had the lock.
    pub fn save(
        &self,
        manifest: &Manifest,
        index: &Index,
        articles: &[Arc<Article>],
    ) -> io::Result<Option<u64>> {
        create_private_dir(&self.dir)?;
        let path = self.path(&manifest.key);
        let mut lock_path = path.as_os_str().to_owned();
        lock_path.push(".lock");
        let lock = private_file_keep(Path::new(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Ok(None),
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        remove_stale_temporaries(&self.dir, &path);
        let len = write::write(&path, manifest, index, articles)?;
        drop(lock);
        if len > self.limit {
            let _ = fs::remove_file(&path);
            return Err(io::Error::other(format!(
                "the index ({} MiB) is larger than cache_limit",
                len >> 20
            )));
        }
        self.evict(&path);
        Ok(Some(len))
    }

    /// Removes the least recently used cache files until the folder fits its limit; `keep` is
    /// removed last.
    fn evict(&self, keep: &Path) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".idx") || name.ends_with(".idx.bad")
            })
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                let used = meta.modified().ok()?;
                Some((used, meta.len(), e.path()))
            })
            .collect();
        // Newest first; the file just written first of all.
        files.sort_by(|a, b| (b.2 == keep).cmp(&(a.2 == keep)).then(b.0.cmp(&a.0)));
        let mut total = 0u64;
        for (_, len, path) in files {
            total += len;
            if total > self.limit {
                let _ = fs::remove_file(&path);
            }
        }
    }
}

/// Runs `meanwhile` (walking the corpus's folders) while the cache file for `key` is opened
/// and checked on another thread; with `cache` or `key` missing, only `meanwhile`. Returns
/// its result, the cache file when it is sound, and why one was set aside.
pub fn find_while<T: Send>(
    cache: Option<&Cache>,
    key: Option<&Key>,
    meanwhile: impl FnOnce() -> T + Send,
) -> (T, Option<Arc<Opened>>, Option<Damage>) {
    let (Some(cache), Some(key)) = (cache, key) else {
        return (meanwhile(), None, None);
    };
    std::thread::scope(|scope| {
        let found = scope.spawn(|| cache.find(key));
        let result = meanwhile();
        match found.join() {
            Ok(Found::Opened(opened)) => (result, Some(opened), None),
            Ok(Found::SetAside(damage)) => (result, None, Some(damage)),
            Ok(Found::Missing) | Err(_) => (result, None, None),
        }
    })
}

/// Seconds since the epoch: when a load begins, for [`Manifest::built_s`].
pub fn now_s() -> i64 {
    SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Marks a cache file as just used (its time), for the least-recently-used order.
fn touch(path: &Path) {
    if let Ok(f) = OpenOptions::new().append(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// Removes temporary files left by writers of `path` that died.
fn remove_stale_temporaries(dir: &Path, path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.");
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.filter_map(Result::ok) {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&prefix) && n.ends_with(".tmp") {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Creates the cache folder, readable by its owner only.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

fn options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Owner only, and never through a symbolic link.
        o.mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    o
}

/// A new file, owner-only, replacing none (a link in its place is refused).
pub(crate) fn private_file(path: &Path) -> io::Result<File> {
    options().create_new(true).open(path)
}

/// A file kept between runs (the lock), owner-only, not followed if it is a link.
fn private_file_keep(path: &Path) -> io::Result<File> {
    options().create(true).truncate(false).open(path)
}
