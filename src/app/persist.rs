//! Between the model and the state file: what was remembered of each arriving article, and
//! what changed in the model, copied into the store (which writes at most once a second).

use std::sync::Arc;
use std::time::Instant;

use crate::action::{Batch, Progress};
use crate::corpus::{Article, Skipped};
use crate::model::Model;
use crate::state::Store;

/// A loaded batch with what the store remembers of each article.
pub fn batch(
    store: &Store,
    articles: Vec<Article>,
    skipped: Vec<Skipped>,
    progress: Option<Progress>,
) -> Batch {
    let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let states = articles.iter().map(|a| store.article(a.hash)).collect();
    Batch {
        articles,
        states,
        skipped,
        progress,
    }
}

/// Copies what changed in the model into the store.
pub fn remember(model: &mut Model, store: &mut Store) {
    for (article, state) in model.take_changes() {
        store.set_article(article.hash, state);
    }
    store.set_session(model.session());
}

/// Saves the reading state when a second has passed since the last save. A failure is shown in
/// the status line, over whatever it said, once (`told` keeps the last one shown), and reading
/// goes on. Returns whether the screen must be redrawn.
pub fn save(model: &mut Model, store: &mut Store, told: &mut Option<String>, now: Instant) -> bool {
    remember(model, store);
    match store.save_if_due(now) {
        Err(err) => {
            let message = err.to_string();
            if told.as_ref() == Some(&message) {
                return false;
            }
            model.set_status(message.clone());
            *told = Some(message);
            true
        }
        Ok(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;

    #[test]
    fn a_failed_save_is_shown_over_the_status_once() {
        // A folder that can never be created: every save fails.
        let (mut store, notice) = Store::open(std::path::Path::new("/dev/null/folio"), "k");
        assert!(notice.is_some());
        let article = Article {
            title: "a".into(),
            paragraphs: vec!["text".into()],
            hash: 1,
            ..Article::default()
        };
        let mut model = Model::new(vec![Arc::new(article)], Vec::new());
        model.update(Action::Resize(100, 30));
        model.update(Action::ToggleRead);
        assert_eq!(model.status(), Some("marked read"));
        let mut told = None;
        let now = Instant::now();
        assert!(
            save(&mut model, &mut store, &mut told, now),
            "redraw to show it"
        );
        let shown = model.status().map(str::to_string);
        assert!(
            shown
                .as_deref()
                .is_some_and(|s| s.starts_with("cannot save")),
            "{shown:?}"
        );
        model.update(Action::Down);
        assert!(model.status().is_none_or(|s| !s.starts_with("cannot save")));
        // Two seconds later the save is tried again and fails the same way: not shown again.
        model.update(Action::ToggleRead);
        let later = now + std::time::Duration::from_secs(2);
        assert!(store.save_due_in(later).is_some_and(|d| d.is_zero()));
        assert!(!save(&mut model, &mut store, &mut told, later));
        assert_eq!(model.status(), Some("marked unread"));
        assert!(
            store.save_due_in(later).is_some_and(|d| !d.is_zero()),
            "it was tried"
        );
    }
}
