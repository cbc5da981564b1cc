//! The hits of the active query in the open article, found a block at a time as the reader
//! needs them, so a huge article never makes a keystroke wait for all of its text.

use std::ops::Range;
use std::sync::Arc;

use crate::search::Highlighter;

/// Where the current hit is: its block, its place in that block, and its number in the article
/// (1-based) when known cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Current {
    pub block: usize,
    pub index: usize,
    pub ordinal: Option<usize>,
}

/// Hits per block, found lazily.
#[derive(Debug, Default)]
pub struct Hits {
    highlighter: Option<Arc<Highlighter>>,
    /// The hits of each block (byte ranges), once found.
    blocks: Vec<Option<Vec<Range<usize>>>>,
    /// How many hits the whole article has, when known (the list knows it from the search).
    total: Option<usize>,
    current: Option<Current>,
    /// Blocks that never have hits (the metadata line).
    skip: Option<usize>,
}

impl Hits {
    /// Starts over for an article of `blocks` blocks.
    pub fn reset(
        &mut self,
        highlighter: Option<Arc<Highlighter>>,
        blocks: usize,
        total: Option<usize>,
        skip: Option<usize>,
    ) {
        self.total = highlighter.as_ref().and(total);
        self.highlighter = highlighter;
        self.blocks = vec![None; blocks];
        self.current = None;
        self.skip = skip;
    }

    /// The hits of `block`, finding them now if needed.
    pub fn find(&mut self, block: usize, text: &str) -> &[Range<usize>] {
        if block >= self.blocks.len() {
            return &[];
        }
        if self.blocks[block].is_none() {
            let spans = match &self.highlighter {
                Some(h) if self.skip != Some(block) => h.spans(text),
                _ => Vec::new(),
            };
            self.blocks[block] = Some(spans);
        }
        self.blocks[block].as_deref().unwrap_or(&[])
    }

    /// The hits of `block` if already found.
    pub fn found(&self, block: usize) -> Option<&[Range<usize>]> {
        self.blocks.get(block).and_then(|b| b.as_deref())
    }

    /// Number of blocks.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    /// The total, when known; counts it when every block has been searched.
    pub fn total(&self) -> Option<usize> {
        self.total.or_else(|| {
            self.blocks
                .iter()
                .map(|b| b.as_ref().map(Vec::len))
                .sum::<Option<usize>>()
        })
    }

    /// Sets the total once every block was searched.
    pub fn set_total(&mut self, total: usize) {
        self.total = Some(total);
    }

    pub fn current(&self) -> Option<Current> {
        self.current
    }

    pub fn set_current(&mut self, current: Option<Current>) {
        self.current = current;
    }
}
