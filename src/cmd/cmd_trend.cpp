// nytta trend --kpi ID [--unit KEY]… [--from Y --to Y]: change from one year to another,
// for the nation and for each unit.

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <numeric>

#include "cmd/commands.hpp"
#include "nytta/change.hpp"

namespace nytta {

namespace {

struct TrendOptions {
  CommonOptions common;
  std::string kpi;
  std::vector<std::string> units;
  std::optional<int> from, to;
};

// First and last year in which some unit or the nation has a value.
std::pair<int, int> default_span(Evaluator& e, const KpiColumn& col) {
  std::optional<int> first, last;
  const Dataset& d = e.data();
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (is_missing(col.values[r]) || d.unit_of(r).kind == RowKind::region) continue;
    int y = d.row_year[r];
    if (!first || y < *first) first = y;
    if (!last || y > *last) last = y;
  }
  if (!first) throw DataError(fmt::format("{}: no unit has a value of {} in any year", fmt::join(d.sources, ", "), col.id));
  return {*first, *last};
}

Outcome run_trend(const TrendOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = effective_lang(o.common, io);
  const KpiColumn& col = e.column(o.kpi);
  auto [first, last] = default_span(e, col);
  int from = o.from ? choose_year(e, col, o.from) : first;
  int to = o.to ? choose_year(e, col, o.to) : last;
  if (from >= to) throw UsageError(fmt::format("--from {} must be before --to {}", from, to));

  std::vector<std::uint32_t> units;
  for (const std::string& key : o.units) units.push_back(find_unit(data, key));
  if (units.empty()) {
    for (std::uint32_t u = 0; u < data.units.size(); ++u) {
      if (data.units[u].kind == RowKind::unit) units.push_back(u);
    }
    std::stable_sort(units.begin(), units.end(), [&](std::uint32_t a, std::uint32_t b) {
      return unit_less(data.units[a], data.units[b]);
    });
  }

  const int precision = kpi_precision(e, o.kpi);
  Column kc = kpi_column(e, o.kpi, lang);
  Table t;
  t.id = "trend";
  t.title = fmt::format("{} {}–{}", col.def ? col.def->label(lang) : o.kpi, from, to);
  t.columns = {
      Column{"code", "Code", "", CellType::text, 0},
      Column{"name", "Name", "", CellType::text, 0},
      Column{"kpi", "KPI", "", CellType::text, 0},
      Column{"from_year", "From", "", CellType::number, 0, false},
      Column{"to_year", "To", "", CellType::number, 0, false},
      Column{"from_value", fmt::format("{}", from), kc.unit, CellType::number, precision},
      Column{"to_value", fmt::format("{}", to), kc.unit, CellType::number, precision},
      Column{"change", "Change", kc.unit, CellType::number, precision},
      Column{"change_pct", "Change", "%", CellType::number, 1},
      Column{"kind", "Kind", "", CellType::text, 0},
  };
  auto add_row = [&](const std::string& code, const std::string& name, double a, double b, std::string_view kind) {
    t.rows.push_back({Cell(code), Cell(name), Cell(o.kpi), Cell(static_cast<double>(from)),
                      Cell(static_cast<double>(to)), Cell(a), Cell(b), Cell(absolute_change(a, b)),
                      Cell(percent_change(a, b)), Cell(std::string(kind))});
  };
  std::string national_name = "National";
  if (std::optional<std::size_t> r = e.panel().national_row(to)) national_name = data.unit_of(*r).name;
  add_row("", national_name, e.national(o.kpi, from).value, e.national(o.kpi, to).value, "national");

  std::size_t incomplete = 0;
  for (std::uint32_t u : units) {
    std::optional<std::size_t> ra = e.panel().row(u, from), rb = e.panel().row(u, to);
    double a = ra ? col.values[*ra] : kMissing;
    double b = rb ? col.values[*rb] : kMissing;
    if (is_missing(a) || is_missing(b)) ++incomplete;
    add_row(data.units[u].code, data.units[u].name, a, b, "unit");
  }

  Report report;
  report.command = "trend";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("from_year", Cell(static_cast<double>(from)));
  report.meta.emplace_back("to_year", Cell(static_cast<double>(to)));
  if (incomplete > 0) {
    report.notes.push_back(fmt::format("{} of {} units have no value of {} in {} or {}, so no change",
                                       incomplete, units.size(), o.kpi, from, to));
  }
  add_provenance(report, e);
  add_reference_note(report, e, {o.kpi}, {from, to});
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace

Runner setup_trend(CLI::App& app) {
  auto o = std::make_shared<TrendOptions>();
  app.add_option("--kpi", o->kpi, "KPI id or measure (see `nytta kpis`)")->required();
  app.add_option("--unit", o->units, "Only this unit (code or name); repeatable")->allow_extra_args(false);
  app.add_option("--from", o->from, "First year (default: the first year with values)");
  app.add_option("--to", o->to, "Last year (default: the last year with values)");
  add_common_options(app, o->common);
  return [o](Io& io) { return run_trend(*o, io); };
}

}  // namespace nytta
