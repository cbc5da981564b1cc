//! The one tokenizer and the folding rules shared by the index, the query parser and the highlighter.
//!
//! A *word* is a maximal run of characters for which `char::is_alphanumeric` holds: letters and
//! digits of any script, so a run of CJK characters is one word, and punctuation, spaces and
//! combining accents separate words. Before words are compared they are *folded*: compatibility
//! forms become their plain equivalents (full-width `Ａ` becomes `A`, the ligature `ﬁ` becomes
//! `fi`) and Latin, Greek and Cyrillic diacritics are dropped (`café` becomes `cafe`), through
//! NFKD, removal of the combining diacritical marks, then NFC (so Hangul and kana with voicing
//! marks come back whole). Case is kept by folding; [`lower`] gives the case-insensitive form.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// The words of `text` with their byte ranges, in order.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to the first character of the next word.
        let start = loop {
            let (i, c) = rest.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start..end, &text[start..end]))
    })
}

/// Whether `c` is one of the combining diacritics that folding drops.
fn is_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The folded form of one word: compatibility forms unified, diacritics dropped, case kept.
/// ASCII words are returned as they are, without allocating.
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let folded: String = word.nfkd().filter(|&c| !is_diacritic(c)).nfc().collect();
    if folded == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(folded)
    }
}

/// The case-insensitive form of a folded word.
pub(crate) fn lower(folded: &str) -> Cow<'_, str> {
    if folded.is_ascii() {
        if folded.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(folded.to_ascii_lowercase())
        } else {
            Cow::Borrowed(folded)
        }
    } else if folded.chars().any(char::is_uppercase) {
        Cow::Owned(folded.to_lowercase())
    } else {
        Cow::Borrowed(folded)
    }
}

/// A 32-bit summary of which bytes occur in a lowercased word: one bit per ASCII letter, five for
/// digits (two digits a bit) and one for any non-ASCII byte. A word can only contain a needle
/// whose mask is a subset of the word's.
pub(crate) fn mask(lower: &str) -> u32 {
    let mut m = 0u32;
    for b in lower.bytes() {
        m |= match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + (b - b'0') / 2),
            0x80.. => 1 << 31,
            _ => 0,
        };
    }
    m
}

/// Whether the bytes of `needle` occur in `hay` in order (not necessarily together). On lowercased
/// text this is a necessary condition for every kind of term match, fuzzy ones included.
pub(crate) fn in_order(needle: &[u8], hay: &[u8]) -> bool {
    let mut need = needle.iter();
    let Some(mut want) = need.next() else {
        return true;
    };
    for b in hay {
        if b == want {
            match need.next() {
                Some(next) => want = next,
                None => return true,
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn words_are_alphanumeric_runs() {
        assert_eq!(
            list("U.S.-Taliban talks, 2019!"),
            ["U", "S", "Taliban", "talks", "2019"]
        );
        assert_eq!(list(""), Vec::<&str>::new());
        assert_eq!(list("  ...  "), Vec::<&str>::new());
        assert_eq!(list("東京都 へ 行く"), ["東京都", "へ", "行く"]);
        assert_eq!(list("naïve café"), ["naïve", "café"]);
        // A decomposed accent (combining mark) ends a word.
        assert_eq!(list("cafe\u{301}s"), ["cafe", "s"]);
        assert_eq!(list("a🙂b"), ["a", "b"]);
    }

    #[test]
    fn word_ranges_point_at_the_words() {
        let text = "¿Qué pasó? 東京";
        for (range, word) in words(text) {
            assert_eq!(&text[range], word);
        }
        assert_eq!(words(text).count(), 3);
    }

    #[test]
    fn folding_drops_accents_and_widths() {
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("Ａｂｃ１"), "Abc1");
        assert_eq!(fold("ﬁne"), "fine");
        assert_eq!(fold("Ålesund"), "Alesund");
        assert_eq!(fold("plain"), "plain");
        // Voicing marks and Hangul survive whole.
        assert_eq!(fold("が"), "が");
        assert_eq!(fold("한국"), "한국");
    }

    #[test]
    fn lowering_handles_unicode() {
        assert_eq!(lower("Oslo"), "oslo");
        assert_eq!(lower("ЖУК"), "жук");
        assert_eq!(lower("oslo"), "oslo");
    }

    #[test]
    fn masks_and_order() {
        assert_eq!(mask("ab") & mask("cab"), mask("ab"));
        assert_ne!(mask("xq") & mask("oslo"), mask("xq"));
        assert_ne!(mask("é"), 0);
        assert!(in_order(b"olo", b"oslo"));
        assert!(!in_order(b"ool", b"oslo"));
        assert!(in_order(b"", b"x"));
    }
}
