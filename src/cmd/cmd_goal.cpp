// nytta goal --kpi ID --target V --by YEAR [--unit CODE]… [--last N]: will the goal be
// reached? A least-squares line over the last N years with values, its value in YEAR,
// whether that meets the target, and the year the current pace reaches it.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/metrics/projection.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"

namespace nytta {

Outcome run_goal(const GoalOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  const std::string group = resolve_group(data, o.common.group);
  const KpiColumn& col = e.column(o.kpi);
  const int latest = choose_year(e, col, std::nullopt);
  if (o.by <= latest) throw UsageError(fmt::format("--by {} must be after the latest year with values, {}", o.by, latest));
  std::vector<int> years;
  for (int y : e.panel().years()) {
    if (y <= latest) years.push_back(y);
  }
  if (years.size() > o.last) years.erase(years.begin(), years.end() - static_cast<std::ptrdiff_t>(o.last));
  Direction dir = col.def ? col.def->direction : Direction::neutral;

  const std::vector<std::uint32_t> units = select_units(data, o.units, group);

  int p = kpi_precision(e, o.kpi);
  std::string un = kpi_unit(e, o.kpi, lang);
  Table t;
  t.id = "goal";
  t.title = textf(lang, "goal_title", kpi_label(e, o.kpi, lang), format_human(o.target, p, lang), o.by);
  t.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"kpi", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
               Column{"latest_year", tr(lang, "latest"), "", CellType::number, 0, false},
               Column{"latest_value", tr(lang, "value"), un, CellType::number, p},
               Column{"slope_per_year", tr(lang, "change"), un + "/" + tr(lang, "year_word"), CellType::number, p + 1},
               Column{"r2", "r²", "", CellType::number, 2},
               Column{"projected_year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
               Column{"projected_value", tr(lang, "projected") + " " + std::to_string(o.by), un, CellType::number, p},
               Column{"target", tr(lang, "target"), un, CellType::number, p},
               Column{"reached", tr(lang, "goal_reached"), "", CellType::text, 0},
               Column{"reach_year", tr(lang, "goal_year"), "", CellType::number, 0, false},
               Column{"kind", tr(lang, "kind"), "", CellType::text, 0}};

  // The target is met from above or below as the direction says; a neutral KPI meets it
  // by crossing it from where it is now.
  auto meets = [&](double value, double now) {
    bool up = dir == Direction::higher_is_better || (dir == Direction::neutral && o.target >= now);
    return up ? value >= o.target : value <= o.target;
  };
  auto add = [&](const std::string& code, const std::string& name, const std::vector<double>& values, const char* kind) {
    LineFit fit = fit_line(years, values);
    double now = values.back();
    int now_year = years.back();
    for (std::size_t i = values.size(); i-- > 0;) {
      if (!is_missing(values[i])) {
        now = values[i];
        now_year = years[i];
        break;
      }
    }
    double projected = fit.ok() ? fit.at(o.by) : kMissing;
    std::optional<int> reach;
    if (!is_missing(now) && meets(now, now)) reach = now_year;  // already there
    else if (fit.ok()) reach = year_reaching(fit, o.target, latest);
    std::string reached = is_missing(projected) ? "" : tr(lang, meets(projected, now) ? "yes" : "no");
    t.rows.push_back({Cell(code), Cell(name), Cell(o.kpi), Cell(static_cast<double>(now_year)), Cell(now),
                      Cell(fit.ok() ? fit.slope : kMissing), Cell(fit.ok() ? fit.r2 : kMissing), Cell(static_cast<double>(o.by)),
                      Cell(projected), Cell(o.target), Cell(reached), reach ? Cell(static_cast<double>(*reach)) : Cell(),
                      Cell(kind)});
  };
  std::vector<double> nat;
  for (int y : years) nat.push_back(e.reference(o.kpi, y, group).value);
  add("", group.empty() ? tr(lang, "national") : group_name(data, group), nat, group.empty() ? "national" : "group");
  for (std::uint32_t u : units) {
    std::vector<double> v;
    for (int y : years) {
      std::optional<std::size_t> r = e.panel().row(u, y);
      v.push_back(r ? col.values[*r] : kMissing);
    }
    add(data.units[u].code, data.units[u].name, v, "unit");
  }

  Report report;
  report.command = "goal";
  report.tables.push_back(std::move(t));
  report.meta.emplace_back("kpi", Cell(o.kpi));
  report.meta.emplace_back("target", Cell(o.target));
  report.meta.emplace_back("by", Cell(static_cast<double>(o.by)));
  report.notes.push_back(textf(lang, "goal_line", years.front(), years.back(), years.size()));
  add_provenance(report, e, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
