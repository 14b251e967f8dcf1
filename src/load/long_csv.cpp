// The canonical long CSV: one row per municipality and year, header names in English or
// in the Swedish, Norwegian and Finnish spellings of header_aliases.cpp, in any order.
// Key columns (code, name, year, group, kind, currency) are text; every other column is
// a measure. A column the header does not name as a measure but whose cells are mostly
// text (a comment, a county name) is dropped with a note; a measure with a few bad
// cells is an error at each of them, never a silent zero. Missing is the empty cell or
// one of the usual markers (. .. - : x NA), and stays missing (NaN) downstream. Lines
// starting with '#' above the header are comments; "# note: …" ones become report notes.

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <optional>
#include <unordered_map>

#include "load/csv_reader.hpp"
#include "load/directives.hpp"
#include "nytta/model/header_aliases.hpp"
#include "load/fast_long_csv.hpp"
#include "load/mapped_csv.hpp"
#include "nytta/load/number.hpp"
#include "load/open_records.hpp"
#include "load/totals.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

Dialect dialect_from(const LoadOptions& o) {
  Dialect d;
  d.delimiter = o.delimiter;
  d.decimal = o.decimal;
  d.encoding = o.encoding;
  return d;
}

struct Column {
  Role role = Role::measure;
  std::string name;          // canonical or normalised header
  std::size_t measure = 0;   // index into the dataset's measures
  bool known = false;        // a canonical measure (always numeric)
  double scale = 1.0;        // "Kostnad (tkr)": thousands
  bool percent_noted = false;
  std::size_t bad_cells = 0; // cells that are not numbers
  std::size_t filled_cells = 0;
  std::vector<std::string> bad_examples;  // formatted diagnostics, a few
};

bool looks_numeric(std::string_view s) {
  NumberFormat f{'.', {}};
  return !trim(s).empty() && parse_number(s, f).ok();
}

// A quarter of the machine's memory for the rows of the data: the KPIs computed from them
// take a few times that again.
std::size_t memory_budget() {
  static const std::size_t budget = [] {
    long pages = ::sysconf(_SC_PHYS_PAGES), size = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(size) / 4 : std::size_t{1} << 32;
  }();
  return budget;
}

Dataset load(RecordSource& reader, const LoadOptions& options) {
  const std::string& file = reader.name();
  if (!reader.next()) throw DataError(Location{file, 1, 0}, "the file is empty: expected a header row");

  // Header.
  std::vector<Column> columns(reader.size());
  Dataset data;
  data.sources.push_back(file);
  data.source_rows.push_back(0);
  // "# note: …" lines and the other directives above the header travel with the data.
  read_directives(reader.comments(), reader.comment_lines(), file, data);
  for (const std::string& r : reader.remarks()) data.notes.push_back(fmt::format("{}: {}", file, r));
  std::unordered_map<std::string, std::size_t> seen;
  ErrorList errors;
  for (std::size_t i = 0; i < reader.size(); ++i) {
    std::string_view raw = reader.field(i);
    Column& c = columns[i];
    ColumnPlan plan = plan_column(raw);
    c.role = plan.role;
    if (c.role == Role::ignored) continue;
    c.name = plan.name;
    c.known = plan.known;
    c.scale = plan.scale;
    if (plan.scale != 1.0) {
      data.notes.push_back(fmt::format("{}: column '{}' is read as {} × {:g} (the header says {})", file, printable(raw, 60), plan.name,
                                       plan.scale, plan.unit));
    }
    if (!plan.currency.empty() && data.currency.empty()) data.currency = plan.currency;
    auto [it, inserted] = seen.emplace(c.name, i);
    if (!inserted) {
      errors.add(reader.where(i),
                 fmt::format("column '{}' appears twice (also column {})", c.name, it->second + 1),
                 raw);
    }
    if (c.role == Role::measure) {
      c.measure = data.measures.size();
      data.measures.push_back(Measure{c.name, {}, std::string(raw)});
    }
  }
  errors.checkpoint();

  auto has = [&](Role r) {
    return std::any_of(columns.begin(), columns.end(), [r](const Column& c) { return c.role == r; });
  };
  if (reader.size() == 1) {
    std::string_view only = reader.field(0);
    for (char d : kDelimiterCandidates) {
      if (d != reader.dialect().delimiter && only.find(d) != std::string_view::npos) {
        throw DataError(reader.where(0),
                        fmt::format("the header has a single column; did you mean --delimiter {}?",
                                    delimiter_name(d)),
                        only);
      }
    }
  }
  if (!has(Role::year)) {
    std::vector<std::string> headers;
    std::size_t numeric = 0;
    bool year_headers = false;
    for (std::size_t i = 0; i < reader.size(); ++i) {
      headers.emplace_back(reader.field(i));
      numeric += looks_numeric(reader.field(i));
      year_headers = year_headers || parse_year(reader.field(i)).has_value();
    }
    std::string hint;
    std::vector<std::string> names;
    for (const std::string& h : headers) names.push_back(normalize_name(h));
    std::optional<std::string> near = closest_match("year", names);
    if (near) hint = fmt::format(" (is '{}' the year?)", *near);
    if (year_headers) hint = " (years across columns are a wide layout: read it with a mapping file, --map)";
    else if (numeric * 2 > reader.size()) hint = " (the first line looks like data: the file needs a header row)";
    throw DataError(Location{file, reader.where().line, 0},
                    fmt::format("no 'year' column (also read as {}){}", aliases_of("year"), hint),
                    fmt::format("{}", fmt::join(headers, std::string(1, reader.dialect().delimiter))));
  }
  if (!has(Role::code) && !has(Role::name)) {
    throw DataError(Location{file, reader.where().line, 0},
                    fmt::format("no 'code' or 'name' column (also read as {}; {})", aliases_of("code"),
                                aliases_of("name")));
  }
  if (data.measures.empty()) {
    throw DataError(Location{file, reader.where().line, 0}, "no measure columns (population, loans, …)");
  }

  // Rows.
  NumberFormat number_format{reader.dialect().decimal, default_missing_markers()};
  std::unordered_map<std::string, std::uint32_t> unit_index;
  // Per unit, its years and their lines: a few bytes a row, where a hash of (unit, year)
  // keys cost forty.
  std::vector<std::vector<std::pair<int, std::uint32_t>>> years_of_unit;
  std::string currency_line;
  while (reader.next()) {
    // Records of empty fields only (Excel's trailing ",,,,") carry nothing.
    bool all_empty = true;
    for (std::size_t i = 0; i < reader.size() && all_empty; ++i) all_empty = trim(reader.field(i)).empty();
    if (all_empty) continue;
    if (reader.size() < columns.size()) {
      errors.add(reader.where(), fmt::format("expected {} fields as in the header, found {}",
                                             columns.size(), reader.size()));
      continue;
    }
    for (std::size_t i = columns.size(); i < reader.size(); ++i) {
      if (!trim(reader.field(i)).empty()) {
        errors.add(reader.where(i),
                   fmt::format("more fields than the header's {}", columns.size()), reader.field(i));
        break;
      }
    }
    if (data.row_count() >= options.max_rows) {
      throw DataError(reader.where(), fmt::format("more than {} rows (raise --max-rows if this is intended)",
                                                  options.max_rows));
    }
    // Stop a file before it stops the machine: what the rows take in memory, checked now and
    // then against a share of the machine's memory.
    if ((data.row_count() & 0xFFFF) == 0 && data.row_count() > 0 &&
        data.row_count() * (data.measures.size() * sizeof(double) + 16) > memory_budget()) {
      throw DataError(reader.where(), fmt::format("the file needs more memory than this machine can give nytta ({} rows read; "
                                                  "read fewer years or measures, or a part of the file)",
                                                  data.row_count()));
    }

    Unit unit;
    std::optional<int> year;
    std::size_t row = data.row_count();
    for (Measure& m : data.measures) m.values.push_back(kMissing);
    bool row_ok = true;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      Column& c = columns[i];
      std::string_view cell = reader.field(i);
      switch (c.role) {
        case Role::code: unit.code = std::string(trim(cell)); break;
        case Role::name: unit.name = std::string(trim(cell)); break;
        case Role::group: unit.group = std::string(trim(cell)); break;
        case Role::year:
          year = parse_year(cell);
          if (!year) {
            errors.add(reader.where(i), "year must be a four-digit whole number from 1000 to 9999", cell);
            row_ok = false;
          }
          break;
        case Role::kind: {
          std::optional<RowKind> k = parse_row_kind(cell);
          if (!k) {
            errors.add(reader.where(i), "kind must be unit, national or region", cell);
            row_ok = false;
          } else {
            unit.kind = *k;
            unit.kind_stated = !trim(cell).empty();
          }
          break;
        }
        case Role::currency: {
          std::string cur(trim(cell));
          if (cur.empty()) break;
          if (data.currency.empty()) {
            data.currency = cur;
            currency_line = to_string(reader.where(i));
          } else if (cur != data.currency) {
            errors.add(reader.where(i),
                       fmt::format("currency differs from {} at {}", data.currency, currency_line), cell);
          }
          break;
        }
        case Role::ignored:
          if (!trim(cell).empty()) {
            errors.add(reader.where(i),
                       fmt::format("column {} has no name in the header but holds a value", i + 1), cell);
          }
          break;
        case Role::measure: {
          ParsedNumber p = parse_number(cell, number_format);
          if (p.ok() && p.percent && c.known) {
            // "10%" in a count or an amount is no count: never 0.1 silently.
            errors.add(reader.where(i), fmt::format("a percentage in column '{}', which holds counts or amounts", c.name), cell);
            row_ok = false;
            break;
          }
          if (p.ok() && p.percent && !c.percent_noted) {
            c.percent_noted = true;
            data.notes.push_back(fmt::format("{}: column '{}' has percentages, read as shares (10 % = 0.1)", file, c.name));
          }
          if (p.ok()) {
            data.measures[c.measure].values[row] = p.value * c.scale;
            ++c.filled_cells;
          } else if (p.status == ParsedNumber::Status::error) {
            ++c.filled_cells;
            ++c.bad_cells;
            std::string msg = format_diagnostic(reader.where(i),
                                                fmt::format("{} in column '{}'", p.reason, c.name), cell);
            if (c.known) errors.add(std::move(msg));
            else if (c.bad_examples.size() < ErrorList::kMaxShown) c.bad_examples.push_back(std::move(msg));
          }
          break;
        }
      }
    }
    if (unit.key().empty()) {
      errors.add(reader.where(), "the row has neither a code nor a name");
      row_ok = false;
    }
    if (!row_ok) {
      for (Measure& m : data.measures) m.values.pop_back();
      continue;
    }
    std::string key = fmt::format("{}\x1f{}", static_cast<int>(unit.kind), unit.key());
    auto [it, inserted] = unit_index.emplace(key, static_cast<std::uint32_t>(data.units.size()));
    if (inserted) data.units.push_back(std::move(unit));
    if (years_of_unit.size() <= it->second) years_of_unit.resize(it->second + 1);
    std::vector<std::pair<int, std::uint32_t>>& seen_years = years_of_unit[it->second];
    auto dup = std::find_if(seen_years.begin(), seen_years.end(), [&](const auto& p) { return p.first == *year; });
    if (dup != seen_years.end()) {
      errors.add(reader.where(), fmt::format("{} {} appears twice (first at line {})",
                                             data.units[it->second].key(), *year, dup->second));
      for (Measure& m : data.measures) m.values.pop_back();
      continue;
    }
    seen_years.emplace_back(*year, static_cast<std::uint32_t>(reader.where().line));
    data.row_unit.push_back(it->second);
    data.row_year.push_back(*year);
  }

  // Columns the header does not name: mostly text means a text column, dropped; a few
  // bad cells in a numeric column are errors.
  std::vector<std::size_t> dropped;
  for (Column& c : columns) {
    if (c.role != Role::measure || c.known || c.bad_cells == 0) continue;
    if (c.bad_cells * 2 >= c.filled_cells) {
      dropped.push_back(c.measure);
      data.notes.push_back(fmt::format("{}: column '{}' holds text and was not read as a measure",
                                       file, c.name));
    } else {
      for (std::string& m : c.bad_examples) errors.add(std::move(m));
    }
  }
  errors.checkpoint();
  std::sort(dropped.rbegin(), dropped.rend());
  for (std::size_t m : dropped) data.measures.erase(data.measures.begin() + static_cast<std::ptrdiff_t>(m));
  if (data.row_count() == 0) throw DataError(Location{file, 2, 0}, "no data rows after the header");
  return data;
}

}  // namespace

Dataset load_long_csv(const std::string& path, const LoadOptions& options) {
  // A spreadsheet or JSON file in the canonical layout reads like the CSV it would be.
  RecordOptions ro;
  ro.dialect = dialect_from(options);
  ro.sheet = SheetOptions{options.sheet, true, true, '.'};
  ro.json.canonical_names = true;
  std::unique_ptr<RecordSource> reader = open_records(path, ro);
  return load(*reader, options);
}

Dataset load_long_csv(const std::string& name, std::istream& in, const LoadOptions& options) {
  CsvReader reader(name, in, dialect_from(options));
  return load(reader, options);
}


std::vector<int> kept_years(const std::vector<int>& years, const YearNeeds& needs) {
  if (needs.all || years.empty()) return years;
  std::vector<int> kept;
  if (needs.first) kept.push_back(years.front());
  std::size_t from = years.size() > needs.last ? years.size() - needs.last : 0;
  for (std::size_t i = from; i < years.size(); ++i) {
    if (kept.empty() || kept.back() != years[i]) kept.push_back(years[i]);
  }
  return kept;
}

void keep_years(Dataset& data, const YearNeeds& needs) {
  if (needs.all) return;
  std::vector<int> kept = kept_years(data.years(), needs);
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < data.row_count(); ++r) {
    if (std::binary_search(kept.begin(), kept.end(), data.row_year[r])) rows.push_back(r);
  }
  if (rows.size() == data.row_count()) return;
  std::vector<std::uint32_t> ru;
  std::vector<int> ry;
  for (std::size_t r : rows) {
    ru.push_back(data.row_unit[r]);
    ry.push_back(data.row_year[r]);
  }
  for (Measure& m : data.measures) {
    std::vector<double> v;
    v.reserve(rows.size());
    for (std::size_t r : rows) v.push_back(m.values[r]);
    m.values = std::move(v);
  }
  data.row_unit = std::move(ru);
  data.row_year = std::move(ry);
  for (std::size_t& first : data.source_rows) {
    first = static_cast<std::size_t>(std::lower_bound(rows.begin(), rows.end(), first) - rows.begin());
  }
}

Dataset load_files(const std::vector<std::string>& paths, const LoadOptions& options) {
  Dataset all;
  if (!options.map_file.empty()) {
    all = load_mapped(paths, read_mapping(options.map_file), options);
  } else {
    for (const std::string& p : paths) {
      // The fast path is for CSV text only: a spreadsheet or JSON file never takes it.
      std::optional<Dataset> fast =
          detect_input_kind(p) == InputKind::text ? try_fast_long_csv(p, options) : std::nullopt;
      merge_into(all, fast ? std::move(*fast) : load_long_csv(p, options));
    }
  }
  mark_totals(all);
  check_national_rows(all);
  keep_years(all, options.years);
  return all;
}

}  // namespace nytta
