# Debian's LibTorch (and sklearn's numpy) use whatever libblas.so.3 the alternatives system points
# at. Measured here: an MLP VAE epoch took ~45 s on reference BLAS, ~10 s on OpenBLAS-pthread
# without care, ~1.9 s on OpenBLAS-OpenMP. So every genlab executable carries a DT_RPATH (not
# RUNPATH: RPATH is also searched for the dependencies of libtorch) to the OpenMP OpenBLAS,
# whatever the system default is. scripts/setup.sh installs libopenblas0-openmp.
set(GENLAB_OPENBLAS_DIR "/usr/lib/x86_64-linux-gnu/openblas-openmp" CACHE PATH
    "Folder holding the OpenMP build of OpenBLAS's libblas.so.3")
if(EXISTS "${GENLAB_OPENBLAS_DIR}/libblas.so.3")
  set(CMAKE_BUILD_RPATH "${GENLAB_OPENBLAS_DIR}")
  set(CMAKE_INSTALL_RPATH "${GENLAB_OPENBLAS_DIR}")
  add_link_options(LINKER:--disable-new-dtags)
  message(STATUS "genlab: executables prefer OpenMP OpenBLAS from ${GENLAB_OPENBLAS_DIR}")
else()
  message(WARNING "genlab: ${GENLAB_OPENBLAS_DIR}/libblas.so.3 not found; LibTorch will use the "
                  "system libblas.so.3, which may be much slower (install libopenblas0-openmp)")
endif()
