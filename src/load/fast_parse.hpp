#pragma once
// One part of a file, parsed by one thread of the fast CSV path (fast_long_csv.cpp).

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/fast_scan.hpp"
#include "nytta/model/header_aliases.hpp"
#include "nytta/load/number.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/load/load.hpp"

namespace nytta::fast {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Part {
  std::size_t begin, end;  // byte offsets; both at the start of a record (or the end of the file)
};

struct Row {
  std::uint32_t seq;   // order in the file (across parts)
  std::uint32_t unit;  // local unit index of its part
  int year;
};

struct Parsed {
  std::vector<Unit> units;  // local to the part
  std::unordered_map<std::string, std::uint32_t> unit_index;
  std::map<int, std::vector<Row>> rows;                  // per year, in file order
  std::map<int, std::vector<std::vector<double>>> cells; // per year, per measure
  // Rows of years not kept are checked, not stored: only which of the part's units has a
  // row in such a year, per year (a bit a unit instead of 12 bytes a row), to find duplicates.
  std::map<int, std::vector<bool>> dropped;
  std::vector<int> seen;                                 // years seen, for pruning
  std::vector<int> kept;                                 // the years kept of those seen
  int last_year = -1;
  bool last_kept = false;
  std::string currency;
  std::size_t data_rows = 0;
};

struct Layout {
  std::vector<ColumnPlan> columns;
  std::vector<std::size_t> measure_of;  // per column, the measure index (or npos)
  std::size_t measures = 0;
  std::size_t year_col = 0;
  std::size_t code_col = kNone, name_col = kNone, group_col = kNone, kind_col = kNone, currency_col = kNone;
  char delimiter = ',';
  NumberFormat format;
  YearNeeds needs;
};

/// Parses the records of [part.begin, part.end) of the file; sequence numbers start at seq0.
void parse_part(const File& file, const Part& part, const Layout& l, std::uint32_t seq0, Parsed& out);

}  // namespace nytta::fast
