//! The story's text: what is kept and what is cut.

use super::{assert_has, assert_lacks, url};
use crate::extract;

#[test]
fn the_story_behind_a_read_more_button_is_kept_and_a_read_more_box_is_not() {
    let sentence = "The council met again on Monday to argue over the budget for the new bridge. ";
    let html = format!(
        r#"<html><body><article><h1>Bridge</h1>
        <p>{first}</p>
        <div id="read-more"><div id="read-more-link"><a href="">Read more</a></div>
        <div id="read-more-content"><p>{rest}</p></div></div>
        <div class="read-more-box"><h3>Read more</h3><ul>
        <li><a href="/a">Another story about the council and its budget</a></li>
        <li><a href="/b">Yet another story about the bridge and its cost</a></li></ul></div>
        </article></body></html>"#,
        first = sentence.repeat(4),
        rest = "Behind the button the story went on for many more lines. ".repeat(10),
    );
    let page = extract(&url(), &html);
    assert!(page.text.contains("Behind the button"), "{}", page.text);
    assert_lacks(&page.text, &["Read more", "Another story", "Yet another"]);
}

#[test]
fn player_controls_and_galleries_are_cut_but_a_story_a_script_named_is_kept() {
    let para = "The hotel owners said that sheets are changed far less often than guests believe. ";
    let html = format!(
        r#"<html><body><article>
        <div class="text-wrapper" id="gigya-share-btns-2_gig_containerParent">
        <p>{para}{para}</p>
        <div class="video-js vjs-paused"><div role="button">Play Video</div>
          <div class="vjs-current-time">Current Time 0:00</div></div>
        <div role="slider">Progress: 0%</div>
        <p>{para}{para}</p>
        <div class="grid-mod-gallery"><h2>Business news in pictures</h2><p>1/50 Caption</p></div>
        <p>{para}{para}</p>
        <div class="cnnVidFooter"><div class="js-vid-hed-cvp_story_0">The priest saving gang
        members</div><div class="js-vid-countdown">Your video will play in 00:25</div></div>
        <div id="vID">Was this story relevant to you?</div>
        </div></article></body></html>"#
    );
    let page = extract(&url(), &html);
    assert_eq!(
        page.text.matches("The hotel owners").count(),
        6,
        "{}",
        page.text
    );
    assert_lacks(
        &page.text,
        &[
            "Play Video",
            "Current Time",
            "Progress",
            "Business news",
            "1/50",
            "Your video",
            "The priest",
            "relevant",
        ],
    );
}

#[test]
fn a_story_split_into_two_alike_containers_is_read_whole() {
    let first = "Half a century ago chaos spilled out of a famous experiment at the institute. ";
    let second = "Many accounts date the discovery of the butterfly effect to one winter day. ";
    let html = format!(
        r#"<html><body><div class="post">
        <div class="wrapper"><div class="row"><section>
          <div class="post__content wysiwyg"><p>{a}</p><p>{a}</p><p>{a}</p></div>
        </section></div></div>
        <figure class="full-width"><img src="lorenz.jpg"><figcaption>Lorenz</figcaption></figure>
        <section><div class="post__content wysiwyg"><p>{b}</p><p>{b}</p><p>{b}</p><p>{b}</p></div></section>
        <div class="newsletter"><p>Sign up for our weekly newsletter, it is free and good.</p></div>
        </div></body></html>"#,
        a = first.repeat(2),
        b = second.repeat(2),
    );
    let page = extract(&url(), &html);
    assert!(page.text.starts_with("Half a century"), "{}", page.text);
    assert!(
        page.text.trim_end().ends_with("one winter day."),
        "{}",
        page.text
    );
    assert!(!page.text.contains("newsletter"), "{}", page.text);
}

#[test]
fn numbered_parts_of_a_story_are_read_in_order() {
    let first = "The sale is being done in two steps, and the first is a transfer of assets. ";
    let second = "In the second step, at the closing, the stock of the subsidiary is sold. ";
    let html = format!(
        r#"<html><body><article>
        <div class="supplemental"><div class="story-body story-body-1"><p>{a}</p><p>{a}</p></div></div>
        <aside class="ad"><p>Advertisement</p></aside>
        <div class="supplemental"><div class="story-body story-body-2">
          <p>{b}</p><p>{b}</p><p>{b}</p><p>{b}</p></div></div>
        </article></body></html>"#,
        a = first.repeat(2),
        b = second.repeat(2),
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.starts_with("The sale is being done"),
        "{}",
        page.text
    );
    assert!(page.text.contains("In the second step"), "{}", page.text);
    assert!(!page.text.contains("Advertisement"), "{}", page.text);
}

#[test]
fn text_hidden_by_style_is_not_read() {
    let shown = "The visible story runs on for a good while, sentence after sentence here. ";
    let html = format!(
        r#"<html><body><article><h1>Story</h1>
        <div style="visibility: hidden"><p>Hidden teaser text that nobody can see.</p></div>
        <div style="DISPLAY:none"><p>Another hidden block nobody can see either.</p></div>
        <div><p>{s}</p><p>{s}</p><p>{s}</p></div></article></body></html>"#,
        s = shown.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(page.text.starts_with("The visible story"), "{}", page.text);
    assert!(!page.text.contains("nobody can see"), "{}", page.text);
}

#[test]
fn a_linked_item_in_a_list_of_prose_is_kept_and_a_list_of_links_is_not() {
    let para = "The release notes list what changed for users in this cycle, item by item. ";
    let html = format!(
        r#"<html><body><article><h1>Notes</h1><p>{p}</p><p>{p}</p>
        <ul><li><a href="/review">Here is our year in review!</a></li>
        <li>We have just landed a fix that stops updates while another copy is running, so the error page is gone.</li></ul>
        <p>{p}</p>
        <ul><li><a href="/a">Another story about the release</a></li>
        <li><a href="/b">Yet another story about the release</a></li></ul>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert!(
        page.text.contains("Here is our year in review!"),
        "{}",
        page.text
    );
    assert!(page.text.contains("We have just landed"), "{}", page.text);
    assert!(!page.text.contains("Another story"), "{}", page.text);
}

#[test]
fn a_phrase_named_like_a_widget_inside_a_sentence_is_kept_and_a_closing_credit_is_not() {
    let para = "The lawyer tells the story of the copyist who would not copy anything. ";
    let html = format!(
        r#"<html><body><article><h1>Bartleby</h1><p>{p}</p>
        <p><a href="javascript:void(0)" class="popup">I</a> am a <a href="javascript:void(0)"
        class="popup">rather elderly</a> man, and my <span class="share">avocations</span> have
        brought me into contact with scriveners.</p>
        <figure><figcaption>The office on Wall Street. <span class="credit">Jane
        Roe</span></figcaption></figure><p>{p}</p></article></body></html>"#,
        p = para.repeat(3)
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &["I am a rather elderly man, and my avocations have brought me"],
    );
    assert_lacks(&page.text, &["Jane Roe"]);
}

#[test]
fn a_linked_row_header_or_term_over_prose_is_kept_and_a_table_of_links_is_not() {
    let para = "Films in which a character lives the same day again and again, by year. ";
    let plot = "A woman who shot her husband wishes she could live the year again.";
    let html = format!(
        r#"<html><body><article><h1>Time loops</h1><p>{p}</p><p>{p}</p>
        <table><tr><th><i><a href="/wiki/Repeat">Repeat Performance</a></i></th>
        <td>1947</td><td>{plot}</td></tr></table>
        <dl><dt><a href="/wiki/Day">Groundhog Day</a></dt><dd>{plot}</dd></dl>
        <p>{p}</p>
        <table><tr><th><a href="/a">Another list of films</a></th>
        <td><a href="/b">Yet another list of films</a></td></tr></table>
        </article></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_has(&page.text, &["Repeat Performance", "Groundhog Day", "1947"]);
    assert_lacks(&page.text, &["Another list", "Yet another"]);
}

#[test]
fn a_container_alike_its_own_wrapper_is_read_once() {
    let para = "The wrapper and the story share a class name, as some themes have it. ";
    let html = format!(
        r#"<html><body><div class="entry-content"><div class="entry-content">
        <p>{p}</p><p>{p}</p><p>{p}</p></div>
        <div class="entry-content"><p>{p}</p></div></div></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_eq!(page.text.matches("The wrapper").count(), 8, "{}", page.text);
}

#[test]
fn a_linked_heading_over_a_long_review_is_kept_and_a_teaser_headline_is_not() {
    let review = "The remastered classic sends you racing through a neon tunnel while the music \
        builds with every shot you fire, and in the headset it feels brand new again. ";
    let html = format!(
        r#"<html><body><article><h1>The best games at launch</h1>
        <p>{review}</p>
        <h3><a href="https://shop.example/rez">"Rez Infinite" ($30)</a></h3>
        <div class="iframe-wrapper"><iframe src="https://video.example/1"></iframe></div>
        <p>{review}{review}</p>
        <h3><a href="https://shop.example/thumper">"Thumper" ($20)</a></h3>
        <p>{review}{review}</p>
        <h3><a href="/other-story">Why headsets still hurt</a></h3>
        <p>A short summary of another story.</p>
        </article></body></html>"#
    );
    let page = extract(&url(), &html);
    assert_has(
        &page.text,
        &[r#""Rez Infinite" ($30)"#, r#""Thumper" ($20)"#],
    );
    assert!(!page.text.contains("Why headsets"), "{}", page.text);
}

#[test]
fn a_section_named_after_its_heading_is_story_whatever_the_words() {
    let para = "Keep your changesets in draft phase as you pass them between your machines. ";
    let html = format!(
        r##"<html><body><div class="document"><h1>Shared history</h1><p>{p}</p>
        <div class="section" id="sharing-with-a-single-developer">
          <h2>Sharing with a single developer<a href="#sharing-with-a-single-developer">¶</a></h2>
          <p>{p}{p}</p><p>{p}</p></div>
        <div id="share-this-page"><h3>Share this page</h3><p>Send it to a friend today.</p></div>
        <div id="comments"><h2>Comments</h2><p>First! Great post, thanks for writing it.</p></div>
        </div></body></html>"##,
        p = para.repeat(3)
    );
    let page = extract(&url(), &html);
    assert!(page.text.contains("Sharing with a single"), "{}", page.text);
    assert_eq!(page.text.matches("Keep your").count(), 12, "{}", page.text);
    assert_lacks(&page.text, &["Send it", "First!"]);
}

#[test]
fn a_wrapper_around_main_is_the_page_whatever_its_class_says() {
    let para = "The console runs every game faster than its predecessor, and it stays quiet. ";
    let html = format!(
        r#"<html><body><div class="i-nav_drawer_slide"><nav><a href="/">Home</a></nav>
        <main><article><h1>Review</h1><p>{p}</p><p>{p}</p>
        <h4>Score<figure class="o-rating_key"><span>Poor</span><span>Uninspiring</span></figure>
        </h4><p>{p}</p></article></main></div></body></html>"#,
        p = para.repeat(3)
    );
    let page = extract(&url(), &html);
    assert_eq!(page.text.matches("The console").count(), 9, "{}", page.text);
    assert!(!page.text.contains("Uninspiring"), "{}", page.text);
}

#[test]
fn a_layout_named_like_a_sidebar_is_read_with_its_own_boxes_still_cut() {
    let para = "The court heard that the rules were applied to every visitor without exception. ";
    let html = format!(
        r#"<html><body><div id="page"><div class="panel-two-col-sidebar-right">
        <h1>Ruling</h1><p>{p}</p><p>{p}</p><p>{p}</p>
        <div class="related-box"><p>Other rulings this week were about parking fines and a
        noisy neighbour, and both were settled before the hearing began.</p></div>
        </div></div></body></html>"#,
        p = para.repeat(2)
    );
    let page = extract(&url(), &html);
    assert_eq!(page.text.matches("The court").count(), 6, "{}", page.text);
    assert!(!page.text.contains("parking"), "{}", page.text);
}

#[test]
fn a_page_its_script_draws_is_read_from_its_json_ld_text_when_plain() {
    let story = "The ferry will run twice a day from March.\\nTickets go on sale on Friday, \
                 the operator said, at &amp; after nine. The company expects the route to carry \
                 forty thousand passengers in its first year, and says it will add a third \
                 crossing on weekends in summer if demand holds up.";
    let page = |body: &str, shell: &str| {
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type": "NewsArticle",
            "headline": "Ferry", "articleBody": "{body}"}}</script></head><body>
            <div id="root">{shell}</div></body></html>"#
        );
        extract(&url(), &html)
    };
    let page_of = page(story, "<p>Loading…</p>");
    assert_eq!(page_of.kind, crate::PageKind::Article);
    assert!(
        page_of
            .text
            .starts_with("The ferry will run twice a day from March.\n\nTickets go on sale"),
        "{}",
        page_of.text
    );
    assert_has(&page_of.text, &["at & after nine"]);
    // HTML in articleBody is not read as text; a page showing its story keeps its own text.
    let tagged = page("<p>The ferry will run twice a day.</p>", "");
    assert!(tagged.text.is_empty(), "{}", tagged.text);
    let shown = format!(
        "<p>{}</p>",
        "The ferry will run from the old pier. ".repeat(8)
    );
    assert!(
        page(story, &shown)
            .text
            .starts_with("The ferry will run from the old pier.")
    );
}

#[test]
fn a_story_rendered_twice_for_two_screens_is_read_once_and_a_refrain_stays() {
    let paras: String = [
        "The harbour board approved the new ferry terminal on Thursday after two years.",
        "Work on the two-berth building will start in March and take about eighteen months.",
        "The ferry will run from a temporary pontoon at the fishing wharf while work goes on.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect();
    let html = format!(
        r#"<html><body><main><h1>Terminal</h1><div class="story-body mobile-only">{paras}</div>
        <div class="story-body desktop-only">{paras}</div></main></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_eq!(text.matches("The harbour board").count(), 1, "{text}");
    assert_eq!(text.matches("The ferry will run").count(), 1, "{text}");
    let refrain = "<p>We shall not be moved, we shall not be moved, not by the council's plan.</p>";
    let html = format!(
        r#"<html><body><article><h1>Song</h1>{refrain}{paras}{refrain}</article></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_eq!(text.matches("We shall not be moved,").count(), 2, "{text}");
}
