//! The background stories thread: it takes batches of articles as the search worker does,
//! groups everything it has been given once no batch is waiting, and hands each grouping to a
//! callback. It works on a pool of its own with one thread, so the searches that answer
//! keystrokes keep the other core and never wait behind it.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use super::{Grouping, Stories};
use crate::corpus::Article;

/// A handle on the stories thread; dropping it stops the thread once its current grouping
/// ends.
#[derive(Debug)]
pub struct StoriesWorker {
    sender: Sender<Vec<Arc<Article>>>,
}

impl StoriesWorker {
    /// Starts the thread; `on_grouped` runs on it with every new grouping.
    pub fn spawn(on_grouped: impl Fn(Arc<Grouping>) + Send + 'static) -> io::Result<StoriesWorker> {
        let (sender, receiver) = channel();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "folio-stories-pool".into())
            .build()
            .map_err(io::Error::other)?;
        thread::Builder::new()
            .name("folio-stories".into())
            .spawn(move || run(&pool, &receiver, &on_grouped))
            .map_err(|e| {
                io::Error::new(e.kind(), format!("cannot start the stories thread: {e}"))
            })?;
        Ok(StoriesWorker { sender })
    }

    /// Appends articles, in the order the UI received them; ids continue. Once the thread has
    /// stopped this does nothing: stories are an extra, never a reason to stop reading.
    pub fn add(&self, batch: Vec<Arc<Article>>) {
        let _ = self.sender.send(batch);
    }
}

fn run(
    pool: &rayon::ThreadPool,
    receiver: &Receiver<Vec<Arc<Article>>>,
    on_grouped: &dyn Fn(Arc<Grouping>),
) {
    let mut stories = Stories::new();
    while let Ok(first) = receiver.recv() {
        pool.install(|| stories.add(&first));
        // Take every batch that came meanwhile before grouping, and again after adding them.
        loop {
            let waiting: Vec<Vec<Arc<Article>>> = receiver.try_iter().collect();
            if waiting.is_empty() {
                break;
            }
            for batch in waiting {
                pool.install(|| stories.add(&batch));
            }
        }
        if !stories.is_empty() {
            on_grouped(Arc::new(pool.install(|| stories.grouping())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{bundled, load_all};
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn groups_what_it_is_given_in_the_background() {
        let (tx, rx) = mpsc::channel();
        let worker = StoriesWorker::spawn(move |g| {
            let _ = tx.send(g);
        })
        .expect("the stories thread starts");
        let articles: Vec<Arc<Article>> =
            load_all(&bundled()).0.into_iter().map(Arc::new).collect();
        worker.add(articles[..2].to_vec());
        worker.add(articles[2..].to_vec());
        // Groupings come until one covers all five.
        let last = loop {
            let g = rx
                .recv_timeout(Duration::from_secs(20))
                .expect("a grouping comes");
            if g.len() == 5 {
                break g;
            }
        };
        assert_eq!(last.others(0), [1]);
        assert_eq!(last.others(4), Vec::<u32>::new());
    }
}
