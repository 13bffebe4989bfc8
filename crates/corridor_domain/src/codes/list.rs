//! The generic in-memory code list: sorted entries borrowed from embedded
//! text, with a parent → children index and a lower-cased title cache for
//! search.

use std::collections::HashMap;

use super::CodeSystem;

/// One code of a code list. All strings borrow from data compiled into the
/// binary, so entries are cheap to hand out and never change.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CodeEntry {
    /// Canonical spelling, e.g. HS `"100630"`, NAICS `"31-33"`, `"PK-PB"`, `"Asia/Karachi"`.
    pub code: &'static str,
    pub title: &'static str,
    /// Hierarchy level or kind, lower snake case, e.g. `"heading"`, `"industry_group"`, `"province"`.
    pub level: &'static str,
    /// Code of the enclosing entry. For top-level ISO 3166-2 subdivisions this
    /// is the country's alpha-2 code (found in the countries list).
    pub parent: Option<&'static str>,
}

/// A bundled code list. Obtain one from [`CodeSystem::list`] or the
/// accessor functions such as [`super::hs2022`].
pub struct CodeList {
    system: CodeSystem,
    /// Sorted by `code` (byte order) so `get` can binary-search.
    entries: Vec<CodeEntry>,
    /// Extra TSV columns per entry (tab-joined), same index as `entries`.
    extras: Vec<&'static str>,
    /// Lower-cased titles, same index as `entries`; built once so search
    /// does not allocate per entry.
    lower_titles: Vec<String>,
    children: HashMap<&'static str, Vec<usize>>,
}

impl std::fmt::Debug for CodeList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeList")
            .field("system", &self.system)
            .field("len", &self.entries.len())
            .finish()
    }
}

impl CodeList {
    /// Parses embedded TSV: `#` comment lines, then
    /// `code<TAB>level<TAB>parent<TAB>title[<TAB>extra...]`.
    /// Panics on malformed rows: the data is compiled in and covered by
    /// tests, so a bad row is a build defect, not a runtime condition.
    pub(crate) fn from_tsv(system: CodeSystem, text: &'static str) -> CodeList {
        let rows = text
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| {
                let mut fields = line.splitn(5, '\t');
                let mut next = || fields.next();
                let (Some(code), Some(level), Some(parent), Some(title)) =
                    (next(), next(), next(), next())
                else {
                    panic!("bad {} data row: {line:?}", system.slug());
                };
                let extra = fields.next().unwrap_or("");
                let parent = (!parent.is_empty()).then_some(parent);
                let entry = CodeEntry {
                    code,
                    title,
                    level,
                    parent,
                };
                (entry, extra)
            });
        CodeList::from_entries(system, rows.collect())
    }

    pub(crate) fn from_entries(
        system: CodeSystem,
        mut rows: Vec<(CodeEntry, &'static str)>,
    ) -> CodeList {
        rows.sort_by(|a, b| a.0.code.cmp(b.0.code));
        rows.dedup_by(|a, b| a.0.code == b.0.code);
        let (entries, extras): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        let lower_titles = entries.iter().map(|e| e.title.to_lowercase()).collect();
        let mut children: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(parent) = e.parent {
                children.entry(parent).or_default().push(i);
            }
        }
        CodeList {
            system,
            entries,
            extras,
            lower_titles,
            children,
        }
    }

    pub fn system(&self) -> CodeSystem {
        self.system
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries, sorted by code.
    pub fn iter(&self) -> impl Iterator<Item = &CodeEntry> {
        self.entries.iter()
    }

    /// Looks a code up after normalising common spellings
    /// (`"1006.30"`, `" 10 06 30 "`, `"pk-pb"`, `"asia/karachi"`).
    pub fn get(&self, code: &str) -> Option<&CodeEntry> {
        let canonical = self.system.canonical(code).ok()?;
        self.index_of(&canonical).map(|i| &self.entries[i])
    }

    /// Direct children of `code`, sorted by code. For subdivisions, a
    /// country code (`"PK"`) yields that country's top-level subdivisions.
    pub fn children(&self, code: &str) -> impl Iterator<Item = &CodeEntry> + use<'_> {
        let key = match self.system.canonical(code) {
            Ok(canonical) => canonical,
            Err(_) => self.system.clean(code),
        };
        let indices = self
            .children
            .get(key.as_str())
            .map_or(&[][..], Vec::as_slice);
        indices.iter().map(|&i| &self.entries[i])
    }

    /// Entries whose code starts with `prefix` (after the same clean-up as
    /// lookups, without padding), sorted by code. Empty prefix = all.
    pub fn with_prefix(&self, prefix: &str) -> impl Iterator<Item = &CodeEntry> + use<'_> {
        let prefix = self.system.clean(prefix);
        self.entries
            .iter()
            .filter(move |e| starts_with_ignore_case(e.code, &prefix))
    }

    /// Case-insensitive search. Entries whose code starts with the cleaned
    /// query come first, then entries whose title contains every word of
    /// the query; both in code order, at most `limit` results.
    pub fn search(&self, text: &str, limit: usize) -> Vec<&CodeEntry> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let prefix = self.system.clean(text);
        let mut hits: Vec<usize> = Vec::new();
        if !prefix.is_empty() {
            hits.extend(
                (0..self.entries.len())
                    .filter(|&i| starts_with_ignore_case(self.entries[i].code, &prefix))
                    .take(limit),
            );
        }
        let by_code = hits.len();
        for (i, title) in self.lower_titles.iter().enumerate() {
            if hits.len() >= limit {
                break;
            }
            if words.iter().all(|w| title.contains(w.as_str())) && !hits[..by_code].contains(&i) {
                hits.push(i);
            }
        }
        hits.into_iter().map(|i| &self.entries[i]).collect()
    }

    pub fn count_at_level(&self, level: &str) -> usize {
        self.entries.iter().filter(|e| e.level == level).count()
    }

    /// Canonical-code lookup without normalisation.
    pub(crate) fn index_of(&self, canonical: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| e.code.cmp(canonical))
            .ok()
    }

    pub(crate) fn entry_at(&self, index: usize) -> &CodeEntry {
        &self.entries[index]
    }

    /// The `n`th extra TSV column of the entry at `index`, if present.
    pub(crate) fn extra(&self, index: usize, n: usize) -> Option<&'static str> {
        self.extras[index]
            .split('\t')
            .nth(n)
            .filter(|s| !s.is_empty())
    }
}

fn starts_with_ignore_case(code: &str, prefix: &str) -> bool {
    code.len() >= prefix.len()
        && code.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}
