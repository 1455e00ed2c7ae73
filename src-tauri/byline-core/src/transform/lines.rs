//! Line-level tidying shared by the transforms that produce text.

/// Each line without trailing spaces, and at most one blank line in a row;
/// every line kept ends with `\n`.
pub fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_blank_lines_become_one() {
        assert_eq!(
            collapse_blank_lines("a  \n\n \n\t\nb\n\n\nc"),
            "a\n\nb\n\nc\n"
        );
        assert_eq!(collapse_blank_lines("\n\nx"), "\nx\n");
        assert_eq!(collapse_blank_lines(""), "");
    }
}
