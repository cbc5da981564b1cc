//! The filter bar on the bottom row: the query being typed, or a hint of the main keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Context;
use crate::model::Model;
use crate::text::{truncate, width};

/// The filter bar.
pub struct FilterBar<'a, 'b> {
    pub cx: &'a Context<'b>,
}

impl Widget for &FilterBar<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.area() == 0 {
            return;
        }
        let model = self.cx.model;
        let theme = self.cx.theme;
        let text = model.filter().as_str();
        let mut spans = Vec::new();
        // What an external command or a written file came to is said even over a filter.
        let report = model
            .status()
            .filter(|_| !model.typing() && (model.reported() || model.accessible()));
        if let Some(report) = report {
            spans.push(Span::raw(report.to_string()));
        } else if model.typing() || !text.is_empty() {
            spans.push(Span::raw("/"));
            spans.push(Span::raw(visible_text(model, area)));
            let ignored = model.query().ignored();
            if !ignored.is_empty() {
                spans.push(Span::styled(
                    format!("  ignored: {}", ignored.join(" ")),
                    theme.muted,
                ));
            }
        } else if let Some(status) = model.status() {
            spans.push(Span::raw(status.to_string()));
        } else {
            spans.push(Span::styled("/ filter  ? help  q quit", theme.muted));
        }
        Line::from(spans).render(area, buf);
    }
}

/// Columns of the bar the text may use (after the `/`, and a column for the cursor at the end).
fn room(area: Rect) -> usize {
    usize::from(area.width).saturating_sub(2)
}

/// The first character shown when the text is longer than `room` columns: the end when the
/// cursor is in the last screenful, else a third of the bar before the cursor, so the cursor is
/// always in view with some text on either side.
fn first_shown(chars: &[char], cursor: usize, room: usize) -> usize {
    let w = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
    let cursor = cursor.min(chars.len());
    if chars.iter().map(w).sum::<usize>() <= room {
        return 0;
    }
    // The start that shows the end of the text.
    let mut tail = chars.len();
    let mut used = 0;
    while tail > 0 && used + w(&chars[tail - 1]) <= room {
        used += w(&chars[tail - 1]);
        tail -= 1;
    }
    if cursor >= tail {
        return tail;
    }
    let mut start = cursor;
    let mut used = 0;
    while start > 0 && used + w(&chars[start - 1]) <= room / 3 {
        used += w(&chars[start - 1]);
        start -= 1;
    }
    start
}

/// The part of the filter text that fits, scrolled so the cursor stays visible.
fn visible_text(model: &Model, area: Rect) -> String {
    let chars: Vec<char> = model.filter().as_str().chars().collect();
    let start = first_shown(&chars, model.filter().cursor(), room(area));
    let rest: String = chars[start..].iter().collect();
    truncate(&rest, room(area)).into_owned()
}

/// The column of the text cursor: where it is in the text, after the part scrolled out.
pub fn cursor_x(model: &Model, area: Rect) -> u16 {
    let chars: Vec<char> = model.filter().as_str().chars().collect();
    let cursor = model.filter().cursor().min(chars.len());
    let start = first_shown(&chars, cursor, room(area));
    let before: String = chars[start..cursor].iter().collect();
    let col = 1 + width(&before);
    area.x
        + u16::try_from(col)
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_text_scrolls_to_keep_the_cursor_in_view() {
        let text = chars("abcdefghijklmnopqrstuvwxyz");
        assert_eq!(first_shown(&chars("short"), 0, 10), 0);
        assert_eq!(first_shown(&text, 26, 10), 16, "the end");
        assert_eq!(
            first_shown(&text, 20, 10),
            16,
            "still in the last screenful"
        );
        assert_eq!(
            first_shown(&text, 12, 10),
            9,
            "a third of the bar before it"
        );
        assert_eq!(first_shown(&text, 0, 10), 0);
        // Wide characters count two columns.
        let wide = chars("日本語の文章です");
        assert_eq!(first_shown(&wide, 8, 6), 5);
        assert_eq!(first_shown(&wide, 2, 6), 1);
    }
}
