#include <catch2/catch.hpp>
#include <sstream>

#include "nytta/load/load.hpp"
#include "nytta/metrics/rank.hpp"

using namespace nytta;

namespace {
Dataset fixture() {
  std::istringstream in("code,name,year,x\n05,E,2012,3\n01,A,2012,1\n02,B,2012,2\n03,C,2012,2\n04,D,2012,\n");
  return load_long_csv("t.csv", in, LoadOptions{});
}
std::vector<std::size_t> all_rows(const Dataset& d) {
  std::vector<std::size_t> r(d.row_count());
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = i;
  return r;
}
std::string order(const Dataset& d, const Ranking& r) {
  std::string s;
  for (const RankEntry& e : r.entries) s += d.unit_of(e.row).name + (e.rank ? std::to_string(*e.rank) : "-") + " ";
  return s;
}
}  // namespace

TEST_CASE("ranking follows the KPI's direction and ties share a rank", "[rank]") {
  Dataset d = fixture();
  const std::vector<double>& x = d.find_measure("x")->values;
  SECTION("higher is better") {
    Ranking r = rank_rows(d, all_rows(d), x, Direction::higher_is_better);
    CHECK(order(d, r) == "E1 B2 C2 A4 D- ");
  }
  SECTION("lower is better") {
    Ranking r = rank_rows(d, all_rows(d), x, Direction::lower_is_better);
    CHECK(order(d, r) == "A1 B2 C2 E4 D- ");
    CHECK(r.ranked == 4);
  }
}

TEST_CASE("percentile and quartile run from the best to the worst", "[rank]") {
  Dataset d = fixture();
  Ranking r = rank_rows(d, all_rows(d), d.find_measure("x")->values, Direction::higher_is_better);
  CHECK(r.entries[0].percentile == 100.0);
  CHECK(*r.entries[0].quartile == 1);
  CHECK(r.entries[3].percentile == 0.0);
  CHECK(*r.entries[3].quartile == 4);
  CHECK_FALSE(r.entries[4].quartile.has_value());
  CHECK(r.entries[1].percentile == r.entries[2].percentile);
}

TEST_CASE("z-scores use the population standard deviation", "[rank]") {
  Dataset d = fixture();
  Ranking r = rank_rows(d, all_rows(d), d.find_measure("x")->values, Direction::higher_is_better);
  // values 3, 2, 2, 1: mean 2, population sd sqrt(0.5)
  CHECK_THAT(r.entries[0].z_score, Catch::Matchers::WithinRel(1.0 / std::sqrt(0.5), 1e-12));
}

TEST_CASE("a single unit ranks first at the 100th percentile", "[rank]") {
  std::istringstream in("code,name,year,x\n1,A,2012,5\n");
  Dataset d = load_long_csv("t.csv", in, LoadOptions{});
  Ranking r = rank_rows(d, {0}, d.find_measure("x")->values, Direction::lower_is_better);
  CHECK(*r.entries[0].rank == 1);
  CHECK(r.entries[0].percentile == 100.0);
  CHECK(is_missing(r.entries[0].z_score));
}
