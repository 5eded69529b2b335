//! The public API end to end on small inline pages: modes, errors, stats.

use riptide_extractor::{extract, extract_with_stats, validate_html, ExtractError, Mode};

const PARA: &str = "The committee met on Tuesday to discuss the bridge, the budget and the \
    timetable, and agreed that work would start in spring once the river had fallen.";

fn page() -> String {
    let body: String = (0..6)
        .map(|i| format!("<p>Paragraph {i}. {PARA}</p>"))
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><title>Bridge news</title></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\
         <div id=\"cookie-consent\">We use cookies. <button>Accept</button></div>\
         <main><article><h1>Bridge news</h1><h2>Background</h2>{body}\
         <p>See <a href=\"/report.pdf\">the report</a>.</p>\
         <img src=\"/img/bridge.jpg\" alt=\"The bridge\"></article></main>\
         <footer>Copyright 2025 Example Town</footer></body></html>"
    )
}

#[test]
fn article_mode_extracts_the_article_only() {
    let out = extract(&page(), "https://example.com/news/bridge", &Mode::Article)
        .expect("a valid page extracts");
    assert!(
        out.text.contains("Paragraph 0. The committee"),
        "{}",
        out.text
    );
    assert!(out.text.contains("Paragraph 5."));
    assert!(!out.text.contains("cookies"));
    assert!(!out.text.contains("Copyright"));
    assert!(!out.text.contains("Home"));
    assert!(out.markdown.contains("## Background"), "{}", out.markdown);
    assert!(out
        .markdown
        .contains("[the report](https://example.com/report.pdf)"));
    let words = out.word_count.unwrap_or(0);
    assert!(words > 150, "{words}");
    assert_eq!(out.reading_time, Some(words.div_ceil(225)));
    assert!(
        out.quality_score.unwrap_or(0) >= 50,
        "{:?}",
        out.quality_score
    );
    assert_eq!(out.url, "https://example.com/news/bridge");
}

#[test]
fn text_has_blank_lines_between_paragraphs_and_no_urls() {
    let out = extract(&page(), "https://example.com/", &Mode::Article).expect("extracts");
    assert!(
        out.text.contains("Background\n\nParagraph 0."),
        "{}",
        out.text
    );
    assert!(!out.text.contains("http"));
    assert!(
        !out.text.contains("The bridge"),
        "alt text leaked: {}",
        out.text
    );
    assert_eq!(out.text, out.text.trim());
}

#[test]
fn full_mode_keeps_navigation() {
    let out = extract(&page(), "", &Mode::Full).expect("extracts");
    assert!(out.text.contains("Home"));
    assert!(out.text.contains("Paragraph 3."));
    assert!(out.text.contains("Copyright"));
}

#[test]
fn metadata_mode_skips_content() {
    let out = extract(&page(), "", &Mode::Metadata).expect("extracts");
    assert!(out.markdown.is_empty());
    assert!(out.text.is_empty());
    assert!(out.links.is_empty());
    assert_eq!(out.word_count, None);
}

#[test]
fn custom_selectors_in_document_order_without_repeats() {
    let html = "<body><div class=a>first <span class=b>inner</span></div>\
                <p class=b>second</p><div class=a>third</div></body>";
    let mode = Mode::Custom(vec![".b".into(), ".a".into()]);
    let out = extract(html, "", &mode).expect("extracts");
    assert_eq!(out.text, "first inner\n\nsecond\n\nthird");
}

#[test]
fn custom_selectors_see_attributes_the_engine_does_not_read() {
    let html = "<body><div data-role=story onclick=\"go()\">kept</div><p>other</p></body>";
    for selector in ["[data-role=story]", "[onclick]"] {
        let mode = Mode::Custom(vec![selector.into()]);
        let out = extract(html, "", &mode).expect("extracts");
        assert_eq!(out.text, "kept", "{selector}");
    }
}

#[test]
fn custom_mode_errors_name_the_selector() {
    let err = extract(
        "<p>x</p>",
        "",
        &Mode::Custom(vec!["p".into(), "div[".into()]),
    );
    match err {
        Err(ExtractError::ExtractorError(m)) => assert!(m.contains("div["), "{m}"),
        other => panic!("expected ExtractorError, got {other:?}"),
    }
    assert!(matches!(
        extract("<p>x</p>", "", &Mode::Custom(Vec::new())),
        Err(ExtractError::ExtractorError(_))
    ));
}

#[test]
fn invalid_inputs_are_rejected() {
    for bad in [
        "",
        "   \n\t ",
        "just some words, no markup",
        "<p>\0\0\0</p>",
    ] {
        assert!(
            matches!(
                extract(bad, "", &Mode::Article),
                Err(ExtractError::InvalidHtml(_))
            ),
            "{bad:?}"
        );
    }
    let control: String = std::iter::repeat_n('\u{1}', 100).collect::<String>() + "<p>x</p>";
    assert!(matches!(
        extract(&control, "", &Mode::Article),
        Err(ExtractError::InvalidHtml(_))
    ));
}

/// `<p>` and 500 unclosed `<font>`s with different attributes, then `lines` lines
/// of `<p>x</p>`: each line reopens every font.
fn reopened_fonts(lines: usize) -> String {
    let fonts: String = (0..500).map(|k| format!("<font color=#{k:06}>")).collect();
    format!("<p>{fonts}</p>{}", "<p>x</p>".repeat(lines))
}

#[test]
fn formatting_reopened_on_every_line_is_a_resource_limit() {
    // 66 KB that would build 3 million elements (a gigabyte natively).
    let html = reopened_fonts(6_000);
    for result in [
        extract(&html, "", &Mode::Article).map(|_| ()),
        validate_html(&html).map(|_| ()),
    ] {
        match result {
            Err(ExtractError::ResourceLimit(m)) => assert!(m.contains("nodes"), "{m}"),
            other => panic!("expected ResourceLimit, got {other:?}"),
        }
    }
    // A few such lines stay well inside the budget and extract.
    let out = extract(&reopened_fonts(50), "", &Mode::Article).expect("extracts");
    assert!(out.text.contains('x'), "{}", out.text);
}

#[test]
fn oversized_input_is_a_resource_limit() {
    let big = format!("<p>{}</p>", "a".repeat(riptide_extractor::MAX_HTML_BYTES));
    assert!(matches!(
        extract(&big, "", &Mode::Article),
        Err(ExtractError::ResourceLimit(_))
    ));
    assert!(matches!(
        validate_html(&big),
        Err(ExtractError::ResourceLimit(_))
    ));
}

#[test]
fn validate_reports_content() {
    assert_eq!(validate_html("<p>hello</p>"), Ok(true));
    assert_eq!(
        validate_html("<html><head><title>t</title></head><body></body></html>"),
        Ok(false)
    );
    assert_eq!(validate_html(""), Ok(false));
    assert_eq!(validate_html("no markup"), Ok(false));
}

#[test]
fn stats_count_nodes_links_and_images() {
    let (out, stats) =
        extract_with_stats(&page(), "https://example.com/", &Mode::Article).expect("extracts");
    assert!(stats.nodes_processed > 40, "{}", stats.nodes_processed);
    assert_eq!(stats.links_found as usize, out.links.len());
    assert_eq!(stats.images_found as usize, out.media.len());
}

#[test]
fn hostile_nesting_does_not_crash() {
    let depth = 100_000;
    let html = format!(
        "<body>{}<p>{PARA}</p>{}</body>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let out = extract(&html, "", &Mode::Article).expect("deep pages still extract");
    assert!(out.text.contains("The committee met"));
    let full = extract(&html, "", &Mode::Full).expect("full mode too");
    assert!(full.text.contains("The committee met"));
}

#[test]
fn structured_body_fills_in_for_script_rendered_pages() {
    let body = "A long article body that only exists in structured data. ".repeat(10);
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"headline\":\"H\",\"articleBody\":\"{body}\"}}</script></head>\
         <body><div id=app></div></body></html>"
    );
    let out = extract(&html, "", &Mode::Article).expect("extracts");
    assert!(
        out.text.contains("only exists in structured data"),
        "{}",
        out.text
    );
}

#[test]
fn a_script_shell_has_no_text_and_keeps_its_meta_description_apart() {
    let description = "Online care for anxiety and sleep from licensed experts, with plans \
                       that fit your budget, appointments that fit your week and a care team that \
                       stays with you from the first visit on.";
    let html = format!(
        "<html><head><meta name=description content=\"{description}\"></head>\
         <body><div id=app></div><noscript>Please enable JavaScript.</noscript></body></html>"
    );
    let out = extract(&html, "", &Mode::Article).expect("extracts");
    assert_eq!(out.text.trim(), "", "a description is not the page's body");
    assert_eq!(out.description.as_deref(), Some(description));
    assert_eq!(out.quality_score, Some(0));
}

fn product_page(description: &str, dom_description: &str) -> String {
    let specs: String = (0..6)
        .map(|i| format!("<p>Specification line {i}: {PARA}</p>"))
        .collect();
    format!(
        "<html><head><script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
         \"@type\":\"Product\",\"name\":\"Blue Kettle\",\"description\":\"{description}\"}}\
         </script></head><body><main><h1>Blue Kettle</h1>{dom_description}{specs}</main>\
         </body></html>"
    )
}

#[test]
fn declared_product_description_is_added_when_the_region_lacks_it() {
    let description = "A cordless kettle with a brushed steel body, a hidden element, \
        a one litre capacity and an automatic shut-off that clicks when the water boils.";
    let out = extract(&product_page(description, ""), "", &Mode::Article).expect("extracts");
    assert!(out.text.starts_with("A cordless kettle"), "{}", out.text);
    assert!(out.text.contains("Specification line 5"), "{}", out.text);
    // Already on the page (punctuation and case aside): not repeated.
    let dom = format!("<p>{}</p>", description.to_uppercase().replace(',', ""));
    let out = extract(&product_page(description, &dom), "", &Mode::Article).expect("extracts");
    assert_eq!(
        out.text.to_lowercase().matches("a cordless kettle").count(),
        1,
        "{}",
        out.text
    );
}

fn qa_page(dom_answer: &str) -> String {
    format!(
        "<html><head><script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
         \"@type\":\"QAPage\",\"mainEntity\":{{\"@type\":\"Question\",\"name\":\"Worth it?\",\
         \"suggestedAnswer\":[{{\"@type\":\"Answer\",\"text\":\"<p>@sam said:</p>\
         <p>Strategy work pays back within three years for most people I know.</p>\
         <p>The hours are long but <em>predictable</em>, unlike banking.</p>\"}}]}}}}\
         </script></head><body><main><h1>Consulting: is it worth it?</h1><p>{PARA}</p>\
         <p>I moved from banking to a strategy firm last year and wonder whether to stay \
         for the long run or go back.</p>{dom_answer}</main></body></html>"
    )
}

#[test]
fn declared_answers_of_a_qa_page_are_added_when_the_dom_lacks_them() {
    let out = extract(&qa_page(""), "", &Mode::Article).expect("extracts");
    let question = out
        .text
        .find("I moved from banking")
        .expect("question kept");
    let answer = out
        .text
        .find("The hours are long but predictable")
        .expect("answer added, without its markup");
    assert!(question < answer, "{}", out.text);
    // Rendered in the DOM (its mention line aside): not repeated.
    let dom = "<div class=answer><p>Sam, strategy work pays back within three years for \
               most people I know.</p><p>The hours are long but predictable, unlike \
               banking.</p></div>";
    let out = extract(&qa_page(dom), "", &Mode::Article).expect("extracts");
    assert_eq!(
        out.text.matches("The hours are long").count(),
        1,
        "{}",
        out.text
    );
}

#[test]
fn quality_ranks_a_clean_article_above_a_link_farm_and_a_cookie_wall() {
    let score = |html: &str| {
        extract(html, "https://example.com/", &Mode::Article)
            .expect("extracts")
            .quality_score
            .unwrap_or(0)
    };
    let article = score(&page());
    assert!(article >= 90, "{article}");
    let links: String = (0..30)
        .map(|i| format!("<li><a href=\"/tag/{i}\">Topic {i}</a></li>"))
        .collect();
    let farm = score(&format!(
        "<html><body><div class=\"tags\"><ul>{links}</ul></div></body></html>"
    ));
    assert!(
        farm + 40 <= article,
        "link farm {farm} vs article {article}"
    );
    let wall = score(
        "<html><body><div class=\"overlay\"><p>We use cookies to improve your experience. \
         By continuing you accept all cookies.</p><p>Privacy policy</p><button>Accept all</button>\
         </div></body></html>",
    );
    assert!(
        wall + 25 <= article,
        "cookie wall {wall} vs article {article}"
    );
}

#[test]
fn an_articles_headline_repeating_the_title_is_left_to_title() {
    let body: String = (0..8)
        .map(|i| format!("<p>Paragraph {i}. {PARA}</p>"))
        .collect();
    let page = |headline: &str| {
        format!(
            "<html><head><title>Bridge works begin | Example Town</title></head><body>\
             <main><article><h1>{headline}</h1><div>{body}</div></article></main></body></html>"
        )
    };
    let out = extract(
        &page("Bridge works begin"),
        "https://example.com/a",
        &Mode::Article,
    )
    .expect("a valid page extracts");
    assert_eq!(
        out.title.as_deref(),
        Some("Bridge works begin | Example Town")
    );
    assert!(!out.text.contains("Bridge works begin"), "{}", out.text);
    assert!(out.text.starts_with("Paragraph 0."), "{}", out.text);
    // A headline that says something else stays.
    let out = extract(
        &page("Council approves the budget"),
        "https://example.com/a",
        &Mode::Article,
    )
    .expect("a valid page extracts");
    assert!(
        out.text.starts_with("Council approves the budget"),
        "{}",
        out.text
    );
}
