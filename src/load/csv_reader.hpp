#pragma once
// Records of a CSV file, RFC 4180 with the liberties real exports take: quoted fields
// with separators, doubled quotes and newlines inside; CRLF, LF or CR; a final line
// without newline; blank lines skipped; UTF-8 (BOM or not) or Windows-1252, always
// handed out as UTF-8. Lines come from LineReader (line_reader.hpp); the field
// splitting is here because lines know nothing of quotes.

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load/line_reader.hpp"
#include "nytta/load/csv_dialect.hpp"
#include "load/record_source.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

/// Hard limits, so that a hostile file is an error and not an allocation spree.
inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t kMaxFields = 100000;

class CsvReader final : public RecordSource {
 public:
  /// Opens a file ("-" is standard input). Throws FileError when it cannot be read.
  CsvReader(const std::string& path, const Dialect& dialect);
  /// Reads from a stream (tests, stdin); name is used in messages.
  CsvReader(const std::string& name, std::istream& in, const Dialect& dialect);
  /// Reads bytes in memory (not copied: they must outlive the reader); name is used in messages.
  CsvReader(const std::string& name, std::string_view bytes, const Dialect& dialect);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Moves to the next non-blank record. False at the end of the input. Lines before the
  /// first record that start with '#' are comments, kept in comments().
  bool next() override;
  const std::vector<std::string>& comments() const override { return comments_; }
  const std::vector<std::size_t>& comment_lines() const override { return comment_lines_; }

  std::size_t size() const override { return fields_.size(); }
  std::string_view field(std::size_t i) const override {
    return std::string_view(text_).substr(fields_[i].offset, fields_[i].length);
  }
  /// Where field i starts (1-based line and character column); the record for a field
  /// past its end.
  Location where(std::size_t i) const override;
  /// Where the current record starts.
  Location where() const override { return Location{name_, record_line_, 0}; }

  const std::string& name() const override { return name_; }
  const SniffResult& dialect() const override { return dialect_; }

 private:
  struct FieldPos {
    std::size_t offset, length, line, column;
  };

  void open(std::unique_ptr<class ByteSource> source, const Dialect& dialect);
  char* next_line();
  void split(const char* line);
  void append_text(const char* begin, const char* end, std::size_t line, std::size_t column);

  std::string name_;
  SniffResult dialect_;
  std::unique_ptr<LineReader> lines_;
  std::string whole_;  // the file, only when its line ends had to be rewritten (CR)
  std::string text_;   // decoded fields of the current record, back to back
  std::vector<FieldPos> fields_;
  std::size_t record_line_ = 0;
  std::size_t line_ = 0;
  char* pending_ = nullptr;  // the rest of a physical line after a bare CR
  bool started_ = false;
  std::vector<std::string> comments_;
  std::vector<std::size_t> comment_lines_;
};

}  // namespace nytta
