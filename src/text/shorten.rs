//! Paths shortened in the middle, so that two files that differ in their last characters can
//! still be told apart: `…/dokujo-tsushin/…/dokujo-tsushin-4778030.txt`.

use super::wrap::width;

fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `path` in at most `max` columns: whole if it fits; else the file name with its folder when
/// they fit, after as many of the first folders as fit and `…/`; else the file name cut in its
/// middle.
pub fn shorten_path(path: &str, max: usize) -> String {
    if width(path) <= max {
        return path.to_string();
    }
    let (dirs, name) = path.rsplit_once('/').unwrap_or(("", path));
    if width(name) + 2 > max {
        return cut_middle(path, max);
    }
    // The file's own folder tells most about it: keep it when it fits.
    let (dirs, tail) = match dirs.rsplit_once('/') {
        Some((rest, parent)) if width(parent) + width(name) + 3 <= max => {
            (rest, format!("{parent}/{name}"))
        }
        _ => (dirs, name.to_string()),
    };
    // Folders from the start, whole, as many as fit before `…/tail`.
    let mut head = String::new();
    let room = max - width(&tail) - 2;
    for part in dirs.split_inclusive('/') {
        if width(&head) + width(part) > room {
            break;
        }
        head.push_str(part);
    }
    format!("{head}…/{tail}")
}

/// `text` in at most `max` columns with its middle replaced by `…`: a third of the room for
/// the start, the rest for the end.
pub fn cut_middle(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let room = max - 1;
    let head_room = room / 3;
    let mut head = String::new();
    for c in text.chars() {
        if width(&head) + char_width(c) > head_room {
            break;
        }
        head.push(c);
    }
    let tail_room = room - width(&head);
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        if used + char_width(c) > tail_room {
            break;
        }
        used += char_width(c);
        tail.push(c);
    }
    // Combining marks belong to the character before them: do not start the tail with one.
    while tail.last().is_some_and(|&c| char_width(c) == 0) {
        tail.pop();
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_go_before_the_file_name() {
        let path = "livedoor/dokujo-tsushin/2010/09/dokujo-tsushin-4778030.txt";
        assert_eq!(shorten_path(path, 80), path);
        assert_eq!(
            shorten_path(path, 55),
            "livedoor/dokujo-tsushin/…/09/dokujo-tsushin-4778030.txt"
        );
        assert_eq!(
            shorten_path(path, 50),
            "livedoor/…/09/dokujo-tsushin-4778030.txt"
        );
        assert_eq!(shorten_path(path, 31), "…/09/dokujo-tsushin-4778030.txt");
        assert_eq!(shorten_path(path, 30), "…/dokujo-tsushin-4778030.txt");
        for max in 0..70 {
            assert!(width(&shorten_path(path, max)) <= max, "{max}");
        }
    }

    #[test]
    fn two_names_that_differ_at_the_end_stay_apart() {
        let a = shorten_path("news/a-very-long-file-name-that-ends-in-4778030.txt", 20);
        let b = shorten_path("news/a-very-long-file-name-that-ends-in-4778031.txt", 20);
        assert_ne!(a, b);
        assert!(a.ends_with("4778030.txt"), "{a}");
        assert_eq!(width(&a), 20);
    }

    #[test]
    fn wide_characters_and_combining_marks() {
        let cjk = "記事/東京の記事です.txt";
        assert_eq!(shorten_path(cjk, 40), cjk);
        let s = shorten_path(cjk, 12);
        assert!(width(&s) <= 12, "{s}");
        assert!(s.ends_with(".txt"), "{s}");
        let emoji = cut_middle("🎉🎉🎉🎉🎉🎉🎉🎉", 7);
        assert!(width(&emoji) <= 7, "{emoji}");
        let marks = cut_middle("cafe\u{301}cafe\u{301}cafe\u{301}", 6);
        assert!(!marks.contains("…\u{301}"), "{marks:?}");
        assert!(width(&marks) <= 6);
    }
}
