// Reading the files of an export through a mapping. Each file is matched to its [[file]]
// entry by name, its header found, its key and measure columns resolved (by header or
// position), and every cell becomes a value of (unit, year, measure) in an Accumulator,
// which combines cells that land on the same place (sums of media types, months of a
// year) and refuses accidental duplicates. build_dataset then derives the formula
// measures and keeps the output measures.


#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>

#include "load/accumulator.hpp"
#include "load/csv_reader.hpp"
#include "load/mapped_csv.hpp"
#include "load/mapped_file.hpp"

#include "nytta/load/number.hpp"
#include "load/open_records.hpp"
#include "load/unit_names.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

Dialect dialect_for(const Mapping& m, const LoadOptions& o) {
  Dialect d = m.dialect;
  if (o.delimiter) d.delimiter = o.delimiter;
  if (o.decimal) d.decimal = o.decimal;
  if (o.encoding != Encoding::automatic) d.encoding = o.encoding;
  return d;
}

// Spreadsheets and JSON files of an export: the sheet (--sheet, else the mapping's), the
// decimal mark numbers are written with, the JSON dimensions the mapping chooses.
RecordOptions record_options(const Mapping& m, const LoadOptions& o) {
  RecordOptions r;
  r.dialect = dialect_for(m, o);
  r.sheet.sheet = o.sheet.empty() ? m.sheet : o.sheet;
  r.sheet.sheet_from_flag = !o.sheet.empty();
  r.sheet.decimal = r.dialect.decimal ? r.dialect.decimal : '.';
  r.json.contents = m.json_contents;
  r.json.select = m.json_select;
  return r;
}

// Reads the files named by paths, each opened by open(i), through the mapping.
template <typename Open>
Dataset load_each(const std::vector<std::string>& paths, Open open, const Mapping& mapping, const LoadOptions& options) {
  Accumulator acc;
  ErrorList errors;
  UnitNames names;
  std::size_t out_of_years = 0, unnamed_rows = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    const FileRule* rule = detail::rule_for(mapping, path);
    if (!mapping.files.empty() && !rule) {
      throw DataError(Location{path}, fmt::format("the file matches no [[file]] entry of {} (add one, with skip = true "
                                                  "to leave it out)", mapping.path));
    }
    if (rule && rule->skip) {
      acc.notes.push_back(fmt::format("{}: not read ({} says skip)", path, mapping.path));
      continue;
    }
    std::unique_ptr<RecordSource> reader = open(i);
    acc.sources.push_back(path);
    if (rule && rule->names) {
      unnamed_rows += read_unit_names(*reader, *rule->names, mapping, names, errors);
      continue;
    }
    out_of_years += detail::read_mapped_file(mapping, rule, *reader, acc, errors);
    for (const std::string& r : reader->remarks()) acc.notes.push_back(fmt::format("{}: {}", reader->name(), r));
  }
  errors.checkpoint();
  if (acc.sources.empty()) throw DataError(fmt::format("{}: none of the files is read", mapping.path));
  if (out_of_years > 0) {
    std::string span = !mapping.years_to     ? fmt::format("before {}", *mapping.years_from)
                       : !mapping.years_from ? fmt::format("after {}", *mapping.years_to)
                                             : fmt::format("outside {}–{}", *mapping.years_from, *mapping.years_to);
    acc.notes.push_back(fmt::format("{}: {} rows or year columns of years {} were not read (its [keys] years)", mapping.path,
                                    out_of_years, span));
  }
  if (unnamed_rows > 0) acc.notes.push_back(fmt::format("{}: {} rows of the names files without a code or a name", mapping.path, unnamed_rows));
  if (!names.empty()) {
    std::vector<std::string> unnamed = apply_unit_names(names, acc.units);
    if (!unnamed.empty()) {
      std::vector<std::string> shown(unnamed.begin(), unnamed.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(unnamed.size(), 5)));
      acc.notes.push_back(fmt::format("{}: {} units have no name in the names files: {}{}", mapping.path, unnamed.size(),
                                      fmt::join(shown, ", "), unnamed.size() > shown.size() ? ", …" : ""));
    }
  }
  return build_dataset(acc, mapping, options);
}

}  // namespace

Dataset load_mapped(const std::vector<std::string>& paths, const Mapping& mapping, const LoadOptions& options) {
  RecordOptions ro = record_options(mapping, options);
  return load_each(paths, [&](std::size_t i) { return open_records(paths[i], ro); }, mapping, options);
}

Dataset load_mapped_text(const std::vector<TextFile>& files, const Mapping& mapping, const LoadOptions& options) {
  std::vector<std::string> names;
  for (const TextFile& f : files) names.push_back(f.name);
  Dialect dialect = dialect_for(mapping, options);
  return load_each(
      names,
      [&](std::size_t i) -> std::unique_ptr<RecordSource> {
        return std::make_unique<CsvReader>(files[i].name, files[i].bytes, dialect);
      },
      mapping, options);
}

}  // namespace nytta
