//! Flag values that shells can complete: a value parser that keeps its own parsing (and its
//! error messages) but tells clap, and so the completion scripts and `--help`, which values
//! there are.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, TypedValueParser};

/// Parses with `inner` and offers `values` for completion. Values outside the list are still
/// whatever `inner` makes of them (a provider named in the configuration, say).
#[derive(Clone)]
pub struct Completing<P> {
    inner: P,
    values: Vec<&'static str>,
}

impl<P> Completing<P> {
    /// `inner` parses; `values` are offered.
    pub fn new(inner: P, values: impl IntoIterator<Item = &'static str>) -> Completing<P> {
        Completing { inner, values: values.into_iter().collect() }
    }
}

impl<P: TypedValueParser> TypedValueParser for Completing<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().map(|v| PossibleValue::new(*v))))
    }
}

/// A parser function, as [`Completing`] wraps it.
pub type ParseFn<T> = fn(&str) -> Result<T, String>;

/// Lead statuses, parsed into [`crate::model::Status`].
pub fn statuses() -> Completing<ParseFn<crate::model::Status>> {
    fn parse(s: &str) -> Result<crate::model::Status, String> {
        s.parse()
    }
    Completing::new(parse as fn(&str) -> _, crate::model::Status::ALL.map(|s| s.as_str()))
}

/// Lead statuses as text, checked later with the rest of a record (`ingest --status`: a bad
/// one is a rejected lead, as in a file), offered for completion.
pub fn status_texts() -> Completing<clap::builder::StringValueParser> {
    let names = crate::model::Status::ALL.map(|s| s.as_str());
    Completing::new(clap::builder::StringValueParser::new(), names)
}
