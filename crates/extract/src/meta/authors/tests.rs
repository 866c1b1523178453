use scraper::Html;

use super::marked;

#[test]
fn marked_authors_come_from_the_story_byline_only() {
    let page = Html::parse_document(
        r#"<h1>Story</h1><div class="meta"><ul>
        <li itemprop="author"><a rel="author" href="/p/jr"><img src="j.png"></a>
          by <a rel="author" href="/p/jr"><span itemprop="name">Jane Roe</span></a>
          January 18, 2017 10:00 AM</li></ul></div>
        <p>Text of the story.</p>
        <section><div><ul><li>Teaser by <a rel="author" href="/p/jd">John Doe</a></li></ul></div></section>"#,
    );
    assert_eq!(marked(&page), ["Jane Roe"]);
}

#[test]
fn a_visible_byline_after_the_headline_names_its_linked_people() {
    let page = Html::parse_document(
        r#"<aside><li class="author-follow"><a href="/c">Columnist Name</a></li></aside>
        <h1>Story</h1>
        <div class="Author">By <a href="/a/jr">Jane Roe</a> <a href="mailto:j@x">Email</a>
        <span>Games Editor</span></div><p>Text.</p>"#,
    );
    assert_eq!(marked(&page), ["Jane Roe"]);
}

#[test]
fn a_line_starting_with_by_after_the_headline_is_a_byline_whatever_its_class() {
    let page = Html::parse_document(
        r#"<p>Von Max Beispiel</p><h1>Stadtrat</h1><p><b>By the numbers</b></p>
        <p class="meta">Von Jana Muster | 12.03.2024, 14:30 Uhr</p><p>Der Stadtrat hat.</p>"#,
    );
    assert_eq!(marked(&page), ["Jana Muster"]);
    let page = Html::parse_document(r#"<h1>Stadtrat</h1><p>Par ailleurs, le maire</p>"#);
    assert!(marked(&page).is_empty());
    // A story without a byline: the "By" lines of the teasers after it name no one of its.
    let page = Html::parse_document(
        r#"<h1>Budget</h1><p>The council passed the budget.</p>
        <div class="related-stories"><p>By Jane Roe</p></div>
        <aside><p>By John Doe</p></aside><footer><p>By Ann Poe</p></footer>"#,
    );
    assert!(marked(&page).is_empty(), "{:?}", marked(&page));
    // An article's own footer is where a blog puts its byline.
    let page = Html::parse_document(
        r#"<article><h1>Wasm</h1><p>Text.</p><footer><p>Posted by Alon Roe.</p></footer>
        </article>"#,
    );
    assert_eq!(marked(&page), ["Alon Roe"]);
    // A script without case: every name is "capitalised".
    let page = Html::parse_document(r#"<h1>محطة</h1><p>بقلم: أحمد الكعبي</p><p>افتتحت.</p>"#);
    assert_eq!(marked(&page), ["أحمد الكعبي"]);
}

#[test]
fn a_byline_listing_its_writers_as_elements_names_each() {
    let html = r#"<html><body><h1>Ratikka</h1><div class="article-authors">
        <span class="author-name">Jussi Lehtonen</span>
        <span class="author-name">Aino Virtanen</span></div><p>Tampereen raitiotie.</p>
        </body></html>"#;
    assert_eq!(
        marked(&Html::parse_document(html)),
        ["Jussi Lehtonen", "Aino Virtanen"]
    );
    // A name and its role in elements of two classes are one writer.
    let html = r#"<html><body><h1>Ratikka</h1><div class="article-author">
        <span class="name">Jussi Lehtonen</span> <span class="role">Toimittaja</span></div>
        <p>Tampereen raitiotie.</p></body></html>"#;
    assert_eq!(marked(&Html::parse_document(html)).len(), 1);
}

#[test]
fn a_byline_class_in_hungarian_names_the_writer() {
    let page = Html::parse_document(
        r#"<h1>Villamos</h1><div class="cikk-meta"><span class="szerzo">Kovács Anna</span>
        <span class="datum">2026. november 27.</span></div><p>A főváros.</p>"#,
    );
    assert_eq!(marked(&page), ["Kovács Anna"]);
}

#[test]
fn a_link_to_a_writers_page_after_the_headline_names_the_writer() {
    let page = Html::parse_document(
        r#"<h1>Banjir</h1><p>Banjir rob merendam permukiman.</p>
        <div class="read__credit"><h6>Penulis</h6> : <a href="/penulis/rina">Rina Wulandari</a>
        <h6>Editor</h6> : <a href="/editor/bs">Bambang Setiawan</a></div>"#,
    );
    assert_eq!(marked(&page), ["Rina Wulandari"]);
    // A long byline line gives way to the writer's link inside it.
    let page = Html::parse_document(
        r#"<h1>प्रदूषण</h1><div class="story-byline"><span class="auth-name">
        <a href="/author/amit-sharma">अमित शर्मा</a></span> नई दिल्ली, 27 नवंबर 2026,
        (अपडेटेड 27 नवंबर 2026, 10:45 AM IST)</div>"#,
    );
    assert_eq!(marked(&page), ["अमित शर्मा"]);
    // A box of other stories names their writers, not this one's; an hCard is a byline.
    let page = Html::parse_document(
        r#"<h1>Story</h1><p>Text.</p><div class="related-posts">
        <a href="/author/jd">John Doe</a></div>"#,
    );
    assert!(marked(&page).is_empty(), "{:?}", marked(&page));
    let page = Html::parse_document(
        r#"<h1>Story</h1><address class="vcard"><a href="/author/jr">Jane Roe</a></address>"#,
    );
    assert_eq!(marked(&page), ["Jane Roe"]);
    // Two writers linked side by side; a contributor's page; not a page about a person.
    let page = Html::parse_document(
        r#"<h1>Story</h1><div class="meta"><a href="/author/jr">Jane Roe</a> and
        <a href="/author/jd">John Doe</a> · 12 Nov 2026</div>"#,
    );
    assert_eq!(marked(&page), ["Jane Roe", "John Doe"]);
    let page = Html::parse_document(
        r#"<h1>Story</h1><p><a href="/contributors/jane-roe">Jane Roe</a>, Political Editor</p>"#,
    );
    assert_eq!(marked(&page), ["Jane Roe"]);
    let page = Html::parse_document(
        r#"<h1>Story</h1><p>Text about <a href="/profile/elon-musk">Elon Musk</a>.</p>"#,
    );
    assert!(marked(&page).is_empty(), "{:?}", marked(&page));
}

#[test]
fn the_byline_under_the_headline_beats_a_teasers_marked_author() {
    let page = Html::parse_document(
        r#"<h1>Story</h1><span class="byline"><a href="/writer/jr">Jane Roe</a></span>
        <p>Text of the story.</p>
        <ul><li><span class="byline"><a rel="author" href="/writer/jd">John Doe</a></span></li></ul>"#,
    );
    assert_eq!(marked(&page), ["Jane Roe"]);
    let page = Html::parse_document(
        r#"<h1>Story</h1><div class="author-info"><a href="/tech">Tech Industry</a>
        by <a rel="author" href="/p/jr">Jane Roe</a></div>"#,
    );
    assert_eq!(
        marked(&page),
        ["Jane Roe"],
        "the marked name within a byline"
    );
}

#[test]
fn a_commenter_and_the_writer_s_employer_are_not_authors() {
    let page = Html::parse_document(
        r#"<h1>Clinic to open</h1><div class="full-text"><p>The clinic opens in May.</p></div>
        <div class="comments-block"><div class="comment"><div class="com-author">Natalia</div>
        <div class="com-text">At last!</div></div></div>"#,
    );
    assert!(marked(&page).is_empty(), "{:?}", marked(&page));
    let page = Html::parse_document(
        r#"<h1>Glaciers</h1><p class="article__byline">by Hannah Voss,
        <a href="/partners/ari/">Alpine Research Institute</a></p><p>Meltwater carries.</p>"#,
    );
    assert_eq!(marked(&page), ["Hannah Voss"]);
    // A link beside the writer's that is a phrase, not a name; a name's particles are no
    // phrase.
    let page = Html::parse_document(
        r#"<h1>Buses</h1><div class="css-author"><a href="/author/oscar-liu">Oscar Liu</a>
        <a href="/trust">Why you can trust SCMP</a> <a href="/author/ana">Ana de la Cruz</a>
        </div><p>Routes will link four cities.</p>"#,
    );
    assert_eq!(marked(&page), ["Oscar Liu", "Ana de la Cruz"]);
}

#[test]
fn a_photographer_credited_beside_the_writer_is_no_author() {
    for credits in [
        r#"<p class="credits">Words by <a href="/contributors/ruth-lindqvist">Ruth Lindqvist</a>
        · Photographs by <a href="/contributors/sam-okonkwo">Sam Okonkwo</a></p>"#,
        r#"<div class="byline">By <a href="/people/ruth">Ruth Lindqvist</a>. Photos by
        <a href="/people/sam">Sam Okonkwo</a></div>"#,
    ] {
        let page = Html::parse_document(&format!(
            "<h1>The last keepers</h1>{credits}<p>When Margaret was nine.</p>"
        ));
        assert_eq!(marked(&page), ["Ruth Lindqvist"], "{credits}");
    }
}

#[test]
fn a_post_s_date_line_names_its_writer_after_the_date() {
    let page = Html::parse_document(
        r#"<h1 class="logo"><a href="/">Western Echo</a></h1><div class="story">
        <h2>Council backs plan for 400 homes</h2><div class="story-info">Posted on Friday,
        November 27, 2026 by <strong>Niamh Gallagher</strong></div><p>Galway City Council has
        voted to rezone the site.</p></div>"#,
    );
    assert_eq!(marked(&page), ["Niamh Gallagher"]);
    let page = Html::parse_document(
        r#"<h1>Story</h1><p>Posted on 27 November 2026 by the editors</p><p>Text.</p>"#,
    );
    assert!(marked(&page).is_empty());
}

#[test]
fn a_name_and_a_role_side_by_side_without_a_space_are_read_apart() {
    let page = Html::parse_document(
        r#"<h1>Diesel</h1><div class="byline"><span class="byline__name">Anna Lindqvist</span><span
        class="byline__role">Reporter</span></div><p>Regeringen vill sänka skatten.</p>"#,
    );
    assert_eq!(marked(&page), ["Anna Lindqvist"]);
}
