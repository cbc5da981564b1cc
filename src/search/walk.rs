//! Walking matched words' postings into per-article arrays. When there are many postings the
//! words are split into one group per thread, each walked into arrays of its own, and the arrays
//! are merged; every update is a maximum, a sum or an "or", so the result does not depend on the
//! split.

use rayon::prelude::*;

use super::index::Index;
use super::spans::WordSet;

/// Below this many postings one thread walks them all.
const PARALLEL_POSTINGS: usize = 1 << 16;

/// One matched word: its id, its score, and whether its hits are counted.
type Step = (usize, u32, bool);

/// Per-article results of a walk.
struct Arrays<'a> {
    best: &'a mut [u32],
    best_in_title: &'a mut [bool],
    hits: &'a mut [u32],
}

impl Index {
    /// `steps` split into groups of about equal numbers of postings, one per thread; a single
    /// group when there are few.
    fn groups<'s>(&self, steps: &'s [Step]) -> Vec<&'s [Step]> {
        let len = |s: &Step| self.postings.get(s.0).len();
        let total: usize = steps.iter().map(len).sum();
        let threads = rayon::current_num_threads().max(1);
        if total < PARALLEL_POSTINGS || threads == 1 {
            return vec![steps];
        }
        let share = total.div_ceil(threads);
        let mut groups = Vec::with_capacity(threads);
        let (mut start, mut sum) = (0, 0);
        for (i, s) in steps.iter().enumerate() {
            sum += len(s);
            if sum >= share {
                groups.push(&steps[start..=i]);
                (start, sum) = (i + 1, 0);
            }
        }
        if start < steps.len() {
            groups.push(&steps[start..]);
        }
        groups
    }

    fn walk_group(&self, steps: &[Step], title_only: bool, out: &mut Arrays) {
        for &(w, score, count) in steps {
            if !title_only || count {
                for p in self.postings.get(w) {
                    let a = p.article as usize;
                    if !title_only && out.best[a] < score {
                        out.best[a] = score;
                    }
                    if count {
                        out.hits[a] += p.count;
                    }
                }
            }
            for p in self.title_postings.get(w) {
                let a = p.article as usize;
                out.best[a] = out.best[a].max(score);
                out.best_in_title[a] = true;
            }
        }
    }

    /// A positive word alternative: best scores, title flags and (when `count_inline`) hits, in
    /// one walk over each matched word's postings. A word's hits are counted once per search:
    /// `counted` holds the words already counted.
    pub(super) fn walk_words(
        &self,
        matched: &[(u32, u32)],
        title_only: bool,
        count_inline: bool,
        counted: &mut WordSet,
        (best, best_in_title, hits): (&mut [u32], &mut [bool], &mut [u32]),
    ) {
        let steps: Vec<Step> = matched
            .iter()
            .map(|&(w, score)| {
                let count = count_inline && !counted.contains(w);
                if count {
                    counted.insert(w);
                }
                (w as usize, score, count)
            })
            .collect();
        let groups = self.groups(&steps);
        let mut main = Arrays {
            best,
            best_in_title,
            hits,
        };
        let Some((first, rest)) = groups.split_first() else {
            return;
        };
        if rest.is_empty() {
            self.walk_group(first, title_only, &mut main);
            return;
        }
        let n = self.len();
        let (_, others) = rayon::join(
            || self.walk_group(first, title_only, &mut main),
            || {
                rest.par_iter()
                    .map(|group| {
                        let (mut b, mut t, mut h) = (vec![0; n], vec![false; n], vec![0; n]);
                        let mut out = Arrays {
                            best: &mut b,
                            best_in_title: &mut t,
                            hits: &mut h,
                        };
                        self.walk_group(group, title_only, &mut out);
                        (b, t, h)
                    })
                    .collect::<Vec<_>>()
            },
        );
        for (b, t, h) in &others {
            main.best
                .par_iter_mut()
                .zip(main.best_in_title.par_iter_mut())
                .zip(main.hits.par_iter_mut())
                .zip(b.par_iter().zip(t.par_iter()).zip(h.par_iter()))
                .for_each(|(((best, in_title), hits), ((&b, &t), &h))| {
                    *best = (*best).max(b);
                    *in_title |= t;
                    *hits += h;
                });
        }
    }

    /// Sets `mark` for every article holding one of `matched` (in its title when `title_only`).
    pub(super) fn mark_words(&self, matched: &[(u32, u32)], title_only: bool, mark: &mut [bool]) {
        let steps: Vec<Step> = matched
            .iter()
            .map(|&(w, s)| (w as usize, s, false))
            .collect();
        let mark_group = |steps: &[Step], mark: &mut [bool]| {
            for &(w, _, _) in steps {
                if !title_only {
                    for p in self.postings.get(w) {
                        mark[p.article as usize] = true;
                    }
                }
                for p in self.title_postings.get(w) {
                    mark[p.article as usize] = true;
                }
            }
        };
        let groups = self.groups(&steps);
        let Some((first, rest)) = groups.split_first() else {
            return;
        };
        let n = self.len();
        let (_, others) = rayon::join(
            || mark_group(first, mark),
            || {
                rest.par_iter()
                    .map(|group| {
                        let mut m = vec![false; n];
                        mark_group(group, &mut m);
                        m
                    })
                    .collect::<Vec<_>>()
            },
        );
        for m in &others {
            mark.par_iter_mut()
                .zip(m.par_iter())
                .for_each(|(mark, &m)| *mark |= m);
        }
    }
}
