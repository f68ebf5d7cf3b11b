//! Connections that never finish their request are closed after the header
//! timeout, and while they hang the server answers everyone else.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn half_open_connections_are_dropped_and_do_not_stall_the_room() {
    let dir = tempfile::tempdir().expect("dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args([
            "--options",
            "tests/fixtures/small/options.toml",
            "--criteria",
            "tests/fixtures/small/criteria.toml",
        ])
        .args(["serve", "--port", "0", "--no-log"])
        .env("TMPDIR", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().expect("stdout");
    let _server = Server(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("tradeoffs workshop: ") {
                let _ = tx.send(url.to_string());
            }
        }
    });
    let url = rx.recv_timeout(Duration::from_secs(30)).expect("address");
    let port: u16 = url
        .split(':')
        .nth(2)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("port");

    // Two hundred clients that start a request and never finish it.
    let mut idle: Vec<TcpStream> = (0..200)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
            s.write_all(b"GET /api/model HTTP/1.1\r\nHost: local")
                .expect("half a request");
            s
        })
        .collect();
    // Someone else is still answered at once.
    let started = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(
        format!("GET /api/model HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
    .expect("request");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("answer");
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    eprintln!(
        "answered in {:?} beside 200 half-open connections",
        started.elapsed()
    );

    // The half-open ones are closed once the header timeout passes.
    let limit = tradeoffs::serve::HEADER_TIMEOUT + Duration::from_secs(5);
    for s in &mut idle {
        s.set_read_timeout(Some(limit)).expect("timeout");
    }
    let waited = Instant::now();
    let mut buffer = [0u8; 512];
    let mut closed = 0;
    for s in &mut idle {
        // End of stream, a last answer, or a reset all mean the server let go;
        // only a read that times out means it still holds the connection.
        match s.read(&mut buffer) {
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            _ => closed += 1,
        }
    }
    assert_eq!(closed, idle.len(), "every half-open connection was closed");
    assert!(waited.elapsed() <= limit, "{:?}", waited.elapsed());
}
