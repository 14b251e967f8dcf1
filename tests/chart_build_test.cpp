#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <stdexcept>

#include "nytta/report/chart_build.hpp"

using namespace nytta;
using Catch::Matchers::WithinRel;

namespace {

// A ranking like report's: the nation first, then units with rank, code, name, value.
Table ranking(std::size_t units, double national = 100) {
  Table t;
  t.id = "ranking";
  t.title = "Ranked";
  t.columns = {Column{"rank", "Rank", "", CellType::number, 0}, Column{"code", "Code", "", CellType::text, 0},
               Column{"name", "Name", "", CellType::text, 0}, Column{"benefit_index", "Benefit index", "index", CellType::number, 1},
               Column{"kind", "Kind", "", CellType::text, 0}};
  t.rows.push_back({Cell(), Cell(""), Cell("Koko maa"), Cell(national), Cell("national")});
  // Values 10·units … 10, unit i (code "U{i}") ranked i.
  for (std::size_t i = 1; i <= units; ++i) {
    t.rows.push_back({Cell(static_cast<double>(i)), Cell(fmt::format("U{}", i)), Cell(fmt::format("Unit {}", i)),
                      Cell(10.0 * static_cast<double>(units + 1 - i)), Cell("unit")});
  }
  return t;
}

std::vector<std::string> labels(const Chart& c) {
  std::vector<std::string> out;
  for (const ChartPoint& p : c.series.at(0).points) out.push_back(p.label);
  return out;
}

}  // namespace

TEST_CASE("a ranking of up to 60 units is drawn whole, largest first, with the national line", "[chart]") {
  Chart c = ranked_bar_chart(ranking(5), "benefit_index", chart_request("en", {"unit 4"}));
  CHECK(c.kind == ChartKind::bar);
  CHECK(c.title == "Ranked");
  CHECK(c.x.label == "Benefit index");
  CHECK(c.x.unit == "index");
  CHECK(c.x.precision == 1);
  CHECK(labels(c) == std::vector<std::string>{"Unit 1", "Unit 2", "Unit 3", "Unit 4", "Unit 5"});
  CHECK(c.series[0].points[0].tag == "1");
  CHECK(c.series[0].points[3].highlight);  // by name, in any case
  CHECK_FALSE(c.series[0].points[2].highlight);
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].value == 100);
  CHECK(c.lines[0].label == "Koko maa");
  CHECK(c.notes.empty());
}

TEST_CASE("more than 60 units: the top and bottom 20 and the highlighted ones, and a note that says so", "[chart]") {
  Chart c = ranked_bar_chart(ranking(286), "benefit_index", chart_request("en", {"U175"}));
  const std::vector<ChartPoint>& p = c.series[0].points;
  REQUIRE(p.size() == 41);
  CHECK(p[0].label == "Unit 1");
  CHECK(p[19].label == "Unit 20");
  CHECK(p[20].label == "Unit 175");  // by code
  CHECK(p[20].highlight);
  CHECK(p[20].gap_before);
  CHECK(p[20].tag == "175");
  CHECK(p[21].label == "Unit 267");
  CHECK(p[21].gap_before);
  CHECK(p[40].label == "Unit 286");
  std::size_t gaps = 0;
  for (const ChartPoint& x : p) gaps += x.gap_before ? 1 : 0;
  CHECK(gaps == 2);
  REQUIRE(c.notes.size() == 2);
  CHECK(c.notes[0] == "the top 20 and the bottom 20 of 286 units are shown");
  CHECK(c.notes[1] == "also shown: Unit 175");

  SECTION("in Swedish") {
    Chart sv = ranked_bar_chart(ranking(100), "benefit_index", chart_request("sv"));
    CHECK(sv.series[0].points.size() == 40);
    CHECK(sv.notes.at(0) == "de 20 högsta och de 20 lägsta av 100 enheter visas");
  }
  SECTION("a highlighted unit among the top 20 is not listed again") {
    Chart top = ranked_bar_chart(ranking(100), "benefit_index", chart_request("en", {"U3"}));
    CHECK(top.series[0].points.size() == 40);
    CHECK(top.notes.size() == 1);
  }
}

TEST_CASE("units without a value are left out of the bars and counted in a note", "[chart]") {
  Table t = ranking(4);
  t.rows[2][3] = Cell();  // Unit 2
  Chart c = ranked_bar_chart(t, "benefit_index", chart_request("en"));
  CHECK(labels(c) == std::vector<std::string>{"Unit 1", "Unit 3", "Unit 4"});
  CHECK(c.notes == std::vector<std::string>{"1 units without a value are not shown"});
}

TEST_CASE("sorted efficiency scores: the builder sorts, and the reference line can be given", "[chart]") {
  // A frontier's table: unsorted scores, no reference row, the frontier at 1.
  Table t;
  t.id = "frontier";
  t.title = "Efficiency";
  t.columns = {Column{"name", "Name", "", CellType::text, 0}, Column{"score", "Efficiency", "", CellType::number, 3}};
  t.rows = {{Cell("B"), Cell(0.7)}, {Cell("A"), Cell(1.0)}, {Cell("C"), Cell(0.85)}, {Cell("D"), Cell(1.0)}};
  ChartRequest r = chart_request("en", {"c"});
  r.reference = 1.0;
  r.reference_label = "frontier";
  Chart c = ranked_bar_chart(t, "score", r);
  CHECK(labels(c) == std::vector<std::string>{"A", "D", "C", "B"});  // ties keep the table's order
  CHECK(c.series[0].points[2].highlight);
  CHECK(c.series[0].points[0].tag.empty());
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].value == 1.0);
  CHECK(c.lines[0].label == "frontier");

  SECTION("ascending for lower-is-better") {
    r.ascending = true;
    CHECK(labels(ranked_bar_chart(t, "score", r)) == std::vector<std::string>{"B", "C", "A", "D"});
  }
}

TEST_CASE("a builder asked for a column the table lacks is a bug, not a silent empty chart", "[chart]") {
  CHECK_THROWS_AS(ranked_bar_chart(ranking(3), "no_such", chart_request("en")), std::invalid_argument);
}

namespace {

// trend's per-year table for the nation and the given units, 2011–2013, optionally real.
Table series(std::size_t units, bool real) {
  Table t;
  t.id = "series";
  t.title = "Cost per loan per year";
  t.columns = {Column{"code", "Code", "", CellType::text, 0}, Column{"name", "Name", "", CellType::text, 0},
               Column{"year", "Year", "", CellType::number, 0, false}, Column{"value", "Cost per loan", "EUR", CellType::number, 2},
               Column{"index", "Index (2011 = 100)", "", CellType::number, 1}};
  if (real) t.columns.push_back(Column{"real_value", "Real (2011 prices)", "EUR", CellType::number, 2});
  t.columns.push_back(Column{"kind", "Kind", "", CellType::text, 0});
  for (std::size_t u = 0; u <= units; ++u) {
    for (int y = 2011; y <= 2013; ++y) {
      double v = 3.0 + static_cast<double>(u) * 0.1 + (y - 2011) * 0.2;
      std::vector<Cell> row = {Cell(u == 0 ? "" : fmt::format("{}", u)), Cell(u == 0 ? std::string("Koko maa") : fmt::format("Unit {}", u)),
                               Cell(static_cast<double>(y)), Cell(y == 2012 && u == 1 ? std::numeric_limits<double>::quiet_NaN() : v),
                               Cell(100.0 * v / (3.0 + static_cast<double>(u) * 0.1))};
      if (real) row.push_back(Cell(v * 0.9));
      row.push_back(Cell(u == 0 ? "national" : "unit"));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

}  // namespace

TEST_CASE("trend gives a chart of the values and one of the index, each unit against the nation", "[chart]") {
  std::vector<Chart> c = trend_charts(series(2, false), chart_request("en"));
  REQUIRE(c.size() == 2);
  const Chart& values = c[0];
  CHECK(values.kind == ChartKind::line);
  CHECK(values.title == "Cost per loan 2011–2013");
  CHECK(values.y.unit == "EUR");
  CHECK(values.x.integer);
  CHECK_FALSE(values.x.grouping);
  REQUIRE(values.series.size() == 3);
  CHECK(values.series[0].role == SeriesRole::reference);
  CHECK(values.series[0].name == "Koko maa");
  CHECK(values.series[1].role == SeriesRole::unit);
  CHECK(values.series[1].colour == 0);
  CHECK(values.series[2].colour == 1);
  REQUIRE(values.series[1].points.size() == 3);
  CHECK(values.series[1].points[0].x == 2011);
  CHECK(std::isnan(values.series[1].points[1].y));  // a gap stays a gap
  const Chart& index = c[1];
  CHECK(index.title == "Cost per loan: index (2011 = 100)");
  REQUIRE(index.lines.size() == 1);
  CHECK(index.lines[0].value == 100);
  CHECK_FALSE(index.lines[0].vertical);
  CHECK_THAT(index.series[2].points[0].y, WithinRel(100.0, 1e-12));
}

TEST_CASE("with a CPI each line has a dashed real twin in the same colour", "[chart]") {
  std::vector<Chart> c = trend_charts(series(1, true), chart_request("en"));
  const Chart& values = c.at(0);
  REQUIRE(values.series.size() == 4);
  CHECK(values.series[1].name == "Koko maa, real (2011 prices)");
  CHECK(values.series[1].dashed);
  CHECK(values.series[1].role == SeriesRole::reference);
  CHECK(values.series[3].name == "Unit 1, real (2011 prices)");
  CHECK(values.series[3].dashed);
  CHECK(values.series[3].colour == values.series[2].colour);
  CHECK_THAT(values.series[3].points[0].y, WithinRel(3.1 * 0.9, 1e-12));
  CHECK(c.at(1).series.size() == 2);  // the index has no real twin
}

TEST_CASE("more than seven units are drawn grey behind the nation, with a note", "[chart]") {
  std::vector<Chart> c = trend_charts(series(8, false), chart_request("en"));
  const Chart& values = c.at(0);
  CHECK(values.series[0].role == SeriesRole::reference);
  for (std::size_t i = 1; i < values.series.size(); ++i) CHECK(values.series[i].role == SeriesRole::context);
  CHECK(values.notes == std::vector<std::string>{"8 units in grey; name some with --unit to follow them"});
}

namespace {

Table quadrant_table(bool lower_is_better_result) {
  // Result: cost per loan (lower is better) or visits (higher is better); input: cost per
  // inhabitant. Reference (10, 50).
  Table t;
  t.id = "quadrant";
  t.title = "Result against input";
  t.columns = {Column{"code", "Code", "", CellType::text, 0}, Column{"name", "Name", "", CellType::text, 0},
               Column{"result", "Result: R", "r", CellType::number, 2}, Column{"input", "Input: I", "EUR", CellType::number, 2},
               Column{"quadrant", "Quadrant", "", CellType::text, 0, true, Audience::machines}, Column{"kind", "Kind", "", CellType::text, 0},
               Column{"quadrant_text", "Quadrant", "", CellType::text, 0, true, Audience::people}};
  t.rows.push_back({Cell(""), Cell("National"), Cell(10.0), Cell(50.0), Cell(""), Cell("national"), Cell("")});
  double good = lower_is_better_result ? 5 : 15, weak = lower_is_better_result ? 15 : 5;
  t.rows.push_back({Cell("1"), Cell("Eff"), Cell(good), Cell(40.0), Cell("efficient"), Cell("unit"), Cell("efficient: good, small")});
  t.rows.push_back({Cell("2"), Cell("Gen"), Cell(good), Cell(60.0), Cell("generous"), Cell("unit"), Cell("generous: good, large")});
  t.rows.push_back({Cell("3"), Cell("Fru"), Cell(weak), Cell(40.0), Cell("frugal"), Cell("unit"), Cell("frugal: weak, small")});
  return t;
}

}  // namespace

TEST_CASE("the quadrant chart puts each quadrant's name in its corner, read off the units", "[chart]") {
  SECTION("higher is better: good results are above the line") {
    Chart c = quadrant_chart(quadrant_table(false), chart_request("en", {"gen"}));
    CHECK(c.kind == ChartKind::scatter);
    CHECK(c.x.label == "Input: I");
    CHECK(c.y.label == "Result: R");
    REQUIRE(c.lines.size() == 2);
    CHECK((c.lines[0].vertical && c.lines[0].value == 50.0));
    CHECK((!c.lines[1].vertical && c.lines[1].value == 10.0));
    REQUIRE(c.corners.size() == 3);  // no unit is inefficient: that corner has no name
    CHECK(c.corners[0].corner == Corner::top_left);
    CHECK(c.corners[0].text == "efficient: good, small");
    CHECK(c.corners[0].shaded);
    CHECK(c.corners[1].corner == Corner::top_right);
    CHECK(c.corners[2].corner == Corner::bottom_left);
    REQUIRE(c.series[0].points.size() == 3);
    CHECK(c.series[0].points[1].highlight);
    CHECK(c.series[0].points[1].x == 60.0);
  }
  SECTION("lower is better: good results are below the line") {
    Chart c = quadrant_chart(quadrant_table(true), chart_request("en"));
    REQUIRE(c.corners.size() == 3);
    CHECK(c.corners[0].corner == Corner::top_left);
    CHECK(c.corners[0].text == "frugal: weak, small");
    CHECK(c.corners[1].corner == Corner::bottom_left);
    CHECK(c.corners[1].text == "efficient: good, small");
    CHECK(c.corners[2].corner == Corner::bottom_right);
  }
}

TEST_CASE("the profile chart colours each deviation by its tone: better or worse by the KPI's direction", "[chart]") {
  Table t;
  t.id = "profile";
  t.title = "Helsinki 2013";
  t.columns = {Column{"label", "Key figure", "", CellType::text, 0},
               Column{"reference", "National", "", CellType::number, 2},
               Column{"deviation_pct", "Deviation from national", "%", CellType::number, 1},
               Column{"verdict", "Verdict", "", CellType::text, 0}};
  // Cost per loan 24.7 % above the nation is worse; visits 13.7 % above is better.
  t.rows = {{Cell("Cost per loan"), Cell(3.44), Cell::number(24.7, 1, Tone::bad), Cell("sämre")},
            {Cell("Visits per inhabitant"), Cell(9.5), Cell::number(13.7, 1, Tone::good), Cell("bättre")},
            {Cell("Benefit score"), Cell(5.0), Cell(), Cell("")},
            {Cell("Libraries"), Cell(2.0), Cell(-3.0), Cell("")}};
  Chart c = profile_chart(t, chart_request("sv"));
  CHECK(c.kind == ChartKind::bar);
  CHECK(c.x.unit == "%");
  CHECK(c.x.signed_values);
  REQUIRE(c.series[0].points.size() == 3);
  CHECK(c.series[0].points[0].verdict == Verdict::worse);
  CHECK(c.series[0].points[0].y == 24.7);
  CHECK(c.series[0].points[1].verdict == Verdict::better);
  CHECK(c.series[0].points[2].verdict == Verdict::none);  // a neutral KPI
  CHECK(c.better_label == "bättre");
  CHECK(c.worse_label == "sämre");
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].value == 0);
  CHECK(c.lines[0].label == "National");
  CHECK_FALSE(c.lines[0].show_value);
  CHECK(c.notes == std::vector<std::string>{"1 enheter utan värde visas inte"});
}

TEST_CASE("the peer chart shows one unit against its peers on the outputs, the unit = 100", "[chart]") {
  // A frontier's peers: the unit first after highlighting, each output as % of the unit's.
  Table t;
  t.id = "peers";
  t.title = "Raasepori and its peers";
  t.columns = {Column{"name", "Name", "", CellType::text, 0}, Column{"loans", "Loans", "", CellType::number, 0},
               Column{"visits", "Visits", "", CellType::number, 0}, Column{"kind", "Kind", "", CellType::text, 0}};
  t.rows = {{Cell("Peer A"), Cell(200.0), Cell(50.0), Cell("unit")},
            {Cell("Raasepori"), Cell(100.0), Cell(40.0), Cell("unit")},
            {Cell("Peer B"), Cell(150.0), Cell(0.0), Cell("unit")}};
  Chart c = peer_chart(t, {"loans", "visits"}, chart_request("en", {"Raasepori"}));
  CHECK(c.kind == ChartKind::bar);
  CHECK(c.x.label == "% of Raasepori");
  REQUIRE(c.series.size() == 3);
  CHECK(c.series[0].name == "Raasepori");
  CHECK(c.series[0].colour == 0);
  CHECK(c.series[0].points[0].label == "Loans");
  CHECK(c.series[0].points[0].y == 100.0);
  CHECK(c.series[0].points[0].highlight);
  CHECK(c.series[1].name == "Peer A");
  CHECK_THAT(c.series[1].points[0].y, WithinRel(200.0, 1e-12));
  CHECK_THAT(c.series[1].points[1].y, WithinRel(125.0, 1e-12));
  CHECK_THAT(c.series[2].points[1].y, WithinRel(0.0, 1e-12));
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].value == 100.0);

  SECTION("without a highlighted unit the values are drawn as they are") {
    Chart raw = peer_chart(t, {"loans"}, chart_request("en"));
    CHECK(raw.series[0].name == "Peer A");
    CHECK(raw.series[0].points[0].y == 200.0);
    CHECK(raw.lines.empty());
  }
}
