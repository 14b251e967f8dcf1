#pragma once
// What the loaders read: records of text fields, the first of them (usually) the header.
// A CSV file, a spreadsheet sheet and the observations of a JSON-stat or Kolada file all
// come as records, so that the canonical loader and the mapping loader read every format
// with the same rules, the same missing markers and the same messages.
//
// Locations in messages (README, "Spreadsheets, Kolada, PxWeb and SQLite"):
//   CSV          FILE:LINE:COL      (COL counts characters)
//   sheet        FILE[SHEET]:ROW:COL (ROW as the spreadsheet numbers it, COL 1 = column A)
//   JSON         FILE[observation]  (the keys of the observation, e.g. municipality 0180, 2022)

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nytta/load/csv_dialect.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

class RecordSource {
 public:
  virtual ~RecordSource() = default;

  /// Moves to the next record that is not blank. False at the end of the input.
  virtual bool next() = 0;
  /// Lines above the header that are comments ('#' in CSV); may be empty.
  virtual const std::vector<std::string>& comments() const = 0;
  /// The line of each comment (0 when not known).
  virtual const std::vector<std::size_t>& comment_lines() const = 0;
  /// What the reader itself has to say of the input (rows it skipped), for the notes.
  virtual const std::vector<std::string>& remarks() const {
    static const std::vector<std::string> none;
    return none;
  }

  virtual std::size_t size() const = 0;
  virtual std::string_view field(std::size_t i) const = 0;
  /// Where field i of the current record is.
  virtual Location where(std::size_t i) const = 0;
  /// Where the current record is; its line is the record's line (or row) number, so that
  /// a mapping's header_line counts the same in every format.
  virtual Location where() const = 0;

  /// The name used in messages and as the data's source.
  virtual const std::string& name() const = 0;
  /// How numbers in the fields are written (decimal mark); the other fields describe CSV.
  virtual const SniffResult& dialect() const = 0;
};

}  // namespace nytta
