#pragma once
// Records held in memory, handed out as a RecordSource: what the spreadsheet, JSON-stat
// and Kolada readers build. Each record keeps its fields back to back in one string.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "load/record_source.hpp"

namespace nytta {

class RecordTable final : public RecordSource {
 public:
  /// name appears in messages; numbers in the fields are written with decimal ('.' or ',').
  RecordTable(std::string name, char decimal);

  /// Appends a record. line is its row or record number. place, when not empty, names the
  /// record in messages instead of a line and column (JSON: "municipality 0180, 2022").
  void add(std::size_t line, const std::vector<std::string>& fields, std::string place = {});
  std::size_t record_count() const { return records_.size(); }
  /// A comment as CsvReader keeps '#' lines above the header ("# note: …" becomes a note).
  void add_comment(std::string text) {
    comments_.push_back(std::move(text));
    comment_lines_.push_back(0);
  }

  bool next() override;
  const std::vector<std::string>& comments() const override { return comments_; }
  const std::vector<std::size_t>& comment_lines() const override { return comment_lines_; }
  /// A remark of the reader's own (rows it skipped), shown as a note on the data.
  void add_remark(std::string text) { remarks_.push_back(std::move(text)); }
  const std::vector<std::string>& remarks() const override { return remarks_; }
  std::size_t size() const override;
  std::string_view field(std::size_t i) const override;
  Location where(std::size_t i) const override;
  Location where() const override;
  const std::string& name() const override { return name_; }
  const SniffResult& dialect() const override { return dialect_; }

 private:
  struct Record {
    std::size_t line = 0;
    std::string place;
    std::string text;
    std::vector<std::size_t> ends;  // end offset of each field in text
  };
  std::string_view field_of(const Record& r, std::size_t i) const;

  std::string name_;
  SniffResult dialect_;
  std::vector<Record> records_;
  std::vector<std::string> comments_;
  std::vector<std::size_t> comment_lines_;
  std::vector<std::string> remarks_;
  std::size_t current_ = 0;  // 1 + index of the current record; 0 before the first
};

}  // namespace nytta
