use super::*;

fn meta(html: &str) -> Metadata {
    let doc = Html::parse_document(html);
    extract(&doc, Url::parse("https://example.com/a/b").ok().as_ref())
}

#[test]
fn json_ld_graph_with_nested_authors() {
    let m = meta(
        r#"<html lang="en_us"><head><title>Ignored | Site</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"The Site"},
          {"@type":["NewsArticle"],"headline":"The &amp; Headline",
           "author":[{"@type":"Person","name":" Ann  Author "},{"name":"Bob Writer"}],
           "publisher":{"@type":"Organization","name":"Example News"},
           "datePublished":"2024-03-05T10:20:30+01:00",
           "articleSection":"Science","keywords":["space","Mars"],
           "articleBody":"First para.\n\nSecond   para."}]}</script>
        <meta property="og:title" content="OG title"></head><body></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("The & Headline"));
    assert_eq!(m.byline.as_deref(), Some("Ann Author, Bob Writer"));
    assert_eq!(m.site_name.as_deref(), Some("Example News"));
    assert_eq!(
        m.published_iso.as_deref(),
        Some("2024-03-05T10:20:30+01:00")
    );
    assert_eq!(m.categories, vec!["Science", "space", "Mars"]);
    assert_eq!(
        m.structured_body.as_deref(),
        Some("First para.\n\nSecond para.")
    );
    assert_eq!(m.page_type_hint.as_deref(), Some("NewsArticle"));
    assert_eq!(m.language.as_deref(), Some("en-US"));
}

#[test]
fn broken_and_multiple_json_ld_blocks() {
    let m = meta(
        r#"<head><title>Doc</title>
        <script type="application/ld+json">{ this is not json </script>
        <script type="application/ld+json"><!--
          {"@type":"BreadcrumbList","itemListElement":[]}
        --></script>
        <script type="application/ld+json">{"@type":"BlogPosting","name":"Line
        break title","author":"Jane Roe","datePublished":"2020-01-02"};</script>
        </head>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Line break title"));
    assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(m.published_iso.as_deref(), Some("2020-01-02"));
    assert_eq!(m.page_type_hint.as_deref(), Some("BlogPosting"));
}

#[test]
fn product_json_ld_gives_body_and_type_but_not_article_fields() {
    let m = meta(
        r#"<head><title>Blue Kettle 1.5 L – Shop</title>
        <script type="application/ld+json">[{"@type":"Organization","name":"Shop"},
        {"@type":"Product","name":"Blue Kettle","description":"A kettle that is blue."}]
        </script><meta property="og:title" content="Blue Kettle 1.5 L"></head>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Blue Kettle 1.5 L"));
    assert_eq!(m.page_type_hint.as_deref(), Some("Product"));
    assert_eq!(m.structured_body.as_deref(), Some("A kettle that is blue."));
    assert_eq!(m.description.as_deref(), Some("A kettle that is blue."));
    assert_eq!(m.byline, None);
}

#[test]
fn name_versus_headline_follows_the_document_title() {
    let m = meta(
        r#"<head><title>Real headline of the story - Paper</title>
        <script type="application/ld+json">{"@type":"Article","name":"seo-slug-name",
        "headline":"Real headline of the story"}</script></head>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Real headline of the story"));
}

#[test]
fn meta_layers_in_order_with_double_escaping() {
    let m = meta(
        r#"<head><title>Title Element</title>
        <meta name="twitter:title" content="Twitter">
        <meta property="og:title twitter:title" content="OG &amp;amp; co">
        <meta property="og:site_name" content="Site">
        <meta name="author" content="https://facebook.com/someone">
        <meta property="article:author" content="https://facebook.com/someone">
        <meta name="DC.creator" content="By:  Dee Creator">
        <meta property="article:published_time" content="Tue, 10 Jun 2003 04:00:00 GMT">
        <meta property="article:tag" content="a"><meta property="article:tag" content="B">
        <meta name="keywords" content="b, c">
        <meta property="og:description" content="Desc">
        <meta property="og:locale" content="fr_FR">
        <meta property="og:image" content=""></head>"#,
    );
    assert_eq!(m.title.as_deref(), Some("OG & co"));
    assert_eq!(m.byline.as_deref(), Some("Dee Creator"));
    assert_eq!(m.site_name.as_deref(), Some("Site"));
    assert_eq!(m.published_iso.as_deref(), Some("2003-06-10T04:00:00Z"));
    assert_eq!(m.categories, vec!["a", "B", "c"]);
    assert_eq!(m.description.as_deref(), Some("Desc"));
    assert_eq!(m.language.as_deref(), Some("fr-FR"));
}

#[test]
fn byline_from_twitter_written_by_card() {
    let m = meta(
        r#"<head><meta name="twitter:label1" content="Est. reading time">
        <meta name="twitter:data1" content="4 minutes">
        <meta name="twitter:label2" content="Written by">
        <meta name="twitter:data2" content="Albert Swann"></head><body><p>text</p></body>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("Albert Swann"));
    let m = meta(
        r#"<head><meta name="twitter:label1" content="Est. reading time">
        <meta name="twitter:data1" content="4 minutes"></head><body><p>text</p></body>"#,
    );
    assert_eq!(m.byline, None);
}

#[test]
fn byline_from_a_written_by_label_in_the_text() {
    let byline = |body: &str| meta(&format!("<body>{body}</body>")).byline;
    assert_eq!(
        byline("<h1>T</h1><div><p>Written by</p><p>Edzel Tabing</p></div><p>Text.</p>").as_deref(),
        Some("Edzel Tabing")
    );
    assert_eq!(
        byline("<p><span>By</span> <a href=/a>Ziyi Xu</a>, Dec 3</p>").as_deref(),
        Some("Ziyi Xu")
    );
    assert_eq!(
        byline("<p><span>Authors:</span><a href=/a>Aniruddha Roy</a></p>").as_deref(),
        Some("Aniruddha Roy")
    );
    // A menu entry, a sentence, a forum badge and a CMS's default user are no names.
    assert_eq!(byline("<nav><a>Authors</a></nav><p>Abstract</p>"), None);
    assert_eq!(
        byline("<p>By</p><p>Understanding which regulations apply to you</p>"),
        None
    );
    assert_eq!(byline("<p>by</p><p>Member</p>"), None);
    assert_eq!(byline("<p>Written by</p><p>admin</p>"), None);
}

#[test]
fn byline_from_a_text_that_opens_with_its_label() {
    let byline = |body: &str| meta(&format!("<body>{body}</body>")).byline;
    assert_eq!(
        byline("<p>Text.</p><h3>Written by Cassidy Horton</h3>").as_deref(),
        Some("Cassidy Horton")
    );
    assert_eq!(
        byline("<span class=posted>Posted by David at December 16, 2025 11:15 AM</span>")
            .as_deref(),
        Some("David")
    );
    assert_eq!(
        byline("<p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p>").as_deref(),
        Some("Biology Forums")
    );
    // A streamed React segment is shown by script, not hidden.
    assert_eq!(
        byline(r#"<div hidden id="S:0"><p>Written by <a href=/a>Paulo Gio</a></p></div>"#)
            .as_deref(),
        Some("Paulo Gio")
    );
    assert_eq!(
        byline(r#"<div hidden><p>Written by <a href=/a>Paulo Gio</a></p></div>"#),
        None
    );
    // A bare "By" opens sentences too, and a label must be followed by a name.
    assert_eq!(byline("<p>By Monday</p>"), None);
    assert_eq!(byline("<p>Written by hand in the small hours</p>"), None);
}

#[test]
fn published_date_from_the_web_page_node_or_a_date_line() {
    let m = meta(
        r#"<head><script type="application/ld+json">{"@graph":[{"@type":"WebPage",
        "datePublished":"2024-03-17T19:47:39+00:00"}]}</script></head><body></body>"#,
    );
    assert_eq!(m.published_iso.as_deref(), Some("2024-03-17T19:47:39Z"));
    let date = |body: &str| meta(&format!("<body>{body}</body>")).published_iso;
    assert_eq!(
        date("<h1>T</h1><div>Last updated:</div><div>Dec 12, 2025</div>").as_deref(),
        Some("2025-12-12")
    );
    assert_eq!(
        date("<p class=date>Published: June 12, 2025</p>").as_deref(),
        Some("2025-06-12")
    );
    assert_eq!(
        date("<p>Sun Dec 17, 2023 11:23 am</p>").as_deref(),
        Some("2023-12-17T11:23:00")
    );
    assert_eq!(
        date("<p>Published June 23, 2025 10:39AM</p>").as_deref(),
        Some("2025-06-23T10:39:00")
    );
    // A sentence holding a date is not a date line.
    assert_eq!(date("<p>We opened 3 stores in May 2025.</p>"), None);
    assert_eq!(date("<p>Screenshot-2025-10-23-at-12.41.png</p>"), None);
}

#[test]
fn a_publish_date_meta_behind_a_sites_prefix_is_read() {
    let date =
        |head: &str| meta(&format!("<head>{head}</head><body><p>Text.</p></body>")).published_iso;
    assert_eq!(
        date(r#"<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">"#).as_deref(),
        Some("2025-05-27T06:03:43Z")
    );
    // Only the name after a separator: "unpublished-date" is no publish date.
    assert_eq!(
        date(r#"<meta name="unpublished-date" content="2025-05-27">"#),
        None
    );
}

#[test]
fn numeric_and_dotted_date_lines_follow_the_pages_language() {
    let date = |lang: &str, body: &str| {
        meta(&format!("<html{lang}><body>{body}</body></html>")).published_iso
    };
    // Dotted dates are day first everywhere; slashes follow the language unless
    // a part above 12 says which is the day.
    assert_eq!(
        date("", "<span>17.05.2021</span>").as_deref(),
        Some("2021-05-17")
    );
    assert_eq!(
        date(" lang=en-US", "<span>3/4/2025</span>").as_deref(),
        Some("2025-03-04")
    );
    assert_eq!(
        date(" lang=fr", "<span>3/4/2025</span>").as_deref(),
        Some("2025-04-03")
    );
    assert_eq!(
        date(" lang=en-GB", "<i>Updated: 10/31/2024</i>").as_deref(),
        Some("2024-10-31")
    );
    // A "Posted on the …" line that goes on to the author's link.
    assert_eq!(
        date(
            "",
            r#"<div>Posted on the 15/12/2025 at 19:00 by <a href="/">Guillaume</a></div>"#
        )
        .as_deref(),
        Some("2025-12-15")
    );
    // An ISO 8601 time stamp printed as the date line.
    assert_eq!(
        date(
            "",
            "<p class=author>Nick van Mead</p><p><span>2022-11-23T08:10+02:00 </span></p>"
        )
        .as_deref(),
        Some("2022-11-23T08:10:00+02:00")
    );
    // A line of parts: the date is one of them.
    assert_eq!(
        date("", "<p>Jun 08, 2023 &#8226; 11 Minute Read</p>").as_deref(),
        Some("2023-06-08")
    );
    assert_eq!(
        date("", "<p>Aaron Ricadela | Senior Writer | July 2, 2025</p>").as_deref(),
        Some("2025-07-02")
    );
    assert_eq!(date("", "<p>Jun 2023 &#8226; 11 Minute Read</p>"), None);
    assert_eq!(date("", "<p>Call 555/12/2024 today</p>"), None);
}

#[test]
fn published_meta_names_then_the_last_revision() {
    let date = |head: &str| meta(&format!("<head>{head}</head><body></body>")).published_iso;
    assert_eq!(
        date(r#"<meta name="published" content="July 17, 2025">"#).as_deref(),
        Some("2025-07-17")
    );
    assert_eq!(
        date(r#"<meta name="published-date" content="2021-02-16">"#).as_deref(),
        Some("2021-02-16")
    );
    // Only with no date of publication anywhere does the revision date stand in.
    let modified = r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#;
    assert_eq!(date(modified).as_deref(), Some("2023-06-12T10:39:42Z"));
    let both =
        format!(r#"{modified}<meta property="article:published_time" content="2020-01-02">"#);
    assert_eq!(date(&both).as_deref(), Some("2020-01-02"));
}

#[test]
fn a_threads_opening_poster_is_its_byline() {
    // A QAPage names no author itself; its question does.
    let m = meta(
        r#"<head><script type="application/ld+json">{"@context":"http://schema.org",
        "@type":"QAPage","name":"Update broken","mainEntity":{"@type":"Question",
        "name":"Update broken","author":{"@type":"Person","name":"DaleJack"}}}</script>
        </head><body><p>text</p></body>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("DaleJack"));
    // Forum software serves the thread to readers without script in <noscript>
    // (parsed as markup, as the engine parses: with scripting off).
    let m = |html: &str| extract(&crate::parse::parse(html), None);
    let m = m(
        r#"<body><noscript data-path="/t/valuation/1"><div id="main-outlet">
        <div itemscope itemtype="http://schema.org/DiscussionForumPosting">
        <h1>My take on valuation</h1><div class="crawler-post-meta">
        <span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
        <a itemprop="url" href="/u/PaulWBryant"><span itemprop="name">PaulWBryant</span></a>
        </span></div><div class="post"><p>Let us imagine the best company.</p></div>
        </div></div></noscript></body>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("PaulWBryant"));
}

#[test]
fn page_state_classes_on_the_root_do_not_hide_the_byline() {
    let m = meta(
        r#"<html class="is-sidebaropen hasrightsidebar"><body><div class="titleBar">
        <h1>Best hosts</h1><p>Discussion started by <a href="/members/1" class="username
        author">pelex</a>, May 26, 2025.</p></div><p>Text of the post.</p></body></html>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("pelex"));
}

#[test]
fn the_site_as_author_gives_way_to_a_persons_byline_in_the_page() {
    let page = |head: &str, body: &str| {
        meta(&format!(
            "<head>{head}</head><body><h1>Pests</h1>{body}<p>Text.</p></body>"
        ))
        .byline
    };
    let org_ld = r#"<script type="application/ld+json">{"@type":"BlogPosting",
        "headline":"Pests","author":{"@type":"Organization","name":"Acme Gardens"}}
        </script>"#;
    let person = r#"<span class="author-name">Meaghan Weeden</span>"#;
    assert_eq!(page(org_ld, person).as_deref(), Some("Meaghan Weeden"));
    // The site's own name in the author meta tag, likewise.
    let site_meta = r#"<meta property="og:site_name" content="Rapid7">
        <meta name="author" content="Rapid7">"#;
    assert_eq!(page(site_meta, person).as_deref(), Some("Meaghan Weeden"));
    // With no person marked in the page, the organisation is the byline; a
    // "by" credit in the text does not outrank it.
    assert_eq!(page(org_ld, "").as_deref(), Some("Acme Gardens"));
    assert_eq!(
        page(site_meta, "<p>Site by <b>Inter</b></p>").as_deref(),
        Some("Rapid7")
    );
    // But a plain "By" line under the headline does.
    assert_eq!(
        page(site_meta, "<div><span>by Meaghan Weeden</span></div>").as_deref(),
        Some("Meaghan Weeden")
    );
    // A person named in the metadata stays first.
    let person_meta = r#"<meta property="og:site_name" content="Rapid7">
        <meta name="author" content="Spencer McIntyre">"#;
    assert_eq!(
        page(person_meta, person).as_deref(),
        Some("Spencer McIntyre")
    );
}

#[test]
fn an_accounts_handle_gives_way_to_the_name_in_the_page() {
    let page = |head: &str, body: &str| {
        meta(&format!(
            "<head>{head}</head><body><h1>Travel cards</h1>{body}<p>Text.</p></body>"
        ))
        .byline
    };
    let handle = r#"<meta name="author" content="andrew.keaveney">"#;
    let twitter = r#"<meta name="twitter:label1" content="Written by">
        <meta name="twitter:data1" content="KatieS">"#;
    let person = r#"<p>by <a class="author-link" href="/authors/aoife"><span>Aoife O'Riordan</span></a></p>"#;
    assert_eq!(page(handle, person).as_deref(), Some("Aoife O'Riordan"));
    assert_eq!(page(twitter, person).as_deref(), Some("Aoife O'Riordan"));
    // With nobody named in the page, the handle is all there is.
    assert_eq!(page(handle, "").as_deref(), Some("andrew.keaveney"));
    assert_eq!(page(twitter, "").as_deref(), Some("KatieS"));
}

#[test]
fn authorization_and_authority_classes_are_no_byline_hints() {
    let m = meta(
        r#"<body><h1>Forms</h1><h3 id="authorization">Authorization Forms</h3>
        <div class="authority-score">Trusted Source</div><p>Text.</p></body>"#,
    );
    assert_eq!(m.byline, None);
    let m = meta(r#"<body><h1>Forms</h1><div class="authorInfo">Jo Lee</div><p>Text.</p></body>"#);
    assert_eq!(m.byline.as_deref(), Some("Jo Lee"));
}

#[test]
fn a_papers_citation_authors_are_its_byline() {
    let m = meta(
        r#"<head><meta name="citation_author" content="Vaswani, Ashish">
        <meta name="citation_author_institution" content="Google Brain">
        <meta name="citation_author" content="Noam Shazeer"></head>
        <body><h1>Attention</h1><p>Abstract.</p></body>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("Ashish Vaswani, Noam Shazeer"));
    // The list wins over the one creator a Dublin Core tag names; the plural tag
    // name counts too.
    let m = meta(
        r#"<head><meta name="DC.Creator" content="Jennifer Huberty">
        <meta name="citation_authors" content="Jennifer Huberty">
        <meta name="citation_authors" content="Jeni Green"></head>
        <body><h1>Calm</h1><p>Abstract.</p></body>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("Jennifer Huberty, Jeni Green"));
}

#[test]
fn a_plain_by_line_under_the_headline_names_the_author() {
    let byline = |line: &str| {
        meta(&format!(
            "<body><div><div><h1>The History of Coffee</h1><div class=meta>\
             <p><time>Mar 24, 2025</time></p><p>{line}</p></div></div>\
             <p>Coffee came from Ethiopia.</p></div></body>"
        ))
        .byline
    };
    assert_eq!(byline("By Amy Wilhelm").as_deref(), Some("Amy Wilhelm"));
    assert_eq!(
        byline("by Jon Foster - 2025-09-13").as_deref(),
        Some("Jon Foster")
    );
    // Set phrases, a lone word and a sentence are no bylines.
    for line in [
        "By Appointment Only",
        "By Car",
        "By then, Ethiopia Traded It.",
    ] {
        assert_eq!(byline(line), None, "{line}");
    }
    // Far from the headline, a "By" line is not taken.
    let m = meta(
        "<body><header><h1>Coffee</h1></header><main><div><section>\
         <p>Text.</p><p>By Amy Wilhelm</p></section></div></main></body>",
    );
    assert_eq!(m.byline, None);
}

#[test]
fn the_site_name_printed_after_the_authors_is_not_part_of_the_byline() {
    let byline = |site: &str, line: &str| {
        meta(&format!(
            r#"<head><meta property="og:site_name" content="{site}"></head><body>
            <h1>Rates rise</h1><span class="byline">{line}</span><p>Text.</p></body>"#
        ))
        .byline
    };
    assert_eq!(
        byline("USA TODAY", "Brian Truitt USA TODAY").as_deref(),
        Some("Brian Truitt")
    );
    assert_eq!(
        byline(
            "The Commercial Appeal",
            "Manoj Jain and Ann Lee, The Commercial Appeal"
        )
        .as_deref(),
        Some("Manoj Jain and Ann Lee")
    );
    assert_eq!(
        byline("FullStack", "David Jackson - FullStack Editorial Team").as_deref(),
        Some("David Jackson")
    );
    // The site as the only author stays; so does a name the site's name only starts.
    assert_eq!(
        byline("The Verge", "The Verge").as_deref(),
        Some("The Verge")
    );
    assert_eq!(
        byline("Ann", "Mary Annabel Lee").as_deref(),
        Some("Mary Annabel Lee")
    );
    // One name before the site's is too little to tell a person from a handle.
    assert_eq!(
        byline("House Plant House", "Laura / House Plant House").as_deref(),
        Some("Laura / House Plant House")
    );
}

#[test]
fn an_authors_label_and_a_plural_job_title_are_not_the_names() {
    let m = meta(
        r#"<body><h1>Grow lights</h1><p>Seedlings need light.</p><section class="author-block">
        <p class="byline">Authors: Julie Weisenhorn and Natalie Hoidal, Extension horticulture
        educators</p></section></body>"#,
    );
    assert_eq!(
        m.byline.as_deref(),
        Some("Julie Weisenhorn and Natalie Hoidal")
    );
}

#[test]
fn an_author_box_with_a_bio_opens_with_the_name() {
    let bio = "leads growth at a clinic software company and writes about running a \
        practice, from billing to the front desk, and about the tools that help.";
    let byline = |first: &str| {
        meta(&format!(
            r#"<body><h1>Clinic billing</h1><p>Billing is hard.</p>
            <div class="blog_author-text"><div class="name">{first}</div>
            <p>Lauren {bio}</p></div></body>"#
        ))
        .byline
    };
    assert_eq!(byline("Lauren Vetter").as_deref(), Some("Lauren Vetter"));
    // A heading, a post's title or a category link is no name.
    assert_eq!(byline("About The Author").as_deref(), None);
    assert_eq!(
        byline("Affordable, Ethical Clothing Brands").as_deref(),
        None
    );
    assert_eq!(
        byline(r#"<a href="/topics/tech">Tech Industry</a>"#).as_deref(),
        None
    );
    assert_eq!(
        byline(r#"<a href="/author/lauren-vetter">Lauren Vetter</a>"#).as_deref(),
        Some("Lauren Vetter")
    );
}

#[test]
fn an_author_boxs_job_title_and_bio_are_not_the_name() {
    let byline = |inner: &str| {
        meta(&format!(
            "<body><h1>Buying guide</h1>{inner}<p>Text of the guide.</p></body>"
        ))
        .byline
    };
    // The title on a line of its own under the name.
    assert_eq!(
        byline(
            "<span class=byline-author>By <a href=/experts/kb>Keith Barry</a><br>\
             <span class=byline-author__title>Senior Autos Reporter</span></span>"
        )
        .as_deref(),
        Some("Keith Barry")
    );
    assert_eq!(
        byline(
            "<div class=author><div class=name>Written by <span>Meghan Neville</span>\
             </div><div class=position>Content Marketing Coordinator</div></div>"
        )
        .as_deref(),
        Some("Meghan Neville")
    );
    // An element classed as the name holds the name alone.
    assert_eq!(
        byline(
            "<div class=author-line><span class=author-label>Written By:</span> \
             <span class=author-name><a href=/author/cl>Celeste Longacre</a></span> \
             <span class=author-title>Gardener &amp; Astrologer</span></div>"
        )
        .as_deref(),
        Some("Celeste Longacre")
    );
    // A bio alone is no byline; a line that is not a job title stays.
    assert_eq!(
        byline("<div class=author-description>Licensed Q Arabica Grader</div>"),
        None
    );
    assert_eq!(
        byline("<div class=byline>By Kelli Miller<br>WebMD Health News</div>").as_deref(),
        Some("Kelli Miller WebMD Health News")
    );
}

#[test]
fn a_posters_card_too_long_for_a_byline_still_names_the_poster() {
    let menu: String = (0..6)
        .map(|i| format!("<li><a href=/u/1/{i}>View Forum Posts and Threads {i}</a></li>"))
        .collect();
    let m = meta(&format!(
        r#"<body><h1>Boot loop</h1><div class="username_container"><div class="popupmenu">
        <a class="username popupctrl" href="/u/1"><strong itemprop="author">HOSTLAR</strong></a>
        <ul class="popupbody">{menu}</ul></div></div><p>My phone restarts.</p></body>"#
    ));
    assert_eq!(m.byline.as_deref(), Some("HOSTLAR"));
}

#[test]
fn a_microdata_author_named_by_a_meta_tag_is_that_name() {
    let m = meta(
        r#"<body><h1>Release notes</h1><div itemprop="author" itemscope
        itemtype="https://schema.org/Person"><meta itemprop="name" content="julian">
        <span class="avatar">J</span> <span class="visually-hidden">Offline</span>
        <a href="/user/julian">julian</a> <span class="badge">Staff</span>
        <span>wrote on <a href="/post/1">Nov 27</a></span></div>
        <p>We shipped the new version today.</p></body>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("julian"));
}

#[test]
fn a_forums_first_username_is_the_byline_but_not_a_greeting_or_masked_buyer() {
    let thread = |first: &str| {
        meta(&format!(
            r#"<body><div class="post"><dt><a href="/u/1" class="username">{first}</a></dt>
            <div class="content"><p>How do I boot from USB?</p></div></div>
            <div class="post"><dt><a href="/u/2" class="username">helper</a></dt>
            <div class="content"><p>Hold shift.</p></div></div></body>"#
        ))
        .byline
    };
    assert_eq!(thread("b.scherer").as_deref(), Some("b.scherer"));
    // Neither names anybody: the walk goes on to the next poster.
    assert_eq!(thread("Hi").as_deref(), Some("helper"));
    assert_eq!(thread("e***1 (37)").as_deref(), Some("helper"));
}

#[test]
fn an_author_heading_labels_the_name_below_it() {
    let byline = |body: &str| {
        meta(&format!(
            "<body><h1>Eviction notices</h1><p>Text.</p>{body}</body>"
        ))
        .byline
    };
    assert_eq!(
        byline("<div><h3>Author</h3><p> Lisa D. Ellis</p></div>").as_deref(),
        Some("Lisa D. Ellis")
    );
    assert_eq!(
        byline("<dl><dt>Authors</dt><dd>Ann Lee</dd></dl>").as_deref(),
        Some("Ann Lee")
    );
    // A table's column head is over the books' authors, not the page's.
    assert_eq!(
        byline("<table><tr><th>Author</th><th>Title</th></tr><tr><td>Jane Austen</td><td>Emma</td></tr></table>"),
        None
    );
}

#[test]
fn a_link_to_one_authors_page_names_the_author_when_nothing_else_does() {
    let byline = |links: &str| {
        meta(&format!(
            "<body><h1>Pricing models</h1><div>{links}</div><p>Body text.</p></body>"
        ))
        .byline
    };
    assert_eq!(
        byline(r#"<a href="/authors/trevor-jackins">Trevor Jackins</a>"#).as_deref(),
        Some("Trevor Jackins")
    );
    assert_eq!(
        byline(r#"<a href="/blog-authors/matteo-laratta">Matteo Laratta</a>"#).as_deref(),
        Some("Matteo Laratta")
    );
    // The list of all authors, and a link's label, name nobody.
    assert_eq!(byline(r#"<a href="/authors/">Our Authors</a>"#), None);
    assert_eq!(byline(r#"<a href="/coauthors/jo-lee">Jo Lee</a>"#), None);
    assert_eq!(
        byline(r#"<a href="/author/juliette">Articles by Juliette</a>"#),
        None
    );
    // Markup that names the author wins over an earlier link.
    assert_eq!(
        byline(
            r#"<a href="/author/grace-dent">Grace Dent</a>
            <span class="byline">Hazel Sheffield</span>"#
        )
        .as_deref(),
        Some("Hazel Sheffield")
    );
}

#[test]
fn url_bylines_are_rejected() {
    let m = meta(
        r#"<head><meta property="article:author" content="https://www.facebook.com/x">
        </head><body><p>text</p></body>"#,
    );
    assert_eq!(m.byline, None);
}

#[test]
fn box_headings_and_numbers_are_not_bylines() {
    for raw in [
        "About the Author",
        "The author",
        "Authors:",
        "262588213843476",
        "#12",
    ] {
        assert_eq!(clean_byline(raw), None, "{raw}");
    }
    assert_eq!(clean_byline("By Jane Doe").as_deref(), Some("Jane Doe"));
    for (raw, name) in [
        (
            "Shelby Loos, DVM. Reviewed by Molly Price, DVM",
            "Shelby Loos, DVM",
        ),
        (
            "Niko Matsakis on behalf of Vision Doc group",
            "Niko Matsakis",
        ),
        ("Newsdesk news@businessweekly.co.uk", "Newsdesk"),
        (
            "Texas Mattress MakersReviewed by Youval Meicler",
            "Texas Mattress Makers",
        ),
        (
            "Rob Ewaschuk Edited by Betsy Beyer",
            "Rob Ewaschuk Edited by Betsy Beyer",
        ),
        ("beatriz.pinto@hommes.studio", "beatriz.pinto@hommes.studio"),
    ] {
        assert_eq!(clean_byline(raw).as_deref(), Some(name), "{raw}");
    }
    for raw in [
        "Topic Author",
        "Sign In Join Us",
        "Log in",
        "page.head.extra.author",
    ] {
        assert_eq!(clean_byline(raw), None, "{raw}");
    }
    assert_eq!(
        clean_byline("sara.r.peter").as_deref(),
        Some("sara.r.peter")
    );
    assert_eq!(
        clean_byline("Loginov Ivan").as_deref(),
        Some("Loginov Ivan")
    );
    assert_eq!(clean_byline("R2 Team").as_deref(), Some("R2 Team"));
}

#[test]
fn byline_and_date_from_markup() {
    let m = meta(
        r#"<html><head><title>A fairly long article title here</title></head><body>
        <div class="site-header"><span class="author">Header Person</span></div>
        <div style="display: none"><span class="byline">Hidden Person</span></div>
        <article><p class="byline">By <span itemprop="name">Sam   Smith</span>, staff</p>
        <time datetime="2019-07-08T09:10">July 8</time>
        <p>Body text.</p></article></body></html>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("Sam Smith"));
    assert_eq!(m.published_iso.as_deref(), Some("2019-07-08T09:10:00"));
}

#[test]
fn relaxed_byline_pass_counts_only_when_the_strict_one_finds_nothing() {
    // The whole article sits in an "unlikely" wrapper: only the relaxed pass sees
    // it, and its first hit outside nav/aside/footer wins.
    let m = meta(
        r#"<html><body><nav class="menu"><span class="author">Nav Person</span></nav>
        <div class="header-wrap"><p class="byline">By Wrapped Writer</p>
        <p class="author">Second Person</p></div></body></html>"#,
    );
    assert_eq!(m.byline.as_deref(), Some("Wrapped Writer"));
    let m = meta(
        r#"<html><body><div class="sidebar"><span class="author">Side Person</span></div>
        </body></html>"#,
    );
    assert_eq!(m.byline, None);
}

#[test]
fn needles_find_any_substring() {
    let needles = Needles::new(&["-ad-", "banner", "ban", "x"]);
    assert!(needles.any_in(b"top-ad-slot"));
    assert!(needles.any_in(b"mybanner"));
    assert!(needles.any_in(b"ba bax"));
    assert!(!needles.any_in(b"ad ba-n"));
    assert!(!needles.any_in(b""));
    assert!(Needles::new(&[""]).any_in(b"anything"));
    assert!(!Needles::new(&[]).any_in(b"anything"));
}

#[test]
fn byline_dates_and_scores_beside_the_names_are_cut() {
    for (raw, want) in [
        ("Luke KimDecember 17, 2025", Some("Luke Kim")),
        ("by Lucas Nolan22 Dec 2016651", Some("Lucas Nolan")),
        ("By Nathan Willis\n   March 25, 2015", Some("Nathan Willis")),
        ("Dr. Vahid Osman - Mar 27, 2024", Some("Dr. Vahid Osman")),
        ("Haley Hoekstra • March 12, 2025", Some("Haley Hoekstra")),
        (
            "Reyan PerumalPublished on July 18, 2025",
            Some("Reyan Perumal"),
        ),
        (
            "Cazzy MagennisLast Updated:August 1, 2025",
            Some("Cazzy Magennis"),
        ),
        (
            "Eric Hergenreder Updated December 19, 2025",
            Some("Eric Hergenreder"),
        ),
        ("Nick van Mead2022-11-23T08:10+02:00", Some("Nick van Mead")),
        (
            "FlowGuard EMEA on 04-ago-2021 5:11:10",
            Some("FlowGuard EMEA"),
        ),
        ("03/10/2023 by WSET Global", Some("WSET Global")),
        ("Dec 23 Written By Linny and Peter", Some("Linny and Peter")),
        ("Dec 17, 2025Julian K. Arni", Some("Julian K. Arni")),
        ("Vader 6,796 8 gold badges 34 silver badges", Some("Vader")),
        ("August 28, 2025•5 min read", None),
        (
            "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm",
            None,
        ),
        ("May Lee", Some("May Lee")),
        ("June Carter and Marc Oct", Some("June Carter and Marc Oct")),
        ("lulug30", Some("lulug30")),
        ("Written byDan Pantelo", Some("Dan Pantelo")),
        ("Harry RabinowitzTech Reporter", Some("Harry Rabinowitz")),
        ("Craig McCarthy", Some("Craig McCarthy")),
        ("KumikoGoingCrAzY", Some("KumikoGoingCrAzY")),
        (
            "Ashley Biancuzzo, Associate Editor, PCWorld",
            Some("Ashley Biancuzzo"),
        ),
        (
            "Danielle DeSiato, Donna Enzmann, Natalie Nguyen",
            Some("Danielle DeSiato, Donna Enzmann, Natalie Nguyen"),
        ),
        ("Emma Ryan Writer", Some("Emma Ryan")),
        ("Ann Author, Bob Writer", Some("Ann Author, Bob Writer")),
        (
            "Mike Marshall, Shipping Expert",
            Some("Mike Marshall, Shipping Expert"),
        ),
        ("Staff Writer", Some("Staff Writer")),
        ("\"David Kim\"", Some("David Kim")),
        ("& Zackery Cuevas Writer, Hardware", Some("Zackery Cuevas")),
        ("View all posts by Ray Ansari", Some("Ray Ansari")),
        (
            "Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC",
            Some("Joe Wee"),
        ),
        ("Sun Dec 17, 2023 11:23 am", None),
        ("BySummer Swann-June 12, 2025", Some("Summer Swann")),
        ("Byron Bay", Some("Byron Bay")),
        ("Post by galitsyn » 11. Sep 2024, 18:36", Some("galitsyn")),
        ("3d23d65-ddc6-4ce5", Some("3d23d65-ddc6-4ce5")),
        ("guitar_00 09.08.2024", Some("guitar_00")),
        ("Team 10x", Some("Team 10x")),
    ] {
        assert_eq!(clean_byline(raw).as_deref(), want, "{raw}");
    }
    // Odd edges must not panic on any char boundary.
    for raw in [
        "Ä1",
        "é12 Dec",
        "日本 12/03/2024",
        "Mar",
        "12",
        "1-",
        "1-2",
        "1-2-",
        "Sun",
        "Sun,",
        "on ",
        "ByÉ",
        "Byé",
        "Жанна 3 мая",
        "x 1.1.",
        "Dec 1日",
        "9 badge",
        "«»",
    ] {
        let _ = clean_byline(raw);
    }
}

#[test]
fn byline_by_prefix_trimmed_and_long_rejected() {
    assert_eq!(
        clean_byline("  By  Jane\n Doe ").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(clean_byline("BY: JOE WEE").as_deref(), Some("JOE WEE"));
    assert_eq!(clean_byline("Byron Bay").as_deref(), Some("Byron Bay"));
    assert_eq!(
        clean_byline("Written by: Ann Lee |").as_deref(),
        Some("Ann Lee")
    );
    assert_eq!(clean_byline("Author Isa Shel").as_deref(), Some("Isa Shel"));
    assert_eq!(clean_byline(", USA TODAY").as_deref(), Some("USA TODAY"));
    assert_eq!(clean_byline(" By "), None);
    assert_eq!(clean_byline("www.example.com/author"), None);
    assert_eq!(clean_byline(&"word ".repeat(40)), None);
    let m = meta(&format!(
        r#"<body><p class="author">{}</p><a rel="author" href="/x">Real Name</a></body>"#,
        "long text ".repeat(20)
    ));
    assert_eq!(m.byline.as_deref(), Some("Real Name"));
}

#[test]
fn itemprop_date_beats_plain_time() {
    let m = meta(
        r#"<body><aside><time datetime="2001-01-01">old</time></aside>
        <span itemprop="datePublished" content="2022-12-31">Dec 31</span></body>"#,
    );
    assert_eq!(m.published_iso.as_deref(), Some("2022-12-31"));
}

#[test]
fn title_splitting() {
    let t = |title: &str| article_title(title, &[], &[]);
    assert_eq!(
        t("Lorem ipsum dolor sit amet – My website"),
        "Lorem ipsum dolor sit amet"
    );
    assert_eq!(
        t("How to Build a Long Title Here | Site Name"),
        "How to Build a Long Title Here"
    );
    // The site name first: the part after the first separator.
    assert_eq!(
        t("Site | A story that has a long enough title"),
        "A story that has a long enough title"
    );
    // Cutting would leave too little: keep the original.
    assert_eq!(t("Short one | Site"), "Short one | Site");
    assert_eq!(
        t("Site Name: The story about things that happened"),
        "The story about things that happened"
    );
    let heading = vec!["This is a long title with a colon: Hello there".to_string()];
    assert_eq!(
        article_title(
            "This is a long title with a colon: Hello there",
            &heading,
            &[]
        ),
        "This is a long title with a colon: Hello there"
    );
    // Too short a title: the single h1 wins.
    let h1 = vec!["The real headline of the article".to_string()];
    assert_eq!(
        article_title("Home", &h1, &h1),
        "The real headline of the article"
    );
    // ...unless it is four words or fewer, which says nothing better.
    let h1 = vec!["Four words of headline".to_string()];
    assert_eq!(article_title("Home", &h1, &h1), "Home");
    assert_eq!(
        t("  Spaced \n  title words  here now "),
        "Spaced title words here now"
    );
}

#[test]
fn avatar_initials_drawn_in_svg_stay_out_of_the_byline() {
    // A generated avatar writes the author's initials as SVG text beside the name.
    let html = r#"<body><article><div class="author"><svg viewBox="0 0 80 80">
        <circle r="40"/><text x="40" y="40">CM</text></svg>
        <span>Craig McCarthy</span></div><p>Story text.</p></article></body>"#;
    let m = extract(
        &crate::parse::parse(html),
        Url::parse("https://example.com/a/b").ok().as_ref(),
    );
    assert_eq!(m.byline.as_deref(), Some("Craig McCarthy"));
}

#[test]
fn svg_title_is_not_the_document_title() {
    let m = meta(r#"<body><svg><title>icon</title></svg><h1>x</h1></body>"#);
    assert_eq!(m.title, None);
}

#[test]
fn dates_normalise_to_iso() {
    let cases = [
        ("2006-01-02", Some("2006-01-02")),
        ("2006-01-02T15:04:05Z", Some("2006-01-02T15:04:05Z")),
        (
            "2006-01-02T15:04:05.123+0100",
            Some("2006-01-02T15:04:05+01:00"),
        ),
        ("2017-11-03 03:01:00.000000", Some("2017-11-03T03:01:00")),
        ("2006/1/2", Some("2006-01-02")),
        ("20060102", Some("2006-01-02")),
        (
            "Mon, 02 Jan 2006 15:04:05 -0700",
            Some("2006-01-02T15:04:05-07:00"),
        ),
        ("January 2, 2006", Some("2006-01-02")),
        ("2 January 2006", Some("2006-01-02")),
        ("Sept. 3rd, 2019 at 3:46 PM", Some("2019-09-03T15:46:00")),
        ("March 11, 2015 3:46 PM EST", Some("2015-03-11T15:46:00")),
        ("2024-02-30", None),
        ("02/01/2006", None),
        ("yesterday", None),
        ("", None),
        ("Updated 2021-05-06 late", Some("2021-05-06")),
    ];
    for (input, want) in cases {
        assert_eq!(parse_date(input).as_deref(), want, "{input}");
    }
}

#[test]
fn entities_decode_like_browsers() {
    assert_eq!(
        decode_entities("&#xg; &#x1F62D; &#128557; &#xFFFFFFFF; &#x0; &amp; &bogus;"),
        "&#xg; 😭 😭 \u{FFFD} \u{FFFD} & &bogus;"
    );
    assert_eq!(clean("  a \u{a0} b\n\tc "), "a b c");
}

#[test]
fn deep_documents_do_not_overflow() {
    let mut html = String::from("<title>Deep page title for testing</title>");
    for _ in 0..100_000 {
        html.push_str("<span>");
    }
    html.push_str(r#"<span class="byline">Deep Author</span>"#);
    let m = meta(&html);
    assert_eq!(m.byline.as_deref(), Some("Deep Author"));
}
