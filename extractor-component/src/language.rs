//! The content language: declared in markup when it is, else detected from the text.
//!
//! A declaration is trusted over detection because authors know their language and
//! detectors confuse close languages (no/da, hr/sr, ms/id) on short texts; detection is
//! only used when nothing well formed is declared, the text is long enough and the
//! detector itself calls its answer reliable.

/// Below this many letters trigram statistics are noise.
const MIN_LETTERS: usize = 60;
/// Detection cost grows with input; a few thousand characters settle any real page.
const SAMPLE_CHARS: usize = 4000;

/// A BCP 47-ish tag ("en", "pt-BR"), preferring `declared` when it is well formed.
pub fn detect(declared: Option<&str>, text: &str) -> Option<String> {
    if let Some(tag) = declared.and_then(normalize_tag) {
        return Some(tag);
    }
    detect_text(text)
}

/// Normalises a declared tag: `en_US` → `en-US`, `EN-gb` → `en-GB`, `zh-hant-tw` →
/// `zh-Hant-TW`. Private-use, wildcard and malformed tags give `None`.
pub fn normalize_tag(raw: &str) -> Option<String> {
    // `content-language` may list several ("en, fr"); the first is the primary one.
    let first = raw.split([',', ';']).next()?.trim();
    if first.is_empty() {
        return None;
    }
    let mut parts = first.split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    for (i, part) in parts.enumerate() {
        if part.is_empty() || part.len() > 8 || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        match part.len() {
            // Region ("US") or UN M.49 area ("419").
            2 | 3 if i < 2 => {
                if part.chars().all(|c| c.is_ascii_alphabetic()) {
                    out.push_str(&part.to_ascii_uppercase());
                } else {
                    out.push_str(part);
                }
            }
            // Script ("Hant").
            4 if i == 0 && part.chars().all(|c| c.is_ascii_alphabetic()) => {
                let lower = part.to_ascii_lowercase();
                let mut chars = lower.chars();
                if let Some(c) = chars.next() {
                    out.push(c.to_ascii_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// Detects the language of `text` and maps it to ISO 639-1, or `None` when unsure.
pub fn detect_text(text: &str) -> Option<String> {
    let sample: String = text.chars().take(SAMPLE_CHARS).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code()).map(str::to_string)
}

/// ISO 639-3 (as whatlang names languages) → ISO 639-1. Languages without a two-letter
/// code keep their three-letter one, which BCP 47 allows.
fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_are_normalised() {
        assert_eq!(normalize_tag("en_US").as_deref(), Some("en-US"));
        assert_eq!(normalize_tag("EN-gb").as_deref(), Some("en-GB"));
        assert_eq!(normalize_tag(" de ").as_deref(), Some("de"));
        assert_eq!(normalize_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize_tag("es-419").as_deref(), Some("es-419"));
        assert_eq!(normalize_tag("fr, en").as_deref(), Some("fr"));
        assert_eq!(normalize_tag(""), None);
        assert_eq!(normalize_tag("english"), None);
        assert_eq!(normalize_tag("*"), None);
        assert_eq!(normalize_tag("en--US"), None);
    }

    #[test]
    fn declared_wins_over_text() {
        let german = "Der schnelle braune Fuchs springt über den faulen Hund, \
                      und die Katze schläft den ganzen Tag auf dem warmen Sofa im Wohnzimmer.";
        assert_eq!(detect(Some("en_GB"), german).as_deref(), Some("en-GB"));
        // A malformed declaration falls back to detection.
        assert_eq!(detect(Some("??"), german).as_deref(), Some("de"));
    }

    #[test]
    fn detects_long_enough_text() {
        let french = "Le gouvernement a présenté mercredi un projet de loi destiné à \
                      renforcer la protection des données personnelles des citoyens, \
                      après plusieurs mois de consultations avec les associations.";
        assert_eq!(detect(None, french).as_deref(), Some("fr"));
        let spanish = "El ayuntamiento anunció ayer que las obras de la nueva biblioteca \
                       comenzarán el próximo mes y durarán aproximadamente dos años.";
        assert_eq!(detect(None, spanish).as_deref(), Some("es"));
    }

    #[test]
    fn short_or_letterless_text_is_not_guessed() {
        assert_eq!(detect(None, "Hello world"), None);
        assert_eq!(
            detect(None, "12 34 56 78 90 !!! ??? 12:30 2024-01-01 +++"),
            None
        );
        assert_eq!(detect(None, ""), None);
    }
}
