#include "nytta/report/writer.hpp"

#include <stdexcept>

#include "report/writers.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::optional<Format> parse_format(std::string_view name) {
  std::string n = fold_case(name);
  if (n == "table") return Format::table;
  if (n == "csv") return Format::csv;
  if (n == "json") return Format::json;
  if (n == "md" || n == "markdown") return Format::md;
  if (n == "html" || n == "htm") return Format::html;
  if (n == "svg") return Format::svg;
  if (n == "xlsx") return Format::xlsx;
  if (n == "sqlite" || n == "sqlite3" || n == "db") return Format::sqlite;
  return std::nullopt;
}

std::string_view to_string(Format format) {
  switch (format) {
    case Format::table: return "table";
    case Format::csv: return "csv";
    case Format::json: return "json";
    case Format::md: return "md";
    case Format::html: return "html";
    case Format::svg: return "svg";
    case Format::xlsx: return "xlsx";
    case Format::sqlite: return "sqlite";
  }
  return "csv";
}

std::string format_names() { return "table (.txt), csv, json, md, html, svg, xlsx, sqlite (.sqlite .sqlite3 .db)"; }

std::optional<Format> format_from_extension(std::string_view path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string ext = fold_case(path.substr(dot + 1));
  if (ext == "txt") return Format::table;
  return parse_format(ext);
}

std::optional<CsvDialect> parse_csv_dialect(std::string_view name) {
  std::string n = fold_case(name);
  if (n == "plain") return CsvDialect::plain;
  if (n == "excel-nordic" || n == "excel-sv" || n == "excel-nb") return CsvDialect::excel_nordic;
  return std::nullopt;
}

std::unique_ptr<Writer> make_writer(Format format, const WriteOptions& options) {
  switch (format) {
    case Format::table: return make_table_writer(options);
    case Format::csv:
      return options.csv_dialect == CsvDialect::excel_nordic ? make_nordic_csv_writer(options.raw) : make_csv_writer(options.raw);
    case Format::json: return make_json_writer();
    case Format::md: return make_markdown_writer(options);
    case Format::html: return make_html_writer(options);
    case Format::svg: return make_svg_writer(options);
    case Format::xlsx:
    case Format::sqlite: throw std::logic_error("xlsx and sqlite are written by file name, not to a stream");
  }
  return make_csv_writer(options.raw);
}

}  // namespace nytta
