//! A window of lines to choose one from (the links, the saved searches, the outline): the chosen line
//! reversed and kept in view, Enter takes it, any other key closes the window.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::Context;
use crate::action::Action;
use crate::keymap::{Mode, key_name};
use crate::model::Overlay;
use crate::text::truncate;

/// One window of lines to choose from.
pub struct Picker<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub title: String,
    /// Each line: a label (a number) and its text.
    pub rows: Vec<(String, String)>,
    pub chosen: usize,
    /// Shown dimmed above the lines (the article's own address).
    pub note: Option<String>,
    /// What Enter does, for the footer.
    pub verb: &'static str,
}

impl<'a, 'b> Picker<'a, 'b> {
    /// The window for an overlay that is a list to choose from; `None` for the others.
    pub fn of(cx: &'a Context<'b>, overlay: Overlay, chosen: usize) -> Option<Picker<'a, 'b>> {
        let model = cx.model;
        match overlay {
            Overlay::Links => {
                let article = model.reader().article()?;
                let rows = article
                    .links
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (format!("[{}]", i + 1), l.clone()))
                    .collect::<Vec<_>>();
                Some(Picker {
                    cx,
                    title: format!(" {} links ", rows.len()),
                    rows,
                    chosen,
                    note: article.url.as_ref().map(|u| format!("this article: {u}")),
                    verb: "opens",
                })
            }
            Overlay::Searches => {
                let rows = model
                    .saved_counts()
                    .into_iter()
                    .map(|(s, count)| {
                        let count = count.map_or_else(|| "…".to_string(), |n| n.to_string());
                        let place = if s.global { "  (settings)" } else { "" };
                        (count, format!("{}  {}{place}", s.name, s.query))
                    })
                    .collect::<Vec<_>>();
                Some(Picker {
                    cx,
                    title: match rows.len() {
                        1 => " 1 saved search · unread ".to_string(),
                        n => format!(" {n} saved searches · unread "),
                    },
                    rows,
                    chosen,
                    note: None,
                    verb: "opens",
                })
            }
            Overlay::Outline => {
                let article = model.reader().article()?;
                let headings = crate::model::outline(article);
                let top = headings.iter().map(|h| h.level).min().unwrap_or(1);
                let rows = headings
                    .into_iter()
                    .map(|h| {
                        let indent = "  ".repeat(usize::from(h.level.saturating_sub(top)));
                        (String::new(), format!("{indent}{}", h.text))
                    })
                    .collect::<Vec<_>>();
                Some(Picker {
                    cx,
                    title: format!(" outline · {} headings ", rows.len()),
                    rows,
                    chosen,
                    note: None,
                    verb: "goes there",
                })
            }
            Overlay::Help | Overlay::Skipped => None,
        }
    }
}

/// ` enter opens · any other key closes `
fn footer(cx: &Context, verb: &str, width: u16) -> String {
    let key = cx
        .keymap
        .keys_for(&Action::Pick, Mode::Overlay)
        .first()
        .map(key_name);
    match key {
        Some(key) => {
            let long = format!(" {key} {verb} · any other key closes ");
            if crate::text::width(&long) + 2 <= usize::from(width) {
                long
            } else {
                format!(" {key} {verb} ")
            }
        }
        None => " any key closes ".into(),
    }
}

impl Widget for &Picker<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.cx.theme;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focused_border)
            .title(self.title.clone())
            .title_bottom(Line::from(footer(self.cx, self.verb, area.width)).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.area() == 0 {
            return;
        }
        let mut y = inner.y;
        if let Some(note) = &self.note
            && inner.height > 2
        {
            let note = truncate(note, usize::from(inner.width));
            Line::styled(note.into_owned(), theme.muted).render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 2;
        }
        let height = usize::from(inner.bottom().saturating_sub(y));
        if height == 0 {
            return;
        }
        let chosen = self.chosen.min(self.rows.len().saturating_sub(1));
        let first = chosen.saturating_sub(height.saturating_sub(1));
        let label_width = self.rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
        for (i, (label, text)) in self.rows.iter().enumerate().skip(first).take(height) {
            let row = Rect {
                y,
                height: 1,
                ..inner
            };
            let room = usize::from(inner.width).saturating_sub(label_width + 1);
            let line = Line::from(vec![
                Span::styled(format!("{label:>label_width$} "), theme.muted),
                Span::raw(truncate(text, room).into_owned()),
            ]);
            if i == chosen {
                buf.set_style(row, theme.selection);
                line.style(theme.selection).render(row, buf);
            } else {
                line.render(row, buf);
            }
            y += 1;
        }
    }
}
