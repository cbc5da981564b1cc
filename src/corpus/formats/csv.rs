//! CSV and TSV with a header row: one record a row, keyed by the line it starts on; the
//! delimiter sniffed among `,` `;` tab `|`; quoted fields may span lines; fields are found by
//! the same names as in JSON.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::fields::{FieldNames, parse_fields};
use crate::corpus::record::{BadRecord, Format, Record};
use crate::corpus::{MAX_RECORD_BYTES, Parsed, SkipReason};

/// A table with a header row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub names: FieldNames,
}

/// The delimiter its first line uses most: `,` `;` tab or `|` (commas when none is there).
pub fn sniff(bytes: &[u8]) -> u8 {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [0usize; 4];
    const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
    for &b in first {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
            counts[i] += 1;
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], 4 - i)).unwrap_or(0);
    DELIMITERS[best]
}

/// The first line's fields, as a header row would have them, and how many fields the next
/// row has (when it can be read).
pub fn header_names(bytes: &[u8]) -> Option<(Vec<String>, Option<usize>)> {
    let bytes = without_bom(bytes);
    let mut reader = reader(bytes, sniff(bytes));
    let names = reader.headers().ok()?.iter().map(str::to_owned).collect();
    let mut row = csv::ByteRecord::new();
    let width = match reader.read_byte_record(&mut row) {
        Ok(true) => Some(row.len()),
        _ => None,
    };
    Some((names, width))
}

fn reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes)
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

impl Format for Table {
    /// Each row, with the header line before it so that it can be read alone.
    fn keys_are_lines(&self) -> bool {
        true
    }

    fn records<'a>(&self, bytes: &'a [u8]) -> Vec<Result<Record<'a>, BadRecord>> {
        let bytes = without_bom(bytes);
        let mut reader = reader(bytes, sniff(bytes));
        let header_end = match reader.headers() {
            Ok(_) => usize::try_from(reader.position().byte()).unwrap_or(0),
            Err(e) => {
                let reason = invalid(&e);
                return vec![Err(BadRecord {
                    key: String::new(),
                    reason,
                })];
            }
        };
        let header = bytes.get(..header_end).unwrap_or_default();
        let mut out = Vec::new();
        let mut row = csv::ByteRecord::new();
        loop {
            let start = reader.position().clone();
            let key = (start.line()).to_string();
            match reader.read_byte_record(&mut row) {
                Ok(false) => break,
                Ok(true) => {
                    let from = usize::try_from(start.byte()).unwrap_or(0);
                    let to = usize::try_from(reader.position().byte()).unwrap_or(bytes.len());
                    let raw = bytes.get(from..to).unwrap_or_default();
                    if raw.trim_ascii().is_empty() {
                        continue;
                    }
                    if raw.len() > MAX_RECORD_BYTES {
                        let reason = SkipReason::RecordTooLarge(raw.len() as u64);
                        out.push(Err(BadRecord { key, reason }));
                        continue;
                    }
                    let mut both = Vec::with_capacity(header.len() + raw.len() + 1);
                    both.extend_from_slice(header);
                    if !header.ends_with(b"\n") {
                        both.push(b'\n');
                    }
                    both.extend_from_slice(raw);
                    out.push(Ok(Record {
                        key,
                        bytes: Cow::Owned(both),
                    }));
                }
                Err(e) => {
                    let reason = invalid(&e);
                    out.push(Err(BadRecord { key, reason }));
                    if e.is_io_error() {
                        break;
                    }
                }
            }
        }
        out
    }

    fn parse(&self, bytes: &[u8]) -> Result<Parsed, SkipReason> {
        let bytes = without_bom(bytes);
        let mut reader = reader(bytes, sniff(bytes));
        let headers = reader.byte_headers().map_err(|e| invalid(&e))?.clone();
        let mut row = csv::ByteRecord::new();
        if !reader.read_byte_record(&mut row).map_err(|e| invalid(&e))? {
            return Err(SkipReason::NoText);
        }
        let mut fields = Map::new();
        for (name, value) in headers.iter().zip(row.iter()) {
            let name = text(name);
            let name = name.trim();
            if !name.is_empty() && !fields.contains_key(name) {
                fields.insert(name.to_owned(), Value::String(text(value)));
            }
        }
        parse_fields(&fields, &self.names)
    }
}

/// A field's bytes as text: UTF-8, else Windows-1252.
fn text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

fn invalid(e: &csv::Error) -> SkipReason {
    SkipReason::Invalid("CSV", crate::text::sanitize(&e.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn read(file: &[u8]) -> Vec<(String, Result<Parsed, String>)> {
        let table = Table::default();
        table
            .records(file)
            .into_iter()
            .map(|r| match r {
                Ok(r) => (
                    r.key.clone(),
                    table.parse(&r.bytes).map_err(|e| e.to_string()),
                ),
                Err(b) => (b.key, Err(b.reason.to_string())),
            })
            .collect()
    }

    #[test]
    fn quoted_fields_span_lines_and_rows_are_keyed_by_their_line() {
        let file = "\u{feff}title,text,date\n\"Rates, again\",\"First para.\n\nSecond, \"\"quoted\"\".\",2020-05-01\nPlain,Body.,\n";
        let got = read(file.as_bytes());
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "2");
        let first = got[0].1.as_ref().unwrap();
        assert_eq!(first.title, "Rates, again");
        assert_eq!(first.paragraphs, ["First para.", "Second, \"quoted\"."]);
        assert_eq!(first.date.as_deref(), Some("2020-05-01"));
        assert_eq!(got[1].0, "5");
        assert_eq!(got[1].1.as_ref().unwrap().title, "Plain");
    }

    #[test]
    fn the_delimiter_is_sniffed() {
        assert_eq!(sniff(b"a;b;c\n1,2;3"), b';');
        assert_eq!(sniff(b"title\ttext\n"), b'\t');
        assert_eq!(sniff(b"\"a|b\",c,d|e\n"), b',');
        assert_eq!(sniff(b"headline|body\n"), b'|');
        let got = read(b"headline;body\nH;B\n");
        assert_eq!(got[0].1.as_ref().unwrap().paragraphs, ["B"]);
    }

    #[test]
    fn a_row_without_text_names_the_fields() {
        let got = read(b"id,url\n1,http://x\n");
        assert_eq!(
            got[0].1.as_ref().unwrap_err(),
            "no text field (fields: id, url)"
        );
    }
}
