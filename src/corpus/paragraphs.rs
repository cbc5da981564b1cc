//! Building paragraphs from cleaned lines: blank lines separate them, hard-wrapped prose is
//! joined, one-paragraph-per-line scrapes are kept apart, and huge paragraphs are split.
//!
//! Whether a line break is a wrap is decided the way a wrapping editor would have made it: the
//! text has a typical line width (its wrap column), and a break is a wrap when the next line's
//! first word would not have fitted on the line (allowing a tenth for hand wrapping), and the
//! line after it is not indented further. A block is joined only where most of its breaks are
//! wraps. Text whose lines run past 100 columns, or are mostly short, was not hard-wrapped, and
//! every line stays a paragraph of its own.

use unicode_width::UnicodeWidthStr;

use super::furniture::repeats;

/// Paragraphs longer than this many bytes are split at whitespace, so that drawing can wrap
/// them piece by piece.
pub const MAX_PARAGRAPH: usize = 16 * 1024;

/// Wrap columns outside this range are not taken as hard wrapping.
const WRAP_COLUMNS: std::ops::RangeInclusive<usize> = 40..=100;

/// Builds paragraphs from lines that are already free of controls and line breaks.
pub fn build(lines: &[String]) -> Vec<String> {
    let wrap = wrap_column(lines);
    let mut out = Vec::new();
    for block in lines.split(|l| l.trim().is_empty()) {
        build_block(block, wrap, &mut out);
    }
    out
}

/// Builds the paragraphs of one block of consecutive lines.
///
/// A block is joined only where most of its breaks look like wraps; in a block of short items
/// (a list, an address, a poem) an occasional long line does not pull its neighbour up.
fn build_block(block: &[String], wrap: Option<usize>, out: &mut Vec<String>) {
    let levels: Vec<(usize, &str)> = block.iter().map(|l| quote_level(l)).collect();
    let mut joins: Vec<bool> = block
        .windows(2)
        .zip(levels.windows(2))
        .map(|(pair, lv)| match (pair, lv, wrap) {
            ([prev, next_line], [(d0, this), (d1, next)], Some(w)) => {
                d0 == d1
                    && is_wrap(prev, next, w)
                    && !is_indented_start(prev, next_line)
                    && !repeats(this, next)
            }
            _ => false,
        })
        .collect();
    let same_depth = levels
        .windows(2)
        .filter(|lv| matches!(lv, [(a, _), (b, _)] if a == b))
        .count();
    let wraps = joins.iter().filter(|&&j| j).count();
    if wraps * 2 < same_depth {
        joins.iter_mut().for_each(|j| *j = false);
    }
    let mut current = String::new();
    for (i, &(depth, content)) in levels.iter().enumerate() {
        let joined = i > 0 && joins.get(i - 1).copied().unwrap_or(false);
        if joined {
            join_line(&mut current, content);
            continue;
        }
        flush(std::mem::take(&mut current), out);
        current.reserve(content.len() + depth + 1);
        if depth > 0 {
            current.extend(std::iter::repeat_n('>', depth));
            current.push(' ');
        }
        current.push_str(content);
    }
    flush(current, out);
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

/// Ends a paragraph: collapses runs of spaces.
fn flush(text: String, out: &mut Vec<String>) {
    let text = collapse_spaces(text);
    if !text.is_empty() {
        out.push(text);
    }
}

/// Splits every paragraph longer than [`MAX_PARAGRAPH`] bytes.
pub fn split_all(paragraphs: Vec<String>) -> Vec<String> {
    if paragraphs.iter().all(|p| p.len() <= MAX_PARAGRAPH) {
        return paragraphs;
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        split_long(p, MAX_PARAGRAPH, &mut out);
    }
    out
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
    fn ragged_short_lines_are_not_prose() {
        let text = "RLO: abc def ghi (should read ihg fed cba)\n\
                    Trojan source: access_level = \"user // Check if admin\"\n\
                    Isolates: one LRI English FSI ? unterminated at the end\n\
                    Marks: RLM LRM ALM\nHebrew: 123 abc\nArabic: 123\nfilename-spoof: x.exe";
        assert_eq!(paras(text).len(), 7);
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
    fn hand_wrapped_ragged_lines_and_indented_paragraphs() {
        let text = "\
     I am so tired about all this debate on how many of them there
are!  Such arguments are basically worthless, imho.  Would it
really matter if it were millions of people who are regularly
even only one?
    As for the threats, I happen to know from personal
experience that people are far more likely to receive
them based on political views or even personal philosophies.";
        let p = paras(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("regularly even only one?"));
        assert!(p[1].starts_with("As for the threats"));
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
    fn split_all_bounds_every_paragraph() {
        let huge = "lorem ipsum ".repeat(5000);
        let p = split_all(vec!["short".into(), huge.trim().into(), "end".into()]);
        assert!(p.len() >= 6 && p.iter().all(|p| p.len() <= MAX_PARAGRAPH));
        assert_eq!((p[0].as_str(), p[p.len() - 1].as_str()), ("short", "end"));
    }
}
