//! Boxes beside or in the story told without their class names: key points in the header,
//! a box an `aria-label` names, readers' comments under a title that says so.

use super::{assert_lacks, url};
use crate::extract;

#[test]
fn key_points_set_under_the_headline_in_the_header_are_the_story_s() {
    let p = "Hong Kong will add 14 new routes to its cross-border bus network next year, the \
             transport minister said on Tuesday. ";
    let html = format!(
        r#"<html><body><main><div class="article-header"><div class="section">Transport</div>
        <h1>Hong Kong to add 14 cross-border bus routes</h1>
        <ul class="summary"><li>Routes will link four estates with four Guangdong cities</li>
        <li>Services to start in phases from March, with most fares below HK$100</li></ul>
        <div class="author"><a href="/author/oscar-liu">Oscar Liu</a></div>
        <ul class="share"><li><a href="/s">Share this story on your networks</a></li>
        <li><a href="/c">Read the comments on this story</a></li></ul></div>
        <div class="body"><p>{p}</p><p>{p}</p><p>{p}</p></div></main></body></html>"#,
        p = p.repeat(2)
    );
    let text = extract(&url(), &html).text;
    assert!(
        text.starts_with("Routes will link four estates with four Guangdong cities\n"),
        "{text}"
    );
    assert_lacks(&text, &["Transport", "Oscar Liu", "Share this story"]);
}

#[test]
fn an_aria_label_names_a_box_where_generated_classes_say_nothing() {
    let p = "The county board voted on Monday to build a new animal shelter on Route 9, ending \
             a two-year search for a site. ";
    let teaser = "<p>Volunteers at the old shelter on Mill Road say the building floods every \
                  spring and the kennels have been full since the summer.</p>";
    let html = format!(
        r#"<html><body><div class="sc-a1b2c3"><h1>Shelter</h1><div class="sc-d4e5f6">
        <p>{p}</p><p>{p}</p><p>{p}</p></div>
        <div class="sc-778899" aria-label="Related stories">{teaser}{teaser}</div>
        </div></body></html>"#
    );
    let text = extract(&url(), &html).text;
    assert_lacks(&text, &["Volunteers"]);
    assert!(text.starts_with("The county board"), "{text}");
}

#[test]
fn readers_comments_under_a_title_that_says_so_go_whatever_their_classes() {
    let p = "The city will spend $500,000 to fix flooding on Elm Street, the council decided on \
             Tuesday after years of complaints. ";
    let comment = "<li><p>Harold P. says:</p><p>I have lived on Elm Street for thirty-one years \
                   and the drainage on this corner has been a problem since the new subdivision \
                   went in, long before anyone at City Hall would listen to us about it.</p></li>";
    for title in [
        "6 Responses to “City to spend $500,000 fixing Elm Street flooding”",
        "Leave a Reply",
        "12 Comments",
    ] {
        let html = format!(
            r#"<html><body><div class="x1"><h1>Elm Street</h1><div class="x2"><p>{p}</p>
            <p>{p}</p></div><div class="x3"><h3>{title}</h3><ol>{comment}{comment}{comment}
            {comment}</ol></div></div></body></html>"#
        );
        let text = extract(&url(), &html).text;
        assert_lacks(&text, &["thirty-one", "says:", "Responses"]);
        assert!(text.starts_with("The city will spend"), "{title}: {text}");
    }
}
