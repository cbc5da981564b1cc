//! Reading state that outlives a session: per article read/unread, scroll line and mark, plus
//! the filter, selection and sort, kept in one small JSON file per corpus.
//!
//! Articles are keyed by [`crate::corpus::Article::hash`], so a renamed or moved file keeps its
//! state. The caller decides where the files live ([`crate::paths::state_dir`]) and which corpus
//! this is ([`corpus_key`]); nothing here reads the environment. Writes are atomic and
//! throttled ([`Store::save_if_due`]); a bad file is set aside, never fatal.

mod disk;
mod file;
mod kept;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use file::{Contents, Unreadable};

pub use file::{APP, VERSION};
pub use kept::{ArticleState, Session, Sort};

/// The least time between two throttled writes.
pub const SAVE_INTERVAL: Duration = Duration::from_secs(1);

/// A failed save. The reading goes on; the caller shows the message.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot save reading state to {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot encode reading state: {0}")]
    Encode(#[from] serde_json::Error),
}

/// Reads a state file's bytes as [`Store::open`] does, saying why when they cannot be folio's
/// state (for checking a file, and for fuzzing the reader).
pub fn parse_file(bytes: &[u8]) -> Result<(), String> {
    match file::parse(bytes) {
        Ok(_) => Ok(()),
        Err(Unreadable::Corrupt(why)) => Err(why),
        Err(Unreadable::Newer(v)) => Err(format!("from a newer folio (format {v})")),
    }
}

/// The file stem for a corpus: its roots canonicalised, sorted and hashed (FNV-1a) to 16 hex
/// digits, so the same folders given in any order or spelling share one file. No roots (the
/// bundled articles) is `"bundled"`.
pub fn corpus_key(roots: &[PathBuf]) -> String {
    if roots.is_empty() {
        return "bundled".into();
    }
    let mut paths: Vec<PathBuf> = roots
        .iter()
        .map(|r| {
            fs::canonicalize(r)
                .or_else(|_| std::path::absolute(r))
                .unwrap_or_else(|_| r.clone())
        })
        .collect();
    paths.sort();
    paths.dedup();
    let mut hash = crate::hash::Fnv1a::new();
    for path in &paths {
        hash.write(path.as_os_str().as_encoded_bytes());
        hash.write(&[0]);
    }
    file::hash_hex(hash.finish())
}

/// One corpus's reading state, in memory, with its file.
#[derive(Debug)]
pub struct Store {
    /// `None` when nothing is saved: no state folder, or a file this folio must not overwrite.
    path: Option<PathBuf>,
    contents: Contents,
    /// Articles changed since the last save; only these override the file when saving.
    changed: BTreeSet<u64>,
    session_changed: bool,
    last_write: Option<Instant>,
}

impl Store {
    /// A store that keeps state for this session only (no state folder is known).
    pub fn memory_only() -> Store {
        Store {
            path: None,
            contents: Contents::default(),
            changed: BTreeSet::new(),
            session_changed: false,
            last_write: None,
        }
    }

    /// Opens the state of corpus `key` (a file stem from [`corpus_key`]) in folder `dir`,
    /// creating the folder. Never fails: when something is wrong, the store starts fresh and a
    /// one-line notice for the user comes back with it.
    pub fn open(dir: &Path, key: &str) -> (Store, Option<String>) {
        let mut store = Store::memory_only();
        let valid_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_key {
            let notice = format!("reading state not kept: bad corpus key {key:?}");
            return (store, Some(notice));
        }
        let path = dir.join(format!("{key}.json"));
        if let Err(e) = disk::create_private_dir(dir) {
            // Saves will be tried (and report errors): the folder may yet appear.
            store.path = Some(path);
            let notice = format!(
                "cannot create state folder {}: {e}; reading state will not be saved",
                dir.display()
            );
            return (store, Some(notice));
        }
        if disk::is_link(&path) {
            let notice = format!(
                "{} is a symbolic link, not followed; reading state will not be saved",
                path.display()
            );
            return (store, Some(notice));
        }
        disk::remove_stale_temps(&path, SystemTime::now());
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                store.path = Some(path);
                return (store, None);
            }
            Err(e) => {
                let notice = format!(
                    "cannot read {}: {e}; reading state will not be saved",
                    path.display()
                );
                return (store, Some(notice));
            }
        };
        match file::parse(&bytes) {
            Ok(contents) => {
                store.contents = contents;
                store.path = Some(path);
                (store, None)
            }
            Err(Unreadable::Newer(v)) => {
                let notice = format!(
                    "{} is from a newer folio (format {v}); reading state will not be saved",
                    path.display()
                );
                (store, Some(notice))
            }
            Err(Unreadable::Corrupt(why)) => {
                let notice = set_aside_notice(&path, &bytes, &why, &mut store);
                (store, Some(notice))
            }
        }
    }

    /// The state file, if this store saves to one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The state of one article (the default when folio has not seen it).
    pub fn article(&self, hash: u64) -> ArticleState {
        self.contents
            .articles
            .get(&hash)
            .cloned()
            .unwrap_or_default()
    }

    /// Replaces what is remembered of one article.
    pub fn set_article(&mut self, hash: u64, state: ArticleState) {
        self.update(hash, |s| *s = state);
    }

    pub fn set_read(&mut self, hash: u64, read: bool) {
        self.update(hash, |s| s.read = read);
    }

    pub fn set_line(&mut self, hash: u64, line: usize) {
        self.update(hash, |s| s.line = line);
    }

    pub fn set_marked(&mut self, hash: u64, marked: bool) {
        self.update(hash, |s| s.marked = marked);
    }

    fn update(&mut self, hash: u64, change: impl FnOnce(&mut ArticleState)) {
        let old = self.article(hash);
        let mut new = old.clone();
        change(&mut new);
        if new == old {
            return;
        }
        if new == ArticleState::default() {
            self.contents.articles.remove(&hash);
        } else {
            self.contents.articles.insert(hash, new);
        }
        self.changed.insert(hash);
    }

    pub fn session(&self) -> &Session {
        &self.contents.session
    }

    pub fn set_session(&mut self, session: Session) {
        if session != self.contents.session {
            self.contents.session = session;
            self.session_changed = true;
        }
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.session_changed || !self.changed.is_empty()
    }

    /// How long until [`Store::save_if_due`] would write, when there are changes to write.
    pub fn save_due_in(&self, now: Instant) -> Option<Duration> {
        if !self.is_dirty() {
            return None;
        }
        Some(self.last_write.map_or(Duration::ZERO, |last| {
            SAVE_INTERVAL.saturating_sub(now.saturating_duration_since(last))
        }))
    }

    /// Saves if there are changes and the last write (or failed attempt) was at least
    /// [`SAVE_INTERVAL`] before `now`. Returns whether it wrote. Call it after handling events.
    pub fn save_if_due(&mut self, now: Instant) -> Result<bool, StateError> {
        if !self.is_dirty() {
            return Ok(false);
        }
        if self
            .last_write
            .is_some_and(|last| now.saturating_duration_since(last) < SAVE_INTERVAL)
        {
            return Ok(false);
        }
        self.last_write = Some(now);
        self.write().map(|()| true)
    }

    /// Saves any changes now (on quit).
    pub fn save_now(&mut self) -> Result<(), StateError> {
        if !self.is_dirty() {
            return Ok(());
        }
        self.last_write = Some(Instant::now());
        self.write()
    }

    /// Merges this store's changes into what is on disk now, so another folio on the same
    /// corpus keeps its own changes; then replaces the file atomically and adopts the result.
    fn write(&mut self) -> Result<(), StateError> {
        let Some(path) = self.path.clone() else {
            self.changed.clear();
            self.session_changed = false;
            return Ok(());
        };
        if disk::is_link(&path) {
            // Planted since it was opened: never followed, never replaced; saving stops.
            self.path = None;
            return Err(StateError::Write {
                path,
                source: io::Error::other("a symbolic link is there now; not followed"),
            });
        }
        let mut merged = match fs::read(&path).map(|b| file::parse(&b)) {
            Ok(Ok(on_disk)) => on_disk,
            Ok(Err(Unreadable::Newer(_))) => {
                // A newer folio has taken over the file since: leave it alone.
                self.path = None;
                return self.write();
            }
            _ => self.contents.clone(),
        };
        for hash in &self.changed {
            match self.contents.articles.get(hash) {
                Some(state) => merged.articles.insert(*hash, state.clone()),
                None => merged.articles.remove(hash),
            };
        }
        if self.session_changed {
            merged.session = self.contents.session.clone();
        }
        let bytes = file::render(&merged)?;
        disk::write_atomic(&path, &bytes).map_err(|source| StateError::Write {
            path: path.clone(),
            source,
        })?;
        self.contents = merged;
        self.changed.clear();
        self.session_changed = false;
        Ok(())
    }
}

/// Sets a bad state file aside and says so; the store starts fresh and saves to `path` again.
fn set_aside_notice(path: &Path, bytes: &[u8], why: &str, store: &mut Store) -> String {
    let why = why.lines().next().unwrap_or_default();
    // If another folio replaced the file meanwhile, its new file is not ours to move.
    if fs::read(path).is_ok_and(|now| now != bytes) {
        store.path = None;
        return format!(
            "{} was unreadable ({why}); reading state will not be saved",
            path.display()
        );
    }
    match disk::set_aside(path) {
        Ok(moved) => {
            store.path = Some(path.to_path_buf());
            let moved = moved.map_or_else(
                || "moved aside".into(),
                |m| format!("moved to {}", m.display()),
            );
            format!(
                "{} was unreadable ({why}); {moved}, starting fresh",
                path.display()
            )
        }
        Err(e) => format!(
            "{} was unreadable ({why}) and could not be moved aside ({e}); reading state will not be saved",
            path.display()
        ),
    }
}

#[cfg(test)]
mod tests;
