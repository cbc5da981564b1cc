//! The search worker and the stories worker behind one [`Searching`]: every batch the model
//! asks to index goes to both (to the search first, which answers keystrokes), queries to the
//! search alone.

use std::io;
use std::sync::Arc;

use super::Searching;
use super::effects::Worker;
use crate::cache::{Manifest, Opened};
use crate::corpus::Article;
use crate::search::Query;
use crate::stories::StoriesWorker;

/// Both background workers.
pub struct Workers {
    pub search: Worker,
    pub stories: StoriesWorker,
}

impl Searching for Workers {
    fn add(&mut self, batch: Vec<Arc<Article>>) -> io::Result<()> {
        Searching::add(&mut self.search, batch.clone())?;
        self.stories.add(batch);
        Ok(())
    }

    fn query(&mut self, generation: u64, query: Query) -> io::Result<()> {
        Searching::query(&mut self.search, generation, query)
    }

    fn adopt(&mut self, opened: Arc<Opened>) -> io::Result<()> {
        self.search.adopt(opened)
    }

    fn save(&mut self, manifest: Manifest) -> io::Result<()> {
        self.search.save(manifest)
    }
}
