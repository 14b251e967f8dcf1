// nytta check --rules RULES.toml [FILE…] [--junit FILE]: threshold and regression rules for
// CI. One line per failing rule and unit with the values that broke it, then a summary.
// The outcome is a failed check (exit 1) when an error-severity rule fails.

#include <fmt/format.h>
#include <filesystem>
#include <memory>

#include "cmd/check_ci.hpp"
#include "cmd/commands.hpp"
#include "nytta/load/rules_file.hpp"
#include "nytta/metrics/check.hpp"
#include "nytta/report/junit_xml.hpp"
#include "nytta/report/labels.hpp"
#include "nytta/util/atomic_file.hpp"
#include "nytta/util/terminal_text.hpp"

namespace nytta {

Outcome run_check(const CheckOptions& o, Io& io) {
  RuleSet rules = read_rules(o.rules);
  Dataset data = load_input(o.common, io);
  Catalogue catalogue = load_catalogue(o.common);
  Evaluator e(data, catalogue);
  const std::string lang = text_lang(o.common, io);
  std::vector<RuleResult> results = run_rules(e, rules);

  Table t;
  t.id = "failures";
  t.title = fmt::format("nytta check {}", o.rules);
  t.columns = {Column{"rule", "Rule", "", CellType::text, 0},
               Column{"severity", "Severity", "", CellType::text, 0},
               Column{"code", tr(lang, "code"), "", CellType::text, 0},
               Column{"name", tr(lang, "name"), "", CellType::text, 0},
               Column{"year", tr(lang, "year"), "", CellType::number, 0, false},
               Column{"kpi", tr(lang, "key_figure"), "", CellType::text, 0},
               Column{"value", tr(lang, "value"), "", CellType::number, 3},
               Column{"limit", "Limit", "", CellType::number, 3},
               Column{"detail", tr(lang, "detail"), "", CellType::text, 0}};
  Table summary;
  summary.id = "rules";
  summary.title = "Rules";
  summary.columns = {Column{"rule", "Rule", "", CellType::text, 0},         Column{"severity", "Severity", "", CellType::text, 0},
                     Column{"kpi", tr(lang, "key_figure"), "", CellType::text, 0}, Column{"year", tr(lang, "year"), "", CellType::number, 0, false},
                     Column{"passed", "Passed", "", CellType::number, 0},    Column{"failed", "Failed", "", CellType::number, 0},
                     Column{"skipped", "Skipped", "", CellType::number, 0}};
  std::size_t passed = 0, failed = 0, warnings = 0, skipped = 0;
  for (const RuleResult& r : results) {
    bool warning = r.rule->severity == Rule::Severity::warning;
    const char* sev = warning ? "warning" : "error";
    for (const CheckCase& c : r.cases) {
      if (c.status == CheckCase::Status::passed) ++passed;
      if (c.status == CheckCase::Status::skipped) ++skipped;
      if (c.status != CheckCase::Status::failed) continue;
      (warning ? warnings : failed)++;
      t.rows.push_back({Cell(r.rule->id), Cell::number(kMissing, 0), Cell(c.code), Cell(c.name), Cell(static_cast<double>(c.year)),
                        Cell(r.rule->kpi), Cell(c.value), Cell(c.limit), Cell(c.message)});
      t.rows.back()[1] = Cell(sev);
      t.rows.back()[1].tone = warning ? Tone::middle : Tone::bad;
    }
    summary.rows.push_back({Cell(r.rule->id), Cell(sev), Cell(r.rule->kpi), Cell(static_cast<double>(r.year)),
                            Cell(static_cast<double>(r.count(CheckCase::Status::passed))),
                            Cell(static_cast<double>(r.count(CheckCase::Status::failed))),
                            Cell(static_cast<double>(r.count(CheckCase::Status::skipped)))});
  }

  Report report;
  report.command = "check";
  report.tables.push_back(std::move(t));
  report.tables.push_back(std::move(summary));
  report.meta.emplace_back("rules", Cell(o.rules));
  report.meta.emplace_back("passed", Cell(static_cast<double>(passed)));
  report.meta.emplace_back("failed", Cell(static_cast<double>(failed)));
  report.meta.emplace_back("warnings", Cell(static_cast<double>(warnings)));
  report.meta.emplace_back("skipped", Cell(static_cast<double>(skipped)));
  add_provenance(report, e, lang);
  std::string line = fmt::format("{} passed, {} failed, {} warnings", passed, failed, warnings);
  if (skipped) line += fmt::format(", {} skipped (no value)", skipped);
  report.notes.push_back(line);
  for (const RuleResult& r : results) {
    if (!r.not_run.empty()) report.notes.push_back(fmt::format("rule '{}' {}", r.rule->id, r.not_run));
  }
  // The JUnit XML, the code-quality report and the table file appear together, or none does.
  OutputFiles files;
  if (!o.junit.empty()) {
    std::string xml = junit_xml(results, o.rules);
    files.add(o.junit, [&](std::ostream& out) { out << xml; });
  }
  std::vector<CiFinding> findings;
  if (!o.annotations.empty() || !o.gitlab_report.empty()) {
    std::error_code ec;
    findings = check_findings(results, data, o.rules, std::filesystem::current_path(ec).string());
  }
  if (!o.gitlab_report.empty()) {
    std::string json = gitlab_code_quality(findings);
    files.add(o.gitlab_report, [&](std::ostream& out) { out << json; });
  }
  if (o.annotations.empty()) {
    emit(report, o.common, io, &files);
  } else if (writes_to_stdout(o.common)) {
    // The annotations take stdout, the summary line among them as a ::notice; the other
    // notes go to stderr as with CSV.
    for (const std::string& n : report.notes) {
      if (n != line) io.err << "nytta: note: " << terminal_safe(n) << '\n';
    }
    write_stdout(github_annotations(findings, line), io);
  } else {
    // The table goes to -o FILE as it would without annotations.
    emit(report, o.common, io, &files);
    write_stdout(github_annotations(findings, line), io);
  }
  files.commit();
  return failed > 0 ? Outcome::check_failed : Outcome::ok;
}

}  // namespace nytta
