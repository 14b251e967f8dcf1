// From a Dataset to the DEA engine and back. The engine (dea.cpp) wants clean numbers:
// every input > 0, every output >= 0. Which units get that far is decided here, because it
// is a question of trust in the data, not of linear programming:
//   - a missing value, an input <= 0 or a negative output leaves the unit out (listed), as
//     does a unit whose outputs are all 0 (it produces nothing to compare);
//   - a value that cannot be true leaves it out too: for a KPI used as a variable, its own
//     status (evaluator.hpp); for a measure, a KPI of the catalogue that is computed from
//     the measure and is itself impossible in that row (cost > 0 with no loans makes cost
//     per loan undefined; registered borrowers above three times the population make the
//     borrower share impossible), not merely inheriting it from another KPI;
//   - a value that is real but flagged (a widened range, a doubtful KPI) keeps the unit on
//     the frontier with its flag: it is measured and may be a peer, and the commands say so
//     wherever it is one. Leaving flagged units out of the reference set instead would
//     change every other unit's score on a suspicion, and give them no targets of their own.
// The money potential is what the frontier says the unit could save (input orientation:
// the money inputs less their targets, radial part and slack) or gain (output orientation:
// the money inputs times φ − 1, the extra outputs valued at today's cost per output, the
// way `target --option A` values its added benefit).

#include "nytta/metrics/frontier.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

constexpr std::size_t kNpos = std::numeric_limits<std::size_t>::max();

// What one variable of the spec is made of: its column, and for a measure the catalogue
// KPIs computed from it (whose own impossibility condemns the measure's value).
struct Variable {
  std::string id;
  const KpiColumn* column = nullptr;
  bool measure = false;
  std::vector<const KpiColumn*> judges;
};

// The status a KPI gets in row r by its own check (range, undefined), not from a KPI it is
// computed from; ok when it only inherits.
ValueStatus own_status(Evaluator& e, const KpiColumn& k, std::size_t r) {
  ValueStatus s = k.status_of(r);
  if (s == ValueStatus::ok || s == ValueStatus::doubtful) return ValueStatus::ok;
  for (const std::string& dep : k.kpis) {
    if (dep == k.id) continue;
    if (e.column(dep).status_of(r) >= s) return ValueStatus::ok;
  }
  return s;
}

// judge evaluates the judges: an evaluator of its own, so that the KPIs consulted only for
// trust leave no notes (a fallback formula of benefit_score, say) in the report's evaluator.
std::vector<Variable> variables(Evaluator& e, Evaluator& judge, const std::vector<std::string>& ids) {
  std::vector<Variable> out;
  for (const std::string& id : ids) {
    Variable v;
    v.id = id;
    v.column = &e.column(id);
    v.measure = v.column->def == nullptr;
    out.push_back(std::move(v));
  }
  // Judges after every variable's column exists: column() may evaluate more.
  for (Variable& v : out) {
    if (!v.measure) continue;
    for (const KpiDef& k : judge.catalogue().kpis) {
      if (!judge.can_compute(k.id)) continue;
      const KpiColumn& col = judge.column(k.id);
      if (std::binary_search(col.measures.begin(), col.measures.end(), v.id)) v.judges.push_back(&col);
    }
  }
  // The pointers stay valid: the evaluator keeps its columns in place.
  for (Variable& v : out) v.column = &e.column(v.id);
  return out;
}

// The worst status of v in row r, with the flag that says why ("" when ok).
std::pair<ValueStatus, std::string> trust(Evaluator& e, Evaluator& judge, const Variable& v, std::size_t r) {
  if (!v.measure) {
    ValueStatus s = v.column->status_of(r);
    return {s, s == ValueStatus::ok ? std::string() : e.flag(v.id, r)};
  }
  ValueStatus worst = ValueStatus::ok;
  std::string why;
  for (const KpiColumn* k : v.judges) {
    ValueStatus s = own_status(judge, *k, r);
    if (s > worst) {
      worst = s;
      why = judge.flag(k->id, r);
    }
  }
  return {worst, why};
}

bool is_money(const Evaluator& e, const std::string& id) {
  if (const KpiDef* k = e.catalogue().find(id)) return k->unit == "currency";
  if (const MeasureDef* m = e.catalogue().find_measure(id)) return m->unit == "currency";
  return id == "cost";
}

void add_unique(std::vector<std::string>& into, const std::string& flag) {
  if (!flag.empty() && std::find(into.begin(), into.end(), flag) == into.end()) into.push_back(flag);
}

struct Selected {
  std::vector<std::size_t> rows;
  std::vector<std::vector<double>> x, y;
  std::vector<std::string> flags;
  std::vector<FrontierExclusion> excluded;
};

// The rows with usable values, their data, and the rows left out with the reason.
Selected select_rows(Evaluator& e, const FrontierSpec& spec, const std::vector<std::size_t>& rows) {
  Evaluator judge(e.data(), e.catalogue());
  std::vector<Variable> in = variables(e, judge, spec.inputs);
  std::vector<Variable> out = variables(e, judge, spec.outputs);
  Selected s;
  for (std::size_t r : rows) {
    std::vector<double> x, y;
    std::vector<std::string> flags;
    bool left_out = false;
    auto leave = [&](FrontierExclusion::Why why, const std::string& variable, std::string detail) {
      s.excluded.push_back(FrontierExclusion{r, why, variable, std::move(detail)});
      left_out = true;
    };
    for (std::size_t k = 0; k < in.size() + out.size() && !left_out; ++k) {
      const bool input = k < in.size();
      const Variable& v = input ? in[k] : out[k - in.size()];
      double value = v.column->values[r];
      if (is_missing(value)) {
        leave(FrontierExclusion::Why::missing, v.id, {});
        break;
      }
      if (!std::isfinite(value) || (input && value <= 0)) {
        leave(FrontierExclusion::Why::not_positive, v.id, {});
        break;
      }
      if (!input && value < 0) {
        leave(FrontierExclusion::Why::negative, v.id, {});
        break;
      }
      auto [status, why] = trust(e, judge, v, r);
      if (is_impossible(status)) {
        leave(FrontierExclusion::Why::impossible, v.id, why);
        break;
      }
      if (status != ValueStatus::ok) add_unique(flags, why);
      (input ? x : y).push_back(value);
    }
    if (left_out) continue;
    if (std::all_of(y.begin(), y.end(), [](double v) { return v == 0.0; })) {
      s.excluded.push_back(FrontierExclusion{r, FrontierExclusion::Why::no_output, {}, {}});
      continue;
    }
    s.rows.push_back(r);
    s.x.push_back(std::move(x));
    s.y.push_back(std::move(y));
    s.flags.push_back(fmt::format("{}", fmt::join(flags, "; ")));
  }
  return s;
}

// A score within the engine's tolerance of 1 is 1 (dea.hpp): say so exactly, and move the
// targets to where that score puts them (the unit's own values less or plus its slacks),
// so that an efficient unit never shows 0.9999999999976 or a potential of a few cents.
void snap_to_frontier(FrontierUnit& u) {
  dea::UnitResult& r = u.result;
  if (r.efficiency < 1.0 - dea::kTolerance || r.efficiency == 1.0) return;
  r.efficiency = 1.0;
  if (!std::isnan(r.phi)) r.phi = 1.0;
  for (std::size_t i = 0; i < u.x.size(); ++i) r.target_x[i] = u.x[i] - r.input_slack[i];
  for (std::size_t k = 0; k < u.y.size(); ++k) r.target_y[k] = u.y[k] + r.output_slack[k];
  if (r.super_feasible && r.super_efficiency < 1.0) r.super_efficiency = 1.0;
}

// The first few units left out and why, for an error message (errors are in English).
std::string left_out_summary(Evaluator& e, const std::vector<FrontierExclusion>& excluded) {
  constexpr std::size_t kShown = 5;
  const Dataset& d = e.data();
  std::vector<std::string> items;
  for (std::size_t k = 0; k < excluded.size() && k < kShown; ++k) {
    const FrontierExclusion& x = excluded[k];
    const Unit& u = d.unit_of(x.row);
    std::string who = u.name.empty() ? u.code : u.name;
    std::string found = x.variable.empty() ? std::string() : fmt::format("{}", e.column(x.variable).values[x.row]);
    switch (x.why) {
      case FrontierExclusion::Why::missing: items.push_back(fmt::format("{} (no value of {})", who, x.variable)); break;
      case FrontierExclusion::Why::not_positive:
        items.push_back(fmt::format("{} ({} not above 0, found '{}')", who, x.variable, found));
        break;
      case FrontierExclusion::Why::negative:
        items.push_back(fmt::format("{} ({} below 0, found '{}')", who, x.variable, found));
        break;
      case FrontierExclusion::Why::no_output: items.push_back(fmt::format("{} (every output 0)", who)); break;
      case FrontierExclusion::Why::impossible: items.push_back(fmt::format("{} ({})", who, x.detail)); break;
    }
  }
  std::string s = fmt::format("{}", fmt::join(items, ", "));
  if (excluded.size() > kShown) s += fmt::format(" and {} more", excluded.size() - kShown);
  return s;
}

void round_result(FrontierUnit& u) {
  dea::UnitResult& r = u.result;
  for (double* v : {&r.efficiency, &r.phi, &r.super_efficiency, &u.potential}) *v = round_significant(*v);
  for (std::vector<double>* list : {&r.input_slack, &r.output_slack, &r.target_x, &r.target_y})
    for (double& v : *list) v = round_significant(v);
  for (dea::Peer& p : r.peers) p.lambda = round_significant(p.lambda);
}

}  // namespace

// The LP solves to about 1e-9 (dea.hpp counts within 1e-6 as equal): digits beyond ten
// significant ones are the simplex's rounding noise (a target of 4.999999999999998 for 5),
// which would read as precision in the CSV and differ between builds.
double round_significant(double v, int digits) {
  if (v == 0.0 || !std::isfinite(v)) return v;
  const int shift = digits - 1 - static_cast<int>(std::floor(std::log10(std::fabs(v))));
  if (shift >= 0) {
    const double scale = std::pow(10.0, shift);
    return std::round(v * scale) / scale;
  }
  const double scale = std::pow(10.0, -shift);
  return std::round(v / scale) * scale;
}

FrontierSpec library_frontier_spec() {
  FrontierSpec s;
  s.inputs = {"cost"};
  s.outputs = {"loans", "visits", "opening_hours", "active_borrowers"};
  return s;
}

std::size_t FrontierRun::index_of_row(std::size_t row) const {
  for (std::size_t j = 0; j < units.size(); ++j)
    if (units[j].row == row) return j;
  return kNpos;
}

void check_frontier_spec(Evaluator& e, const FrontierSpec& spec) {
  if (spec.inputs.empty()) throw UsageError("the frontier needs at least one input (--inputs)");
  if (spec.outputs.empty()) throw UsageError("the frontier needs at least one output (--outputs)");
  std::vector<std::string> seen;
  for (const std::vector<std::string>* list : {&spec.inputs, &spec.outputs}) {
    for (const std::string& id : *list) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end())
        throw UsageError(fmt::format("'{}' is named twice among the inputs and outputs", id));
      seen.push_back(id);
    }
  }
  for (const std::string& id : spec.non_discretionary) {
    if (std::find(spec.inputs.begin(), spec.inputs.end(), id) == spec.inputs.end())
      throw UsageError(fmt::format("--non-discretionary {}: not an input", id));
  }
  if (spec.orientation == dea::Orientation::input && spec.non_discretionary.size() >= spec.inputs.size())
    throw UsageError("the input orientation needs an input the units can change: every input is non-discretionary");
  for (const std::string& id : seen) e.column(id);  // unknown: UsageError; not computable: DataError
}

FrontierRun solve_frontier(Evaluator& e, const FrontierSpec& spec, int year, const std::vector<std::size_t>& rows,
                           const std::function<void(std::size_t, std::size_t)>& progress) {
  check_frontier_spec(e, spec);
  FrontierRun run;
  run.spec = spec;
  run.year = year;
  for (std::size_t i = 0; i < spec.inputs.size(); ++i)
    if (is_money(e, spec.inputs[i])) run.money_inputs.push_back(i);
  Selected s = select_rows(e, spec, rows);
  run.excluded = std::move(s.excluded);
  if (s.rows.size() < 2) {
    std::vector<std::string> all = spec.inputs;
    all.insert(all.end(), spec.outputs.begin(), spec.outputs.end());
    std::string why = run.excluded.empty() ? std::string() : "; left out: " + left_out_summary(e, run.excluded);
    throw DataError(fmt::format("{}: {} unit{} of {} with usable values of {}, too few for a frontier{}",
                                fmt::join(e.data().sources, ", "), s.rows.size(), s.rows.size() == 1 ? "" : "s", year,
                                fmt::join(all, ", "), why));
  }
  dea::Technology t{s.x, s.y};
  dea::Options o;
  o.rts = spec.rts;
  o.orientation = spec.orientation;
  o.super = spec.super;
  o.progress = progress;
  if (!spec.non_discretionary.empty()) {
    o.non_discretionary.assign(spec.inputs.size(), false);
    for (std::size_t i = 0; i < spec.inputs.size(); ++i)
      o.non_discretionary[i] = std::find(spec.non_discretionary.begin(), spec.non_discretionary.end(), spec.inputs[i]) !=
                               spec.non_discretionary.end();
  }
  auto start = std::chrono::steady_clock::now();
  dea::Result r = dea::solve(t, o);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.stats = r.stats;
  run.peer_count = std::move(r.peer_count);
  run.units.resize(s.rows.size());
  for (std::size_t j = 0; j < s.rows.size(); ++j) {
    FrontierUnit& u = run.units[j];
    u.row = s.rows[j];
    u.x = std::move(s.x[j]);
    u.y = std::move(s.y[j]);
    u.flag = std::move(s.flags[j]);
    u.result = std::move(r.units[j]);
    if (u.result.status != dea::Status::optimal) continue;
    snap_to_frontier(u);
    if (run.has_money()) {
      double money = 0, target = 0;
      for (std::size_t i : run.money_inputs) {
        money += u.x[i];
        target += u.result.target_x[i];
      }
      u.potential = spec.orientation == dea::Orientation::input ? money - target : money * (u.result.phi - 1.0);
      if (std::fabs(u.potential) <= dea::kTolerance * money) u.potential = 0.0;
    }
    round_result(u);
  }
  return run;
}

MalmquistPair solve_malmquist(Evaluator& e, const FrontierSpec& spec, int from_year, const std::vector<std::size_t>& from_rows,
                              int to_year, const std::vector<std::size_t>& to_rows) {
  check_frontier_spec(e, spec);
  MalmquistPair p;
  p.from_year = from_year;
  p.to_year = to_year;
  const Dataset& d = e.data();
  Selected a = select_rows(e, spec, from_rows);
  Selected b = select_rows(e, spec, to_rows);
  p.excluded = a.excluded;
  p.excluded.insert(p.excluded.end(), b.excluded.begin(), b.excluded.end());
  // Units in one year only (whatever their values), then the usable ones in both.
  auto has_unit = [&](const std::vector<std::size_t>& rows, std::uint32_t u) {
    return std::any_of(rows.begin(), rows.end(), [&](std::size_t r) { return d.row_unit[r] == u; });
  };
  for (std::size_t r : from_rows)
    if (!has_unit(to_rows, d.row_unit[r])) p.only_from.push_back(d.row_unit[r]);
  for (std::size_t r : to_rows)
    if (!has_unit(from_rows, d.row_unit[r])) p.only_to.push_back(d.row_unit[r]);
  std::vector<std::size_t> to_index(d.units.size(), kNpos);
  for (std::size_t k = 0; k < b.rows.size(); ++k) to_index[d.row_unit[b.rows[k]]] = k;
  dea::Technology t0, t1;
  for (std::size_t k = 0; k < a.rows.size(); ++k) {
    std::uint32_t u = d.row_unit[a.rows[k]];
    std::size_t k1 = to_index[u];
    if (k1 == kNpos) continue;
    p.units.push_back(u);
    p.from_rows.push_back(a.rows[k]);
    p.to_rows.push_back(b.rows[k1]);
    t0.x.push_back(a.x[k]);
    t0.y.push_back(a.y[k]);
    t1.x.push_back(b.x[k1]);
    t1.y.push_back(b.y[k1]);
  }
  if (p.units.size() < 2) {
    throw DataError(fmt::format("{}: {} unit{} with usable values of {}, {} in both {} and {}, too few for a Malmquist index",
                                fmt::join(d.sources, ", "), p.units.size(), p.units.size() == 1 ? "" : "s",
                                fmt::join(spec.inputs, ", "), fmt::join(spec.outputs, ", "), from_year, to_year));
  }
  p.index = dea::malmquist(t0, t1, spec.rts, spec.orientation);
  p.mean = dea::malmquist_mean(p.index);
  return p;
}

}  // namespace nytta
