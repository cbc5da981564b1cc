//! Ordering matches best first. Every match gets one key (title flag, score, hits, date, then
//! its place in path order), computed once; when the parts' spreads fit in 64 bits the matches
//! are sorted by a least-significant-digit radix sort over the bytes that differ (a few linear
//! passes instead of a comparison sort whose comparisons each looked dates and paths up), else
//! by comparing wide keys. Places in path order are unique, so the result does not depend on
//! the order the matches came in.

use rayon::prelude::*;

use super::eval::Ranked;

/// Below this many matches a comparison sort is as fast as the radix passes.
const RADIX_FROM: usize = 512;

/// Sorts matches best first: title matches first, then higher scores, more hits, newer dates
/// (`date(id)` as `yyyymmdd`), then path and id: `order[id]` is article `id`'s position when
/// the articles are sorted by path and id (see [`path_order`]).
pub(crate) fn rank(ranked: &mut [Ranked], date: impl Fn(u32) -> u32, order: &[u32]) {
    if ranked.len() < 2 {
        return;
    }
    let dates: Vec<u32> = ranked.iter().map(|r| date(r.id)).collect();
    let ties: Vec<u32> = ranked
        .iter()
        .map(|r| order.get(r.id as usize).copied().unwrap_or(u32::MAX))
        .collect();
    let packed = (ranked.len() >= RADIX_FROM)
        .then(|| Packing::of(ranked, &dates, &ties))
        .flatten();
    // `order[i]` is the position in `ranked` of the i-th best match.
    let sorted: Vec<u32> = match packed {
        Some(p) => {
            let keys: Vec<(u64, u32)> = (0..ranked.len())
                .map(|i| (p.key(&ranked[i], dates[i], ties[i]), i as u32))
                .collect();
            radix_sort(keys).into_iter().map(|(_, i)| i).collect()
        }
        None => {
            let mut keys: Vec<(u128, u32, u32)> = (0..ranked.len())
                .map(|i| {
                    (
                        u128::MAX - wide_key(&ranked[i], dates[i]),
                        ties[i],
                        i as u32,
                    )
                })
                .collect();
            if keys.len() > 4096 {
                keys.par_sort_unstable();
            } else {
                keys.sort_unstable();
            }
            keys.into_iter().map(|(_, _, i)| i).collect()
        }
    };
    let copy: Vec<Ranked> = sorted.iter().map(|&i| ranked[i as usize]).collect();
    ranked.copy_from_slice(&copy);
}

/// Per article id below `n`: its position among `ids` sorted by path (`path(id)`) and id;
/// `u32::MAX` for ids not in `ids`. Sorting is adaptive, so paths already in id order cost
/// one pass.
pub(crate) fn path_order<'p>(
    n: usize,
    mut ids: Vec<u32>,
    path: impl Fn(u32) -> &'p str + Sync,
) -> Vec<u32> {
    ids.par_sort_by(|&x, &y| path(x).cmp(path(y)).then(x.cmp(&y)));
    let mut order = vec![u32::MAX; n];
    for (at, &id) in ids.iter().enumerate() {
        if let Some(slot) = order.get_mut(id as usize) {
            *slot = at as u32;
        }
    }
    order
}

/// The full key: higher is better.
#[inline]
fn wide_key(r: &Ranked, date: u32) -> u128 {
    (u128::from(r.in_title) << 96)
        | (u128::from(r.score) << 64)
        | (u128::from(r.hits) << 32)
        | u128::from(date)
}

/// How a match's key and its place in path order are packed into 64 bits: each part less its
/// least value, in as many bits as its spread needs, the key's parts inverted (the radix sort
/// puts the least first), so that packed keys order as the rule does.
#[derive(Debug, Clone, Copy)]
struct Packing {
    min: [u32; 4],
    shift: [u32; 4],
    /// The bits of the key's parts, which are inverted.
    key_bits: u64,
}

impl Packing {
    /// `None` when the parts' spreads need more than 64 bits.
    fn of(ranked: &[Ranked], dates: &[u32], ties: &[u32]) -> Option<Packing> {
        let mut lo = [u32::MAX; 4];
        let mut hi = [0u32; 4];
        for ((r, &d), &t) in ranked.iter().zip(dates).zip(ties) {
            for (k, v) in [r.score, r.hits, d, t].into_iter().enumerate() {
                lo[k] = lo[k].min(v);
                hi[k] = hi[k].max(v);
            }
        }
        let bits = |k: usize| 32 - (hi[k] - lo[k]).leading_zeros();
        let (score, hits, date, tie) = (bits(0), bits(1), bits(2), bits(3));
        if 1 + score + hits + date + tie > 64 {
            return None;
        }
        let key = 1 + score + hits + date;
        Some(Packing {
            min: lo,
            shift: [
                tie + date + hits + score,
                tie + date + hits,
                tie + date,
                tie,
            ],
            key_bits: u64::MAX.checked_shr(64 - key).unwrap_or(0) << tie,
        })
    }

    /// The packed key: the best match has the least.
    #[inline]
    fn key(&self, r: &Ranked, date: u32, tie: u32) -> u64 {
        let packed = (u64::from(r.in_title) << self.shift[0])
            | (u64::from(r.score - self.min[0]) << self.shift[1])
            | (u64::from(r.hits - self.min[1]) << self.shift[2])
            | (u64::from(date - self.min[2]) << self.shift[3])
            | u64::from(tie - self.min[3]);
        packed ^ self.key_bits
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
