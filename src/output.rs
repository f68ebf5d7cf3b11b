//! Writing output files: never over an existing file unless asked, and always
//! atomically, so a reader never sees half a file.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place. Refuses to replace an existing file unless `force`.
///
/// # Errors
/// [`Error::Exists`] when the file exists and `force` is false;
/// [`Error::Write`] when the folder cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Error> {
    if path.exists() && !force {
        return Err(Error::Exists {
            path: path.to_path_buf(),
        });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let failed = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    #[cfg(unix)]
    {
        // A temporary file is private; the output is an ordinary file.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o644);
        file.as_file().set_permissions(mode).map_err(failed)?;
    }
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
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
    fn an_unwritable_folder_is_a_clear_error() {
        let err =
            write_atomic(Path::new("/nonexistent-folder/out.svg"), b"x", false).expect_err("fails");
        assert!(
            err.to_string()
                .starts_with("cannot write /nonexistent-folder/out.svg")
        );
    }
}
