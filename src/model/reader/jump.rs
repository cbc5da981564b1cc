//! Jumps in the open article: to a paragraph (an outline's heading), and to a percentage of
//! the text, as `50%` in less puts the line half-way through the file on top.

use super::{Pos, Reader};

impl Reader {
    /// Puts paragraph `paragraph` on top (clamped to the last screenful).
    pub fn go_to_paragraph(&mut self, paragraph: usize) {
        let block = (paragraph + 2).min(self.block_count().saturating_sub(1));
        self.top = Pos { block, line: 0 };
        self.clamp();
    }

    /// Puts the line `percent` of the way through the text (by bytes, as the position shown
    /// counts) on top, clamped to the last screenful.
    pub fn go_to_percent(&mut self, percent: u8) {
        let total = self.offsets.last().copied().unwrap_or(0);
        let target = total * usize::from(percent.min(100)) / 100;
        let Some(block) = (0..self.block_count())
            .rev()
            .find(|b| self.offsets.get(*b).is_some_and(|o| *o <= target))
        else {
            return;
        };
        self.lines(block);
        let within = target - self.offsets[block];
        let line = self.wrapped[block]
            .as_ref()
            .and_then(|lines| lines.iter().rposition(|r| r.start <= within))
            .unwrap_or(0);
        self.top = Pos { block, line };
        self.clamp();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::corpus::Article;

    fn reader() -> Reader {
        let article = Article {
            title: "T".into(),
            paragraphs: (0..40)
                .map(|i| format!("Paragraph {i} of the text."))
                .collect(),
            ..Article::default()
        };
        let mut r = Reader::default();
        r.open(Some(0), Some(Arc::new(article)));
        r.resize(40, 10);
        r
    }

    #[test]
    fn a_paragraph_goes_on_top() {
        let mut r = reader();
        r.go_to_paragraph(5);
        assert_eq!(r.top(), Pos { block: 7, line: 0 });
        r.go_to_paragraph(1000);
        r.prepare();
        assert!(r.at_end(), "clamped to the last screenful");
    }

    #[test]
    fn a_percentage_goes_that_far_through() {
        let mut r = reader();
        r.go_to_percent(50);
        let half = r.top().block;
        assert!((20..=23).contains(&half), "{half}");
        r.go_to_percent(0);
        assert_eq!(r.top(), Pos::default());
        r.go_to_percent(100);
        r.prepare();
        assert!(r.at_end());
    }
}
