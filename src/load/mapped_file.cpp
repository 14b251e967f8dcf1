// One file of an export read through its mapping. The header is found (after header_line
// and any title rows), each measure source is bound to its column (by header or position;
// wide layouts: every column whose header the year pattern takes), and each row becomes
// values of the accumulator's units and years, scaled, recoded and checked as the mapping says.

#include "load/mapped_file.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>

#include "load/pattern.hpp"
#include "load/unit_names.hpp"
#include "nytta/load/number.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/util/text.hpp"

namespace nytta::detail {

namespace {

// The measures of nytta's own vocabulary: counts and amounts, never percentages.
bool is_canonical_count(const std::string& measure) {
  std::optional<std::string> c = canonical_column(measure);
  return c && *c == measure;
}


constexpr std::size_t kMaxKeyBytes = 1024;

// A scale by a power of ten (percent → share: 0.01) moves the decimal point: "41" is 0.41,
// not 41 × 0.01 = 0.41000000000000003, which is no decimal anyone wrote. The product is
// rounded to 15 significant digits, all a double holds for sure, so that the converted
// file shows the source's digits.
double scaled(double v, double scale) {
  double exponent = std::log10(std::abs(scale));
  if (exponent == 0.0 || exponent != std::round(exponent)) return v * scale;
  double product = v * scale;
  char buf[64];
  std::to_chars_result printed = std::to_chars(buf, buf + sizeof buf, product, std::chars_format::general, 15);
  double back = product;
  if (printed.ec == std::errc()) std::from_chars(buf, printed.ptr, back);
  return back;
}


std::string base_name(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}


// A measure source resolved against one file's header.
struct BoundSource {
  const MeasureSource* source;
  std::size_t index;        // column index in the file
  std::optional<int> year;  // wide layout: the year of this column
  NumberFormat format;
};

class FileReader {
 public:
  FileReader(const Mapping& m, const FileRule* rule, RecordSource& reader, Accumulator& acc, ErrorList& errors)
      : m_(m), rule_(rule), reader_(reader), acc_(acc), errors_(errors) {}

  void read() {
    find_header();
    bind_columns();
    for (std::size_t i = 0; i < m_.skip_after_header && reader_.next(); ++i) {
    }
    while (reader_.next()) read_row();
    if (skipped_ > 0) {
      acc_.notes.push_back(fmt::format("{}: {} rows that are not data (no key matching the mapping's pattern) were skipped",
                                       reader_.name(), skipped_));
    }
  }

  /// Rows (or year columns) of years outside the mapping's [keys] years.
  std::size_t out_of_years() const { return out_of_years_; }

 private:
  void find_header() {
    do {
      if (!reader_.next()) {
        throw DataError(Location{reader_.name(), m_.header_line, 0},
                        fmt::format("no header row at or after line {}, as {} says", m_.header_line, m_.path));
      }
    } while (reader_.where().line < m_.header_line);
    for (std::size_t i = 0; i < reader_.size(); ++i) {
      headers_.push_back(std::string(reader_.field(i)));
      normalized_.push_back(normalize_name(headers_.back()));  // once: a wide file has hundreds
    }
    header_line_ = reader_.where().line;
  }

  std::optional<std::size_t> find(const ColumnRef& c) const {
    if (c.position > 0) return c.position <= headers_.size() ? std::optional<std::size_t>(c.position - 1) : std::nullopt;
    std::string want = normalize_name(c.header);
    for (std::size_t i = 0; i < normalized_.size(); ++i) {
      if (normalized_[i] == want) return i;
    }
    return std::nullopt;
  }

  std::size_t require(const ColumnRef& c, std::string_view role) const {
    if (std::optional<std::size_t> i = find(c)) return *i;
    std::vector<std::string> names;
    for (const std::string& h : headers_) names.push_back(h);
    throw DataError(Location{reader_.name(), header_line_, 0},
                    fmt::format("{} names {} for {}, which the file does not have{}", m_.path, c.describe(), role,
                                c.header.empty() ? "" : did_you_mean(c.header, names)));
  }

  NumberFormat format_for(const MeasureSource& s) const {
    NumberFormat f{s.decimal ? s.decimal : reader_.dialect().decimal, default_missing_markers()};
    f.missing_markers.insert(f.missing_markers.end(), m_.missing.begin(), m_.missing.end());
    f.missing_markers.insert(f.missing_markers.end(), s.missing.begin(), s.missing.end());
    return f;
  }

  void bind_columns() {
    auto optional_index = [&](const ColumnRef& c, std::string_view role) -> std::optional<std::size_t> {
      if (c.empty()) return std::nullopt;
      return require(c, role);
    };
    code_ = optional_index(m_.code, "the code");
    name_ = optional_index(m_.name, "the name");
    group_ = optional_index(m_.group, "the group");
    code_name_ = optional_index(m_.code_name, "code and name");
    if (!m_.code_name_pattern.empty()) code_name_re_ = Pattern(m_.code_name_pattern);
    if (!m_.code_pattern.empty()) code_re_ = Pattern(m_.code_pattern);
    for (const auto& [pattern, with] : m_.name_replace) name_replace_.emplace_back(Pattern(pattern), with);
    for (const AggregateRule& a : m_.aggregates) {
      aggregates_.push_back(Bound{&a, require(a.column, "an aggregate rule"),
                                  a.group_from.empty() ? std::nullopt : std::optional<std::size_t>(require(a.group_from, "group_from")),
                                  a.matches.empty() ? std::nullopt : std::optional<Pattern>(Pattern(a.matches))});
    }

    if (rule_ && rule_->year) file_year_ = rule_->year;
    else if (m_.fixed_year) file_year_ = m_.fixed_year;
    else if (!m_.year_from_file.empty()) {
      std::vector<std::string> match;
      std::string base = base_name(reader_.name());
      if (!Pattern(m_.year_from_file, true).search(base, &match) || match.empty())
        throw DataError(Location{reader_.name()}, fmt::format("the file name has no year matching {} of {}", m_.year_from_file, m_.path));
      file_year_ = parse_year(match[0]);
      if (!file_year_)
        throw DataError(Location{reader_.name()}, fmt::format("the year {} takes from the file name is not a four-digit year", m_.year_from_file),
                        match[0]);
    }
    if (!m_.wide && !file_year_) year_ = require(m_.year, "the year");
    if (!m_.year_pattern.empty()) year_re_ = Pattern(m_.year_pattern);

    if (m_.wide) {
      Pattern years(m_.year_columns, true);
      const NumberFormat format = format_for(rule_->wide);
      for (std::size_t i = 0; i < headers_.size(); ++i) {
        std::vector<std::string> match;
        std::string h(trim(headers_[i]));
        if (!years.full_match(h, &match) || match.empty()) continue;
        std::optional<int> y = parse_year(match[0]);
        if (y && !wanted_year(*y)) {
          ++out_of_years_;
          continue;
        }
        if (!y) {
          errors_.add(Location{reader_.name(), header_line_, i + 1},
                      fmt::format("the year columns pattern {} of {} takes a year that is not four digits", m_.year_columns, m_.path),
                      match[0]);
          continue;
        }
        bound_.push_back(BoundSource{&rule_->wide, i, y, format});
      }
      errors_.checkpoint();  // headers the pattern takes, but not as years, first
      if (bound_.empty() && out_of_years_ == 0)
        throw DataError(Location{reader_.name(), header_line_, 0},
                        fmt::format("no header matches the year columns {} of {}", m_.year_columns, m_.path));
      acc_.add_measure(rule_->wide);
      return;
    }
    const std::vector<MeasureSource>& sources = (rule_ && !rule_->columns.empty()) ? rule_->columns : m_.columns;
    for (const MeasureSource& s : sources) {
      std::optional<std::size_t> i = find(s.column);
      if (!i && s.optional) {
        acc_.absent.push_back(s.measure);
        continue;
      }
      std::size_t index = i ? *i : require(s.column, fmt::format("'{}'", s.measure));  // the message only when needed
      bound_.push_back(BoundSource{&s, index, std::nullopt, format_for(s)});
      acc_.add_measure(s);
    }
  }

  std::string cell(std::optional<std::size_t> i) const {
    return i && *i < reader_.size() ? std::string(trim(reader_.field(*i))) : std::string();
  }

  void read_row() {
    bool blank = true;
    for (std::size_t i = 0; i < reader_.size() && blank; ++i) blank = trim(reader_.field(i)).empty();
    if (blank) return;
    // Keys are short; a longer one is a broken file, and the patterns below must never run
    // on megabytes.
    for (std::optional<std::size_t> k : {code_, name_, group_, code_name_, year_}) {
      if (k && *k < reader_.size() && reader_.field(*k).size() > kMaxKeyBytes) {
        errors_.add(reader_.where(*k), fmt::format("a key cell longer than {} bytes", kMaxKeyBytes),
                    std::string(reader_.field(*k).substr(0, 40)) + "…");
        return;
      }
    }

    Unit unit;
    unit.code = cell(code_);
    if (code_re_ && !unit.code.empty()) {
      std::vector<std::string> match;
      if (!code_re_->search(unit.code, &match) || match.empty()) {
        errors_.add(reader_.where(*code_), fmt::format("the code does not match the pattern {} of {}", m_.code_pattern, m_.path), unit.code);
        return;
      }
      unit.code = match[0];
    }
    unit.name = cell(name_);
    unit.group = cell(group_);
    if (code_name_) {
      std::vector<std::string> match;
      std::string both = cell(code_name_);
      if (!code_name_re_->full_match(both, &match) || match.size() < 2) {
        if (m_.skip_unmatched) {
          ++skipped_;
          return;
        }
        errors_.add(reader_.where(*code_name_), fmt::format("does not match the code and name pattern {} of {}", m_.code_name_pattern, m_.path), both);
        return;
      }
      unit.code = match[0];
      unit.name = std::string(trim(match[1]));
    }
    for (const auto& [re, with] : name_replace_) unit.name = re.replace_all(unit.name, with);
    unit.code = padded_code(std::move(unit.code), m_.code_pad);
    if (m_.group_prefix > 0 && unit.group.empty()) unit.group = unit.code.substr(0, std::min(m_.group_prefix, unit.code.size()));
    for (const Bound& a : aggregates_) {
      std::string v = cell(a.column);
      bool hit = a.re ? a.re->full_match(v) : fold_case(v) == fold_case(a.rule->equals);
      if (!hit) continue;
      unit.kind = a.rule->kind;
      unit.kind_stated = true;
      unit.group = a.group_from ? cell(a.group_from) : std::string();
      break;
    }
    for (const Recode& r : m_.recodes) {
      if ((!r.code.empty() && r.code == unit.code) || (r.code.empty() && r.name == unit.name)) {
        if (!r.to_code.empty()) unit.code = r.to_code;
        if (!r.to_name.empty()) unit.name = r.to_name;
        if (r.to_kind) {
          unit.kind = *r.to_kind;
          unit.kind_stated = true;
        }
      }
    }
    if (unit.key().empty()) {
      errors_.add(reader_.where(), "the row has neither a code nor a name");
      return;
    }

    std::optional<int> row_year = file_year_;
    if (!row_year && !m_.wide) {
      row_year = parse_year_cell();
      if (!row_year) return;
    }
    if (row_year && !wanted_year(*row_year)) {
      ++out_of_years_;
      return;
    }
    std::uint32_t u = acc_.unit(unit);
    for (const BoundSource& b : bound_) {
      int year = b.year ? *b.year : *row_year;
      if (b.index >= reader_.size()) {
        errors_.add(reader_.where(), fmt::format("the row ends before {}", b.source->column.empty() ? fmt::format("column {}", b.index + 1) : b.source->column.describe()));
        continue;
      }
      std::string_view text = reader_.field(b.index);
      ParsedNumber p = parse_number(text, b.format);
      if (p.ok() && p.percent && is_canonical_count(b.source->measure)) {
        errors_.add(reader_.where(b.index),
                    fmt::format("a percentage in column '{}' ({}), which holds counts or amounts", headers_[b.index], b.source->measure), text);
        continue;
      }
      if (p.status == ParsedNumber::Status::error) {
        errors_.add(reader_.where(b.index), fmt::format("{} in column '{}' ({})", p.reason, headers_[b.index], b.source->measure), text);
        continue;
      }
      double v = p.ok() ? p.value : kMissing;
      const MeasureSource& s = *b.source;
      bool zero_missing = (s.zero_is_missing || (m_.zero_is_missing && s.zero_is_missing_years.empty())) &&
                          (s.zero_is_missing_years.empty() ||
                           std::find(s.zero_is_missing_years.begin(), s.zero_is_missing_years.end(), year) != s.zero_is_missing_years.end());
      if (v == 0.0 && zero_missing) v = kMissing;
      if (!is_missing(v)) v = scaled(v, s.scale);
      acc_.add(u, year, s, v, reader_.where(b.index), errors_);
    }
  }

  std::optional<int> parse_year_cell() {
    std::string text = cell(year_);
    std::string digits = text;
    if (year_re_) {
      std::vector<std::string> match;
      if (!year_re_->search(text, &match) || match.empty()) {
        errors_.add(reader_.where(*year_), fmt::format("the year does not match {} of {}", m_.year_pattern, m_.path), text);
        return std::nullopt;
      }
      digits = match[0];
    }
    std::optional<int> year = parse_year(digits);
    if (!year) errors_.add(reader_.where(*year_), "year must be a four-digit whole number from 1000 to 9999", text);
    return year;
  }

  bool wanted_year(int year) const {
    return !(m_.years_from && year < *m_.years_from) && !(m_.years_to && year > *m_.years_to);
  }

  struct Bound {
    const AggregateRule* rule;
    std::size_t column;
    std::optional<std::size_t> group_from;
    std::optional<Pattern> re;
  };

  const Mapping& m_;
  const FileRule* rule_;
  RecordSource& reader_;
  Accumulator& acc_;
  ErrorList& errors_;
  std::vector<std::string> headers_;
  std::vector<std::string> normalized_;  // headers_ as normalize_name() gives them
  std::size_t header_line_ = 0;
  std::optional<std::size_t> code_, name_, group_, code_name_, year_;
  std::optional<Pattern> code_name_re_, code_re_, year_re_;
  std::vector<std::pair<Pattern, std::string>> name_replace_;
  std::vector<Bound> aggregates_;
  std::optional<int> file_year_;
  std::vector<BoundSource> bound_;
  std::size_t skipped_ = 0;
  std::size_t out_of_years_ = 0;
};

}  // namespace

const FileRule* rule_for(const Mapping& m, const std::string& path) {
  std::string base = base_name(path);
  for (const FileRule& f : m.files) {
    if (::fnmatch(f.match.c_str(), base.c_str(), 0) == 0) return &f;
  }
  return nullptr;
}

std::size_t read_mapped_file(const Mapping& m, const FileRule* rule, RecordSource& reader, Accumulator& acc,
                             ErrorList& errors) {
  FileReader file(m, rule, reader, acc, errors);
  file.read();
  return file.out_of_years();
}

}  // namespace nytta::detail
