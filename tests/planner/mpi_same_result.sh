#!/bin/sh
# `mpirun -np 1` and `-np 2 faultline-mpi` write the same bytes as one `faultline mc` process.
# Usage: mpi_same_result.sh FAULTLINE FAULTLINE_MPI_OR_EMPTY SCENARIO OUT_DIR [EXTRA_ARGS]
# (EXTRA_ARGS, one word list, is given to all three, e.g. "--rare-events").
# Exits 77 (skipped) when the MPI launcher was not built.
set -eu
faultline=$1
mpi=$2
scenario=$3
out=$4
extra=${5:-}
if [ -z "$mpi" ] || ! command -v mpirun >/dev/null 2>&1; then
  echo "skipped: MPI not found at build time"
  exit 77
fi
mkdir -p "$out"
rm -f "$out/one.json" "$out/mpi1.json" "$out/mpi2.json"
args="--years 10 --replications 6 -q $extra"
"$faultline" mc "$scenario" $args --threads 1 --json "$out/one.json" || [ $? -eq 1 ]
root=""
[ "$(id -u)" = 0 ] && root="--allow-run-as-root"
for np in 1 2; do
  # OpenMPI's runtime keeps allocations to process exit: LeakSanitizer would report
  # them in the sanitizer build, so only leak detection is off for the ranks.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    mpirun $root --oversubscribe -np $np "$mpi" "$scenario" $args --json "$out/mpi$np.json" || [ $? -eq 1 ]
  cmp "$out/one.json" "$out/mpi$np.json"
done
if [ -n "$extra" ] && ! grep -q '"rare_event"' "$out/one.json"; then
  echo "expected a rare_event estimate with $extra"
  exit 1
fi
echo "mpirun -np 1, -np 2 and one process wrote the same result"
