#pragma once
// Scanning pieces of the fast CSV path (fast_long_csv.cpp): reading a file by blocks,
// splitting records into views, and parsing plain numbers exactly.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace nytta::fast {

struct GiveUp {};    // the general loader takes over
struct NeedMore {};  // the record goes on past the block

// The file, read by blocks with pread: memory stays at a few blocks whatever its size, and
// the two parts are read side by side. Or bytes already in memory (a file's contents held
// by the caller, the fuzzer's inputs), read by the same blocks.
class File {
 public:
  explicit File(std::string_view bytes) : memory_(bytes.data()), size_(bytes.size()) {}
  explicit File(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return;
    size_ = static_cast<std::size_t>(st.st_size);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  std::size_t size() const { return fd_ >= 0 || memory_ ? size_ : 0; }
  /// The bytes themselves when they are in memory (nothing to copy), else nullptr.
  const char* memory() const { return memory_; }
  /// Reads up to n bytes at offset; fewer only at the end of the file.
  std::size_t read(char* to, std::size_t n, std::size_t offset) const {
    if (memory_) {
      n = offset < size_ ? std::min(n, size_ - offset) : 0;
      if (n > 0) std::memcpy(to, memory_ + offset, n);
      return n;
    }
    std::size_t done = 0;
    while (done < n) {
      ssize_t got = ::pread(fd_, to + done, n - done, static_cast<off_t>(offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) throw GiveUp{};  // the general loader reports the error
      if (got == 0) break;
      done += static_cast<std::size_t>(got);
    }
    return done;
  }

 private:
  int fd_ = -1;
  const char* memory_ = nullptr;
  std::size_t size_ = 0;
};

/// A plain number: [+-]digits[mark digits]. False when it is anything else (the general
/// parser then decides), so that the value is always the one parse_number() gives.
bool plain_number(const char* b, const char* e, char decimal, double& out);

/// Splits fields of one record into views of the buffer (a quoted field with "" keeps them;
/// the caller unescapes), at most `limit` more of them. Returns where it stopped: after the
/// record's line end, or at the separator before the next field when the limit was reached.
/// Throws NeedMore when a quoted field runs past `end`, GiveUp on a stray quote.
const char* split(const char* p, const char* end, char delim, std::vector<std::string_view>& fields,
                  std::vector<char>& quoted, std::size_t limit = static_cast<std::size_t>(-1), bool* more = nullptr);

/// The end of the record starting at p when its rest holds no quote; nullptr otherwise.
const char* skip_record(const char* p, const char* end);

std::string unescape(std::string_view f);

/// GiveUp when a text is not valid UTF-8 (the general loader then reads the file as
/// Latin-1) or holds a NUL.
void check_text(std::string_view t);

/// The trimmed text of a field; GiveUp when it is not valid UTF-8 or holds a NUL.
std::string text_of(std::string_view f, bool escaped);

}  // namespace nytta::fast
