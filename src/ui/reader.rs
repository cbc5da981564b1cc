//! The reading pane: title, metadata line, wrapped paragraphs, quotes under their `>`,
//! preformatted lines clipped and scrolled sideways, dimmed signatures, hits, and where you are;
//! the title stays in the border once it has scrolled away.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Context, marked_spans};
use crate::model::{BlockKind, Focus};
use crate::text::{shorten_path, truncate};

/// Drawn where a preformatted line goes on past the left edge of the pane.
const CUT_LEFT: &str = "‹";
/// Drawn where a preformatted line goes on past the right edge of the pane.
const CUT_RIGHT: &str = "›";

/// The reader pane.
pub struct ReaderPane<'a, 'b> {
    pub cx: &'a Context<'b>,
}

impl Widget for &ReaderPane<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.area() == 0 {
            return;
        }
        let model = self.cx.model;
        let theme = self.cx.theme;
        let reader = model.reader();
        let status = status(self.cx);
        if !model.reading_mode() {
            let focused = model.focus() == Focus::Reader;
            let room = usize::from(area.width).saturating_sub(4);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(if focused {
                    theme.focused_border
                } else {
                    theme.border
                })
                .title(border_title(self.cx, room.saturating_sub(2)))
                .title_bottom(Line::from(status.clone()).right_aligned());
            block.render(area, buf);
        }
        let text = model.layout().text;
        if reader.article().is_none() {
            if text.area() > 0 {
                Line::styled("nothing selected", theme.muted)
                    .render(Rect { height: 1, ..text }, buf);
            }
            return;
        }
        for (i, line) in reader.screen_lines().iter().enumerate() {
            let Ok(dy) = u16::try_from(i) else { break };
            if dy >= text.height {
                break;
            }
            let base = match line.kind {
                BlockKind::Title => theme.title,
                BlockKind::Meta | BlockKind::Signature => theme.muted,
                BlockKind::Body | BlockKind::Quote | BlockKind::Preformatted => Style::new(),
            };
            let marks: Vec<_> = line
                .hits
                .iter()
                .map(|(r, current)| {
                    (
                        r.clone(),
                        if *current {
                            theme.current_hit
                        } else {
                            theme.matched
                        },
                    )
                })
                .collect();
            let mut spans = Vec::new();
            if !line.prefix.is_empty() {
                spans.push(Span::styled(line.prefix, theme.muted));
            }
            if line.cut_left {
                spans.push(Span::styled(CUT_LEFT, theme.muted));
            }
            spans.extend(marked_spans(line.text, &marks, base));
            let row = Rect::new(text.x, text.y + dy, text.width, 1);
            Line::from(spans).render(row, buf);
            if line.cut_right && text.width > 0 {
                let edge = Rect::new(text.right() - 1, text.y + dy, 1, 1);
                Span::styled(CUT_RIGHT, theme.muted).render(edge, buf);
            }
        }
        if model.reading_mode() && area.height > 1 {
            // No border in reading mode: the position goes in the bottom-right corner.
            let row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
            if reader.top().block > 0 {
                // The title, once scrolled away, on the left of the same row.
                let room = usize::from(area.width).saturating_sub(status.chars().count() + 2);
                border_title(self.cx, room).render(row, buf);
            }
            Line::styled(status, theme.muted)
                .right_aligned()
                .render(row, buf);
        }
    }
}

/// The file's path, shortened in the middle; once the title has scrolled out of view, the
/// title, so the screen always says what is being read.
fn border_title(cx: &Context, room: usize) -> Line<'static> {
    let reader = cx.model.reader();
    let Some(article) = reader.article() else {
        return Line::raw("");
    };
    if reader.top().block > 0 {
        let title = truncate(&article.title, room);
        Line::styled(format!(" {title} "), cx.theme.title)
    } else {
        let path = shorten_path(&article.path, room);
        Line::styled(format!(" {path} "), cx.theme.muted)
    }
}

/// `#iran · hit 3/17 · 42%`
fn status(cx: &Context) -> String {
    let reader = cx.model.reader();
    let mut parts = Vec::new();
    // The article's tags (`+`), first.
    if let Some(id) = reader.id() {
        let tags = cx.model.state(id).tags;
        if !tags.is_empty() {
            parts.push(format!("#{}", tags.join(" #")));
        }
    }
    if cx.model.highlighter().is_some() {
        match reader.hit_status() {
            (Some(total), Some(c)) => parts.push(format!("hit {c}/{total}")),
            (None, Some(c)) => parts.push(format!("hit {c}")),
            (Some(total), None) => parts.push(format!("{total} hits")),
            (None, None) => {}
        }
    }
    if reader.article().is_some() {
        parts.push(format!("{}%", reader.percent()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
