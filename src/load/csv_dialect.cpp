#include "nytta/load/csv_dialect.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <vector>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::string_view to_string(Encoding e) {
  switch (e) {
    case Encoding::automatic: return "auto";
    case Encoding::utf8: return "utf-8";
    case Encoding::cp1252: return "windows-1252";
  }
  return "auto";
}

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return fmt::format("'{}'", d);
}

std::optional<char> parse_delimiter_name(std::string_view name) {
  if (name == "tab" || name == "\t") return '\t';
  if (name.size() == 1 && kDelimiterCandidates.find(name[0]) != std::string_view::npos) return name[0];
  return std::nullopt;
}

std::optional<Encoding> parse_encoding_name(std::string_view name) {
  std::string e = normalize_name(name);
  if (e == "utf_8" || e == "utf8") return Encoding::utf8;
  if (e == "windows_1252" || e == "cp1252" || e == "latin1" || e == "latin_1" || e == "iso_8859_1") return Encoding::cp1252;
  if (e == "auto") return Encoding::automatic;
  return std::nullopt;
}

std::optional<char> parse_decimal_name(std::string_view name) {
  if (name == "." || name == ",") return name[0];
  return std::nullopt;
}

namespace {

// Physical lines of head, split outside quotes, at most max_lines of them.
std::vector<std::string_view> sniff_lines(std::string_view head, std::size_t max_lines) {
  std::vector<std::string_view> lines;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < head.size() && lines.size() < max_lines; ++i) {
    char c = head[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) {
      if (i > start) lines.push_back(head.substr(start, i - start));
      start = i + 1;
    }
  }
  return lines;
}

std::size_t count_outside_quotes(std::string_view line, char d) {
  std::size_t n = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == d && !quoted) ++n;
  }
  return n;
}

char detect_delimiter(const std::vector<std::string_view>& lines) {
  char best = ',';
  std::size_t best_score = 0;
  std::size_t best_mode = 0;
  for (char d : kDelimiterCandidates) {
    std::map<std::size_t, std::size_t> histogram;  // count per line -> lines
    for (std::string_view line : lines) ++histogram[count_outside_quotes(line, d)];
    std::size_t mode = 0, score = 0;
    for (auto [count, lines_with_count] : histogram) {
      if (count > 0 && lines_with_count >= score) {
        mode = count;
        score = lines_with_count;
      }
    }
    if (score > best_score || (score == best_score && score > 0 && mode > best_mode)) {
      best = d;
      best_score = score;
      best_mode = mode;
    }
  }
  return best;
}

// A decimal comma shows as digits,digits in a field, when ',' is not the separator.
char detect_decimal(const std::vector<std::string_view>& lines, char delimiter) {
  if (delimiter == ',') return '.';
  std::size_t comma = 0, point = 0;
  for (std::string_view line : lines) {
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
      bool between_digits = std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
                            std::isdigit(static_cast<unsigned char>(line[i + 1]));
      if (!between_digits) continue;
      if (line[i] == ',') ++comma;
      // "1.234.567" is grouping, not a decimal point; count only a lone '.'.
      if (line[i] == '.') ++point;
    }
  }
  return comma > point ? ',' : '.';
}

}  // namespace

SniffResult sniff(std::string_view head, const Dialect& given, const std::string& file_name) {
  SniffResult r;
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                           (head[0] == '\xFE' && head[1] == '\xFF'))) {
    throw DataError(Location{file_name, 1, 1},
                    "the file is UTF-16, which nytta does not read; save it as UTF-8 (CSV UTF-8 in Excel)");
  }
  if (head.substr(0, 3) == "\xEF\xBB\xBF") {
    r.has_bom = true;
    head.remove_prefix(3);
  }

  if (given.encoding != Encoding::automatic) {
    r.encoding = given.encoding;
  } else if (r.has_bom) {
    r.encoding = Encoding::utf8;
  } else {
    // A Windows-1252 file has no valid multi-byte UTF-8 at all; a UTF-8 file with one broken
    // character is still UTF-8, and the reader says where the character is broken.
    Utf8Census c = utf8_census(head);
    // (Windows-1252 text almost never forms a valid UTF-8 sequence by chance: one is enough.)
    r.encoding = c.invalid == 0 || c.multibyte > 0 ? Encoding::utf8 : Encoding::cp1252;
  }

  bool has_lf = head.find('\n') != std::string_view::npos;
  r.cr_line_ends = !has_lf && head.find('\r') != std::string_view::npos;

  std::vector<std::string_view> lines = sniff_lines(head, 50);
  r.delimiter = given.delimiter ? given.delimiter : detect_delimiter(lines);
  // The decimal mark from every line of the head: an Excel export's first hundred rows may
  // all be whole numbers (counts, whole kronor) and its first "38333,7" come later.
  if (!given.decimal && r.delimiter != ',') lines = sniff_lines(head, head.size());
  r.decimal = given.decimal ? given.decimal : detect_decimal(lines, r.delimiter);
  return r;
}

}  // namespace nytta
