// nytta validate FILE… [--map MAP]: a data-quality report. Data that cannot be read at all
// fail as in every command (exit 65, every error listed); what can be read is checked and
// reported with warnings (exit 0).

#include <fmt/format.h>
#include <memory>

#include "cmd/commands.hpp"
#include "nytta/metrics/quality.hpp"

namespace nytta {

namespace {


Table findings_table(const Dataset& d, const QualityReport& q) {
  Table t;
  t.id = "findings";
  t.title = "Findings";
  t.columns = {Column{"severity", "Severity", "", CellType::text, 0}, Column{"check", "Check", "", CellType::text, 0},
               Column{"code", "Code", "", CellType::text, 0},         Column{"name", "Name", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0, false}, Column{"measure", "Measure", "", CellType::text, 0},
               Column{"value", "Value", "", CellType::number, 2, true, Audience::machines},
               Column{"detail", "Detail", "", CellType::text, 0}};
  for (const Finding& f : q.findings) {
    const Unit& u = d.unit_of(f.row);
    t.rows.push_back({Cell(f.severity == Finding::Severity::warning ? "warning" : "info"), Cell(f.check), Cell(u.code),
                      Cell(u.name), Cell(static_cast<double>(d.row_year[f.row])), Cell(f.measure), Cell(f.value),
                      Cell(f.detail)});
  }
  return t;
}

Table overview_table(const Dataset& d, const Panel& p) {
  std::size_t units = 0, aggregates = 0;
  for (const Unit& u : d.units) (u.kind == RowKind::unit ? units : aggregates)++;
  Table t;
  t.id = "overview";
  t.title = "Overview";
  t.columns = {Column{"item", "Item", "", CellType::text, 0}, Column{"value", "Value", "", CellType::text, 0}};
  auto add = [&](std::string item, std::string value) { t.rows.push_back({Cell(std::move(item)), Cell(std::move(value))}); };
  add("files", fmt::format("{}", fmt::join(d.sources, ", ")));
  add("rows", std::to_string(d.row_count()));
  add("units", std::to_string(units));
  add("aggregates (national, regions)", std::to_string(aggregates));
  add("years", p.years().empty() ? "" : fmt::format("{}–{} ({} {})", p.years().front(), p.years().back(), p.years().size(), p.years().size() == 1 ? "year" : "years"));
  add("measures", fmt::format("{}", fmt::join(d.measure_names(), ", ")));
  add("currency", d.currency);
  return t;
}

Table missing_table(const QualityReport& q) {
  Table t;
  t.id = "missing";
  t.title = "Missing values per measure and year (units only)";
  t.columns = {Column{"measure", "Measure", "", CellType::text, 0}, Column{"year", "Year", "", CellType::number, 0, false},
               Column{"missing", "Missing", "", CellType::number, 0}, Column{"units", "Units", "", CellType::number, 0},
               Column{"missing_pct", "Missing", "%", CellType::number, 1}};
  for (const MissingShare& m : q.missing) {
    t.rows.push_back({Cell(m.measure), Cell(static_cast<double>(m.year)), Cell(static_cast<double>(m.missing)),
                      Cell(static_cast<double>(m.total)),
                      Cell(m.total ? 100.0 * static_cast<double>(m.missing) / static_cast<double>(m.total) : kMissing)});
  }
  return t;
}

Table aggregates_table(const QualityReport& q, double tolerance_pct) {
  Table t;
  t.id = "aggregates";
  t.title = "Aggregate rows against the sum of their units (region rows only where they differ)";
  t.columns = {Column{"measure", "Measure or KPI", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0, false},
               Column{"aggregate", "Aggregate row", "", CellType::text, 0},
               Column{"group", "Group", "", CellType::text, 0},
               Column{"official", "Aggregate row", "", CellType::number, 2},
               Column{"summed", "Sum of units", "", CellType::number, 2},
               Column{"units", "Units", "", CellType::number, 0},
               Column{"difference_pct", "Difference", "%", CellType::number, 2}};
  for (const AggregateCheck& a : q.aggregates) {
    bool differs = !is_missing(a.difference_pct) && std::fabs(a.difference_pct) > tolerance_pct;
    if (!a.group.empty() && !differs) continue;
    t.rows.push_back({Cell(a.measure), Cell(static_cast<double>(a.year)), Cell(a.aggregate), Cell(a.group), Cell(a.official),
                      Cell(a.summed), Cell(static_cast<double>(a.units)), Cell(a.difference_pct)});
  }
  return t;
}

}  // namespace

Outcome run_validate(const ValidateOptions& o, Io& io) {
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  QualityOptions qo;
  qo.jump_factor = o.jump_factor;
  QualityReport q = check_quality(e, qo);

  Report report;
  report.command = "validate";
  report.tables.push_back(findings_table(data, q));
  report.tables.push_back(overview_table(data, e.panel()));
  report.tables.push_back(aggregates_table(q, qo.aggregate_tolerance * 100.0));
  report.tables.push_back(missing_table(q));
  std::size_t warnings = 0, infos = 0;
  std::vector<std::string> cut;
  for (const auto& [check, n] : q.counts) {
    // Captured by name: clang 14 (the fuzz build) cannot capture a structured binding.
    auto first = std::find_if(q.findings.begin(), q.findings.end(), [&name = check](const Finding& f) { return f.check == name; });
    bool warning = first != q.findings.end() && first->severity == Finding::Severity::warning;
    (warning ? warnings : infos) += n;
    if (n > kMaxFindingsPerCheck) cut.push_back(fmt::format("{} ({} of {} listed)", check, kMaxFindingsPerCheck, n));
  }
  report.meta.emplace_back("warnings", Cell(static_cast<double>(warnings)));
  report.meta.emplace_back("infos", Cell(static_cast<double>(infos)));
  for (const std::string& n : data.notes) report.notes.push_back(n);
  if (!cut.empty()) report.notes.push_back(fmt::format("only the first findings of a check are listed: {}", fmt::join(cut, ", ")));
  report.notes.push_back(fmt::format("warnings: {}, other findings: {}", warnings, infos));
  emit(report, o.common, io);
  return Outcome::ok;
}

}  // namespace nytta
