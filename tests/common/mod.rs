//! Shared helpers for the integration tests: the bundled corpus, a model that searches
//! synchronously, and rendering a screen to text.
#![allow(dead_code)]

pub mod cli;

use std::sync::Arc;

use folio::action::Action;
use folio::corpus::{self, Article};
use folio::keymap::Keymap;
use folio::model::{Effect, Model};
use folio::search::{Index, SearchOutcome};
use folio::theme::{ColorDepth, Theme};
use folio::ui::{self, Context};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A model over some articles with its index, searching synchronously.
pub struct Harness {
    pub model: Model,
    pub articles: Vec<Arc<Article>>,
    pub index: Index,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
}

impl Harness {
    pub fn new(articles: Vec<Article>, width: u16, height: u16) -> Harness {
        let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
        let mut index = Index::new();
        index.add(&articles);
        let mut model = Model::new(articles.clone(), Vec::new());
        model.update(Action::Resize(width, height));
        Harness {
            model,
            articles,
            index,
            keymap: Keymap::default(),
            theme: Theme::new(ColorDepth::None),
            size: (width, height),
        }
    }

    /// Changes the screen size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.act(Action::Resize(width, height));
    }

    pub fn bundled(width: u16, height: u16) -> Harness {
        let (articles, skipped) = corpus::load_all(&corpus::bundled());
        assert!(skipped.is_empty(), "{skipped:?}");
        Harness::new(articles, width, height)
    }

    /// Applies an action and answers any search it asks for at once, as the worker would.
    pub fn act(&mut self, action: Action) {
        for effect in self.model.update(action) {
            if let Effect::Search(generation, query) = effect {
                let ranked = self.index.search(&self.articles, &query);
                self.model.update(Action::Searched(SearchOutcome {
                    generation,
                    ranked,
                    indexed: self.articles.len(),
                }));
            }
        }
    }

    /// Types text into the filter bar (focusing it first).
    pub fn filter(&mut self, text: &str) {
        self.act(Action::Filter);
        for c in text.chars() {
            self.act(Action::FilterChar(c));
        }
    }

    /// The titles the list shows, in order.
    pub fn shown_titles(&self) -> Vec<String> {
        self.model
            .shown()
            .iter()
            .map(|r| self.articles[r.id as usize].title.clone())
            .collect()
    }

    /// The paths the list shows, in order.
    pub fn shown_paths(&self) -> Vec<String> {
        self.model
            .shown()
            .iter()
            .map(|r| self.articles[r.id as usize].path.clone())
            .collect()
    }

    /// Renders the screen at the model's size.
    pub fn render(&self) -> Terminal<TestBackend> {
        let (w, h) = self.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let cx = Context {
            model: &self.model,
            keymap: &self.keymap,
            theme: &self.theme,
        };
        terminal.draw(|f| ui::draw(f, &cx)).expect("draw");
        terminal
    }

    /// The screen as text, one quoted line per row.
    pub fn screen(&self) -> String {
        self.render().backend().to_string()
    }
}
