// Every command run in process, as main() runs it but with string streams: the outcome,
// a cell of its table and its notes. The golden tests run the binary; these run the same
// functions under the test's sanitizers and debugger, one command at a time.

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "cmd/commands.hpp"
#include "test_support.hpp"

using namespace nytta;

namespace {

const std::string kSmall = std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/small.csv";

struct Ran {
  Outcome outcome;
  std::string out, err;
};

CommonOptions on_small(std::string format = "csv") {
  CommonOptions c;
  c.files = {kSmall};
  c.format = std::move(format);
  c.has_input = true;
  return c;
}

template <class Options>
Ran run(Outcome (*command)(const Options&, Io&), const Options& o) {
  std::ostringstream out, err;
  Io io{out, err, false, Env{}, false, {}};
  io.env.data_dir = std::string(NYTTA_SOURCE_DIR) + "/data";
  Outcome outcome = command(o, io);
  return Ran{outcome, out.str(), err.str()};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("rank in process ranks Åre first by loans per inhabitant and leaves out the unit without loans", "[cmd]") {
  RankOptions o;
  o.common = on_small();
  o.kpi = "loans_per_inhabitant";
  Ran r = run(run_rank, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(has(r.out, "\n1,2321,Åre,2012,7.766990291262136,"));      // 80,000 / 10,300
  CHECK(has(r.out, "\n3,0114,Upplands Väsby,2012,4.634146341463414,"));  // 190,000 / 41,000
  CHECK(has(r.out, "\n,0999,\"Bournemouth, Christchurch and Poole\",2012,,"));
}

TEST_CASE("report in process ranks by the headline and says which year", "[cmd]") {
  ReportOptions o;
  o.common = on_small();
  Ran r = run(run_report, o);
  CHECK(r.outcome == Outcome::ok);
  CHECK(has(r.out, "benefit_index"));
  CHECK(has(r.out, ",2321,Åre,2012,"));
}

TEST_CASE("trend in process gives a unit's cost per loan year by year", "[cmd]") {
  TrendOptions o;
  o.common = on_small();
  o.kpi = "cost_per_loan";
  o.units = {"Malmö"};
  Ran r = run(run_trend, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  // 90,000,000 / 2,400,000 in 2011, 96,000,000 / 2,300,000 in 2012
  CHECK(has(r.out, "\n1280,Malmö,cost_per_loan,2011,2012,37.5,41.73913043478261,4.239130434782609,"));
}

TEST_CASE("kpis in process lists the built-in catalogue", "[cmd]") {
  KpisOptions o;
  o.common.format = "csv";
  Ran r = run(run_kpis, o);
  CHECK(r.outcome == Outcome::ok);
  CHECK(has(r.out, "\ncost_per_loan,Cost per loan,currency,lower_is_better,productivity,2,cost / loans,"));
}

TEST_CASE("convert in process writes the canonical CSV with every row", "[cmd]") {
  ConvertOptions o;
  o.common.has_input = true;
  o.common.map_file = std::string(NYTTA_SOURCE_DIR) + "/data/mappings/fi_kirjastot.toml";
  for (const auto& entry : std::filesystem::directory_iterator(std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/fi_kirjastot"))
    o.common.files.push_back(entry.path().string());
  std::sort(o.common.files.begin(), o.common.files.end());
  Ran r = run(run_convert, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(r.out.rfind("name,group,kind,year,population,loans,", 0) == 0);
  CHECK(has(r.out, "\nImatra,Etelä-Karjala,unit,1999,31316,519840,"));  // as data/fi_libraries_1999_2013.csv
}

TEST_CASE("validate in process finds more active borrowers than inhabitants", "[cmd]") {
  test::Scratch dir("validate");
  ValidateOptions o;
  o.common = on_small();
  o.common.files = {dir.write("in.csv",
                              "code,name,year,population,loans,active_borrowers\n"
                              "0114,A,2012,1000,5000,400\n"
                              "0115,B,2012,1000,5000,1500\n")};
  Ran r = run(run_validate, o);
  INFO(r.out << r.err);
  CHECK(has(r.out, ",0115,B,2012,"));
  CHECK_FALSE(has(r.out, ",0114,A,"));
}

TEST_CASE("explain in process shows the formula with the unit's numbers", "[cmd]") {
  ExplainOptions o;
  o.common = on_small();
  o.unit = "1280";
  o.kpi = "cost_per_loan";
  Ran r = run(run_explain, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(has(r.out, "formula,cost_per_loan,0,41.73913043478261,"));
}

TEST_CASE("similar in process finds the other units by population", "[cmd]") {
  SimilarOptions o;
  o.common = on_small();
  o.unit = "1280";
  Ran r = run(run_similar, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(has(r.out, "0114"));
  CHECK_FALSE(has(r.out, "\n1,1280,"));  // never similar to itself
}

TEST_CASE("compare in process sets a unit against the national value", "[cmd]") {
  CompareOptions o;
  o.common = on_small();
  o.unit = "Malmö";
  Ran r = run(run_compare, o);
  CHECK(r.outcome == Outcome::ok);
  CHECK(has(r.out, "cost_per_loan"));
  CHECK(has(r.out, "41.73913043478261"));
}

TEST_CASE("quadrant in process places every unit with both values", "[cmd]") {
  QuadrantOptions o;
  o.common = on_small();
  o.result = "visits_per_inhabitant";
  o.input = "cost_per_inhabitant";
  Ran r = run(run_quadrant, o);
  CHECK(r.outcome == Outcome::ok);
  CHECK(has(r.out, "2321"));
  CHECK(has(r.out, "0114"));
}

TEST_CASE("goal in process projects the path to a target", "[cmd]") {
  GoalOptions o;
  o.common = on_small();
  o.kpi = "cost_per_loan";
  o.target = 30;
  o.by = 2015;
  Ran r = run(run_goal, o);
  CHECK(r.outcome == Outcome::ok);
  CHECK(has(r.out, "1280"));
}

TEST_CASE("target in process gives option B: the same benefit at 10 percent lower cost", "[cmd]") {
  TargetOptions o;
  o.common = on_small();
  o.unit = "1280";
  o.option = "B";
  Ran r = run(run_target, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(has(r.out, "86400000"));  // 96,000,000 × 0.9
}

TEST_CASE("check in process fails when a rule fails", "[cmd]") {
  CheckOptions o;
  o.common = on_small();
  o.rules = std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/rules_failing.toml";
  Ran r = run(run_check, o);
  CHECK(r.outcome == Outcome::check_failed);
  INFO(r.out);
  CHECK(has(r.out, "\ncheap,error,1280,Malmö,2012,cost_per_loan,41.73913043478261,3,"));
  CHECK(has(r.err, "3 failed"));
}

TEST_CASE("batch in process writes one report per unit and an index", "[cmd]") {
  test::Scratch dir("commands");
  BatchOptions o;
  o.common = on_small("");
  o.out = dir.path("out");
  o.format = "csv";
  o.quiet = true;
  Ran r = run(run_batch, o);
  CHECK(r.outcome == Outcome::ok);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(o.out)) files += entry.path().extension() == ".csv";
  CHECK(files == 5);  // four units and the index
  CHECK(std::filesystem::exists(o.out + "/index.csv"));
}

TEST_CASE("frontier in process gives coelli's firm 1 an efficiency of 0.5 with firm 2 as its peer", "[cmd]") {
  // Coelli, Rao & Battese (1998), the five-firm example (DEAP eg1): firm 1 θ = 0.5, λ₂ = 0.5.
  FrontierOptions o;
  o.common = on_small();
  o.common.files = {std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/dea/coelli.csv"};
  o.flags.inputs = {"x1", "x2"};
  o.flags.outputs = {"y"};
  Ran r = run(run_frontier, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(has(r.out, "\n1,Firm 1,1998,0.5,no,2 0.5,2,1,5,2,1,1,,unit,,"));
  CHECK(has(r.err, "2 of 5 units are fully efficient"));
}

TEST_CASE("malmquist in process gives unit one an index of 4 between 2002 and 2003", "[cmd]") {
  // DataEnvelopmentAnalysis.jl's panel (tests/fixtures/dea/malmquist_panel.csv): y/x of unit
  // One goes from 1 to 4 while the frontier doubles, so M = 4 = EC 2 × TC 2.
  MalmquistOptions o;
  o.common = on_small();
  o.common.files = {std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/dea/malmquist_panel.csv"};
  o.flags.inputs = {"x"};
  o.flags.outputs = {"y"};
  Ran r = run(run_malmquist, o);
  CHECK(r.outcome == Outcome::ok);
  INFO(r.out);
  CHECK(has(r.out, "\n1,One,2002,2003,4,2,2,0.5,1,unit,"));
  CHECK(has(r.err, "1 units are in 2002 but not in 2003, so no index: Six"));
}
