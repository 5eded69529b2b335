//! Repair of mojibake: UTF-8 text that was decoded once too often, as Windows-1252
//! or Latin-1, on its way into the page ("AIâ€™s" for "AI’s", "cafÃ©" for "café").
//! Browsers show it as it is, but no reader wants it, and search indexes and
//! language models read "â€™" as words.
//!
//! Each run of characters that map back to the bytes of one well-formed UTF-8
//! sequence (a lead byte, then continuation bytes) is replaced by the character it
//! encodes. A lone accented letter is not such a run ("café", "São" stay), and a
//! run that does not decode is left as it is.

use std::borrow::Cow;

/// Windows-1252's characters for bytes 0x80–0x9F; the five bytes it leaves
/// undefined read as the C1 controls Latin-1 gives them.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The byte a character stands for when UTF-8 was read as Windows-1252 or Latin-1.
fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xFF => Some(c as u32 as u8),
        // Outside the span of Windows-1252's own characters ("Œ" to "™").
        0..=0x151 | 0x2123.. => None,
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == c)
            .map(|k| 0x80 + k as u8),
    }
}

/// `text` with its mojibake repaired; borrowed when there is none.
pub fn repair(text: &str) -> Cow<'_, str> {
    // A lead byte ("Â".."ô") followed by a continuation byte's character: without
    // such a pair (most text, accented letters included) there is nothing to repair.
    let mut previous_lead = false;
    let suspect = text.chars().any(|c| {
        let continuation = previous_lead && byte_of(c).is_some_and(|b| (0x80..=0xBF).contains(&b));
        previous_lead = ('\u{c2}'..='\u{f4}').contains(&c);
        continuation
    });
    if !suspect {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut k = 0;
    while k < chars.len() {
        if let Some((decoded, used)) = decode_at(&chars[k..]) {
            out.push(decoded);
            k += used;
            changed = true;
        } else {
            out.push(chars[k]);
            k += 1;
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Repairs `text` where it holds mojibake, leaving it untouched (no copy) where not.
pub fn repair_in_place(text: &mut String) {
    if let Cow::Owned(fixed) = repair(text) {
        *text = fixed;
    }
}

/// The character whose UTF-8 bytes the first characters of `chars` stand for, and
/// how many characters that took.
fn decode_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = byte_of(*chars.first()?)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for (k, slot) in bytes.iter_mut().enumerate().take(len).skip(1) {
        let b = byte_of(*chars.get(k)?)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    Some((decoded, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_read_as_windows_1252_or_latin_1_is_repaired() {
        for (broken, fixed) in [
            ("AIâ€™s transformative impact", "AI’s transformative impact"),
            ("â€œQuotedâ€\u{9d} and â€” dashes", "“Quoted” and — dashes"),
            ("cafÃ© au lait", "café au lait"),
            // Latin-1's reading: the bytes after "â" are C1 controls.
            ("flexbox \u{e2}\u{80}\u{94} flexibly", "flexbox — flexibly"),
            ("price: 5Â\u{a0}€", "price: 5\u{a0}€"),
        ] {
            assert_eq!(repair(broken), fixed, "{broken}");
        }
    }

    #[test]
    fn extraction_repairs_text_and_metadata() {
        let html = "<html><head><title>Whatâ€™s new</title></head><body><article>\
                    <h1>Whatâ€™s new</h1><p>Weâ€™ve rebuilt the river gauges this year, \
                    and the readings now reach the town hall every ten minutes, day and \
                    night, through the whole flood season.</p></article></body></html>";
        let out =
            crate::extract(html, "https://example.com/", &crate::Mode::Article).unwrap_or_default();
        assert_eq!(out.title.as_deref(), Some("What’s new"));
        assert!(out.text.contains("We’ve rebuilt"), "{}", out.text);
        assert!(out.markdown.contains("We’ve rebuilt"), "{}", out.markdown);
    }

    #[test]
    fn text_in_its_own_accents_is_left_alone() {
        for text in [
            "café, São Paulo, Straße, naïve",
            "voilà !",
            "Ãrvore",
            "plain ASCII",
            "日本語のテキスト",
            "Â",
        ] {
            assert!(matches!(repair(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
