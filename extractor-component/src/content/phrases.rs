//! Text predicates: what a short run of text says (a notice, a call to action, a
//! credit, a date line, a price), read from its words, not its markup.

use super::*;

/// Longest block [`REPLY_GATES`] considers.
pub(super) const MAX_REPLY_GATE_CHARS: u32 = 160;

/// Words an account action needs ("log", "sign", "register", "account", "member").
pub(super) const ACCOUNT_HINTS: Hints =
    Hints::new(&[b"log", b"sign", b"regist", b"account", b"member"]);

/// Whether `text` (lower-cased) asks the reader to log in or register in order to
/// take part in a discussion.
pub(super) fn is_reply_gate(text: &str) -> bool {
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
pub(super) fn is_page_position(text: &str) -> bool {
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!(
        text.split(' ').collect::<Vec<_>>().as_slice(),
        ["page", n, "of", m] if number(n) && number(m)
    )
}

/// Whether `text` (lower-cased, single-spaced) is only counters: numbers each paired
/// with a [`COUNTER_WORDS`] label, in either order ("6 likes", "replies 154",
/// "12 posts 5 posters 3.2k views").
pub(super) fn is_labelled_count(text: &str) -> bool {
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
pub(super) fn is_quote(flat: &Flat<'_>, i: usize) -> bool {
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
pub(super) fn push_folded(out: &mut String, text: &str) {
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

/// A form's status message, shown by script after a submit and hidden until then:
/// "Oops! Something went wrong while submitting the form", "Thank you! Your
/// submission has been received!", "Thank you for subscribing".
/// A button sending the reader to a retailer ("Check price at Amazon", "See price
/// at REI (on sale!)", "View at Best Buy") or asking them to follow the site on a
/// search engine ("Add us as a preferred source on Google").
pub(super) fn is_shop_button(lower: &str) -> bool {
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
pub(super) fn is_closed_thread_status(phrase: &str) -> bool {
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
pub(super) fn is_loading_placeholder(lower: &str) -> bool {
    lower
        .strip_suffix("...")
        .or_else(|| lower.strip_suffix('\u{2026}'))
        .and_then(|rest| rest.strip_prefix("loading"))
        .is_some_and(|rest| {
            (rest.is_empty() || rest.starts_with(' ')) && rest.split_whitespace().count() <= 2
        })
}

/// Most words of a [`is_shop_button`] line ("Check price at Amazon (on sale!)").
const MAX_SHOP_BUTTON_WORDS: usize = 8;

/// Whether a line opens with a teaser's label ("Related:", "Also read:").
pub(super) fn is_teaser_label(lower: &str) -> bool {
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

pub(super) fn is_form_status(lower: &str) -> bool {
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
pub(super) fn is_permalink_mark(squashed: &str) -> bool {
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

pub(super) fn is_jump_phrase(squashed: &str) -> bool {
    ["skip to", "skip navigation", "jump to"]
        .iter()
        .any(|p| squashed.starts_with(p))
}

/// A poster panel's statistics line (`text` lower-cased): "Join Date: Mar 2016",
/// "Posts: 1,077", "Registered: 2024-01-27", or the label alone before its value
/// ("Messages:", "Trophy Points:").
pub(super) fn is_member_stat(text: &str) -> bool {
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
pub(super) fn is_read_on_phrase(squashed: &str) -> bool {
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
pub(super) fn is_back_link_phrase(squashed: &str) -> bool {
    ["back to ", "return to ", "go back to "]
        .iter()
        .find_map(|lead| squashed.strip_prefix(lead))
        .is_some_and(|place| !place.is_empty() && place.split(' ').count() <= 3)
}

/// Whether element `i` is or holds a link to a place on the same page (`href="#…"`).
pub(super) fn holds_in_page_link(flat: &Flat<'_>, i: usize) -> bool {
    (i..flat.nodes[i].end as usize).any(|k| {
        flat.nodes[k].name == "a" && flat.attr(k, "href").is_some_and(|h| h.starts_with('#'))
    })
}

/// Longest block [`NOTICES`] considers.
pub(super) const MAX_NOTICE_CHARS: u32 = 300;

/// Words without which a block cannot be a notice ([`is_notice`]).
pub(super) const NOTICE_HINTS: Hints = Hints::new(&[
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
pub(super) fn is_notice(text: &str) -> bool {
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
pub(super) const MAX_CREDIT_CHARS: u32 = 100;

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
pub(super) const CREDIT_HINTS: Hints = Hints::new(&[
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
pub(super) fn is_photo_credit(text: &str) -> bool {
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
pub(super) fn has_price(text: &str) -> bool {
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

/// A line asking the reader to act: join, subscribe, get in touch, book, request,
/// talk to someone, donate or support the site, or a "Ready to…?" / "Want to…?"
/// pitch.
pub(super) fn is_call_to_action(lower: &str) -> bool {
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

/// An address whose path names one of the site's service pages ("/login",
/// "/user/register", "wp-login.php", "?action=signup", "/cart", "/privacy-policy").
pub(super) fn is_account_address(href: &str) -> bool {
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

/// What a link to a social network is, by its address.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SocialLink {
    /// A share or submit address ("facebook.com/sharer", "twitter.com/intent/tweet",
    /// "pinterest.com/pin/create").
    Share,
    /// A profile address, the links of a "Follow us" bar. (Video links are left
    /// out: a post of two videos is content.)
    Profile,
}

pub(super) fn social_link(href: &str) -> Option<SocialLink> {
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

/// A label rather than a sentence: up to four words and 48 characters, without the
/// closing punctuation of a sentence.
pub(super) fn is_short_label(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.len() <= 48
        && text.split_whitespace().count() <= 4
        && !text.ends_with(['.', '!', '?', ',', ';', ')', '"', '\u{201d}', '\u{2026}'])
}

/// What [`Analysis::drop_leaf_blocks`] looks for: leaf blocks up to `max_chars`
/// whose text `matches`, after a cheap check of `hints` on the raw text.
pub(super) struct LeafBlocks {
    pub(super) max_chars: u32,
    pub(super) hints: &'static Hints,
    pub(super) matches: fn(&str) -> bool,
}

/// Words, one of which (ASCII case-insensitive) a text must hold before a rule
/// looks closer. For each byte the list tables which words start with it, so one
/// pass over the text compares only those words, only where one can begin.
pub(super) struct Hints {
    words: &'static [&'static [u8]],
    /// Bit `w` of `starts[b]`: word `w` starts with byte `b` (in either case).
    starts: [u32; 256],
}

impl Hints {
    pub(super) const fn new(words: &'static [&'static [u8]]) -> Hints {
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
    pub(super) fn any_in(&self, text: &str) -> bool {
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

pub(super) const SHOP_HINTS: Hints = Hints::new(&[b"checkout", b"results", b"products", b"items"]);

pub(super) fn is_shop_notice(lower: &str) -> bool {
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

pub(super) const UPDATE_HINTS: Hints =
    Hints::new(&[b"updated", b"modified", b"reviewed", b"edited"]);

pub(super) fn is_update_note(lower: &str) -> bool {
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

pub(super) const CREDIT_LINE_HINTS: Hints = Hints::new(&[b"by"]);

pub(super) fn is_credit_line(lower: &str) -> bool {
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

pub(super) const DIGITS: Hints =
    Hints::new(&[b"0", b"1", b"2", b"3", b"4", b"5", b"6", b"7", b"8", b"9"]);

/// A date and nothing else, after an optional label ("Updated on July 9, 2025",
/// "12.12.2025"), or a reading time ("16 min read"), or several of them in a row
/// ("Dec 12, 2025 · 5 min read"). Beside a reading time one part may be the
/// author's name ("Bridgestone Team | 5 min read").
pub(super) fn is_dateline(lower: &str) -> bool {
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

/// Longest block [`BARE_ADDRESSES`] considers (a dozen long addresses).
pub(super) const MAX_BARE_ADDRESS_CHARS: u32 = 4000;

pub(super) const ADDRESS_HINTS: Hints = Hints::new(&[b"http", b"www."]);

/// Text made only of web addresses, one or more.
pub(super) fn is_bare_addresses(lower: &str) -> bool {
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
pub(super) fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a headline's words repeat the title's: the same words, or one holding
/// the other as a run that is at least half of it ("What is Cloud Computing?" in
/// "What is Cloud Computing? | Google Cloud").
pub(super) fn repeats(headline: &[String], title: &[String]) -> bool {
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
