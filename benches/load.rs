//! Loading from disk: discovering files, reading and cleaning them, and indexing them, timed
//! apart, on a folder of articles.
//!
//! `FOLIO_BENCH_DIR=/tmp/synth100k cargo bench --bench load` times that folder (write one with
//! `FOLIO_BENCH_WRITE=/tmp/synth100k cargo bench --bench search`); without it, a 10,000-article
//! synthetic corpus is written to a temporary folder first. Three runs each; the median is shown.
#![allow(clippy::expect_used)]

#[path = "support/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use folio::corpus;
use folio::search::Index;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let temp;
    let dir = match std::env::var_os("FOLIO_BENCH_DIR") {
        Some(d) => PathBuf::from(d),
        None => {
            temp = tempfile::tempdir().expect("temp dir");
            synth::write(&synth::corpus(10_000, 2019), temp.path()).expect("write corpus");
            temp.path().to_path_buf()
        }
    };
    let (mut discover, mut load, mut index) = (Vec::new(), Vec::new(), Vec::new());
    let mut count = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let (candidates, _) = corpus::discover(std::slice::from_ref(&dir)).expect("discover");
        discover.push(t.elapsed());
        let t = Instant::now();
        let (articles, _) = corpus::load_all(&candidates);
        load.push(t.elapsed());
        count = articles.len();
        let articles: Vec<Arc<corpus::Article>> = articles.into_iter().map(Arc::new).collect();
        let t = Instant::now();
        let mut idx = Index::new();
        idx.add(&articles);
        index.push(t.elapsed());
        std::hint::black_box(&idx);
    }
    println!("{count} articles in {}", dir.display());
    println!("discover  {:>8.0} ms", median(discover).as_secs_f64() * 1e3);
    println!("read+clean{:>8.0} ms", median(load).as_secs_f64() * 1e3);
    println!("index     {:>8.0} ms", median(index).as_secs_f64() * 1e3);
}
