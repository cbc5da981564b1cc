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
        if model.typing() || !text.is_empty() {
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

/// The part of the filter text that fits, scrolled so the cursor stays visible.
fn visible_text(model: &Model, area: Rect) -> String {
    let room = usize::from(area.width).saturating_sub(2);
    let text = model.filter().as_str();
    if width(text) <= room {
        return text.to_string();
    }
    // Show the end, where typing happens.
    let chars: Vec<char> = text.chars().collect();
    let mut start = chars.len();
    let mut used = 0;
    while start > 0 {
        let w = unicode_width::UnicodeWidthChar::width(chars[start - 1]).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        start -= 1;
    }
    truncate(&chars[start..].iter().collect::<String>(), room).into_owned()
}

/// The column of the text cursor.
pub fn cursor_x(model: &Model, area: Rect) -> u16 {
    let shown = visible_text(model, area);
    let text = model.filter().as_str();
    let before: String = text.chars().take(model.filter().cursor()).collect();
    let skipped = width(text) - width(&shown);
    let col = 1 + width(&before).saturating_sub(skipped);
    area.x
        + u16::try_from(col)
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(1))
}
