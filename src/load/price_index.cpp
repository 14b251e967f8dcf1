#include "nytta/load/price_index.hpp"

#include <fmt/format.h>

#include "load/csv_reader.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/load/number.hpp"
#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

double PriceIndex::factor(int year, int base) const {
  auto y = values.find(year);
  auto b = values.find(base);
  if (y == values.end() || b == values.end()) {
    int missing = y == values.end() ? year : base;
    std::string range = values.empty() ? "none" : fmt::format("{}–{}", values.begin()->first, values.rbegin()->first);
    throw DataError(fmt::format("{}: no price index for {} (the file has {}), which real terms need", source, missing, range));
  }
  return b->second / y->second;
}

PriceIndex read_price_index(const std::string& path) {
  CsvReader reader(path, Dialect{});
  PriceIndex p;
  p.source = path;
  if (!reader.next()) throw DataError(Location{path, 1, 0}, "the price index file is empty: expected year,cpi");
  std::optional<std::size_t> year_col, cpi_col;
  for (std::size_t i = 0; i < reader.size(); ++i) {
    std::string h = normalize_name(reader.field(i));
    if (canonical_column(reader.field(i)).value_or("") == "year") year_col = i;
    else if (!cpi_col && (h == "cpi" || h == "kpi" || h == "index" || h == "value" || h.rfind("kpi", 0) == 0)) cpi_col = i;
  }
  if (!year_col || !cpi_col) {
    throw DataError(Location{path, 1, 0}, "a price index file needs a 'year' and a 'cpi' column", reader.field(0));
  }
  NumberFormat f{reader.dialect().decimal, default_missing_markers()};
  ErrorList errors;
  while (reader.next()) {
    if (reader.size() <= std::max(*year_col, *cpi_col)) {
      errors.add(reader.where(), "the row has fewer fields than the header");
      continue;
    }
    std::optional<int> y = parse_year(reader.field(*year_col));
    ParsedNumber c = parse_number(reader.field(*cpi_col), f);
    if (!y) {
      errors.add(reader.where(*year_col), "year must be a four-digit whole number from 1000 to 9999", reader.field(*year_col));
      continue;
    }
    if (c.status == ParsedNumber::Status::missing) continue;
    if (!c.ok() || c.value <= 0.0) {
      errors.add(reader.where(*cpi_col), "the price index must be a positive number", reader.field(*cpi_col));
      continue;
    }
    if (!p.values.emplace(*y, c.value).second) {
      errors.add(reader.where(*year_col), "the year appears twice", reader.field(*year_col));
    }
  }
  errors.checkpoint();
  if (p.values.empty()) throw DataError(Location{path, 2, 0}, "the price index file has no values");
  return p;
}

}  // namespace nytta
