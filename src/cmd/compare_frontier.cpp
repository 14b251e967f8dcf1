// The frontier in a service analysis. Where compare's profile looks at one KPI at a time,
// this section asks the question of the Norwegian efficiency analyses: against the best
// practice of the units it is compared with, how much less could this unit spend for what
// it delivers (constant returns to scale, input orientation, cost in and the library's
// outputs out), which real units show it (the peers, with their weights), and what is that
// worth. Data that are not a library's (none of the default outputs) get no section and no
// note; library data that lack one of the defaults get a note saying which.

#include "cmd/compare_frontier.hpp"

#include <fmt/format.h>

#include "cmd/common.hpp"
#include "cmd/frontier_tables.hpp"
#include "cmd/frontier_text.hpp"
#include "nytta/report/labels.hpp"

namespace nytta {

CompareFrontier compare_frontier(Evaluator& e, int year, const std::string& group) {
  CompareFrontier f;
  FrontierSpec spec = library_frontier_spec();
  std::vector<std::string> lacking;
  bool library = false;  // an output of a library: cost alone is any service's
  for (const std::vector<std::string>* list : {&spec.inputs, &spec.outputs}) {
    for (const std::string& id : *list) {
      if (e.knows(id) && e.can_compute(id))
        library = library || list == &spec.outputs;
      else
        lacking.push_back(id);
    }
  }
  if (!lacking.empty()) {
    if (library) f.why = fmt::format("{}", fmt::join(lacking, ", "));
    return f;
  }
  try {
    f.run = solve_frontier(e, spec, year, unit_rows(e, year, group));
  } catch (const DataError& err) {
    f.why = err.messages().empty() ? err.what() : err.messages().front();
  }
  return f;
}

void add_frontier_section(Report& report, Evaluator& e, const CompareFrontier& frontier, std::size_t row,
                          const std::string& lang) {
  const Dataset& d = e.data();
  const Unit& unit = d.unit_of(row);
  if (!frontier.run) {
    if (!frontier.why.empty())
      report.notes.push_back(ftextf(lang, "note_compare_no_frontier", ftextf(lang, "note_compare_frontier_lacks", frontier.why)));
    return;
  }
  const FrontierRun& run = *frontier.run;
  std::size_t j = run.index_of_row(row);
  if (j >= run.units.size()) {
    std::string why = left_out_reason(run, row, lang);
    report.notes.push_back(ftextf(lang, "note_compare_no_frontier", ftextf(lang, "note_unit_left_out", unit.name, why)));
    return;
  }
  const FrontierUnit& u = run.units[j];
  const FrontierSpec& spec = run.spec;
  Table t;
  t.id = "frontier";
  t.title = ftextf(lang, "compare_frontier_title", unit.name, run.year, frontier_model_text(spec, lang), run.units.size());
  t.columns = {Column{"item", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
               Column{"label", tr(lang, "item"), "", CellType::text, 0},
               Column{"unit", tr(lang, "unit"), "", CellType::text, 0},
               Column{"value", tr(lang, "value"), "", CellType::number, 2},
               Column{"target", tr(lang, "target"), "", CellType::number, 2},
               Column{"change_pct", tr(lang, "change"), "%", CellType::number, 1},
               Column{"flag", tr(lang, "flag"), "", CellType::text, 0}};
  const bool ok = u.result.status == dea::Status::optimal;
  const std::string efficient = !ok ? std::string()
                                : u.result.fully_efficient ? ftr(lang, "class_full")
                                : u.result.efficiency >= 1.0 - dea::kTolerance ? ftr(lang, "class_weak")
                                                                                : ftr(lang, "class_no");
  t.rows.push_back({Cell("efficiency"), Cell(ftr(lang, "item_efficiency") + (efficient.empty() ? "" : ": " + efficient)), Cell(""),
                    Cell::number(ok ? u.result.efficiency : kMissing, 3), Cell::number(ok ? 1.0 : kMissing, 3), Cell(),
                    Cell(frontier_unit_flag(d, run, j, lang))});
  auto variable = [&](const std::string& id, double now, double target) {
    int p = kpi_precision(e, id);
    double change = ok && now != 0 ? (target / now - 1.0) * 100.0 : kMissing;
    t.rows.push_back({Cell(id), Cell(kpi_label(e, id, lang)), Cell(kpi_unit(e, id, lang)), Cell::number(now, p),
                      Cell::number(ok ? target : kMissing, p), Cell(change), Cell("")});
  };
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) variable(spec.inputs[i], u.x[i], ok ? u.result.target_x[i] : kMissing);
  for (std::size_t r = 0; r < spec.outputs.size(); ++r) variable(spec.outputs[r], u.y[r], ok ? u.result.target_y[r] : kMissing);
  t.rows.push_back({Cell("potential"), Cell(ftr(lang, "item_potential")), Cell(money_unit(e, run, lang)), Cell::number(u.potential, 0),
                    Cell(), Cell(), Cell("")});
  Table peers = unit_peers_table(e, run, j, lang);
  const std::optional<std::size_t> lambda = peers.column_index("lambda");
  for (std::size_t k = 1; k < peers.rows.size(); ++k) {
    const std::vector<Cell>& p = peers.rows[k];
    const std::string* name = p[1].text();
    const std::string* code = p[0].text();
    t.rows.push_back({Cell("peer:" + (code ? *code : std::string())), Cell(fmt::format("{} {}", ftr(lang, "role_peer"), name && !name->empty() ? *name : code ? *code : "")),
                      Cell("λ"), lambda ? p[*lambda] : Cell(), Cell(), Cell(), Cell(p.back())});
  }
  // A table only: compare's picture stays its profile (and `frontier --unit` draws the peers).
  report.tables.push_back(std::move(t));
}

}  // namespace nytta
