//! Loading the same synthetic articles in each format folio reads: a folder of text files, one
//! JSON Lines file (plain and gzip), one CSV file and one mbox. Each is discovered and read as
//! the interface and `--list` do (`discover` then `load_all`); the median of three runs.
//!
//! ```sh
//! cargo bench --bench formats                      # 100,000 articles
//! FOLIO_BENCH_SIZES=10000 cargo bench --bench formats
//! ```

#[path = "support/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use folio::corpus::{self, Article};

/// A string as JSON writes it.
fn json(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

fn body(a: &Article) -> String {
    a.paragraphs.join("\n\n")
}

fn write_jsonl(articles: &[Arc<Article>], path: &Path) -> io::Result<()> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    for a in articles {
        writeln!(
            out,
            "{{\"title\":{},\"date\":{},\"source\":{},\"text\":{}}}",
            json(&a.title),
            json(a.date.as_deref().unwrap_or("")),
            json(a.source.as_deref().unwrap_or("")),
            json(&body(a))
        )?;
    }
    out.flush()
}

fn write_gzip(from: &Path, to: &Path) -> io::Result<()> {
    let mut e = flate2::write::GzEncoder::new(
        io::BufWriter::new(fs::File::create(to)?),
        flate2::Compression::fast(),
    );
    e.write_all(&fs::read(from)?)?;
    e.finish()?.flush()
}

fn write_csv(articles: &[Arc<Article>], path: &Path) -> io::Result<()> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    writeln!(out, "title,date,text")?;
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    for a in articles {
        writeln!(
            out,
            "{},{},{}",
            quoted(&a.title),
            a.date.as_deref().unwrap_or(""),
            quoted(&body(a))
        )?;
    }
    out.flush()
}

fn write_mbox(articles: &[Arc<Article>], path: &Path) -> io::Result<()> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    for (i, a) in articles.iter().enumerate() {
        writeln!(out, "From news{i}@example.org Mon Jan  1 00:00:00 2024")?;
        writeln!(
            out,
            "From: {} <news@example.org>",
            a.source.as_deref().unwrap_or("Desk")
        )?;
        writeln!(out, "Subject: {}", a.title)?;
        writeln!(out, "Date: Mon, 1 Jan 2024 00:00:00 +0000\n")?;
        // A body line that starts with `From ` is escaped, as mbox writers do.
        let text = format!("\n{}", body(a)).replace("\nFrom ", "\n>From ");
        writeln!(out, "{}\n", &text[1..])?;
    }
    out.flush()
}

/// The median time to discover and read `path`, and how many articles it gave.
fn time_load(path: &Path) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let (candidates, _) = corpus::discover(&[path.to_path_buf()]).unwrap_or_default();
        let (articles, _) = corpus::load_all(&candidates);
        times.push(t.elapsed());
        count = articles.len();
        std::hint::black_box(articles);
    }
    times.sort();
    (times[1], count)
}

fn main() -> io::Result<()> {
    println!("| format | articles | MB on disk | median load |");
    println!("|---|---:|---:|---:|");
    for n in synth::sizes(&[100_000]) {
        let dir = tempfile::tempdir()?;
        let articles = synth::corpus(n, 2019);
        let folder = dir.path().join("txt");
        synth::write(&articles, &folder)?;
        fs::remove_file(folder.join("titles.txt"))?;
        let jsonl = dir.path().join("news.jsonl");
        write_jsonl(&articles, &jsonl)?;
        let gz = dir.path().join("news.jsonl.gz");
        write_gzip(&jsonl, &gz)?;
        let csv = dir.path().join("news.csv");
        write_csv(&articles, &csv)?;
        let mbox = dir.path().join("news.mbox");
        write_mbox(&articles, &mbox)?;
        let cases: [(&str, PathBuf); 5] = [
            ("folder of .txt files", folder),
            ("JSON Lines", jsonl),
            ("JSON Lines, gzip", gz),
            ("CSV", csv),
            ("mbox", mbox),
        ];
        for (name, path) in cases {
            let bytes = disk_bytes(&path);
            let (time, count) = time_load(&path);
            println!(
                "| {name} | {count} | {:.0} | {:.2} s |",
                bytes as f64 / 1e6,
                time.as_secs_f64()
            );
        }
    }
    Ok(())
}

/// The bytes of a file, or of every file under a folder.
fn disk_bytes(path: &Path) -> u64 {
    if path.is_file() {
        return fs::metadata(path).map_or(0, |m| m.len());
    }
    fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
