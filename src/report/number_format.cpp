#include "nytta/report/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace nytta {

std::string format_machine(double v) {
  if (!std::isfinite(v)) return {};
  if (v == 0.0) return "0";
  return fmt::format("{}", v);
}

std::string format_human(double v, int precision, const std::string& lang, bool grouping) {
  if (!std::isfinite(v)) return {};
  bool nordic = lang == "sv" || lang == "nb";
  // Beyond 1e16 a double no longer holds every whole number: its digits would be noise that
  // reads as precision, so such values are written in scientific notation ("1.00e+305").
  if (std::fabs(v) >= 1e16) {
    std::string e = fmt::format("{:.2e}", v);
    if (nordic) std::replace(e.begin(), e.end(), '.', ',');
    return e;
  }
  std::string s = fmt::format("{:.{}f}", v, precision);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // "-0.0"
  const std::string group = nordic ? "\u00A0" : ",";
  const char decimal = nordic ? ',' : '.';
  std::size_t start = (s[0] == '-') ? 1 : 0;
  std::size_t point = s.find('.');
  std::size_t int_end = point == std::string::npos ? s.size() : point;
  std::string out = s.substr(0, start);
  std::size_t digits = int_end - start;
  for (std::size_t i = start; i < int_end; ++i) {
    out += s[i];
    std::size_t left = int_end - i - 1;
    if (grouping && left > 0 && left % 3 == 0 && digits > (nordic ? 4u : 3u)) out += group;
  }
  if (point != std::string::npos) {
    out += decimal;
    out.append(s, point + 1, std::string::npos);
  }
  return out;
}

}  // namespace nytta
