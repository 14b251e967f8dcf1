#include "nytta/util/text.hpp"

#include "nytta/util/terminal_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <array>
#include <fmt/format.h>

namespace nytta {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F; 0 marks an undefined byte.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

unsigned char byte(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  unsigned char c = byte(s, i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  char32_t cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char d = byte(s, i + k);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::string printable(std::string_view value, std::size_t max_chars) {
  // Cut first (at a character, counting bytes that are no UTF-8 as one each), then write
  // every control out visibly: a message quotes data, and data must not drive the terminal.
  std::size_t i = 0, chars = 0;
  while (i < value.size() && chars < max_chars) {
    std::size_t n = utf8_sequence_length(value, i);
    i += n == 0 ? 1 : n;
    ++chars;
  }
  std::string out = terminal_safe(value.substr(0, i));
  if (i < value.size()) out += "…";
  return out;
}

namespace {
// Three-byte blanks a cell may carry unseen: narrow no-break space, thin space, the zero-width
// space, joiners and word joiner, and a byte order mark inside a file.
bool is_invisible_blank(std::string_view c) {
  return c == "\xE2\x80\xAF" || c == "\xE2\x80\x89" || c == "\xE2\x80\x8B" || c == "\xE2\x80\x8C" || c == "\xE2\x80\x8D" ||
         c == "\xE2\x81\xA0" || c == "\xEF\xBB\xBF";
}
}  // namespace

std::string_view trim(std::string_view s) {
  // Every blank but space and tab is a multi-byte character: an ASCII byte at either end
  // (nearly every cell) settles it without comparing sequences.
  auto blank_prefix = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    if (t[0] == ' ' || t[0] == '\t') return 1;
    if (static_cast<unsigned char>(t[0]) < 0x80) return 0;
    if (t.substr(0, 2) == "\xC2\xA0") return 2;                                // U+00A0
    if (t.size() >= 3 && is_invisible_blank(t.substr(0, 3))) return 3;
    return 0;
  };
  auto blank_suffix = [](std::string_view t) -> std::size_t {
    if (t.empty()) return 0;
    if (t.back() == ' ' || t.back() == '\t') return 1;
    if (static_cast<unsigned char>(t.back()) < 0x80) return 0;
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") return 2;
    if (t.size() >= 3 && is_invisible_blank(t.substr(t.size() - 3))) return 3;
    return 0;
  };
  while (std::size_t n = blank_prefix(s)) s.remove_prefix(n);
  while (std::size_t n = blank_suffix(s)) s.remove_suffix(n);
  return s;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: most of any file is ASCII.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

Utf8Census utf8_census(std::string_view s) {
  Utf8Census c;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      // A character cut by the end of the block is not counted against the text.
      if (s.size() - i >= 4 || (static_cast<unsigned char>(s[i]) & 0xC0) != 0xC0) ++c.invalid;
      ++i;
    } else {
      ++c.multibyte;
      i += n;
    }
  }
  return c;
}

bool append_cp1252_as_utf8(std::string_view s, std::string& out) {
  bool ok = true;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      char32_t cp = kCp1252High[c - 0x80];
      if (cp == 0) {
        ok = false;
        cp = 0xFFFD;
      }
      append_utf8(cp, out);
    } else {
      append_utf8(c, out);
    }
  }
  return ok;
}

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = byte(s, i);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < s.size()) {
      // U+00C0..U+00DE (except ×) are upper case letters; the lower case is +0x20.
      unsigned char d = byte(s, i + 1);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string normalize_name(std::string_view s) {
  std::string folded = fold_case(trim(s));
  std::string out;
  bool pending_sep = false;
  for (char c : folded) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      pending_sep = !out.empty();
      continue;
    }
    if (pending_sep) out += '_';
    pending_sep = false;
    out += c;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Two rows of the table; on the stack for names (suggestions compare hundreds of them).
  constexpr std::size_t kSmall = 64;
  std::size_t small[2 * kSmall];
  std::vector<std::size_t> big;
  std::size_t* prev = small;
  std::size_t* cur = small + kSmall;
  if (b.size() + 1 > kSmall) {
    big.resize(2 * (b.size() + 1));
    prev = big.data();
    cur = big.data() + b.size() + 1;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> closest_match(std::string_view wanted,
                                         const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    // The distance is at least the difference in length: such a candidate cannot be closer.
    std::size_t at_least = wanted.size() > c.size() ? wanted.size() - c.size() : c.size() - wanted.size();
    if (best && at_least >= best_distance) continue;
    std::size_t d = edit_distance(wanted, c);
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A suggestion further away than a third of the word is noise, not help.
  std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  if (best && best_distance <= limit) return best;
  // A prefix ("cost" for "cost_per_loan") is also a plausible intent.
  for (const std::string& c : candidates) {
    if (wanted.size() >= 3 && c.starts_with(wanted)) return c;
  }
  return std::nullopt;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
  std::optional<std::string> m = closest_match(wanted, candidates);
  return m ? fmt::format(", did you mean '{}'?", *m) : std::string();
}

std::string truncate_utf8(std::string_view s, std::size_t max_chars) {
  if (utf8_length(s) <= max_chars) return std::string(s);
  if (max_chars == 0) return std::string();
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool starts_char = (byte(s, i) & 0xC0) != 0x80;
    if (starts_char && ++chars == max_chars) break;
    out += s[i];
  }
  return out + "…";
}

std::string fold_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string system_message(int err) { return fold_first(std::strerror(err)); }

bool is_snake_case(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  // A column header is read as normalize_name() gives it, which joins the words by one '_':
  // a name it would change could not be read back from nytta's own CSV.
  return s.front() != '_' && s.back() != '_' && s.find("__") == std::string_view::npos;
}

}  // namespace nytta
