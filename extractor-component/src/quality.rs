//! A 0–100 score for "this is probably the real main content".
//!
//! Each signal is something that separates good extractions from bad ones on real
//! pages: enough text, in several paragraphs, not mostly links, a sensible share of the
//! page, a page that describes itself, and no boilerplate phrases leaking in.

/// What the pipeline knows about one extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    /// Non-whitespace characters of the extracted content.
    pub content_chars: u32,
    /// Non-whitespace characters of the whole visible page.
    pub page_chars: u32,
    /// Characters of the content inside links.
    pub link_chars: u32,
    /// Paragraph-like blocks with real text in the content.
    pub paragraphs: u32,
    pub has_title: bool,
    /// Byline, date or description present.
    pub has_metadata: bool,
    /// The content came from structured data rather than the DOM.
    pub from_structured_data: bool,
}

/// Phrases that belong to page furniture, not to content.
const BOILERPLATE: &[&str] = &[
    "cookie",
    "accept all",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "terms of service",
    "sign up for",
    "subscribe to our",
    "newsletter",
    "log in",
    "skip to",
    "share this",
    "follow us",
];

/// The score for `signals`, with `text` (the rendered plain text) scanned for
/// boilerplate leakage.
pub fn score(signals: &Signals, text: &str) -> u8 {
    if signals.content_chars == 0 {
        return 0;
    }
    let chars = signals.content_chars as f32;
    // Length: log-scaled, saturating around 3,000 characters.
    let length =
        ((chars.max(1.0).ln() - 50f32.ln()) / (3000f32.ln() - 50f32.ln())).clamp(0.0, 1.0) * 35.0;
    let paragraphs = (signals.paragraphs.min(8) as f32 / 8.0) * 20.0;
    let link_density = signals.link_chars as f32 / chars;
    let links = (1.0 - link_density * 2.0).clamp(0.0, 1.0) * 20.0;
    let share = chars / signals.page_chars.max(1) as f32;
    // Tiny shares mean a sliver was picked; the whole page means nothing was removed.
    let ratio = if share < 0.05 {
        share / 0.05 * 5.0
    } else if share > 0.95 && signals.page_chars > 2000 {
        6.0
    } else {
        10.0
    };
    let mut meta = 0.0;
    if signals.has_title {
        meta += 8.0;
    }
    if signals.has_metadata {
        meta += 7.0;
    }
    let lower = text.to_lowercase();
    let hits = BOILERPLATE.iter().filter(|p| lower.contains(*p)).count() as f32;
    let leakage = (hits * 4.0).min(20.0);
    let shape = text_shape(text);
    let mut total = length + paragraphs + links + ratio + meta - leakage + shape;
    if signals.from_structured_data {
        total = total.min(70.0);
    }
    total.round().clamp(0.0, 100.0) as u8
}

/// Points from the shape of the text: prose comes in long lines of words; UI debris,
/// menus and price grids come as short lines full of digits. On WCXB-dev these
/// shapes separate good from bad extractions beyond what length alone says.
fn text_shape(text: &str) -> f32 {
    let mut lines = 0u32;
    let mut short = 0u32;
    let mut long = 0u32;
    let mut chars = 0u32;
    let mut digits = 0u32;
    for line in text.lines() {
        let words = crate::words::count(line);
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if words < 5 {
            short += 1;
        } else if words >= 25 {
            long += 1;
        }
        for c in line.chars() {
            chars += 1;
            if c.is_ascii_digit() {
                digits += 1;
            }
        }
    }
    if lines == 0 {
        return 0.0;
    }
    let short_share = short as f32 / lines as f32;
    let digit_share = digits as f32 / chars.max(1) as f32;
    3.0 * (1.0 + long as f32).ln() - 20.0 * short_share - 100.0 * digit_share
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Signals {
        Signals {
            content_chars: 4000,
            page_chars: 6000,
            link_chars: 100,
            paragraphs: 10,
            has_title: true,
            has_metadata: true,
            from_structured_data: false,
        }
    }

    #[test]
    fn a_real_article_scores_high() {
        assert!(score(&article(), "A long story about rivers.") >= 90);
    }

    #[test]
    fn empty_content_scores_zero() {
        assert_eq!(score(&Signals::default(), ""), 0);
    }

    #[test]
    fn link_lists_and_slivers_score_low() {
        let nav = Signals {
            content_chars: 300,
            page_chars: 20_000,
            link_chars: 280,
            paragraphs: 0,
            ..Signals::default()
        };
        assert!(score(&nav, "Home About Contact") < 30);
    }

    #[test]
    fn prose_outscores_short_numeric_lines() {
        let prose = "The river rose through the night, and by morning the town had moved \
            its market to the hill, where traders, farmers and children waited for the water.\n\n"
            .repeat(5);
        let grid = "Size 42\n$19.99\nQty 1\nIn stock: 12\n".repeat(10);
        assert!(score(&article(), &prose) > score(&article(), &grid) + 20);
    }

    #[test]
    fn boilerplate_leakage_lowers_the_score() {
        let clean = score(&article(), "A long story about rivers.");
        let leaky = score(
            &article(),
            "We use cookies. Accept all. Privacy policy. Subscribe to our newsletter.",
        );
        assert!(leaky + 10 <= clean, "{leaky} vs {clean}");
    }
}
