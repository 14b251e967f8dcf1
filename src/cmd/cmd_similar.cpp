// nytta similar --unit CODE [-k 10] [--by population:log,cost_per_inhabitant] [--year Y]:
// the units most like one, by the distance of their standardised values (z-scores over all
// units of the year) on chosen structural measures, as Kolada's "similar municipalities".

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <numeric>

#include "cmd/commands.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/metrics/reference.hpp"

namespace nytta {

namespace {


struct Variable {
  std::string id;
  bool log = false;
  std::vector<double> z;  // per row of the year's units
  std::vector<double> raw;
};

}  // namespace

Outcome run_similar(const SimilarOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  const std::string group = resolve_group(data, o.common.group);
  std::uint32_t unit = find_unit(data, o.unit);

  std::vector<Variable> vars;
  for (const std::string& spec : o.by) {
    Variable v;
    std::size_t colon = spec.find(':');
    v.id = spec.substr(0, colon);
    if (colon != std::string::npos) {
      if (spec.substr(colon + 1) != "log") throw UsageError(fmt::format("--by {}: the only transform is ':log'", spec));
      v.log = true;
    }
    e.column(v.id);  // unknown ids fail here, with a suggestion
    vars.push_back(std::move(v));
  }
  const int year = choose_year(e, e.column(vars.front().id), o.year);
  std::vector<std::size_t> rows = unit_rows(e, year, group);
  auto self = std::find_if(rows.begin(), rows.end(), [&](std::size_t r) { return data.row_unit[r] == unit; });
  if (self == rows.end()) throw UsageError(fmt::format("{} has no row for {}{}", data.units[unit].key(), year, group.empty() ? "" : " in the group"));
  const std::size_t me = static_cast<std::size_t>(self - rows.begin());

  for (Variable& v : vars) {
    const std::vector<double>& col = e.column(v.id).values;
    std::vector<double> x;
    for (std::size_t r : rows) {
      double value = col[r];
      v.raw.push_back(value);
      x.push_back(v.log ? (value > 0.0 ? std::log10(value) : kMissing) : value);
    }
    Summary s = summarize(x);
    for (double value : x) v.z.push_back(s.sd > 0.0 ? (value - s.mean) / s.sd : kMissing);
    if (is_missing(v.z[me])) throw DataError(fmt::format("{} has no value of {} in {}, so no distance", data.units[unit].key(), v.id, year));
  }

  std::vector<double> distance(rows.size(), kMissing);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double sum = 0.0;
    bool complete = true;
    for (const Variable& v : vars) {
      if (is_missing(v.z[i])) complete = false;
      else sum += (v.z[i] - v.z[me]) * (v.z[i] - v.z[me]);
    }
    if (complete) distance[i] = std::sqrt(sum / static_cast<double>(vars.size()));
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i != me && !is_missing(distance[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (distance[a] != distance[b]) return distance[a] < distance[b];
    return unit_less(data.unit_of(rows[a]), data.unit_of(rows[b]));
  });
  if (order.size() > o.k) order.resize(o.k);

  Table t;
  t.id = "similar";
  t.title = textf(lang, "similar_title", data.units[unit].name, year);
  t.columns = {Column{"rank", tr(lang, "rank"), "", CellType::number, 0}, Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0}, Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
               Column{"distance", tr(lang, "distance"), "sd", CellType::number, 3}};
  for (const Variable& v : vars) t.columns.push_back(kpi_column(e, v.id, lang));
  t.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0});
  auto add = [&](std::optional<std::size_t> rank, std::size_t i, const char* kind) {
    const Unit& u = data.unit_of(rows[i]);
    std::vector<Cell> row = {rank ? Cell(static_cast<double>(*rank)) : Cell(), Cell::view(u.code), Cell::view(u.name),
                             Cell(static_cast<double>(year)), Cell(distance[i])};
    for (const Variable& v : vars) row.push_back(Cell(v.raw[i]));
    row.push_back(Cell(kind));
    t.rows.push_back(std::move(row));
  };
  add(std::nullopt, me, "selected");
  for (std::size_t n = 0; n < order.size(); ++n) add(n + 1, order[n], "unit");

  Report report;
  report.command = "similar";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("unit", Cell(data.units[unit].key()));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.notes.push_back(fmt::format("distance = root mean square of the differences of z-scores over {} units of {} on {}",
                                     rows.size(), year, fmt::join(o.by, ", ")));
  add_provenance(report, e, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
