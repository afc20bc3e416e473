#!/usr/bin/env bash
# The engine's figures, this build side by side with a previous one, in one run:
#   scripts/engine-figures.sh NEW_BENCH BASE_BENCH [ROUNDS] [PAIR...]
# NEW_BENCH and BASE_BENCH are the `evaluate` bench executables of the two builds, e.g.:
#   git worktree add /tmp/base f9779a4
#   (cd /tmp/base && CARGO_TARGET_DIR=/tmp/base-target cargo bench --bench evaluate --no-run --locked)
#   cargo bench --bench evaluate --no-run --locked
#   scripts/engine-figures.sh target/release/deps/evaluate-<hash> /tmp/base-target/release/deps/evaluate-<hash>
# A PAIR is NEW_NAME[=BASE_NAME][:EVALUATIONS]: a bench of the new build, the bench of the
# previous build it is compared with (the same name by default) and how many times one of its
# iterations calls `evaluate_protocol` (1 by default). The default pairs are the benches the
# issues name, `seed000_v1` and `all_seed_protocols:3`.
#
# For each pair, both builds:
# 1. Instructions per `evaluate_protocol` call (callgrind; repeatable whatever else the machine
#    is doing).
# 2. L1 instruction-cache misses per call, simulated for a 32 KiB 8-way cache (most laptop
#    cores have one; a machine with a larger one hides them).
# 3. Code lines run per evaluation: 64-byte lines holding an instruction executed on average at
#    least every other evaluation. Cold, as in the app where a frame of the window runs
#    between two evaluations, each such line is fetched from a shared cache: the time follows
#    this count.
# 4. Time: criterion's median estimate, the builds alternating for ROUNDS rounds (5 by
#    default), and the median of the rounds.
# Needs valgrind and python3.
set -euo pipefail
new=$(realpath "${1:?NEW_BENCH}")
base=$(realpath "${2:?BASE_BENCH}")
rounds=${3:-5}
shift $(( $# < 3 ? $# : 3 ))
pairs=("$@")
[ ${#pairs[@]} -gt 0 ] || pairs=(seed000_v1 all_seed_protocols:3)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# callgrind over one bench: prints "instructions misses lines" per evaluation.
simulate() {
    local bin=$1 name=$2 evaluations=$3
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p" --compress-strings=no --compress-pos=no \
        --toggle-collect='*evaluate_protocol*' --cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 \
        --dump-instr=yes "$bin" --bench --profile-time 1 "^${name}\$" >/dev/null 2>&1
    # The bench process writes the largest file (criterion may start others).
    local out
    out=$(ls -S "$work"/cg.* | head -1)
    python3 - "$out" "$evaluations" <<'PY'
import collections, sys
path, evaluations = sys.argv[1], int(sys.argv[2])
calls = 0
executed = collections.Counter()
events = []
totals = []
after_call = False
previous = ""
with open(path) as lines:
    for line in lines:
        if line.startswith("events:"):
            events = line.split()[1:]
        elif line.startswith("totals:") or line.startswith("summary:"):
            totals = [int(x) for x in line.split()[1:]]
        elif line.startswith("calls="):
            after_call = True
            if previous.startswith("cfn=") and "protocol_eval::evaluate_protocol" in previous and "closure" not in previous:
                calls += int(line.split("=")[1].split()[0])
        elif line.startswith("0x"):
            # The line after `calls=` is the inclusive cost of the call, not an instruction.
            if after_call:
                after_call = False
            else:
                fields = line.split()
                executed[int(fields[0], 16)] += int(fields[2]) if len(fields) > 2 else 0
        previous = line
if calls == 0:
    sys.exit(f"{path}: no call of evaluate_protocol")
iterations = calls / evaluations
hot = {address >> 6 for address, count in executed.items() if count >= iterations / 2}
by_event = dict(zip(events, totals))
print(f"{by_event['Ir'] / calls:.0f} {by_event.get('I1mr', 0) / calls:.1f} {len(hot)}")
PY
    # A command substitution runs without `set -e`: the status is passed on by hand.
    local status=$?
    rm -f "$work"/cg.*
    return $status
}

# criterion's median estimate of one bench, in µs.
time_once() {
    "$1" --bench --warm-up-time 1 --measurement-time 2 "^${2}\$" 2>/dev/null | awk '
        /time:/ { for (i = 1; i <= NF; i++) if ($i ~ /^\[/) { v = $(i + 2); u = $(i + 3); break }
                  if (u == "ns") v /= 1000; if (u == "ms") v *= 1000; print v; exit }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-34s %-6s %12s %12s %12s %12s\n' bench build instructions "L1i misses" "code lines" "time (µs)"
for pair in "${pairs[@]}"; do
    evaluations=1
    case $pair in *:*) evaluations=${pair##*:}; pair=${pair%:*} ;; esac
    new_name=${pair%%=*}
    base_name=$new_name
    case $pair in *=*) base_name=${pair#*=} ;; esac
    # Through command substitution, so a failed simulation stops the script (`set -e`) with
    # its own message; a process substitution's failure would go unseen.
    new_figures=$(simulate "$new" "$new_name" "$evaluations")
    base_figures=$(simulate "$base" "$base_name" "$evaluations")
    read -r new_ir new_miss new_lines <<<"$new_figures"
    read -r base_ir base_miss base_lines <<<"$base_figures"
    : >"$work/new.times"
    : >"$work/base.times"
    for _ in $(seq "$rounds"); do
        time_once "$base" "$base_name" >>"$work/base.times"
        time_once "$new" "$new_name" >>"$work/new.times"
    done
    new_time=$(median <"$work/new.times")
    base_time=$(median <"$work/base.times")
    printf '%-34s %-6s %12s %12s %12s %12s\n' "$base_name" base "$base_ir" "$base_miss" "$base_lines" "$base_time"
    printf '%-34s %-6s %12s %12s %12s %12s\n' "$new_name" new "$new_ir" "$new_miss" "$new_lines" "$new_time"
    python3 -c "print(f'{\"\":34} {\"ratio\":6} {$new_ir/$base_ir:12.2f} {\"\":>12} {$new_lines/$base_lines:12.2f} {$new_time/$base_time:12.2f}')"
done
