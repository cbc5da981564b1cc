//! `--export FORMAT [--filter Q] [--output FILE]`: the articles (or those the filter finds,
//! best first) as JSON Lines, CSV or Markdown, on standard output or in a file that is not
//! inside the corpus.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Failure;
use crate::corpus::Article;
use crate::export::{ExportFormat, write_articles};
use crate::search::{MemoryIndex, Query, Searcher};

/// Exports; whether anything was found (false only when a filter matched nothing).
pub(super) fn export(
    format: &str,
    filter: Option<&str>,
    output: Option<&Path>,
    paths: &[PathBuf],
    articles: Vec<Article>,
) -> Result<bool, Failure> {
    let format = ExportFormat::parse(format).map_err(|message| Failure { message, status: 2 })?;
    let query = Query::parse(filter.unwrap_or(""));
    let shared: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let chosen = chosen(&shared, &query);
    let found = !chosen.is_empty() || query.is_empty();
    let chosen = chosen.iter().map(|a| a.as_ref());
    match output {
        None => {
            let mut out = io::stdout().lock();
            match write_articles(&mut out, format, chosen) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
        Some(file) => {
            if let Some(inside) = inside_corpus(file, paths) {
                return Err(Failure {
                    message: format!(
                        "--output {} is inside the corpus ({}): folio never writes into a corpus",
                        file.display(),
                        inside.display()
                    ),
                    status: 2,
                });
            }
            let mut out = BufWriter::new(File::create(file).map_err(|e| Failure {
                message: format!("--output {}: {e}", file.display()),
                status: 2,
            })?);
            write_articles(&mut out, format, chosen)?;
            out.flush()?;
        }
    }
    Ok(found)
}

/// The articles in the interface's order: all as loaded, or those `query` finds, best first.
pub(super) fn chosen(articles: &[Arc<Article>], query: &Query) -> Vec<Arc<Article>> {
    if query.is_empty() {
        return articles.to_vec();
    }
    let mut searcher = MemoryIndex::new();
    searcher.add(articles);
    searcher
        .search(query)
        .into_iter()
        .filter_map(|r| articles.get(r.id as usize).cloned())
        .collect()
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
