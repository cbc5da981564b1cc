//! The index cache: a second start answers exactly as a cold one, follows edits to the corpus
//! (append, delete, add, rename, touch, a change that keeps size and time), and a damaged,
//! cut or other-version cache file is set aside, never trusted.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use folio::cache::stream::{From, stream};
use folio::cache::{Cache, Found, Key, Manifest, Opened, Plan, plan};
use folio::corpus::{self, Article, Bodies};
use folio::search::{MappedIndex, MemoryIndex, Query, Searcher};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Kabul",
    "talks",
    "peace",
    "Taliban",
    "envoy",
    "Doha",
    "ceasefire",
    "government",
    "governor",
    "said",
    "the",
    "of",
    "Oslo",
    "Khalilzad",
    "attack",
    "Kunduz",
    "withdrawal",
    "troops",
];

/// Deterministic text: `n` words picked by a small generator from `seed`.
fn text(seed: u64, n: usize) -> String {
    let mut state = seed
        .wrapping_mul(2_862_933_555_777_941_757)
        .wrapping_add(3_037_000_493);
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            WORDS[(state >> 33) as usize % WORDS.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A corpus folder: text files, a JSON Lines dataset, and a dataset with a bad line.
fn corpus(dir: &Path, files: u64) {
    fs::create_dir_all(dir.join("sub")).unwrap();
    for i in 0..files {
        let body = format!(
            "{}\n\n{}.\n\n{}.\n",
            text(i, 5),
            text(i + 100, 40),
            text(i + 200, 30)
        );
        let name = if i % 3 == 0 {
            format!("sub/{i:03}.txt")
        } else {
            format!("{i:03}.txt")
        };
        fs::write(dir.join(name), body).unwrap();
    }
    let lines: Vec<String> = (0..4)
        .map(|i| {
            serde_json::json!({"title": text(i + 50, 4),
                               "text": format!("{} See https://example.org/{i} for more.", text(i + 60, 30)),
                               "url": format!("https://example.org/story/{i}"),
                               "date": format!("2019-09-0{}", i + 1), "source": "Wire"})
            .to_string()
        })
        .collect();
    fs::write(dir.join("data.jsonl"), lines.join("\n")).unwrap();
    fs::write(dir.join("bad.jsonl"), format!("{}\n{{not json\n", lines[0])).unwrap();
}

fn cache_in(dir: &Path) -> Cache {
    Cache {
        dir: dir.to_path_buf(),
        limit: 1 << 30,
        settings: "test".into(),
    }
}

/// What a load gives: the articles and a searcher over them.
struct Load {
    articles: Vec<Arc<Article>>,
    searcher: Box<dyn Searcher>,
    plan: Option<Plan>,
}

/// Loads `root` with no cache.
fn cold(root: &Path) -> Load {
    let (candidates, _) = corpus::discover(&[root.to_path_buf()]).unwrap();
    let (articles, _) = corpus::load_all(&candidates);
    let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let mut searcher = MemoryIndex::new();
    searcher.add(&articles);
    Load {
        articles,
        searcher: Box::new(searcher),
        plan: None,
    }
}

/// Loads `root` and writes its cache into `cache`.
fn build(cache: &Cache, root: &Path) {
    let paths = [root.to_path_buf()];
    let key = Key::of(&paths, &cache.settings).unwrap();
    let (candidates, _) = corpus::discover(&paths).unwrap();
    let mut articles = Vec::new();
    let from = From {
        key: Some(&key),
        cache: None,
    };
    let files = stream(&candidates, &from, |b| {
        articles.extend(b.articles.into_iter().map(Arc::new));
        true
    })
    .unwrap();
    let mut index = MemoryIndex::new();
    index.add(&articles);
    let snapshot = index.snapshot().unwrap();
    let manifest = Manifest {
        key,
        files,
        built_s: folio::cache::now_s(),
    };
    cache
        .save(&manifest, &snapshot.index.unwrap(), &articles)
        .unwrap()
        .expect("nobody else holds the lock");
}

/// Opens the cache for `root`, which must be there and sound.
fn opened(cache: &Cache, root: &Path) -> Arc<Opened> {
    let key = Key::of(&[root.to_path_buf()], &cache.settings).unwrap();
    match cache.find(&key) {
        Found::Opened(o) => o,
        other => panic!("no usable cache: {other:?}"),
    }
}

/// Loads `root` through its cache.
fn warm(cache: &Cache, root: &Path) -> Load {
    let paths = [root.to_path_buf()];
    let key = Key::of(&paths, &cache.settings).unwrap();
    let opened = opened(cache, root);
    let (candidates, _) = corpus::discover(&paths).unwrap();
    let plan = plan::plan(&key, &opened, &candidates);
    let mut articles = Vec::new();
    let from = From {
        key: Some(&key),
        cache: Some((&opened, &plan)),
    };
    stream(&candidates, &from, |b| {
        articles.extend(b.articles.into_iter().map(Arc::new));
        true
    })
    .unwrap();
    let bodies: Arc<dyn Bodies> = opened.clone();
    let mut searcher = MappedIndex::new(opened.index().unwrap(), bodies);
    searcher.add(&articles);
    Load {
        articles,
        searcher: Box::new(searcher),
        plan: Some(plan),
    }
}

const QUERIES: &[&str] = &[
    "",
    "kabul",
    "talib",
    "govern",
    "\"peace talks\"",
    "said !doha",
    "title:oslo",
    "source:wire",
    "date:2019-09",
    "khalilzd",
    "ceasefire | troops",
];

/// One answer: the article (path, record, full text), its hits and score.
type Answer = (String, String, Article, u32, u32);

/// Every answer to every query: what a user sees.
fn answers(load: &mut Load) -> Vec<Vec<Answer>> {
    QUERIES
        .iter()
        .map(|q| {
            load.searcher
                .search(&Query::parse(q))
                .into_iter()
                .map(|r| {
                    let a = load.articles[r.id as usize].full();
                    let mut a = Article::clone(&a);
                    a.stored = None;
                    (a.path.clone(), a.record.clone(), a, r.hits, r.score)
                })
                .collect()
        })
        .collect()
}

fn same_as_cold(cache: &Cache, root: &Path) -> Plan {
    let mut warm = warm(cache, root);
    let mut cold = cold(root);
    assert_eq!(warm.articles.len(), cold.articles.len());
    let (w, c) = (answers(&mut warm), answers(&mut cold));
    for (q, (w, c)) in QUERIES.iter().zip(w.iter().zip(&c)) {
        assert_eq!(w, c, "query {q:?}");
    }
    assert!(c[1].len() > 1, "the queries find something");
    warm.plan.unwrap()
}

fn reads(plan: &Plan) -> usize {
    plan.reads()
}

#[test]
fn a_second_start_answers_as_a_cold_one_and_reads_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 30);
    let cache = cache_in(&tmp.path().join("cache"));
    build(&cache, &root);
    let plan = same_as_cold(&cache, &root);
    let w = warm(&cache, &root);
    let linked = w
        .articles
        .iter()
        .find(|a| a.url.is_some() && a.stored.is_some());
    let linked = linked.expect("an article with an address, from the cache");
    assert!(linked.links.is_empty(), "links come with the paragraphs");
    assert!(!linked.full().links.is_empty(), "and are kept in the cache");
    // Only the dataset with a bad line is read again, so that its skip is told again.
    assert_eq!(reads(&plan), 1, "{plan:?}");
    assert_eq!(plan.dropped, 1);
    // The articles' paragraphs stay in the file until opened.
    let w = warm(&cache, &root);
    assert!(w.articles.iter().filter(|a| a.stored.is_some()).count() > 30);
    assert!(
        w.articles
            .iter()
            .all(|a| a.stored.is_none() || a.paragraphs.is_empty())
    );
}

#[test]
fn the_cache_follows_edits() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 30);
    let cache = cache_in(&tmp.path().join("cache"));
    build(&cache, &root);
    let baseline = reads(&same_as_cold(&cache, &root));

    // Append to one file, delete one, add one, rename one.
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(root.join("001.txt"))
        .unwrap();
    std::io::Write::write_all(&mut f, b"\nA new paragraph about Kabul and a ceasefire.\n").unwrap();
    drop(f);
    fs::remove_file(root.join("002.txt")).unwrap();
    fs::write(
        root.join("new.txt"),
        "Kabul envoy\n\nThe envoy met in Kabul.\n",
    )
    .unwrap();
    fs::rename(root.join("004.txt"), root.join("sub/renamed.txt")).unwrap();
    let plan = same_as_cold(&cache, &root);
    assert_eq!(
        reads(&plan),
        baseline + 3,
        "appended, added, renamed: {plan:?}"
    );
    assert_eq!(
        plan.dropped,
        1 + 3,
        "deleted, renamed, appended (and the bad one)"
    );

    // Touched without a change: read again, same answers.
    let f = fs::File::options()
        .append(true)
        .open(root.join("005.txt"))
        .unwrap();
    f.set_modified(SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    drop(f);
    let plan = same_as_cold(&cache, &root);
    assert!(plan.pieces.len() > 30);
}

#[test]
fn a_change_that_keeps_size_and_time_is_caught_by_its_checksum() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 10);
    let cache = cache_in(&tmp.path().join("cache"));
    build(&cache, &root);
    // Same length, same time, same inode: only the bytes differ (as when a file is rewritten
    // within the same clock tick as it was read).
    let path = root.join("001.txt");
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let changed = text
        .replacen("a", "b", 1)
        .replacen(char::is_lowercase, "z", 1);
    assert_eq!(changed.len(), text.len());
    assert_ne!(changed, text);
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, changed.as_bytes()))
        .unwrap();
    fs::File::options()
        .append(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let plan = same_as_cold(&cache, &root);
    assert_eq!(
        reads(&plan),
        2,
        "the rewritten file and the bad dataset: {plan:?}"
    );
}

/// Writes a cache, damages it with `harm`, and checks that it is set aside with a reason
/// containing `why`, then rebuilt.
fn damaged(harm: impl Fn(&Path, u64), why: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 8);
    let cache = cache_in(&tmp.path().join("cache"));
    build(&cache, &root);
    let key = Key::of(std::slice::from_ref(&root), &cache.settings).unwrap();
    let path = cache.path(&key);
    harm(&path, fs::metadata(&path).unwrap().len());
    match cache.find(&key) {
        Found::SetAside(damage) => assert!(damage.0.contains(why), "{why}: {damage}"),
        // The bodies' texts are checked when first read: never given when damaged.
        Found::Opened(o) if why == "checksum" => {
            assert!(!o.bodies_sound(), "{why}: damage went unseen");
            let a = o.header(0, "x").unwrap();
            assert!(Arc::new(a).full().paragraphs.is_empty());
            cache.discard(&key);
        }
        other => panic!("a damaged cache was taken ({why}): {other:?}"),
    }
    assert!(!path.exists(), "set aside");
    let mut bad = path.clone().into_os_string();
    bad.push(".bad");
    assert!(PathBuf::from(bad).exists(), "kept beside, as .bad");
    assert!(matches!(cache.find(&key), Found::Missing));
    build(&cache, &root);
    same_as_cold(&cache, &root);
}

fn overwrite(path: &Path, at: u64) {
    let mut bytes = fs::read(path).unwrap();
    let i = at as usize;
    bytes[i] ^= 0x5a;
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_cut_cache_is_set_aside() {
    damaged(
        |p, len| {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_len(len / 2)
                .unwrap()
        },
        "cut short",
    );
    damaged(|p, _| fs::File::create(p).map(drop).unwrap(), "cut short");
}

#[test]
fn a_cache_with_overwritten_bytes_is_set_aside() {
    damaged(|p, _| overwrite(p, 0), "not a cache file");
    damaged(|p, _| overwrite(p, 20), "header");
    damaged(|p, _| overwrite(p, 70), "table");
    damaged(|p, len| overwrite(p, len / 2), "checksum");
    damaged(|p, len| overwrite(p, len / 3), "checksum");
    damaged(|p, len| overwrite(p, len - 1), "checksum");
}

#[test]
fn a_cache_of_another_version_is_set_aside() {
    damaged(
        |p, _| {
            let mut bytes = fs::read(p).unwrap();
            bytes[8..12].copy_from_slice(&99u32.to_le_bytes());
            let crc = u64::from(crc32fast::hash(&bytes[..56]));
            bytes[56..64].copy_from_slice(&crc.to_le_bytes());
            fs::write(p, bytes).unwrap();
        },
        "another version",
    );
}

#[test]
fn a_cache_for_other_settings_is_not_taken() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 4);
    let cache = cache_in(&tmp.path().join("cache"));
    build(&cache, &root);
    let other = Cache {
        settings: "other fields".into(),
        ..cache.clone()
    };
    let key = Key::of(std::slice::from_ref(&root), &other.settings).unwrap();
    assert_ne!(
        cache.path(&key),
        other.path(&Key::of(&[root], &cache.settings).unwrap())
    );
    assert!(matches!(other.find(&key), Found::Missing));
}

#[test]
fn an_unwritable_folder_is_an_error_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 4);
    let cache = cache_in(Path::new("/dev/null/folio"));
    let key = Key::of(std::slice::from_ref(&root), &cache.settings).unwrap();
    let manifest = Manifest {
        key,
        files: Vec::new(),
        built_s: 0,
    };
    let err = cache
        .save(&manifest, &folio::search::Index::new(), &[])
        .unwrap_err();
    assert!(!err.to_string().is_empty());
}

#[test]
fn the_folder_is_held_to_its_limit_oldest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cache");
    let roots: Vec<PathBuf> = (0..3).map(|i| tmp.path().join(format!("c{i}"))).collect();
    for r in &roots {
        corpus(r, 6);
    }
    let big = cache_in(&dir);
    build(&big, &roots[0]);
    let one = fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".idx"))
        .map(|e| e.metadata().unwrap().len())
        .max()
        .unwrap();
    // Room for two files: writing a third removes the least recently used.
    let cache = Cache {
        limit: one * 2 + one / 2,
        ..big
    };
    build(&cache, &roots[1]);
    // Use the first again, so that the second is now the oldest.
    std::thread::sleep(Duration::from_millis(20));
    opened(&cache, &roots[0]);
    std::thread::sleep(Duration::from_millis(20));
    build(&cache, &roots[2]);
    let key = |r: &PathBuf| Key::of(std::slice::from_ref(r), &cache.settings).unwrap();
    assert!(matches!(cache.find(&key(&roots[0])), Found::Opened(_)));
    assert!(matches!(cache.find(&key(&roots[1])), Found::Missing));
    assert!(matches!(cache.find(&key(&roots[2])), Found::Opened(_)));
}

#[test]
fn two_folios_building_at_once_both_answer_right_and_leave_one_good_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 40);
    let cache_home = tmp.path().join("xdg");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .arg(&root)
            .env("XDG_CACHE_HOME", &cache_home)
            .env("XDG_STATE_HOME", tmp.path().join("state"))
            .env("XDG_CONFIG_HOME", tmp.path().join("config"))
            .output()
            .unwrap()
    };
    let expected = run(&["--no-cache", "--filter", "kabul"]).stdout;
    assert!(!expected.is_empty());
    let both: Vec<_> = (0..2)
        .map(|_| {
            let root = root.clone();
            let cache_home = cache_home.clone();
            let state = tmp.path().join("state");
            std::thread::spawn(move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
                    .args(["--rebuild-index", "--filter", "kabul"])
                    .arg(&root)
                    .env("XDG_CACHE_HOME", &cache_home)
                    .env("XDG_STATE_HOME", state)
                    .output()
                    .unwrap()
            })
        })
        .collect();
    for h in both {
        let out = h.join().unwrap();
        assert_eq!(out.stdout, expected);
    }
    // What is left is one sound cache, and a run through it answers the same.
    let leftover: Vec<String> = fs::read_dir(cache_home.join("folio"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(leftover.len(), 1, "{leftover:?}");
    assert!(leftover[0].ends_with(".idx"));
    assert_eq!(run(&["--filter", "kabul"]).stdout, expected);
    assert_eq!(
        run(&["--list"]).stdout,
        run(&["--no-cache", "--list"]).stdout
    );
}

#[test]
fn an_unwritable_cache_folder_means_working_without_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 5);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["--rebuild-index", "--list"])
        .arg(&root)
        .env("XDG_CACHE_HOME", "/dev/null/cache")
        .env("XDG_STATE_HOME", tmp.path().join("state"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        5 + 4 + 1
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("index cache could not be written").count(),
        1,
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The mapped index and the in-memory one give the same answers, article for article.
    #[test]
    fn mapped_and_in_memory_indexes_agree(
        bodies in prop::collection::vec(prop::collection::vec(0..WORDS.len(), 1..30), 1..25),
        queries in prop::collection::vec((0..WORDS.len(), 1..6usize, 0..4u8), 1..6),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("corpus");
        fs::create_dir_all(&root).unwrap();
        for (i, words) in bodies.iter().enumerate() {
            let words: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
            let title = words.iter().take(3).copied().collect::<Vec<_>>().join(" ");
            fs::write(root.join(format!("{i:02}.txt")), format!("{title}\n\n{}.\n", words.join(" "))).unwrap();
        }
        let cache = cache_in(&tmp.path().join("cache"));
        build(&cache, &root);
        let mut w = warm(&cache, &root);
        let mut c = cold(&root);
        for (word, cut, op) in queries {
            let word = WORDS[word].to_lowercase();
            let term = &word[..cut.min(word.len())];
            let q = match op {
                0 => term.to_string(),
                1 => format!("\"{word}\""),
                2 => format!("{term} !said"),
                _ => format!("title:{term}"),
            };
            let q = Query::parse(&q);
            let ids = |l: &mut Load| -> Vec<(String, u32, u32)> {
                l.searcher.search(&q).into_iter()
                    .map(|r| (l.articles[r.id as usize].path.clone(), r.hits, r.score)).collect()
            };
            prop_assert_eq!(ids(&mut w), ids(&mut c));
        }
    }
}

#[test]
fn typing_a_word_letter_by_letter_answers_as_fresh_searches() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 30);
    let cache = cache_in(&tmp.path().join("cache"));
    build(&cache, &root);
    let mut typed = warm(&cache, &root);
    for word in ["khalilzad", "withdrawal", "ceasefire"] {
        for k in 1..=word.len() {
            let q = Query::parse(&word[..k]);
            let mut fresh = warm(&cache, &root);
            let got: Vec<u32> = typed.searcher.search(&q).iter().map(|r| r.id).collect();
            let want: Vec<u32> = fresh.searcher.search(&q).iter().map(|r| r.id).collect();
            assert_eq!(got, want, "{:?}", &word[..k]);
        }
        assert!(!typed.searcher.search(&Query::parse(word)).is_empty());
    }
}

/// Not a test on its own: with `FOLIO_TEST_CACHE_WRITER` set to a folder holding `corpus/`,
/// writes its cache under `cache/` again and again until it is killed.
/// `killed_while_writing_the_cache_is_never_trusted` runs it.
#[test]
fn cache_writer_until_killed() {
    let Some(dir) = std::env::var_os("FOLIO_TEST_CACHE_WRITER") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let cache = cache_in(&dir.join("cache"));
    loop {
        build(&cache, &dir.join("corpus"));
    }
}

#[test]
fn killed_while_writing_the_cache_is_never_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    corpus(&root, 120);
    let cache = cache_in(&tmp.path().join("cache"));
    let key = Key::of(std::slice::from_ref(&root), &cache.settings).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut sound = 0;
    for round in 0..30 {
        let mut child = std::process::Command::new(&exe)
            .args([
                "--exact",
                "cache_writer_until_killed",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("FOLIO_TEST_CACHE_WRITER", tmp.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(3_000 + seed % 60_000));
        child.kill().unwrap(); // SIGKILL, at any moment of a write
        child.wait().unwrap();
        // What is there is either nothing yet or a whole, sound file: never a trusted wreck.
        match cache.find(&key) {
            Found::Missing => {}
            Found::Opened(o) => {
                assert!(o.bodies_sound(), "round {round}");
                sound += 1;
            }
            Found::SetAside(damage) => panic!("round {round}: a half-written cache: {damage}"),
        }
    }
    assert!(sound > 0, "some rounds got as far as a whole file");
    same_as_cold(&cache, &root);
}
