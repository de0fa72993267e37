//! Spreadsheet-safe CSV cells (OWASP CSV injection): lead fields come from public web forms,
//! so a cell such as `=HYPERLINK(...)` must not run as a formula when an operator opens an
//! export. `neutralize` writes such cells with a leading apostrophe; `unneutralize` (used by
//! `ingest`) strips exactly that apostrophe again, so exports round-trip to the original values.

/// Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
pub const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// Whether a cell, after any leading apostrophes, starts with a formula character.
pub fn starts_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Reads back a cell that `export` neutralised against formula injection: one leading `'` is
/// removed from a cell whose apostrophes are followed by `= + - @` TAB CR LF, so exports
/// round-trip to the original values (including values that began with an apostrophe).
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => cell,
    }
}

/// OWASP CSV-injection defence: a leading `'` before a cell that starts with `= + - @` TAB CR
/// LF, except values that are plainly numbers or E.164 phones (`+15551234567`). A value that
/// already starts with apostrophes before such a character gets one more, so that reading the
/// export back ([`unneutralize`] strips exactly one) gives it unchanged.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    let numeric = {
        let body = cell.strip_prefix(['+', '-']).unwrap_or(cell);
        !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    if starts_like_formula(cell) && !numeric { format!("'{cell}").into() } else { cell.into() }
}

/// A CSV record with every cell neutralised (for the CSV output of every command).
pub fn safe<I, S>(cells: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    cells.into_iter().map(|c| neutralize(c.as_ref()).into_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralizes_formulas_but_not_numbers() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("+15551234567"), "+15551234567");
        assert_eq!(neutralize("-12.5"), "-12.5");
        assert_eq!(neutralize("Ann"), "Ann");
        assert_eq!(neutralize("'=x"), "''=x");
        assert_eq!(neutralize("'quoted"), "'quoted");
    }

    #[test]
    fn round_trips_through_unneutralize() {
        for v in [
            "=1+1",
            "+cmd",
            "-x",
            "@a",
            "\tx",
            "'=x",
            "''=x",
            "'quoted",
            "plain",
            "+15551234567",
            "-12.5",
        ] {
            assert_eq!(unneutralize(&neutralize(v)), v, "{v:?}");
        }
    }
}
