//! Fuzz targets for folio's parsers, with generators that know the shapes of hostile input:
//! escape sequences and C1 controls, invalid UTF-8 at any place, entities and scraping debris,
//! mail headers, deep nesting, giant tokens and lines, and queries of thousands of terms.
//!
//! Shared by `tests/fuzzing.rs` (a short run of each target in `cargo test`) and
//! `benches/fuzz.rs` (a million inputs a target, outside the tests). No dependency: a small
//! xorshift generator, so a failing input is reproduced from its seed.

use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

#[path = "inputs.rs"]
mod inputs;

pub use inputs::*;

/// What one run of a target found.
#[derive(Debug, Default)]
pub struct Report {
    pub inputs: u64,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The slowest input: its time, size and seed.
    pub slowest: (Duration, usize, u64),
    /// Failed inputs: (seed of the input, what went wrong).
    pub failures: Vec<(u64, String)>,
}

/// A target: takes one input made from a generator, returns its size, or what is wrong.
pub type Target = fn(&mut Gen) -> (usize, Result<(), String>);

/// Runs `target` on `inputs` inputs from `seed`: each input has its own seed (printed with any
/// failure, so `run(target, 1, that_seed)` replays it). Panics are caught and reported.
pub fn run(target: Target, inputs: u64, seed: u64) -> Report {
    let mut report = Report::default();
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut seeds = Gen::new(seed);
    let start = Instant::now();
    for _ in 0..inputs {
        let input_seed = seeds.next();
        let mut g = Gen::new(input_seed);
        let t = Instant::now();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| target(&mut g)));
        let took = t.elapsed();
        report.inputs += 1;
        match outcome {
            Ok((size, result)) => {
                report.bytes += size as u64;
                if took > report.slowest.0 {
                    report.slowest = (took, size, input_seed);
                }
                if let Err(why) = result {
                    report.failures.push((input_seed, why));
                }
            }
            Err(payload) => {
                let why = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                report.failures.push((input_seed, format!("panic: {why}")));
            }
        }
        if report.failures.len() >= 5 {
            break;
        }
    }
    report.elapsed = start.elapsed();
    panic::set_hook(hook);
    report
}

/// Every target, by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("decode + clean", clean),
    ("formats", formats),
    ("sanitise", sanitise),
    ("wrap", wrap),
    ("query + search", search),
    ("config", config_target),
    ("state file", state_file),
    ("cache file", cache_file),
];

fn clean(g: &mut Gen) -> (usize, Result<(), String>) {
    let bytes = article_bytes(g);
    let Ok(text) = folio::corpus::decode(&bytes) else {
        return (bytes.len(), Ok(()));
    };
    let parsed = folio::corpus::parse(&text);
    let fields = std::iter::once(&parsed.title)
        .chain(parsed.date.iter())
        .chain(parsed.source.iter())
        .chain(parsed.paragraphs.iter());
    for field in fields {
        if let Some(c) = field.chars().find(|&c| drives_the_terminal(c)) {
            return (bytes.len(), Err(format!("{c:?} in {field:?}")));
        }
    }
    if parsed.paragraphs.iter().any(String::is_empty) {
        return (bytes.len(), Err("an empty paragraph".into()));
    }
    (bytes.len(), Ok(()))
}

/// Any bytes through every reader, the format told by content as for standard input.
fn formats(g: &mut Gen) -> (usize, Result<(), String>) {
    let bytes = format_bytes(g);
    let size = bytes.len();
    let candidate = folio::corpus::Candidate::stdin(bytes);
    for result in folio::corpus::read_candidate(&candidate) {
        let Ok(article) = result else { continue };
        let fields = std::iter::once(&article.title)
            .chain(article.date.iter())
            .chain(article.source.iter())
            .chain(article.paragraphs.iter());
        for field in fields {
            if let Some(c) = field.chars().find(|&c| drives_the_terminal(c)) {
                return (size, Err(format!("{c:?} in {field:?}")));
            }
        }
    }
    (size, Ok(()))
}

fn sanitise(g: &mut Gen) -> (usize, Result<(), String>) {
    let s = text(g);
    let clean = folio::text::sanitize(&s);
    if let Some(c) = clean.chars().find(|&c| drives_the_terminal(c) || c == '\n') {
        return (s.len(), Err(format!("{c:?} survived")));
    }
    if folio::text::sanitize(&clean) != clean {
        return (s.len(), Err("sanitising twice changes the text".into()));
    }
    (s.len(), Ok(()))
}

fn wrap(g: &mut Gen) -> (usize, Result<(), String>) {
    let s = folio::text::sanitize(&text(g));
    let width = 2 + g.below(120);
    let ranges = folio::text::wrap_ranges(&s, width);
    let mut end = 0;
    for r in &ranges {
        if r.start < end || r.end > s.len() || r.start > r.end {
            return (s.len(), Err(format!("range {r:?} out of order or bounds")));
        }
        if !s.is_char_boundary(r.start) || !s.is_char_boundary(r.end) {
            return (s.len(), Err(format!("range {r:?} cuts a character")));
        }
        let line = &s[r.clone()];
        // A single character wider than the column is allowed to overflow it alone.
        if folio::text::width(line) > width && line.chars().count() > 1 {
            return (s.len(), Err(format!("line {line:?} is wider than {width}")));
        }
        end = r.end;
    }
    (s.len(), Ok(()))
}

fn search(g: &mut Gen) -> (usize, Result<(), String>) {
    use folio::search::{Highlighter, MemoryIndex, Query, Searcher};
    use std::sync::Arc;
    let q = query(g);
    let query = Query::parse(&q);
    let highlighter = Highlighter::new(&query);
    let article = Arc::new(folio::corpus::Article {
        title: folio::text::sanitize(&text(g)),
        paragraphs: vec![folio::text::sanitize(&text(g))],
        ..folio::corpus::Article::default()
    });
    let mut index = MemoryIndex::new();
    index.add(std::slice::from_ref(&article));
    let ranked = index.search(&query);
    for range in highlighter.spans(&article.paragraphs[0]) {
        let p = &article.paragraphs[0];
        if range.end > p.len() || !p.is_char_boundary(range.start) || !p.is_char_boundary(range.end)
        {
            return (q.len(), Err(format!("hit {range:?} cuts the text")));
        }
    }
    if ranked.iter().any(|r| r.id != 0) {
        return (
            q.len(),
            Err("an article that does not exist was ranked".into()),
        );
    }
    (q.len(), Ok(()))
}

fn config_target(g: &mut Gen) -> (usize, Result<(), String>) {
    let text = config(g);
    let (_config, problems) = folio::config::Config::parse(&text, "config.toml");
    if let Some(p) = problems.iter().find(|p| p.chars().any(drives_the_terminal)) {
        return (
            text.len(),
            Err(format!("problem line {p:?} carries a control")),
        );
    }
    (text.len(), Ok(()))
}

fn state_file(g: &mut Gen) -> (usize, Result<(), String>) {
    let bytes = if g.below(2) == 0 {
        article_bytes(g)
    } else {
        let mut b = br#"{"app": "folio", "version": 1, "session": {"query": ""#.to_vec();
        b.extend(article_bytes(g).into_iter().filter(|&c| c != b'"'));
        b.extend_from_slice(br#""}, "articles": {"00000000000000ab": {"line": 3}}}"#);
        b
    };
    let _ = folio::state::parse_file(&bytes);
    (bytes.len(), Ok(()))
}

/// A sound cache file of a few articles, made once: what `cache_file` damages.
fn sound_cache() -> &'static (Vec<u8>, std::path::PathBuf) {
    use std::sync::{Arc, OnceLock};
    static SOUND: OnceLock<(Vec<u8>, std::path::PathBuf)> = OnceLock::new();
    SOUND.get_or_init(|| {
        // One name for every run, so that the file's bytes, and so the inputs made from a seed,
        // are the same in every process (a seed found by the bench replays in the tests).
        let dir = std::env::temp_dir().join("folio-fuzz-cache");
        let corpus = dir.join("corpus");
        let _ = std::fs::create_dir_all(&corpus);
        for (i, text) in [
            "Talks in Oslo\n\nEnvoys met in the Norwegian capital. See https://example.org/a.\n",
            "Kabul report\n\nFighting near Kunduz; the talks stalled.\n\n> quoted\n",
            "Market news\n\nPrices rose at the cafe.\n",
        ]
        .iter()
        .enumerate()
        {
            let _ = std::fs::write(corpus.join(format!("{i}.txt")), text);
        }
        let cache = folio::cache::Cache {
            dir: dir.join("cache"),
            limit: 1 << 30,
            settings: "fuzz".into(),
        };
        let paths = [corpus.clone()];
        let (Some(key), Ok((candidates, _))) = (
            folio::cache::Key::of(&paths, &cache.settings),
            folio::corpus::discover(&paths),
        ) else {
            return (Vec::new(), dir);
        };
        let mut articles = Vec::new();
        let from = folio::cache::stream::From {
            key: Some(&key),
            cache: None,
        };
        let files = folio::cache::stream::stream(&candidates, &from, |b| {
            articles.extend(b.articles.into_iter().map(Arc::new));
            true
        })
        .unwrap_or_default();
        let mut index = folio::search::Index::new();
        index.add(&articles);
        let manifest = folio::cache::Manifest {
            key: key.clone(),
            files,
            built_s: 0,
        };
        let _ = cache.save(&manifest, &index, &articles);
        let bytes = std::fs::read(cache.path(&key)).unwrap_or_default();
        (bytes, dir)
    })
}

/// Puts right every checksum of a (damaged) cache file, so that what follows the checks is
/// fuzzed too: sections that lie about their sizes, offsets past the end, strings that are
/// not UTF-8.
fn fix_checksums(b: &mut [u8]) {
    let u64_at = |b: &[u8], at: usize| {
        b.get(at..at + 8)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let sections = b
        .get(12..16)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
        .min(64) as usize;
    for i in 0..sections {
        let e = 64 + i * 32;
        let (offset, len) = (u64_at(b, e + 8) as usize, u64_at(b, e + 16) as usize);
        let crc = match b.get(offset..offset.saturating_add(len)) {
            Some(section) => u64::from(crc32fast::hash(section)),
            None => continue,
        };
        if let Some(slot) = b.get_mut(e + 24..e + 32) {
            slot.copy_from_slice(&crc.to_le_bytes());
        }
    }
    if let Some(table) = b.get(64..64 + sections * 32) {
        let crc = u64::from(crc32fast::hash(table));
        b[48..56].copy_from_slice(&crc.to_le_bytes());
    }
    if b.len() >= 64 {
        let len = b.len() as u64;
        b[24..32].copy_from_slice(&len.to_le_bytes());
        let crc = u64::from(crc32fast::hash(&b[..56]));
        b[56..64].copy_from_slice(&crc.to_le_bytes());
    }
}

/// A sound cache file damaged (bytes changed, cut, grown; then, half the time, its checksums
/// put right), opened and, when it is taken, searched and read: never a panic.
fn cache_file(g: &mut Gen) -> (usize, Result<(), String>) {
    use folio::search::Searcher;
    use std::sync::Arc;
    let (sound, dir) = sound_cache();
    if sound.is_empty() {
        return (0, Err("no sound cache file to damage".into()));
    }
    let mut b = sound.clone();
    for _ in 0..1 + g.below(8) {
        match g.below(4) {
            0 if !b.is_empty() => {
                let at = g.below(b.len());
                b[at] ^= 1 << g.below(8);
            }
            1 if !b.is_empty() => {
                // A field of the header or the table: a size, an offset, a count.
                let at = g.below(b.len().min(64 + 22 * 32));
                b[at] = g.next() as u8;
            }
            2 => b.truncate(g.below(b.len() + 1)),
            _ => b.extend((0..g.below(64)).map(|_| g.next() as u8)),
        }
    }
    if g.below(2) == 0 {
        fix_checksums(&mut b);
    }
    let path = dir.join(format!("input-{:?}.idx", std::thread::current().id()));
    if std::fs::write(&path, &b).is_err() {
        return (b.len(), Ok(()));
    }
    if let Ok(Some(opened)) = folio::cache::Opened::open(&path) {
        let opened = Arc::new(opened);
        let _ = (opened.roots(), opened.bodies_sound(), opened.len());
        let headers: Vec<Arc<folio::corpus::Article>> = (0..opened.articles().min(16) as u32)
            .filter_map(|id| opened.header(id, "x").map(Arc::new))
            .collect();
        for a in &headers {
            let _ = a.full();
        }
        if let Ok(index) = opened.index() {
            let bodies: Arc<dyn folio::corpus::Bodies> = opened.clone();
            let mut mapped = folio::search::MappedIndex::new(index, bodies);
            mapped.add(&headers);
            for q in [
                "talks",
                "ka",
                "\"the talks\"",
                "oslo !kabul",
                "t",
                "source:x",
            ] {
                let _ = mapped.search(&folio::search::Query::parse(q));
            }
        }
    }
    (b.len(), Ok(()))
}
