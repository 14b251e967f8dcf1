#include "nytta/report/markup.hpp"
#include "nytta/report/junit_xml.hpp"

#include <fmt/format.h>

namespace nytta {

std::string junit_xml(const std::vector<RuleResult>& results, const std::string& rules_path) {
  std::size_t tests = 0, failures = 0;
  for (const RuleResult& r : results) {
    tests += r.cases.size();
    if (r.rule->severity == Rule::Severity::error) failures += r.count(CheckCase::Status::failed);
  }
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  // No `skipped` on <testsuites>: Jenkins' xUnit plugin validates against junit-10.xsd,
  // which allows only name, time, tests, failures and errors there (skipped is counted
  // per <testsuite>).
  x += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"0\">\n",
                   markup_escape("nytta check " + rules_path), tests, failures);
  for (const RuleResult& r : results) {
    const Rule& rule = *r.rule;
    bool warning = rule.severity == Rule::Severity::warning;
    std::size_t suite_failures = warning ? 0 : r.count(CheckCase::Status::failed);
    x += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
                     markup_escape(rule.id), r.cases.size(), suite_failures, r.count(CheckCase::Status::skipped));
    x += "    <properties>\n";
    x += fmt::format("      <property name=\"kpi\" value=\"{}\"/>\n", markup_escape(rule.kpi));
    x += fmt::format("      <property name=\"year\" value=\"{}\"/>\n", r.year);
    x += fmt::format("      <property name=\"severity\" value=\"{}\"/>\n", warning ? "warning" : "error");
    if (!rule.description.empty()) x += fmt::format("      <property name=\"description\" value=\"{}\"/>\n", markup_escape(rule.description));
    x += "    </properties>\n";
    for (const CheckCase& c : r.cases) {
      std::string name = c.code.empty() ? c.name : c.name.empty() ? c.code : c.code + " " + c.name;
      x += fmt::format("    <testcase name=\"{}\" classname=\"nytta.{}\" time=\"0\"", markup_escape(fmt::format("{} {}", name, c.year)),
                       markup_escape(rule.id));
      if (c.status == CheckCase::Status::passed) {
        x += "/>\n";
        continue;
      }
      x += ">\n";
      if (c.status == CheckCase::Status::skipped) {
        x += fmt::format("      <skipped message=\"{}\"/>\n", markup_escape(c.message));
      } else if (warning) {
        x += fmt::format("      <system-err>warning: {}</system-err>\n", markup_escape(c.message));
      } else {
        x += fmt::format("      <failure type=\"error\" message=\"{}\">{}</failure>\n", markup_escape(c.message), markup_escape(c.message));
      }
      x += "    </testcase>\n";
    }
    x += "  </testsuite>\n";
  }
  x += "</testsuites>\n";
  return x;
}

}  // namespace nytta
