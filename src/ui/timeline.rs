//! The timeline window (`t`): a bar chart of how many listed articles fall in each month (or
//! day), the chosen bar highlighted and named above the chart, as many bars around it as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Widget};

use super::Context;
use crate::action::Action;
use crate::keymap::{Mode, key_name};
use crate::model::Timeline;

/// The timeline window.
pub struct TimelineWindow<'a, 'b> {
    pub cx: &'a Context<'b>,
    pub timeline: &'a Timeline,
}

/// Columns a bar takes with its gap, at a width of `room`.
fn bar_width(bars: usize, room: usize) -> u16 {
    if bars * 4 <= room {
        3
    } else if bars * 3 <= room {
        2
    } else {
        1
    }
}

impl Widget for &TimelineWindow<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.cx.theme;
        let t = self.timeline;
        let open = self
            .cx
            .keymap
            .keys_for(&Action::Open, Mode::Normal)
            .first()
            .map(key_name);
        let long = match &open {
            Some(key) => format!(" {key} narrows the filter to it · any other key closes "),
            None => " any other key closes ".to_string(),
        };
        let footer = match &open {
            Some(key) if crate::text::width(&long) + 2 > usize::from(area.width) => {
                format!(" {key} narrows the filter to it ")
            }
            _ => long,
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focused_border)
            .title(match (t.bars.first(), t.bars.last()) {
                (Some((a, _)), Some((b, _))) if a != b => format!(" timeline {a} to {b} "),
                (Some((a, _)), _) => format!(" timeline {a} "),
                _ => " timeline ".to_string(),
            })
            .title_bottom(Line::from(footer).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 3 || inner.width < 4 {
            return;
        }
        let (period, count) = t
            .bars
            .get(t.selected)
            .map_or(("", 0), |(p, n)| (p.as_str(), *n));
        let mut head = format!(
            " {period}: {count} article{}",
            if count == 1 { "" } else { "s" }
        );
        if t.undated > 0 {
            head.push_str(&format!(" · {} undated", t.undated));
        }
        Line::styled(head, theme.title).render(Rect { height: 1, ..inner }, buf);
        // The bars around the chosen one that fit.
        let room = usize::from(inner.width);
        let width = bar_width(t.bars.len(), room);
        let step = usize::from(width) + 1;
        let fit = (room / step).max(1);
        let first = t
            .selected
            .saturating_sub(fit - 1)
            .min(t.bars.len().saturating_sub(fit));
        let by_day = t.bars.first().is_some_and(|(p, _)| p.len() > 7);
        let bars: Vec<Bar> = t
            .bars
            .iter()
            .enumerate()
            .skip(first)
            .take(fit)
            .map(|(i, (p, n))| {
                // The month (or day) under its bar; the title says the years.
                let label = if by_day {
                    p.get(8..10).unwrap_or("")
                } else {
                    p.get(5..7).unwrap_or("")
                };
                let bar = Bar::default()
                    .value(*n)
                    .label(Line::from(label))
                    .text_value("");
                if i == t.selected {
                    bar.style(theme.selection)
                } else {
                    bar.style(theme.muted)
                }
            })
            .collect();
        let chart = BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(1);
        chart.render(
            Rect {
                y: inner.y + 1,
                height: inner.height - 1,
                ..inner
            },
            buf,
        );
    }
}
