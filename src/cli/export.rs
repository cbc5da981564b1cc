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

/// Writes `chosen` (with their paragraphs) as `format`, to standard output or `output`.
pub(super) fn export(
    format: &str,
    output: Option<&Path>,
    paths: &[PathBuf],
    chosen: &[Arc<Article>],
) -> Result<(), Failure> {
    let format = ExportFormat::parse(format).map_err(|message| Failure { message, status: 2 })?;
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
    Ok(())
}
