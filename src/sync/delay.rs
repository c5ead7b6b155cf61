//! A TCP proxy on loopback that adds a fixed delay each way, for measuring
//! the hub protocol behind a slow link (issue 18 §1) and counting the round
//! trips a sync takes. Plain std threads; it forwards bytes unchanged (TLS
//! passes through), so the client still verifies the hub's certificate.
//! Used by the load generator (`haven hub load --delay-ms`) and the tests
//! (tests/it/hub_flow.rs).

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// A running proxy: connections to [`DelayProxy::port`] go to the target
/// with `one_way` added to every chunk in each direction (the round trip
/// grows by twice that).
pub struct DelayProxy {
    port: u16,
    stop: Arc<AtomicBool>,
    turns: Arc<AtomicU64>,
}

impl DelayProxy {
    /// Starts a proxy to `target` adding `one_way` each way.
    pub fn start(target: SocketAddr, one_way: Duration) -> std::io::Result<DelayProxy> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        listener.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        let turns = Arc::new(AtomicU64::new(0));
        let (s, t) = (stop.clone(), turns.clone());
        thread::spawn(move || {
            while !s.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((client, _)) => {
                        let _ = client.set_nonblocking(false);
                        let _ = client.set_nodelay(true);
                        if let Ok(server) = TcpStream::connect(target) {
                            let _ = server.set_nodelay(true);
                            relay(client, server, one_way, t.clone());
                        }
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Ok(DelayProxy { port, stop, turns })
    }

    /// The port to connect to.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Round trips seen so far over all connections: the times a client
    /// spoke again after the server had answered (each costs the delay
    /// twice over).
    pub fn turns(&self) -> u64 {
        self.turns.load(Ordering::Relaxed)
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Who spoke last on a connection: 0 nobody, 1 the client, 2 the server.
type Last = Arc<std::sync::atomic::AtomicU8>;

fn relay(client: TcpStream, server: TcpStream, one_way: Duration, turns: Arc<AtomicU64>) {
    let last: Last = Arc::new(std::sync::atomic::AtomicU8::new(0));
    let (Ok(c2), Ok(s2)) = (client.try_clone(), server.try_clone()) else { return };
    pipe(client, server, one_way, Some(turns), last.clone());
    pipe(s2, c2, one_way, None, last);
}

/// Copies `from` to `to`, each chunk held back until `one_way` after it was
/// read (order kept, throughput not limited). `turns` counts the client's
/// chunks that follow an answer of the server.
fn pipe(mut from: TcpStream, mut to: TcpStream, one_way: Duration, turns: Option<Arc<AtomicU64>>, last: Last) {
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    let me = if turns.is_some() { 1 } else { 2 };
    thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let before = last.swap(me, Ordering::Relaxed);
                    if let Some(t) = &turns
                        && before != me
                    {
                        t.fetch_add(1, Ordering::Relaxed);
                    }
                    if tx.send((Instant::now() + one_way, buf[..n].to_vec())).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = from.shutdown(Shutdown::Read);
    });
    thread::spawn(move || {
        while let Ok((at, bytes)) = rx.recv() {
            let now = Instant::now();
            if at > now {
                thread::sleep(at - now);
            }
            if to.write_all(&bytes).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Write);
    });
}
