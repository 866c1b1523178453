//! The language of a page without a declared one, detected from its body text.

/// ISO 639-1 codes of the languages whatlang tells apart (ISO 639-3 where there is none).
const ISO_639_1: &[(&str, &str)] = &[
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
    ("cym", "cy"),
];

/// Text looked at: detection is settled long before this.
const SAMPLE_BYTES: usize = 2048;

/// The page's language: the declared one, unless a site's template declares English over a
/// story plainly in another language (a long text with few English function words that the
/// detector is sure of); detected when none is declared.
pub(crate) fn settle(declared: Option<String>, text: &str) -> Option<String> {
    const SURE_LETTERS: usize = 500;
    const SURE: f64 = 0.9;
    let Some(declared) = declared else {
        return detect(text);
    };
    let primary = declared
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let sample = sample(text);
    if primary != "en"
        || reads_as_english(sample)
        || sample.chars().filter(|c| c.is_alphabetic()).count() < SURE_LETTERS
    {
        return Some(declared);
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() && info.confidence() >= SURE => {
            let code = iso_639_1(info.lang().code());
            Some(if code == primary {
                declared
            } else {
                code.to_owned()
            })
        }
        _ => Some(declared),
    }
}

/// Whether English function words make up a share of `text`'s words that no other language
/// gives them (about a fifth of English prose; "in" and "to" alone are no evidence).
fn reads_as_english(text: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &["the", "and", "of", "that", "is", "for", "with", "was"];
    let (mut words, mut function) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        function += usize::from(FUNCTION_WORDS.iter().any(|f| word.eq_ignore_ascii_case(f)));
    }
    function * 20 >= words.max(1)
}

/// The start of `text` the detector reads.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The ISO 639-1 code of a whatlang (ISO 639-3) code, where there is one.
fn iso_639_1(code: &str) -> &str {
    ISO_639_1
        .iter()
        .find(|(long, _)| *long == code)
        .map_or(code, |(_, short)| short)
}

/// The language of `text` as an ISO 639-1 code, when the detector is confident.
pub(crate) fn detect(text: &str) -> Option<String> {
    let sample = sample(text);
    // Too little text says nothing; past that, whatlang's own reliability bar is strict for
    // a sentence or two, so a fair confidence is enough.
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.2 {
        return None;
    }
    Some(iso_639_1(info.lang().code()).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_a_few_languages_and_declines_noise() {
        let cases = [
            (
                "The council approved the budget for the new bridge after a long debate on Tuesday evening.",
                "en",
            ),
            (
                "Le conseil municipal a approuvé mardi soir le budget du nouveau pont après un long débat.",
                "fr",
            ),
            (
                "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für die neue Brücke beschlossen.",
                "de",
            ),
            (
                "Городской совет во вторник вечером после долгих дебатов утвердил бюджет нового моста.",
                "ru",
            ),
            ("市议会周二晚上经过长时间辩论后批准了新桥的预算。", "zh"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(detect("12 34 !!"), None);
    }

    #[test]
    fn a_declared_language_stands_unless_a_long_story_is_plainly_in_another() {
        let german = "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für \
                      die neue Brücke beschlossen, die im kommenden Jahr gebaut werden soll. "
            .repeat(5);
        let declared = |lang: &str, text: &str| settle(Some(lang.to_owned()), text);
        assert_eq!(declared("en", &german).as_deref(), Some("de"));
        assert_eq!(declared("de-CH", &german).as_deref(), Some("de-CH"));
        let english = "The council approved the budget for the new bridge after a long debate \
                       that ran late into the night, and the mayor said she was pleased. "
            .repeat(5);
        assert_eq!(declared("en-US", &english).as_deref(), Some("en-US"));
        // A sentence or two is too little to overrule the page.
        assert_eq!(declared("en", &german[..200]).as_deref(), Some("en"));
        assert_eq!(settle(None, &german).as_deref(), Some("de"));
    }
}
