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

/// Exports; whether anything was found (false only when a filter matched nothing). `filter`
/// is the query without its tag terms, which `keep` applies; `filtered` says there were some.
pub(super) fn export(
    format: &str,
    filter: &str,
    keep: &dyn Fn(usize) -> bool,
    filtered: bool,
    output: Option<&Path>,
    paths: &[PathBuf],
    articles: Vec<Article>,
) -> Result<bool, Failure> {
    let format = ExportFormat::parse(format).map_err(|message| Failure { message, status: 2 })?;
    let query = Query::parse(filter);
    let shared: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let chosen = chosen(&shared, &query, keep);
    let found = !chosen.is_empty() || (query.is_empty() && !filtered);
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

/// The articles in the interface's order, those `keep` keeps: all as loaded, or those `query`
/// finds, best first.
fn chosen(
    articles: &[Arc<Article>],
    query: &Query,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<Arc<Article>> {
    let order: Vec<usize> = if query.is_empty() {
        (0..articles.len()).collect()
    } else {
        let mut searcher = MemoryIndex::new();
        searcher.add(articles);
        searcher
            .search(query)
            .into_iter()
            .map(|r| r.id as usize)
            .collect()
    };
    order
        .into_iter()
        .filter(|id| keep(*id))
        .filter_map(|id| articles.get(id).cloned())
        .collect()
}
