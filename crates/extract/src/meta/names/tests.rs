use super::{labelled_name, push_name};

fn names(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    push_name(&mut out, raw);
    out
}

#[test]
fn a_chinese_label_gives_the_name_after_it() {
    let line = "2025-07-08 09:32:15\u{3000}来源：华东日报\u{3000}作者：王晓明\u{3000}分享到：";
    assert_eq!(labelled_name(line), Some("王晓明"));
    assert_eq!(labelled_name("来源：华东日报"), None);
    // A Taiwanese byline: the reporter, then the place; not a press conference ("記者會").
    assert_eq!(labelled_name("記者林志明／台中報導"), Some("林志明"));
    assert_eq!(labelled_name("記者會後，市長表示將再研議"), None);
    // A Japanese one: "文：" and the writer, whose name holds a space.
    assert_eq!(
        labelled_name("文：田中 美咲 · 2026年5月20日"),
        Some("田中 美咲")
    );
}

#[test]
fn a_byline_string_gives_the_names_alone() {
    assert_eq!(names("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
    assert_eq!(names("박지훈 기자 입력 2026.06.18 09:12"), ["박지훈"]);
    assert_eq!(names("Rina Wulandari - detikNews"), ["Rina Wulandari"]);
    assert_eq!(
        names("By Jane Roe with additional reporting by John Doe"),
        ["Jane Roe", "John Doe"]
    );
    assert_eq!(
        names("Jane Roe; Additional reporting by John Doe"),
        ["Jane Roe", "John Doe"]
    );
    assert_eq!(names("Jean-Pierre Roe"), ["Jean-Pierre Roe"]);
    assert_eq!(names("كتب: محمود عبد الله"), ["محمود عبد الله"]);
    assert_eq!(
        names("GILLIAN MOHNEY March 11, 2015 3:46 PM"),
        ["GILLIAN MOHNEY"]
    );
    assert_eq!(
        names("Written by Rob Ewaschuk Edited by Betsy Beyer"),
        ["Rob Ewaschuk"]
    );
    assert_eq!(names("By Jane Roe Updated 2 hours ago"), ["Jane Roe"]);
    assert_eq!(names("Roe, Jane"), ["Roe, Jane"]);
    assert_eq!(names("Brenda  Goodman, MA"), ["Brenda Goodman"]);
    assert_eq!(
        names("Jane Roe, M.D., Ph.D., and John Doe, MPH"),
        ["Jane Roe", "John Doe"]
    );
    assert_eq!(names("Mac & i"), ["Mac & i"]);
    assert_eq!(names("Jane Roe, John Doe"), ["Jane Roe", "John Doe"]);
    for (byline, name) in [
        ("By Jane Roe, Staff writer", "Jane Roe"),
        ("Jane Roe, CNN", "Jane Roe"),
        ("By JANE ROE, The Associated Press", "JANE ROE"),
        ("Jane Roe, Associated Press", "Jane Roe"),
        ("Jane Roe, Special to The Times", "Jane Roe"),
        ("Jane Roe, Deputy Editor-in-Chief", "Jane Roe"),
        ("Jane Roe, BBC News", "Jane Roe"),
        ("Martin Luther King, Jr.", "Martin Luther King, Jr."),
    ] {
        assert_eq!(names(byline), [name], "{byline:?}");
    }
    for (byline, people) in [
        ("By Jane Roe in Brussels", &["Jane Roe"][..]),
        ("By JANE ROE Associated Press", &["JANE ROE"]),
        (
            "By JANE ROE and JOHN DOE Associated Press",
            &["JANE ROE", "JOHN DOE"],
        ),
        ("Jane Roe with John Doe", &["Jane Roe", "John Doe"]),
        ("Jane Roe (@janeroe)", &["Jane Roe"]),
        ("김민지 기자", &["김민지"]),
    ] {
        assert_eq!(names(byline), people, "{byline:?}");
    }
    assert_eq!(
        names("Jane Roe and John Doe, Associated Press"),
        ["Jane Roe", "John Doe"]
    );
    assert_eq!(names("Tom & Jerry"), ["Tom", "Jerry"]);
    assert_eq!(names("Author: Jane Roe"), ["Jane Roe"]);
    assert_eq!(names("By Jane Roe:"), ["Jane Roe"]);
    assert_eq!(names("Posted by Jane Roe."), ["Jane Roe"]);
    assert_eq!(names("Jane Q."), ["Jane Q."]);
    assert_eq!(
        names("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
        ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
    );
    assert_eq!(
        names("Mario Rossi 2024"),
        ["Mario Rossi"],
        "Mario is no month"
    );
    for none in [
        "Last Updated: January 7, 2025",
        "By",
        "https://news.example/jane",
    ] {
        assert!(names(none).is_empty(), "{none:?} gave {:?}", names(none));
    }
}

#[test]
fn a_role_after_an_article_names_nobody() {
    for byline in [
        "By The Editors · Updated January 12, 2026",
        "By Our Correspondent",
    ] {
        assert!(names(byline).is_empty(), "{byline}: {:?}", names(byline));
    }
    assert_eq!(names("By Jane Roe, Staff Writer"), ["Jane Roe"]);
}
