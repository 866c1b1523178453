//! The reporters a story names in its own text, where Asian portals name them: a Chinese
//! dateline's "（记者 王明远）", a Korean "김서연 기자" at either end. A portal's meta tags name
//! the paper or agency, or the editor who posted the story; these name who wrote it.

/// The reporters the story's text names, if it names any in the ways above.
pub(crate) fn reporters(text: &str) -> Vec<String> {
    let mut found = chinese_dateline(text);
    if found.is_empty() {
        found = chinese_credit_line(text);
    }
    if found.is_empty() {
        found = korean_credit(text);
    }
    found
}

/// Whether a credit's part reads as a Chinese name: two to four Han letters.
fn is_han_name(part: &&str) -> bool {
    (2..=4).contains(&part.chars().count()) && part.chars().all(crate::is_han)
}

/// The reporters a Chinese story's closing credits name on a line of their own: "记者：陈晓雨",
/// "記者：王明遠、李華", under the story of a WeChat account or a portal whose meta tags name the
/// account or the paper.
fn chinese_credit_line(text: &str) -> Vec<String> {
    const LAST_BLOCKS: usize = 6;
    const LABELS: &[&str] = &["记者：", "记者:", "記者：", "記者:"];
    text.rsplit("\n\n")
        .take(LAST_BLOCKS)
        .find_map(|block| {
            let names = LABELS.iter().find_map(|l| block.trim().strip_prefix(l))?;
            let parts: Vec<&str> = names
                .split([' ', '\u{3000}', '、', '，', ','])
                .filter(|p| !p.is_empty())
                .collect();
            (!parts.is_empty() && parts.iter().all(is_han_name))
                .then(|| parts.into_iter().map(str::to_owned).collect())
        })
        .unwrap_or_default()
}

/// The reporters a Chinese story's dateline names in its first paragraph: "新华社北京11月26日电
/// （记者 王明远）", "本报讯（记者 王明远、李华 通讯员 张平）", "（記者王明遠／台北報導）". A portal's
/// meta tags name the agency or the editor who posted the story; the dateline names who wrote
/// it. Only names of two to four letters count, and only when every part reads as one.
fn chinese_dateline(text: &str) -> Vec<String> {
    const REACH_CHARS: usize = 80;
    const OPENINGS: &[&str] = &["（记者", "(记者", "（記者", "(記者"];
    // Other roles in the credit, whose people did not write the story.
    const OTHER_ROLES: &[&str] = &["通讯员", "通訊員", "实习生", "實習生", "摄影", "攝影"];
    const REPORTED: &[&str] = &["报道", "報導", "报导", "報道", "摄", "攝"];
    let first = text.split("\n\n").next().unwrap_or_default();
    let head = first
        .char_indices()
        .nth(REACH_CHARS)
        .map_or(first, |(at, _)| &first[..at]);
    let Some(credit) = OPENINGS.iter().find_map(|o| {
        let rest = &head[head.find(o)? + o.len()..];
        Some(&rest[..rest.find(['）', ')'])?])
    }) else {
        return Vec::new();
    };
    let credit = OTHER_ROLES
        .iter()
        .filter_map(|r| credit.find(r))
        .min()
        .map_or(credit, |at| &credit[..at]);
    let parts: Vec<&str> = credit
        .split([' ', '\u{3000}', '、', '，', ',', '／', '/'])
        .filter(|p| !p.is_empty() && !REPORTED.iter().any(|r| p.ends_with(r)))
        .collect();
    if parts.is_empty() || !parts.iter().all(is_han_name) {
        return Vec::new();
    }
    parts.into_iter().map(str::to_owned).collect()
}

/// The reporters a Korean story names as such: in its dateline ("(서울=연합뉴스) 김서연 기자 =
/// ...", "[한빛일보 김서연·박민수 기자]") or signing it off ("김서연 기자 syk@hanbit.example").
/// Only Hangul names of two to four syllables count.
fn korean_credit(text: &str) -> Vec<String> {
    const ROLE: &str = " 기자";
    const REACH_BYTES: usize = 120;
    const MAX_SIGNATURE_WORDS: usize = 6;
    const LAST_BLOCKS: usize = 3;
    let is_name = |n: &str| {
        (2..=4).contains(&n.chars().count()) && n.chars().all(|c| matches!(c, '가'..='힣'))
    };
    // The names just before " 기자" in `part`: "... 김서연·박민수 기자" -> both.
    let before_role = |part: &str| -> Vec<String> {
        let Some(at) = part.find(ROLE) else {
            return Vec::new();
        };
        let names = part[..at]
            .rsplit([' ', ']', ')', '[', '('])
            .next()
            .unwrap_or_default();
        let names: Vec<&str> = names.split(['·', ',', '、']).collect();
        if names.iter().all(|n| is_name(n)) {
            names.into_iter().map(str::to_owned).collect()
        } else {
            Vec::new()
        }
    };
    let mut blocks = text.split("\n\n");
    let first = blocks.next().unwrap_or_default();
    let head = &first[..first.floor_char_boundary(REACH_BYTES)];
    // "(서울=연합뉴스) 김서연 기자 = ...", "[한빛일보 김서연 기자] ...".
    let dateline = head
        .find(ROLE)
        .filter(|&at| {
            let after = head[at + ROLE.len()..].trim_start();
            after.starts_with(['=', ']', ')'])
        })
        .map(|at| before_role(&head[..at + ROLE.len()]))
        .unwrap_or_default();
    if !dateline.is_empty() {
        return dateline;
    }
    // "김서연 기자 syk@hanbit.example" on a line of its own near the end (a rights notice
    // may follow).
    text.rsplit("\n\n")
        .take(LAST_BLOCKS)
        .map(str::trim)
        .filter(|line| line.split_whitespace().nth(MAX_SIGNATURE_WORDS).is_none())
        .map(|line| (line, before_role(line)))
        .find(|(line, names)| names.first().is_some_and(|n| line.starts_with(n.as_str())))
        .map(|(_, names)| names)
        .unwrap_or_default()
}
