# Sourced by bench/run_*_compare.sh: the one OpenMP and BLAS environment both sides run in.
# genlab's executables (benchmarks included) re-execute themselves with OMP_WAIT_POLICY=PASSIVE
# and GOMP_SPINCOUNT=20000 (core/platform/threading.cpp) and carry an rpath to the OpenMP
# OpenBLAS; `peer COMMAND...` runs a Python peer with the same settings and library.
openblas=/usr/lib/x86_64-linux-gnu/openblas-openmp
peer() { env LD_LIBRARY_PATH="$openblas" OMP_WAIT_POLICY=PASSIVE GOMP_SPINCOUNT=20000 "$@"; }
# Left set, a caller's own values would stop genlab's re-exec and the sides would differ.
unset OMP_WAIT_POLICY GOMP_SPINCOUNT GENLAB_THREAD_ENV_SET
