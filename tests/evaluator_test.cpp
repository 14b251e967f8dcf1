#include <catch2/catch.hpp>
#include <sstream>

#include "nytta/load/catalogue_file.hpp"
#include "nytta/util/error.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/load/load.hpp"

using namespace nytta;
using Catch::Matchers::WithinRel;

#include "test_support.hpp"

namespace {
const char* kSmallCsv =
    "code,name,year,population,loans,visits,opening_hours,active_borrowers,cost,libraries\n"
    "1,A,2012,1000,5000,4000,2600,300,100000,1\n"
    "2,B,2012,3000,9000,6000,5200,600,300000,2\n"
    "3,C,2012,2000,0,3000,2600,200,0,1\n"
    "4,D,2012,2000,,3000,2600,200,50000,1\n";
}  // namespace

TEST_CASE("a KPI is its formula over the measures of each row", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  const KpiColumn& c = e.column("cost_per_loan");
  CHECK_THAT(c.values[0], WithinRel(20.0, 1e-12));
  CHECK_THAT(c.values[1], WithinRel(300000.0 / 9000.0, 1e-12));
  CHECK(c.measures == std::vector<std::string>{"cost", "loans"});
}

TEST_CASE("cost per loan is missing when loans are zero or missing", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  const KpiColumn& c = e.column("cost_per_loan");
  CHECK(is_missing(c.values[2]));  // 0 / 0
  CHECK(is_missing(c.values[3]));  // missing loans
}

TEST_CASE("benefit per krona is missing when cost is zero", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  CHECK(is_missing(e.column("benefit_per_krona").values[2]));
  CHECK_THAT(e.column("benefit_per_krona").values[0], WithinRel(5000.0 * 4000 * 2600 * 300 / 100000, 1e-12));
}

TEST_CASE("the national value is the formula on summed measures of complete units", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  // Units 1–3 report cost and loans, but 3 has zeros: no cost per loan, so it is not in the
  // sums either; 4 lacks loans and is left out.
  const NationalValue& v = e.national("cost_per_loan", 2012);
  CHECK_THAT(v.value, WithinRel(400000.0 / 14000.0, 1e-12));
  CHECK(v.units_summed == 2);
  CHECK_FALSE(v.from_aggregate_row);
}

TEST_CASE("the official national row is the reference when the data have one", "[metrics]") {
  Dataset d = nytta::test::load_text(
      "name,kind,year,loans,cost\nLand,national,2012,100,1000\nA,unit,2012,40,200\nB,unit,2012,50,300\n");
  Evaluator e(d, builtin_catalogue());
  const NationalValue& v = e.national("cost_per_loan", 2012);
  CHECK(v.from_aggregate_row);
  CHECK(v.value == 10.0);
  CHECK_THAT(v.summed_value, WithinRel(500.0 / 90.0, 1e-12));
  CHECK(v.disagrees());
}

TEST_CASE("the benefit index is 100 for the nation and relative to it for units", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  const KpiColumn& bi = e.column("benefit_index");
  CHECK_THAT(e.national("benefit_index", 2012).value, WithinRel(100.0, 1e-12));
  const double nat = e.national("benefit_score", 2012).value;
  CHECK_THAT(bi.values[0], WithinRel(100.0 * e.column("benefit_score").values[0] / nat, 1e-12));
}

TEST_CASE("without a libraries measure the benefit score uses hours per 1000 inhabitants and says so", "[metrics]") {
  Dataset d = nytta::test::load_text("name,year,population,loans,visits,opening_hours,active_borrowers,cost\nA,2012,1000,5000,4000,2600,300,100000\n");
  Evaluator e(d, builtin_catalogue());
  const KpiColumn& b = e.column("benefit_score");
  CHECK(b.formula.find("hours_per_1000_inhabitants_week") != std::string::npos);
  double expected = 5.0 * 4.0 * (2600.0 / 52 / 1000 * 1000) * 0.3 / 100.0;
  CHECK_THAT(b.values[0], WithinRel(expected, 1e-12));
  REQUIRE(e.notes().size() == 1);
  CHECK(e.notes()[0].kind == KpiNote::Kind::fallback);
  CHECK(e.notes()[0].kpi == "benefit_score");
  CHECK(builtin_catalogue().find("benefit_score")->fallback_text("sv").find("öppettimmar per 1000 invånare") != std::string::npos);
}

TEST_CASE("a KPI whose measure the data lack is a data error naming it", "[metrics]") {
  Dataset d = nytta::test::load_text("name,year,loans\nA,2012,1\n");
  Evaluator e(d, builtin_catalogue());
  CHECK_THROWS_WITH(e.column("cost_per_loan"), "t.csv: KPI 'cost_per_loan' needs the measure 'cost', which the data do not have (their measures: loans)");
}

TEST_CASE("an unknown KPI id is a usage error with a suggestion", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  CHECK_THROWS_AS(e.column("cost_per_lone"), UsageError);
  CHECK_THROWS_WITH(e.column("cost_per_lone"), "unknown KPI or measure 'cost_per_lone', did you mean 'cost_per_loan'?");
}

TEST_CASE("a user formula with a misspelt measure points at its definition", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Catalogue c = overlay(builtin_catalogue(),
                        parse_catalogue("[[kpi]]\nid = \"x\"\nformula = \"visit / population\"\n", "k.toml"));
  Evaluator e(d, c);
  CHECK_THROWS_WITH(e.column("x"),
                    "k.toml:1:1: the formula of KPI 'x' refers to 'visit', which is neither a measure of the data nor "
                    "a KPI, did you mean 'visits'?, found 'visit'");
}

TEST_CASE("measures can be used where KPIs are", "[metrics]") {
  Dataset d = nytta::test::load_text(kSmallCsv);
  Evaluator e(d, builtin_catalogue());
  CHECK(e.column("loans").values[1] == 9000.0);
  CHECK(e.national("loans", 2012).value == 14000.0);
}
