//! Which pages are articles: the kind rules.

use url::Url;

use super::{STORY, url};
use crate::{PageKind, extract};

#[test]
fn a_chinese_story_in_short_paragraphs_is_an_article() {
    // Fifty characters of Chinese say about what 150 of English do: each paragraph is prose.
    let para = "谷歌在二零一四年收购的人工智能公司开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。";
    let links: String = (0..12)
        .map(|i| format!(r#"<li><a href="/n/{i}">新闻{i}</a></li>"#))
        .collect();
    let paras: String = (1..=4).map(|i| format!("<p>第{i}段。{para}</p>")).collect();
    let html = format!(
        "<html><body><ul>{links}</ul><div><p>2026年11月12日</p>{paras}</div></body></html>"
    );
    let page = extract(&url(), &html);
    assert!(page.links.len() >= 10);
    assert_eq!(page.kind, PageKind::Article, "{}", page.text);
}

#[test]
fn a_front_page_is_no_article_whatever_its_markup_says() {
    // The story page's own markup (og:type article, prose in an <article>), served as a front
    // page: some sites mark every page so.
    for front in ["http://news.example/", "http://news.example/index.html"] {
        let page = extract(&Url::parse(front).expect("valid"), STORY);
        assert_ne!(page.kind, PageKind::Article, "{front}");
    }
    assert_eq!(extract(&url(), STORY).kind, PageKind::Article);
}

#[test]
fn a_section_front_of_headlines_and_summaries_is_a_listing_and_a_listicle_is_not() {
    let summary =
        "The summary of this story runs to a sentence of some length, as section fronts have it.";
    let cards: String = (0..12)
        .map(|i| {
            format!(
                r#"<div class="card"><h2><a href="/world/story-{i}">Headline {i}</a></h2><p>Story {i}. {summary}</p></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="article"></head><body><main><h1>World</h1>{cards}</main></body></html>"#
    );
    let section = extract(
        &Url::parse("http://news.example/world/").expect("valid"),
        &html,
    );
    assert_eq!(section.kind, PageKind::Listing, "{}", section.text);

    // Linked headings, each with a review of its own: one story.
    let review = "This game is a delight from start to end, with levels that grow harder at just the right pace and a score that stays in the head for days. ".repeat(3);
    let items: String = (0..8)
        .map(|i| format!(r#"<h2><a href="/games/{i}">Game {i}</a></h2><p>{review}</p>"#))
        .collect();
    let html = format!(
        "<html><body><article><h1>The eight best games</h1>{items}</article></body></html>"
    );
    let listicle = extract(&url(), &html);
    assert_eq!(listicle.kind, PageKind::Article);

    // A wire story of short paragraphs with a few linked headlines below it: one story.
    let paragraphs: String = (0..12)
        .map(|i| format!("<p>Paragraph {i} of the wire story says what happened in a sentence or two, as wire copy does, with the agency's dateline and a quote.</p>"))
        .collect();
    let more: String = (0..5)
        .map(|i| {
            format!(
                r#"<h3><a href="/world/more-{i}">More {i}</a></h3><p>A line on another story.</p>"#
            )
        })
        .collect();
    let html =
        format!("<html><body><article><h1>Storm</h1>{paragraphs}{more}</article></body></html>");
    let wire = extract(&url(), &html);
    assert_eq!(wire.kind, PageKind::Article, "{}", wire.text);

    // Headings linked to their own sections point nowhere else.
    let sections: String = (0..12)
        .map(|i| {
            format!(r##"<h2><a href="#s{i}">Section {i}</a></h2><p>Story {i}. {summary}</p>"##)
        })
        .collect();
    let html = format!("<html><body><article><h1>Guide</h1>{sections}</article></body></html>");
    assert_eq!(extract(&url(), &html).kind, PageKind::Article);
}

#[test]
fn one_long_text_broken_by_single_line_breaks_is_an_article() {
    let line =
        "The council met on Tuesday and voted to keep the library open for another year.<br>";
    let nav: String = (0..12)
        .map(|i| format!(r#"<li><a href="/page/{i}">Page {i}</a></li>"#))
        .collect();
    let html = format!(
        "<html><body><ul>{nav}</ul><td>By Ruth Keller<br><br>{}</td></body></html>",
        line.repeat(20)
    );
    let page = extract(&url(), &html);
    assert!(!page.text.contains("\n\n"), "one block: {}", page.text);
    assert_eq!(page.kind, PageKind::Article);
}

#[test]
fn an_author_page_of_a_few_teasers_is_a_listing_however_few_its_links() {
    let summary = "A summary of the story, which tells the reader what happened at the meeting and why it matters for the town.";
    let posts: String = (0..6)
        .map(|i| {
            format!(
                r#"<div class="post"><h2><a href="/2024/05/story-{i}">Headline {i}</a></h2><p>{summary}</p></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><div id="content"><h1>Author: Jane Roe</h1>{posts}</div></body></html>"#
    );
    let page = extract(
        &Url::parse("http://news.example/author/jane-roe/").expect("valid"),
        &html,
    );
    assert!(page.links.len() < 10);
    assert_eq!(page.kind, PageKind::Listing, "{}", page.text);
}

#[test]
fn a_brief_that_says_it_is_an_article_is_one_and_a_short_notice_is_not() {
    let page = |head: &str, text: &str| {
        let html = format!(
            r#"<html><head>{head}</head><body><article><h1>Road closed</h1>{text}</article>
            </body></html>"#
        );
        extract(&url(), &html).kind
    };
    let brief = "<p>The A12 is closed in both directions near Ashford after a crash involving two \
                 lorries, police said.</p><p>Drivers are advised to avoid the area.</p>";
    let article = r#"<meta property="og:type" content="article">"#;
    assert_eq!(page(article, brief), PageKind::Article);
    assert_eq!(
        page("", brief),
        PageKind::Article,
        "an <article> says so too"
    );
    assert_ne!(page(article, "<p>Page not found.</p>"), PageKind::Article);
    // One sentence is a brief too, in any script.
    let one = "<p>The coast road is closed after a landslide; no one was hurt, police said.</p>";
    assert_eq!(page(article, one), PageKind::Article);
    let chinese = "<p>周五晚上发生山体滑坡后，沿海公路已经封闭，警方说没有人受伤。</p>";
    assert_eq!(page(article, chinese), PageKind::Article);
    // Without markup saying so, a brief is not enough; a date in the URL's path says so.
    let html = format!("<html><body><div><h1>Road closed</h1>{brief}</div></body></html>");
    assert_ne!(extract(&url(), &html).kind, PageKind::Article);
    let dated = Url::parse("http://news.example/2026/11/12/road-closed").expect("valid");
    assert_eq!(extract(&dated, &html).kind, PageKind::Article);
    // A day's paper is dated too: its one sentence under the day's headlines is no brief.
    let headlines: String = (1..=5)
        .map(|i| {
            format!(
                r#"<li><a href="/news/2026/11/12/s{i}">Headline of the story number {i}</a></li>"#
            )
        })
        .collect();
    let html = format!(
        "<html><body><h1>Today's paper</h1><ul>{headlines}</ul><p>The print edition is also \
         available as a digital replica for subscribers.</p></body></html>"
    );
    let paper = Url::parse("http://news.example/todays-paper/2026/11/12/").expect("valid");
    assert_eq!(extract(&paper, &html).kind, PageKind::Listing);
}

#[test]
fn a_short_story_with_a_box_of_related_headlines_is_an_article_and_a_section_front_is_not() {
    let paras = [
        "The county board voted on Monday to build a new animal shelter on Route 9.",
        "The shelter will have room for 120 dogs and 80 cats, nearly double today's.",
        "Construction is expected to begin in the fall and take about 18 months.",
    ];
    let related: String = (0..4)
        .map(|i| format!(r#"<div><h3><a href="/n/{i}">Another story, number {i}</a></h3></div>"#))
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="article"></head><body><article>
        <h1>Shelter</h1><p>{}</p><p>{}</p><div class="more">{related}</div><p>{}</p>
        </article></body></html>"#,
        paras[0], paras[1], paras[2]
    );
    assert_eq!(extract(&url(), &html).kind, PageKind::Article);
    // The same sentences as the summaries of linked headlines: a section front.
    let teasers: String = paras
        .iter()
        .enumerate()
        .map(|(i, p)| format!(r#"<div><h3><a href="/n/{i}">Headline {i}</a></h3><p>{p}</p></div>"#))
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="article"></head><body><article>
        <h1>Local news</h1>{teasers}</article></body></html>"#
    );
    assert_eq!(extract(&url(), &html).kind, PageKind::Listing);
}

#[test]
fn a_marked_brief_ending_with_a_danda_is_an_article() {
    // Gurmukhi ends its sentences with "।", as Hindi, Marathi and Bengali do.
    let html = "<html><head><meta property=\"og:type\" content=\"article\"></head><body>\
        <article><h1>ਫਲਾਈਓਵਰ</h1><p>ਲੁਧਿਆਣਾ ਵਿੱਚ ਫਿਰੋਜ਼ਪੁਰ ਰੋਡ ਉੱਤੇ ਬਣਿਆ ਨਵਾਂ ਫਲਾਈਓਵਰ ਵੀਰਵਾਰ ਨੂੰ \
        ਆਵਾਜਾਈ ਲਈ ਖੋਲ੍ਹ ਦਿੱਤਾ ਗਿਆ।</p><p>ਸਥਾਨਕ ਦੁਕਾਨਦਾਰਾਂ ਨੇ ਫਲਾਈਓਵਰ ਦੇ ਖੁੱਲ੍ਹਣ ਦਾ ਸਵਾਗਤ ਕੀਤਾ \
        ਹੈ।</p></article></body></html>";
    assert_eq!(extract(&url(), html).kind, PageKind::Article);
}

#[test]
fn an_unmarked_short_story_with_a_byline_and_a_date_is_an_article_and_a_page_without_is_not() {
    let p = "The county fair will open a day early this year because of the holiday weekend, the \
             fair board said on Tuesday, and gates will open at nine in the morning. ";
    let page = |meta: &str| {
        let html = format!(
            r#"<html><body><h1>Fair opens early</h1>{meta}<div class="text"><p>{p}{p}</p>
            <p>{p}</p></div></body></html>"#
        );
        extract(&url(), &html).kind
    };
    assert_eq!(
        page(r#"<p class="info">By Ruth Keller, 12 November 2026</p>"#),
        PageKind::Article
    );
    // Two paragraphs under a heading, no byline or date: an "about us" page as well.
    assert_eq!(page(""), PageKind::Other);
}

#[test]
fn a_blog_page_of_whole_posts_under_their_linked_headlines_is_a_listing() {
    let p = "<p>They came in overnight, as they always do, and by first light the hawthorns \
             along the lane were full of small thrushes stripping the berries as fast as they \
             could swallow them, a sight I have waited for since September. Redwings breed in \
             Scandinavia and Iceland and spend the winter with us; in a good berry year they stay \
             in the hedges for weeks.</p>";
    let post = |n: usize| {
        format!(
            r#"<article class="post"><h2><a href="/2026/11/post-{n}/">Post {n}</a></h2>
            <time>2 November 2026</time>{p}{p}</article>"#
        )
    };
    let html = format!(
        "<html><body><main>{}{}{}</main></body></html>",
        post(1),
        post(2),
        post(3)
    );
    let page = Url::parse("https://blog.example/page/2/").expect("valid");
    assert_eq!(extract(&page, &html).kind, PageKind::Listing);
    // One post under its linked headline is the post's page.
    let html = format!("<html><body><main>{}</main></body></html>", post(1));
    let page = Url::parse("https://blog.example/2026/11/post-1/").expect("valid");
    assert_eq!(extract(&page, &html).kind, PageKind::Article);
}

#[test]
fn an_unmarked_story_of_two_paragraphs_under_a_dated_headline_is_an_article() {
    // No byline and no markup, as a Persian page dated only "۷ آذر ۱۴۰۵" had it: the date line
    // under the headline says "story" for two paragraphs, not for one (a share-price page's
    // paragraph about the company under its quote time), nor a date under prose.
    let p = "The old bridge reopened to walkers this morning after two years of repairs to its \
             piers and arches, with the mayor and many of the neighbours there to see it. ";
    let page = |dateline: &str, lead: &str, paragraphs: &[&str]| {
        let paragraphs: String = paragraphs.iter().map(|t| format!("<p>{t}</p>")).collect();
        let html = format!(
            r#"<html><body><div class="menu"><a href="/a">Politics</a> <a href="/b">Sport</a>
            </div><h1>Old bridge reopens</h1>{lead}{dateline}<div class="text">{paragraphs}
            <p>Cars are still not allowed.</p></div></body></html>"#
        );
        extract(&url(), &html).kind
    };
    let persian = r#"<div class="info">۷ آذر ۱۴۰۵ - ۱۰:۴۵</div>"#;
    let english = "<span>28 November 2026, 10:45</span>";
    for dateline in [persian, english] {
        assert_eq!(page(dateline, "", &[p, p]), PageKind::Article, "{dateline}");
    }
    assert_eq!(page("", "", &[p, p]), PageKind::Other);
    let long = format!("{p}{p}");
    assert_eq!(page(english, "", &[&long]), PageKind::Other);
    assert_eq!(page(english, &format!("<p>{p}</p>"), &[p]), PageKind::Other);
    // An event's page: the date under its name is the event's.
    let html = format!(
        r#"<html><body><h1>Christmas market</h1><div>Saturday 5 December 2026, 10:00</div>
        <div class="text"><p>{p}</p><p>{p}</p></div></body></html>"#
    );
    let event = Url::parse("https://news.example/events/christmas-market").expect("valid");
    assert_eq!(extract(&event, &html).kind, PageKind::Other);
}

#[test]
fn a_writer_s_profile_page_is_a_listing() {
    // og:type "profile": a writer's page, a bio over links to the writer's stories.
    let cards: String = (1..=4)
        .map(|n| {
            format!(
                r#"<div class="card"><h3><a href="/health/2026/11/story-{n}">Story {n}</a></h3>
                <p>What story {n} is about, in one sentence.</p></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="profile"></head><body>
        <nav><a href="/news">News</a><a href="/health">Health</a><a href="/sport">Sport</a>
        <a href="/politics">Politics</a></nav><main><h1>Georgia Whitfield</h1>
        <p>Georgia Whitfield is the paper's health reporter, covering hospitals, public health and
        the ambulance service. She joined in 2021 after five years at regional newspapers.</p>
        <p>Send her tips and story ideas by email.</p>{cards}</main></body></html>"#
    );
    let page = Url::parse("https://news.example/profile/georgia-whitfield").expect("valid");
    assert_eq!(extract(&page, &html).kind, PageKind::Listing);
}

#[test]
fn a_page_marked_a_profile_is_a_writer_s_page_at_any_url() {
    let bio = "<p>Maya Okafor covers City Hall, the city budget and neighborhood development for \
               The Harbor Light, after years reporting on state government and schools.</p>";
    let stories: String = (1..=3)
        .map(|n| {
            format!(
                r#"<li><a href="/news/2026/11/{n}/council-story">Council approves budget after a late-night session {n}</a></li>"#
            )
        })
        .collect();
    let page = |og_type: &str| {
        let html = format!(
            r#"<html><head><meta property="og:type" content="{og_type}"></head><body><main>
            <h1>Maya Okafor</h1>{bio}{bio}{bio}<h2>Recent stories</h2><ul>{stories}</ul>
            </main></body></html>"#
        );
        let at = Url::parse("https://news.example/maya-okafor/").expect("valid");
        extract(&at, &html).kind
    };
    assert_eq!(page("profile"), PageKind::Listing);
    assert_eq!(page("article"), PageKind::Article);
}

#[test]
fn an_unmarked_writer_s_page_with_a_long_bio_is_a_listing() {
    // No og:type: three paragraphs of bio read as a story but for the URL.
    let bio = "<p>Ruth Okonkwo has been the paper's health correspondent since 2022, covering the \
               region's hospitals, GP services and public health from A&amp;E departments.</p>";
    let stories: String = (1..=5)
        .map(|n| format!(r#"<li><a href="/health/2026/11/{n}/story">The health story number {n} of November</a></li>"#))
        .collect();
    let html = format!(
        "<html><body><h1>Ruth Okonkwo</h1><div class=\"about\">{bio}{bio}{bio}</div>\
         <h2>Latest</h2><ul>{stories}</ul></body></html>"
    );
    let kind = |url: &str| extract(&Url::parse(url).expect("valid"), &html).kind;
    assert_eq!(
        kind("https://news.example/people/ruth-okonkwo/"),
        PageKind::Listing
    );
    assert_eq!(
        kind("https://news.example/author/ruth-okonkwo"),
        PageKind::Listing
    );
    // A People desk's story, deeper, is a story.
    assert_eq!(
        kind("https://news.example/people/2026/11/28/star-weds"),
        PageKind::Article
    );
}

#[test]
fn a_page_of_data_with_a_few_news_links_is_other_and_one_of_many_is_a_listing() {
    let news = |n: usize| -> String {
        (1..=n)
            .map(|i| {
                format!(r#"<li><a href="/news/2026/11/{i}/story">Harbour Freight raises its guidance for the {i}th time</a></li>"#)
            })
            .collect()
    };
    let page = |n: usize| {
        let html = format!(
            r#"<html><body><nav><a href="/markets">Markets</a><a href="/news">News</a>
            <a href="/watchlist">Watchlist</a><a href="/portfolio">Portfolio</a></nav><main>
            <h1>Harbour Freight Holdings plc (HFH.L)</h1><p>412.60 +8.20 (+2.03%)</p>
            <table><tr><th>Open</th><td>405.00</td></tr><tr><th>Volume</th><td>1,204,331</td></tr>
            </table><div class="chart"><a href="?r=1d">1D</a><a href="?r=5d">5D</a>
            <a href="?r=1m">1M</a><a href="?r=1y">1Y</a></div><ul>{}</ul></main></body></html>"#,
            news(n)
        );
        let url = Url::parse("https://markets.example/quote/HFH.L").expect("valid");
        extract(&url, &html).kind
    };
    assert_eq!(page(3), PageKind::Other);
    assert_eq!(page(6), PageKind::Listing);
}

#[test]
fn a_page_of_feed_addresses_lists_no_stories() {
    let feeds: String = ["top", "news", "sport", "business", "opinion"]
        .iter()
        .map(|f| {
            format!(
                r#"<tr><td>{f}</td><td><a href="/rss/{f}.xml">https://www.post.example/rss/{f}.xml</a></td></tr>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><main><h1>RSS feeds</h1><p>Copy the address of any feed below and paste
        it into your reader.</p><table>{feeds}</table></main></body></html>"#
    );
    let url = Url::parse("https://www.post.example/rss-feeds/").expect("valid");
    assert_eq!(extract(&url, &html).kind, PageKind::Other);
}

#[test]
fn a_page_of_episodes_under_short_titles_is_a_listing() {
    // Links whose text reads as a headline, however short ("OPEC+ talks, explained"), in a
    // plain list: no teasers under headings, and no story.
    let episodes: String = [
        "Why gold keeps rising",
        "The fight over the dams",
        "OPEC+ talks, explained",
        "Europe's battery bet fails",
    ]
    .iter()
    .enumerate()
    .map(|(n, title)| format!(r#"<li><a href="/podcasts/daily/{n}">{title}</a> 22 min</li>"#))
    .collect();
    let html = format!(
        r#"<html><body><main><h1>The Ledger Daily</h1><p>Every weekday, the biggest story in
        markets in 20 minutes.</p><ul>{episodes}</ul></main></body></html>"#
    );
    let page = Url::parse("https://news.example/podcasts/daily").expect("valid");
    assert_eq!(extract(&page, &html).kind, PageKind::Listing);
}
