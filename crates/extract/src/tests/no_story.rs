//! Which pages are no story, whatever their text: error pages, a site's own pages, products,
//! events and forums, sections without stories, media players' pages, undated unsigned prose.

use url::Url;

use super::url;
use crate::{PageKind, extract};

#[test]
fn an_error_page_is_no_article_however_much_it_says() {
    let p = "<p>The page you were looking for may have been moved, renamed or removed, or the \
             link you followed may be broken. Try searching for what you wanted, or start again \
             from our home page, where the latest stories are.</p>";
    let page = |title: &str| {
        let html = format!(
            r#"<html><head><title>{title} | The Courier</title>
            <meta property="og:type" content="article"></head><body><main><article>
            <h1>Sorry, we could not find that page</h1>{p}{p}</article></main></body></html>"#
        );
        extract(&url(), &html).kind
    };
    for title in [
        "Page not found",
        "404",
        "Error 404 - Page not found",
        "Seite nicht gefunden",
        "Just a moment...",
        "Access Denied",
        "Attention Required! | Cloudflare",
        "Privacy-instellingen",
    ] {
        assert_eq!(page(title), PageKind::Other, "{title}");
    }
    // A story that opens with a number is a story.
    assert_eq!(page("404 jobs cut at the plant"), PageKind::Article);
    // A story titled as a cookie wall is, when it is long: a block page says little.
    let story = format!(
        r#"<html><head><title>Privacy settings - The Courier</title>
        <meta property="og:type" content="article"></head><body><main><article>
        <h1>Privacy settings</h1>{}</article></main></body></html>"#,
        p.repeat(6)
    );
    assert_eq!(extract(&url(), &story).kind, PageKind::Article);
}

#[test]
fn a_product_or_an_event_is_no_article_unless_its_markup_also_says_so() {
    let p = "<p>The trail runs for two kilometres along the river, from the old swing bridge to \
             the boathouse, with more than forty light installations by local artists.</p>";
    let page = |head: &str, tag: &str| {
        let html = format!(
            r#"<html><head>{head}</head><body><{tag}><h1>Winter Lights</h1>{p}{p}{p}</{tag}>
            </body></html>"#
        );
        extract(&url(), &html).kind
    };
    let event = r#"<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"MusicEvent","name":"Winter Lights","startDate":"2026-12-04"}</script>"#;
    let product = r#"<meta property="og:type" content="product">"#;
    assert_eq!(page(event, "div"), PageKind::Other);
    assert_eq!(page(product, "main"), PageKind::Other);
    // A story about the event, in an <article> or marked as one, is an article.
    assert_eq!(page(event, "article"), PageKind::Article);
    let story = format!(r#"{event}<meta property="og:type" content="article">"#);
    assert_eq!(page(&story, "div"), PageKind::Article);
}

#[test]
fn a_site_s_privacy_policy_or_about_page_is_no_article() {
    let p = "<p>We collect information you give us directly, such as your name and email address \
             when you sign up for a newsletter, and information collected automatically, such as \
             your IP address and the pages you visit.</p>";
    let html = format!(
        "<html><body><main><h1>Your data and us</h1><p>12 November 2026</p>{p}{p}{p}\
         </main></body></html>"
    );
    for path in [
        "/privacy-policy",
        "/ueber-uns",
        "/p/about.html",
        "/legal/imprint/",
        "/newsletters",
        "/newsletters/morning-brief/",
        "/about/editorial-standards/",
        "/editorial-guidelines",
        "/offers/black-friday-2026/",
        "/jobs/senior-reporter-business/",
    ] {
        let page = Url::parse(&format!("https://news.example{path}")).expect("valid");
        assert_eq!(extract(&page, &html).kind, PageKind::Other, "{path}");
    }
    for story in [
        "https://news.example/2026/11/privacy-rules-tightened",
        "https://news.example/newsletters/morning-brief/2026-11-27/",
        "https://news.example/news/about-the-new-privacy-rules",
        "https://news.example/business/jobs/2026/11/28/unemployment-falls",
    ] {
        let story = Url::parse(story).expect("valid");
        assert_eq!(extract(&story, &html).kind, PageKind::Article, "{story}");
    }
}

#[test]
fn a_forum_thread_is_no_article() {
    let post = |who: &str, said: &str| {
        format!(
            r#"<div class="crawler-post"><span class="creator"><a href="/u/{who}">{who}</a></span>
            <div class="post"><p>{said}</p></div></div>"#
        )
    };
    let said = "The A87 is a trunk road and gets gritted and ploughed, so it is rarely closed \
                for more than a few hours; check the traffic site the morning you go and leave \
                in daylight, and fill up with fuel before the pass.";
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@context":"http://schema.org",
        "@type":"DiscussionForumPosting","headline":"Best route to Skye in winter?",
        "datePublished":"2026-11-25T18:02:11Z"}}</script></head><body><div id="main-outlet">
        <h1>Best route to Skye in winter?</h1>{}{}{}</div></body></html>"#,
        post("glenrover", said),
        post("morag_k", said),
        post("skyeboy", said)
    );
    let page = Url::parse("https://forum.example/t/best-route-to-skye/48213").expect("valid");
    assert_eq!(extract(&page, &html).kind, PageKind::Other);
}

#[test]
fn a_puzzle_or_a_tv_guide_on_a_dated_url_is_no_article() {
    let p = "<p>Click a square or a clue to begin. Type your answer; use the arrow keys or Tab \
             to move between words. Press Check to see if your answers are right, or Reveal to \
             show a letter, a word or the whole grid.</p>";
    let html = format!("<html><body><main><h1>Daily Crossword</h1>{p}{p}</main></body></html>");
    for path in [
        "/games/crossword/2026-11-28/",
        "/tv/guide/2026-11-28/",
        // A story's page of readers' comments, WordPress's page of one picture.
        "/news/2026/11/25/tower/comments/",
        "/2026/11/28/lights/attachment/lights-1/",
        "/lottery/2026/11/28/lotto-results/",
        "/public-notices/2026/11/28/hearing-zoning-variance/",
        "/contests/win-tickets-to-the-panto/",
    ] {
        let page = Url::parse(&format!("https://news.example{path}")).expect("valid");
        assert_eq!(extract(&page, &html).kind, PageKind::Other, "{path}");
    }
    // A story about games is a story, in a games section too, and so is an opinion column.
    for story in [
        "https://news.example/2026/11/28/board-games-cafe-opens",
        "https://news.example/games/2026/11/28/zelda-review",
        "https://news.example/comment/2026/11/28/tower-is-wrong",
        "https://news.example/lottery/2026/11/28/leeds-winner-claims-jackpot",
    ] {
        let story = Url::parse(story).expect("valid");
        assert_eq!(extract(&story, &html).kind, PageKind::Article, "{story}");
    }
    // WordPress marks a picture's page in its body's class, whatever its permalink.
    let attachment = html.replace("<body>", r#"<body class="attachment single">"#);
    let story = Url::parse("https://news.example/2026/11/28/lights/lights-1/").expect("valid");
    assert_eq!(extract(&story, &attachment).kind, PageKind::Other);
}

#[test]
fn a_wordpress_static_page_is_no_article_though_marked_and_dated_as_one() {
    // "Work with us": an SEO plugin marks WordPress's static pages `og:type=article`, with a
    // date; the theme marks them in the body's class. Stories are posts.
    let p = "<p>We are a nonprofit newsroom covering government, schools and the environment in \
             the valley. We are a team of 14 journalists, and we are growing this winter.</p>";
    let html = |body_class: &str| {
        format!(
            r#"<html><head><meta property="og:type" content="article">
            <meta property="article:published_time" content="2025-02-10T09:00:00-06:00"></head>
            <body class="{body_class}"><article class="post-212 page type-page hentry">
            <h1>Join the Sentinel</h1>{p}{p}{p}</article></body></html>"#
        )
    };
    let page = Url::parse("https://news.example/work-with-us/").expect("valid");
    for class in [
        "page-template-default page page-id-212",
        "page-template-default page",
    ] {
        assert_eq!(
            extract(&page, &html(class)).kind,
            PageKind::Other,
            "{class}"
        );
    }
    // A post, and a page whose body's class only mentions pages, are stories.
    for class in [
        "post-template-default single single-post postid-212",
        "page-identity",
    ] {
        assert_eq!(
            extract(&page, &html(class)).kind,
            PageKind::Article,
            "{class}"
        );
    }
}

#[test]
fn unmarked_prose_is_an_article_only_when_dated_or_signed() {
    // A newsroom's "who we are" page, at a URL no list of a site's pages names: four
    // paragraphs of prose, and neither a date nor a byline.
    let paragraphs: String = [
        "We have reported on the towns and villages of the Firth since a printer began a weekly sheet of shipping news above his shop.",
        "Today we are an independent newsroom of eleven journalists, two photographers and a small team who look after subscribers.",
        "We cover councils, courts, schools, health services and sport, and we try to hold to account those who decide for readers.",
        "If you have a story for us or a complaint about something we have published, our office on Quay Street is open on weekdays.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect();
    let page = |line: &str| {
        let html = format!(
            "<html><body><main><h1>The Firth Gazette</h1>{line}{paragraphs}</main></body></html>"
        );
        let at = Url::parse("https://news.example/who-we-are/").expect("valid");
        extract(&at, &html).kind
    };
    assert_eq!(page(""), PageKind::Other);
    assert_eq!(page("<p><i>By Harold Finch</i></p>"), PageKind::Article);
    assert_eq!(page("<p>12 November 2026</p>"), PageKind::Article);
}

#[test]
fn a_sentence_or_two_under_a_recording_s_player_is_no_brief() {
    let notes = "<p>Host Amara Osei talks with reporter Ben Kowalski about why a century-old dam \
                 on the Lyle River has split the town of Greer.</p>";
    let page = |player: &str, text: &str| {
        let html = format!(
            r#"<html><head><meta property="og:type" content="article"></head><body><main>
            <h1>Episode 212: The fight over the dam</h1>{player}{text}</main></body></html>"#
        );
        extract(&url(), &html).kind
    };
    let audio = r#"<audio controls src="/mc/212.mp3"></audio>"#;
    assert_eq!(page("", notes), PageKind::Article);
    assert_eq!(page(audio, notes), PageKind::Other);
    assert_eq!(
        page(r#"<video src="/mc/212.mp4"></video>"#, notes),
        PageKind::Other
    );
    // A story told beside its recording is one.
    let story = format!(
        "{notes}<p>The dam was built in 1924 to power a mill that closed in the 1970s, and it \
         has held back a shallow lake ever since.</p><p>Anglers and the state's wildlife agency \
         want it gone; many residents who live along the lake want it kept.</p>"
    );
    assert_eq!(page(audio, &story), PageKind::Article);
}

#[test]
fn a_page_titled_as_a_site_s_own_is_no_article_at_any_url() {
    // A contact page at a URL no list names, dated: prose, phone numbers, addresses.
    let p = "<p>The newsroom is staffed from 7 a.m. to 11 p.m. every day. If you have a news tip, \
             a question about a story or a correction to report, call us at 555-0142.</p>";
    let html = |title: &str, h1: &str| {
        format!(
            "<html><head><title>{title}</title></head><body><main><h1>{h1}</h1>\
             <p>March 3, 2026</p>{p}{p}{p}</main></body></html>"
        )
    };
    let page = Url::parse("https://news.example/info/how-to-reach-us/").expect("valid");
    for (title, h1) in [
        ("How to reach us | The Lakeshore Ledger", "How to reach us"),
        ("Work with us - The Lakeshore Ledger", "Join the Ledger"),
        ("Impressum - Lakeshore Ledger", "Lakeshore Ledger"),
    ] {
        assert_eq!(
            extract(&page, &html(title, h1)).kind,
            PageKind::Other,
            "{h1}"
        );
    }
    // A story may start so.
    let title = "How to reach us in a storm: the county's new alert system";
    assert_eq!(extract(&page, &html(title, title)).kind, PageKind::Article);
}

#[test]
fn unmarked_prose_dated_only_by_its_last_update_is_no_article() {
    // A media kit, a list of school closings: maintained pages show when they were last
    // updated, a story when it was published.
    let p = "<p>The Harbor Light reaches 1.4 million readers a month across print, web, \
             newsletters and our mobile app, most of them within 30 miles of downtown.</p>";
    let page = |line: &str| {
        let html = format!(
            "<html><body><main><h1>Media kit 2027</h1><p>{line}</p>{p}{p}{p}</main></body></html>"
        );
        let at = Url::parse("https://news.example/media-kit-2027/").expect("valid");
        extract(&at, &html)
    };
    let updated = page("Updated October 1, 2026");
    assert_eq!(updated.kind, PageKind::Other);
    assert_eq!(updated.published_at.as_deref(), Some("2026-10-01"));
    assert_eq!(page("October 1, 2026").kind, PageKind::Article);
}

#[test]
fn a_page_signed_by_a_desk_and_dated_by_its_update_is_no_article() {
    // Community rules for comments: "By The Editors · Updated January 12, 2026".
    let p = "<p>We welcome comments on our stories and want the conversation to be useful to \
             everyone who reads it. Personal attacks and spam will be removed.</p>";
    let page = |line: &str| {
        let html = format!(
            "<html><body><div id=\"content\"><h1>Community rules for comments</h1>\
             <div class=\"byline\">{line}</div>{p}{p}{p}</div></body></html>"
        );
        let at = Url::parse("https://news.example/community-rules-for-readers").expect("valid");
        extract(&at, &html)
    };
    let desk = page("By The Editors · Updated January 12, 2026");
    assert!(desk.authors.is_empty(), "{:?}", desk.authors);
    assert_eq!(desk.kind, PageKind::Other);
    assert_eq!(
        page("By Jane Roe · Updated January 12, 2026").kind,
        PageKind::Article
    );
}
