//! Articles written out for other programs: the clean text of one (for the editor, the pager
//! and pipes), and whole sets as JSON Lines, CSV or Markdown (`--export`, and the interface's
//! export key).

use std::path::{Path, PathBuf};

use crate::corpus::Article;

/// An article as plain text: the title, a line of date and source, its own address, the
/// paragraphs (a blank line between them), and its numbered links at the end.
pub fn article_text(article: &Article) -> String {
    let mut out = String::new();
    out.push_str(&article.title);
    out.push('\n');
    let meta: Vec<&str> = [article.date.as_deref(), article.source.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push('\n');
    }
    if let Some(url) = &article.url {
        out.push_str(url);
        out.push('\n');
    }
    for p in &article.paragraphs {
        out.push('\n');
        out.push_str(p);
        out.push('\n');
    }
    if !article.links.is_empty() {
        out.push_str("\nLinks:\n");
        for (i, link) in article.links.iter().enumerate() {
            out.push_str(&format!("[{}] {link}\n", i + 1));
        }
    }
    out
}

/// The formats articles are exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object a line: title, date, source, url, text, links, path. folio reads it
    /// back as the same articles.
    JsonLines,
    /// A header row (title, date, source, url, text), then a row an article.
    Csv,
    /// Each article under its title as a heading, its links as reference links.
    Markdown,
}

impl ExportFormat {
    /// `jsonl`, `csv` or `md` (and `json`, `ndjson`, `markdown`), as `--export` takes them.
    pub fn parse(name: &str) -> Result<ExportFormat, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Ok(ExportFormat::JsonLines),
            "csv" => Ok(ExportFormat::Csv),
            "md" | "markdown" => Ok(ExportFormat::Markdown),
            other => Err(format!(
                "unknown export format `{}`: use jsonl, csv or md",
                crate::text::sanitize(other)
            )),
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn of_path(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?;
        ExportFormat::parse(ext).ok()
    }
}

/// Writes `articles` to `out` in `format`.
pub fn write_articles<'a>(
    out: &mut dyn std::io::Write,
    format: ExportFormat,
    articles: impl IntoIterator<Item = &'a Article>,
) -> std::io::Result<()> {
    match format {
        ExportFormat::JsonLines => {
            for a in articles {
                let line = serde_json::json!({
                    "title": a.title,
                    "date": a.date,
                    "source": a.source,
                    "url": a.url,
                    "text": a.paragraphs.join("\n\n"),
                    "links": a.links,
                    "path": a.path,
                });
                writeln!(out, "{line}")?;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(["title", "date", "source", "url", "text"])?;
            for a in articles {
                w.write_record([
                    a.title.as_str(),
                    a.date.as_deref().unwrap_or(""),
                    a.source.as_deref().unwrap_or(""),
                    a.url.as_deref().unwrap_or(""),
                    &a.paragraphs.join("\n\n"),
                ])?;
            }
            w.flush()?;
        }
        ExportFormat::Markdown => {
            for (i, a) in articles.into_iter().enumerate() {
                if i > 0 {
                    writeln!(out, "\n---\n")?;
                }
                write!(out, "{}", markdown(a))?;
            }
        }
    }
    out.flush()
}

/// One article as Markdown.
fn markdown(a: &Article) -> String {
    let mut out = format!("# {}\n\n", a.title);
    let mut meta: Vec<String> = [a.date.clone(), a.source.clone()]
        .into_iter()
        .flatten()
        .collect();
    if let Some(url) = &a.url {
        meta.push(format!("<{url}>"));
    }
    if !meta.is_empty() {
        out.push_str(&format!("{}\n\n", meta.join(" · ")));
    }
    for p in &a.paragraphs {
        out.push_str(p);
        out.push_str("\n\n");
    }
    for (i, link) in a.links.iter().enumerate() {
        out.push_str(&format!("[{}]: {link}\n", i + 1));
    }
    out
}

/// The corpus path `file` would be written into (one of `paths`, or a folder holding it).
pub fn inside_corpus<'a>(file: &Path, paths: &'a [PathBuf]) -> Option<&'a Path> {
    let target = absolute(file)?;
    paths
        .iter()
        .map(PathBuf::as_path)
        .find(|p| absolute(p).is_some_and(|p| target == p || target.starts_with(&p)))
}

/// `path` made absolute with its links resolved, as far as it exists (a file not yet made
/// is its folder's real path and its name).
fn absolute(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(parent.canonicalize().ok()?.join(name))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sample() -> Article {
        Article {
            title: "Rates \"rise\", again".into(),
            date: Some("2024-01-02".into()),
            source: Some("Wire".into()),
            paragraphs: vec!["First, with a comma.".into(), "Second[1].".into()],
            url: Some("https://a.org/r".into()),
            links: vec!["https://b.org".into()],
            path: "in.txt".into(),
            ..Article::default()
        }
    }

    fn written(format: ExportFormat) -> String {
        let mut out = Vec::new();
        write_articles(&mut out, format, [&sample()]).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formats_by_name_and_by_extension() {
        assert_eq!(ExportFormat::parse("JSONL"), Ok(ExportFormat::JsonLines));
        assert_eq!(ExportFormat::parse("md"), Ok(ExportFormat::Markdown));
        assert!(
            ExportFormat::parse("xml")
                .unwrap_err()
                .contains("jsonl, csv or md")
        );
        let of = |p: &str| ExportFormat::of_path(std::path::Path::new(p));
        assert_eq!(of("out.csv"), Some(ExportFormat::Csv));
        assert_eq!(of("out"), None);
    }

    #[test]
    fn each_format_holds_every_part() {
        let json: serde_json::Value =
            serde_json::from_str(&written(ExportFormat::JsonLines)).unwrap();
        assert_eq!(json["text"], "First, with a comma.\n\nSecond[1].");
        assert_eq!(json["url"], "https://a.org/r");
        assert_eq!(json["links"][0], "https://b.org");
        let csv = written(ExportFormat::Csv);
        assert!(csv.starts_with("title,date,source,url,text\n\"Rates \"\"rise\"\", again\",2024-01-02,Wire,https://a.org/r,\"First"), "{csv}");
        let md = written(ExportFormat::Markdown);
        assert_eq!(
            md,
            "# Rates \"rise\", again\n\n2024-01-02 · Wire · <https://a.org/r>\n\n\
             First, with a comma.\n\nSecond[1].\n\n[1]: https://b.org\n"
        );
    }

    #[test]
    fn a_file_in_or_of_the_corpus_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news");
        std::fs::create_dir(&corpus).unwrap();
        std::fs::write(corpus.join("a.txt"), "x").unwrap();
        let paths = vec![corpus.clone()];
        assert!(inside_corpus(&corpus.join("out.jsonl"), &paths).is_some());
        assert!(inside_corpus(&corpus.join("a.txt"), &paths).is_some());
        assert!(inside_corpus(&dir.path().join("out.jsonl"), &paths).is_none());
        let file = vec![corpus.join("a.txt")];
        assert!(inside_corpus(&corpus.join("a.txt"), &file).is_some());
        assert!(inside_corpus(&corpus.join("b.txt"), &file).is_none());
    }
}
