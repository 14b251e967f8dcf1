#include "load/fast_scan.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#include "load/csv_reader.hpp"
#include "nytta/util/text.hpp"

namespace nytta::fast {

bool plain_number(const char* b, const char* e, char decimal, double& out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  // parse_number() refuses a text it cannot hold (80 bytes), even when most of it is
  // leading zeros: leave long texts to it.
  if (b == e || e - b > 64) return false;
  bool negative = false;
  if (*b == '-' || *b == '+') {
    negative = *b == '-';
    if (++b == e) return false;
  }
  // Two tight loops, before and after the decimal mark. digits counts from the first
  // non-zero digit (leading zeros are not significant), frac every digit after the mark.
  std::uint64_t m = 0;
  int digits = 0, frac = 0;
  const char* p = b;
  for (; p != e; ++p) {
    const unsigned d = static_cast<unsigned>(static_cast<unsigned char>(*p)) - '0';
    if (d > 9) break;
    m = m * 10 + d;
    digits += m != 0;
  }
  if (p != e) {
    if (*p != decimal) return false;
    for (++p; p != e; ++p) {
      const unsigned d = static_cast<unsigned>(static_cast<unsigned char>(*p)) - '0';
      if (d > 9) return false;
      m = m * 10 + d;
      digits += m != 0;
      ++frac;
    }
    if (frac == 0) return false;  // "5." is for the general parser to refuse
  }
  if (digits > 15 || frac > 22) return false;
  double v = static_cast<double>(m) / kPow10[frac];
  out = (negative && v != 0.0) ? -v : v;
  return true;
}

namespace {

// The bytes other than the separator that a plain field's scan must stop at.
constexpr std::array<bool, 256> kStops = [] {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>('\n')] = t[static_cast<unsigned char>('\r')] = t[static_cast<unsigned char>('"')] = true;
  return t;
}();

}  // namespace

const char* split(const char* p, const char* end, char delim, std::vector<std::string_view>& fields,
                  std::vector<char>& quoted, std::size_t limit, bool* more) {
  if (more) *more = false;
  for (std::size_t taken = 0;; ++taken) {
    if (taken == limit) {
      if (more) *more = true;
      return p;  // the start of the next field
    }
    if (p < end && *p == '"') {
      const char* q = ++p;
      bool escaped = false;
      for (;;) {
        const char* hit = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
        if (!hit) throw NeedMore{};  // more of the file, or an unterminated quote
        if (hit + 1 < end && hit[1] == '"') {
          escaped = true;
          q = hit + 2;
          continue;
        }
        if (static_cast<std::size_t>(hit - p) > kMaxFieldBytes) throw GiveUp{};  // the general loader says where
        for (const char* cr = p; (cr = static_cast<const char*>(std::memchr(cr, '\r', static_cast<std::size_t>(hit - cr)))); ++cr) {
          if (cr + 1 == hit || cr[1] != '\n') throw GiveUp{};  // a bare CR ends a line for the general loader
        }
        fields.emplace_back(p, static_cast<std::size_t>(hit - p));
        quoted.push_back(escaped);
        p = hit + 1;
        break;
      }
      if (p < end && *p != delim && *p != '\n' && *p != '\r') throw GiveUp{};
    } else {
      const char* q = p;
      // One table lookup per byte for the four bytes that end or spoil a plain field.
      while (q < end) {
        const char c = *q;
        if (!kStops[static_cast<unsigned char>(c)] && c != delim) {
          ++q;
          continue;
        }
        if (c == delim || c == '\n') break;
        if (c == '"') throw GiveUp{};  // a quote inside a field: the general loader decides
        if (c == '\r' && (q + 1 == end || q[1] != '\n')) throw GiveUp{};  // a bare CR ends a line
        ++q;
      }
      const char* stop = q;
      if (stop > p && stop[-1] == '\r' && (q == end || *q == '\n')) --stop;
      if (static_cast<std::size_t>(stop - p) > kMaxFieldBytes) throw GiveUp{};
      fields.emplace_back(p, static_cast<std::size_t>(stop - p));
      quoted.push_back(false);
      p = q;
    }
    if (p < end && *p == delim) {
      ++p;
      continue;
    }
    if (p < end && *p == '\r') ++p;
    if (p < end && *p == '\n') ++p;
    return p;
  }
}

const char* skip_record(const char* p, const char* end) {
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
  if (!nl) nl = end;
  if (std::memchr(p, '"', static_cast<std::size_t>(nl - p))) return nullptr;
  return nl == end ? end : nl + 1;
}

std::string unescape(std::string_view f) {
  std::string s;
  for (std::size_t i = 0; i < f.size(); ++i) {
    s += f[i];
    if (f[i] == '"' && i + 1 < f.size() && f[i + 1] == '"') ++i;
  }
  return s;
}

void check_text(std::string_view t) {
  for (char c : t) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!is_valid_utf8(t)) throw GiveUp{};
      break;
    }
  }
  if (t.find('\0') != std::string_view::npos) throw GiveUp{};
}

std::string text_of(std::string_view f, bool escaped) {
  std::string_view t = trim(f);
  check_text(t);
  return escaped ? unescape(t) : std::string(t);
}

}  // namespace nytta::fast
