//! Ordering matches best first. Every match gets one packed key (title flag, score, hits, date),
//! computed once; when the key's varying parts fit in 64 bits the matches are sorted by a
//! least-significant-digit radix sort over the bytes that differ (a few linear passes instead of
//! a comparison sort whose comparisons each look dates up), else by comparing 128-bit keys.
//! Equal keys are then ordered by path and id, which is a total order, so the result does not
//! depend on the order the matches came in.

use rayon::prelude::*;

use super::eval::Ranked;

/// Below this many matches a comparison sort is as fast as the radix passes.
const RADIX_FROM: usize = 512;

/// Sorts matches best first: title matches first, then higher scores, more hits, newer dates
/// (`date(id)` as `yyyymmdd`), then path (`path(id)`) and id.
pub(crate) fn rank<'p>(
    ranked: &mut [Ranked],
    date: impl Fn(u32) -> u32 + Sync,
    path: impl Fn(u32) -> &'p str,
) {
    if ranked.len() < 2 {
        return;
    }
    let dates: Vec<u32> = ranked.iter().map(|r| date(r.id)).collect();
    let packed = (ranked.len() >= RADIX_FROM)
        .then(|| Packing::of(ranked, &dates))
        .flatten();
    // `order[i]` is the position in `ranked` of the i-th best match, by key only.
    let order: Vec<u32> = match packed {
        Some(p) => {
            let keys: Vec<(u64, u32)> = ranked
                .iter()
                .zip(&dates)
                .enumerate()
                .map(|(i, (r, &d))| (p.inverted(r, d), i as u32))
                .collect();
            radix_sort(keys).into_iter().map(|(_, i)| i).collect()
        }
        None => {
            let mut keys: Vec<(u128, u32)> = ranked
                .iter()
                .zip(&dates)
                .enumerate()
                .map(|(i, (r, &d))| (u128::MAX - wide_key(r, d), i as u32))
                .collect();
            if keys.len() > 4096 {
                keys.par_sort_unstable();
            } else {
                keys.sort_unstable();
            }
            keys.into_iter().map(|(_, i)| i).collect()
        }
    };
    let sorted: Vec<(u128, Ranked)> = order
        .iter()
        .map(|&i| {
            let i = i as usize;
            (wide_key(&ranked[i], dates[i]), ranked[i])
        })
        .collect();
    let mut start = 0;
    for (slot, (_, r)) in ranked.iter_mut().zip(&sorted) {
        *slot = *r;
    }
    while start < sorted.len() {
        let k = sorted[start].0;
        let end = start + sorted[start..].partition_point(|(key, _)| *key == k);
        if end - start > 1 {
            ranked[start..end].sort_by(|x, y| path(x.id).cmp(path(y.id)).then(x.id.cmp(&y.id)));
        }
        start = end;
    }
}

/// The full key: higher is better.
#[inline]
fn wide_key(r: &Ranked, date: u32) -> u128 {
    (u128::from(r.in_title) << 96)
        | (u128::from(r.score) << 64)
        | (u128::from(r.hits) << 32)
        | u128::from(date)
}

/// How the key's parts are packed into 64 bits: each part less its least value, in as many
/// bits as its spread needs, so that packed keys order as full keys do.
#[derive(Debug, Clone, Copy)]
struct Packing {
    min: [u32; 3],
    shift: [u32; 4],
    /// All the bits in use, for inverting (the radix sort puts the least key first).
    all: u64,
}

impl Packing {
    /// `None` when the parts' spreads need more than 64 bits.
    fn of(ranked: &[Ranked], dates: &[u32]) -> Option<Packing> {
        let mut lo = [u32::MAX; 3];
        let mut hi = [0u32; 3];
        for (r, &d) in ranked.iter().zip(dates) {
            for (k, v) in [r.score, r.hits, d].into_iter().enumerate() {
                lo[k] = lo[k].min(v);
                hi[k] = hi[k].max(v);
            }
        }
        let bits = |k: usize| 32 - (hi[k] - lo[k]).leading_zeros();
        let (score, hits, date) = (bits(0), bits(1), bits(2));
        let total = 1 + score + hits + date;
        if total > 64 {
            return None;
        }
        Some(Packing {
            min: lo,
            shift: [hits + date + score, hits + date, date, 0],
            all: if total == 64 {
                u64::MAX
            } else {
                (1u64 << total) - 1
            },
        })
    }

    /// The packed key, inverted so that the best match has the least.
    #[inline]
    fn inverted(&self, r: &Ranked, date: u32) -> u64 {
        let packed = (u64::from(r.in_title) << self.shift[0])
            | (u64::from(r.score - self.min[0]) << self.shift[1])
            | (u64::from(r.hits - self.min[1]) << self.shift[2])
            | u64::from(date - self.min[2]);
        self.all ^ packed
    }
}

/// Sorts by key, least first, keeping equal keys in their order: one counting pass per byte
/// of the key that is not the same in every key.
fn radix_sort(mut keys: Vec<(u64, u32)>) -> Vec<(u64, u32)> {
    let (any, every) = keys.iter().fold((0u64, u64::MAX), |(any, every), &(k, _)| {
        (any | k, every & k)
    });
    let varying = any ^ every;
    let mut spare = vec![(0u64, 0u32); keys.len()];
    for byte in 0..8 {
        let shift = byte * 8;
        if (varying >> shift) & 0xFF == 0 {
            continue;
        }
        let mut counts = [0usize; 256];
        for &(k, _) in &keys {
            counts[((k >> shift) & 0xFF) as usize] += 1;
        }
        let mut at = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        for &item in &keys {
            let digit = ((item.0 >> shift) & 0xFF) as usize;
            spare[counts[digit]] = item;
            counts[digit] += 1;
        }
        std::mem::swap(&mut keys, &mut spare);
    }
    keys
}

#[cfg(test)]
#[path = "rank_tests.rs"]
mod tests;
