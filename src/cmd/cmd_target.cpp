// nytta target --unit CODE [--year Y] --option A|B [--percent P]: the seed's procurement
// options from the key figures, with benefit per krona = loans × visits × opening hours ×
// active borrowers / cost:
//   A  more benefit at the same cost: the benefit factors that give +P % benefit per krona
//      at unchanged cost, each alone or all four raised alike ((1 + P)^(1/4) − 1 each);
//   B  the same benefit at lower cost: the cost that keeps the benefit at −P %.
// And the money involved: the value of the added benefit (A) or the saving (B).
// --method frontier adds what the efficiency frontier shows possible beside it
// (target_frontier.cpp): the same rows from the targets its real peers reach.

#include <cmath>
#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "cmd/frontier_text.hpp"
#include "cmd/target_frontier.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {


const std::vector<std::string> kFactors = {"loans", "visits", "opening_hours", "active_borrowers"};

}  // namespace

Outcome run_target(const TargetOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  std::uint32_t unit = find_unit(data, o.unit);
  const KpiColumn& bpk = e.column("benefit_per_krona");
  const int year = choose_year(e, bpk, o.year);
  std::optional<std::size_t> row = e.panel().row(unit, year);
  if (!row) throw UsageError(fmt::format("{} has no row for {} in the data", data.units[unit].key(), year));
  const double p = o.percent / 100.0;
  const bool a = fold_case(o.option) == "a";
  auto value = [&](const std::string& id) { return e.column(id).values[*row]; };
  if (is_missing(value("benefit_per_krona"))) {
    throw DataError(fmt::format("{}: {} {} lacks a measure of benefit_per_krona (loans, visits, opening hours, active "
                                "borrowers, cost), so no target", fmt::join(data.sources, ", "), data.units[unit].name, year));
  }
  const double cost = value("cost");
  const double balanced = std::pow(1.0 + p, 0.25) - 1.0;  // each of the four factors
  const std::string currency = kpi_unit(e, "cost", lang);
  const bool frontier = o.method == "frontier";
  std::optional<TargetFrontier> tf;
  if (frontier) tf = target_frontier(e, unit, year, a, o.rts, resolve_group(data, o.common.group), lang);
  auto frontier_value = [&](const std::string& id) -> double {
    if (!tf) return kMissing;
    auto it = tf->values.find(id);
    return it == tf->values.end() ? kMissing : it->second;
  };

  Table t;
  t.id = "target";
  t.title = a ? textf(lang, "option_a", data.units[unit].name, fmt::format("{:g}", o.percent))
              : textf(lang, "option_b", data.units[unit].name, fmt::format("{:g}", o.percent));
  t.columns = {Column{"item", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
               Column{"label", tr(lang, "key_figure"), "", CellType::text, 0},
               Column{"unit", tr(lang, "unit"), "", CellType::text, 0},
               Column{"now", textf(lang, "now") + " " + std::to_string(year), "", CellType::number, 2},
               Column{"target", tr(lang, a ? "balanced" : "target"), "", CellType::number, 2},
               Column{"change_pct", tr(lang, "change"), "%", CellType::number, 2},
               Column{"alone", tr(lang, "alone"), "", CellType::number, 2}};
  if (frontier) {
    t.columns.push_back(Column{"frontier", ftr(lang, "col_frontier"), "", CellType::number, 2});
    t.columns.push_back(Column{"frontier_change_pct", ftr(lang, "col_frontier_change"), "%", CellType::number, 2});
  }
  auto add = [&](const std::string& id, double now, double target, double alone) {
    int prec = e.catalogue().find(id) ? kpi_precision(e, id) : 0;
    t.rows.push_back({Cell(id), Cell(kpi_label(e, id, lang)), Cell(kpi_unit(e, id, lang)), Cell::number(now, prec),
                      Cell::number(target, prec), Cell(is_missing(now) || now == 0 ? kMissing : (target / now - 1.0) * 100.0),
                      Cell::number(alone, prec)});
    if (frontier) {
      double f = frontier_value(id);
      t.rows.back().push_back(Cell::number(f, prec));
      t.rows.back().push_back(Cell(is_missing(now) || now == 0 ? kMissing : (f / now - 1.0) * 100.0));
    }
  };
  double money = 0.0;
  if (a) {
    for (const std::string& f : kFactors) add(f, value(f), value(f) * (1.0 + balanced), value(f) * (1.0 + p));
    add("cost", cost, cost, kMissing);
    double loans = value("loans") * (1.0 + balanced), visits = value("visits") * (1.0 + balanced);
    add("cost_per_loan", value("cost_per_loan"), cost / loans, cost / (value("loans") * (1.0 + p)));
    add("cost_per_visit", value("cost_per_visit"), cost / visits, cost / (value("visits") * (1.0 + p)));
    add("benefit_per_krona", value("benefit_per_krona"), value("benefit_per_krona") * (1.0 + p), value("benefit_per_krona") * (1.0 + p));
    money = cost * p;
  } else {
    for (const std::string& f : kFactors) add(f, value(f), value(f), kMissing);
    double lower = cost * (1.0 - p);
    add("cost", cost, lower, kMissing);
    add("cost_per_loan", value("cost_per_loan"), lower / value("loans"), kMissing);
    add("cost_per_visit", value("cost_per_visit"), lower / value("visits"), kMissing);
    add("cost_per_inhabitant", value("cost_per_inhabitant"), lower / value("population"), kMissing);
    add("benefit_per_krona", value("benefit_per_krona"), value("benefit_per_krona") / (1.0 - p), kMissing);
    money = cost * p;
  }
  t.rows.push_back({Cell("money"), Cell(tr(lang, a ? "option_a_money" : "option_b_money")), Cell(currency), Cell(),
                    Cell::number(money, 0), Cell(), Cell()});
  if (frontier) {
    t.rows.back().push_back(Cell::number(frontier_value("money"), 0));
    t.rows.back().push_back(Cell());
  }

  Report report;
  report.command = "target";
  report.tables.push_back(std::move(t));
  if (tf) {
    report.tables.push_back(tf->peers);
    report.charts.push_back(tf->chart);
    report.notes.push_back(tf->note);
  }
  report.meta.emplace_back("unit", Cell(data.units[unit].key()));
  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("option", Cell(a ? "A" : "B"));
  report.meta.emplace_back("percent", Cell(o.percent));
  report.meta.emplace_back("method", Cell(o.method));
  add_provenance(report, e, lang);
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
