//! Pieces of the WHERE clauses that directory listings build: numbered placeholders, code
//! ranges and name patterns.

use super::tx::Arg;

/// Adds `arg` and returns its placeholder.
pub(super) fn next(args: &mut Vec<Arg>, arg: Arg) -> String {
    args.push(arg);
    format!("${}", args.len())
}

/// The exclusive end of the range of codes starting with `prefix`: codes are ASCII digits and
/// hyphens, all below `~`.
pub(super) fn upper_bound(prefix: &str) -> String {
    format!("{prefix}~")
}

/// A `LIKE … ESCAPE '\'` pattern matching lower-cased text that contains `words`, with the
/// wildcard characters in `words` taken literally.
pub(super) fn contains_pattern(words: &str) -> String {
    let escaped: String = words
        .to_lowercase()
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_in_the_words_are_taken_literally() {
        assert_eq!(contains_pattern("50%_Off\\"), "%50\\%\\_off\\\\%");
        assert_eq!(upper_bound("5415"), "5415~");
        assert!("541512" < upper_bound("5415").as_str() && "5416" > upper_bound("5415").as_str());
    }
}
