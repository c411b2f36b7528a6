#!/usr/bin/env bash
# A sweep submitted for real: the test starts a single-node Slurm cluster of its own (Debian's
# slurmctld and slurmd, a minimal slurm.conf without cgroups or munge, on free ports, everything
# in a scratch folder), sbatches the script `genlab sweep --slurm` wrote, waits for the array,
# and checks that every run finished with its point's settings and seed and that --summary
# agrees with the runs' metrics. Skipped (77) where Slurm is missing or does not come up, and
# under a sanitizer (CI's time).
set -euo pipefail
genlab="$1"
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
skip() { echo "SKIP: $*" >&2; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3
[[ -z "${GENLAB_SANITIZE:-}" ]] || skip "under a sanitizer"
for tool in slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || [[ -x "/usr/sbin/$tool" ]] || skip "$tool is not installed"
done
PATH="$PATH:/usr/sbin"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

node="$(hostname -s)"
user="$(id -un)"
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=genlabtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/none
CredType=cred/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=genlab Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i > "$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$node" > "$work/slurmd.out" 2>&1 &
pids+=($!)
up=""
for _ in $(seq 1 100); do
  if sinfo -h -o %T 2>/dev/null | grep -q idle; then up=yes; break; fi
  sleep 0.2
done
[[ -n "$up" ]] || skip "Slurm did not come up: $(tail -3 "$work/slurmctld.log" "$work/slurmd.log" 2>&1)"

"$genlab" sweep "$lessons/gmm_three_blobs.json" --grid k=2,3,4 --seeds 2 --steps 20 \
  --out "$work/sweep" --slurm "$work/sweep.sbatch" 2> "$work/err" || fail "sweep --slurm: $(cat "$work/err")"
timeout 300 sbatch --wait "$work/sweep.sbatch" > "$work/sbatch.out" 2>&1 ||
  fail "sbatch --wait: $(cat "$work/sbatch.out") $(cat "$work"/sweep/logs/*.log 2>/dev/null | tail -5)"
[[ $(ls "$work"/sweep/logs/slurm-*.log | wc -l) -eq 6 ]] || fail "not 6 array tasks: $(ls "$work/sweep/logs")"
"$genlab" sweep --summary "$work/sweep" --json > "$work/summary.json"
$py "$here/lib/sweep_check.py" "$work/sweep" "$work/summary.json" 6
echo "sweep_slurm_cluster: all checks passed"
