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

/// The language of `text` as an ISO 639-1 code, when the detector is confident.
pub(crate) fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    // Too little text says nothing; past that, whatlang's own reliability bar is strict for
    // a sentence or two, so a fair confidence is enough.
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.2 {
        return None;
    }
    let code = info.lang().code();
    let short = ISO_639_1
        .iter()
        .find(|(long, _)| *long == code)
        .map_or(code, |(_, short)| short);
    Some(short.to_owned())
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
}
