//! Search benchmarks on synthetic corpora: index build, one filter keystroke of each kind, and
//! typing a word letter by letter through the narrowing cache the worker uses.
//!
//! `FOLIO_BENCH_SIZES=1000,10000` picks the corpus sizes (default 1000,10000,100000).
//! `FOLIO_BENCH_WRITE=/tmp/synth100k` writes the 100,000-article corpus there as text files
//! (for comparisons with grep and fzf) and exits.
//! `FOLIO_BENCH_SWEEP_ONLY=1` skips criterion: it builds each size once (timed) and runs the
//! sweep; `=build` stops after the build.
//! `FOLIO_BENCH_REPEAT=QUERY` (with `FOLIO_BENCH_SWEEP_ONLY`) runs one query 50 times instead
//! of the sweep, for profilers.
//! `FOLIO_BENCH_VERBOSE=1` prints every keystroke's time in the sweep.
//! After criterion, a sweep times every keystroke of a set of typed queries once per size and
//! prints the median and the worst, the worst of the untimed first pass (which also builds
//! what the index derives when first needed), and the peak memory of the process.

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use folio::corpus::Article;
use folio::search::{Index, Query, SearchCache};

const SEED: u64 = 2019;

/// One keystroke of each kind, on the synthetic vocabulary.
fn queries() -> Vec<(&'static str, String)> {
    let rare = synth::word(300_000);
    let mid = synth::word(3_000);
    let mut typo = synth::word(1_500);
    typo.remove(typo.len() / 2);
    vec![
        ("common", "said".to_string()),
        ("rare", rare),
        ("typo", typo),
        ("two_terms", format!("security {mid}")),
        ("negation", format!("peace !{mid}")),
        ("phrase", "\"of the\"".to_string()),
    ]
}

/// Words typed letter by letter in the sweep (each prefix is one keystroke).
fn typed() -> Vec<String> {
    vec![
        "government".to_string(),
        synth::word(40_000),
        format!("talks {}", synth::word(900)),
        "\"the peace\"".to_string(),
        format!("said !{}", synth::word(2_000)),
    ]
}

fn build(articles: &[Arc<Article>]) -> Index {
    let mut index = Index::new();
    index.add(articles);
    index
}

fn bench_size(c: &mut Criterion, n: usize) {
    let articles = synth::corpus(n, SEED);
    let mut group = c.benchmark_group(format!("search_{n}"));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(if n >= 100_000 { 20 } else { 3 }));
    group.bench_function("index_build", |b| b.iter(|| black_box(build(&articles))));
    let index = build(&articles);
    for (name, input) in queries() {
        let query = Query::parse(&input);
        group.bench_with_input(BenchmarkId::new("keystroke", name), &query, |b, q| {
            b.iter(|| black_box(index.search(&articles, q)))
        });
    }
    let word = "government";
    let prefixes: Vec<Query> = (1..=word.len()).map(|k| Query::parse(&word[..k])).collect();
    group.bench_function("typing_government_10_keys", |b| {
        b.iter(|| {
            let mut cache = SearchCache::default();
            for q in &prefixes {
                black_box(index.search_cached(&articles, q, &mut cache));
            }
        })
    });
    group.finish();
    sweep(n, &articles, &index);
}

/// Times every keystroke once (after one untimed warm-up pass) and prints median and worst.
fn sweep(n: usize, articles: &[Arc<Article>], index: &Index) {
    let mut inputs: Vec<String> = queries().into_iter().map(|(_, q)| q).collect();
    for t in typed() {
        inputs.extend(
            t.char_indices()
                .map(|(i, c)| t[..i + c.len_utf8()].to_string()),
        );
    }
    let verbose = std::env::var("FOLIO_BENCH_VERBOSE").is_ok();
    let mut times = Vec::new();
    let mut worst = (Duration::ZERO, String::new());
    // The first pass also builds what the index derives when first needed (word groups,
    // one-character summaries, common pairs, path order): its worst keystroke shows that cost.
    let mut first_worst = (Duration::ZERO, String::new());
    for pass in 0..2 {
        let mut cache = SearchCache::default();
        let mut previous = String::new();
        for input in &inputs {
            if !input.starts_with(previous.as_str()) {
                cache = SearchCache::default();
            }
            let query = Query::parse(input);
            let start = Instant::now();
            let hits = index.search_cached(articles, &query, &mut cache).len();
            let took = start.elapsed();
            black_box(hits);
            if pass == 0 && took > first_worst.0 {
                first_worst = (took, format!("{input} ({hits} articles)"));
            }
            if pass == 1 {
                if verbose {
                    eprintln!("  {:>9.2} ms  {input} ({hits})", took.as_secs_f64() * 1e3);
                }
                times.push(took);
                if took > worst.0 {
                    worst = (took, format!("{input} ({hits} articles)"));
                }
            }
            previous.clone_from(input);
        }
    }
    times.sort();
    let median = times[times.len() / 2];
    eprintln!(
        "sweep {n}: {} keystrokes, median {:.2} ms, worst {:.2} ms for {}",
        times.len(),
        median.as_secs_f64() * 1e3,
        worst.0.as_secs_f64() * 1e3,
        worst.1
    );
    eprintln!(
        "sweep {n}, untimed first pass: worst {:.2} ms for {}",
        first_worst.0.as_secs_f64() * 1e3,
        first_worst.1
    );
    eprintln!("peak memory so far: {}", peak_memory());
}

/// User plus system time of this process so far, from /proc/self/stat (Linux; else zero).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// VmHWM from /proc/self/status, where there is one.
fn peak_memory() -> String {
    status("VmHWM")
}

/// A line of /proc/self/status (Linux), without its name.
fn status(name: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(name))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".to_string())
}

fn main() {
    if let Ok(dir) = std::env::var("FOLIO_BENCH_WRITE") {
        let articles = synth::corpus(100_000, SEED);
        match synth::write(&articles, std::path::Path::new(&dir)) {
            Ok(bytes) => eprintln!("wrote 100000 articles, {bytes} bytes, to {dir}"),
            Err(e) => eprintln!("could not write {dir}: {e}"),
        }
        for (name, q) in queries() {
            eprintln!("{name}: {q}");
        }
        return;
    }
    if std::env::var("FOLIO_BENCH_SWEEP_ONLY").is_ok() {
        // A quick look without criterion: build once (timed), then the keystroke sweep.
        for n in synth::sizes(&[1_000, 10_000, 100_000]) {
            let articles = synth::corpus(n, SEED);
            let (start, cpu) = (Instant::now(), cpu_seconds());
            let index = build(&articles);
            eprintln!(
                "index {n}: {:.2} s wall, {:.2} s cpu",
                start.elapsed().as_secs_f64(),
                cpu_seconds() - cpu
            );
            if let Ok(q) = std::env::var("FOLIO_BENCH_REPEAT") {
                // For profilers: one query, many times.
                let query = Query::parse(&q);
                let start = Instant::now();
                for _ in 0..50 {
                    black_box(index.search(&articles, &query));
                }
                eprintln!(
                    "{q}: {:.2} ms each",
                    start.elapsed().as_secs_f64() * 1e3 / 50.0
                );
            } else if std::env::var("FOLIO_BENCH_SWEEP_ONLY").is_ok_and(|v| v != "build") {
                // What the sweep's shortcuts derive when first needed shows in the difference.
                eprintln!("resident before the sweep: {}", status("VmRSS"));
                sweep(n, &articles, &index);
                eprintln!("resident after the sweep: {}", status("VmRSS"));
            }
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    for n in synth::sizes(&[1_000, 10_000, 100_000]) {
        bench_size(&mut c, n);
    }
    c.final_summary();
}
