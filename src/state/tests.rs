//! Unit tests of the store: defaults, change tracking, throttling, merging, keys and folders.

use super::*;

fn open(dir: &Path) -> Store {
    let (store, notice) = Store::open(dir, "k");
    assert_eq!(notice, None);
    store
}

#[test]
fn unknown_article_is_unread_at_top_unmarked() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert_eq!(
        store.article(42),
        ArticleState {
            read: false,
            line: 0,
            marked: false,
            tags: Vec::new(),
        }
    );
    assert_eq!(store.session(), &Session::default());
    assert!(!store.is_dirty());
}

#[test]
fn changes_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.set_read(1, true);
    store.set_line(2, 30);
    store.set_marked(3, true);
    store.set_session(Session {
        query: "election".into(),
        selected: Some(2),
        sort: Some(Sort::Date),
        history: vec!["oslo".into(), "tony | gordon".into()],
        list_width: Some(45),
        searches: vec![("news".into(), "tag:iran".into())],
    });
    store.save_now().unwrap();
    let again = open(dir.path());
    assert!(again.article(1).read);
    assert_eq!(again.article(2).line, 30);
    assert!(again.article(3).marked);
    assert!(!again.article(3).read);
    assert_eq!(again.session().query, "election");
    assert_eq!(again.session().selected, Some(2));
    assert_eq!(again.session().sort, Some(Sort::Date));
    assert_eq!(again.session().history, ["oslo", "tony | gordon"]);
    assert_eq!(again.session().list_width, Some(45));
}

#[test]
fn setting_the_same_value_is_not_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.set_read(1, false);
    store.set_line(1, 0);
    store.set_session(Session::default());
    assert!(!store.is_dirty());
    store.set_line(1, 5);
    assert!(store.is_dirty());
}

#[test]
fn back_to_default_is_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.set_read(9, true);
    store.save_now().unwrap();
    store.set_read(9, false);
    assert!(
        !store.contents.articles.contains_key(&9),
        "not kept in memory"
    );
    store.save_now().unwrap();
    let text = fs::read_to_string(store.path().unwrap()).unwrap();
    assert!(!text.contains("0000000000000009"), "{text}");
}

#[test]
fn throttle_writes_at_most_once_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let t0 = Instant::now();
    assert!(!store.save_if_due(t0).unwrap(), "nothing to save");
    store.set_line(1, 1);
    assert!(store.save_if_due(t0).unwrap(), "first change writes");
    assert!(!store.is_dirty());
    store.set_line(1, 2);
    assert!(!store.save_if_due(t0 + Duration::from_millis(500)).unwrap());
    assert!(!store.save_if_due(t0 + Duration::from_millis(999)).unwrap());
    assert!(store.is_dirty());
    assert_eq!(open(dir.path()).article(1).line, 1, "not written yet");
    assert!(store.save_if_due(t0 + Duration::from_millis(1000)).unwrap());
    assert_eq!(open(dir.path()).article(1).line, 2);
    assert!(
        !store.save_if_due(t0 + Duration::from_secs(5)).unwrap(),
        "clean"
    );
}

#[test]
fn save_now_ignores_the_throttle() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.set_read(1, true);
    assert!(store.save_if_due(Instant::now()).unwrap());
    store.set_read(2, true);
    store.save_now().unwrap();
    assert!(open(dir.path()).article(2).read);
}

#[test]
fn nothing_is_written_until_something_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    store.save_now().unwrap();
    assert!(!dir.path().join("k.json").exists());
}

#[test]
fn two_stores_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = open(dir.path());
    let mut b = open(dir.path());
    a.set_read(1, true);
    a.save_now().unwrap();
    b.set_read(2, true);
    b.set_session(Session {
        query: "b".into(),
        ..Session::default()
    });
    b.save_now().unwrap();
    assert!(b.article(1).read, "b adopts a's change on save");
    a.set_marked(1, true);
    a.save_now().unwrap();
    let c = open(dir.path());
    assert_eq!(
        c.article(1),
        ArticleState {
            read: true,
            line: 0,
            marked: true,
            tags: Vec::new(),
        }
    );
    assert!(c.article(2).read);
    assert_eq!(c.session().query, "b", "a did not touch the session");
}

#[test]
fn memory_only_store_keeps_state_but_writes_nothing() {
    let mut store = Store::memory_only();
    store.set_read(1, true);
    store.save_now().unwrap();
    assert!(store.article(1).read);
    assert!(!store.is_dirty());
    assert_eq!(store.path(), None);
}

#[test]
fn bad_keys_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for key in ["", "../x", "a/b", "a.b"] {
        let (mut store, notice) = Store::open(dir.path(), key);
        assert!(notice.is_some(), "{key:?}");
        store.set_read(1, true);
        store.save_now().unwrap();
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn corpus_key_ignores_order_and_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    fs::create_dir(&a).unwrap();
    fs::create_dir(&b).unwrap();
    let key = corpus_key(&[a.clone(), b.clone()]);
    assert_eq!(key.len(), 16);
    assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(corpus_key(&[b.clone(), a.clone()]), key);
    assert_eq!(corpus_key(&[a.join("..").join("b"), a.clone()]), key);
    assert_eq!(corpus_key(&[a.clone(), b.clone(), a.clone()]), key);
    assert_ne!(corpus_key(std::slice::from_ref(&a)), key);
    assert_ne!(corpus_key(&[a]), corpus_key(&[b]));
    assert_eq!(corpus_key(&[]), "bundled");
}

#[cfg(unix)]
#[test]
fn a_link_where_the_state_file_should_be_is_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "not folio's").unwrap();
    let state = dir.path().join("state");
    fs::create_dir(&state).unwrap();
    std::os::unix::fs::symlink(&secret, state.join("k.json")).unwrap();
    let (mut store, notice) = Store::open(&state, "k");
    assert!(notice.unwrap().contains("symbolic link"));
    store.set_read(1, true);
    store.save_now().unwrap();
    assert_eq!(fs::read_to_string(&secret).unwrap(), "not folio's");
    assert!(
        disk::is_link(&state.join("k.json")),
        "the link is left as it is"
    );

    // A link planted after opening stops the saving with one error, and is left alone too.
    let (mut store, notice) = Store::open(&state, "other");
    assert_eq!(notice, None);
    std::os::unix::fs::symlink(&secret, state.join("other.json")).unwrap();
    store.set_read(1, true);
    assert!(store.save_now().is_err());
    store.set_read(2, true);
    assert!(store.save_now().is_ok(), "said once; saving has stopped");
    assert_eq!(fs::read_to_string(&secret).unwrap(), "not folio's");
}
