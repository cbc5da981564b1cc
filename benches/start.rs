//! Starting folio on a large corpus, as a user does: the release binary in a pseudo-terminal,
//! its screen parsed with vt100. Times, from the spawn:
//! - *first screen*: the first frame that lists articles;
//! - *searchable*: a query typed at once has its complete answer on screen (not a partial one
//!   over the articles indexed so far).
//!
//! Cold starts begin with an empty cache folder; warm starts reuse the one the cold start
//! wrote. After a warm start it reads the process's anonymous memory (RssAnon).
//!
//! `FOLIO_BENCH_CORPUS=DIR` (default: 100,000 synthetic articles written to
//! `/tmp/folio-bench-100k` by `benches/support/synth.rs` when that folder is missing),
//! `FOLIO_BENCH_QUERY` (default `prupichebrendld`, a word in 16 articles of the default corpus),
//! `FOLIO_BENCH_RUNS` (default 5; medians are printed).
#![allow(clippy::expect_used)]

#[path = "support/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const LIMIT: Duration = Duration::from_secs(600);
const ROWS: std::num::NonZeroU16 = std::num::NonZeroU16::new(30).unwrap();
const COLS: std::num::NonZeroU16 = std::num::NonZeroU16::new(100).unwrap();

struct Run {
    first_screen: Duration,
    searchable: Duration,
    rss_anon_kb: Option<u64>,
}

/// The border's `shown/total` and whether the answer is still partial.
fn border(screen: &vt100::Screen) -> Option<(u64, u64, bool)> {
    let top = screen.contents_between(0, 0, 0, screen.size().1.into());
    let rest = top.strip_prefix("┌ ")?;
    let count = rest.split_whitespace().next()?;
    let (shown, total) = count.split_once('/')?;
    let partial = top.contains("searching") || top.contains("indexed");
    Some((shown.parse().ok()?, total.parse().ok()?, partial))
}

fn rss_anon_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("RssAnon:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Whether `dir` holds a cache file.
fn has_cache(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().ends_with(".idx"))
        })
        .unwrap_or(false)
}

/// Starts folio on `corpus`; with `wait_for_cache`, keeps it running after the answer until it
/// has written its cache there.
fn start(
    corpus: &Path,
    home: &Path,
    total: u64,
    query: &str,
    wait_for_cache: Option<&Path>,
) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_folio"));
    cmd.arg(corpus);
    cmd.arg("--fresh");
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    let began = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let pid = child.process_id().unwrap_or(0);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    {
        let parser = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = parser.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
    }
    // The query goes in at once: folio takes keys while it loads.
    let _ = writer.write_all(format!("/{query}").as_bytes());
    let _ = writer.flush();
    let mut first_screen = None;
    let mut searchable = None;
    while began.elapsed() < LIMIT {
        let b = parser.lock().ok().and_then(|p| border(p.screen()));
        if first_screen.is_none() && b.is_some_and(|(_, t, _)| t > 0) {
            first_screen = Some(began.elapsed());
        }
        if searchable.is_none()
            && b.is_some_and(|(shown, t, partial)| t == total && !partial && shown < total)
        {
            searchable = Some(began.elapsed());
        }
        if searchable.is_some() {
            break;
        }
        thread::sleep(Duration::from_millis(2));
    }
    let rss = rss_anon_kb(pid);
    if let Some(dir) = wait_for_cache {
        while !has_cache(dir) && began.elapsed() < LIMIT {
            thread::sleep(Duration::from_millis(50));
        }
    }
    // Quit (Esc leaves the filter bar; sent apart, or it reads as Alt-q), and let it finish
    // writing the cache if it is.
    let _ = writer.write_all(b"\x1b");
    let _ = writer.flush();
    thread::sleep(Duration::from_millis(150));
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let quit = Instant::now();
    while quit.elapsed() < Duration::from_secs(120) {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    Run {
        first_screen: first_screen.unwrap_or(LIMIT),
        searchable: searchable.unwrap_or(LIMIT),
        rss_anon_kb: rss,
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn corpus() -> PathBuf {
    if let Ok(dir) = std::env::var("FOLIO_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    let dir = PathBuf::from("/tmp/folio-bench-100k");
    if !dir.exists() {
        eprintln!("writing 100,000 synthetic articles to {}", dir.display());
        let articles = synth::corpus(100_000, 2019);
        synth::write(&articles, &dir).expect("write the corpus");
        let _ = std::fs::remove_file(dir.join("titles.txt"));
    }
    dir
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let corpus = corpus();
    let query = std::env::var("FOLIO_BENCH_QUERY").unwrap_or_else(|_| "prupichebrendld".into());
    let runs: usize = std::env::var("FOLIO_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["--no-cache", "--list"])
        .arg(&corpus)
        .output()
        .expect("folio --list");
    let total = listed.stdout.iter().filter(|&&b| b == b'\n').count() as u64;
    eprintln!(
        "{}: {total} articles, query {query:?}, {runs} runs",
        corpus.display()
    );
    let home = tempfile::tempdir().expect("home");
    let cache_dir = home.path().join("cache").join("folio");
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for run in 0..runs {
        let _ = std::fs::remove_dir_all(&cache_dir);
        // The cold start writes the cache once it has indexed everything.
        let c = start(&corpus, home.path(), total, &query, Some(&cache_dir));
        if let Ok(d) = std::fs::read_dir(&cache_dir) {
            let names: Vec<String> = d
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            eprintln!("cache folder after the cold start: {names:?}");
        }
        let w = start(&corpus, home.path(), total, &query, None);
        eprintln!(
            "run {run}: cold first screen {:?}, searchable {:?}; warm first screen {:?}, searchable {:?}, RssAnon {:?} kB",
            c.first_screen, c.searchable, w.first_screen, w.searchable, w.rss_anon_kb
        );
        cold.push(c);
        warm.push(w);
    }
    let on_disk: u64 = walk_size(&corpus);
    println!("| start | first screen | searchable |");
    println!("|---|---:|---:|");
    for (name, v) in [("cold (no cache)", &cold), ("warm (cache)", &warm)] {
        println!(
            "| {name} | {:.0} ms | {:.0} ms |",
            median(v.iter().map(|r| r.first_screen).collect()).as_secs_f64() * 1e3,
            median(v.iter().map(|r| r.searchable).collect()).as_secs_f64() * 1e3,
        );
    }
    let mut rss: Vec<u64> = warm.iter().filter_map(|r| r.rss_anon_kb).collect();
    rss.sort_unstable();
    if let Some(kb) = rss.get(rss.len() / 2) {
        println!(
            "\nRssAnon after a warm start: {} MB, {:.2}x the corpus on disk ({} MB)",
            kb / 1024,
            (*kb as f64 * 1024.0) / on_disk as f64,
            on_disk >> 20
        );
    }
}

/// The bytes of the regular files under `dir`.
fn walk_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(entries) = std::fs::read_dir(&d) {
            for e in entries.filter_map(Result::ok) {
                match e.file_type() {
                    Ok(t) if t.is_dir() => stack.push(e.path()),
                    Ok(t) if t.is_file() => total += e.metadata().map_or(0, |m| m.len()),
                    _ => {}
                }
            }
        }
    }
    total
}
