//! The lines on screen: each wrapped (or, for preformatted text, clipped) line from the top,
//! with its kind, its quote prefix, its cut-off markers and its hits.

use super::{BlockKind, Pos, Reader, ScreenLine, quote_prefix};

impl Reader {
    /// The lines on screen, from the top (blocks not yet wrapped by `prepare` end the list).
    pub fn screen_lines(&self) -> Vec<ScreenLine<'_>> {
        let mut out = Vec::with_capacity(self.height);
        let mut pos = self.top;
        while out.len() < self.height && pos.block < self.block_count() {
            let Some(lines) = self.wrapped[pos.block].as_ref() else {
                break;
            };
            let text = self.block_text(pos.block);
            if let Some(range) = lines.get(pos.line) {
                let kind = self.kind(pos.block);
                let (range, cut_left, cut_right) = self.clip_line(text, range, kind);
                out.push(ScreenLine {
                    kind,
                    prefix: quote_prefix(text, kind),
                    text: &text[range.clone()],
                    cut_left,
                    cut_right,
                    hits: self.hits_on(pos.block, &range),
                });
                pos.line += 1;
            } else {
                if pos.block + 1 < self.block_count() {
                    out.push(ScreenLine {
                        kind: BlockKind::Body,
                        prefix: "",
                        text: "",
                        cut_left: false,
                        cut_right: false,
                        hits: Vec::new(),
                    });
                }
                pos = Pos {
                    block: pos.block + 1,
                    line: 0,
                };
            }
        }
        out
    }
}
