#include "nytta/writer.hpp"

#include "report/writers.hpp"
#include "util/text.hpp"

namespace nytta {

std::optional<Format> parse_format(std::string_view name) {
  std::string n = fold_case(name);
  if (n == "table") return Format::table;
  if (n == "csv") return Format::csv;
  if (n == "json") return Format::json;
  if (n == "md" || n == "markdown") return Format::md;
  if (n == "html" || n == "htm") return Format::html;
  if (n == "svg") return Format::svg;
  return std::nullopt;
}

std::optional<Format> format_from_extension(std::string_view path) {
  std::size_t dot = path.rfind('.');
  std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string ext = fold_case(path.substr(dot + 1));
  if (ext == "txt") return Format::table;
  return parse_format(ext);
}

std::unique_ptr<Writer> make_writer(Format format, const WriteOptions& options) {
  switch (format) {
    case Format::table: return make_table_writer(options);
    case Format::csv: return make_csv_writer(options.raw);
    case Format::json: return make_json_writer();
    case Format::md: return make_markdown_writer(options);
    case Format::html: return make_html_writer(options);
    case Format::svg: return make_svg_writer(options);
  }
  return make_csv_writer(options.raw);
}

}  // namespace nytta
