#pragma once
// A mapping file (TOML, --map FILE) says how an export that is not canonical long CSV
// becomes a Dataset: where the header is, which columns are the keys and the measures,
// years down a column or across the header (wide / PxWeb), one file per measure joined by
// key, rows that are aggregates, missing codes, scale factors, sums of rows or months,
// and measures derived by formula. data/mappings/ holds one for every real export nytta
// ships with; README.md documents every field.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "nytta/load/csv_dialect.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

/// A column named by its header (case-insensitive) or by its 1-based position.
struct ColumnRef {
  std::string header;
  std::size_t position = 0;
  bool empty() const { return header.empty() && position == 0; }
  std::string describe() const;
};

/// How several source cells of one unit, year and measure become one value.
enum class Combine { single, sum, mean, min, max, same };

/// Where a measure comes from, and how its cells are read.
struct MeasureSource {
  std::string measure;
  ColumnRef column;                  // long layout; empty for a file's wide year columns
  double scale = 1.0;                // multiplies every value (percent → share: 0.01)
  std::vector<std::string> missing;  // more missing markers for this column
  bool zero_is_missing = false;
  std::vector<int> zero_is_missing_years;  // only these years (all when empty)
  std::optional<double> default_value;     // the value where the files have none
  Combine combine = Combine::single;
  std::size_t complete = 0;  // cells a combined value needs, else it is missing
  bool optional = false;     // the column may be absent
  std::string meaning;       // what the measure really is, said in every report
  std::optional<Aggregation> aggregation;  // how it aggregates, when not a sum
  char decimal = 0;          // this column's decimal mark when it differs from the file's
  Location where;
};

struct AggregateRule {
  RowKind kind = RowKind::national;
  ColumnRef column;
  std::string equals;   // the cell equals this (case-insensitive)
  std::string matches;  // or matches this regular expression
  ColumnRef group_from; // the group of the aggregate row is this column's value
};

struct Recode {
  std::string code, name;  // the row to recode (by code, else by name)
  std::string to_code, to_name;
  std::optional<RowKind> to_kind;
};

/// A file that names the units (an entity list: code, name, group) instead of giving values.
struct NameSource {
  ColumnRef code, name, group;
};

struct FileRule {
  std::string match;  // glob on the file's base name
  bool skip = false;
  std::optional<NameSource> names;     // the file is a list of unit names, read by code
  MeasureSource wide;                  // wide layout: the measure of the year columns
  std::vector<MeasureSource> columns;  // long layout: replaces the mapping's columns
  std::optional<int> year;             // every row of the file is of this year
  Location where;
};

struct Derived {
  std::string measure;
  std::string formula;
  std::string meaning;
  std::optional<Aggregation> aggregation;
  Location where;
};

struct Mapping {
  std::string path;
  std::string title;
  std::string currency;
  std::vector<std::string> notes;

  Dialect dialect;
  std::size_t header_line = 1;       // physical line of the header
  std::size_t skip_after_header = 0; // records after the header that are not data
  std::vector<std::string> missing;  // markers for every column
  bool zero_is_missing = false;
  std::string sheet;                 // xlsx/ods: the sheet to read ("" = the first)

  // JSON-stat and Kolada files ([json]): the dimension whose categories are the measures,
  // and the one category kept of other dimensions.
  std::string json_contents;
  std::vector<std::pair<std::string, std::string>> json_select;

  ColumnRef code, name, group, year;
  std::string code_pattern;          // regex whose first group is the code, on the code cell
  ColumnRef code_name;               // code and name in one field
  std::string code_name_pattern;     // two groups: code, name
  std::size_t code_pad = 0;          // left-pad numeric codes with zeros to this width
  std::size_t group_prefix = 0;      // the group of a unit is the first N characters of its code
  std::vector<std::pair<std::string, std::string>> name_replace;  // regex → text
  std::string year_pattern;          // regex whose first group is the year, on the year cell
  std::string year_from_file;        // regex whose first group is the year, on the file name
  std::optional<int> fixed_year;
  std::optional<int> years_from, years_to;  // rows of other years are not read
  bool skip_unmatched = false;       // rows whose code_name does not match are not data

  bool wide = false;
  std::string year_columns = "^(?:år |year |vuosi )?(\\d{4})$";

  std::vector<AggregateRule> aggregates;
  std::vector<Recode> recodes;
  std::vector<MeasureSource> columns;
  std::vector<FileRule> files;
  std::vector<Derived> derive;       // in dependency order after parsing
  std::vector<std::string> output;   // measures kept, in order; all when empty
  std::vector<RangeWidening> widenings;  // [[range]]: KPI ranges these data widen
};

/// What the mapping declares of its measures (meaning, aggregation), in measure order.
std::vector<MeasureDeclaration> declarations_of(const Mapping& m);

/// Reads and checks a mapping file. Throws FileError when it cannot be read and
/// DataError (file, line, column, value) when it is wrong.
Mapping read_mapping(const std::string& path);

/// Parses mapping text; name is used in messages.
Mapping parse_mapping(std::string_view toml_text, const std::string& name);

}  // namespace nytta
