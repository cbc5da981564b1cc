//! What the screen shows, as far as the backend knows: a copy of its cells, scrolled as the
//! terminal scrolls them.

use std::ops::Range;

use ratatui::buffer::Cell;
use ratatui::layout::Size;

use super::sequences::is_plain_blank;

/// A copy of the screen's cells; empty when unknown.
#[derive(Default)]
pub(super) struct Shadow {
    pub(super) width: u16,
    pub(super) cells: Vec<Cell>,
}

impl Shadow {
    pub(super) fn reset(&mut self, size: Size) {
        self.width = size.width;
        self.cells = vec![Cell::default(); usize::from(size.width) * usize::from(size.height)];
    }

    pub(super) fn index(&self, x: u16, y: u16) -> Option<usize> {
        let i = usize::from(y) * usize::from(self.width) + usize::from(x);
        (x < self.width && i < self.cells.len()).then_some(i)
    }

    pub(super) fn get(&self, x: u16, y: u16) -> Option<&Cell> {
        self.index(x, y).map(|i| &self.cells[i])
    }

    pub(super) fn set(&mut self, x: u16, y: u16, cell: &Cell) {
        if let Some(i) = self.index(x, y) {
            self.cells[i] = cell.clone();
        }
    }

    /// How many cells from `(x, y)` rightwards, on that row, are plain blanks.
    pub(super) fn blank_stretch(&self, x: u16, y: u16) -> usize {
        (x..self.width)
            .take_while(|&cx| self.get(cx, y).is_some_and(is_plain_blank))
            .count()
    }

    /// Moves the rows of `region` up by `lines` (down when negative), blanks coming in.
    pub(super) fn scroll(&mut self, region: &Range<u16>, lines: i32) {
        let rows: Vec<u16> = if lines > 0 {
            region.clone().collect()
        } else {
            region.clone().rev().collect()
        };
        for y in rows {
            let source = i32::from(y) + lines;
            for x in 0..self.width {
                let cell = u16::try_from(source)
                    .ok()
                    .filter(|s| region.contains(s))
                    .and_then(|s| self.get(x, s).cloned())
                    .unwrap_or_default();
                self.set(x, y, &cell);
            }
        }
    }
}
