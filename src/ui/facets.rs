//! The facets window (`f`): the names in the listed articles, one a row with how many of them
//! have it, the chosen one in reverse video.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::Context;
use crate::action::Action;
use crate::keymap::{Mode, key_name};
use crate::model::Facets;
use crate::text::{truncate, width};

/// The facets window.
pub struct FacetsWindow<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub facets: &'a Facets,
}

impl Widget for &FacetsWindow<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.cx.theme;
        let f = self.facets;
        let open = self
            .cx
            .keymap
            .keys_for(&Action::Open, Mode::Normal)
            .first()
            .map(key_name);
        let footer = match open {
            Some(key) if area.width >= 50 => {
                format!(" {key} adds the name to the filter · any other key closes ")
            }
            Some(key) => format!(" {key} filters by it "),
            None => " any other key closes ".to_string(),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focused_border)
            .title(" names in the list ")
            .title_bottom(Line::from(footer).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        if rows == 0 {
            return;
        }
        let top = f.selected.saturating_sub(rows - 1);
        for (i, (name, count)) in f.rows.iter().enumerate().skip(top).take(rows) {
            let count = format!(" {count:>5}  ");
            let room = usize::from(inner.width).saturating_sub(width(&count));
            let name = truncate(name, room);
            let pad = room.saturating_sub(width(&name));
            let mut line = Line::from(vec![
                Span::styled(count, theme.muted),
                Span::styled(name, theme.title),
                Span::raw(" ".repeat(pad)),
            ]);
            if i == f.selected {
                line = line.patch_style(theme.selection);
            }
            let y = inner.y + u16::try_from(i - top).unwrap_or(0);
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
    }
}
