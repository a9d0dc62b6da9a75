#!/usr/bin/env bash
# Peak resident memory (and time) of `brief --json` on a file of the benchmark corpus: real
# prose repeated to MEGABYTES (default 100), as in benches/common/mod.rs.
#
#   benches/peak_rss.sh [MEGABYTES] [-- extra brief arguments]   e.g. benches/peak_rss.sh 100 -- --stats
#
# The target (issue 7) is a peak RSS under 3x the file size + 30 MB; the script exits 1 when it
# is missed. The corpus file goes to $TMPDIR (default /tmp) and is reused; it is never
# committed. Needs GNU time (/usr/bin/time, `apt-get install time`), else falls back to
# python3's getrusage.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=${1:-100}
shift || true
[ "${1:-}" = "--" ] && shift
target=${CARGO_TARGET_DIR:-target}
file=${TMPDIR:-/tmp}/brief-corpus-${mb}mb.txt

cargo build --release --quiet --bin brief --example make_corpus
[ -s "$file" ] || "$target/release/examples/make_corpus" "$mb" "$file"
bytes=$(stat -c %s "$file")

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$target/release/brief" --json "$@" "$file" >/dev/null 2>"$log"
    peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    grep '^brief:' "$log" || true   # what --stats reports
else
    read -r peak_kb wall user sys < <(python3 - "$target/release/brief" "$file" "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run([sys.argv[1], "--json", *sys.argv[3:], sys.argv[2]], stdout=subprocess.DEVNULL, check=True)
wall = time.monotonic() - start
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_maxrss, f"{wall:.2f}s", f"{r.ru_utime:.2f}", f"{r.ru_stime:.2f}")
PY
)
fi

awk -v kb="$peak_kb" -v bytes="$bytes" -v wall="$wall" -v user="$user" -v sys="$sys" 'BEGIN {
    mb = bytes / 1e6; peak = kb * 1024 / 1e6; limit = 3 * mb + 30
    printf "file       %.1f MB (%d bytes)\n", mb, bytes
    printf "peak RSS   %.1f MB = %.2fx the file size\n", peak, peak / mb
    printf "target     < %.1f MB (3x + 30 MB): %s\n", limit, (peak < limit ? "met" : sprintf("MISSED by %.1f MB", peak - limit))
    printf "time       %s wall, %ss user, %ss system\n", wall, user, sys
    exit (peak < limit ? 0 : 1)
}'
