//! Error mapping: sayso's own errors are the Python classes of `sayso._errors`, which
//! derive from `sayso.SaysoError` and from the matching built-in (`ValueError`, `TypeError`).

use pyo3::prelude::*;

pyo3::import_exception!(sayso._errors, SaysoError);
pyo3::import_exception!(sayso._errors, OptionError);
pyo3::import_exception!(sayso._errors, InputError);

/// A `sayso.SaysoError` with this message.
pub(crate) fn sayso_error(message: impl Into<String>) -> PyErr {
    SaysoError::new_err(message.into())
}

/// A bad option: `sayso.OptionError` (a `ValueError`).
pub(crate) fn option_error(message: impl Into<String>) -> PyErr {
    OptionError::new_err(message.into())
}

/// Input of the wrong type: `sayso.InputError` (a `TypeError`).
pub(crate) fn input_error(message: impl Into<String>) -> PyErr {
    InputError::new_err(message.into())
}

/// Maps an error of the core.
pub(crate) fn from_core(err: sayso::Error) -> PyErr {
    match err.kind() {
        sayso::ErrorKind::InvalidOption => option_error(err.to_string()),
        _ => sayso_error(err.to_string()),
    }
}

/// `TypeError` text naming what was expected and what came.
pub(crate) fn expected(what: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let name = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string());
    input_error(format!("{what} must be str, not {name}"))
}
