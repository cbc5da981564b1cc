//! The corpus: articles parsed and cleaned from scraped text, and loading them from disk.

mod article;
mod book;
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
mod record;
mod runs;
mod shape;
mod skip;
mod title;

pub use article::{Article, Block};
pub use clean::{Parsed, parse};
pub use decode::decode;
pub use load::{Candidate, LoadError, MAX_FILE_BYTES, bundled, discover, load_all, read_candidate};
pub use record::{BadRecord, Format, PlainText, Record, format_for};
pub use skip::{SkipReason, Skipped};
