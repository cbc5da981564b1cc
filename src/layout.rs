//! Where each pane goes for a given screen size and view: a pure struct of named rectangles.

use ratatui::layout::Rect;

/// Below this width, one pane is shown at a time.
pub const NARROW: u16 = 60;
/// The widest the reading column gets, in columns.
pub const READING_WIDTH: u16 = 80;
/// The list's share of the width, in percent, unless the user chose another (`<`, `>`).
pub const LIST_SHARE: u16 = 40;
/// The shares `<` and `>` move between, and their step.
pub const LIST_SHARES: std::ops::RangeInclusive<u16> = 20..=75;
pub const LIST_SHARE_STEP: u16 = 5;
/// Neither the list nor the reader gets fewer columns than this beside the other.
const MIN_PANE: u16 = 30;

/// What the layout depends on besides the screen size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// On a narrow screen, whether the reader (rather than the list) is the pane shown.
    pub reader_shown: bool,
    /// Full-width reading mode: the reader alone, no list and no filter bar.
    pub reading_mode: bool,
    /// The widest reading column.
    pub reading_width: u16,
    /// The list's share of the width, in percent.
    pub list_share: u16,
}

/// The panes' rectangles; a pane that is not shown has an empty (zero-area) rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub list: Rect,
    pub reader: Rect,
    /// The reader's text column inside its border, at most `reading_width` wide, centred.
    pub text: Rect,
    pub filter: Rect,
}

impl Layout {
    /// Computes the layout of a screen.
    pub fn new(screen: Rect, view: View) -> Layout {
        let mut layout = Layout::default();
        if screen.area() == 0 {
            return layout;
        }
        let body = if view.reading_mode {
            screen
        } else {
            let filter_height = 1.min(screen.height);
            layout.filter = Rect {
                y: screen.bottom() - filter_height,
                height: filter_height,
                ..screen
            };
            Rect {
                height: screen.height - filter_height,
                ..screen
            }
        };
        if view.reading_mode {
            layout.reader = body;
        } else if screen.width < NARROW {
            if view.reader_shown {
                layout.reader = body;
            } else {
                layout.list = body;
            }
        } else {
            let list_width = list_width(body.width, view.list_share);
            layout.list = Rect {
                width: list_width,
                ..body
            };
            layout.reader = Rect {
                x: body.x + list_width,
                width: body.width - list_width,
                ..body
            };
        }
        layout.text = text_column(layout.reader, view);
        layout
    }
}

/// The list's width beside the reader: its share, but at least [`MIN_PANE`] columns, and
/// leaving the reader at least as many.
fn list_width(width: u16, share: u16) -> u16 {
    let shared = u32::from(width) * u32::from(share.min(100)) / 100;
    let shared = u16::try_from(shared).unwrap_or(width);
    shared.max(MIN_PANE).min(width.saturating_sub(MIN_PANE))
}

/// The text column of the reader: inside the border (none in reading mode), one column of
/// margin each side when there is room, at most `reading_width` wide, centred.
fn text_column(reader: Rect, view: View) -> Rect {
    let inner = if view.reading_mode {
        // The last row holds the position, so text never hides under it.
        Rect {
            height: reader.height.saturating_sub(1),
            ..reader
        }
    } else {
        shrink(reader, 1, 1)
    };
    let inner = if inner.width > 20 {
        shrink(inner, 1, 0)
    } else {
        inner
    };
    let width = inner.width.min(view.reading_width.max(2));
    Rect {
        x: inner.x + (inner.width - width) / 2,
        width,
        ..inner
    }
}

fn shrink(r: Rect, dx: u16, dy: u16) -> Rect {
    if r.width < 2 * dx || r.height < 2 * dy {
        return Rect {
            x: r.x,
            y: r.y,
            width: 0,
            height: 0,
        };
    }
    Rect {
        x: r.x + dx,
        y: r.y + dy,
        width: r.width - 2 * dx,
        height: r.height - 2 * dy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(reader_shown: bool, reading_mode: bool) -> View {
        View {
            reader_shown,
            reading_mode,
            reading_width: READING_WIDTH,
            list_share: LIST_SHARE,
        }
    }

    #[test]
    fn three_panes_at_100x30() {
        let l = Layout::new(Rect::new(0, 0, 100, 30), view(false, false));
        assert_eq!(l.list, Rect::new(0, 0, 40, 29));
        assert_eq!(l.reader, Rect::new(40, 0, 60, 29));
        assert_eq!(l.filter, Rect::new(0, 29, 100, 1));
        assert_eq!(l.text.height, 27);
        assert!(l.text.width <= 80 && l.text.x > l.reader.x);
    }

    #[test]
    fn the_list_has_its_share_with_a_minimum_for_either_pane() {
        let at = |w, share| {
            let v = View {
                list_share: share,
                ..view(false, false)
            };
            Layout::new(Rect::new(0, 0, w, 24), v).list.width
        };
        assert_eq!(at(80, LIST_SHARE), 32, "not 26 as it was");
        assert_eq!(at(60, LIST_SHARE), 30, "the minimum");
        assert_eq!(at(60, 75), 30, "the reader keeps its minimum");
        assert_eq!(at(200, 20), 40);
        assert_eq!(at(200, 75), 150);
        assert_eq!(at(100, 1000), 70);
    }

    #[test]
    fn text_column_is_centred_and_capped_when_wide() {
        let l = Layout::new(Rect::new(0, 0, 200, 50), view(false, false));
        assert_eq!(l.text.width, 80);
        let left = l.text.x - l.reader.x;
        let right = l.reader.right() - l.text.right();
        assert!(left.abs_diff(right) <= 1, "{left} vs {right}");
    }

    #[test]
    fn one_pane_when_narrow() {
        let list = Layout::new(Rect::new(0, 0, 40, 12), view(false, false));
        assert_eq!(list.list, Rect::new(0, 0, 40, 11));
        assert_eq!(list.reader.area(), 0);
        let reader = Layout::new(Rect::new(0, 0, 40, 12), view(true, false));
        assert_eq!(reader.reader, Rect::new(0, 0, 40, 11));
        assert_eq!(reader.list.area(), 0);
    }

    #[test]
    fn reading_mode_hides_list_and_filter() {
        let l = Layout::new(Rect::new(0, 0, 100, 30), view(false, true));
        assert_eq!(l.reader, Rect::new(0, 0, 100, 30));
        assert_eq!(l.filter.area(), 0);
        assert_eq!(l.list.area(), 0);
        assert_eq!(l.text.width, 80);
        assert_eq!(l.text.height, 29, "the last row is the status line");
    }

    #[test]
    fn tiny_screens_never_underflow() {
        for w in 0..12 {
            for h in 0..5 {
                for (a, b) in [(false, false), (true, false), (false, true)] {
                    let l = Layout::new(Rect::new(0, 0, w, h), view(a, b));
                    let screen = Rect::new(0, 0, w, h);
                    for r in [l.list, l.reader, l.text, l.filter] {
                        assert!(r.area() == 0 || screen.contains(r.as_position()), "{w}x{h}");
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h} {r:?}");
                    }
                }
            }
        }
    }
}
