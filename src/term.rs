//! The terminal backend: crossterm underneath, with a leaner `draw` that puts fewer bytes on the
//! wire (relative cursor moves, erased runs of blanks, one SGR per style change) and scroll
//! regions for scrolling text. Over SSH, bytes are latency.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::{cursor, queue, terminal};
use ratatui::layout::{Position, Size};

mod sequences;
mod shadow;

use sequences::{PLAIN, Pen, is_plain_blank, move_to, scroll, sgr};
use shadow::Shadow;

/// Runs of at least this many blank cells are erased (`ECH`) rather than written as spaces.
const ERASE_RUN: usize = 10;

/// A ratatui backend writing to `W` with few bytes.
///
/// Everything written between two flushes is wrapped in a synchronized update (DEC mode 2026),
/// so a terminal that knows the mode shows whole frames only; others ignore it.
pub struct LeanBackend<W: Write> {
    writer: W,
    /// A fixed size instead of the terminal's (for tests).
    fixed: Option<Size>,
    /// Whether a synchronized update has begun and not yet ended.
    in_frame: bool,
    /// Whether the terminal's pen is known to be in the default style (every frame ends so,
    /// the very first may not start so).
    pen_plain: bool,
    /// Whether the cursor is known to be hidden (ratatui hides it on every frame).
    cursor_hidden: bool,
    /// Where the cursor was last put by `set_cursor_position`.
    cursor: Position,
    /// What the screen shows, as far as this backend knows: lets a short gap of unchanged
    /// cells be written again (a byte a cell) instead of jumped over (three or more).
    shadow: Shadow,
}

impl<W: Write> LeanBackend<W> {
    /// A backend over a writer (buffer it: nothing is written before `flush`).
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            fixed: None,
            in_frame: false,
            pen_plain: false,
            cursor_hidden: false,
            cursor: Position::ORIGIN,
            shadow: Shadow::default(),
        }
    }

    /// A backend of a fixed size, not asking any terminal (for tests and measurements).
    pub fn with_size(writer: W, width: u16, height: u16) -> Self {
        LeanBackend {
            writer,
            fixed: Some(Size { width, height }),
            in_frame: false,
            pen_plain: false,
            cursor_hidden: false,
            cursor: Position::ORIGIN,
            shadow: Shadow::default(),
        }
    }

    /// The writer.
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// When the cursor is a few cells left of `(x, y)` on the same row and those cells are
    /// plain single-width text in the pen's style, writes them again to get there: cheaper than
    /// a cursor move. Returns false (writing nothing) otherwise.
    fn fill_gap(&self, out: &mut Vec<u8>, pen: &mut Pen, x: u16, y: u16) -> bool {
        let Some(at) = pen.at else { return false };
        if at.y != y || x <= at.x || x - at.x > 3 {
            return false;
        }
        let gap: Option<Vec<&Cell>> = (at.x..x).map(|gx| self.shadow.get(gx, y)).collect();
        let Some(gap) = gap else { return false };
        let fits = gap.iter().all(|c| {
            c.symbol().len() == 1
                && c.symbol().is_ascii()
                && !c.symbol().as_bytes()[0].is_ascii_control()
                && (c.fg, c.bg, c.modifier) == pen.style
        });
        if !fits {
            return false;
        }
        for c in gap {
            out.extend_from_slice(c.symbol().as_bytes());
        }
        pen.at = Some(Position { x, y });
        true
    }

    /// The writer, inside a synchronized update.
    fn out(&mut self) -> &mut W {
        if !self.in_frame {
            self.in_frame = true;
            let _ = self.writer.write_all(b"\x1b[?2026h");
        }
        &mut self.writer
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        if self.shadow.cells.is_empty() {
            // The first frame goes on a fresh alternate screen: blank.
            self.shadow.reset(self.size()?);
        }
        for &(x, y, cell) in &cells {
            self.shadow.set(x, y, cell);
            // The cells a wide symbol covers are not sent, but no longer show what they did.
            let width = unicode_width::UnicodeWidthStr::width(cell.symbol());
            for dx in 1..u16::try_from(width).unwrap_or(1) {
                self.shadow.set(x.saturating_add(dx), y, &Cell::default());
            }
        }
        let mut out = Vec::with_capacity(cells.len() * 2);
        let mut pen = Pen {
            at: None,
            style: PLAIN,
        };
        // The pen's style at the start is unknown: the first SGR is a full one.
        let mut style_known = self.pen_plain;
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = cells[i];
            // Blanks to erase: the changed blank cells from here, and the blank cells beside
            // them that did not change (erasing those again costs nothing).
            let run = if is_plain_blank(cell) {
                self.shadow.blank_stretch(x, y)
            } else {
                0
            };
            if run >= ERASE_RUN {
                move_to(&mut out, &mut pen, x, y);
                if !style_known || pen.style != PLAIN {
                    out.extend_from_slice(b"\x1b[0m");
                    pen.style = PLAIN;
                    style_known = true;
                }
                write!(out, "\x1b[{run}X")?;
                let end = usize::from(x) + run;
                while i < cells.len() && cells[i].1 == y && usize::from(cells[i].0) < end {
                    i += 1;
                }
                continue;
            }
            if !(style_known && self.fill_gap(&mut out, &mut pen, x, y)) {
                move_to(&mut out, &mut pen, x, y);
            }
            let style = (cell.fg, cell.bg, cell.modifier);
            if !style_known || style != pen.style {
                sgr(&mut out, style)?;
                pen.style = style;
                style_known = true;
            }
            let symbol = cell.symbol();
            out.extend_from_slice(symbol.as_bytes());
            // After a single-width symbol the cursor is on the next cell, as ratatui assumes
            // everywhere; after a wide one, terminals disagree (emoji), so the next move is
            // absolute.
            pen.at = (unicode_width::UnicodeWidthStr::width(symbol) == 1 && x < u16::MAX)
                .then_some(Position { x: x + 1, y });
            i += 1;
        }
        if style_known && pen.style != PLAIN {
            out.extend_from_slice(b"\x1b[0m");
        }
        self.pen_plain |= style_known;
        if out.is_empty() {
            return Ok(());
        }
        self.out().write_all(&out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.cursor_hidden = true;
        queue!(self.out(), cursor::Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        queue!(self.out(), cursor::Show)
    }

    /// Where the cursor was last put, without asking the terminal. ratatui asks on every resize
    /// (to put the cursor back after clearing); a real query would cost a round trip over a
    /// slow link, and its answer would arrive on the input folio's key reader is waiting on.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.cursor = p;
        queue!(self.out(), cursor::MoveTo(p.x, p.y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if clear_type == ClearType::All {
            self.shadow.reset(self.size()?);
        } else {
            self.shadow = Shadow::default();
        }
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        queue!(self.out(), terminal::Clear(kind))
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.fixed {
            return Ok(size);
        }
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.size()?;
        Ok(WindowSize {
            columns_rows: size,
            pixels: Size {
                width: 0,
                height: 0,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.in_frame {
            self.in_frame = false;
            self.writer.write_all(b"\x1b[?2026l")?;
        }
        self.writer.flush()
    }

    fn scroll_region_up(&mut self, region: Range<u16>, line_count: u16) -> io::Result<()> {
        self.shadow.scroll(&region, i32::from(line_count));
        scroll(self.out(), region, line_count, 'S')
    }

    fn scroll_region_down(&mut self, region: Range<u16>, line_count: u16) -> io::Result<()> {
        self.shadow.scroll(&region, -i32::from(line_count));
        scroll(self.out(), region, line_count, 'T')
    }
}

#[cfg(test)]
mod tests;
