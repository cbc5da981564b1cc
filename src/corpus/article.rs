//! One parsed, cleaned article.

/// A news article as folio shows it: cleaned text, never raw scraped bytes.
///
/// Every string in here has already been sanitised: no control characters, no escape sequences,
/// no tabs. It is safe to draw.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The headline (or the first sentence when the file has none).
    pub title: String,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all that is known).
    pub date: Option<String>,
    /// Publisher or agency, when the file says so unambiguously.
    pub source: Option<String>,
    /// The body, one entry per paragraph or subheading, in order; never an empty string.
    pub paragraphs: Vec<String>,
    /// Where it came from, for display: a path as given on the command line (sanitised), or the
    /// file name under `assets/articles/` for the bundled articles.
    pub path: String,
    /// Which record of its file this is: empty when the file is one article (a plain text
    /// file), else the key the file's format gives it, unique within the file. With `path`,
    /// it says where the article is.
    pub record: String,
    /// A stable 64-bit hash (FNV-1a) of the record's raw bytes (a plain text file's whole
    /// bytes): the key of its reading state, kept across renames and moves.
    pub hash: u64,
}

impl Article {
    /// Number of words in the body (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}
