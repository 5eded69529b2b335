//! Word counting with the corpus' notion of a word: a run of Unicode word characters
//! (letters, digits, combining marks, connector punctuation — regex `\w`).

/// Number of words in `text`.
pub fn count(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        // ASCII (most text) needs none of the Unicode tables.
        let w = if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '_'
        } else {
            is_word_char(c)
        };
        if w && !in_word {
            words += 1;
        }
        in_word = w;
    }
    words
}

/// Approximates regex `\w` without Unicode tables: alphanumerics, `_`, and the
/// combining-mark ranges of the scripts where marks sit inside words.
pub fn is_word_char(c: char) -> bool {
    if c.is_alphanumeric() || c == '_' {
        return true;
    }
    let u = c as u32;
    matches!(
        u,
        0x0300..=0x036F
            | 0x0483..=0x0489
            | 0x0591..=0x05C7
            | 0x0610..=0x061A
            | 0x064B..=0x065F
            | 0x0670
            | 0x06D6..=0x06ED
            | 0x0900..=0x0963
            | 0x0966..=0x0DFF
            | 0x0E31..=0x0E4E
            | 0x0EB1..=0x0ECD
            | 0x0F18..=0x0FBC
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x200C..=0x200D
            | 0x203F..=0x2040
            | 0x20D0..=0x20FF
            | 0x3099..=0x309A
            | 0xFE20..=0xFE2F
            | 0xFE33..=0xFE34
            | 0xFF3F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_unicode_words() {
        assert_eq!(count(""), 0);
        assert_eq!(count("  Hello, world! it's 2025 "), 5);
        assert_eq!(count("naïve café — déjà vu"), 4);
        // Devanagari vowel signs are marks inside one word.
        assert_eq!(count("हिन्दी भाषा"), 2);
        assert_eq!(count("snake_case word"), 2);
    }
}
