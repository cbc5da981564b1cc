//! The library: every loaded article, what folio remembers of each, the files skipped while
//! loading, and how far loading has got.

use std::sync::Arc;

use crate::action::Progress;
use crate::corpus::{Article, Skipped};
use crate::state::ArticleState;

/// The loaded articles, by id (the order they arrived in), with their states.
#[derive(Debug, Default)]
pub struct Library {
    articles: Vec<Arc<Article>>,
    states: Vec<ArticleState>,
    skipped: Vec<Skipped>,
    progress: Option<Progress>,
    /// Articles whose state changed since the event loop last asked.
    changed: Vec<u32>,
}

impl Library {
    /// All loaded articles, by id.
    pub fn articles(&self) -> &[Arc<Article>] {
        &self.articles
    }

    /// One article.
    pub fn get(&self, id: u32) -> Option<&Arc<Article>> {
        self.articles.get(id as usize)
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True before any article has loaded.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Files skipped while loading, with reasons.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Loading progress, while loading.
    pub fn progress(&self) -> Option<Progress> {
        self.progress
    }

    /// Appends a loaded batch with what was remembered of each article (missing states are
    /// the default). Returns the id of the first new article.
    pub fn add(
        &mut self,
        articles: Vec<Arc<Article>>,
        states: Vec<ArticleState>,
        skipped: Vec<Skipped>,
    ) -> usize {
        let first = self.articles.len();
        let n = articles.len();
        self.articles.extend(articles);
        self.states.extend(states.into_iter().take(n));
        self.states
            .resize(self.articles.len(), ArticleState::default());
        self.skipped.extend(skipped);
        first
    }

    /// Sets the loading progress (`None` when done).
    pub fn set_progress(&mut self, progress: Option<Progress>) {
        self.progress = progress;
    }

    /// What folio remembers of an article.
    pub fn state(&self, id: u32) -> ArticleState {
        self.states.get(id as usize).cloned().unwrap_or_default()
    }

    /// Changes an article's state, noting it for saving when it really changed.
    pub fn set_state(&mut self, id: u32, change: impl FnOnce(&mut ArticleState)) {
        if let Some(s) = self.states.get_mut(id as usize) {
            let before = s.clone();
            change(s);
            if *s != before {
                self.changed.push(id);
            }
        }
    }

    /// Number of unread articles.
    pub fn unread(&self) -> usize {
        self.states.iter().filter(|s| !s.read).count()
    }

    /// How many articles are marked.
    pub fn marked(&self) -> usize {
        self.states.iter().filter(|s| s.marked).count()
    }

    /// The articles whose state changed since the last call, with their states, each once.
    pub fn take_changes(&mut self) -> Vec<(Arc<Article>, ArticleState)> {
        let mut ids = std::mem::take(&mut self.changed);
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| Some((self.get(id)?.clone(), self.state(id))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(hash: u64) -> Arc<Article> {
        Arc::new(Article {
            title: format!("a{hash}"),
            hash,
            ..Article::default()
        })
    }

    #[test]
    fn batches_append_with_their_states() {
        let mut lib = Library::default();
        let read = ArticleState {
            read: true,
            ..ArticleState::default()
        };
        assert_eq!(lib.add(vec![art(1), art(2)], vec![read], Vec::new()), 0);
        assert_eq!(lib.add(vec![art(3)], Vec::new(), Vec::new()), 2);
        assert_eq!(lib.len(), 3);
        assert!(lib.state(0).read);
        assert!(!lib.state(1).read, "a missing state is the default");
        assert_eq!(lib.unread(), 2);
        assert_eq!(lib.state(99), ArticleState::default());
    }

    #[test]
    fn only_real_changes_are_reported_once_each() {
        let mut lib = Library::default();
        lib.add(vec![art(1), art(2)], Vec::new(), Vec::new());
        lib.set_state(1, |s| s.read = false);
        assert!(lib.take_changes().is_empty(), "no change, nothing to save");
        lib.set_state(1, |s| s.marked = true);
        lib.set_state(1, |s| s.line = 4);
        lib.set_state(0, |s| s.read = true);
        let changes: Vec<(u64, ArticleState)> = lib
            .take_changes()
            .into_iter()
            .map(|(a, s)| (a.hash, s))
            .collect();
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].0, 1);
        assert_eq!(
            changes[1].1,
            ArticleState {
                read: false,
                line: 4,
                marked: true,
                tags: Vec::new(),
            }
        );
        assert!(lib.take_changes().is_empty());
    }
}
