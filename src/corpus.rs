//! The corpus: articles parsed and cleaned from scraped text, and loading them from disk.

mod article;
mod clean;
mod credit;
mod date;
mod decode;
mod discover;
mod entities;
mod furniture;
mod header;
mod load;
mod paragraphs;
mod title;

pub use article::Article;
pub use clean::{Parsed, parse};
pub use decode::{SkipReason, decode};
pub use load::{
    Candidate, LoadError, MAX_FILE_BYTES, Skipped, bundled, discover, load_all, read_candidate,
};
