//! Shared helpers: locate the built wasm artifacts, start a real `riptide
//! serve` on an ephemeral port, and talk HTTP/1.1 to it over a plain socket.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// A built artifact from `target/`; fails with instructions when missing.
pub fn artifact(name: &str) -> PathBuf {
    let dir = std::env::var_os("RIPTIDE_ARTIFACTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    let p = dir.join(name);
    assert!(
        p.is_file(),
        "{} is missing: run `cargo xtask build` first",
        p.display()
    );
    p
}

/// One precompiled cache shared by the test servers, so the app is
/// compiled once per run instead of once per test.
pub fn shared_cache_dir() -> PathBuf {
    workspace_root().join("target").join("riptide-test-cache")
}

pub fn temp_dir(tag: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let d = std::env::temp_dir().join(format!("riptide-{tag}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

/// Serialises server start-up so the first start fills the shared cache
/// and the others load from it instead of all compiling at once.
static STARTING: Mutex<()> = Mutex::new(());

pub struct Server {
    pub addr: SocketAddr,
    child: Child,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// `riptide serve --app APP --listen 127.0.0.1:0 ARGS...`
    pub fn start(app: &str, args: &[&str]) -> Server {
        Self::start_with_cache(app, args, &shared_cache_dir())
    }

    pub fn start_with_cache(app: &str, args: &[&str], cache: &std::path::Path) -> Server {
        Self::spawn(app, args, &[], cache)
    }

    /// As [`Server::start`], with extra environment variables (configuration tests).
    pub fn start_with_env(app: &str, args: &[&str], env: &[(&str, &str)]) -> Server {
        Self::spawn(app, args, env, &shared_cache_dir())
    }

    fn spawn(app: &str, args: &[&str], env: &[(&str, &str)], cache: &std::path::Path) -> Server {
        let app = artifact(app);
        let _guard = STARTING.lock().unwrap_or_else(|p| p.into_inner());
        let mut child = Command::new(env!("CARGO_BIN_EXE_riptide"))
            .arg("serve")
            .arg("--listen")
            .arg("127.0.0.1:0")
            .arg("--app")
            .arg(&app)
            .arg("--cache-dir")
            .arg(cache)
            .args(args)
            .env_remove("RUST_LOG")
            .env("RIPTIDE_LOG", "info")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn riptide serve");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr piped");
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut l = sink.lock().unwrap_or_else(|p| p.into_inner());
                l.push_str(&line);
                l.push('\n');
            }
        });
        let stdout = child.stdout.take().expect("stdout piped");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("read the listening line");
        let addr = first
            .trim()
            .rsplit("http://")
            .next()
            .and_then(|a| a.parse().ok());
        let Some(addr) = addr else {
            let _ = child.kill();
            std::thread::sleep(Duration::from_millis(200));
            panic!(
                "riptide serve did not start (stdout {first:?}); log:\n{}",
                log.lock().unwrap_or_else(|p| p.into_inner())
            );
        };
        Server { addr, child, log }
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn get(&self, path: &str) -> Resp {
        request(self.addr, "GET", path, &[], b"")
    }

    pub fn post_json(&self, path: &str, body: &serde_json::Value) -> Resp {
        request(
            self.addr,
            "POST",
            path,
            &[("content-type", "application/json")],
            body.to_string().as_bytes(),
        )
    }

    pub fn health(&self) -> serde_json::Value {
        let r = self.get("/health/wasm");
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- riptide serve log ---\n{}", self.log());
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {} body is not JSON ({e}): {}",
                self.status,
                self.text()
            )
        })
    }

    /// The `error.kind` of an error response.
    pub fn error_kind(&self) -> String {
        let v = self.json();
        v["error"]["kind"]
            .as_str()
            .unwrap_or_else(|| panic!("no error.kind in {v}"))
            .to_string()
    }
}

/// One HTTP/1.1 request on a fresh connection (`Connection: close`).
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect to riptide");
    s.set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).expect("write head");
    // The server may answer (413, 503) before reading everything.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Resp {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &raw[split + 4..];
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Resp {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16)
            .unwrap_or(0);
        data = &data[eol + 2..];
        if size == 0 || data.len() < size {
            break;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[(size + 2).min(data.len())..];
    }
    out
}

/// Poll `f` until it returns true (the server state changes asynchronously).
pub fn wait_until(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A real-looking article page: navigation, the article, a footer.
pub fn article_html() -> String {
    let para = |i: usize| {
        format!(
            "<p>Paragraph {i} of the tidal report. Researchers measured how the rip current \
             formed along the sandbar during the spring tide, recording water speed, wave \
             height and the width of the channel every ten minutes for six hours.{}</p>",
            if i == 4 {
                " The measurements are published as <a href=\"/data/tides.csv\">the raw tide data</a> \
                 for anyone who wants to check the analysis against their own beach."
            } else {
                ""
            }
        )
    };
    let body: String = (1..=8).map(para).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>How Rip Currents Form | Coastal Notes</title>\
         <meta property=\"og:site_name\" content=\"Coastal Notes\">\
         <meta name=\"author\" content=\"Ada Lovelace\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/about\">About</a> <a href=\"/contact\">Contact</a></nav>\
         <article><h1>How Rip Currents Form</h1><p class=\"byline\">By Ada Lovelace</p>{body}\
         <figure><img src=\"/img/sandbar.jpg\" alt=\"sandbar\"></figure></article>\
         <footer>Copyright Coastal Notes. All rights reserved.</footer></body></html>"
    )
}

/// Asserts `v` is the extraction of [`article_html`] (its headline as title).
pub fn assert_rip_article(v: &serde_json::Value) {
    assert!(
        v["title"]
            .as_str()
            .unwrap_or_default()
            .contains("How Rip Currents Form"),
        "title: {}",
        v["title"]
    );
}
