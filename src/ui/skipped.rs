//! The overlay listing files that were skipped while loading, each with its reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::Context;

/// The skipped-files overlay.
pub struct SkippedOverlay<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub scroll: usize,
}

impl Widget for &SkippedOverlay<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let skipped = self.cx.model.skipped();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.cx.theme.focused_border)
            .title(format!(" {} skipped ", skipped.len()))
            .title_bottom(Line::from(super::help::overlay_footer(self.cx.keymap)).right_aligned());
        let lines: Vec<Line> = if skipped.is_empty() {
            vec![Line::raw("No file was skipped.")]
        } else {
            skipped
                .iter()
                .skip(self.scroll.min(skipped.len().saturating_sub(1)))
                .map(|s| {
                    Line::from(vec![
                        Span::styled(s.place(), self.cx.theme.title),
                        Span::raw(": "),
                        Span::raw(s.reason.to_string()),
                    ])
                })
                .collect()
        };
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}
