//! Deciding whether one folded word matches one word of a term, and how well.
//!
//! The index runs this over its vocabulary and the highlighter over the words on screen, so both
//! always agree on what a hit is.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::bound::{Bound, upper_bound};
use super::query::Kind;
use super::words::{in_order, lower, mask};

/// A fuzzy match must score at least this share of the term's score against itself. On the
/// bundled articles `oslo` scores 91 against itself and 48 against "consultations"; `khalilzd`
/// scores 161 of 171 against "Khalilzad"; `pompeo` 119 of 131 against "SecPompeo".
const FUZZY_SHARE: f64 = 0.75;

/// What a term's matched words depend on besides the vocabulary: the needle as compared, its
/// kind, and whether case counts.
pub(crate) type Identity = (String, Kind, bool);

/// One compiled word of a term.
pub(crate) struct WordMatcher {
    /// How the word is compared (`Phrase` means the whole word).
    kind: Kind,
    /// The folded word, lowercased unless the term is case-sensitive.
    needle: String,
    /// The lowercased needle, for the cheap rejections.
    needle_lower: String,
    needle_mask: u32,
    case_sensitive: bool,
    /// The needle's score against itself.
    perfect: u32,
    /// The needle's length in characters.
    needle_chars: usize,
    min_fuzzy: i64,
    /// Whether [`upper_bound`] may reject words before the matcher runs: not for needles with a
    /// character three times in a row, whose scores depend on what the matcher scored before
    /// (it reads cells it did not write), so that skipping calls would change later scores.
    prune: bool,
    skim: SkimMatcherV2,
}

impl std::fmt::Debug for WordMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordMatcher")
            .field("kind", &self.kind)
            .field("needle", &self.needle)
            .field("case_sensitive", &self.case_sensitive)
            .finish()
    }
}

impl WordMatcher {
    pub(crate) fn new(word: &str, kind: Kind, case_sensitive: bool) -> WordMatcher {
        let needle_lower = lower(word).into_owned();
        let needle = if case_sensitive {
            word.to_string()
        } else {
            needle_lower.clone()
        };
        let skim = if case_sensitive {
            SkimMatcherV2::default().respect_case()
        } else {
            SkimMatcherV2::default().ignore_case()
        };
        let perfect = skim.fuzzy_match(&needle, &needle).unwrap_or(0).max(1);
        let bytes = needle_lower.as_bytes();
        let prune = !bytes.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
        let needle_chars = needle.chars().count();
        WordMatcher {
            kind,
            needle_mask: mask(&needle_lower),
            needle_lower,
            needle,
            case_sensitive,
            perfect: u32::try_from(perfect).unwrap_or(u32::MAX),
            needle_chars,
            min_fuzzy: (perfect as f64 * FUZZY_SHARE).ceil() as i64,
            prune,
            skim,
        }
    }

    /// The lowercased needle: words that match it contain these bytes in this order.
    pub(crate) fn needle_lower(&self) -> &str {
        &self.needle_lower
    }

    /// What the matched words depend on besides the vocabulary: the needle as compared, its
    /// kind and case. `None` when they also depend on what the matcher scored before (fuzzy
    /// needles that are not pruned), so that an earlier answer must not be reused.
    pub(crate) fn identity(&self) -> Option<Identity> {
        (self.kind != Kind::Fuzzy || self.prune)
            .then(|| (self.needle.clone(), self.kind, self.case_sensitive))
    }

    /// How the needle is compared.
    pub(crate) fn kind(&self) -> Kind {
        self.kind
    }

    /// The needle's score against itself: what a perfect whole-word match scores.
    pub(crate) fn perfect(&self) -> u32 {
        self.perfect
    }

    /// The cheapest necessary condition: the word holds every kind of byte the needle does.
    #[inline]
    pub(crate) fn fits_mask(&self, word_mask: u32) -> bool {
        word_mask & self.needle_mask == self.needle_mask
    }

    /// Cheap necessary conditions, on the word's lowercased form and its [`mask`].
    #[inline]
    pub(crate) fn may_match(&self, word_lower: &str, word_mask: u32) -> bool {
        word_mask & self.needle_mask == self.needle_mask
            && in_order(self.needle_lower.as_bytes(), word_lower.as_bytes())
    }

    /// The score of a folded word (given with its lowercased form) if it matches, else `None`.
    /// Higher is better; a whole-word match scores [`WordMatcher::perfect`].
    pub(crate) fn score(&self, folded: &str, word_lower: &str) -> Option<u32> {
        let hay = if self.case_sensitive {
            folded
        } else {
            word_lower
        };
        let found = match self.kind {
            Kind::Fuzzy => {
                // Words that cannot reach the threshold are rejected without the matcher.
                if self.prune {
                    let bound =
                        upper_bound(hay.as_bytes(), self.needle.as_bytes(), self.case_sensitive);
                    match bound {
                        Bound::NoMatch => return None,
                        Bound::AtMost(best) if i64::from(best) < self.min_fuzzy => return None,
                        _ => {}
                    }
                }
                let s = self.skim.fuzzy_match(hay, &self.needle)?;
                return (s >= self.min_fuzzy).then(|| u32::try_from(s).unwrap_or(0).max(1));
            }
            Kind::Exact => hay.contains(self.needle.as_str()),
            Kind::Prefix => hay.starts_with(self.needle.as_str()),
            Kind::Suffix => hay.ends_with(self.needle.as_str()),
            Kind::Phrase => hay == self.needle,
        };
        // Closer is better: every extra character costs a point.
        let extra = hay
            .chars()
            .count()
            .saturating_sub(self.needle.chars().count());
        found.then(|| self.perfect.saturating_sub(extra as u32).max(1))
    }

    /// [`WordMatcher::score`] for a word whose folded and lowercased forms are both ASCII, on
    /// their bytes (no decoding, no counting of characters); `None` for fuzzy terms, which
    /// need the matcher.
    #[inline]
    pub(crate) fn score_ascii(&self, folded: &[u8], word_lower: &[u8]) -> Option<Option<u32>> {
        let hay = if self.case_sensitive {
            folded
        } else {
            word_lower
        };
        let needle = self.needle.as_bytes();
        let found = match self.kind {
            Kind::Fuzzy => return None,
            Kind::Exact => hay.windows(needle.len()).any(|w| w == needle),
            Kind::Prefix => hay.starts_with(needle),
            Kind::Suffix => hay.ends_with(needle),
            Kind::Phrase => hay == needle,
        };
        let extra = hay.len().saturating_sub(self.needle_chars);
        Some(found.then(|| self.perfect.saturating_sub(extra as u32).max(1)))
    }

    /// [`WordMatcher::may_match`] on the lowercased word's bytes, when its mask has passed
    /// [`WordMatcher::fits_mask`].
    #[inline]
    pub(crate) fn in_order_bytes(&self, word_lower: &[u8]) -> bool {
        in_order(self.needle_lower.as_bytes(), word_lower)
    }

    /// Both checks together, for a word seen once.
    pub(crate) fn matches(&self, folded: &str, word_lower: &str) -> Option<u32> {
        if self.may_match(word_lower, mask(word_lower)) {
            self.score(folded, word_lower)
        } else {
            None
        }
    }

    /// The char indices in `folded` that a fuzzy match uses, when the lowercased form lines up
    /// char for char with the folded one; `None` for other kinds or when it does not line up.
    pub(crate) fn fuzzy_chars(&self, folded: &str, word_lower: &str) -> Option<Vec<usize>> {
        if self.kind != Kind::Fuzzy {
            return None;
        }
        let hay = if self.case_sensitive {
            folded
        } else {
            if word_lower.chars().count() != folded.chars().count() {
                return None;
            }
            word_lower
        };
        self.skim
            .fuzzy_indices(hay, &self.needle)
            .map(|(_, indices)| indices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(word: &str, kind: Kind) -> WordMatcher {
        WordMatcher::new(word, kind, word.chars().any(char::is_uppercase))
    }

    fn hit(matcher: &WordMatcher, word: &str) -> bool {
        matcher.matches(word, &lower(word)).is_some()
    }

    #[test]
    fn fuzzy_threshold_is_relative_to_the_perfect_score() {
        let oslo = m("oslo", Kind::Fuzzy);
        assert!(hit(&oslo, "Oslo"));
        assert!(!hit(&oslo, "consultations"));
        let khalilzd = m("khalilzd", Kind::Fuzzy);
        assert!(hit(&khalilzd, "Khalilzad"));
        let pompeo = m("pompeo", Kind::Fuzzy);
        assert!(hit(&pompeo, "Pompeo"));
        assert!(hit(&pompeo, "SecPompeo"));
        assert!(!hit(&m("taliban", Kind::Fuzzy), "translation"));
    }

    #[test]
    fn prefilter_never_rejects_a_match() {
        for (needle, kind, word) in [
            ("oslo", Kind::Fuzzy, "Oslo"),
            ("lo", Kind::Exact, "Oslo"),
            ("жук", Kind::Exact, "ЖУК"),
            ("2019", Kind::Prefix, "2019s"),
        ] {
            let w = m(needle, kind);
            let lw = lower(word);
            assert!(w.score(word, &lw).is_some(), "{needle} {word}");
            assert!(w.may_match(&lw, mask(&lw)), "{needle} {word}");
        }
    }

    #[test]
    fn kinds() {
        assert!(hit(&m("slo", Kind::Exact), "Oslo"));
        assert!(!hit(&m("slo", Kind::Prefix), "Oslo"));
        assert!(hit(&m("osl", Kind::Prefix), "Oslo"));
        assert!(hit(&m("slo", Kind::Suffix), "Oslo"));
        assert!(!hit(&m("osl", Kind::Suffix), "Oslo"));
        assert!(hit(&m("oslo", Kind::Phrase), "Oslo"));
        assert!(!hit(&m("osl", Kind::Phrase), "Oslo"));
        assert!(!hit(&m("osol", Kind::Exact), "Oslo"));
    }

    #[test]
    fn case_is_smart() {
        assert!(hit(&m("Oslo", Kind::Exact), "Oslo"));
        assert!(!hit(&m("Oslo", Kind::Exact), "oslo"));
        assert!(!hit(&m("Oslo", Kind::Fuzzy), "oslo"));
        assert!(hit(&m("oslo", Kind::Exact), "OSLO"));
        assert!(hit(&m("жук", Kind::Fuzzy), "ЖУКИ"));
    }

    #[test]
    fn closer_words_score_higher() {
        let w = m("oslo", Kind::Exact);
        assert!(w.matches("Oslo", "oslo") > w.matches("Osloer", "osloer"));
        let f = m("talibn", Kind::Fuzzy);
        assert!(f.matches("Taliban", "taliban").is_some());
    }

    proptest::proptest! {
        #[test]
        fn ascii_scores_are_the_scores(word in "[a-cA-C]{1,6}", needle in "[a-cA-C]{1,3}") {
            for kind in [Kind::Exact, Kind::Prefix, Kind::Suffix, Kind::Phrase] {
                let w = m(&needle, kind);
                let low = lower(&word);
                let fast = w.score_ascii(word.as_bytes(), low.as_bytes());
                proptest::prop_assert_eq!(fast, Some(w.score(&word, &low)), "{:?}", kind);
            }
            let fuzzy = m(&needle, Kind::Fuzzy);
            proptest::prop_assert_eq!(fuzzy.score_ascii(word.as_bytes(), word.as_bytes()), None);
        }
    }
}
