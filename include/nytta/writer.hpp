#pragma once
// One writer per output format, chosen by make_writer (miller's factory). Writers format a
// Report and compute nothing.

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "nytta/table.hpp"

namespace nytta {

enum class Format { table, csv, json, md, html, svg };

std::optional<Format> parse_format(std::string_view name);
/// The format a file name asks for by its extension (.csv .json .md .html .svg .txt), if any.
std::optional<Format> format_from_extension(std::string_view path);

struct WriteOptions {
  bool color = false;        // ANSI colours (table format only)
  std::size_t width = 100;   // terminal width the table format fits into
  std::string lang = "en";   // number style of human formats: en, sv, nb
  bool raw = false;          // CSV: text exactly as it is, without the guard against formulas
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void write(const Report& report, std::ostream& out) = 0;
};

std::unique_ptr<Writer> make_writer(Format format, const WriteOptions& options);

}  // namespace nytta
