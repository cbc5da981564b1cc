//! The terminal folio draws on, in one place: set-up (raw mode, the alternate screen, the mouse,
//! the panic hook), teardown on every way out, suspending for Ctrl-Z, the clipboard, and drawing
//! a frame — with the scroll-region bookkeeping that lets the terminal scroll text itself.

use std::io::{self, BufWriter, Stdout, Write};
use std::ops::Range;

use ratatui::backend::Backend as _;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType};

use super::Screen;
use crate::keymap::Keymap;
use crate::layout::Layout;
use crate::model::{Model, Pos};
use crate::term::LeanBackend;
use crate::theme::Theme;
use crate::ui::{self, Context};

type Backend = LeanBackend<BufWriter<Stdout>>;

/// The real terminal, while folio has it.
pub struct Terminal {
    terminal: ratatui::Terminal<Backend>,
    mouse: bool,
    /// The last frame, kept in reading mode so a scroll can start from it.
    last: Option<Buffer>,
    /// What the reader showed at the last frame: article, top line, layout.
    drawn: Option<(Option<u32>, Pos, Layout)>,
    /// Write the reader's links as OSC 8 hyperlinks (`hyperlinks = true`).
    hyperlinks: bool,
}

impl Terminal {
    /// Takes the terminal: raw mode, the alternate screen, bracketed paste, the mouse when asked, and a panic
    /// hook that gives all of it back before the panic's message is printed.
    pub fn open(mouse: bool) -> io::Result<Terminal> {
        // ratatui's hook (installed by `enter`) restores the screen, then calls this one.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            if mouse {
                let _ = execute!(io::stdout(), DisableMouseCapture);
            }
            previous(info);
        }));
        Ok(Terminal {
            terminal: enter(mouse)?,
            mouse,
            last: None,
            drawn: None,
            hyperlinks: false,
        })
    }

    /// Makes the reader's links OSC 8 hyperlinks, or not.
    pub fn set_hyperlinks(&mut self, on: bool) {
        self.hyperlinks = on;
    }

    /// After a frame: the cells of each link on screen written again, inside an OSC 8 pair
    /// (the screen looks the same; a terminal that knows OSC 8 makes them clickable). The
    /// addresses are safe ones only (see `ui/hyperlinks.rs`); the cursor goes back where the
    /// frame left it.
    fn write_hyperlinks(&mut self, model: &Model, buffer: &Buffer) -> io::Result<()> {
        let links = ui::hyperlinks(model);
        if links.is_empty() {
            return Ok(());
        }
        let backend = self.terminal.backend_mut();
        let cursor = backend.get_cursor_position()?;
        for link in links {
            let Some(url) = crate::corpus::links::safe_url(&link.url) else {
                continue;
            };
            let area = buffer.area;
            let cells: Vec<(u16, u16, &ratatui::buffer::Cell)> = (link.x..link.x + link.width)
                .filter(|&x| x < area.right() && link.y < area.bottom())
                .map(|x| (x, link.y, &buffer[(x, link.y)]))
                .collect();
            write!(backend.writer_mut(), "\x1b]8;;{url}\x1b\\")?;
            backend.draw(cells.into_iter())?;
            write!(backend.writer_mut(), "\x1b]8;;\x1b\\")?;
        }
        if model.typing() || model.accessible() {
            backend.set_cursor_position(cursor)?;
        }
        backend.flush()
    }

    /// Gives the terminal back, unless it is gone (after a hang-up, writing to it fails, and
    /// the backend's own clean-up would report that on the very terminal that is gone).
    pub fn close(mut self) {
        if !self.gone() {
            let _ = leave(&mut self.terminal, self.mouse);
        }
        std::mem::forget(self.terminal);
    }

    /// When, since the last frame, the only change in reading mode is a scroll of the text of a
    /// few lines: the rows of the text column and the lines scrolled (positive: moved up).
    fn scrolled(&mut self, model: &Model) -> Option<(Range<u16>, isize)> {
        let layout = model.layout();
        let reader = model.reader();
        let now = (reader.id(), reader.top(), layout);
        let before = self.drawn.replace(now)?;
        if !model.reading_mode() || before.0 != now.0 || before.2 != now.2 {
            return None;
        }
        let height = usize::from(layout.text.height);
        let lines = reader.distance(before.1, now.1, height.saturating_sub(1))?;
        (lines != 0).then(|| (layout.text.y..layout.text.bottom(), lines))
    }
}

impl Screen for Terminal {
    fn size(&mut self) -> io::Result<(u16, u16)> {
        let size = self.terminal.size()?;
        Ok((size.width, size.height))
    }

    /// Draws one frame (the backend wraps it in a synchronized update). When the text in
    /// reading mode only scrolled, the terminal scrolls it and only the new lines are sent.
    fn draw(&mut self, model: &Model, keymap: &Keymap, theme: &Theme) -> io::Result<()> {
        if let Some((rows, lines)) = self.scrolled(model)
            && let Some(previous) = self.last.as_ref()
        {
            let count = u16::try_from(lines.unsigned_abs()).unwrap_or(u16::MAX);
            let backend = self.terminal.backend_mut();
            if lines > 0 {
                backend.scroll_region_up(rows.clone(), count)?;
            } else {
                backend.scroll_region_down(rows.clone(), count)?;
            }
            // Tell ratatui what the screen now holds, so it sends only the difference.
            *self.terminal.current_buffer_mut() = shifted(previous, rows, lines);
            self.terminal.swap_buffers();
        }
        let cx = Context {
            model,
            keymap,
            theme,
        };
        let frame = self.terminal.draw(|frame| ui::draw(frame, &cx))?;
        let buffer = frame.buffer.clone();
        if self.hyperlinks {
            self.write_hyperlinks(model, &buffer)?;
        }
        self.last = model.reading_mode().then_some(buffer);
        Ok(())
    }

    /// Ctrl-Z: give the terminal back, stop, and on `fg` take it again and redraw everything.
    fn suspend(&mut self) -> io::Result<()> {
        self.hand_over()?;
        let raised = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
        self.take_back()?;
        raised
    }

    /// Stops reading keys (the other program gets them all) and gives the terminal back as
    /// it was before folio.
    fn hand_over(&mut self) -> io::Result<()> {
        super::input::pause();
        let left = leave(&mut self.terminal, self.mouse);
        if left.is_err() {
            super::input::resume();
        }
        left
    }

    /// A fresh terminal (both buffers blank) over a cleared screen redraws everything, without
    /// asking the terminal where its cursor is; then keys are read again.
    fn take_back(&mut self) -> io::Result<()> {
        self.terminal = enter(self.mouse)?;
        self.last = None;
        self.drawn = None;
        let cleared = execute!(io::stdout(), Clear(ClearType::All));
        super::input::resume();
        cleared
    }

    /// OSC 52: the terminal (or tmux with set-clipboard on) puts the text on the clipboard, over
    /// SSH too. The text is folio's own (a sanitised title and path).
    fn copy(&mut self, text: &str) -> io::Result<()> {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(text);
        write!(
            self.terminal.backend_mut().writer_mut(),
            "\x1b]52;c;{encoded}\x07"
        )
    }

    /// True when the controlling terminal is gone (after a hang-up, opening it fails).
    fn gone(&self) -> bool {
        std::fs::OpenOptions::new()
            .read(true)
            .open("/dev/tty")
            .is_err()
    }
}

/// Raw mode, the alternate screen and ratatui's panic hook come from ratatui's own set-up; folio
/// then draws through its own backend, buffered so a frame leaves in one write.
fn enter(mouse: bool) -> io::Result<ratatui::Terminal<Backend>> {
    drop(ratatui::try_init()?);
    // A paste arrives as one piece of text for the filter bar, not as keys.
    execute!(io::stdout(), EnableBracketedPaste)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    ratatui::Terminal::new(LeanBackend::new(BufWriter::with_capacity(
        1 << 16,
        io::stdout(),
    )))
}

/// Bracketed paste off, the mouse released, the cursor shown, raw mode and the alternate screen left.
fn leave(terminal: &mut ratatui::Terminal<Backend>, mouse: bool) -> io::Result<()> {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    terminal.show_cursor()?;
    terminal.backend_mut().flush()?;
    ratatui::try_restore()?;
    io::stdout().flush()
}

/// `buffer` with the rows in `rows` moved up by `lines` (down when negative), blanks coming in.
fn shifted(buffer: &Buffer, rows: Range<u16>, lines: isize) -> Buffer {
    let mut out = buffer.clone();
    let area = buffer.area;
    for y in rows.clone() {
        let source = i64::from(y) + i64::try_from(lines).unwrap_or(0);
        for x in area.left()..area.right() {
            let cell = u16::try_from(source)
                .ok()
                .filter(|s| rows.contains(s))
                .map(|s| buffer[(x, s)].clone())
                .unwrap_or_default();
            out[(x, y)] = cell;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifting_moves_rows_within_the_region_only() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 2, 4));
        for y in 0..4u16 {
            buf[(0, y)].set_symbol(&y.to_string());
        }
        let up = shifted(&buf, 1..3, 1);
        let col = |b: &Buffer| {
            (0..4u16)
                .map(|y| b[(0, y)].symbol().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(col(&up), ["0", "2", " ", "3"]);
        let down = shifted(&buf, 0..4, -2);
        assert_eq!(col(&down), [" ", " ", "0", "1"]);
    }
}
