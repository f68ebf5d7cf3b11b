//! The command line as a citizen of the terminal: width, pipes, files,
//! model folders, scaffolding, completions and the manual page.

mod common;
use common::run_in as run;

use std::io::Read;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

/// Runs the binary in a pseudo-terminal `columns` wide (through Python's pty
/// module, which every CI machine has) and returns what the terminal showed.
fn in_terminal(columns: u16, args: &[&str]) -> String {
    let script = r#"
import fcntl, os, pty, struct, sys, termios
cols = int(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
    os.execv(sys.argv[2], sys.argv[2:])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
"#;
    let binary = assert_cmd::cargo::cargo_bin("tradeoffs");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = StdCommand::new("python3")
        .arg("-c")
        .arg(script)
        .arg(columns.to_string())
        .arg(binary)
        .args(args)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

#[test]
fn tables_fit_the_terminal_at_60_80_and_200_columns() {
    for columns in [60u16, 80, 200] {
        for args in [
            &["-q", "rank"][..],
            &["-q", "compare", "--profiles", "all"],
            &["-q", "weights"],
            &["-q", "list", "criteria"],
        ] {
            let screen = in_terminal(columns, args);
            assert!(screen.lines().count() > 5, "{args:?}: {screen}");
            for line in screen.lines() {
                let width = line.chars().count();
                assert!(
                    width <= usize::from(columns),
                    "{args:?} at {columns} columns: a line of {width}:\n{line}"
                );
            }
        }
    }
}

#[test]
fn wide_terminals_do_not_wrap_names_for_nothing() {
    let screen = in_terminal(200, &["-q", "list", "options"]);
    // Every option's name sits on one line when there is room.
    let (_, csv, _) = run(
        Path::new("."),
        &["-q", "list", "options", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        let record = record.expect("csv row");
        assert!(
            screen.contains(&record[1]),
            "{} not on one line",
            &record[1]
        );
    }
}

#[test]
fn help_wraps_to_the_terminal() {
    let screen = in_terminal(60, &["rank", "--help"]);
    assert!(screen.contains("Global options"), "{screen}");
    for line in screen.lines() {
        assert!(line.chars().count() <= 60, "{line}");
    }
}

/// A model of `rows` options on two criteria, written by `import`.
fn big_model(dir: &Path, rows: usize) {
    let mut csv = String::from("name,a,b\n");
    for i in 0..rows {
        csv.push_str(&format!("Option {i},{},{}\n", i % 97, (i * 7) % 89));
    }
    std::fs::write(dir.join("scores.csv"), csv).expect("write");
    let (code, _, err) = run(dir, &["import", "scores.csv"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    big_model(dir.path(), 5_000);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("tradeoffs"))
        .args(["rank", "--format", "csv"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("error"), "{err}");
}

#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        panic!("/dev/full is missing: this test needs a Linux machine");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let full = std::fs::File::create("/dev/full").expect("/dev/full");
    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("tradeoffs"))
        .args(["rank"])
        .current_dir(dir.path())
        .stdout(full)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: cannot write standard output: no space left"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[cfg(unix)]
#[test]
fn force_writes_through_a_symlink_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("exports/scores.csv");
    std::fs::create_dir_all(real.parent().expect("parent")).expect("mkdir");
    std::fs::write(&real, "old").expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    std::os::unix::fs::symlink("exports/scores.csv", dir.path().join("latest.csv")).expect("link");
    let (code, _, err) = run(dir.path(), &["-q", "export", "--out", "latest.csv"]);
    assert_eq!(code, 1, "refused without --force: {err}");
    assert!(err.contains("already exists"), "{err}");
    let (code, _, err) = run(
        dir.path(),
        &["-q", "export", "--out", "latest.csv", "--force"],
    );
    assert_eq!(code, 0, "{err}");
    let link = std::fs::symlink_metadata(dir.path().join("latest.csv")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is kept");
    let text = std::fs::read_to_string(&real).expect("read");
    assert!(
        text.starts_with("id,name,"),
        "the target is written: {text}"
    );
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn dash_is_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, out, err) = run(dir.path(), &["-q", "export", "--out", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("id,name,"));
    assert!(!dir.path().join("-").exists(), "no file called -");
}

#[test]
fn a_format_a_command_cannot_write_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["serve", "--format", "csv"][..],
        &["chart", "tornado", "--svg", "t.svg", "--format", "json"],
        &["report", "--out", "r.csv", "--format", "csv"],
        &["rank", "--format", "xmcda"],
    ] {
        let (code, _, err) = run(dir.path(), args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{args:?}: {err}");
    }
    assert!(!dir.path().join("r.csv").exists());
}

#[test]
fn usage_errors_share_one_style() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        &["-q", "rank", "--bogus"][..],
        &["-q", "rank", "--profile", "nobody"],
        &["-q", "explain", "nothing", "else"],
    ] {
        let (code, _, err) = run(dir.path(), args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert_eq!(err.matches("error:").count(), 1, "{args:?}: {err}");
    }
    let (_, _, err) = run(dir.path(), &["-q", "explain", "nothing", "else"]);
    assert!(err.contains("tradeoffs list options"), "{err}");
}

#[test]
fn quiet_silences_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, _, err) = run(dir.path(), &["rank"]);
    assert!(err.contains("built-in model"), "{err}");
    let (code, _, err) = run(dir.path(), &["-q", "rank"]);
    assert_eq!(code, 0);
    assert_eq!(err, "");
}

#[test]
fn init_writes_a_model_that_checks_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = run(dir.path(), &["init", "model"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(dir.path(), &["-C", "model", "check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let criteria = std::fs::read_to_string(dir.path().join("model/criteria.toml")).expect("read");
    for form in ["weights =", "ranking =", "pairwise =", "[[groups]]", "# "] {
        assert!(criteria.contains(form), "starter lacks {form}");
    }
    let (code, _, err) = run(dir.path(), &["init", "model"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("already exists"), "{err}");
    let (code, _, _) = run(dir.path(), &["init", "builtin", "--from-builtin"]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("builtin/options.toml")).expect("read"),
        tradeoffs::input::DEFAULT_OPTIONS
    );
}

#[test]
fn a_file_named_alone_brings_its_partner() {
    let dir = tempfile::tempdir().expect("temp dir");
    run(dir.path(), &["init", "m"]);
    let (code, out, err) = run(
        dir.path(),
        &[
            "-q",
            "rank",
            "--criteria",
            "m/criteria.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("congestion_charge"), "{out}");
    let (code, out, err) = run(dir.path(), &["-q", "-C", "m", "rank", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("congestion_charge"), "{out}");
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    let dir = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, _) = run(dir.path(), &["completions", shell]);
        assert_eq!(code, 0);
        assert!(out.contains("sensitivity"), "{shell}");
        assert!(out.contains("from-builtin"), "{shell}");
    }
    let (code, out, _) = run(dir.path(), &["man"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.contains(".TH tradeoffs"),
        "{out}"
    );
    assert!(out.contains("sensitivity"));
}

#[test]
fn list_prints_ids_and_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, out, _) = run(dir.path(), &["-q", "list", "criteria", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    let items = json["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|i| i["id"].is_string() && i["name"].is_string())
    );
    assert!(items.iter().any(|i| {
        i["detail"]
            .as_str()
            .is_some_and(|d| d.contains("less is better"))
    }));
}

#[test]
fn report_follows_the_extension_and_writes_to_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = run(
        dir.path(),
        &["-q", "report", "--out", "notes/r.md", "--samples", "500"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("notes/r.md")).expect("markdown written");
    assert!(md.starts_with('#'), "{md}");
    let charts = std::fs::read_dir(dir.path().join("notes"))
        .expect("folder")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "svg"))
        })
        .count();
    assert!(charts >= 3, "the charts sit beside the file");
    let (code, out, err) = run(
        dir.path(),
        &["-q", "report", "--out", "-", "--samples", "500"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.trim_start().starts_with("<!DOCTYPE html>"),
        "{}",
        &out[..out.len().min(80)]
    );
    assert!(!dir.path().join("-").exists());
}
