//! The document list: one row per shown article, the selection in reverse video.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Context, marked_spans};
use crate::corpus::Article;
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
            .title(Line::from(title(
                self.cx,
                usize::from(area.width).saturating_sub(2),
            )))
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
            // Other reports of the article's story.
            let count = match model.stories().others(ranked.id) {
                0 => count,
                others => format!("{count} +{others}"),
            };
            let flags = model.state(ranked.id);
            // Two columns of marks, visible without colour: `•` unread, `*` marked.
            let bullet = match (flags.read, flags.marked) {
                (false, true) => "•*",
                (false, false) => "• ",
                (true, true) => " *",
                (true, false) => "  ",
            };
            let columns = columns(article, usize::from(inner.width));
            let room = usize::from(inner.width).saturating_sub(width(&count) + 2 + width(&columns));
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
            let pad =
                usize::from(inner.width).saturating_sub(used + width(&count) + width(&columns));
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(count, theme.muted));
            spans.push(Span::styled(columns, theme.muted));
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

/// A list at least this wide (inside its border) shows date and source columns.
const COLUMNS_FROM: usize = 60;
/// The source column's width.
const SOURCE_WIDTH: usize = 14;

/// `  2019-09-01  FRANCE 24     ` on a wide list, else nothing.
fn columns(article: &Article, list_width: usize) -> String {
    if list_width < COLUMNS_FROM {
        return String::new();
    }
    let date = article.date.as_deref().unwrap_or("");
    let source = truncate(article.source.as_deref().unwrap_or(""), SOURCE_WIDTH);
    let pad = " ".repeat(SOURCE_WIDTH - width(&source).min(SOURCE_WIDTH));
    format!("  {date:<10}  {source}{pad}")
}

/// ` 3/5 · loading 40% · 5 unread · by rank · marked · 2 skipped `, dropping the less
/// important parts first when the list is narrow: the counts and the skipped files stay.
fn title(cx: &Context, room: usize) -> String {
    let model = cx.model;
    // (part, importance: lower is dropped first)
    let mut parts = vec![(
        format!("{}/{}", model.shown().len(), model.articles().len()),
        9,
    )];
    if let Some(p) = model.progress() {
        parts.push((format!("loading {}%", p.percent()), 7));
    }
    let unread = model.library().unread();
    if unread > 0 {
        parts.push((format!("{unread} unread"), 3));
    }
    // Rank without a query is file order: say so.
    let sort = match model.sort() {
        Sort::Rank if model.query().is_empty() => Sort::Path,
        sort => sort,
    };
    parts.push((format!("by {}", sort.name()), 1));
    if model.list().marked_only() {
        parts.push(("marked".into(), 5));
    }
    match model.stories().hidden() {
        0 => {}
        1 => parts.push(("1 repeat hidden".into(), 6)),
        n => parts.push((format!("{n} repeats hidden"), 6)),
    }
    if !model.skipped().is_empty() {
        parts.push((format!("{} skipped", model.skipped().len()), 8));
    }
    let joined = |parts: &[(String, u8)]| {
        let words: Vec<&str> = parts.iter().map(|(p, _)| p.as_str()).collect();
        format!(" {} ", words.join(" · "))
    };
    while width(&joined(&parts)) > room && parts.len() > 1 {
        let least = parts
            .iter()
            .enumerate()
            .min_by_key(|(_, (_, importance))| *importance)
            .map_or(0, |(i, _)| i);
        parts.remove(least);
    }
    joined(&parts)
}

/// ` searching… `, or while the answer shown covers only part of the articles,
/// ` searching · 36,800/100,000 indexed `.
fn bottom_title(cx: &Context) -> String {
    let search = cx.model.search();
    let total = cx.model.articles().len();
    if !search.searching() && (search.query().is_empty() || search.indexed() >= total) {
        return String::new();
    }
    if search.query().is_empty() || search.indexed() >= total {
        return " searching… ".into();
    }
    format!(
        " searching · {}/{} indexed ",
        thousands(search.indexed()),
        thousands(total)
    )
}

/// `36800` as `36,800`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
