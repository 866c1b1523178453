use url::Url;

use crate::{PageKind, extract};

fn url() -> Url {
    Url::parse("http://news.example/world/story.html").expect("valid")
}

/// Asserts that none of `absent` is in `text`, naming the first that is.
fn assert_lacks(text: &str, absent: &[&str]) {
    for a in absent {
        assert!(!text.contains(a), "{a} in {text}");
    }
}

/// Asserts that each of `present` is in `text`, naming the first that is not.
fn assert_has(text: &str, present: &[&str]) {
    for p in present {
        assert!(text.contains(p), "{p} not in {text}");
    }
}

const STORY: &str = r#"<!doctype html><html lang="en-GB"><head>
<title>Big storm hits coast | The Example Times</title>
<meta property="og:title" content="Big storm hits coast">
<meta property="og:type" content="article">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
<link rel="canonical" href="/world/big-storm">
</head><body class="single has-sidebar">
<header><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<article>
<h1>Big storm hits coast</h1>
<p>The storm arrived on Tuesday night with winds of more than one hundred kilometres an hour, forcing the closure of schools and roads along the whole coast.</p>
<p>Emergency services said they had answered hundreds of calls before dawn, most of them about fallen trees and flooded cellars in the low-lying districts.</p>
<div class="share-buttons"><p>Share this on social media</p></div>
<p>Forecasters expect the wind to ease by Thursday, but warned that heavy rain could still cause rivers to burst their banks over the weekend.</p>
<div class="author-box"><p>About Jane Roe: Jane has covered weather for ten years.</p></div>
<div class="related-posts"><h3>Check also</h3><ul><li><a href="/world/other">Other story</a></li></ul></div>
</article>
<aside><p>Most read today</p></aside>
<footer><p>Copyright The Example Times</p></footer>
</body></html>"#;

#[test]
fn article_text_without_boilerplate() {
    let page = extract(&url(), STORY);
    assert_eq!(page.kind, PageKind::Article);
    assert_eq!(page.title.as_deref(), Some("Big storm hits coast"));
    assert_eq!(page.authors, vec!["Jane Roe".to_owned()]);
    assert_eq!(page.published_at.as_deref(), Some("2026-11-20T08:00:00Z"));
    assert_eq!(page.language.as_deref(), Some("en-GB"));
    assert_eq!(
        page.canonical_url.as_ref().map(Url::as_str),
        Some("http://news.example/world/big-storm")
    );
    assert!(page.text.starts_with("The storm arrived"), "{}", page.text);
    assert!(page.text.ends_with("over the weekend."), "{}", page.text);
    assert_lacks(
        &page.text,
        &[
            "Share this",
            "About Jane",
            "Check also",
            "Other story",
            "Most read",
            "Copyright",
        ],
    );
    assert_eq!(page.text.matches("\n\n").count(), 2, "three paragraphs");
}

#[test]
fn links_are_absolute_deduplicated_and_respect_base() {
    let html = r#"<html><head><base href="http://cdn.example/base/"></head><body>
        <a href="a.html#x">A</a> <a href="a.html">A again</a> <a href="mailto:x@y.z">mail</a>
        <a href="javascript:void(0)">js</a> <a href="https://other.example/b"> B
        text </a> <a href="//proto.example/c">C</a></body></html>"#;
    let page = extract(&url(), html);
    let got: Vec<(&str, &str)> = page
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("http://cdn.example/base/a.html", "A"),
            ("https://other.example/b", "B text"),
            ("http://proto.example/c", "C"),
        ]
    );
}

#[test]
fn listing_page_is_not_an_article() {
    let items: String = (0..20)
        .map(|i| format!("<article class=\"card\"><h2><a href=\"/s/{i}\">Headline {i}</a></h2><p>Short teaser.</p></article>"))
        .collect();
    let page = extract(
        &url(),
        &format!("<html><body><main>{items}</main></body></html>"),
    );
    assert_eq!(page.kind, PageKind::Listing);
    assert_eq!(page.links.len(), 20);
}

#[test]
fn broken_and_hostile_input_does_not_panic() {
    // 100k levels: quadratic in html5ever's tree builder unless cut first.
    let deep = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(10);
    let deep_b = "<b><i>".repeat(50_000) + "x";
    // Stories inside stories, each under its headline: the body is chosen again once only.
    let stories = "<article><h1>Headline</h1><p>A story of a sentence or two, said again. \
                   </p>"
        .repeat(1_000);
    for html in [
        "",
        "<<<>>>",
        "\u{0}\u{1}binary\u{fffd}",
        "<p>no body tag</p>",
        deep.as_str(),
        deep_b.as_str(),
    ] {
        let page = extract(&url(), html);
        assert_ne!(page.kind, PageKind::Article);
    }
    assert!(extract(&url(), &deep).text.contains("deep text"));
    assert!(extract(&url(), &stories).text.contains("said again"));
    // Several scripts in one page.
    let mixed = "<p>English words, русские слова, 中文字符, العربية, ελληνικά, עברית, हिन्दी.</p>";
    assert!(extract(&url(), mixed).text.contains("中文字符"));
}

#[test]
fn a_20_mb_page_is_read_whole() {
    let paragraph = "<p>The council met again on Tuesday, and the budget, the bridge and the harbour \
                     were all on the agenda for a long evening of debate.</p>\n";
    let count = (20 << 20) / paragraph.len() + 1;
    let html = format!(
        "<html><body><article>{}</article></body></html>",
        paragraph.repeat(count)
    );
    assert!(html.len() >= 20 << 20);
    let page = extract(&url(), &html);
    assert_eq!(page.kind, PageKind::Article);
    assert_eq!(page.text.matches("long evening").count(), count);
    let page = extract(&url(), "<p>no body tag</p>");
    assert_eq!(page.text, "no body tag");
}

mod body;
mod boxes;
mod captions;
mod closing;
mod edges;
mod furniture;
mod kind;
mod languages;
mod layout;
mod no_story;
mod portals;
mod prompts;
mod stories;
