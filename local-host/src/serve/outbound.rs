//! Outbound HTTP for `/crawl`: the guest's `wasi:http/outgoing-handler`
//! calls land here. The policy: http and https (rustls, Mozilla roots plus
//! an optional `--tls-ca`), and after DNS resolution only public unicast
//! addresses; the connection goes to the vetted address itself so a second
//! lookup cannot swap it (DNS rebinding). `--resolve` entries are
//! operator-chosen, so trusted. Every phase has a timeout: connect (and TLS
//! handshake), first byte, and the gap between body chunks, so a stalled
//! origin costs a bounded wait, never the whole request deadline.

use crate::settings::{ResolveOverride, Settings};
use anyhow::Context as _;
use bytes::Bytes;
use http_body_util::BodyExt;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use wasmtime_wasi_http::io::TokioIo;
use wasmtime_wasi_http::{Error, RequestOptions, WasiBody, WasiHttpHooks};

/// Shared, immutable outbound settings.
#[derive(Debug, Clone)]
pub struct OutboundPolicy {
    pub resolve: Vec<ResolveOverride>,
    pub connect_timeout: Duration,
    pub fetch_timeout: Duration,
    pub tls: Arc<rustls::ClientConfig>,
}

/// Per-store hooks handing every outgoing request to the policy.
#[derive(Clone)]
pub struct OutboundHooks {
    pub policy: Arc<OutboundPolicy>,
}

type IoFuture = Box<dyn Future<Output = Result<(), Error>> + Send>;

impl WasiHttpHooks for OutboundHooks {
    fn send_request(
        &mut self,
        request: http::Request<WasiBody>,
        options: Option<RequestOptions>,
        _fut: Box<dyn Future<Output = Result<(), Error>> + Send>,
    ) -> Box<dyn Future<Output = Result<(http::Response<WasiBody>, IoFuture), Error>> + Send> {
        let policy = self.policy.clone();
        Box::new(async move { policy.send(request, options).await })
    }
}

/// A plain or TLS connection, for one hyper handshake.
trait Conn: AsyncRead + AsyncWrite + Send + Unpin + 'static {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin + 'static> Conn for T {}

impl OutboundPolicy {
    pub fn from_settings(s: &Settings) -> anyhow::Result<Self> {
        Ok(Self {
            resolve: s.resolve.clone(),
            connect_timeout: s.connect_timeout,
            fetch_timeout: s.fetch_timeout,
            tls: tls_config(s.tls_ca.as_deref())?,
        })
    }

    async fn send(
        &self,
        mut req: http::Request<WasiBody>,
        options: Option<RequestOptions>,
    ) -> Result<(http::Response<WasiBody>, IoFuture), Error> {
        let uri = req.uri().clone();
        let use_tls = match uri.scheme_str() {
            Some("http") => false,
            Some("https") => true,
            _ => return Err(Error::HttpProtocolError),
        };
        let host = uri.host().ok_or(Error::HttpRequestUriInvalid)?;
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let port = uri.port_u16().unwrap_or(if use_tls { 443 } else { 80 });
        let addr = self.vet(host, port).await?;

        // The guest may ask for shorter timeouts, never longer ones.
        let pick = |asked: Option<Duration>, ours: Duration| asked.unwrap_or(ours).min(ours);
        let connect_timeout = pick(
            options.and_then(|o| o.connect_timeout),
            self.connect_timeout,
        );
        let first_byte = pick(
            options.and_then(|o| o.first_byte_timeout),
            self.fetch_timeout,
        );
        let between_bytes = pick(
            options.and_then(|o| o.between_bytes_timeout),
            self.fetch_timeout,
        );

        let connect = async {
            let tcp = TcpStream::connect(addr).await.map_err(Error::Connect)?;
            if !use_tls {
                return Ok::<_, Error>(Box::new(tcp) as Box<dyn Conn>);
            }
            // SNI and certificate check use the URL's host, not the address.
            let name =
                ServerName::try_from(bare.to_string()).map_err(|_| Error::HttpRequestUriInvalid)?;
            let tls = tokio_rustls::TlsConnector::from(self.tls.clone())
                .connect(name, tcp)
                .await
                .map_err(Error::Tls)?;
            Ok(Box::new(tls) as Box<dyn Conn>)
        };
        let stream = tokio::time::timeout(connect_timeout, connect)
            .await
            .map_err(|_| Error::ConnectionTimeout)??;
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(Error::from)?;
        let driver = tokio::spawn(conn);

        // Origin-form on the wire; the Host header carries the authority.
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        *req.uri_mut() = path.parse().map_err(|_| Error::HttpRequestUriInvalid)?;

        let resp = tokio::time::timeout(first_byte, sender.send_request(req))
            .await
            .map_err(|_| Error::ConnectionReadTimeout)?
            .map_err(Error::from)?;
        let resp = resp.map(|body| StallGuard::new(body, between_bytes).boxed_unsync());
        let io: IoFuture = Box::new(async move {
            match driver.await {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => Err(Error::from(e)),
                Err(_) => Err(Error::ConnectionTerminated),
            }
        });
        Ok((resp, io))
    }

    /// Pick the address to connect to, or refuse the destination.
    async fn vet(&self, host: &str, port: u16) -> Result<SocketAddr, Error> {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        if let Some(addr) = self.resolve.iter().find_map(|r| r.matches(bare, port)) {
            return Ok(addr);
        }
        let candidates: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => {
                tokio::time::timeout(self.connect_timeout, tokio::net::lookup_host((bare, port)))
                    .await
                    .map_err(|_| Error::DnsTimeout)?
                    .map_err(|e| Error::DnsError {
                        rcode: Some(e.to_string()),
                        info_code: None,
                    })?
                    .collect()
            }
        };
        if candidates.is_empty() {
            return Err(Error::DestinationNotFound);
        }
        candidates
            .into_iter()
            .find(|a| is_public(a.ip()))
            .ok_or_else(|| {
                tracing::warn!(host, "outbound request refused: non-public address");
                Error::DestinationIpProhibited
            })
    }
}

/// Public unicast only: no loopback, private, link-local, unspecified,
/// shared (CGNAT), multicast, broadcast, documentation or reserved ranges.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let s = v6.segments();
            // NAT64 (64:ff9b::/96) embeds an IPv4 address.
            if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
                let o = v6.octets();
                return is_public_v4(Ipv4Addr::new(o[12], o[13], o[14], o[15]));
            }
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || v6 == Ipv6Addr::from_bits(1)) // ::1, belt and braces
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || o[0] == 0 // "this network"
        || (o[0] == 100 && (o[1] & 0xc0) == 64) // shared address space 100.64/10
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
        || (o[0] == 198 && (o[1] & 0xfe) == 18) // benchmarking 198.18/15
        || o[0] >= 240) // reserved
}

/// A response body that fails with a read timeout when the origin sends
/// nothing for `gap` (a slow-drip origin would otherwise hold the request
/// until its overall deadline).
struct StallGuard {
    inner: hyper::body::Incoming,
    gap: Duration,
    timer: Pin<Box<tokio::time::Sleep>>,
}

impl StallGuard {
    fn new(inner: hyper::body::Incoming, gap: Duration) -> Self {
        Self {
            inner,
            gap,
            timer: Box::pin(tokio::time::sleep(gap)),
        }
    }
}

impl http_body::Body for StallGuard {
    type Data = Bytes;
    type Error = Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Error>>> {
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let next = tokio::time::Instant::now() + self.gap;
                self.timer.as_mut().reset(next);
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(Error::from(e)))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => match self.timer.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Some(Err(Error::ConnectionReadTimeout))),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// Mozilla's roots, plus the certificates in `extra` (PEM) when given.
pub fn tls_config(extra: Option<&std::path::Path>) -> anyhow::Result<Arc<rustls::ClientConfig>> {
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = extra {
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
            .with_context(|| format!("--tls-ca {}: cannot read", path.display()))?
            .collect::<Result<_, _>>()
            .with_context(|| format!("--tls-ca {}: not PEM certificates", path.display()))?;
        if certs.is_empty() {
            anyhow::bail!("--tls-ca {}: no certificates in the file", path.display());
        }
        for cert in certs {
            roots
                .add(cert)
                .with_context(|| format!("--tls-ca {}: unusable certificate", path.display()))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The guest's body bytes type, for host-made responses.
pub fn full_body(bytes: impl Into<Bytes>) -> WasiBody {
    http_body_util::Full::new(bytes.into())
        .map_err(|never| match never {})
        .boxed_unsync()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("test address")
    }

    #[test]
    fn public_and_refused_addresses() {
        for ok in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:1.1.1.1",
        ] {
            assert!(is_public(ip(ok)), "{ok} should be allowed");
        }
        for bad in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(!is_public(ip(bad)), "{bad} should be refused");
        }
    }

    #[tokio::test]
    async fn vet_refuses_loopback_names_and_trusts_overrides() {
        let policy = OutboundPolicy {
            resolve: vec![ResolveOverride::parse("site.test:127.0.0.1").expect("override")],
            connect_timeout: Duration::from_secs(2),
            fetch_timeout: Duration::from_secs(2),
            tls: tls_config(None).expect("built-in roots"),
        };
        assert!(matches!(
            policy.vet("localhost", 80).await,
            Err(Error::DestinationIpProhibited)
        ));
        assert!(matches!(
            policy.vet("[::1]", 80).await,
            Err(Error::DestinationIpProhibited)
        ));
        let addr = policy
            .vet("site.test", 8080)
            .await
            .expect("override is trusted");
        assert_eq!(addr, "127.0.0.1:8080".parse().expect("addr"));
    }
}
