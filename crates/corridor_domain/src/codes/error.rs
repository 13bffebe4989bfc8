//! Errors from parsing codes.

/// Why a string is not a code of a bundled code system. `system` is the
/// system's [`super::CodeSystem::title`], e.g. `"HS 2022"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("unknown {system} code {code:?}")]
    Unknown { system: &'static str, code: String },
    #[error("malformed {system} code {input:?}: {reason}")]
    Malformed {
        system: &'static str,
        input: String,
        reason: &'static str,
    },
}

/// Longest slice of user input echoed back in an error, so hostile input
/// cannot blow up log lines or responses.
const ECHO_LIMIT: usize = 64;

pub(super) fn echo(input: &str) -> String {
    if input.len() <= ECHO_LIMIT {
        return input.to_owned();
    }
    let mut end = ECHO_LIMIT;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &input[..end])
}
