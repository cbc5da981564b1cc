//! Search: the query language, the index over the corpus, ranking and hits.
//!
//! Interim implementation: a plain scan with the same API as the indexed search.

use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::corpus::Article;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
    ignored: Vec<String>,
}

impl Query {
    /// Parses a query.
    pub fn parse(input: &str) -> Query {
        Query {
            terms: input.split_whitespace().map(str::to_string).collect(),
            ignored: Vec::new(),
        }
    }
    /// True when the query filters nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// Parts that were ignored.
    pub fn ignored(&self) -> &[String] {
        &self.ignored
    }
}

/// One article in the result list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub id: u32,
    pub hits: u32,
}

/// The index.
#[derive(Debug, Default)]
pub struct Index {
    len: usize,
}

impl Index {
    pub fn new() -> Index {
        Index::default()
    }
    pub fn add(&mut self, articles: &[Arc<Article>]) {
        self.len += articles.len();
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn search(&self, articles: &[Arc<Article>], query: &Query) -> Vec<Ranked> {
        let h = Highlighter::new(query);
        let mut out = Vec::new();
        for (id, a) in articles.iter().enumerate().take(self.len) {
            if query.is_empty() {
                out.push(Ranked {
                    id: id as u32,
                    hits: 0,
                });
                continue;
            }
            let all = query.terms.iter().all(|t| {
                let one = Highlighter {
                    terms: vec![t.clone()],
                };
                !one.title_spans(&a.title).is_empty()
                    || a.paragraphs.iter().any(|p| !one.spans(p).is_empty())
            });
            if all {
                let hits = h.spans(&a.title).len()
                    + a.paragraphs.iter().map(|p| h.spans(p).len()).sum::<usize>();
                out.push(Ranked {
                    id: id as u32,
                    hits: hits as u32,
                });
            }
        }
        out
    }
}

/// Finds hits in text.
pub struct Highlighter {
    terms: Vec<String>,
}

impl Highlighter {
    pub fn new(query: &Query) -> Highlighter {
        Highlighter {
            terms: query.terms.clone(),
        }
    }
    pub fn spans(&self, text: &str) -> Vec<Range<usize>> {
        let m = SkimMatcherV2::default().smart_case();
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                let word = &text[s..i];
                if self.terms.iter().any(|t| {
                    let perfect = m.fuzzy_match(t, t).unwrap_or(0);
                    m.fuzzy_match(word, t).unwrap_or(0) * 10 >= perfect * 8
                }) {
                    out.push(s..i);
                }
            }
        }
        out
    }
    pub fn title_spans(&self, title: &str) -> Vec<Range<usize>> {
        self.spans(title)
    }
}

/// Result of a background search.
pub struct SearchOutcome {
    pub generation: u64,
    pub ranked: Vec<Ranked>,
}

/// Interim worker: runs each query on its own thread, in order.
pub struct SearchWorker {
    tx: std::sync::mpsc::Sender<WorkerMsg>,
}

enum WorkerMsg {
    Add(Vec<Arc<Article>>),
    Query(u64, Query),
}

impl SearchWorker {
    pub fn spawn(on_result: impl Fn(SearchOutcome) + Send + 'static) -> SearchWorker {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut index = Index::new();
            let mut articles: Vec<Arc<Article>> = Vec::new();
            while let Ok(msg) = rx.recv() {
                match msg {
                    WorkerMsg::Add(batch) => {
                        index.add(&batch);
                        articles.extend(batch);
                    }
                    WorkerMsg::Query(generation, q) => {
                        let ranked = index.search(&articles, &q);
                        on_result(SearchOutcome { generation, ranked });
                    }
                }
            }
        });
        SearchWorker { tx }
    }
    pub fn add(&self, batch: Vec<Arc<Article>>) {
        let _ = self.tx.send(WorkerMsg::Add(batch));
    }
    pub fn query(&self, generation: u64, query: Query) {
        let _ = self.tx.send(WorkerMsg::Query(generation, query));
    }
}
