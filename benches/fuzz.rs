//! The fuzz runner: every target of `tests/fuzz/targets.rs` on a million inputs (or
//! `FOLIO_FUZZ_INPUTS`), from `FOLIO_FUZZ_SEED`, with a table of what it did; then the time of
//! giant inputs at two sizes, to show it grows linearly. Not part of `cargo test`:
//!
//! ```sh
//! cargo bench --bench fuzz                       # 1,000,000 inputs a target
//! FOLIO_FUZZ_INPUTS=10000 cargo bench --bench fuzz
//! ```

#[path = "../tests/fuzz/targets.rs"]
mod targets;

use std::time::Instant;

/// One row of the growth table: `time` (in seconds) at `n` and at `2n`, and their ratio;
/// `digits` decimals of milliseconds.
fn growth(name: &str, n: usize, digits: usize, time: impl Fn(usize) -> f64) {
    let (a, b) = (time(n), time(2 * n));
    println!(
        "| {name} | {n} | {:.digits$} ms | {:.digits$} ms | {:.2} |",
        a * 1e3,
        b * 1e3,
        b / a.max(1e-9)
    );
}

/// A giant input of a given size, by name.
type Giant = (&'static str, fn(usize) -> String);

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() {
    let inputs = env("FOLIO_FUZZ_INPUTS", 1_000_000);
    let seed = env("FOLIO_FUZZ_SEED", 0x5eed);
    let only = std::env::var("FOLIO_FUZZ_ONLY").ok();
    // FOLIO_FUZZ_REPLAY=SEED times that one input of each target chosen (the slowest's seed).
    if let Some(replay) = std::env::var("FOLIO_FUZZ_REPLAY")
        .ok()
        .and_then(|v| u64::from_str_radix(v.trim_start_matches("0x"), 16).ok())
    {
        for (name, target) in targets::TARGETS {
            if only.as_deref().is_some_and(|o| !name.contains(o)) {
                continue;
            }
            let t = Instant::now();
            let (size, result) = target(&mut targets::Gen::new(replay));
            println!("{name}: {size} bytes, {:?}, {result:?}", t.elapsed());
        }
        return;
    }
    println!("| target | inputs | MB | seconds | inputs/s | slowest input | failures |");
    println!("|---|---:|---:|---:|---:|---|---:|");
    let mut failed = false;
    for (name, target) in targets::TARGETS {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let r = targets::run(*target, inputs, seed);
        let secs = r.elapsed.as_secs_f64();
        println!(
            "| {name} | {} | {:.0} | {secs:.1} | {:.0} | {:.1} ms ({} bytes, seed {:#x}) | {} |",
            r.inputs,
            r.bytes as f64 / 1e6,
            r.inputs as f64 / secs.max(1e-9),
            r.slowest.0.as_secs_f64() * 1e3,
            r.slowest.1,
            r.slowest.2,
            r.failures.len()
        );
        for (seed, why) in &r.failures {
            failed = true;
            eprintln!("{name}: seed {seed:#x}: {why}");
        }
    }
    println!();
    println!("| giant input | size n | time at n | time at 2n | ratio |");
    println!("|---|---:|---:|---:|---:|");
    let cases: [Giant; 4] = [
        ("one line of words", |n| "word ".repeat(n / 5)),
        ("one token", |n| "a".repeat(n)),
        ("lines of quotes", |n| "> > quoted text\n".repeat(n / 16)),
        ("entities", |n| "&amp;& # 39;,quot;".repeat(n / 18)),
    ];
    for (name, make) in cases {
        let n = 4_000_000;
        let time = |size: usize| {
            let text = make(size);
            let t = Instant::now();
            let parsed = folio::corpus::parse(&text);
            std::hint::black_box(parsed);
            t.elapsed().as_secs_f64()
        };
        growth(name, n, 0, time);
    }
    // Read as standard input is (told by content), through every step a file goes through.
    let pages: [Giant; 6] = [
        ("page of distinct links", |n| {
            (0..n / 64)
                .map(|i| format!("<p>Words, more words, and <a href=\"/{i:06}\">one</a>.</p>"))
                .collect()
        }),
        ("text of distinct addresses", |n| {
            (0..n / 24)
                .map(|i| format!("http://a.example/{i:06} "))
                .collect()
        }),
        ("dataset text of stray <", |n| {
            format!("{{\"title\": \"t\", \"text\": \"{}\"}}", "<a".repeat(n / 2))
        }),
        ("page of scripts", |n| {
            "<script>var a=1;</script><p>some words here</p>".repeat(n / 46)
        }),
        ("page of table rows", |n| {
            format!(
                "<table>{}</table>",
                "<tr><td>cell</td><td>2.5</td></tr>".repeat(n / 34)
            )
        }),
        ("page of teasers", |n| {
            "<div><h2><a href=\"/x\">Other story</a></h2><p>Its summary, words.</p></div>"
                .repeat(n / 77)
        }),
    ];
    for (name, make) in pages {
        let n = 4_000_000;
        let time = |size: usize| {
            let made = make(size);
            let input = if made.starts_with(['{', 'h']) {
                made
            } else {
                format!("<!DOCTYPE html><html><body>{made}</body></html>")
            };
            let candidate = folio::corpus::Candidate::stdin(input.into_bytes());
            let t = Instant::now();
            std::hint::black_box(folio::corpus::read_candidate(&candidate));
            t.elapsed().as_secs_f64()
        };
        growth(name, n, 0, time);
    }
    let queries: [Giant; 2] = [
        ("query of quotes", |n| "\"".repeat(n)),
        ("query of terms", |n| {
            (0..n / 4).map(|i| format!("w{i} ")).collect()
        }),
    ];
    for (name, make) in queries {
        let n = 30_000;
        let time = |size: usize| {
            let q = make(size);
            let t = Instant::now();
            let query = folio::search::Query::parse(&q);
            std::hint::black_box(folio::search::Highlighter::new(&query));
            t.elapsed().as_secs_f64()
        };
        growth(name, n, 1, time);
    }
    if failed {
        std::process::exit(1);
    }
}
