#pragma once
// NYTTA_TIMING=1 prints how long each phase of a command took to stderr — what the
// benchmark's profile table is made from. Otherwise it costs one getenv per process.

#include <chrono>
#include <string_view>

namespace nytta {

class Phase {
 public:
  explicit Phase(std::string_view name);
  ~Phase();
  Phase(const Phase&) = delete;
  Phase& operator=(const Phase&) = delete;

 private:
  std::string_view name_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace nytta
