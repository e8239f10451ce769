#!/usr/bin/env bash
# Benchmarks of the audit workflow (issue: diff, baseline, batch):
#  - batch check of 200 reports on 1 thread and on every core (target: at
#    least 1.8 times faster on 2 cores);
#  - quadra diff of two 100 MB inputs (target: at most 2 s).
# Each figure is the best of 3 runs of the release binary; peak memory from
# /usr/bin/time. Inputs are copies of the real report with their own
# Direzione code (as quadra::sample::sequenza builds them), in a temporary
# folder outside the repository (no quadra.toml, no link files).
#   scripts/bench-workflow.sh [REPORTS=200] [MB=100]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-200}
mb=${2:-100}
cd "$root"
cargo build --release --locked --quiet
q=$root/target/release/quadra
real=$root/reports/milano-2022-dir07-welfare-e-salute.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/batch"
for i in $(seq 1 "$n"); do sed "s/DIR07/DIR$i/g" "$real" > "$work/batch/r$(printf %03d "$i").txt"; done
copies=$(( mb * 1000000 / $(wc -c < "$real") + 1 ))
for i in $(seq 1 "$copies"); do sed "s/DIR07/DIR$i/g" "$real"; done > "$work/old.txt"
# The new version: one amount changed in the last Direzione; and a version
# where every Direzione changed (the worst case: nothing can be skipped).
tac "$work/old.txt" | sed '0,/V10.609.040,00/s//V10.609.050,00/' | tac > "$work/new.txt"
sed 's/V10.609.040,00/V10.609.050,00/' "$work/old.txt" > "$work/all.txt"
cd "$work"

best() { # best CMD... -> seconds (best of 3)
  local b=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(python3 -c "import sys; t=$e-$s; b='$b'; print(t if not b else min(t, float(b)))")
  done
  echo "$b"
}
peak() { # peak RSS in MB of CMD...
  { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1 | python3 -c 'import sys; print(round(int(sys.stdin.read())/1024))'
}

bytes=$(du -cb batch/*.txt | tail -1 | cut -f1)
one=$(best "$q" check batch --no-config --format json -o /dev/null -j 1)
all=$(best "$q" check batch --no-config --format json -o /dev/null)
cores=$(nproc)
old_b=$(wc -c < old.txt)
diff_s=$(best "$q" diff old.txt new.txt --no-config --format json -o /dev/null)
diff_mem=$(peak "$q" diff old.txt new.txt --no-config --format json -o /dev/null)
all_s=$(best "$q" diff old.txt all.txt --no-config --format json -o /dev/null)
all_mem=$(peak "$q" diff old.txt all.txt --no-config --format json -o /dev/null)
python3 - "$n" "$bytes" "$one" "$all" "$cores" "$old_b" "$diff_s" "$diff_mem" "$all_s" "$all_mem" <<'PY'
import sys
n, b, one, allc, cores, ob, ds, dm, als, alm = sys.argv[1:]
n, b, one, allc, cores, ob, ds, dm, als, alm = int(n), int(b), float(one), float(allc), int(cores), int(ob), float(ds), int(dm), float(als), int(alm)
print(f"batch check, {n} reports ({b/1e6:.1f} MB)")
print(f"  1 thread        {one:7.3f} s  {b/1e6/one:6.1f} MB/s")
print(f"  {cores} threads       {allc:7.3f} s  {b/1e6/allc:6.1f} MB/s   speed-up {one/allc:.2f}x (target >= 1.8 on 2 cores)")
print(f"diff of two {ob/1e6:.0f} MB inputs, one Direzione of the new version changed")
print(f"  time            {ds:7.3f} s  (target <= 2 s)")
print(f"  peak memory     {dm:7d} MB  ({dm*1048576/(2*ob):.2f} x both inputs)")
print(f"diff of two {ob/1e6:.0f} MB inputs, every Direzione changed")
print(f"  time            {als:7.3f} s")
print(f"  peak memory     {alm:7d} MB  ({alm*1048576/(2*ob):.2f} x both inputs)")
PY
