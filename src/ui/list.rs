//! The document list: one row per shown article, the selection in reverse video.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Context, marked_spans};
use crate::model::Focus;
use crate::state::Sort;
use crate::text::{truncate, width};

/// The list pane.
pub struct ListPane<'a, 'b> {
    pub cx: &'a Context<'b>,
}

impl Widget for &ListPane<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.area() == 0 {
            return;
        }
        let model = self.cx.model;
        let theme = self.cx.theme;
        let focused = model.focus() == Focus::List;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                theme.focused_border
            } else {
                theme.border
            })
            .title(Line::from(title(self.cx)))
            .title_bottom(Line::from(bottom_title(self.cx)).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let highlighter = model.highlighter();
        let rows = usize::from(inner.height);
        for (i, ranked) in model
            .shown()
            .iter()
            .enumerate()
            .skip(model.list().top())
            .take(rows)
        {
            let Some(article) = model.articles().get(ranked.id as usize) else {
                continue;
            };
            let y = inner.y + u16::try_from(i - model.list().top()).unwrap_or(0);
            let row = Rect::new(inner.x, y, inner.width, 1);
            let count = if highlighter.is_some() && ranked.hits > 0 {
                format!(" {}", ranked.hits)
            } else {
                String::new()
            };
            let flags = model.state(ranked.id);
            // Two columns of marks, visible without colour: `•` unread, `*` marked.
            let bullet = match (flags.read, flags.marked) {
                (false, true) => "•*",
                (false, false) => "• ",
                (true, true) => " *",
                (true, false) => "  ",
            };
            let room = usize::from(inner.width).saturating_sub(width(&count) + 2);
            let shown = truncate(&article.title, room);
            let marks: Vec<_> = highlighter
                .map(|h| h.title_spans(&shown))
                .unwrap_or_default()
                .into_iter()
                .map(|r| (r, theme.matched))
                .collect();
            let base = if flags.read {
                ratatui::style::Style::new()
            } else {
                theme.unread
            };
            let mut spans = vec![Span::styled(bullet, base)];
            spans.extend(marked_spans(&shown, &marks, base));
            let used = 2 + width(&shown);
            let pad = usize::from(inner.width).saturating_sub(used + width(&count));
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(count, theme.muted));
            let mut line = Line::from(spans);
            if i == model.selected() {
                line = line.patch_style(theme.selection);
            }
            line.render(row, buf);
        }
        if model.shown().is_empty() && rows > 0 {
            let msg = if model.articles().is_empty() {
                "no articles"
            } else if model.search().searching() {
                "searching…"
            } else {
                "no match"
            };
            Line::styled(format!(" {msg}"), theme.muted)
                .render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        }
    }
}

/// ` Articles 3/5 · 2 skipped · loading 40/100 `
fn title(cx: &Context) -> String {
    let model = cx.model;
    let mut parts = vec![format!(
        "{}/{}",
        model.shown().len(),
        model.articles().len()
    )];
    if let Some(p) = model.progress() {
        parts.push(format!("loading {}%", p.percent()));
    }
    let unread = model.library().unread();
    if unread > 0 {
        parts.push(format!("{unread} unread"));
    }
    // Rank without a query is file order: say so.
    let sort = match model.sort() {
        Sort::Rank if model.query().is_empty() => Sort::Path,
        sort => sort,
    };
    parts.push(format!("by {}", sort.name()));
    if model.list().marked_only() {
        parts.push("marked".into());
    }
    if !model.skipped().is_empty() {
        parts.push(format!("{} skipped", model.skipped().len()));
    }
    format!(" {} ", parts.join(" · "))
}

fn bottom_title(cx: &Context) -> String {
    if cx.model.search().searching() {
        " searching… ".into()
    } else {
        String::new()
    }
}
