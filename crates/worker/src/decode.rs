//! Bytes to text: BOM, then the HTTP charset, then `<meta charset>`, then detection.
//!
//! A declared charset the bytes plainly contradict loses to detection: legacy bytes labelled
//! UTF-8 (invalid UTF-8) and UTF-8 labelled as a legacy charset (valid UTF-8 with non-ASCII
//! bytes, which text in windows-1252, GBK, Shift_JIS and the like almost never is) are the two
//! mislabellings seen in the wild, the second typically a page re-saved as UTF-8.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the document `<meta charset>` is looked for (the HTML prescan limit).
const PRESCAN: usize = 1024;

/// Decodes an HTML body. Malformed sequences become U+FFFD; never fails.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    let encoding = match Encoding::for_bom(body) {
        Some((bom, _)) => bom,
        None => content_type
            .and_then(charset_param)
            .and_then(html_label)
            .or_else(|| meta_charset(&body[..body.len().min(PRESCAN)]))
            .filter(|declared| !contradicted(declared, body))
            .unwrap_or_else(|| {
                // Valid UTF-8 is UTF-8 (and ASCII reads the same either way): detection is
                // for the legacy encodings, and costs more than the parse.
                if valid_utf8(body) {
                    UTF_8
                } else {
                    detect(body)
                }
            }),
    };
    // `decode` sniffs the BOM itself and removes it.
    let (text, used, _) = encoding.decode(body);
    (text.into_owned(), used.name())
}

fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// A label as HTML uses it: UTF-16 in a `<meta>` means UTF-8, x-user-defined means windows-1252.
fn html_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.as_bytes())?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            WINDOWS_1252
        } else {
            encoding
        },
    )
}

/// Finds `charset=` inside a `<meta ...>` tag of the prescan window.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut rest = lower.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&c| c == b'>').unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(at) = find(tag, b"charset") {
            let value = tag[at + 7..].iter().skip_while(|c| {
                c.is_ascii_whitespace() || **c == b'=' || **c == b'"' || **c == b'\''
            });
            let label: Vec<u8> = value
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect();
            if let Some(encoding) = std::str::from_utf8(&label).ok().and_then(html_label) {
                return Some(encoding);
            }
        }
        rest = &rest[start + 5..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Whether the bytes cannot be in the declared charset (see the module docs).
fn contradicted(declared: &'static Encoding, body: &[u8]) -> bool {
    if declared == UTF_8 {
        !valid_utf8(body)
    } else {
        valid_utf8(body) && !body.is_ascii()
    }
}

/// Valid UTF-8, allowing a body cut at the size cap inside its last character.
fn valid_utf8(body: &[u8]) -> bool {
    match std::str::from_utf8(body) {
        Ok(_) => true,
        Err(err) => err.error_len().is_none(),
    }
}

fn detect(body: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(body, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let body = b"\xEF\xBB\xBF<meta charset=iso-8859-1>caf\xC3\xA9";
        assert_eq!(
            decode_html(body, Some("text/html; charset=windows-1251")),
            ("<meta charset=iso-8859-1>café".into(), "UTF-8")
        );
    }

    #[test]
    fn header_then_meta_then_detection() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head>caf\xE9</html>";
        assert_eq!(
            decode_html(latin1, Some("text/html; charset=\"windows-1252\"")).1,
            "windows-1252"
        );
        assert_eq!(decode_html(latin1, Some("text/html")).1, "windows-1252");
        let ascii = b"<html><head><meta charset=\"iso-8859-1\"></head>cafe</html>";
        assert_eq!(
            decode_html(ascii, Some("text/html; charset=\"UTF-8\"")).1,
            "UTF-8"
        );
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">";
        assert_eq!(decode_html(equiv, None).1, "Shift_JIS");
        let cyrillic =
            "Новости дня: правительство объявило о новых мерах поддержки экономики".as_bytes();
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(std::str::from_utf8(cyrillic).expect("utf8"));
        let (text, name) = decode_html(&koi8, None);
        assert!(
            name == "KOI8-R" || text.contains("Новости"),
            "{name}: {text}"
        );
    }

    #[test]
    fn a_charset_the_bytes_contradict_loses_to_detection() {
        let latin1 = "<p>Le café crème coûte deux euros à Montréal, déjà trop cher.</p>";
        let (bytes, _, _) = WINDOWS_1252.encode(latin1);
        let (text, name) = decode_html(&bytes, Some("text/html; charset=utf-8"));
        assert_eq!((text.as_str(), name), (latin1, "windows-1252"));
        let (text, name) = decode_html(latin1.as_bytes(), Some("text/html; charset=iso-8859-1"));
        assert_eq!((text.as_str(), name), (latin1, "UTF-8"));
        let chinese = "<meta charset=gb2312><p>人工智能迈上新台阶</p>";
        assert_eq!(
            decode_html(chinese.as_bytes(), None),
            (chinese.to_owned(), "UTF-8")
        );
        let (gbk, _, _) = encoding_rs::GBK.encode(chinese);
        assert_eq!(decode_html(&gbk, None).1, "GBK");
        // Cut inside the last character (at the size cap): still UTF-8.
        let cut = &"déjà vu".as_bytes()[..5];
        assert_eq!(
            decode_html(cut, Some("text/html; charset=utf-8")).1,
            "UTF-8"
        );
    }

    #[test]
    fn utf16_meta_means_utf8_and_garbage_does_not_panic() {
        assert_eq!(decode_html(b"<meta charset=utf-16>x", None).1, "UTF-8");
        let (text, _) = decode_html(
            b"\xff\xfe\xfd\x00\x80<meta charset=",
            Some("text/html; charset=nonsense"),
        );
        assert!(!text.is_empty());
    }
}
