//! What can go wrong in a run, and the exit code each maps to.
//!
//! | exit | meaning |
//! |------|---------|
//! | 0 | success |
//! | 1 | a problem in the input files (every problem printed), or a file that cannot be written |
//! | 2 | a usage error: an unknown flag, profile, method, option or criterion on the command line |

use std::path::PathBuf;

/// The error of a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input files have problems; each is already rendered in the message.
    #[error("{rendered}")]
    Input {
        /// Every diagnostic, rendered, then a summary line.
        rendered: String,
    },
    /// The problems were already printed (by `check`); only the exit code remains.
    #[error("")]
    Reported,
    /// The command line asks for something that cannot be.
    #[error("{0}")]
    Usage(String),
    /// An output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An output file exists and `--force` was not given.
    #[error("{path} already exists; pass --force to overwrite it")]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The workshop server failed.
    #[error("server error: {0}")]
    Server(String),
    /// Standard output was closed by its reader (`| head`): stop quietly.
    #[error("")]
    ClosedPipe,
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::ClosedPipe => 0,
            _ => 1,
        }
    }

    /// Prints the error on standard error, as `error: …` (red on a terminal
    /// that allows colour; `NO_COLOR` turns it off), except where the message
    /// is already rendered diagnostics or there is nothing left to say.
    pub fn eprint(&self) {
        let message = self.to_string();
        if message.is_empty() {
            return;
        }
        if matches!(self, Error::Input { .. }) {
            anstream::eprintln!("{message}");
        } else {
            let style = anstyle::AnsiColor::Red.on_default().bold();
            anstream::eprintln!("{style}error{style:#}: {message}");
        }
    }
}
