#include "nytta/util/interrupt.hpp"

#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

namespace nytta {

namespace {

struct Entry {
  std::string path;
  bool directory;
};

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::size_t, Entry>& registry() {
  static std::map<std::size_t, Entry> r;
  return r;
}
std::size_t next_id = 0;

sigset_t cleanup_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

void wait_and_clean_up(sigset_t set) {
  int sig = 0;
  if (sigwait(&set, &sig) != 0) return;
  registry_mutex().lock();  // held until the end: no commit and no new file after this
  for (const auto& [id, e] : registry()) {
    std::error_code ec;
    // Another thread may still be writing into a directory: retry until it is gone.
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (e.directory) std::filesystem::remove_all(e.path, ec);
      else std::filesystem::remove(e.path, ec);
      if (!std::filesystem::exists(e.path, ec)) break;
    }
  }
  ::signal(sig, SIG_DFL);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  ::raise(sig);
}

}  // namespace

void install_interrupt_cleanup() {
  sigset_t set = cleanup_signals();
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
  try {
    std::thread(wait_and_clean_up, set).detach();
  } catch (const std::system_error&) {
    // No thread to wait for signals (a limit on processes): let them act as usual again.
    // An interrupt may then leave a temporary file, but nothing aborts.
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  }
}

TempPath::TempPath(std::string path, bool directory) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  id_ = next_id++;
  registry().emplace(id_, Entry{std::move(path), directory});
}

TempPath::~TempPath() {
  std::lock_guard<std::mutex> lock(registry_mutex());
  registry().erase(id_);
}

TempPath::Lock::Lock() { registry_mutex().lock(); }
TempPath::Lock::~Lock() { registry_mutex().unlock(); }

void TempPath::forget() { registry().erase(id_); }

}  // namespace nytta
