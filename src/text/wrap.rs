//! Display-width measuring, truncating and wrapping, always by terminal columns, never bytes.

use std::ops::Range;

use textwrap::{Options, WordSeparator, WrapAlgorithm};
use unicode_width::UnicodeWidthStr;

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest prefix of `s` that fits in `max` columns, with `…` appended when something was cut.
pub fn truncate(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width(s) <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}…", &s[..end]))
}

/// Wraps `text` to `width` columns and returns each line as a byte range into `text`.
///
/// Lines never exceed `width` columns when `width >= 2` (a double-width character cannot fit
/// in one column; callers never ask for less than 2). Trailing spaces are left out of the ranges.
/// An empty text yields one empty line.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(2);
    let options = Options::new(width)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .break_words(true);
    let base = text.as_ptr() as usize;
    let mut out = Vec::new();
    for line in textwrap::wrap(text, &options) {
        let start = line.as_ptr() as usize;
        // Lines are borrowed slices of `text` with these options; check before trusting it.
        let range = if start >= base && start + line.len() <= base + text.len() {
            let s = start - base;
            s..s + line.len()
        } else {
            match text.find(line.as_ref()) {
                Some(s) => s..s + line.len(),
                None => continue,
            }
        };
        out.extend(split_overwide(text, range, width));
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// textwrap measures a word by its own width but may still leave a line wider than `width` when
/// a word mixes wide characters at a break; split such a line by columns as a last resort.
fn split_overwide(text: &str, range: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let line = &text[range.clone()];
    if self::width(line) <= width {
        return vec![range];
    }
    let mut pieces = Vec::new();
    let mut start = range.start;
    let mut used = 0;
    for (i, c) in line.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && used > 0 {
            pieces.push(start..range.start + i);
            start = range.start + i;
            used = 0;
        }
        used += w;
    }
    pieces.push(start..range.end);
    pieces
}

/// The part of a line shown in a window `width` columns wide, scrolled `skip` columns to the
/// right: its byte range, and whether something is cut off on the left and on the right. A
/// column is kept on each cut side for a marker, and a wide character that would straddle an
/// edge is left out.
pub fn clip(line: &str, skip: usize, width: usize) -> (Range<usize>, bool, bool) {
    let total = self::width(line);
    let left = skip > 0 && total > 0;
    let from = if left { skip + 1 } else { 0 };
    let mut room = width.saturating_sub(usize::from(left));
    let right = total > from + room;
    if right {
        room = room.saturating_sub(1);
    }
    let (mut start, mut end) = (None, line.len());
    let mut col = 0;
    for (i, c) in line.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if start.is_none() && col >= from {
            start = Some(i);
        }
        if col + w > from + room {
            end = i;
            break;
        }
        col += w;
    }
    let start = start.unwrap_or(line.len()).min(end);
    (start..end, left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap_ranges(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn breaks_long_words() {
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_breaks_between_characters_by_columns() {
        let text = "日本語の文章を折り返す";
        for line in lines(text, 6) {
            assert!(width(line) <= 6, "{line}");
        }
        assert_eq!(lines(text, 6).concat(), text);
    }

    #[test]
    fn emoji_and_combining_marks_stay_whole() {
        let text = "e\u{301}e\u{301}e\u{301} 👍🏽👍🏽👍🏽 done";
        for line in lines(text, 4) {
            assert!(width(line) <= 4, "{line:?}");
        }
        assert!(lines(text, 4).iter().all(|l| !l.starts_with('\u{301}')));
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), vec![""]);
    }

    #[test]
    fn clip_by_columns_with_room_for_markers() {
        let row = "Wheat   2.55   2.40       IV     4.65     --";
        let (r, left, right) = clip(row, 0, 20);
        assert_eq!((&row[r], left, right), ("Wheat   2.55   2.40", false, true));
        let (r, left, right) = clip(row, 8, 100);
        assert_eq!(
            (&row[r], left, right),
            (".55   2.40       IV     4.65     --", true, false)
        );
        let (r, left, right) = clip("short", 0, 20);
        assert_eq!((&"short"[r], left, right), ("short", false, false));
        let (r, left, right) = clip("short", 10, 20);
        assert_eq!((r.is_empty(), left, right), (true, true, false));
        let cjk = "東京都の表";
        let (r, _, right) = clip(cjk, 0, 6);
        assert_eq!((&cjk[r], right), ("東京", true));
        let (r, left, _) = clip(cjk, 1, 6);
        assert_eq!((&cjk[r], left), ("京都", true));
    }

    #[test]
    fn truncate_by_columns() {
        assert_eq!(truncate("hello world", 5), "hell…");
        assert_eq!(truncate("日本語です", 5), "日本…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
    }
}
