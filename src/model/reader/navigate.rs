//! Hits in the reader: finding them a block at a time, numbering them when that is cheap, and
//! stepping to the next or previous one (`n`, `N`).

use std::ops::Range;
use std::sync::Arc;

use super::{Pos, Reader, block_text};
use crate::model::hits::Current;
use crate::search::Highlighter;

impl Reader {
    pub(super) fn hits_on(&self, block: usize, line: &Range<usize>) -> Vec<(Range<usize>, bool)> {
        let Some(hits) = self.hits.found(block) else {
            return Vec::new();
        };
        let current = self
            .hits
            .current()
            .filter(|c| c.block == block)
            .map(|c| c.index);
        let first = hits.partition_point(|h| h.end <= line.start);
        hits[first..]
            .iter()
            .enumerate()
            .take_while(|(_, h)| h.start < line.end)
            .map(|(i, h)| {
                let start = h.start.max(line.start) - line.start;
                let end = h.end.min(line.end) - line.start;
                (start..end, current == Some(first + i))
            })
            .filter(|(r, _)| r.start < r.end)
            .collect()
    }

    /// Sets the query whose hits to show (none to show none). `total` is the article's number of
    /// hits when known (the search counted them); the hits themselves are found as needed.
    pub fn set_hits(&mut self, highlighter: Option<Arc<Highlighter>>, total: Option<usize>) {
        let n = self.block_count();
        self.hits.reset(highlighter, n, total, Some(1));
    }

    /// Finds the hits of one block (title, metadata line or paragraph).
    pub(super) fn find_hits(&mut self, block: usize) -> usize {
        let text = block_text(self.article.as_deref(), &self.meta, block);
        self.hits.find(block, text).len()
    }

    /// Number of hits when known, and the current one (1-based) if known.
    pub fn hit_status(&self) -> (Option<usize>, Option<usize>) {
        (
            self.hits.total(),
            self.hits.current().and_then(|c| c.ordinal),
        )
    }

    /// True when a hit is current (even if its number is not known).
    pub fn has_current_hit(&self) -> bool {
        self.hits.current().is_some()
    }

    /// Searching more blocks than this just to number a hit is not worth a pause.
    const CHEAP_BLOCKS: usize = 256;

    /// Hits in the blocks before `block`, if that is cheap to count.
    fn hits_before(&mut self, block: usize) -> Option<usize> {
        let unknown = (0..block).filter(|&b| self.hits.found(b).is_none()).count();
        (unknown <= Self::CHEAP_BLOCKS).then(|| (0..block).map(|b| self.find_hits(b)).sum())
    }

    /// Hits in `block` and after, if that is cheap to count.
    fn hits_from(&mut self, block: usize) -> Option<usize> {
        let n = self.hits.len();
        let unknown = (block..n).filter(|&b| self.hits.found(b).is_none()).count();
        (unknown <= Self::CHEAP_BLOCKS).then(|| (block..n).map(|b| self.find_hits(b)).sum())
    }

    /// The number of the hit at `index` in `block`, if cheap to know.
    fn ordinal_of(&mut self, block: usize, index: usize) -> Option<usize> {
        if let Some(before) = self.hits_before(block) {
            return Some(before + index + 1);
        }
        let total = self.hits.total()?;
        let from = self.hits_from(block)?;
        Some(total + index + 1 - from)
    }

    /// The current hit, if it is on screen; otherwise searching starts from the screen.
    fn current_on_screen(&mut self) -> Option<Current> {
        let current = self.hits.current()?;
        let pos = self.hit_pos(current)?;
        let bottom = self.advance(self.top, self.height.saturating_sub(1));
        (self.top <= pos && pos <= bottom).then_some(current)
    }

    /// The first hit at or after the top of the screen: its block and index there.
    fn first_from_top(&mut self) -> (usize, usize) {
        let top = self.top;
        self.find_hits(top.block);
        let lines = self.line_ranges(top.block);
        let from = lines.get(top.line).map_or(usize::MAX, |r| r.start);
        let hits = self.hits.found(top.block).unwrap_or(&[]);
        (top.block, hits.partition_point(|h| h.start < from))
    }

    /// Goes to the next hit after the current one (or the first from the top of the screen).
    /// Returns false when there is none.
    pub fn next_hit(&mut self) -> bool {
        let (mut block, mut index, mut ordinal) = match self.current_on_screen() {
            Some(c) => (c.block, c.index + 1, c.ordinal.map(|o| o + 1)),
            None => {
                let (block, index) = self.first_from_top();
                (block, index, self.ordinal_of(block, index))
            }
        };
        while block < self.hits.len() {
            let count = self.find_hits(block);
            if index < count {
                return self.go_to_hit(Current {
                    block,
                    index,
                    ordinal,
                });
            }
            ordinal = ordinal.map(|o| o + count.saturating_sub(index));
            block += 1;
            index = 0;
        }
        if let (None, Some(o)) = (self.hits.total(), ordinal) {
            self.hits.set_total(o - 1);
        }
        false
    }

    /// Goes to the previous hit (before the current one, or before the top of the screen).
    /// Returns false when there is none.
    pub fn prev_hit(&mut self) -> bool {
        let (mut block, mut index, ordinal) = match self.current_on_screen() {
            Some(c) => (c.block, c.index, c.ordinal),
            None => {
                let (block, index) = self.first_from_top();
                (block, index, self.ordinal_of(block, index))
            }
        };
        loop {
            if index > 0 {
                return self.go_to_hit(Current {
                    block,
                    index: index - 1,
                    ordinal: ordinal.map(|o| o.saturating_sub(1)),
                });
            }
            let Some(b) = block.checked_sub(1) else {
                return false;
            };
            block = b;
            index = self.find_hits(block);
        }
    }

    /// Goes to the first hit (false when there are none).
    pub fn first_hit(&mut self) -> bool {
        self.hits.set_current(None);
        let top = self.top;
        self.top = Pos::default();
        let found = self.next_hit();
        if !found {
            self.top = top;
        }
        found
    }

    /// Goes to the last hit (false when there are none).
    pub fn last_hit(&mut self) -> bool {
        let mut block = self.hits.len();
        while let Some(b) = block.checked_sub(1) {
            block = b;
            let count = self.find_hits(block);
            if count > 0 {
                let ordinal = self.hits.total().or_else(|| {
                    let total = self.hits_before(block)? + count;
                    self.hits.set_total(total);
                    Some(total)
                });
                return self.go_to_hit(Current {
                    block,
                    index: count - 1,
                    ordinal,
                });
            }
        }
        false
    }

    /// Where a hit is in the wrapped text.
    fn hit_pos(&mut self, current: Current) -> Option<Pos> {
        let range = self
            .hits
            .found(current.block)
            .and_then(|h| h.get(current.index))
            .cloned()?;
        self.lines(current.block);
        let line = self.wrapped[current.block]
            .as_ref()
            .map_or(0, |w| w.partition_point(|r| r.end <= range.start));
        Some(Pos {
            block: current.block,
            line,
        })
    }

    /// The wrapped lines of a block, wrapping it now if needed.
    fn line_ranges(&mut self, block: usize) -> Vec<Range<usize>> {
        self.lines(block);
        self.wrapped
            .get(block)
            .and_then(|w| w.clone())
            .unwrap_or_default()
    }

    fn go_to_hit(&mut self, current: Current) -> bool {
        let Some(pos) = self.hit_pos(current) else {
            return false;
        };
        self.hits.set_current(Some(current));
        let shown = self.top <= pos && pos < self.advance(self.top, self.height.saturating_sub(1));
        if !shown {
            // A little context above the hit, like less's search.
            self.top = self.retreat(pos, 2.min(self.height / 3));
            self.clamp();
        }
        true
    }
}
