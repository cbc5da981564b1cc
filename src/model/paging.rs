//! Pager keys, as less, mutt and newsboat have them: half pages, the next or previous article
//! from the reader, and Space at the end of an article moving on to the next.

use super::Model;

impl Model {
    /// Whether Space would move on: the reader has the keys and its last line is on screen.
    pub(super) fn at_the_end(&self) -> bool {
        self.chrome.reader_has_keys() && self.reader.at_end()
    }

    /// Space at the end: the finished article is read, and the next one opens.
    pub(super) fn next_at_the_end(&mut self) {
        if let Some(id) = self.reader.id() {
            self.library.set_state(id, |s| s.read = true);
        }
        self.step_article(1);
    }

    /// Half a page of the reader, or half the list's rows.
    pub(super) fn half_page(&mut self, down: bool) {
        if self.chrome.reader_has_keys() {
            let half = (self.reader.height() / 2).max(1);
            if down {
                self.reader.scroll_down(half);
            } else {
                self.reader.scroll_up(half);
            }
        } else {
            let half = (self.list_rows() / 2).max(1);
            let row = if down {
                self.selected().saturating_add(half)
            } else {
                self.selected().saturating_sub(half)
            };
            self.select(row);
        }
    }

    /// Selects the article `delta` rows away, saying so at either end of the list.
    pub(super) fn step_article(&mut self, delta: isize) {
        let Some(row) = self
            .selected()
            .checked_add_signed(delta)
            .filter(|&row| row < self.shown().len())
        else {
            if !self.shown().is_empty() {
                self.chrome.set_status(if delta > 0 {
                    "end of the list"
                } else {
                    "top of the list"
                });
            }
            return;
        };
        self.select(row);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::action::Action;
    use crate::corpus::Article;

    fn long(title: &str, hash: u64) -> Arc<Article> {
        Arc::new(Article {
            title: title.into(),
            paragraphs: (0..30).map(|i| format!("{title} paragraph {i}.")).collect(),
            path: format!("{title}.txt"),
            hash,
            ..Article::default()
        })
    }

    fn reading(n: u64) -> Model {
        let articles = (0..n).map(|i| long(&format!("a{i}"), i + 1)).collect();
        let mut model = Model::new(articles, Vec::new());
        model.update(Action::Resize(100, 30));
        model.update(Action::SwitchPane);
        model
    }

    #[test]
    fn space_at_the_end_moves_on_and_marks_the_finished_one_read() {
        let mut model = reading(2);
        model.update(Action::PageDown);
        assert_eq!(model.selected(), 0, "not at the end yet: a page");
        model.update(Action::Bottom);
        assert!(model.reader().at_end());
        model.update(Action::PageDown);
        assert_eq!(model.selected(), 1, "the next article");
        assert!(model.state(0).read);
        assert!(!model.state(1).read);
        assert_eq!(model.reader().top(), crate::model::Pos::default());
        model.update(Action::Bottom);
        model.update(Action::PageDown);
        assert_eq!(model.selected(), 1);
        assert_eq!(model.status(), Some("end of the list"));
    }

    #[test]
    fn half_pages_and_articles_from_the_reader() {
        let mut model = reading(3);
        model.update(Action::HalfPageDown);
        let half = model.reader.line_number();
        model.update(Action::HalfPageDown);
        assert_eq!(model.reader.line_number(), half.map(|h| h * 2));
        model.update(Action::HalfPageUp);
        assert_eq!(model.reader.line_number(), half);
        model.update(Action::NextArticle);
        model.update(Action::NextArticle);
        assert_eq!(model.selected(), 2);
        assert_eq!(model.focus(), crate::model::Focus::Reader, "still reading");
        model.update(Action::PrevArticle);
        assert_eq!(model.selected(), 1);
    }

    #[test]
    fn keys_that_did_nothing_say_so() {
        let mut model = reading(2);
        model.update(Action::NextHit);
        assert_eq!(model.status(), Some("no filter"));
        model.update(Action::MarkedOnly);
        assert_eq!(model.status(), Some("no marked articles"));
        assert!(!model.list().marked_only());
        model.update(Action::Back);
        model.update(Action::Up);
        assert_eq!(model.status(), Some("top of the list"));
        model.update(Action::Filter);
        model.update(Action::FilterChar('a'));
        model.update(Action::FilterAccept);
        model.update(Action::Back);
        assert_eq!(model.status(), Some("filter cleared"));
    }

    #[test]
    fn reaching_the_end_with_n_counts_as_reading() {
        let mut model = reading(1);
        model.update(Action::Back);
        model.update(Action::Filter);
        // The search the last letter asks for, answered as the worker would.
        let mut asked = None;
        for c in "'paragraph".chars() {
            asked = model.update(Action::FilterChar(c)).into_iter().last();
        }
        let Some(crate::model::Effect::Search(generation, query)) = asked else {
            panic!("no search asked for");
        };
        let mut index = crate::search::Index::new();
        index.add(model.articles());
        let ranked = index.search(model.articles(), &query);
        model.update(Action::Searched(crate::search::SearchOutcome {
            generation,
            ranked,
            indexed: model.articles().len(),
        }));
        model.update(Action::FilterAccept);
        assert!(!model.state(0).read);
        for _ in 0..40 {
            model.update(Action::NextHit);
        }
        assert!(
            model.state(0).read,
            "the last hit brought the end on screen"
        );
    }
}
