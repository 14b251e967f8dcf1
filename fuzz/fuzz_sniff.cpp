// libFuzzer target: reading numbers and guessing a CSV dialect, the two places where a
// byte of a cell decides a value. The first byte picks what is given (separator, decimal
// mark, encoding); the rest is the head of a file for sniff() and, line by line, cells for
// the number parsers. What must hold:
// - sniff() keeps what is given, guesses only from what it offers, throws nothing but a
//   DataError;
// - a cell that parses is a finite number, never -0; a missing cell is exactly a missing
//   marker; an error says why;
// - the fast loader's plain_number() never reads a cell differently from parse_number();
// - a number written by nytta reads back: format_machine exactly, in either decimal mark;
//   format_human to its precision, the same value in English and in Swedish;
// - a year is four digits, and the number those digits are.

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_util.hpp"
#include "nytta/load/csv_dialect.hpp"
#include "load/fast_scan.hpp"
#include "nytta/load/number.hpp"
#include "nytta/util/error.hpp"
#include "nytta/report/number_format.hpp"
#include "nytta/util/text.hpp"

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void check_sniff(std::string_view head, std::uint8_t pick) {
  static const char kDelimiters[] = {0, ',', ';', '\t', '|'};
  static const char kDecimals[] = {0, '.', ','};
  static const nytta::Encoding kEncodings[] = {nytta::Encoding::automatic, nytta::Encoding::utf8,
                                               nytta::Encoding::cp1252};
  nytta::Dialect given;
  given.delimiter = kDelimiters[pick % 5];
  given.decimal = kDecimals[(pick / 5) % 3];
  given.encoding = kEncodings[(pick / 15) % 3];
  nytta::SniffResult r;
  try {
    r = nytta::sniff(head, given, "fuzz.csv");
  } catch (const nytta::DataError&) {
    return;
  }
  NYTTA_REQUIRE(given.delimiter ? r.delimiter == given.delimiter
                          : nytta::kDelimiterCandidates.find(r.delimiter) != std::string_view::npos);
  NYTTA_REQUIRE(given.decimal ? r.decimal == given.decimal : r.decimal == '.' || r.decimal == ',');
  NYTTA_REQUIRE(given.encoding != nytta::Encoding::automatic ? r.encoding == given.encoding
                                                       : r.encoding != nytta::Encoding::automatic);
  NYTTA_REQUIRE(r.has_bom == (head.substr(0, 3) == "\xEF\xBB\xBF"));
  if (r.cr_line_ends) NYTTA_REQUIRE(head.find('\n') == std::string_view::npos && head.find('\r') != std::string_view::npos);
}

// x read back from what nytta writes of it.
void check_written(double x) {
  nytta::NumberFormat point{'.', nytta::default_missing_markers()};
  nytta::NumberFormat comma{',', nytta::default_missing_markers()};
  std::string machine = nytta::format_machine(x);
  nytta::ParsedNumber back = nytta::parse_number(machine, point);
  NYTTA_REQUIRE(back.ok() && same_bits(back.value, x));
  std::string machine_comma = machine;
  for (char& c : machine_comma) {
    if (c == '.') c = ',';
  }
  back = nytta::parse_number(machine_comma, comma);
  NYTTA_REQUIRE(back.ok() && same_bits(back.value, x));

  for (int precision = 0; precision <= 3; ++precision) {
    nytta::ParsedNumber en = nytta::parse_number(nytta::format_human(x, precision, "en"), point);
    nytta::ParsedNumber sv = nytta::parse_number(nytta::format_human(x, precision, "sv"), comma);
    NYTTA_REQUIRE(en.ok() && sv.ok() && same_bits(en.value, sv.value));
    // Below 1e16 the text has `precision` decimals (above, three significant digits).
    double tolerance = std::fabs(x) < 1e16 ? 0.5 * std::pow(10.0, -precision) : std::fabs(x) * 0.005;
    NYTTA_REQUIRE(std::fabs(en.value - x) <= tolerance * (1 + 1e-9) + std::fabs(x) * 1e-15);
  }
}

void check_cell(std::string_view cell) {
  for (char decimal : {'.', ','}) {
    nytta::NumberFormat f{decimal, nytta::default_missing_markers()};
    nytta::ParsedNumber p = nytta::parse_number(cell, f);
    NYTTA_REQUIRE((p.status == nytta::ParsedNumber::Status::missing) == nytta::is_missing_marker(cell, f));
    if (p.status == nytta::ParsedNumber::Status::error) {
      NYTTA_REQUIRE(p.reason != nullptr && *p.reason != '\0');
    }
    if (p.ok()) {
      NYTTA_REQUIRE(std::isfinite(p.value) && !(p.value == 0.0 && std::signbit(p.value)));
      std::string_view t = nytta::trim(cell);
      NYTTA_REQUIRE(p.percent == (!t.empty() && t.back() == '%'));
      check_written(p.value);
    }
    double fast = 0.0;
    if (nytta::fast::plain_number(cell.data(), cell.data() + cell.size(), decimal, fast)) {
      NYTTA_REQUIRE(p.ok() && !p.percent && same_bits(fast, p.value));
    }
  }
  if (std::optional<int> year = nytta::parse_year(cell)) {
    NYTTA_REQUIRE(*year >= 1000 && *year <= 9999);
    nytta::ParsedNumber p = nytta::parse_number(cell, nytta::NumberFormat{'.', {}});
    NYTTA_REQUIRE(p.ok() && p.value == *year);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  check_sniff(text, data[0]);
  // Every line a cell, and the fields of the first lines split at the usual separators.
  std::size_t cells = 0;
  for (std::size_t start = 0; start <= text.size() && cells < 64;) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    check_cell(line);
    ++cells;
    for (std::size_t b = 0; b <= line.size() && cells < 64;) {
      std::size_t e = line.find_first_of(";\t|", b);
      if (e == std::string_view::npos) e = line.size();
      if (b != 0 || e != line.size()) {
        check_cell(line.substr(b, e - b));
        ++cells;
      }
      b = e + 1;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return 0;
}
