//! "Did you mean": names close to a misspelt one (rule ids, fields,
//! placeholders, columns). A leaf: the rule language, the rule files and the
//! table reader all ask it, and it asks nothing of them.

/// Names similar to `name` among `known` (for "did you mean" help lines).
pub fn simili<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (distanza(name, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .collect();
    v.sort();
    v.into_iter().take(3).map(|(_, k)| k).collect()
}

/// The one name of `known` to suggest for `name` ("did you mean"), if any:
/// the closest of [`simili`], for names of three characters or more (any
/// one-character name is one edit from every other).
pub fn piu_simile<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if name.chars().count() < 3 {
        return None;
    }
    simili(name, known).first().copied()
}

/// Levenshtein distance on characters.
fn distanza(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            simili("total-mismach", ["total-mismatch", "all-zero"]),
            ["total-mismatch"]
        );
        assert!(simili("zzz", ["total-mismatch"]).is_empty());
    }
}
