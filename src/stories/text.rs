//! The words an article is compared by: the index's tokenizer and folding (so a word here is a
//! word the search finds), lowercased and hashed to 64 bits.

use std::sync::OnceLock;

use crate::corpus::{Article, Block};
use crate::hash::{Fnv1a, fnv1a};
use crate::search::words::{fold, lower, words};

/// A 64-bit finalizer (SplitMix64's) that spreads the bits of a weaker hash.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The hash of one word as folio folds it (accents and widths unified, case ignored).
#[cfg(test)]
pub(crate) fn word_hash(word: &str) -> u64 {
    let folded = fold(word);
    mix(fnv1a(lower(&folded).as_bytes()))
}

/// Pushes the hashes of the words of `text`, each with whether it is a stop word (or a
/// one-letter word).
fn push_words(text: &str, out: &mut Vec<(u64, bool)>) {
    let stop = stop_hashes();
    for (_, word) in words(text) {
        let (hash, single) = if word.is_ascii() {
            // The common case, lowered as it is hashed, without allocating.
            let mut h = Fnv1a::new();
            for b in word.bytes() {
                h.write(&[b.to_ascii_lowercase()]);
            }
            (mix(h.finish()), word.len() == 1)
        } else {
            let folded = fold(word);
            let lowered = lower(&folded);
            let mut chars = lowered.chars();
            let single = chars.next().is_some_and(|c| c.is_ascii()) && chars.next().is_none();
            (mix(fnv1a(lowered.as_bytes())), single)
        };
        out.push((hash, single || stop.binary_search(&hash).is_ok()));
    }
}

/// What an article is compared by.
pub(crate) struct Words {
    /// The body's words, for finding repeats: its running text, without what is quoted from
    /// other posts, signed under them or set out line for line (tables, but also signatures
    /// drawn as boxes); all of the body when that leaves few words (a post that is mostly
    /// quotation is compared as it is).
    pub(crate) body: Vec<u64>,
    /// The distinct content words of the title and body (no stop words, no signatures), with
    /// how often each occurs, sorted by hash: the article's term vector before weighting.
    pub(crate) terms: Vec<(u64, u32)>,
}

/// Reads an article's words once, for both uses.
pub(crate) fn read(article: &Article) -> Words {
    // About one word in six bytes of English.
    let guess = article.paragraphs.iter().map(String::len).sum::<usize>() / 6;
    let mut all = Vec::with_capacity(guess);
    let mut own = Vec::with_capacity(guess);
    let mut unsigned = Vec::with_capacity(guess);
    push_words(&article.title, &mut unsigned);
    for (i, p) in article.paragraphs.iter().enumerate() {
        let start = all.len();
        push_words(p, &mut all);
        let kind = article.kind(i);
        if matches!(kind, Block::Text) {
            own.extend(all[start..].iter().map(|w| w.0));
        }
        if !matches!(kind, Block::Signature) {
            unsigned.extend_from_slice(&all[start..]);
        }
    }
    let body = if own.len() < MIN_OWN_WORDS {
        all.iter().map(|w| w.0).collect()
    } else {
        own
    };
    let mut hashes: Vec<u64> = unsigned
        .into_iter()
        .filter(|&(_, stop)| !stop)
        .map(|(h, _)| h)
        .collect();
    hashes.sort_unstable();
    let mut terms: Vec<(u64, u32)> = Vec::new();
    for h in hashes {
        match terms.last_mut() {
            Some((last, n)) if *last == h => *n += 1,
            _ => terms.push((h, 1)),
        }
    }
    Words { body, terms }
}

/// Fewer words of its own than this and a post is compared by its whole body.
const MIN_OWN_WORDS: usize = 25;

/// The hashes of [`STOP`], sorted.
fn stop_hashes() -> &'static [u64] {
    static HASHES: OnceLock<Vec<u64>> = OnceLock::new();
    HASHES.get_or_init(|| {
        let mut h: Vec<u64> = STOP.iter().map(|w| mix(fnv1a(w.as_bytes()))).collect();
        h.sort_unstable();
        h
    })
}

/// Words too common to say what an article is about, whatever the corpus (in a small corpus
/// the document frequencies cannot tell them yet): English function words and reporting verbs.
const STOP: &[&str] = &[
    "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her", "here",
    "him", "his", "how", "if", "in", "into", "is", "it", "its", "last", "more", "most", "new",
    "no", "not", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "says",
    "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "told", "two", "under", "until",
    "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "will", "with", "would", "year", "years", "you",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_list_has_no_word_twice() {
        let mut words = STOP.to_vec();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), STOP.len());
        assert_eq!(stop_hashes().len(), STOP.len());
    }

    #[test]
    fn words_match_whatever_their_case_and_accents() {
        assert_eq!(word_hash("Café"), word_hash("cafe"));
        assert_eq!(word_hash("ＫＡＢＵＬ"), word_hash("kabul"));
        assert_ne!(word_hash("Kabul"), word_hash("Kunduz"));
    }

    #[test]
    fn terms_leave_out_stop_words_and_signatures() {
        let article = Article {
            title: "The Kunduz attack".into(),
            paragraphs: vec![
                "Kunduz was attacked, said the police.".into(),
                "-- Jo".into(),
            ],
            kinds: vec![Block::Text, Block::Signature],
            ..Article::default()
        };
        let terms = read(&article).terms;
        let count = |w: &str| terms.iter().find(|t| t.0 == word_hash(w)).map(|t| t.1);
        assert_eq!(count("kunduz"), Some(2));
        assert_eq!(count("attack"), Some(1));
        assert_eq!(count("police"), Some(1));
        assert_eq!(count("the"), None);
        assert_eq!(count("said"), None);
        assert_eq!(count("jo"), None);
    }

    #[test]
    fn repeats_compare_a_post_without_its_quotes() {
        let article = Article {
            paragraphs: vec![
                "one two three four five six seven eight nine ten ".repeat(3),
                "quoted words here".into(),
            ],
            kinds: vec![Block::Text, Block::Quote { depth: 1 }],
            ..Article::default()
        };
        assert_eq!(read(&article).body.len(), 30);
        let all_quoted = Article {
            paragraphs: vec!["quoted words here".into()],
            kinds: vec![Block::Quote { depth: 1 }],
            ..Article::default()
        };
        assert_eq!(read(&all_quoted).body.len(), 3);
    }
}
