//! Names of people, places and organisations: runs of capitalised words (`Zalmay Khalilzad`,
//! `Puli Khumri`), leaving out a lone capitalised word at the start of a sentence (it may be
//! capitalised only for being first), function words and the capitalised words that name no one
//! (days, months, titles). How much a name counts is how many articles of the corpus have it.

use crate::search::words::words;

/// The distinct names in an article's title and text, as written (words joined by a space or
/// a hyphen), borrowed from the text.
pub(crate) fn names<'a>(title: &'a str, paragraphs: &'a [String]) -> Vec<&'a str> {
    let mut found = Vec::new();
    for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
        scan(text, &mut found);
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Longest name kept, in words.
const LONGEST: usize = 4;

fn scan<'a>(text: &'a str, found: &mut Vec<&'a str>) {
    let mut run: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut run_at_start = false;
    let mut last_end = 0;
    let mut sentence_start = true;
    let flush = |run: &mut Vec<(std::ops::Range<usize>, &str)>,
                 at_start: bool,
                 found: &mut Vec<&'a str>| {
        // A lone word first in its sentence says nothing; a longer run loses a first word that
        // is only capitalised for being first.
        let mut words: &[(std::ops::Range<usize>, &str)] = run;
        let mut first_in_sentence = at_start;
        while let Some((first, rest)) = words.split_first() {
            if is_common(first.1) || (first_in_sentence && rest.is_empty()) {
                words = rest;
                first_in_sentence = false;
            } else {
                break;
            }
        }
        while let Some((last, rest)) = words.split_last() {
            if is_common(last.1) {
                words = rest;
            } else {
                break;
            }
        }
        if let (Some(first), Some(last)) = (words.first(), words.last())
            && words.len() <= LONGEST
            && words.iter().any(|w| w.1.chars().count() > 1)
        {
            found.push(&text[first.0.start..last.0.end]);
            // A title or a place run into a name (`Afghan President Ashraf Ghani`, `envoy for
            // Afghanistan Zalmay Khalilzad`): its last two words are a name too.
            if let [.., second_last, _] = words
                && words.len() >= 3
                && !is_common(second_last.1)
            {
                found.push(&text[second_last.0.start..last.0.end]);
            }
        }
        run.clear();
    };
    for (range, word) in words(text) {
        let between = text.get(last_end..range.start).unwrap_or("");
        let joined = between == " " || between == "-";
        let ends_sentence = between.contains(['.', '!', '?', ':', '"', '“', '”', '\n']);
        if !joined || ends_sentence {
            flush(&mut run, run_at_start, found);
        }
        if ends_sentence {
            sentence_start = true;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && !word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            || is_acronym(word);
        if capital {
            if run.is_empty() {
                run_at_start = sentence_start;
            }
            run.push((range.clone(), word));
        } else {
            flush(&mut run, run_at_start, found);
        }
        sentence_start = false;
        last_end = range.end;
    }
    flush(&mut run, run_at_start, found);
}

/// `NATO`, `UN`: two to six capitals.
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Capitalised words that name no one.
fn is_common(word: &str) -> bool {
    COMMON.binary_search(&word).is_ok()
}

/// Sorted (a test checks).
const COMMON: &[&str] = &[
    "A",
    "After",
    "All",
    "An",
    "And",
    "April",
    "As",
    "At",
    "August",
    "But",
    "By",
    "December",
    "Dr",
    "February",
    "For",
    "Friday",
    "From",
    "He",
    "Her",
    "His",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "Mr",
    "Mrs",
    "Ms",
    "No",
    "November",
    "October",
    "Of",
    "On",
    "Or",
    "Our",
    "Saturday",
    "September",
    "She",
    "So",
    "Sunday",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thursday",
    "To",
    "Tuesday",
    "We",
    "Wednesday",
    "What",
    "When",
    "While",
    "With",
    "You",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_list_is_sorted() {
        assert!(COMMON.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_are_runs_of_capitals_not_sentence_starts() {
        let text = "Officials said Zalmay Khalilzad met Taliban leaders in Doha on Monday. \
                    Fighting continued. The attack on Puli Khumri came as NATO watched.";
        assert_eq!(
            names("", &[text.to_string()]),
            ["Doha", "NATO", "Puli Khumri", "Taliban", "Zalmay Khalilzad"]
        );
    }

    #[test]
    fn a_name_run_into_a_title_is_found_by_itself_too() {
        let text = "the envoy for Afghanistan Zalmay Khalilzad said.";
        assert_eq!(
            names("", &[text.to_string()]),
            ["Afghanistan Zalmay Khalilzad", "Zalmay Khalilzad"]
        );
    }

    #[test]
    fn a_first_word_capitalised_for_being_first_is_dropped() {
        assert_eq!(
            names("", &["In Kabul, Ashraf Ghani spoke.".into()]),
            ["Ashraf Ghani", "Kabul"]
        );
        assert_eq!(names("Kunduz attacked", &[]), Vec::<String>::new());
    }
}
