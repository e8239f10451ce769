#!/usr/bin/env bash
# Run one cargo-fuzz target for a while, from seeds committed in the repo.
#   fuzz/run.sh parse_report 1800      # 30 minutes
#   fuzz/run.sh rule_files 1800
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# The working corpus (fuzz/corpus/TARGET) and crashes (fuzz/artifacts/TARGET)
# are not committed; a crash found becomes a regression fixture under
# fixtures/ and a test in tests/robustness.rs.
set -euo pipefail
target=${1:?target: parse_report or rule_files}
secs=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
corpus="$here/corpus/$target"
mkdir -p "$corpus"
case "$target" in
  parse_report)
    # Seeds: every fixture report, and the real report cut into windows of
    # 120 lines (whole it is 163 KB, far above a useful -max_len).
    cp "$root"/fixtures/*.txt "$root"/fixtures/rules/*.txt "$root"/fixtures/vincoli/*.txt "$corpus"/ 2>/dev/null || true
    split -l 120 -d -a 3 "$root/reports/milano-2022-dir07-welfare-e-salute.txt" "$corpus/real-"
    # Every window is also a report of its own: give each the title line.
    head -1 "$root/reports/milano-2022-dir07-welfare-e-salute.txt" > "$corpus/title"
    for f in "$corpus"/real-*; do cat "$corpus/title" "$f" > "$f.t"; done
    flags=(-max_len=16384 -dict="$here/report.dict")
    ;;
  rule_files)
    cp "$root"/rules/default.toml "$root"/rules/*.links.toml "$root"/fixtures/vincoli/*.toml "$corpus"/
    flags=(-max_len=65536)
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
cd "$here"
exec cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$secs" -print_final_stats=1 "${flags[@]}"
