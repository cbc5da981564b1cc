//! From decoded text to an article's parts: title, date, source and clean paragraphs.
//!
//! The steps, in order: split lines (CRLF, CR, NEL, LS, PS and form feeds all end a line);
//! clean each line (entities, escape sequences, controls, tabs, placeholders, non-breaking
//! spaces); take a book's licence frame or read its title page; take a header block; build paragraphs; remove site furniture and doubled
//! paragraphs; take credit and date lines; choose the title; normalise to NFC.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::credit::{
    dateline_date, dateline_source, split_brand, take_date_line, take_source_credit,
};
use super::entities::{decode_entities, drop_placeholders};
use super::header::split_header;
use super::{Block, book, furniture, paragraphs, title};
use crate::text::sanitize_text;

/// An article's parts as found in its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The headline, or the first sentence when there is none; may be empty for empty text.
    pub title: String,
    /// ISO date from a header or an unambiguous date line.
    pub date: Option<String>,
    /// Publisher, agency or sender, from a header or an unambiguous credit.
    pub source: Option<String>,
    /// Clean paragraphs: no control characters, none empty; only preformatted paragraphs and
    /// signatures have line breaks (`\n`).
    pub paragraphs: Vec<String>,
    /// What each paragraph is, as [`Article::kinds`](super::Article) says; empty when all
    /// are running text.
    pub kinds: Vec<Block>,
    /// The article's own address, when its file gives one.
    pub url: Option<String>,
    /// The addresses its text links to, numbered from 1 in this order (see `corpus/links.rs`).
    pub links: Vec<String>,
}

/// Parses decoded text, doing all the cleaning.
pub fn parse(text: &str) -> Parsed {
    let mut lines = clean_lines(text);
    let book = book::take_frame(&mut lines);
    let mut header = split_header(&mut lines);
    header.title = header.title.or(book.title);
    header.source = header.source.or(book.author);
    let built = paragraphs::build(&lines);
    drop(lines);
    let mut body = furniture::remove(built);

    let credit = take_source_credit(&mut body);
    let date_line = take_date_line(&mut body);
    let title = title::take_title(&mut body, header.title);
    let date = header
        .date
        .or(date_line)
        .or_else(|| dateline_date(&title, &body));
    let source = header.source.or(credit).or_else(|| {
        body.first()
            .filter(|p| p.kind == Block::Text)
            .and_then(|p| dateline_source(&p.text))
    });
    let source = source.map(|s| split_brand(&s));

    let mut body = paragraphs::split_all(body);
    body.retain(|p| !p.text.is_empty());
    let mut texts = Vec::with_capacity(body.len());
    let mut kinds = Vec::with_capacity(body.len());
    for p in body {
        texts.push(nfc(&p.text).unwrap_or(p.text));
        kinds.push(p.kind);
    }
    // Running text everywhere is said with no kinds at all.
    if kinds.iter().all(|k| *k == Block::Text) {
        kinds.clear();
    }
    Parsed {
        title: nfc(&title).unwrap_or(title),
        date,
        source,
        paragraphs: texts,
        kinds,
        ..Parsed::default()
    }
}

/// The NFC form of `s`, when it differs.
fn nfc(s: &str) -> Option<String> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => None,
        _ => {
            let normal: String = s.nfc().collect();
            (normal != s).then_some(normal)
        }
    }
}

/// Splits text into lines and makes each safe: no controls, no tabs, entities decoded.
fn clean_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    loop {
        let Some((at, len, ends_paragraph)) = next_break(rest) else {
            if !rest.is_empty() {
                lines.push(clean_line(rest));
            }
            return lines;
        };
        lines.push(clean_line(rest.get(..at).unwrap_or_default()));
        if ends_paragraph {
            lines.push(String::new());
        }
        rest = rest.get(at + len..).unwrap_or_default();
    }
}

/// Finds the next line break: its byte offset, its length, and whether it ends a paragraph.
///
/// CRLF, CR, LF, VT, FF, NEL (U+0085) and LINE SEPARATOR end a line; PARAGRAPH SEPARATOR
/// ends a paragraph.
fn next_break(s: &str) -> Option<(usize, usize, bool)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes
        .get(from..)?
        .iter()
        .position(|b| matches!(b, b'\n' | b'\r' | 0x0b | 0x0c | 0xc2 | 0xe2))
    {
        let at = from + found;
        let tail = bytes.get(at..)?;
        match tail {
            [b'\r', b'\n', ..] => return Some((at, 2, false)),
            [b'\n' | b'\r' | 0x0b | 0x0c, ..] => return Some((at, 1, false)),
            [0xc2, 0x85, ..] => return Some((at, 2, false)),
            [0xe2, 0x80, 0xa8, ..] => return Some((at, 3, false)),
            [0xe2, 0x80, 0xa9, ..] => return Some((at, 3, true)),
            _ => from = at + 1,
        }
    }
    None
}

/// Cleans one line: entities, escapes and controls, placeholders, odd spaces, trailing space.
fn clean_line(line: &str) -> String {
    let decoded = decode_entities(line);
    let safe = sanitize_text(&decoded);
    let mut out = match drop_placeholders(&safe) {
        Cow::Borrowed(_) => safe,
        Cow::Owned(dropped) => dropped,
    };
    if !out.is_ascii() && out.contains(is_odd_space) {
        out = out.replace(is_odd_space, " ");
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Spaces that should draw as a plain space: no-break, figure, narrow and typographic spaces.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}'
    )
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
