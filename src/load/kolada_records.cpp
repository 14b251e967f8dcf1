// Kolada's answers (api.kolada.se v2 and the downloads in its layout): a list of values per
// KPI, municipality and period, with a gender dimension; read into one row per municipality
// and period and one column per KPI.

#include <fmt/format.h>
#include <map>
#include <unordered_map>

#include "load/json_cells.hpp"
#include "nytta/util/error.hpp"

namespace nytta::detail {

std::unique_ptr<RecordTable> read_kolada(const std::string& path, const json& doc, const JsonOptions& o) {
  const json& values = doc["values"];
  std::string gender = "T";
  if (const std::string* g = selected(o, "gender")) gender = *g;
  for (const auto& [dim, cat] : o.select) {
    if (fold_case(dim) != "gender") throw DataError(Location{path}, fmt::format("a Kolada answer can only select a gender ([json] select = {{ gender = \"K\" }}), not '{}'", dim));
  }

  std::vector<std::string> kpis;
  std::unordered_map<std::string, std::size_t> kpi_column;
  struct Row {
    std::string unit, period;
    std::vector<std::string> values;  // by KPI column
    std::vector<bool> seen;
  };
  std::vector<Row> rows;
  std::map<std::pair<std::string, std::string>, std::size_t> row_of;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const json& v = values[i];
    Location where{fmt::format("{}[values {}]", path, i + 1)};
    if (!v.is_object()) throw DataError(where, "a Kolada value must be an object with kpi, municipality, period and values");
    const char* unit_key = v.contains("municipality") ? "municipality" : v.contains("ou") ? "ou" : nullptr;
    if (!v.contains("kpi") || !unit_key || !v.contains("period") || !v.contains("values") || !v["values"].is_array())
      throw DataError(where, "a Kolada value needs kpi, municipality (or ou), period and values");
    std::string kpi = key_text(v["kpi"]);
    std::string unit = key_text(v[unit_key]);
    std::string period = key_text(v["period"]);
    where.file = fmt::format("{}[{} {}, period {}, {}]", path, unit_key, unit, period, kpi);
    if (kpi.empty() || unit.empty() || period.empty()) throw DataError(where, "a Kolada value has an empty kpi, municipality or period");
    auto [kit, fresh_kpi] = kpi_column.emplace(kpi, kpis.size());
    if (fresh_kpi) kpis.push_back(kpi);
    auto [rit, fresh_row] = row_of.emplace(std::make_pair(unit, period), rows.size());
    if (fresh_row) rows.push_back(Row{unit, period, {}, {}});
    Row& row = rows[rit->second];
    if (row.values.size() < kpis.size()) {
      row.values.resize(kpis.size());
      row.seen.resize(kpis.size(), false);
    }
    std::size_t c = kit->second;
    if (row.seen[c]) throw DataError(where, "this KPI, municipality and period appear twice");
    row.seen[c] = true;
    for (const json& g : v["values"]) {
      if (!g.is_object() || !g.contains("gender") || key_text(g["gender"]) != gender) continue;
      std::optional<std::string> text = g.contains("value") ? cell_text(g["value"]) : std::string();
      if (!text) throw DataError(where, "a Kolada value must be a number or null", g["value"].dump());
      row.values[c] = std::move(*text);
    }
  }

  auto table = std::make_unique<RecordTable>(path, '.');
  std::vector<std::string> header = {"code", "year"};
  header.insert(header.end(), kpis.begin(), kpis.end());
  table->add(1, header);
  std::size_t record = 1;
  for (Row& r : rows) {
    r.values.resize(kpis.size());
    std::vector<std::string> fields = {r.unit, r.period};
    fields.insert(fields.end(), r.values.begin(), r.values.end());
    table->add(++record, fields, fmt::format("municipality {}, period {}", r.unit, r.period));
  }
  if (doc.contains("next_page") && doc["next_page"].is_string() && !doc["next_page"].get<std::string>().empty()) {
    table->add_remark(fmt::format("the file is one page of Kolada's answer ({} values; the next page is {}): the values of the "
                                   "other pages are not in it",
                                   values.size(), doc["next_page"].get<std::string>()));
  }
  return table;
}

}  // namespace nytta::detail
