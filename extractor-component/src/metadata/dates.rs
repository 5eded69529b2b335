//! Dates: ISO 8601, numeric and written-out dates and date lines, read into
//! ISO 8601 output.

use super::*;

/// Normalises a date as pages write it to ISO 8601: `YYYY-MM-DD` for a date alone,
/// `YYYY-MM-DDTHH:MM:SS` plus `Z` or `±HH:MM` when a time (and zone) is given.
/// Understands ISO forms (also with a space, slashes or dots, fractional seconds,
/// `+0100` zones), RFC 2822 ("Mon, 02 Jan 2006 15:04:05 -0700"), "January 2, 2006",
/// "2 January 2006", "Jan 2 2006 3:04 PM". Day-first/month-first numeric forms
/// ("02/01/2006") are ambiguous and rejected.
pub fn parse_date(raw: &str) -> Option<String> {
    let s = collapse_ws(&decode_entities(raw));
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    parse_iso_like(s)
        .or_else(|| parse_textual(s))
        .or_else(|| embedded_iso(s))
}

/// An ISO date inside other words ("Updated 2021-05-06 10:00").
fn embedded_iso(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    (1..bytes.len().saturating_sub(9)).find_map(|i| {
        let starts_year = bytes[i].is_ascii_digit() && !bytes[i - 1].is_ascii_digit();
        let shaped = bytes.get(i..i + 5).is_some_and(|w| {
            w[..4].iter().all(u8::is_ascii_digit) && matches!(w[4], b'-' | b'/' | b'.')
        });
        if starts_year && shaped {
            parse_iso_like(s.get(i..)?)
        } else {
            None
        }
    })
}

#[derive(Default)]
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    /// Offset in minutes east of UTC; `Some(0)` for Z/GMT/UTC.
    zone: Option<i32>,
}

fn format_date(year: u32, month: u32, day: u32, time: Option<Time>) -> Option<String> {
    if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return None;
    }
    let mut out = format!("{year:04}-{month:02}-{day:02}");
    if let Some(t) = time {
        if t.hour > 23 || t.minute > 59 || t.second > 60 {
            return None;
        }
        out.push_str(&format!("T{:02}:{:02}:{:02}", t.hour, t.minute, t.second));
        match t.zone {
            Some(0) => out.push('Z'),
            Some(z) => {
                let sign = if z < 0 { '-' } else { '+' };
                let z = z.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", z / 60, z % 60));
            }
            None => {}
        }
    }
    Some(out)
}

/// Takes a run of ASCII digits from the start of `s`.
fn take_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, then an optional time.
fn parse_iso_like(s: &str) -> Option<String> {
    let (year, rest) = take_digits(s);
    let (year, month, day, rest) = if year.len() == 8 {
        (
            year[..4].parse().ok()?,
            year[4..6].parse().ok()?,
            year[6..].parse().ok()?,
            rest,
        )
    } else if year.len() == 4 {
        let sep = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '/' | '.'))?;
        let (month, rest) = take_digits(&rest[1..]);
        let rest = rest.strip_prefix(sep)?;
        let (day, rest) = take_digits(rest);
        if !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
            return None;
        }
        (
            year.parse().ok()?,
            month.parse().ok()?,
            day.parse().ok()?,
            rest,
        )
    } else {
        return None;
    };
    let rest = rest.trim_start();
    if rest.is_empty() {
        return format_date(year, month, day, None);
    }
    let rest = rest.strip_prefix(['T', 't']).unwrap_or(rest).trim_start();
    match parse_clock(rest) {
        Some((time, tail)) if tail.trim().is_empty() => format_date(year, month, day, Some(time)),
        // A date followed by something we do not understand: the date is still right.
        _ => format_date(year, month, day, None),
    }
}

/// `HH:MM[:SS[.fff]][ ][am|pm][ ][Z|±HH[:MM]|GMT|UTC]`, returning the unparsed tail.
fn parse_clock(s: &str) -> Option<(Time, &str)> {
    let (h, rest) = take_digits(s);
    if !(1..=2).contains(&h.len()) {
        return None;
    }
    let rest = rest.strip_prefix(':')?;
    let (m, mut rest) = take_digits(rest);
    if m.len() != 2 {
        return None;
    }
    let mut time = Time {
        hour: h.parse().ok()?,
        minute: m.parse().ok()?,
        ..Time::default()
    };
    if let Some(r) = rest.strip_prefix(':') {
        let (sec, r) = take_digits(r);
        if sec.len() != 2 {
            return None;
        }
        time.second = sec.parse().ok()?;
        rest = r;
        if let Some(r) = rest.strip_prefix(['.', ',']) {
            rest = take_digits(r).1;
        }
    }
    let mut tail = rest.trim_start();
    let lower = tail.to_ascii_lowercase();
    for (marker, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(marker) {
            if time.hour == 0 || time.hour > 12 {
                return None;
            }
            time.hour = match (pm, time.hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            tail = tail[marker.len()..].trim_start();
            break;
        }
    }
    let (zone, tail) = parse_zone(tail);
    time.zone = zone;
    Some((time, tail))
}

fn parse_zone(s: &str) -> (Option<i32>, &str) {
    let upper = s.to_ascii_uppercase();
    for name in ["UTC", "GMT", "Z"] {
        if upper.starts_with(name) {
            let rest = &s[name.len()..];
            // "GMT+2" / "UTC-05:00".
            if let (Some(z), tail) = parse_offset(rest) {
                return (Some(z), tail);
            }
            return (Some(0), rest);
        }
    }
    parse_offset(s)
}

fn parse_offset(s: &str) -> (Option<i32>, &str) {
    let sign = match s.chars().next() {
        Some('+') => 1,
        Some('-') | Some('−') => -1,
        _ => return (None, s),
    };
    let body = &s[s.chars().next().map_or(0, char::len_utf8)..];
    let (digits, rest) = take_digits(body);
    let (hours, minutes, rest) = match digits.len() {
        1 | 2 => {
            let h: i32 = digits.parse().unwrap_or(99);
            if let Some(r) = rest.strip_prefix(':') {
                let (m, r) = take_digits(r);
                if m.len() != 2 {
                    return (None, s);
                }
                (h, m.parse().unwrap_or(99), r)
            } else {
                (h, 0, rest)
            }
        }
        4 => (
            digits[..2].parse().unwrap_or(99),
            digits[2..].parse().unwrap_or(99),
            rest,
        ),
        _ => return (None, s),
    };
    if hours > 14 || minutes > 59 {
        return (None, s);
    }
    (Some(sign * (hours * 60 + minutes)), rest)
}

pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS[..12]
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// A text that is a date alone, or a date after a label ("Published: June 12,
/// 2025", "Dec. 19, 2025"): its ISO form. Words other than months, weekdays and
/// clock words make it a sentence, not a date line.
/// Whether `text` is a date and nothing else, after an optional label.
pub(crate) fn is_date_line(text: &str) -> bool {
    // Numeric dates only in metadata: in content they are a table's cells as often.
    text_date(text, None).is_some()
}

/// Whether a page in language `lang` writes numeric dates month first
/// (`3/4/2025` is March 4th): US English, and English pages that do not say
/// which English.
pub(super) fn month_first(lang: Option<&str>) -> bool {
    lang.is_none_or(|l| {
        let l = l.trim().to_ascii_lowercase().replace('_', "-");
        l == "en" || l.starts_with("en-us")
    })
}

/// Most bytes of a line of dot-separated parts ("Jun 08, 2023 • 11 min read",
/// "Jane Doe | Senior Writer | July 2, 2025") looked at for a date part.
const MAX_DATE_SEGMENTS_LINE: usize = 120;

/// The date in one part of a short line of parts separated by `•`, `·` or `|`,
/// where the other parts are a reading time, an author or a role.
pub(super) fn date_segment(text: &str, numeric: Option<bool>) -> Option<String> {
    let text = text.trim();
    if text.len() > MAX_DATE_SEGMENTS_LINE || !text.contains(['•', '·', '|']) {
        return None;
    }
    text.split(['•', '·', '|'])
        .find_map(|part| text_date(part, numeric))
}

/// Labels a date line may open with ("Last updated on", "Published:"), longest
/// first so that "updated on" wins over "updated".
pub(crate) const DATE_LABELS: &[&str] = &[
    "last updated on",
    "last updated",
    "updated on",
    "updated",
    "published on",
    "published",
    "posted on",
    "posted",
    "date",
    "on",
];

/// With `numeric`, also numeric dates ([`parse_numeric`], month first or not).
pub(super) fn text_date(text: &str, numeric: Option<bool>) -> Option<String> {
    let text = text.trim();
    if !(8..=40).contains(&text.len()) || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let start = DATE_LABELS
        .iter()
        .find(|l| lower.starts_with(*l))
        .map_or(0, |l| l.len());
    let rest = text[start..].trim_start_matches([':', ' ']);
    // "Posted on the 15/12/2025 at 19:00 by" and the author's link after it.
    let rest = match rest.get(..4) {
        Some(the) if start > 0 && the.eq_ignore_ascii_case("the ") => &rest[4..],
        _ => rest,
    };
    let by = rest.len().saturating_sub(3);
    let rest = match rest.get(by..) {
        Some(tail) if tail.eq_ignore_ascii_case(" by") => &rest[..by],
        _ => rest,
    };
    let only_date_words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '·' | '|'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            // "10:39AM": the clock's letters after its digits.
            let letters = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
            // "2022-11-23T08:10+02:00": an ISO 8601 time stamp printed as it is.
            let iso_stamp = w.len() >= 10 && w.as_bytes()[4] == b'-' && parse_iso_like(w).is_some();
            iso_stamp
                || month_number(w).is_some()
                || CLOCK_WORDS
                    .iter()
                    .chain(WEEKDAYS)
                    .any(|c| letters.trim_end_matches('.').eq_ignore_ascii_case(c))
        });
    if !only_date_words {
        return None;
    }
    parse_iso_like(rest)
        .or_else(|| parse_textual(rest))
        .or_else(|| parse_numeric(rest, numeric?))
}

/// `D.M.YYYY` (dotted dates are day first wherever they are written) and
/// `M/D/YYYY` or `D/M/YYYY` (slashes or dashes: a part above 12 tells which is
/// the day, else `month_first` does), then an optional time.
fn parse_numeric(s: &str, month_first: bool) -> Option<String> {
    let (a, rest) = take_digits(s);
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '/' | '-'))?;
    let (b, rest) = take_digits(&rest[1..]);
    let rest = rest.strip_prefix(sep)?;
    let (year, rest) = take_digits(rest);
    if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) || year.len() != 4 {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (month, day) = if sep == '.' || a > 12 || (b <= 12 && !month_first) {
        (b, a)
    } else {
        (a, b)
    };
    let year = year.parse().ok()?;
    let rest = rest.trim_start().trim_start_matches(',').trim_start();
    match parse_clock(rest) {
        Some((time, tail)) if tail.trim().is_empty() => format_date(year, month, day, Some(time)),
        _ => format_date(year, month, day, None),
    }
}

/// Dates with a month name, in any order ("2 Jan 2006", "January 2, 2006",
/// "Mon, 02 Jan 2006 15:04:05 GMT"), with an optional time and zone anywhere after.
fn parse_textual(s: &str) -> Option<String> {
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let mut time = None;
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if time.is_none() && token.contains(':') && token.starts_with(|c: char| c.is_ascii_digit())
        {
            // The clock may span tokens ("3:04 PM EST", "15:04:05 -0700").
            let joined = tokens[i..].join(" ");
            if let Some((t, tail)) = parse_clock(&joined) {
                time = Some(t);
                let consumed = joined.len() - tail.len();
                let mut used = 0;
                while i < tokens.len() && used < consumed {
                    used += tokens[i].len() + 1;
                    i += 1;
                }
                continue;
            }
        }
        let (digits, suffix) = take_digits(token);
        if !digits.is_empty() {
            let ordinal = matches!(
                suffix.to_ascii_lowercase().as_str(),
                "" | "st" | "nd" | "rd" | "th" | "."
            );
            if digits.len() == 4 && year.is_none() && (suffix.is_empty() || suffix == ".") {
                year = digits.parse().ok();
            } else if digits.len() <= 2 && day.is_none() && ordinal {
                day = digits.parse().ok();
            }
        } else if month.is_none() {
            month = month_number(token);
        }
        i += 1;
    }
    format_date(year?, month?, day?, time)
}
