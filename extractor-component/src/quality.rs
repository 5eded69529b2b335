//! A 0–100 score for "this is probably the real main content", meant to track the
//! word F1 of the extraction against a human's choice of main content.
//!
//! The score starts at 100 and loses points for each sign of a doubtful extraction,
//! each penalty growing linearly between two break points and then saturating:
//! little text; a region choice that kept text that does not read as content or left
//! content-like text behind ([`crate::content::Confidence`]); a region that is the
//! whole body or a sliver of the page; text made of short or numeric lines (menus,
//! price grids, UI debris); a page that declares itself something other than an
//! article (product, listing, FAQ, thread: pages where the main region is itself a
//! judgement call); boilerplate phrases left in. The weights and break points were
//! set on WCXB-dev (Pearson with per-page F1 0.53 → 0.62) and are round numbers
//! because the fit is flat around them.

/// What the pipeline knows about one extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    /// Non-whitespace characters of the extracted content.
    pub content_chars: u32,
    /// Non-whitespace characters of the whole visible page.
    pub page_chars: u32,
    /// The region choice's estimate of its own precision and recall; `None` when no
    /// region was chosen (full page, custom selectors).
    pub confidence: Option<crate::content::Confidence>,
    /// The chosen region is the whole body: no container stood out.
    pub whole_body: bool,
    /// The page's structured data names a main entity that is not an article.
    pub declared_non_article: bool,
    /// The content came from structured data rather than the DOM.
    pub from_structured_data: bool,
}

/// Phrases that belong to page furniture, not to content (ASCII, lower case).
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

/// 0 at or past `good`, 1 at or past `bad`, linear between (either order).
fn ramp(value: f32, good: f32, bad: f32) -> f32 {
    ((value - good) / (bad - good)).clamp(0.0, 1.0)
}

/// Whether a JSON-LD `@type` names an article (news, blog post, report, …).
pub fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.eq_ignore_ascii_case("article") || t == "BlogPosting"
}

/// The score for `signals`, with `text` (the rendered plain text) scanned for its
/// line shape and boilerplate leakage.
pub fn score(signals: &Signals, text: &str) -> u8 {
    if signals.content_chars == 0 {
        return 0;
    }
    let chars = signals.content_chars as f32;
    // Below ~100 characters there is hardly an article; past ~1,500 length says no more.
    let mut penalty = 28.0 * ramp(chars.ln(), 1500f32.ln(), 100f32.ln());
    let (precision, recall) = match (signals.from_structured_data, signals.confidence) {
        // The DOM had nothing usable: the declared body is a guess at best.
        (true, _) => (1.0, 1.0),
        (false, Some(c)) => (ramp(c.precision, 0.9, 0.4), ramp(c.recall, 1.0, 0.3)),
        (false, None) => (0.0, 0.0),
    };
    penalty += 13.0 * precision + 19.0 * recall;
    let share = chars / signals.page_chars.max(1) as f32;
    penalty += 8.0 * ramp(share, 0.5, 0.1);
    if signals.whole_body {
        penalty += 8.0;
    }
    if signals.declared_non_article {
        penalty += 10.0;
    }
    let shape = text_shape(text);
    penalty += 10.0 * ramp(shape.short_lines, 0.3, 0.9) + 10.0 * ramp(shape.digits, 0.0, 0.1);
    penalty += (4 * shape.phrases).min(20) as f32;
    (100.0 - penalty).round().clamp(0.0, 100.0) as u8
}

/// The line shape of a text (prose comes in long lines of words; UI debris, menus and
/// price grids as short lines full of digits) and the boilerplate phrases in it.
struct Shape {
    /// Share of the non-blank lines with fewer than five words.
    short_lines: f32,
    /// Share of ASCII digits among the characters of the non-blank lines.
    digits: f32,
    /// How many [`BOILERPLATE`] phrases start a word somewhere in the text.
    phrases: usize,
}

/// For each letter `a`..=`z`, the [`BOILERPLATE`] phrases starting with it (bit k:
/// phrase k), so a word start checks only those.
const PHRASES_BY_LETTER: [u16; 26] = {
    assert!(BOILERPLATE.len() <= 16, "phrase sets are u16 bit sets");
    let mut table = [0u16; 26];
    let mut k = 0;
    while k < BOILERPLATE.len() {
        table[(BOILERPLATE[k].as_bytes()[0] - b'a') as usize] |= 1 << k;
        k += 1;
    }
    table
};

const WORD: u8 = 1;
const DIGIT: u8 = 2;
const SPACE: u8 = 4;

/// [`WORD`] (`\w`), [`DIGIT`] and [`SPACE`] (`char::is_whitespace`) bits of each ASCII
/// byte: one lookup instead of three range tests in the per-byte loop.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'_' {
            table[b] |= WORD;
        }
        if c.is_ascii_digit() {
            table[b] |= DIGIT;
        }
        if c.is_ascii_whitespace() || c == 0x0b {
            table[b] |= SPACE;
        }
        b += 1;
    }
    table
};

/// One pass over the bytes of `text`: ASCII (most text) needs no char decoding, and
/// phrases are matched ASCII case-insensitively where a word starts, so no lower-cased
/// copy of the text is made. Words are those of [`crate::words::count`].
fn text_shape(text: &str) -> Shape {
    let mut lines = 0u32;
    let mut short = 0u32;
    let mut chars = 0u32;
    let mut digits = 0u32;
    // Bit k: phrase k was seen.
    let mut found = 0u16;
    for line in text.lines() {
        let bytes = line.as_bytes();
        let mut words = 0u32;
        let mut in_word = false;
        let mut blank = true;
        let mut line_chars = 0u32;
        for (i, &b) in bytes.iter().enumerate() {
            let word = if b < 0x80 {
                let class = ASCII_CLASS[b as usize];
                blank &= class & SPACE != 0;
                digits += u32::from(class & DIGIT != 0);
                class & WORD != 0
            } else if b & 0xC0 == 0x80 {
                // A continuation byte: its char was classified at the leading byte.
                continue;
            } else {
                let c = line[i..].chars().next().unwrap_or(' ');
                blank &= c.is_whitespace();
                crate::words::is_word_char(c)
            };
            line_chars += 1;
            if word && !in_word {
                words += 1;
                let letter = b.to_ascii_lowercase().wrapping_sub(b'a');
                if let Some(&candidates) = PHRASES_BY_LETTER.get(letter as usize) {
                    if candidates & !found != 0 {
                        found |= phrases_at(&bytes[i..], candidates & !found);
                    }
                }
            }
            in_word = word;
        }
        if blank {
            continue;
        }
        lines += 1;
        chars += line_chars;
        short += u32::from(words < 5);
    }
    Shape {
        short_lines: short as f32 / lines.max(1) as f32,
        digits: digits as f32 / chars.max(1) as f32,
        phrases: found.count_ones() as usize,
    }
}

/// Which of the `candidates` (bit k: [`BOILERPLATE`] phrase k) `rest` starts with.
fn phrases_at(rest: &[u8], candidates: u16) -> u16 {
    let mut hits = 0;
    let mut left = candidates;
    while left != 0 {
        let k = left.trailing_zeros() as usize;
        left &= left - 1;
        let p = BOILERPLATE[k].as_bytes();
        if rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p) {
            hits |= 1 << k;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Confidence;

    fn article() -> Signals {
        Signals {
            content_chars: 4000,
            page_chars: 6000,
            confidence: Some(Confidence {
                precision: 0.95,
                recall: 1.0,
            }),
            ..Signals::default()
        }
    }

    const PROSE: &str = "The river rose through the night, and by morning the town had moved \
        its market to the hill, where traders, farmers and children waited for the water.";

    fn prose() -> String {
        format!("{PROSE}\n\n").repeat(5)
    }

    #[test]
    fn a_clean_article_scores_full_marks() {
        assert_eq!(score(&article(), &prose()), 100);
    }

    #[test]
    fn empty_content_scores_zero() {
        assert_eq!(score(&Signals::default(), ""), 0);
    }

    #[test]
    fn a_link_farm_scores_far_below_an_article() {
        // A region of short link lines: little of it reads as content, the page's
        // content-like text lies elsewhere, and it is a sliver of the page.
        let farm = Signals {
            content_chars: 300,
            page_chars: 20_000,
            confidence: Some(Confidence {
                precision: 0.35,
                recall: 0.2,
            }),
            ..Signals::default()
        };
        let text = "Home\nNews\nSport\nWeather\nContact us\nAbout\n";
        assert!(score(&farm, text) < 40, "{}", score(&farm, text));
        assert!(score(&farm, text) + 60 < score(&article(), &prose()));
    }

    #[test]
    fn a_cookie_wall_scores_far_below_an_article() {
        let wall = Signals {
            content_chars: 160,
            page_chars: 200,
            confidence: Some(Confidence {
                precision: 0.6,
                recall: 1.0,
            }),
            whole_body: true,
            ..Signals::default()
        };
        let text = "We use cookies to improve your experience. Accept all\nManage cookies\n\
            Privacy policy\nTerms of use";
        assert!(score(&wall, text) < 50, "{}", score(&wall, text));
    }

    #[test]
    fn an_unsure_region_choice_lowers_the_score() {
        let sure = score(&article(), &prose());
        let mut unsure = article();
        unsure.confidence = Some(Confidence {
            precision: 0.6,
            recall: 0.7,
        });
        assert!(score(&unsure, &prose()) + 15 <= sure);
    }

    #[test]
    fn structured_data_fallbacks_and_non_articles_score_lower() {
        let dom = score(&article(), &prose());
        let fallback = Signals {
            from_structured_data: true,
            confidence: None,
            ..article()
        };
        assert!(score(&fallback, &prose()) + 30 <= dom);
        let product = Signals {
            declared_non_article: true,
            ..article()
        };
        assert_eq!(score(&product, &prose()), dom - 10);
    }

    #[test]
    fn prose_outscores_short_numeric_lines() {
        let grid = "Size 42\n$19.99\nQty 1\nIn stock: 12\n".repeat(10);
        assert!(score(&article(), &prose()) >= score(&article(), &grid) + 18);
    }

    #[test]
    fn line_shape_counts_short_lines_and_digits_over_non_blank_lines() {
        let shape = text_shape("Price 42\n\n   \nOne two three four five six\nÜber 1");
        assert_eq!(shape.short_lines, 2.0 / 3.0);
        // "42" and "1": 3 digits over 8 + 27 + 6 characters (Ü is one).
        assert!((shape.digits - 3.0 / 41.0).abs() < 1e-6, "{}", shape.digits);
    }

    #[test]
    fn boilerplate_phrases_are_found_in_any_ascii_case() {
        assert_eq!(
            text_shape("We use COOKIES. Accept All. privacy Policy.").phrases,
            3
        );
        assert_eq!(text_shape("Follow us").phrases, 1);
        // A phrase at the very end, and one cut short by the end.
        assert_eq!(text_shape("read our newsletter").phrases, 1);
        assert_eq!(text_shape("read our newslett").phrases, 0);
        assert_eq!(text_shape("Ünïcödé text, no phrases").phrases, 0);
        // Only where a word starts: "blog in" holds no "log in".
        assert_eq!(text_shape("Read the blog in full").phrases, 0);
        let clean = score(&article(), &prose());
        let leaky = format!(
            "{}We use cookies. Privacy policy. Subscribe to our newsletter.",
            prose()
        );
        assert!(score(&article(), &leaky) + 10 <= clean);
    }
}
