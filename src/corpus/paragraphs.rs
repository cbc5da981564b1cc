//! Building paragraphs from cleaned lines: blank lines separate them, hard-wrapped prose is
//! joined, one-paragraph-per-line scrapes are kept apart, and huge paragraphs are split.
//!
//! Whether a line break is a wrap is decided the way a wrapping editor would have made it: the
//! text has a typical line width (its wrap column), and a break is a wrap when the next line's
//! first word would not have fitted on the line. Text whose lines run past 100 columns, or are
//! all short, was not hard-wrapped, and every line stays a paragraph of its own.

use unicode_width::UnicodeWidthStr;

/// Paragraphs longer than this many bytes are split at whitespace, so that drawing can wrap
/// them piece by piece.
pub const MAX_PARAGRAPH: usize = 16 * 1024;

/// Wrap columns outside this range are not taken as hard wrapping.
const WRAP_COLUMNS: std::ops::RangeInclusive<usize> = 40..=100;

/// Builds paragraphs from lines that are already free of controls and line breaks.
pub fn build(lines: &[String]) -> Vec<String> {
    let wrap = wrap_column(lines);
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut previous: Option<&str> = None;
    for line in lines {
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
            previous = None;
            continue;
        }
        let (depth, content) = quote_level(line);
        let joins = match (&current, previous, wrap) {
            (Some((d, _)), Some(prev), Some(w)) => *d == depth && is_wrap(prev, content, w),
            _ => false,
        };
        match &mut current {
            Some((_, text)) if joins => join_line(text, content),
            _ => {
                flush(&mut current, &mut out);
                let mut text = String::with_capacity(line.len());
                if depth > 0 {
                    text.extend(std::iter::repeat_n('>', depth));
                    text.push(' ');
                }
                text.push_str(content);
                current = Some((depth, text));
            }
        }
        previous = Some(line);
    }
    flush(&mut current, &mut out);
    out
}

/// The text's wrap column, when it looks hard-wrapped: the width that 90% of lines stay within.
fn wrap_column(lines: &[String]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.width())
        .collect();
    if widths.len() < 2 {
        return None;
    }
    widths.sort_unstable();
    let at = (widths.len() * 9 / 10).min(widths.len() - 1);
    let column = *widths.get(at)?;
    WRAP_COLUMNS.contains(&column).then_some(column)
}

/// Whether the break after `prev` was made by wrapping at `column`: the first word of `next`
/// would not have fitted.
fn is_wrap(prev: &str, next: &str, column: usize) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or_default();
    prev.width() + 1 + first_word.width() > column
}

/// Splits off a Usenet quote prefix (`>`, `> >`, `>>`): returns the depth and the rest.
fn quote_level(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line.trim_start();
    while let Some(inner) = rest.strip_prefix('>') {
        depth += 1;
        rest = inner.trim_start_matches(' ');
    }
    (depth, rest.trim())
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

/// Ends the current paragraph: collapses runs of spaces and splits it if it is huge.
fn flush(current: &mut Option<(usize, String)>, out: &mut Vec<String>) {
    if let Some((_, text)) = current.take() {
        let text = collapse_spaces(&text);
        if !text.is_empty() {
            split_long(text, MAX_PARAGRAPH, out);
        }
    }
}

/// Trims the ends and turns every run of spaces into one space.
pub fn collapse_spaces(s: &str) -> String {
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
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        build(&lines)
    }

    const PROSE: &str = "\
It is a truth universally acknowledged, that a single man in possession
of a good fortune, must be in want of a wife.

However little known the feelings or views of such a man may be on his
first entering a neighbourhood, this truth is so well fixed in the minds
of the surrounding families, that he is considered as the rightful
property of some one or other of their daughters.";

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let p = paras(PROSE);
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with(
            "It is a truth universally acknowledged, that a single man in possession of a good"
        ));
        assert!(p[1].ends_with("the rightful property of some one or other of their daughters."));
    }

    #[test]
    fn short_lines_inside_wrapped_text_stay_apart() {
        let text = format!("{PROSE}\n\nGEORGE ALLEN\nPUBLISHER\n156 CHARING CROSS ROAD");
        let p = paras(&text);
        assert_eq!(
            &p[2..],
            ["GEORGE ALLEN", "PUBLISHER", "156 CHARING CROSS ROAD"]
        );
    }

    #[test]
    fn one_paragraph_per_line_scrapes_stay_apart() {
        let long = "A sentence that goes on and on well past any wrap column anyone would choose for \
                    plain text, because the page stored each paragraph on one line.";
        let text = format!("Headline here\nA standfirst line.\n{long}\n{long}");
        assert_eq!(paras(&text).len(), 4);
    }

    #[test]
    fn uniform_short_lines_are_not_prose() {
        let text: String = (0..50).map(|i| format!("line {i:07}\n")).collect();
        assert_eq!(paras(&text).len(), 50);
    }

    #[test]
    fn quoted_lines_are_joined_by_depth() {
        let text = "\
In article <x@y> someone writes:
>My online Bible is on a CD, but I don't own a CD-ROM system for the
>time being, so I can't search for the famous cite where Jesus said it.
>> An older quote that was wrapped at the usual column by the poster's
>> newsreader.
Who said Christians want to conform to the teachings of the prophets?";
        let p = paras(text);
        assert_eq!(
            p[1],
            "> My online Bible is on a CD, but I don't own a CD-ROM system for the time being, so I can't search for the famous cite where Jesus said it."
        );
        assert_eq!(
            p[2],
            ">> An older quote that was wrapped at the usual column by the poster's newsreader."
        );
        assert!(p[3].starts_with("Who said"));
    }

    #[test]
    fn hyphenated_words_close_up() {
        let text = "This line is long enough to count as wrapped prose in a book, well-\nknown words join.\nAnother line of filler text so that the wrap column is found reliably.";
        assert!(paras(text)[0].contains("well-known"));
    }

    #[test]
    fn spaces_collapse() {
        assert_eq!(paras("  a   b  \u{3000}c  "), ["a b \u{3000}c"]);
    }

    #[test]
    fn long_paragraphs_split_at_whitespace_within_the_limit() {
        let text = "word ".repeat(10_000);
        let mut out = Vec::new();
        split_long(text.trim().to_owned(), 1000, &mut out);
        assert!(
            out.iter()
                .all(|p| p.len() <= 1000 && p.starts_with("word") && p.ends_with("word"))
        );
        assert_eq!(
            out.iter().map(|p| p.split(' ').count()).sum::<usize>(),
            10_000
        );
    }

    #[test]
    fn long_runs_without_spaces_split_at_char_boundaries() {
        let mut out = Vec::new();
        split_long("長".repeat(1000), 100, &mut out);
        assert!(out.iter().all(|p| p.len() <= 100));
        assert_eq!(out.concat(), "長".repeat(1000));
        let mut out = Vec::new();
        split_long("あいう。".repeat(100), 100, &mut out);
        assert!(out.iter().all(|p| p.ends_with('。')));
    }

    #[test]
    fn build_splits_huge_lines() {
        let huge = "lorem ipsum ".repeat(5000);
        let p = paras(&huge);
        assert!(p.len() >= 4 && p.iter().all(|p| p.len() <= MAX_PARAGRAPH));
    }
}
