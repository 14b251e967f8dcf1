#include "nytta/util/terminal_text.hpp"

#include <fmt/format.h>
#include <locale.h>
#include <wchar.h>

namespace nytta {

namespace {

// The code point at s[i] and its length in bytes; length 0 for an invalid sequence.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return {c, 1};
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return {0, 0};
  char32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, n};
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// wcwidth() answers by the locale; the C.UTF-8 locale knows Unicode widths whatever the
// user's locale is, and is kept for the whole process.
int width_of(char32_t cp) {
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  if (!utf8) return 1;
  locale_t old = uselocale(utf8);
  int w = wcwidth(static_cast<wchar_t>(cp));
  uselocale(old);
  return w < 0 ? 0 : w;
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, n] = decode(s, i);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F) {
      switch (cp) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case 0x1B: out += "\\e"; break;
        default: out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
      }
    } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      out += fmt::format("\\u{{{:04x}}}", static_cast<unsigned>(cp));
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, n] = decode(s, i);
    if (n == 0) {
      ++w;
      ++i;
      continue;
    }
    w += cp < 0x80 ? 1 : static_cast<std::size_t>(width_of(cp));
    i += n;
  }
  return w;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return std::string();
  std::string out;
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, n] = decode(s, i);
    std::size_t len = n == 0 ? 1 : n;
    std::size_t cw = n == 0 ? 1 : cp < 0x80 ? 1 : static_cast<std::size_t>(width_of(cp));
    if (w + cw > width - 1) break;  // room for the "…"
    out.append(s.substr(i, len));
    w += cw;
    i += len;
  }
  return out + "…";
}

}  // namespace nytta
