#!/usr/bin/env bash
# The figures of a site with many sessions, this build side by side with a previous one.
#   scripts/bench_sessions.sh NEW_BINARY BASE_BINARY [COUNT]
# e.g. (the previous build in its own worktree and target folder):
#   git worktree add /tmp/base19 8a17aff
#   (cd /tmp/base19 && CARGO_TARGET_DIR=/tmp/base19-target cargo build --release --locked)
#   cargo build --release --locked --bin trialscreen --example bench_sessions
#   scripts/bench_sessions.sh target/release/trialscreen /tmp/base19-target/release/trialscreen 10000
#
# 1. Generates COUNT distinct sealed sessions (examples/bench_sessions.rs: the bundled
#    examples varied through the session API: participants, dates, values, trail lengths).
# 2. `log` over the folder, both builds (hyperfine if installed, else /usr/bin/time), and
#    checks that both write the same CSV.
# 3. The session browser's scan to completion, cold (no summary cache) and warm, and the
#    CPU time of each frame of the start view while a cold scan runs (this build).
# 4. Time from exec to a visible window (Xvfb :99, `xdotool search --onlyvisible`), with the
#    folder as the per-user sessions folder and with an empty one, both builds.
# Needs: hyperfine (optional), Xvfb and xdotool for step 4 (apt-get install xvfb xdotool).
set -euo pipefail
new=$(realpath "${1:?NEW_BINARY}")
base=$(realpath "${2:?BASE_BINARY}")
count=${3:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
# The example built beside NEW_BINARY (same target folder).
examples_bin="$(dirname "$new")/examples/bench_sessions"
[ -x "$examples_bin" ] || (cd "$here" && cargo build --release --locked --example bench_sessions)
work=$(mktemp -d)
started_xvfb=""
app=""
cleanup() {
    if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
    if [ -n "$started_xvfb" ]; then kill "$started_xvfb" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
# SESSIONS=FOLDER measures a folder generated before (it is kept); SKIP_LOG=1 skips step 2;
# ONLY_THIS=1 skips the previous build's window in step 4.
folder=${SESSIONS:-$work/sessions}
if [ -z "${SESSIONS:-}" ] || [ ! -d "$folder" ]; then
    "$examples_bin" generate "$folder" "$count"
fi
echo "folder: $(du -sh "$folder" | cut -f1) in $(ls "$folder" | wc -l) files; $(nproc) cores"

if [ -z "${SKIP_LOG:-}" ]; then
    echo "== log over $count sessions"
    # Each build's per-user data folder is its own ($work/data-*): `log` keeps its signed
    # summary cache there (this build). "this, cold": no cache before each run; "this,
    # warm": the cache of the run before (every file still read and hashed).
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs 5 \
            --prepare "rm -f $work/base.csv" \
            --prepare "rm -rf $work/new.csv $work/data-cold" \
            --prepare "rm -f $work/new.csv" \
            -n previous "XDG_DATA_HOME=$work/data-base $base log $folder -o $work/base.csv" \
            -n "this, cold" "XDG_DATA_HOME=$work/data-cold $new log $folder -o $work/new.csv" \
            -n "this, warm" "XDG_DATA_HOME=$work/data-warm $new log $folder -o $work/new.csv"
    else
        /usr/bin/time -f "previous: %e s, %M KB" "$base" log "$folder" -o "$work/base.csv" >/dev/null
        /usr/bin/time -f "this: %e s, %M KB" "$new" log "$folder" -o "$work/new.csv" >/dev/null
    fi
    # The same output path for both, so that the printed counts may be compared whole.
    rm -f "$work/log.csv"
    XDG_DATA_HOME="$work/data-base" "$base" log "$folder" -o "$work/log.csv" >"$work/base.counts" || true
    mv "$work/log.csv" "$work/base.csv"
    XDG_DATA_HOME="$work/data-warm" "$new" log "$folder" -o "$work/log.csv" >"$work/new.counts" || true
    if cmp -s "$work/base.csv" "$work/log.csv" && cmp -s "$work/base.counts" "$work/new.counts"; then
        echo "log: the same CSV and counts from both builds"
    else
        echo "log: the builds' outputs DIFFER"
    fi
fi

echo "== session browser scan to completion (this build)"
"$examples_bin" browser "$folder" "$work/browser-data"
echo "== frames of the start view while the browser scans (cold, this build)"
mkdir -p "$work/frames-root"
ln -s "$folder" "$work/frames-root/sessions"
"$examples_bin" frames "$work/frames-root"

if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    echo "== window: Xvfb or xdotool missing, not measured"
    exit 0
fi
echo "== time to a visible window (ms), 3 runs each"
if ! xdpyinfo -display :99 >/dev/null 2>&1; then
    Xvfb :99 -screen 0 1366x768x24 >/dev/null 2>&1 &
    started_xvfb=$!
    sleep 1
fi
export DISPLAY=:99
# Prints the milliseconds from exec to a visible window named trialscreen.
window_ms() {
    local binary=$1 sessions=$2 home
    home=$(mktemp -d "$work/home.XXXX")
    mkdir -p "$home/data/trialscreen"
    if [ -n "$sessions" ]; then ln -s "$sessions" "$home/data/trialscreen/sessions"; fi
    local start end
    start=$(date +%s%N)
    env -u WAYLAND_DISPLAY DISPLAY=:99 HOME="$home" XDG_DATA_HOME="$home/data" "$binary" >/dev/null 2>&1 &
    app=$!
    until xdotool search --onlyvisible --name '^trialscreen' >/dev/null 2>&1; do
        sleep 0.005
        # No window after 2 minutes: the figure says so rather than waiting for ever.
        if (( ($(date +%s%N) - start) / 1000000 > 120000 )); then echo "none"; break; fi
    done
    end=$(date +%s%N)
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
    echo $(( (end - start) / 1000000 ))
}
# ONLY_THIS=1 measures the window of this build only (the previous one takes minutes).
builds="previous this"
if [ -n "${ONLY_THIS:-}" ]; then builds="this"; fi
for build in $builds; do
    binary=$base
    if [ "$build" = this ]; then binary=$new; fi
    for what in empty full; do
        sessions=""
        if [ "$what" = full ]; then sessions=$folder; fi
        times=()
        for _ in 1 2 3; do times+=("$(window_ms "$binary" "$sessions")"); done
        echo "$build, $what folder: ${times[*]}"
    done
done
