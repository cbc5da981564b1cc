//! The corpus: articles parsed and cleaned from scraped text, and loading them from disk.

mod article;
mod clean;
mod credit;
mod date;
mod decode;
mod entities;
mod furniture;
mod header;
mod paragraphs;
mod title;

pub use article::Article;
pub use clean::{Parsed, parse};
pub use decode::{SkipReason, decode};
