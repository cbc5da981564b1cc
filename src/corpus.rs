//! The corpus: articles parsed and cleaned from scraped text, and loading them from disk.

mod article;
mod book;
mod clean;
mod compressed;
mod credit;
mod date;
mod decode;
mod detect;
mod discover;
mod entities;
mod formats;
mod furniture;
mod header;
pub mod links;
mod load;
mod paragraphs;
mod record;
mod runs;
mod shape;
mod skip;
mod stamp;
mod title;

pub use article::{Article, Block, Bodies, Body, Stored};
pub use clean::{Parsed, parse};
pub use compressed::{MAX_EXPANDED_BYTES, MAX_RATIO};
pub use decode::decode;
pub use detect::{Kind, detect, use_field_names};
pub use formats::fields::FieldNames;
pub use load::{
    Candidate, LoadError, MAX_DATASET_BYTES, MAX_FILE_BYTES, MAX_RECORD_BYTES, STDIN_NAME, bundled,
    discover, load_all, load_files, read_candidate,
};
pub use record::{BadRecord, Format, PlainText, Record, format_for};
pub use shape::quote_split;
pub use skip::{SkipReason, Skipped};
pub use stamp::Stamp;

/// The version of what the readers make of a file's bytes. A cache of articles read by
/// another one is not used; raise it whenever a reader gives other articles, paragraphs or
/// kinds for the same bytes.
pub const READERS: u32 = 2;
