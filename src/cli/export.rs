//! `--export FORMAT [--filter Q] [--output FILE]`: the articles (or those the filter finds,
//! best first) as JSON Lines, CSV or Markdown, on standard output or in a file that is not
//! inside the corpus.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Failure;
use crate::corpus::Article;
use crate::export::{ExportFormat, inside_corpus, write_articles};
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
