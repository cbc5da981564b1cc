//! Reading dates written by people and mail software, and writing them as ISO 8601.
//!
//! Understands ISO dates and date-times (`2011-10-15T10:30:00+0900`), RFC 2822 mail dates
//! (`Mon, 15 Feb 1993 18:35:05 -0500`), ctime (`Thu Apr  1 20:52:11 1993`) and written dates
//! (`April 13, 1993`, `8 Apr 93`). A date is only returned when day, month and year are all
//! certain; nothing is guessed. No year before 1900 or after next year is a date: a time
//! such as `1400` beside a month is not a year.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads an ISO date (`YYYY-MM-DD`) at the start of `s`; returns it and the rest of `s`.
///
/// A time part glued on with `T` (`2011-10-15T10:30:00+0900`) is consumed too.
pub fn iso_prefix(s: &str) -> Option<(String, &str)> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return None;
    }
    let date = s.get(..10)?;
    let year: u32 = date.get(0..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !valid(year, month, day) || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut rest = s.get(10..)?;
    if rest.starts_with('T') {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest.get(end..)?;
    }
    Some((date.to_owned(), rest))
}

/// Reads a whole date in any of the supported forms and returns it as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some((iso, _)) = iso_prefix(s) {
        return Some(iso);
    }
    let mut month = None;
    let mut numbers = Vec::new();
    for word in s.split(|c: char| c.is_whitespace() || c == ',') {
        let word = word.trim_end_matches('.');
        if word.is_empty() || word.contains(':') || word.starts_with(['(', '+', '-']) {
            continue; // times, zones and zone names
        }
        if let Some(m) = month_number(word) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(n) = day_or_year(word) {
            numbers.push(n);
        } else if !is_weekday_or_zone(word) {
            return None; // words that are not part of a date: this is a sentence
        }
    }
    let month = month?;
    let (day, year) = match *numbers.as_slice() {
        [a, b] if a.1 <= 2 && b.1 == 4 => (a.0, b.0),
        [a, b] if a.1 == 4 && b.1 <= 2 => (b.0, a.0),
        // "8 Apr 93": day then two-digit year, the mail convention.
        [a, b] if a.1 <= 2 && b.1 == 2 => (a.0, if b.0 < 50 { 2000 + b.0 } else { 1900 + b.0 }),
        _ => return None,
    };
    valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A month and day with no year (`APR 7`, `April 7th`, `7 April`) making up the whole of `s`.
pub fn month_day(s: &str) -> Option<(u32, u32)> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let (month, day) = match words.as_slice() {
        [m, d] if month_number(m).is_some() => (month_number(m)?, day_or_year(d)?),
        [d, m] if month_number(m).is_some() => (month_number(m)?, day_or_year(d)?),
        _ => return None,
    };
    (day.1 <= 2 && (1..=31).contains(&day.0)).then_some((month, day.0))
}

/// A date from a month and day with a year found elsewhere, if that is a real date.
pub fn with_year(year: u32, (month, day): (u32, u32)) -> Option<String> {
    valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The one year (1900 to next year) that `text` mentions, as a four-digit word; none when it
/// mentions none or several.
pub fn only_year<'a>(texts: impl Iterator<Item = &'a str>) -> Option<u32> {
    let mut found = None;
    for word in texts.flat_map(|t| t.split(|c: char| !c.is_ascii_digit())) {
        if word.len() != 4 {
            continue;
        }
        let Ok(year) = word.parse::<u32>() else {
            continue;
        };
        if !(1900..=latest_year()).contains(&year) || found == Some(year) {
            continue;
        }
        if found.replace(year).is_some() {
            return None;
        }
    }
    found
}

/// The month a word names (`Apr`, `april`, `Sept`), 1-based.
fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let index = MONTHS
        .iter()
        .position(|m| m.starts_with(&lower) || (lower == "sept" && *m == "september"))?;
    u32::try_from(index + 1).ok()
}

/// Time zone names a mail date may end with.
const ZONES: &[&str] = &[
    "UT", "UTC", "GMT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST",
    "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "WET", "WEST", "CET", "CEST", "MET",
    "MEST", "MEZ", "MESZ", "EET", "EEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT",
    "ACST", "AWST", "NZST", "NZDT",
];

/// `Mon`, `Thursday`, `GMT`, `EST`: words a mail date may carry besides the date itself.
fn is_weekday_or_zone(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = word.to_ascii_lowercase();
    let weekday = lower.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&lower));
    let zone = ZONES.contains(&word);
    weekday || zone
}

/// A number word (`13`, `1993`, `1st`) with its digit count.
fn day_or_year(word: &str) -> Option<(u32, usize)> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, digits.len()))
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    let days = match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1900..=latest_year()).contains(&year) && (1..=days).contains(&day)
}

/// Next year: the latest year a date may have.
fn latest_year() -> u32 {
    const SECONDS_A_YEAR: u64 = 31_556_952; // 365.2425 days
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    u32::try_from(1970 + now / SECONDS_A_YEAR + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_datetimes() {
        assert_eq!(
            iso_prefix("2019-09-01 rest"),
            Some(("2019-09-01".into(), " rest"))
        );
        assert_eq!(
            iso_prefix("2011-10-15T10:30:00+0900"),
            Some(("2011-10-15".into(), ""))
        );
        assert_eq!(iso_prefix("2019-13-01"), None);
        assert_eq!(iso_prefix("2019-02-30"), None);
        assert_eq!(iso_prefix("2019-09-011"), None);
        assert_eq!(iso_prefix("19-09-01"), None);
    }

    #[test]
    fn mail_and_written_dates() {
        let cases = [
            ("Mon, 15 Feb 1993 18:35:05 -0500 (EST)", "1993-02-15"),
            ("Thu Apr  1 20:52:11 1993", "1993-04-01"),
            ("April 13, 1993", "1993-04-13"),
            ("8 Apr 93 22:50:09 GMT", "1993-04-08"),
            ("Sept. 28, 2019", "2019-09-28"),
            ("1st March 2020", "2020-03-01"),
            ("2020-02-12", "2020-02-12"),
            ("1 January 1900", "1900-01-01"),
            ("Fri, 3 Apr 1987 14:00:00 JST", "1987-04-03"),
        ];
        for (text, iso) in cases {
            assert_eq!(parse_date(text).as_deref(), Some(iso), "{text}");
        }
    }

    #[test]
    fn month_and_day_without_a_year() {
        assert_eq!(month_day("APR 7"), Some((4, 7)));
        assert_eq!(month_day("7 April"), Some((4, 7)));
        assert_eq!(month_day("April 7th,"), Some((4, 7)));
        assert_eq!(month_day("APR 1400"), None);
        assert_eq!(month_day("EXCHS 1400"), None);
        assert_eq!(month_day("April 7 1987"), None);
        assert_eq!(
            only_year(["Rates on 7-APR-1987, as in 1987", "at 1400 local"].into_iter()),
            Some(1987)
        );
        assert_eq!(only_year(["in 1986 and 1987"].into_iter()), None);
        assert_eq!(only_year(["at 1400 and 2999"].into_iter()), None);
        assert_eq!(with_year(1987, (4, 7)).as_deref(), Some("1987-04-07"));
        assert_eq!(with_year(1987, (2, 30)), None);
    }

    #[test]
    fn uncertain_dates_are_refused() {
        for text in [
            "On August 31, 2019 fighting began",
            "Apr 1993",
            "12/04/1993",
            "Monday",
            "Feb 30, 1993",
            "May May 1 1993",
            "28 Sept",
            // A wire headline: a place, a time and a day of the month, no year.
            "HONG KONG EXCHS 1400 - APR 7",
            "TOKYO GOLD 1400 APR 7",
            "APR 7",
            "1 Jan 1400",
            "1899-12-31",
            "3 March 2999",
            "5 May 1492",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
