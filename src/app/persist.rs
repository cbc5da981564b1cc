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
pub fn save(model: &mut Model, store: &mut Store, told: &mut Option<String>) -> bool {
    remember(model, store);
    match store.save_if_due(Instant::now()) {
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
