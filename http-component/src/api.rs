//! The HTTP API's rules, free of any wasi type so they are tested natively: routing,
//! request decoding, response shaping and the error → status mapping of
//! CONVENTIONS.md.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Largest request body accepted (CONVENTIONS: 413 past 10 MiB).
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;
/// Largest page /crawl downloads.
pub const MAX_FETCH_BYTES: usize = 10 * 1024 * 1024;
/// Redirects /crawl follows, each checked against the outbound policy.
pub const MAX_REDIRECTS: usize = 5;

/// Which handler a request goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Extract,
    Validate,
    Health,
    Info,
    Crawl,
}

/// Resolves method + path to a route, or the error that explains why not.
pub fn route(method: &str, path: &str) -> Result<Route, ApiError> {
    let (route, allowed) = match path.trim_end_matches('/') {
        "/extract" => (Route::Extract, "POST"),
        "/validate" => (Route::Validate, "POST"),
        "/crawl" => (Route::Crawl, "POST"),
        "/health" => (Route::Health, "GET"),
        "/info" => (Route::Info, "GET"),
        _ => return Err(ApiError::not_found(path)),
    };
    if method == allowed || (allowed == "GET" && method == "HEAD") {
        Ok(route)
    } else {
        Err(ApiError::method_not_allowed(method, allowed))
    }
}

/// An error answered as `{"error": {"kind", "message", "retryable"}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub kind: &'static str,
    pub message: String,
    pub retryable: bool,
    /// The `Allow` header for 405s.
    pub allow: Option<&'static str>,
}

impl ApiError {
    fn new(status: u16, kind: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            kind,
            message: message.into(),
            retryable: false,
            allow: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(400, "invalid-request", message)
    }

    pub fn not_found(path: &str) -> Self {
        Self::new(404, "not-found", format!("no route for {path}"))
    }

    pub fn method_not_allowed(method: &str, allowed: &'static str) -> Self {
        let mut e = Self::new(
            405,
            "method-not-allowed",
            format!("{method} is not allowed here; use {allowed}"),
        );
        e.allow = Some(allowed);
        e
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            413,
            "payload-too-large",
            format!("request body is over the {limit}-byte limit"),
        )
    }

    pub fn unsupported_media(content_type: &str) -> Self {
        Self::new(
            415,
            "unsupported-media-type",
            format!(
                "content type {content_type:?} is not accepted; send application/json or text/html"
            ),
        )
    }

    pub fn fetch_failed(message: impl Into<String>) -> Self {
        let mut e = Self::new(502, "network-error", message);
        e.retryable = true;
        e
    }

    /// Maps an extractor error (its WIT case name and message) onto HTTP.
    pub fn from_extraction(kind: &'static str, message: String) -> Self {
        let (status, retryable) = match kind {
            // The caller's input: fix it, don't retry it.
            "invalid-html" | "unsupported-mode" => (400, false),
            "network-error" => (502, true),
            "internal-error" => (500, false),
            // parse-error, resource-limit, extractor-error: the page could not be extracted.
            _ => (422, false),
        };
        let mut e = Self::new(status, kind, message);
        e.retryable = retryable;
        e
    }

    pub fn body(&self) -> Vec<u8> {
        json!({"error": {"kind": self.kind, "message": self.message, "retryable": self.retryable}})
            .to_string()
            .into_bytes()
    }
}

/// The extraction mode as the API spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiMode {
    Article,
    Full,
    Metadata,
    Custom(Vec<String>),
}

/// Reads `"article" | "full" | "metadata" | {"custom": [...]}`; absent means article.
pub fn parse_mode(value: Option<&Value>) -> Result<ApiMode, ApiError> {
    let unsupported = |what: String| {
        ApiError::new(
            400,
            "unsupported-mode",
            format!(
                "unknown mode {what}; use \"article\", \"full\", \"metadata\" or {{\"custom\": [\"css selector\", ...]}}"
            ),
        )
    };
    match value {
        None | Some(Value::Null) => Ok(ApiMode::Article),
        Some(Value::String(s)) => parse_mode_name(s).ok_or_else(|| unsupported(format!("{s:?}"))),
        Some(Value::Object(map)) => match map.get("custom") {
            Some(Value::Array(items)) if map.len() == 1 => {
                let selectors = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| ApiError::bad_request("custom selectors must be strings"))?;
                if selectors.is_empty() {
                    return Err(ApiError::bad_request(
                        "custom mode needs at least one selector",
                    ));
                }
                Ok(ApiMode::Custom(selectors))
            }
            _ => Err(unsupported(Value::Object(map.clone()).to_string())),
        },
        Some(other) => Err(unsupported(other.to_string())),
    }
}

fn parse_mode_name(name: &str) -> Option<ApiMode> {
    match name {
        "article" => Some(ApiMode::Article),
        "full" => Some(ApiMode::Full),
        "metadata" => Some(ApiMode::Metadata),
        _ => None,
    }
}

/// A decoded /extract or /validate request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractRequest {
    pub html: String,
    pub url: String,
    pub mode: ApiMode,
}

/// A decoded /crawl request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlRequest {
    pub url: url::Url,
    pub mode: ApiMode,
}

/// What the body is, from its Content-Type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Html,
}

/// `type/subtype` of a media type, lower-cased, parameters dropped.
fn media_type_essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// JSON unless it says HTML; anything else named is refused with 415.
pub fn body_kind(content_type: Option<&str>) -> Result<BodyKind, ApiError> {
    let Some(ct) = content_type else {
        return Ok(BodyKind::Json);
    };
    match media_type_essence(ct).as_str() {
        "" | "application/json" => Ok(BodyKind::Json),
        "text/html" | "application/xhtml+xml" => Ok(BodyKind::Html),
        _ => Err(ApiError::unsupported_media(ct)),
    }
}

/// The value of `key` in a query string, percent-decoded.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// Checks a page URL given by the client: absent is allowed (relative links then stay
/// unresolved), present must be absolute http(s).
pub fn check_page_url(url: &str) -> Result<String, ApiError> {
    if url.is_empty() {
        return Ok(String::new());
    }
    let parsed = url::Url::parse(url)
        .map_err(|e| ApiError::bad_request(format!("url {url:?} is not a valid URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(ApiError::bad_request(format!(
            "url {url:?} must be http or https"
        )));
    }
    Ok(parsed.to_string())
}

fn utf8(body: Vec<u8>) -> Result<String, ApiError> {
    String::from_utf8(body).map_err(|e| {
        ApiError::bad_request(format!(
            "body is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[derive(Deserialize)]
struct ExtractBody {
    html: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    mode: Option<Value>,
}

/// Decodes an /extract or /validate body in either accepted shape.
pub fn parse_extract(
    kind: BodyKind,
    body: Vec<u8>,
    query: &str,
) -> Result<ExtractRequest, ApiError> {
    let (html, url, mode) = match kind {
        BodyKind::Json => {
            if body.iter().all(u8::is_ascii_whitespace) {
                return Err(ApiError::bad_request(
                    "empty body; send {\"html\": \"...\", \"url\": \"...\"}",
                ));
            }
            let parsed: ExtractBody = serde_json::from_slice(&body)
                .map_err(|e| ApiError::bad_request(format!("body is not valid JSON: {e}")))?;
            let html = parsed
                .html
                .ok_or_else(|| ApiError::bad_request("missing field \"html\""))?;
            let mode = parse_mode(parsed.mode.as_ref())?;
            (html, parsed.url.unwrap_or_default(), mode)
        }
        BodyKind::Html => {
            let html = utf8(body)?;
            let mode = match query_param(query, "mode") {
                Some(m) => parse_mode(Some(&Value::String(m)))?,
                None => ApiMode::Article,
            };
            (html, query_param(query, "url").unwrap_or_default(), mode)
        }
    };
    if html.trim().is_empty() {
        return Err(ApiError::new(400, "invalid-html", "html is empty"));
    }
    let url = check_page_url(&url)?;
    Ok(ExtractRequest { html, url, mode })
}

#[derive(Deserialize)]
struct CrawlBody {
    url: Option<String>,
    #[serde(default)]
    mode: Option<Value>,
}

/// Decodes a /crawl body and applies the outbound policy to its URL.
pub fn parse_crawl(body: &[u8]) -> Result<CrawlRequest, ApiError> {
    let parsed: CrawlBody = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("body is not valid JSON: {e}")))?;
    let raw = parsed
        .url
        .ok_or_else(|| ApiError::bad_request("missing field \"url\""))?;
    let url = url::Url::parse(&raw)
        .map_err(|e| ApiError::bad_request(format!("url {raw:?} is not a valid URL: {e}")))?;
    check_outbound(&url)?;
    Ok(CrawlRequest {
        url,
        mode: parse_mode(parsed.mode.as_ref())?,
    })
}

/// The outbound policy this component can check by itself: http(s) only, and no
/// literal private, loopback, link-local or otherwise non-public address. Names that
/// resolve to such addresses are the host's to refuse (it does the DNS lookup).
pub fn check_outbound(url: &url::Url) -> Result<(), ApiError> {
    let refuse = |why: &str| {
        ApiError::new(
            400,
            "invalid-request",
            format!("refusing to fetch {url}: {why}"),
        )
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("only http and https are fetched"));
    }
    match url.host() {
        None => Err(refuse("no host")),
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            if d == "localhost" || d.ends_with(".localhost") || d.ends_with(".local") {
                Err(refuse("local names are not fetched"))
            } else {
                Ok(())
            }
        }
        Some(url::Host::Ipv4(ip)) => {
            if is_public_v4(ip) {
                Ok(())
            } else {
                Err(refuse("not a public address"))
            }
        }
        Some(url::Host::Ipv6(ip)) => {
            let public = match ip.to_ipv4_mapped() {
                Some(v4) => is_public_v4(v4),
                None => is_public_v6(ip),
            };
            if public {
                Ok(())
            } else {
                Err(refuse("not a public address"))
            }
        }
    }
}

pub fn is_public_v4(ip: std::net::Ipv4Addr) -> bool {
    let o = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || o[0] == 0
        // 100.64.0.0/10, carrier-grade NAT
        || (o[0] == 100 && (o[1] & 0xc0) == 64)
        // 198.18.0.0/15, benchmarking
        || (o[0] == 198 && (o[1] & 0xfe) == 18)
        || o[0] >= 240)
}

pub fn is_public_v6(ip: std::net::Ipv6Addr) -> bool {
    let s = ip.segments();
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        // fc00::/7 unique local
        || (s[0] & 0xfe00) == 0xfc00
        // fe80::/10 link-local
        || (s[0] & 0xffc0) == 0xfe80
        // 2001:db8::/32 documentation
        || (s[0] == 0x2001 && s[1] == 0x0db8))
}

/// What the client asked the extraction back as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Representation {
    Json,
    Markdown,
    Text,
}

/// Picks the representation from `Accept`: the first of text/markdown, text/plain or
/// JSON it names; JSON when it names none.
pub fn representation(accept: Option<&str>) -> Representation {
    let Some(accept) = accept else {
        return Representation::Json;
    };
    for part in accept.split(',') {
        match media_type_essence(part).as_str() {
            "text/markdown" | "text/x-markdown" => return Representation::Markdown,
            "text/plain" => return Representation::Text,
            "application/json" | "*/*" | "application/*" => return Representation::Json,
            _ => {}
        }
    }
    Representation::Json
}

/// The `extracted-content` record as the API's JSON (snake_case keys, null options).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContentJson {
    pub url: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published_iso: Option<String>,
    pub markdown: String,
    pub text: String,
    pub links: Vec<String>,
    pub media: Vec<String>,
    pub language: Option<String>,
    pub reading_time: Option<u32>,
    pub quality_score: Option<u8>,
    pub word_count: Option<u32>,
    pub categories: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
}

/// The `extraction-stats` record as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatsJson {
    pub processing_time_ms: u64,
    pub memory_used: u64,
    pub nodes_processed: Option<u32>,
    pub links_found: u32,
    pub images_found: u32,
}

/// Decodes a fetched page's bytes: the charset from Content-Type, else from a `<meta>`
/// in the first KiB, else UTF-8; undecodable bytes become U+FFFD.
pub fn decode_page(bytes: &[u8], content_type: Option<&str>) -> String {
    let from_header = content_type.and_then(charset_param);
    let from_meta = || {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
        let at = head.find("charset=")?;
        let rest = head[at + 8..].trim_start_matches(['"', '\'']);
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        Some(rest[..end].to_string())
    };
    let label = from_header.or_else(from_meta);
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_methods() {
        assert_eq!(route("POST", "/extract"), Ok(Route::Extract));
        assert_eq!(route("GET", "/health/"), Ok(Route::Health));
        assert_eq!(route("GET", "/nope").map_err(|e| e.status), Err(404));
        let e = route("GET", "/extract").unwrap_err();
        assert_eq!((e.status, e.allow), (405, Some("POST")));
    }

    #[test]
    fn modes() {
        assert_eq!(parse_mode(None), Ok(ApiMode::Article));
        assert_eq!(parse_mode(Some(&json!("full"))), Ok(ApiMode::Full));
        assert_eq!(
            parse_mode(Some(&json!({"custom": ["h1", "p.x"]}))),
            Ok(ApiMode::Custom(vec!["h1".into(), "p.x".into()]))
        );
        let e = parse_mode(Some(&json!("summary"))).unwrap_err();
        assert_eq!((e.status, e.kind), (400, "unsupported-mode"));
        assert_eq!(
            parse_mode(Some(&json!({"custom": []}))).unwrap_err().status,
            400
        );
        assert_eq!(
            parse_mode(Some(&json!(7))).unwrap_err().kind,
            "unsupported-mode"
        );
    }

    #[test]
    fn extract_bodies() {
        let r = parse_extract(
            BodyKind::Json,
            br#"{"html":"<p>hi</p>","url":"https://a.example/x","mode":"metadata"}"#.to_vec(),
            "",
        )
        .unwrap();
        assert_eq!(r.mode, ApiMode::Metadata);
        assert_eq!(r.url, "https://a.example/x");

        let r = parse_extract(
            BodyKind::Html,
            b"<p>hi</p>".to_vec(),
            "url=https%3A%2F%2Fb.example%2F&mode=full",
        )
        .unwrap();
        assert_eq!(
            (r.url.as_str(), r.mode),
            ("https://b.example/", ApiMode::Full)
        );

        for (kind, body, status) in [
            (BodyKind::Json, &b""[..], 400),
            (BodyKind::Json, b"{not json", 400),
            (BodyKind::Json, br#"{"url":"https://a.example"}"#, 400),
            (BodyKind::Json, br#"{"html":"  "}"#, 400),
            (
                BodyKind::Json,
                br#"{"html":"<p>x</p>","url":"not a url"}"#,
                400,
            ),
            (
                BodyKind::Json,
                br#"{"html":"<p>x</p>","url":"ftp://a.example/"}"#,
                400,
            ),
            (BodyKind::Html, b"<p>\xff\xfe</p>", 400),
        ] {
            let e = parse_extract(kind, body.to_vec(), "").unwrap_err();
            assert_eq!(e.status, status, "{:?}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(body_kind(None), Ok(BodyKind::Json));
        assert_eq!(
            body_kind(Some("text/html; charset=utf-8")),
            Ok(BodyKind::Html)
        );
        assert_eq!(body_kind(Some("image/png")).unwrap_err().status, 415);
    }

    #[test]
    fn outbound_policy() {
        let ok = |u: &str| check_outbound(&url::Url::parse(u).unwrap()).is_ok();
        assert!(ok("https://example.com/a"));
        assert!(ok("http://93.184.216.34/"));
        for bad in [
            "file:///etc/passwd",
            "http://127.0.0.1:8080/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://localhost/",
            "http://printer.local/",
            "http://0.0.0.0/",
            "http://100.64.0.1/",
        ] {
            assert!(!ok(bad), "{bad} should be refused");
        }
    }

    #[test]
    fn accept_header() {
        assert_eq!(representation(None), Representation::Json);
        assert_eq!(
            representation(Some("text/markdown")),
            Representation::Markdown
        );
        assert_eq!(
            representation(Some("text/plain;q=0.9, application/json")),
            Representation::Text
        );
        assert_eq!(representation(Some("image/*")), Representation::Json);
    }

    #[test]
    fn error_mapping() {
        assert_eq!(
            ApiError::from_extraction("invalid-html", String::new()).status,
            400
        );
        assert_eq!(
            ApiError::from_extraction("extractor-error", String::new()).status,
            422
        );
        let e = ApiError::from_extraction("network-error", "x".into());
        assert!(e.retryable);
        let v: Value = serde_json::from_slice(&e.body()).unwrap();
        assert_eq!(v["error"]["kind"], "network-error");
    }

    #[test]
    fn page_decoding() {
        assert_eq!(
            decode_page(b"caf\xe9", Some("text/html; charset=ISO-8859-1")),
            "café"
        );
        let meta = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert!(decode_page(meta, Some("text/html")).contains("café"));
        assert_eq!(decode_page("café".as_bytes(), None), "café");
    }
}
