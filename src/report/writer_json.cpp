// JSON: {"schema":1, "command":…, <meta>, "rows":[main table], "sections":{id:[rows]},
// "notes":[…]}; keys in column order, numbers as numbers, missing as null.

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>

#include "report/writers.hpp"

namespace nytta {

namespace {

using Json = nlohmann::ordered_json;

Json to_json(const Cell& c) {
  if (const std::string* s = c.text()) return *s;
  if (const double* v = c.number_value()) {
    // Whole numbers (ranks, years, counts) print as 2013, not 2013.0.
    if (std::fabs(*v) < 9007199254740992.0 && *v == std::floor(*v)) return static_cast<std::int64_t>(*v);
    return *v;
  }
  return nullptr;
}

Json rows_of(const Table& t) {
  Json rows = Json::array();
  for (const std::vector<Cell>& row : t.rows) {
    Json o = Json::object();
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
      if (t.columns[i].audience != Audience::people) o[t.columns[i].id] = to_json(row[i]);
    }
    rows.push_back(std::move(o));
  }
  return rows;
}

class JsonWriter : public Writer {
 public:
  void write(const Report& report, std::ostream& out) override {
    Json j = Json::object();
    j["schema"] = 1;
    j["command"] = report.command;
    for (const auto& [key, value] : report.meta) j[key] = to_json(value);
    j["rows"] = report.tables.empty() ? Json::array() : rows_of(report.tables.front());
    if (report.tables.size() > 1) {
      Json sections = Json::object();
      for (std::size_t i = 1; i < report.tables.size(); ++i) {
        if (report.tables[i].audience != Audience::people) sections[report.tables[i].id] = rows_of(report.tables[i]);
      }
      j["sections"] = std::move(sections);
    }
    j["notes"] = report.notes;
    out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }
};

}  // namespace

std::unique_ptr<Writer> make_json_writer() { return std::make_unique<JsonWriter>(); }

}  // namespace nytta
