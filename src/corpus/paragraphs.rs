//! Building paragraphs from cleaned lines: blank lines separate them, hard-wrapped prose and
//! quoted text are joined, one-paragraph-per-line scrapes are kept apart, preformatted text and
//! signatures keep their lines, and huge paragraphs are split.
//!
//! Whether a line break is a wrap is decided the way a wrapping editor would have made it: the
//! text has a typical line width (its wrap column), and a break is a wrap when the next line's
//! first word would not have fitted on the line (allowing a tenth for hand wrapping), and the
//! line after it is not indented further. A block is joined only where most of its breaks are
//! wraps. Text whose lines run past 100 columns, or are mostly short, was not hard-wrapped, and
//! every line stays a paragraph of its own.

use unicode_width::UnicodeWidthStr;

use super::Block;
use super::furniture::repeats;
use super::runs::{Run, runs};
use super::shape::quote_level;

/// Paragraphs longer than this many bytes are split at whitespace, so that drawing can wrap
/// them piece by piece.
pub const MAX_PARAGRAPH: usize = 16 * 1024;

/// Wrap columns outside this range are not taken as hard wrapping.
const WRAP_COLUMNS: std::ops::RangeInclusive<usize> = 40..=100;

/// One paragraph and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub kind: Block,
}

/// A paragraph, with or without its kind: what the cleaning steps after building work on.
pub trait Para {
    fn text(&self) -> &str;
    fn set_text(&mut self, text: String);
    /// Whether it is running text (not quoted, preformatted or a signature).
    fn is_text(&self) -> bool;
}

impl Para for String {
    fn text(&self) -> &str {
        self
    }
    fn set_text(&mut self, text: String) {
        *self = text;
    }
    fn is_text(&self) -> bool {
        true
    }
}

impl Para for Paragraph {
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: String) {
        self.text = text;
    }
    fn is_text(&self) -> bool {
        self.kind == Block::Text
    }
}

/// Builds paragraphs from lines that are already free of controls and line breaks.
pub fn build(lines: &[String]) -> Vec<Paragraph> {
    let wrap = wrap_column(lines);
    let mut out = Vec::new();
    for run in runs(lines) {
        match run {
            Run::Prose(block) | Run::Quote(block) => build_block(block, wrap, &mut out),
            Run::Preformatted(block) => keep_lines(block, Block::Preformatted, &mut out),
            Run::Signature(block) => keep_lines(block, Block::Signature, &mut out),
        }
    }
    out
}

/// One paragraph of lines kept as they are, less their common indentation.
fn keep_lines(block: &[String], kind: Block, out: &mut Vec<Paragraph>) {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let common = block
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = block
        .iter()
        .map(|l| {
            l.get(common.min(indent(l))..)
                .unwrap_or_default()
                .trim_end()
        })
        .collect();
    let text = lines.join("\n");
    if !text.trim().is_empty() {
        out.push(Paragraph { text, kind });
    }
}

/// Builds the paragraphs of one block of consecutive lines.
///
/// A block is joined only where most of its breaks look like wraps; in a block of short items
/// (a list, an address, a poem) an occasional long line does not pull its neighbour up. A
/// quoted line with nothing after its prefix ends a quoted paragraph.
fn build_block(block: &[String], wrap: Option<usize>, out: &mut Vec<Paragraph>) {
    let levels: Vec<(usize, &str)> = block.iter().map(|l| quote_level(l)).collect();
    let mut joins: Vec<bool> = block
        .windows(2)
        .zip(levels.windows(2))
        .map(|(pair, lv)| match (pair, lv, wrap) {
            ([prev, next_line], [(d0, this), (d1, next)], Some(w)) => {
                d0 == d1
                    && !this.is_empty()
                    && !next.is_empty()
                    && is_wrap(prev, next, w)
                    && !is_indented_start(prev, next_line)
                    && !repeats(this, next)
            }
            _ => false,
        })
        .collect();
    let same_depth = levels
        .windows(2)
        .filter(|lv| matches!(lv, [(a, x), (b, y)] if a == b && !x.is_empty() && !y.is_empty()))
        .count();
    let wraps = joins.iter().filter(|&&j| j).count();
    if wraps * 2 < same_depth {
        joins.iter_mut().for_each(|j| *j = false);
    }
    let mut current = String::new();
    let mut kind = Block::Text;
    for (i, &(depth, content)) in levels.iter().enumerate() {
        let joined = i > 0 && joins.get(i - 1).copied().unwrap_or(false);
        if joined {
            join_line(&mut current, content);
            continue;
        }
        // Quoted lines that are not wraps (short lines, a list) stay one quote, line for line.
        let same_quote = depth > 0
            && kind
                == Block::Quote {
                    depth: clamp_depth(depth),
                };
        if same_quote && !content.is_empty() && !current.is_empty() {
            current.push('\n');
            current.push_str(content);
            continue;
        }
        flush(std::mem::take(&mut current), kind, out);
        if content.is_empty() {
            continue;
        }
        current.reserve(content.len() + depth + 1);
        kind = match clamp_depth(depth) {
            0 => Block::Text,
            depth => Block::Quote { depth },
        };
        if depth > 0 {
            // The quote keeps the prefix it came with (`> `, `|> `, `: `, `> > `).
            current.push_str(&quote_prefix_of(&block[i]));
        }
        current.push_str(content);
    }
    flush(current, kind, out);
}

/// The quote prefix a line starts with, as written, ending in one space.
fn quote_prefix_of(line: &str) -> String {
    let line = line.trim_start();
    let (_, body) = super::shape::quote_split(line);
    let end = line.len() - body.len();
    let mut prefix = line.get(..end).unwrap_or_default().trim_end().to_string();
    prefix.push(' ');
    prefix
}

/// A quote depth as [`Block::Quote`] holds it.
fn clamp_depth(depth: usize) -> u8 {
    u8::try_from(depth).unwrap_or(u8::MAX)
}

/// The text's wrap column, when it looks hard-wrapped: the width that 90% of lines stay within,
/// provided at least a third of the lines come within a quarter of it.
fn wrap_column(lines: &[String]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| line_width(l))
        .collect();
    if widths.len() < 2 {
        return None;
    }
    widths.sort_unstable();
    let at = (widths.len() * 9 / 10).min(widths.len() - 1);
    let column = *widths.get(at)?;
    // In wrapped prose many lines run close to the column; only paragraph ends fall short.
    let full = widths.len() - widths.partition_point(|&w| w * 4 < column * 3);
    (WRAP_COLUMNS.contains(&column) && full * 3 >= widths.len()).then_some(column)
}

/// Whether the break after `prev` was made by wrapping at `column`: the first word of `next`
/// would not have fitted. Writers wrap by hand too, so lines may fall a tenth short.
fn is_wrap(prev: &str, next: &str, column: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or_default();
    line_width(prev) + 1 + line_width(first_word) > column - column / 10
}

/// Whether `next` opens a paragraph by first-line indentation: indented more than `prev`.
fn is_indented_start(prev: &str, next: &str) -> bool {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    indent(next) >= 2 && indent(next) > indent(prev)
}

/// Display width of a line; lines far longer than any wrap column are not measured exactly.
fn line_width(line: &str) -> usize {
    if line.is_ascii() || line.len() > 4096 {
        line.len()
    } else {
        line.width()
    }
}

/// Appends a wrapped line; a word hyphenated across the break is closed up.
fn join_line(text: &mut String, next: &str) {
    let hyphenated = text.ends_with('-')
        && text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && next.starts_with(char::is_lowercase);
    if !hyphenated {
        text.push(' ');
    }
    text.push_str(next.trim());
}

/// Ends a paragraph: collapses runs of spaces.
fn flush(text: String, kind: Block, out: &mut Vec<Paragraph>) {
    let text = collapse_spaces(text);
    if !text.is_empty() && !super::shape::quote_split(&text).1.trim().is_empty() {
        out.push(Paragraph { text, kind });
    }
}

/// [`split_all`] for paragraphs that are all running text.
pub fn split_all_text(paragraphs: Vec<String>) -> Vec<String> {
    let paragraphs = paragraphs
        .into_iter()
        .map(|text| Paragraph {
            text,
            kind: Block::Text,
        })
        .collect();
    split_all(paragraphs).into_iter().map(|p| p.text).collect()
}

/// Splits every paragraph longer than [`MAX_PARAGRAPH`] bytes: running text at whitespace,
/// preformatted text and signatures between lines.
pub fn split_all(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    if paragraphs.iter().all(|p| p.text.len() <= MAX_PARAGRAPH) {
        return paragraphs;
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let kind = p.kind;
        let mut pieces = Vec::new();
        if matches!(kind, Block::Preformatted | Block::Signature) {
            split_lines(p.text, MAX_PARAGRAPH, &mut pieces);
        } else {
            split_long(p.text, MAX_PARAGRAPH, &mut pieces);
        }
        out.extend(pieces.into_iter().map(|text| Paragraph { text, kind }));
    }
    out
}

/// Pushes `text` onto `out` in pieces of whole lines, each at most `limit` bytes where its
/// lines allow (a longer line is cut as running text is).
fn split_lines(text: String, limit: usize, out: &mut Vec<String>) {
    let mut piece = String::new();
    for line in text.split('\n') {
        if !piece.is_empty() && piece.len() + 1 + line.len() > limit {
            out.push(std::mem::take(&mut piece));
        }
        if line.len() > limit {
            split_long(line.to_owned(), limit, out);
            continue;
        }
        if !piece.is_empty() {
            piece.push('\n');
        }
        piece.push_str(line);
    }
    if !piece.trim().is_empty() {
        out.push(piece);
    }
}

/// Trims the ends and turns every run of spaces into one space.
pub fn collapse_spaces(s: String) -> String {
    let tidy = !s.contains("  ")
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace);
    if tidy {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// Pushes `text` onto `out`, cut into pieces of at most `limit` bytes: at the last whitespace
/// in each piece, else after the last ideographic full stop, else at a character boundary.
pub fn split_long(text: String, limit: usize, out: &mut Vec<String>) {
    if text.len() <= limit {
        out.push(text);
        return;
    }
    let mut rest = text.as_str();
    while rest.len() > limit {
        let mut end = limit;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let window = rest.get(..end).unwrap_or_default();
        let cut = window
            .rfind(char::is_whitespace)
            .filter(|&at| at > 0)
            .or_else(|| window.rfind('。').map(|at| at + '。'.len_utf8()))
            .unwrap_or(end);
        let (piece, tail) = rest.split_at(cut);
        if !piece.trim().is_empty() {
            out.push(piece.trim().to_owned());
        }
        rest = tail.trim_start();
    }
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_owned());
    }
}

#[cfg(test)]
#[path = "paragraphs_tests.rs"]
mod tests;
