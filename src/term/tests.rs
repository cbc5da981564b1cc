//! The lean backend replayed through a terminal emulator: what reaches the screen is what
//! ratatui drew, in fewer bytes than plain crossterm.

use super::*;
use ratatui::Terminal;
use ratatui::style::Style;
use ratatui::style::{Color, Modifier};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws frames through the backend, replays the bytes in a terminal emulator, and checks the
/// emulator shows exactly what ratatui's buffer holds.
fn check_frames(frames: &[Vec<String>], width: u16, height: u16) -> usize {
    let mut terminal =
        Terminal::new(LeanBackend::with_size(Vec::new(), width, height)).expect("terminal");
    let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero");
    let mut parser = vt100::Parser::new(nz(height), nz(width), 0);
    let mut total = 0;
    for lines in frames {
        let completed = terminal
            .draw(|f| {
                let area = f.area();
                let block = Block::default().borders(Borders::ALL).title("t");
                let inner = block.inner(area);
                f.render_widget(block, area);
                for (i, l) in lines.iter().enumerate().take(usize::from(inner.height)) {
                    let style = if i % 3 == 0 {
                        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
                    } else {
                        Style::new()
                    };
                    let row = ratatui::layout::Rect {
                        y: inner.y + i as u16,
                        height: 1,
                        ..inner
                    };
                    f.render_widget(Line::styled(l.clone(), style), row);
                }
            })
            .expect("draw");
        let expected: Vec<String> = (0..height)
            .map(|y| {
                let mut row = String::new();
                let mut skip = 0;
                for x in 0..width {
                    let c = &completed.buffer[(x, y)];
                    if skip == 0 {
                        row.push_str(c.symbol());
                    }
                    skip = (skip.max(unicode_width::UnicodeWidthStr::width(c.symbol())))
                        .saturating_sub(1);
                }
                row.trim_end().to_string()
            })
            .collect();
        let bytes = std::mem::take(terminal.backend_mut().writer_mut());
        if std::env::var_os("FOLIO_DEBUG_BYTES").is_some() {
            eprintln!("{:?}", String::from_utf8_lossy(&bytes));
        }
        total += bytes.len();
        parser.process(&bytes);
        let screen: Vec<String> = parser
            .screen()
            .rows(0, width)
            .map(|r| r.trim_end().to_string())
            .collect();
        assert_eq!(screen, expected);
    }
    total
}

#[test]
fn the_screen_matches_the_buffer_after_every_frame() {
    let a: Vec<String> = (0..20)
        .map(|i| format!("line {i} with some text here"))
        .collect();
    let b: Vec<String> = (0..20)
        .map(|i| format!("l{i} 日本語 emoji 👍 e\u{301}"))
        .collect();
    let c: Vec<String> = (0..20).map(|i| "x".repeat(i * 3)).collect();
    let d: Vec<String> = vec![String::new()];
    check_frames(&[a.clone(), b, c, d, a], 50, 12);
    let e = vec![" xa本aax x日 a 日日x 本 a本本 ".to_string()];
    check_frames(&[e, vec![]], 30, 10);
}

#[test]
fn fewer_bytes_than_plain_crossterm() {
    let long: Vec<String> = (0..30)
        .map(|i| format!("{i} {}", "word ".repeat(i % 9)))
        .collect();
    let short: Vec<String> = (0..30).map(|i| format!("{i}")).collect();
    let lean = check_frames(&[long.clone(), short.clone(), long.clone()], 80, 24);

    let sink = Sink::default();
    let backend = ratatui::backend::CrosstermBackend::new(sink.clone());
    let mut plain = Terminal::with_options(
        backend,
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("terminal");
    let mut total = 0;
    for lines in [long.clone(), short, long] {
        plain
            .draw(|f| {
                let text: Vec<Line> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let style = if i % 3 == 0 {
                            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
                        } else {
                            Style::new()
                        };
                        Line::styled(l.clone(), style)
                    })
                    .collect();
                f.render_widget(
                    Paragraph::new(text)
                        .wrap(Wrap { trim: false })
                        .block(Block::default().borders(Borders::ALL).title("t")),
                    f.area(),
                );
            })
            .expect("draw");
        total += std::mem::take(&mut *sink.0.lock().expect("lock")).len();
    }
    eprintln!("lean {lean} vs crossterm {total}");
    assert!(lean * 10 < total * 8, "lean {lean} vs crossterm {total}");
}

proptest::proptest! {
    // The case that once failed (a wide character in the last column) is pinned in
    // `the_screen_matches_the_buffer_after_every_frame`; no regression file is kept.
    #![proptest_config(proptest::test_runner::Config {
        cases: 64,
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    })]
    #[test]
    fn any_frames_leave_the_screen_equal_to_the_buffer(
        frames in proptest::collection::vec(
            proptest::collection::vec("[a b日本x ]{0,40}", 0..12),
            1..6,
        )
    ) {
        check_frames(&frames, 30, 10);
    }
}

/// A writer whose bytes the test can take.
#[derive(Clone, Default)]
struct Sink(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn scroll_region_sequence() {
    let mut backend = LeanBackend::new(Vec::new());
    backend.scroll_region_up(0..29, 1).expect("scroll");
    backend.flush().expect("flush");
    assert_eq!(
        backend.writer_mut().as_slice(),
        b"\x1b[?2026h\x1b[1;29r\x1b[1S\x1b[r\x1b[?2026l"
    );
    let before = backend.writer_mut().len();
    backend.flush().expect("flush");
    assert_eq!(
        backend.writer_mut().len(),
        before,
        "an empty frame writes nothing"
    );
}
