//! Records: the articles a file holds, before decoding. A [`Format`] splits a file's bytes into
//! records, each named by a key within its file; a plain text file is one record, keyed `""`.
//!
//! An article's identity is its file and its record's key; its reading state follows the hash
//! of the record's bytes, so it survives renames and moves.

use std::borrow::Cow;

use super::{Parsed, SkipReason, decode, parse};

/// One article's worth of a file, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    /// Which record of the file: empty when the file is one record; otherwise unique within
    /// the file, chosen by the format (a line number, a row, a message id).
    pub key: String,
    /// The record's bytes as they stand in the file: decoded into the article's text, and
    /// hashed for its reading state.
    pub bytes: Cow<'a, [u8]>,
}

/// A part of a file that cannot be a record, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// The record's key, as a [`Record`] would have it; empty for the whole file.
    pub key: String,
    pub reason: SkipReason,
}

/// A way of dividing a file's bytes into records.
pub trait Format: Sync {
    /// The records of a file, in file order; a part that cannot be one comes as a
    /// [`BadRecord`], in its place.
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>>;

    /// One record's parts: by default its bytes decoded as text and cleaned.
    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        Ok(parse(&decode(bytes)?))
    }

    /// Whether its records are keyed by the line they start on (not by their position).
    fn keys_are_lines(&self) -> bool {
        false
    }
}

/// A text file: the whole file is one article.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainText;

impl Format for PlainText {
    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        vec![Ok(Record {
            key: String::new(),
            bytes: Cow::Borrowed(bytes),
        })]
    }
}

/// The format of a file, from its name and its first bytes (see [`detect`](super::detect)).
pub fn format_for(name: &str, bytes: &[u8]) -> &'static dyn Format {
    super::detect::detect(name, bytes).format()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_is_one_record_with_an_empty_key() {
        for bytes in [&b"Title\n\nBody.\n"[..], b""] {
            let records = format_for("a.txt", bytes).records(bytes);
            assert_eq!(
                records,
                [Ok(Record {
                    key: String::new(),
                    bytes: Cow::Borrowed(bytes)
                })]
            );
        }
    }
}
