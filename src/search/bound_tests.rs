//! The bound against SkimMatcherV2 itself: never below its score, `None` exactly when it does not
//! match, and the pruning it allows rejects exactly the words the matcher's threshold rejects.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::*;
use crate::search::matcher::WordMatcher;
use crate::search::query::Kind;
use crate::search::words::lower;

/// A small deterministic generator (xorshift), so the test needs no data files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Words over a few letters (so that needles match often and in many ways), some capitalised
/// or with capitals and digits inside, and some real ones.
fn words(rng: &mut Rng, n: usize) -> Vec<String> {
    let letters = b"aeinorsthlT0";
    let mut out: Vec<String> = [
        "the",
        "other",
        "theatre",
        "thee",
        "taliban",
        "translation",
        "oslo",
        "consultations",
        "Khalilzad",
        "SecPompeo",
        "aaa",
        "aaaa",
        "abab",
        "said",
        "sad",
        "saidi",
        "tthhee",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    while out.len() < n {
        let len = 1 + rng.below(14);
        let mut w: String = (0..len)
            .map(|_| letters[rng.below(letters.len())] as char)
            .collect();
        if rng.below(4) == 0 {
            w = w[..1].to_ascii_uppercase() + &w[1..];
        }
        out.push(w);
    }
    out
}

#[test]
fn bound_is_never_below_the_matchers_score() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let hays = words(&mut rng, 3000);
    let mut needles: Vec<String> = ["the", "oslo", "sai", "aaa", "tt", "t", "ThE", "khalilzd"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for _ in 0..120 {
        // Subsequences of words, so most pairs get past the in-order check.
        let w = hays[rng.below(hays.len())].as_bytes();
        let s: String = w
            .iter()
            .filter(|_| rng.below(3) > 0)
            .map(|&b| b as char)
            .collect();
        if !s.is_empty() {
            needles.push(s);
        }
    }
    let (mut pairs, mut equal) = (0usize, 0usize);
    for case_sensitive in [false, true] {
        let skim = if case_sensitive {
            SkimMatcherV2::default().respect_case()
        } else {
            SkimMatcherV2::default().ignore_case()
        };
        for needle in &needles {
            for hay in &hays {
                let real = skim.fuzzy_match(hay, needle);
                match (
                    upper_bound(hay.as_bytes(), needle.as_bytes(), case_sensitive),
                    real,
                ) {
                    (Bound::NoMatch, None) => {}
                    (Bound::AtMost(b), Some(s)) => {
                        assert!(i64::from(b) >= s, "{needle} in {hay}: bound {b} < {s}");
                        equal += usize::from(i64::from(b) == s);
                        pairs += 1;
                    }
                    (bound, real) => panic!("{needle} in {hay}: {bound:?} vs {real:?}"),
                }
            }
        }
    }
    // The bound is the matcher's own arithmetic: it is loose only on stale cells, which only
    // needles with a character three times in a row read.
    assert!(equal * 100 > pairs * 99, "{equal} equal of {pairs}");
}

#[test]
fn pruning_keeps_exactly_the_matches() {
    let mut rng = Rng(2019);
    let hays = words(&mut rng, 4000);
    for needle in [
        "the", "sai", "said", "oslo", "tal", "ThE", "tea", "aaa", "heir", "ntn",
    ] {
        let case_sensitive = needle.chars().any(char::is_uppercase);
        let m = WordMatcher::new(needle, Kind::Fuzzy, case_sensitive);
        let skim = if case_sensitive {
            SkimMatcherV2::default().respect_case()
        } else {
            SkimMatcherV2::default().ignore_case()
        };
        let want = if case_sensitive {
            needle.to_string()
        } else {
            lower(needle).into_owned()
        };
        let perfect = skim.fuzzy_match(&want, &want).unwrap_or(0).max(1);
        // A matcher of its own, fresh for every word: nothing stale to read.
        let fresh = |subject: &str| {
            let skim = if case_sensitive {
                SkimMatcherV2::default().respect_case()
            } else {
                SkimMatcherV2::default().ignore_case()
            };
            skim.fuzzy_match(subject, &want)
        };
        let min = (perfect as f64 * 0.75).ceil() as i64;
        for hay in &hays {
            let low = lower(hay);
            let subject = if case_sensitive { hay.as_str() } else { &low };
            let unpruned = skim
                .fuzzy_match(subject, &want)
                .filter(|&s| s >= min)
                .map(|s| u32::try_from(s).unwrap_or(0).max(1));
            assert_eq!(m.score(hay, &low), unpruned, "{needle} in {hay}");
            if !needle.contains("aaa") {
                assert_eq!(
                    fresh(subject),
                    skim.fuzzy_match(subject, &want),
                    "{needle} {hay}"
                );
            }
        }
    }
}
