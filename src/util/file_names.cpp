#include "nytta/util/file_names.hpp"

#include <array>
#include <fmt/format.h>

namespace nytta {

namespace {

// ASCII for the Latin letters of the U+00C0–U+00FF block (lower case), "" for symbols.
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0–CF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss", // D0–DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0–EF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"}; // F0–FF

void add(std::string& out, std::string_view piece) {
  for (char c : piece) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) out += c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
}

std::string clean(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      add(out, std::string_view(&l, 1));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0xBF) add(out, kLatin1[d - 0x80]);
      ++i;
    } else {
      add(out, "_");  // other scripts and symbols
      while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  while (!out.empty() && out.front() == '_') out.erase(0, 1);
  return out;
}

bool reserved(const std::string& s) {
  static const std::set<std::string> names = {"con", "prn", "aux", "nul", "index"};
  if (names.count(s)) return true;
  return s.size() == 4 && (s.rfind("com", 0) == 0 || s.rfind("lpt", 0) == 0) && s[3] >= '0' && s[3] <= '9';
}

}  // namespace

std::string slug(std::string_view code, std::string_view name) {
  std::string c = clean(code), n = clean(name);
  std::string s = c.empty() ? n : n.empty() ? c : c + "_" + n;
  if (s.size() > 80) s.resize(80);
  while (!s.empty() && s.back() == '_') s.pop_back();
  if (s.empty()) s = "unit";
  if (reserved(s)) s += '_';
  return s;
}

std::string unique_slug(std::string_view code, std::string_view name, std::set<std::string>& taken) {
  std::string base = slug(code, name);
  std::string s = base;
  for (int n = 2; taken.count(s); ++n) s = fmt::format("{}_{}", base, n);
  taken.insert(s);
  return s;
}

std::string file_extension(std::string_view path) {
  std::size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return std::string(base.substr(dot + 1));
}

}  // namespace nytta
