#include "nytta/report/sparkline.hpp"

#include <algorithm>
#include <cmath>

namespace nytta {

std::string sparkline(const std::vector<double>& values) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double lo = INFINITY, hi = -INFINITY;
  for (double v : values) {
    if (std::isnan(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  std::string out;
  for (double v : values) {
    if (std::isnan(v)) {
      out += ' ';
    } else if (hi == lo) {
      out += kBlocks[3];
    } else {
      int level = static_cast<int>(std::lround((v - lo) / (hi - lo) * 7.0));
      out += kBlocks[std::clamp(level, 0, 7)];
    }
  }
  return out;
}

}  // namespace nytta
