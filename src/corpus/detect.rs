//! Which format a file is in: by its name's extension, else by its first bytes (as for
//! standard input, or a file without a telling name).

use std::sync::OnceLock;

use super::formats::csv::{Table, header_names};
use super::formats::fields::{FieldNames, is_text_name};
use super::formats::html::Page;
use super::formats::json::{Json, JsonLines};
use super::formats::mail::{Mbox, Message};
use super::record::{Format, PlainText};

/// A format folio reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    JsonLines,
    Json,
    Csv,
    Html,
    Mbox,
    Mail,
}

const NO_NAMES: FieldNames = FieldNames {
    title: None,
    text: None,
    date: None,
    source: None,
};
static JSON_LINES: JsonLines = JsonLines { names: NO_NAMES };
/// The dataset readers with the field names given for this run (`--fields`), when given.
static GIVEN: OnceLock<(JsonLines, Json, Table)> = OnceLock::new();

/// Reads datasets with these field names for the rest of the run; the first call wins.
///
/// One setting for the whole process, as the formats are chosen deep in the parallel loader.
pub fn use_field_names(names: FieldNames) {
    let _ = GIVEN.set((
        JsonLines {
            names: names.clone(),
        },
        Json {
            names: names.clone(),
        },
        Table { names },
    ));
}
static JSON: Json = Json { names: NO_NAMES };
static TABLE: Table = Table { names: NO_NAMES };

impl Kind {
    /// The reader of this format.
    pub fn format(self) -> &'static dyn Format {
        match self {
            Kind::Text => &PlainText,
            Kind::JsonLines => GIVEN.get().map_or(&JSON_LINES, |g| &g.0),
            Kind::Json => GIVEN.get().map_or(&JSON, |g| &g.1),
            Kind::Csv => GIVEN.get().map_or(&TABLE, |g| &g.2),
            Kind::Html => &Page,
            Kind::Mbox => &Mbox,
            Kind::Mail => &Message,
        }
    }

    /// The format an extension names (any case), if it names one.
    pub fn of_extension(ext: &str) -> Option<Kind> {
        let ext = ext.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" | "text" => Kind::Text,
            "jsonl" | "ndjson" | "jsonlines" => Kind::JsonLines,
            "json" => Kind::Json,
            "csv" | "tsv" => Kind::Csv,
            "html" | "htm" | "xhtml" | "shtml" => Kind::Html,
            "mbox" | "mbx" => Kind::Mbox,
            "eml" => Kind::Mail,
            _ => return None,
        })
    }
}

/// The extensions of compressed files, which name the format of what they hold before them.
pub const COMPRESSED: [&str; 6] = ["gz", "zst", "zstd", "gzip", "bz2", "xz"];

/// Whether a name ends in a compression suffix (`.gz`, `.zst`).
pub fn is_compressed_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| COMPRESSED.iter().any(|c| c.eq_ignore_ascii_case(ext)))
}

/// A file's format: by the extension of `name` (past any compression suffix), else by content.
pub fn detect(name: &str, bytes: &[u8]) -> Kind {
    let file = name.rsplit('/').next().unwrap_or(name);
    let mut parts = file.rsplit('.');
    let mut ext = parts.next().filter(|_| file.contains('.'));
    if ext.is_some_and(|e| COMPRESSED.iter().any(|c| c.eq_ignore_ascii_case(e))) {
        ext = parts.next().filter(|_| file.matches('.').count() >= 2);
    }
    ext.and_then(Kind::of_extension)
        .unwrap_or_else(|| sniff(bytes))
}

/// A format from the first bytes: `{`/`[` JSON, `<!DOCTYPE`/`<html` a page, `From ` an mbox,
/// mail headers with MIME a message, a header row naming a text field CSV; else text.
pub fn sniff(bytes: &[u8]) -> Kind {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let start = head.trim_ascii_start();
    let after = |n: usize| start.get(n..).unwrap_or_default().trim_ascii_start();
    if start.starts_with(b"{") && after(1).starts_with(b"\"") {
        return Kind::Json;
    }
    if start.starts_with(b"[") && (after(1).starts_with(b"{") || after(1).starts_with(b"]")) {
        return Kind::Json;
    }
    let lower = String::from_utf8_lossy(start.get(..start.len().min(1024)).unwrap_or(start))
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with("<?xml") || lower.starts_with("<!--")) && lower.contains("<html")
    {
        return Kind::Html;
    }
    if start.starts_with(b"From ") {
        let second = start.split(|&b| b == b'\n').nth(1).unwrap_or_default();
        if is_header_line(second) {
            return Kind::Mbox;
        }
    }
    if is_mime_message(head) {
        return Kind::Mail;
    }
    // A header row of names of one or two words, one of them a text field's, and a first row
    // as wide.
    if let Some((names, first_row)) = header_names(head)
        && names.len() >= 2
        && names.iter().all(|n| {
            let words = n.split_whitespace().count();
            (1..=2).contains(&words) && n.chars().count() <= 40
        })
        && names.iter().any(|n| is_text_name(n))
        && first_row == Some(names.len())
    {
        return Kind::Csv;
    }
    Kind::Text
}

/// `Name: value`, the name made of letters, digits and dashes.
fn is_header_line(line: &[u8]) -> bool {
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return false;
    };
    colon > 0
        && line[..colon]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// A message whose header block declares MIME (plain Usenet posts stay text, which the text
/// cleaner reads as they are).
fn is_mime_message(head: &[u8]) -> bool {
    let mut mime = false;
    for (i, line) in head.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return mime && i > 0;
        }
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            continue;
        }
        if !is_header_line(line) {
            return false;
        }
        let lower = line.to_ascii_lowercase();
        mime |= lower.starts_with(b"mime-version:")
            || lower.starts_with(b"content-transfer-encoding:")
            || lower.starts_with(b"content-type:");
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats_past_compression() {
        let cases = [
            ("a.txt", Kind::Text),
            ("news.JSONL", Kind::JsonLines),
            ("news.jsonl.gz", Kind::JsonLines),
            ("d/x.ndjson.zst", Kind::JsonLines),
            ("data.json", Kind::Json),
            ("t.tsv", Kind::Csv),
            ("page.htm", Kind::Html),
            ("archive.mbox.zst", Kind::Mbox),
            ("m.eml", Kind::Mail),
        ];
        for (name, kind) in cases {
            assert_eq!(detect(name, b"plain"), kind, "{name}");
        }
    }

    #[test]
    fn content_tells_the_rest() {
        let cases: [(&[u8], Kind); 11] = [
            (b"{\"title\": \"x\"}\n{\"title\": \"y\"}", Kind::Json),
            (b"  [ {\"a\":1} ]", Kind::Json),
            (b"[Reuters] Markets fell.", Kind::Text),
            (b"<!DOCTYPE html><html>", Kind::Html),
            (b"<HTML><body>x", Kind::Html),
            (b"From a@b Mon Jan 1\nSubject: x\n\nbody", Kind::Mbox),
            (b"From: a@b\nSubject: x\n\nbody", Kind::Text),
            (b"From: a@b\nMIME-Version: 1.0\n\nbody", Kind::Mail),
            (b"\xef\xbb\xbfheadline;text\nH;T\n", Kind::Csv),
            (b"Prices, wages, and rents rose.\nMore.", Kind::Text),
            (
                b"Body, mind and soul\nA post about all three, at length.",
                Kind::Text,
            ),
        ];
        for (bytes, kind) in cases {
            assert_eq!(
                detect("-", bytes),
                kind,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
