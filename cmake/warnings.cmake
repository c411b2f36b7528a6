# Warnings on for our own targets only; third-party headers come in as SYSTEM includes.
function(genlab_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual
                                           -Wno-unused-parameter)
  # A unity build includes each .cpp into a batch file, so GCC takes a gtest fixture in a file's
  # anonymous namespace for one declared in a header and warns that the TEST_F classes built on it
  # have internal-linkage bases; in a file of its own that is the intended, correct pattern.
  if(GENLAB_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
  endif()
endfunction()
