#pragma once
// Ctrl-C and kill leave no partial output behind. SIGINT, SIGTERM and SIGHUP are taken by
// a thread of their own (not by an asynchronous handler, which could do almost nothing
// safely): it removes every temporary file and directory still registered, then ends the
// process by the same signal, so the shell sees the usual 130 or 143.

#include <string>

namespace nytta {

/// Call once, first thing in main, before any other thread starts (they inherit the mask).
void install_interrupt_cleanup();

/// A temporary path that is removed should the process be interrupted while it lives.
class TempPath {
 public:
  TempPath(std::string path, bool directory);
  ~TempPath();  // forgets the path (removing it is the owner's job)
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;

  /// Runs rename (which moves the path to its final place) so that an interrupt comes either
  /// before it, and the path is removed, or after it, and the output is whole.
  template <typename F>
  void commit(F&& rename) {
    Lock lock;
    rename();
    forget();
  }

 private:
  struct Lock {
    Lock();
    ~Lock();
  };
  void forget();
  std::size_t id_;
};

}  // namespace nytta
