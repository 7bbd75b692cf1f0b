#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cluster/slurm_array.sh CLI SUBMIT CORPUS [INPUT...]
# Starts a single-node Slurm cluster on localhost (Debian 12's slurm-wlm and munge): munged
# with a fresh key, slurmctld and slurmd with a generated slurm.conf, every file in a temporary
# folder, on free ports. SUBMIT (packaging/slurm/genrescope-submit) submits the recipe beside
# it, genrescope-array.sbatch, as a 4-task array over part of the test corpus and the merge as
# a dependent job; the test waits for both (scontrol, no accounting), and checks that the
# merged folder equals one unsharded run of genrescope-cli, byte for byte (summary.csv and
# every .npy). Prints both wall times (INPUT... instead of the corpus' metal, ambient and
# electronic folders: the same check, and a throughput measurement, over other files).
# Then the same cluster runs `library analyze --shard I/N` as a 3-task array over a library
# importing those folders, and checks that the plain analyze after it finds every track done
# and that nothing wrote the database. Daemons and files are removed on any exit.
# Needs root (slurmd runs jobs as their user, munged wants its own files); otherwise skipped
# (exit 77, CTest's SKIP_RETURN_CODE).
set -euo pipefail

cli="$(realpath "${1:?usage: $0 CLI SUBMIT CORPUS}")"
submit="$(realpath "${2:?}")"
corpus="$(realpath "${3:?}")"
shift 3
if [ "$#" -gt 0 ]; then inputs=("$@"); else inputs=("$corpus/metal" "$corpus/ambient" "$corpus/electronic"); fi
say() { echo "slurm_array: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "SKIP: needs root (it starts munged, slurmctld and slurmd)"
  exit 77
fi
for tool in munged slurmctld slurmd sbatch scontrol; do
  command -v "$tool" >/dev/null || { say "FAIL: $tool not found (Debian packages slurm-wlm and munge)"; exit 1; }
done

# Nothing of a surrounding Slurm (CI may itself run inside a job) may leak into ours.
while IFS='=' read -r name _; do
  case "$name" in SLURM_*|SBATCH_*|SALLOC_*|SRUN_*) unset "$name" ;; esac
done < <(env)

tmp="$(mktemp -d /tmp/genrescope-slurm.XXXXXX)"
chmod 755 "$tmp"
pids=()
cleanup() {
  local rc=$?
  # Jobs still running (a failure, a timeout) are cancelled in OUR cluster (SLURM_CONF is ours)
  # before the daemons go, so that no job step outlives the test.
  if [ -n "${SLURM_CONF:-}" ] && [ "${#pids[@]}" -ge 3 ]; then
    timeout 20 scancel --quiet --user=root 2>/dev/null || true
    for _ in $(seq 100); do
      timeout 5 scontrol -o show job 2>/dev/null | grep -q 'JobState=\(RUNNING\|COMPLETING\|CONFIGURING\)' || break
      sleep 0.1
    done
  fi
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do kill "${pids[k]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ]; then
    for log in "$tmp"/log/*.log "$tmp"/work/*.log; do
      [ -f "$log" ] && { say "--- $log"; tail -n 30 "$log" >&2; }
    done
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$tmp"/{munge,log,spool/ctld,spool/d,run,work}
# --- munge: a key of our own and a socket in the temporary folder ------------------------------
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$tmp/munge"; chmod 400 "$tmp/munge/munge.key"
socket="$tmp/munge/munge.socket"
# Every daemon runs in the foreground as our child, so cleanup knows its pid from the start.
munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$socket" --pid-file="$tmp/munge/munged.pid" \
  --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/munged.seed" >>"$tmp/log/munged.log" 2>&1 &
pids+=("$!")
for _ in $(seq 300); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || { say "FAIL: munged did not open its socket"; exit 1; }

# --- slurm.conf: one node (localhost, 2 CPUs), one partition, no accounting --------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ctld_port="$(free_port)"; d_port="$(free_port)"
export SLURM_CONF="$tmp/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=genrescope-test
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$tmp/spool/ctld
SlurmdSpoolDir=$tmp/spool/d
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=600
NodeName=localhost CPUs=2 RealMemory=2000 State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -D -i -f "$SLURM_CONF" >>"$tmp/log/slurmctld.log" 2>&1 &
pids+=("$!")
slurmd -D -f "$SLURM_CONF" >>"$tmp/log/slurmd.log" 2>&1 &
pids+=("$!")

# The node is idle once slurmd registered (generous bound: a loaded machine is slow to start).
state=""
for _ in $(seq 600); do
  state="$(scontrol show node localhost 2>/dev/null | sed -n 's/.*State=\([A-Z+_]*\).*/\1/p' | head -n1)"
  [ "$state" = IDLE ] && break
  sleep 0.1
done
[ "$state" = IDLE ] || { say "FAIL: the node did not become IDLE (state '$state')"; exit 1; }
say "cluster up (slurmctld :$ctld_port, slurmd :$d_port)"

# --- the array and the merge, as a user submits them ---------------------------------------
cd "$tmp/work"
out="$tmp/work/sharded"
export GENRESCOPE_CLI="$cli"
start=$(date +%s%N)
said="$("$submit" -n 4 -- --cpus-per-task=1 -- "$out" "${inputs[@]}")"
say "$said"
read -r _ array _ _ _ merge <<<"$said"
[[ "$array" =~ ^[0-9]+$ && "$merge" =~ ^[0-9]+$ ]] || { say "FAIL: no job ids in '$said'"; exit 1; }

job_states() { scontrol -o show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort | uniq -c | xargs; }
ended=0
for _ in $(seq "${GENRESCOPE_CLUSTER_WAIT:-1500}"); do # tenths of a second: 150 s
  states="$(job_states "$merge")"
  case "$states" in *PENDING*|*RUNNING*|*CONFIGURING*|*COMPLETING*|"") sleep 0.1 ;; *) ended=1; break ;; esac
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ended" -eq 1 ] || { say "FAIL: the merge job did not end in time (array: $(job_states "$array"); merge: $states)"; exit 1; }
say "array: $(job_states "$array"); merge: $(job_states "$merge"); ${elapsed} ms from submission to merged"
scontrol -o show job "$array" | grep -q 'JobState=\(FAILED\|CANCELLED\|TIMEOUT\|NODE_FAIL\|OUT_OF_MEMORY\)' &&
  { say "FAIL: array tasks failed"; scontrol -o show job "$array" >&2; exit 1; }
[ "$(job_states "$array")" = "4 COMPLETED" ] || { say "FAIL: the array is not 4 completed tasks"; exit 1; }
[ "$(job_states "$merge")" = "1 COMPLETED" ] || { say "FAIL: the merge did not complete"; cat genrescope-merge-*.log >&2; exit 1; }
for i in 1 2 3 4; do
  grep -q "shard $i/4" genrescope-"$array"_"$i".log || { say "FAIL: task $i did not run shard $i/4"; cat genrescope-"$array"_"$i".log >&2; exit 1; }
  [ -s "$out/summary.shard-$i-of-4.csv" ] || { say "FAIL: no summary.shard-$i-of-4.csv"; exit 1; }
done

# --- one unsharded run: the same files, byte for byte ---------------------------------------
start=$(date +%s%N)
"$cli" features "${inputs[@]}" --out "$tmp/work/whole" --threads 2 2>"$tmp/work/whole.log" ||
  { say "FAIL: the unsharded run failed"; cat "$tmp/work/whole.log" >&2; exit 1; }
say "one process (2 threads): $(( ($(date +%s%N) - start) / 1000000 )) ms"
expected="$(cd "$tmp/work/whole" && ls)"
got="$(cd "$out" && ls | grep -v -e '\.shard-[0-9]*-of-4\.csv$' -e '^features\.params$')"
[ "$expected" = "$got" ] || { say "FAIL: other files than the unsharded run's"; diff <(echo "$expected") <(echo "$got") >&2; exit 1; }
n=0
for f in $expected; do
  cmp "$tmp/work/whole/$f" "$out/$f" || { say "FAIL: $f differs"; exit 1; }
  n=$((n + 1))
done
[ "$n" -ge 3 ] && [ "$n" -eq $(( 2 * ($(wc -l < "$tmp/work/whole/summary.csv") - 1) + 1 )) ] ||
  { say "FAIL: $n files compared, expected 2 .npy per summary row + summary.csv"; exit 1; }
say "PASS: $n files (summary.csv and $((n - 1)) .npy) equal to the unsharded run's"

# --- the library: library analyze --shard I/N as a 3-task array, a plain analyze after it ----
lib="$tmp/work/library"
for input in "${inputs[@]}"; do
  if [ -d "$input" ]; then
    "$cli" import folder "$input" --genre "$(basename "$input")" --library "$lib" >>"$tmp/work/import.log" 2>&1 ||
      { say "FAIL: import of $input"; cat "$tmp/work/import.log" >&2; exit 1; }
  fi
done
tracks="$("$cli" library list --csv --status downloaded --library "$lib" | tail -n +2 | wc -l)"
[ "$tracks" -ge 3 ] || { say "FAIL: only $tracks tracks imported into the library"; exit 1; }
db_before="$(sha1sum "$lib/library.sqlite")"
start=$(date +%s%N)
said="$("$submit" -n 3 -- --cpus-per-task=1 -- --library "$lib")"
say "$said"
read -r _ array _ _ _ merge <<<"$said"
[[ "$array" =~ ^[0-9]+$ && "$merge" =~ ^[0-9]+$ ]] || { say "FAIL: no job ids in '$said'"; exit 1; }
ended=0
for _ in $(seq "${GENRESCOPE_CLUSTER_WAIT:-1500}"); do
  states="$(job_states "$merge")"
  case "$states" in *PENDING*|*RUNNING*|*CONFIGURING*|*COMPLETING*|"") sleep 0.1 ;; *) ended=1; break ;; esac
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ended" -eq 1 ] || { say "FAIL: the library's final analyze did not end in time (array: $(job_states "$array"))"; exit 1; }
say "library array: $(job_states "$array"); final analyze: $(job_states "$merge"); ${elapsed} ms"
[ "$(job_states "$array")" = "3 COMPLETED" ] || { say "FAIL: the library array is not 3 completed tasks"; scontrol -o show job "$array" >&2; exit 1; }
[ "$(job_states "$merge")" = "1 COMPLETED" ] || { say "FAIL: the final analyze did not complete"; cat genrescope-merge-"$merge".log >&2; exit 1; }
sum=0
for i in 1 2 3; do
  log="genrescope-${array}_$i.log"
  n="$(sed -n "s/^analyze: shard $i\/3: \([0-9]*\) of $tracks downloaded tracks$/\1/p" "$log")"
  [ -n "$n" ] || { say "FAIL: task $i did not run library shard $i/3"; cat "$log" >&2; exit 1; }
  grep -q "^analyze: $n tracks: $n analysed, 0 already in the store, 0 failed" "$log" ||
    { [ "$n" -eq 0 ] && grep -q "no downloaded tracks" "$log"; } ||
    { say "FAIL: shard $i did not analyse its $n tracks"; cat "$log" >&2; exit 1; }
  sum=$((sum + n))
done
[ "$sum" -eq "$tracks" ] || { say "FAIL: the shards hold $sum tracks, the library $tracks"; exit 1; }
grep -q "^analyze: $tracks tracks: 0 analysed, $tracks already in the store, 0 failed" genrescope-merge-"$merge".log ||
  { say "FAIL: the plain analyze after the shards did not find everything done"; cat genrescope-merge-"$merge".log >&2; exit 1; }
[ "$db_before" = "$(sha1sum "$lib/library.sqlite")" ] || { say "FAIL: the library's database changed (the shards only read it, the final analyze writes nothing to it)"; exit 1; }
# the sharded store against one unsharded run on a second library of the same files: the
# PCA of the MFCC images and of the summaries, read back with --from-library, bit for bit
whole="$tmp/work/library-whole"
for input in "${inputs[@]}"; do
  if [ -d "$input" ]; then
    "$cli" import folder "$input" --genre "$(basename "$input")" --library "$whole" >>"$tmp/work/import.log" 2>&1 ||
      { say "FAIL: import of $input"; cat "$tmp/work/import.log" >&2; exit 1; }
  fi
done
"$cli" library analyze --library "$whole" --threads 2 2>"$tmp/work/whole-library.log" ||
  { say "FAIL: the unsharded library analyze failed"; cat "$tmp/work/whole-library.log" >&2; exit 1; }
for set in mfcc-image summary; do
  for l in "$lib" "$whole"; do
    "$cli" map --from-library --library "$l" --method pca --features "$set" --csv "$l.$set.csv" 2>>"$tmp/work/map.log" ||
      { say "FAIL: map --from-library on $l"; cat "$tmp/work/map.log" >&2; exit 1; }
  done
  cmp "$lib.$set.csv" "$whole.$set.csv" || { say "FAIL: the sharded store's $set differs from the unsharded one's"; exit 1; }
done
say "PASS: $tracks library tracks analysed by 3 shards; the plain analyze after them decoded nothing; the store equals an unsharded run's"
