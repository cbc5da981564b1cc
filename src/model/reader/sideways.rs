//! Sideways scrolling of preformatted lines (`h`, `l`): they are never wrapped, so a line
//! wider than the pane is clipped, with a marker on each side that goes on.

use std::ops::Range;

use super::{BlockKind, Reader};
use crate::text::{clip, width};

/// Columns moved by one sideways step.
const STEP: usize = 8;

impl Reader {
    /// Scrolls preformatted lines left, back towards their start.
    pub fn scroll_left(&mut self) {
        self.hscroll = self.hscroll.saturating_sub(STEP);
    }

    /// Scrolls preformatted lines right, as far as the widest one on screen needs.
    pub fn scroll_right(&mut self) {
        let room = self.width.saturating_sub(2);
        let max = self.widest_on_screen().saturating_sub(room);
        self.hscroll = (self.hscroll + STEP).min(max.max(self.hscroll));
    }

    /// How far preformatted lines are scrolled to the right, in columns.
    pub fn hscroll(&self) -> usize {
        self.hscroll
    }

    /// The part of a line shown: preformatted lines clipped at the scroll position, other
    /// lines whole.
    pub(super) fn clip_line(
        &self,
        text: &str,
        range: &Range<usize>,
        kind: BlockKind,
    ) -> (Range<usize>, bool, bool) {
        if !kind.is_unwrapped() {
            return (range.clone(), false, false);
        }
        let line = text.get(range.clone()).unwrap_or_default();
        let (r, left, right) = clip(line, self.hscroll, self.width.max(2));
        (range.start + r.start..range.start + r.end, left, right)
    }

    /// The width of the widest preformatted line on screen.
    fn widest_on_screen(&mut self) -> usize {
        let mut widest = 0;
        let mut pos = self.top;
        for _ in 0..self.height {
            if pos.block >= self.block_count() {
                break;
            }
            let kind = self.kind(pos.block);
            self.lines(pos.block);
            let text = self.block_text(pos.block);
            let line = self
                .wrapped
                .get(pos.block)
                .and_then(Option::as_ref)
                .and_then(|l| l.get(pos.line))
                .and_then(|r| text.get(r.clone()));
            if let (true, Some(line)) = (kind.is_unwrapped(), line) {
                widest = widest.max(width(line));
            }
            let next = self.advance(pos, 1);
            if next == pos {
                break;
            }
            pos = next;
        }
        widest
    }
}
