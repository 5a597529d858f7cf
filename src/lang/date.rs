//! Calendar dates: the language reads `31/12/2019` as a deadline; series hold completion dates.
//! Kept in `lang` (the lowest layer that needs it); `eval` re-exports it.

/// A calendar date (no time zone): deadlines like `31/12/2019` compare against completion dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A real calendar date, or `None` (31/02, month 13, …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// Parses `dd/mm/yyyy` (also `d/m/yyyy`).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('/');
        let day = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let year_text = parts.next()?;
        if parts.next().is_some() || year_text.len() != 4 {
            return None;
        }
        Date::new(year_text.parse().ok()?, month, day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}
