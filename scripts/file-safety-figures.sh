#!/usr/bin/env bash
# The figures of issue 13, for any build: `scripts/file-safety-figures.sh target/debug/trialscreen`.
# Concurrent writers → lost updates; special files → hangs; modes of files written; and more.
TS=$(realpath "$1"); EX=$(realpath "$(dirname "$0")/../data/examples/v01-eligible-adolescent.ron")
d=$(mktemp -d); cd $d
echo "== concurrent writers (100 rounds each: two signs; two amends of a signed file)"
lost=0; refused=0
for i in $(seq 100); do
  cp $EX s.ron; rm -f s.ron.lock
  $TS sign s.ron --by "Dr A" >a.out 2>&1 & pa=$!
  $TS sign s.ron --by "Dr B" >b.out 2>&1 & pb=$!
  wait $pa; ra=$?; wait $pb; rb=$?
  n=$(grep -c 'Signed(' s.ron)
  ok=$(( (ra==0) + (rb==0) ))
  [ $ok -gt $n ] && lost=$((lost + ok - n))
  refused=$((refused + 2 - ok))
done
echo "sign+sign: lost updates $lost, refused (with a message) $refused"
lost=0; refused=0
for i in $(seq 100); do
  cp $EX s.ron; rm -f s.ron.lock; $TS sign s.ron --by "Dr A" >/dev/null 2>&1
  $TS amend s.ron --by "Dr A" --reason "one" >a.out 2>&1 & pa=$!
  $TS amend s.ron --by "Dr B" --reason "two" >b.out 2>&1 & pb=$!
  wait $pa; ra=$?; wait $pb; rb=$?
  n=$(grep -c 'Amended(' s.ron)
  ok=$(( (ra==0) + (rb==0) ))
  [ $ok -gt $n ] && lost=$((lost + ok - n))
  refused=$((refused + 2 - ok))
done
echo "amend+amend: lost updates $lost, refused $refused"
echo "== special files (timeout 5 s each)"
mkfifo fifo.ron; hangs=0; total=0
mkdir -p logdir; mkfifo logdir/x.ron; cp $EX logdir/ok.ron
ln -s /dev/zero zero-link.ron
for cmd in "verify /dev/zero" "verify /dev/urandom" "verify fifo.ron" "evaluate fifo.ron" "evaluate zero-link.ron" "summary fifo.ron -o f.pdf" "sign fifo.ron --by X" "log logdir -o l.csv" "check-protocol fifo.ron"; do
  total=$((total+1))
  timeout 5 $TS $cmd >o.txt 2>&1; rc=$?
  if [ $rc = 124 ] || [ $rc = 137 ]; then hangs=$((hangs+1)); echo "  HANG: $cmd"; else echo "  exit $rc: $cmd: $(head -c 160 o.txt | tr '\n' ' ')"; fi
done
mkdir -p protodir; mkfifo protodir/x.ron
total=$((total+1)); timeout 5 $TS --protocols protodir evaluate $EX >o.txt 2>&1; rc=$?
if [ $rc = 124 ]; then hangs=$((hangs+1)); echo "  HANG: --protocols dir with a FIFO"; else echo "  exit $rc: --protocols dir with FIFO: $(head -c 160 o.txt)"; fi
echo "special files: $hangs hangs of $total"
echo "== modes of files written (umask 000)"
umask 000
cp $EX m.ron; chmod 644 m.ron
$TS sign m.ron --by "Dr A" >/dev/null 2>&1
$TS summary m.ron -o m.pdf >/dev/null 2>&1
mkdir -p mlog; cp m.ron mlog/; $TS log mlog -o m.csv --pdf counts.pdf >/dev/null 2>&1
for f in m.ron m.ron.bak m.pdf m.csv counts.pdf; do printf "  %s %s\n" "$(stat -c %a $f 2>/dev/null || echo missing)" $f; done
umask 022
echo "== failed summary leaves no 0-byte PDF"
printf 'garbage' > bad.ron; $TS summary bad.ron -o bad.pdf >/dev/null 2>&1; ls -la bad.pdf 2>&1 | head -1
echo "== recovery journal in log"
mkdir -p rlog; cp $EX rlog/a.ron; cp $EX rlog/a.ron.recovery.ron; $TS log rlog -o r.csv 2>&1 | tail -3
echo "== calc infinite"
$TS calc prednisone-equivalent dose=1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000mg equivalent_dose=0.0000000001mg | head -c 200; echo " exit ${PIPESTATUS[0]}"
echo "== BOM"
printf '\xef\xbb\xbf' > bom.ron; cat $EX >> bom.ron; $TS verify bom.ron | head -c 200; echo " exit $?"
cd /; rm -rf $d
