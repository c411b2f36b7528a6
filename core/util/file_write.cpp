#include "core/util/file_write.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "core/util/errors.h"

namespace genlab {

std::string systemErrorText(int code) {
  std::string text = std::strerror(code);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

void writeWholeFile(const std::filesystem::path& file, std::string_view bytes,
                    const std::filesystem::path& shownAs) {
  const std::string name = (shownAs.empty() ? file : shownAs).string();
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw StorageError(name + ": cannot write (" + systemErrorText(errno) + ")");
  const auto fail = [&](int code) {
    ::close(fd);
    std::error_code ignored;
    std::filesystem::remove(file, ignored);  // give back the space a partial file took
    throw StorageError(name + ": " + systemErrorText(code) + " (writing " +
                       std::to_string(bytes.size()) + " bytes)");
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    const int code = errno;
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    throw StorageError(name + ": " + systemErrorText(code));
  }
}

LineAppender::~LineAppender() {
  if (m_fd < 0) return;
  try {
    flush();
  } catch (const StorageError&) {
    // The file keeps its complete lines; a destructor has no one to tell.
  }
  ::close(m_fd);
}

void LineAppender::open(const std::filesystem::path& file, bool truncate) {
  if (m_fd >= 0) ::close(m_fd);
  m_file = file;
  m_pending.clear();
  m_fd =
      ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : O_APPEND), 0644);
  if (m_fd < 0)
    throw StorageError(file.string() + ": cannot write (" + systemErrorText(errno) + ")");
  m_size = static_cast<long long>(::lseek(m_fd, 0, SEEK_END));
}

void LineAppender::flush() {
  if (m_fd < 0 || m_pending.empty()) return;
  std::size_t done = 0;
  while (done < m_pending.size()) {
    const ssize_t n = ::write(m_fd, m_pending.data() + done, m_pending.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int code = n < 0 ? errno : ENOSPC;
      const std::size_t lost = m_pending.size();
      m_pending.clear();
      if (::ftruncate(m_fd, m_size) == 0) ::lseek(m_fd, 0, SEEK_END);
      throw StorageError(m_file.string() + ": " + systemErrorText(code) + " (" +
                         std::to_string(lost) + " bytes of rows not written)");
    }
    done += static_cast<std::size_t>(n);
  }
  m_size += static_cast<long long>(m_pending.size());
  m_pending.clear();
}

}  // namespace genlab
