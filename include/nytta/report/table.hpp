#pragma once
// What commands hand to writers: typed columns with unit and precision, rows of cells,
// notes. Writers only format; every number is computed before it gets here.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "nytta/report/chart.hpp"

namespace nytta {

enum class CellType { text, number };

/// Which formats show a column: every one, only CSV/JSON, or only table/md.
enum class Audience : std::uint8_t { all, machines, people };

/// How a cell compares, for colour in terminal tables (Kolada's green/yellow/red).
enum class Tone : std::uint8_t { none, good, middle, bad };

struct Column {
  std::string id;     // snake_case: the CSV header and JSON key
  std::string label;  // for people (table, md)
  std::string unit;   // shown in the header: "EUR", "%", "h/week"; may be empty
  CellType type = CellType::number;
  int precision = 2;  // decimals in human formats; CSV and JSON keep full precision
  bool grouping = true;  // thousands grouping in human formats (off for years)
  Audience audience = Audience::all;
  std::string link_from{};  // md and html link each cell to the text of this column ("file")
};

/// One value of a table: missing, a number or a text. Sixteen bytes: texts live in a pool
/// of distinct strings per thread, so a table of millions of cells stays small and the many
/// repeated texts ("unit", names in several tables) are stored once. A Cell is used on the
/// thread that made it.
class Cell {
 public:
  Cell() : num_(0.0) {}
  Cell(const std::string& s);                       // NOLINT: implicit on purpose
  Cell(std::string_view s);                         // NOLINT
  Cell(const char* s) : Cell(std::string_view(s)) {}  // NOLINT
  Cell(double v);                                   // NOLINT: NaN becomes missing
  static Cell number(double v, int precision, Tone tone = Tone::none);
  /// A text cell that refers to s without a copy; s must outlive the cell (a unit's name
  /// in the Dataset, say).
  static Cell view(const std::string& s);

  bool missing() const { return kind_ == Kind::missing; }
  const std::string* text() const { return kind_ == Kind::text ? text_ : nullptr; }
  const double* number_value() const { return kind_ == Kind::number ? &num_ : nullptr; }

  Tone tone = Tone::none;
  std::int8_t precision = -1;  // overrides the column's precision when ≥ 0

 private:
  enum class Kind : std::uint8_t { missing, number, text };
  Kind kind_ = Kind::missing;
  union {
    double num_;
    const std::string* text_;
  };
};

struct Table {
  std::string id;     // "ranking", "national_trend": the JSON section name
  std::string title;  // for people
  Audience audience = Audience::all;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  /// Index of the column with this id.
  std::optional<std::size_t> column_index(std::string_view wanted) const;
};

/// Where a report came from, for the outputs that keep a history (SQLite's runs table).
/// Filled where the command writes its output; empty otherwise.
struct RunInfo {
  struct Input {
    std::string role;    // data, mapping, catalogue, groups
    std::string path;
    std::string sha256;  // lower-case hex
    std::uintmax_t bytes = 0;
  };
  std::vector<std::string> arguments;  // the command line after "nytta"
  std::vector<Input> inputs;
  std::string time;                    // UTC, ISO 8601 ("2026-12-05T09:30:00Z")
};

struct Report {
  std::string command;
  std::vector<Table> tables;  // tables[0] is the main table, the one CSV writes
  std::vector<std::string> notes;
  /// Facts about the report itself (catalogue version, KPI, year): JSON keys, and a
  /// footer line in human formats.
  std::vector<std::pair<std::string, Cell>> meta;
  RunInfo run;
  /// Pictures of the tables: html draws them inline, -f svg alone,
  /// the other formats ignore them.
  std::vector<Chart> charts;
  /// The input files, for the header of a page.
  std::vector<std::string> sources;
};

}  // namespace nytta
