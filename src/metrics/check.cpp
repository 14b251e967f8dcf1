#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "nytta/metrics/change.hpp"
#include "nytta/metrics/check.hpp"
#include "nytta/metrics/rank.hpp"
#include "nytta/metrics/reference.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

std::size_t RuleResult::count(CheckCase::Status s) const {
  return static_cast<std::size_t>(std::count_if(cases.begin(), cases.end(), [s](const CheckCase& c) { return c.status == s; }));
}

namespace {

std::string num(double v) { return is_missing(v) ? "missing" : fmt::format("{:.6g}", v); }

int latest_year(Evaluator& e, const std::string& kpi) {
  const Dataset& d = e.data();
  const std::vector<double>& v = e.column(kpi).values;
  std::optional<int> latest;
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).kind != RowKind::unit || is_missing(v[r])) continue;
    if (!latest || d.row_year[r] > *latest) latest = d.row_year[r];
  }
  if (!latest) return e.panel().years().back();
  return *latest;
}

// The rows a rule looks at in year, and the codes it names that the data lack.
// The key of the group a rule names (by key or by its region row's name); a group the data
// do not have would make a gate that never fails: an error at the rule.
std::string group_key(const Dataset& d, const Rule& rule) {
  std::vector<std::string> groups;
  for (const Unit& u : d.units) {
    if (u.kind == RowKind::unit && !u.group.empty() && std::find(groups.begin(), groups.end(), u.group) == groups.end())
      groups.push_back(u.group);
  }
  for (const std::string& g : groups) {
    if (g == rule.group) return g;
  }
  for (const Unit& u : d.units) {
    if (u.kind == RowKind::region && fold_case(u.name) == fold_case(rule.group) &&
        std::find(groups.begin(), groups.end(), u.group) != groups.end())
      return u.group;
  }
  throw DataError(rule.where,
                  fmt::format("rule '{}' is scoped to the group '{}', which the data do not have{}", rule.id, rule.group,
                              groups.empty() ? std::string(" (they have no groups)") : did_you_mean(rule.group, groups)),
                  rule.group);
}

std::vector<std::size_t> rows_in_scope(Evaluator& e, const Rule& rule, const std::string& group, int year,
                                       std::vector<std::string>& absent) {
  const Dataset& d = e.data();
  std::vector<std::size_t> rows;
  std::set<std::string> found;
  for (std::size_t r : e.panel().rows_of(year)) {
    const Unit& u = d.unit_of(r);
    if (u.kind != RowKind::unit) continue;
    if (rule.scope == Rule::Scope::group && u.group != group) continue;
    if (rule.scope == Rule::Scope::codes) {
      auto hit = std::find_if(rule.codes.begin(), rule.codes.end(), [&](const std::string& c) { return c == u.code || c == u.name; });
      if (hit == rule.codes.end()) continue;
      found.insert(*hit);
    }
    rows.push_back(r);
  }
  for (const std::string& c : rule.codes) {
    if (!found.count(c)) absent.push_back(c);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return unit_less(d.unit_of(a), d.unit_of(b)); });
  return rows;
}

std::vector<std::size_t> unit_rows_all(Evaluator& e, int year) {
  std::vector<std::size_t> rows;
  for (std::size_t r : e.panel().rows_of(year)) {
    if (e.data().unit_of(r).kind == RowKind::unit) rows.push_back(r);
  }
  return rows;
}

CheckCase unit_case(const Dataset& d, std::size_t row, int year) {
  CheckCase c;
  c.code = d.unit_of(row).code;
  c.name = d.unit_of(row).name;
  c.year = year;
  return c;
}

void judge_value(const Rule& rule, CheckCase& c, double v, Evaluator& e, int year, std::optional<int> prev, double prev_v,
                 Direction dir) {
  c.value = v;
  if (rule.condition == Rule::Condition::no_missing) {
    if (is_missing(v)) {
      c.status = CheckCase::Status::failed;
      c.message = fmt::format("{} is missing", rule.kpi);
    }
    return;
  }
  if (is_missing(v)) {
    c.status = CheckCase::Status::skipped;
    c.message = fmt::format("no value of {}", rule.kpi);
    return;
  }
  switch (rule.condition) {
    case Rule::Condition::bounds:
      if (rule.min && v < *rule.min) {
        c.status = CheckCase::Status::failed;
        c.limit = *rule.min;
        c.message = fmt::format("{} = {} is below the minimum {}", rule.kpi, num(v), num(*rule.min));
      } else if (rule.max && v > *rule.max) {
        c.status = CheckCase::Status::failed;
        c.limit = *rule.max;
        c.message = fmt::format("{} = {} is above the maximum {}", rule.kpi, num(v), num(*rule.max));
      }
      break;
    case Rule::Condition::change_within: {
      // The change is what the rule judges, so it is the value shown next to its limit.
      double pct = percent_change(prev_v, v);
      c.value = pct;
      c.limit = rule.percent;
      if (is_missing(pct)) {
        c.status = CheckCase::Status::skipped;
        c.message = prev ? fmt::format("no value of {} in {}", rule.kpi, *prev) : std::string("no earlier year");
      } else if (std::fabs(pct) > rule.percent) {
        c.status = CheckCase::Status::failed;
        c.message = fmt::format("{} changed {:+.1f} % since {} ({} → {}), more than ±{:g} %", rule.kpi, pct, *prev, num(prev_v),
                                num(v), rule.percent);
      }
      break;
    }
    case Rule::Condition::worse_than_national: {
      double nat = e.national(rule.kpi, year).value;
      double dev = deviation_pct(v, nat);
      c.value = dev;  // the deviation in percent, next to its limit in percent
      c.limit = rule.percent;
      if (is_missing(dev) || dir == Direction::neutral) {
        c.status = CheckCase::Status::skipped;
        c.message = dir == Direction::neutral ? "the KPI has no direction" : "no national value";
      } else if ((dir == Direction::higher_is_better ? -dev : dev) > rule.percent) {
        c.status = CheckCase::Status::failed;
        c.message = fmt::format("{} = {} is {:.1f} % {} than the national {}, more than {:g} %", rule.kpi, num(v), std::fabs(dev),
                                dir == Direction::higher_is_better ? "lower" : "higher", num(nat), rule.percent);
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace

std::vector<RuleResult> run_rules(Evaluator& e, const RuleSet& set) {
  const Dataset& d = e.data();
  std::vector<RuleResult> results;
  for (const Rule& rule : set.rules) {
    const std::string group = rule.scope == Rule::Scope::group ? group_key(d, rule) : std::string();
    RuleResult res;
    res.rule = &rule;
    if (!rule.kpi.empty() && !e.knows(rule.kpi)) {
      throw DataError(rule.where,
                      fmt::format("rule '{}' names '{}', which is neither a KPI nor a measure of the data{}", rule.id, rule.kpi,
                                  did_you_mean(rule.kpi, e.known_ids())),
                      rule.kpi);
    }
    // A rule on a KPI these data cannot give (a measure is missing) is not run, and says
    // why as one skipped case; when no rule can run at all, that is the error.
    if (!rule.kpi.empty() && !e.can_compute(rule.kpi)) {
      std::string lacks = e.lacking_measure(rule.kpi);
      CheckCase c;
      c.name = d.sources.empty() ? std::string() : d.sources.front();
      c.status = CheckCase::Status::skipped;
      c.message = lacks.empty() ? fmt::format("not run: {} cannot be computed from these data", rule.kpi)
                                : fmt::format("not run: {} needs {}, which these data do not have", rule.kpi, lacks);
      res.year = d.years().empty() ? 0 : d.years().back();
      res.not_run = c.message;
      res.cases.push_back(std::move(c));
      results.push_back(std::move(res));
      continue;
    }
    try {
      if (!rule.kpi.empty()) e.column(rule.kpi);
    } catch (const DataError& err) {
      throw DataError(rule.where, fmt::format("rule '{}': {}", rule.id, err.what()));
    }
    int year = rule.year ? *rule.year : (rule.kpi.empty() ? d.years().back() : latest_year(e, rule.kpi));
    if (!std::binary_search(e.panel().years().begin(), e.panel().years().end(), year)) {
      throw DataError(rule.where, fmt::format("rule '{}' is for {}, which the data do not have", rule.id, year));
    }
    res.year = year;
    std::optional<int> prev = e.panel().previous_year(year);

    if (rule.condition == Rule::Condition::units_of_previous_year) {
      if (prev) {
        std::set<std::uint32_t> now;
        for (std::size_t r : e.panel().rows_of(year)) now.insert(d.row_unit[r]);
        std::vector<std::string> absent;
        for (std::size_t r : rows_in_scope(e, rule, group, *prev, absent)) {
          CheckCase c = unit_case(d, r, year);
          if (!now.count(d.row_unit[r])) {
            c.status = CheckCase::Status::failed;
            c.message = fmt::format("in the data for {}, not for {}", *prev, year);
          }
          res.cases.push_back(c);
        }
      }
      results.push_back(std::move(res));
      continue;
    }

    const KpiColumn& col = e.column(rule.kpi);
    Direction dir = col.def ? col.def->direction : Direction::neutral;
    if (rule.condition == Rule::Condition::aggregate_matches_sum) {
      std::vector<std::string> groups;
      if (rule.scope == Rule::Scope::group) groups.push_back(group);
      else groups.push_back("");
      for (const std::string& g : groups) {
        const NationalValue& v = e.reference(rule.kpi, year, g);
        CheckCase c;
        c.name = g.empty() ? "national" : g;
        c.year = year;
        c.value = v.value;
        c.limit = rule.percent;
        if (!v.from_aggregate_row) {
          c.status = CheckCase::Status::skipped;
          c.message = "the data have no aggregate row to compare";
        } else if (is_missing(v.summed_value)) {
          c.status = CheckCase::Status::skipped;
          c.message = "no sum of units";
        } else if (std::fabs(v.summed_value / v.value - 1.0) * 100.0 > rule.percent) {
          c.status = CheckCase::Status::failed;
          c.message = fmt::format("the aggregate row gives {}, the sum of {} units {} ({:+.2f} %), more than {:g} % apart", num(v.value),
                                  v.units_summed, num(v.summed_value), (v.summed_value / v.value - 1.0) * 100.0, rule.percent);
        }
        res.cases.push_back(c);
      }
      results.push_back(std::move(res));
      continue;
    }

    if (rule.scope == Rule::Scope::national) {
      CheckCase c;
      c.name = "national";
      c.year = year;
      double prev_v = prev ? e.national(rule.kpi, *prev).value : kMissing;
      judge_value(rule, c, e.national(rule.kpi, year).value, e, year, prev, prev_v, dir);
      if (rule.condition == Rule::Condition::worse_than_national || rule.condition == Rule::Condition::rank_not_below) {
        throw DataError(rule.where, fmt::format("rule '{}': scope national cannot be compared with the nation or ranked", rule.id));
      }
      res.cases.push_back(c);
      results.push_back(std::move(res));
      continue;
    }

    std::vector<std::string> absent;
    std::vector<std::size_t> rows = rows_in_scope(e, rule, group, year, absent);
    Ranking ranking;
    if (rule.condition == Rule::Condition::rank_not_below) ranking = rank_column(d, unit_rows_all(e, year), col, dir);
    for (std::size_t r : rows) {
      CheckCase c = unit_case(d, r, year);
      if (rule.condition == Rule::Condition::rank_not_below) {
        c.value = col.values[r];
        c.limit = static_cast<double>(rule.rank);
        auto it = std::find_if(ranking.entries.begin(), ranking.entries.end(), [r](const RankEntry& x) { return x.row == r; });
        if (it == ranking.entries.end() || !it->rank) {
          c.status = CheckCase::Status::skipped;
          c.message = it != ranking.entries.end() && is_impossible(it->status) ? e.flag(rule.kpi, r) : fmt::format("no value of {}", rule.kpi);
        } else if (*it->rank > rule.rank) {
          c.status = CheckCase::Status::failed;
          c.message = fmt::format("ranks {} of {} on {}, below {}", *it->rank, ranking.ranked, rule.kpi, rule.rank);
        }
      } else {
        std::optional<std::size_t> pr = prev ? e.panel().row(d.row_unit[r], *prev) : std::nullopt;
        judge_value(rule, c, col.values[r], e, year, prev, pr ? col.values[*pr] : kMissing, dir);
      }
      res.cases.push_back(c);
    }
    for (const std::string& code : absent) {
      CheckCase c;
      c.code = code;
      c.year = year;
      c.status = CheckCase::Status::failed;
      c.message = fmt::format("the unit is not in the data for {}", year);
      res.cases.push_back(c);
    }
    results.push_back(std::move(res));
  }
  if (!results.empty() && std::all_of(results.begin(), results.end(), [](const RuleResult& r) { return !r.not_run.empty(); })) {
    std::vector<std::string> why;
    for (const RuleResult& r : results) why.push_back(fmt::format("rule '{}' {}", r.rule->id, r.not_run));
    throw DataError(Location{set.rules.front().where.file}, fmt::format("no rule can run on these data: {}", fmt::join(why, "; ")));
  }
  return results;
}

}  // namespace nytta
