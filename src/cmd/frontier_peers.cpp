// The frontier's tables about peers: how often each unit is a peer of another (a frontier
// held up by a few odd units is a frontier of data errors), and one unit beside its peers
// on every input and output.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "cmd/common.hpp"
#include "cmd/frontier_tables.hpp"
#include "cmd/frontier_text.hpp"
#include "cmd/frontier_units.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/report/number_format.hpp"

namespace nytta {

namespace {

using detail::key_of;
using detail::name_of;
using detail::optimal;
using detail::fully;
using detail::weakly;
using detail::sorted_peers;
using detail::why_text;

}  // namespace

Table peer_count_table(Evaluator& e, const FrontierRun& run, const std::string& lang) {
  const Dataset& d = e.data();
  Table t;
  t.id = "peer_count";
  t.title = ftr(lang, "peer_count_title");
  t.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"times_peer", ftr(lang, "col_times_peer"), "", CellType::number, 0},
               Column{"share_pct", ftr(lang, "col_share_of_inefficient"), "%", CellType::number, 1},
               Column{"kind", tr(lang, "kind"), "", CellType::text, 0, true, Audience::machines},
               Column{"flag", tr(lang, "flag"), "", CellType::text, 0}};
  std::size_t inefficient = 0;
  for (const FrontierUnit& u : run.units) inefficient += optimal(u) && !fully(u);
  std::vector<std::size_t> order;
  for (std::size_t j = 0; j < run.units.size(); ++j)
    if (run.peer_count[j] > 0) order.push_back(j);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (run.peer_count[a] != run.peer_count[b]) return run.peer_count[a] > run.peer_count[b];
    return unit_less(d.unit_of(run.units[a].row), d.unit_of(run.units[b].row));
  });
  for (std::size_t j : order) {
    const Unit& u = d.unit_of(run.units[j].row);
    double share = inefficient ? 100.0 * static_cast<double>(run.peer_count[j]) / static_cast<double>(inefficient) : kMissing;
    t.rows.push_back({Cell(u.code), Cell(u.name), Cell(static_cast<double>(run.peer_count[j])), Cell(share), Cell("unit"),
                      Cell(run.units[j].flag)});
  }
  return t;
}

Table unit_peers_table(Evaluator& e, const FrontierRun& run, std::size_t unit, const std::string& lang) {
  const Dataset& d = e.data();
  const FrontierUnit& me = run.units[unit];
  Table t;
  t.id = "peers";
  t.title = ftextf(lang, "peers_title", name_of(d.unit_of(me.row)), run.year);
  t.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"role", ftr(lang, "col_role"), "", CellType::text, 0},
               Column{"lambda", ftr(lang, "col_lambda"), "", CellType::number, 3},
               Column{"efficiency", ftr(lang, "col_efficiency"), "", CellType::number, 3}};
  for (const std::string& id : run.spec.inputs) t.columns.push_back(kpi_column(e, id, lang));
  for (const std::string& id : run.spec.outputs) t.columns.push_back(kpi_column(e, id, lang));
  t.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0, true, Audience::machines});
  t.columns.push_back(Column{"flag", tr(lang, "flag"), "", CellType::text, 0});
  auto add = [&](std::size_t j, double lambda, const char* role) {
    const FrontierUnit& u = run.units[j];
    const Unit& x = d.unit_of(u.row);
    std::vector<Cell> r = {Cell(x.code), Cell(x.name), Cell(ftr(lang, role)), Cell(lambda),
                           Cell::number(optimal(u) ? u.result.efficiency : kMissing, 3)};
    for (std::size_t i = 0; i < u.x.size(); ++i) r.push_back(Cell::number(u.x[i], kpi_precision(e, run.spec.inputs[i])));
    for (std::size_t k = 0; k < u.y.size(); ++k) r.push_back(Cell::number(u.y[k], kpi_precision(e, run.spec.outputs[k])));
    r.push_back(Cell("unit"));
    r.push_back(Cell(u.flag));
    t.rows.push_back(std::move(r));
  };
  double own = kMissing;
  for (const dea::Peer& p : me.result.peers)
    if (p.unit == unit) own = p.lambda;
  add(unit, own, "role_self");
  for (const dea::Peer& p : sorted_peers(me))
    if (p.unit != unit) add(p.unit, p.lambda, "role_peer");
  return t;
}

void add_frontier_notes(Report& report, Evaluator& e, const FrontierRun& run, const std::string& lang,
                        const std::vector<std::string>& defaulted) {
  const Dataset& d = e.data();
  const FrontierSpec& spec = run.spec;
  auto names = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> parts;
    for (const std::string& id : ids) parts.push_back(id);
    return fmt::format("{}", fmt::join(parts, ", "));
  };
  if (!defaulted.empty()) {
    report.notes.push_back(ftextf(lang, "note_defaults", fmt::join(defaulted, " / ")));
  }
  report.notes.push_back(ftextf(lang, "note_model", names(spec.inputs), names(spec.outputs), ftr(lang, "rts_" + std::string(dea::to_string(spec.rts))),
                                ftr(lang, "orientation_" + std::string(dea::to_string(spec.orientation)))));
  if (!spec.non_discretionary.empty()) {
    report.notes.push_back(ftextf(lang, "note_non_discretionary", names(spec.non_discretionary)));
    if (spec.orientation == dea::Orientation::output) report.notes.push_back(ftr(lang, "note_non_discretionary_output"));
  }
  if (run.has_money())
    report.notes.push_back(ftextf(lang, spec.orientation == dea::Orientation::input ? "note_read_input" : "note_read_output",
                                  money_unit(e, run, lang)));
  else
    report.notes.push_back(ftr(lang, "note_no_money"));

  std::size_t n_full = 0, n_weak = 0;
  for (const FrontierUnit& u : run.units) {
    n_full += fully(u);
    n_weak += weakly(u);
  }
  report.notes.push_back(ftextf(lang, "note_efficient", n_full, run.units.size(), n_weak));

  if (!run.excluded.empty()) {
    std::vector<std::string> items;
    for (const FrontierExclusion& x : run.excluded) items.push_back(fmt::format("{} ({})", name_of(d.unit_of(x.row)), why_text(x, lang)));
    report.notes.push_back(ftextf(lang, "note_left_out", run.excluded.size(), run.excluded.size() + run.units.size(), run.year,
                                  listed(items, lang)));
  }
  std::vector<std::string> flagged, flagged_peers;
  for (std::size_t j = 0; j < run.units.size(); ++j) {
    const FrontierUnit& u = run.units[j];
    if (u.flag.empty()) continue;
    std::string item = fmt::format("{} ({})", name_of(d.unit_of(u.row)), u.flag);
    if (run.peer_count[j] > 0)
      flagged_peers.push_back(item);
    else
      flagged.push_back(item);
  }
  if (!flagged_peers.empty()) report.notes.push_back(ftextf(lang, "note_flagged_peers", flagged_peers.size(), listed(flagged_peers, lang)));
  if (!flagged.empty()) report.notes.push_back(ftextf(lang, "note_flagged_units", flagged.size(), listed(flagged, lang)));
  if (spec.super) {
    report.notes.push_back(ftr(lang, "note_super"));
    std::vector<std::string> infeasible;
    for (const FrontierUnit& u : run.units)
      if (optimal(u) && !u.result.super_feasible) infeasible.push_back(name_of(d.unit_of(u.row)));
    if (!infeasible.empty())
      report.notes.push_back(ftextf(lang, "note_super_infeasible", infeasible.size(),
                                    ftr(lang, "rts_" + std::string(dea::to_string(spec.rts))), listed(infeasible, lang, 10)));
  }
}

}  // namespace nytta
