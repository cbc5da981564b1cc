//! Stories and repeats: how well repeats are found in 20 Newsgroups (when `../shared/corpora`
//! is there), and how long grouping 100,000 synthetic articles takes.
//!
//! The known repeats of 20news are the posts whose bodies (everything after the header) are
//! the same words, 40 or more, lowercased: 111 posts in 54 groups. Recall is measured on them.
//! Every article folio marks as a repeat is checked against the two raw bodies (without their
//! signatures): the same words, a near copy (see [`check`]), or false. `FOLIO_BENCH_SIZES=10000` picks the synthetic sizes (default 100000),
//! `FOLIO_BENCH_RUNS` the number of timed runs (default 3), `FOLIO_BENCH_VERBOSE=1` lists every
//! near and false repeat, `FOLIO_BENCH_SYNTHETIC_ONLY=1` skips 20news (for profilers).

#[path = "support/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use folio::corpus::{Article, decode, discover, load_all};
use folio::stories::{Grouping, Stories};

fn corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: {} is absent", path.display());
        None
    }
}

/// The lowercased words of a raw post's body (after the first blank line), with its signature
/// or without.
fn body_words(path: &str, signed: bool) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let Ok(text) = decode(&bytes) else {
        return Vec::new();
    };
    let text = text.replace("\r\n", "\n");
    let body = text.split_once("\n\n").map(|(_, b)| b).unwrap_or("");
    // Without the signature (what follows the last `-- ` line).
    let body = match body.rsplit_once("\n-- \n") {
        Some((unsigned, _)) if !signed => unsigned,
        _ => body,
    };
    body.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(words: &[String]) -> HashSet<String> {
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// What a marked repeat is, against the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Check {
    Same,
    Near,
    False,
}

/// The same words; a near copy (three-word shingles with a Jaccard similarity of 0.5 or more,
/// or one at least half as long as the other and 90% of it in the other); or false.
fn check(a: &[String], b: &[String]) -> Check {
    if a == b {
        return Check::Same;
    }
    let (sa, sb) = (shingles(a), shingles(b));
    let common = sa.intersection(&sb).count() as f64;
    let (small, large) = (sa.len().min(sb.len()) as f64, sa.len().max(sb.len()) as f64);
    let jaccard = common / (small + large - common).max(1.0);
    if jaccard >= 0.5 || (small >= 0.5 * large && common >= 0.9 * small) {
        Check::Near
    } else {
        Check::False
    }
}

fn twenty_news() {
    let Some(root) = corpus("20news") else {
        return;
    };
    let (cands, _) = discover(&[root]).unwrap_or_default();
    let articles: Vec<Arc<Article>> = load_all(&cands).0.into_iter().map(Arc::new).collect();
    let started = Instant::now();
    let mut stories = Stories::new();
    for batch in articles.chunks(1000) {
        stories.add(batch);
    }
    let g = stories.grouping();
    let took = started.elapsed();
    let bodies: Vec<Vec<String>> = articles.iter().map(|a| body_words(&a.path, true)).collect();
    let unsigned: Vec<Vec<String>> = articles
        .iter()
        .map(|a| body_words(&a.path, false))
        .collect();

    // The known repeats: groups of posts with the same 40+ words.
    let mut same: HashMap<&[String], Vec<u32>> = HashMap::new();
    for (id, words) in bodies.iter().enumerate() {
        if words.len() >= 40 {
            same.entry(words.as_slice()).or_default().push(id as u32);
        }
    }
    let groups: Vec<Vec<u32>> = same.into_values().filter(|g| g.len() > 1).collect();
    let posts: usize = groups.iter().map(Vec::len).sum();
    // A known repeat (every post of a group but its first) is found when folio marks it as
    // repeating an article with the same words (one of its group, or an earlier one).
    let (mut repeats, mut found) = (0, 0);
    let mut missed = Vec::new();
    for group in &groups {
        for &a in &group[1..] {
            repeats += 1;
            match g.duplicate_of(a) {
                Some(of) if bodies[of as usize] == bodies[a as usize] => found += 1,
                _ => missed.push((
                    articles[group[0] as usize].path.clone(),
                    articles[a as usize].path.clone(),
                )),
            }
        }
    }
    // Everything marked, checked against the raw bodies.
    let mut checks: HashMap<Check, usize> = HashMap::new();
    let mut doubtful = Vec::new();
    for id in 0..articles.len() as u32 {
        if let Some(of) = g.duplicate_of(id) {
            let c = check(&unsigned[id as usize], &unsigned[of as usize]);
            *checks.entry(c).or_default() += 1;
            if c != Check::Same {
                doubtful.push((
                    c,
                    articles[of as usize].path.clone(),
                    articles[id as usize].path.clone(),
                ));
            }
        }
    }
    let marked = g.repeats();
    let count = |c| checks.get(&c).copied().unwrap_or(0);
    println!(
        "20news: {} posts grouped in {:.2} s; {} known repeats ({posts} posts in {} groups)",
        articles.len(),
        took.as_secs_f64(),
        repeats,
        groups.len()
    );
    println!();
    println!("| measure | count | share |");
    println!("| --- | ---: | ---: |");
    let pct = |a: usize, b: usize| a as f64 * 100.0 / b.max(1) as f64;
    println!(
        "| known repeats found (recall) | {found} of {repeats} | {:.1}% |",
        pct(found, repeats)
    );
    println!("| marked repeats | {marked} | |");
    println!(
        "| – the same words | {} | {:.1}% |",
        count(Check::Same),
        pct(count(Check::Same), marked)
    );
    println!(
        "| – near copies | {} | {:.1}% |",
        count(Check::Near),
        pct(count(Check::Near), marked)
    );
    println!(
        "| – false | {} | {:.1}% |",
        count(Check::False),
        pct(count(Check::False), marked)
    );
    println!();
    let verbose = std::env::var_os("FOLIO_BENCH_VERBOSE").is_some();
    for (a, b) in &missed {
        println!("missed: {a} = {b}");
    }
    doubtful.sort();
    for (c, a, b) in doubtful.iter().filter(|d| verbose || d.0 == Check::False) {
        println!("{c:?}: {b} repeats {a}");
    }
    story_sizes(&g);
}

fn story_sizes(g: &Grouping) {
    let stories = g.stories();
    let mut sizes: Vec<usize> = stories.iter().map(|s| s.len()).collect();
    sizes.sort_unstable();
    let grouped: usize = sizes.iter().sum();
    println!(
        "stories of 2+: {} holding {} articles; largest {:?}",
        stories.len(),
        grouped,
        sizes.iter().rev().take(8).collect::<Vec<_>>()
    );
}

/// CPU seconds this process has used (user and system), from `/proc/self/stat` in clock ticks
/// of 1/100 s (Linux's `USER_HZ`); 0 where there is no `/proc`.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    (tick(11) + tick(12)) / 100.0
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn synthetic() {
    let runs: usize = std::env::var("FOLIO_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    for n in synth::sizes(&[100_000]) {
        let articles = synth::corpus(n, 2019);
        let (mut adds, mut groupings, mut totals) = (Vec::new(), Vec::new(), Vec::new());
        let mut cpu = Vec::new();
        let mut last = None;
        for _ in 0..runs {
            let cpu_before = cpu_seconds();
            let started = Instant::now();
            let mut stories = Stories::new();
            for batch in articles.chunks(1000) {
                stories.add(batch);
            }
            let added = started.elapsed();
            let g = stories.grouping();
            let total = started.elapsed();
            adds.push(added);
            groupings.push(total - added);
            totals.push(total);
            cpu.push(Duration::from_secs_f64(cpu_seconds() - cpu_before));
            last = Some(g);
        }
        println!(
            "synthetic {n}: add (batches of 1000) {:.2} s, grouping {:.2} s, total {:.2} s (medians of {runs}, {} threads)",
            median(adds).as_secs_f64(),
            median(groupings).as_secs_f64(),
            median(totals).as_secs_f64(),
            rayon::current_num_threads()
        );
        println!(
            "  CPU time (user + system, all threads): {:.2} s, median of {runs}",
            median(cpu).as_secs_f64()
        );
        if let Some(g) = last {
            let words = |a: &Article| -> Vec<String> {
                a.paragraphs
                    .iter()
                    .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect()
            };
            let mut checks: HashMap<Check, usize> = HashMap::new();
            for id in 0..n as u32 {
                if let Some(of) = g.duplicate_of(id) {
                    let c = check(
                        &words(&articles[id as usize]),
                        &words(&articles[of as usize]),
                    );
                    *checks.entry(c).or_default() += 1;
                }
            }
            println!(
                "  repeats marked: {}, checked against the text: {checks:?}",
                g.repeats()
            );
            story_sizes(&g);
        }
    }
}

fn main() {
    if std::env::var_os("FOLIO_BENCH_SYNTHETIC_ONLY").is_none() {
        twenty_news();
    }
    synthetic();
}
