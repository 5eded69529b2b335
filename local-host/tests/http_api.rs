//! The HTTP API of the composed app (target/riptide.wasm) served by
//! `riptide serve`: every route and error status in CONVENTIONS.md, and the
//! server keeps serving after each error.

mod common;
use common::{article_html, request, Server};
use serde_json::json;

const PAGE_URL: &str = "https://coastal.example/notes/rip-currents";

/// A server per test: a static one would never be dropped, and its child
/// process would outlive the test binary. Starts are cheap on a cache hit.
fn server() -> Server {
    Server::start("riptide.wasm", &[])
}

fn extract_ok(s: &Server) {
    let r = s.post_json(
        "/extract",
        &json!({"html": article_html(), "url": PAGE_URL, "mode": "article"}),
    );
    assert_eq!(r.status, 200, "server stopped serving: {}", r.text());
}

fn assert_error(r: &common::Resp, status: u16) {
    assert_eq!(r.status, status, "body: {}", r.text());
    let v = r.json();
    assert!(v["error"]["kind"].is_string(), "{v}");
    assert!(v["error"]["message"].is_string(), "{v}");
    assert!(v["error"]["retryable"].is_boolean(), "{v}");
}

#[test]
fn extract_article_json() {
    let s = &server();
    let r = s.post_json(
        "/extract",
        &json!({"html": article_html(), "url": PAGE_URL, "mode": "article"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.header("x-request-id").is_some(),
        "every response carries a request id"
    );
    let v = r.json();
    common::assert_rip_article(&v);
    let text = v["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("Paragraph 3 of the tidal report"),
        "text: {text}"
    );
    assert!(
        !text.contains("All rights reserved"),
        "footer leaked into the article: {text}"
    );
    assert_eq!(v["url"], PAGE_URL);
    let links: Vec<&str> = v["links"]
        .as_array()
        .map(|a| a.iter().filter_map(|l| l.as_str()).collect())
        .unwrap_or_default();
    assert!(
        links.contains(&"https://coastal.example/data/tides.csv"),
        "links: {links:?}"
    );
    assert!(
        v["word_count"].as_u64().unwrap_or(0) > 100,
        "{}",
        v["word_count"]
    );
    // snake_case keys, absent options are null rather than missing
    for key in [
        "published_iso",
        "reading_time",
        "quality_score",
        "site_name",
    ] {
        assert!(v.get(key).is_some(), "missing key {key} in {v}");
    }
}

#[test]
fn extract_markdown_and_text_by_accept() {
    let s = &server();
    let body = json!({"html": article_html(), "url": PAGE_URL}).to_string();
    let md = request(
        s.addr,
        "POST",
        "/extract",
        &[
            ("content-type", "application/json"),
            ("accept", "text/markdown"),
        ],
        body.as_bytes(),
    );
    assert_eq!(md.status, 200, "{}", md.text());
    assert!(md
        .header("content-type")
        .unwrap_or_default()
        .starts_with("text/markdown"));
    assert!(
        md.text().contains("Paragraph 2 of the tidal report"),
        "{}",
        md.text()
    );
    assert!(
        !md.text().trim_start().starts_with('{'),
        "markdown, not JSON"
    );

    let txt = request(
        s.addr,
        "POST",
        "/extract",
        &[
            ("content-type", "application/json"),
            ("accept", "text/plain"),
        ],
        body.as_bytes(),
    );
    assert_eq!(txt.status, 200, "{}", txt.text());
    assert!(txt.text().contains("Paragraph 2 of the tidal report"));
}

#[test]
fn extract_with_stats_and_raw_html_body() {
    let s = &server();
    let r = s.post_json(
        "/extract?stats=true",
        &json!({"html": article_html(), "url": PAGE_URL, "mode": "full"}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert!(v["content"]["text"]
        .as_str()
        .unwrap_or_default()
        .contains("Paragraph 1"));
    assert!(v["stats"]["memory_used"].as_u64().unwrap_or(0) > 0, "{v}");
    assert!(v["stats"]["links_found"].is_u64(), "{v}");

    let q = format!(
        "/extract?url={}&mode=metadata",
        url::form_urlencoded::byte_serialize(PAGE_URL.as_bytes()).collect::<String>()
    );
    let raw = request(
        s.addr,
        "POST",
        &q,
        &[("content-type", "text/html; charset=utf-8")],
        article_html().as_bytes(),
    );
    assert_eq!(raw.status, 200, "{}", raw.text());
    let v = raw.json();
    assert!(v["title"]
        .as_str()
        .unwrap_or_default()
        .contains("Rip Currents"));
    assert_eq!(v["markdown"], "", "metadata mode leaves markdown empty");
}

#[test]
fn validate_health_info_and_host_routes() {
    let s = &server();
    let r = s.post_json("/validate", &json!({"html": article_html()}));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["valid"], true);

    // /health: the component's own record merged with the host's view.
    let h = s.get("/health");
    assert_eq!(h.status, 200, "{}", h.text());
    let hv = h.json();
    assert_eq!(hv["status"], "healthy", "{hv}");
    assert!(hv["capabilities"].is_array(), "component fields: {hv}");
    assert!(hv["memory_usage"].as_u64().unwrap_or(0) > 0, "{hv}");
    assert_eq!(hv["host"]["breaker"]["state"], "closed", "{hv}");
    assert!(hv["host"]["instances"]["max"].as_u64().unwrap_or(0) > 0);

    let i = s.get("/info");
    assert_eq!(i.status, 200, "{}", i.text());
    let info = i.json();
    assert!(info["name"].is_string(), "{info}");
    assert!(info["supported_modes"].is_array(), "{info}");

    // Host-level routes.
    let w = s.health();
    assert_eq!(w["breaker"]["state"], "closed");
    assert!(w["instances"]["max"].as_u64().unwrap_or(0) > 0);
    extract_ok(s);
    let m = s.get("/metrics");
    assert_eq!(m.status, 200);
    let text = m.text();
    assert!(
        text.contains("riptide_requests_total{route=\"/extract\",status=\"200\"}"),
        "{text}"
    );
    assert!(text.contains("riptide_request_duration_seconds_bucket{le=\"+Inf\"}"));
    assert!(text.contains("riptide_breaker_state 0"));
    assert!(text.contains("riptide_instances_idle"));
    assert!(
        s.log().contains("request done"),
        "tracing logs carry each request"
    );
}

#[test]
fn error_statuses_and_the_server_keeps_serving() {
    let s = &server();
    let cases: Vec<(&str, common::Resp, u16)> = vec![
        (
            "empty body",
            request(
                s.addr,
                "POST",
                "/extract",
                &[("content-type", "application/json")],
                b"",
            ),
            400,
        ),
        (
            "bad url",
            s.post_json(
                "/extract",
                &json!({"html": article_html(), "url": "not a url"}),
            ),
            400,
        ),
        (
            "bad json",
            request(
                s.addr,
                "POST",
                "/extract",
                &[("content-type", "application/json")],
                b"{\"html\": ",
            ),
            400,
        ),
        (
            "unknown mode",
            s.post_json(
                "/extract",
                &json!({"html": article_html(), "url": PAGE_URL, "mode": "everything"}),
            ),
            400,
        ),
        ("wrong method", s.get("/extract"), 405),
        ("unknown route", s.get("/no-such-route"), 404),
        (
            "unsupported content type",
            request(
                s.addr,
                "POST",
                "/extract",
                &[("content-type", "application/xml")],
                b"<a/>",
            ),
            415,
        ),
        (
            "invalid utf-8",
            request(
                s.addr,
                "POST",
                &format!("/extract?url={PAGE_URL}"),
                &[("content-type", "text/html")],
                b"<html><body><p>caf\xe9 \xff\xfe</p></body></html>",
            ),
            400,
        ),
    ];
    for (what, r, status) in cases {
        assert_eq!(r.status, status, "{what}: {}", r.text());
        assert_error(&r, status);
        extract_ok(s);
    }
}

#[test]
fn over_limit_body_is_413() {
    let s = &server();
    let big = vec![b'a'; 10 * 1024 * 1024 + 1024];
    let r = request(
        s.addr,
        "POST",
        &format!("/extract?url={PAGE_URL}"),
        &[("content-type", "text/html")],
        &big,
    );
    assert_error(&r, 413);
    extract_ok(s);
}
