//! The help overlay, drawn from the keymap in force so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::Context;
use crate::keymap::{Mode, key_name};

/// The help overlay.
pub struct HelpOverlay<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub scroll: usize,
}

/// The help text: one entry per action with its keys, then the filter bar's keys and the query
/// syntax. Keys and words side by side when `width` allows, else the words under the keys.
pub fn help_lines(cx: &Context, width: u16) -> Vec<Line<'static>> {
    let theme = cx.theme;
    let mut entries: Vec<(Option<String>, String, &'static str)> = Vec::new();
    for binding in cx.keymap.bindings_in(Mode::Normal) {
        let keys: Vec<String> = binding.keys.iter().map(key_name).collect();
        let keys = if keys.is_empty() {
            "(none)".to_string()
        } else {
            keys.join(", ")
        };
        entries.push((None, keys, binding.entry.help));
    }
    let sections: [(&str, &[(&str, &'static str)]); 2] = [
        (
            "In the filter bar",
            &[
                ("text", "filter as you type"),
                ("enter, tab", "keep the filter, back to the list"),
                ("esc", "clear the filter"),
                ("up, down", "move in the list"),
                ("ctrl-w", "delete a word"),
            ],
        ),
        (
            "Query syntax",
            &[
                ("word", "fuzzy, word by word"),
                ("a b", "both"),
                ("a|b", "either"),
                ("'word", "exact"),
                ("^word word$", "word prefix / suffix"),
                ("!word", "without word"),
                ("\"two words\"", "phrase"),
                ("title: source: date:", "one field (date:2019-09)"),
            ],
        ),
    ];
    for (heading, rows) in sections {
        let mut first = true;
        for (keys, what) in rows.iter() {
            let heading = first.then(|| heading.to_string());
            first = false;
            entries.push((heading, (*keys).to_string(), what));
        }
    }
    let key_width = entries
        .iter()
        .map(|(_, k, _)| crate::text::width(k))
        .max()
        .unwrap_or(0);
    let side_by_side = usize::from(width) >= key_width + 2 + 30;
    let mut lines = Vec::new();
    for (heading, keys, what) in entries {
        if let Some(h) = heading {
            lines.push(Line::raw(""));
            lines.push(Line::styled(h, theme.title));
        }
        if side_by_side {
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>key_width$}  "), theme.title),
                Span::raw(what),
            ]));
        } else {
            lines.push(Line::styled(keys, theme.title));
            lines.push(Line::raw(format!("  {what}")));
        }
    }
    lines
}

impl Widget for &HelpOverlay<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.cx.theme.focused_border)
            .title(" keys ")
            .title_bottom(Line::from(" any key closes · j/k scroll ").right_aligned());
        let inner = block.inner(area);
        let lines = help_lines(self.cx, inner.width);
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = u16::try_from(self.scroll.min(max)).unwrap_or(0);
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .render(area, buf);
    }
}
