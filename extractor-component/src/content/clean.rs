//! Step 4, cleaning the selected region: the menus, bylines, teasers, cards, share
//! bars, controls and repeats left inside it.

use super::*;

/// Share of a region's paragraph text the element [`Analysis::prose_container`]
/// picks must hold.
const MIN_BODY_SHARE: f32 = 0.8;

const MIN_BODY_PROSE: f32 = 0.5;

/// Most single-child wrappers [`Analysis::widget_run`] looks through.
const MAX_WIDGET_WRAPPERS: usize = 4;

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

/// Text between two copies of a poster's name from which they head two posts.
const MIN_POST_CHARS: u32 = 100;

/// A poster's name is a few words.
const MAX_POSTER_NAME_CHARS: u32 = 40;

/// Shortest block text that counts as a repeat when it recurs.
const MIN_REPEAT_CHARS: usize = 20;

/// A single paragraph this long that recurs is a copy, not a recurring attribute line.
const MIN_REPEAT_PARAGRAPH: usize = 150;

/// Longest post subject line [`Analysis::drop_reply_subjects`] considers.
const MAX_SUBJECT_CHARS: u32 = 150;

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

/// Longest teaser line ([`Analysis::drop_teaser_lines`]): a label and a headline.
const MAX_TEASER_LINE_CHARS: u32 = 180;

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

/// Longest link text [`Analysis::drop_account_links`] drops.
const MAX_ACCOUNT_LINK_CHARS: u32 = 40;

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

/// An article's dateline and reading time, shown above or below its body: the
/// page's `published` field carries the date.
const DATELINES: LeafBlocks = LeafBlocks {
    max_chars: 40,
    hints: &DIGITS,
    matches: is_dateline,
};

/// Addresses written out as text under an article ("Article Sources:" and a column
/// of URLs): a reader follows a link, nobody reads its address. A URL inside a
/// sentence stays; only blocks holding nothing else go.
const BARE_ADDRESSES: LeafBlocks = LeafBlocks {
    max_chars: MAX_BARE_ADDRESS_CHARS,
    hints: &ADDRESS_HINTS,
    matches: is_bare_addresses,
};

impl<'f, 'a> Analysis<'f, 'a> {
    /// Removes link-dense and furniture leftovers inside the chosen region.
    pub(super) fn clean(&self, root: usize, mut removed: Vec<bool>, totals: &Totals) -> Vec<bool> {
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
}
