#include "nytta/metrics/quality.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

#include "nytta/util/error.hpp"

namespace nytta {

namespace {

// A number for a sentence: whole numbers in full, others with six significant digits.
std::string sentence_number(double v) {
  if (std::fabs(v) >= 1e4 && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
  return fmt::format("{:.6g}", v);
}

Finding finding(Finding::Severity s, std::string check, std::size_t row, std::string measure, double value,
                std::string detail) {
  Finding f;
  f.severity = s;
  f.check = std::move(check);
  f.row = row;
  f.has_row = true;
  f.measure = std::move(measure);
  f.value = value;
  f.detail = std::move(detail);
  return f;
}

// Keeps the first findings of each check; the rest are counted. A file of millions of rows
// can have millions of jumps, and a report of them all helps nobody.
void add_finding(QualityReport& q, Finding f) {
  std::size_t& n = q.counts[f.check];
  if (++n > kMaxFindingsPerCheck) return;
  q.findings.push_back(std::move(f));
}

// The KPIs of the catalogue that these data can give.
std::vector<std::string> available_kpis(Evaluator& e) {
  std::vector<std::string> ids;
  for (const KpiDef& k : e.catalogue().kpis) {
    try {
      e.column(k.id);
      ids.push_back(k.id);
    } catch (const DataError&) {
    }
  }
  return ids;
}

// Values that cannot be true: negative counts in the raw data, and every KPI value the
// evaluator finds impossible or flagged (the same judgement the rankings use). Each is
// reported once, at the KPI it starts from.
void check_values(Evaluator& e, const std::vector<std::string>& kpis, QualityReport& q) {
  const Dataset& d = e.data();
  for (const Measure& m : d.measures) {
    for (std::size_t r = 0; r < d.row_count(); ++r) {
      if (m.values[r] < 0.0) {
        add_finding(q, finding(Finding::Severity::warning, "negative_value", r, m.name, m.values[r],
                                     fmt::format("{} is negative", m.name)));
      }
    }
  }
  std::set<std::pair<std::size_t, std::string>> zero_seen;  // one finding per zero denominator, not per KPI
  for (const std::string& id : kpis) {
    const KpiColumn& col = e.column(id);
    if (col.status.empty()) continue;
    for (std::size_t r = 0; r < d.row_count(); ++r) {
      ValueStatus s = col.status[r];
      if (s == ValueStatus::ok || s == ValueStatus::doubtful || d.unit_of(r).kind != RowKind::unit) continue;
      std::string why = e.flag(id, r);
      if (why.rfind(id + " ", 0) != 0) continue;  // caused by another KPI, reported there
      if (std::size_t colon = why.find(": "); s == ValueStatus::undefined && colon != std::string::npos) {
        if (!zero_seen.emplace(r, why.substr(colon)).second) continue;
      }
      bool impossible = is_impossible(s);
      add_finding(q, finding(impossible ? Finding::Severity::warning : Finding::Severity::info,
                                   impossible ? "impossible_value" : "flagged_value", r, id, col.values[r], why));
    }
  }
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    const Unit& u = d.unit_of(r);
    if (u.kind == RowKind::unit || u.kind_stated) continue;
    add_finding(q, finding(Finding::Severity::warning, "total_row", r, "", kMissing,
                                 u.kind == RowKind::national ? "a total found among the units: not ranked, used as the national value"
                                                             : "a total found among the units: not ranked, not used as a reference"));
  }
}

void check_jumps(Evaluator& e, const std::vector<std::string>& ids, double factor, QualityReport& q) {
  const Dataset& d = e.data();
  for (const std::string& id : ids) {
    const KpiColumn& col = e.column(id);
    for (std::size_t r = 0; r < d.row_count(); ++r) {
      if (d.unit_of(r).kind != RowKind::unit) continue;
      std::optional<int> prev = e.panel().previous_year(d.row_year[r]);
      if (!prev) continue;
      std::optional<std::size_t> pr = e.panel().row(d.row_unit[r], *prev);
      if (!pr) continue;
      double a = col.values[*pr], b = col.values[r];
      if (is_missing(a) || is_missing(b) || a <= 0.0 || b <= 0.0) continue;
      double ratio = b / a;
      if (ratio > factor || ratio < 1.0 / factor) {
        if (std::size_t& n = q.counts["jump"]; n >= kMaxFindingsPerCheck) {
          ++n;  // counted, not written out
          continue;
        }
        add_finding(q, finding(Finding::Severity::warning, "jump", r, id, b,
                                     fmt::format("{} changes by a factor {:.2f} from {} ({})", id, ratio, *prev, sentence_number(a))));
      }
    }
  }
}

void check_presence(const Dataset& d, const Panel& panel, QualityReport& q) {
  const std::vector<int>& years = panel.years();
  for (std::size_t i = 0; i + 1 < years.size(); ++i) {
    std::set<std::uint32_t> now, next;
    for (std::size_t r : panel.rows_of(years[i])) {
      if (d.unit_of(r).kind == RowKind::unit) now.insert(d.row_unit[r]);
    }
    for (std::size_t r : panel.rows_of(years[i + 1])) {
      if (d.unit_of(r).kind == RowKind::unit) next.insert(d.row_unit[r]);
    }
    for (std::size_t r : panel.rows_of(years[i])) {
      if (d.unit_of(r).kind == RowKind::unit && !next.count(d.row_unit[r]))
        add_finding(q, finding(Finding::Severity::info, "unit_gone", r, "", kMissing,
                                     fmt::format("in the data for {}, not for {}", years[i], years[i + 1])));
    }
    for (std::size_t r : panel.rows_of(years[i + 1])) {
      if (d.unit_of(r).kind == RowKind::unit && !now.count(d.row_unit[r]))
        add_finding(q, finding(Finding::Severity::info, "unit_new", r, "", kMissing,
                                     fmt::format("in the data for {}, not for {}", years[i + 1], years[i])));
    }
  }
}

void check_missing(const Dataset& d, const Panel& panel, QualityReport& q) {
  for (const Measure& m : d.measures) {
    for (int y : panel.years()) {
      MissingShare s{m.name, y, 0, 0};
      for (std::size_t r : panel.rows_of(y)) {
        if (d.unit_of(r).kind != RowKind::unit) continue;
        ++s.total;
        s.missing += is_missing(m.values[r]);
      }
      q.missing.push_back(s);
    }
  }
}

// One finding per aggregate row and measure: in how many years it disagrees with the
// sum of its units, and the year of the largest difference.
void summarise_mismatches(const Dataset& d, const Panel& panel, const std::vector<AggregateCheck>& checks,
                          double tolerance, QualityReport& q) {
  struct Worst {
    std::size_t years = 0, differing = 0;
    const AggregateCheck* worst = nullptr;
  };
  std::map<std::pair<std::string, std::string>, Worst> by;
  std::vector<std::pair<std::string, std::string>> order;
  for (const AggregateCheck& c : checks) {
    auto key = std::make_pair(c.aggregate + "\x1f" + c.group, c.measure);
    auto [it, inserted] = by.try_emplace(key);
    if (inserted) order.push_back(key);
    Worst& w = it->second;
    ++w.years;
    if (is_missing(c.difference_pct) || std::fabs(c.difference_pct) <= tolerance * 100.0) continue;
    ++w.differing;
    if (!w.worst || std::fabs(c.difference_pct) > std::fabs(w.worst->difference_pct)) w.worst = &c;
  }
  for (const auto& key : order) {
    const Worst& w = by[key];
    if (!w.worst) continue;
    const AggregateCheck& c = *w.worst;
    std::optional<std::size_t> row;
    for (std::size_t r : panel.rows_of(c.year)) {
      const Unit& u = d.unit_of(r);
      if (u.kind != RowKind::unit && u.name == c.aggregate && u.group == c.group) row = r;
    }
    if (!row) continue;
    add_finding(q, finding(
        Finding::Severity::warning, "aggregate_mismatch", *row, c.measure, c.official,
        fmt::format("the sum of the {}units differs from the {} row by more than {:g} % in {} of {} years; most in {}: "
                    "{} against {} ({:+.2f} %)",
                    c.group.empty() ? "" : "group's ", c.group.empty() ? "national" : "region", tolerance * 100.0,
                    w.differing, w.years, c.year, sentence_number(c.summed), sentence_number(c.official), c.difference_pct)));
  }
}

void check_aggregates(Evaluator& e, const std::vector<std::string>& kpis, double tolerance, QualityReport& q) {
  const Dataset& d = e.data();
  const Panel& panel = e.panel();
  std::vector<std::string> ids = d.measure_names();
  ids.insert(ids.end(), kpis.begin(), kpis.end());
  for (int y : panel.years()) {
    if (std::optional<std::size_t> nat = panel.national_row(y)) {
      for (const std::string& id : ids) {
        const NationalValue& v = e.national(id, y);
        if (!v.from_aggregate_row) continue;
        double diff = (!is_missing(v.summed_value) && v.value != 0.0) ? (v.summed_value / v.value - 1.0) * 100.0 : kMissing;
        q.aggregates.push_back(AggregateCheck{id, y, d.unit_of(*nat).name, "", v.value, v.summed_value, v.units_summed, diff});
      }
    }
    // Region rows: their measures against the sum of the units of their group.
    for (std::size_t r : panel.rows_of(y)) {
      const Unit& region = d.unit_of(r);
      if (region.kind != RowKind::region || region.group.empty()) continue;
      for (const Measure& m : d.measures) {
        double official = m.values[r];
        if (is_missing(official)) continue;
        double sum = 0.0;
        std::size_t n = 0;
        for (std::size_t u : panel.rows_of(y)) {
          if (d.unit_of(u).kind == RowKind::unit && d.unit_of(u).group == region.group && !is_missing(m.values[u])) {
            sum += m.values[u];
            ++n;
          }
        }
        if (n == 0) continue;
        double diff = official != 0.0 ? (sum / official - 1.0) * 100.0 : kMissing;
        q.aggregates.push_back(AggregateCheck{m.name, y, region.name, region.group, official, sum, n, diff});
      }
    }
  }
  summarise_mismatches(d, panel, q.aggregates, tolerance, q);
}

}  // namespace

QualityReport check_quality(Evaluator& e, const QualityOptions& options) {
  QualityReport q;
  const Dataset& d = e.data();
  std::vector<std::string> kpis = available_kpis(e);
  check_values(e, kpis, q);
  // Products such as benefit_per_krona move by large factors by construction; ratios
  // and measures should not.
  std::vector<std::string> jump_ids = d.measure_names();
  for (const std::string& id : kpis) {
    const KpiDef* k = e.catalogue().find(id);
    if (k && k->unit != "raw" && k->unit != "index") jump_ids.push_back(id);
  }
  check_jumps(e, jump_ids, options.jump_factor, q);
  check_presence(d, e.panel(), q);
  check_aggregates(e, kpis, options.aggregate_tolerance, q);
  check_missing(d, e.panel(), q);
  return q;
}

}  // namespace nytta
