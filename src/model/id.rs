//! Identifiers of the things a model names, one type each so they are never mixed up.

use std::fmt;

use serde::Serialize;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id that has already been checked.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as written in the files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// The id of a policy option, e.g. `eradication`.
    OptionId
);
id_type!(
    /// The id of a criterion, e.g. `fentanyl_flow`.
    CriterionId
);
id_type!(
    /// The id of a group of criteria in the value tree.
    GroupId
);
id_type!(
    /// The id of a stakeholder weight profile.
    ProfileId
);
id_type!(
    /// The citation id of a source, e.g. `brookings-2020`.
    SourceId
);

/// Whether `id` is a valid id: one or more of `[a-z0-9_-]`.
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}
