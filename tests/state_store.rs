//! The state store on a real folder: crashes, bad files, unwritable folders, two writers.

// Test helpers outside `#[test]` functions panic on failure just as the tests do.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use folio::state::{ArticleState, Session, Store};

const KEY: &str = "0123456789abcdef";

fn saved_store(dir: &Path) -> Store {
    let (mut store, notice) = Store::open(dir, KEY);
    assert_eq!(notice, None);
    store.set_read(7, true);
    store.set_line(7, 12);
    store.save_now().unwrap();
    store
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn crash_before_rename_leaves_the_old_state() {
    let dir = tempfile::tempdir().unwrap();
    saved_store(dir.path());
    // A crash after writing the temp file (fully or half) but before the rename.
    let file = format!("{KEY}.json");
    fs::write(
        dir.path().join(format!(".{file}.99999.0.tmp")),
        r#"{"app": "folio", "version": 1, "articles": {"0000000000000007": {"read": false"#,
    )
    .unwrap();
    let (store, notice) = Store::open(dir.path(), KEY);
    assert_eq!(notice, None, "the stray temp file is not the state file");
    assert_eq!(
        store.article(7),
        ArticleState {
            read: true,
            line: 12,
            marked: false,
            tags: Vec::new(),
        }
    );
}

#[test]
fn crash_after_rename_gives_the_new_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = saved_store(dir.path());
    store.set_line(7, 99);
    store.save_now().unwrap();
    drop(store); // no further save: as if killed right after the rename
    let (store, notice) = Store::open(dir.path(), KEY);
    assert_eq!(notice, None);
    assert_eq!(store.article(7).line, 99);
    assert_eq!(entries(dir.path()), vec![format!("{KEY}.json")]);
}

#[test]
fn bad_files_are_set_aside_with_a_notice() {
    let cases: &[(&str, &[u8])] = &[
        ("garbage", b"\x00\x01not json at all\xff"),
        (
            "truncated",
            br#"{"app": "folio", "version": 1, "session": {"qu"#,
        ),
        (
            "foreign",
            br#"{"name": "another program", "items": [1, 2]}"#,
        ),
        ("empty", b""),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{KEY}.json"));
        fs::write(&path, bytes).unwrap();
        let (mut store, notice) = Store::open(dir.path(), KEY);
        let notice = notice.unwrap_or_else(|| panic!("{what}: no notice"));
        assert!(!notice.contains('\n'), "{what}: one line: {notice}");
        assert!(notice.contains(".corrupt"), "{what}: {notice}");
        let aside = dir.path().join(format!("{KEY}.json.corrupt"));
        assert_eq!(&fs::read(&aside).unwrap(), bytes, "{what}: kept as it was");
        assert!(!path.exists(), "{what}");
        assert_eq!(store.article(7), ArticleState::default(), "{what}: fresh");
        // Starting fresh, the store saves again.
        store.set_read(7, true);
        store.save_now().unwrap();
        assert!(Store::open(dir.path(), KEY).0.article(7).read, "{what}");
    }
}

#[test]
fn an_earlier_corrupt_file_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{KEY}.json"));
    fs::write(&path, "first bad").unwrap();
    let (_, first) = Store::open(dir.path(), KEY);
    fs::write(&path, "second bad").unwrap();
    let (_, second) = Store::open(dir.path(), KEY);
    assert!(
        first
            .unwrap()
            .ends_with(&format!("{KEY}.json.corrupt, starting fresh"))
    );
    assert!(second.unwrap().contains(".corrupt.1"));
    let aside = |n: &str| fs::read_to_string(dir.path().join(format!("{KEY}.json{n}"))).unwrap();
    assert_eq!(aside(".corrupt"), "first bad");
    assert_eq!(aside(".corrupt.1"), "second bad");
}

#[test]
fn a_newer_folios_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{KEY}.json"));
    let newer = r#"{"app": "folio", "version": 99, "future": {}}"#;
    fs::write(&path, newer).unwrap();
    let (mut store, notice) = Store::open(dir.path(), KEY);
    assert!(notice.unwrap().contains("newer folio"));
    store.set_read(1, true);
    store.save_now().unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
    assert_eq!(entries(dir.path()), vec![format!("{KEY}.json")]);
}

#[test]
fn a_folder_that_cannot_be_created_gives_a_notice_and_save_errors() {
    let dir = tempfile::tempdir().unwrap();
    // A folder under a regular file cannot be created, even by root.
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "").unwrap();
    let state_dir = blocker.join("folio");
    let (mut store, notice) = Store::open(&state_dir, KEY);
    assert!(notice.unwrap().contains("cannot create state folder"));
    store.set_read(1, true);
    assert!(store.article(1).read, "reading goes on");
    let err = store.save_now().unwrap_err();
    assert!(err.to_string().starts_with("cannot save reading state to "));
    assert!(store.is_dirty(), "the change is kept for a later try");
    // The throttle still applies after a failure: no retry on every keystroke.
    let t = Instant::now() + Duration::from_secs(10);
    assert!(store.save_if_due(t).is_err());
    assert!(!store.save_if_due(t + Duration::from_millis(10)).unwrap());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_gives_save_errors_not_panics() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let state_dir = dir.path().join("folio");
    let mut store = saved_store(&state_dir);
    fs::set_permissions(&state_dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores folder permissions; then there is nothing to check here.
    let probe = state_dir.join("probe");
    let root = fs::write(&probe, "").is_ok();
    store.set_read(8, true);
    let result = store.save_now();
    fs::set_permissions(&state_dir, fs::Permissions::from_mode(0o755)).unwrap();
    if root {
        return;
    }
    assert!(result.is_err());
    let (store, notice) = Store::open(&state_dir, KEY);
    assert_eq!(notice, None, "the old file is intact");
    assert!(store.article(7).read);
    assert_eq!(
        entries(&state_dir),
        vec![format!("{KEY}.json")],
        "no temp left"
    );
}

#[test]
fn two_writers_never_break_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let rounds = 200u64;
    let writer = |id: u64| {
        let dir = dir.path().to_path_buf();
        move || {
            let (mut store, _) = Store::open(&dir, KEY);
            for i in 0..rounds {
                store.set_line(id, i as usize + 1);
                store.set_session(Session {
                    query: format!("writer {id} round {i}"),
                    selected: Some(id),
                    sort: None,
                    ..Session::default()
                });
                store.save_now().unwrap();
            }
        }
    };
    let reader = {
        let path = dir.path().join(format!("{KEY}.json"));
        move || {
            for _ in 0..rounds {
                if let Ok(bytes) = fs::read(&path) {
                    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                    assert_eq!(value["app"], "folio");
                }
            }
        }
    };
    std::thread::scope(|s| {
        s.spawn(writer(1));
        s.spawn(writer(2));
        s.spawn(reader);
    });
    let (store, notice) = Store::open(dir.path(), KEY);
    assert_eq!(notice, None);
    // Last writer wins: its own final line is there; the other's may be older.
    let lines = [store.article(1).line, store.article(2).line];
    assert_eq!(lines.iter().max(), Some(&(rounds as usize)), "{lines:?}");
    assert_eq!(entries(dir.path()), vec![format!("{KEY}.json")]);
}

/// Not a test on its own: with `FOLIO_TEST_WRITER` set to a folder, saves the state there as
/// fast as it can until it is killed. `killed_at_any_moment_the_file_stays_readable` runs it.
#[test]
fn writer_until_killed() {
    let Some(dir) = std::env::var_os("FOLIO_TEST_WRITER") else {
        return;
    };
    let (mut store, _) = Store::open(Path::new(&dir), KEY);
    for i in 0.. {
        store.set_line(i % 50, (i + 1) as usize);
        store.set_read(i % 7, i % 2 == 0);
        store.save_now().unwrap();
    }
}

#[test]
fn killed_at_any_moment_the_file_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    saved_store(dir.path());
    let exe = std::env::current_exe().unwrap();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for round in 0..40 {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "writer_until_killed",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("FOLIO_TEST_WRITER", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // A different moment each round: from the start of the writer to well into its saves.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(2_000 + seed % 40_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let (store, notice) = Store::open(dir.path(), KEY);
        assert_eq!(
            notice, None,
            "round {round}: the file did not survive a kill"
        );
        assert!(store.path().is_some());
    }
    let names = entries(dir.path());
    assert!(names.contains(&format!("{KEY}.json")), "{names:?}");
    assert!(
        !names.iter().any(|n| n.contains("corrupt")),
        "nothing was set aside: {names:?}"
    );
}
