#include "nytta/load/number.hpp"

#include <charconv>
#include <cmath>

#include "nytta/util/text.hpp"

namespace nytta {

const std::vector<std::string>& default_missing_markers() {
  static const std::vector<std::string> markers = {".",  "..", "...", "-",  "–", "—",
                                                   ":",  "x",  "na",  "n/a", "..."};
  return markers;
}

bool is_missing_marker(std::string_view cell, const NumberFormat& format) {
  std::string_view t = trim(cell);
  if (t.empty()) return true;
  if (t.size() > 8) return false;
  std::string folded = fold_case(t);
  for (const std::string& m : format.missing_markers) {
    if (folded == m) return true;
  }
  return false;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A thousands separator at s[i]: returns its length in bytes, or 0.
std::size_t separator_at(std::string_view s, std::size_t i, char decimal) {
  char c = s[i];
  if (c == ' ') return 1;
  if (c == (decimal == ',' ? '.' : ',')) return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;  // U+00A0 no-break space
  if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") return 3;  // U+202F, U+2009
  return 0;
}

ParsedNumber fail(const char* reason) {
  ParsedNumber p;
  p.status = ParsedNumber::Status::error;
  p.reason = reason;
  return p;
}

}  // namespace

ParsedNumber parse_number(std::string_view cell, const NumberFormat& format) {
  std::string_view s = trim(cell);
  if (is_missing_marker(s, format)) return ParsedNumber{};

  bool percent = false;
  if (!s.empty() && s.back() == '%') {
    percent = true;
    s = trim(s.substr(0, s.size() - 1));
  }

  // Clean ASCII text for from_chars: sign, digits, '.', exponent.
  char buf[80];
  std::size_t n = 0;
  auto put = [&](char c) {
    if (n >= sizeof buf) return false;
    buf[n++] = c;
    return true;
  };

  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') put('-');
    ++i;
  } else if (s.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    put('-');
    i = 3;
  }

  // Integer part, possibly grouped: 1–3 digits, then groups of exactly 3.
  std::size_t digits_in_group = 0;
  std::size_t int_digits = 0;
  bool grouped = false;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      if (!put(s[i])) return fail("too many digits");
      ++digits_in_group;
      ++int_digits;
      ++i;
      continue;
    }
    std::size_t sep = separator_at(s, i, format.decimal);
    if (sep == 0) break;
    // A grouping separator must follow 1–3 digits (3 after the first group) and be
    // followed by exactly three digits.
    if (digits_in_group == 0 || digits_in_group > 3 || (grouped && digits_in_group != 3))
      return fail("misplaced thousands separator");
    std::size_t j = i + sep;
    if (j + 3 > s.size() || !is_digit(s[j]) || !is_digit(s[j + 1]) || !is_digit(s[j + 2]) ||
        (j + 3 < s.size() && is_digit(s[j + 3])))
      return fail("misplaced thousands separator");
    grouped = true;
    digits_in_group = 0;
    i = j;
  }
  if (grouped && digits_in_group != 3) return fail("misplaced thousands separator");

  std::size_t frac_digits = 0;
  if (i < s.size() && s[i] == format.decimal) {
    put('.');
    ++i;
    while (i < s.size() && is_digit(s[i])) {
      if (!put(s[i])) return fail("too many digits");
      ++frac_digits;
      ++i;
    }
  }
  if (int_digits + frac_digits == 0) {
    if (s.size() >= 2 && (s[0] == '0') && (s[1] == 'x' || s[1] == 'X'))
      return fail("hexadecimal numbers are not read");
    return fail("not a number");
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    put('e');
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      put(s[i]);
      ++i;
    }
    std::size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) {
      if (!put(s[i])) return fail("too many digits");
      ++exp_digits;
      ++i;
    }
    if (exp_digits == 0) return fail("not a number");
  }
  if (i != s.size()) {
    char c = s[i];
    if (c == 'x' || c == 'X') return fail("hexadecimal numbers are not read");
    if (c == (format.decimal == '.' ? ',' : '.'))
      return fail(format.decimal == '.' ? "not a number (decimal comma in a file read with decimal point)"
                                        : "not a number (decimal point in a file read with decimal comma)");
    return fail("not a number");
  }

  double v = 0.0;
  auto [end, ec] = std::from_chars(buf, buf + n, v);
  if (ec == std::errc::result_out_of_range) return fail("number out of range");
  if (ec != std::errc() || end != buf + n) return fail("not a number");
  if (!std::isfinite(v)) return fail("number out of range");
  if (percent) v /= 100.0;
  if (v == 0.0) v = 0.0;  // -0 reads as 0, so it never prints as "-0"
  ParsedNumber p;
  p.status = ParsedNumber::Status::value;
  p.value = v;
  p.percent = percent;
  return p;
}

std::optional<int> parse_year(std::string_view text) {
  std::string_view t = trim(text);
  if (t.size() != 4) return std::nullopt;
  int y = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (y < 1000) return std::nullopt;
  return y;
}

}  // namespace nytta
