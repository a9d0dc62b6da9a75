//! Calendar arithmetic for resolving relative expressions: day counts, weekdays, month steps.

use super::CalendarDate;

/// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`).
pub fn days_from_civil(date: CalendarDate) -> i64 {
    let m = i64::from(date.month);
    let y = i64::from(date.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(date.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar day `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> CalendarDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    CalendarDate {
        year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        month: month as u8,
        day: day as u8,
    }
}

/// 0 = Monday .. 6 = Sunday.
pub fn weekday(date: CalendarDate) -> u8 {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(date) + 3).rem_euclid(7) as u8
}

pub fn add_days(date: CalendarDate, days: i64) -> CalendarDate {
    civil_from_days(days_from_civil(date).saturating_add(days))
}

/// The (year, month) `months` months after the month of `date`.
pub fn add_months(year: i32, month: u8, months: i64) -> (i32, u8) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + months;
    let year = index.div_euclid(12);
    (
        year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        (index.rem_euclid(12) + 1) as u8,
    )
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A real day of a real month.
pub fn valid(year: i32, month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    #[test]
    fn round_trips_and_weekdays() {
        for date in [
            d(1970, 1, 1),
            d(2000, 2, 29),
            d(2017, 7, 21),
            d(1600, 3, 1),
            d(2024, 12, 31),
        ] {
            assert_eq!(civil_from_days(days_from_civil(date)), date);
        }
        assert_eq!(weekday(d(2017, 7, 21)), 4); // a Friday
        assert_eq!(weekday(d(2015, 5, 18)), 0); // a Monday
        assert_eq!(add_days(d(2015, 3, 1), -1), d(2015, 2, 28));
        assert_eq!(add_months(2023, 12, 1), (2024, 1));
        assert_eq!(add_months(2023, 1, -1), (2022, 12));
        assert!(!valid(2023, 2, 29));
        assert!(valid(2024, 2, 29));
    }
}
