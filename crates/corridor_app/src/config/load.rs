//! Reading the layers in order of precedence and validating the result.

use std::path::{Path, PathBuf};

use super::validate::{ConfigProblem, ConfigProblems};
use super::{Config, RawConfig};

/// The file read when none is named and `./corridor.toml` exists.
pub const DEFAULT_FILE: &str = "corridor.toml";

/// Which configuration file to read.
#[derive(Debug, Clone)]
pub enum ConfigFile {
    /// Named explicitly (flag or `CORRIDOR_CONFIG`): it must exist.
    Named(PathBuf),
    /// `./corridor.toml` if present.
    Default,
}

/// Defaults < file < environment < flags, then validation. `env` is the process environment in
/// production and a fixed list in tests.
pub fn load<I, K, V>(file: &ConfigFile, env: I, flags: RawConfig) -> Result<Config, ConfigProblems>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut problems = Vec::new();
    let from_file = read_file(file).unwrap_or_else(|p| {
        problems.extend(p.0);
        RawConfig::default()
    });
    let (from_env, env_problems) = RawConfig::from_env(env);
    problems.extend(env_problems);
    let merged = from_file.merge(from_env).merge(flags);
    match merged.validate() {
        Ok(config) if problems.is_empty() => Ok(config),
        Ok(_) => Err(ConfigProblems(problems)),
        Err(more) => {
            problems.extend(more.0);
            Err(ConfigProblems(problems))
        }
    }
}

fn read_file(file: &ConfigFile) -> Result<RawConfig, ConfigProblems> {
    let path: &Path = match file {
        ConfigFile::Named(path) => path,
        ConfigFile::Default => {
            let path = Path::new(DEFAULT_FILE);
            if !path.exists() {
                return Ok(RawConfig::default());
            }
            path
        }
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigProblems::one(ConfigProblem::new(
            shown.clone(),
            format!("cannot read the configuration file: {e}"),
        ))
    })?;
    RawConfig::from_toml_str(&text, &shown)
}
