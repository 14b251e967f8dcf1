// Progress for long runs on a terminal (see progress.hpp). A run under a second shows
// nothing, so quick commands and every test stay silent on stderr.

#include "cmd/progress.hpp"

#include <fmt/format.h>
#include <ostream>

namespace nytta {

namespace {

constexpr std::chrono::milliseconds kQuiet{1000};
constexpr std::chrono::milliseconds kEvery{100};

}  // namespace

ProgressLine::ProgressLine(std::ostream& err, bool terminal, std::string label)
    : err_(err), terminal_(terminal), label_(std::move(label)), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::update(std::size_t done, std::size_t total) {
  if (!terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < kQuiet || (drawn_ && now - last_ < kEvery && done < total)) return;
  last_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  err_ << fmt::format("\r[{}] {}/{} ({:.0f}/s)\x1b[K", label_, done, total, static_cast<double>(done) / seconds) << std::flush;
}

std::function<void(std::size_t, std::size_t)> ProgressLine::callback() {
  return [this](std::size_t done, std::size_t total) { update(done, total); };
}

void ProgressLine::finish() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace nytta
