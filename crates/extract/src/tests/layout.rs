//! The story's shape: where it starts (a lede in its own container, a standfirst that is not
//! story), what its flow holds (a pull quote in an aside) and how its lines break.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn a_first_paragraph_in_a_container_of_its_own_joins_the_story_and_a_standfirst_does_not() {
    let para = "Architects designed the building around an atrium that lights all five floors. ";
    let page = |class: &str| {
        let html = format!(
            r#"<html><body><div class="main-col"><h1>Library</h1>
            <div class="{class}"><p>The new central library opens on Saturday after six years
            of construction and a budget that doubled along the way.</p></div>
            <div class="ad-slot"><iframe src="/ad"></iframe></div>
            <div class="story-body"><p>{p}</p><p>{p}</p><p>{p}</p></div>
            </div></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html).text
    };
    let lede = page("lede");
    assert!(lede.starts_with("The new central library"), "{lede}");
    for standfirst in ["standfirst", "dek", "article__subtitle"] {
        let text = page(standfirst);
        assert!(text.starts_with("Architects"), "{standfirst}: {text}");
    }
}

#[test]
fn a_standfirst_under_the_headline_inside_the_story_container_goes_but_teaser_summaries_stay() {
    let para = "Khách hàng xếp hàng từ sáng sớm để mua vàng miếng tại các cửa hàng lớn. ";
    // The wrapper named like a story holds the headline, the standfirst and the story.
    let html = format!(
        r#"<html><body><section class="page-detail"><div class="main-col">
        <h1>Giá vàng</h1><p class="description">Giá vàng miếng tăng thêm 1,5 triệu đồng.</p>
        <article><p>{p}</p><p>{p}</p><p>{p}</p></article></div></section></body></html>"#,
        p = para.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("Khách hàng"), "{text}");
    // A section front: each teaser's summary follows its own linked heading.
    let card = |n: u32| {
        format!(
            r#"<div class="card"><h2><a href="/s/{n}">Story {n}</a></h2>
            <p class="card__summary">Summary of story {n}, read the full story.</p></div>"#
        )
    };
    let cards: String = (1..=6).map(card).collect();
    let html =
        format!(r#"<html><body><h1>Local</h1><div class="cards">{cards}</div></body></html>"#);
    let text = extract(&url(), &html).text;
    assert!(text.contains("Summary of story 1,"), "{text}");
}

#[test]
fn a_pull_quote_set_in_an_aside_is_read_with_the_story_and_other_asides_are_not() {
    let para = "The council voted on Tuesday to approve the transit plan after months of debate. ";
    let html = format!(
        r#"<html><body><article><h1>Transit</h1><p>{p}</p>
        <aside class="c-pullquote"><p>We have waited a decade for this</p></aside><p>{p}</p>
        <aside class="c-sidebar"><p>Bus timetables for the holidays are out now.</p></aside>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(&page.text, &["We have waited a decade"]);
    assert_lacks(&page.text, &["timetables"]);
}

#[test]
fn a_fact_box_set_in_an_aside_is_read_with_the_story() {
    let para = "Fylkesutvalget vedtok torsdag å lyse ut anbud på tre nye elektriske ferger. ";
    for class in ["factbox", "article-faktaboks", "c-fact-box"] {
        let html = format!(
            r#"<html><body><article><h1>Ferger</h1><div class="body"><p>{p}</p>
            <aside class="{class}"><h3>Fakta: Fergesambandene</h3><ul><li>Tre samband.</li>
            <li>612 000 kjøretøy i fjor.</li></ul></aside><p>{p}</p><p>{p}</p></div></article>
            </body></html>"#,
            p = para.repeat(2)
        );
        assert_has(
            &extract(&url(), &html).text,
            &["Fakta: Fergesambandene", "612 000"],
        );
    }
}

#[test]
fn a_standfirst_marked_as_one_is_not_story_text() {
    let para = "The council voted on Tuesday to approve the transit plan after months of debate. ";
    for standfirst in [
        r#"<p class="article-dek">Four new bus lines by 2026</p>"#,
        r#"<div class="standfirst"><p>Four new bus lines by 2026</p></div>"#,
        r#"<h2 class="sumario">Four new bus lines by 2026</h2>"#,
        r#"<p class="chapeau">Four new bus lines by 2026</p>"#,
        r#"<p class="articulo-resumen">Four new bus lines will run by 2026.</p>"#,
    ] {
        let html = format!(
            r#"<html><body><article><h1>Transit</h1>{standfirst}<p>{p}</p><p>{p}</p>
            <p>{p}</p></article></body></html>"#,
            p = para.repeat(2)
        );
        let page = extract(&url(), &html);
        assert!(
            page.text.starts_with("The council"),
            "{standfirst}: {}",
            page.text
        );
    }
}

#[test]
fn a_single_line_break_ends_a_line_after_a_sentence_or_between_items_but_not_a_hard_wrap() {
    let para = "The report ranked the countries by how well their safety nets work for families. ";
    let html = format!(
        r#"<html><body><article><h1>Ranks</h1><p>{p}</p>
        <p>The overall rankings were as follows:<br>1. Finland<br>2. Norway<br>3. Australia</p>
        <p>The report was written by researchers who<br>wrapped their lines by hand.</p>
        <p>{p}</p></article></body></html>"#,
        p = para.repeat(3)
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &[
            "as follows:\n1. Finland\n2. Norway\n3. Australia",
            "researchers who wrapped their lines",
        ],
    );
}

#[test]
fn a_paragraph_before_the_story_joins_it_only_when_it_ends_as_a_sentence() {
    let para = "I treni di tutta Italia si fermeranno venerdì per uno sciopero di 24 ore. ";
    let page = |before: &str| {
        let html = format!(
            r#"<html><body><div class="wrap"><h1>Treni</h1><p>{before}</p>
            <div class="testo"><p>{p}</p><p>{p}</p><p>{p}</p></div></div></body></html>"#,
            p = para.repeat(2)
        );
        extract(&url(), &html).text
    };
    let standfirst = "Stop di 24 ore dalle 21 di giovedì. Garantiti i treni dalle 6 alle 9 e \
                      dalle 18 alle 21";
    assert!(
        page(standfirst).starts_with("I treni"),
        "{}",
        page(standfirst)
    );
    let lede = "Lo sciopero è stato proclamato ieri dai sindacati di base dopo la rottura \
                delle trattative sul contratto.";
    assert!(page(lede).starts_with("Lo sciopero"), "{}", page(lede));
}

#[test]
fn a_caption_named_in_camel_case_is_cut() {
    let para = "The pier reopened on Saturday after a restoration that took five years. ";
    let html = format!(
        r#"<html><body><article><h1>Pier</h1><p>{p}</p><div class="artSplitter"><img src="a.jpg">
        <p class="imageCaption">Crowds on the reopened pier</p></div><p>{p}</p><p>{p}</p>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_lacks(&page.text, &["Crowds"]);
}

#[test]
fn ruby_readings_over_words_are_not_read_as_text() {
    let para =
        "気象庁によると、あすの朝まで雪が降り続く見込みです。交通機関の乱れに注意してください。";
    let html = format!(
        r#"<html lang="ja"><body><article><h1>雪</h1>
        <p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>で<ruby>雪<rt>ゆき</rt></ruby>が降りました。{para}</p>
        <p>{para}</p></article></body></html>"#
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.starts_with("東京で雪が降りました。"),
        "{}",
        page.text
    );
}

#[test]
fn key_points_beside_the_story_s_container_are_read_with_it_and_a_list_of_links_is_not() {
    let p = "Rail fares in England will rise by 3.1% from March, the government has confirmed, \
             below the rate of inflation for the first time in four years. ";
    let page = |points: &str| {
        let html = format!(
            r#"<html><body><article><h1>Rail fares to rise</h1>{points}
            <figure><img src="a.jpg"><figcaption>Passengers at Leeds station.</figcaption></figure>
            <div class="article__body"><p>{p}</p><p>{p}</p><p>{p}</p></div></article></body></html>"#,
            p = p.repeat(2)
        );
        extract(&url(), &html).text
    };
    let text = page(
        r#"<div class="article__summary d-md-none"><h2>At a glance</h2><ul>
        <li>Regulated fares in England will rise by 3.1% from 1 March.</li>
        <li>The rise is below inflation for the first time in four years.</li></ul></div>"#,
    );
    assert!(text.starts_with("At a glance"), "{text}");
    assert_has(&text, &["Regulated fares in England", "below inflation"]);
    // Points written as headlines, without their periods.
    let text = page(
        r#"<ul class="abstract"><li>Regulated fares in England to rise 3.1% from March</li>
        <li>Rise is below inflation for first time in four years</li></ul>"#,
    );
    assert!(text.starts_with("Regulated fares in England"), "{text}");
    let text = page(
        r#"<div class="more"><h2>More on rail</h2><ul>
        <li><a href="/a">Strike dates announced for the new year on all lines.</a></li>
        <li><a href="/b">Station upgrades are delayed again by the council.</a></li></ul></div>"#,
    );
    assert_lacks(&text, &["More on rail", "Strike dates"]);
}

#[test]
fn what_sits_above_the_headline_is_not_story_and_a_list_of_key_points_under_it_is() {
    let p = "When water runs short, bacteria in grassland soils turn to older carbon, a field \
             experiment over four years has shown. ";
    let html = format!(
        r#"<html><body><div class="col">
        <div class="editors-note"><p>Editors' notes: This article has been reviewed according to
        the site's editorial process and policies, and fact-checked by two of our editors.</p></div>
        <h1>Soil microbes switch diets</h1>
        <div class="main"><p>{p}</p><p>{p}</p><p>{p}</p></div>
        </div></body></html>"#,
        p = p.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.starts_with("When water runs short"),
        "{}",
        page.text
    );
    // A list of key points under the headline is the story's own summary; a prose one named a
    // summary, or a Danish "manchet", is its standfirst.
    let story = |under: &str| {
        extract(
            &url(),
            &format!(
                r#"<html><body><article><h1>Chips</h1>{under}<p>{p}</p><p>{p}</p></article>
                </body></html>"#,
                p = p.repeat(2)
            ),
        )
        .text
    };
    let points = story(
        r#"<div class="summary-list"><ul><li>Vellum raised $300 million.</li>
        <li>Its chips use a third of the power.</li></ul></div>"#,
    );
    assert!(
        points.starts_with("Vellum raised $300 million."),
        "{points}"
    );
    for standfirst in [
        r#"<p class="summary">Vellum raised $300 million from three funds.</p>"#,
        r#"<p class="artikel-manchet">Rederiet venter først at sejle torsdag.</p>"#,
        r#"<p class="article__desc">La compagnie invoque la hausse des péages.</p>"#,
        r#"<p class="teaser-text">All 18-year-olds will get a questionnaire.</p>"#,
    ] {
        let text = story(standfirst);
        assert!(
            text.starts_with("When water runs short"),
            "{standfirst}: {text}"
        );
    }
}

#[test]
fn drupals_body_field_with_a_summary_is_the_story_not_a_standfirst() {
    let p = "The county board voted on Monday to build a new animal shelter on Route 9. ";
    let html = format!(
        r#"<html><body><article class="node node--type-article"><h1>Shelter</h1>
        <div class="node__content"><div class="clearfix text-formatted field field--name-body
        field--type-text-with-summary field--label-hidden field__item"><p>{p}</p><p>{p}</p>
        </div></div></article></body></html>"#
    );
    let page = extract(&url(), &html);
    assert!(page.text.starts_with("The county board"), "{}", page.text);
}

#[test]
fn a_short_story_in_a_container_named_like_a_summary_is_kept_whole() {
    // Drupal's markup, the body field named as a summary by another CMS.
    let p = "The county board voted on Monday to build a new animal shelter on Route 9. ";
    let html = format!(
        r#"<html><body><main><article class="node node--type-article">
        <h1 class="page-title"><span class="field field--name-title">Shelter</span></h1>
        <div class="node__meta">Submitted by <a href="/user/412">Karen Holt</a></div>
        <div class="node__content"><div class="field field--name-field-image"><img src="a.jpg">
        </div><div class="clearfix text-formatted field field--name-body text-summary
        field__item"><p>{p}</p><p>{p}</p><p>{p}</p></div><div class="field
        field--name-field-tags"><div class="field__label">Tags</div><a href="/t/12">County</a>
        </div></div><section class="comments"><h2>Add new comment</h2></section></article>
        </main></body></html>"#
    );
    let page = extract(&url(), &html);
    assert!(page.text.starts_with("The county board"), "{}", page.text);
}

#[test]
fn a_story_container_with_a_boilerplate_word_in_another_class_name_is_the_story() {
    let p = "The council voted on Tuesday to close the old bridge for repairs that will take most \
             of the summer, officials said. ";
    let c = "I disagree with this decision entirely and think the council should have asked the \
             residents first. ";
    for class in [
        "article-body paywall",
        "entry-content has-sidebar",
        "article__body js-teaser",
        "post-content share-enabled",
        "body-text nav-open",
        "main-content with-ads",
        "c-article__body sponsored",
        "field-body paywall",
    ] {
        let story: String = (0..5).map(|_| format!("<p>{p}{p}</p>")).collect();
        let comments: String = (0..6)
            .map(|_| format!(r#"<div class="entry"><p>{c}{c}</p></div>"#))
            .collect();
        let html = format!(
            r#"<html><body><h1>Bridge</h1><div class="{class}">{story}</div>
            <section class="discussion"><h3>Reader discussion</h3>{comments}</section>
            </body></html>"#
        );
        let page = extract(&url(), &html);
        assert!(
            page.text.starts_with("The council"),
            "{class}: {}",
            page.text
        );
    }
}

#[test]
fn a_whole_page_in_a_form_or_hidden_behind_a_dialog_is_still_read() {
    let p = "The harbour authority approved a new ferry terminal on Thursday after two years of \
             hearings, with work to start in the spring. ";
    let story: String = (0..5).map(|_| format!("<p>{p}{p}</p>")).collect();
    let article = format!(
        r#"<nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="main">
        <h1>Ferry terminal approved</h1><div class="article-body">{story}</div></div>"#
    );
    for (name, html) in [
        (
            "ASP.NET form",
            format!(
                r#"<html><body><form method="post" action="./story.aspx" id="aspnetForm">
                <input type="hidden" name="__VIEWSTATE" value="x">{article}</form></body></html>"#
            ),
        ),
        (
            "open dialog",
            format!(
                r#"<html><body><div id="page" aria-hidden="true">{article}</div>
                <div role="dialog"><p>We use cookies.</p></div></body></html>"#
            ),
        ),
        (
            "story in a dialog",
            format!(
                r#"<html><body><div role="dialog" aria-modal="true">{article}</div>
                </body></html>"#
            ),
        ),
        (
            "article in its header",
            format!("<html><body><article><header>{article}</header></article></body></html>"),
        ),
    ] {
        let text = extract(&url(), &html).text;
        assert!(text.starts_with("The harbour authority"), "{name}: {text}");
        assert_lacks(&text, &["Home", "cookies"]);
    }
}

#[test]
fn a_long_hidden_notice_beside_a_brief_is_not_the_story() {
    let notice = "We and our partners store and access information on your device to measure \
                  audiences and personalise content. ";
    let html = format!(
        r#"<html><body><div><h1>Road closed</h1><p>The coast road is closed after a
        landslide on Friday night; no one was hurt.</p></div>
        <div class="consent" style="display:none"><p>{n}</p><p>{n}</p><p>{n}</p><p>{n}</p>
        </div></body></html>"#,
        n = notice.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("The coast road"), "{text}");
    assert_lacks(&text, &["partners"]);
}

#[test]
fn a_table_cell_holding_a_column_of_blocks_is_a_column_not_a_paragraph() {
    let p = "The school board agreed on Monday to rebuild the gymnasium, which was damaged by \
             the spring floods, before the new term. ";
    let html = format!(
        r#"<html><body><table><tr><td class="maincol"><h1>Gym to be rebuilt</h1>
        <div class="story">{story}</div></td><td class="rightcol"><h3>Notices</h3><p>The
        council gives notice that Quay Street will be closed on Friday for resealing, with
        detours signposted.</p></td></tr></table></body></html>"#,
        story = format!("<p>{p}</p>").repeat(4)
    );
    let text = extract(&url(), &html).text;
    assert!(text.starts_with("The school board"), "{text}");
    assert_lacks(&text, &["Quay Street"]);
}

#[test]
fn key_points_beside_the_story_under_a_label_and_in_wrappers_are_read_with_it() {
    let p = "Oil prices jumped more than 4% on Monday after producers agreed to deepen cuts. ";
    let html = format!(
        r#"<html><body><h1>Oil jumps</h1><div class="col">
        <div class="RenderKeyPoints-keyPoints"><div class="KeyPoints-header">Key Points</div>
        <div class="group"><ul><li>Brent crude rose above $88 a barrel for the first time.</li>
        <li>The group agreed to cut a further 1 million barrels a day.</li></ul></div></div>
        <div class="ArticleBody-articleBody"><p>{p}</p><p>{p}</p><p>{p}</p></div>
        </div></body></html>"#,
        p = p.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.starts_with("Brent crude rose above $88"),
        "{}",
        page.text
    );
    assert_lacks(&page.text, &["Key Points"]);
}

#[test]
fn key_points_right_before_a_marked_article_body_are_read_with_it() {
    let p = "A 92-year-old grandmother from Swindon has won the lottery twice in the same week. ";
    let html = format!(
        r#"<html><body><div class="article-text"><h2>Double win</h2>
        <ul class="bullets"><li><strong>Edna Pike scooped £25,000 on Monday and £10,000 on
        Friday</strong></li><li><strong>She has played the same numbers every week since
        1994</strong></li></ul>
        <div itemprop="articleBody"><p>{p}</p><p>{p}</p><p>{p}</p></div></div></body></html>"#,
        p = p.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(page.text.starts_with("Edna Pike scooped"), "{}", page.text);
}
