//! Writing output: to standard output, or to files that are never replaced
//! unless asked and always written atomically, so a reader never sees half a
//! file.
//!
//! `-` as a file name means standard output. A symbolic link is written
//! through: the file it points to is replaced (atomically, in that file's
//! folder, keeping its permissions) and the link stays. Devices and FIFOs
//! (`/dev/stdout`, a named pipe) are written directly, never replaced. A
//! closed pipe ends the program quietly; a full disk is an error.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Prints `text` on standard output.
///
/// # Errors
/// [`Error::ClosedPipe`] when the reader has gone (`| head`), which ends the
/// program quietly; [`Error::Write`] for any other failure, such as a full disk.
pub fn print(text: &str) -> Result<(), Error> {
    write_stdout(text.as_bytes())
}

fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(stdout_error)
}

fn stdout_error(error: std::io::Error) -> Error {
    if error.kind() == ErrorKind::BrokenPipe {
        Error::ClosedPipe
    } else {
        Error::Write {
            path: PathBuf::from("standard output"),
            source: plain(error),
        }
    }
}

/// Refuses, unless `force`, when any of `paths` exists (a symbolic link
/// counts, even a dangling one): checked before writing a set of files, so
/// none is written when one would be refused.
///
/// # Errors
/// [`Error::Exists`] for the first path that exists.
pub fn refuse_existing(paths: &[&Path], force: bool) -> Result<(), Error> {
    if force {
        return Ok(());
    }
    match paths.iter().find(|p| std::fs::symlink_metadata(p).is_ok()) {
        Some(path) => Err(Error::Exists {
            path: path.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// Whether `path` names standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes `bytes` to `path` (`-`: standard output). A regular file is written
/// through a temporary file in the same folder, renamed into place; a missing
/// folder is created. Refuses to replace an existing file, or a symbolic link,
/// unless `force`.
///
/// # Errors
/// [`Error::Exists`] when the file exists and `force` is false;
/// [`Error::Write`] when it cannot be written, naming the file and the reason.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    if is_stdout(path) {
        return write_stdout(bytes);
    }
    let failed = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source: plain(source),
    };
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && !force {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    let target = if is_link {
        resolve_link(path).map_err(failed)?
    } else {
        path.to_path_buf()
    };
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(failed(std::io::Error::new(
                ErrorKind::IsADirectory,
                "it is a folder",
            )));
        }
        if !meta.is_file() {
            // A device or a FIFO: write into it; replacing it would destroy it.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(failed)?;
            return file
                .write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(failed);
        }
        if !force && !is_link {
            return Err(Error::Exists {
                path: path.to_path_buf(),
            });
        }
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.exists() {
        std::fs::create_dir_all(&folder).map_err(failed)?;
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tradeoffs-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets the ordinary mode (0666 less the umask); a replaced
        // one keeps its own.
        let mode = existing
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut file = builder.tempfile_in(&folder).map_err(failed)?;
    if let Some(meta) = &existing {
        // The umask applied at creation; set the target's own mode exactly.
        file.as_file()
            .set_permissions(meta.permissions())
            .map_err(failed)?;
    }
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(&target).map_err(|e| failed(e.error))?;
    Ok(())
}

/// The file a chain of symbolic links ends at (which may not exist yet).
fn resolve_link(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// An I/O error with a message of its own kind only, so no temporary file's
/// name leaks into what the user reads.
fn plain(error: std::io::Error) -> std::io::Error {
    let text = match error.kind() {
        ErrorKind::NotFound => "no such file or folder".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::StorageFull => "no space left on the device".to_string(),
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder".to_string(),
        ErrorKind::IsADirectory => "it is a folder".to_string(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        _ => match error.raw_os_error() {
            // Keep the system's words, without any path tempfile added.
            Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
            None => error.to_string(),
        },
    };
    std::io::Error::new(error.kind(), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force_and_replaces_with_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.svg");
        write_atomic(&path, b"one", false).expect("first write");
        assert!(matches!(
            write_atomic(&path, b"two", false),
            Err(Error::Exists { .. })
        ));
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        write_atomic(&path, b"two", true).expect("forced write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    #[test]
    fn an_unwritable_path_is_a_clear_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").expect("write");
        let target = file.join("out.svg");
        let err = write_atomic(&target, b"x", false).expect_err("fails");
        let text = err.to_string();
        assert!(
            text.starts_with(&format!("cannot write {}", target.display())),
            "{text}"
        );
        assert!(!text.contains(".tradeoffs-"), "{text}");
    }

    #[test]
    fn a_missing_folder_is_created() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new/deeper/out.svg");
        write_atomic(&path, b"x", false).expect("writes");
        assert_eq!(std::fs::read(&path).expect("read"), b"x");
    }

    #[cfg(unix)]
    #[test]
    fn force_writes_through_a_link_and_keeps_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("real.html");
        std::fs::write(&target, "old").expect("write");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink("real.html", &link).expect("link");
        assert!(matches!(
            write_atomic(&link, b"new", false),
            Err(Error::Exists { .. })
        ));
        write_atomic(&link, b"new", true).expect("forced");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        let mode = std::fs::metadata(&target)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_needs_force_and_then_creates_its_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink("sub/real.html", &link).expect("link");
        assert!(matches!(
            write_atomic(&link, b"x", false),
            Err(Error::Exists { .. })
        ));
        write_atomic(&link, b"x", true).expect("forced");
        assert_eq!(
            std::fs::read(dir.path().join("sub/real.html")).expect("read"),
            b"x"
        );
    }
}
