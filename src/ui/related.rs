//! The window of related reports (`r`): the other articles of the selected article's story,
//! one a row (date, source, title), the chosen one in reverse video, repeats marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::Context;
use crate::action::Action;
use crate::keymap::{Mode, key_name};
use crate::model::Related;
use crate::text::{truncate, width};

/// The related-reports window.
pub struct RelatedWindow<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub window: &'a Related,
}

/// ` enter opens · then p comes back · any other key closes `, with the keys in force,
/// dropping the last parts when it does not fit in `room` columns.
fn footer(cx: &Context, room: usize) -> String {
    let first = |action: Action| {
        cx.keymap
            .keys_for(&action, Mode::Normal)
            .first()
            .map(key_name)
    };
    let mut parts = Vec::new();
    if let Some(k) = first(Action::Open) {
        parts.push(format!("{k} opens"));
    }
    if let Some(k) = first(Action::RelatedBack) {
        parts.push(format!("then {k} comes back"));
    }
    parts.push("any other key closes".into());
    loop {
        let text = format!(" {} ", parts.join(" · "));
        if width(&text) <= room || parts.len() <= 1 {
            return text;
        }
        parts.pop();
    }
}

impl Widget for &RelatedWindow<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let model = self.cx.model;
        let theme = self.cx.theme;
        let w = self.window;
        let title = match w.others.len() {
            1 => " 1 other report of this story ".to_string(),
            n => format!(" {n} other reports of this story "),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focused_border)
            .title(title)
            .title_bottom(
                Line::from(footer(self.cx, usize::from(area.width).saturating_sub(2)))
                    .right_aligned(),
            );
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        if rows == 0 {
            return;
        }
        let top = w.selected.saturating_sub(rows - 1);
        for (i, &id) in w.others.iter().enumerate().skip(top).take(rows) {
            let Some(article) = model.articles().get(id as usize) else {
                continue;
            };
            let room = usize::from(inner.width);
            let date = article.date.as_deref().unwrap_or("");
            let source = truncate(article.source.as_deref().unwrap_or(""), 14);
            let mark = match model.stories().duplicate_of(id) {
                Some(of) => format!("repeats {} ", of + 1),
                None => String::new(),
            };
            let lead = format!(" {:>4}  {date:<10}  {source:<14}  ", id + 1);
            let lead = if room < 50 {
                format!(" {:>4}  ", id + 1)
            } else {
                lead
            };
            let left = room.saturating_sub(width(&lead) + width(&mark));
            let title = truncate(&article.title, left);
            let pad = room.saturating_sub(width(&lead) + width(&title) + width(&mark));
            let mut line = Line::from(vec![
                Span::styled(lead, theme.muted),
                Span::styled(title, theme.title),
                Span::raw(" ".repeat(pad)),
                Span::styled(mark, theme.muted),
            ]);
            if i == w.selected {
                line = line.patch_style(theme.selection);
            }
            let y = inner.y + u16::try_from(i - top).unwrap_or(0);
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
