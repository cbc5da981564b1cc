//! Safe file handling for the state folder: atomic replace, setting a bad file aside, and
//! clearing temp files left by a crash.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Temp files older than this are left over from a crash (a write takes milliseconds).
const STALE_TEMP: Duration = Duration::from_secs(60);

/// How many `.corrupt` names are tried before giving up.
const MAX_ASIDE: u32 = 1000;

/// Distinguishes temp files of one process's threads (the pid tells processes apart).
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The temp file prefix for a target named `name`: `.name.`; temp files are `.name.PID.N.tmp`.
fn temp_prefix(name: &str) -> String {
    format!(".{name}.")
}

/// Replaces `path` with `bytes` so that a reader (or a crash) only ever sees the old file or the
/// new one: write a uniquely named temp file in the same folder, fsync it, rename it over the
/// target, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(
        "{}{}.{n}.tmp",
        temp_prefix(&name),
        std::process::id()
    ));
    let result = write_then_rename(&temp, path, bytes);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir);
    Ok(())
}

fn write_then_rename(temp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        // What a user reads is nobody else's business: owner-only from the first byte.
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

/// Makes a rename durable. Some systems cannot open or sync a folder; the rename itself has
/// still happened, so that is not an error.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Creates the state folder (and its parents) owner-only; an existing folder is made
/// owner-only too, as it holds only folio's files.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        builder.create(dir)
    }
}

/// True when `path` is a symbolic link: planted where a state file should be, it is never
/// followed (reading through it could show another file's contents as folio's).
pub fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Renames `path` to `path.corrupt`, or `path.corrupt.1`, `.2`… so an earlier one is never
/// overwritten. Returns the new path, or `None` when the file had already gone (another folio
/// set it aside first).
pub fn set_aside(path: &Path) -> io::Result<Option<PathBuf>> {
    let mut base = OsString::from(path.as_os_str());
    base.push(".corrupt");
    for n in 0..MAX_ASIDE {
        let mut target = base.clone();
        if n > 0 {
            target.push(format!(".{n}"));
        }
        let target = PathBuf::from(target);
        // A hard link fails if the target exists, so no earlier file is lost even if two
        // processes race here; where links are not supported, check and rename instead.
        match fs::hard_link(path, &target) {
            Ok(()) => {
                fs::remove_file(path).or_else(ignore_not_found)?;
                return Ok(Some(target));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(_) => {
                if target.symlink_metadata().is_ok() {
                    continue;
                }
                return match fs::rename(path, &target) {
                    Ok(()) => Ok(Some(target)),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
    }
    Err(io::Error::other("too many .corrupt files"))
}

fn ignore_not_found(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(e)
    }
}

/// Removes temp files for `path` that a crashed folio left behind. Recent ones may belong to a
/// folio writing right now and are kept. Failures are ignored: this is tidying only.
pub fn remove_stale_temps(path: &Path, now: SystemTime) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = temp_prefix(&name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_atomic_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("state").join("folio");
        create_private_dir(&folder).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        let path = folder.join("a.json");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(mode(&path), 0o600);
        // An existing folder made by an older folio is tightened.
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir(&folder).unwrap();
        assert_eq!(mode(&folder), 0o700);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        fs::write(&target, "x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(is_link(&link));
        assert!(!is_link(&target));
        assert!(!is_link(&dir.path().join("missing")));
    }

    #[test]
    fn write_atomic_fails_cleanly_without_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("a.json");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }

    #[test]
    fn set_aside_numbers_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        for (n, want) in ["a.json.corrupt", "a.json.corrupt.1", "a.json.corrupt.2"]
            .iter()
            .enumerate()
        {
            fs::write(&path, format!("bad {n}")).unwrap();
            let moved = set_aside(&path).unwrap().unwrap();
            assert_eq!(moved, dir.path().join(want));
            assert!(!path.exists());
        }
        assert_eq!(
            fs::read_to_string(dir.path().join("a.json.corrupt")).unwrap(),
            "bad 0"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("a.json.corrupt.2")).unwrap(),
            "bad 2"
        );
    }

    #[test]
    fn set_aside_of_a_vanished_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(set_aside(&dir.path().join("gone.json")).unwrap(), None);
    }

    #[test]
    fn only_stale_temps_of_this_file_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        let mine = dir.path().join(".a.json.123.0.tmp");
        let other = dir.path().join(".b.json.123.0.tmp");
        fs::write(&mine, "x").unwrap();
        fs::write(&other, "x").unwrap();
        remove_stale_temps(&path, SystemTime::now());
        assert!(mine.exists(), "a fresh temp may be another folio's write");
        remove_stale_temps(&path, SystemTime::now() + STALE_TEMP * 2);
        assert!(!mine.exists());
        assert!(other.exists());
    }
}
