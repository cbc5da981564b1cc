//! Days since the epoch for the dates articles carry, to measure how far apart two reports are.

/// The day number of a `YYYY-MM-DD` date (days since 1970-01-01); `None` for anything less
/// precise (`YYYY-MM`, `YYYY`) or malformed, which counts as undated.
pub(crate) fn day(date: &str) -> Option<i32> {
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i32::try_from(month).ok()?;
    let d = i32::try_from(day).ok()?;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("2019-09-01"), Some(18_140));
        assert_eq!(
            day("2020-03-01").zip(day("2020-02-28")).map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day("2019-09"), None);
        assert_eq!(day("2019"), None);
        assert_eq!(day("2019-13-01"), None);
        assert_eq!(day("soon"), None);
    }
}
