//! Interface benchmarks on a synthetic corpus: one frame drawn at 200x50 (three panes and
//! reading mode, with a query's hits highlighted), and `n` to the next hit.
//!
//! `FOLIO_BENCH_SIZES=1000` picks the corpus sizes (default 1000,10000,100000).

#[path = "support/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion};
use folio::action::Action;
use folio::keymap::Keymap;
use folio::model::{Effect, Model};
use folio::search::{Index, SearchOutcome};
use folio::theme::{ColorDepth, Theme};
use folio::ui::{self, Context};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A model over `n` synthetic articles at 200x50, filtered by `query` (searched at once).
fn model(n: usize, query: &str) -> Model {
    let articles = synth::corpus(n, 2019);
    let mut index = Index::new();
    index.add(&articles);
    let mut model = Model::new(articles.clone(), Vec::new());
    model.update(Action::Resize(200, 50));
    model.update(Action::Filter);
    for c in query.chars() {
        for effect in model.update(Action::FilterChar(c)) {
            if let Effect::Search(generation, q) = effect {
                let ranked = index.search(&articles, &q);
                model.update(Action::Searched(SearchOutcome {
                    generation,
                    ranked,
                    indexed: articles.len(),
                }));
            }
        }
    }
    model.update(Action::FilterAccept);
    model
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3))
        .configure_from_args();
    let keymap = Keymap::default();
    let theme = Theme::new(ColorDepth::TrueColor);
    for n in synth::sizes(&[1_000, 10_000, 100_000]) {
        let mut three = model(n, "said");
        let mut group = c.benchmark_group("frame_200x50");
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
        for view in ["three_panes", "reading_mode"] {
            if view == "reading_mode" {
                three.update(Action::ReadingMode);
            }
            group.bench_function(BenchmarkId::new(view, n), |b| {
                b.iter(|| {
                    let cx = Context {
                        model: &three,
                        keymap: &keymap,
                        theme: &theme,
                    };
                    terminal.draw(|f| ui::draw(f, &cx)).expect("draw");
                    // A fresh frame each time, not an empty diff.
                    terminal.clear().expect("clear");
                })
            });
        }
        group.finish();

        // Fifty `n`s from the top of the list (through hits and on into next articles), then
        // back to the top: the time is for 50 presses.
        let mut hits = model(n, "said");
        c.bench_function(&format!("next_hit_x50/{n}"), |b| {
            b.iter(|| {
                for _ in 0..50 {
                    black_box(hits.update(Action::NextHit));
                }
                hits.update(Action::Top);
            })
        });
    }
    c.final_summary();
}
