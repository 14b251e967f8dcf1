#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <vector>

#include "nytta/error.hpp"
#include "util/interrupt.hpp"
#include "util/text.hpp"

namespace nytta {

namespace {

[[noreturn]] void fail(const std::string& path, int err) {
  throw FileError(fmt::format("{}: cannot write the file: {}", path, system_message(err)));
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

namespace {

// A streambuf that writes to a file descriptor in large blocks and remembers the first error.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }
  bool flush_all() { return flush() && error_ == 0; }

 protected:
  int overflow(int c) override {
    if (!flush()) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return flush() ? 0 : -1; }

 private:
  bool flush() {
    const char* p = pbase();
    while (p < pptr()) {
      ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += n;
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return true;
  }
  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  write_file_atomically(path, [content](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write_content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // Character devices (/dev/stdout, /dev/full) cannot be renamed over: write in place.
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    FdBuf buf(fd);
    std::ostream out(&buf);
    write_content(out);
    if (!buf.flush_all()) {
      int err = buf.error();
      ::close(fd);
      fail(path, err);
    }
    if (::close(fd) != 0) fail(path, errno);
    return;
  }

  std::string dir = directory_of(path);
  std::string tmpl = path + ".nytta-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int err = errno;
    struct stat ds {};
    if (::stat(dir.c_str(), &ds) != 0) {
      if (errno == ENOENT || errno == ENOTDIR)
        throw FileError(fmt::format("{}: cannot write the file: the directory {} does not exist", path, dir));
      fail(path, errno);  // a directory that cannot be entered: permission denied, not missing
    }
    fail(path, err);
  }
  std::string tmp(name.data());
  TempPath guard(tmp, false);
  auto abandon = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    fail(path, err);
  };
  {
    FdBuf buf(fd);
    std::ostream out(&buf);
    try {
      write_content(out);
    } catch (...) {
      ::close(fd);
      ::unlink(tmp.c_str());
      throw;
    }
    if (!buf.flush_all()) abandon(buf.error());
  }
  // mkstemp creates 0600; an output file should get the usual 0666 & ~umask.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0) abandon(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail(path, err);
  }
  int err = 0;
  guard.commit([&] {
    if (::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  });
  if (err) {
    ::unlink(tmp.c_str());
    fail(path, err);
  }
}

void write_file_atomically_by_name(const std::string& path, const std::function<void(const std::string&)>& write) {
  struct stat st {};
  bool device = ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
  // A device (/dev/stdout, /dev/full) has no directory to put a file beside it: the file is
  // made in the temporary directory and copied there.
  std::string tmpl = device ? std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/nytta-XXXXXX"
                            : path + ".nytta-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int err = errno;
    std::string dir = directory_of(path);
    struct stat ds {};
    if (!device && ::stat(dir.c_str(), &ds) != 0) {
      throw FileError(fmt::format("{}: cannot write the file: the directory {} does not exist", path, dir));
    }
    fail(path, err);
  }
  std::string tmp(name.data());
  TempPath guard(tmp, false);
  ::close(fd);
  try {
    write(tmp);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  if (device) {
    try {
      write_file_atomically(path, [&](std::ostream& out) {
        std::FILE* f = std::fopen(tmp.c_str(), "rb");
        if (!f) fail(path, errno);
        char buf[1 << 16];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.write(buf, static_cast<std::streamsize>(n));
        std::fclose(f);
      });
    } catch (...) {
      ::unlink(tmp.c_str());
      throw;
    }
    ::unlink(tmp.c_str());
    return;
  }
  int sync_fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (sync_fd >= 0) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(sync_fd, 0666 & ~mask);
    bool synced = ::fsync(sync_fd) == 0;
    int err = errno;
    ::close(sync_fd);
    if (!synced) {
      ::unlink(tmp.c_str());
      fail(path, err);
    }
  }
  int err = 0;
  guard.commit([&] {
    if (::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  });
  if (err) {
    ::unlink(tmp.c_str());
    fail(path, err);
  }
}

}  // namespace nytta
