#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cmd/commands.hpp"
#include "run_cli.hpp"
#include "cmd/frontier_text.hpp"
#include "nytta/metrics/dea.hpp"
#include "nytta/metrics/frontier.hpp"
#include "test_support.hpp"

// The frontier commands run in process on the fixtures of tests/fixtures/dea/, their CSV and
// JSON read back. Published numbers are cited where they are used; the rest are worked out
// by hand in the comments (tests/fixtures/dea/libraries.csv is made so that they are round).

using namespace nytta;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

using Run = nytta::test::CliRun;

// Runs `nytta ARGS…` in process, with the bundled data of the source tree.
Run run(const std::vector<std::string>& args) {
  Env env;
  env.data_dir = std::string(NYTTA_SOURCE_DIR) + "/data";
  return nytta::test::run_cli(args, env);
}

std::string fixture(const std::string& name) { return std::string(NYTTA_SOURCE_DIR) + "/tests/fixtures/" + name; }

// CSV with RFC 4180 quotes, as a list of rows keyed by header.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    REQUIRE(rows[r].size() == rows[0].size());
    std::map<std::string, std::string> m;
    for (std::size_t c = 0; c < rows[0].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(std::move(m));
  }
  return out;
}

// The unit rows by code.
std::map<std::string, std::map<std::string, std::string>> units_by_code(const std::string& csv) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (auto& row : read_csv(csv))
    if (row.at("kind") == "unit") out[row.at("code")] = row;
  return out;
}

double num(const std::string& text) {
  REQUIRE_FALSE(text.empty());
  return std::stod(text);
}

const std::map<std::string, std::string>& summary_row(const std::vector<std::map<std::string, std::string>>& rows,
                                                      const std::string& name) {
  for (const auto& r : rows)
    if (r.at("kind") == "summary" && r.at("name") == name) return r;
  FAIL("no summary row " << name);
  return rows.front();
}

}  // namespace

TEST_CASE("frontier on the coelli fixture gives the published crs scores, slack, peers and targets", "[frontier]") {
  // Coelli, Rao & Battese (1998), the five-firm example, as DEAP 2.1 prints it (Coelli 1996,
  // CEPA WP 96/08, eg1-out.txt): CRS input scores 0.500 1.000 0.833 0.714 1.000; firm 1's
  // slack of 0.5 in x2; peers 1: 2 (0.5); 3: 5, 2 (0.5, 1.0); 4: 5, 2 (0.286, 0.214); input
  // targets of firm 4 2.143, 1.429; peer counts 3 (firm 2) and 2 (firm 5).
  Run r = run({"frontier", "--inputs", "x1,x2", "--outputs", "y", fixture("dea/coelli.csv"), "-f", "csv"});
  auto u = units_by_code(r.out);
  REQUIRE(u.size() == 5);
  const std::map<std::string, double> published = {{"1", 0.5}, {"2", 1.0}, {"3", 0.833333}, {"4", 0.714286}, {"5", 1.0}};
  for (const auto& [code, score] : published) {
    INFO("firm " << code);
    CHECK_THAT(num(u[code]["efficiency"]), WithinAbs(score, 1e-6));
  }
  CHECK(u["1"]["peers"] == "2 0.5");
  CHECK(u["3"]["peers"] == "2 1; 5 0.5");
  CHECK(u["4"]["peers"] == "5 0.285714; 2 0.214286");
  CHECK(u["2"]["peers"] == "2 1");  // an efficient unit is its own peer, as in DEAP
  CHECK_THAT(num(u["4"]["target_x1"]), WithinAbs(15.0 / 7.0, 1e-9));
  CHECK_THAT(num(u["4"]["target_x2"]), WithinAbs(10.0 / 7.0, 1e-9));
  CHECK_THAT(num(u["1"]["target_x2"]), WithinAbs(2.0, 1e-9));  // 0.5 × 5 − the slack 0.5
  CHECK(u["2"]["efficient"] == "fully");
  CHECK(u["1"]["efficient"] == "no");
  // Sorted by score, best first; ties by code.
  std::vector<std::string> order;
  for (const auto& row : read_csv(r.out))
    if (row.at("kind") == "unit") order.push_back(row.at("code"));
  CHECK(order == std::vector<std::string>{"2", "5", "3", "4", "1"});
  // No money among x1, x2: no potential, and the notes say why.
  CHECK(u["1"]["potential"].empty());
  CHECK_THAT(r.err, Contains("no input is money"));
  CHECK_THAT(r.err, Contains("2 of 5 units are fully efficient"));
  CHECK_THAT(r.err, !Contains("no KPI uses"));  // x1, x2 and y are used, by the frontier

  // The peer counts in JSON.
  Run j = run({"frontier", "--inputs", "x1,x2", "--outputs", "y", fixture("dea/coelli.csv"), "-f", "json"});
  nlohmann::json doc = nlohmann::json::parse(j.out);
  const nlohmann::json& counts = doc["sections"]["peer_count"];
  REQUIRE(counts.size() == 2);
  CHECK(counts[0]["code"] == "2");
  CHECK(counts[0]["times_peer"] == 3);
  CHECK(counts[1]["code"] == "5");
  CHECK(counts[1]["times_peer"] == 2);
}

TEST_CASE("frontier's output orientation reports 1/phi as efficiency and phi beside it", "[frontier]") {
  // Coelli's firms under CRS: φ = 1/θ, firm 4 φ = 1.4 (DEAP eg1); under VRS the output
  // scores are 0.5 1 1 1 1 (pyDEA tests/test_VRS_env_output_oriented_model.py).
  Run crs = run({"frontier", "--inputs", "x1,x2", "--outputs", "y", "--orientation", "output", fixture("dea/coelli.csv"), "-f", "csv"});
  auto u = units_by_code(crs.out);
  CHECK_THAT(num(u["4"]["phi"]), WithinAbs(1.4, 1e-9));
  CHECK_THAT(num(u["4"]["efficiency"]), WithinAbs(1.0 / 1.4, 1e-9));
  CHECK_THAT(num(u["4"]["target_y"]), WithinAbs(1.4, 1e-9));
  CHECK_THAT(num(u["4"]["extra_y"]), WithinAbs(0.4, 1e-9));
  Run vrs = run({"frontier", "--inputs", "x1,x2", "--outputs", "y", "--orientation", "output", "--rts", "vrs",
                 fixture("dea/coelli.csv"), "-f", "csv"});
  auto v = units_by_code(vrs.out);
  const std::map<std::string, double> published = {{"1", 0.5}, {"2", 1}, {"3", 1}, {"4", 1}, {"5", 1}};
  for (const auto& [code, score] : published) CHECK_THAT(num(v[code]["efficiency"]), WithinAbs(score, 1e-6));
}

TEST_CASE("frontier --super ranks the efficient units and leaves an infeasible one empty with a flag", "[frontier]") {
  // pyDEA's example 2 (tests/DEA_example2_data.csv). CRS super-efficiencies from pyDEA
  // tests/test_super_efficiency.py; under VRS (input) C and I have none: infeasible
  // (tests/fixtures/dea/reference.py, "example2 super vrs input").
  Run crs = run({"frontier", "--inputs", "i1,i2,i3", "--outputs", "o1,o2", "--super", fixture("dea/pydea_example2.csv"), "-f", "csv"});
  auto c = units_by_code(crs.out);
  CHECK_THAT(num(c["A"]["super_efficiency"]), WithinAbs(1.652173892, 1e-6));
  CHECK_THAT(num(c["F"]["super_efficiency"]), WithinAbs(2.485294106, 1e-6));
  CHECK_THAT(num(c["B"]["super_efficiency"]), WithinAbs(0.6485875732, 1e-6));
  CHECK(read_csv(crs.out)[4].at("code") == "F");  // the highest super-efficiency first

  Run vrs = run({"frontier", "--inputs", "i1,i2,i3", "--outputs", "o1,o2", "--super", "--rts", "vrs",
                 fixture("dea/pydea_example2.csv"), "-f", "csv"});
  auto v = units_by_code(vrs.out);
  for (const char* code : {"C", "I"}) {
    INFO(code);
    CHECK(v[code]["super_efficiency"].empty());
    CHECK(v[code]["efficiency"] == "1");
    CHECK_THAT(v[code]["flag"], Contains("super-efficiency infeasible"));
  }
  CHECK_THAT(num(v["F"]["super_efficiency"]), WithinAbs(2.65909090909, 1e-9));
  CHECK(v["F"]["flag"].empty());
  CHECK_THAT(vrs.err, Contains("super-efficiency is infeasible for 2 efficient units"));
}

TEST_CASE("frontier leaves out units with a zero input, a missing value or an impossible one, and flags a flagged peer", "[frontier]") {
  // tests/fixtures/dea/libraries.csv, cost in, loans, visits and active borrowers out: A, C
  // and H span the frontier; B uses A's outputs at twice A's cost (θ = 0.5, potential 100),
  // K does the same with C's (θ = 0.5, potential 100). C has 1.5 borrowers per inhabitant:
  // real under the data's widened range 0..3, so flagged, and K, whose peer it is, too.
  // D has cost 0, E loans 0 with cost (cost per loan undefined: impossible), F no visits,
  // G five borrowers per inhabitant (outside 0..3: impossible).
  Run r = run({"frontier", "--inputs", "cost", "--outputs", "loans,visits,active_borrowers", fixture("dea/libraries.csv"), "-f", "csv"});
  auto u = units_by_code(r.out);
  CHECK(u.size() == 5);
  for (const char* gone : {"D", "E", "F", "G"}) CHECK(u.count(gone) == 0);
  CHECK_THAT(num(u["B"]["efficiency"]), WithinAbs(0.5, 1e-9));
  CHECK(u["B"]["peers"] == "A 1");
  CHECK_THAT(num(u["B"]["potential"]), WithinAbs(100.0, 1e-6));
  CHECK_THAT(num(u["B"]["target_cost"]), WithinAbs(100.0, 1e-6));
  CHECK(u["K"]["peers"] == "C 1");
  CHECK_THAT(u["C"]["flag"], Contains("active_borrower_share 1.5"));
  CHECK(u["K"]["flag"] == "peer C is flagged");
  CHECK(u["A"]["flag"].empty());
  auto rows = read_csv(r.out);
  CHECK_THAT(num(summary_row(rows, "total").at("potential")), WithinAbs(200.0, 1e-6));
  CHECK(summary_row(rows, "fully efficient").at("units") == "3");
  CHECK_THAT(num(summary_row(rows, "mean").at("efficiency")), WithinAbs((1 + 1 + 1 + 0.5 + 0.5) / 5.0, 1e-9));
  CHECK_THAT(r.err, Contains("4 of 9 units of 2020 are left out of the frontier: Delta (cost not above 0); Epsilon (impossible "
                             "value: cost_per_loan has no value: loans is 0); Phi (no value of visits); Eta (impossible value: "
                             "active_borrower_share 5 is outside [0, 3] (the catalogue's [0, 1], widened by these data))"));
  CHECK_THAT(r.err, Contains("1 of the peers have flagged values"));

  SECTION("a unit whose impossible value is not a variable of the frontier stays on it") {
    // G's borrower share is impossible, but loans and visits say nothing of it: θ = 0.1 (A × 0.1).
    Run lv = run({"frontier", "--inputs", "cost", "--outputs", "loans,visits", fixture("dea/libraries.csv"), "-f", "csv"});
    auto w = units_by_code(lv.out);
    REQUIRE(w.count("G") == 1);
    CHECK_THAT(num(w["G"]["efficiency"]), WithinAbs(0.1, 1e-9));
    CHECK(w["G"]["flag"].empty());
  }
  SECTION("the output orientation values the extra outputs at today's cost") {
    // B: φ = 2, so potential = cost × (φ − 1) = 200; its targets are twice its outputs.
    Run out = run({"frontier", "--inputs", "cost", "--outputs", "loans,visits,active_borrowers", "--orientation", "output",
                   fixture("dea/libraries.csv"), "-f", "csv"});
    auto w = units_by_code(out.out);
    CHECK_THAT(num(w["B"]["phi"]), WithinAbs(2.0, 1e-9));
    CHECK_THAT(num(w["B"]["potential"]), WithinAbs(200.0, 1e-6));
    CHECK_THAT(num(w["B"]["target_loans"]), WithinAbs(2200.0, 1e-6));
    CHECK_THAT(num(w["B"]["extra_loans"]), WithinAbs(1100.0, 1e-6));
    CHECK_THAT(out.err, Contains("cost × (φ − 1)"));
  }
}

TEST_CASE("frontier refuses unknown variables, bad flags and data with no unit to compare", "[frontier]") {
  CHECK_THROWS_WITH(run({"frontier", "--inputs", "x9", "--outputs", "y", fixture("dea/coelli.csv")}),
                    Contains("unknown KPI or measure 'x9'"));
  CHECK_THROWS_WITH(run({"frontier", "--inputs", "x1", "--outputs", "x1", fixture("dea/coelli.csv")}),
                    Contains("'x1' is named twice"));
  CHECK_THROWS_WITH(run({"frontier", "--inputs", "x1", "--outputs", "y", "--non-discretionary", "x1", fixture("dea/coelli.csv")}),
                    Contains("every input is non-discretionary"));
  CHECK_THROWS_WITH(run({"frontier", fixture("dea/coelli.csv")}), Contains("no --inputs given and the data lack the library default 'cost'"));
  CHECK_THROWS_WITH(run({"frontier", "--rts", "nonsense", "--inputs", "x1", "--outputs", "y", fixture("dea/coelli.csv")}),
                    Contains("nonsense not in {crs,vrs,drs,irs,fdh}"));
  CHECK_THROWS_WITH(run({"frontier", "--inputs", "cost", "--outputs", "loans", "--group", "nothing", fixture("dea/libraries.csv")}),
                    Contains("the data have no groups"));
  CHECK_THROWS_WITH(run({"frontier", "--inputs", "x1,x2", "--outputs", "y", "--year", "1990", fixture("dea/coelli.csv")}),
                    Contains("no data for the year 1990"));
  // Every input 0 but one: nothing to compare that one with.
  test::Scratch scratch("frontier_zero");
  std::string zero = scratch.write("zero.csv", "code,name,year,cost,loans\n1,A,2020,0,10\n2,B,2020,0,20\n3,C,2020,5,30\n");
  CHECK_THROWS_WITH(run({"frontier", "--inputs", "cost", "--outputs", "loans", zero}),
                    Contains("1 unit of 2020 with usable values of cost, loans, too few for a frontier; left out: A (cost not above 0, found '0'), B (cost not above 0, found '0')"));
}

TEST_CASE("malmquist reproduces DataEnvelopmentAnalysis.jl's panel, chained, and names the unit in one year only", "[frontier]") {
  // DataEnvelopmentAnalysis.jl test/malmquist.jl (CRS): period 1 → 2 M = 2, 1.5, 1.25,
  // 1.3333, 0.6 and EC = 1.3333, 1, 0.8333, 0.8889, 0.4 with TC = 1.5 for every unit;
  // period 2 → 3 M = 4, 1.3333, 1.3333, 1.5, 0.3333 with TC = 2. Unit 6 is only in 2002 and
  // must change nothing.
  Run r = run({"malmquist", "--inputs", "x", "--outputs", "y", "--chain", fixture("dea/malmquist_panel.csv"), "-f", "csv"});
  std::map<std::string, std::map<std::string, std::string>> first, second;
  for (auto& row : read_csv(r.out)) {
    if (row.at("kind") != "unit") continue;
    (row.at("from_year") == "2001" ? first : second)[row.at("code")] = row;
  }
  REQUIRE(first.size() == 5);
  REQUIRE(second.size() == 5);
  const std::vector<double> m1 = {2.0, 1.5, 1.25, 4.0 / 3.0, 0.6}, ec1 = {4.0 / 3.0, 1, 5.0 / 6.0, 8.0 / 9.0, 0.4};
  const std::vector<double> m2 = {4.0, 4.0 / 3.0, 4.0 / 3.0, 1.5, 1.0 / 3.0};
  for (std::size_t k = 0; k < 5; ++k) {
    std::string code = std::to_string(k + 1);
    INFO("unit " << code);
    CHECK_THAT(num(first[code]["malmquist"]), WithinAbs(m1[k], 1e-9));
    CHECK_THAT(num(first[code]["efficiency_change"]), WithinAbs(ec1[k], 1e-9));
    CHECK_THAT(num(first[code]["technical_change"]), WithinAbs(1.5, 1e-9));
    CHECK_THAT(num(second[code]["malmquist"]), WithinAbs(m2[k], 1e-9));
    CHECK_THAT(num(second[code]["technical_change"]), WithinAbs(2.0, 1e-9));
    CHECK_THAT(num(second[code]["chained"]), WithinAbs(m1[k] * m2[k], 1e-9));
  }
  auto rows = read_csv(r.out);
  CHECK(rows[0].at("kind") == "summary");
  CHECK_THAT(num(rows[0].at("malmquist")), WithinAbs(std::pow(2.0 * 1.5 * 1.25 * (4.0 / 3.0) * 0.6, 0.2), 1e-9));
  CHECK_THAT(r.err, Contains("1 units are in 2002 but not in 2001, so no index: Six"));
  CHECK_THAT(r.err, Contains("1 units are in 2002 but not in 2003, so no index: Six"));

  SECTION("two years without --chain: the latest and the year before") {
    Run two = run({"malmquist", "--inputs", "x", "--outputs", "y", fixture("dea/malmquist_panel.csv"), "-f", "csv"});
    auto rows2 = read_csv(two.out);
    REQUIRE(rows2.size() == 6);
    CHECK(rows2[1].at("from_year") == "2002");
    CHECK(rows2[1].at("to_year") == "2003");
    CHECK(rows2[0].count("chained") == 0);
  }
  SECTION("--from must be before --to") {
    CHECK_THROWS_WITH(run({"malmquist", "--inputs", "x", "--outputs", "y", "--from", "2003", "--to", "2001",
                           fixture("dea/malmquist_panel.csv")}),
                      Contains("is not before --to"));
  }
}

TEST_CASE("target --method frontier puts the frontier's targets beside the arithmetic ones", "[frontier]") {
  // B of the library fixture under the library defaults (cost in; loans, visits, opening
  // hours, active borrowers out): the frontier column must be the engine's own target, solved
  // here directly on the units that the fixture lets on the frontier (A, B, C, H, K; G's
  // borrower share is impossible, D, E and F lack what the frontier needs).
  Run r = run({"target", "--unit", "B", "--option", "B", "--method", "frontier", fixture("dea/libraries.csv"), "-f", "csv"});
  auto rows = read_csv(r.out);
  std::map<std::string, std::map<std::string, std::string>> by_item;
  for (auto& row : rows) by_item[row.at("item")] = row;
  dea::Technology t;
  for (const std::vector<double>& v : std::vector<std::vector<double>>{{100, 1100, 1100, 100, 500},
                                                                         {200, 1100, 1100, 100, 500},
                                                                         {100, 1500, 600, 100, 1500},
                                                                         {100, 600, 1500, 100, 500},
                                                                         {200, 1500, 600, 100, 500}}) {
    t.x.push_back({v[0]});
    t.y.push_back({v[1], v[2], v[3], v[4]});
  }
  dea::Result expected = dea::solve(t, dea::Options{});
  const dea::UnitResult& b = expected.units[1];
  CHECK_THAT(num(by_item["cost"]["frontier"]), WithinAbs(b.target_x[0], 1e-6));
  CHECK_THAT(num(by_item["loans"]["frontier"]), WithinAbs(b.target_y[0], 1e-6));
  CHECK_THAT(num(by_item["money"]["frontier"]), WithinAbs(200.0 - b.target_x[0], 1e-6));
  CHECK_THAT(num(by_item["cost"]["frontier_change_pct"]), WithinAbs((b.target_x[0] / 200.0 - 1.0) * 100.0, 1e-6));
  CHECK_THAT(num(by_item["cost_per_loan"]["frontier"]), WithinAbs(b.target_x[0] / b.target_y[0], 1e-9));
  // The arithmetic column is unchanged: 10 % less cost.
  CHECK_THAT(num(by_item["cost"]["target"]), WithinAbs(180.0, 1e-9));
  CHECK_THAT(r.err, Contains("frontier (DEA, constant returns to scale, input-oriented, 5 units of 2020): efficiency 0.500"));

  SECTION("without --method the output is what it was") {
    Run ratio = run({"target", "--unit", "B", "--option", "B", fixture("dea/libraries.csv"), "-f", "csv"});
    CHECK(read_csv(ratio.out).front().count("frontier") == 0);
  }
  SECTION("a unit that is not on the frontier is a data error saying why") {
    CHECK_THROWS_WITH(run({"target", "--unit", "G", "--option", "A", "--method", "frontier", fixture("dea/libraries.csv")}),
                      Contains("Eta is not on the frontier: impossible value: active_borrower_share 5"));
  }
}

TEST_CASE("compare has a frontier section with the unit's score, targets, potential and peers", "[frontier]") {
  Run r = run({"compare", "--unit", "K", fixture("dea/libraries.csv"), "-f", "json"});
  nlohmann::json doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["sections"].contains("frontier"));
  std::map<std::string, nlohmann::json> items;
  std::vector<nlohmann::json> peers;
  for (const nlohmann::json& row : doc["sections"]["frontier"]) {
    if (row["item"].get<std::string>().rfind("peer:", 0) == 0)
      peers.push_back(row);
    else
      items[row["item"].get<std::string>()] = row;
  }
  CHECK_THAT(items["efficiency"]["value"].get<double>(), WithinAbs(0.5, 1e-9));
  CHECK_THAT(items["efficiency"]["flag"].get<std::string>(), Contains("peer C is flagged"));
  CHECK_THAT(items["cost"]["target"].get<double>(), WithinAbs(100.0, 1e-6));
  CHECK_THAT(items["potential"]["value"].get<double>(), WithinAbs(100.0, 1e-6));
  REQUIRE(peers.size() == 1);
  CHECK(peers[0]["label"] == "peer Gamma");
  CHECK(peers[0]["item"] == "peer:C");
  CHECK_THAT(peers[0]["value"].get<double>(), WithinAbs(1.0, 1e-9));

  SECTION("a unit left out of the frontier gets a note instead") {
    Run d = run({"compare", "--unit", "D", fixture("dea/libraries.csv"), "-f", "json"});
    nlohmann::json dd = nlohmann::json::parse(d.out);
    CHECK_FALSE(dd["sections"].contains("frontier"));
    CHECK_THAT(dd["notes"].dump(), Contains("no efficiency frontier: Delta is not on the frontier: cost not above 0"));
  }
  SECTION("data of another service get neither the section nor a note") {
    // The kindergarten example has cost but none of a library's outputs.
    Run k = run({"compare", "--unit", "Oslo", "--kpis", std::string(NYTTA_SOURCE_DIR) + "/kpis/kindergarten.toml",
                 std::string(NYTTA_SOURCE_DIR) + "/data/no_kindergarten_2020_2023.csv", "-f", "json"});
    nlohmann::json kd = nlohmann::json::parse(k.out);
    CHECK_FALSE(kd["sections"].contains("frontier"));
    CHECK_THAT(kd["notes"].dump(), !Contains("frontier"));
  }
}

TEST_CASE("every frontier text has english, swedish and norwegian, and every key the code uses exists", "[frontier]") {
  std::vector<std::string_view> keys = frontier_text_keys();
  for (std::string_view k : keys) {
    INFO(k);
    CHECK(frontier_text_complete(k));
  }
  // Literal keys in the sources that use these texts, and the ones made of parts.
  // A key is a whole literal ("rts_" + name is a prefix, checked below with every name).
  std::regex call(R"((?:ftr|ftextf)\(\s*lang\s*,\s*"([a-z_]+)\"\s*[,)])");
  for (const char* file : {"src/cmd/cmd_frontier.cpp", "src/cmd/cmd_malmquist.cpp", "src/cmd/frontier_tables.cpp",
                           "src/cmd/compare_frontier.cpp", "src/cmd/target_frontier.cpp", "src/cmd/cmd_target.cpp"}) {
    std::ifstream in(std::string(NYTTA_SOURCE_DIR) + "/" + file);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    REQUIRE_FALSE(s.empty());
    for (std::sregex_iterator it(s.begin(), s.end(), call), end; it != end; ++it) {
      INFO(file << ": " << (*it)[1]);
      CHECK(frontier_text_complete((*it)[1].str()));
    }
  }
  for (dea::Rts rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::drs, dea::Rts::irs, dea::Rts::fdh})
    CHECK(frontier_text_complete("rts_" + std::string(dea::to_string(rts))));
  for (const char* o : {"input", "output"}) {
    CHECK(frontier_text_complete(std::string("orientation_") + o));
    CHECK(frontier_text_complete(std::string("orientation_") + o + "_short"));
  }
  CHECK(frontier_text("sv", "col_efficiency") == "Effektivitet");
  CHECK(frontier_text("xx", "col_efficiency") == "Efficiency");
}

TEST_CASE("the swedish preschool extract keeps kolada's published figures", "[frontier]") {
  // SOURCES.md §11 spot checks of the Kolada dump: N01951 Riket 2022 = 10,521,556 and
  // Stockholm 984,748; N11008 Riket 2022 = 169,451 SEK per enrolled child, Stockholm 187,018;
  // N11102 Riket 2022 = 5.05 children per FTE. children and cost are rebuilt from them.
  LoadOptions lo;
  Dataset d = load_files({fixture("kolada/se_preschool_2020_2022.csv")}, lo);
  auto value = [&](const std::string& code, const char* measure) {
    for (std::size_t r = 0; r < d.row_count(); ++r)
      if (d.unit_of(r).code == code && d.row_year[r] == 2022) return d.find_measure(measure)->values[r];
    return kMissing;
  };
  CHECK(value("0000", "population") == 10521556);
  CHECK(value("0180", "population") == 984748);
  CHECK(value("0000", "cost_per_child") == 169451);
  CHECK(value("0180", "cost_per_child") == 187018);
  CHECK_THAT(value("0000", "children_per_fte"), WithinAbs(5.05, 0.005));
  CHECK_THAT(value("0000", "children"), WithinAbs(value("0000", "children_per_fte") * value("0000", "staff_fte"), 60.0));
  CHECK_THAT(value("0000", "cost") / value("0000", "children"), WithinAbs(169451, 1.0));
  CHECK(d.units[d.row_unit[0]].kind == RowKind::national);
}
