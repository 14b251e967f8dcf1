// The CI outputs of nytta check against their documented shapes: GitHub Actions workflow
// commands (docs.github.com, "Workflow commands for GitHub Actions": `::error
// file={name},line={line},title={title}::{message}`, with %, CR, LF escaped as %25 %0D %0A
// in the message and also ':' ',' as %3A %2C in property values, as actions/toolkit's
// packages/core/src/command.ts does), GitLab's code-quality report (docs.gitlab.com,
// "Code Quality", report format: an array of objects with description, check_name,
// fingerprint, severity one of info/minor/major/critical/blocker, location.path and
// location.lines.begin), and the JUnit XML that Jenkins' xUnit plugin validates with
// junit-10.xsd (jenkinsci/xunit-plugin: no `skipped` attribute on <testsuites>).

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cmd/check_ci.hpp"
#include "nytta/metrics/check.hpp"
#include "nytta/model/kpi.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/load/load.hpp"
#include "nytta/load/rules_file.hpp"
#include "nytta/report/ci_annotations.hpp"
#include "nytta/report/junit_xml.hpp"

namespace nytta {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// A workflow command as the documentation defines it: ::name, optional properties
// key=value separated by ',', then :: and the message, all on one line.
const std::regex kWorkflowCommand(R"(^::(error|warning|notice)( [A-Za-z]+=[^,:\r\n]*(,[A-Za-z]+=[^,:\r\n]*)*)?::[^\r\n]*$)");

std::vector<CiFinding> sample_findings() {
  CiFinding a;
  a.check = "cost-per-loan-plausible";
  a.title = "cost-per-loan-plausible: Cost per loan between 0.5 and 20 EUR";
  a.message = "Helsinki 2013: cost_per_loan = 25 is above the maximum 20";
  a.file = "data/fi_libraries_1999_2013.csv";
  a.line = 1234;
  a.identity = "cost-per-loan-plausible\n\nHelsinki\n2013";
  CiFinding b = a;
  b.error = false;
  b.check = "visits";
  b.title = "visits";
  b.message = "Espoo 2013: 50% lower,\nsee :: here\r";
  b.file = "exports/a,b:c.csv";
  b.line = 0;
  b.identity = "visits\n\nEspoo\n2013";
  return {a, b};
}

}  // namespace

TEST_CASE("github workflow command escapes follow the documented rules", "[ci]") {
  CHECK(github_escape_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b");
  CHECK(github_escape_property("50%\r\nnext: a, b") == "50%25%0D%0Anext%3A a%2C b");
  CHECK(github_escape_data("%0A") == "%250A");  // an escape in the text stays text
}

TEST_CASE("github annotations are one workflow command per failure with file, line and title", "[ci]") {
  std::string out = github_annotations(sample_findings(), "1 passed, 1 failed, 1 warnings");
  std::vector<std::string> lines = lines_of(out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "::error file=data/fi_libraries_1999_2013.csv,line=1234,title=cost-per-loan-plausible%3A Cost per loan between 0.5 and 20 "
        "EUR::Helsinki 2013: cost_per_loan = 25 is above the maximum 20");
  // A warning without a known line names the file only; the hostile message stays on one line.
  CHECK(lines[1] == "::warning file=exports/a%2Cb%3Ac.csv,title=visits::Espoo 2013: 50%25 lower,%0Asee :: here%0D");
  CHECK(lines[2] == "::notice title=nytta check::1 passed, 1 failed, 1 warnings");
  for (const std::string& l : lines) {
    INFO(l);
    CHECK(std::regex_match(l, kWorkflowCommand));
  }
}

TEST_CASE("the gitlab code quality report has the documented fields and stable fingerprints", "[ci]") {
  std::vector<CiFinding> findings = sample_findings();
  nlohmann::json report = nlohmann::json::parse(gitlab_code_quality(findings));
  REQUIRE(report.is_array());
  REQUIRE(report.size() == 2);
  const std::set<std::string> severities{"info", "minor", "major", "critical", "blocker"};
  for (const nlohmann::json& issue : report) {
    INFO(issue.dump());
    REQUIRE(issue.at("description").is_string());
    REQUIRE(issue.at("check_name").is_string());
    REQUIRE(issue.at("fingerprint").is_string());
    CHECK(std::regex_match(issue.at("fingerprint").get<std::string>(), std::regex("^[0-9a-f]{64}$")));
    CHECK(severities.count(issue.at("severity").get<std::string>()) == 1);
    REQUIRE(issue.at("location").at("path").is_string());
    REQUIRE(issue.at("location").at("lines").at("begin").is_number_integer());
    CHECK(issue.at("location").at("lines").at("begin").get<int>() >= 1);
  }
  CHECK(report[0]["severity"] == "major");
  CHECK(report[1]["severity"] == "minor");
  CHECK(report[0]["check_name"] == "cost-per-loan-plausible");
  CHECK(report[0]["location"]["path"] == "data/fi_libraries_1999_2013.csv");
  CHECK(report[0]["location"]["lines"]["begin"] == 1234);
  CHECK(report[1]["location"]["lines"]["begin"] == 1);  // line unknown: the file's first line
  CHECK(report[1]["description"] == "Espoo 2013: 50% lower,\nsee :: here\r");
  CHECK(report[0]["fingerprint"] != report[1]["fingerprint"]);

  // The same failure in the next run, with another value, is the same finding.
  findings[0].message = "Helsinki 2013: cost_per_loan = 26 is above the maximum 20";
  findings[0].line = 1240;
  nlohmann::json again = nlohmann::json::parse(gitlab_code_quality(findings));
  CHECK(again[0]["fingerprint"] == report[0]["fingerprint"]);
  CHECK(nlohmann::json::parse(gitlab_code_quality({})) == nlohmann::json::array());
}

TEST_CASE("ci paths are relative to the working directory when under it", "[ci]") {
  CHECK(ci_path("/work/repo/data/x.csv", "/work/repo") == "data/x.csv");
  CHECK(ci_path("/work/repo/data/x.csv", "/work/repo/") == "data/x.csv");
  CHECK(ci_path("./data/x.csv", "/work/repo") == "data/x.csv");
  CHECK(ci_path("/usr/share/nytta/data/x.csv", "/work/repo") == "/usr/share/nytta/data/x.csv");
  CHECK(ci_path("../other/x.csv", "/work/repo") == "../other/x.csv");
}

TEST_CASE("the row of a unit and year is found on its line of the data file", "[ci]") {
  std::string text =
      "code,name,year,loans\n"
      "0114,Upplands Väsby,2011,1\n"
      "0114,Upplands Väsby,2012,2\r\n"
      "0999,\"Bournemouth, Christchurch and Poole\",2012,3\n"
      ",Helsinki,2012,4\n"
      ",Espoo,2012,5\n"
      ",Espoo,2012,6\n"
      ",Askola,2007,2013\n"
      ",Askola,2013,60345\n";
  std::vector<RowKey> keys{{"0114", "Upplands Väsby", 2012}, {"0999", "Bournemouth, Christchurch and Poole", 2012},
                           {"", "Helsinki", 2012},          {"", "Espoo", 2012},
                           {"0114", "", 2013},              {"", "national", 2012},
                           {"", "Askola", 2013}};
  std::vector<std::size_t> lines = find_row_lines(text, keys);
  // Espoo twice is not guessed; Askola's 2007 row has 2013 as a value, but not as its year.
  CHECK(lines == std::vector<std::size_t>{3, 4, 5, 0, 0, 0, 9});

  SECTION("a Swedish header after a title line, with semicolons and decimal commas") {
    std::string se = "Bibliotek 2012\n\nKommunkod;Kommun;Utlån per inv;År\n0180;Stockholm;7,5;2012\n1280;Malmö;2012;2011\n";
    CHECK(find_row_lines(se, {{"0180", "Stockholm", 2012}, {"1280", "Malmö", 2012}}) == std::vector<std::size_t>{4, 0});
  }
  SECTION("without a header nytta knows, the unit and the year anywhere on the line") {
    CHECK(find_row_lines("a|b\nMalmö|2012\n", {{"", "Malmö", 2012}}) == std::vector<std::size_t>{2});
  }
}

TEST_CASE("check findings point at the failing rows of the data file", "[ci]") {
  const std::string source = NYTTA_SOURCE_DIR;
  Dataset data = load_files({source + "/tests/fixtures/small.csv"}, LoadOptions{});
  RuleSet rules = parse_rules(
      "[[rule]]\n"
      "id = \"small-population\"\n"
      "description = \"No more than 45 000 inhabitants\"\n"
      "kpi = \"population\"\n"
      "year = 2012\n"
      "max = 45000\n",
      "rules.toml");
  Evaluator e(data, builtin_catalogue());
  std::vector<RuleResult> results = run_rules(e, rules);
  std::vector<CiFinding> findings = check_findings(results, data, "rules.toml", source);
  REQUIRE(findings.size() == 2);
  std::map<std::string, std::size_t> line_of;
  for (const CiFinding& f : findings) {
    CHECK(f.file == "tests/fixtures/small.csv");
    CHECK(f.error);
    CHECK(f.check == "small-population");
    CHECK(f.title == "small-population: No more than 45 000 inhabitants");
    line_of[f.message.substr(0, 4)] = f.line;
  }
  // tests/fixtures/small.csv: Malmö 2012 is line 5, Bournemouth, Christchurch and Poole 2012 line 9.
  CHECK(line_of["1280"] == 5);
  CHECK(line_of["0999"] == 9);
  CHECK(findings[0].message.find("2012") != std::string::npos);
}

TEST_CASE("junit xml carries no skipped attribute on testsuites, as junit-10.xsd requires", "[ci]") {
  Rule rule;
  rule.id = "r";
  rule.kpi = "loans";
  RuleResult result;
  result.rule = &rule;
  result.year = 2012;
  CheckCase skipped;
  skipped.name = "Espoo";
  skipped.year = 2012;
  skipped.status = CheckCase::Status::skipped;
  skipped.message = "no value";
  result.cases = {skipped};
  std::string xml = junit_xml({result}, "rules.toml");
  std::vector<std::string> lines = lines_of(xml);
  REQUIRE(lines.size() > 2);
  CHECK(lines[1].rfind("<testsuites ", 0) == 0);
  CHECK(lines[1].find("skipped=") == std::string::npos);
  // The count stays where the schema allows it: on the <testsuite>.
  CHECK(lines[2].find("skipped=\"1\"") != std::string::npos);
}

}  // namespace nytta
