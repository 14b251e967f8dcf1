// Loading nytta's modules (see module.hpp). dlopen's RTLD_NOW reports a missing symbol
// here, at load, rather than as a crash in the middle of a command.

#include "nytta/util/module.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <system_error>

#include "nytta/util/error.hpp"
#include "nytta/util/install_paths.hpp"

namespace nytta {

namespace {

void* open_module(const std::string& name) {
  namespace fs = std::filesystem;
  const std::string file = "libnytta_" + name + ".so";
  const fs::path exe = executable_dir();
  std::string reasons;
  for (const fs::path& dir : {exe, (exe.parent_path() / "lib" / "nytta").lexically_normal()}) {
    fs::path path = dir / file;
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;
    if (void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) return handle;
    const char* why = dlerror();
    reasons += fmt::format("; {}", why ? why : path.string());
  }
  throw FileError(fmt::format("cannot load nytta's {} module {} (looked in {} and {}{}): reinstall nytta", name,
                              file, exe.string(), (exe.parent_path() / "lib" / "nytta").lexically_normal().string(),
                              reasons));
}

}  // namespace

void* module_symbol(const std::string& name, const char* symbol) {
  static std::mutex mutex;
  static std::map<std::string, void*> handles;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = handles.find(name);
  if (it == handles.end()) it = handles.emplace(name, open_module(name)).first;
  dlerror();
  void* address = dlsym(it->second, symbol);
  if (!address) throw FileError(fmt::format("nytta's {} module has no {}: reinstall nytta", name, symbol));
  return address;
}

}  // namespace nytta
