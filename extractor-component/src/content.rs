//! Finding the main content: prune boilerplate, score candidate blocks, select the main
//! region, and copy it out as a clean tree for rendering and link collection.
//!
//! The steps, each usable on its own:
//! 1. [`Analysis::new`]: per-node text figures over the flat index, computed once.
//! 2. [`Analysis::prune`]: which subtrees are boilerplate at a given [`Strictness`].
//! 3. [`Analysis::select`]: rate every text node's likelihood of being content from
//!    its block (length, links), then pick the region that best covers the page's
//!    content-like text for the least other text — an F1 proxy. Whole regions win
//!    over narrow nodes when the region is mostly content (forums keep every post,
//!    listings every item), because WCXB-style ground truth is the whole region.
//! 4. `clean`: drop menu-like link runs left inside the selected region.
//! 5. [`to_tree`]: copy the kept nodes into a fresh tree with a depth cap.
//!
//! No per-site rules: only tags, ARIA/hidden markup, generic class/id vocabulary and
//! text statistics.

use std::collections::{HashMap, HashSet};

use crate::dom::{Flat, Kind, NONE};
use ego_tree::{NodeId, Tree};
use scraper::node::Text;
use scraper::Node;

/// Page furniture by tag.
const STRUCTURAL: &[&str] = &["nav", "header", "footer", "aside", "menu"];

/// Class/id tokens that mark boilerplate; a token matches when it starts with one.
const NEGATIVE_PREFIXES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscri",
    "advert",
    "sponsor",
    "breadcrumb",
    "paginat",
    "pager",
    "sidebar",
    "popup",
    "modal",
    "overlay",
    "outbrain",
    "taboola",
    "disqus",
    "recommend",
    "trending",
    "signup",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "footer",
    "toolbar",
    "skiplink",
    "byline",
    "author",
    "dateline",
    "tags",
    "tagcloud",
    "login",
    "rating",
    "offcanvas",
    "signature",
];

/// Class/id weight of an element whose only boilerplate word is "banner", "promo" or
/// "cta" (call to action): a notice bar ("free shipping over $50") or button row
/// ("Contact us today"), or a landing page's hero section, offer card or closing
/// pitch holding a headline and its copy. Which one is decided by whether it holds a
/// heading.
const BANNER_ONLY: i8 = -2;

/// Class/id weight of an element whose only boilerplate word is "widget": a sidebar
/// box of links, or a page builder's content block (Elementor, HubSpot modules).
/// Which one is decided by whether it reads as prose.
const WIDGET_ONLY: i8 = -3;

/// Extra class/id prefixes that mark boilerplate on product pages only: there customer
/// reviews, Q&A widgets, shipping/returns boxes, cross-sell carousels, pop-over
/// panels (size guides, financing terms) and legal fine print surround the
/// description. Elsewhere the same words are content (testimonials on a service page,
/// a review article's body).
const PRODUCT_NEGATIVE_PREFIXES: &[&str] = &[
    "review",
    "carousel",
    "popover",
    "disclaimer",
    "upsell",
    "crosssell",
    "recently",
    "wishlist",
    "yotpo",
    "okendo",
    "judgeme",
    "trustpilot",
    "bazaarvoice",
];

/// Class/id prefixes of a page's comment section: boilerplate under an article, but
/// the content itself on a page that declares itself a discussion thread (schema.org
/// `DiscussionForumPosting`), where the replies are what the reader came for. (A
/// `QAPage`'s comments stay boilerplate: there the answers are the content and the
/// comments under them are asides.)
const DISCUSSION_NEGATIVE_PREFIXES: &[&str] = &["comment"];

/// Whole class/id tokens that mark boilerplate.
const NEGATIVE_EXACT: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "nav",
    "header",
    "share",
    "tools",
    "follow",
    "more",
    "aside",
    "topbar",
    "bottombar",
    "copyright",
    "legal",
    "sticky",
    "toc",
];

/// Class/id tokens that mark the main container; they outweigh negatives for pruning.
const POSITIVE: &[&str] = &[
    "content",
    "main",
    "article",
    "body",
    "entry",
    "story",
    "post",
    "text",
    "prose",
    "blog",
    "page",
    "markdown",
    "richtext",
    "editor",
    "description",
    "thread",
    "message",
    "topic",
    "docs",
    "documentation",
];

/// Headings that introduce page furniture rather than content (matched as a prefix of
/// the lower-cased heading text).
/// Whole headings of the list of sources under an article: its apparatus, not its
/// text (unlike "Sources of vitamin D", which is a section of the text).
const SOURCE_HEADINGS: &[&str] = &[
    "sources",
    "article sources",
    "references",
    "sources and references",
    "notes and references",
    "citations",
    "bibliography",
    "works cited",
    "further reading",
];

const FURNITURE_HEADINGS: &[&str] = &[
    "related",
    "you may also",
    "you might also",
    "you may like",
    "you might like",
    "people who viewed",
    "people also",
    "customers who",
    "customers also",
    "also viewed",
    "recommended",
    "recommendations",
    "more from",
    "more stories",
    "more articles",
    "more news",
    "more to explore",
    "popular",
    "most popular",
    "most read",
    "trending",
    "read next",
    "up next",
    "similar",
    "comments",
    "leave a reply",
    "leave a comment",
    "share this",
    "share on",
    "follow us",
    "subscribe",
    "newsletter",
    "sign up",
    "sponsored",
    "advertisement",
    "latest news",
    "latest posts",
    "recent posts",
    "about the author",
    "tags",
    "explore more",
    "don't miss",
    "editor's picks",
    "top stories",
    "in other news",
    "other articles",
    "frequently bought",
    "your answer",
    "start asking",
    "explore related",
    "like this",
    "other posts",
    "discover more",
    "keep reading",
    "read this next",
    "browse related",
    "other related",
    "more in ",
    "recent articles",
    "latest articles",
    "you may be interested",
    "you might be interested",
    "financing options",
    "need help",
    "recently viewed",
    "your recently viewed",
    "frequently purchased",
    "complete the look",
    "complete your order",
    "shop the look",
    "browsing history",
    "pairs well with",
    "goes well with",
    "ask an expert",
];

/// Phrases that name a shop's cross-sell wherever they stand in a heading ("This is
/// what customers who viewed this product bought", "People who viewed this item
/// also viewed").
const CROSS_SELL_PHRASES: &[&str] = &[
    "customers who viewed",
    "customers who bought",
    "customers also",
    "also viewed",
    "also bought",
    "bought together",
];

/// Whole-element texts that are interface controls, not content: commerce buttons,
/// post actions, pagination and teaser links (compared lower-cased, with trailing
/// punctuation and ellipses trimmed).
const UI_PHRASES: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "add to wishlist",
    "add to wish list",
    "add to list",
    "add to compare",
    "buy now",
    "buy it now",
    "shop now",
    "quick shop",
    "quick view",
    "notify me",
    "notify me when available",
    "sale price",
    "regular price",
    "unit price",
    "current price",
    "write a review",
    "share",
    "share this",
    "share this post",
    "share this article",
    "tweet",
    "pin it",
    "reply",
    "reply with quote",
    "quote",
    "multi-quote",
    "report",
    "report post",
    "report abuse",
    "permalink",
    "click to expand",
    "click to shrink",
    "show more",
    "show less",
    "read more",
    "see more",
    "load more",
    "view more",
    "loading",
    "back to top",
    "skip to content",
    "skip to main content",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "menu",
    "toggle navigation",
    "toggle menu",
    "close",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "table of contents",
    "on this page",
    "edit this page",
    "rate this page",
    "page tools",
    "expand description",
    "submit correction",
    "open in app",
    "select a size",
    "advertisement",
    "sort by",
    "sort and filter",
    "filter",
    "filters",
    "learn more",
    "contact us",
    "get started",
    "get started today",
    "get started for free",
    "view all",
    "see all",
    "shop all",
    "back to blog",
    "start free trial",
    "start your free trial",
    "book a demo",
    "request a demo",
    "get a demo",
    "get a quote",
    "ask question",
    "improve this question",
    "improve this answer",
    "discussion about this post",
    "ready for more",
    "skip to search results",
    "go to topic listing",
    "results per page",
    "items per page",
    "products per page",
    "likes this",
    "close form",
    "see more in",
    "sign in / join",
    "copy item path",
    "sponsored",
    "sponsored by",
    "in partnership with",
    "presented by",
    "brought to you by",
    "view details",
    "view product",
    "quick add",
    "choose options",
    "select options",
    "pre order now",
    "pre-order now",
    "ways to save",
    "sold out",
    "in stock",
    "out of stock",
    "low stock",
    "back-order",
    "backorder",
    "compare",
    "clear",
    "search",
    "was this helpful",
    "was this page helpful",
    "was this article helpful",
    "was this answer helpful",
    "did this help",
    "is this page useful",
    "how helpful was this page",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "be the first to comment",
    "what do you think",
    "comment via",
    "reply by email",
    "reply to this topic",
    "join the conversation",
    "join the discussion",
    "share it",
    "share this article with your friends",
    "related articles",
    "related posts",
    "you might also like",
    "you may also like",
    "you might like",
    "recommended posts",
    "subscribe",
    "subscribe now",
    "newsletter",
    "newsletters",
    "print",
    "share this product",
    "skip images",
    "notify me when back in stock",
    "email me when available",
    "add to registry",
    "find in store",
    "check store availability",
    "size guide",
    "size chart",
    "find your size",
    "view cart",
    "continue shopping",
    "read reviews",
    "see options",
    "pin for later",
    "pin it for later",
    "pin it now",
    "read less",
    "see less",
    "read more less",
    "read less read more",
    "show more show less",
    "see more see less",
    "expand all",
    "collapse all",
    "report inappropriate content",
    "watch this topic",
    "follow this topic",
    "top posters in this topic",
    "jump to",
    "pin this for later",
    "print this page",
    "you may also be interested in",
    "follow us",
    "follow us on social media",
    "listen to this article",
    "bookmark",
    "helpful",
    "back",
    "recent posts",
    "more articles",
    "free fast delivery",
    "free returns",
    "returns & exchanges accepted",
    "pick up in store",
    "coming soon",
    "ratings & reviews",
    "en stock",
    "thank you for your feedback",
    "already have an account",
    "no items found",
    "image unavailable",
    "like loading",
    "view image gallery",
    "forum jump",
    "table of content",
    "quick look",
    "in this article",
    // Feedback of a copy button.
    "copied",
    "copied to clipboard",
    "link copied",
    // Byline and reading-time labels whose value went with the dateline rules.
    "written by",
    "reading time",
    // Badges on shop cards.
    "new",
    "new arrival",
    "top rated",
    "award winner",
    "best seller",
    "bestseller",
    "limited edition",
    "sale",
    // A Q&A platform's prompts under its answers.
    "start asking to get answers",
    "find the answer to your question by asking",
    "explore related questions",
    "see similar questions with these tags",
];

/// Class/id tokens of a post's poster panel and signature (whole tokens).
const POSTER_TOKENS: &[&str] = &[
    "user",
    "username",
    "userdetails",
    "userinfo",
    "usertitle",
    "userbanner",
    "userextra",
    "userextras",
    "userstats",
    "usermedals",
    "userflag",
    "postprofile",
    "memberinfo",
    "authorpane",
    "authorstats",
    "authorfields",
];

/// Class/id token prefixes of poster panels.
const POSTER_PREFIXES: &[&str] = &["avatar", "gravatar", "signature"];

/// Parts of class/id tokens that mark the post body itself, which poster vocabulary
/// in the same class list (`user-content`, `usertext-body`, `RichText--user`) must
/// not remove. ("message" and "post" name the whole entry, panel included, so they
/// decide nothing.)
const POST_BODY_PARTS: &[&str] = &["content", "text", "body"];

/// Visible text below which a page is taken to hide itself until scripts run.
const MIN_VISIBLE_PAGE_CHARS: u32 = 200;

/// Text an article's opening section (headline and lead) holds at least.
const MIN_LEAD_CHARS: u32 = 200;

/// Characters of paragraphs under one parent that make an article body: beside one,
/// a comment section is pruned even when it holds most of the page's text (up to
/// [`MAX_COMMENT_SHARE`]); a thread's opening post is shorter, and there the replies
/// are the content.
const MIN_ARTICLE_BESIDE_COMMENTS: u32 = 1000;

/// Share of a region's paragraph text the element [`Analysis::prose_container`]
/// picks must hold.
const MIN_BODY_SHARE: f32 = 0.8;
const MIN_BODY_PROSE: f32 = 0.5;

/// Most single-child wrappers [`Analysis::widget_run`] looks through.
const MAX_WIDGET_WRAPPERS: usize = 4;
const MAX_COMMENT_SHARE: f32 = 0.95;

/// Running text one element must hold to count as an article body beside a
/// page's comments, whatever its markup: about three sentences.
const MIN_PROSE_RUN: u32 = 400;

/// Text a `<main>` landmark holds, at least, for the header and footer beside it to
/// be furniture whatever their share of the page.
const MIN_MAIN_LANDMARK_TEXT: u32 = 500;

/// First words of furniture headings that also open the page's own headings
/// ("Popular types of marketing videos", "Related work", "Recommended courses"):
/// such a heading followed by prose is content.
const DESCRIPTIVE_FURNITURE_WORDS: &[&str] = &[
    "popular",
    "similar",
    "related",
    "recommended",
    "recommendations",
    "trending",
];

/// Characters outside links that make the text after a furniture-named heading the
/// page's prose ([`Analysis::prose_follows`]).
const MIN_SECTION_PROSE: u32 = 200;

/// Link share from which a "widget" is a box of links (recent posts, tag cloud)
/// rather than a page builder's text, heading or image block. (On product pages
/// widgets are the cart, currency and wish-list pop-ups around the product, and stay
/// boilerplate.)
const MAX_WIDGET_LINK_SHARE: f32 = 0.5;

/// Link share above which a section holding the h1 is a site header, not a lead.
const MAX_LEAD_LINK_DENSITY: f32 = 0.3;

/// Largest block [`Analysis::drop_bits_before`] drops, in characters, and most
/// nodes it reads in one.
const MAX_BIT_CHARS: u32 = 300;
const MAX_BIT_NODES: usize = 400;
/// A linkless line this long before the body is its standfirst, in whatever
/// element it is set.
const MIN_STANDFIRST_CHARS: u32 = 80;

/// Largest block that is not prose [`Analysis::drop_tail_after`] drops.
const MAX_TAIL_BOX: u32 = 1000;

/// Fewest characters of the prose that [`Analysis::drop_tail_after`] stops at.
const MIN_TAIL_PROSE: u32 = 300;

/// A poster panel is a few lines; anything longer holds the post itself.
const MAX_POSTER_PANEL_CHARS: u32 = 300;

/// Most words a button carries as part of a sentence ([`is_word_of_sentence`]).
const MAX_SENTENCE_BUTTON_WORDS: usize = 6;
const MAX_SENTENCE_BUTTON_BYTES: usize = 80;

/// Least text (without spaces) that runs before such a button.
const MIN_SENTENCE_BUTTON_LEAD: usize = 12;

/// Text (without spaces) from which one text node reads as a sentence.
const MIN_SENTENCE_CHARS: u32 = 40;

/// Text between two copies of a poster's name from which they head two posts.
const MIN_POST_CHARS: u32 = 100;

/// A poster's name is a few words.
const MAX_POSTER_NAME_CHARS: u32 = 40;

/// Shortest block text that counts as a repeat when it recurs.
const MIN_REPEAT_CHARS: usize = 20;

/// A single paragraph this long that recurs is a copy, not a recurring attribute line.
const MIN_REPEAT_PARAGRAPH: usize = 150;

/// How hard to prune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Only what is never content: scripts, styles, hidden and form controls.
    Hard,
    /// Also page furniture by tag and class/id vocabulary.
    Strict,
}

/// Per-node figures over the flat index.
pub struct Analysis<'f, 'a> {
    pub flat: &'f Flat<'a>,
    /// Non-whitespace characters of each text node.
    own_chars: Vec<u32>,
    own_commas: Vec<u16>,
    /// Nodes inside an `<a>`.
    in_link: Vec<bool>,
    /// Never-content nodes (subtree roots), independent of strictness.
    hard: Vec<bool>,
    /// Text of each subtree with only `hard` pruning, to protect big wrappers.
    hard_text: Vec<u32>,
    /// Text of each element's own text children.
    bare_text: Vec<u32>,
    /// Running text of each element: its text children and the text of inline
    /// children other than links and buttons (a WYSIWYG editor wraps the pieces of
    /// one sentence in `<span>`s).
    running_text: Vec<u32>,
    /// Class/id weight of each element (negative: boilerplate vocabulary).
    class_weight: Vec<i8>,
    /// Ids the page's own links point to (`href="#id"`).
    link_targets: HashSet<&'a str>,
    /// Elements named only as a comment section (`comment-list`) on a page that is
    /// not a declared discussion thread.
    comment_section: Vec<bool>,
    /// What the page declares itself to be.
    pub declared: Declared,
    /// The article's authors by name (from the page's metadata), lower-cased: an
    /// "About the author" paragraph opens with one of them.
    authors: Vec<String>,
    /// The page's title (from its metadata), as lower-cased words: a headline that
    /// repeats it is returned in `title` already.
    title_words: Vec<String>,
}

/// Comment sections that sit side by side under one parent (one thread per
/// top-level comment), summed per parent: a page whose comments are split that way
/// keeps them when together they hold most of its text and no article body sits
/// beside them (a link post's discussion, whose comments are the page's content).
struct CommentThreads {
    /// Text of the comment-section children of each parent.
    by_parent: HashMap<u32, u32>,
    /// Parents already judged.
    judged: HashMap<u32, bool>,
    /// Each judgement reads the page once: a few per page, so nested comment
    /// sections stay linear.
    checks_left: u32,
}

impl CommentThreads {
    fn new(analysis: &Analysis<'_, '_>) -> CommentThreads {
        let mut by_parent: HashMap<u32, u32> = HashMap::new();
        for (i, _) in analysis
            .comment_section
            .iter()
            .enumerate()
            .filter(|(_, &c)| c)
        {
            let parent = analysis.flat.nodes[i].parent;
            if parent != NONE {
                *by_parent.entry(parent).or_default() += analysis.hard_text[i];
            }
        }
        CommentThreads {
            by_parent,
            judged: HashMap::new(),
            checks_left: 4,
        }
    }

    /// Whether comment section `i` is one of such threads.
    fn are_the_content(
        &mut self,
        analysis: &Analysis<'_, '_>,
        i: usize,
        page_text: u32,
        body: usize,
    ) -> bool {
        let parent = analysis.flat.nodes[i].parent;
        let Some(&sum) = self.by_parent.get(&parent) else {
            return false;
        };
        if (sum as f32) < 0.5 * page_text as f32 {
            return false;
        }
        if let Some(&judged) = self.judged.get(&parent) {
            return judged;
        }
        if self.checks_left == 0 {
            return false;
        }
        self.checks_left -= 1;
        let content = !analysis.article_beside(parent as usize, body)
            && !analysis.prose_beside(parent as usize, body);
        self.judged.insert(parent, content);
        content
    }
}

/// Page kinds a page declares in its markup (schema.org JSON-LD or microdata,
/// OpenGraph), known only once the whole page is read; some class words change
/// meaning with them.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Declared {
    /// schema.org `Product`, `og:type` product.
    pub product: bool,
    /// schema.org `DiscussionForumPosting`: a thread of posts.
    pub discussion: bool,
    /// `og:type` article: the page calls itself an article, whatever Product markup
    /// it embeds for the items it covers.
    pub article: bool,
    /// A page of posts by several people: schema.org `DiscussionForumPosting`,
    /// `QAPage` or `Comment` markup.
    pub thread: bool,
}

/// Subtree totals under one pruning.
pub struct Totals {
    pub text: Vec<u32>,
    pub link: Vec<u32>,
    pub commas: Vec<u32>,
    /// Paragraph-like blocks with real text.
    pub paras: Vec<u32>,
    /// Links (`<a>` with text).
    pub anchors: Vec<u32>,
}

/// Text figures of a selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub chars: u32,
    pub link_chars: u32,
    pub paragraphs: u32,
}

/// The selected content: subtree roots in document order and the nodes to leave out.
#[derive(Debug, Clone)]
pub struct Selection {
    pub roots: Vec<usize>,
    pub removed: Vec<bool>,
    /// How well the kept text matches the page's content-like text; `None` when no
    /// region was chosen (the whole body, custom selectors).
    pub confidence: Option<Confidence>,
}

/// The region choice's own estimate of its precision and recall, from the per-text
/// content likelihoods it was made with: a region that holds most of the page's
/// content-like text, and little else, is probably the real content.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Confidence {
    /// Content-like share of the kept text (0–1).
    pub precision: f32,
    /// Share of the page's content-like text that was kept (0–1).
    pub recall: f32,
}

impl<'f, 'a> Analysis<'f, 'a> {
    pub fn new(flat: &'f Flat<'a>) -> Self {
        let analysis = Self::build(flat, true);
        if analysis.hard_text[0] >= MIN_VISIBLE_PAGE_CHARS {
            return analysis;
        }
        // Nearly nothing visible: pages that hide themselves with an inline style
        // until their scripts load (`<div style="visibility:hidden; min-height:100vh">`
        // around the whole page) would otherwise come out empty.
        let unhidden = Self::build(flat, false);
        if unhidden.hard_text[0] > 2 * analysis.hard_text[0].max(MIN_VISIBLE_PAGE_CHARS) {
            unhidden
        } else {
            analysis
        }
    }

    /// Tells the analysis the page's title, so that a headline repeating it is not
    /// returned twice.
    pub fn set_title(&mut self, title: Option<&str>) {
        self.title_words = words_of(title.unwrap_or(""));
    }

    /// Tells the analysis who wrote the page (the byline, names separated by commas,
    /// "and" or "&"). Only full names count: a lone first name or a site name would
    /// match too many sentences.
    pub fn set_byline(&mut self, byline: Option<&str>) {
        self.authors = byline
            .unwrap_or("")
            .split([',', '&', ';'])
            .flat_map(|part| part.split(" and "))
            .map(|name| name.trim().to_lowercase())
            .filter(|name| name.split_whitespace().count() >= 2 && name.len() <= 60)
            .collect();
    }

    /// The analysis, with inline-style hiding honoured or not.
    fn build(flat: &'f Flat<'a>, style_hides: bool) -> Self {
        let n = flat.len();
        let mut own_chars = vec![0u32; n];
        let mut own_commas = vec![0u16; n];
        let mut in_link = vec![false; n];
        let mut hard = vec![false; n];
        let mut class_weight = vec![0i8; n];
        let mut declared = Declared::default();
        // Elements whose weight depends on what the page declares itself to be.
        let mut page_dependent = Vec::new();
        // Panels some toggle opens (`aria-controls`): an accordion's collapsed answers.
        // Of those, `headed` holds the panels whose toggle sits in a heading: an
        // accordion's headers (the ARIA pattern puts each toggle inside a heading), not
        // a menu button.
        let mut controlled: HashSet<&str> = HashSet::new();
        let mut headed: HashSet<&str> = HashSet::new();
        for i in (0..n).filter(|&i| flat.nodes[i].kind == Kind::Element) {
            if let Some(ids) = flat.attr(i, "aria-controls") {
                controlled.extend(ids.split_ascii_whitespace());
                if in_heading(flat, i) {
                    headed.extend(ids.split_ascii_whitespace());
                }
            }
        }
        // Nodes inside a never-content subtree: every pruning drops them, so their text
        // (script and JSON payloads, often most of the page's bytes) is never counted.
        let mut muted = vec![false; n];
        // Utility-class pages repeat the same long class strings on many elements.
        let mut class_words: std::collections::HashMap<&str, ClassWords> =
            std::collections::HashMap::new();
        for i in 0..n {
            let node = &flat.nodes[i];
            let parent = node.parent;
            let parent_link = parent != NONE && in_link[parent as usize];
            if parent != NONE {
                let p = parent as usize;
                muted[i] = muted[p] || hard[p];
            }
            match node.kind {
                Kind::Text if muted[i] => in_link[i] = parent_link,
                Kind::Text => {
                    let mut chars = 0u32;
                    let mut commas = 0u16;
                    let text = flat.text(i);
                    if text.is_ascii() {
                        // Most text is ASCII: count bytes without decoding chars.
                        for &b in text.as_bytes() {
                            if !b.is_ascii_whitespace() && b != 0x0b {
                                chars += 1;
                                if b == b',' {
                                    commas = commas.saturating_add(1);
                                }
                            }
                        }
                    } else {
                        for c in text.chars() {
                            if !c.is_whitespace() {
                                chars += 1;
                                if matches!(c, ',' | '，' | '、' | '،') {
                                    commas = commas.saturating_add(1);
                                }
                            }
                        }
                    }
                    own_chars[i] = chars;
                    own_commas[i] = commas;
                    in_link[i] = parent_link;
                }
                Kind::Element => {
                    in_link[i] = parent_link || node.name == "a";
                    let attrs = Attrs::of(flat, i);
                    // A button inside a heading is an accordion's trigger: its
                    // label is the heading (except in the site's footer menus).
                    hard[i] = (is_hard_boilerplate(node.name, &attrs, style_hides)
                        && !(node.name == "button"
                            && in_heading(flat, i)
                            && !in_site_furniture(flat, i))
                        && !(node.name == "button"
                            && !is_hidden(&attrs, style_hides)
                            && is_word_of_sentence(flat, i))
                        && !(style_hides && is_switched_panel(flat, i, &attrs))
                        && !is_controlled_region(&attrs, &controlled, &headed))
                        || is_tooltip_role(flat, i, &attrs);
                    if !muted[i] {
                        let words = if attrs.id.is_empty() && !attrs.class.is_empty() {
                            *class_words
                                .entry(attrs.class)
                                .or_insert_with(|| class_id_words(&attrs))
                        } else {
                            class_id_words(&attrs)
                        };
                        class_weight[i] = words.weight(Declared::default());
                        if words.product_negative || words.discussion_negative {
                            page_dependent.push((i, words));
                        }
                    }
                    // Outside the muted guard: the JSON-LD and <meta> that declare a
                    // page kind sit in <head>, inside never-content subtrees.
                    declare(flat, i, &attrs, &mut declared);
                }
                Kind::Other => {}
            }
        }
        // A review or round-up embeds Product markup for the items it covers, but
        // calls itself an article.
        declared.product = declared.product && !declared.article;
        declared.thread |= declared.discussion;
        if declared.product || declared.discussion {
            // Known only once the whole page (JSON-LD often sits at the end) is read.
            for &(i, words) in &page_dependent {
                class_weight[i] = words.weight(declared);
            }
        }
        let link_targets = (0..n)
            .filter(|&i| flat.nodes[i].name == "a")
            .filter_map(|i| flat.attr(i, "href")?.strip_prefix('#'))
            .filter(|target| !target.is_empty())
            .collect();
        let mut comment_section = vec![false; n];
        if !declared.discussion {
            for &(i, words) in &page_dependent {
                comment_section[i] =
                    words.discussion_negative && !words.negative && class_weight[i] == -1;
            }
        }
        let mut analysis = Analysis {
            flat,
            own_chars,
            own_commas,
            in_link,
            hard,
            hard_text: Vec::new(),
            bare_text: Vec::new(),
            running_text: Vec::new(),
            class_weight,
            comment_section,
            link_targets,
            declared,
            authors: Vec::new(),
            title_words: Vec::new(),
        };
        analysis.hard_text = analysis.totals(&analysis.hard.clone()).text;
        // `<noscript>` holds either a JS-less fallback of the page (keep) or a tracking
        // pixel / "enable JavaScript" notice (drop): tell them apart by size. Markup
        // as text (`&lt;div class="alert"&gt;`, what some browsers write when saving
        // a page) is neither, whatever its size.
        let mut changed = false;
        for i in 0..n {
            if flat.nodes[i].name == "noscript"
                && !analysis.hard[i]
                && (analysis.hard_text[i] < 200 || holds_escaped_markup(flat, i))
            {
                analysis.hard[i] = true;
                changed = true;
            }
        }
        if changed {
            analysis.hard_text = analysis.totals(&analysis.hard.clone()).text;
        }
        analysis.bare_text = vec![0; n];
        analysis.running_text = vec![0; n];
        for c in 0..n {
            let node = &flat.nodes[c];
            if node.parent == NONE {
                continue;
            }
            let parent = node.parent as usize;
            match node.kind {
                Kind::Text => {
                    analysis.bare_text[parent] += analysis.own_chars[c];
                    analysis.running_text[parent] += analysis.own_chars[c];
                }
                Kind::Element if analysis.runs_in_text(c) => {
                    analysis.running_text[parent] += analysis.hard_text[c];
                }
                _ => {}
            }
        }
        analysis
    }

    /// Whether element `c`'s text counts as part of its parent's running text.
    fn runs_in_text(&self, c: usize) -> bool {
        let name = self.flat.nodes[c].name;
        !matches!(name, "a" | "button") && !crate::render::is_block(name)
    }

    /// Subtree roots to drop at `strictness` (a dropped node's descendants are dropped
    /// with it; only the roots are marked).
    pub fn prune(&self, strictness: Strictness, body: usize) -> Vec<bool> {
        let flat = self.flat;
        let mut removed = self.hard.clone();
        if strictness == Strictness::Hard {
            return removed;
        }
        let page_text = self.hard_text[body].max(1);
        let wraps_main = self.main_ancestors();
        // With a main landmark that holds text, the site's header and footer beside
        // it are furniture however much they hold (a footer of long legal notes).
        let main_has_text = (body..flat.nodes[body].end as usize)
            .any(|m| is_main_landmark(flat, m) && self.hard_text[m] >= MIN_MAIN_LANDMARK_TEXT);
        let mut main_end = 0;
        // Each check reads the page once: a few per page, so nested sidebars stay linear.
        let mut sidebar_checks_left = 4;
        let mut threads = CommentThreads::new(self);
        // Replies nest inside a kept thread: they are its content too.
        let mut kept_thread_end = 0;
        let mut i = 0;
        while i < flat.len() {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element && i != body {
                // A "boilerplate" wrapper holding most of the page is a layout
                // container with an unlucky class name, not boilerplate.
                let share = self.hard_text[i] as f32 / page_text as f32;
                let furniture = (STRUCTURAL.contains(&node.name)
                    && !(node.name == "header" && heads_section(flat, i)))
                    || matches!(
                        flat.attr(i, "role"),
                        Some("navigation" | "banner" | "contentinfo" | "complementary")
                    );
                // A long comment thread outweighs the article it sits under.
                let max_share = if !self.comment_section[i] {
                    0.5
                } else if share >= 0.5 {
                    if self.article_beside(i, body) {
                        MAX_COMMENT_SHARE
                    } else {
                        0.5
                    }
                } else if i < kept_thread_end || threads.are_the_content(self, i, page_text, body) {
                    // One of many sibling threads that together hold most of the
                    // page, with no article beside them (a link post's discussion),
                    // or a reply inside one.
                    kept_thread_end = kept_thread_end.max(node.end as usize);
                    0.0
                } else {
                    0.5
                };
                if is_main_landmark(flat, i) {
                    main_end = main_end.max(node.end as usize);
                }
                let outside_main = i >= main_end && !wraps_main[i];
                // A sidebar (`<aside>`, `role=complementary`) can outweigh the article
                // beside it (a live feed, a gallery of fifty captions): with an
                // article body outside it, it is furniture whatever its share.
                let sidebar_beside_article = furniture
                    && share >= 0.6
                    && (node.name == "aside" || flat.attr(i, "role") == Some("complementary"))
                    && sidebar_checks_left > 0
                    && {
                        sidebar_checks_left -= 1;
                        self.article_beside(i, body)
                    };
                let boiler = (furniture
                    && (share < 0.6 || (main_has_text && outside_main) || sidebar_beside_article))
                    || (self.class_weight[i] < 0
                        && share < max_share
                        && !is_main_tag(node.name)
                        && !wraps_main[i]
                        && !self.class_misleads(i));
                if boiler {
                    removed[i] = true;
                    i = node.end as usize;
                    continue;
                }
            }
            i += 1;
        }
        self.prune_furniture_sections(&mut removed, body);
        removed
    }

    /// Whether the page holds an article body outside `i`: paragraphs under one
    /// parent with at least [`MIN_ARTICLE_BESIDE_COMMENTS`] characters between them.
    /// (Prose spread over many parents is a sidebar's or footer's blurbs.)
    fn article_beside(&self, i: usize, body: usize) -> bool {
        let flat = self.flat;
        let (skip_from, skip_to) = (i, flat.nodes[i].end as usize);
        let mut by_parent: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        let mut j = body;
        let end = flat.nodes[body].end as usize;
        while j < end {
            if j == skip_from {
                j = skip_to;
                continue;
            }
            if self.hard[j] || flat.nodes[j].name == "p" {
                if !self.hard[j] {
                    let sum = by_parent.entry(flat.nodes[j].parent).or_default();
                    *sum += self.hard_text[j];
                    if *sum >= MIN_ARTICLE_BESIDE_COMMENTS {
                        return true;
                    }
                }
                j = (flat.nodes[j].end as usize).max(j + 1);
            } else {
                j += 1;
            }
        }
        false
    }

    /// Whether one element outside `i` holds a long run of prose
    /// ([`MIN_PROSE_RUN`]): a story body written without paragraph tags.
    fn prose_beside(&self, i: usize, body: usize) -> bool {
        let flat = self.flat;
        let end = flat.nodes[body].end as usize;
        let mut j = body;
        while j < end {
            if j == i || self.hard[j] {
                j = (flat.nodes[j].end as usize).max(j + 1);
                continue;
            }
            if self.running_text[j] >= MIN_PROSE_RUN {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Elements that hold the page's declared main region (`<main>`, `role=main`): a
    /// layout wrapper around the content whatever its class says (`row-offcanvas`
    /// grids put the content inside the off-canvas row).
    fn main_ancestors(&self) -> Vec<bool> {
        let flat = self.flat;
        let mut wraps = vec![false; flat.len()];
        for i in 0..flat.len() {
            if is_main_landmark(flat, i) {
                let mut current = flat.nodes[i].parent;
                while current != NONE && !wraps[current as usize] {
                    wraps[current as usize] = true;
                    current = flat.nodes[current as usize].parent;
                }
            }
        }
        wraps
    }

    /// Cases where a boilerplate class/id says nothing about the element's role.
    fn class_misleads(&self, i: usize) -> bool {
        // A heading's or paragraph's class names its styling (`kt-adv-heading`);
        // furniture headings are judged by their words instead.
        let name = self.flat.nodes[i].name;
        is_heading(name)
            || name == "p"
            || (self.class_weight[i] == BANNER_ONLY && self.holds_heading(i))
            || (self.class_weight[i] == WIDGET_ONLY
                && !self.declared.product
                && self.link_share(i) < MAX_WIDGET_LINK_SHARE)
            || self.is_lead_section(i)
            || self.named_by_heading_anchor(i)
            || self.is_linked_section(i)
            || self.inline_in_running_text(i)
            || self.is_rating_summary(i)
    }

    /// A product's rating summary ("134 reviews with an average rating of 4.4 out of 5
    /// stars", "4.8 out of 5 stars 89,620", "44,763 global ratings"): what a shop's
    /// cards and pages say about each item, in a box its class calls a rating. A
    /// widget asking the reader to rate ("Click on a star to rate it!") is not one.
    fn is_rating_summary(&self, i: usize) -> bool {
        let len = self.hard_text[i];
        if len == 0 || len > MAX_RATING_SUMMARY_CHARS {
            return false;
        }
        let text = flatten_text(self.flat, i, &self.hard).to_lowercase();
        let summary = text.contains("out of 5")
            || text.contains("out of five")
            || text.contains("average rating")
            || text.contains("global ratings")
            || text.contains("user reviews");
        let prompt = [
            "rate ",
            "rate it",
            "click",
            "vote",
            "be the first",
            "your rating",
        ]
        .iter()
        .any(|p| text.contains(p));
        summary && !prompt && text.bytes().any(|b| b.is_ascii_digit())
    }

    /// A section the page's own links lead to (a table of contents' entries point at
    /// `id="toc_should-you-invest"`): part of the document, whatever its id's words.
    /// One-word ids ("comments", "reviews") name a role as often, and are left out.
    fn is_linked_section(&self, i: usize) -> bool {
        let flat = self.flat;
        flat.attr(i, "id").is_some_and(|id| {
            id.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
                >= 2
                && self.link_targets.contains(id)
        }) && self.holds_heading(i)
    }

    /// When `i` is a link styled as a button, a call to action ("Book now", "Request a
    /// demo") rather than a reference the text makes: the longest label such a link
    /// has. [`MAX_BUTTON_LABEL_CHARS`] for `role=button` or a class token that opens
    /// with the word (`class="btn btn-primary"`); [`MAX_CTA_LABEL_CHARS`] for a token
    /// that only holds it (`thd-button-primary`, `bg-button-shadow`): a design
    /// system's button, or a teaser card's link, so only the shortest labels.
    fn button_label_limit(&self, i: usize) -> Option<u32> {
        let flat = self.flat;
        // A disclosure toggle (`aria-controls`) is labelled by its panel's heading.
        if flat.nodes[i].name != "a" || flat.attr(i, "aria-controls").is_some() {
            return None;
        }
        if flat.attr(i, "role") == Some("button") {
            return Some(MAX_BUTTON_LABEL_CHARS);
        }
        let class = flat.attr(i, "class")?;
        let button = |part: &str| {
            lower_starts(part.as_bytes(), b"btn") || lower_starts(part.as_bytes(), b"button")
        };
        if class.split_ascii_whitespace().any(button) {
            Some(MAX_BUTTON_LABEL_CHARS)
        } else if class
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(button)
        {
            Some(MAX_CTA_LABEL_CHARS)
        } else {
            None
        }
    }

    /// Whether `i` is an inline element beside a sentence of its parent's own text
    /// (a link or label in a paragraph). Only bare text counts: the spans beside a
    /// short control are often other labels of the same card ("In Stock", "Get
    /// Details"), so controls are judged by this.
    fn inline_in_sentence(&self, i: usize) -> bool {
        let node = &self.flat.nodes[i];
        !crate::render::is_block(node.name)
            && node.parent != NONE
            && self.bare_text[node.parent as usize] >= MIN_SENTENCE_CHARS
    }

    /// Whether `i` is an inline piece of running text, the rest of which may sit in
    /// sibling spans ("<span>May 15</span>: Last day to file your <a
    /// class=external-popup>2024 tax returns</a>. <span>If you know…</span>"). Its
    /// class then names a link style or a tracking campaign
    /// (`recommendation-inline-link`), not furniture, and dropping it would cut words
    /// out of the sentence.
    fn inline_in_running_text(&self, i: usize) -> bool {
        let node = &self.flat.nodes[i];
        if crate::render::is_block(node.name) || node.parent == NONE {
            return false;
        }
        let own = if self.runs_in_text(i) {
            self.hard_text[i]
        } else {
            0
        };
        self.running_text[node.parent as usize].saturating_sub(own) >= MIN_SENTENCE_CHARS
    }

    /// Whether `i` is a word of a sentence that goes on after it: inline in prose,
    /// with words of its parent following ("combining search with structured
    /// <a>filters</a>. For more…", "<a>Sign in</a> to add this item"). A label that
    /// ends its paragraph ("…apply. <a>Learn more</a>") is not.
    fn sentence_runs_on(&self, i: usize, removed: &[bool]) -> bool {
        let flat = self.flat;
        if !self.inline_in_running_text(i) {
            return false;
        }
        let parent_end = flat.nodes[flat.nodes[i].parent as usize].end as usize;
        let mut next = flat.nodes[i].end as usize;
        // Bounded: a hostile parent may hold thousands of empty siblings.
        for _ in 0..MAX_BLANK_SIBLINGS {
            if next >= parent_end {
                return false;
            }
            let node = &flat.nodes[next];
            if node.kind == Kind::Element && crate::render::is_block(node.name) {
                return false;
            }
            if !removed[next] {
                // Another link or control after it is the next label of a row
                // ("In Stock <a>Get Details</a>"), not the sentence going on.
                let words = match node.kind {
                    Kind::Text => flat.text(next).chars().any(char::is_alphanumeric),
                    Kind::Element => self.runs_in_text(next) && self.visible_text(next) > 0,
                    Kind::Other => false,
                };
                if words {
                    return true;
                }
            }
            next = node.end as usize;
        }
        false
    }

    /// Whether `i` has a line of its own: the siblings beside it (past blank text and
    /// dropped nodes) are blocks or nothing, so no words of its parent run on from it
    /// ("<a>See price at Amazon</a><div>product card</div>").
    fn own_line(&self, i: usize, removed: &[bool]) -> bool {
        let flat = self.flat;
        let parent = flat.nodes[i].parent;
        if parent == NONE {
            return true;
        }
        let parent = parent as usize;
        let live = |c: usize| !removed[c] && self.visible_text(c) > 0;
        let breaks = |c: usize| {
            flat.nodes[c].kind == Kind::Element && crate::render::is_block(flat.nodes[c].name)
        };
        // Siblings are reached without listing them all (a hostile parent may hold
        // thousands of such links); a few blank ones are passed over.
        let mut before = i;
        let mut after = flat.nodes[i].end as usize;
        for _ in 0..MAX_BLANK_SIBLINGS {
            match flat.previous_sibling(before) {
                Some(p) if !live(p) => before = p,
                Some(p) => {
                    if !breaks(p) {
                        return false;
                    }
                    break;
                }
                None => break,
            }
        }
        for _ in 0..MAX_BLANK_SIBLINGS {
            if after >= flat.nodes[parent].end as usize {
                return true;
            }
            if live(after) {
                return breaks(after);
            }
            after = flat.nodes[after].end as usize;
        }
        false
    }

    /// Whether `i` is the opening of the article under a boilerplate name (a
    /// `layout__header` holding the h1 and the lead paragraphs): it holds an h1 and
    /// reads as prose, where a site header is a logo and a menu of links.
    fn is_lead_section(&self, i: usize) -> bool {
        let flat = self.flat;
        let end = flat.nodes[i].end as usize;
        self.hard_text[i] >= MIN_LEAD_CHARS
            && (i + 1..end.min(i + 400)).any(|j| flat.nodes[j].name == "h1")
            && self.link_share(i) < MAX_LEAD_LINK_DENSITY
    }

    /// Share of `i`'s text (with only hard pruning) inside links.
    fn link_share(&self, i: usize) -> f32 {
        let flat = self.flat;
        let end = flat.nodes[i].end as usize;
        let mut link = 0u32;
        let mut j = i + 1;
        while j < end {
            if self.hard[j] {
                j = flat.nodes[j].end as usize;
                continue;
            }
            if self.in_link[j] {
                link += self.own_chars[j];
            }
            j += 1;
        }
        link as f32 / self.hard_text[i].max(1) as f32
    }

    /// Whether a heading (h1–h3) opens somewhere in `i`'s first few hundred nodes.
    fn holds_heading(&self, i: usize) -> bool {
        let flat = self.flat;
        let end = (flat.nodes[i].end as usize).min(i + 400);
        (i + 1..end).any(|j| matches!(flat.nodes[j].name, "h1" | "h2" | "h3"))
    }

    /// Whether `i`'s boilerplate weight comes only from an id that is the anchor slug
    /// of its own heading (`<section id="more-on-lists"><h2>5.1. More on Lists`):
    /// documentation generators name sections after their headings, so such an id
    /// says nothing about the role. Furniture headings are pruned by their words
    /// anyway.
    fn named_by_heading_anchor(&self, i: usize) -> bool {
        let flat = self.flat;
        let Some(id) = flat.attr(i, "id").filter(|id| !id.is_empty()) else {
            return false;
        };
        let class_only = Attrs {
            class: flat.attr(i, "class").unwrap_or(""),
            ..Attrs::default()
        };
        if class_id_words(&class_only).weight(self.declared) < 0 {
            return false;
        }
        let end = (flat.nodes[i].end as usize).min(i + 64);
        let Some(heading) = (i + 1..end).find(|&j| is_heading(flat.nodes[j].name)) else {
            return false;
        };
        let heading_words: Vec<String> = flatten_text(flat, heading, &self.hard)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        // One-word ids ("reviews", "comments") name a role as often as a heading,
        // unless the heading carries a permalink to the section (`<h3>Cookies<a
        // href="#cookies">¶</a>`): only documents link their own sections.
        let id_words: Vec<&str> = id
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let named = !id_words.is_empty()
            && id_words
                .iter()
                .all(|w| heading_words.iter().any(|h| h.eq_ignore_ascii_case(w)));
        named && (id_words.len() >= 2 || self.links_to_itself(heading, id))
    }

    /// Whether the heading holds a link to `#id`.
    fn links_to_itself(&self, heading: usize, id: &str) -> bool {
        let flat = self.flat;
        (heading + 1..flat.nodes[heading].end as usize).any(|j| {
            flat.nodes[j].name == "a"
                && flat
                    .attr(j, "href")
                    .and_then(|href| href.strip_prefix('#'))
                    .is_some_and(|target| target == id)
        })
    }

    /// Drops sections introduced by a furniture heading ("Related articles", "People
    /// also viewed", "Comments"): the heading's container when the heading opens it,
    /// else the heading and its following siblings up to the next heading. A short
    /// line with a title class counts as a heading when it opens its container.
    fn prune_furniture_sections(&self, removed: &mut [bool], body: usize) {
        let flat = self.flat;
        let page_text = self.hard_text[body].max(1) as f32;
        let mut i = body;
        let end = flat.nodes[body].end as usize;
        while i < end {
            if removed[i] {
                i = flat.nodes[i].end as usize;
                continue;
            }
            let name = flat.nodes[i].name;
            let real_heading = matches!(name, "h2" | "h3" | "h4" | "h5" | "h6");
            // A box's title is often styled text with a title class rather than a
            // heading element: a short leaf line that opens its container.
            let styled_title = !real_heading
                && matches!(name, "div" | "p" | "span" | "strong")
                && (1..=40).contains(&self.hard_text[i])
                && names_a_title(flat.attr(i, "class").unwrap_or(""))
                && !flat.children(i).any(|c| {
                    flat.nodes[c].kind == Kind::Element
                        && crate::render::is_block(flat.nodes[c].name)
                });
            if !(real_heading || styled_title) || self.hard_text[i] > 60 {
                i += 1;
                continue;
            }
            let heading = flatten_text(flat, i, removed).to_lowercase();
            let heading = heading.trim();
            // On a declared thread the "Comments" heading introduces the replies, which
            // are the content there (see DISCUSSION_NEGATIVE_PREFIXES).
            let furniture = FURNITURE_HEADINGS.iter().any(|p| heading.starts_with(p))
                || CROSS_SELL_PHRASES.iter().any(|p| heading.contains(p))
                || SOURCE_HEADINGS.contains(&heading.trim_end_matches(':'))
                || is_reply_gate(heading);
            if !furniture || (self.declared.discussion && heading.starts_with("comments")) {
                i += 1;
                continue;
            }
            // Climb while the heading is the first thing in its container.
            let mut container = i;
            loop {
                let parent = flat.nodes[container].parent;
                if parent == NONE || parent as usize == body {
                    break;
                }
                let parent = parent as usize;
                let first = flat.children(parent).find(|&c| match flat.nodes[c].kind {
                    Kind::Element => !removed[c] && self.hard_text[c] > 0,
                    Kind::Text => self.own_chars[c] > 0,
                    Kind::Other => false,
                });
                if first != Some(container) || self.hard_text[parent] as f32 > 0.4 * page_text {
                    break;
                }
                container = parent;
            }
            if container != i {
                removed[container] = true;
                i = flat.nodes[container].end as usize;
                continue;
            }
            if styled_title {
                i += 1;
                continue;
            }
            // A heading in the middle of its parent: drop it and what follows it,
            // unless that is prose ("Popular Types of Marketing Videos" and the
            // paragraphs that explain them): furniture is lists of links and cards.
            let parent_end = match flat.nodes[i].parent {
                NONE => end,
                p => flat.nodes[p as usize].end as usize,
            };
            let descriptive = DESCRIPTIVE_FURNITURE_WORDS
                .iter()
                .any(|w| heading.split_whitespace().next() == Some(*w));
            if descriptive && self.prose_follows(i, parent_end) {
                i += 1;
                continue;
            }
            removed[i] = true;
            let mut sibling = flat.nodes[i].end as usize;
            while sibling < parent_end {
                if matches!(
                    flat.nodes[sibling].name,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) {
                    break;
                }
                removed[sibling] = true;
                sibling = flat.nodes[sibling].end as usize;
            }
            i = sibling;
        }
    }

    /// Whether the siblings after heading `i`, up to the next heading or `end`, read
    /// as prose: at least [`MIN_SECTION_PROSE`] characters outside links, and links
    /// under half the text.
    fn prose_follows(&self, i: usize, end: usize) -> bool {
        let flat = self.flat;
        let (mut text, mut linked) = (0u32, 0u32);
        let mut j = flat.nodes[i].end as usize;
        while j < end {
            if self.hard[j] {
                j = flat.nodes[j].end as usize;
                continue;
            }
            if flat.nodes[j].parent == flat.nodes[i].parent && is_heading(flat.nodes[j].name) {
                break;
            }
            text += self.own_chars[j];
            if self.in_link[j] {
                linked += self.own_chars[j];
            }
            j += 1;
        }
        text - linked >= MIN_SECTION_PROSE && linked * 2 < text
    }

    /// Subtree totals with `removed` subtrees left out.
    pub fn totals(&self, removed: &[bool]) -> Totals {
        let flat = self.flat;
        let n = flat.len();
        let mut text = vec![0u32; n];
        let mut link = vec![0u32; n];
        let mut commas = vec![0u32; n];
        let mut paras = vec![0u32; n];
        let mut anchors = vec![0u32; n];
        let dropped = self.dropped(removed);
        for i in (0..n).rev() {
            if dropped[i] {
                continue;
            }
            let node = &flat.nodes[i];
            if node.kind == Kind::Text {
                text[i] = self.own_chars[i];
                commas[i] = self.own_commas[i] as u32;
                if self.in_link[i] {
                    link[i] = self.own_chars[i];
                }
            } else if node.kind == Kind::Element
                && matches!(node.name, "p" | "pre" | "blockquote" | "li" | "dd" | "td")
                && text[i] >= 40
            {
                paras[i] += 1;
            } else if node.name == "a" && text[i] > 0 {
                anchors[i] += 1;
            }
            let p = node.parent;
            if p != NONE {
                let p = p as usize;
                text[p] += text[i];
                link[p] += link[i];
                commas[p] += commas[i];
                paras[p] += paras[i];
                anchors[p] += anchors[i];
            }
        }
        Totals {
            text,
            link,
            commas,
            paras,
            anchors,
        }
    }

    /// Expands subtree-root marks to every node of those subtrees.
    fn dropped(&self, removed: &[bool]) -> Vec<bool> {
        let flat = self.flat;
        let n = flat.len();
        let mut dropped = vec![false; n];
        let mut i = 0;
        while i < n {
            if removed[i] {
                let end = flat.nodes[i].end as usize;
                for d in dropped.iter_mut().take(end).skip(i) {
                    *d = true;
                }
                i = end;
            } else {
                i += 1;
            }
        }
        dropped
    }

    /// Picks the main container under `body` at `strictness`.
    pub fn select(&self, body: usize, strictness: Strictness) -> Selection {
        let removed = self.prune(strictness, body);
        let totals = self.totals(&removed);
        let (chosen, likely) = self.best_region(body, &removed, &totals);
        let removed = self.clean(chosen, removed, &totals);
        let confidence = self.confidence(chosen, &removed, &likely, likely[body]);
        Selection {
            roots: vec![chosen],
            removed,
            confidence: Some(confidence),
        }
    }

    /// Precision and recall of what `root` keeps after `removed`, counting each text
    /// node's `likely` content characters against its characters and against the
    /// page's `page_likely` total.
    fn confidence(
        &self,
        root: usize,
        removed: &[bool],
        likely: &[f32],
        page_likely: f32,
    ) -> Confidence {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let (mut kept, mut chars) = (0f32, 0u32);
        let mut i = root;
        while i < end {
            if removed[i] {
                i = flat.nodes[i].end as usize;
                continue;
            }
            if flat.nodes[i].kind == Kind::Text {
                kept += likely[i];
                chars += self.own_chars[i];
            }
            i += 1;
        }
        let ratio = |a: f32, b: f32| if b > 0.0 { (a / b).min(1.0) } else { 0.0 };
        Confidence {
            precision: ratio(kept, chars as f32),
            recall: ratio(kept, page_likely),
        }
    }

    /// The node whose text best matches the page's content-like text, by an F1 proxy:
    /// each text node counts as content with a likelihood from its block (long,
    /// link-free blocks are content; short and link text mostly is not), and a region
    /// scores `2·content(N) / (text(N) + content(page))`. Also returns the content
    /// likelihood mass of every node (text nodes: their own; elements: their subtree).
    fn best_region(&self, body: usize, removed: &[bool], totals: &Totals) -> (usize, Vec<f32>) {
        let flat = self.flat;
        let n = flat.len();
        let dropped = self.dropped(removed);
        let mut content = vec![0f32; n];
        for i in (0..n).rev() {
            if dropped[i] {
                continue;
            }
            let node = &flat.nodes[i];
            if node.kind == Kind::Text && self.own_chars[i] > 0 {
                let block = self.block_of(i);
                let len = totals.text[block];
                let ld = totals.link[block] as f32 / len.max(1) as f32;
                let mut c = if len >= 150 {
                    1.0
                } else if len >= 60 {
                    0.85
                } else if len >= 20 {
                    0.6
                } else {
                    0.3
                };
                if self.in_link[i] {
                    c *= 0.4;
                } else if ld > 0.5 {
                    c *= 0.7;
                }
                content[i] = c * self.own_chars[i] as f32;
            }
            let p = node.parent;
            if p != NONE {
                content[p as usize] += content[i];
            }
        }
        let total = content[body];
        let mut best = body;
        let mut best_f = 0.0f32;
        for i in body..flat.nodes[body].end as usize {
            if dropped[i] || flat.nodes[i].kind != Kind::Element || content[i] <= 0.0 {
                continue;
            }
            let mut f = 2.0 * content[i] / (totals.text[i] as f32 + total);
            // Markup that declares the main region, or names it so, breaks near-ties.
            if has_main_hint(flat, i) || flat.nodes[i].name == "article" {
                f *= 1.0 + 0.12;
            } else if self.class_weight[i] > 0 {
                f *= 1.0 + 0.03;
            }
            if f > best_f * 1.0001 {
                best_f = f;
                best = i;
            }
        }
        (best, content)
    }

    /// The nearest block-level ancestor of `i` (for text: the paragraph it is in).
    fn block_of(&self, i: usize) -> usize {
        let flat = self.flat;
        let mut current = flat.nodes[i].parent;
        while current != NONE {
            let c = current as usize;
            if crate::render::is_block(flat.nodes[c].name)
                || matches!(flat.nodes[c].name, "td" | "th")
            {
                return c;
            }
            current = flat.nodes[c].parent;
        }
        i
    }

    /// Removes link-dense and furniture leftovers inside the chosen region.
    fn clean(&self, root: usize, mut removed: Vec<bool>, totals: &Totals) -> Vec<bool> {
        let flat = self.flat;
        let root_text = totals.text[root].max(1) as f32;
        // Only needed once a link-dense block turns up; many regions have none.
        let mut repeated: Option<Vec<f32>> = None;
        walk_live(flat, root, &mut removed, |i, removed| {
            let node = &flat.nodes[i];
            if node.kind == Kind::Element
                && matches!(
                    node.name,
                    "div" | "section" | "ul" | "ol" | "table" | "p" | "span" | "dl"
                )
            {
                let text = totals.text[i];
                let ld = totals.link[i] as f32 / text.max(1) as f32;
                let share = text as f32 / root_text;
                // Menus are runs of short links; listing items have headline-long ones.
                let per_link = totals.link[i] as f32 / totals.anchors[i].max(1) as f32;
                if totals.anchors[i] >= 2
                    && ld > 0.6
                    && share < 0.25
                    && totals.paras[i] < 3
                    && per_link < 25.0
                    && !{
                        let repeated =
                            repeated.get_or_insert_with(|| self.repeated_items(root, totals));
                        self.in_item_grid(i, root, repeated, totals, removed)
                            .is_some_and(|grid_share| {
                                ld < MAX_ITEM_LINK_DENSITY || grid_share >= MIN_GRID_SHARE
                            })
                    }
                {
                    return Visit::Drop;
                }
            }
            Visit::Descend
        });
        self.drop_controls(root, &mut removed, totals);
        self.drop_share_bars(root, &mut removed, totals);
        self.drop_signup_boxes(root, &mut removed, totals);
        self.drop_account_links(root, &mut removed, totals);
        self.drop_device_signatures(root, &mut removed);
        self.drop_poster_panels(root, &mut removed, totals);
        self.drop_facets(root, &mut removed, totals);
        // These look at leaf blocks; the block map is built once for them all.
        let has_block = self.holds_blocks(root);
        for leaves in [
            &NOTICES,
            &REPLY_GATES,
            &PHOTO_CREDITS,
            &SHOP_NOTICES,
            &UPDATE_NOTES,
        ] {
            self.drop_leaf_blocks(root, &mut removed, totals, &has_block, leaves);
        }
        self.drop_teaser_lines(root, &mut removed, totals, &has_block);
        self.drop_reply_subjects(root, &mut removed, totals, &has_block);
        self.drop_meta_rows(root, &mut removed, totals, &has_block);
        self.drop_repeats(root, &mut removed, &has_block);
        self.drop_quoted_repeats(root, &mut removed);
        // On a product page the link above the name is the brand, which is content.
        if !self.declared.product {
            self.drop_kicker(root, &mut removed, totals);
        }
        if let Some(body) = self.article_body(root, &removed, totals) {
            self.drop_teaser_cards(root, &mut removed, totals, &has_block, body);
            self.drop_author_bios(root, &mut removed, totals, &has_block);
            self.drop_title_headline(root, &mut removed, body.0);
            self.drop_leaf_blocks(root, &mut removed, totals, &has_block, &BARE_ADDRESSES);
            self.drop_trailing_labels(root, &mut removed, body.0);
            self.drop_calls_to_action(root, &mut removed, totals, &has_block, body.0);
            self.drop_link_lists_after(root, &mut removed, totals, body.0);
            if !self.declared.thread && !self.declared.discussion {
                self.drop_tail_after(root, &mut removed, totals, body.0);
                self.drop_bits_before(root, &mut removed, totals, body.0);
            }
            self.drop_leaf_blocks(root, &mut removed, totals, &has_block, &DATELINES);
            if !self.declared.thread {
                self.drop_byline_lines(root, &mut removed, totals, &has_block);
                self.drop_leaf_blocks(root, &mut removed, totals, &has_block, &CREDIT_LINES);
            }
        }
        if self.declared.thread {
            self.restore_poster_names(root, &mut removed);
        }
        if self.declared.product {
            self.drop_product_cards(root, &mut removed, totals);
            self.drop_price_lines(root, &mut removed, totals);
        }
        self.drop_trailing_headings(root, &mut removed);
        removed
    }

    /// Drops headings left at the very end of the region. A heading introduces
    /// what follows it; when nothing follows, what it introduced (a related-posts
    /// list, a form, a button) was pruned, and the heading is that box's title.
    /// Images count as what follows. A region whose only text is headings keeps
    /// them, and so does the title of a card in a list of cards: a shop grid's last
    /// card may be left with only its title.
    fn drop_trailing_headings(&self, root: usize, removed: &mut [bool]) {
        for _ in 0..MAX_TRAILING_HEADINGS {
            let Some(last) = self.last_live(root, removed, |i| {
                self.is_visible_text(i)
                    || matches!(
                        self.flat.nodes[i].name,
                        "img" | "picture" | "video" | "audio" | "iframe"
                    )
            }) else {
                return;
            };
            let Some(heading) = self.enclosing_heading(last, root) else {
                return;
            };
            // A region that is one heading keeps it.
            if !self.any_live_before(root, heading, removed, |i| self.is_visible_text(i)) {
                return;
            }
            if self.has_twin_heading(heading, root, removed) {
                return;
            }
            removed[heading] = true;
        }
    }

    /// Whether an earlier live heading of the region has `heading`'s tag and class,
    /// in a parent of the same tag and class: the titles of a list of cards.
    fn has_twin_heading(&self, heading: usize, root: usize, removed: &[bool]) -> bool {
        let flat = self.flat;
        let shape = |i: usize| {
            (
                flat.nodes[i].name,
                flat.attr(i, "class").unwrap_or("").trim(),
            )
        };
        let parent_shape = |i: usize| match flat.nodes[i].parent {
            NONE => None,
            p => Some(shape(p as usize)),
        };
        self.any_live_before(root, heading, removed, |i| {
            shape(i) == shape(heading) && parent_shape(i) == parent_shape(heading)
        })
    }

    /// The region's last live node that `wanted` picks, read from the end: the scan
    /// jumps over each removed subtree it meets.
    fn last_live(
        &self,
        root: usize,
        removed: &[bool],
        wanted: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut i = self.flat.nodes[root].end as usize;
        while i > root + 1 {
            i -= 1;
            if !wanted(i) {
                continue;
            }
            match self.removed_ancestor(i, root, removed) {
                // Everything of the removed subtree lies between it and `i`.
                Some(gone) => i = gone,
                None => return Some(i),
            }
        }
        None
    }

    /// The outermost removed node among `i` and its ancestors below `root`. (Unlike
    /// [`Self::dropped_above`], which stops at the first: a scan can jump past this.)
    fn removed_ancestor(&self, i: usize, root: usize, removed: &[bool]) -> Option<usize> {
        let flat = self.flat;
        let mut gone = None;
        let mut current = i as u32;
        while current != NONE && current as usize > root {
            if removed[current as usize] {
                gone = Some(current as usize);
            }
            current = flat.nodes[current as usize].parent;
        }
        gone
    }

    /// Whether a live node of the region before `end` is one `wanted` picks.
    fn any_live_before(
        &self,
        root: usize,
        end: usize,
        removed: &[bool],
        wanted: impl Fn(usize) -> bool,
    ) -> bool {
        let mut i = root + 1;
        while i < end {
            if removed[i] {
                i = self.flat.nodes[i].end as usize;
                continue;
            }
            if wanted(i) {
                return true;
            }
            i += 1;
        }
        false
    }

    /// A text node with more than whitespace.
    fn is_visible_text(&self, i: usize) -> bool {
        self.flat.nodes[i].kind == Kind::Text && !self.flat.text(i).trim().is_empty()
    }

    /// The heading `i` is in, below `root`.
    fn enclosing_heading(&self, i: usize, root: usize) -> Option<usize> {
        let flat = self.flat;
        let mut current = flat.nodes[i].parent;
        while current != NONE && current as usize > root {
            let c = current as usize;
            if is_heading(flat.nodes[c].name) {
                return Some(c);
            }
            current = flat.nodes[c].parent;
        }
        None
    }

    /// The article body of the region: the parent holding the most paragraph text,
    /// when that is at least [`MIN_ARTICLE_BESIDE_COMMENTS`] characters, with its
    /// paragraph characters.
    fn article_body(&self, root: usize, removed: &[bool], totals: &Totals) -> Option<(usize, u32)> {
        let flat = self.flat;
        let mut by_parent: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        let mut paragraphs = Vec::new();
        let end = flat.nodes[root].end as usize;
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] || node.name == "p" {
                if !removed[i] {
                    *by_parent.entry(node.parent).or_default() += totals.text[i];
                    paragraphs.push(i);
                }
                i = (node.end as usize).max(i + 1);
            } else {
                i += 1;
            }
        }
        // Ties go to the earlier parent, so the choice does not depend on hashing.
        let best = |by_parent: &std::collections::HashMap<u32, u32>| {
            by_parent
                .iter()
                .map(|(&parent, &chars)| (parent, chars))
                .filter(|&(parent, chars)| parent != NONE && chars >= MIN_ARTICLE_BESIDE_COMMENTS)
                .max_by_key(|&(parent, chars)| (chars, std::cmp::Reverse(parent)))
                .map(|(parent, chars)| (parent as usize, chars))
        };
        best(&by_parent).or_else(|| {
            // Page builders give every paragraph a widget of its own
            // (`div.widget > div.widget-container > p`): the article is the run of
            // widgets, one level above the wrappers.
            let mut by_holder: std::collections::HashMap<u32, u32> =
                std::collections::HashMap::new();
            for (parent, chars) in by_parent {
                *by_holder.entry(self.widget_run(parent, root)).or_default() += chars;
            }
            best(&by_holder).or_else(|| {
                if self.declared.article {
                    self.prose_container(root, &paragraphs, totals)
                } else {
                    None
                }
            })
        })
    }

    /// The deepest element under `root` holding most of the text of its live
    /// `paragraphs` ([`MIN_BODY_SHARE`]), when that is at least
    /// [`MIN_ARTICLE_BESIDE_COMMENTS`] characters: an article split into sections of
    /// a heading and a few paragraphs each.
    fn prose_container(
        &self,
        root: usize,
        paragraphs: &[usize],
        totals: &Totals,
    ) -> Option<(usize, u32)> {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let mut prose = vec![0u32; end - root];
        for &p in paragraphs {
            prose[p - root] = totals.text[p];
        }
        for i in (root + 1..end).rev() {
            let parent = flat.nodes[i].parent;
            if parent != NONE && parent as usize >= root {
                prose[parent as usize - root] =
                    prose[parent as usize - root].saturating_add(prose[i - root]);
            }
        }
        let total = prose[0];
        if total < MIN_ARTICLE_BESIDE_COMMENTS {
            return None;
        }
        let least = (total as f32 * MIN_BODY_SHARE) as u32;
        (root + 1..end)
            .rev()
            .find(|&i| prose[i - root] >= least && flat.nodes[i].kind == Kind::Element)
            .filter(|&i| prose[i - root] as f32 >= MIN_BODY_PROSE * totals.text[i] as f32)
            .map(|i| (i, prose[i - root]))
    }

    /// The element holding the widget `parent` is wrapped in: the parent of the
    /// outermost of the wrappers around `parent` that each wrap nothing else, when
    /// there is at least one such wrapper (else `parent`).
    fn widget_run(&self, parent: u32, root: usize) -> u32 {
        let flat = self.flat;
        let alone = |i: u32| {
            let node = flat.nodes[i as usize].node;
            node.prev_siblings().all(|s| !s.value().is_element())
                && node.next_siblings().all(|s| !s.value().is_element())
        };
        let mut current = parent;
        for _ in 0..MAX_WIDGET_WRAPPERS {
            if current == NONE || current as usize <= root || !alone(current) {
                break;
            }
            current = flat.nodes[current as usize].parent;
        }
        if current == parent || current == NONE || (current as usize) <= root {
            return parent;
        }
        match flat.nodes[current as usize].parent {
            up if up == NONE || (up as usize) <= root => parent,
            up => up,
        }
    }

    /// Drops the section label set above the headline ("Tips & Tricks", "Tech
    /// Content"): a lone short link just before the region's first `<h1>`, which
    /// files the page under a category rather than saying anything.
    fn drop_kicker(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        let Some(mut head) = self.first_live(root, removed, usize::MAX, |name| name == "h1") else {
            return;
        };
        // Through wrappers that hold only the headline.
        for _ in 0..MAX_HEADLINE_WRAPPERS {
            let parent = flat.nodes[head].parent;
            if parent == NONE
                || parent as usize <= root
                || totals.text[parent as usize] != totals.text[head]
            {
                break;
            }
            head = parent as usize;
        }
        let parent = flat.nodes[head].parent;
        if parent == NONE {
            return;
        }
        let kicker = flat
            .children(parent as usize)
            .take_while(|&c| c != head)
            .filter(|&c| !removed[c] && totals.text[c] > 0)
            .last();
        if let Some(k) = kicker {
            if totals.text[k] <= MAX_KICKER_CHARS
                && totals.anchors[k] == 1
                && totals.link[k] == totals.text[k]
            {
                removed[k] = true;
            }
        }
    }

    /// The first live element under `root`, before node `until`, whose tag `wanted`
    /// accepts.
    fn first_live(
        &self,
        root: usize,
        removed: &mut [bool],
        until: usize,
        wanted: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        let flat = self.flat;
        let mut found = None;
        walk_live(flat, root, removed, |i, _| {
            if found.is_some() || i >= until {
                Visit::Skip
            } else if flat.nodes[i].kind == Kind::Element && wanted(flat.nodes[i].name) {
                found = Some(i);
                Visit::Skip
            } else {
                Visit::Descend
            }
        });
        found
    }

    /// Drops the article's headline when it repeats the page's title: the first
    /// heading of the region, before the body's paragraphs. (`title` carries it;
    /// Readability leaves it out of the text the same way.)
    fn drop_title_headline(&self, root: usize, removed: &mut [bool], body: usize) {
        if self.title_words.is_empty() {
            return;
        }
        let flat = self.flat;
        let Some(heading) =
            self.first_live(root, removed, body, |name| matches!(name, "h1" | "h2"))
        else {
            return;
        };
        let words = words_of(&flatten_text(flat, heading, removed));
        if repeats(&words, &self.title_words) {
            removed[heading] = true;
        }
    }

    /// Drops the calls to action around an article's body: a heading or short block
    /// that asks the reader to act ("Join our newsletter", "Ready to get started?",
    /// "Talk to our experts"), with the small box around it (its pitch and button).
    fn drop_calls_to_action(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
        body: usize,
    ) {
        let flat = self.flat;
        let body_end = flat.nodes[body].end as usize;
        let mut calls = Vec::new();
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            // Outside the body any headed box with its own button is a pitch.
            if (1..=MAX_CALL_CHARS).contains(&totals.text[i]) {
                let outside = (i >= body_end || i < body) && is_heading(flat.nodes[i].name);
                let call = is_call_to_action(&flatten_text(flat, i, removed).to_lowercase());
                if call || outside {
                    calls.push((i, call));
                }
            }
            Visit::Skip
        });
        let root_end = flat.nodes[root].end as usize;
        for (call, asks) in calls {
            // The box: the largest ancestor still small enough to be one.
            let mut top = call;
            let mut up = flat.nodes[call].parent as usize;
            while up > root && totals.text[up] <= MAX_CALL_BOX_CHARS {
                top = up;
                up = flat.nodes[up].parent as usize;
            }
            // Inside the body a pitch can be the article's own ("Want to know more?
            // The data is public."); around it, or as a heading or box that closes
            // the page's text, it is the site's.
            let around = call >= body_end || call < body;
            let closing = || {
                (top != call || is_heading(flat.nodes[call].name))
                    && self.kept_text_between(top, root_end, removed, MAX_CALL_BOX_CHARS)
                        <= MAX_CALL_BOX_CHARS
            };
            // A pitch headed by the call and carrying its own button or form is a
            // signup or contact box wherever it stands. A heading that does not ask
            // counts only for a small box of its own kind: one of a run of same-class
            // siblings is a post, card or listing item.
            let boxed = top != call
                && is_heading(flat.nodes[call].name)
                && (asks || (totals.text[top] <= MAX_PROMO_BOX_CHARS && !self.has_twin(top)))
                && self.holds_action(top, asks);
            if (asks && (around || closing())) || boxed {
                removed[top] = true;
            }
        }
    }

    /// Drops the blocks that follow the article body once no more prose follows
    /// them: the run of boxes that closes an article page (the author's pitch, a
    /// rating widget, a newsletter box, a featured deal). Those are under
    /// [`MIN_TAIL_PROSE`] characters, or longer but not prose (link-heavy, or
    /// without a paragraph) and under [`MAX_TAIL_BOX`].
    fn drop_tail_after(&self, root: usize, removed: &mut [bool], totals: &Totals, body: usize) {
        let flat = self.flat;
        let mut after = self.beside_body(root, body, false);
        after.retain(|&c| !removed[c] && flat.nodes[c].kind == Kind::Element && totals.text[c] > 0);
        let prose = |c: usize| {
            totals.text[c] >= MIN_TAIL_PROSE
                && totals.paras[c] > 0
                && (totals.link[c] as f32) < MAX_LEAD_LINK_DENSITY * totals.text[c] as f32
        };
        // A closing line of the article's own, a heading and what it introduces,
        // and a run of items are not boxes.
        let kept = |k: usize, c: usize| {
            let name = flat.nodes[c].name;
            name == "p"
                || is_heading(name)
                || (k > 0
                    && is_heading(flat.nodes[after[k - 1]].name)
                    && matches!(name, "ul" | "ol" | "dl" | "table"))
                || (flat
                    .attr(c, "class")
                    .is_some_and(|class| !class.trim().is_empty())
                    && self.has_twin(c))
        };
        for (k, &c) in after.iter().enumerate().rev() {
            if prose(c) {
                break;
            }
            if totals.text[c] < MAX_TAIL_BOX && !kept(k, c) {
                removed[c] = true;
            }
        }
    }

    /// Drops the small blocks before the article body that hold neither a heading
    /// nor a paragraph: breadcrumbs, share bars, reading times, kickers and badges
    /// between the region's top and the text. (The headline, the standfirst and
    /// an introduction are a heading or a paragraph.)
    fn drop_bits_before(&self, root: usize, removed: &mut [bool], totals: &Totals, body: usize) {
        let flat = self.flat;
        for c in self.beside_body(root, body, true) {
            let node = &flat.nodes[c];
            if removed[c]
                || node.kind != Kind::Element
                || node.name == "p"
                || is_heading(node.name)
                || !(1..MAX_BIT_CHARS).contains(&totals.text[c])
                || totals.paras[c] > 0
                || (totals.link[c] == 0 && totals.text[c] >= MIN_STANDFIRST_CHARS)
            {
                continue;
            }
            let end = (node.end as usize).min(c + 1 + MAX_BIT_NODES);
            let headed = node.end as usize > end
                || (c + 1..end).any(|j| !removed[j] && is_heading(flat.nodes[j].name));
            if !headed {
                removed[c] = true;
            }
        }
    }

    /// The children of the body's ancestors up to `root` that stand before the
    /// body's line (`before`) or after it, level by level from the body outwards
    /// (after it, that is document order): what the page sets around its article.
    fn beside_body(&self, root: usize, body: usize, before: bool) -> Vec<usize> {
        let flat = self.flat;
        let mut beside = Vec::new();
        let mut inner = body;
        while inner != root {
            let parent = flat.nodes[inner].parent;
            if parent == NONE {
                break;
            }
            let parent = parent as usize;
            let inner_end = flat.nodes[inner].end as usize;
            beside.extend(flat.children(parent).filter(|&c| {
                if before {
                    c < inner
                } else {
                    c >= inner_end
                }
            }));
            inner = parent;
        }
        beside
    }

    /// Whether the element next to `i` on either side has its tag and class: `i` is
    /// one of a run of items. (Only the neighbours are read, so a page of thousands
    /// of boxes costs one look each.)
    fn has_twin(&self, i: usize) -> bool {
        let flat = self.flat;
        let Some(element) = flat.nodes[i].node.value().as_element() else {
            return false;
        };
        let class = element.attr("class").unwrap_or("");
        let twin = |s: ego_tree::NodeRef<'_, Node>| {
            s.value().as_element().is_some_and(|e| {
                e.name() == element.name() && e.attr("class").unwrap_or("") == class
            })
        };
        let node = flat.nodes[i].node;
        node.prev_siblings()
            .find(|s| s.value().is_element())
            .is_some_and(twin)
            || node
                .next_siblings()
                .find(|s| s.value().is_element())
                .is_some_and(twin)
    }

    /// Whether the subtree of `i` holds something to act with: a form, a link styled
    /// as a button, or (when `buttons`) a `<button>`, which without a call to action
    /// around it is as likely a tab or a disclosure control. Reads at most
    /// [`MAX_ACTION_NODES`] nodes.
    fn holds_action(&self, i: usize, buttons: bool) -> bool {
        let flat = self.flat;
        let end = (flat.nodes[i].end as usize).min(i + 1 + MAX_ACTION_NODES);
        (i + 1..end).any(|j| {
            flat.nodes[j].kind == Kind::Element
                && (flat.nodes[j].name == "form"
                    || (buttons && flat.nodes[j].name == "button")
                    || self.button_label_limit(j).is_some())
        })
    }

    /// Drops in-text teasers for other pages: a line of a label and a linked
    /// headline ("Related: Tutoring may not improve attendance", "Also read: …").
    fn drop_teaser_lines(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
    ) {
        let flat = self.flat;
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            let text = totals.text[i];
            if (1..=MAX_TEASER_LINE_CHARS).contains(&text)
                && totals.link[i] * 2 >= text
                && is_teaser_label(&flatten_prefix(flat, i, removed, 24).to_lowercase())
            {
                Visit::Drop
            } else {
                Visit::Skip
            }
        });
    }

    /// Drops lists of links after an article's body: "more stories", "popular now"
    /// and category lists whose headlines are links elsewhere. The article's own
    /// link lists (sources, tools) sit inside its body.
    fn drop_link_lists_after(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        body: usize,
    ) {
        let flat = self.flat;
        let body_end = flat.nodes[body].end as usize;
        walk_live(flat, root, removed, |i, removed| {
            if i < body_end {
                return if flat.contains(i, body) {
                    Visit::Descend
                } else {
                    Visit::Skip
                };
            }
            let node = &flat.nodes[i];
            if node.kind != Kind::Element {
                return Visit::Skip;
            }
            let text = totals.text[i].max(1);
            if totals.anchors[i] >= MIN_LINK_LIST_ITEMS
                && totals.link[i] as f32 >= 0.6 * text as f32
                && !self.introduced_by_heading(i, removed)
            {
                Visit::Drop
            } else {
                Visit::Descend
            }
        });
    }

    /// Whether a heading introduces `i`: it opens `i`, or is the element just
    /// before it. (Furniture headings, "Related posts", are pruned by then.)
    fn introduced_by_heading(&self, i: usize, removed: &[bool]) -> bool {
        let flat = self.flat;
        let opens = flat
            .children(i)
            .find(|&c| flat.nodes[c].kind == Kind::Element && !removed[c])
            .is_some_and(|c| is_heading(flat.nodes[c].name));
        let node = flat.nodes[i].node;
        let after = node
            .prev_siblings()
            .find(|s| s.value().is_element())
            .and_then(|s| s.value().as_element().map(|e| is_heading(e.name())))
            .unwrap_or(false);
        opens || after
    }

    /// Drops the short labels left at the end of an article's region, after its
    /// body: the heading of a related-posts or tags box whose items were pruned
    /// ("Related Articles", "Tags", "You might like"), a newsletter prompt's title.
    /// A label introduces what follows it; at the end, nothing does.
    fn drop_trailing_labels(&self, root: usize, removed: &mut [bool], body: usize) {
        let flat = self.flat;
        let body_end = flat.nodes[body].end as usize;
        for _ in 0..MAX_TRAILING_LABELS {
            let Some(text) = self.last_live(root, removed, |i| self.is_visible_text(i)) else {
                return;
            };
            let mut block = flat.nodes[text].parent as usize;
            while block > root && !crate::render::is_block(flat.nodes[block].name) {
                block = flat.nodes[block].parent as usize;
            }
            // A table's last cell or a code block ends it as content does.
            if block <= root
                || block < body_end
                || matches!(flat.nodes[block].name, "td" | "th" | "pre")
            {
                return;
            }
            if !is_short_label(&flatten_text(flat, block, removed)) {
                return;
            }
            removed[block] = true;
        }
    }

    /// Drops an article's byline where the page shows it ("By Jane Doe", "Written by
    /// Jane Doe", the name alone): `byline` carries it. Threads keep theirs, since
    /// each post's author is part of the post.
    fn drop_byline_lines(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
    ) {
        if self.authors.is_empty() {
            return;
        }
        let flat = self.flat;
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            if totals.text[i] == 0 || totals.text[i] > MAX_BYLINE_CHARS {
                return Visit::Skip;
            }
            let text = flatten_text(flat, i, removed).to_lowercase();
            let mut name = text.trim_matches(|c: char| !c.is_alphanumeric());
            for prefix in ["written by", "posted by", "article by", "words by", "by"] {
                if let Some(rest) = name.strip_prefix(prefix) {
                    name = rest.trim_start_matches([':', ' ']);
                    break;
                }
            }
            // The name alone, or with the date beside it ("By Jane Doe · May 2, 2025",
            // "Posted by Jane Doe on May 2, 2025").
            let byline = self.authors.iter().any(|author| {
                name.strip_prefix(author.as_str()).is_some_and(|rest| {
                    let rest = rest.trim_start_matches([' ', ',', '|', '-', '\u{b7}', '\u{2022}']);
                    let rest = ["on ", "at ", "updated ", "published "]
                        .iter()
                        .find_map(|w| rest.strip_prefix(w))
                        .unwrap_or(rest);
                    rest.is_empty() || is_dateline(rest)
                })
            });
            if byline {
                Visit::Drop
            } else {
                Visit::Skip
            }
        });
    }

    /// Drops "about the author" paragraphs from a page with an article body: a
    /// leaf block that opens with one of the page's authors by full name and a
    /// verb of description ("Jane Doe is a freelance writer…", "Jane Doe has
    /// covered…"). Author boxes sit after the article or at the end of its body.
    fn drop_author_bios(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
    ) {
        if self.authors.is_empty() {
            return;
        }
        let flat = self.flat;
        let mut bios = Vec::new();
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            if !(MIN_BIO_CHARS..=MAX_BIO_CHARS).contains(&totals.text[i]) {
                return Visit::Skip;
            }
            // Name, comma and verb fit in the opening; lower-case only that.
            let text = flatten_prefix(flat, i, removed, MAX_BIO_OPENING).to_lowercase();
            let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
            // An author box may open with its label or the byline it repeats:
            // "About the author: Jane Doe is…", "By Jane Doe Jane Doe is…".
            let text = ["about the author", "about the writer", "by "]
                .iter()
                .find_map(|label| text.strip_prefix(label))
                .map_or(text, |rest| rest.trim_start_matches([':', ' ', '-']));
            let bio = self.authors.iter().any(|name| {
                let rest = text.strip_prefix(name.as_str()).map(str::trim_start);
                // The byline's name said twice: the second one opens the bio.
                let rest = rest.map(|r| r.strip_prefix(name.as_str()).unwrap_or(r));
                rest.is_some_and(|rest| {
                    let rest = rest.trim_start_matches(',').trim_start();
                    BIO_VERBS.iter().any(|verb| {
                        rest.strip_prefix(verb)
                            .is_some_and(|after| after.starts_with(' '))
                    })
                })
            });
            if bio {
                bios.push(i);
            }
            Visit::Skip
        });
        // An author box is a paragraph or two beside the article; a page made of such
        // paragraphs is about its author, and they are its content.
        let bio_text: u32 = bios.iter().map(|&i| totals.text[i]).sum();
        if bio_text * MAX_BIO_SHARE_INVERSE <= totals.text[root] {
            for i in bios {
                removed[i] = true;
            }
        }
    }

    /// Drops teaser grids beside an article: a run of at least [`MIN_GRID_ITEMS`]
    /// same-tag, same-class cards that each link a headline elsewhere ("Recent
    /// articles", "More from the blog": a category, a title, a clipped excerpt).
    /// Only grids that come after the article body (the parent holding the most
    /// paragraph text, at least [`MIN_ARTICLE_BESIDE_COMMENTS`]) or lie outside its
    /// `<article>`: cards among the paragraphs or inside the article are the
    /// article's own (a resource grid, a list of tools). A grid with half the
    /// body's text or more is a listing with an introduction, and stays.
    fn drop_teaser_cards(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
        (body, body_chars): (usize, u32),
    ) {
        let flat = self.flat;
        let mut parents = Vec::new();
        walk_live(flat, root, removed, |i, _| {
            let node = &flat.nodes[i];
            if node.kind != Kind::Element || node.name == "p" {
                return Visit::Skip;
            }
            if flat.children(i).nth(2).is_some() {
                parents.push(i);
            }
            Visit::Descend
        });
        let body_end = flat.nodes[body].end as usize;
        let mut article = Some(body);
        while let Some(a) = article.filter(|&a| flat.nodes[a].name != "article") {
            article = match flat.nodes[a].parent {
                NONE => None,
                p => Some(p as usize),
            };
        }
        for parent in parents {
            let beside_article =
                article.is_some_and(|a| parent < a || parent >= flat.nodes[a].end as usize);
            if !(parent >= body_end || beside_article)
                || removed[parent]
                || self.dropped_above(parent, root, removed)
            {
                continue;
            }
            for members in self.card_groups(parent, removed, totals) {
                let name = flat.nodes[members[0]].name;
                // Cards are boxes: a run of bare links is a list in a sentence or cell.
                let boxes = match name {
                    "div" | "article" | "section" | "figure" => true,
                    "a" => members.iter().all(|&c| has_block[c - root]),
                    _ => false,
                };
                if (members.len() as u32) < MIN_GRID_ITEMS || !boxes {
                    continue;
                }
                let text: u32 = members.iter().map(|&c| totals.text[c]).sum();
                let teasers = members.iter().all(|&c| {
                    !(c <= body && body < flat.nodes[c].end as usize)
                        && totals.link[c] >= MIN_TEASER_HEADLINE
                        && totals.text[c] <= MAX_TEASER_CHARS
                });
                if teasers && text * 2 <= body_chars {
                    for c in members {
                        removed[c] = true;
                    }
                }
            }
        }
    }

    /// The live element children of `parent` that hold text, grouped by tag and
    /// class (the shape of a grid's cards), groups in order of first appearance.
    fn card_groups(&self, parent: usize, removed: &[bool], totals: &Totals) -> Vec<Vec<usize>> {
        let flat = self.flat;
        let mut index: std::collections::HashMap<(&str, &str), usize> =
            std::collections::HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for c in flat.children(parent) {
            if flat.nodes[c].kind == Kind::Element && !removed[c] && totals.text[c] > 0 {
                let class = flat.attr(c, "class").unwrap_or("").trim();
                let next = groups.len();
                let g = *index.entry((flat.nodes[c].name, class)).or_insert(next);
                if g == next {
                    groups.push(Vec::new());
                }
                groups[g].push(c);
            }
        }
        groups
    }

    /// Drops cross-sell grids from product pages: a run of at least
    /// [`MIN_GRID_ITEMS`] same-tag, same-class siblings that each link somewhere and
    /// show a price is other products ("You may also like", "Complete the look",
    /// "Frequently bought together"), however the carousel is headed. A grid that
    /// makes up most of the region is the page itself (a collection page that
    /// declares itself a product) and stays.
    fn drop_product_cards(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        let root_text = totals.text[root];
        let mut parents = Vec::new();
        walk_live(flat, root, removed, |i, _| {
            if flat.nodes[i].kind == Kind::Element && flat.children(i).nth(2).is_some() {
                parents.push(i);
            }
            Visit::Descend
        });
        for parent in parents {
            if removed[parent] || self.dropped_above(parent, root, removed) {
                continue;
            }
            for members in self.card_groups(parent, removed, totals) {
                if (members.len() as u32) < MIN_GRID_ITEMS {
                    continue;
                }
                let text: u32 = members.iter().map(|&c| totals.text[c]).sum();
                if text * 2 > root_text {
                    continue;
                }
                let cards = members
                    .iter()
                    .filter(|&&c| {
                        totals.anchors[c] > 0 && has_price(&flatten_text(flat, c, removed))
                    })
                    .count();
                if cards * 3 >= members.len() * 2 {
                    for c in members {
                        removed[c] = true;
                    }
                }
            }
        }
    }

    /// Drops bare price lines from product pages ("$74.95", "Sale price $19.95",
    /// "from 35,00 €"): the buy box's price, strike-through and per-variant prices
    /// are shop interface around the product's description, which WCXB-style
    /// references leave out. Only short elements that are a price and at most two
    /// other words.
    fn drop_price_lines(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        walk_live(flat, root, removed, |i, removed| {
            if flat.nodes[i].kind != Kind::Element || totals.text[i] == 0 {
                return Visit::Descend;
            }
            if totals.text[i] > MAX_PRICE_LINE_CHARS {
                return Visit::Descend;
            }
            let text = flatten_text(flat, i, removed);
            let words = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic) && !has_price(w))
                .count();
            if words <= 2 && has_price(&text) {
                Visit::Drop
            } else {
                Visit::Skip
            }
        });
    }

    /// Whether an ancestor of `i` below `root` is removed.
    fn dropped_above(&self, i: usize, root: usize, removed: &[bool]) -> bool {
        let mut current = self.flat.nodes[i].parent;
        while current != NONE && current as usize > root {
            if removed[current as usize] {
                return true;
            }
            current = self.flat.nodes[current as usize].parent;
        }
        false
    }

    /// For each element of `root`'s subtree (indexed from `root`): when it is one of
    /// at least [`MIN_GRID_ITEMS`] siblings with its tag and class (the shape of a
    /// listing's item cards), the share of the region's text those siblings hold
    /// together; 0 otherwise.
    fn repeated_items(&self, root: usize, totals: &Totals) -> Vec<f32> {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        // Each element is hashed once, into a group id; the counts live in a Vec.
        // Sized up front (one key per element at most): growing re-hashes every key.
        let elements = (root + 1..end)
            .filter(|&i| flat.nodes[i].kind == Kind::Element)
            .count();
        let mut groups: std::collections::HashMap<(u32, &str, &str), u32> =
            std::collections::HashMap::with_capacity(elements);
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut group_of = vec![u32::MAX; end - root];
        for i in root + 1..end {
            let node = &flat.nodes[i];
            if node.kind == Kind::Element {
                let key = (
                    node.parent,
                    node.name,
                    flat.attr(i, "class").unwrap_or("").trim(),
                );
                let next = counts.len() as u32;
                let g = *groups.entry(key).or_insert(next);
                if g == next {
                    counts.push((0, 0));
                }
                let group = &mut counts[g as usize];
                group.0 += 1;
                group.1 = group.1.saturating_add(totals.text[i]);
                group_of[i - root] = g;
            }
        }
        let root_text = totals.text[root].max(1) as f32;
        (root..end)
            .map(|i| {
                let g = group_of[i - root];
                // Table rows repeat by nature; a row's link-dense cell is judged
                // as before (vote and "hide | past | discuss" lines).
                if g == u32::MAX || matches!(flat.nodes[i].name, "tr" | "td" | "th" | "tbody") {
                    return 0.0;
                }
                let (members, text) = counts[g as usize];
                if members >= MIN_GRID_ITEMS {
                    (text as f32 / root_text).max(f32::MIN_POSITIVE)
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// When `i` is, or sits just inside, a repeated item card
    /// ([`Self::repeated_items`]): the share of the region's text its grid holds. A
    /// product or event card links its title, author, rating and price, which looks
    /// like a menu by link density alone; but it also carries plain text (format,
    /// place, date) that a menu's links lack, or its grid is most of the region.
    ///
    /// "Just inside" is up to [`MAX_ITEM_DEPTH`] levels. A priced card's few links (at
    /// most [`MAX_CARD_LINKS`]) may sit deeper, through wrappers that add little text
    /// of their own (a shop's card nests its body eight `<div>`s down), up to
    /// [`MAX_CARD_WRAPPERS`]; a sub-menu's links must sit near their grid.
    fn in_item_grid(
        &self,
        i: usize,
        root: usize,
        repeated: &[f32],
        totals: &Totals,
        removed: &[bool],
    ) -> Option<f32> {
        let flat = self.flat;
        let mut current = i;
        for depth in 0..=MAX_CARD_WRAPPERS {
            if current <= root {
                return None;
            }
            if repeated[current - root] > 0.0 {
                return Some(repeated[current - root]);
            }
            current = match flat.nodes[current].parent {
                NONE => return None,
                p => p as usize,
            };
            if depth == MAX_ITEM_DEPTH
                && (totals.anchors[i] > MAX_CARD_LINKS
                    || !has_price(&flatten_text(flat, i, removed)))
            {
                return None;
            }
            if depth >= MAX_ITEM_DEPTH && totals.text[current] > 2 * totals.text[i] {
                return None;
            }
        }
        None
    }

    /// Walks the live leaf blocks under `root` (block elements holding no other
    /// block, per `has_block` from [`Analysis::holds_blocks`]), descending through
    /// everything else.
    fn walk_leaf_blocks(
        &self,
        root: usize,
        removed: &mut [bool],
        has_block: &[bool],
        mut visit: impl FnMut(usize, &[bool]) -> Visit,
    ) {
        let flat = self.flat;
        walk_live(flat, root, removed, |i, removed| {
            let node = &flat.nodes[i];
            if node.kind != Kind::Element
                || !crate::render::is_block(node.name)
                || has_block[i - root]
            {
                return Visit::Descend;
            }
            visit(i, removed)
        });
    }

    /// For each node of `root`'s subtree (indexed from `root`): whether a block
    /// element lies below it. Leaf blocks are the block elements where this is false.
    fn holds_blocks(&self, root: usize) -> Vec<bool> {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let mut has_block = vec![false; end - root];
        for i in (root + 1..end).rev() {
            let node = &flat.nodes[i];
            let p = node.parent as usize;
            if node.kind == Kind::Element
                && p >= root
                && p < end
                && (crate::render::is_block(node.name) || has_block[i - root])
            {
                has_block[p - root] = true;
            }
        }
        has_block
    }

    /// Drops per-entry metadata rows from prose threads: in a region made of prose
    /// entries (forum posts, answers, comments), a class of short blocks that recurs
    /// with numbers in it is the "Posts: 4032" / "answered Jan 22 at 0:50" row of every
    /// entry, not content. Regions without much prose (listings, spec sheets) keep
    /// theirs: there such rows are the items' attributes.
    fn drop_meta_rows(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
    ) {
        let flat = self.flat;
        // Prose entries: list items do not count, or a listing's cards would pass
        // for posts and their format and rank rows for post metadata.
        let end = flat.nodes[root].end as usize;
        let prose = (root..end)
            .filter(|&i| {
                matches!(flat.nodes[i].name, "p" | "pre" | "blockquote" | "dd" | "td")
                    && totals.text[i] >= 40
            })
            .count() as u32;
        if prose < 6 {
            return;
        }
        // (tag, class) → (members, short members, members with digits)
        let mut groups: std::collections::HashMap<(&str, &str), (u32, u32, u32)> =
            std::collections::HashMap::new();
        let mut members = Vec::new();
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            let node = &flat.nodes[i];
            if totals.text[i] == 0 || is_heading(node.name) {
                return Visit::Descend;
            }
            if let Some(class) = flat.attr(i, "class").filter(|c| !c.trim().is_empty()) {
                let short = totals.text[i] <= 40;
                // Prices are item attributes, never entry metadata.
                let digits = short && {
                    let text = flatten_text(flat, i, removed);
                    text.chars().any(|c| c.is_ascii_digit())
                        && !text
                            .chars()
                            .any(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'))
                };
                let g = groups.entry((node.name, class)).or_default();
                g.0 += 1;
                g.1 += u32::from(short);
                g.2 += u32::from(digits);
                members.push((i, node.name, class));
            }
            Visit::Skip
        });
        for (i, name, class) in members {
            if let Some(&(n, short, digits)) = groups.get(&(name, class)) {
                if n >= 3 && short == n && digits * 2 >= n && prose >= n {
                    removed[i] = true;
                }
            }
        }
    }

    /// Drops the poster panels of threads: the name, avatar, rank, badges, join date
    /// and post count beside each post, and the signature under it. They sit inside
    /// the post container, whose "message"/"post" class outweighs any boilerplate
    /// word, so they are recognised by their own vocabulary ([`is_poster_panel`]) and
    /// by being short.
    fn drop_poster_panels(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        drop_where(flat, root, removed, |i| {
            totals.text[i] <= MAX_POSTER_PANEL_CHARS
                && is_poster_panel(flat.attr(i, "class").unwrap_or(""), flat.attr(i, "id"))
                // A mention inside a post ("I appreciate <a class=mention-user>@ann</a>
                // has fixed it") is a word of the post, not its poster's panel.
                && !self.inline_in_running_text(i)
        });
    }

    /// Brings back each post's author name in a thread: references of threads keep
    /// "who said it" above every post, but the name sits in the poster panel (with
    /// avatar, rank and post count) or under an author class, which the pruning and
    /// [`Self::drop_poster_panels`] remove whole. Only the name element comes back,
    /// and only from a removed block that holds exactly one name (a "top posters"
    /// box lists several) and no sentence (a comment has its author too).
    fn restore_poster_names(&self, root: usize, removed: &mut [bool]) {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        // (name element, topmost removed ancestor below root)
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if self.hard[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind != Kind::Element
                || self.hard_text[i] == 0
                || self.hard_text[i] > MAX_POSTER_NAME_CHARS
                || !self.is_poster_name(i)
            {
                i += 1;
                continue;
            }
            let mut top = NONE as usize;
            let mut current = i;
            while current > root {
                if removed[current] {
                    top = current;
                }
                current = flat.nodes[current].parent as usize;
            }
            if top != NONE as usize {
                // The innermost match wins over a wrapper that also matches.
                match found.last_mut() {
                    Some(last) if flat.contains(last.0, i) => *last = (i, top),
                    _ => found.push((i, top)),
                }
            }
            i += 1;
        }
        let mut last: Option<(usize, String)> = None;
        for (k, &(name, top)) in found.iter().enumerate() {
            // Names under one removed block are neighbours in document order.
            let alone = (k == 0 || found[k - 1].1 != top)
                && found.get(k + 1).is_none_or(|&(_, next)| next != top);
            if !alone || self.hard_text[top] > MAX_POSTER_PANEL_CHARS || self.holds_sentence(top) {
                continue;
            }
            // Responsive layouts repeat the poster panel (a desktop column and a
            // mobile header) around the same post: one name per post.
            let text = flatten_text(flat, name, &self.hard);
            if let Some((previous, previous_text)) = last.as_ref() {
                if *previous_text == text
                    && self.kept_text_between(*previous, name, removed, MIN_POST_CHARS)
                        < MIN_POST_CHARS
                {
                    continue;
                }
            }
            last = Some((name, text));
            // Keep the path from `top` down to the name; drop everything beside it.
            let mut path = Vec::new();
            let mut current = name;
            while current != top {
                current = flat.nodes[current].parent as usize;
                path.push(current);
            }
            for &p in &path {
                removed[p] = false;
                for c in flat.children(p) {
                    if c != name && !path.contains(&c) {
                        removed[c] = true;
                    }
                }
            }
            removed[name] = false;
        }
    }

    /// Whether a text node of `i` (hard pruning only) is sentence-long: a comment
    /// or a post, where a poster panel holds only short lines.
    fn holds_sentence(&self, i: usize) -> bool {
        let flat = self.flat;
        let end = flat.nodes[i].end as usize;
        let mut j = i;
        while j < end {
            if self.hard[j] {
                j = flat.nodes[j].end as usize;
                continue;
            }
            if self.own_chars[j] >= MIN_SENTENCE_CHARS {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Characters of kept text after node `a`'s subtree and before node `b`, counted
    /// only until they pass `limit` (callers ask whether there is more than that, and
    /// a page of thousands of candidates must not read to its end for each).
    fn kept_text_between(&self, a: usize, b: usize, removed: &[bool], limit: u32) -> u32 {
        let flat = self.flat;
        let mut chars = 0;
        let mut i = flat.nodes[a].end as usize;
        while i < b && chars <= limit {
            if removed[i] || self.hard[i] {
                let end = flat.nodes[i].end as usize;
                if end > b {
                    // `b` lies inside: go on into the subtree.
                    i += 1;
                } else {
                    i = end;
                }
                continue;
            }
            chars += self.own_chars[i];
            i += 1;
        }
        chars
    }

    /// Whether element `i` names a post's author: a `username` class (`username`,
    /// `ipsUsername`, `DiscussionBoard-username`) or schema.org `itemprop=author`.
    fn is_poster_name(&self, i: usize) -> bool {
        let flat = self.flat;
        let itemprop = |j: usize, name: &str| {
            flat.attr(j, "itemprop").is_some_and(|p| {
                p.split_ascii_whitespace()
                    .any(|p| p.eq_ignore_ascii_case(name))
            })
        };
        if itemprop(i, "author") {
            return true;
        }
        // The author's own name inside schema.org Person markup (the innermost match
        // wins over the whole author block, which may carry reputation and badges).
        if itemprop(i, "name") || (itemprop(i, "url") && flat.nodes[i].name == "a") {
            let mut current = flat.nodes[i].parent;
            for _ in 0..3 {
                if current == NONE {
                    break;
                }
                if itemprop(current as usize, "author") {
                    return true;
                }
                current = flat.nodes[current as usize].parent;
            }
        }
        flat.attr(i, "class")
            .unwrap_or("")
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| lower_ends(t.as_bytes(), b"username"))
    }

    /// Drops the filter panels of listings ("Category: Shoes / Socks", "Colour:
    /// Black / Grey"): elements named facet/filter whose text has no paragraph. The
    /// paragraph test keeps layout containers that merely carry such a class.
    fn drop_facets(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        drop_where(flat, root, removed, |i| {
            totals.paras[i] == 0
                && totals.text[i] > 0
                && names_facet(flat.attr(i, "class").unwrap_or(""), flat.attr(i, "id"))
        });
    }

    /// Drops the subject lines of a thread's posts: boards head every reply with
    /// "Re: <thread title>" (and the first post with the title itself), a heading
    /// that repeats down the page and says nothing of the post. Only when at least
    /// two replies carry one; the page's `<h1>` stays.
    fn drop_reply_subjects(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
    ) {
        let flat = self.flat;
        // Most regions have no "Re:" line at all: look for two before reading texts.
        let mut replies = 0;
        let end = flat.nodes[root].end as usize;
        let mut j = root + 1;
        while j < end && replies < 2 {
            if flat.nodes[j].kind == Kind::Text {
                let t = flat.text(j).trim_start().as_bytes();
                if lower_starts(t, b"re:") {
                    replies += 1;
                }
            }
            j += 1;
        }
        if replies < 2 {
            return;
        }
        // (element, its text without the "Re:" prefix, had the prefix)
        let mut lines: Vec<(usize, String, bool)> = Vec::new();
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            let node = &flat.nodes[i];
            if totals.text[i] == 0 || totals.text[i] > MAX_SUBJECT_CHARS {
                return Visit::Descend;
            }
            if node.name != "h1" {
                let text = flatten_text(flat, i, removed).to_lowercase();
                let text = text.trim();
                match text.strip_prefix("re:") {
                    Some(subject) => lines.push((i, subject.trim().to_string(), true)),
                    None => lines.push((i, text.to_string(), false)),
                }
            }
            Visit::Skip
        });
        let subjects: Vec<&str> = lines.iter().filter(|l| l.2).map(|l| l.1.as_str()).collect();
        if subjects.len() < 2 {
            return;
        }
        let mut drop = Vec::new();
        for (i, text, reply) in &lines {
            if *reply || subjects.contains(&text.as_str()) {
                drop.push(*i);
            }
        }
        for i in drop {
            removed[i] = true;
        }
    }

    /// Drops the short leaf blocks (block elements holding no other block) under
    /// `root` whose lower-cased text `leaves.matches`. Most short blocks have none of
    /// the key words: `leaves.hints` checks the raw text first, before the
    /// lower-cased string is built.
    fn drop_leaf_blocks(
        &self,
        root: usize,
        removed: &mut [bool],
        totals: &Totals,
        has_block: &[bool],
        leaves: &LeafBlocks,
    ) {
        let flat = self.flat;
        self.walk_leaf_blocks(root, removed, has_block, |i, removed| {
            let node = &flat.nodes[i];
            if totals.text[i] == 0 || totals.text[i] > leaves.max_chars {
                return Visit::Descend;
            }
            // Code says what it says ("image: postgres:18", a licence header).
            if node.name == "pre" {
                return Visit::Skip;
            }
            let hinted = (i + 1..node.end as usize).any(|j| leaves.hints.any_in(flat.text(j)));
            if hinted && (leaves.matches)(&flatten_text(flat, i, removed).to_lowercase()) {
                Visit::Drop
            } else {
                Visit::Skip
            }
        });
    }

    /// For each index from `root` to the end of its subtree (inclusive), how many
    /// nodes before it `tally` counted, per kind: a subtree's counts are then the
    /// difference between its end and its start.
    fn counts_before<const N: usize>(
        &self,
        root: usize,
        tally: impl Fn(usize) -> [bool; N],
    ) -> Vec<[u32; N]> {
        let end = self.flat.nodes[root].end as usize;
        let mut before = Vec::with_capacity(end - root + 1);
        let mut counts = [0u32; N];
        for i in root..end {
            before.push(counts);
            for (count, hit) in counts.iter_mut().zip(tally(i)) {
                *count += u32::from(hit);
            }
        }
        before.push(counts);
        before
    }

    /// Drops share bars by where their links go (a network's share or submit
    /// address), whatever they are called: the block of at most
    /// [`MAX_SHARE_BAR_CHARS`] holding two or more such links, with the line that
    /// asks for the share ("If you like it, please share it!").
    fn drop_share_bars(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        // Share links, profile links and all links before each index, so any
        // block's counts are one subtraction each. Links in pruned subtrees count
        // too: a bar whose icons went with a "social" class leaves its prompt
        // behind ("If you like it, please share it!"), and a post with a hidden
        // share menu is spared by its other links.
        let before = self.counts_before(root, |i| {
            if flat.nodes[i].name != "a" {
                return [false; 3];
            }
            let kind = flat.attr(i, "href").and_then(social_link);
            [
                kind == Some(SocialLink::Share),
                kind == Some(SocialLink::Profile),
                true,
            ]
        });
        let counts = before[end - root];
        let social = |c: [u32; 3]| c[0] >= 2 || c[1] >= MIN_PROFILE_LINKS;
        if !social(counts) {
            return;
        }
        walk_live(flat, root, removed, |i, _| {
            let node = &flat.nodes[i];
            let (first, last) = (before[i - root], before[node.end as usize - root]);
            let inside = [0, 1, 2].map(|k| last[k] - first[k]);
            // A post or card with a share menu has its own words and links besides.
            let bar = node.kind == Kind::Element
                && totals.text[i] <= MAX_SHARE_BAR_CHARS
                && totals.text[i].saturating_sub(totals.link[i]) <= MAX_SHARE_PROMPT_CHARS
                && 2 * (inside[0] + inside[1]) >= inside[2];
            if !social(inside) {
                Visit::Skip
            } else if bar {
                Visit::Drop
            } else {
                Visit::Descend
            }
        });
    }

    /// Drops the box around an email field (a newsletter or alerts signup: "Get
    /// weekly alerts for new jobs", "Stay up to date on industry news"): the largest
    /// ancestor of the field up to [`MAX_SIGNUP_BOX_CHARS`].
    fn drop_signup_boxes(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let mut h1s_before: Option<Vec<[u32; 1]>> = None;
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            let email = node.name == "input"
                && flat
                    .attr(i, "type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("email"));
            if !email {
                i += 1;
                continue;
            }
            // A field inside a pruned wrapper counts too: the wrapper's class gave
            // the form away ("subscribe-form") and the box's words are what is left.
            let mut top = i;
            let mut up = node.parent;
            // A card that carries a "notify me" field is more than the field's box:
            // stop where a step up takes in much more text.
            while up != NONE
                && up as usize != root
                && totals.text[up as usize] <= MAX_SIGNUP_BOX_CHARS
                && totals.text[up as usize].saturating_sub(totals.text[top])
                    <= MAX_SIGNUP_STEP_CHARS
            {
                top = up as usize;
                up = flat.nodes[top].parent;
            }
            // A landing page's hero holds its signup form under the page's headline.
            // The h1s before each index are counted once, when a field turns up.
            let h1s = h1s_before
                .get_or_insert_with(|| self.counts_before(root, |d| [flat.nodes[d].name == "h1"]));
            let top_end = flat.nodes[top].end as usize;
            let hero = h1s[top_end - root][0] > h1s[top - root][0];
            if top != i && totals.text[top] > 0 && !hero {
                removed[top] = true;
            }
            // Past the box: a form of several fields is read once.
            i = top_end.max(i + 1);
        }
    }

    /// Drops a link to one of the site's own service pages (sign-in, registration,
    /// subscription, cart, legal pages, site map) that stands on its own line
    /// ("Register", "Sign In / Join", "Buy all books"), found by where it goes.
    /// Inside a sentence it stays.
    fn drop_account_links(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        walk_live(flat, root, removed, |i, removed| {
            let node = &flat.nodes[i];
            if node.kind != Kind::Element || node.name != "a" {
                return Visit::Descend;
            }
            let account = (1..=MAX_ACCOUNT_LINK_CHARS).contains(&totals.text[i])
                && flat.attr(i, "href").is_some_and(is_account_address)
                && self.own_line(i, removed);
            if account {
                Visit::Drop
            } else {
                Visit::Skip
            }
        });
    }

    /// Drops the signature a phone app appends to a post ("Sent from my SM-S908U
    /// using Tapatalk", "Sent from my iPhone"): a line of its own that ends its block,
    /// at most [`MAX_SIGNATURE_CHARS`] long.
    fn drop_device_signatures(&self, root: usize, removed: &mut [bool]) {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        for i in root + 1..end {
            if removed[i] || flat.nodes[i].kind != Kind::Text {
                continue;
            }
            let text = flat.text(i).trim_start();
            if !text
                .get(..SIGNATURE_START.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(SIGNATURE_START))
            {
                continue;
            }
            let parent = flat.nodes[i].parent;
            if parent == NONE {
                continue;
            }
            // On a line of its own: the block's first child, or right after a `<br>`
            // (across at most one blank text node). Reads two nodes back, so a page
            // of many such lines stays linear.
            let mut prev = i - 1;
            if prev != parent as usize
                && flat.nodes[prev].kind == Kind::Text
                && self.own_chars[prev] == 0
            {
                prev -= 1;
            }
            let own_line = prev == parent as usize || flat.nodes[prev].name == "br";
            // Ends its block: what follows is a few inline nodes of a short line.
            let parent_end = flat.nodes[parent as usize].end as usize;
            let mut rest = vec![i];
            let mut chars = self.hard_text[i];
            let mut next = flat.nodes[i].end as usize;
            let mut inline = true;
            while next < parent_end
                && inline
                && chars <= MAX_SIGNATURE_CHARS
                && rest.len() <= MAX_SIGNATURE_NODES
            {
                let node = &flat.nodes[next];
                inline = node.kind == Kind::Text || !crate::render::is_block(node.name);
                chars = chars.saturating_add(self.hard_text[next]);
                rest.push(next);
                next = node.end as usize;
            }
            if own_line && inline && next >= parent_end && chars <= MAX_SIGNATURE_CHARS {
                for c in rest {
                    removed[c] = true;
                }
            }
        }
    }

    /// Drops elements whose whole text is an interface control ([`UI_PHRASES`]), also
    /// blocks and links inside a short line ("Trio of balms · Shop now").
    fn drop_controls(&self, root: usize, removed: &mut [bool], totals: &Totals) {
        let flat = self.flat;
        let mut pitches = Vec::new();
        walk_live(flat, root, removed, |i, removed| {
            let node = &flat.nodes[i];
            // Code says what it says: `return 'Login';` holds no control.
            if matches!(node.name, "pre" | "code") {
                return Visit::Skip;
            }
            if node.kind != Kind::Element || totals.text[i] == 0 || totals.text[i] > 120 {
                return Visit::Descend;
            }
            // A link dressed as a button is a call to action wherever it stands,
            // unless it is part of a sentence.
            // A longer label still is one when it asks ("Keep up with the latest
            // and greatest in growth marketing").
            let button = self.button_label_limit(i).is_some_and(|limit| {
                totals.text[i] <= limit
                    || (totals.text[i] <= MAX_CALL_CHARS
                        && is_call_to_action(&flatten_text(flat, i, removed).to_lowercase()))
            });
            if button && !self.inline_in_sentence(i) {
                return Visit::Drop;
            }
            // The whole of its line: a retailer link among others ("Buy: check price at
            // Amazon UK, check price at Amazon US") is the line's content.
            let alone = node.parent == NONE || totals.text[node.parent as usize] == totals.text[i];
            if totals.text[i] > 30 {
                let text = flatten_text(flat, i, removed).to_lowercase();
                let closed = || {
                    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    is_closed_thread_status(words.trim_end_matches(['.', '!']))
                };
                return if is_form_status(text.trim_start())
                    || (totals.text[i] <= 60 && alone && is_shop_button(text.trim()))
                    || (text.contains("status") && closed())
                {
                    Visit::Drop
                } else {
                    Visit::Descend
                };
            }
            // Inside a short line that is not a control as a whole ("★★★★ 116",
            // "Sale price: €49"), only a block or link of its own can be one: an
            // inline label is part of the line.
            let parent = node.parent as usize;
            let in_line = node.parent != NONE && parent > root && totals.text[parent] <= 30;
            if in_line
                && !(node.name == "a"
                    || node.name == "button"
                    || crate::render::is_block(node.name))
            {
                return Visit::Skip;
            }
            let text = flatten_text(flat, i, removed).to_lowercase();
            let trimmed = text
                .trim_end_matches(['.', '…', ':', '!', '›', '»', '→', '?'])
                .trim();
            let squashed: String = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
            // A block (or link) holding only a small number, outside tables and
            // lists, is a counter (votes, likes, replies) or a pagination link.
            // Inline numbers are parts of sentences and code; a number beside a
            // label in the same line ("Duration 5") is that label's value.
            let value = in_line && totals.text[parent] > totals.text[i];
            // A number linked inside a sentence is a citation ("well-being [1]").
            let counter = !value
                && !squashed.is_empty()
                && squashed.len() <= 4
                && squashed.bytes().all(|b| b.is_ascii_digit())
                && !self.inline_in_sentence(i)
                && (node.name == "a"
                    || (crate::render::is_block(node.name)
                        && !matches!(node.name, "td" | "th" | "li" | "dd" | "dt" | "tr" | "pre")));
            // Icons and arrows around a control's words ("Back to top ↑", "✉️ Reply by
            // email", "Calculate project→") are part of the control.
            let phrase = squashed.trim_matches(|c: char| !c.is_alphanumeric());
            let label = UI_PHRASES.contains(&phrase);
            if label
                && node.name == "a"
                && is_call_to_action(phrase)
                && self.sentence_runs_on(i, removed)
            {
                // "Like this article? <a>Subscribe</a> to our blog and have insights
                // delivered weekly.": a short sentence built around a linked call is
                // the site's pitch, to go whole rather than lose its verb.
                let block = self.block_of(i);
                if block != i && block > root && totals.text[block] <= MAX_PROMO_BOX_CHARS {
                    pitches.push(block);
                }
                return Visit::Skip;
            }
            if counter
                || is_labelled_count(phrase)
                || (label && !self.sentence_runs_on(i, removed))
                || is_loading_placeholder(text.trim())
                || is_closed_thread_status(phrase)
                || is_page_position(phrase)
                || (is_shop_button(phrase) && (alone || self.own_line(i, removed)))
                || ((is_read_on_phrase(phrase) || is_back_link_phrase(phrase))
                    && totals.link[i] == totals.text[i])
                || is_member_stat(text.trim())
                || (is_jump_phrase(phrase) && holds_in_page_link(flat, i))
                || (node.name == "a" && is_permalink_mark(&squashed) && holds_in_page_link(flat, i))
            {
                Visit::Drop
            } else {
                Visit::Descend
            }
        });
        for block in pitches {
            removed[block] = true;
        }
    }

    /// Drops blocks whose text repeats an earlier block of the region: carousel clones
    /// and responsive (mobile + desktop) copies say nothing new the second time. Only
    /// composite blocks (holding other blocks) or long paragraphs count: short lines
    /// legitimately recur across listing items ("Screen size: 43in"), and table cells
    /// repeat values. A paragraph that repeats one under the same parent or the same
    /// grandparent (the next section's `<div>` of paragraphs) stays: that is the page
    /// saying it twice where a reader sees it, not a copy kept for another layout.
    /// Texts are compared by a rolling hash of their non-space characters, so the pass
    /// stays linear in the region size.
    fn drop_repeats(&self, root: usize, removed: &mut [bool], has_block: &[bool]) {
        const MOD: u64 = (1 << 61) - 1;
        const BASE: u64 = 1_000_003;
        // MOD is a Mersenne prime: fold the high bits onto the low ones instead of a
        // 128-bit division (the same residue, several times cheaper). Inputs are < MOD.
        let mulmod = |a: u64, b: u64| {
            let p = a as u128 * b as u128;
            let mut r = (p as u64 & MOD) + (p >> 61) as u64;
            while r >= MOD {
                r -= MOD;
            }
            r
        };
        // One step of the rolling hash: (hash · BASE + c + 1) mod MOD, where the sum is
        // below 2·MOD so a subtraction replaces the division.
        let step = |hash: u64, c: u64| {
            let r = mulmod(hash, BASE) + c + 1;
            if r >= MOD {
                r - MOD
            } else {
                r
            }
        };
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let span = end - root;
        // prefix[k]: hash and length of the kept text before node root + k.
        let mut prefix = vec![(0u64, 0u32); span + 1];
        let mut hash = 0u64;
        let mut len = 0u32;
        let mut skip_until = 0usize;
        for i in root..end {
            prefix[i - root] = (hash, len);
            if i < skip_until {
                continue;
            }
            if removed[i] {
                skip_until = flat.nodes[i].end as usize;
                continue;
            }
            if flat.nodes[i].kind == Kind::Text {
                let text = flat.text(i);
                if text.is_ascii() {
                    // The same hash as below, without decoding and case-mapping chars.
                    for &b in text.as_bytes() {
                        if !matches!(b, b' ' | b'\t'..=b'\r') {
                            hash = step(hash, b.to_ascii_lowercase() as u64);
                            len += 1;
                        }
                    }
                } else {
                    for c in text.chars() {
                        if c.is_ascii() {
                            if !c.is_ascii_whitespace() && c != '\x0b' {
                                hash = step(hash, c.to_ascii_lowercase() as u64);
                                len += 1;
                            }
                        } else if !c.is_whitespace() {
                            for l in c.to_lowercase() {
                                hash = step(hash, l as u64);
                                len += 1;
                            }
                        }
                    }
                }
            }
        }
        prefix[span] = (hash, len);
        let mut powers = vec![1u64; len as usize + 1];
        for k in 1..powers.len() {
            powers[k] = mulmod(powers[k - 1], BASE);
        }
        let mut seen: std::collections::HashMap<(u64, u32), usize> =
            std::collections::HashMap::new();
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if node.kind == Kind::Element
                && crate::render::is_block(node.name)
                && !matches!(node.name, "td" | "th" | "tr" | "pre")
            {
                let (h0, l0) = prefix[i - root];
                let (h1, l1) = prefix[node.end as usize - root];
                let l = l1 - l0;
                if l as usize >= MIN_REPEAT_CHARS {
                    let h = (h1 + MOD - mulmod(h0, powers[l as usize])) % MOD;
                    match seen.get(&(h, l)) {
                        Some(&first) if !flat.contains(first, i) => {
                            let grand = |n: usize| {
                                let p = flat.nodes[n].parent;
                                if p == NONE {
                                    NONE
                                } else {
                                    flat.nodes[p as usize].parent
                                }
                            };
                            let sibling_paragraph = !has_block[i - root]
                                && (flat.nodes[first].parent == node.parent
                                    || grand(first) == grand(i));
                            if !sibling_paragraph
                                && (has_block[i - root] || l as usize >= MIN_REPEAT_PARAGRAPH)
                            {
                                removed[i] = true;
                                i = node.end as usize;
                                continue;
                            }
                        }
                        Some(_) => {}
                        None => {
                            seen.insert((h, l), i);
                        }
                    }
                }
            }
            i += 1;
        }
    }

    /// Drops quotes of earlier posts: in a thread a reply quotes the post it answers
    /// (`<blockquote>` with "X said:"), and that text is already there once, in the
    /// post itself. A blockquote goes when each of its lines of
    /// [`MIN_QUOTED_LINE_CHARS`] or more letters and digits occurs in the text before
    /// it; a quotation of anything else (a source, a pull quote of what follows) stays.
    /// So do one-line quotes ([`MIN_QUOTE_CHARS`]): "X said: Congrats!" above a reply
    /// is part of the exchange, where a quoted paragraph is a copy.
    fn drop_quoted_repeats(&self, root: usize, removed: &mut [bool]) {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        let quotes = (root + 1..end).any(|i| is_quote(flat, i));
        if !quotes {
            return;
        }
        // The region's letters and digits, lower-cased, in document order: quoting
        // tools re-space and re-wrap text, so only these are compared.
        let mut before = String::new();
        // Each check scans up to MAX_QUOTE_LOOKBACK: bounded in number too, so that a
        // page of thousands of quotes costs no more than a long thread.
        let mut checks_left = MAX_QUOTES_CHECKED;
        let mut i = root + 1;
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            if checks_left > 0 && is_quote(flat, i) {
                checks_left -= 1;
                if self.repeats_earlier(i, removed, &before) {
                    removed[i] = true;
                    i = node.end as usize;
                    continue;
                }
            }
            push_folded(&mut before, flat.text(i));
            i += 1;
        }
    }

    /// Whether every line of `quote` that is long enough to tell occurs in `before`
    /// (folded as by [`push_folded`]), and there is at least one such line.
    fn repeats_earlier(&self, quote: usize, removed: &[bool], before: &str) -> bool {
        let flat = self.flat;
        let end = flat.nodes[quote].end as usize;
        let mut lines: Vec<String> = vec![String::new()];
        // Ends of the open line-breaking elements: a line also ends where one closes.
        let mut open: Vec<usize> = Vec::new();
        let mut i = quote + 1;
        while i < end {
            let node = &flat.nodes[i];
            let mut breaks = false;
            while open.last().is_some_and(|&e| e <= i) {
                open.pop();
                breaks = true;
            }
            if removed[i] {
                i = node.end as usize;
                continue;
            }
            // The attribution ("alice wrote:") is a line of its own, as styled.
            if node.kind == Kind::Element
                && (node.name == "br" || node.name == "cite" || crate::render::is_block(node.name))
            {
                open.push(node.end as usize);
                breaks = true;
            }
            if breaks && lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
            if let Some(line) = lines.last_mut() {
                push_folded(line, flat.text(i));
            }
            i += 1;
        }
        let mut long = lines
            .iter()
            .filter(|l| l.chars().count() >= MIN_QUOTED_LINE_CHARS)
            .peekable();
        let total: usize = lines.iter().map(|l| l.chars().count()).sum();
        // Replies quote posts of the same page, near them: searching only the last
        // stretch of text keeps long threads full of quotes linear.
        let mut start = before.len().saturating_sub(MAX_QUOTE_LOOKBACK);
        while !before.is_char_boundary(start) {
            start += 1;
        }
        let recent = &before[start..];
        total >= MIN_QUOTE_CHARS
            && long.peek().is_some()
            && long.all(|l| recent.contains(l.as_str()))
    }

    /// Whether `i` is, or lies inside, a site header, footer or navigation block
    /// (by tag or ARIA landmark role), below `body`. An `<article>` or `<main>`
    /// ends the search: a header there is the article's own.
    fn in_page_furniture(&self, i: usize, body: usize) -> bool {
        let flat = self.flat;
        let mut current = i as u32;
        while current != NONE && current as usize != body {
            let c = current as usize;
            if c != i && is_main_tag(flat.nodes[c].name) {
                return false;
            }
            if is_site_furniture(flat, c) {
                return true;
            }
            current = flat.nodes[c].parent;
        }
        false
    }

    /// Characters of the text `removed` keeps under `root` that lie outside the
    /// site's header, footer and navigation ([`Self::in_page_furniture`]).
    fn text_outside_furniture(&self, root: usize, removed: &[bool], body: usize) -> u32 {
        let flat = self.flat;
        let end = flat.nodes[root].end as usize;
        // Below an article or main element, nothing is site furniture.
        let mut up = if root == body {
            NONE
        } else {
            flat.nodes[root].parent
        };
        while up != NONE && up as usize != body {
            if is_main_tag(flat.nodes[up as usize].name) {
                return self.hard_text[root];
            }
            up = flat.nodes[up as usize].parent;
        }
        let (mut chars, mut main_end, mut i) = (0u32, root, root);
        while i < end {
            let node = &flat.nodes[i];
            if removed[i] || (i >= main_end && is_site_furniture(flat, i)) {
                i = node.end as usize;
                continue;
            }
            if i >= main_end && matches!(node.name, "main" | "article") {
                main_end = node.end as usize;
            }
            if node.kind == Kind::Text {
                chars = chars.saturating_add(self.own_chars[i]);
            }
            i += 1;
        }
        chars
    }

    /// Text characters of the selection.
    pub fn selected_text(&self, selection: &Selection) -> u32 {
        self.summary(selection).chars
    }

    /// Text figures of the selection as a whole.
    pub fn summary(&self, selection: &Selection) -> Summary {
        let totals = self.totals(&selection.removed);
        let mut summary = Summary::default();
        for &r in &selection.roots {
            summary.chars += totals.text[r];
            summary.link_chars += totals.link[r];
            summary.paragraphs += totals.paras[r];
        }
        summary
    }

    /// Text characters of `i` with only hard pruning.
    pub fn visible_text(&self, i: usize) -> u32 {
        self.hard_text[i]
    }
}

/// Finds the article content under `body`, relaxing the pruning when strict pruning
/// leaves too little.
///
/// When the best region is page furniture (the site header or footer, a
/// navigation block), or all the text it keeps lies in such furniture, the page
/// has no main content of its own, only a shell that script fills in: the
/// selection is then empty rather than a menu.
pub fn find(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    let mut selection = find_region(analysis, body);
    if selection.roots.iter().any(|&r| {
        analysis.in_page_furniture(r, body)
            || analysis.text_outside_furniture(r, &selection.removed, body) == 0
    }) {
        selection.roots.clear();
    }
    selection
}

fn find_region(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    let strict = analysis.select(body, Strictness::Strict);
    let strict_len = analysis.selected_text(&strict);
    let page = analysis.visible_text(body);
    if strict_len >= 250 || strict_len as f32 >= 0.5 * page as f32 {
        return strict;
    }
    let relaxed = analysis.select(body, Strictness::Hard);
    // What the relaxed pass adds must be more than the site's header, footer and
    // navigation, which strict pruning left out on purpose; unless strict pruning
    // kept nothing at all (then `find` still refuses a selection that is only
    // furniture).
    let relaxed_len = if strict_len == 0 {
        analysis.selected_text(&relaxed)
    } else {
        relaxed
            .roots
            .iter()
            .map(|&r| analysis.text_outside_furniture(r, &relaxed.removed, body))
            .sum::<u32>()
    };
    if relaxed_len > strict_len.saturating_mul(2).max(strict_len + 100) {
        relaxed
    } else {
        strict
    }
}

/// The whole visible body: only never-content nodes removed.
pub fn full(analysis: &Analysis<'_, '_>, body: usize) -> Selection {
    Selection {
        roots: vec![body],
        removed: analysis.prune(Strictness::Hard, body),
        confidence: None,
    }
}

/// Nesting kept in the copied tree; deeper content is flattened into one text node.
pub const MAX_DEPTH: u32 = 200;

/// Copies the selection into a fresh tree (root: a fragment node), leaving out removed
/// subtrees and flattening anything deeper than [`MAX_DEPTH`] into plain text.
pub fn to_tree(flat: &Flat<'_>, selection: &Selection) -> Tree<Node> {
    let mut tree = Tree::new(Node::Fragment);
    let root_id = tree.root().id();
    for &root in &selection.roots {
        // (end of the source subtree, id of its copy)
        let mut stack: Vec<(usize, NodeId)> = Vec::new();
        let base_depth = flat.nodes[root].depth;
        let end = flat.nodes[root].end as usize;
        let mut i = root;
        // The text whose leading bracket closes one emptied by a dropped element.
        let mut closer_at = None;
        while i < end {
            while stack.last().is_some_and(|&(e, _)| i >= e) {
                stack.pop();
            }
            let node = &flat.nodes[i];
            if selection.removed[i] {
                i = node.end as usize;
                continue;
            }
            let parent_id = stack.last().map_or(root_id, |&(_, id)| id);
            let depth = node.depth - base_depth;
            if depth > MAX_DEPTH && node.kind == Kind::Element {
                let text = flatten_text(flat, i, &selection.removed);
                if let Some(mut parent) = tree.get_mut(parent_id) {
                    parent.append(Node::Text(Text { text: text.into() }));
                }
                i = node.end as usize;
                continue;
            }
            let value = match node.node.value() {
                Node::Text(t) => {
                    let mut text: &str = t;
                    match closer_at {
                        Some(after) if after == i => {
                            text = &text.trim_start()[1..];
                            closer_at = None;
                        }
                        // Separators between dropped marks ("[<a>28</a>,<a>54</a>]").
                        Some(after) if i < after => text = "",
                        _ => closer_at = None,
                    }
                    if let Some(after) = emptied_bracket(flat, &selection.removed, i, text) {
                        text = text.trim_end();
                        text = text[..text.len() - 1].trim_end();
                        closer_at = Some(after);
                    }
                    if text.len() == t.len() {
                        node.node.value().clone()
                    } else {
                        Node::Text(Text { text: text.into() })
                    }
                }
                Node::Element(_) => node.node.value().clone(),
                _ => {
                    i = node.end as usize;
                    continue;
                }
            };
            let new_id = match tree.get_mut(parent_id) {
                Some(mut parent) => parent.append(value).id(),
                None => break,
            };
            if node.end as usize > i + 1 {
                stack.push((node.end as usize, new_id));
            }
            i += 1;
        }
    }
    tree
}

/// When text `i` (read as `text`) ends with an opening bracket, the next sibling is
/// an element left empty by the pruning, and the sibling after it is a text opening
/// with the matching closing bracket, that text: the brackets held only what was
/// dropped (a citation mark, "[<span><a href=#ref52>52</a></span>]") and go with it.
fn emptied_bracket(flat: &Flat<'_>, removed: &[bool], i: usize, text: &str) -> Option<usize> {
    let close = match text.trim_end().chars().next_back()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let parent = flat.nodes[i].parent;
    let sibling = |k: usize| k < flat.len() && flat.nodes[k].parent == parent;
    // Marks in a row, separated by commas or dashes ("[28,54]", "[1-3]").
    let mut k = i + 1;
    let mut marks = 0;
    for _ in 0..MAX_BRACKETED_SIBLINGS {
        if !sibling(k) {
            return None;
        }
        match flat.nodes[k].kind {
            Kind::Text if !removed[k] => {
                let t = flat.text(k).trim_start();
                if t.starts_with(close) {
                    return (marks > 0).then_some(k);
                }
                if !t
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–'))
                {
                    return None;
                }
            }
            Kind::Element if emptied(flat, removed, k) => marks += 1,
            _ => return None,
        }
        k = flat.nodes[k].end as usize;
    }
    None
}

/// Most siblings between brackets [`emptied_bracket`] reads.
const MAX_BRACKETED_SIBLINGS: usize = 16;

/// Most nodes an element between brackets [`emptied`] reads.
const MAX_BRACKETED_NODES: usize = 64;

/// Whether element `j` is dropped, or lost something to the pruning and keeps
/// neither text nor a picture. (An element empty in the page itself is left alone:
/// there the page shows the brackets empty too.)
fn emptied(flat: &Flat<'_>, removed: &[bool], j: usize) -> bool {
    if flat.nodes[j].kind != Kind::Element {
        return false;
    }
    let end = flat.nodes[j].end as usize;
    // A mark in brackets is a few nodes; a large subtree is not one, and reading
    // no further keeps nested brackets from costing a walk each.
    if end - j > MAX_BRACKETED_NODES {
        return false;
    }
    let mut lost = false;
    let mut k = j;
    while k < end {
        if removed[k] {
            lost = true;
            k = flat.nodes[k].end as usize;
            continue;
        }
        let node = &flat.nodes[k];
        let shows = match node.kind {
            Kind::Text => !flat.text(k).trim().is_empty(),
            Kind::Element => matches!(node.name, "img" | "picture" | "video" | "iframe"),
            Kind::Other => false,
        };
        if shows {
            return false;
        }
        k += 1;
    }
    lost
}

/// All text under `i` (not removed), space-joined.
fn flatten_text(flat: &Flat<'_>, i: usize, removed: &[bool]) -> String {
    flatten_prefix(flat, i, removed, usize::MAX)
}

/// The start of [`flatten_text`]: it stops once `max_bytes` are gathered, for
/// checks that only read how a block opens.
fn flatten_prefix(flat: &Flat<'_>, i: usize, removed: &[bool], max_bytes: usize) -> String {
    let mut out = String::new();
    let mut j = i;
    let end = flat.nodes[i].end as usize;
    while j < end && out.len() < max_bytes {
        if removed[j] {
            j = flat.nodes[j].end as usize;
            continue;
        }
        let t = flat.text(j);
        if !t.trim().is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t.trim());
        }
        j += 1;
    }
    out
}

/// Longest post subject line [`Analysis::drop_reply_subjects`] considers.
const MAX_SUBJECT_CHARS: u32 = 150;

/// Longest block [`REPLY_GATES`] considers.
const MAX_REPLY_GATE_CHARS: u32 = 160;

/// Words an account action needs ("log", "sign", "register", "account", "member").
const ACCOUNT_HINTS: Hints = Hints::new(&[b"log", b"sign", b"regist", b"account", b"member"]);

/// Whether `text` (lower-cased) asks the reader to log in or register in order to
/// take part in a discussion.
fn is_reply_gate(text: &str) -> bool {
    const ACCOUNT: &[&str] = &[
        "log in",
        "login",
        "sign in",
        "sign up",
        "register",
        "create an account",
        "be a member",
        "logged in",
    ];
    const PURPOSE: &[&str] = &[
        "to reply",
        "to comment",
        "to post",
        "to leave a comment",
        "to add a comment",
        "to answer",
        "to join the conversation",
        "to join the discussion",
        "to participate",
    ];
    text.len() <= 2 * MAX_REPLY_GATE_CHARS as usize
        && ACCOUNT.iter().any(|a| text.contains(a))
        && PURPOSE.iter().any(|p| text.contains(p))
}

/// Words that label a post's or thread's counters ("6 likes", "replies 154").
const COUNTER_WORDS: &[&str] = &[
    "like",
    "likes",
    "reply",
    "replies",
    "view",
    "views",
    "comment",
    "comments",
    "vote",
    "votes",
    "point",
    "points",
    "reaction",
    "reactions",
    "share",
    "shares",
    "post",
    "posts",
    "poster",
    "posters",
    "watching",
];

/// Whether `text` (lower-cased, single-spaced) is a pager's position: "page 1 of 8".
fn is_page_position(text: &str) -> bool {
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!(
        text.split(' ').collect::<Vec<_>>().as_slice(),
        ["page", n, "of", m] if number(n) && number(m)
    )
}

/// Whether `text` (lower-cased, single-spaced) is only counters: numbers each paired
/// with a [`COUNTER_WORDS`] label, in either order ("6 likes", "replies 154",
/// "12 posts 5 posters 3.2k views").
fn is_labelled_count(text: &str) -> bool {
    // A thread's own tally names the thread ("20 replies to this topic").
    let text = [
        " to this topic",
        " in this topic",
        " to this thread",
        " in this thread",
    ]
    .iter()
    .find_map(|tail| text.strip_suffix(tail))
    .unwrap_or(text);
    let number = |w: &str| {
        let digits = w.trim_end_matches(['k', 'm']);
        !digits.is_empty()
            && digits.starts_with(|c: char| c.is_ascii_digit())
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    let words: Vec<&str> = text.split(' ').collect();
    words.len() >= 2
        && words.len().is_multiple_of(2)
        && words.chunks(2).all(|pair| {
            (number(pair[0]) && COUNTER_WORDS.contains(&pair[1]))
                || (COUNTER_WORDS.contains(&pair[0]) && number(pair[1]))
        })
}

/// A quotation: `<blockquote>`, or a board's quote box (`bbcode_quote`,
/// `bbCodeBlock--quote`: a class token "quote").
fn is_quote(flat: &Flat<'_>, i: usize) -> bool {
    let node = &flat.nodes[i];
    if node.kind != Kind::Element {
        return false;
    }
    if node.name == "blockquote" {
        return true;
    }
    // Boards draw their quote boxes with divs; other elements are not looked up.
    node.name == "div"
        && flat.attr(i, "class").is_some_and(|c| {
            c.as_bytes()
                .windows(5)
                .any(|w| w.eq_ignore_ascii_case(b"quote"))
                && c.split(|ch: char| !ch.is_ascii_alphanumeric())
                    .any(|t| t.eq_ignore_ascii_case("quote"))
        })
}

/// Appends the letters and digits of `text`, lower-cased.
fn push_folded(out: &mut String, text: &str) {
    if text.is_ascii() {
        // Most text is ASCII: fold bytes without decoding chars.
        out.extend(
            text.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Letters and digits from which a quote of earlier text is a copy of a post rather
/// than a one-line reference to it.
const MIN_QUOTE_CHARS: usize = 80;

/// Bytes of earlier (folded) text a quote is looked up in.
const MAX_QUOTE_LOOKBACK: usize = 64 * 1024;

/// Quotes of one region compared with the text before them (see
/// [`MAX_QUOTE_LOOKBACK`]); a long thread page quotes far fewer.
const MAX_QUOTES_CHECKED: usize = 200;

/// Letters and digits from which a quoted line is telling enough to be recognised
/// as a repeat of earlier text.
const MIN_QUOTED_LINE_CHARS: usize = 20;

/// Whether a class list names a title or heading style (`section-title`,
/// `heading-latest`, `widgetTitle`).
fn names_a_title(class: &str) -> bool {
    class
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|t| {
            lower_starts(t, b"title")
                || lower_starts(t, b"heading")
                || lower_starts(t, b"header")
                || lower_ends(t, b"title")
        })
}

/// A form's status message, shown by script after a submit and hidden until then:
/// "Oops! Something went wrong while submitting the form", "Thank you! Your
/// submission has been received!", "Thank you for subscribing".
/// A button sending the reader to a retailer ("Check price at Amazon", "See price
/// at REI (on sale!)", "View at Best Buy") or asking them to follow the site on a
/// search engine ("Add us as a preferred source on Google").
fn is_shop_button(lower: &str) -> bool {
    if lower.split_whitespace().count() > MAX_SHOP_BUTTON_WORDS {
        return false;
    }
    const RETAILER: &[&str] = &[
        "check price at ",
        "check price on ",
        "check prices at ",
        "see price at ",
        "see price on ",
        "view price at ",
        "view at ",
        "see it at ",
        "buy at ",
        "buy on ",
        "buy from ",
        "shop at ",
    ];
    RETAILER.iter().any(|p| lower.starts_with(p))
        || (lower.starts_with("add ") && lower.ends_with(" on google"))
        || lower.contains("preferred source on google")
}

/// A forum's notice that a thread takes no more replies ("Status: Not open for
/// further replies."): the board's state, not a post.
fn is_closed_thread_status(phrase: &str) -> bool {
    const STATUSES: &[&str] = &[
        "not open for further replies",
        "closed to further replies",
        "closed to new replies",
        "this thread is closed",
        "this thread has been closed",
        "this thread is locked",
        "this thread has been locked",
        "this topic is closed",
        "this topic is locked",
        "this topic has been locked",
    ];
    let status = phrase
        .strip_prefix("status")
        .map_or(phrase, |rest| rest.trim_start_matches([':', ' ']));
    STATUSES.contains(&status)
}

/// A placeholder that script replaces once the part has loaded ("Loading
/// paragraph...", "Loading image…"): "loading", at most two words, an ellipsis.
fn is_loading_placeholder(lower: &str) -> bool {
    lower
        .strip_suffix("...")
        .or_else(|| lower.strip_suffix('\u{2026}'))
        .and_then(|rest| rest.strip_prefix("loading"))
        .is_some_and(|rest| {
            (rest.is_empty() || rest.starts_with(' ')) && rest.split_whitespace().count() <= 2
        })
}

/// Blank siblings (whitespace, dropped nodes) passed over when looking for the
/// nodes beside one ([`Analysis::own_line`]).
const MAX_BLANK_SIBLINGS: usize = 8;

/// Most words of a [`is_shop_button`] line ("Check price at Amazon (on sale!)").
const MAX_SHOP_BUTTON_WORDS: usize = 8;

/// Longest teaser line ([`Analysis::drop_teaser_lines`]): a label and a headline.
const MAX_TEASER_LINE_CHARS: u32 = 180;

/// Whether a line opens with a teaser's label ("Related:", "Also read:").
fn is_teaser_label(lower: &str) -> bool {
    let line = lower.trim_start();
    [
        "related",
        "related article",
        "related story",
        "related reading",
        "also read",
        "read also",
        "read more",
        "recommended",
        "see also",
        "must read",
        "don't miss",
        "don\u{2019}t miss",
        "read next",
        "suggested",
    ]
    .iter()
    .any(|label| {
        line.strip_prefix(label)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

fn is_form_status(lower: &str) -> bool {
    const STARTS: &[&str] = &[
        "oops",
        "something went wrong",
        "sorry, there was",
        "sorry, something went wrong",
        "thank you! your submission",
        "thank you for your submission",
        "thank you for subscribing",
        "thanks for subscribing",
        "thank you for signing up",
        "thanks for signing up",
        "thank you! please check your inbox",
        // A form plugin's honeypot field, hidden by its stylesheet.
        "this field is for validation purposes",
    ];
    STARTS.iter().any(|s| lower.starts_with(s)) || is_wiki_print_footer(lower)
}

/// A wiki's print footer, hidden on screen: `Retrieved from "https://…"` and nothing
/// else. A citation that ends "Retrieved from https://…" opens with its authors.
fn is_wiki_print_footer(lower: &str) -> bool {
    lower
        .trim()
        .strip_prefix("retrieved from")
        .map(|rest| {
            rest.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{201c}')
        })
        .is_some_and(|url| {
            (url.starts_with("http://") || url.starts_with("https://"))
                && !url
                    .trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '"' | '\u{201d}' | '.')
                    })
                    .contains(char::is_whitespace)
        })
}

/// "Skip to main", "Jump to: navigation", "Jump to Review": the start of a link that
/// moves within the page (skip links, section jumps), never text of its own.
/// A heading's permalink (Sphinx's `¶`, rustdoc's `§`, a `#` or 🔗 beside the
/// title): a link to the section it sits in, which says nothing of its own.
fn is_permalink_mark(squashed: &str) -> bool {
    let mark = squashed.trim();
    !mark.is_empty()
        && mark.chars().count() <= 3
        && mark.chars().all(|c| {
            matches!(
                c,
                '¶' | '§' | '#' | '🔗' | '⚓' | '∞' | '\u{fe0e}' | '\u{fe0f}'
            )
        })
}

fn is_jump_phrase(squashed: &str) -> bool {
    ["skip to", "skip navigation", "jump to"]
        .iter()
        .any(|p| squashed.starts_with(p))
}

/// A poster panel's statistics line (`text` lower-cased): "Join Date: Mar 2016",
/// "Posts: 1,077", "Registered: 2024-01-27", or the label alone before its value
/// ("Messages:", "Trophy Points:").
fn is_member_stat(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "join date",
        "joined",
        "registered",
        "posts",
        "messages",
        "likes received",
        "trophy points",
        "reaction score",
        "reputation",
        "rep power",
    ];
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let value = value.trim();
    LABELS.contains(&label.trim())
        && (value.is_empty() || (value.len() <= 15 && value.bytes().any(|b| b.is_ascii_digit())))
}

/// "Read the review", "See plans", "Download now", "Watch the case study": a
/// verb of reading and what is read, which as a whole link is a teaser's link to
/// the thing it announces (in a sentence, "See <a>the report</a>.", it is text).
fn is_read_on_phrase(squashed: &str) -> bool {
    const VERBS: &[&str] = &[
        "read", "view", "see", "watch", "explore", "download", "discover",
    ];
    const THINGS: &[&str] = &[
        "now",
        "blog",
        "review",
        "article",
        "story",
        "post",
        "case study",
        "case studies",
        "plans",
        "pricing",
        "video",
        "report",
        "guide",
        "details",
        "recipe",
    ];
    let Some((verb, rest)) = squashed.split_once(' ') else {
        return false;
    };
    let thing = ["the ", "our ", "all ", "full "]
        .iter()
        .find_map(|det| rest.strip_prefix(det))
        .unwrap_or(rest);
    VERBS.contains(&verb) && THINGS.contains(&thing)
}

/// "Back to Blogs", "Return to articles", "Back to all posts": as a whole link, the
/// way back to the section the page belongs to, not a sentence.
fn is_back_link_phrase(squashed: &str) -> bool {
    ["back to ", "return to ", "go back to "]
        .iter()
        .find_map(|lead| squashed.strip_prefix(lead))
        .is_some_and(|place| !place.is_empty() && place.split(' ').count() <= 3)
}

/// Whether element `i` is or holds a link to a place on the same page (`href="#…"`).
fn holds_in_page_link(flat: &Flat<'_>, i: usize) -> bool {
    (i..flat.nodes[i].end as usize).any(|k| {
        flat.nodes[k].name == "a" && flat.attr(k, "href").is_some_and(|h| h.starts_with('#'))
    })
}

/// Whether the class/id names a poster panel (see [`POSTER_TOKENS`]).
fn is_poster_panel(class: &str, id: Option<&str>) -> bool {
    let mut panel = false;
    let mut lower = String::new();
    for raw in class.split_whitespace().chain(id) {
        lower.clear();
        lower.push_str(raw);
        lower.make_ascii_lowercase();
        for token in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
            if token.is_empty() {
                continue;
            }
            if POST_BODY_PARTS.iter().any(|p| token.contains(p)) {
                return false;
            }
            if POSTER_TOKENS.contains(&token)
                || POSTER_PREFIXES.iter().any(|p| token.starts_with(p))
            {
                panel = true;
            }
        }
    }
    panel
}

/// Fewest same-tag, same-class siblings that make an item grid.
const MIN_GRID_ITEMS: u32 = 3;

/// Share of the region's text from which a grid of repeated, link-dense items (an
/// A–Z index, a category's sub-category lists, a product grid whose cards are all
/// links) is the region's content rather than a menu inside it.
const MIN_GRID_SHARE: f32 = 0.4;

/// How many levels above a link-dense block its item card may sit.
const MAX_ITEM_DEPTH: usize = 3;

/// How far [`Analysis::in_item_grid`] climbs through thin wrappers to find a card.
const MAX_CARD_WRAPPERS: usize = 12;

/// Most links a card's body holds: title, author, rating, price.
const MAX_CARD_LINKS: u32 = 4;

/// Link text of a teaser card's headline, at least.
const MIN_TEASER_HEADLINE: u32 = 15;

/// Text of a teaser card (headline, category, date, clipped excerpt), at most.
const MAX_TEASER_CHARS: u32 = 500;

/// Length of an author's bio paragraph, at least and at most.
const MIN_BIO_CHARS: u32 = 50;
const MAX_BIO_CHARS: u32 = 800;

/// Bytes of a block's opening read for an author's name and a verb (names are at
/// most 60 bytes).
const MAX_BIO_OPENING: usize = 96;

/// Author bios are dropped only while they hold at most a third of the region's text.
const MAX_BIO_SHARE_INVERSE: u32 = 3;

/// Verbs a bio opens with after the author's name.
const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "have",
    "started",
    "joined",
    "writes",
    "covers",
    "specializes",
    "specialises",
    "serves",
    "brings",
    "leads",
    "holds",
    "works",
];

/// Item cards are link-dense, but a card made only of links is a menu entry.
const MAX_ITEM_LINK_DENSITY: f32 = 0.8;

/// Longest element [`Analysis::drop_price_lines`] considers.
const MAX_PRICE_LINE_CHARS: u32 = 40;

/// Longest block [`NOTICES`] considers.
const MAX_NOTICE_CHARS: u32 = 300;

/// Words without which a block cannot be a notice ([`is_notice`]).
const NOTICE_HINTS: Hints = Hints::new(&[
    b"commission",
    b"compensat",
    b"independently",
    b"affiliate",
    b"reserved",
    b"\xc2\xa9",
    b"licensed under",
    b"available under",
]);

/// An affiliate disclosure, a copyright line or the site's licence line (`text`
/// lower-cased).
fn is_notice(text: &str) -> bool {
    let disclosure = text.contains("affiliate link")
        || (text.contains("commission")
            && (text.contains("link") || text.contains("affiliate") || text.contains("earn")))
        || text.contains("supported by commission")
        || (text.contains("compensat")
            && (text.contains("link") || text.contains("we may") || text.contains("providers")))
        // "We independently test everything we recommend."
        || (text.len() <= 200 && text.contains("we independently") && text.contains("recommend"));
    let trimmed = text.trim_start();
    let copyright = text.len() <= 200
        && (text.contains("all rights reserved")
            || trimmed.starts_with("copyright ©")
            || trimmed.starts_with('©'));
    // The site's licence for its own pages ("the content of this page is licensed
    // under the Creative Commons Attribution 4.0 License", "Content is available
    // under CC BY-SA"), not a licence the content discusses.
    let licence = text.len() <= 300
        && (text.contains("content of this page is licensed")
            || text.contains("this page is licensed under")
            || text.contains("content is available under")
            || text.contains("text is available under"));
    disclosure || copyright || licence
}

/// Longest photo credit line ([`is_photo_credit`]).
const MAX_CREDIT_CHARS: u32 = 100;

/// How a credit line opens (lower-cased): a label and the name after it.
const CREDIT_LABELS: &[&str] = &[
    "credit:",
    "credits:",
    "photo credit",
    "image credit",
    "photo:",
    "photos:",
    "photograph:",
    "photography:",
    "image:",
    "images:",
    "illustration:",
    "picture:",
    "foto:",
    "image source:",
    "photo source:",
    "photo by ",
    "image by ",
];

/// Photo agencies and stock libraries whose name closes a credit line.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "gettyimages",
    "shutterstock",
    "istock",
    "istockphoto",
    "alamy",
    "alamy stock photo",
    "afp",
    "reuters",
    "ap photo",
    "unsplash",
    "pexels",
    "adobe stock",
];

/// Words without which a block cannot be a photo credit ([`is_photo_credit`]).
const CREDIT_HINTS: Hints = Hints::new(&[
    b"credit",
    b"photo",
    b"image",
    b"illustration",
    b"picture",
    b"foto",
    b"getty",
    b"shutterstock",
    b"istock",
    b"alamy",
    b"afp",
    b"reuters",
    b"ap photo",
    b"unsplash",
    b"pexels",
    b"adobe stock",
]);

/// A photo credit line (`text` lower-cased): a credit label and a name
/// ("credit: amazon", "photo: jane doe"), or a name and an agency after a
/// separator ("gregg newton/afp via getty images", "firn | getty images"), or an
/// agency alone.
fn is_photo_credit(text: &str) -> bool {
    // Credits are often set in brackets: "(Image credit: Wareable)".
    let line = text
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches(['.', ')', ']'])
        .trim();
    let labelled = CREDIT_LABELS.iter().any(|label| {
        line.strip_prefix(label)
            .is_some_and(|name| !name.trim().is_empty() && name.split_whitespace().count() <= 8)
    });
    let agency = PHOTO_AGENCIES.iter().any(|agency| {
        line.strip_suffix(agency).is_some_and(|before| {
            let before = before.trim_end();
            before.is_empty()
                || before.ends_with(['/', '|', '©', '(', ':'])
                || before.ends_with(" via")
                || before.ends_with(" for")
        })
    });
    labelled || agency
}

/// Whether `text` shows a price: a currency sign or code next to a digit ("$35",
/// "35,00 €", "EUR 163.12").
fn has_price(text: &str) -> bool {
    const SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '฿'];
    const CODES: &[&str] = &[
        "usd", "eur", "gbp", "aud", "cad", "chf", "jpy", "sek", "nok", "dkk",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().any(|(k, w)| {
        let digit = |s: &str| s.chars().any(|c| c.is_ascii_digit());
        let next_digit = words.get(k + 1).is_some_and(|n| digit(n));
        let prev_digit = k > 0 && digit(words[k - 1]);
        let signed = w.contains(SIGNS);
        let coded = {
            let lower = w
                .trim_matches(|c: char| !c.is_ascii_alphabetic())
                .to_ascii_lowercase();
            CODES.contains(&lower.as_str())
        };
        (signed && (digit(w) || next_digit || prev_digit)) || (coded && (next_digit || prev_digit))
    })
}

/// Whether the class/id has a facet/filter token (`facets`, `filter-group`,
/// `plp-filters`).
fn names_facet(class: &str, id: Option<&str>) -> bool {
    class.split_whitespace().chain(id).any(|raw| {
        raw.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|token| {
                lower_starts(token.as_bytes(), b"facet")
                    || lower_starts(token.as_bytes(), b"filter")
            })
    })
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A site header, footer or navigation block, by tag or ARIA landmark role.
fn is_site_furniture(flat: &Flat<'_>, i: usize) -> bool {
    matches!(flat.nodes[i].name, "header" | "footer" | "nav")
        || matches!(
            flat.attr(i, "role"),
            Some("banner" | "contentinfo" | "navigation")
        )
}

/// Whether `i` sits in the site's header, footer or navigation, within
/// [`MAX_FURNITURE_DEPTH`] levels.
fn in_site_furniture(flat: &Flat<'_>, i: usize) -> bool {
    let mut current = flat.nodes[i].parent;
    for _ in 0..MAX_FURNITURE_DEPTH {
        if current == NONE {
            return false;
        }
        if is_site_furniture(flat, current as usize) {
            return true;
        }
        current = flat.nodes[current as usize].parent;
    }
    false
}

/// How far [`in_site_furniture`] climbs.
const MAX_FURNITURE_DEPTH: usize = 32;

fn is_main_tag(name: &str) -> bool {
    matches!(name, "main" | "article" | "body" | "html")
}

/// `main`, `[role=main]`, `[itemprop=articleBody]` and friends.
fn has_main_hint(flat: &Flat<'_>, i: usize) -> bool {
    is_main_landmark(flat, i)
        || (flat.nodes[i].kind == Kind::Element
            && flat
                .attr(i, "itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articleBody") || p == "text"))
}

/// Whether the `<header>` `i` heads a `<section>` (its title and the line of copy
/// under it, on landing pages and listings), not the page: a `<section>` is its
/// nearest sectioning ancestor, it holds a heading, and it holds no navigation or
/// form (a site header wrapped in a section holds both). An `<article>`'s header
/// stays furniture: it holds the byline, date and reading time. Outside any
/// section, a header holding the page's `h1` and a paragraph is a landing page's
/// hero (headline and the copy under it), not the site's bar, when it holds no
/// list. Small by nature: a larger header, or one nested deeper than
/// [`MAX_SECTION_DEPTH`] below its section, does not count (nor does hostile nesting
/// make this quadratic).
fn heads_section(flat: &Flat<'_>, i: usize) -> bool {
    let end = flat.nodes[i].end as usize;
    if end - i > MAX_SECTION_HEADER_NODES {
        return false;
    }
    let mut heading = false;
    let mut h1 = false;
    let mut copy = false;
    let mut list = false;
    for d in i + 1..end {
        match flat.nodes[d].name {
            "h1" => (heading, h1) = (true, true),
            "h2" | "h3" | "h4" | "h5" | "h6" => heading = true,
            "nav" | "form" | "input" | "button" => return false,
            "p" => copy = true,
            "ul" | "ol" => list = true,
            _ => {}
        }
    }
    if !heading {
        return false;
    }
    let mut current = flat.nodes[i].parent;
    for _ in 0..MAX_SECTION_DEPTH {
        if current == NONE {
            break;
        }
        match flat.nodes[current as usize].name {
            "section" => return true,
            "article" => return false,
            _ => {}
        }
        current = flat.nodes[current as usize].parent;
    }
    // A landing page's hero: the page's h1 and the paragraph under it (a site bar
    // lists its menu).
    h1 && copy && !list
}

/// Whether the element `i`'s text opens with a tag (`<div`, `</p`, `<!--`): markup
/// that was escaped into text rather than parsed. Looks at the first few text nodes
/// only.
fn holds_escaped_markup(flat: &Flat<'_>, i: usize) -> bool {
    let end = flat.nodes[i].end as usize;
    let Some(first) = (i + 1..end)
        .filter(|&d| flat.nodes[d].kind == Kind::Text)
        .take(16)
        .map(|d| flat.text(d).trim_start())
        .find(|t| !t.is_empty())
    else {
        return false;
    };
    let mut chars = first.chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
}

/// Longest label of a link styled as a button ([`Analysis::button_label_limit`]).
const MAX_BUTTON_LABEL_CHARS: u32 = 60;

/// Longest label of a link whose class only holds the word "button" inside a token
/// ([`Analysis::button_label_limit`]): "Get Loom for free", "Start deploying".
const MAX_CTA_LABEL_CHARS: u32 = 30;

/// Longest rating summary ([`Analysis::is_rating_summary`]).
const MAX_RATING_SUMMARY_CHARS: u32 = 120;

/// Most nodes a section's `<header>` holds ([`heads_section`]).
const MAX_SECTION_HEADER_NODES: usize = 200;

/// Deepest a section's `<header>` sits below its `<section>` ([`heads_section`]).
const MAX_SECTION_DEPTH: usize = 12;

/// The page's declared main region: `<main>` or `[role=main]`.
fn is_main_landmark(flat: &Flat<'_>, i: usize) -> bool {
    let node = &flat.nodes[i];
    node.kind == Kind::Element && (node.name == "main" || flat.attr(i, "role") == Some("main"))
}

/// The attributes the per-node analysis looks at, gathered in one pass over the
/// element's attribute list (separate lookups each rescan it).
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    style: &'a str,
    role: &'a str,
    itemtype: &'a str,
    property: &'a str,
    content: &'a str,
    kind: &'a str,
    hidden: bool,
    aria_hidden: bool,
    /// The HTML `popover` attribute: a menu, dialog or prompt shown only on demand.
    popover: bool,
    /// `aria-labelledby` is set.
    labelled_by: bool,
}

impl<'a> Attrs<'a> {
    fn of(flat: &Flat<'a>, i: usize) -> Attrs<'a> {
        let mut out = Attrs::default();
        if let Node::Element(e) = flat.nodes[i].node.value() {
            for (name, value) in e.attrs() {
                match name {
                    "class" => out.class = value,
                    "id" => out.id = value,
                    "style" => out.style = value,
                    "role" => out.role = value,
                    "itemtype" => out.itemtype = value,
                    "property" => out.property = value,
                    "content" => out.content = value,
                    "type" => out.kind = value,
                    // `until-found` content is searchable and opens on a match: a
                    // collapsed section, not a hidden one.
                    "hidden" => out.hidden = !value.eq_ignore_ascii_case("until-found"),
                    "aria-hidden" => out.aria_hidden = value == "true",
                    "popover" => out.popover = true,
                    "aria-labelledby" => out.labelled_by = true,
                    _ => {}
                }
            }
        }
        out
    }
}

/// Longest section label above a headline [`Analysis::drop_kicker`] drops, in
/// characters, and how many headline-only wrappers it climbs.
const MAX_KICKER_CHARS: u32 = 30;
const MAX_HEADLINE_WRAPPERS: usize = 2;

/// Longest byline line [`Analysis::drop_byline_lines`] considers, in characters.
const MAX_BYLINE_CHARS: u32 = 80;

/// Longest call to action [`Analysis::drop_calls_to_action`] reads, and the
/// largest box around one it drops with it, in characters.
const MAX_CALL_CHARS: u32 = 80;
const MAX_CALL_BOX_CHARS: u32 = 300;

/// Largest box around a heading that does not ask but carries a button, which
/// [`Analysis::drop_calls_to_action`] drops beside an article: a promotion. A longer
/// one is an editorial block of a shop's or service's page.
const MAX_PROMO_BOX_CHARS: u32 = 200;

/// Most nodes [`Analysis::holds_action`] reads in a call's box.
const MAX_ACTION_NODES: usize = 400;

/// A line asking the reader to act: join, subscribe, get in touch, book, request,
/// talk to someone, donate or support the site, or a "Ready to…?" / "Want to…?"
/// pitch.
fn is_call_to_action(lower: &str) -> bool {
    const CALLS: &[&str] = &[
        "join ",
        "subscribe",
        "sign up",
        "get in touch",
        "get started",
        "get the newsletter",
        "take the next step",
        "get a free",
        "get your free",
        "get a personalized",
        "contact us",
        "request a ",
        "request an ",
        "request information",
        "book a ",
        "book your ",
        "book now",
        "talk to ",
        "ready to ",
        "ready for ",
        "want to ",
        "want more",
        "register now",
        "try it ",
        "try our ",
        "start your free",
        "start your trial",
        "don't miss",
        "don\u{2019}t miss",
        "never miss",
        "download our",
        "get the free",
        "get our free",
        "stay up to date",
        "stay in the loop",
        "stay informed",
        "keep up with",
        "become a member",
        "become a patron",
        "become a supporter",
        "become a sponsor",
        "donate",
        "make a donation",
        "make a gift",
        "support our ",
        "support us",
        "support independent",
        "this post is for paid",
        "this article is exclusive",
        "this content is exclusive",
        "this story is exclusive",
        "unlock this article",
        "unlock this story",
    ];
    // A funding appeal names its readers wherever it starts ("This story is funded
    // by readers like you").
    const APPEALS: &[&str] = &["funded by readers", "readers like you", "reader-funded"];
    let text = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    CALLS.iter().any(|call| text.starts_with(call)) || APPEALS.iter().any(|a| text.contains(a))
}

/// Longest link text [`Analysis::drop_account_links`] drops.
const MAX_ACCOUNT_LINK_CHARS: u32 = 40;

/// An address whose path names one of the site's service pages ("/login",
/// "/user/register", "wp-login.php", "?action=signup", "/cart", "/privacy-policy").
fn is_account_address(href: &str) -> bool {
    const PAGES: &[&str] = &[
        "login",
        "log-in",
        "signin",
        "sign-in",
        "signup",
        "sign-up",
        "register",
        "registration",
        "join",
        "subscribe",
        "wp-login",
        "my-account",
        "cart",
        "checkout",
        "wishlist",
        "privacy-policy",
        "terms-of-service",
        "terms-of-use",
        "terms-and-conditions",
        "cookie-policy",
        "sitemap",
    ];
    let lower = ascii_lower(href);
    let path = lower.split_once("://").map_or(&*lower, |(_, rest)| {
        rest.find('/').map_or("", |k| &rest[k..])
    });
    path.split(['/', '?', '#', '=', '&']).any(|segment| {
        let page = segment
            .strip_suffix(".php")
            .or_else(|| segment.strip_suffix(".html"))
            .or_else(|| segment.strip_suffix(".aspx"))
            .unwrap_or(segment);
        PAGES.contains(&page)
    })
}

/// `text` lower-cased, borrowed when it has no capitals (most addresses), so the
/// link checks run over every link of a page without allocating.
fn ascii_lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Largest box around an email field [`Analysis::drop_signup_boxes`] drops.
const MAX_SIGNUP_BOX_CHARS: u32 = 300;

/// Most text one step up from an email field's box may add
/// ([`Analysis::drop_signup_boxes`]).
const MAX_SIGNUP_STEP_CHARS: u32 = 150;

/// Most text outside links a share bar holds: its prompt ("Share this article").
const MAX_SHARE_PROMPT_CHARS: u32 = 60;

/// Longest block [`Analysis::drop_share_bars`] drops.
const MAX_SHARE_BAR_CHARS: u32 = 200;

/// Fewest links to a network's profiles that make a "Follow us" bar.
const MIN_PROFILE_LINKS: u32 = 3;

/// What a link to a social network is, by its address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SocialLink {
    /// A share or submit address ("facebook.com/sharer", "twitter.com/intent/tweet",
    /// "pinterest.com/pin/create").
    Share,
    /// A profile address, the links of a "Follow us" bar. (Video links are left
    /// out: a post of two videos is content.)
    Profile,
}

fn social_link(href: &str) -> Option<SocialLink> {
    const SHARES: &[&str] = &[
        "facebook.com/sharer",
        "facebook.com/share.php",
        "facebook.com/dialog/share",
        "twitter.com/intent/",
        "twitter.com/share",
        "x.com/intent/",
        "pinterest.com/pin/create",
        "linkedin.com/sharearticle",
        "linkedin.com/sharing/",
        "linkedin.com/cws/share",
        "reddit.com/submit",
        "tumblr.com/share",
        "api.whatsapp.com/send",
        "wa.me/?",
        "t.me/share",
        "telegram.me/share",
        "news.ycombinator.com/submitlink",
        "bsky.app/intent/",
        "threads.net/intent/",
    ];
    const PROFILES: &[&str] = &[
        "facebook.com/",
        "instagram.com/",
        "twitter.com/",
        "://x.com/",
        "linkedin.com/company/",
        "tiktok.com/@",
        "pinterest.com/",
        "threads.net/@",
        "bsky.app/profile/",
        "mastodon.social/@",
    ];
    // These addresses are absolute; most of a page's links are not.
    if !href.contains("//") {
        return None;
    }
    let lower = ascii_lower(href);
    if SHARES.iter().any(|s| lower.contains(s)) {
        Some(SocialLink::Share)
    } else if PROFILES.iter().any(|n| lower.contains(n)) {
        Some(SocialLink::Profile)
    } else {
        None
    }
}

/// How a phone app's post signature starts ([`Analysis::drop_device_signatures`]).
const SIGNATURE_START: &str = "sent from my ";

/// Most sibling nodes a post signature spans ([`Analysis::drop_device_signatures`]).
const MAX_SIGNATURE_NODES: usize = 8;

/// Longest post signature [`Analysis::drop_device_signatures`] drops.
const MAX_SIGNATURE_CHARS: u32 = 80;

/// Fewest links that make a list of links ([`Analysis::drop_link_lists_after`]).
const MIN_LINK_LIST_ITEMS: u32 = 3;

/// How many headings [`Analysis::drop_trailing_headings`] peels off a region's end.
const MAX_TRAILING_HEADINGS: usize = 2;

/// How many short labels [`Analysis::drop_trailing_labels`] peels off a region's end.
const MAX_TRAILING_LABELS: usize = 2;

/// A label rather than a sentence: up to four words and 48 characters, without the
/// closing punctuation of a sentence.
fn is_short_label(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.len() <= 48
        && text.split_whitespace().count() <= 4
        && !text.ends_with(['.', '!', '?', ',', ';', ')', '"', '\u{201d}', '\u{2026}'])
}

/// Hidden by markup: `hidden`, `popover`, `aria-hidden=true`, inline `display:none` /
/// `visibility:hidden`, a screen-reader-only class; except streamed segments and
/// disclosure panels, which script reveals.
fn is_hidden(attrs: &Attrs<'_>, style_hides: bool) -> bool {
    if attrs.hidden && is_streamed_segment(attrs.id) {
        // Streaming server rendering (React 18+ / Next.js) sends each finished
        // segment as `<div hidden id="S:n">` and a script moves it into place: the
        // page's real content, hidden only until that script runs.
        return false;
    }
    let hidden = attrs.hidden
        || attrs.popover
        || attrs.aria_hidden
        || hidden_by_class(attrs.class)
        || is_tooltip(attrs)
        || (style_hides && hidden_by_utility_class(attrs.class))
        || (style_hides && !attrs.style.is_empty() && {
            let compact: String = attrs
                .style
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        });
    if !hidden {
        return false;
    }
    // Accordion and tab panels are hidden only until a click opens them: product
    // specs, FAQ answers and code samples live there.
    !is_disclosure_panel(attrs)
}

/// Hidden from sight by a screen-reader-only utility class (Bootstrap's `sr-only` and
/// `visually-hidden`, WordPress's `screen-reader-text`): labels and repeated product
/// details spoken to assistive technology, never shown on the page.
fn hidden_by_class(class: &str) -> bool {
    !class.is_empty()
        && class
            .split_ascii_whitespace()
            .any(|t| matches!(t, "sr-only" | "visually-hidden" | "screen-reader-text"))
}

/// A tooltip's bubble (`role=tooltip`, `tooltip-text`, `Term_tooltipBubble__x1`,
/// `m-tooltip__content`): a definition or bio shown on hover, over the page, not in
/// its text. The trigger beside it (`tooltip`, `has-tooltip`) keeps its words.
fn is_tooltip(attrs: &Attrs<'_>) -> bool {
    const PARTS: &[&str] = &["text", "content", "bubble", "body", "inner", "bio"];
    // Every element's classes pass through here: compared in place, not lower-cased.
    let class = attrs.class.as_bytes();
    class.windows(7).enumerate().any(|(at, w)| {
        w.eq_ignore_ascii_case(b"tooltip") && {
            let rest = &class[at + 7..];
            let skip = rest.iter().take_while(|&&b| b == b'-' || b == b'_').count();
            let part = &rest[skip..];
            PARTS.iter().any(|p| {
                part.get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
            })
        }
    })
}

/// Most nodes a `role=tooltip` element holds ([`is_tooltip_role`]).
const MAX_TOOLTIP_NODES: usize = 200;

/// An element marked `role=tooltip`: a bubble shown on hover. Some sites put the role
/// on the wrapper of a link (an author's avatar), which is shown; a bubble with a
/// link in it or longer than a bubble is read as shown.
fn is_tooltip_role(flat: &Flat<'_>, i: usize, attrs: &Attrs<'_>) -> bool {
    let end = flat.nodes[i].end as usize;
    attrs.role.eq_ignore_ascii_case("tooltip")
        && end - i <= MAX_TOOLTIP_NODES
        && !(i + 1..end).any(|j| flat.nodes[j].kind == Kind::Element && flat.nodes[j].name == "a")
}

/// Hidden by a `display:none` utility class (`hide`, `hidden`, `is-hidden`): menus,
/// drawers, templates and preloaders that script shows on demand. A class with a
/// responsive variant (Tailwind's `hidden md:block`) shows at some width, so it is
/// not hidden. Only the strict reading of the page applies it: a page that hides
/// its whole body this way until script runs is read unhidden.
fn hidden_by_utility_class(class: &str) -> bool {
    !class.is_empty()
        && class.split_ascii_whitespace().any(is_hiding_token)
        && !class.split_ascii_whitespace().any(|t| t.contains(':'))
}

fn is_hiding_token(token: &str) -> bool {
    matches!(token, "hide" | "hidden" | "is-hidden")
}

/// How far [`is_switched_panel`] looks for a shown sibling, each way.
const MAX_PANEL_SIBLINGS: usize = 32;

/// A panel hidden by utility class beside a shown sibling of the same tag and
/// otherwise the same classes: one of a set that a category or tab switcher swaps
/// in, as much the page's content as the one shown.
fn is_switched_panel(flat: &Flat<'_>, i: usize, attrs: &Attrs<'_>) -> bool {
    if !hidden_by_utility_class(attrs.class) {
        return false;
    }
    let node = flat.nodes[i].node;
    let Node::Element(own) = node.value() else {
        return false;
    };
    let shown_twin = |sibling: ego_tree::NodeRef<'_, Node>| {
        let Node::Element(e) = sibling.value() else {
            return false;
        };
        if e.name() != own.name() {
            return false;
        }
        let class = e.attr("class").unwrap_or("");
        !class.split_ascii_whitespace().any(is_hiding_token)
            && class.split_ascii_whitespace().eq(attrs
                .class
                .split_ascii_whitespace()
                .filter(|t| !is_hiding_token(t)))
    };
    let elements = |s: ego_tree::NodeRef<'_, Node>| s.value().is_element();
    node.prev_siblings()
        .filter(|&s| elements(s))
        .take(MAX_PANEL_SIBLINGS)
        .any(shown_twin)
        || node
            .next_siblings()
            .filter(|&s| elements(s))
            .take(MAX_PANEL_SIBLINGS)
            .any(shown_twin)
}

/// A collapsible or tab panel: `role=tabpanel`, or a collapse/accordion/tab-pane
/// class or id, an FAQ's answer (`faq__answer`) or an expander's content (the rest of
/// a description behind "Read more").
fn is_disclosure_panel(attrs: &Attrs<'_>) -> bool {
    if attrs.role == "tabpanel" {
        return true;
    }
    attrs
        .class
        .split_whitespace()
        .chain(std::iter::once(attrs.id))
        .any(|raw| {
            let lower = raw.to_ascii_lowercase();
            lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
                t.starts_with("collapse")
                    || t.starts_with("accordion")
                    || t == "tabpanel"
                    || t == "answer"
                    || t.starts_with("expander")
            }) || lower.contains("tab-pane")
                || lower.contains("tab-panel")
        })
}

/// An accordion panel in the ARIA pattern: a `region` (or a panel labelled by its
/// toggle) that a toggle's `aria-controls` names. Hidden only until the click that
/// opens it, like [`is_disclosure_panel`]'s. Menus and drawers a toggle opens are
/// neither regions nor labelled by it, nor toggled from a heading.
fn is_controlled_region(
    attrs: &Attrs<'_>,
    controlled: &HashSet<&str>,
    headed: &HashSet<&str>,
) -> bool {
    !attrs.id.is_empty()
        && (((attrs.role == "region" || attrs.labelled_by) && controlled.contains(attrs.id))
            || headed.contains(attrs.id))
}

/// Whether element `i` is, or sits within three levels of, a heading (`h1`–`h6`,
/// `role=heading`).
/// Whether button `i` carries words of the sentence around it: a glossary or
/// sidenote trigger ("said professor <button>Thomas W. Malone,</button> the founding
/// director"), a coupon to copy ("Use code <button>SPRING</button> at checkout").
/// Its parent's text runs before it and goes on after it, and its own label is a
/// few words that are not an interface control ("Copy", "Show more").
fn is_word_of_sentence(flat: &Flat<'_>, i: usize) -> bool {
    let parent = flat.nodes[i].parent;
    if parent == NONE {
        return false;
    }
    // The label, read no further than a few words' worth.
    let mut label = String::new();
    for j in i + 1..flat.nodes[i].end as usize {
        label.push_str(flat.text(j));
        label.push(' ');
        if label.len() > MAX_SENTENCE_BUTTON_BYTES {
            return false;
        }
    }
    let label = label.trim();
    let words = label.split_whitespace().count();
    if words == 0 || words > MAX_SENTENCE_BUTTON_WORDS {
        return false;
    }
    let lower = label.to_lowercase();
    let phrase = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if UI_PHRASES.contains(&phrase) || is_call_to_action(&lower) {
        return false;
    }
    let text_of = |c: usize| match flat.nodes[c].kind {
        Kind::Text => Some(flat.text(c)),
        _ => None,
    };
    // The text just before (a few siblings back at most) and the text just after.
    let mut before = 0usize;
    let mut c = i;
    for _ in 0..MAX_BLANK_SIBLINGS {
        let Some(prev) = flat.previous_sibling(c) else {
            break;
        };
        match text_of(prev) {
            Some(t) => before += t.chars().filter(|c| !c.is_whitespace()).count(),
            None if crate::render::is_block(flat.nodes[prev].name) => break,
            None => {}
        }
        c = prev;
    }
    let next = flat.nodes[i].end as usize;
    let after = (next < flat.nodes[parent as usize].end as usize)
        .then(|| text_of(next))
        .flatten()
        .is_some_and(|t| t.chars().any(char::is_alphanumeric));
    before >= MIN_SENTENCE_BUTTON_LEAD && after
}

fn in_heading(flat: &Flat<'_>, i: usize) -> bool {
    let mut current = i as u32;
    for _ in 0..4 {
        if current == NONE {
            return false;
        }
        let c = current as usize;
        if is_heading(flat.nodes[c].name) || flat.attr(c, "role") == Some("heading") {
            return true;
        }
        current = flat.nodes[c].parent;
    }
    false
}

/// `S:0`, `S:2e`...: the id React gives a streamed segment (its number in
/// lower-case hexadecimal).
pub(crate) fn is_streamed_segment(id: &str) -> bool {
    id.strip_prefix("S:").is_some_and(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

fn is_never_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "optgroup"
            | "datalist"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "dialog"
            | "map"
            | "area"
            | "audio"
            | "video"
            | "source"
            | "track"
            | "param"
            | "label"
            | "progress"
            | "meter"
    )
}

/// What [`Analysis::drop_leaf_blocks`] looks for: leaf blocks up to `max_chars`
/// whose text `matches`, after a cheap check of `hints` on the raw text.
struct LeafBlocks {
    max_chars: u32,
    hints: &'static Hints,
    matches: fn(&str) -> bool,
}

/// Words, one of which (ASCII case-insensitive) a text must hold before a rule
/// looks closer. For each byte the list tables which words start with it, so one
/// pass over the text compares only those words, only where one can begin.
struct Hints {
    words: &'static [&'static [u8]],
    /// Bit `w` of `starts[b]`: word `w` starts with byte `b` (in either case).
    starts: [u32; 256],
}

impl Hints {
    const fn new(words: &'static [&'static [u8]]) -> Hints {
        assert!(words.len() <= 32, "one bit per word");
        let mut starts = [0u32; 256];
        let mut i = 0;
        while i < words.len() {
            let first = words[i][0];
            starts[first.to_ascii_lowercase() as usize] |= 1 << i;
            starts[first.to_ascii_uppercase() as usize] |= 1 << i;
            i += 1;
        }
        Hints { words, starts }
    }

    /// Whether `text` holds one of the words.
    fn any_in(&self, text: &str) -> bool {
        let t = text.as_bytes();
        t.iter().enumerate().any(|(k, &b)| {
            let mut open = self.starts[b as usize];
            while open != 0 {
                let w = self.words[open.trailing_zeros() as usize];
                if t.get(k + 1..k + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(&w[1..]))
                {
                    return true;
                }
                open &= open - 1;
            }
            false
        })
    }
}

/// The standard notices sites put inside the content column: affiliate disclosures
/// ("we may earn a commission from links on this page"), copyright lines and the
/// site's content licence. Only short leaf blocks: an article *about* commissions
/// or copyright keeps its paragraphs.
const NOTICES: LeafBlocks = LeafBlocks {
    max_chars: MAX_NOTICE_CHARS,
    hints: &NOTICE_HINTS,
    matches: is_notice,
};

/// A shop's checkout note and list counters, repeated on every product and
/// category page: "Taxes and shipping calculated at checkout", "Showing 24 of 291
/// results". (Its offers, "Free shipping over $75", are part of what some product
/// descriptions say, so they stay.)
const SHOP_NOTICES: LeafBlocks = LeafBlocks {
    max_chars: 60,
    hints: &SHOP_HINTS,
    matches: is_shop_notice,
};

const SHOP_HINTS: Hints = Hints::new(&[b"checkout", b"results", b"products", b"items"]);

fn is_shop_notice(lower: &str) -> bool {
    let line = lower.trim().trim_end_matches(['.', '!']);
    if line.ends_with("calculated at checkout") {
        return true;
    }
    // "Showing 24 of 291 results", "Displaying 1 to 24 (of 204 products)", "154 items"
    let counted = line
        .trim_end_matches(')')
        .trim_end()
        .strip_suffix("results")
        .or_else(|| {
            line.trim_end_matches(')')
                .trim_end()
                .strip_suffix("products")
        })
        .or_else(|| line.strip_suffix("items"));
    counted.is_some_and(|head| {
        let head = ["showing", "displaying", "viewing", "loaded"]
            .iter()
            .find_map(|verb| head.strip_prefix(verb))
            .unwrap_or(head);
        head.bytes().any(|b| b.is_ascii_digit())
            && head.split_whitespace().all(|w| {
                matches!(w, "of" | "to" | "-" | "\u{2013}" | "(of")
                    || w.bytes().all(|b| b.is_ascii_digit() || b == b',')
            })
    })
}

/// The line under a thread that asks the reader to log in or register to take part
/// ("You must log in or register to reply here.", "Create an account or sign in to
/// comment"): page interface, not a post.
const REPLY_GATES: LeafBlocks = LeafBlocks {
    max_chars: MAX_REPLY_GATE_CHARS,
    hints: &ACCOUNT_HINTS,
    matches: is_reply_gate,
};

/// Photo credit lines under pictures ("Credit: Serious Eats", "Photo: Jane Doe",
/// "Kim Kyung-hoon/Reuters", "Firn | Getty Images"): they name who took the
/// picture the text does not carry.
const PHOTO_CREDITS: LeafBlocks = LeafBlocks {
    max_chars: MAX_CREDIT_CHARS,
    hints: &CREDIT_HINTS,
    matches: is_photo_credit,
};

/// Notes of when a page or post was last changed ("Last updated: Nov 4, 2025",
/// "Last edited by Ann on Feb 17, 2026, edited 2 times in total", "Last modified
/// January 7, 2026: Fix the example"), or their label left alone once the date
/// beside it went: the site's bookkeeping, wherever it stands.
const UPDATE_NOTES: LeafBlocks = LeafBlocks {
    max_chars: 200,
    hints: &UPDATE_HINTS,
    matches: is_update_note,
};

const UPDATE_HINTS: Hints = Hints::new(&[b"updated", b"modified", b"reviewed", b"edited"]);

fn is_update_note(lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "last updated",
        "last modified",
        "last reviewed",
        "last edited",
        "updated on",
        "modified on",
    ];
    let line = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let line = line.strip_prefix("page ").unwrap_or(line);
    LABELS.iter().any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', ':']);
            let rest = match rest.strip_prefix("on") {
                Some(after) if after.is_empty() || after.starts_with([' ', ':']) => {
                    after.trim_start_matches([' ', ':'])
                }
                _ => rest,
            };
            let first = rest.split([' ', ',']).next().unwrap_or("");
            rest.is_empty()
                || rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with("by ")
                || crate::metadata::month_number(first).is_some()
        })
    })
}

/// Credit lines of an article: who wrote, edited, reviewed or posted it ("Edited
/// by: Kristina Zagame", "Medically reviewed by Kim Rose, RDN — Written by Jo
/// Kubala", "Posted by: John at December 18, 2025 05:48 PM"), or the label alone
/// once its name went with the byline. The page's `byline` carries the author.
/// "Published by" is left out: on a page of books or games it names each item's
/// publisher.
const CREDIT_LINES: LeafBlocks = LeafBlocks {
    max_chars: 120,
    hints: &CREDIT_LINE_HINTS,
    matches: is_credit_line,
};

const CREDIT_LINE_HINTS: Hints = Hints::new(&[b"by"]);

fn is_credit_line(lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "written by",
        "edited by",
        "reviewed by",
        "medically reviewed by",
        "fact checked by",
        "fact-checked by",
        "posted by",
    ];
    // "Written by the town council in 1911, the charter…" opens a sentence.
    const NOT_NAMES: &[&str] = &[
        "the", "a", "an", "hand", "me", "us", "him", "her", "them", "my", "our", "his", "their",
        "its", "your",
    ];
    let line = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    LABELS.iter().any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            let first = rest.trim_start_matches([' ', ':', ',']).split(' ').next();
            (rest.is_empty() || rest.starts_with([' ', ':', ',']))
                && !first.is_some_and(|w| NOT_NAMES.contains(&w))
        })
    })
}

/// An article's dateline and reading time, shown above or below its body: the
/// page's `published` field carries the date.
const DATELINES: LeafBlocks = LeafBlocks {
    max_chars: 40,
    hints: &DIGITS,
    matches: is_dateline,
};

const DIGITS: Hints = Hints::new(&[b"0", b"1", b"2", b"3", b"4", b"5", b"6", b"7", b"8", b"9"]);

/// A date and nothing else, after an optional label ("Updated on July 9, 2025",
/// "12.12.2025"), or a reading time ("16 min read"), or several of them in a row
/// ("Dec 12, 2025 · 5 min read"). Beside a reading time one part may be the
/// author's name ("Bridgestone Team | 5 min read").
fn is_dateline(lower: &str) -> bool {
    let parts: Vec<&str> = lower
        .split(['\u{b7}', '|', '\u{2022}'])
        .map(|part| part.trim().trim_start_matches(['-', ' ']))
        .filter(|part| !part.is_empty())
        .collect();
    let mut undated = parts.iter().filter(|part| !is_date_part(part));
    match (undated.next(), undated.next()) {
        (None, _) => !parts.is_empty(),
        (Some(name), None) => {
            name.split_whitespace().count() <= MAX_NAME_WORDS
                && parts.iter().any(|part| is_reading_time(part))
        }
        _ => false,
    }
}

/// Most words of the name [`is_dateline`] allows beside a reading time.
const MAX_NAME_WORDS: usize = 4;

fn is_date_part(text: &str) -> bool {
    crate::metadata::is_date_line(text) || is_numeric_date(text) || is_reading_time(text)
}

/// "5 min read", "Reading time: 7 minutes".
fn is_reading_time(text: &str) -> bool {
    if let Some(time) = text.strip_prefix("reading time") {
        let time = time.trim_start_matches([':', ' ']);
        let unit = time.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        return unit.len() < time.len() && ["min", "mins", "minute", "minutes"].contains(&unit);
    }
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    rest.len() < text.len()
        && [
            "min read",
            "mins read",
            "min. read",
            "minute read",
            "minutes read",
            "min reading time",
        ]
        .contains(&rest)
}

/// Addresses written out as text under an article ("Article Sources:" and a column
/// of URLs): a reader follows a link, nobody reads its address. A URL inside a
/// sentence stays; only blocks holding nothing else go.
const BARE_ADDRESSES: LeafBlocks = LeafBlocks {
    max_chars: MAX_BARE_ADDRESS_CHARS,
    hints: &ADDRESS_HINTS,
    matches: is_bare_addresses,
};

/// Longest block [`BARE_ADDRESSES`] considers (a dozen long addresses).
const MAX_BARE_ADDRESS_CHARS: u32 = 4000;

const ADDRESS_HINTS: Hints = Hints::new(&[b"http", b"www."]);

/// Text made only of web addresses, one or more.
fn is_bare_addresses(lower: &str) -> bool {
    let mut tokens = lower
        .split_whitespace()
        .map(|t| t.trim_start_matches(['-', '\u{2022}']))
        .filter(|t| !t.is_empty())
        .peekable();
    tokens.peek().is_some()
        && tokens
            .all(|t| t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

/// "12.12.2025", "10/31/2024", "2024-10-31", after an optional "updated" or
/// "published" label: digits in three groups, one of them a year.
fn is_numeric_date(text: &str) -> bool {
    let date = crate::metadata::DATE_LABELS
        .iter()
        .find_map(|label| text.strip_prefix(label))
        .unwrap_or(text)
        .trim_start_matches([':', ' ']);
    let groups: Vec<&str> = date.split(['.', '/', '-']).collect();
    groups.len() == 3
        && groups
            .iter()
            .all(|g| (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().any(|g| g.len() == 4)
}

/// Most words a headline or title has ([`repeats`]).
const MAX_HEADLINE_WORDS: usize = 64;

/// Lower-cased words (runs of letters and digits) of `text`.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a headline's words repeat the title's: the same words, or one holding
/// the other as a run that is at least half of it ("What is Cloud Computing?" in
/// "What is Cloud Computing? | Google Cloud").
fn repeats(headline: &[String], title: &[String]) -> bool {
    // Headlines are short; a long heading is something else (and the run search
    // below is quadratic).
    if headline.len() > MAX_HEADLINE_WORDS || title.len() > MAX_HEADLINE_WORDS {
        return false;
    }
    let holds = |long: &[String], short: &[String]| {
        !short.is_empty()
            && short.len() * 2 >= long.len()
            && long.windows(short.len()).any(|w| w == short)
    };
    holds(title, headline) || holds(headline, title)
}

/// Removes every live element below `root` that `pred` picks, with its subtree
/// (a [`walk_live`] that only drops or descends).
fn drop_where(flat: &Flat<'_>, root: usize, removed: &mut [bool], pred: impl Fn(usize) -> bool) {
    walk_live(flat, root, removed, |i, _| {
        if flat.nodes[i].kind == Kind::Element && pred(i) {
            Visit::Drop
        } else {
            Visit::Descend
        }
    });
}

/// What a [`walk_live`] visitor decides for a node.
enum Visit {
    /// Go on into the node's children.
    Descend,
    /// Leave the node and its subtree as they are, unvisited.
    Skip,
    /// Remove the node with its subtree.
    Drop,
}

/// Visits the live (not removed) nodes below `root` in document order. Removed
/// subtrees are passed over whole, and a node the visitor drops is marked removed
/// at once, so later nodes see an up-to-date `removed` (text flattening skips it).
fn walk_live(
    flat: &Flat<'_>,
    root: usize,
    removed: &mut [bool],
    mut visit: impl FnMut(usize, &[bool]) -> Visit,
) {
    let end = flat.nodes[root].end as usize;
    let mut i = root + 1;
    while i < end {
        let next = flat.nodes[i].end as usize;
        if removed[i] {
            i = next;
            continue;
        }
        match visit(i, removed) {
            Visit::Descend => i += 1,
            Visit::Skip => i = next,
            Visit::Drop => {
                removed[i] = true;
                i = next;
            }
        }
    }
}

fn is_hard_boilerplate(name: &str, attrs: &Attrs<'_>, style_hides: bool) -> bool {
    if is_never_content(name) {
        return true;
    }
    if matches!(name, "body" | "html") {
        return false;
    }
    is_hidden(attrs, style_hides)
        || attrs.role == "dialog"
        || attrs.role == "alertdialog"
        || is_consent_banner(attrs)
}

/// A cookie or data-consent banner (`id="gdpr-banner"`, `class="cookie-notice"`):
/// never content, in any pass; a page whose own text is thin would otherwise pick
/// its long legal paragraph. Both words must sit in one class or id token: a page
/// *about* cookies or consent names its wrappers otherwise.
fn is_consent_banner(attrs: &Attrs<'_>) -> bool {
    const TOPICS: Hints = Hints::new(&[b"cookie", b"consent", b"gdpr"]);
    const SHAPES: Hints = Hints::new(&[
        b"banner", b"notice", b"bar", b"popup", b"modal", b"dialog", b"overlay", b"wall", b"prompt",
    ]);
    // Runs on every element: each token is scanned in place, once per word list.
    attrs
        .class
        .split_ascii_whitespace()
        .chain(std::iter::once(attrs.id))
        .any(|token| token.len() <= 64 && TOPICS.any_in(token) && SHAPES.any_in(token))
}

/// Records what element `i` declares the page to be: schema.org `Product`,
/// `DiscussionForumPosting` as microdata or JSON-LD, or `og:type` product or article.
fn declare(flat: &Flat<'_>, i: usize, attrs: &Attrs<'_>, declared: &mut Declared) {
    match flat.nodes[i].name {
        "meta" if attrs.property.eq_ignore_ascii_case("og:type") => {
            match attrs.content.trim().to_ascii_lowercase().as_str() {
                "product" | "og:product" | "product.item" => declared.product = true,
                "article" => declared.article = true,
                _ => {}
            }
        }
        "meta" => {}
        "script" if attrs.kind.contains("ld+json") => {
            let text = if i + 1 < flat.nodes[i].end as usize {
                flat.text(i + 1)
            } else {
                ""
            };
            if text.contains("@type") {
                // `"@type": "Product"` (or in a type list); "ProductGroup" etc. do not
                // match the closing quote.
                declared.product |= text.contains("\"Product\"");
                declared.discussion |= text.contains("\"DiscussionForumPosting\"");
                // Matched as a type, not as a name ("CommentAction", "name": "Comment").
                declared.thread |= ld_declares(text, "QAPage") || ld_declares(text, "Comment");
            }
        }
        _ if !attrs.itemtype.is_empty() => {
            for kind in attrs.itemtype.split_ascii_whitespace() {
                match kind.trim_end_matches('/').rsplit('/').next() {
                    Some("Product") => declared.product = true,
                    Some("DiscussionForumPosting") => declared.discussion = true,
                    Some("QAPage" | "Comment") => declared.thread = true,
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// Whether JSON-LD `text` has `"@type": "kind"` (alone or in a type list).
fn ld_declares(text: &str, kind: &str) -> bool {
    text.match_indices("\"@type\"").any(|(k, key)| {
        let rest = text[k + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            return false;
        };
        let rest = rest.trim_start();
        let types = match rest.strip_prefix('[') {
            Some(list) => list.split(']').next().unwrap_or(""),
            None => rest.split([',', '}']).next().unwrap_or(""),
        };
        types.split(',').any(|t| t.trim().trim_matches('"') == kind)
    })
}

/// Which vocabularies an element's class/id tokens belong to.
#[derive(Default, Clone, Copy)]
struct ClassWords {
    negative: bool,
    product_negative: bool,
    discussion_negative: bool,
    positive: bool,
    /// The word "product": a main-container word elsewhere, but on a product page
    /// the namespace of every widget (`product-reviews`,
    /// `product-recommendations`), so there it marks nothing.
    product_word: bool,
    banner: bool,
    widget: bool,
}

impl ClassWords {
    /// -1 for boilerplate vocabulary (with no main-container word), +1 for
    /// main-container vocabulary, [`BANNER_ONLY`] / [`WIDGET_ONLY`] for those words
    /// alone, 0 otherwise; what the page `declared` itself to be adds or lifts the
    /// product and discussion words.
    fn weight(self, declared: Declared) -> i8 {
        let product_negative = declared.product && self.product_negative && !self.positive;
        let negative =
            self.negative || product_negative || (!declared.discussion && self.discussion_negative);
        let positive = self.positive || (self.product_word && !product_negative);
        match (negative, self.banner, self.widget, positive) {
            (true, _, _, false) => -1,
            (false, true, _, false) => BANNER_ONLY,
            (false, false, true, false) => WIDGET_ONLY,
            (false, false, false, true) => 1,
            _ => 0,
        }
    }
}

/// Which vocabularies the element's class and id tokens belong to.
///
/// Tokens are the runs of ASCII letters and digits of the class and id (split on `-`,
/// `_`, spaces and anything else), compared lower-cased: "ArticleBody" is
/// "articlebody". Utility-class pages carry dozens of tokens per element, so tokens
/// are compared in place against the few vocabulary words sharing their first letter.
fn class_id_words(attrs: &Attrs<'_>) -> ClassWords {
    let (class, id) = (attrs.class, attrs.id);
    let mut words = ClassWords::default();
    if class.is_empty() && id.is_empty() {
        return words;
    }
    let vocabulary = vocabulary();
    for part in [class, id] {
        let mut tokens = part
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
            .peekable();
        let mut previous: Option<&[u8]> = None;
        while let Some(token) = tokens.next() {
            let Some(&first) = token.first() else {
                continue;
            };
            let before = previous.replace(token);
            if is_compound_content_word(before, token, tokens.peek().copied()) {
                continue;
            }
            let Some(bucket) = vocabulary.get(first.to_ascii_lowercase() as usize) else {
                continue;
            };
            let (mut banner, mut widget, mut negative) = (false, false, false);
            let (mut product_negative, mut discussion_negative) = (false, false);
            for &(word, kind) in bucket {
                let prefix = lower_starts(token, word);
                let exact = prefix && token.len() == word.len();
                match kind {
                    Vocab::Positive => words.positive |= exact,
                    Vocab::ProductWord => words.product_word |= exact,
                    Vocab::Banner => banner |= prefix,
                    Vocab::Widget => widget |= prefix,
                    Vocab::Exact => negative |= exact,
                    Vocab::Prefix => negative |= prefix,
                    Vocab::ProductPrefix => product_negative |= prefix,
                    Vocab::DiscussionPrefix => discussion_negative |= prefix,
                }
            }
            // Banner and widget tokens are judged by their content (see BANNER_ONLY,
            // WIDGET_ONLY), not as plain boilerplate; product words count only where
            // plain ones did not match.
            if banner {
                words.banner = true;
            } else if widget {
                words.widget = true;
            } else if negative {
                words.negative = true;
            } else if product_negative {
                words.product_negative = true;
            } else if discussion_negative {
                words.discussion_negative = true;
            }
        }
    }
    words
}

#[derive(Clone, Copy)]
enum Vocab {
    Prefix,
    Exact,
    Positive,
    ProductWord,
    Banner,
    Widget,
    ProductPrefix,
    DiscussionPrefix,
}

/// Vocabulary words by their first byte.
type VocabTable = [Vec<(&'static [u8], Vocab)>; 128];

/// The class/id vocabulary bucketed by first byte (built once).
fn vocabulary() -> &'static VocabTable {
    static TABLE: std::sync::OnceLock<VocabTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: VocabTable = std::array::from_fn(|_| Vec::new());
        let lists: [(&[&str], Vocab); 8] = [
            (NEGATIVE_PREFIXES, Vocab::Prefix),
            (NEGATIVE_EXACT, Vocab::Exact),
            (POSITIVE, Vocab::Positive),
            (&["product"], Vocab::ProductWord),
            (&["banner", "promo", "cta"], Vocab::Banner),
            (&["widget"], Vocab::Widget),
            (PRODUCT_NEGATIVE_PREFIXES, Vocab::ProductPrefix),
            (DISCUSSION_NEGATIVE_PREFIXES, Vocab::DiscussionPrefix),
        ];
        for (list, kind) in lists {
            for word in list {
                if let Some(&first) = word.as_bytes().first() {
                    if let Some(bucket) = table.get_mut(first as usize) {
                        bucket.push((word.as_bytes(), kind));
                    }
                }
            }
        }
        table
    })
}

/// Words that only look like boilerplate vocabulary: "commentary" (a text's
/// commentary is content, not a comment section), "follow-up(s)" (replies, a
/// company's follow-up service) and "no-follow" (a wrapper that marks its links
/// `rel=nofollow`), not a "follow us" box, "show/read/see/view
/// more" (text collapsed behind a toggle), not a "more stories" box, and "authors"
/// (the list of a paper's or book's authors), not an author bio or byline.
fn is_compound_content_word(before: Option<&[u8]>, token: &[u8], next: Option<&[u8]>) -> bool {
    lower_starts(token, b"commentar")
        || lower_eq(token, b"authors")
        // A component's own header ("pane-header-alignment-left", "card-header"),
        // not the site's.
        || (lower_eq(token, b"header")
            && before.is_some_and(|b| {
                [
                    b"pane".as_slice(),
                    b"panel",
                    b"card",
                    b"accordion",
                    b"tab",
                    b"table",
                    b"item",
                    b"expandable",
                    b"collapsible",
                    b"collapse",
                    b"toggle",
                    b"faq",
                    b"question",
                    b"disclosure",
                ]
                .iter()
                .any(|w| lower_eq(b, w))
            }))
        // A layout with a sidebar ("layout-sidebar-left", "has-sidebar") holds the
        // page beside it.
        || (lower_eq(token, b"sidebar")
            && before.is_some_and(|b| {
                [b"layout".as_slice(), b"with", b"has"]
                    .iter()
                    .any(|w| lower_eq(b, w))
            }))
        || (lower_eq(token, b"follow")
            && (next.is_some_and(|n| lower_eq(n, b"up") || lower_eq(n, b"ups"))
                || before.is_some_and(|b| lower_eq(b, b"no"))))
        || (lower_eq(token, b"more")
            && before.is_some_and(|b| {
                [b"show".as_slice(), b"read", b"see", b"view"]
                    .iter()
                    .any(|w| lower_eq(b, w))
            }))
}

/// `token` lower-cased equals `word`.
fn lower_eq(token: &[u8], word: &[u8]) -> bool {
    token.len() == word.len()
        && token
            .iter()
            .zip(word)
            .all(|(t, w)| t.to_ascii_lowercase() == *w)
}

/// Whether `token` starts with the lower-case `word`, ignoring ASCII case.
fn lower_starts(token: &[u8], word: &[u8]) -> bool {
    token.len() >= word.len() && lower_eq(&token[..word.len()], word)
}

/// Whether `token` ends with the lower-case `word`, ignoring ASCII case.
fn lower_ends(token: &[u8], word: &[u8]) -> bool {
    token.len() >= word.len() && lower_eq(&token[token.len() - word.len()..], word)
}

#[cfg(test)]
mod tests {
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
            .map(|i| {
                format!("<li><a href=/p{i}>Popular story number {i} with a long title</a></li>")
            })
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
        let html = format!(
            "<body><main><h1>Socks</h1><div class=grid>{facets}{items}</div></main></body>"
        );
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
            .map(|i| {
                format!("<p>Jane Doe is the author of book {i}, a story of rivers and towns.</p>")
            })
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
                format!(
                    "<section><h2>Part {i}</h2><p>{i}a: {PARA}</p><p>{i}b: {PARA}</p></section>"
                )
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
            .map(|i| {
                format!("<div class=event><h3>Walk {i}</h3><p>Meet at the old mill.</p></div>")
            })
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
    fn pages_hidden_until_scripts_run_are_read_anyway() {
        let html = format!(
            "<body><div style=\"visibility:hidden; min-height:100vh\"><main>{}</main></div>\
             <div style=\"display:none\"><p>Loading spinner text.</p></div></body>",
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
        let text =
            extract_text("<body><main><h2>Coming soon</h2><h3>Spring 2027</h3></main></body>");
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
        let link = |k: usize| {
            format!("<li><a href=/s{k}>How the town moved its market, part {k}</a></li>")
        };
        let list: String = (0..4).map(link).collect();
        let more: String = (0..4)
            .map(|k| {
                format!("<li><a href=/m{k}>What the mayor said about the flood, day {k}</a></li>")
            })
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
}
