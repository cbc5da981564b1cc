//! The corpus: articles parsed and cleaned from scraped text, and loading them from disk.

mod article;

pub use article::Article;

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path, sanitised for display.
    pub path: String,
    /// One line saying why.
    pub reason: String,
}

/// Interim loader, replaced by the full one.
mod interim {
    use std::path::{Path, PathBuf};

    use super::{Article, Skipped};

    /// A file to read.
    #[derive(Debug, Clone)]
    pub struct Candidate {
        pub display: String,
        bytes: Option<&'static [u8]>,
        path: PathBuf,
    }

    /// Why loading could not start.
    #[derive(Debug, thiserror::Error)]
    pub enum LoadError {
        #[error("no such file or folder: {}", .0.display())]
        NotFound(PathBuf),
    }

    /// The bundled articles.
    pub fn bundled() -> Vec<Candidate> {
        [
            (
                "000_fa3a172fdca67ea3.txt",
                &include_bytes!("../assets/articles/000_fa3a172fdca67ea3.txt")[..],
            ),
            (
                "001_009fba84ec7cbc00.txt",
                &include_bytes!("../assets/articles/001_009fba84ec7cbc00.txt")[..],
            ),
            (
                "002_c6dc9904ae642ca3.txt",
                &include_bytes!("../assets/articles/002_c6dc9904ae642ca3.txt")[..],
            ),
            (
                "003_52d8e2bfa1f724e8.txt",
                &include_bytes!("../assets/articles/003_52d8e2bfa1f724e8.txt")[..],
            ),
            (
                "004_8da5c2bbc2bd8093.txt",
                &include_bytes!("../assets/articles/004_8da5c2bbc2bd8093.txt")[..],
            ),
        ]
        .into_iter()
        .map(|(name, bytes)| Candidate {
            display: name.to_string(),
            bytes: Some(bytes),
            path: PathBuf::from(name),
        })
        .collect()
    }

    /// Files under the paths.
    pub fn discover(paths: &[PathBuf]) -> Result<(Vec<Candidate>, Vec<Skipped>), LoadError> {
        let mut out = Vec::new();
        for p in paths {
            if !p.exists() {
                return Err(LoadError::NotFound(p.clone()));
            }
            walk(p, &mut out);
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((out, Vec::new()))
    }

    fn walk(p: &Path, out: &mut Vec<Candidate>) {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                for e in rd.flatten() {
                    walk(&e.path(), out);
                }
            }
        } else {
            out.push(Candidate {
                display: p.display().to_string(),
                bytes: None,
                path: p.to_path_buf(),
            });
        }
    }

    /// Reads all.
    pub fn load_all(c: &[Candidate]) -> (Vec<Article>, Vec<Skipped>) {
        let mut arts = Vec::new();
        for c in c {
            let bytes = match c.bytes {
                Some(b) => b.to_vec(),
                None => std::fs::read(&c.path).unwrap_or_default(),
            };
            let text = String::from_utf8_lossy(&bytes);
            let mut paras: Vec<String> = text
                .split("\n\n")
                .map(|p| crate::text::sanitize(p.trim()))
                .filter(|p| !p.is_empty())
                .collect();
            if paras.is_empty() {
                continue;
            }
            let title = paras.remove(0);
            arts.push(Article {
                title,
                paragraphs: paras,
                path: c.display.clone(),
                ..Article::default()
            });
        }
        (arts, Vec::new())
    }
}

pub use interim::{Candidate, LoadError, bundled, discover, load_all};
