// One escape for HTML pages, SVG charts and JUnit XML: they all put names from the data
// into markup, and a data file is an attacker's input (tests/fixtures/hostile_names.csv).
#include "nytta/report/markup.hpp"

#include "nytta/util/text.hpp"

namespace nytta {

std::string markup_escape(std::string_view s) {
  const bool valid = is_valid_utf8(s);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F || (!valid && b >= 0x80)) {
          out += "\uFFFD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace nytta
