//! The class/id vocabulary: which class and id words mark boilerplate, content,
//! page types and poster panels, and the table that reads them from an element.

use super::*;

/// Page furniture by tag.
pub(super) const STRUCTURAL: &[&str] = &["nav", "header", "footer", "aside", "menu"];

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
pub(super) const BANNER_ONLY: i8 = -2;

/// Class/id weight of an element whose only boilerplate word is "widget": a sidebar
/// box of links, or a page builder's content block (Elementor, HubSpot modules).
/// Which one is decided by whether it reads as prose.
pub(super) const WIDGET_ONLY: i8 = -3;

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

/// Whole headings of the list of sources under an article: its apparatus, not its
/// text (unlike "Sources of vitamin D", which is a section of the text).
pub(super) const SOURCE_HEADINGS: &[&str] = &[
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

/// Headings that introduce page furniture rather than content (matched as a prefix of
/// the lower-cased heading text).
pub(super) const FURNITURE_HEADINGS: &[&str] = &[
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
pub(super) const CROSS_SELL_PHRASES: &[&str] = &[
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
pub(super) const UI_PHRASES: &[&str] = &[
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

/// Whether a class list names a title or heading style (`section-title`,
/// `heading-latest`, `widgetTitle`).
pub(super) fn names_a_title(class: &str) -> bool {
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

/// Whether the class/id names a poster panel (see [`POSTER_TOKENS`]).
pub(super) fn is_poster_panel(class: &str, id: Option<&str>) -> bool {
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

/// Whether the class/id has a facet/filter token (`facets`, `filter-group`,
/// `plp-filters`).
pub(super) fn names_facet(class: &str, id: Option<&str>) -> bool {
    class.split_whitespace().chain(id).any(|raw| {
        raw.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|token| {
                lower_starts(token.as_bytes(), b"facet")
                    || lower_starts(token.as_bytes(), b"filter")
            })
    })
}

/// Which vocabularies an element's class/id tokens belong to.
#[derive(Default, Clone, Copy)]
pub(super) struct ClassWords {
    pub(super) negative: bool,
    pub(super) product_negative: bool,
    pub(super) discussion_negative: bool,
    pub(super) positive: bool,
    /// The word "product": a main-container word elsewhere, but on a product page
    /// the namespace of every widget (`product-reviews`,
    /// `product-recommendations`), so there it marks nothing.
    pub(super) product_word: bool,
    pub(super) banner: bool,
    pub(super) widget: bool,
}

impl ClassWords {
    /// -1 for boilerplate vocabulary (with no main-container word), +1 for
    /// main-container vocabulary, [`BANNER_ONLY`] / [`WIDGET_ONLY`] for those words
    /// alone, 0 otherwise; what the page `declared` itself to be adds or lifts the
    /// product and discussion words.
    pub(super) fn weight(self, declared: Declared) -> i8 {
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
pub(super) fn class_id_words(attrs: &Attrs<'_>) -> ClassWords {
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
pub(super) fn lower_starts(token: &[u8], word: &[u8]) -> bool {
    token.len() >= word.len() && lower_eq(&token[..word.len()], word)
}

/// Whether `token` ends with the lower-case `word`, ignoring ASCII case.
pub(super) fn lower_ends(token: &[u8], word: &[u8]) -> bool {
    token.len() >= word.len() && lower_eq(&token[token.len() - word.len()..], word)
}
