#include "nytta/util/atomic_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <vector>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace fs = std::filesystem;

namespace {
std::string sibling(const std::string& target, const char* what) {
  fs::path p(target);
  fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  std::string base = p.filename().empty() ? p.parent_path().filename().string() : p.filename().string();
  return (dir / fmt::format(".{}.{}-XXXXXX", base, what)).string();
}
}  // namespace

std::string why_not_replaceable(const std::string& target, const std::vector<std::string>& inputs, bool force) {
  std::error_code ec;
  if (!fs::exists(target, ec)) return {};
  if (!fs::is_directory(target, ec)) return fmt::format("{}: exists and is not a directory", target);
  fs::path dir = fs::canonical(target, ec);
  if (ec) return fmt::format("{}: cannot be examined: {}", target, ec.message());
  auto inside = [&](const fs::path& p) {
    auto [a, b] = std::mismatch(dir.begin(), dir.end(), p.begin(), p.end());
    return a == dir.end();
  };
  fs::path cwd = fs::current_path(ec);
  if (!ec && inside(cwd))
    return fmt::format("{} is the current directory or holds it: nytta never replaces it; choose another --out", target);
  for (const std::string& in : inputs) {
    fs::path p = fs::canonical(in, ec);
    if (!ec && inside(p))
      return fmt::format("{} holds an input of this command ({}): nytta never replaces it; choose another --out", target, in);
  }
  if (force) return {};
  bool empty = fs::is_empty(dir, ec);
  if (ec) return fmt::format("{}: cannot be examined: {}", target, ec.message());
  if (empty || fs::exists(dir / kDirectoryMarker, ec)) return {};
  return fmt::format("{} exists and was not written by nytta (no {} in it): it is not replaced; choose another --out, remove it, "
                     "or give --force to replace it",
                     target, kDirectoryMarker);
}

AtomicDirectory::AtomicDirectory(std::string target) : target_(std::move(target)) {
  while (target_.size() > 1 && target_.back() == '/') target_.pop_back();
  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    throw FileError(fmt::format("{}: exists and is not a directory", target_));
  }
  std::string tmpl = sibling(target_, "nytta");
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  if (!::mkdtemp(name.data())) {
    throw FileError(fmt::format("{}: cannot create a directory beside it: {}", target_, system_message(errno)));
  }
  temp_ = name.data();
  guard_ = std::make_unique<TempPath>(temp_, true);
  write(kDirectoryMarker, "This directory was written by nytta; the next run with the same --out replaces it as a whole.\n");
}

AtomicDirectory::~AtomicDirectory() {
  if (done_) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

void AtomicDirectory::write(const std::string& name, std::string_view content) const {
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
    throw std::logic_error("AtomicDirectory::write: not a plain file name: " + name);
  }
  std::string path = temp_ + "/" + name;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw FileError(fmt::format("{}: cannot write the file: {}", path, system_message(errno)));
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw FileError(fmt::format("{}: cannot write the file: {}", path, system_message(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw FileError(fmt::format("{}: cannot write the file: {}", path, system_message(errno)));
}

void AtomicDirectory::commit() {
  guard_->commit([this] { swap_in(); });
}

void AtomicDirectory::swap_in() {
  ::chmod(temp_.c_str(), 0777 & ~[] {
    mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }());
  struct stat st {};
  std::string old;
  if (::stat(target_.c_str(), &st) == 0) {
    std::string tmpl = sibling(target_, "old");
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    if (!::mkdtemp(name.data())) throw FileError(fmt::format("{}: cannot replace it: {}", target_, system_message(errno)));
    old = name.data();
    ::rmdir(old.c_str());
    if (::rename(target_.c_str(), old.c_str()) != 0)
      throw FileError(fmt::format("{}: cannot replace it: {}", target_, system_message(errno)));
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    if (!old.empty()) ::rename(old.c_str(), target_.c_str());  // put the old one back
    throw FileError(fmt::format("{}: cannot create it: {}", target_, system_message(err)));
  }
  done_ = true;
  if (!old.empty()) {
    std::error_code ec;
    fs::remove_all(old, ec);
  }
}

}  // namespace nytta
