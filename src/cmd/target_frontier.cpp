// The frontier's answer to the procurement options. The arithmetic targets of `target`
// raise every benefit factor alike (A) or cut cost by a chosen percent (B); the frontier
// instead says what real units show possible: the outputs the unit's peers reach with its
// cost (A, output orientation, φ) or the cost at which they reach its outputs (B, input
// orientation, θ), slacks included. The derived rows (cost per loan, benefit per krona) are
// computed from those targets the same way the arithmetic column computes them.

#include "cmd/target_frontier.hpp"

#include <fmt/format.h>

#include "cmd/common.hpp"
#include "cmd/frontier_tables.hpp"
#include "cmd/frontier_text.hpp"
#include "nytta/util/error.hpp"
#include "nytta/metrics/frontier.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/number_format.hpp"

namespace nytta {

TargetFrontier target_frontier(Evaluator& e, std::uint32_t unit, int year, bool option_a, const std::string& rts,
                               const std::string& group, const std::string& lang) {
  const Dataset& d = e.data();
  FrontierSpec spec = library_frontier_spec();
  spec.rts = *dea::parse_rts(rts);
  spec.orientation = option_a ? dea::Orientation::output : dea::Orientation::input;
  FrontierRun run = solve_frontier(e, spec, year, unit_rows(e, year, group));
  std::optional<std::size_t> row = e.panel().row(unit, year);
  std::size_t j = row ? run.index_of_row(*row) : run.units.size();
  if (j >= run.units.size()) {
    throw DataError(fmt::format("{}: {}", fmt::join(d.sources, ", "),
                                ftextf("en", "note_unit_left_out", d.units[unit].name, row ? left_out_reason(run, *row, "en") : "")));
  }
  const FrontierUnit& u = run.units[j];
  if (u.result.status != dea::Status::optimal)
    throw DataError(fmt::format("{}: {} has no frontier score ({})", fmt::join(d.sources, ", "), d.units[unit].name,
                                dea::to_string(u.result.status)));
  TargetFrontier t;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) t.values[spec.inputs[i]] = u.result.target_x[i];
  for (std::size_t r = 0; r < spec.outputs.size(); ++r) t.values[spec.outputs[r]] = u.result.target_y[r];
  double cost = t.values["cost"];
  auto ratio = [](double a, double b) { return b != 0 ? a / b : kMissing; };
  t.values["cost_per_loan"] = ratio(cost, t.values["loans"]);
  t.values["cost_per_visit"] = ratio(cost, t.values["visits"]);
  if (e.knows("population")) t.values["cost_per_inhabitant"] = ratio(cost, e.column("population").values[*row]);
  t.values["benefit_per_krona"] =
      ratio(t.values["loans"] * t.values["visits"] * t.values["opening_hours"] * t.values["active_borrowers"], cost);
  t.values["money"] = u.potential;
  t.peers = unit_peers_table(e, run, j, lang);
  std::vector<std::string> columns = spec.outputs;
  columns.insert(columns.end(), spec.inputs.begin(), spec.inputs.end());
  t.chart = peer_chart(t.peers, columns, chart_request(lang, {d.units[unit].key()}));
  t.note = ftextf(lang, "note_target_frontier", frontier_model_text(spec, lang), run.units.size(), year,
                  format_human(u.result.efficiency, 3, lang), peers_text(d, run, j, true, lang));
  std::string flag = frontier_unit_flag(d, run, j, lang);
  if (!flag.empty()) t.note += "; " + flag;
  return t;
}

}  // namespace nytta
