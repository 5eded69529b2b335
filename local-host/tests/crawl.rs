//! POST /crawl through the host's outbound policy: a page on a local test
//! server is reachable only via a trusted `--resolve` name; loopback,
//! private and non-http targets are refused before any connection; https
//! with certificate checks; stalled origins cut off by the fetch timeout.

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
    common::assert_rip_article(&v);
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

/// An https origin on 127.0.0.1 whose certificate names `host`; returns its
/// port and the certificate (PEM) a client must trust.
fn tls_origin(host: &str) -> (u16, String) {
    let ck = rcgen::generate_simple_self_signed(vec![host.to_string()]).expect("test certificate");
    let pem = ck.cert.pem();
    let key = rustls_pki_types::PrivateKeyDer::Pkcs8(ck.signing_key.serialize_der().into());
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("tls versions")
        .with_no_client_auth()
        .with_single_cert(vec![ck.cert.der().clone()], key)
        .expect("server cert");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind tls origin");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(tcp) = stream else { continue };
            let Ok(conn) = rustls::ServerConnection::new(config.clone()) else {
                continue;
            };
            let mut tls = rustls::StreamOwned::new(conn, tcp);
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match tls.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let body = article_html();
            let _ = write!(
                tls,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
    });
    (port, pem)
}

#[test]
fn crawl_over_https_checks_the_certificate() {
    let (port, pem) = tls_origin("secure.test");
    let dir = common::temp_dir("tls");
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, pem).expect("write ca");
    let ca = ca.to_string_lossy().into_owned();
    let url = format!("https://secure.test:{port}/notes/rip");

    let trusting = Server::start(
        "riptide.wasm",
        &["--resolve", "secure.test:127.0.0.1", "--tls-ca", &ca],
    );
    let r = trusting.post_json("/crawl", &json!({ "url": url }));
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    common::assert_rip_article(&v);
    assert_eq!(v["url"], url.as_str());
    drop(trusting);

    // Without the CA the self-signed origin is refused, with a typed error.
    let strict = Server::start("riptide.wasm", &["--resolve", "secure.test:127.0.0.1"]);
    let r = strict.post_json("/crawl", &json!({ "url": url }));
    assert_eq!(r.status, 502, "{}", r.text());
    assert_eq!(r.error_kind(), "network-error");
    let msg = r.json()["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_lowercase();
    assert!(msg.contains("tls") || msg.contains("certificate"), "{msg}");
    // ... and the server goes on serving.
    let r = strict.post_json(
        "/extract",
        &json!({"html": article_html(), "url": "https://a.example/"}),
    );
    assert_eq!(r.status, 200);
    let _ = std::fs::remove_dir_all(&dir);
}

/// An origin that stalls: `None` never answers; `Some(n)` sends the head
/// and `n` bytes of a longer body, then goes quiet. Connections are held
/// open until the test process ends.
fn stalled_origin(partial: Option<usize>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 8192];
            let _ = s.read(&mut buf);
            if let Some(n) = partial {
                let body = article_html();
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{}",
                    body.len(),
                    &body[..n]
                );
                let _ = s.flush();
            }
            held.push(s);
        }
    });
    port
}

#[test]
fn stalled_origins_hit_the_fetch_timeout_not_the_request_deadline() {
    let silent = stalled_origin(None);
    let dribble = stalled_origin(Some(200));
    // A 60 s request deadline: only the 400 ms fetch timeout can end these
    // fetches with 502 (without it they would run into a 504).
    let s = Server::start(
        "riptide.wasm",
        &[
            "--resolve",
            "slow.test:127.0.0.1",
            "--fetch-timeout-ms",
            "400",
            "--timeout-ms",
            "60000",
        ],
    );
    for (port, what) in [(silent, "no first byte"), (dribble, "body stalls")] {
        let r = s.post_json(
            "/crawl",
            &json!({"url": format!("http://slow.test:{port}/page")}),
        );
        assert_eq!(r.status, 502, "{what}: {}", r.text());
        assert_eq!(r.error_kind(), "network-error", "{what}");
    }
    let m = s.get("/metrics").text();
    assert!(
        m.contains("riptide_guest_timeouts_total 0"),
        "no request deadline hit: {m}"
    );
}
