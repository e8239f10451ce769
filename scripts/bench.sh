#!/usr/bin/env bash
# The benchmark suite: parse, full check and vincolo inference on generated
# documents of 1 MB, 10 MB, 100 MB and 1 GB and on the real report (the full
# check is what `quadra check --format json` does: one report at a time, parse,
# every default rule, the JSON output written to nowhere), with
# throughput and peak memory, against `wc -l` on the same file (the physical
# limit of reading it). One process per input, so peak memory is that input's.
#   scripts/bench.sh              # all sizes
#   scripts/bench.sh 1 10         # some sizes (MB)
# Inputs are cached in target/bench-inputs/ (the 1 GB one takes a while to write).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100 1000)
cargo build --release --locked --quiet --example bench_suite
bin=$root/target/release/examples/bench_suite
dir=$root/target/bench-inputs
mkdir -p "$dir"

best_wc() { # best of 3 wall times of wc -l FILE
  python3 - "$1" <<'PY'
import subprocess, sys, time
best = min((lambda t0: (subprocess.run(["wc", "-l", sys.argv[1]], stdout=subprocess.DEVNULL), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3))
print(f"{best:.4f}")
PY
}

printf '%-10s %8s %6s %9s %9s %9s %9s %9s %9s %8s %9s %8s\n' input MB reports "parse MB/s" "check MB/s" "infer s" "wc MB/s" "parse/wc" "check/wc" "peak MB" "/largest" findings
for f in reports/milano-2022-dir07-welfare-e-salute.txt $(for s in "${sizes[@]}"; do echo "gen:$s"; done); do
  case $f in
    gen:*) mb=${f#gen:}; path=$dir/generated-${mb}mb.txt
           [ -s "$path" ] || "$bin" gen --mb "$mb" -o "$path"
           name="${mb} MB" ;;
    *) path=$f; name=real ;;
  esac
  cat "$path" > /dev/null   # warm the page cache for both programs
  line=$("$bin" run "$path")
  wc_s=$(best_wc "$path")
  python3 - "$name" "$wc_s" $line <<'PY'
import sys
name, wc = sys.argv[1], float(sys.argv[2])
kv = dict(a.split("=") for a in sys.argv[3:])
b = int(kv["bytes"]); mb = b / 1e6
parse, check, infer = float(kv["parse_s"]), float(kv["check_s"]), float(kv["infer_s"])
full = check  # parse, rules and JSON output, one report at a time
wcr = mb / wc if wc > 0 else float("inf")
peak = int(kv["peak_bytes"])
print(f"{name:<10} {mb:8.1f} {kv['reports']:>6} {mb/parse:9.1f} {mb/full:9.1f} {infer:9.3f} {wcr:9.0f} {mb/parse/wcr:9.3f} {mb/full/wcr:9.3f} {peak/1e6:8.1f} {peak/int(kv['largest']):9.1f} {kv['findings']:>8}")
PY
done
echo "peak MB: the whole process (VmHWM, the program and its tables included); /largest: peak over the largest report"
echo "targets: parse >= 500 MB/s, check (parse + rules) >= 250 MB/s on one core, peak <= 2 x the largest report + a few MB, time linear in size"
