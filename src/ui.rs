//! Drawing: the layout and one file per pane, all rendered from `&Model`.

mod accessible;
mod facets;
mod filter_bar;
mod help;
mod hyperlinks;
mod list;
mod picker;
mod prompt;
mod reader;
mod related;
mod skipped;
mod timeline;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Clear;

pub use hyperlinks::{Hyperlink, hyperlinks};

use crate::keymap::Keymap;
use crate::model::{Model, Overlay};
use crate::theme::Theme;

/// What every pane needs to draw itself.
pub struct Context<'a> {
    pub model: &'a Model,
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, cx: &Context) {
    let layout = cx.model.layout();
    frame.render_widget(&list::ListPane { cx }, layout.list);
    frame.render_widget(&reader::ReaderPane { cx }, layout.reader);
    frame.render_widget(&filter_bar::FilterBar { cx }, layout.filter);
    if let Some(asked) = cx.model.prompt() {
        let screen = frame.area();
        let row = Rect::new(screen.x, screen.bottom().saturating_sub(1), screen.width, 1);
        let x = prompt::draw(frame.buffer_mut(), row, asked);
        frame.set_cursor_position((x, row.y));
    } else if cx.model.typing() && layout.filter.area() > 0 {
        let x = filter_bar::cursor_x(cx.model, layout.filter);
        frame.set_cursor_position((x, layout.filter.y));
    }
    if let Some((overlay, scroll)) = cx.model.overlay() {
        let area = overlay_area(frame.area());
        frame.render_widget(Clear, area);
        cut_wide_edge(frame.buffer_mut(), area);
        match overlay {
            Overlay::Help => frame.render_widget(&help::HelpOverlay { cx, scroll }, area),
            Overlay::Skipped => frame.render_widget(&skipped::SkippedOverlay { cx, scroll }, area),
            _ => {
                if let Some(picker) = picker::Picker::of(cx, overlay, scroll) {
                    frame.render_widget(&picker, area);
                }
            }
        }
    } else if let Some(window) = cx.model.stories().window() {
        let area = overlay_area(frame.area());
        frame.render_widget(Clear, area);
        cut_wide_edge(frame.buffer_mut(), area);
        frame.render_widget(&related::RelatedWindow { cx, window }, area);
    } else if let Some(timeline) = cx.model.timeline() {
        let area = overlay_area(frame.area());
        frame.render_widget(Clear, area);
        cut_wide_edge(frame.buffer_mut(), area);
        frame.render_widget(&timeline::TimelineWindow { cx, timeline }, area);
    } else if let Some(facets) = cx.model.facets() {
        let area = overlay_area(frame.area());
        frame.render_widget(Clear, area);
        cut_wide_edge(frame.buffer_mut(), area);
        frame.render_widget(&facets::FacetsWindow { cx, facets }, area);
    }
    if cx.model.accessible() {
        accessible::apply(frame, cx.model);
    }
}

/// A double-width character just left of `area` would cover its first column: blank it, so
/// the overlay's border shows whole on every terminal.
fn cut_wide_edge(buf: &mut ratatui::buffer::Buffer, area: Rect) {
    let Some(x) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(x, y)];
        if crate::text::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// The overlay window: centred, most of the screen, all of it when small.
fn overlay_area(screen: Rect) -> Rect {
    let width = if screen.width < 60 {
        screen.width
    } else {
        (screen.width * 4 / 5).min(90)
    };
    let height = if screen.height < 16 {
        screen.height
    } else {
        (screen.height * 4 / 5).max(14)
    };
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// Splits `text` into spans, styling the byte ranges `marks` (sorted, non-overlapping,
/// char-aligned) over `base`.
pub fn marked_spans<'t>(
    text: &'t str,
    marks: &[(Range<usize>, Style)],
    base: Style,
) -> Vec<Span<'t>> {
    let mut spans = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for (range, style) in marks {
        let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            spans.push(Span::styled(&text[at..start], base));
        }
        spans.push(Span::styled(&text[start..end], base.patch(*style)));
        at = end;
    }
    if at < text.len() {
        spans.push(Span::styled(&text[at..], base));
    }
    spans
}

#[cfg(test)]
mod tests;
