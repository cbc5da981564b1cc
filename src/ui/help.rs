//! The help overlay, drawn from the keymap in force so it always tells the truth.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::Context;
use crate::keymap::{action_help, key_name};

/// The help overlay.
pub struct HelpOverlay<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub scroll: usize,
}

/// The help text: one line per action with its keys, then the filter bar's keys and syntax.
pub fn help_lines(cx: &Context) -> Vec<Line<'static>> {
    let theme = cx.theme;
    let mut lines = Vec::new();
    for binding in cx.keymap.bindings() {
        let keys: Vec<String> = binding.keys.iter().map(key_name).collect();
        let keys = if keys.is_empty() {
            "(none)".to_string()
        } else {
            keys.join(", ")
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>22}  "), theme.title),
            Span::raw(action_help(&binding.action)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("In the filter bar", theme.title));
    for (keys, what) in [
        ("text", "filter as you type"),
        ("enter, tab", "keep the filter, back to the list"),
        ("esc", "clear the filter"),
        ("up, down", "move in the list"),
        ("ctrl-w", "delete a word"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>22}  "), theme.title),
            Span::raw(what),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Query syntax", theme.title));
    for (syntax, what) in [
        ("word", "fuzzy, word by word"),
        ("a b", "both"),
        ("a|b", "either"),
        ("'word", "exact"),
        ("^word word$", "word prefix / suffix"),
        ("!word", "without word"),
        ("\"two words\"", "phrase"),
        ("title: source: date:", "one field (date:2019-09)"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("{syntax:>22}  "), theme.title),
            Span::raw(what),
        ]));
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
        let lines = help_lines(self.cx);
        let inner = block.inner(area);
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = u16::try_from(self.scroll.min(max)).unwrap_or(0);
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll, 0))
            .render(area, buf);
    }
}
