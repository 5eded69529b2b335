use super::*;

const PARA: &str = "The river rose through the night, and by morning the town had \
    moved its market to the hill, where traders, farmers and children waited.";

fn extract_text(html: &str) -> String {
    let doc = crate::parse::parse(html);
    let flat = Flat::build(doc.tree.root());
    let analysis = Analysis::new(&flat);
    let body = flat.find("body").unwrap_or(0);
    let selection = find(&analysis, body);
    let tree = to_tree(&flat, &selection);
    crate::render::text(tree.root())
}

#[test]
fn hints_are_found_in_any_case_wherever_they_start() {
    const WORDS: Hints = Hints::new(&[b"log", b"link", b"sign", b"\xc2\xa9"]);
    for text in [
        "Please LOGIN",
        "a blog",
        "the Link",
        "Sign",
        "\u{a9} 2026",
        "lo lin l",
    ] {
        let expected = !text.starts_with("lo ");
        assert_eq!(WORDS.any_in(text), expected, "{text}");
    }
    assert!(!WORDS.any_in(""));
}

fn article(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| format!("<p>{i}: {PARA}</p>"))
        .collect()
}

#[test]
fn pruning_removes_nav_and_cookie_banner() {
    let html = format!(
        "<body><nav><a href=/>Home</a><a href=/a>About us</a></nav>\
         <div class=cookie-banner>We use cookies to improve things, accept them now.</div>\
         <div class=post>{}</div><footer>Copyright footer text here</footer></body>",
        article(5)
    );
    let text = extract_text(&html);
    assert!(text.contains("0: The river rose"), "{text}");
    assert!(text.contains("4: The river rose"), "{text}");
    assert!(!text.contains("About us"));
    assert!(!text.contains("cookies"));
    assert!(!text.contains("Copyright"));
}

#[test]
fn a_consent_banner_is_never_the_content_of_a_thin_page() {
    // The page's own text is a title and a price: too little for the strict
    // pass, so the relaxed one runs, and the banner's legal paragraph is the
    // longest text there.
    let legal = "We use cookies and other technologies that are essential to provide \
                 you our services and site functionality, as described in our Cookie \
                 Notice. If you agree and click Accept all, we will also allow third \
                 party companies to store cookies on your device and use similar \
                 technologies to collect and use your personal data for advertising.";
    let html = format!(
        "<body><div class=top-panel><section id=gdpr-banner class=page-notice>\
         <p>{legal}</p><p>Data processing purposes: store and access information on \
         a device.</p></section></div><div class=item><h1>Clutch kit for a Daily V</h1>\
         <div>EUR 355.58</div></div></body>"
    );
    let text = extract_text(&html);
    assert!(!text.contains("We use cookies"), "{text}");
    // A page about cookie consent keeps its paragraphs.
    let html = format!(
        "<body><main class=consent-guide><h1>Consent banners</h1><p>{legal}</p>\
         <p>{PARA}</p></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("We use cookies"), "{text}");
}

#[test]
fn hidden_elements_are_pruned() {
    let html = format!(
        "<body><div>{}<p hidden>Secret one.</p><p aria-hidden=\"true\">Secret two.</p>\
         <p style=\"display: none\">Secret three.</p></div></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"));
    assert!(!text.contains("Secret"), "{text}");
}

#[test]
fn popovers_are_hidden_and_until_found_sections_are_not() {
    // A popover (install prompt, dropdown menu) is shown only on demand; a
    // `hidden=until-found` section opens when find-in-page matches it.
    let html = format!(
        "<body><div popover id=install><p>To install this app, tap the Share icon and \
         then Add to Home Screen, then confirm by tapping Install.</p></div>\
         <div>{}<section hidden=until-found><p>Collapsed answer that readers open.</p>\
         </section></div></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("install this app"), "{text}");
    assert!(text.contains("Collapsed answer"), "{text}");
}

#[test]
fn scoring_picks_the_article_over_the_sidebar() {
    let sidebar: String = (0..12)
        .map(|i| format!("<li><a href=/p{i}>Popular story number {i} with a long title</a></li>"))
        .collect();
    let html = format!(
        "<body><div id=wrap><div class=col><ul>{sidebar}</ul></div>\
         <div class=col>{}</div></div></body>",
        article(6)
    );
    let text = extract_text(&html);
    assert!(text.contains("5: The river"), "{text}");
    assert!(!text.contains("Popular story"), "{text}");
}

#[test]
fn forum_posts_are_all_kept() {
    let posts: String = (0..5)
        .map(|i| format!("<div class=\"post\"><p>Post {i}. {PARA}</p></div>"))
        .collect();
    let html = format!("<body><div id=thread>{posts}</div></body>");
    let text = extract_text(&html);
    for i in 0..5 {
        assert!(
            text.contains(&format!("Post {i}.")),
            "missing post {i}: {text}"
        );
    }
}

#[test]
fn forum_signatures_are_dropped_however_long() {
    // Signatures of a few lines go with the poster panels; long ones (a seller's
    // pitch, a quote collection) are boilerplate by their class.
    let signatures = [
        "Signature: I build proven store plugins; buy me a coffee if this helped.",
        "Signature: ten years of woodworking, two hands, one shed, zero regrets.",
        "Signature: running Arch on a toaster since the spring of the last decade.",
        "Signature: opinions are mine alone and change with the weather outside.",
    ];
    let posts: String = signatures
        .iter()
        .enumerate()
        .map(|(i, signature)| {
            format!(
                "<div class=\"post\"><p>Post {i}. {PARA}</p>\
                 <div class=\"ipsEntry__signature\"><p>{signature} {signature}</p>\
                 <p>{signature} {signature} {signature}</p></div></div>"
            )
        })
        .collect();
    let html = format!("<body><div id=thread>{posts}</div></body>");
    let text = extract_text(&html);
    assert!(
        text.contains("Post 0.") && text.contains("Post 3."),
        "{text}"
    );
    assert!(!text.contains("Signature"), "{text}");
}

#[test]
fn jump_links_within_the_page_are_dropped() {
    let html = format!(
        "<body><div><p><a href=\"#main\">Skip to the main content</a></p>\
         <h2 id=r1>Best overall</h2><p><a href=\"#r1\">Jump to Review</a></p>{}\
         <p>See <a href=\"#r1\">our pick</a> or <a href=/skip>Skip to the end</a>.</p>\
         </div></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("main content"), "{text}");
    assert!(!text.contains("Jump to"), "{text}");
    // In-page links in a sentence, and "skip" links that leave the page, stay.
    assert!(text.contains("See our pick or Skip to the end."), "{text}");
}

#[test]
fn relaxed_pass_keeps_content_that_lives_in_furniture() {
    let html = format!("<body><aside>{}</aside></body>", article(3));
    let text = extract_text(&html);
    assert!(text.contains("2: The river"), "{text}");
}

#[test]
fn a_short_post_does_not_bring_back_the_site_header() {
    // Strict pruning keeps only the post; the relaxed pass would double it, but
    // only with the header's controls, so the strict selection stands.
    let header = "<header><nav><span>Open navigation</span> <span>Go to Harbour \
        Home</span> <span>Get the Harbour app</span> <span>Log in to Harbour</span> \
        <span>Open settings menu</span> <span>Expand user menu</span> <span>Search \
        the harbour</span> <span>Advertise on Harbour</span></nav></header>";
    let html = format!(
        "<body><div class=app>{header}<div class=main><div class=post>\
         <h1>Harbour wall holds</h1><p>The harbour wall held through the storm, and \
         by the third morning the fishing boats were back out past the point, \
         counting what the sea had taken.</p></div><aside><span>New here?</span>\
         <p>Create your account and meet the sailors.</p></aside></div></div></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("fishing boats were back out"), "{text}");
    assert!(!text.contains("Open navigation"), "{text}");
    assert!(!text.contains("Get the Harbour app"), "{text}");
}

#[test]
fn cloned_slides_are_kept_once_but_item_attributes_repeat() {
    let slide = "<div class=slide><h3>Colourful design that lets you shine</h3>\
        <p>Step into a world of creative possibilities on the bright screen.</p></div>";
    let items: String = (0..4)
        .map(|i| {
            format!(
                "<div class=item><h3>Monitor arm model {i}</h3>\
                 <p>For monitors: 5-22 lbs</p><p>Price ${i}99</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main>{}{slide}{slide}{slide}{items}</main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert_eq!(text.matches("Colourful design").count(), 1, "{text}");
    assert_eq!(text.matches("Step into a world").count(), 1, "{text}");
    assert_eq!(text.matches("For monitors: 5-22 lbs").count(), 4, "{text}");
    assert!(text.contains("Monitor arm model 3"), "{text}");
}

#[test]
fn a_paragraph_said_twice_in_one_place_is_kept_twice_but_a_copy_elsewhere_is_not() {
    let long = "The harbour wall held through the storm, and by the third morning the \
        fishing boats were back out past the point, their crews counting what the \
        water had taken and what it had left behind on the shingle.";
    // The page itself says it twice, in one run of paragraphs: a reader sees both.
    let html = format!(
        "<body><article><h1>Storm</h1><p>{long}</p><h2>Again</h2><p>{long}</p>\
         </article></body>"
    );
    let text = extract_text(&html);
    assert_eq!(text.matches("The harbour wall").count(), 2, "{text}");
    // Also when each section holds its paragraphs in a `<div>` of its own.
    let html = format!(
        "<body><article><h1>Storm</h1><div><p>{long}</p><p>Then calm.</p></div>\
         <h2>Again</h2><div><p>Still calm.</p><p>{long}</p></div></article></body>"
    );
    let text = extract_text(&html);
    assert_eq!(text.matches("The harbour wall").count(), 2, "{text}");
    // A copy in a wrapper of its own (a mobile or slide duplicate) says nothing new.
    let html = format!(
        "<body><article><h1>Storm</h1><p>{long}</p><h2>Again</h2>\
         <div class=mobile><p>{long}</p></div></article></body>"
    );
    let text = extract_text(&html);
    assert_eq!(text.matches("The harbour wall").count(), 1, "{text}");
}

#[test]
fn repeats_match_across_case_spacing_and_non_ascii_text() {
    // The copy differs in case, in spacing and by a no-break space (which sends it
    // through the non-ASCII path of the hash): still the same text.
    let slide = "<div class=slide><h3>Colourful design</h3><p>Step into a world of \
        creative possibilities.</p></div>";
    let copy = "<div class=slide><h3>COLOURFUL\u{a0}DESIGN</h3><p>Step   into a world of \
        creative possibilities.</p></div>";
    let html = format!("<body><main>{}{slide}{copy}</main></body>", article(3));
    let text = extract_text(&html);
    assert_eq!(
        text.to_lowercase().matches("colourful").count(),
        1,
        "{text}"
    );
    // Non-ASCII letters are case-folded too.
    let cafe = "<div class=card><h3>Café Über</h3><p>Ein Ort für Kaffee und Kuchen.</p></div>";
    let shout = "<div class=card><h3>CAFÉ ÜBER</h3><p>EIN ORT FÜR KAFFEE UND KUCHEN.</p></div>";
    let html = format!("<body><main>{}{cafe}{shout}</main></body>", article(3));
    let text = extract_text(&html);
    assert_eq!(text.to_lowercase().matches("café").count(), 1, "{text}");
}

#[test]
fn a_control_label_linked_inside_a_running_sentence_stays() {
    let html = format!(
        "<body><main>{}<p>Redis combines vector similarity with structured \
         <a href=/f>filters</a>. For more information, read the guide.</p>\
         <p>To change the time of a booked court, <a href=/c>sign in</a> with the \
         account you paid with and open the booking.</p>\
         <p>Free returns within thirty days on any order shipped in the union. \
         <a href=/r>Learn more</a></p></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("with structured filters. For more"), "{text}");
    assert!(text.contains("court, sign in with the account"), "{text}");
    assert!(text.contains("in the union."), "{text}");
    assert!(!text.contains("Learn more"), "{text}");
}

#[test]
fn a_control_label_inside_a_sentence_split_into_spans_stays() {
    let html = format!(
        "<body><main>{}<p><span>If you ask for too much in one go, it gets muddled. \
         Developers </span><a href=/r>report</a><span> that the model loses the \
         plan.</span></p><p><span>This book is so clear and </span><a href=/h>helpful\
         </a><span>. I have enjoyed the anecdotes.</span></p>\
         <div><span>Ultra sharp diamond sharpening stones for the kitchen</span> \
         <span>Sale</span> <a href=/p>Learn more</a></div></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("Developers report that the model"), "{text}");
    assert!(text.contains("so clear and helpful. I have"), "{text}");
    assert!(text.contains("sharpening stones"), "{text}");
    // Labels of a row, each followed by the next control, not by words.
    assert!(!text.contains("Sale"), "{text}");
    assert!(!text.contains("Learn more"), "{text}");
}

#[test]
fn a_button_carrying_words_of_a_sentence_keeps_them() {
    let html = format!(
        "<body><main>{}<p>\"Machine learning is how most of AI is done,\" \
         said professor<button class=sidenote-button title=Malone>Thomas W. Malone,\
         </button> the founding director of the centre.</p><p>Paste the snippet into \
         your page header and save it.<button>Copy</button></p><p>Order the frame in \
         oak or walnut <button>Show more</button> for the full list.</p></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(
        text.contains("said professor Thomas W. Malone, the founding director"),
        "{text}"
    );
    assert!(!text.contains("Copy"), "{text}");
    assert!(!text.contains("Show more"), "{text}");
}

#[test]
fn brackets_left_empty_by_a_dropped_mark_go_with_it() {
    let html = format!(
        "<body><main>{}<p>We found 560 apps that were accessible and in English \
         [<span class=footers><a class=citation-link href=#ref52>52</a></span>]. The \
         top ones were calm (<span style=\"display:none\">beta</span>) and free.</p>\
         <p>Stress is common [<a href=#r28>28</a>, <a href=#r54>54</a>] in students; \
         so is sleep.</p>\
         <p>Pass an empty array ([]) as the second argument, or a list (<em></em>) of \
         names; see <a href=/guide>the guide</a> [<a href=/edit>edit</a>].</p>\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("in English. The top"), "{text}");
    assert!(text.contains("were calm and free."), "{text}");
    assert!(text.contains("is common in students; so is"), "{text}");
    assert!(text.contains("empty array ([]) as"), "{text}");
    assert!(text.contains("a list () of names"), "{text}");
}

#[test]
fn heading_permalinks_are_dropped() {
    let html = format!(
        "<body><main><h2 id=m>HTTP Methods<a class=headerlink href=#m>&para;</a></h2>\
         {}<h3 id=s>Safety<a class=anchor href=#s>&sect;</a></h3>{}\
         <p>Section <a href=#m>&sect; 4</a> lists the methods.</p></main></body>",
        article(2),
        article(2)
    );
    let text = extract_text(&html);
    assert!(text.contains("HTTP Methods\n"), "{text}");
    assert!(text.contains("Safety\n"), "{text}");
    assert!(!text.contains('\u{b6}'), "{text}");
    assert!(text.contains("Section \u{a7} 4 lists"), "{text}");
}

#[test]
fn a_short_sentence_built_around_a_linked_call_goes_whole() {
    let html = format!(
        "<body><main>{}<p>Like this article? <a href=/s>Subscribe</a> to our blog and \
         have insights delivered weekly.</p><p>Sign up for the county's flood alerts at \
         the town hall, where the clerk keeps the list of addresses by street.</p>\
         {}</main></body>",
        article(2),
        article(2)
    );
    let text = extract_text(&html);
    assert!(!text.contains("to our blog"), "{text}");
    assert!(
        text.contains("Sign up for the county's flood alerts"),
        "{text}"
    );
}

#[test]
fn interface_controls_are_dropped() {
    let html = format!(
        "<body><main>{}<p><a href=/cart>Add to cart</a></p><div>Reply With Quote</div>\
         <p>Click to expand...</p><p>Add to cart the spare parts you need.</p><div>Page 1 of 8</div>\
         <div><span>Back-order</span></div><p>Sold out.</p><div><label>Compare</label></div>\
         <div><p>Was this page helpful?</p><button>Yes</button></div>\
         <div class=w-form-fail><div>Oops! Something went wrong while submitting the \
         form.</div></div><div class=gform_validation_container><label>This field is for \
         validation purposes and should be left unchanged.</label></div>\
         <div class=printfooter>Retrieved from \"<a href=/w>https://wiki.example.org/\
         index.php?title=Sudo&amp;oldid=867930</a>\"</div><p>Smith, J. (2020). River \
         towns. Retrieved from https://example.org/rivers</p>\
         <p>Back-order items ship when they arrive.</p><p><a href=/r>Read the review\
         </a></p><div><a href=/plans>See plans</a></div><p>Read the review before you \
         buy.</p><p>See <a href=/report.pdf>the report</a>.</p><div>Join Date: Mar \
         2016</div><dl><dt>Messages:</dt><dd>1,077</dd></dl><p>Posts: wooden, set \
         in concrete.</p><p>Subscribe to the gauge data through the county office.</p>\
         <div><a href=#p>Print</a></div><div><button>Size guide</button></div>\
         <div><span>See less</span></div><div><span>Expand all</span></div>\
         <p>Print the form and sign it.</p><p>Loading paragraph...</p>\
         <p>Loading the van took an hour...</p><dl><dt>Status</dt> <dd>Not open for \
         further replies.</dd></dl><p>No further replies to the survey came.</p>\
         <div><button>Copied!</button></div><p>Written by</p>\
         <div><span>Top Rated</span></div><div><span>New arrival</span></div>\
         <p>New arrivals reach the shop on Mondays.</p>\
         <div><a href=#w>Watch this topic</a></div><div><a href=/b>Back</a></div>\
         <div><span>Helpful</span></div><p>Back pain is common.</p>\
         <div><span>In partnership with</span></div>\
         <div><span>Results per page:</span></div><div><button>Copy item path</button></div>\
         <p>In partnership with the county, the town rebuilt the weir.</p>\
         <div><span>FREE Fast Delivery</span></div><div>Pick Up in Store</div>\
         <div><a href=#l>Like</a> <span>Loading...</span></div>\
         <h2>Start asking to get answers</h2><div><a href=#r>Rate this page</a></div>\
         <div><button>Expand description</button></div><div>Page tools</div>\
         <div>What do you think?</div><h3>Leave a Comment</h3></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Page 1 of 8"), "{text}");
    assert!(!text.contains("Leave a Comment"), "{text}");
    assert!(!text.contains("In partnership with\n"), "{text}");
    assert!(text.contains("In partnership with the county"), "{text}");
    assert!(!text.contains("Results per page"), "{text}");
    assert!(!text.contains("Copy item path"), "{text}");
    assert!(!text.contains("Rate this page"), "{text}");
    assert!(!text.contains("Expand description"), "{text}");
    assert!(!text.contains("Page tools"), "{text}");
    assert!(!text.contains("What do you think"), "{text}");
    assert!(!text.contains("Watch this topic"), "{text}");
    assert!(!text.contains("Helpful"), "{text}");
    assert!(!text.contains("Back\n"), "{text}");
    assert!(text.contains("Back pain is common."), "{text}");
    assert!(!text.contains("Fast Delivery"), "{text}");
    assert!(!text.contains("Pick Up"), "{text}");
    assert!(!text.contains("Like"), "{text}");
    assert!(text.contains("Subscribe to the gauge data"), "{text}");
    assert_eq!(text.matches("Read the review").count(), 1, "{text}");
    assert!(!text.contains("See plans"), "{text}");
    assert!(text.contains("See the report"), "{text}");
    assert!(!text.contains("Join Date"), "{text}");
    assert!(!text.contains("Messages"), "{text}");
    assert!(text.contains("Posts: wooden"), "{text}");
    assert!(!text.contains("Sold out"), "{text}");
    assert!(!text.contains("Compare"), "{text}");
    assert!(!text.contains("helpful"), "{text}");
    assert!(!text.contains("went wrong"), "{text}");
    assert!(!text.contains("validation purposes"), "{text}");
    assert!(!text.contains("oldid"), "{text}");
    assert!(text.contains("River towns. Retrieved from"), "{text}");
    assert_eq!(text.matches("Back-order").count(), 1, "{text}");
    assert!(!text.contains("Reply With Quote"), "{text}");
    assert!(!text.contains("Click to expand"), "{text}");
    assert_eq!(text.matches("Add to cart").count(), 1, "{text}");
    assert!(text.contains("the spare parts you need"), "{text}");
    assert!(!text.contains("Size guide"), "{text}");
    assert!(!text.contains("See less"), "{text}");
    assert!(!text.contains("Expand all"), "{text}");
    assert_eq!(text.matches("Print").count(), 1, "{text}");
    assert_eq!(text.matches("Loading").count(), 1, "{text}");
    assert!(!text.contains("Status"), "{text}");
    assert!(!text.contains("Copied"), "{text}");
    assert!(!text.contains("Top Rated"), "{text}");
    assert!(!text.contains("New arrival\n"), "{text}");
    assert!(text.contains("New arrivals reach"), "{text}");
    assert!(!text.contains("Written by"), "{text}");
    assert!(!text.contains("Start asking"), "{text}");
    assert!(text.contains("replies to the survey"), "{text}");
    assert!(text.contains("Loading the van"), "{text}");
}

#[test]
fn controls_inside_short_lines_are_dropped_but_labels_and_values_stay() {
    let html = format!(
        "<body><main>{}<div class=card><h3>Gift set</h3><div>Trio of balms \
         <a href=/p/1>Shop now</a></div><div><span>Sale price:</span> €49</div>\
         <div><span>Duration</span><div>45</div></div><div><i class=stars></i>\
         <div>116</div></div></div></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("Trio of balms"), "{text}");
    assert!(!text.contains("Shop now"), "{text}");
    assert!(text.contains("Sale price: €49"), "{text}");
    assert!(text.contains("45"), "{text}");
    assert!(!text.contains("116"), "{text}");
}

#[test]
fn inline_links_keep_their_words_whatever_their_class() {
    let html = format!(
        "<body><main>{}<p>Avoid the urge to <a class=\"recommendation-inline-link\" \
         href=/fertilize>overfertilize</a>; you'll get lots of leaves but fewer \
         vegetables.</p><div><a class=\"related-link\" href=/x>Related: how to water \
         tomatoes</a></div></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(
        text.contains("Avoid the urge to overfertilize; you'll"),
        "{text}"
    );
    assert!(!text.contains("how to water"), "{text}");
}

#[test]
fn a_link_in_a_sentence_split_into_spans_keeps_its_words_whatever_its_class() {
    let html = format!(
        "<body><main>{}<p><span>May 15</span>: Last day to file your <a \
         class=external-popup href=/tax>2024 state tax returns</a>. <span>If you know \
         you cannot file your return by the due date, you need not ask.</span></p>\
         <div><span>Follow us</span> <a class=social-link href=/s>on every network</a>\
         </div></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(
        text.contains("file your 2024 state tax returns. If you know"),
        "{text}"
    );
    assert!(!text.contains("on every network"), "{text}");
}

#[test]
fn streamed_segments_are_content_but_other_hidden_divs_are_not() {
    let html = format!(
        "<body><div id=app><template id=\"B:0\"></template></div>\
         <div hidden id=\"S:0\"><article>{}<div hidden id=\"S:2e\">\
         <p>Hand-applied brass nail trim on every arm.</p></div></article></div>\
         <div hidden id=\"S:x\"><p>Secret drawer text that stays hidden.</p></div>\
         <div hidden id=\"cart\"><p>Your cart is empty right now, sadly.</p></div></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(text.contains("brass nail trim"), "{text}");
    assert!(!text.contains("Secret drawer"), "{text}");
    assert!(!text.contains("cart is empty"), "{text}");
}

#[test]
fn screen_reader_only_text_is_not_content() {
    let html = format!(
        "<body><main><a class=\"sr-only skip\" href=#c>Skip to the main content now</a>\
         {}<ul><li>Walking boots <dl class=visually-hidden><dt>Product name</dt>\
         <dd>Walking boots in brown leather</dd></dl></li></ul>\
         <p class=\"only-screen\">A paragraph whose class merely mentions a screen.</p>\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Skip to the main"), "{text}");
    assert!(!text.contains("Product name"), "{text}");
    assert!(text.contains("Walking boots"), "{text}");
    assert!(text.contains("merely mentions"), "{text}");
}

#[test]
fn furniture_named_headings_before_prose_are_content() {
    let prose = "When choosing a production company, it is important to know the kinds \
                 of videos there are, even if you are unsure which style suits your brand \
                 best, and how each of them performs at every stage of the funnel. \
                 Knowing them also keeps a studio from charging for what you do not need.";
    let html = format!(
        "<body><main><div class=entry>{}<h4>Popular distribution channels</h4><p>{prose}\
         </p><h2>Popular types of marketing videos</h2><p>Brand videos, explainers and \
         testimonials each do a different job: one tells who you are, one shows how the \
         product works, and one lets a customer say why it was worth the money. Most \
         brands need all three before the year is out, and the order they come in \
         matters less than how well each is made.</p>\
         <h3>Brand video</h3>\
         <p>A brand video tells the story of a brand rather than selling one product.</p>\
         <h3>Popular posts</h3><ul><li><a href=/a>Ten ways to film a product launch on a \
         budget</a></li><li><a href=/b>How to light an interview</a></li></ul>\
         <h3>Comments</h3><p>{prose}</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("Popular types of marketing videos"), "{text}");
    assert!(text.contains("When choosing"), "{text}");
    assert!(text.contains("explainers and testimonials"), "{text}");
    assert!(text.contains("Brand video"), "{text}");
    assert!(!text.contains("Popular posts"), "{text}");
    assert!(!text.contains("light an interview"), "{text}");
    assert!(!text.contains("Comments"), "{text}");
}

#[test]
fn credit_lines_are_dropped_from_articles() {
    let html = format!(
        "<body><main><h1>How to install solar panels</h1><p>Edited by: Kristina \
         Zagame</p><p>Reviewed by</p>{}<p>Written by the town council in 1911, the \
         charter still governs the market.</p></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Kristina"), "{text}");
    assert!(!text.contains("Reviewed by"), "{text}");
    assert!(text.contains("Written by the town council"), "{text}");
    for (line, credit) in [
        ("medically reviewed by kim rose, rdn", true),
        ("— written by jillian kubala, ms, rd", true),
        ("posted by: john at december 18, 2025 05:48 pm", true),
        ("published by stonemaier games", false),
        ("postedby", false),
    ] {
        assert_eq!(is_credit_line(line), credit, "{line}");
    }
}

#[test]
fn update_notes_are_dropped_but_sentences_about_updates_kept() {
    let html = format!(
        "<body><main>{}<p>Last updated:</p><p>Last updated on:</p><div class=message-lastEdit>Last edited: \
         <time>Mar 27, 2025</time></div><p>Last edited by Minoa on Tue Aug 27, 2019 \
         10:03 pm, edited 1 time in total.</p><p>Last modified January 7, 2026 at 4:12 \
         AM PST: Fix ordering of Service and Pod</p><p>Last updated the firmware, the \
         router stopped dropping the line.</p></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("2: The river"), "{text}");
    assert!(!text.contains("Last updated:"), "{text}");
    assert!(!text.contains("Last updated on"), "{text}");
    assert!(!text.contains("Last edited"), "{text}");
    assert!(!text.contains("Last modified"), "{text}");
    assert!(text.contains("Last updated the firmware"), "{text}");
}

#[test]
fn tooltip_bubbles_are_not_content_but_their_terms_are() {
    let html = format!(
        "<body><main>{}<p>Video results grew fastest of any <span class=Term_c1>\
         <dfn>search engine</dfn><span class=Term_tooltip__8V><span \
         class=Term_tooltipBubble__mu>A search engine is a website to search the \
         web.</span></span></span> result type this year.</p><p>Fees are flat \
         <span role=tooltip>Charged once a month</span> for every plan.</p>\
         <p>Notes taken with <span role=tooltip><a href=/jo>Jo Avery</a></span> in \
         the field.</p>\
         <p class=tooltip-trigger>Hover the tooltip for the definition.</p></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("any search engine result type"), "{text}");
    assert!(!text.contains("a website"), "{text}");
    assert!(text.contains("flat for every plan"), "{text}");
    assert!(text.contains("with Jo Avery in"), "{text}");
    assert!(text.contains("Hover the tooltip"), "{text}");
}

#[test]
fn collapsed_accordion_and_tab_panels_are_kept() {
    let html = format!(
        "<body><main>{}<div class=\"accordion-item\"><h3>Specifications</h3>\
         <div class=\"accordion-collapse\" style=\"display: none\"><p>Weight: 2.4 kg, \
         frame made of recycled aluminium, rated for outdoor use.</p></div></div>\
         <div role=tabpanel hidden><p>Care: wipe the frame with a damp cloth only.</p></div>\
         <div style=\"display:none\"><p>Newsletter popup that must stay out.</p></div>\
         <div><a role=button aria-controls=step1 class=btn-toggle><span role=heading>\
         1. Understand your electric bill</span></a></div><div id=step1 \
         style=\"display:none\" role=region aria-labelledby=t1><p>Look for your annual \
         kilowatt hours on the bill.</p></div><button aria-controls=menu1>Menu</button>\
         <ul id=menu1 style=\"display:none\"><li>Drop-down entry that stays hidden</li></ul>\
         <h3><a aria-controls=faq1 aria-expanded=false>How much do I need?</a></h3>\
         <div class=acd-content aria-hidden=true id=faq1>There is no single target; it \
         depends on what you spend.</div><h3>Can I pay monthly?</h3>\
         <div class=faq__answer style=\"display: none;\">Yes, every plan can be paid \
         by the month.</div><div class=\"a-expander-content\" style=\"display:none\">\
         <p>The rest of the description, behind a Read more link.</p></div>\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("1. Understand your electric bill"), "{text}");
    assert!(text.contains("annual kilowatt hours"), "{text}");
    assert!(!text.contains("Drop-down entry"), "{text}");
    assert!(text.contains("no single target"), "{text}");
    assert!(text.contains("paid by the month"), "{text}");
    assert!(text.contains("behind a Read more link"), "{text}");
    assert!(text.contains("Weight: 2.4 kg"), "{text}");
    assert!(text.contains("wipe the frame"), "{text}");
    assert!(!text.contains("Newsletter popup"), "{text}");
}

#[test]
fn promotion_boxes_beside_an_article_are_dropped_but_tabs_and_items_kept() {
    let items: String = (0..3)
        .map(|i| {
            format!(
                "<div class=event><h3>River walk {i}</h3><p>Meet at the old mill.</p>\
                 <a class=btn href=/e{i}>Details</a></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><div class=post>{}</div><div><h3>Earn your degree online</h3>\
         <p>Flexible classes for working adults.</p><a class=btn-primary href=/apply>\
         Apply</a></div><section><h3>Counter examples</h3><button>1. Counter</button>\
         <button>2. Text field</button><p>Pick an example to see its code.</p></section>\
         {items}<div class=notes><p>n1: {PARA}</p><p>n2: {PARA}</p><p>n3: {PARA}</p></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Earn your degree"), "{text}");
    assert!(!text.contains("Flexible classes"), "{text}");
    assert!(text.contains("Counter examples"), "{text}");
    assert!(text.contains("River walk 2"), "{text}");
}

#[test]
fn section_labels_above_the_headline_are_dropped_but_brands_kept() {
    let html = format!(
        "<body><main><div class=banner><a class=badge href=/tagged/tips>Tips &amp; \
         Tricks</a><h1>How robot vacuums map a room</h1></div>{}</main></body>",
        article(6)
    );
    let text = extract_text(&html);
    assert!(text.contains("How robot vacuums map a room"), "{text}");
    assert!(!text.contains("Tips & Tricks"), "{text}");

    // On a product page the link above the name is its brand.
    let html = format!(
        "<head><script type=application/ld+json>{{\"@type\":\"Product\",\"name\":\
         \"Pan\"}}</script></head><body><main><div><a href=/brands/lodge>Lodge</a>\
         <h1>Cast iron pan, 10 inch</h1></div>{}</main></body>",
        article(6)
    );
    let text = extract_text(&html);
    assert!(text.contains("Lodge"), "{text}");
}

#[test]
fn accordion_triggers_keep_their_questions() {
    // The question is the label of a button inside the heading, or a heading in
    // a header-classed trigger; the site's footer menus stay out.
    let html = format!(
        "<body><main>{}<h2>FAQs</h2><h3><button aria-expanded=false>Is the mat heat \
         resistant?</button></h3><div><p>Yes, up to 200 degrees.</p></div>\
         <div class=expandable-section><div class=\"expandable-header btn-expand\" \
         role=button><h5>What should a beginner look for?</h5></div><div><p>Ease of \
         use, speed and cost.</p></div></div></main><footer><h3><button \
         aria-controls=m1>About the shop</button></h3><ul id=m1><li><a href=/c>Careers\
         </a></li></ul></footer></body>",
        article(6)
    );
    let text = extract_text(&html);
    assert!(text.contains("Is the mat heat resistant?"), "{text}");
    assert!(text.contains("up to 200 degrees"), "{text}");
    assert!(text.contains("What should a beginner look for?"), "{text}");
    assert!(text.contains("Ease of use"), "{text}");
    assert!(!text.contains("About the shop"), "{text}");
}

fn page_with_reviews(head: &str, kind: &str) -> String {
    let reviews: String = (0..3)
        .map(|i| {
            format!(
                "<div class=\"{kind}-card\"><p>Customer {i} says: I bought this for my \
                 kitchen and it works well, delivery was quick.</p></div>"
            )
        })
        .collect();
    format!(
        "<html><head>{head}</head><body><main><h1>Blue Kettle</h1>{}\
         <div class=\"{kind}s\">{reviews}</div></main></body></html>",
        article(4)
    )
}

#[test]
fn reviews_are_dropped_on_product_pages_only() {
    let ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
              \"@type\": \"Product\", \"name\": \"Blue Kettle\"}</script>";
    let product = extract_text(&page_with_reviews(ld, "review"));
    assert!(product.contains("3: The river"), "{product}");
    assert!(!product.contains("Customer 1 says"), "{product}");
    let og = "<meta property=\"og:type\" content=\"product\">";
    let product = extract_text(&page_with_reviews(og, "review"));
    assert!(!product.contains("Customer 1 says"), "{product}");
    // A service page's testimonials, or reviews on a page that is no product,
    // are content.
    let other = extract_text(&page_with_reviews("", "review"));
    assert!(other.contains("Customer 1 says"), "{other}");
    // "ProductGroup" and friends are not a Product declaration.
    let group = "<script type=\"application/ld+json\">{\"@type\":\"ProductGroup\"}</script>";
    let other = extract_text(&page_with_reviews(group, "review"));
    assert!(other.contains("Customer 1 says"), "{other}");
}

#[test]
fn product_widgets_are_dropped_on_product_pages_only() {
    let og = "<meta property=\"og:type\" content=\"product\">";
    for kind in ["carousel", "popover", "disclaimer"] {
        let text = extract_text(&page_with_reviews(og, kind));
        assert!(text.contains("3: The river"), "{kind}: {text}");
        assert!(!text.contains("Customer 1 says"), "{kind}: {text}");
        let text = extract_text(&page_with_reviews("", kind));
        assert!(text.contains("Customer 1 says"), "{kind}: {text}");
    }
}

#[test]
fn an_article_with_product_markup_is_no_product_page() {
    // A round-up review declares the products it covers, but is an article: its
    // review sections are the content.
    let head = "<meta property=\"og:type\" content=\"article\">\
                <script type=\"application/ld+json\">{\"@type\": \"Product\"}</script>";
    let text = extract_text(&page_with_reviews(head, "review"));
    assert!(text.contains("Customer 1 says"), "{text}");
}

#[test]
fn the_product_namespace_does_not_shield_reviews_on_product_pages() {
    let og = "<meta property=\"og:type\" content=\"product\">";
    let text = extract_text(&page_with_reviews(og, "product-review"));
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Customer 1 says"), "{text}");
    // Elsewhere "product" still marks a main container.
    let text = extract_text(&page_with_reviews("", "product-review"));
    assert!(text.contains("Customer 1 says"), "{text}");
}

fn page_with_cards(head: &str, paragraphs: usize) -> String {
    let cards: String = (0..4)
        .map(|i| {
            format!(
                "<li class=\"card\"><a href=\"/p{i}\">Enamel Teapot {i}</a>\
                 <p>Stoneware, holds 1.2 litres, in four glazes</p><span>$4{i}.00</span></li>"
            )
        })
        .collect();
    format!(
        "<html><head>{head}</head><body><main><h1>Blue Kettle</h1>{}\
         <ul class=\"carousel\">{cards}</ul></main></body></html>",
        article(paragraphs)
    )
}

#[test]
fn priced_cards_are_dropped_from_product_pages() {
    let og = "<meta property=\"og:type\" content=\"product\">";
    let text = extract_text(&page_with_cards(og, 4));
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Enamel Teapot"), "{text}");
    // Elsewhere a card grid is content.
    let text = extract_text(&page_with_cards("", 4));
    assert!(text.contains("Enamel Teapot 2"), "{text}");
    // A grid that is most of the page is the page (a category page that
    // declares itself a product).
    let text = extract_text(&page_with_cards(og, 0));
    assert!(text.contains("Enamel Teapot 2"), "{text}");
}

#[test]
fn bare_price_lines_are_dropped_from_product_pages() {
    let page = |head: &str| {
        format!(
            "<html><head>{head}</head><body><main><h1>Blue Kettle</h1>\
             <div><span>Sale price</span> <span>$19.95</span></div><p>$24.95</p>{}\
             <p>Free shipping on all orders over $75 placed this week</p></main></body></html>",
            article(3)
        )
    };
    let og = "<meta property=\"og:type\" content=\"product\">";
    let text = extract_text(&page(og));
    assert!(!text.contains("19.95"), "{text}");
    assert!(!text.contains("24.95"), "{text}");
    assert!(text.contains("over $75 placed"), "{text}");
    assert!(text.contains("2: The river"), "{text}");
    let text = extract_text(&page(""));
    assert!(text.contains("24.95"), "{text}");
}

#[test]
fn prices_are_recognised() {
    for price in ["$35.00", "35,00 €", "EUR 163.12", "£ 9", "from ¥1200"] {
        assert!(has_price(price), "{price}");
    }
    for other in ["35 items", "Europe 2024", "US$", "price on request"] {
        assert!(!has_price(other), "{other}");
    }
}

#[test]
fn a_page_whose_best_region_is_its_footer_has_no_content() {
    // A script-rendered shop shell: only the header menu and the footer exist.
    let links: String = (0..8)
        .map(|i| format!("<li><a href=/c{i}>Category number {i}</a></li>"))
        .collect();
    let html = format!(
        "<body><header><ul>{links}</ul></header><div id=app></div>\
         <footer><p>{PARA}</p><ul>{links}</ul></footer></body>"
    );
    let text = extract_text(&html);
    assert!(text.is_empty(), "{text}");
    // The same when the best region is the whole body, but all it keeps is in
    // the footer.
    let group = |name: &str| {
        let links: String = (0..6)
            .map(|i| format!("<a href=/{name}{i}>{name} page number {i}</a>, "))
            .collect();
        format!("<dl><dt><h5>{name}</h5></dt><dd>{links}</dd></dl>")
    };
    let html = format!(
        "<body><div style=display:none><h1>Shop</h1></div><div id=root></div>\
         <footer><div class=site-footer>{}{}</div></footer></body>",
        group("Help"),
        group("Group")
    );
    let text = extract_text(&html);
    assert!(text.is_empty(), "{text}");
    // An article's own header is no page furniture.
    let html = format!(
        "<body><nav>{links}</nav><article><header><h1>Floods</h1><p>{PARA}</p></header>\
         </article></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("The river rose"), "{text}");
}

#[test]
fn poster_panels_are_dropped_from_threads() {
    let posts: String = (0..4)
        .map(|i| {
            format!(
                "<article class=\"message\"><div class=\"message-userDetails\">\
                 <h4 class=username>member{i}</h4><div>Joined Dec 23, 2009</div>\
                 <div>Posts: 40{i}</div></div><div class=\"message-content\">\
                 <div class=\"bbWrapper user-content\">Post {i}. I appreciate <a \
                 class=\"plugin-mentions-user\" href=/user/ann>@<bdi>ann{i}</bdi></a> has \
                 tried it. {PARA}</div></div>\
                 <div class=\"message-signature\">My rig: 7900 XTX, 64 GB</div></article>"
            )
        })
        .collect();
    let html = format!("<body><div class=thread>{posts}</div></body>");
    let text = extract_text(&html);
    for i in 0..4 {
        assert!(
            text.contains(&format!("Post {i}. I appreciate @ann{i} has tried it.")),
            "missing post {i} or its mention: {text}"
        );
    }
    assert!(!text.contains("member2"), "{text}");
    assert!(!text.contains("Joined"), "{text}");
    assert!(!text.contains("My rig"), "{text}");
}

#[test]
fn filter_panels_are_dropped_but_items_kept() {
    let facets = "<div class=\"plp-filters\"><h3>Category</h3><ul><li>Shoes</li>\
                  <li>Socks</li></ul><h3>Colour</h3><ul><li>Black</li><li>Grey</li></ul></div>";
    let items: String = (0..6)
        .map(|i| {
            format!(
                "<div class=card><h3><a href=/p{i}>Merino wool blend calf sock {i}</a></h3>\
                 <p>Cushioned sole and a seamless toe for all-day comfort on long walks.</p>\
                 <p>$1{i}</p></div>"
            )
        })
        .collect();
    let html =
        format!("<body><main><h1>Socks</h1><div class=grid>{facets}{items}</div></main></body>");
    let text = extract_text(&html);
    assert!(text.contains("Merino wool blend calf sock 5"), "{text}");
    assert!(!text.contains("Socks\n\nColour"), "{text}");
    assert!(!text.contains("Grey"), "{text}");
}

#[test]
fn linked_item_cards_are_kept_but_menus_inside_the_region_dropped() {
    // Each card links its title, author, rating and price: link-dense like a
    // menu, but repeated and carrying plain text (the format).
    let cards: String = (0..8)
        .map(|i| {
            format!(
                "<li class=item><div class=card><a href=/b{i}>Book title {i}</a>\
                 <div><a href=/a{i}>Ann Author</a></div><div><a href=/r{i}>4.7 stars</a></div>\
                 <div>Paperback</div><div><a href=/b{i}>$14.98</a></div></div></li>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><h1>Best sellers</h1><p>Our most popular books, updated hourly.</p>\
         <div class=jump><a href=/x>Fiction</a> <a href=/y>History</a></div>\
         <ol class=grid>{cards}</ol></main></body>"
    );
    let text = extract_text(&html);
    for i in 0..8 {
        assert!(text.contains(&format!("Book title {i}")), "{text}");
    }
    assert!(text.contains("4.7 stars"), "{text}");
    assert!(!text.contains("History"), "{text}");

    // A shop nests each card's body deep in wrappers that add only a rank and a
    // note; it is still the card. A sub-menu as deep in its column is not.
    let cards: String = (0..8)
        .map(|i| {
            format!(
                "<li><span><div class=root><div class=cell><div class=wrap>\
                 <div class=badge>#{i}</div><div class=face><div><a href=/b{i}>Book \
                 {i}</a><div><a href=/a{i}>Ann Author</a></div><div>Paperback</div>\
                 <div><a href=/b{i}>$14.98</a></div></div></div></div></div></div>\
                 </span></li>"
            )
        })
        .collect();
    let columns: String = (0..3)
        .map(|i| {
            format!(
                "<div class=col><div><div><div><div>AWS Lambda <a href=/o{i}>Overview</a> \
                 <a href=/p{i}>Pricing</a> <a href=/f{i}>Features</a></div></div>\
                 </div></div></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><h1>Best sellers</h1><p>Our most popular books, updated hourly.</p>\
         <ol class=grid>{cards}</ol>{columns}</main></body>"
    );
    let text = extract_text(&html);
    for i in 0..8 {
        assert!(text.contains(&format!("Book {i}")), "{text}");
    }
    assert!(!text.contains("Pricing"), "{text}");
}

#[test]
fn author_bios_are_dropped_when_they_open_with_the_byline() {
    let html = format!(
        "<body><main><h1>Title</h1><div class=entry>{}\
         <p>Jane Doe is a freelance writer who covers rivers and the towns beside them.</p>\
         <p>About the author: John Roe has edited river guides since 1999, in three \
         countries.</p>\
         <p>Jane Doe said the water would rise again, and the mayor agreed with her.</p>\
         </div></main></body>",
        article(10)
    );
    let with_byline = |byline: Option<&str>| {
        let doc = crate::parse::parse(&html);
        let flat = Flat::build(doc.tree.root());
        let mut analysis = Analysis::new(&flat);
        analysis.set_byline(byline);
        let body = flat.find("body").unwrap_or(0);
        let selection = find(&analysis, body);
        crate::render::text(to_tree(&flat, &selection).root())
    };
    let text = with_byline(Some("John Roe and Jane Doe"));
    assert!(!text.contains("freelance writer"), "{text}");
    assert!(!text.contains("river guides"), "{text}");
    // A quote of the author is not a bio: "said" describes nothing.
    assert!(text.contains("the mayor agreed"), "{text}");
    assert!(text.contains("9: The river rose"), "{text}");
    // A first name alone could be anyone in the story.
    let text = with_byline(Some("Jane"));
    assert!(text.contains("freelance writer"), "{text}");
    // A page made of such paragraphs is about its author.
    let profile: String = (0..25)
        .map(|i| format!("<p>Jane Doe is the author of book {i}, a story of rivers and towns.</p>"))
        .collect();
    let doc = crate::parse::parse(&format!("<body><main>{profile}</main></body>"));
    let flat = Flat::build(doc.tree.root());
    let mut analysis = Analysis::new(&flat);
    analysis.set_byline(Some("Jane Doe"));
    let body = flat.find("body").unwrap_or(0);
    let text = crate::render::text(to_tree(&flat, &find(&analysis, body)).root());
    assert!(text.contains("author of book 24"), "{text}");
}

#[test]
fn byline_lines_are_dropped_from_articles_but_kept_in_threads() {
    let extract = |head: &str, byline: &str| {
        let html = format!(
            "<html><head>{head}</head><body><main><div class=meta><span>Written by \
             Jane Doe</span></div><div class=entry>{}<p>Jane Doe</p>\
             <p>Jane Doe said the water would rise again.</p></div>\
             <div>Posted by Jane Doe on May 2, 2025</div></main></body></html>",
            article(10)
        );
        let doc = crate::parse::parse(&html);
        let flat = Flat::build(doc.tree.root());
        let mut analysis = Analysis::new(&flat);
        analysis.set_byline(Some(byline));
        let body = flat.find("body").unwrap_or(0);
        crate::render::text(to_tree(&flat, &find(&analysis, body)).root())
    };
    let text = extract("", "Jane Doe");
    assert!(text.contains("9: The river rose"), "{text}");
    assert!(!text.contains("Posted by"), "{text}");
    assert!(!text.contains("Written by"), "{text}");
    assert!(!text.contains("\nJane Doe\n"), "{text}");
    assert!(text.contains("Jane Doe said the water"), "{text}");
    // Someone else's name is not the byline; a credit line goes whoever it names.
    let text = extract("", "John Roe");
    assert!(text.contains("\nJane Doe\n"), "{text}");
    assert!(!text.contains("Written by Jane Doe"), "{text}");
    // In a thread the poster's name belongs to the post.
    let thread = "<script type=\"application/ld+json\">{\"@type\":\
                  \"DiscussionForumPosting\"}</script>";
    let text = extract(thread, "Jane Doe");
    assert!(text.contains("Written by Jane Doe"), "{text}");
}

#[test]
fn links_styled_as_buttons_are_dropped_unless_inside_a_sentence() {
    let html = format!(
        "<body><main><h1>Title</h1>{}\
         <p><a class=\"btn btn-primary\" href=/demo>Request your personalised demo today</a></p>\
         <div><a role=button href=/go>Book now</a></div>\
         <div><a class=crunch-button href=/n>Keep up with the latest in river science</a></div>\
         <p>Our guide explains the setup, and <a class=btn-link href=/g>the full manual</a> \
         covers everything else you need.</p></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("personalised demo"), "{text}");
    assert!(!text.contains("Book now"), "{text}");
    assert!(!text.contains("Keep up with"), "{text}");
    assert!(text.contains("and the full manual covers"), "{text}");
}

#[test]
fn teaser_cards_after_the_article_are_dropped_but_cards_within_it_kept() {
    let cards = |prefix: &str| -> String {
        (0..3)
            .map(|i| {
                format!(
                    "<div class=card><a href=/{prefix}{i}><h3>{prefix} headline number {i}</h3></a>\
                     <p>The opening words of that other story, clipped\u{2026}</p></div>"
                )
            })
            .collect()
    };
    let body = article(10);
    // Cards among the paragraphs are the article's own; cards after it lead away.
    let html = format!(
        "<body><main><h1>Title</h1><div class=entry>{body}<div class=picks>{}</div>\
         <p>Closing words of the article itself, long enough.</p></div>\
         <div class=row>{}</div></main></body>",
        cards("Tool"),
        cards("Elsewhere")
    );
    let text = extract_text(&html);
    assert!(text.contains("Closing words"), "{text}");
    assert!(text.contains("Tool headline number 2"), "{text}");
    assert!(!text.contains("Elsewhere headline"), "{text}");
    // Without an article body beside them, cards are a listing and stay.
    let listing = format!(
        "<body><main><h1>Blog</h1><p>Our latest posts.</p><div class=row>{}</div></main></body>",
        cards("Post")
    );
    let text = extract_text(&listing);
    assert!(text.contains("Post headline number 2"), "{text}");
}

#[test]
fn link_grids_that_make_up_the_region_are_kept_but_small_ones_dropped() {
    // An A–Z index: every entry is a link, so each letter's list is as link-dense
    // as a menu, but the repeated lists together are the page.
    let letters: String = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|l| {
            let entries: String = (0..6)
                .map(|k| format!("<li><a href=/{l}{k}>{l}-language number {k}</a></li>"))
                .collect();
            format!("<div class=letter><ul>{entries}</ul></div>")
        })
        .collect();
    let html = format!(
        "<body><main><h1>Programming languages</h1>\
         <p>An index of programming languages, alphabetically.</p>{}\
         {letters}</main></body>",
        article(2)
    );
    let text = extract_text(&html);
    for l in ["A", "B", "C", "D", "E"] {
        assert!(text.contains(&format!("{l}-language number 5")), "{text}");
    }
    // The same link columns under a long article are a footer menu.
    let columns: String = (0..3)
        .map(|c| {
            let links: String = (0..4)
                .map(|k| format!("<li><a href=/c{c}{k}>Section {c}{k}</a></li>"))
                .collect();
            format!("<div class=col><ul>{links}</ul></div>")
        })
        .collect();
    let html = format!(
        "<body><article><h1>Title</h1>{}<div class=more>{columns}</div></article></body>",
        article(6)
    );
    let text = extract_text(&html);
    assert!(text.contains("traders, farmers"), "{text}");
    assert!(!text.contains("Section 12"), "{text}");
}

#[test]
fn counters_and_calls_to_action_are_dropped_but_inline_numbers_kept() {
    let html = format!(
        "<body><main>{}<div class=votes>12</div><p><a href=/contact>Contact us</a></p>\
         <div>Learn more</div><p>Apply for up to <span>5000</span> dollars of help.</p>\
         <pre>a = [<span>333</span>, 1]</pre><p>Exercise lifts mood and well-being \
         [<a href=#r7>7</a>], more so in the young.</p><p><a href=/page/37>37</a></p>\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("12"), "{text}");
    assert!(text.contains("well-being [7], more"), "{text}");
    assert!(!text.contains("37"), "{text}");
    assert!(!text.contains("Contact us"), "{text}");
    assert!(!text.contains("Learn more"), "{text}");
    assert!(text.contains("up to 5000 dollars"), "{text}");
    assert!(text.contains("[333, 1]"), "{text}");
}

#[test]
fn an_article_built_of_one_widget_per_paragraph_has_a_body() {
    let widgets: String = (0..9)
        .map(|i| {
            format!(
                "<div class=\"el widget-text\"><div class=widget-container>\
                 <p>{i}: {PARA}</p></div></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><div class=column><div class=wrap>{widgets}</div></div>\
         <section class=el><div class=column><h3>Join our newsletter</h3>\
         <p>Sign up now for the freshest updates delivered to your inbox.</p></div>\
         </section></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("8: "), "{text}");
    assert!(!text.contains("Join our newsletter"), "{text}");
    assert!(!text.contains("freshest updates"), "{text}");
}

#[test]
fn an_article_of_short_sections_has_a_body_when_it_says_it_is_one() {
    let sections: String = (0..8)
        .map(|i| {
            format!("<section><h2>Part {i}</h2><p>{i}a: {PARA}</p><p>{i}b: {PARA}</p></section>")
        })
        .collect();
    let page = |kind: &str| {
        format!(
            "<html><head><meta property=og:type content={kind}></head><body><main>\
             <div class=sections>{sections}</div><div><h2>Join our newsletter</h2>\
             <p>Weekly notes.</p></div><div><h2>Methods</h2><p>The town archive, volumes \
             three to five.</p></div><div class=notes><p>n1: {PARA} {PARA} {PARA}</p>\
             </div></main></body></html>"
        )
    };
    let text = extract_text(&page("article"));
    assert!(text.contains("7b: "), "{text}");
    assert!(text.contains("The town archive"), "{text}");
    assert!(!text.contains("Join our newsletter"), "{text}");
    // A page that does not call itself an article may be a listing of excerpts.
    let text = extract_text(&page("website"));
    assert!(text.contains("Join our newsletter"), "{text}");
}

#[test]
fn small_boxes_after_the_last_prose_of_an_article_are_dropped() {
    let items: String = (0..3)
        .map(|i| format!("<div class=event><h3>Walk {i}</h3><p>Meet at the old mill.</p></div>"))
        .collect();
    let html = format!(
        "<body><main><div class=post>{}</div><div><h2>Conclusion</h2></div>\
         <div class=part2><p>a: {PARA}</p><p>b: {PARA}</p><p>c: {PARA}</p><p>d: {PARA}</p></div>\
         <div class=box1><h3>Support River Notes</h3><p>Our interviews cost money \
         to make. If you enjoyed this one, please donate.</p></div>\
         <div class=box2><h4>Deal of the day</h4><p>Wool blanket, caramel.</p></div>\
         <div class=box3><h4>From the shop</h4><p><a href=/s1>Hand-thrown river clay mugs, \
         set of four</a>, glazed in the colours of the flood plain, <a href=/s2>linen \
         market bags woven by the traders of the hill</a>, and <a href=/s3>prints of the \
         old bridge at dawn, signed</a>: every piece made by hand in our town, shipped \
         the week you order it, and wrapped in last year's river maps. <a href=/s4>Gift \
         cards for the river walk and the market tours</a> are on sale too.</p></div>\
         <h3>Upcoming walks</h3>{items}</main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    assert!(text.contains("Conclusion"), "{text}");
    assert!(text.contains("d: The river"), "{text}");
    assert!(!text.contains("Support River Notes"), "{text}");
    assert!(!text.contains("please donate"), "{text}");
    assert!(!text.contains("Deal of the day"), "{text}");
    assert!(!text.contains("From the shop"), "{text}");
    // A run of items is not a box, nor is the heading that introduces it.
    assert!(text.contains("Walk 2"), "{text}");
    assert!(text.contains("Upcoming walks"), "{text}");
}

#[test]
fn small_bits_before_an_article_body_are_dropped_but_headline_and_standfirst_kept() {
    let html = format!(
        "<body><main><div class=crumbs><a href=/>Home</a> / <a href=/g>Guides</a></div>\
         <h1>How the river moved the market</h1><div class=dek>The night the water \
         rose, traders carried their stalls and their scales up the hill, and they \
         never came back down.</div><div class=x1><span>Photo essay</span> \
         <span>Free to read</span></div><div class=x2><span>Filed under</span> <span>words and pictures \
         by the river desk, with maps from the county archive and the market records \
         of the hill town; corrections and notes on this story go to</span> <a href=/c>\
         the river desk's editors</a></div>\
         <div class=post>{}</div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    assert!(text.contains("How the river moved the market"), "{text}");
    assert!(text.contains("never came back down"), "{text}");
    assert!(!text.contains("Guides"), "{text}");
    assert!(!text.contains("Photo essay"), "{text}");
    assert!(!text.contains("Filed under"), "{text}");
}

#[test]
fn headings_survive_boilerplate_class_names() {
    let html = format!(
        "<body><main><h2 class=\"kt-adv-heading\">Full-service equipment moving</h2>{}\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("Full-service equipment moving"), "{text}");
}

#[test]
fn one_word_section_ids_count_as_anchors_only_with_a_permalink() {
    let page = |permalink: &str| {
        format!(
            "<body><div class=body><section id=intro><h1>Quickstart</h1>{}\
             <section id=\"cookies\"><h3>Cookies{permalink}</h3>\
             <p>To read cookies use the request's cookies attribute, a dictionary of \
             every cookie the client sent.</p></section></section></div></body>",
            article(4)
        )
    };
    let documented = extract_text(&page("<a class=headerlink href=\"#cookies\">¶</a>"));
    assert!(
        documented.contains("a dictionary of every cookie"),
        "{documented}"
    );
    let banner = extract_text(&page(""));
    assert!(!banner.contains("a dictionary of every cookie"), "{banner}");
}

#[test]
fn compound_words_are_not_the_boilerplate_words_they_contain() {
    let html = format!(
        "<body><main><h1>Psalm 23</h1>{}\
         <section id=commentary><p>The shepherd image, common in the ancient Near East, \
         casts the king as the one who feeds and guards his people.</p></section>\
         <div class=\"help follow-up\"><p>After the first visit our nurse calls every \
         patient within two days to check how the treatment is going.</p></div>\
         <div id=remove_no_follow><p>Its links carry rel=nofollow, and the psalm's \
         last verse promises a home in the house of the Lord.</p></div>\
         <div class=\"follow social\"><p>Follow us on every network for daily updates \
         and pictures.</p></div><div class=\"profile__summary show-more\"><p>Movers \
         praise the crew for careful packing and arriving on time at both ends.</p>\
         </div><div class=more><p>More stories from the newsroom, every day of the \
         week.</p></div><div class=list-authors>Shangwen Sun, Alfredo Canziani, Jiachen \
         Zhu</div><div class=author-box><p>Jo writes about faith and history for the \
         weekly edition.</p></div><div class=c-layout-sidebar-left><p>Step one is \
         backing up your data, somewhere the ransomware cannot reach.</p></div>\
         <div class=\"sidebar left\"><p>Subscribe to the weekly digest for every \
         new guide we publish.</p></div><div class=\"kt-accordion-wrap \
         kt-pane-header-alignment-left\"><p>Payroll runs on the last Friday, and the \
         ledger closes two days later.</p></div><div class=\"header top\"><p>Sign in \
         to see your saved guides and settings.</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("backing up your data"), "{text}");
    assert!(!text.contains("weekly digest"), "{text}");
    assert!(text.contains("ledger closes"), "{text}");
    assert!(!text.contains("saved guides"), "{text}");
    assert!(text.contains("casts the king"), "{text}");
    assert!(text.contains("our nurse calls"), "{text}");
    assert!(text.contains("a home in the house"), "{text}");
    assert!(text.contains("careful packing"), "{text}");
    assert!(!text.contains("More stories"), "{text}");
    assert!(text.contains("Alfredo Canziani"), "{text}");
    assert!(!text.contains("Jo writes"), "{text}");
    assert!(!text.contains("Follow us"), "{text}");
}

#[test]
fn a_link_whose_class_holds_the_word_button_is_a_call_to_action_when_short() {
    let html = format!(
        "<body><main><h1>Screen recording</h1><p>{}</p>\
         <div><a class=\"thd-button-primary lg\" href=/new>Record a video</a></div>\
         <p>{}</p><div><a class=\"thd-button-primary\" href=/story>How a small \
         team of nine recorded every release</a></div>{}</main></body>",
        PARA,
        PARA,
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Record a video"), "{text}");
    assert!(text.contains("team of nine"), "{text}");
}

#[test]
fn a_link_back_to_the_section_is_not_content_but_a_sentence_saying_so_is() {
    let html = format!(
        "<body><main><div><a href=/blog>Back to Blogs</a></div><h1>Payroll</h1>{}\
         <p><a href=/learn>Return to all articles</a></p>\
         <p>We went back to basics and rebuilt the ledger by hand.</p>\
         <p><a href=/x>Back to the drawing board, again and again, for a decade</a></p>\
         </main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Back to Blogs"), "{text}");
    assert!(!text.contains("Return to all articles"), "{text}");
    assert!(text.contains("back to basics"), "{text}");
    assert!(text.contains("drawing board"), "{text}");
}

#[test]
fn a_rating_summary_is_content_but_a_rate_this_widget_is_not() {
    let html = format!(
        "<body><main><h1>Hiking boots</h1>{}<ul><li><h3>Trail boot</h3>\
         <div class=cdr-rating><span>134 reviews with an average rating of 4.4 \
         out of 5 stars</span></div><p>$120.00</p></li></ul>\
         <div class=kk-star-ratings><p>How useful was this post?</p><p>Click on a star to \
         rate it! Average rating 5 out of 5. Vote count: 1</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("average rating of 4.4 out of 5"), "{text}");
    assert!(!text.contains("Click on a star"), "{text}");
    assert!(!text.contains("How useful"), "{text}");
}

#[test]
fn a_sidebar_longer_than_the_article_beside_it_is_still_a_sidebar() {
    let feed: String = (0..50)
        .map(|i| {
            format!(
                "<li><a href=/live/{i}>14:{i:02} Live update number {i}</a>\
                 <p>A short line of news from the wire about event {i} today.</p></li>"
            )
        })
        .collect();
    let html = format!(
        "<body><div role=main><div class=grid><article><h1>Flood</h1>\
         <div class=article-body>{}</div></article>\
         <aside id=sidebar><h2>Live</h2><ul>{feed}</ul></aside></div></div></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    assert!(!text.contains("Live update number"), "{text}");
    assert!(!text.contains("news from the wire"), "{text}");
}

#[test]
fn a_noscript_fallback_is_kept_but_markup_escaped_into_text_is_not() {
    let escaped = "&lt;div class=\"alertBox\"&gt;&lt;p&gt;JavaScript is turned off in \
        your browser. To use every feature of this news service, turn JavaScript on in \
        the settings of your browser and load the page again, then read on below \
        where the story continues.&lt;/p&gt;&lt;/div&gt;";
    let fallback = "<p>Without scripts this list is all the page shows: the river \
        rose through the night and the market moved up the hill by morning.</p>";
    let html = format!(
        "<body><article><h1>Flood</h1><noscript>{escaped}</noscript>{}\
         <noscript>{fallback}{fallback}</noscript></article></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(!text.contains("alertBox"), "{text}");
    assert!(!text.contains("JavaScript is turned off"), "{text}");
    assert!(text.contains("Without scripts this list"), "{text}");
}

#[test]
fn a_section_header_is_content_but_an_article_header_and_a_site_header_are_not() {
    let html = format!(
        "<body><main><section><header><a href=/>Home</a><nav><a href=/a>About</a>\
         <a href=/b>Blog</a></nav><h1>Acme</h1></header></section><h1>Acme video</h1>\
         {}<section><header><h2>One video is worth a thousand words</h2><p>Record and \
         share video messages with your teammates.</p></header><p>Record your screen \
         and camera on any device, in a few clicks.</p></section>\
         <article><header><h2>Release notes</h2><p>Five minute read</p></header>\
         <p>The recorder now starts twice as fast on every platform we support.</p>\
         </article></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("One video is worth"), "{text}");
    assert!(text.contains("share video messages"), "{text}");
    assert!(!text.contains("About"), "{text}");
    assert!(!text.contains("Five minute read"), "{text}");
    // Outside any section: a hero (the h1 and its copy) is content, a site bar
    // with its menu is not.
    let html = format!(
        "<body><header><h1><a href=/>Acme</a></h1><ul><li><a href=/a>Pricing</a></li>\
         <li><a href=/b>Careers</a></li></ul><p>Free shipping over $50</p></header>\
         <main><div><header class=hero><h1>Identity protection</h1><p>Protect your \
         finances and personal information in one simple solution.</p></header>{}\
         </div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("Protect your finances"), "{text}");
    assert!(!text.contains("Careers"), "{text}");
}

#[test]
fn sections_named_after_their_heading_are_not_judged_by_the_id() {
    let html = format!(
        "<body><div class=body><section id=intro><h1>Data structures</h1>{}\
         <section id=\"more-on-lists\"><h2>5.1. More on Lists</h2>\
         <p>list.append(x) adds an item to the end of the list, like a[len(a):] = [x].</p>\
         </section><section id=\"more-stories\"><h2>Elsewhere</h2>\
         <p>Five other stories you could read instead of this one today.</p></section>\
         </section></div></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("adds an item to the end"), "{text}");
    assert!(!text.contains("Five other stories"), "{text}");
}

#[test]
fn wrappers_of_the_main_element_are_not_judged_by_their_class() {
    // Off-canvas layouts put the content column inside the "offcanvas" row; the
    // menu beside it is still boilerplate.
    let menu = |n: usize| -> String {
        (0..n)
            .map(|i| format!("<li><a href=\"/s{i}\">Service line {i}</a></li>"))
            .collect()
    };
    let html = format!(
        "<body><div class=\"row row-offcanvas\"><aside class=\"offcanvas-menu\"><ul>{}\
         </ul></aside><main>{}</main></div><div class=\"offcanvas\"><ul>{}</ul></div>\
         </body>",
        menu(20),
        article(2),
        menu(150)
    );
    let text = extract_text(&html);
    assert!(text.contains("1: The river"), "{text}");
    assert!(!text.contains("Service line"), "{text}");
}

#[test]
fn paragraphs_are_not_judged_by_their_class() {
    // Page builders name paragraph styles with tokens that read as boilerplate.
    let html = format!(
        "<body><main><p class=\"kt-adv-heading12 wp-block-advancedheading\">Our \
         technicians repair treadmills, bikes and strength machines on site, across the \
         region, for gyms of every size.</p>{}</main><div class=\"adv\"><p>Buy now and \
         save big on everything we sell today only.</p></div></body>",
        article(2)
    );
    let text = extract_text(&html);
    assert!(text.contains("Our technicians repair"), "{text}");
    assert!(!text.contains("save big"), "{text}");
}

#[test]
fn comments_are_the_content_of_declared_discussion_threads() {
    let page = |head: &str| {
        let replies: String = (0..3)
            .map(|i| {
                format!(
                    "<div class=\"comment-body\"><p>Reply {i}: a refractor of {} mm \
                     shows the planets well and needs no collimation at all.</p></div>",
                    60 + 10 * i
                )
            })
            .collect();
        format!(
            "<html><head>{head}</head><body><main><h1>Which telescope first?</h1>\
             <p>Opening post: I am new to astronomy and would like advice on a first \
             telescope for planets and deep-sky objects.</p>{}\
             <section class=\"comments\">{replies}</section></main></body></html>",
            article(4)
        )
    };
    let ld = "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \
              \"@type\": \"DiscussionForumPosting\", \"headline\": \"Which telescope first?\"}\
              </script>";
    let thread = extract_text(&page(ld));
    assert!(thread.contains("Reply 2: a refractor of 80 mm"), "{thread}");
    let article = extract_text(&page(""));
    assert!(article.contains("Opening post"), "{article}");
    assert!(!article.contains("Reply 2"), "{article}");
}

#[test]
fn long_comment_threads_under_an_article_are_dropped() {
    // The comments hold most of the page's text, which alone would protect them as
    // a layout wrapper with an unlucky name.
    let page = |opening: &str| {
        let replies: String = (0..40)
            .map(|i| {
                format!(
                    "<li class=\"comment even thread-even depth-1\"><article>\
                     <footer>Reader {i} says:</footer>\
                     <div class=\"comment-content\"><p>Reply {i}: thanks for this, I \
                     tried the spray on my tomatoes and the aphids were gone within a \
                     week of it.</p></div></article></li>"
                )
            })
            .collect();
        format!(
            "<html><body><main><article class=\"post\"><h1>Garden spray</h1>\
             <div class=\"entry-content\">{opening}</div></article>\
             <div id=\"comments\"><ol class=\"comment-list\">{replies}</ol></div></main>\
             <footer><p>About this site.</p></footer></body></html>"
        )
    };
    let under_article = extract_text(&page(&article(12)));
    assert!(
        under_article.contains("11: The river rose"),
        "{under_article}"
    );
    assert!(!under_article.contains("Reply 3"), "{under_article}");
    // A thread's opening post, shorter than an article, is no article: its
    // replies are the content.
    let thread = extract_text(&page(&article(4)));
    assert!(thread.contains("Reply 39: thanks"), "{thread}");
}

#[test]
fn a_link_posts_discussion_split_into_threads_is_the_content() {
    // One element per top-level comment, none near half the page alone; the
    // sidebar's rules are the only other text.
    let page = |story: &str| {
        let threads: String = (0..16)
            .map(|i| {
                format!(
                    "<div class=\"thing comment\"><p class=tagline>user{i} 12 points</p>\
                     <div class=md><p>Reply {i}: the study used mice, so a human trial \
                     is years away, but the growth cycle result is new.</p></div>\
                     <div class=\"child\"><div class=\"thing comment\"><div class=md>\
                     <p>Answer to {i}: the follicles cycled three times in culture.</p>\
                     </div></div></div></div>"
                )
            })
            .collect();
        let rules: String = (0..6)
            .map(|i| format!("<li>Rule {i}: no memes, jokes or off-topic posts.</li>"))
            .collect();
        format!(
            "<html><body><div class=side><h2>Submission rules</h2><ul>{rules}</ul>\
             <p>A community for nineteen years.</p></div>\
             <div class=content><h1><a href=https://example.org/story>Hair follicles \
             grown in the lab</a></h1>{story}\
             <div class=sitetable>{threads}</div></div></body></html>"
        )
    };
    let discussion = extract_text(&page(""));
    assert!(
        discussion.contains("Reply 15: the study used mice"),
        "{discussion}"
    );
    assert!(
        discussion.contains("Answer to 3: the follicles"),
        "{discussion}"
    );
    assert!(!discussion.contains("Rule 2"), "{discussion}");
    // A story written out beside the comments is the article, in paragraphs or
    // not.
    let story = format!("<div class=body>{PARA} {PARA} {PARA} {PARA}</div>");
    let article = extract_text(&page(&story));
    assert!(article.contains(PARA), "{article}");
    assert!(!article.contains("Reply 7"), "{article}");
}

#[test]
fn quotes_of_earlier_posts_are_dropped_but_other_quotations_kept() {
    let post = |who: &str, body: &str| {
        format!("<div class=\"post\"><div class=\"postbody\">{who}: {body}</div></div>")
    };
    let first = "<p>With the inheritance I would cut my allocation to sixty forty.</p>\
                 <p>Should the cash go into a ladder of certificates of deposit?</p>";
    let html = format!(
        "<body><main><h1>Portfolio review</h1>{}{}{}{}{}</main></body>",
        post("alice", first),
        post(
            "bob",
            "<blockquote><cite>alice wrote:</cite>With the inheritance I would cut my \
             allocation to sixty forty.<br>Should the cash go into a ladder of \
             certificates of deposit?</blockquote><p>Sixty forty is reasonable at your \
             age, and a ladder of treasuries is simpler than certificates.</p>"
        ),
        post(
            "carol",
            "<blockquote>Simplicity is the ultimate sophistication, as the old saying \
             about investing and many other things goes.</blockquote><p>Keep it to three \
             funds and rebalance once a year, whatever the market does.</p>"
        ),
        post(
            "dave",
            "<blockquote>bob wrote: Sixty forty is reasonable</blockquote><p>Agreed, \
             and the bond side belongs in the tax-deferred accounts anyway.</p>"
        ),
        post(
            "erin",
            "<div class=\"bbcode_quote\"><div>carol said:</div><div>Simplicity is \
             the ultimate sophistication, as the old saying about investing and many \
             other things goes.</div><div>Keep it to three funds and rebalance once a \
             year, whatever the market does.</div></div><p>Three funds worked for me \
             through two crashes.</p>"
        ),
    );
    let text = extract_text(&html);
    assert_eq!(text.matches("ladder of certificates").count(), 1, "{text}");
    assert!(text.contains("Simplicity is the ultimate"), "{text}");
    assert!(text.contains("bob wrote: Sixty forty"), "{text}");
    assert!(
        text.contains("Sixty forty is reasonable at your age"),
        "{text}"
    );
    assert_eq!(text.matches("Keep it to three funds").count(), 1, "{text}");
}

#[test]
fn labelled_counters_are_dropped_but_sentences_with_numbers_kept() {
    let posts: String = (0..3)
        .map(|i| {
            format!(
                "<div class=\"post\"><p>Reply {i}: the short chain drops the old root, \
                 so 3 likes from older Android clients may fail.</p>\
                 <div class=\"post-likes\"><span>{} Likes</span></div></div>",
                i + 2
            )
        })
        .collect();
    let html = format!(
        "<body><main><h1>Longer chain</h1><ul class=\"stats\"><li>Replies 154</li>\
         <li>Views 26.2k</li></ul>{posts}</main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("so 3 likes from older"), "{text}");
    assert!(!text.contains("4 Likes"), "{text}");
    assert!(!text.contains("Replies 154"), "{text}");
    assert!(is_labelled_count(
        "12 posts 5 posters 3.2k views 2 watching"
    ));
    assert!(!is_labelled_count("2 minutes"));
    assert!(is_labelled_count("20 replies to this topic"));
    assert!(!is_labelled_count("20 years in this thread"));
    assert!(is_page_position("page 1 of 8"));
    assert!(!is_page_position("page 1 of the report"));
    assert!(!is_page_position("see page 4 of 9"));
}

#[test]
fn share_bars_are_found_by_where_their_links_go() {
    let menu = "<div class=menu><a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">\
        Facebook</a> <a href=\"https://twitter.com/intent/tweet?url=x\">Twitter</a></div>";
    let html = format!(
        "<body><main><div class=post>{}<div class=ssba><span>If you like it, please \
         share it!</span> {menu}</div>{}</div><div class=reply><a href=/u/ann>Ann</a>\
         <p>Same here, the weir held.</p><a href=/quote>Quote</a>\
         <a href=/r>Reply</a>{menu}</div><div class=p2><p>Two films of the flood:</p>\
         <p>See <a href=\"https://youtube.com/watch?v=a\">the weir</a> from the east \
         bank and <a href=\"https://youtube.com/watch?v=b\">the bridge</a> after the \
         water fell.</p></div>{}\
         <div class=elsewhere><span>Daily flood levels from the river desk:</span> \
         <a href=\"https://www.facebook.com/riverdesk\">Facebook</a> \
         <a href=\"https://www.instagram.com/riverdesk\">Instagram</a> \
         <a href=\"https://x.com/riverdesk\">X</a></div></main></body>",
        article(3),
        article(3),
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("please share"), "{text}");
    assert!(text.contains("2: The river"), "{text}");
    // A post with a share menu has words and links of its own: it stays.
    assert!(text.contains("Same here, the weir held."), "{text}");
    // Three links to the site's profiles make a "Follow us" bar; links to videos
    // are what a post shows.
    assert!(!text.contains("Daily flood levels"), "{text}");
    assert!(text.contains("from the east bank"), "{text}");
}

#[test]
fn the_box_around_an_email_field_is_a_signup() {
    let html = format!(
        "<body><main><div class=post>{}<div class=box><h3>Thomas Industry Update</h3>\
         <p>Industry news and trends, every Tuesday.</p><form><input type=email \
         name=e><button>Go</button></form></div>{}</div>\
         <div class=card><h3>Nature Station</h3><p>A feeding station for the garden, \
         with modular arms for feeders, a bath and a perch for small birds, made \
         of recycled plastic and steel, shipped flat and set up in minutes.</p>\
         <div class=pop><p>Want early access?</p><form><input type=EMAIL></form>\
         </div></div></main></body>",
        article(3),
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("2: The river"), "{text}");
    assert!(!text.contains("Industry Update"), "{text}");
    assert!(!text.contains("every Tuesday"), "{text}");
    // A card that carries a "notify me" field keeps its own text.
    assert!(text.contains("modular arms for feeders"), "{text}");
    // A landing page's hero keeps its headline and pitch.
    let html = "<body><main><div class=hero><h1>The complete support desk</h1>\
         <p>Answer every customer from one inbox.</p><form><input type=email>\
         <button>Start free trial</button></form></div><section><h2>Features</h2>\
         <p>Routing, macros and reports for teams of any size, with a shared view of \
         every conversation and the history of each customer.</p></section></main>\
         </body>";
    let text = extract_text(html);
    assert!(text.contains("Answer every customer"), "{text}");
}

#[test]
fn links_to_the_account_pages_on_their_own_line_are_dropped() {
    let html = format!(
        "<body><main>{}<div><a href=\"https://example.org/user/register\">Create a \
         free profile</a></div><p>Walkers can <a href=/register>sign up here</a> for \
         the spring census.</p><div><a href=\"/index.php?action=login\">Members' \
         corner</a></div><div><a href=/registry>River registry</a></div>\
         <div><a href=\"/cart?add=1,2,3\">Buy all three maps</a></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Create a free profile"), "{text}");
    assert!(!text.contains("Members' corner"), "{text}");
    assert!(!text.contains("Buy all three maps"), "{text}");
    assert!(
        text.contains("Walkers can sign up here for the spring census."),
        "{text}"
    );
    assert!(text.contains("River registry"), "{text}");
}

#[test]
fn a_phone_app_signature_ending_a_post_is_dropped() {
    let html = format!(
        "<body><main>{}<div class=post>The watch is $199 at the shop down the road and \
         it tracks sleep well.<br><br>Sent from my SM-S908U using <a href=/app>Forum \
         app</a></div><div class=post>The parcel was sent from my office on Monday and \
         came back on Friday.</div><div class=post>Sent from my garden: the first \
         tomatoes of the year, grown from seed in a cold frame by the south wall and \
         picked this morning.</div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("tracks sleep well."), "{text}");
    assert!(!text.contains("Sent from my SM-S908U"), "{text}");
    assert!(!text.contains("Forum app"), "{text}");
    // In a sentence, or longer than a signature, the words are the post's own.
    assert!(text.contains("sent from my office on Monday"), "{text}");
    assert!(text.contains("Sent from my garden"), "{text}");
}

#[test]
fn login_to_reply_lines_and_boxes_are_dropped() {
    let posts: String = (0..3)
        .map(|i| {
            format!(
                "<div class=\"post\"><p>Reply {i}: you must turn the feature off on \
                 every device, or it syncs straight back.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><h1>Messages in iCloud</h1>{posts}\
         <div class=\"blockMessage\">You must log in or register to reply here.</div>\
         <p>Sign in or create your free account to comment, connect with other \
         cruisers, gain Roll Call access, and follow the threads you like.</p>\
         <div class=\"box\"><h2>Create an account or sign in to comment</h2>\
         <p>Sign up for a new account in our community. It's easy!</p>\
         <p>Already have an account? Sign in here.</p></div></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Reply 2: you must turn"), "{text}");
    assert!(!text.contains("register to reply"), "{text}");
    assert!(!text.contains("free account"), "{text}");
    assert!(!text.contains("new account"), "{text}");
}

#[test]
fn reply_subject_lines_are_dropped_when_they_recur() {
    let post = |subject: &str, i: usize| {
        format!(
            "<div class=\"post\"><h3>{subject}</h3><p>Post {i}: disabling the power \
             LED needs the new firmware, then one line in the config file.</p></div>"
        )
    };
    let title = "Turning off all LEDs";
    let thread: String = std::iter::once(post(title, 0))
        .chain((1..4).map(|i| post(&format!("Re: {title}"), i)))
        .collect();
    let text = extract_text(&format!(
        "<body><main><h1>{title}</h1>{thread}</main></body>"
    ));
    assert!(text.contains("Post 3: disabling"), "{text}");
    assert!(!text.contains("Re: "), "{text}");
    assert_eq!(text.matches(title).count(), 1, "{text}");
    // One "Re:" heading is an article's own ("Re: your letter of May").
    let text = extract_text(&format!(
        "<body><main><h1>Letters</h1>{}{}</main></body>",
        post("Re: your letter of May", 1),
        post("On bridges", 2)
    ));
    assert!(text.contains("Re: your letter of May"), "{text}");
}

#[test]
fn answer_forms_and_related_question_boxes_are_furniture() {
    let html = format!(
        "<body><main><h1>Why is RAID not a backup?</h1>{}<div class=\"form\">\
         <h2>Your Answer</h2><p>By clicking Post Your Answer, you agree to our terms of \
         service and acknowledge you have read our privacy policy.</p></div>\
         <div class=\"aside\"><h2>Explore related questions</h2><p>See similar \
         questions with these tags and many more besides, every day.</p></div>\
         </main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("terms of service"), "{text}");
    assert!(!text.contains("similar questions"), "{text}");
}

#[test]
fn like_buttons_and_more_posts_boxes_are_furniture() {
    let html = format!(
        "<body><main><h1>Tiny house, big trip</h1>{}<div class=\"sd-block\">\
         <h3>Like this:</h3><p>Loading the likes of everyone who enjoyed the post so \
         far today.</p></div><div class=\"wp-block\"><h2>Other Posts You May Enjoy</h2>\
         <p>Our first winter on the road, and the heater that saved every night.</p>\
         </div><div><h2>Discover more from Tiny House Journey</h2><p>Get the latest \
         posts delivered right to your inbox every week.</p></div><div><h3>Keep \
         reading</h3><p>Why tiny houses are changing the way towns plan their \
         streets.</p></div><div><h4>Need help?</h4><p>Call our team seven days a \
         week, from eight until late.</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("tiny houses are changing"), "{text}");
    assert!(!text.contains("seven days a week"), "{text}");
    assert!(!text.contains("Loading the likes"), "{text}");
    assert!(!text.contains("first winter"), "{text}");
    assert!(!text.contains("latest posts"), "{text}");
}

#[test]
fn boxes_titled_by_styled_text_are_furniture_like_headed_ones() {
    let html = format!(
        "<body><main><h1>Gym injuries</h1>{}<section class=\"blog-sec\">\
         <div class=container><p class=\"heading-latest\">Related Articles</p>\
         <p>Can you sue Social Security to receive your benefits? When the agency \
         denies a claim, many applicants wonder.</p></div></section>\
         <div><p class=lead-in>Popular dishes:</p><p>Pasta stations, taco bars and \
         carving boards keep a wedding crowd happy for hours.</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Social Security"), "{text}");
    // Without a title class, a short line is the article's own label.
    assert!(text.contains("Pasta stations"), "{text}");
}

#[test]
fn a_footer_beside_the_main_landmark_is_furniture_however_long() {
    let notes: String = (0..12)
        .map(|i| {
            format!(
                "<li><small>{i} Financing is subject to credit approval, and \
             the terms of the card apply to every purchase made at checkout.</small></li>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><h1>Watches</h1>{}</main><footer><h2>Site footer</h2>\
         <ul>{notes}</ul></footer></body>",
        article(5)
    );
    let text = extract_text(&html);
    assert!(text.contains("4: The river"), "{text}");
    assert!(!text.contains("Financing"), "{text}");
}

#[test]
fn retailer_buttons_are_dropped_but_kept_inside_a_line() {
    let html = format!(
        "<body><main>{}<div><a href=/a>Check price at Amazon (on sale!)</a></div>\
         <p><a class=pin href=/p>Pin for later</a></p>\
         <div><a id=deal-1>See price at Walmart</a> <div><p>Trail runner, 9 oz, \
         with a rock plate.</p></div></div>\
         <p>Where to buy one this winter, if the old one broke: <a href=/uk>check \
         price at Amazon UK</a></p>{}</main></body>",
        article(3),
        article(2)
    );
    let text = extract_text(&html);
    assert!(!text.contains("on sale"), "{text}");
    assert!(!text.contains("Pin for later"), "{text}");
    // A line of its own above its product card, though the card shares its parent.
    assert!(!text.contains("Walmart"), "{text}");
    assert!(text.contains("rock plate"), "{text}");
    assert!(text.contains("broke: check price at Amazon UK"), "{text}");
    for (line, button) in [
        ("see price at rei", true),
        ("add soundguys on google", true),
        ("add us as a preferred source on google", true),
        (
            "buy at the market the vegetables you need for the whole week",
            false,
        ),
        ("shopping at rei", false),
    ] {
        assert_eq!(is_shop_button(line), button, "{line}");
    }
}

#[test]
fn sections_the_page_links_to_are_content_whatever_their_id() {
    let html = format!(
        "<body><main><h1>Cloud ETFs</h1><ul><li><a href=#toc_should-you-invest>Should \
         you invest?</a></li><li><a href=#comments>Comments</a></li></ul>{}\
         <div id=toc_should-you-invest><h2>Should you invest?</h2><p>Cloud funds swing \
         harder than the index, so size them as a small slice of a portfolio.</p></div>\
         <div id=comments><h2>Comments</h2><p>Great read, thanks for writing this \
         up for us all.</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("Cloud funds swing"), "{text}");
    assert!(!text.contains("Great read"), "{text}");
}

#[test]
fn teaser_lines_for_other_pages_are_dropped() {
    let html = format!(
        "<body><main>{}<p>Related: <a href=/t>Tutoring may not significantly improve \
         attendance</a></p><p><strong>Also read:</strong> <a href=/f>Ten ways to spot \
         a fraud</a></p><p>Related: the county kept its own records of every flood, \
         <a href=/r>which survive</a>.</p>{}</main></body>",
        article(3),
        article(2)
    );
    let text = extract_text(&html);
    assert!(!text.contains("Tutoring"), "{text}");
    assert!(!text.contains("spot a fraud"), "{text}");
    assert!(text.contains("kept its own records"), "{text}");
    assert!(is_teaser_label("see also: floods"));
    assert!(!is_teaser_label("relatedness of the two"));
}

#[test]
fn shop_carousels_headed_as_such_are_furniture() {
    let html = format!(
        "<body><main><h1>Oak desk</h1>{}\
         <section><h2>Complete the look</h2><div>Walnut shelf with brass brackets, \
         hand finished in our workshop</div></section>\
         <section><h2>Your recently viewed items</h2><div>Standing mat for long days \
         at the desk, in grey felt</div></section></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Walnut shelf"), "{text}");
    assert!(!text.contains("Standing mat"), "{text}");
}

#[test]
fn json_ld_types_are_matched_as_types_not_names() {
    assert!(ld_declares(
        "{\"@type\": \"QAPage\", \"name\": \"x\"}",
        "QAPage"
    ));
    assert!(ld_declares(
        "{\"@type\":[\"Thing\", \"Comment\"]}",
        "Comment"
    ));
    assert!(!ld_declares(
        "{\"@type\":\"CommentAction\",\"name\":\"Comment\"}",
        "Comment"
    ));
}

#[test]
fn entry_metadata_rows_go_from_threads_but_listing_rows_stay() {
    let posts: String = (0..8)
        .map(|i| {
            format!(
                "<div><p>Answer {i}: the refractor is the easier first telescope, with \
                 no collimation.</p><div class=stamp>answered Jan 2{i} at 0:50</div></div>"
            )
        })
        .collect();
    let text = extract_text(&format!("<body><main>{posts}</main></body>"));
    assert!(text.contains("Answer 7: the refractor"), "{text}");
    assert!(!text.contains("answered Jan"), "{text}");

    let cards: String = (0..8)
        .map(|i| {
            format!(
                "<li><div class=rank>#{i}</div><a href=/b{i}>A long book title, volume \
                 {i}</a><div class=fmt>{i} formats available</div></li>"
            )
        })
        .collect();
    let text = extract_text(&format!(
        "<body><main><h1>Best sellers</h1><ol>{cards}</ol></main></body>"
    ));
    assert!(text.contains("7 formats available"), "{text}");
    assert!(text.contains("#7"), "{text}");
}

#[test]
fn poster_names_come_back_in_declared_threads_without_their_panels() {
    let page = |head: &str| {
        let posts: String = ["alice", "bob", "carol"]
            .iter()
            .enumerate()
            .map(|(i, who)| {
                format!(
                    "<div class=\"post\"><div class=\"postprofile\"><img class=avatar \
                     src=a.png><a class=\"username\" href=\"/u/{who}\">{who}</a>\
                     <span>Posts: 40{i}2</span><span>Joined: Mar 2012</span></div>\
                     <div class=\"content\"><p>Post {i}: the refractor is the easier \
                     first telescope, with no collimation and a quick cool-down.</p>\
                     </div></div>"
                )
            })
            .collect();
        format!(
            "<html><head>{head}</head><body><main><h1>Which telescope first?</h1>\
             {posts}<div class=\"sidebar-box\"><h4>Top posters</h4>\
             <a class=\"username\" href=\"/u/dave\">dave</a>\
             <a class=\"username\" href=\"/u/erin\">erin</a></div></main></body>\
             </html>"
        )
    };
    let ld = "<script type=\"application/ld+json\">{\"@type\": \
              \"DiscussionForumPosting\", \"headline\": \"Which telescope first?\"}\
              </script>";
    let thread = extract_text(&page(ld));
    for who in ["alice", "bob", "carol"] {
        assert_eq!(thread.matches(who).count(), 1, "{thread}");
    }
    assert!(thread.contains("Post 2: the refractor"), "{thread}");
    assert!(!thread.contains("Joined"), "{thread}");
    assert!(!thread.contains("dave"), "{thread}");
    let undeclared = extract_text(&page(""));
    assert!(undeclared.contains("Post 2: the refractor"), "{undeclared}");
    assert!(!undeclared.contains("alice"), "{undeclared}");
}

#[test]
fn article_openings_under_header_names_are_kept_but_site_headers_dropped() {
    let menu: String = (0..12)
        .map(|i| format!("<li><a href=\"/guide/{i}\">Reference section {i}</a></li>"))
        .collect();
    let html = format!(
        "<body><div class=\"site-header\"><h1><a href=\"/\">Docs home</a></h1><ul>{menu}\
         </ul></div><main><div class=\"layout__header\"><h1>Using the Fetch API</h1>\
         <p>The Fetch API provides an interface for making HTTP requests and processing \
         the responses. It is promise-based and integrated with service workers.</p>\
         <p>Unlike the older interface it replaces, it needs no callbacks at all.</p></div>\
         {}</main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("The Fetch API provides"), "{text}");
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Reference section"), "{text}");
}

#[test]
fn page_builder_widgets_are_kept_but_link_box_widgets_dropped() {
    // Page builders wrap every heading and text block in a "widget"; a blog
    // sidebar's widgets are boxes of links.
    let blocks: String = (0..4)
        .map(|i| {
            format!(
                "<div class=\"elementor-widget elementor-widget-heading\"><h2>Step {i}</h2>\
                 </div><div class=\"elementor-widget elementor-widget-text-editor\">\
                 <p>{i}: {PARA}</p></div>"
            )
        })
        .collect();
    let recent: String = (0..8)
        .map(|i| format!("<li><a href=\"/p/{i}\">Older post number {i}</a></li>"))
        .collect();
    let html = format!(
        "<body><main><div class=\"elementor-widget-wrap\">{blocks}</div>\
         <div class=\"widget widget_recent_entries\"><ul>{recent}</ul></div></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Step 3"), "{text}");
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Older post"), "{text}");
}

#[test]
fn a_main_landmark_hidden_from_screen_readers_behind_a_dialog_is_read() {
    // Saved while a dialog was open: scripts set aria-hidden on <main>; the site's
    // header, with text enough to count as a visible page, stays visible.
    let menu: String = (0..12)
        .map(|i| format!("<li><a href=/c/{i}>Category number {i}</a></li>"))
        .collect();
    let html = format!(
        "<body><header><nav><ul>{menu}</ul></nav></header>\
         <main role=presentation aria-hidden=true>{}<p aria-hidden=true>Secret.</p></main>\
         <div role=dialog><p>Sign in to continue</p></div></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    // Inside it, aria-hidden still hides.
    assert!(!text.contains("Secret"), "{text}");
}

#[test]
fn pages_hidden_until_scripts_run_are_read_anyway() {
    let html = format!(
        "<body><div style=\"visibility:hidden; min-height:100vh\"><main>{}</main></div>\
         <div style=\"display:none\"><p>Loading spinner text.</p></div></body>",
        article(5)
    );
    let text = extract_text(&html);
    assert!(text.contains("4: The river"), "{text}");
    // Only the site's header shows: the page's fragments wait in display:none blocks
    // for the script that moves them into place.
    let menu: String = (0..20)
        .map(|i| format!("<li><a href=/c/{i}>Category number {i}</a></li>"))
        .collect();
    let html = format!(
        "<body><header><nav><ul>{menu}</ul></nav></header><main><span id=ph1></span></main>\
         <div id=fragment1 style=\"display:none\">{}</div></body>",
        article(5)
    );
    let text = extract_text(&html);
    assert!(text.contains("4: The river"), "{text}");
    // With visible content on the page, inline-style hiding is honoured.
    let html = format!(
        "<body><main>{}</main><div style=\"visibility:hidden\"><p>{PARA} Hidden copy.</p>\
         </div></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(text.contains("2: The river"), "{text}");
    assert!(!text.contains("Hidden copy"), "{text}");
}

#[test]
fn utility_hidden_classes_hide_except_responsive_switched_and_whole_page() {
    let html = format!(
        "<body><main>{}<dl class=\"specs hide\"><dt>cat_thumb_red:</dt>\
         <dd>https://cdn.example.com/red_thumb.jpg</dd></dl>\
         <p class=\"hidden md:block\">Shown on desktop screens at full width.</p>\
         <ul class=\"plans\"><li>Work plan template for weekly team goals</li></ul>\
         <ul class=\"plans hidden\"><li>Personal plan template for habits</li></ul>\
         <ul class=\"drawer hidden\"><li>Drawer entry nobody sees at all</li></ul>\
         </main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("cat_thumb"), "{text}");
    assert!(!text.contains("Drawer entry"), "{text}");
    assert!(text.contains("Shown on desktop"), "{text}");
    assert!(text.contains("Personal plan template"), "{text}");
    // A page hidden whole by class until its scripts load is read anyway.
    let html = format!(
        "<body><div class=\"root hide\"><main>{}</main></div></body>",
        article(5)
    );
    let text = extract_text(&html);
    assert!(text.contains("4: The river"), "{text}");
}

#[test]
fn a_cross_sell_heading_is_furniture_wherever_its_phrase_stands() {
    let specs: String = (0..8)
        .map(|i| format!("<li>Spec {i}: alder body, maple neck, rosewood board</li>"))
        .collect();
    let html = format!(
        "<body><main><h1>Strat guitar</h1><div class=desc><ul>{specs}</ul></div>\
         <div class=box><h2>This is what customers who viewed this product bought</h2>\
         <div class=pick><span>26% bought</span> <span>This item exactly</span></div>\
         <div class=pick><span>7% bought</span> <span>The sunburst model</span></div>\
         </div></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Spec 7: alder body"), "{text}");
    assert!(!text.contains("customers who viewed"), "{text}");
    assert!(!text.contains("The sunburst model"), "{text}");
}

#[test]
fn labels_left_at_the_end_of_an_article_are_dropped() {
    let html = format!(
        "<body><main><article>{}</article><div class=more><h3>Related Articles</h3>\
         </div><div><span>Tags</span></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("4: The river"), "{text}");
    assert!(!text.contains("Related Articles"), "{text}");
    assert!(!text.contains("Tags"), "{text}");
    // A closing sentence stays, and so does the body's own last line.
    let html = format!(
        "<body><main><div class=post>{}<p>Photos by Ann Lee</p></div>\
         <p>Thanks for reading!</p><div><span>Tags</span></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("Thanks for reading!"), "{text}");
    assert!(text.contains("Photos by Ann Lee"), "{text}");
    assert!(!text.contains("Tags"), "{text}");
}

#[test]
fn headings_left_at_the_end_of_a_region_are_dropped() {
    let sections: String = (0..4)
        .map(|i| format!("<section><h2>Service {i}</h2><p>{i}: {PARA}</p></section>"))
        .collect();
    let html = format!(
        "<body><main><h1>Pest control</h1>{sections}<div class=cta><h2>Ready to get pests \
         out of your home?</h2><form><input type=text name=zip><button>Go</button>\
         </form></div></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Service 3"), "{text}");
    assert!(!text.contains("Ready to get pests"), "{text}");
    // A heading followed by an image introduced it.
    let html = format!(
        "<body><main><h1>Pest control</h1>{sections}<h2>Test case 2</h2>\
         <img src=/case.png alt=''></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Test case 2"), "{text}");
    // A grid's last card may be left with its title alone; the cards before it,
    // in this row or the last, say so.
    let cards: String = (0..3)
        .map(|i| format!("<div class=card><h3 class=t>Candle {i}</h3><p>$3{i}.00</p></div>"))
        .collect();
    let html = format!(
        "<body><main><h1>Candles</h1><p>{PARA}</p><div class=row>{cards}</div><div class=row>\
         <div class=card><h3 class=t>Candle 9</h3></div></div></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Candle 9"), "{text}");
    let html = format!(
        "<body><main><h1>Candles</h1><p>{PARA}</p><div class=row>{cards}\
         <div class=card><h3 class=t>Candle 9</h3></div></div></main></body>"
    );
    let text = extract_text(&html);
    assert!(text.contains("Candle 9"), "{text}");
    // A region that is headings alone keeps them.
    let text = extract_text("<body><main><h2>Coming soon</h2><h3>Spring 2027</h3></main></body>");
    assert!(text.contains("Spring 2027"), "{text}");
}

#[test]
fn datelines_and_reading_times_are_dropped_from_articles() {
    let html = format!(
        "<body><main><div class=meta><span>Updated on July 9, 2025</span></div>\
         <div>16 min read</div><div class=post>{}\
         <p>We opened 3 stores in May 2025.</p><p>Posted December 12, 2025</p></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    assert!(text.contains("We opened 3 stores in May 2025."), "{text}");
    assert!(!text.contains("July 9"), "{text}");
    assert!(!text.contains("min read"), "{text}");
    assert!(!text.contains("December 12"), "{text}");
    for (line, dateline) in [
        ("last updated: december 15th 2025", true),
        ("- june 26, 2025", true),
        ("13 min read", true),
        ("13 minutes", false),
        ("dec 12, 2025 \u{b7} 5 min read", true),
        ("bridgestone team | 5 min read", true),
        (
            "march 15, 2022 \u{b7} 3 min read \u{b7} by asu online",
            true,
        ),
        ("by jane doe \u{2022} dec. 19, 2025", false),
        ("the river report | 5 min read | part two", false),
        ("updated: 10/31/2024", true),
        ("published june 23, 2025 10:39am", true),
        ("reading time: 7 minutes", true),
        ("reading time: a lifetime", false),
        ("12.12.2025", true),
        ("1.2.3", false),
        ("version 2.10.2024", false),
        ("may 2025 sales", false),
    ] {
        assert_eq!(is_dateline(line), dateline, "{line}");
    }
}

#[test]
fn bare_addresses_under_an_article_are_dropped() {
    let html = format!(
        "<body><main><div class=post>{}\
         <p>The data is at https://example.org/data and free to use.</p>\
         <p><span>Article Sources:</span></p>\
         <p>https://example.com/a-study.html<br>https://www.example.net/report?id=7</p>\
         <p>www.example.org/more</p></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    assert!(text.contains("https://example.org/data and free"), "{text}");
    assert!(!text.contains("a-study"), "{text}");
    assert!(!text.contains("report?id"), "{text}");
    assert!(!text.contains("example.org/more"), "{text}");
    for (line, bare) in [
        ("https://a.example/x", true),
        ("- www.example.com", true),
        ("see https://a.example/x", false),
        ("-", false),
        ("", false),
    ] {
        assert_eq!(is_bare_addresses(line), bare, "{line}");
    }
}

#[test]
fn calls_to_action_around_an_article_are_dropped_with_their_box() {
    let html = format!(
        "<body><main><div><h3>Talk to our experts</h3></div><div class=post>{}\
         <p>Want to know more? The survey data is public.</p>\
         <p>Don't miss the view from the old bridge at dawn.</p>\
         </div><div><h2>Stay in the loop</h2><p>Our weekly picks of river stories.</p></div>\
         <div><h2>This post is for paid subscribers</h2></div><div><div><h2>Join our newsletter</h2><p>Weekly notes on rivers.</p></div>\
         </div><section><h2>Ready to plan your trip?</h2></section>\
         <div><h4>Take the next step</h4><p>Plan a visit with our guides.</p></div>\
         <div><h3>This story is funded by readers like you</h3><p>Your gifts keep the \
         river desk open.</p></div><div><h3>Donate</h3><p>Monthly or once.</p></div>\
         <div><h2>Methods</h2><p>The town archive, volumes three to five.</p></div>\
         <div class=notes><p>n1: {PARA}</p><p>n2: {PARA}</p><p>n3: {PARA}</p></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    assert!(text.contains("Want to know more?"), "{text}");
    assert!(text.contains("The town archive"), "{text}");
    assert!(!text.contains("newsletter"), "{text}");
    assert!(!text.contains("Weekly notes"), "{text}");
    assert!(!text.contains("Ready to plan"), "{text}");
    assert!(!text.contains("Talk to our experts"), "{text}");
    assert!(!text.contains("Stay in the loop"), "{text}");
    assert!(!text.contains("paid subscribers"), "{text}");
    assert!(!text.contains("weekly picks"), "{text}");
    assert!(!text.contains("Take the next step"), "{text}");
    assert!(!text.contains("readers like you"), "{text}");
    assert!(!text.contains("Donate"), "{text}");
    assert!(text.contains("Don't miss the view"), "{text}");

    // Inside the body, a call that closes the page's text is the site's too.
    let html = format!(
        "<body><main><div class=post>{}<p>Want to know more? The survey data is \
         public.</p><div><h3>Ready to get pests out of your home?</h3><p><a href=/q>\
         Call us</a></p></div></div></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("Want to know more?"), "{text}");
    assert!(!text.contains("Ready to get pests"), "{text}");

    // Mid-body, a pitch goes only when its box carries the button or form.
    let html = format!(
        "<body><main><div class=post>{}<div><h3>Join our mailing list</h3><p>Notes \
         on rivers, monthly.</p><a class=btn-primary href=/s>Sign up</a></div>\
         <div><h3>Want to see the data?</h3><p>The survey tables are public.</p></div>\
         {}</div></main></body>",
        article(6),
        article(6)
    );
    let text = extract_text(&html);
    assert!(!text.contains("mailing list"), "{text}");
    assert!(!text.contains("Notes on rivers"), "{text}");
    assert!(text.contains("Want to see the data?"), "{text}");
    assert!(text.contains("survey tables"), "{text}");
}

#[test]
fn controls_with_icons_are_dropped_but_code_is_left_whole() {
    let html = format!(
        "<body><main>{}<pre><code>def login(request, session):\n    session.touch()\n    return <span class=s1>'Login'</span>\
         </code></pre><p>Call <code><span>login</span></code> first.</p>\
         <div><a href=#top>Back to top ↑</a></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("return 'Login'"), "{text}");
    assert!(text.contains("Call login first."), "{text}");
    assert!(!text.contains("Back to top"), "{text}");
}

#[test]
fn result_counters_and_checkout_notes_are_dropped() {
    for (line, notice) in [
        ("showing 24 of 291 results", true),
        ("displaying 1 to 24 (of 204 products)", true),
        ("loaded 154 results", true),
        ("1,204 items", true),
        (
            "taxes, discounts and shipping calculated at checkout.",
            true,
        ),
        ("free shipping over $75 usd & easy returns.", false),
        ("we tested 24 of the best products", false),
        ("search results", false),
    ] {
        assert_eq!(is_shop_notice(line), notice, "{line}");
    }
    let html = format!(
        "<body><main><p>Showing 24 of 291 results</p>{}</main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("3: The river"), "{text}");
    assert!(!text.contains("Showing 24"), "{text}");
}

#[test]
fn source_lists_are_dropped_but_sections_about_sources_kept() {
    let html = format!(
        "<body><main><article>{}<h2>Sources of vitamin D</h2><p>Sunlight and oily fish \
         supply most of it, and so do fortified cereals.</p><h2>References</h2><ol>\
         <li>Doe J. Rivers and towns. J Hydrol. 2021;4:1-9.</li></ol></article></main>\
         </body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("Sources of vitamin D"), "{text}");
    assert!(text.contains("fortified cereals"), "{text}");
    assert!(!text.contains("References"), "{text}");
    assert!(!text.contains("J Hydrol"), "{text}");
}

#[test]
fn link_lists_after_an_article_are_dropped_unless_a_heading_introduces_them() {
    let link =
        |k: usize| format!("<li><a href=/s{k}>How the town moved its market, part {k}</a></li>");
    let list: String = (0..4).map(link).collect();
    let more: String = (0..4)
        .map(|k| format!("<li><a href=/m{k}>What the mayor said about the flood, day {k}</a></li>"))
        .collect();
    let html = format!(
        "<body><main><div class=post>{}<ul>{list}</ul></div><div><ul>{more}</ul></div>\
         <h2>Student projects</h2><ul><li><a href=/p1>Flood maps of the lower river valley</a></li>\
         <li><a href=/p2>Levee records from the county archive</a></li>\
         <li><a href=/p3>Market moves after the great flood</a></li>\
         </ul></main></body>",
        article(10)
    );
    let text = extract_text(&html);
    assert!(text.contains("9: The river"), "{text}");
    // The list inside the body is the article's; the one after it is not.
    assert!(text.contains("its market, part 3"), "{text}");
    assert!(!text.contains("the mayor said"), "{text}");
    assert!(text.contains("Levee records"), "{text}");
}

#[test]
fn hero_banners_offer_cards_and_cta_sections_are_kept_but_bars_dropped() {
    let html = format!(
        "<body><div class=\"site-banner\"><p>Official websites use .gov. A .gov website \
         belongs to an official government organization.</p></div><main>\
         <section class=\"banner has-hover\"><h1>Short-term gym equipment rental</h1>\
         <p>Rent commercial machines by the month for events and trials.</p></section>{}\
         <div class=\"cmp-promo\"><h3>Audit services</h3><p>Our external audits help \
         clients understand their risks and reporting.</p></div>\
         <div class=\"promo-bar\"><p>Free shipping on every order over fifty dollars \
         this week.</p></div><section class=\"cta-section\"><h2>Ready to plan your \
         event?</h2><p>Tell us the date and the crowd and we will draft a plan.</p>\
         </section><div class=\"button-wrapper-cta\"><p>Contact us today for a free \
         consultation and quote.</p></div></main></body>",
        article(4)
    );
    let text = extract_text(&html);
    assert!(text.contains("we will draft a plan"), "{text}");
    assert!(!text.contains("free consultation"), "{text}");
    assert!(text.contains("Short-term gym equipment rental"), "{text}");
    assert!(text.contains("Rent commercial machines"), "{text}");
    assert!(!text.contains("Official websites"), "{text}");
    assert!(text.contains("Our external audits"), "{text}");
    assert!(!text.contains("Free shipping"), "{text}");
}

#[test]
fn affiliate_disclosures_and_copyright_lines_are_dropped() {
    let html = format!(
        "<body><main><p>This post may contain affiliate links; we may earn a commission \
         at no extra cost to you.</p><p>River Guides is supported by commissions from \
         the outfitters listed on our site.</p><p>We independently test everything we \
         recommend.</p><div>If you click on links we provide, we may receive \
         compensation.</div>{}<p>Copyright © 2025 Example Media. All rights \
         reserved.</p><p>The agent's commission on the sale was five percent, which the \
         court later found had been earned before the contract was signed, so the estate \
         had to pay it in full despite the buyer walking away from the deal at the end, \
         after months of negotiation, inspections, surveys, valuations and letters between \
         the lawyers of both parties about the link between the deposit and the fee.</p>\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("affiliate links"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
    assert!(!text.contains("supported by commissions"), "{text}");
    assert!(!text.contains("independently test"), "{text}");
    assert!(!text.contains("receive compensation"), "{text}");
    assert!(text.contains("commission on the sale"), "{text}");
}

#[test]
fn photo_credit_lines_are_dropped_but_sentences_naming_agencies_kept() {
    let html = format!(
        "<body><main><figure><img src=/a.jpg><figcaption>Credit: Serious Eats\
         </figcaption></figure>{}<figure><img src=/b.jpg><div class=caption>Kim \
         Kyung-hoon/Reuters</div></figure><p>Photo: Jane Doe</p><p>(Image credit: Wareable)</p><div>Firn | Getty \
         Images</div><p>The lab licensed the picture to Getty Images</p><p>Tax \
         software from Thomson Reuters</p><pre>image: postgres:18</pre>\
         <p>Photo: the harbour at dawn, the ferries still tied up and the fish market \
         opening its doors to the first buyers of the day, as every morning</p>\
         </main></body>",
        article(3)
    );
    let text = extract_text(&html);
    for credit in [
        "Serious Eats",
        "Kim Kyung-hoon",
        "Jane Doe",
        "Wareable",
        "Firn",
    ] {
        assert!(!text.contains(credit), "{credit}: {text}");
    }
    assert!(text.contains("licensed the picture"), "{text}");
    assert!(text.contains("Thomson Reuters"), "{text}");
    assert!(text.contains("image: postgres:18"), "{text}");
    assert!(text.contains("the harbour at dawn"), "{text}");
}

#[test]
fn site_licence_lines_are_dropped_but_licences_discussed_kept() {
    let html = format!(
        "<body><main>{}<p>This library is licensed under the MIT licence, so you may \
         ship it in closed products.</p><p>Except as otherwise noted, the content of \
         this page is licensed under the <a href=/cc>Creative Commons Attribution 4.0 \
         License</a>.</p><div>Content is available under <a href=/cc>CC BY-SA</a> \
         unless otherwise noted.</div></main></body>",
        article(3)
    );
    let text = extract_text(&html);
    assert!(!text.contains("content of this page"), "{text}");
    assert!(!text.contains("Content is available"), "{text}");
    assert!(text.contains("licensed under the MIT"), "{text}");
}

#[test]
fn deep_nesting_is_flattened_not_overflowed() {
    let depth = 100_000;
    let html = format!(
        "<body>{}<p>deep words here</p>{}</body>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let text = extract_text(&html);
    assert!(
        text.contains("deep words here"),
        "{}",
        &text[..text.len().min(200)]
    );
}

fn confidence_of(html: &str) -> Confidence {
    let doc = crate::parse::parse(html);
    let flat = Flat::build(doc.tree.root());
    let analysis = Analysis::new(&flat);
    let body = flat.find("body").unwrap_or(0);
    find(&analysis, body).confidence.unwrap_or_default()
}

#[test]
fn confidence_is_high_for_one_clear_article_and_low_for_split_content() {
    let clear = confidence_of(&format!(
        "<body><nav><a href=/>Home</a><a href=/a>About us</a></nav>\
         <article>{}</article></body>",
        (0..6)
            .map(|i| format!("<p>{i}: {PARA} {PARA}</p>"))
            .collect::<String>()
    ));
    assert!(clear.precision > 0.9 && clear.recall > 0.95, "{clear:?}");
    // Two equal, unrelated columns of prose: whichever is chosen, half the page's
    // content-like text is left behind.
    let split = confidence_of(&format!(
        "<body><div><section>{}</section></div><p>-</p><div><section>{}</section></div></body>",
        article(3),
        article(3)
    ));
    assert!(split.recall < clear.recall, "{split:?} vs {clear:?}");
    // A region of short link lines reads as little content.
    let links: String = (0..20)
        .map(|i| format!("<li><a href=/p{i}>Page {i}</a></li>"))
        .collect();
    let menu = confidence_of(&format!("<body><ul>{links}</ul></body>"));
    assert!(menu.precision < 0.5, "{menu:?}");
}

#[test]
fn a_comments_heading_on_a_declared_thread_does_not_drop_the_replies() {
    let page = |head: &str| {
        let replies: String = (0..3)
            .map(|i| {
                format!(
                    "<li class=\"Item\"><div class=\"Message\"><p>Reply {i}: the fork \
                     will keep the plugin API stable, so existing themes and addons \
                     carry over unchanged.</p></div></li>"
                )
            })
            .collect();
        format!(
            "<html><head>{head}</head><body><main><h1>The project was discontinued</h1>\
             <div class=\"Discussion\"><p>Opening post: the company behind the forum \
             software has ended the open-source edition; what happens to the plugins?</p>\
             {}</div><div class=\"Thread\"><h2>Comments</h2><ul class=\"MessageList\">\
             {replies}</ul></div></main></body></html>",
            article(4)
        )
    };
    let ld = "<script type=\"application/ld+json\">{\"@type\": \
              \"DiscussionForumPosting\", \"headline\": \"Discontinued\"}</script>";
    let thread = extract_text(&page(ld));
    assert!(thread.contains("Reply 2: the fork"), "{thread}");
    let article = extract_text(&page(""));
    assert!(article.contains("Opening post"), "{article}");
    assert!(!article.contains("Reply 2"), "{article}");
}
