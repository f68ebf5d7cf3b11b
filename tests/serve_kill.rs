//! Kills the real server with SIGKILL at random moments while it saves
//! profiles and takes submissions in a loop, then checks what a facilitator
//! would find on disk: criteria.toml and every backup load, the state file
//! resumes, and the session log has no broken line. Bounded to a few seconds.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng};

const OPTIONS: &str = include_str!("fixtures/small/options.toml");
const CRITERIA: &str = include_str!("fixtures/small/criteria.toml");

fn start(dir: &Path) -> (Child, u16, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tradeoffs"))
        .args(["serve", "--port", "0"])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("tradeoffs workshop: ") {
                let _ = tx.send(url.to_string());
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the server prints its address");
    let port = url
        .split(':')
        .nth(2)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("port");
    let key = url.rsplit("key=").next().expect("key").to_string();
    (child, port, key)
}

/// One HTTP/1.1 request; the status, or `None` when the server is gone.
fn post(port: u16, path: &str, credential: &str, body: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost:{port}\r\nAuthorization: Bearer {credential}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    answer.split(' ').nth(1)?.parse().ok()
}

fn check_the_folder(dir: &Path) -> usize {
    let criteria =
        std::fs::read_to_string(dir.join("criteria.toml")).expect("criteria.toml is there");
    tradeoffs::from_texts(OPTIONS, &criteria).expect("criteria.toml loads");
    let mut backups = 0;
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".bak") {
            let text = std::fs::read_to_string(&path).expect("backup readable");
            tradeoffs::from_texts(OPTIONS, &text).unwrap_or_else(|_| panic!("{name} loads"));
            backups += 1;
        }
    }
    if let Ok(log) = std::fs::read_to_string(dir.join("tradeoffs-session.jsonl")) {
        assert!(
            log.is_empty() || log.ends_with('\n'),
            "the log ends with a whole line"
        );
        for (i, line) in log.lines().enumerate() {
            serde_json::from_str::<serde_json::Value>(line)
                .unwrap_or_else(|e| panic!("log line {} is broken ({e}): {line}", i + 1));
        }
    }
    let state = std::fs::read_to_string(dir.join("tradeoffs-session.json")).expect("state file");
    serde_json::from_str::<serde_json::Value>(&state).expect("the state file is whole");
    backups
}

#[test]
fn killing_the_server_mid_save_never_leaves_a_broken_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("options.toml"), OPTIONS).expect("write");
    std::fs::write(dir.path().join("criteria.toml"), CRITERIA).expect("write");
    let seed: u64 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    eprintln!("seed {seed}");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let deadline = Instant::now() + Duration::from_secs(4);
    let saved = Arc::new(AtomicUsize::new(0));
    let mut rounds = 0;
    let mut first_key = None;
    while Instant::now() < deadline || rounds < 3 {
        let (mut child, port, key) = start(dir.path());
        assert_eq!(
            first_key.get_or_insert_with(|| key.clone()),
            &key,
            "the session resumes with its key"
        );
        let token = std::fs::read_to_string(dir.path().join("tradeoffs-session.json"))
            .ok()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|v| v["secrets"]["token"].as_str().map(String::from))
            .expect("token in the state file");
        let stop = Arc::new(AtomicBool::new(false));
        let worker = {
            let (stop, saved, key) = (stop.clone(), saved.clone(), key.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let device = format!("device-{port}-{n}");
                    let submitted = post(
                        port,
                        "/api/participants",
                        &token,
                        &format!(
                            r#"{{"device":"{device}","name":"P{n}","weights":{{"violence":{n},"cost_us":1}}}}"#
                        ),
                    );
                    if submitted.is_none() {
                        break;
                    }
                    let id = format!("kill_{port}_{n}");
                    match post(
                        port,
                        "/api/save",
                        &key,
                        &format!(r#"{{"id":"{id}","from":"group-arithmetic"}}"#),
                    ) {
                        Some(200) => {
                            saved.fetch_add(1, Ordering::Relaxed);
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
            })
        };
        std::thread::sleep(Duration::from_millis(rng.random_range(20..250)));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        stop.store(true, Ordering::Relaxed);
        let _ = worker.join();
        check_the_folder(dir.path());
        rounds += 1;
    }
    let backups = check_the_folder(dir.path());
    eprintln!(
        "{rounds} kills, {} saves answered, {backups} backups",
        saved.load(Ordering::Relaxed)
    );
    assert!(
        saved.load(Ordering::Relaxed) > 0,
        "some saves went through between kills"
    );
    assert!(
        backups >= saved.load(Ordering::Relaxed),
        "a backup per save"
    );
}
