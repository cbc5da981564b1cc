//! An upper bound on SkimMatcherV2's score, to reject words before the scorer runs.
//!
//! This is fuzzy-matcher 0.3.7's `SkimMatcherV2::fuzzy` without positions (its two-row score
//! matrix, default score configuration, no element limit), restricted to ASCII and done on bytes
//! without allocating. It reproduces the matcher's arithmetic, including its quirks: the rows are
//! reused every other pattern character, and the consecutive-match bonus is read from a cell that
//! the current call may not have written, in which case the matcher reads whatever an earlier
//! call left there. Such reads are taken here as the largest bonus any cell can hold (16), and
//! every step is a max or a sum, so the result is never below the matcher's score, whatever it
//! matched before; it is equal to it whenever no stale cell is read.
//! `tests` compares it with the matcher on many words.

/// Longer words are left to the matcher.
const MAX_LEN: usize = 48;
/// The matcher's "minus infinity".
const NEG: i32 = i16::MIN as i32;
/// A cell this call has not written, for scores: never read in practice; large, to stay safe.
const UNKNOWN: i32 = 1 << 20;
/// The largest bonus a cell can hold (a word's first character: `bonus_head` times two).
const MAX_BONUS: i32 = 16;
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_CONSECUTIVE: i32 = 4;
const PENALTY_CASE_MISMATCH: i32 = -2;

#[derive(Clone, Copy, PartialEq)]
enum Type {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

fn char_type(b: u8) -> Type {
    match b {
        0 => Type::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Type::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Type::SoftSep,
        b'0'..=b'9' => Type::Number,
        b'A'..=b'Z' => Type::Upper,
        _ => Type::Lower,
    }
}

fn in_place_bonus(prev: Type, cur: Type) -> i32 {
    match (prev, cur) {
        (Type::Empty | Type::HardSep, _) => 8,
        (Type::SoftSep, _) => 7,
        (Type::Lower | Type::Number, Type::Upper) => 6,
        _ => 0,
    }
}

#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    /// `None`: not written by this call.
    bonus: Option<i32>,
}

const RESET: Cell = Cell {
    m: NEG,
    p: NEG,
    bonus: Some(0),
};
const STALE: Cell = Cell {
    m: UNKNOWN,
    p: UNKNOWN,
    bonus: None,
};

/// At least the score `SkimMatcherV2::fuzzy_match(hay, needle)` returns (with `respect_case` when
/// `case_sensitive`, else `ignore_case`); `None` exactly when it returns `None`. ASCII only: `None`
/// for other input, which callers must not take as a rejection (see [`Bound::Unknown`]).
pub(crate) fn upper_bound(hay: &[u8], needle: &[u8], case_sensitive: bool) -> Bound {
    if !hay.is_ascii() || !needle.is_ascii() || needle.is_empty() || hay.len() > MAX_LEN {
        return Bound::Unknown;
    }
    let equal = |a: u8, b: u8| {
        if case_sensitive {
            a == b
        } else {
            a.eq_ignore_ascii_case(&b)
        }
    };
    // The first match of each needle byte, in order (`cheap_matches`).
    let mut first = [0usize; MAX_LEN];
    if needle.len() > first.len() {
        return Bound::Unknown;
    }
    let mut k = 0;
    for (j, &c) in hay.iter().enumerate() {
        if k < needle.len() && equal(c, needle[k]) {
            first[k] = j;
            k += 1;
        }
    }
    if k < needle.len() {
        return Bound::NoMatch;
    }
    let cols = hay.len() + 1;
    let mut bonus = [0i32; MAX_LEN + 1];
    let mut prev = Type::Empty;
    for (j, &c) in hay.iter().enumerate() {
        let t = char_type(c);
        bonus[j + 1] = in_place_bonus(prev, t);
        prev = t;
    }
    bonus[1] *= 2;
    let mut rows = [[STALE; MAX_LEN + 1]; 2];
    rows[1][first[0]] = RESET;
    for cell in &mut rows[0][..cols] {
        *cell = Cell {
            p: GAP_EXTENSION,
            ..RESET
        };
    }
    for (i, &p) in needle.iter().enumerate() {
        let (row, row_prev) = ((i + 1) & 1, i & 1);
        for (j, &c) in hay.iter().enumerate().skip(first[i]) {
            let (col, col_prev) = (j + 1, j);
            let before = rows[row_prev][col_prev];
            let last = rows[row][col_prev];
            let mut cur = rows[row][col];
            if equal(c, p) {
                let score = SCORE_MATCH
                    + if !case_sensitive && p != c {
                        PENALTY_CASE_MISMATCH
                    } else {
                        0
                    };
                let carried = last.bonus.unwrap_or(MAX_BONUS);
                let consecutive = carried.max(bonus[col].max(BONUS_CONSECUTIVE));
                rows[row][col_prev].bonus = Some(consecutive);
                cur.m = (before.m + consecutive).max(before.p + bonus[col]) + score;
            } else {
                cur.m = NEG;
                cur.bonus = Some(0);
            }
            cur.p = (GAP_START + GAP_EXTENSION + last.m).max(GAP_EXTENSION + last.p);
            rows[row][col] = cur;
        }
    }
    let last_row = &rows[needle.len() & 1];
    let best = last_row[first[needle.len() - 1]..cols]
        .iter()
        .map(|c| c.m)
        .max()
        .unwrap_or(UNKNOWN);
    Bound::AtMost(best)
}

/// What [`upper_bound`] knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// The matcher would not match at all.
    NoMatch,
    /// The matcher's score is at most this.
    AtMost(i32),
    /// Nothing is known (non-ASCII or very long input): run the matcher.
    Unknown,
}

#[cfg(test)]
#[path = "bound_tests.rs"]
mod tests;
