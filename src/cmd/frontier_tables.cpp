// A solved frontier as Tables. The CSV contract of `nytta frontier` is the main table:
// code,name,year,efficiency[,phi][,super_efficiency],efficient,peers, each variable and its
// target, potential, kind, units, flag — efficiency always in (0, 1] (θ, or 1/φ for the output
// orientation) so that both orientations read the same way, super-efficiency empty (with a
// flag) when it has no solution, never a made-up number. Summary rows come first, with an
// empty code and kind `summary`, as DESIGN.md has reference rows. The words are in
// frontier_text.cpp; the numbers are all computed in metrics/frontier.cpp.

#include "cmd/frontier_tables.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>

#include "cmd/common.hpp"
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

std::string efficient_text(const FrontierUnit& u, const std::string& lang) {
  if (!optimal(u)) return {};
  return ftr(lang, fully(u) ? "efficient_full" : weakly(u) ? "efficient_weak" : "efficient_no");
}

// Units in output order: best score first (super-efficiency when solved; an efficient unit
// whose super-efficiency has no solution counts as above every number), then by code.
std::vector<std::size_t> output_order(const Dataset& d, const FrontierRun& run) {
  auto key = [&](std::size_t j) {
    const FrontierUnit& u = run.units[j];
    if (!optimal(u)) return -std::numeric_limits<double>::infinity();
    if (run.spec.super) return u.result.super_feasible ? u.result.super_efficiency : std::numeric_limits<double>::infinity();
    return u.result.efficiency;
  };
  std::vector<std::size_t> order(run.units.size());
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    double ka = key(a), kb = key(b);
    if (ka != kb) return ka > kb;
    return unit_less(d.unit_of(run.units[a].row), d.unit_of(run.units[b].row));
  });
  return order;
}

double median_of(std::vector<double> v) {
  if (v.empty()) return kMissing;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : round_significant((v[n / 2 - 1] + v[n / 2]) / 2.0);
}

}  // namespace

std::string listed(const std::vector<std::string>& items, const std::string& lang, std::size_t shown) {
  std::vector<std::string> head(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(std::min(shown, items.size())));
  std::string s = fmt::format("{}", fmt::join(head, "; "));
  if (items.size() > head.size()) s += "; " + ftextf(lang, "and_more", items.size() - head.size());
  return s;
}

std::string money_unit(Evaluator& e, const FrontierRun& run, const std::string& lang) {
  if (!run.has_money()) return {};
  return kpi_unit(e, run.spec.inputs[run.money_inputs.front()], lang);
}

std::string frontier_model_text(const FrontierSpec& spec, const std::string& lang) {
  return fmt::format("{}, {}", ftr(lang, "rts_" + std::string(dea::to_string(spec.rts))),
                     ftr(lang, "orientation_" + std::string(dea::to_string(spec.orientation)) + "_short"));
}

std::string peers_text(const Dataset& data, const FrontierRun& run, std::size_t unit, bool names, const std::string& lang) {
  std::vector<std::string> parts;
  for (const dea::Peer& p : sorted_peers(run.units[unit])) {
    const Unit& peer = data.unit_of(run.units[p.unit].row);
    // Two decimals, more for a small λ, which would otherwise read "(0.00)".
    const int decimals = p.lambda >= 0.01 ? 2 : std::min(6, 1 - static_cast<int>(std::floor(std::log10(p.lambda))));
    parts.push_back(names ? fmt::format("{} ({})", name_of(peer), format_human(p.lambda, decimals, lang))
                          : fmt::format("{} {:.6g}", key_of(peer), p.lambda));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string frontier_unit_flag(const Dataset& data, const FrontierRun& run, std::size_t unit, const std::string& lang) {
  const FrontierUnit& u = run.units[unit];
  std::vector<std::string> parts;
  if (!u.flag.empty()) parts.push_back(u.flag);
  if (!optimal(u)) parts.push_back(ftextf(lang, "flag_no_score", dea::to_string(u.result.status)));
  for (const dea::Peer& p : sorted_peers(u)) {
    if (p.unit != unit && !run.units[p.unit].flag.empty())
      parts.push_back(ftextf(lang, "flag_peer", key_of(data.unit_of(run.units[p.unit].row))));
  }
  if (run.spec.super && optimal(u) && !u.result.super_feasible) parts.push_back(ftr(lang, "flag_super_infeasible"));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string left_out_reason(const FrontierRun& run, std::size_t row, const std::string& lang) {
  for (const FrontierExclusion& x : run.excluded)
    if (x.row == row) return why_text(x, lang);
  return {};
}

Table frontier_table(Evaluator& e, const FrontierRun& run, const std::string& lang, const std::string& title) {
  const Dataset& d = e.data();
  const FrontierSpec& spec = run.spec;
  const bool output = spec.orientation == dea::Orientation::output;
  const std::string money = money_unit(e, run, lang);
  Table t;
  t.id = "frontier";
  t.title = title;
  t.columns = {Column{"code", tr(lang, "code"), "", CellType::text, 0}, Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"year", tr(lang, "year"), "", CellType::number, 0, false, Audience::machines},
               Column{"efficiency", ftr(lang, "col_efficiency"), "", CellType::number, 3}};
  if (output) t.columns.push_back(Column{"phi", ftr(lang, "col_phi"), "", CellType::number, 3});
  if (spec.super) t.columns.push_back(Column{"super_efficiency", ftr(lang, "col_super"), "", CellType::number, 3});
  t.columns.push_back(Column{"efficient", ftr(lang, "col_efficient"), "", CellType::text, 0});
  t.columns.push_back(Column{"peers", ftr(lang, "col_peers"), "", CellType::text, 0, true, Audience::machines});
  t.columns.push_back(Column{"peer_names", ftr(lang, "col_peers"), "", CellType::text, 0, true, Audience::people});
  auto variable_columns = [&](const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
      Column value = kpi_column(e, id, lang);
      value.audience = Audience::machines;
      Column target = kpi_column(e, id, lang, "target_" + id);
      target.label = ftextf(lang, "col_target_of", value.label);
      target.audience = Audience::machines;
      t.columns.push_back(value);
      t.columns.push_back(target);
    }
  };
  variable_columns(spec.inputs);
  variable_columns(spec.outputs);
  if (output) {
    for (const std::string& id : spec.outputs) {
      Column extra = kpi_column(e, id, lang, "extra_" + id);
      extra.label = ftextf(lang, "col_extra_of", extra.label);
      extra.audience = Audience::machines;
      t.columns.push_back(extra);
    }
  }
  t.columns.push_back(Column{"potential", ftr(lang, output ? "col_potential_output" : "col_potential_input"), money,
                             CellType::number, 0});
  t.columns.push_back(Column{"kind", tr(lang, "kind"), "", CellType::text, 0, true, Audience::machines});
  t.columns.push_back(Column{"units", ftr(lang, "col_units"), "", CellType::number, 0});
  t.columns.push_back(Column{"flag", tr(lang, "flag"), "", CellType::text, 0});

  const std::size_t m = spec.inputs.size(), s = spec.outputs.size();
  auto precision = [&](std::size_t k) { return kpi_precision(e, k < m ? spec.inputs[k] : spec.outputs[k - m]); };
  // A row from its parts; NaN cells are empty.
  auto row = [&](const std::string& code, const std::string& name, double efficiency, double phi, double super,
                 const std::string& efficient, const std::string& peers, const std::string& peer_names,
                 const std::vector<double>& values, const std::vector<double>& targets, double potential, const std::string& kind,
                 double units, const std::string& flag, Tone tone) {
    std::vector<Cell> r = {Cell(code), Cell(name), Cell(static_cast<double>(run.year)), Cell::number(efficiency, 3, tone)};
    if (output) r.push_back(Cell(phi));
    if (spec.super) r.push_back(Cell(super));
    r.push_back(Cell(efficient));
    r.push_back(Cell(peers));
    r.push_back(Cell(peer_names));
    for (std::size_t k = 0; k < m + s; ++k) {
      r.push_back(Cell::number(values[k], precision(k)));
      r.push_back(Cell::number(targets[k], precision(k)));
    }
    if (output)
      for (std::size_t k = m; k < m + s; ++k)
        r.push_back(Cell::number(targets[k] - values[k], precision(k)));
    r.push_back(Cell::number(potential, 0));
    r.push_back(Cell(kind));
    r.push_back(Cell(units));
    r.push_back(Cell(flag));
    return r;
  };

  // Summary rows.
  std::size_t n_full = 0, n_weak = 0, scored = 0;
  double sum_eff = 0, sum_phi = 0, sum_potential = 0;
  std::size_t with_potential = 0;
  std::vector<double> total_values(m + s, 0.0), total_targets(m + s, 0.0);
  for (const FrontierUnit& u : run.units) {
    n_full += fully(u);
    n_weak += weakly(u);
    if (!optimal(u)) continue;
    ++scored;
    sum_eff += u.result.efficiency;
    if (output) sum_phi += u.result.phi;
    if (!is_missing(u.potential)) {
      sum_potential += u.potential;
      ++with_potential;
    }
    for (std::size_t i = 0; i < m; ++i) {
      total_values[i] += u.x[i];
      total_targets[i] += u.result.target_x[i];
    }
    for (std::size_t r = 0; r < s; ++r) {
      total_values[m + r] += u.y[r];
      total_targets[m + r] += u.result.target_y[r];
    }
  }
  const std::vector<double> none(m + s, kMissing);
  const double n = static_cast<double>(scored);
  // Sums and means of the rounded results are rounded the same way (nytta/frontier.hpp).
  for (double& v : total_targets) v = round_significant(v);
  for (double& v : total_values) v = round_significant(v, 12);  // data: only the summing's noise
  t.rows.push_back(row("", ftr(lang, "summary_fully"), 1.0, output ? 1.0 : kMissing, kMissing, "", "", "", none, none, kMissing,
                       "summary", static_cast<double>(n_full), "", Tone::none));
  t.rows.push_back(row("", ftr(lang, "summary_weakly"), 1.0, output ? 1.0 : kMissing, kMissing, "", "", "", none, none, kMissing,
                       "summary", static_cast<double>(n_weak), "", Tone::none));
  t.rows.push_back(row("", ftr(lang, "summary_mean"), scored ? round_significant(sum_eff / n) : kMissing,
                       output && scored ? round_significant(sum_phi / n) : kMissing, kMissing, "", "", "", none, none,
                       with_potential ? round_significant(sum_potential / static_cast<double>(with_potential)) : kMissing, "summary",
                       n, "", Tone::none));
  t.rows.push_back(row("", ftr(lang, "summary_total"), kMissing, kMissing, kMissing, "", "", "", total_values, total_targets,
                       with_potential ? round_significant(sum_potential) : kMissing, "summary", n, "", Tone::none));

  for (std::size_t j : output_order(d, run)) {
    const FrontierUnit& u = run.units[j];
    const Unit& unit = d.unit_of(u.row);
    std::vector<double> values = u.x, targets = u.result.target_x;
    values.insert(values.end(), u.y.begin(), u.y.end());
    targets.insert(targets.end(), u.result.target_y.begin(), u.result.target_y.end());
    if (targets.size() != m + s) targets.assign(m + s, kMissing);
    Tone tone = !optimal(u) ? Tone::none : fully(u) ? Tone::good : weakly(u) ? Tone::middle : Tone::none;
    double super = spec.super && optimal(u) && u.result.super_feasible ? u.result.super_efficiency : kMissing;
    t.rows.push_back(row(unit.code, unit.name, optimal(u) ? u.result.efficiency : kMissing, optimal(u) ? u.result.phi : kMissing,
                         super, efficient_text(u, lang), peers_text(d, run, j, false, lang), peers_text(d, run, j, true, lang),
                         values, targets, u.potential, "unit", kMissing, frontier_unit_flag(d, run, j, lang), tone));
  }
  return t;
}

Table frontier_summary_table(Evaluator& e, const FrontierRun& run, const std::string& lang) {
  const bool output = run.spec.orientation == dea::Orientation::output;
  Table t;
  t.id = "summary";
  t.title = ftr(lang, "summary_table");
  t.columns = {Column{"item", tr(lang, "id"), "", CellType::text, 0, true, Audience::machines},
               Column{"label", tr(lang, "item"), "", CellType::text, 0}, Column{"value", tr(lang, "value"), "", CellType::number, 3},
               Column{"unit", tr(lang, "unit"), "", CellType::text, 0}};
  std::vector<double> scores;
  std::size_t n_full = 0, n_weak = 0;
  double money = 0, potential = 0, target_money = 0;
  for (const FrontierUnit& u : run.units) {
    n_full += fully(u);
    n_weak += weakly(u);
    if (!optimal(u)) continue;
    scores.push_back(u.result.efficiency);
    for (std::size_t i : run.money_inputs) {
      money += u.x[i];
      target_money += u.result.target_x[i];
    }
    if (!is_missing(u.potential)) potential += u.potential;
  }
  double mean = kMissing;
  if (!scores.empty()) {
    mean = 0;
    for (double v : scores) mean += v;
    mean = round_significant(mean / static_cast<double>(scores.size()));
  }
  const std::string unit = money_unit(e, run, lang);
  auto add = [&](const char* item, const std::string& label, double value, int precision, const std::string& u) {
    t.rows.push_back({Cell(item), Cell(label), Cell::number(value, precision), Cell(u)});
  };
  add("units", ftr(lang, "summary_units"), static_cast<double>(run.units.size()), 0, "");
  add("left_out", ftr(lang, "summary_left_out"), static_cast<double>(run.excluded.size()), 0, "");
  add("fully_efficient", ftr(lang, "summary_fully"), static_cast<double>(n_full), 0, "");
  add("weakly_efficient", ftr(lang, "summary_weakly"), static_cast<double>(n_weak), 0, "");
  add("mean_efficiency", ftr(lang, "summary_mean_efficiency"), mean, 3, "");
  add("median_efficiency", ftr(lang, "summary_median"), median_of(scores), 3, "");
  if (run.has_money()) {
    if (!output)
      add("weighted_efficiency", ftr(lang, "summary_weighted"), money > 0 ? round_significant(target_money / money) : kMissing, 3, "");
    add("money", ftr(lang, "summary_money"), money, 0, unit);
    add("potential", ftr(lang, "summary_potential"), round_significant(potential), 0, unit);
    add("potential_share", ftr(lang, "summary_potential_share"), money > 0 ? round_significant(100.0 * potential / money) : kMissing, 1,
        "%");
  }
  return t;
}

}  // namespace nytta
