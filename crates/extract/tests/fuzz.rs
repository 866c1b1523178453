//! Property tests: `extract` never panics, on arbitrary text and on tag soup built from the
//! pieces real pages are made of. 2,000 cases each (a few seconds), so CI runs them in bounded
//! time; failures are shrunk and saved by proptest for replay.

use newscrawl_extract::extract;
use proptest::prelude::*;
use url::Url;

const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<a href=\"/x\">",
    "<a href='javascript:x'>",
    "</a>",
    "<article>",
    "</article>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<br>",
    "<br/>",
    "<h1>",
    "</h1>",
    "<li>",
    "<ul>",
    "</ul>",
    "<base href=\"http://other.example/\">",
    "<meta property=\"og:type\" content=\"article\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"name\":",
    "\"}]}",
    "<time datetime=\"2026-11-27\">",
    // Metadata whose character references are decoded a second time.
    "<meta property=\"og:title\" content=\"",
    "&amp;#x1F62D;",
    "&amp;amp;",
    "&amp;",
    "&#x0;",
    "&nbsp;",
    "<",
    ">",
    "\"",
    "'",
    "text, with commas, ",
    "é",
    "日本語",
    "\u{0}",
    "\u{fffd}",
    "<div class=\"author-box\">",
    "<div class=\"content\">",
    "<span class=\"visually-hidden\">",
    "</span>",
    "<h2>",
    "</h2>",
    "Sign up for our newsletter. ",
    "<noscript>",
    "<template>",
    "<svg>",
    "<math>",
    "<frameset>",
    // Attributes the pre-parse scan drops or keeps, and the characters that delimit them.
    "<img data-src=x srcset=",
    "<p title=",
    "<a data-é='",
    " onclick=",
    " class=",
    " alt",
    "=",
    "/",
    " ",
    // Indentation the scan shrinks, and the elements whose whitespace it keeps.
    "\n    ",
    "\t \r\n",
    "<pre>",
    "</pre>",
    "<LISTING>",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(html in any::<String>()) {
        let url = Url::parse("http://fuzz.example/a/b").expect("valid");
        let page = extract(&url, &html);
        prop_assert!(page.links.iter().all(|l| l.url.scheme().starts_with("http")));
    }

    #[test]
    fn tag_soup_never_panics(html in soup()) {
        let url = Url::parse("http://fuzz.example/a/b").expect("valid");
        let page = extract(&url, &html);
        prop_assert!(page.text.len() <= html.len() * 2);
    }
}
