#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "nytta/util/missing.hpp"
#include "report/chart_scale.hpp"

using namespace nytta;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// The mantissa of a step: 1, 2 or 5 (and 10 = 1 of the next power).
double mantissa(double step) { return step / std::pow(10.0, std::floor(std::log10(step) + 1e-12)); }

// What every scale must give: ticks evenly spaced by a 1-2-5 step, covering the values.
void check_scale(const Scale& s, const std::vector<double>& values) {
  REQUIRE(s.ticks.size() >= 2);
  CHECK(s.ticks.size() <= 12);
  CHECK(s.lo < s.hi);
  double m = mantissa(s.step);
  CHECK((std::abs(m - 1) < 1e-9 || std::abs(m - 2) < 1e-9 || std::abs(m - 5) < 1e-9 || std::abs(m - 10) < 1e-9));
  for (std::size_t i = 1; i < s.ticks.size(); ++i) CHECK_THAT(s.ticks[i] - s.ticks[i - 1], WithinRel(s.step, 1e-9));
  for (double v : values) {
    if (std::isnan(v)) continue;
    CHECK(s.lo <= v);
    CHECK(v <= s.hi);
  }
}

}  // namespace

TEST_CASE("nice steps are 1, 2 or 5 times a power of ten, the smallest at least the raw step", "[chart]") {
  CHECK_THAT(nice_step(1), WithinRel(1.0, 1e-12));
  CHECK_THAT(nice_step(1.5), WithinRel(2.0, 1e-12));
  CHECK_THAT(nice_step(3), WithinRel(5.0, 1e-12));
  CHECK_THAT(nice_step(7), WithinRel(10.0, 1e-12));
  CHECK_THAT(nice_step(167.2), WithinRel(200.0, 1e-12));
  CHECK_THAT(nice_step(0.3 / 3), WithinRel(0.1, 1e-12));  // 0.09999…, not 0.2
  CHECK_THAT(nice_step(0.00042), WithinRel(0.0005, 1e-12));
  CHECK(nice_step(0) == 1.0);
  CHECK(nice_step(-3) == 1.0);
  CHECK(nice_step(kMissing) == 1.0);
}

TEST_CASE("a benefit index from 13 to 836 gets an axis from 0 to 1000 in steps of 200", "[chart]") {
  ScaleOptions o;
  o.include_zero = true;
  std::vector<double> v = {13.3, 100, 836.0};
  Scale s = make_scale(v, o);
  check_scale(s, v);
  CHECK(s.ticks == std::vector<double>{0, 200, 400, 600, 800, 1000});
  CHECK(s.decimals == 0);
  CHECK_THAT(s.fraction(100), WithinAbs(0.1, 1e-12));
}

TEST_CASE("a range with negatives has 0 as a tick and no negative zero", "[chart]") {
  ScaleOptions o;
  o.include_zero = true;
  std::vector<double> v = {-39.2, 24.7, 2.1};
  Scale s = make_scale(v, o);
  check_scale(s, v);
  CHECK(s.ticks == std::vector<double>{-40, -20, 0, 20, 40});
  CHECK_FALSE(std::signbit(s.ticks[2]));
  CHECK(chart_number(s.ticks[2], s.decimals, "en") == "0");
}

TEST_CASE("all values negative, without zero on the axis", "[chart]") {
  std::vector<double> v = {-7.5, -2.25};
  Scale s = make_scale(v);
  check_scale(s, v);
  CHECK(s.hi <= 0);
  CHECK(s.decimals == 0);
}

TEST_CASE("a single value gets a range around it that keeps its size", "[chart]") {
  std::vector<double> v = {5};
  Scale s = make_scale(v);
  check_scale(s, v);
  CHECK(s.lo >= 4);
  CHECK(s.hi <= 6);
  CHECK(s.decimals == 1);
}

TEST_CASE("values all equal, all zero, or none at all still give an axis", "[chart]") {
  SECTION("all equal") {
    std::vector<double> v = {100, 100, 100};
    Scale s = make_scale(v);
    check_scale(s, v);
    CHECK(s.hi - s.lo <= 40);
  }
  SECTION("all zero") {
    std::vector<double> v = {0, 0};
    Scale s = make_scale(v);
    check_scale(s, v);
    CHECK(s.lo == -1);
    CHECK(s.hi == 1);
  }
  SECTION("all zero for bars") {
    ScaleOptions o;
    o.include_zero = true;
    Scale s = make_scale({0.0}, o);
    CHECK(s.lo == 0);
    CHECK(s.hi == 1);
  }
  SECTION("no value") {
    Scale s = make_scale({});
    CHECK(s.lo == 0);
    CHECK(s.hi == 1);
    CHECK(s.ticks.size() >= 2);
  }
  SECTION("only missing values") {
    Scale s = make_scale({kMissing, kMissing});
    CHECK(s.lo == 0);
    CHECK(s.hi == 1);
  }
}

TEST_CASE("missing values are left out of the range", "[chart]") {
  std::vector<double> with = {kMissing, 2, kMissing, 8, std::numeric_limits<double>::infinity()};
  Scale a = make_scale(with);
  Scale b = make_scale({2, 8});
  CHECK(a.ticks == b.ticks);
  check_scale(a, {2, 8});
}

TEST_CASE("huge and tiny ranges get round steps and labels that tell the ticks apart", "[chart]") {
  SECTION("trillions") {
    std::vector<double> v = {0, 3.1e12};
    Scale s = make_scale(v);
    check_scale(s, v);
    CHECK_THAT(s.step, WithinRel(1e12, 1e-12));
    CHECK(chart_number(s.ticks[1], s.decimals, "en") == "1,000,000,000,000");
    CHECK(chart_number(s.ticks[1], s.decimals, "sv") == "1\u202F000\u202F000\u202F000\u202F000");
  }
  SECTION("billionths") {
    std::vector<double> v = {1e-9, 3e-9};
    Scale s = make_scale(v);
    check_scale(s, v);
    CHECK(s.decimals == 10);
    std::vector<std::string> labels;
    for (double t : s.ticks) labels.push_back(chart_number(t, s.decimals, "en"));
    for (std::size_t i = 1; i < labels.size(); ++i) CHECK(labels[i] != labels[i - 1]);
  }
  SECTION("a tiny range far from zero falls back to its two ends") {
    std::vector<double> v = {1e6, 1e6 + 1e-7};
    Scale s = make_scale(v);
    CHECK(s.ticks.size() == 2);
    CHECK(s.lo < s.hi);
    CHECK_THAT(s.fraction(1e6), WithinAbs(0.0, 1e-6));
  }
  SECTION("the largest doubles do not overflow") {
    double big = std::numeric_limits<double>::max();
    std::vector<double> v = {-big, big};
    Scale s = make_scale(v);
    CHECK(std::isfinite(s.lo));
    CHECK(std::isfinite(s.hi));
    CHECK_THAT(s.fraction(0), WithinAbs(0.5, 1e-9));
  }
}

TEST_CASE("ranges of every size get between 2 and 12 ticks on a 1-2-5 step", "[chart]") {
  // A fixed walk over magnitudes and offsets, as a property check.
  for (int e = -8; e <= 12; ++e) {
    for (double f : {1.0, 1.7, 2.3, 4.9, 7.1}) {
      for (double offset : {0.0, -0.5, 3.0}) {
        double span = f * std::pow(10.0, e);
        std::vector<double> v = {offset * span, offset * span + span};
        INFO("span " << span << " offset " << offset);
        check_scale(make_scale(v), v);
      }
    }
  }
}

TEST_CASE("years run from the first to the last with whole-year ticks inside", "[chart]") {
  ScaleOptions o;
  o.integer = true;
  o.tight = true;
  o.target_ticks = 8;
  Scale s = make_scale({1999, 2013}, o);
  CHECK(s.lo == 1999);
  CHECK(s.hi == 2013);
  CHECK(s.ticks == std::vector<double>{2000, 2002, 2004, 2006, 2008, 2010, 2012});
  SECTION("two years") {
    Scale two = make_scale({2011, 2012}, o);
    CHECK(two.ticks == std::vector<double>{2011, 2012});
    CHECK(two.decimals == 0);
  }
  SECTION("one year") {
    Scale one = make_scale({2012}, o);
    CHECK(one.lo == 2011);
    CHECK(one.hi == 2013);
    for (double t : one.ticks) CHECK(t == std::floor(t));
  }
}

TEST_CASE("chart numbers use a decimal comma and narrow no-break spaces in Swedish and Norwegian", "[chart]") {
  CHECK(chart_number(12345.6, 1, "en") == "12,345.6");
  CHECK(chart_number(12345.6, 1, "sv") == "12\u202F345,6");
  CHECK(chart_number(-1234567, 0, "nb") == "-1\u202F234\u202F567");
  CHECK(chart_number(1234, 0, "sv") == "1234");  // four digits stay together, as in the tables
  CHECK(chart_number(2013, 0, "en", false) == "2013");
  CHECK(chart_number(-0.0, 1, "en") == "0.0");
  CHECK(chart_number(kMissing, 1, "en").empty());
}
