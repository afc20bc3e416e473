#!/usr/bin/env bash
# Start-up time and idle CPU of the workstation window under a virtual X server.
#   scripts/measure-under-xvfb.sh [BINARY] [SESSION]
# Needs Xvfb (apt-get install xvfb). Uses display :99 and a scratch home, so no real
# per-user data is read or written. Prints the time to the first frame (as the app reports
# it) and the CPU the process used over 10 s of idle with a session open.
set -euo pipefail
binary=${1:-target/release/trialscreen}
session=${2:-data/examples/v02a-low-platelets.ron}
home=$(mktemp -d)
cp "$session" "$home/session.ron"
started_xvfb=""
if ! xdpyinfo -display :99 >/dev/null 2>&1; then
    Xvfb :99 -screen 0 1366x768x24 >/dev/null 2>&1 &
    started_xvfb=$!
    sleep 1
fi
env -u WAYLAND_DISPLAY DISPLAY=:99 HOME="$home" XDG_DATA_HOME="$home/data" TRIALSCREEN_REPORT_STARTUP=1 \
    "$binary" open "$home/session.ron" 2>"$home/stderr" &
app=$!
cleanup() {
    kill "$app" 2>/dev/null || true
    if [ -n "$started_xvfb" ]; then kill "$started_xvfb" 2>/dev/null || true; fi
    rm -rf "$home"
}
trap cleanup EXIT
sleep 3
grep "first frame" "$home/stderr" || { echo "no first frame reported"; cat "$home/stderr"; exit 1; }
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
before=$(cpu)
sleep 10
after=$(cpu)
echo "idle CPU over 10 s: $(( (after - before) * 1000 / ticks )) ms ($(( after - before )) ticks of 1/$ticks s)"
