//! The reading pane's state: the open article wrapped to the text width (lazily, a paragraph
//! at a time), the scroll position, and the hits of the active query (found and stepped
//! through in `reader/navigate.rs`).

mod blocks;
mod jump;
mod navigate;
mod screen;
mod sideways;

use blocks::block_text;
pub use blocks::{BlockKind, block_lines, meta_line, quote_prefix};

use std::ops::Range;
use std::sync::Arc;

use super::hits::Hits;
use crate::corpus::Article;

/// A position in the wrapped document: a block and a line in it. `line == lines(block)` is the
/// blank line after the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub block: usize,
    pub line: usize,
}

/// One line on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLine<'a> {
    pub kind: BlockKind,
    /// Drawn before `text`, dimmed: a quote's `> ` on every one of its lines.
    pub prefix: &'a str,
    pub text: &'a str,
    /// Whether a preformatted line goes on past the left or the right edge (sideways scroll).
    pub cut_left: bool,
    pub cut_right: bool,
    /// Hits on this line, as byte ranges into `text`, with whether each is the current hit.
    pub hits: Vec<(Range<usize>, bool)>,
}

/// The open article and where the reader is in it.
#[derive(Debug, Default)]
pub struct Reader {
    article: Option<Arc<Article>>,
    id: Option<u32>,
    meta: String,
    /// Columns that preformatted lines are scrolled to the right.
    hscroll: usize,
    width: usize,
    height: usize,
    wrapped: Vec<Option<Vec<Range<usize>>>>,
    /// Byte offset of each block's start in the whole document, and the total at the end.
    offsets: Vec<usize>,
    top: Pos,
    /// A line to go to once the reader has a size (asked for before the first layout).
    wanted: Option<usize>,
    hits: Hits,
    percent: u8,
    at_end: bool,
}

impl Reader {
    /// Opens an article (or none), at the top.
    pub fn open(&mut self, id: Option<u32>, article: Option<Arc<Article>>) {
        if self.id == id && id.is_some() {
            return;
        }
        self.id = id;
        self.meta = article.as_deref().map(meta_line).unwrap_or_default();
        self.article = article;
        self.top = Pos::default();
        self.wanted = None;
        self.reset_wrap();
        self.hits.reset(None, self.block_count(), None, None);
        self.hscroll = 0;
    }

    /// The id of the open article.
    pub fn id(&self) -> Option<u32> {
        self.id
    }

    /// The open article.
    pub fn article(&self) -> Option<&Article> {
        self.article.as_deref()
    }

    /// Sets the text column's size, re-wrapping when the width changed.
    pub fn resize(&mut self, width: usize, height: usize) {
        let width = width.max(2);
        if width != self.width {
            // Keep the same text on top: the start of the block and roughly the same line.
            let ratio = (self.top.line, self.width.max(1));
            self.width = width;
            self.reset_wrap();
            self.top.line = ratio.0 * ratio.1 / width;
            let lines = self.lines(self.top.block);
            self.top.line = self.top.line.min(lines.saturating_sub(1));
        }
        self.height = height;
        self.clamp();
        if height > 0
            && let Some(n) = self.wanted.take()
        {
            self.go_to_line(n);
        }
    }

    fn reset_wrap(&mut self) {
        let n = self.block_count();
        self.wrapped = vec![None; n];
        let mut offsets = Vec::with_capacity(n + 1);
        let mut total = 0;
        for b in 0..n {
            offsets.push(total);
            total += self.block_text(b).len();
        }
        offsets.push(total);
        self.offsets = offsets;
    }

    /// Number of blocks: title, metadata line, then the paragraphs.
    pub fn block_count(&self) -> usize {
        self.article.as_ref().map_or(0, |a| 2 + a.paragraphs.len())
    }

    fn block_text(&self, block: usize) -> &str {
        block_text(self.article.as_deref(), &self.meta, block)
    }

    fn kind(&self, block: usize) -> BlockKind {
        match (block, self.article.as_deref()) {
            (0, _) => BlockKind::Title,
            (1, _) => BlockKind::Meta,
            (b, Some(a)) => BlockKind::of(a.kind(b - 2)),
            (_, None) => BlockKind::Body,
        }
    }

    /// Wrapped lines of a block (wrapping it now if it was not yet).
    fn lines(&mut self, block: usize) -> usize {
        if block >= self.wrapped.len() {
            return 0;
        }
        if self.wrapped[block].is_none() {
            let ranges = block_lines(self.block_text(block), self.kind(block), self.width.max(2));
            self.wrapped[block] = Some(ranges);
        }
        self.wrapped[block].as_ref().map_or(0, Vec::len)
    }

    /// Lines a block takes on screen, with the blank line after it (not after the last).
    fn span(&mut self, block: usize) -> usize {
        let gap = usize::from(block + 1 < self.block_count());
        self.lines(block) + gap
    }

    fn last_pos(&mut self) -> Pos {
        let n = self.block_count();
        if n == 0 {
            return Pos::default();
        }
        let lines = self.lines(n - 1);
        Pos {
            block: n - 1,
            line: lines.saturating_sub(1),
        }
    }

    /// Moves `pos` forward by up to `n` lines, never past the last line.
    fn advance(&mut self, mut pos: Pos, mut n: usize) -> Pos {
        let last = self.last_pos();
        while n > 0 && pos < last {
            let span = self.span(pos.block);
            let room = span - 1 - pos.line.min(span - 1);
            if room >= n {
                pos.line += n;
                n = 0;
            } else {
                n -= room + 1;
                pos = Pos {
                    block: pos.block + 1,
                    line: 0,
                };
            }
        }
        pos.min(last)
    }

    /// Moves `pos` back by up to `n` lines, never before the first.
    fn retreat(&mut self, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            if pos.line >= n {
                pos.line -= n;
                return pos;
            }
            if pos.block == 0 {
                return Pos::default();
            }
            n -= pos.line + 1;
            let block = pos.block - 1;
            pos = Pos {
                block,
                line: self.span(block) - 1,
            };
        }
        pos
    }

    /// How many lines `to` is below `from` (negative when above), if within `limit` lines and
    /// every line between them is wrapped already (as the lines of the last two screens are).
    /// Reads only, so the terminal side can ask it after drawing.
    pub fn distance(&self, from: Pos, to: Pos, limit: usize) -> Option<isize> {
        let (mut pos, target, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        for k in 0..=limit {
            if pos == target {
                return isize::try_from(k).ok().map(|k| k * sign);
            }
            pos = self.next_wrapped_line(pos)?;
        }
        None
    }

    /// The line after `pos`, if its block is wrapped and it is not the last line.
    fn next_wrapped_line(&self, pos: Pos) -> Option<Pos> {
        let lines = self.wrapped.get(pos.block)?.as_ref()?.len();
        let last_block = pos.block + 1 >= self.block_count();
        let span = lines + usize::from(!last_block);
        if pos.line + 1 < span {
            Some(Pos {
                line: pos.line + 1,
                ..pos
            })
        } else if !last_block {
            Some(Pos {
                block: pos.block + 1,
                line: 0,
            })
        } else {
            None
        }
    }

    /// The furthest the top may go: the last screenful.
    fn max_top(&mut self) -> Pos {
        let last = self.last_pos();
        self.retreat(last, self.height.saturating_sub(1))
    }

    fn clamp(&mut self) {
        let max = self.max_top();
        if self.top > max {
            self.top = max;
        }
    }

    /// Scrolls down `n` lines (clamped at the end).
    pub fn scroll_down(&mut self, n: usize) {
        self.top = self.advance(self.top, n);
        self.clamp();
    }

    /// Scrolls up `n` lines (clamped at the top).
    pub fn scroll_up(&mut self, n: usize) {
        self.top = self.retreat(self.top, n);
    }

    /// Goes to the top.
    pub fn scroll_top(&mut self) {
        self.top = Pos::default();
    }

    /// Goes to the last screenful.
    pub fn scroll_bottom(&mut self) {
        self.top = self.max_top();
    }

    /// The first line on screen, counted in lines from the start, when that is cheap to know:
    /// not when it would mean wrapping thousands of paragraphs never shown (after `G` in a huge
    /// file), which would stall the screen.
    pub fn line_number(&mut self) -> Option<usize> {
        if let Some(n) = self.wanted {
            return Some(n);
        }
        let unwrapped = self.wrapped[..self.top.block.min(self.wrapped.len())]
            .iter()
            .filter(|w| w.is_none())
            .count();
        if unwrapped > 256 {
            return None;
        }
        let above: usize = (0..self.top.block).map(|b| self.span(b)).sum();
        Some(above + self.top.line)
    }

    /// Puts line `n` (counted from the start) on top, clamped to the last screenful; before the
    /// reader has a size, once it has one.
    pub fn go_to_line(&mut self, n: usize) {
        if self.height == 0 {
            self.wanted = Some(n);
            return;
        }
        self.top = self.advance(Pos::default(), n);
        self.clamp();
    }

    /// The first line on screen.
    pub fn top(&self) -> Pos {
        self.top
    }

    /// Lines on screen per page.
    pub fn height(&self) -> usize {
        self.height
    }

    /// True when the last line is on screen (as of the last `prepare`).
    pub fn at_end(&self) -> bool {
        self.at_end
    }

    /// How far through the text the bottom of the screen is, by bytes as less counts, 0–100
    /// (as of the last `prepare`).
    pub fn percent(&self) -> u8 {
        self.percent
    }

    fn compute_at_end(&mut self) -> bool {
        let bottom = self.advance(self.top, self.height.saturating_sub(1));
        bottom == self.last_pos()
    }

    fn compute_percent(&mut self) -> u8 {
        let total = self.offsets.last().copied().unwrap_or(0);
        if total == 0 || self.compute_at_end() {
            return 100;
        }
        let bottom = self.advance(self.top, self.height.saturating_sub(1));
        let in_block = self.wrapped[bottom.block]
            .as_ref()
            .and_then(|w| w.get(bottom.line))
            .map_or(0, |r| r.end);
        let done = self.offsets[bottom.block] + in_block;
        u8::try_from((done * 100 / total).min(100)).unwrap_or(100)
    }

    /// Wraps every block the screen reaches and updates the position figures, so that drawing
    /// (which only reads) finds all it needs. Called after every change.
    pub fn prepare(&mut self) {
        let mut pos = self.top;
        let mut remaining = self.height;
        while remaining > 0 && pos.block < self.block_count() {
            let span = self.span(pos.block);
            self.find_hits(pos.block);
            let take = (span - pos.line.min(span)).min(remaining);
            remaining -= take;
            pos = Pos {
                block: pos.block + 1,
                line: 0,
            };
        }
        self.at_end = self.compute_at_end();
        self.percent = self.compute_percent();
    }
}
