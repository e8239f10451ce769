//! `quadra report`: the audit report's structure (HTML and Markdown), its
//! escaping of hostile text, and the page opened in headless Chromium.
//!
//! The browser test needs Debian's `chromium` (`.ci/run` installs it when
//! missing); screenshots are left in `target/browser/` to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

const REAL: &str = "reports/milano-2022-dir07-welfare-e-salute.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out_dir() -> PathBuf {
    let d = root().join("target/browser");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `quadra report ARGS -o FILE`; (exit code, the file's text).
fn report(args: &[&str], name: &str) -> (i32, String, PathBuf) {
    let path = out_dir().join(name);
    let out = Command::new(env!("CARGO_BIN_EXE_quadra"))
        .arg("report")
        .args(args)
        .arg("-o")
        .arg(&path)
        .current_dir(root())
        // The date of the check, fixed: 1 December 2022.
        .env("SOURCE_DATE_EPOCH", "1669852800")
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    (out.status.code().unwrap_or(-1), text, path)
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn html_report_of_the_real_report() {
    let (code, html, _) = report(&[REAL], "real.html");
    assert_eq!(code, 1, "the real report has errors");
    // Every finding of `check` (3 errors, 42 warnings, 76 infos) is a row.
    assert_eq!(count(&html, "<tr class=\"finding error\""), 3);
    assert_eq!(count(&html, "<tr class=\"finding warning\""), 42);
    assert_eq!(count(&html, "<tr class=\"finding info\""), 76);
    // 7 sections, 1.C in its two parts.
    let sezioni = &html[html.find("<table class=\"sezioni\">").unwrap()..];
    let sezioni = &sezioni[..sezioni.find("</table>").unwrap()];
    assert_eq!(count(sezioni, "<tr><td>"), 8);
    assert!(sezioni.contains("<tr><td>1.B</td><td>SPESE CORRENTI</td><td class=\"n\">249</td><td class=\"n\">111</td><td class=\"n\">275.209.493,05</td>"));
    // The 35 groups of the link file; those out of balance are marked.
    assert_eq!(count(&html, "<tr class=\"gruppo"), 35);
    assert_eq!(count(&html, "<tr class=\"gruppo squilibrato\""), 16);
    // Two pictures drawn by quadra, 8 missioni-programmi.
    assert_eq!(count(&html, "<svg "), 2);
    let missioni = &html[html.find("<table class=\"missioni\">").unwrap()..];
    assert_eq!(count(missioni, "<tr><td>"), 8);
    assert!(missioni.contains("<tr><td>12 04 Interventi per soggetti a rischio di esclusione sociale</td><td class=\"n\">77.943.744,51</td>"));
    // Self-contained: nothing to fetch, nothing to run.
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ));
    assert_eq!(count(&html, "<script"), 0);
    assert_eq!(count(&html, "src="), 0);
    assert_eq!(count(&html, "href=\"http"), 0);
    assert_eq!(count(&html, "url("), 0);
}

#[test]
fn hostile_text_is_shown_never_run() {
    let (code, html, _) = report(
        &["--no-config", "fixtures/hostile-text.txt"],
        "hostile.html",
    );
    assert_eq!(code, 0);
    for tag in ["<script", "<img", "<style>body"] {
        assert_eq!(count(&html, tag), 0, "{tag} made from report text");
    }
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp;amp; &quot;Q&quot;"
    ));
    let (_, md, _) = report(
        &["--no-config", "--format", "md", "fixtures/hostile-text.txt"],
        "hostile.md",
    );
    assert_eq!(count(&md, "<script"), 0);
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp;amp; \"Q\" \\| \\*DA\\* \\[x\\](http&#58;//evil)"));
}

#[test]
fn markdown_report_of_a_declared_unbalanced_group() {
    let (code, md, _) = report(
        &[
            "--no-config",
            "--format",
            "md",
            "--links",
            "fixtures/vincoli/unbalanced.links.toml",
            "fixtures/vincoli/unbalanced.txt",
        ],
        "unbalanced.md",
    );
    assert_eq!(code, 1);
    // The built-in rule set's hash changes with every edit of rules/default.toml.
    let h = quadra::rapporto::carta::sha256(quadra::config::DEFAULT_RULES.as_bytes());
    assert_eq!(md.matches(&h).count(), 1);
    let md = md.replace(&h, "[SHA-256 of rules/default.toml]");
    insta::assert_snapshot!("report_unbalanced_md", md);
}

/// Headless Chromium as the machine allows it: no sandbox (root), no
/// network services, a fresh profile.
fn chromium(args: &[&str]) -> std::process::Output {
    // A profile of its own per run: tests run at the same time.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = tempdir(&format!("chromium-profile-{n}"));
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("Debian's chromium is installed (.ci/run installs it: apt-get install chromium)");
    let _ = std::fs::remove_dir_all(&profile);
    out
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quadra-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Console messages: the page has no script, so any is a refused load (CSP)
/// or a rendering error.
fn console(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Refused to") || l.contains("Uncaught"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_html_report_renders_in_chromium() {
    for (name, args, rows) in [
        ("real-browser.html", vec![REAL], 121),
        // The Italian page of the same report: the same rows.
        ("real-browser-it.html", vec!["--lang", "it", REAL], 121),
        (
            "hostile-browser.html",
            vec!["--no-config", "fixtures/hostile-text.txt"],
            1,
        ),
    ] {
        let (_, _, path) = report(&args, name);
        let url = format!("file://{}", path.display());
        let dom = chromium(&["--dump-dom", &url]);
        let text = String::from_utf8_lossy(&dom.stdout);
        assert_eq!(console(&dom.stderr), Vec::<String>::new(), "{name}");
        assert_eq!(count(&text, "<tr class=\"finding "), rows, "{name}");
        assert_eq!(count(&text, "<svg "), 2, "{name}");
        assert_eq!(count(&text, "<script"), 0, "{name}");
        assert_eq!(count(&text, "<img"), 0, "{name}");
        if name.ends_with("-it.html") {
            assert_eq!(count(&text, "<html lang=\"it\">"), 1, "{name}");
            assert_eq!(count(&text, "<h2>Estremi del controllo</h2>"), 1, "{name}");
            assert_eq!(count(&text, "<h2>Note del revisore</h2>"), 1, "{name}");
        }
        let png = out_dir().join(name.replace(".html", ".png"));
        let _ = std::fs::remove_file(&png);
        let shot = chromium(&[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,2400",
            "--hide-scrollbars",
            &url,
        ]);
        assert_eq!(console(&shot.stderr), Vec::<String>::new(), "{name}");
        let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        assert!(size > 20_000, "{name}: screenshot of {size} bytes");
    }
}

#[test]
fn the_console_check_catches_a_page_that_loads_or_runs() {
    // The control: the same CSP with an image to fetch and a script to run
    // must produce console messages, or the check above proves nothing.
    let d = tempdir("bad-page");
    let page = d.join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"></head><body><img src=\"https://example.com/x.png\"><script>document.title='x'</script></body></html>",
    )
    .unwrap();
    let dom = chromium(&["--dump-dom", &format!("file://{}", page.display())]);
    assert_eq!(
        console(&dom.stderr).len(),
        2,
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
}
