#pragma once
// A progress line on stderr for the runs that take a while (a frontier of 9,000 units, the
// Malmquist terms, a batch of 9,000 reports): nothing during the first second, then
// "\r[label] done/total (rate/s)" at most ten times a second, wiped when done. Only on a
// terminal: logs and pipes get nothing. Not thread-safe: callers on several threads lock.

#include <chrono>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

namespace nytta {

class ProgressLine {
 public:
  ProgressLine(std::ostream& err, bool terminal, std::string label);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(std::size_t done, std::size_t total);
  /// update() as a callback for the solver; the ProgressLine must outlive its use.
  std::function<void(std::size_t, std::size_t)> callback();
  /// Wipes the line if one was drawn.
  void finish();

 private:
  std::ostream& err_;
  bool terminal_;
  std::string label_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace nytta
