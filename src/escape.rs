//! Escaping of text that comes from a report or a rule file before it goes
//! into HTML, SVG or Markdown: one place, so no output can forget it.

/// Text safe inside HTML / SVG elements and quoted attributes.
pub fn html(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Control characters are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => o.push('\u{fffd}'),
            c => o.push(c),
        }
    }
    o
}

/// Text safe in a Markdown table cell: no markup, no HTML, one line.
pub fn markdown(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\n' | '\r' | '\t' => o.push(' '),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' => {
                o.push('\\');
                o.push(ch);
            }
            c if c.is_control() => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_cannot_open_a_tag_or_leave_an_attribute() {
        assert_eq!(
            html("<script>alert(\"x\" & 'y')</script>\u{0}"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;\u{fffd}"
        );
    }

    #[test]
    fn markdown_cells_cannot_break_out() {
        assert_eq!(
            markdown("a|b <script>x</script> *c* `d`\nnext"),
            "a\\|b &lt;script&gt;x&lt;/script&gt; \\*c\\* \\`d\\` next"
        );
    }
}
