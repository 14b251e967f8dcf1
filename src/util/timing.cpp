#include "nytta/util/timing.hpp"

#include <cstdio>
#include <cstdlib>

namespace nytta {

namespace {
bool enabled() {
  static const bool on = [] {
    const char* v = std::getenv("NYTTA_TIMING");
    return v && *v && *v != '0';
  }();
  return on;
}
}  // namespace

Phase::Phase(std::string_view name) : name_(name) {
  if (enabled()) start_ = std::chrono::steady_clock::now();
}

Phase::~Phase() {
  if (!enabled()) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "nytta: timing: %.*s %.2f ms\n", static_cast<int>(name_.size()), name_.data(), ms);
}

}  // namespace nytta
