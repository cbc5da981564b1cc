//! One parsed, cleaned article, and where its paragraphs are when they stay in a cache file
//! until it is opened.

use std::fmt;
use std::sync::Arc;

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
    /// Preformatted paragraphs and signatures keep their lines, separated by `\n`.
    pub paragraphs: Vec<String>,
    /// What each paragraph is, in the same order; a paragraph past the end of this list (all
    /// of them when it is empty) is [`Block::Text`].
    pub kinds: Vec<Block>,
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
    /// The article's own address (a dataset's `url`, a page's canonical link), when known;
    /// always an `http`, `https` or `mailto` address of printable ASCII.
    pub url: Option<String>,
    /// The addresses its text links to: the `[n]` markers in the paragraphs are 1-based
    /// places in this list. Safe as `url` is.
    pub links: Vec<String>,
    /// Set when the paragraphs (with their kinds and the links) were left in a cache file:
    /// `paragraphs`, `kinds` and `links` are empty until [`Article::full`] fetches them.
    pub stored: Option<Stored>,
}

/// What [`Article::full`] fetches: the paragraphs, their kinds and the links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub paragraphs: Vec<String>,
    pub kinds: Vec<Block>,
    pub links: Vec<String>,
}

/// Something that holds articles' paragraphs and gives them back by number: a cache file.
pub trait Bodies: Send + Sync {
    /// Article `id`'s paragraphs, kinds and links; `None` when it has no such article.
    fn body(&self, id: u32) -> Option<Body>;
}

/// Where an article's paragraphs are kept: article `id` of `bodies`.
#[derive(Clone)]
pub struct Stored {
    pub bodies: Arc<dyn Bodies>,
    pub id: u32,
}

impl Stored {
    /// Whether this is kept in `bodies`.
    pub fn is_in(&self, bodies: &Arc<dyn Bodies>) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.bodies), Arc::as_ptr(bodies))
    }
}

impl PartialEq for Stored {
    fn eq(&self, other: &Stored) -> bool {
        self.id == other.id && self.is_in(&other.bodies)
    }
}

impl Eq for Stored {}

impl fmt::Debug for Stored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Stored({})", self.id)
    }
}

/// What a paragraph is, for showing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Block {
    /// Running text, reflowed to the pane.
    #[default]
    Text,
    /// Quoted text (`> `, `|> `, `: ` in mail), reflowed, shown with one `>` a level.
    Quote { depth: u8 },
    /// Lines never reflowed: tables, aligned columns, ASCII art, code.
    Preformatted,
    /// The lines after a `-- ` line at the end of a post.
    Signature,
}

impl Article {
    /// The article with its paragraphs: itself, or a copy with them fetched from where they
    /// were kept (a header with no body when they cannot be had).
    pub fn full(self: &Arc<Article>) -> Arc<Article> {
        let Some(stored) = &self.stored else {
            return Arc::clone(self);
        };
        let body = stored.bodies.body(stored.id).unwrap_or_default();
        Arc::new(Article {
            paragraphs: body.paragraphs,
            kinds: body.kinds,
            links: body.links,
            stored: None,
            ..Article::clone(self)
        })
    }

    /// What paragraph `index` is.
    pub fn kind(&self, index: usize) -> Block {
        self.kinds.get(index).copied().unwrap_or_default()
    }

    /// Number of words in the body (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}
