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

/// Text safe to print on a terminal: control characters (ESC sequences
/// could retitle the window, clear the screen or hide text) become U+FFFD;
/// newlines and tabs stay.
pub fn terminale(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
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
            // No @mention: GitHub would notify someone.
            '@' => o.push_str("&#64;"),
            c if c.is_control() => o.push(' '),
            c => o.push(c),
        }
    }
    // No autolink: a report's text must not become a link.
    if o.contains("://") {
        o = o.replace("://", "&#58;//");
    }
    if o.contains("www.") {
        o = o.replace("www.", "www&#46;");
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
    fn terminal_text_has_no_escape_sequence() {
        assert_eq!(
            terminale("a\u{1b}]0;x\u{7}b\n\tc"),
            "a\u{fffd}]0;x\u{fffd}b\n\tc"
        );
        assert!(matches!(terminale("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_has_no_mention_and_no_autolink() {
        assert_eq!(markdown("@team http://x"), "&#64;team http&#58;//x");
    }

    #[test]
    fn markdown_cells_cannot_break_out() {
        assert_eq!(
            markdown("a|b <script>x</script> *c* `d`\nnext"),
            "a\\|b &lt;script&gt;x&lt;/script&gt; \\*c\\* \\`d\\` next"
        );
    }
}
