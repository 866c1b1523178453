//! The story's edges: bylines, date lines and closing lines that are no story.

use super::url;
use crate::extract;

#[test]
fn closing_lines_that_are_no_story_are_cut() {
    let para = "The ministry said the talks would resume next week in the capital city. ";
    let html = format!(
        r#"<html><head><meta name="author" content="Erin Cunningham"></head><body><article>
        <h1>Talks</h1><p>CNET Japan 3/9(木) 18:45配信</p><p>321,046</p><p>Erin Cunningham</p>
        <p>{p}</p><p>Erin Cunningham <a href="/q">asked<span class="external-link-icon">Opens a
        new window </span></a> the ministry twice. {p}</p><p>{p}</p>
        <p>Erin Cunningham is an Egypt-based correspondent for The Post.</p>
        <p>Posted on Tuesday 15 October 2019 at 09:11 by Erin Cunningham.</p>
        <h3>About the Author</h3><p>ERIN CUNNINGHAM IS THE POST'S CAIRO BUREAU CHIEF</p>
        <p>More</p><p>[责任编辑:肖春芳]</p><p>8:09</p><p>最終更新:3/9(木) 18:45</p>
        <p>© 2015 The Post. All rights reserved.</p><p>未经授权，不得转载。</p>
        <p>A version of this article appears in print on July 1, 2024, Section A, Page 1 of
        the New York edition with the headline: Ministry Says Talks Will Resume in the Capital
        Next Week. <a href="/r">Order Reprints</a> | <a href="/p">Today's Paper</a> |
        <a href="/s">Subscribe</a></p>
        <p>Follow us on <a href="https://social.example/t">X</a> and Instagram.</p>
        <p>Have a news tip? Email us at tips@news.example.</p>
        <p>Enter your email to get our daily briefing</p>
        <p>Suivez-nous sur <a href="https://social.example/f">Facebook</a></p>
        <p>この記事を書いた人：Erin Cunningham（カイロ支局）</p>
        <p>— Erin Cunningham</p><p>Our Standards: The Example Trust Principles.</p>
        <p>Share this article: Facebook Twitter Email</p><p>Filed under: Politics</p>
        <p>Reuse this content</p><p>Was this article helpful? Yes No</p>
        <p>Catch all the <a href="/n">Business News</a> and <a href="/l">Latest News</a> Updates
        on The Post. Download The Post App to get Daily Market Updates.</p>
        <p>Disclaimer: The views above are those of individual analysts, not of The Post.</p>
        <p><em>The views expressed in this article are the author's own and do not necessarily
        reflect The Post's editorial stance.</em></p>
        <p>Les opinions exprimées dans cette tribune n'engagent que leur auteur.</p>
        <p>Riproduzione riservata © Gazzetta del Piave</p><p>Tous droits réservés.</p>
        <p>Masz temat? Napisz do nas: redakcja@post.example</p>
        <p>For the latest news, weather, sports, and streaming video, head to The Post.</p>
        <p>Son dakika haberlerini Google News'ten takip edin.</p>
        <p>Simak breaking news dan berita pilihan kami langsung di ponselmu.</p>
        <p>Ακολουθήστε την Ημερησία στο Google News</p>
        <p>Har du ett tips? Mejla oss på tips@post.example</p>
        <p>Media Contact:<br>Jordan Price<br>press@post.example</p><p>SOURCE The Post</p>
        <p>Support local journalism. Subscribe today.</p><p>Got a story? Email news@post.example</p>
        <p>Tags: talks, ministry</p>
        <p>Do you work at the ministry? Contact the reporter from a non-work device.</p>
        <p>Citation: Talks to resume (2026, June 11) retrieved 12 June 2026 from
        https://news.example/talks.html</p>
        <p>This document is subject to copyright. Apart from any fair dealing for the purpose of
        private study or research, no part may be reproduced without the written permission.</p>
        <p>This material may not be published, broadcast, rewritten or redistributed.</p>
        <p>Join our WhatsApp channel for the latest news. <a href="/w">Click here to join</a></p>
        <p>To contact the reporter on this story: Erin Cunningham in Cairo at ec@post.example</p>
        <p>To contact the editors responsible for this story: Alan Cho at ac@post.example</p>
        <p>Volg de krant ook op Instagram en Facebook.</p><p>Siga-nos no Instagram.</p>
        <p>Подписывайтесь на наш канал в Telegram</p>
        <p>Підписуйтеся на наш Telegram-канал, щоб першими дізнаватися новини.</p><p>(rdp/imk)</p>
        <p>Por Erin Cunningham</p>
        <p>責任編輯：陳雅婷</p><p>[ⓒ 한빛일보, 무단전재 및 재배포 금지]</p>
        <p>Veja mais notícias da região no <strong><a href="/g">g9 Campinas</a></strong></p>
        <p>Lee más noticias de la región en <a href="/d">El Diario</a></p><p>Views: 1,284</p>
        <p>前のページへ <a href="/1">1</a>|<a href="/2">2</a> 次のページへ</p><p>« Previous 1 2
        Next »</p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.contains("Erin Cunningham asked the ministry"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("correspondent"), "{}", page.text);
    assert!(page.text.starts_with("The ministry said"), "{}", page.text);
    assert!(
        page.text.trim_end().ends_with("capital city."),
        "{}",
        page.text
    );
}

#[test]
fn a_byline_in_any_language_is_cut_but_a_line_about_the_author_is_not() {
    let para = "La municipalité a présenté mardi soir son plan pour le centre-ville. ";
    for (byline, authors) in [
        ("Par Élodie Martin", "Élodie Martin"),
        ("Claire Dubois in Brussels", "Claire Dubois"),
        (
            "Von Jana Roe und Max Muster | 12:30",
            "Jana Roe, Max Muster",
        ),
        (
            "Por Lucas Andrade, Portal Gerais Minas — Belo Horizonte</p><p>02/09/2026 07h41",
            "Lucas Andrade",
        ),
        // A Tamil byline with the writer's role ("special correspondent").
        ("ரமேஷ் குமார், சிறப்பு செய்தியாளர்", "ரமேஷ் குமார்"),
    ] {
        let html = format!(
            r#"<html><head><meta name="author" content="{authors}"></head><body><article>
            <h1>Le centre-ville</h1><p>{byline}</p>
            <p>{p}</p><p>{p}</p><p>{p}</p><p>MRA</p></article></body></html>"#,
            p = para.repeat(2)
        );
        let page = extract(&url(), &html);
        assert!(page.text.starts_with("La municipalité"), "{}", page.text);
        // An editor's initials sign the story off.
        assert!(page.text.ends_with("centre-ville."), "{}", page.text);
    }
    // A line that names the author and says more is the story's.
    let html = format!(
        r#"<html><head><meta name="author" content="Élodie Martin"></head><body><article>
        <h1>Le centre-ville</h1><p>Élodie Martin a rencontré le maire et trois commerçants</p>
        <p>{p}</p><p>{p}</p><p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.starts_with("Élodie Martin a rencontré"),
        "{}",
        page.text
    );
}

#[test]
fn a_rights_notice_ends_no_story_but_a_line_about_copyright_may() {
    let para = "The publishers said the new rules would change how songs are licensed online. ";
    let story = |last: &str| {
        let html = format!(
            "<html><body><article><h1>Music</h1><p>© Example Photo Agency</p><p>{p}</p>\
             <p>{p}</p><p>{p}</p><p>{last}</p></article></body></html>",
            p = para.repeat(2)
        );
        extract(&url(), &html).text
    };
    let kept = story("Copyright lawyers expect the first cases next year");
    assert!(kept.starts_with("The publishers"), "{kept}");
    assert!(kept.ends_with("next year"), "{kept}");
    let cut = story("Copyright 2015 The Example Post");
    assert!(cut.ends_with("licensed online."), "{cut}");
}

#[test]
fn a_paragraph_that_opens_with_the_headlines_words_is_story_but_the_headline_again_is_not() {
    let html = r#"<html><body><article><h1>Fire</h1><p>Fire | Updated</p>
        <p>Fire destroyed the old barn on Miller Road early on Sunday, the county said.</p>
        <p>Fire crews from three towns fought the blaze for four hours before it was out.</p>
        </article></body></html>"#;
    let page = extract(&url(), html);
    assert!(page.text.starts_with("Fire destroyed"), "{}", page.text);
    assert!(page.text.contains("Fire crews"), "{}", page.text);
}

#[test]
fn an_authors_bio_line_goes_also_before_a_correction_which_stays() {
    let para = "The council should adopt a dedicated bridge fund this spring, paid for by fees. ";
    let html = format!(
        r#"<html><head><meta name="author" content="Helen Marsh"></head><body><article>
        <h1>Bridges</h1><p>{p}</p><p>{p}</p><p>Helen Marsh said so at the last meeting.</p>
        <p><em>Helen Marsh is a civil engineer and a former member of the advisory board.</em></p>
        <p><em>Correction: An earlier version misstated the number of bridges.</em></p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(!page.text.contains("civil engineer"), "{}", page.text);
    assert!(
        page.text.contains("said so at the last meeting."),
        "{}",
        page.text
    );
    assert!(page.text.ends_with("number of bridges."), "{}", page.text);
}

#[test]
fn a_wire_storys_reporting_credit_names_its_authors_when_nothing_else_does() {
    let para = "Container rates rose for a third week as a drought cut daily canal crossings. ";
    let page = |head: &str| {
        let html = format!(
            r#"<html><head>{head}</head><body><article><h1>Rates</h1><p>{p}</p><p>{p}</p>
            <p>Reporting by Elena Ruiz in Panama City and Tom Berg; Editing by Mark Sutton</p>
            </article></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html)
    };
    let credited = page("");
    assert_eq!(credited.authors, ["Elena Ruiz", "Tom Berg"]);
    assert!(
        credited.text.ends_with("Editing by Mark Sutton"),
        "{}",
        credited.text
    );
    let bylined = page(r#"<meta name="author" content="Ana Gil">"#);
    assert_eq!(bylined.authors, ["Ana Gil"]);
}

#[test]
fn a_name_signing_off_a_story_without_a_byline_is_its_author() {
    let para = "Giá vàng trong nước tăng theo đà đi lên của thị trường thế giới hôm nay. ";
    let page = |last: &str| {
        let html = format!(
            r#"<html lang="vi"><body><article><h1>Giá vàng</h1><p>{p}</p><p>{p}</p>
            {last}</article></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html)
    };
    let signed = page(r#"<p style="text-align:right;"><strong>Minh Sơn</strong></p>"#);
    assert_eq!(signed.authors, ["Minh Sơn"]);
    assert!(signed.text.ends_with("hôm nay."), "{}", signed.text);
    // A list's last item, a role: no one signed.
    let listed = page("<p>Các thành phố:</p><ul><li>Hà Nội</li><li>Thành Phố Huế</li></ul>");
    assert!(listed.authors.is_empty(), "{:?}", listed.authors);
    let role = page("<p>Staff Reporter</p>");
    assert!(role.authors.is_empty(), "{:?}", role.authors);
}

#[test]
fn a_closing_line_that_follows_a_story_is_not_an_invitation_to_follow_us() {
    let para = "The ministry said the talks would resume next week in the capital city. ";
    let html = format!(
        r#"<html><body><article><h1>Talks</h1><p>{p}</p><p>{p}</p>
        <p>Follow the money, the envoy said, and the rest will follow.</p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.ends_with("the rest will follow."),
        "{}",
        page.text
    );
}

#[test]
fn a_byline_gives_its_people_without_their_role_newsroom_or_place() {
    let para = "The ministry said the talks would resume next week in the capital city. ";
    for (byline, authors) in [
        ("By Jane Roe, Staff Writer", &["Jane Roe"][..]),
        (
            "By JANE ROE and JOHN DOE Associated Press",
            &["JANE ROE", "JOHN DOE"],
        ),
        (
            "Jane Roe in Brussels, John Doe, CNN",
            &["Jane Roe", "John Doe"],
        ),
        ("Claire Moreau (Lyon, correspondante)", &["Claire Moreau"]),
        ("Written by: Jane Roe", &["Jane Roe"]),
        ("Words by Jane Roe", &["Jane Roe"]),
        (
            "Bruno (Henrique) Rodrigues",
            &["Bruno (Henrique) Rodrigues"],
        ),
        ("Jane Roe (with John Doe)", &["Jane Roe", "John Doe"]),
        (
            "By Ana Lima, Ben Ortiz and Chloe Park, Staff Writers",
            &["Ana Lima", "Ben Ortiz", "Chloe Park"],
        ),
    ] {
        let html = format!(
            r#"<html><body><article><h1>Talks</h1><div class="byline">{byline}</div>
            <p>{p}</p><p>{p}</p><p>{p}</p></article></body></html>"#,
            p = para.repeat(2)
        );
        let page = extract(&url(), &html);
        assert_eq!(page.authors, authors, "{byline:?}");
        assert!(page.text.starts_with("The ministry said"), "{}", page.text);
    }
    // A byline in another language, without a class or metadata naming the author.
    let html = format!(
        r#"<html><body><article><h1>Talks</h1><p>Von Jana Muster | 12.03.2024</p>
        <p>{p}</p><p>{p}</p><p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_eq!(page.authors, ["Jana Muster"]);
    assert!(page.text.starts_with("The ministry said"), "{}", page.text);
    // The role on a line of its own under the byline is header too, first word or last.
    let html = format!(
        r#"<html><body><article><h1>Talks</h1><p>By Jane Roe</p><p>Editor at large</p>
        <p>{p}</p><p>{p}</p><p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(page.text.starts_with("The ministry said"), "{}", page.text);
}

#[test]
fn a_standfirst_above_the_date_line_or_byline_goes_with_it() {
    let para = "El Consejo de Ministros aprobó este martes la reforma del sistema de pensiones. ";
    let page = |standfirst: &str, line: &str| {
        let html = format!(
            r#"<html><body><article><h1>Pensiones</h1><h2>{standfirst}</h2><p>{line}</p>
            <p>{p}</p><p>{p}</p><p>{p}</p></article></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html)
    };
    let cut = page(
        "La medida subirá las cotizaciones de las rentas altas",
        "Madrid | 12 de marzo de 2024 - 14:30 CET",
    );
    assert!(cut.text.starts_with("El Consejo"), "{}", cut.text);
    // A standfirst naming someone is no byline.
    let cut = page(
        "Portrait by George Del Barrio",
        "Actualizado: 12 de marzo de 2024",
    );
    assert!(cut.text.starts_with("El Consejo"), "{}", cut.text);
    assert!(cut.authors.is_empty(), "{:?}", cut.authors);
    // A short first paragraph over a longer one is story, and so is one over a heading that
    // is a date (a timeline's).
    let kept = page(
        "La medida subirá las cotizaciones",
        "Los sindicatos valoraron el acuerdo.",
    );
    assert!(kept.text.starts_with("La medida"), "{}", kept.text);
    let kept = page("La medida subirá las cotizaciones", "12 de marzo de 2024");
    assert!(kept.text.starts_with("La medida"), "{}", kept.text);
}

#[test]
fn a_reading_time_among_the_header_lines_goes() {
    let p = "<p>The county opened its new recycling centre on Monday, two years late and over \
             budget, with room for twice as much glass as the old one.</p>";
    for time in ["6 min read", "Reading time: 6 minutes", "Lesezeit: 6 Min."] {
        let html = format!(
            r#"<html><body><article><h1>Recycling</h1><div><span>{time}</span></div>
            <div><span>Sep 14, 2026</span></div>{p}{p}{p}</article></body></html>"#
        );
        let text = extract(&url(), &html).text;
        assert!(text.starts_with("The county opened"), "{time}: {text}");
    }
    // A first paragraph with a number and "read" is no reading time.
    let html = format!(
        r#"<html><body><article><h1>Recycling</h1><p>Read the 6 reports the council
        published on its website before you vote on the plan.</p>{p}{p}</article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("Read the 6 reports"), "{text}");
}

#[test]
fn a_byline_named_by_its_test_id_gives_the_name_over_the_site_s_and_not_its_desk() {
    let para = "Cardiff Crown Court heard that the ramp had not been inspected for two years. ";
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"ReportageNewsArticle",
        "author":{{"@type":"NewsMediaOrganization","name":"Coastline News"}},
        "publisher":{{"@type":"NewsMediaOrganization","name":"Coastline News"}}}}</script>
        </head><body><article><h1 class="sc-518485e5-0">Ferry firm fined</h1>
        <div data-component="byline-block"><div class="sc-2b5e3b35-0"><span class="sc-b42e7a8f-7">
        Eleri Pritchard</span><div class="sc-b42e7a8f-8">Coastline News, Wales</div></div>
        <time datetime="2026-11-27T15:22:41Z">27 November 2026</time></div>
        <p>{p}</p><p>{p}</p><p>{p}</p>
        <div class="article-author-bio"><h2>About the author</h2><p>Eleri covers Wales.</p></div>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_eq!(page.authors, ["Eleri Pritchard"]);
    assert!(
        page.text.starts_with("Cardiff Crown Court"),
        "{}",
        page.text
    );
    // Without the byline, the bio's heading is no name.
    let html = html.replace("byline-block", "x");
    assert_eq!(extract(&url(), &html).authors, ["Coastline News"]);
}

#[test]
fn a_line_of_the_author_s_addresses_and_handles_ends_no_story_but_a_sentence_with_one_may() {
    let para = "The council approved the plan to rebuild the storm drains on Thursday evening. ";
    let page = |end: &str| {
        let html = format!(
            r#"<html><head><meta name="author" content="Rosa Delgado"></head><body><article>
            <h1>Drains</h1><p>{p}</p><p>{p}</p>{end}</article></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html).text
    };
    for line in [
        "<p>rosa.delgado@post.example; Twitter: @rosadelgado</p>",
        "<p>Rosa Delgado: 555-0142, rdelgado@post.example</p>",
    ] {
        let text = page(line);
        assert!(text.trim_end().ends_with("evening."), "{line}: {text}");
    }
    let sentence = "<p>Residents can write to the council at drains@city.example.</p>";
    assert!(page(sentence).contains("drains@city.example"));
}

#[test]
fn the_portal_s_pointers_and_terms_for_republishing_close_no_story() {
    let para = "The toll authority failed to collect more than $40 million over five years. ";
    let page = |end: &str| {
        let html = format!(
            r#"<html><head><meta name="author" content="Dana Kowalczyk"></head><body><article>
            <h1>Tolls</h1><p>{p}</p><p>{p}</p>{end}</article></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html).text
    };
    for end in [
        "<p><em>Dana Kowalczyk is a reporter for Portal Finance.</em></p><p><strong>More from \
         Portal Finance:</strong></p><p><em>Click here for the latest stock market news and \
         in-depth analysis</em></p><p><em>Read the latest financial and business news from \
         Portal Finance</em></p>",
        "<p><em>Republish this story: The Ledger is a nonprofit newsroom. We encourage other \
         outlets to republish our stories for free under a Creative Commons license.</em></p>",
    ] {
        let text = page(end);
        assert!(text.trim_end().ends_with("five years."), "{end}: {text}");
    }
}

#[test]
fn requests_for_tips_and_pointers_to_the_site_close_no_story() {
    let para = "The council approved the plan to rebuild the storm drains on Thursday evening. ";
    for end in [
        "Have a confidential tip for our reporters? Get in touch.",
        "Got a confidential news tip? We want to hear from you.",
        "Do you have information about this story? Contact us at tips@post.example.",
        "Know more about this story? Email tips@post.example.",
        "If you have a story idea, email news@post.example.",
        "Support free-thinking journalism and subscribe to Independent Minds.",
        "Like us on Facebook and follow us on Twitter.",
        "Please read our comment policy before commenting.",
        "For more news, visit our homepage.",
        "Stay up to date with the latest news by downloading our app.",
    ] {
        let html = format!(
            "<html><body><article><h1>Drains</h1><p>{p}</p><p>{p}</p><p>{end}</p></article>\
             </body></html>",
            p = para.repeat(2)
        );
        let text = extract(&url(), &html).text;
        assert!(text.trim_end().ends_with("evening."), "{end}: {text}");
    }
}

#[test]
fn a_byline_under_the_headline_beside_the_story_names_its_author_but_a_desk_s_does_not() {
    let para =
        "Ridgefield voters decided on Tuesday night to keep the old schoolhouse on the hill. ";
    let page = |line: &str| {
        let html = format!(
            r#"<html><body><div class="post"><h1>Schoolhouse</h1><div class="meta">{line}</div>
            <div class="entry"><p>{p}</p><p>{p}</p><p>{p}</p></div></div></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html).authors
    };
    assert_eq!(page("November 12, 2026 by Walt Pierce"), ["Walt Pierce"]);
    assert_eq!(page("Posted by Walt Pierce"), ["Walt Pierce"]);
    assert!(page("2/26/2015 7:11 AM PST BY TMZ STAFF").is_empty());
    // A site's history under its name is no byline.
    assert!(page("Founded in 1871 by Archibald Rennie").is_empty());
}
