//! Metadata: which keys win, how marks are found, what is decoded.

use scraper::Html;
use url::Url;

use super::read;

fn meta(head: &str) -> super::Meta {
    let html = format!("<html><head>{head}</head><body><h1>Shown headline</h1></body></html>");
    let url = Url::parse("http://news.example/a").expect("valid");
    read(&Html::parse_document(&html), &url)
}

#[test]
fn the_site_named_as_author_gives_way_to_the_byline() {
    let url = Url::parse("http://news.example/a").expect("valid");
    let page = |byline: &str| {
        let html = format!(
            r#"<html><head><meta property="og:site_name" content="Daily Gazette">
            <meta name="author" content="Daily Gazette"></head><body><h1>Budget</h1>
            {byline}<p>The council passed the budget.</p></body></html>"#
        );
        read(&Html::parse_document(&html), &url).authors
    };
    assert_eq!(
        page(r#"<div class="byline">By <a href="/jr">Jane Roe</a></div>"#),
        ["Jane Roe"]
    );
    assert_eq!(page(""), ["Daily Gazette"], "no one else named");
    let html = r#"<html><head><meta name="author" content="Redação"></head><body>
        <h1>Ônibus</h1><div>Por <strong>Carla Mendes</strong></div><p>A prefeitura.</p>"#;
    assert_eq!(
        read(&Html::parse_document(html), &url).authors,
        ["Carla Mendes"]
    );
    // A desk alone names nobody.
    for desk in [
        "Redacción",
        "Redazione ANSA",
        "ویب ڈیسک",
        "Staff",
        "Brand Studio",
    ] {
        let html = format!(
            r#"<html><head><meta name="author" content="{desk}"></head><body><h1>Ciclovía</h1>
            <div class="nota-autor">Por <strong>{desk}</strong></div><p>El gobierno.</p>"#
        );
        assert!(
            read(&Html::parse_document(&html), &url).authors.is_empty(),
            "{desk}"
        );
    }
    // Without og:site_name, JSON-LD's publisher names the site.
    let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",
        "author": {"@type": "Organization", "name": "Daily Gazette"},
        "publisher": {"@type": "Organization", "name": "Daily Gazette"}}</script></head>
        <body><h1>Budget</h1><div class="byline">By <a href="/jr">Jane Roe</a></div>
        <p>The council passed the budget.</p></body></html>"#;
    assert_eq!(
        read(&Html::parse_document(html), &url).authors,
        ["Jane Roe"]
    );
}

#[test]
fn meta_keys_count_by_preference_not_by_order() {
    let m = meta(
        r#"<title>Title element</title>
        <meta name="author" content="Second Choice">
        <meta property="og:title twitter:title" content="Social title">
        <meta property="x:title dc:title" content="Dublin Core title">
        <meta property="dc:creator twitter:site_name" content="Creator Name">
        <meta name="description" content="Plain">
        <meta property="dc:description og:description" content="Preferred">"#,
    );
    assert_eq!(m.title.as_deref(), Some("Dublin Core title"));
    assert_eq!(m.authors, ["Creator Name"]);
    assert_eq!(m.description.as_deref(), Some("Preferred"));
}

#[test]
fn highwire_citation_tags_name_the_authors_and_the_date() {
    let m = meta(
        r#"<meta name="citation_author" content="Okafor, Daniel">
        <meta name="citation_author" content="Mary Ann Lee">
        <meta name="citation_publication_date" content="2026/11/20">"#,
    );
    assert_eq!(m.authors, ["Daniel Okafor", "Mary Ann Lee"]);
    assert_eq!(m.published_at.as_deref(), Some("2026-11-20"));
}

#[test]
fn opengraph_article_keys_are_read_with_their_og_prefix_too() {
    let m = meta(
        r#"<meta property="og:article:author" content="BBC News">
        <meta property="og:article:published_time" content="2015-07-24T12:00:00+01:00">"#,
    );
    assert_eq!(m.authors, ["BBC News"]);
    assert_eq!(m.published_at.as_deref(), Some("2015-07-24T12:00:00+01:00"));
}

#[test]
fn marks_are_the_first_non_empty_in_document_order_wherever_they_are() {
    let html = r#"<html lang=" de-CH "><head><title> Page title </title>
        <link rel="stylesheet" href="/s.css"><link rel="Alternate CANONICAL" href="/first">
        <link rel="canonical" href="/second"><base href=""><base href="http://cdn.example/b/">
        <script type=" Application/LD+JSON ">{"@type": "NewsArticle", "author": "Ld Author"}</script>
        </head><body><h1>Shown</h1><span itemprop="datePublished" content="">x</span>
        <time datetime="2020-01-02T03:04:05Z">Jan 2</time>
        <span itemprop="datePublished" datetime="2021-05-06">May 6</span></body></html>"#;
    let m = read(
        &Html::parse_document(html),
        &Url::parse("http://news.example/a").expect("valid"),
    );
    assert_eq!(m.language.as_deref(), Some("de-CH"));
    assert_eq!(m.base.as_str(), "http://cdn.example/b/");
    assert_eq!(
        m.canonical.as_ref().map(Url::as_str),
        Some("http://news.example/first")
    );
    assert_eq!(m.authors, ["Ld Author"]);
    // An empty datePublished is passed over; the next one outranks the <time>.
    assert_eq!(m.published_at.as_deref(), Some("2021-05-06"));
}

#[test]
fn the_candidate_the_page_shows_wins() {
    let m = meta(
        r#"<meta property="og:title" content="Social title">
        <meta name="twitter:title" content="Shown headline">"#,
    );
    assert_eq!(m.title.as_deref(), Some("Shown headline"));
    let m = meta(r#"<meta name="parsely-title" content="Parsely title">"#);
    assert_eq!(m.title.as_deref(), Some("Parsely title"));
}

#[test]
fn metadata_escaped_twice_or_in_json_ld_is_decoded() {
    let m = meta(
        r#"<meta property="og:description" content="Politics &amp;amp; Tech&amp;nbsp;">
        <meta property="og:image" content="/i.jpg?w=750&amp;amp;h=500">
        <meta property="article:tag" content="Privacy &amp;amp; Technology">
        <title>Title element</title>
        <script type="application/ld+json">{"@type": "NewsArticle",
            "headline": "It&#8217;s Shown &amp; Told", "author": {"name": "Zo&euml; Roe"}}
        </script>"#,
    );
    assert_eq!(m.description.as_deref(), Some("Politics & Tech"));
    assert_eq!(
        m.image.as_ref().map(Url::as_str),
        Some("http://news.example/i.jpg?w=750&h=500")
    );
    assert_eq!(m.tags, ["Privacy & Technology"]);
    assert_eq!(m.authors, ["Zoë Roe"]);
    assert_eq!(m.title.as_deref(), Some("It\u{2019}s Shown & Told"));
}

#[test]
fn a_bylines_by_word_goes_in_its_language_and_a_name_that_opens_alike_stays() {
    let url = Url::parse("http://news.example/a").expect("valid");
    let authors = |lang: &str, byline: &str| {
        let html = format!(
            r#"<html lang="{lang}"><body><h1>Title</h1><div class="post-author">{byline}</div>
            <p>Text.</p></body></html>"#
        );
        read(&Html::parse_document(&html), &url).authors
    };
    assert_eq!(authors("ca", "Per Jordi Puig"), ["Jordi Puig"]);
    assert_eq!(authors("sw", "Na Juma Mwinyi"), ["Juma Mwinyi"]);
    assert_eq!(authors("ms", "Oleh Ahmad Faizal"), ["Ahmad Faizal"]);
    assert_eq!(authors("bg", "Автор: Мария Петрова"), ["Мария Петрова"]);
    assert_eq!(authors("sq", "Nga Arben Hoxha"), ["Arben Hoxha"]);
    assert_eq!(authors("en", "Nga Pham"), ["Nga Pham"]);
    assert_eq!(authors("no", "Per Olsen"), ["Per Olsen"]);
    assert_eq!(authors("en", "Na Young Kim"), ["Na Young Kim"]);
}

#[test]
fn a_line_opening_with_a_writer_label_after_the_headline_names_the_writer() {
    let url = Url::parse("http://news.example/a").expect("valid");
    for (line, name) in [
        ("Müəllif: Elvin Məmmədov · 27 noyabr 2026", "Elvin Məmmədov"),
        (
            "Autors: Jānis Bērziņš · 2026. gada 27. novembris",
            "Jānis Bērziņš",
        ),
        ("ಲೇಖಕ: ಮಂಜುನಾಥ್ ಗೌಡ · ನವೆಂಬರ್ 27, 2026", "ಮಂಜುನಾಥ್ ಗೌಡ"),
    ] {
        let html = format!(
            "<html><body><h1>Title</h1><p class=\"meta\">{line}</p><p>Text.</p></body></html>"
        );
        assert_eq!(
            read(&Html::parse_document(&html), &url).authors,
            [name],
            "{line}"
        );
    }
}

#[test]
fn an_organisation_beside_people_and_a_newsrooms_staff_are_no_authors() {
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "author": [
        {"@type": "Person", "name": "Jane Roe"},
        {"@type": "NewsMediaOrganization", "name": "Town News"}]}</script>"#;
    assert_eq!(meta(ld).authors, ["Jane Roe"]);
    // An organisation alone stays (a wire's story).
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "author":
        [{"@type": "Organization", "name": "Reuters"}]}</script>"#;
    assert_eq!(meta(ld).authors, ["Reuters"]);
    for staff in [
        "Town News Staff",
        "Times Staff Report",
        "Picture desk",
        "Business Desk",
    ] {
        let tag = format!(r#"<meta name="author" content="{staff}">"#);
        assert!(meta(&tag).authors.is_empty(), "{staff}");
    }
}

#[test]
fn a_post_on_a_social_platform_says_it_is_a_story_and_gives_its_date() {
    let m = meta(
        r#"<script type="application/ld+json">{"@type": "SocialMediaPosting",
        "datePublished": "2014-09-02T08:35:27-04:00", "headline": "The Bountiful Update"}
        </script>"#,
    );
    assert!(m.says_article);
    assert_eq!(m.published_at.as_deref(), Some("2014-09-02T08:35:27-04:00"));
    // A forum's thread is a posting too, and no story.
    let m = meta(
        r#"<script type="application/ld+json">{"@type": "DiscussionForumPosting",
        "datePublished": "2014-09-02T08:35:27-04:00"}</script>"#,
    );
    assert!(!m.says_article && m.says_other);
}
