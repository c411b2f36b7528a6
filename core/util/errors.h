#pragma once
// Errors a person can act on. Each names where the problem is (a file and line, a settings key)
// and what is wrong, so the message can be shown as it is in the lab or on the command line.

#include <stdexcept>
#include <string>

namespace genlab {

// A setting out of range, of the wrong type, or unknown. `what()` starts with the key path,
// for example "settings.k: 0 is out of range [1, 64]".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file that cannot be read or parsed. `what()` starts with "path:line:" (or "path:" when no
// line applies), as compilers do, so editors and terminals can jump to it.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file could not be written (the disk is full, the folder went away). `what()` starts with the
// path of the file that was being written and says why ("no space left on device"). Training
// that records stops at it, leaving the run folder as it was after its last complete write.
class StorageError : public DataError {
 public:
  using DataError::DataError;
};

// Training produced a value it must not (NaN, Inf). `what()` names the quantity and the step.
class NumericError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace genlab
