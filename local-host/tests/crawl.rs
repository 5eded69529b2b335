//! POST /crawl through the host's outbound policy: a page on a local test
//! server is reachable only via a trusted `--resolve` name; loopback,
//! private and non-http targets are refused before any connection.

mod common;
use common::{article_html, Server};
use serde_json::json;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// A one-route HTTP server counting the requests that reach it.
fn origin() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind origin");
    let port = listener.local_addr().expect("addr").port();
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 8192];
            let _ = s.read(&mut buf);
            let body = article_html();
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (port, hits)
}

#[test]
fn crawl_follows_policy() {
    let (port, hits) = origin();
    let s = Server::start("riptide.wasm", &["--resolve", "coastal.test:127.0.0.1"]);

    let r = s.post_json(
        "/crawl",
        &json!({"url": format!("http://coastal.test:{port}/notes/rip")}),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert!(
        v["title"]
            .as_str()
            .unwrap_or_default()
            .contains("How Rip Currents Form"),
        "{v}"
    );
    assert!(v["text"]
        .as_str()
        .unwrap_or_default()
        .contains("Paragraph 6"));
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    for target in [
        format!("http://127.0.0.1:{port}/notes/rip"),
        format!("http://localhost:{port}/notes/rip"),
        format!("http://[::1]:{port}/"),
        "http://169.254.169.254/latest/meta-data/".to_string(),
        "http://10.0.0.1/".to_string(),
    ] {
        let r = s.post_json("/crawl", &json!({"url": target}));
        assert!(
            r.status == 400 || r.status == 502,
            "{target} must be refused, got {}: {}",
            r.status,
            r.text()
        );
        assert!(r.json()["error"]["kind"].is_string());
    }
    assert_eq!(
        hits.load(Ordering::SeqCst),
        1,
        "refused targets never reached the origin"
    );

    let r = s.post_json("/crawl", &json!({"url": "ftp://coastal.test/file"}));
    assert_eq!(r.status, 400, "{}", r.text());
}
