//! The interface's export (`w`): the chosen articles written to a file named in a prompt, in
//! the format its extension names, never over an existing file and never inside the corpus.

use std::env;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::export::{ExportFormat, write_articles};
use crate::text::{sanitize, truncate};

/// Writes `articles` to the file at `path` (`~/` is the home folder), in the format its
/// extension names; never over an existing file, never inside the corpus.
pub fn export(
    path: &str,
    roots: &[PathBuf],
    articles: &[std::sync::Arc<crate::corpus::Article>],
) -> String {
    let shown_path = truncate(&sanitize(path), 60).into_owned();
    let file = match path.strip_prefix("~/").zip(env::var_os("HOME")) {
        Some((rest, home)) => PathBuf::from(home).join(rest),
        None => PathBuf::from(path),
    };
    let Some(format) = ExportFormat::of_path(&file) else {
        return format!("{shown_path}: name the file .jsonl, .csv or .md");
    };
    if let Some(root) = crate::export::inside_corpus(&file, roots) {
        let root = truncate(&sanitize(&root.display().to_string()), 40).into_owned();
        return format!("{shown_path} is inside the corpus ({root}): not written");
    }
    let created = OpenOptions::new().write(true).create_new(true).open(&file);
    let mut out = match created {
        Ok(f) => io::BufWriter::new(f),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return format!("{shown_path} exists: not overwritten");
        }
        Err(e) => return format!("{shown_path}: {e}"),
    };
    let written = write_articles(&mut out, format, articles.iter().map(|a| a.as_ref()))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => {
            let s = if articles.len() == 1 { "" } else { "s" };
            format!("exported {} article{s} to {shown_path}", articles.len())
        }
        Err(e) => format!("{shown_path}: {e}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn an_export_never_overwrites_nor_writes_into_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news");
        fs::create_dir(&corpus).unwrap();
        let article = std::sync::Arc::new(crate::corpus::Article {
            title: "T".into(),
            paragraphs: vec!["p".into()],
            ..crate::corpus::Article::default()
        });
        let roots = vec![corpus.clone()];
        let one = [article];
        let out = dir.path().join("out.csv");
        let out_s = out.to_str().unwrap();
        let said = export(out_s, &roots, &one);
        assert!(said.starts_with("exported 1 article to "), "{said}");
        assert!(fs::read_to_string(&out).unwrap().starts_with("title,date"));
        assert!(export(out_s, &roots, &one).ends_with("exists: not overwritten"));
        let inside = corpus.join("x.jsonl");
        let said = export(inside.to_str().unwrap(), &roots, &one);
        assert!(said.contains("is inside the corpus"), "{said}");
        assert!(!inside.exists());
        let said = export(dir.path().join("x.txt").to_str().unwrap(), &roots, &one);
        assert!(
            said.ends_with("name the file .jsonl, .csv or .md"),
            "{said}"
        );
    }
}
