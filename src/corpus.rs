//! The corpus: articles parsed and cleaned from scraped text, and loading them from disk.

mod article;

pub use article::Article;
