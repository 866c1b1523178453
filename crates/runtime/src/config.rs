//! Layered configuration: defaults ← TOML file ← `NEWSCRAWL_*` environment ← flags.
//!
//! Every layer is a TOML table; later layers replace single keys of earlier ones, and the merged
//! table is deserialised once into the caller's typed settings (whose `#[serde(default)]` supplies
//! the defaults and `#[serde(deny_unknown_fields)]` catches typos in every layer).

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::{Table, Value};

/// Prefix of the environment variables read. `NEWSCRAWL_SCHEDULER__DELAY_MS=0` sets
/// `scheduler.delay_ms`: sections and keys are separated by a double underscore.
pub const ENV_PREFIX: &str = "NEWSCRAWL_";

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The TOML file cannot be read.
    #[error("cannot read config file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The TOML file is not valid TOML.
    #[error("config file {path} is not valid TOML: {source}")]
    Toml {
        /// The file.
        path: String,
        /// Why.
        source: toml::de::Error,
    },
    /// An override is not `section.key=value`.
    #[error("bad setting `{0}`: expected section.key=value")]
    Override(String),
    /// The merged settings do not fit the schema.
    #[error("invalid configuration: {0}")]
    Invalid(toml::de::Error),
}

/// Where the layers come from.
#[derive(Debug, Default)]
pub struct Sources<'a> {
    /// The TOML file, if any.
    pub file: Option<&'a Path>,
    /// The environment, as `(name, value)` pairs (tests pass their own).
    pub env: Vec<(String, String)>,
    /// Flag overrides, each `section.key=value`, applied last in order.
    pub overrides: Vec<String>,
}

/// Loads and validates settings of type `T` from the layers.
pub fn load<T: DeserializeOwned>(sources: Sources<'_>) -> Result<T, ConfigError> {
    let mut table = match sources.file {
        Some(path) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: shown.clone(),
                source,
            })?;
            text.parse::<Table>().map_err(|source| ConfigError::Toml {
                path: shown,
                source,
            })?
        }
        None => Table::new(),
    };
    for (name, raw) in &sources.env {
        if let Some(rest) = name.strip_prefix(ENV_PREFIX) {
            let path: Vec<String> = rest.split("__").map(str::to_lowercase).collect();
            set(&mut table, &path, scalar(raw));
        }
    }
    for item in &sources.overrides {
        let (key, raw) = item
            .split_once('=')
            .ok_or_else(|| ConfigError::Override(item.clone()))?;
        let path: Vec<String> = key.trim().split('.').map(str::to_owned).collect();
        if path.iter().any(String::is_empty) {
            return Err(ConfigError::Override(item.clone()));
        }
        set(&mut table, &path, scalar(raw.trim()));
    }
    T::deserialize(Value::Table(table)).map_err(ConfigError::Invalid)
}

/// A raw string read as a TOML scalar when it is one (`10`, `true`, `1.5`), else as a string.
fn scalar(raw: &str) -> Value {
    format!("v = {raw}")
        .parse::<Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .filter(|v| !v.is_table())
        .unwrap_or_else(|| Value::String(raw.to_owned()))
}

fn set(table: &mut Table, path: &[String], value: Value) {
    match path {
        [] => {}
        [key] => {
            table.insert(key.clone(), value);
        }
        [section, rest @ ..] => {
            let entry = table
                .entry(section.clone())
                .or_insert_with(|| Value::Table(Table::new()));
            if !entry.is_table() {
                *entry = Value::Table(Table::new());
            }
            if let Value::Table(inner) = entry {
                set(inner, rest, value);
            }
        }
    }
}

/// Serde helper: a `Duration` written as whole milliseconds (`delay_ms = 1000`).
pub mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer};

    /// Deserialises milliseconds into a `Duration`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

/// A secret string (a URL with a password) that never shows in `Debug` output or logs.
#[derive(Clone, serde::Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that uses it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields, default)]
    struct Role {
        #[serde(with = "millis")]
        delay_ms: Duration,
        name: String,
        flag: bool,
    }

    impl Default for Role {
        fn default() -> Self {
            Self {
                delay_ms: Duration::from_secs(1),
                name: "default".into(),
                flag: false,
            }
        }
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    #[serde(deny_unknown_fields, default)]
    struct All {
        role: Role,
        url: Option<Secret>,
    }

    #[test]
    fn layers_apply_in_order() {
        let dir = std::env::temp_dir().join(format!("newscrawl-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("c.toml");
        std::fs::write(
            &file,
            "url = \"amqp://file\"\n[role]\ndelay_ms = 5\nname = \"file\"\n",
        )
        .expect("write");
        let env = vec![
            ("NEWSCRAWL_ROLE__NAME".to_owned(), "env".to_owned()),
            ("NEWSCRAWL_ROLE__FLAG".to_owned(), "true".to_owned()),
            ("OTHER".to_owned(), "ignored".to_owned()),
        ];
        let all: All = load(Sources {
            file: Some(&file),
            env,
            overrides: vec!["role.delay_ms=7".into()],
        })
        .expect("loads");
        assert_eq!(
            all.role,
            Role {
                delay_ms: Duration::from_millis(7),
                name: "env".into(),
                flag: true
            }
        );
        assert_eq!(all.url, Some(Secret::new("amqp://file")));
        assert!(
            !format!("{all:?}").contains("amqp://file"),
            "secrets stay out of Debug"
        );
        let defaults: All = load(Sources::default()).expect("defaults");
        assert_eq!(defaults.role, Role::default());
    }

    #[test]
    fn typos_and_bad_values_are_named() {
        let err = load::<All>(Sources {
            overrides: vec!["role.dely_ms=1".into()],
            ..Default::default()
        })
        .expect_err("typo");
        assert!(err.to_string().contains("dely_ms"), "{err}");
        let err = load::<All>(Sources {
            overrides: vec!["role.delay_ms=soon".into()],
            ..Default::default()
        })
        .expect_err("type");
        assert!(err.to_string().contains("delay_ms"), "{err}");
        assert!(matches!(
            load::<All>(Sources {
                overrides: vec!["novalue".into()],
                ..Default::default()
            }),
            Err(ConfigError::Override(_))
        ));
    }
}
