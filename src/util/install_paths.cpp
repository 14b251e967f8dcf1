// The bundled data used to be found at the source path compiled into the binary, which
// exists only on the machine that built it. An installed nytta (make install, the .deb)
// looks beside itself instead: <prefix>/bin/../share/nytta/data, whatever the prefix and
// DESTDIR were. NYTTA_DATA_DIR stays the override, and the source tree is the fallback of
// a build that was never installed (build/release/nytta has no share/ beside it).

#include "nytta/util/install_paths.hpp"

#include <filesystem>
#include <system_error>

namespace nytta {

namespace fs = std::filesystem;

std::string executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  return exe.parent_path().string();
}

std::string find_data_dir(const std::optional<std::string>& override_dir, const std::string& exe_dir,
                          const std::string& dev_dir) {
  if (override_dir && !override_dir->empty()) return *override_dir;
  std::string installed;
  if (!exe_dir.empty()) {
    installed = (fs::path(exe_dir).parent_path() / "share" / "nytta" / "data").lexically_normal().string();
    std::error_code ec;
    if (fs::is_directory(installed, ec)) return installed;
  }
  std::error_code ec;
  if (!dev_dir.empty() && fs::is_directory(dev_dir, ec)) return dev_dir;
  return installed.empty() ? dev_dir : installed;
}

std::string share_dir_of(const std::string& data_dir) {
  fs::path p = fs::path(data_dir).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "share/nytta/data/" → "share/nytta/data"
  fs::path parent = p.parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace nytta
