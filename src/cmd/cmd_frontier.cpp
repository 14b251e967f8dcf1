// nytta frontier [--inputs A,B] [--outputs C,D] [--non-discretionary N] [--year Y]
// [--rts crs|vrs|drs|irs|fdh] [--orientation input|output] [--super] [--unit X]: the
// efficiency frontier (DEA) of one year. Where ranking one KPI at a time rewards a library
// that is cheap per loan but has no visitors, the frontier weighs every output against the
// cost at once and names, for each unit, the real units (its peers) that together do at
// least as well with less (option B, input orientation) or more with the same (option A,
// output orientation), and what that is worth in money. The numbers come from
// metrics/frontier.cpp and the DEA engine; the tables from frontier_tables.cpp.

#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "cmd/frontier_flags.hpp"
#include "cmd/frontier_tables.hpp"
#include "cmd/frontier_text.hpp"
#include "cmd/progress.hpp"
#include "nytta/metrics/frontier.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/labels.hpp"

namespace nytta {

Outcome run_frontier(const FrontierOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  std::vector<std::string> defaulted;
  FrontierSpec spec = frontier_spec(e, o.flags, defaulted);
  spec.super = o.super;
  check_frontier_spec(e, spec);
  const std::string group = resolve_group(data, o.common.group);
  const int year = frontier_year(e, spec, group, o.year);
  std::vector<std::uint32_t> highlighted;
  for (const std::string& u : o.units) highlighted.push_back(find_unit(data, u));

  ProgressLine progress(io.err, io.err_is_tty, "frontier");
  FrontierRun run = solve_frontier(e, spec, year, unit_rows(e, year, group), progress.callback());
  progress.finish();

  const std::string rts = ftr(lang, "rts_" + std::string(dea::to_string(spec.rts)));
  const std::string orientation = ftr(lang, "orientation_" + std::string(dea::to_string(spec.orientation)) + "_short");
  std::string title = group.empty() ? ftextf(lang, "frontier_title", year, rts, orientation)
                                    : ftextf(lang, "frontier_title_group", year, group_name(data, group), rts, orientation);
  Report report;
  report.command = "frontier";
  report.tables.push_back(frontier_table(e, run, lang, title));
  report.tables.push_back(frontier_summary_table(e, run, lang));
  report.tables.push_back(peer_count_table(e, run, lang));

  ChartRequest request = chart_request(lang, o.units);
  request.reference = 1.0;
  request.reference_label = ftr(lang, "col_frontier");
  report.charts.push_back(ranked_bar_chart(report.tables[0], "efficiency", request));

  // The first --unit: its peers, side by side, and where it is not on the frontier, why.
  for (std::uint32_t u : highlighted) {
    std::optional<std::size_t> row = e.panel().row(u, year);
    std::size_t j = row ? run.index_of_row(*row) : run.units.size();
    if (j >= run.units.size()) {
      std::string why = row ? left_out_reason(run, *row, lang) : std::string();
      if (why.empty()) why = row ? group_name(data, group) : fmt::format("{} {}", tr(lang, "year_word"), year);
      report.notes.push_back(ftextf(lang, "note_unit_left_out", data.units[u].name, why));
      continue;
    }
    if (report.tables.size() > 3) continue;
    report.tables.push_back(unit_peers_table(e, run, j, lang));
    std::vector<std::string> columns = spec.outputs;
    columns.insert(columns.end(), spec.inputs.begin(), spec.inputs.end());
    report.charts.push_back(peer_chart(report.tables.back(), columns, chart_request(lang, {data.units[u].key()})));
  }

  report.meta.emplace_back("year", Cell(static_cast<double>(year)));
  report.meta.emplace_back("rts", Cell(std::string(dea::to_string(spec.rts))));
  report.meta.emplace_back("orientation", Cell(std::string(dea::to_string(spec.orientation))));
  report.meta.emplace_back("inputs", Cell(fmt::format("{}", fmt::join(spec.inputs, ","))));
  report.meta.emplace_back("outputs", Cell(fmt::format("{}", fmt::join(spec.outputs, ","))));
  if (!spec.non_discretionary.empty())
    report.meta.emplace_back("non_discretionary", Cell(fmt::format("{}", fmt::join(spec.non_discretionary, ","))));
  if (!group.empty()) report.meta.emplace_back("group", Cell(group));
  add_frontier_notes(report, e, run, lang, defaulted);
  add_provenance(report, e, lang, spec_variables(spec));
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
