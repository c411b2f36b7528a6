#pragma once
// Writing a whole file so that a full disk or a failed write is an error naming the file, never
// a half-written file left behind or an exception from deep inside a library.

#include <filesystem>
#include <string>
#include <string_view>

namespace genlab {

// Writes `bytes` to `file` (created or truncated) and hands them to the kernel. On any failure
// removes `file` and throws StorageError "<shownAs>: <reason>" (shownAs defaults to `file`;
// callers writing a temporary name pass the final one, which is what a person knows).
void writeWholeFile(const std::filesystem::path& file, std::string_view bytes,
                    const std::filesystem::path& shownAs = {});

// A file that grows by whole lines (a run's metrics.csv). Lines are buffered and written at
// flush(); a flush that fails (the disk is full) cuts the file back to its last complete line,
// drops the buffered lines and throws StorageError naming the file, so a reader never meets a
// partial last line that this process wrote.
class LineAppender {
 public:
  LineAppender() = default;
  ~LineAppender();
  LineAppender(const LineAppender&) = delete;
  LineAppender& operator=(const LineAppender&) = delete;

  // Opens `file`, emptied (truncate) or to append to. Throws StorageError.
  void open(const std::filesystem::path& file, bool truncate);
  bool isOpen() const { return m_fd >= 0; }
  // Appends whole lines, each ending in '\n'.
  void append(std::string_view lines) { m_pending.append(lines); }
  void flush();

 private:
  std::filesystem::path m_file;
  int m_fd = -1;
  long long m_size = 0;  // bytes of complete lines in the file
  std::string m_pending;
};

// "no space left on device" for ENOSPC: strerror(code) with a lower-case first letter, as the
// rest of a genlab message reads.
std::string systemErrorText(int code);

}  // namespace genlab
