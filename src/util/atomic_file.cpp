#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <vector>

#include "nytta/error.hpp"
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

void write_file_atomically(const std::string& path, std::string_view content) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // Character devices (/dev/stdout, /dev/full) cannot be renamed over: write in place.
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    std::size_t done = 0;
    while (done < content.size()) {
      ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0) {
        int err = errno;
        ::close(fd);
        fail(path, err);
      }
      done += static_cast<std::size_t>(n);
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
      throw FileError(fmt::format("{}: cannot write the file: the directory {} does not exist", path, dir));
    }
    fail(path, err);
  }
  std::string tmp(name.data());
  auto abandon = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    fail(path, err);
  };
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) abandon(errno);
    done += static_cast<std::size_t>(n);
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
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail(path, err);
  }
}

}  // namespace nytta
