#include "nytta/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <vector>

#include "nytta/util/error.hpp"
#include "nytta/util/interrupt.hpp"
#include "nytta/util/text.hpp"

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

// The temporary file of one output: created beside the target (or in TMPDIR for a device),
// removed unless renamed.
struct OutputFiles::Pending {
  std::string path, temp;
  bool device = false;
  bool renamed = false;
  mode_t mode = 0;
  std::unique_ptr<TempPath> guard;

  explicit Pending(std::string target) : path(std::move(target)) {
    struct stat st {};
    bool exists = ::stat(path.c_str(), &st) == 0;
    device = exists && !S_ISREG(st.st_mode);
    // A replaced file keeps its mode (0600 stays 0600); a new one gets 0666 & ~umask.
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = exists && !device ? (st.st_mode & 07777) : (0666 & ~mask);
    std::string tmpl = device ? std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/nytta-XXXXXX"
                              : temp_template(path);
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
      int err = errno;
      std::string dir = directory_of(path);
      struct stat ds {};
      if (!device && ::stat(dir.c_str(), &ds) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
          throw FileError(fmt::format("{}: cannot write the file: the directory {} does not exist", path, dir));
        fail(path, errno);  // a directory that cannot be entered: permission denied, not missing
      }
      fail(path, err);
    }
    ::close(fd);
    temp = name.data();
    guard = std::make_unique<TempPath>(temp, false);
  }
  ~Pending() {
    if (!renamed) ::unlink(temp.c_str());
  }

  // ".<name>.nytta-XXXXXX" beside path, the name cut (at a character) so that the whole
  // fits in 255 bytes.
  static std::string temp_template(const std::string& path) {
    std::string dir = directory_of(path);
    std::size_t slash = path.rfind('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    constexpr std::size_t kRoom = 255 - std::string_view(".").size() - std::string_view(".nytta-XXXXXX").size();
    if (base.size() > kRoom) {
      std::size_t cut = kRoom;
      while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
      base.resize(cut);
    }
    return (slash == std::string::npos ? std::string() : dir + "/") + "." + base + ".nytta-XXXXXX";
  }

  void write(const std::function<void(std::ostream&)>& content) {
    int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    FdBuf buf(fd);
    {
      std::ostream out(&buf);
      try {
        content(out);
      } catch (...) {
        ::close(fd);
        throw;
      }
    }
    if (!buf.flush_all()) {
      int err = buf.error();
      ::close(fd);
      fail(path, err);
    }
    finish(fd);
  }

  void finish(int fd) {
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
      int err = errno;
      ::close(fd);
      fail(path, err);
    }
    if (::close(fd) != 0) fail(path, errno);
  }

  void finish_by_name() {
    int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    finish(fd);
  }

  // Called under the interrupt lock: after it, the output is whole.
  int place() {
    if (device) {
      int err = copy_to_device();
      ::unlink(temp.c_str());
      renamed = true;
      return err;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) return errno;
    renamed = true;
    return 0;
  }

  int copy_to_device() const {
    int in = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) return errno;
    int out = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (out < 0) {
      int err = errno;
      ::close(in);
      return err;
    }
    char buf[1 << 16];
    int err = 0;
    for (ssize_t n; (n = ::read(in, buf, sizeof buf)) > 0 && !err;) {
      for (ssize_t done = 0; done < n;) {
        ssize_t w = ::write(out, buf + done, static_cast<std::size_t>(n - done));
        if (w < 0) {
          if (errno == EINTR) continue;
          err = errno;
          break;
        }
        done += w;
      }
    }
    ::close(in);
    if (::close(out) != 0 && !err) err = errno;
    return err;
  }
};

OutputFiles::OutputFiles() = default;
OutputFiles::~OutputFiles() = default;

void OutputFiles::add(const std::string& path, const std::function<void(std::ostream&)>& write) {
  auto p = std::make_unique<Pending>(path);
  p->write(write);
  files_.push_back(std::move(p));
}

void OutputFiles::add_by_name(const std::string& path, const std::function<void(const std::string&)>& write) {
  auto p = std::make_unique<Pending>(path);
  write(p->temp);
  p->finish_by_name();
  files_.push_back(std::move(p));
}

void OutputFiles::commit() {
  std::string failed;
  int err = 0;
  for (std::unique_ptr<Pending>& p : files_) {
    p->guard->commit([&] {
      if (!err) {
        err = p->place();
        if (err) failed = p->path;
      }
    });
  }
  if (err) fail(failed, err);
}

void write_file_atomically(const std::string& path, std::string_view content) {
  write_file_atomically(path, [content](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  OutputFiles files;
  files.add(path, write);
  files.commit();
}

void write_file_atomically_by_name(const std::string& path, const std::function<void(const std::string&)>& write) {
  OutputFiles files;
  files.add_by_name(path, write);
  files.commit();
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace nytta
