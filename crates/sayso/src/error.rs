//! Errors: one opaque type with a kind, in the manner of `regex` and `jiff`.

use std::fmt;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Input bytes are not UTF-8; `offset` is the byte offset of the first bad byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A builder option is unusable (an empty word, an alias to nothing, …).
    InvalidOption,
}

/// An error from sayso, with a [`ErrorKind`] and a human-readable message.
///
/// ```
/// let err = sayso::Analyzer::new().analyze_bytes(b"ok \xff").unwrap_err();
/// assert_eq!(err.kind(), &sayso::ErrorKind::InvalidUtf8 { offset: 3 });
/// assert!(err.to_string().contains("byte 3"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn invalid_utf8(err: std::str::Utf8Error) -> Error {
        let offset = err.valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8 { offset },
            format!("invalid UTF-8 at byte {offset}"),
        )
    }

    pub(crate) fn option(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidOption, message)
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
