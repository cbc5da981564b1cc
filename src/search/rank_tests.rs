//! The radix ranking against the plain rule it implements: a comparison sort on the full key,
//! then path, then id.

use proptest::prelude::*;

use super::*;

/// The rule, written as plainly as possible.
fn plain(ranked: &mut [Ranked], dates: &[u32], paths: &[String]) {
    ranked.sort_by(|x, y| {
        let key = |r: &Ranked| wide_key(r, dates[r.id as usize]);
        key(y)
            .cmp(&key(x))
            .then_with(|| paths[x.id as usize].cmp(&paths[y.id as usize]))
            .then(x.id.cmp(&y.id))
    });
}

/// Matches for ids `0..n` in a shuffled order, from small ranges so that keys tie often.
fn matches(n: usize, spread: u32, seed: u64) -> (Vec<Ranked>, Vec<u32>, Vec<String>) {
    let mut state = seed | 1;
    let mut next = move |m: u32| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % u64::from(m.max(1))) as u32
    };
    let mut ranked: Vec<Ranked> = (0..n as u32)
        .map(|id| Ranked {
            id,
            hits: next(spread),
            score: 1 + next(spread),
            in_title: next(2) == 0,
        })
        .collect();
    for i in (1..ranked.len()).rev() {
        ranked.swap(i, next(i as u32 + 1) as usize);
    }
    let dates = (0..n).map(|_| 20_150_101 + next(spread)).collect();
    let paths = (0..n).map(|_| format!("p/{}", next(spread))).collect();
    (ranked, dates, paths)
}

fn check(n: usize, spread: u32, seed: u64) {
    let (mut fast, dates, paths) = matches(n, spread, seed);
    let mut slow = fast.clone();
    let order = path_order(n, (0..n as u32).collect(), |id| paths[id as usize].as_str());
    rank(&mut fast, |id| dates[id as usize], &order);
    plain(&mut slow, &dates, &paths);
    assert_eq!(fast, slow, "n {n}, spread {spread}, seed {seed}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn radix_ranking_is_the_plain_rule(n in 0usize..3000, spread in 1u32..50, seed: u64) {
        check(n, spread, seed);
    }
}

#[test]
fn keys_too_wide_to_pack_fall_back_to_comparisons() {
    let (mut ranked, dates, paths) = matches(2000, 40, 7);
    ranked[3].score = u32::MAX;
    ranked[5].hits = u32::MAX;
    ranked[9].score = 0;
    ranked[11].hits = 0;
    assert!(Packing::of(&ranked, &vec![0; 2000], &vec![0; 2000]).is_none());
    let mut slow = ranked.clone();
    let order = path_order(2000, (0..2000).collect(), |id| paths[id as usize].as_str());
    rank(&mut ranked, |id| dates[id as usize], &order);
    plain(&mut slow, &dates, &paths);
    assert_eq!(ranked, slow);
}

#[test]
fn wide_spreads_and_single_values() {
    for (n, spread) in [(600, 1), (600, 2), (5000, 1 << 20), (1, 5), (2, 5)] {
        check(n, spread, 11);
    }
}

#[test]
fn ranking_only_the_matches_given_orders_them_by_path() {
    let (mut ranked, dates, paths) = matches(3000, 3, 5);
    ranked.retain(|r| r.id % 3 != 0);
    let mut slow = ranked.clone();
    let ids = ranked.iter().map(|r| r.id).collect();
    let order = path_order(3000, ids, |id| paths[id as usize].as_str());
    rank(&mut ranked, |id| dates[id as usize], &order);
    plain(&mut slow, &dates, &paths);
    assert_eq!(ranked, slow);
}
