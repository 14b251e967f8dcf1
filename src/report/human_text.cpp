#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"
#include "report/writers.hpp"

namespace nytta {

std::string human_text(const Cell& cell, const Column& column, const std::string& lang) {
  if (const std::string* s = cell.text()) return *s;
  if (const double* v = cell.number_value()) {
    int precision = cell.precision >= 0 ? cell.precision : column.precision;
    return format_human(*v, precision, lang, column.grouping);
  }
  return {};
}

std::vector<std::size_t> visible_columns(const Table& t) {
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].audience == Audience::machines) continue;
    for (const std::vector<Cell>& row : t.rows) {
      if (c >= row.size() || row[c].missing()) continue;
      if (const std::string* s = row[c].text(); s && s->empty()) continue;
      shown.push_back(c);
      break;
    }
  }
  if (t.rows.empty()) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (t.columns[c].audience != Audience::machines) shown.push_back(c);
    }
  }
  return shown;
}

Table without_empty_columns(const Table& t) {
  std::vector<std::size_t> shown = visible_columns(t);
  Table out;
  out.id = t.id;
  out.title = t.title;
  for (std::size_t c : shown) out.columns.push_back(t.columns[c]);
  for (const std::vector<Cell>& row : t.rows) {
    std::vector<Cell> cells;
    for (std::size_t c : shown) cells.push_back(c < row.size() ? row[c] : Cell());
    out.rows.push_back(std::move(cells));
  }
  return out;
}

std::string provenance_line(const Report& report, const std::string& lang) {
  auto get = [&](std::string_view key) -> std::string {
    for (const auto& [k, v] : report.meta) {
      if (k == key && v.text()) return *v.text();
    }
    return {};
  };
  std::string name = get("catalogue");
  if (name.empty()) return {};
  return textf(lang, "provenance", name, get("catalogue_version"), get("definitions"));
}

std::string human_header(const Column& column) {
  std::string h = column.label;
  if (!column.unit.empty()) h += " [" + column.unit + "]";
  return h;
}

}  // namespace nytta
