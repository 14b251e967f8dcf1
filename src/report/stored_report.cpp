// A Report as the SQLite store keeps it: per table, the column that names the unit, the
// year and the KPI of each row (from the columns, else from the report's meta), which make
// the row's identity in the database.

#include <set>

#include "nytta/report/sqlite_store.hpp"
#include "nytta/util/text.hpp"
#include "report/report_meta.hpp"

namespace nytta {

namespace {

std::string sql_name(std::string_view s) {
  std::string out;
  for (char c : fold_case(s)) out += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_';
  return out;
}

const std::string* text_at(const std::vector<Cell>& row, std::optional<std::size_t> i) {
  if (!i || *i >= row.size()) return nullptr;
  const std::string* s = row[*i].text();
  return s && !s->empty() ? s : nullptr;
}

}  // namespace

StoredReport stored_report(const Report& report) {
  StoredReport out;
  out.command = report.command;
  out.notes = report.notes;
  const std::string meta_unit = detail::meta_text(report, "unit");
  const std::string meta_kpi = detail::meta_text(report, "kpi");
  const std::optional<std::int64_t> year = detail::meta_year(report);
  std::set<std::string> names;
  for (const Table& t : report.tables) {
    if (t.audience == Audience::people) continue;
    StoredTable s;
    s.name = sql_name(report.command + "_" + t.id);
    for (int n = 2; names.count(s.name); ++n) s.name = sql_name(fmt::format("{}_{}_{}", report.command, t.id, n));
    names.insert(s.name);
    std::vector<std::size_t> shown;
    std::set<std::string> taken = {"run_id", "unit_key", "year_key", "kpi_key"};
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i].audience == Audience::people) continue;
      std::string c = t.columns[i].id;
      for (int n = 2; taken.count(fold_case(c)); ++n) c = fmt::format("{}_{}", t.columns[i].id, n);
      taken.insert(fold_case(c));
      shown.push_back(i);
      s.columns.push_back(c);
      bool whole = t.columns[i].type == CellType::number && t.columns[i].precision == 0;
      for (const std::vector<Cell>& row : t.rows) {
        if (!whole) break;
        const double* v = i < row.size() ? row[i].number_value() : nullptr;
        whole = !v || (*v == std::floor(*v) && std::fabs(*v) < 9.0e15);
      }
      s.types.push_back(t.columns[i].type == CellType::text ? "TEXT" : whole ? "INTEGER" : "REAL");
    }
    std::optional<std::size_t> code = t.column_index("code"), name = t.column_index("name"), y = t.column_index("year"),
                               to_year = t.column_index("to_year"), kpi = t.column_index("kpi"), measure = t.column_index("measure");
    for (const std::vector<Cell>& row : t.rows) {
      std::vector<StoredTable::Value> values;
      for (std::size_t i : shown) {
        StoredTable::Value v;
        if (i < row.size()) {
          if (const std::string* txt = row[i].text()) {
            v.kind = StoredTable::Value::Kind::text;
            v.text = *txt;
          } else if (const double* num = row[i].number_value()) {
            v.kind = StoredTable::Value::Kind::number;
            v.number = *num;
          }
        }
        values.push_back(std::move(v));
      }
      s.rows.push_back(std::move(values));
      const std::string* unit = text_at(row, code);
      if (!unit) unit = text_at(row, name);
      s.unit_key.push_back(unit ? *unit : meta_unit);
      std::optional<std::int64_t> row_year = year;
      for (std::optional<std::size_t> yi : {y, to_year}) {
        if (yi && *yi < row.size() && row[*yi].number_value()) {
          row_year = static_cast<std::int64_t>(*row[*yi].number_value());
          break;
        }
      }
      s.year_key.push_back(row_year);
      const std::string* k = text_at(row, kpi);
      if (!k) k = text_at(row, measure);
      s.kpi_key.push_back(k ? *k : meta_kpi);
    }
    out.tables.push_back(std::move(s));
  }
  return out;
}

}  // namespace nytta
