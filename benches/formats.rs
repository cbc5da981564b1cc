//! Loading the same synthetic articles in each format folio reads: a folder of text files, one
//! JSON Lines file (plain, and compressed with gzip, zstd, bzip2 and xz), one JSON file holding an
//! array, one CSV file, one mbox and a folder of saved web pages. Each is discovered and read as
//! the interface and `--list` do (`discover` then `load_all`); the median of three runs. The zstd
//! file is written by the `zstd` command (level 3), and its row is left out when there is none.
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
use std::process::Command;
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

/// An article as one JSON object on one line.
fn record(a: &Article) -> String {
    format!(
        "{{\"title\":{},\"date\":{},\"source\":{},\"text\":{}}}",
        json(&a.title),
        json(a.date.as_deref().unwrap_or("")),
        json(a.source.as_deref().unwrap_or("")),
        json(&body(a))
    )
}

fn write_jsonl(articles: &[Arc<Article>], path: &Path) -> io::Result<()> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    for a in articles {
        writeln!(out, "{}", record(a))?;
    }
    out.flush()
}

/// One JSON array of the same records, one a line.
fn write_json(articles: &[Arc<Article>], path: &Path) -> io::Result<()> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    writeln!(out, "[")?;
    for (i, a) in articles.iter().enumerate() {
        let comma = if i + 1 < articles.len() { "," } else { "" };
        writeln!(out, "{}{comma}", record(a))?;
    }
    writeln!(out, "]")?;
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

/// With the `zstd` command at its default level (3); `Ok(false)` when there is no such command.
fn write_zstd(from: &Path, to: &Path) -> io::Result<bool> {
    let status = match Command::new("zstd")
        .args(["-3", "-q", "-f", "-o"])
        .arg(to)
        .arg(from)
        .status()
    {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        status => status?,
    };
    if !status.success() {
        return Err(io::Error::other(format!("zstd: {status}")));
    }
    Ok(true)
}

fn write_bzip2(from: &Path, to: &Path) -> io::Result<()> {
    let mut e = bzip2::write::BzEncoder::new(
        io::BufWriter::new(fs::File::create(to)?),
        bzip2::Compression::fast(),
    );
    e.write_all(&fs::read(from)?)?;
    e.finish()?.flush()
}

/// At preset 1, the fastest but for 0.
fn write_xz(from: &Path, to: &Path) -> io::Result<()> {
    let mut e = liblzma::write::XzEncoder::new(io::BufWriter::new(fs::File::create(to)?), 1);
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

/// Text escaped for HTML.
fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Each article as a saved page under `dir`: the site's navigation, header, related links and
/// footer around the article.
fn write_pages(articles: &[Arc<Article>], dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for (i, a) in articles.iter().enumerate() {
        let site = html(a.source.as_deref().unwrap_or("Desk"));
        let title = html(&a.title);
        let date = a.date.as_deref().unwrap_or("2024-01-01");
        let mut page = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
             <title>{title} | {site}</title>\n\
             <meta property=\"og:site_name\" content=\"{site}\">\n\
             <meta property=\"article:published_time\" content=\"{date}T08:00:00Z\">\n\
             </head><body>\n\
             <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> \
             <a href=\"/business\">Business</a> <a href=\"/sport\">Sport</a></nav>\n\
             <header><a href=\"/\">{site}</a></header>\n\
             <article><h1>{title}</h1>\n"
        );
        for p in &a.paragraphs {
            page.push_str(&format!("<p>{}</p>\n", html(p)));
        }
        page.push_str("</article>\n<aside><h2>Related</h2><ul>\n");
        for j in 1..=3 {
            let other = &articles[(i + j) % articles.len()];
            page.push_str(&format!(
                "<li><a href=\"/{:06}.html\">{}</a></li>\n",
                (i + j) % articles.len(),
                html(&other.title)
            ));
        }
        page.push_str(&format!(
            "</ul></aside>\n<footer>Copyright {site}. <a href=\"/terms\">Terms of use</a>.</footer>\n\
             </body></html>\n"
        ));
        fs::write(dir.join(format!("{i:06}.html")), page)?;
    }
    Ok(())
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
        let zst = dir.path().join("news.jsonl.zst");
        let bz2 = dir.path().join("news.jsonl.bz2");
        let xz = dir.path().join("news.jsonl.xz");
        // The compressors run beside each other and the other writers.
        let has_zstd = std::thread::scope(|s| -> io::Result<bool> {
            let gzip = s.spawn(|| write_gzip(&jsonl, &gz));
            let zstd = s.spawn(|| write_zstd(&jsonl, &zst));
            let bzip2 = s.spawn(|| write_bzip2(&jsonl, &bz2));
            let xz = s.spawn(|| write_xz(&jsonl, &xz));
            write_json(&articles, &dir.path().join("news.json"))?;
            write_csv(&articles, &dir.path().join("news.csv"))?;
            write_mbox(&articles, &dir.path().join("news.mbox"))?;
            write_pages(&articles, &dir.path().join("pages"))?;
            let panicked = |_| io::Error::other("a compressor panicked");
            gzip.join().map_err(panicked)??;
            bzip2.join().map_err(panicked)??;
            xz.join().map_err(panicked)??;
            zstd.join().map_err(panicked)?
        })?;
        let mut cases: Vec<(&str, PathBuf)> = vec![
            ("folder of .txt files", folder),
            ("JSON Lines", jsonl),
            ("JSON Lines, gzip", gz),
        ];
        if has_zstd {
            cases.push(("JSON Lines, zstd", zst));
        } else {
            eprintln!("no zstd command: the zstd row is left out");
        }
        cases.extend([
            ("JSON Lines, bzip2", bz2),
            ("JSON Lines, xz", xz),
            ("JSON", dir.path().join("news.json")),
            ("CSV", dir.path().join("news.csv")),
            ("mbox", dir.path().join("news.mbox")),
            ("folder of saved web pages", dir.path().join("pages")),
        ]);
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
