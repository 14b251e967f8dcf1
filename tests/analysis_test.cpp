#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "nytta/model/dataset.hpp"
#include "nytta/metrics/projection.hpp"
#include "nytta/metrics/quadrant.hpp"
#include "nytta/report/labels.hpp"

using namespace nytta;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("a least-squares line through exact points has their slope and r² = 1", "[projection]") {
  LineFit f = fit_line({2010, 2011, 2012, 2013}, {10, 12, 14, 16});
  REQUIRE(f.ok());
  CHECK_THAT(f.slope, WithinRel(2.0, 1e-12));
  CHECK_THAT(f.at(2020), WithinRel(30.0, 1e-9));
  CHECK_THAT(f.r2, WithinRel(1.0, 1e-12));
}

TEST_CASE("the fit skips missing years and needs two points", "[projection]") {
  LineFit f = fit_line({2010, 2011, 2012}, {1.0, kMissing, 3.0});
  CHECK(f.n == 2);
  CHECK_THAT(f.slope, WithinRel(1.0, 1e-12));
  CHECK_FALSE(fit_line({2010, 2011}, {1.0, kMissing}).ok());
}

TEST_CASE("least squares agrees with a textbook example", "[projection]") {
  // Montgomery & Runger-style check: x = 1..5, y = 2, 4, 5, 4, 5 gives slope 0.6 and
  // intercept 2.2 (mean x 3, mean y 4; Sxy = 6, Sxx = 10), r² = 0.6.
  LineFit f = fit_line({1, 2, 3, 4, 5}, {2, 4, 5, 4, 5});
  CHECK_THAT(f.slope, WithinRel(0.6, 1e-12));
  CHECK_THAT(f.intercept, WithinRel(2.2, 1e-12));
  CHECK_THAT(f.r2, WithinRel(0.6, 1e-12));
}

TEST_CASE("the year a target is reached follows the line, and none when it moves away", "[projection]") {
  LineFit up = fit_line({2020, 2021, 2022, 2023}, {0.80, 0.82, 0.84, 0.86});
  CHECK(year_reaching(up, 0.95, 2023) == std::optional<int>(2028));  // 0.86 + 0.02 × 4.5
  LineFit down = fit_line({2020, 2021}, {10.0, 9.0});
  CHECK_FALSE(year_reaching(down, 12.0, 2021).has_value());
  CHECK(year_reaching(down, 5.0, 2021) == std::optional<int>(2025));
  LineFit flat = fit_line({2020, 2021}, {3.0, 3.0});
  CHECK_FALSE(year_reaching(flat, 4.0, 2021).has_value());
}

TEST_CASE("quadrants follow the result's direction around the reference lines", "[quadrant]") {
  // Visits per inhabitant (higher is better) against cost per inhabitant (the input).
  CHECK(classify(12, 50, 10, 60, Direction::higher_is_better, Direction::lower_is_better) == Quadrant::efficient);
  CHECK(classify(12, 70, 10, 60, Direction::higher_is_better, Direction::lower_is_better) == Quadrant::generous);
  CHECK(classify(8, 50, 10, 60, Direction::higher_is_better, Direction::lower_is_better) == Quadrant::frugal);
  CHECK(classify(8, 70, 10, 60, Direction::higher_is_better, Direction::lower_is_better) == Quadrant::inefficient);
  // Cost per loan as the result: lower is the good result.
  CHECK(classify(3, 50, 4, 60, Direction::lower_is_better, Direction::lower_is_better) == Quadrant::efficient);
  CHECK(classify(3, kMissing, 4, 60, Direction::lower_is_better, Direction::neutral) == Quadrant::none);
}

TEST_CASE("correlation is Pearson's r over the complete pairs", "[quadrant]") {
  CHECK_THAT(correlation({1, 2, 3, 4}, {2, 4, 6, 8}), WithinRel(1.0, 1e-12));
  CHECK_THAT(correlation({1, 2, 3, 4}, {8, 6, 4, 2}), WithinRel(-1.0, 1e-12));
  CHECK_THAT(correlation({1, 2, 3, kMissing}, {1, 3, 2, 100}), WithinAbs(0.5, 1e-12));
  CHECK(is_missing(correlation({1, 2}, {1, 2})));
  CHECK(is_missing(correlation({1, 1, 1}, {1, 2, 3})));
}

TEST_CASE("every text has English, Swedish and Norwegian, and every key the code uses exists", "[labels]") {
  std::set<std::string> keys;
  for (std::string_view k : text_keys()) {
    INFO(k);
    CHECK(text_complete(k));
    CHECK(keys.insert(std::string(k)).second);  // no key twice
  }
  // Keys named in the sources: text(lang, "…"), tr(lang, "…"), textf(lang, "…", …).
  // (A key built as "prefix_" + name is not checked here.)
  std::regex use(R"re(\b(?:text|tr|textf)\((?:[a-z_]+\.)?(?:lang_?|options_\.lang), "([a-z0-9_/-]+)"(?!\s*\+))re");
  // Every source file, found by walking src/: a file added later is scanned too.
  std::size_t files = 0, uses = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(NYTTA_SOURCE_DIR) + "/src")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    ++files;
    std::ifstream in(entry.path());
    std::stringstream text_of;
    text_of << in.rdbuf();
    std::string s = text_of.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), use); it != std::sregex_iterator(); ++it) {
      ++uses;
      INFO(entry.path().string() << ": " << (*it)[1]);
      CHECK(keys.count((*it)[1]) == 1);
    }
  }
  CHECK(files > 100);
  CHECK(uses > 200);  // the scan sees the commands' texts, not a handful
}

TEST_CASE("texts are chosen by language and fall back to English", "[labels]") {
  CHECK(text("sv", "national") == "Riket");
  CHECK(text("nb", "national") == "Landet");
  CHECK(text("de", "national") == "National");
  CHECK(textf("sv", "note_missing_values", 3, 286, "cost_per_loan", 2013) == "3 av 286 enheter saknar värde för cost_per_loan 2013");
}
