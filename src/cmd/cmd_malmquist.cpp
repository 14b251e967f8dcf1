// nytta malmquist [--inputs …] [--outputs …] --from Y --to Y [--rts crs|vrs] [--chain]:
// productivity change of each unit between two years, the Malmquist index of DEA in its
// geometric-mean form, taken apart as M = EC × TC: how much closer the unit came to the
// best practice of its year (efficiency change) and how much the best practice itself
// moved (technical change). A library whose cost per loan fell because every library's did
// has TC > 1 and EC = 1; one that caught up with its peers has EC > 1. With --chain, every
// pair of consecutive years and the chained index (their product) since the first.

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <set>

#include "cmd/commands.hpp"
#include "cmd/frontier_flags.hpp"
#include "cmd/frontier_tables.hpp"
#include "cmd/frontier_text.hpp"
#include "cmd/progress.hpp"
#include "nytta/metrics/frontier.hpp"
#include "nytta/report/chart_build.hpp"
#include "nytta/report/labels.hpp"

namespace nytta {

namespace {

std::string unit_name(const Dataset& d, std::uint32_t u) { return d.units[u].name.empty() ? d.units[u].code : d.units[u].name; }

}  // namespace

Outcome run_malmquist(const MalmquistOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  std::vector<std::string> defaulted;
  FrontierSpec spec = frontier_spec(e, o.flags, defaulted);
  check_frontier_spec(e, spec);
  const std::string group = resolve_group(data, o.common.group);
  const std::vector<int>& years = e.panel().years();
  auto in_data = [&](int y, const char* flag) {
    if (!std::binary_search(years.begin(), years.end(), y))
      throw UsageError(fmt::format("{} {}: no data for that year; the data cover {}–{}", flag, y, years.front(), years.back()));
  };
  if (o.from) in_data(*o.from, "--from");
  if (o.to) in_data(*o.to, "--to");
  const int to = o.to ? *o.to : years.back();
  int from;
  if (o.from) {
    from = *o.from;
  } else {
    auto it = std::lower_bound(years.begin(), years.end(), to);
    if (o.chain || it == years.begin()) {
      from = years.front();
    } else {
      from = *(it - 1);
    }
  }
  if (from >= to)
    throw UsageError(fmt::format("--from {} is not before --to {}: the index compares an earlier year with a later one", from, to));

  std::vector<std::pair<int, int>> pairs;
  if (o.chain) {
    for (std::size_t i = 0; i + 1 < years.size(); ++i)
      if (years[i] >= from && years[i + 1] <= to) pairs.emplace_back(years[i], years[i + 1]);
  } else {
    pairs.emplace_back(from, to);
  }

  ProgressLine progress(io.err, io.err_is_tty, "malmquist");
  std::vector<MalmquistPair> results;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    results.push_back(solve_malmquist(e, spec, pairs[k].first, unit_rows(e, pairs[k].first, group), pairs[k].second,
                                      unit_rows(e, pairs[k].second, group)));
    progress.update(k + 1, pairs.size());
  }
  progress.finish();

  const std::string rts_text = ftr(lang, "rts_" + std::string(dea::to_string(spec.rts)));
  const std::string orientation_text = ftr(lang, "orientation_" + std::string(dea::to_string(spec.orientation)));
  Table t;
  t.id = "malmquist";
  t.title = ftextf(lang, "malmquist_title", from, to, rts_text,
                   ftr(lang, "orientation_" + std::string(dea::to_string(spec.orientation)) + "_short"));
  t.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"from_year", tr(lang, "from"), "", CellType::number, 0, false},
               Column{"to_year", tr(lang, "to"), "", CellType::number, 0, false},
               Column{"malmquist", ftr(lang, "col_malmquist"), "", CellType::number, 3},
               Column{"efficiency_change", ftr(lang, "col_efficiency_change"), "", CellType::number, 3},
               Column{"technical_change", ftr(lang, "col_technical_change"), "", CellType::number, 3}};
  if (o.chain) t.columns.push_back(Column{"chained", ftextf(lang, "col_chained", from), "", CellType::number, 3});
  t.columns.push_back(Column{"efficiency_from", ftr(lang, "col_efficiency_from"), "", CellType::number, 3});
  t.columns.push_back(Column{"efficiency_to", ftr(lang, "col_efficiency_to"), "", CellType::number, 3});
  t.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0, true, Audience::machines});
  t.columns.push_back(Column{"flag", tr(lang, "flag"), "", CellType::text, 0});

  Report report;
  report.command = "malmquist";
  // Chained index per unit: the product of its indices so far; NaN once a year is missing.
  std::map<std::uint32_t, double> chained;
  double chained_mean = 1.0;
  std::set<std::uint32_t> seen_before;
  Table chart_table;
  chart_table.id = "malmquist_chart";
  chart_table.title = t.title;
  chart_table.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
                         Column{"value", o.chain ? ftextf(lang, "col_chained", from) : ftr(lang, "col_malmquist"), "", CellType::number, 3},
                         Column{"kind", tr(lang, "kind"), "", CellType::text, 0}};
  for (std::size_t k = 0; k < results.size(); ++k) {
    const MalmquistPair& p = results[k];
    std::map<std::uint32_t, double> next;
    std::vector<std::size_t> order(p.units.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
      double m = p.index[i].m;
      double before = k == 0 ? 1.0 : (chained.count(p.units[i]) ? chained[p.units[i]] : kMissing);
      next[p.units[i]] = std::isfinite(m) && !is_missing(before) ? before * m : kMissing;
    }
    chained = std::move(next);
    chained_mean = std::isfinite(p.mean.m) ? chained_mean * p.mean.m : kMissing;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      double ma = p.index[a].m, mb = p.index[b].m;
      bool fa = std::isfinite(ma), fb = std::isfinite(mb);
      if (fa != fb) return fa;
      if (fa && ma != mb) return ma > mb;
      return unit_less(data.units[p.units[a]], data.units[p.units[b]]);
    });
    // The indices are computed in full and reported to ten significant digits (nytta/frontier.hpp).
    auto row = [&](const std::string& code, const std::string& name, const dea::MalmquistUnit& m, double chain, const char* kind,
                   const std::string& flag) {
      std::vector<Cell> r = {Cell(code), Cell(name), Cell(static_cast<double>(p.from_year)), Cell(static_cast<double>(p.to_year)),
                             Cell::number(round_significant(m.m), 3, std::isfinite(m.m) ? (m.m >= 1 ? Tone::good : Tone::bad) : Tone::none),
                             Cell(round_significant(m.ec)), Cell(round_significant(m.tc))};
      if (o.chain) r.push_back(Cell(round_significant(chain)));
      r.push_back(Cell(round_significant(m.e00)));
      r.push_back(Cell(round_significant(m.e11)));
      r.push_back(Cell(kind));
      r.push_back(Cell(flag));
      t.rows.push_back(std::move(r));
    };
    row("", ftr(lang, "summary_geometric_mean"), p.mean, chained_mean, "summary", "");
    std::vector<std::string> no_index;
    for (std::size_t i : order) {
      const Unit& u = data.units[p.units[i]];
      std::string flag;
      if (!std::isfinite(p.index[i].m)) {
        flag = ftextf(lang, "flag_no_score", "infeasible");
        no_index.push_back(unit_name(data, p.units[i]));
      }
      row(u.code, u.name, p.index[i], chained[p.units[i]], "unit", flag);
      if (k + 1 == results.size()) {
        double v = o.chain ? chained[p.units[i]] : p.index[i].m;
        chart_table.rows.push_back({Cell(u.code), Cell(u.name), Cell(round_significant(v)), Cell("unit")});
      }
    }
    // What this pair leaves out.
    auto names = [&](const std::vector<std::uint32_t>& units) {
      std::vector<std::string> n;
      for (std::uint32_t u : units) n.push_back(unit_name(data, u));
      return n;
    };
    if (!p.only_from.empty())
      report.notes.push_back(ftextf(lang, "note_only_in", p.only_from.size(), p.from_year, p.to_year, listed(names(p.only_from), lang)));
    if (!p.only_to.empty())
      report.notes.push_back(ftextf(lang, "note_only_in", p.only_to.size(), p.to_year, p.from_year, listed(names(p.only_to), lang)));
    if (!p.excluded.empty()) {
      std::vector<std::string> items;
      FrontierRun reasons;
      reasons.excluded = p.excluded;
      for (const FrontierExclusion& x : p.excluded)
        items.push_back(fmt::format("{} {} ({})", unit_name(data, data.row_unit[x.row]), data.row_year[x.row],
                                    left_out_reason(reasons, x.row, lang)));
      report.notes.push_back(ftextf(lang, "note_left_out_pair", p.excluded.size(), p.from_year, p.to_year, listed(items, lang)));
    }
    if (!no_index.empty())
      report.notes.push_back(ftextf(lang, "note_no_index", no_index.size(), p.from_year, p.to_year, rts_text, listed(no_index, lang)));
  }
  report.tables.push_back(std::move(t));

  ChartRequest request = chart_request(lang);
  request.reference = 1.0;
  request.reference_label = "1";
  report.charts.push_back(ranked_bar_chart(chart_table, "value", request));

  report.meta.emplace_back("from_year", Cell(static_cast<double>(from)));
  report.meta.emplace_back("to_year", Cell(static_cast<double>(to)));
  report.meta.emplace_back("rts", Cell(std::string(dea::to_string(spec.rts))));
  report.meta.emplace_back("orientation", Cell(std::string(dea::to_string(spec.orientation))));
  report.meta.emplace_back("inputs", Cell(fmt::format("{}", fmt::join(spec.inputs, ","))));
  report.meta.emplace_back("outputs", Cell(fmt::format("{}", fmt::join(spec.outputs, ","))));
  if (!group.empty()) report.meta.emplace_back("group", Cell(group));
  std::vector<std::string> notes;
  if (!defaulted.empty())
    notes.push_back(ftextf(lang, "note_defaults", fmt::join(defaulted, " / ")));
  notes.push_back(ftextf(lang, "note_model", fmt::join(spec.inputs, ", "), fmt::join(spec.outputs, ", "), rts_text, orientation_text));
  notes.push_back(ftr(lang, "note_malmquist_read"));
  if (o.chain) notes.push_back(ftextf(lang, "note_chain", from));
  report.notes.insert(report.notes.begin(), notes.begin(), notes.end());
  add_provenance(report, e, lang, spec_variables(spec));
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
