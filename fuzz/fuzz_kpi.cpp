// libFuzzer target: a KPI catalogue or a rules file evaluated on a small dataset, as
// `nytta report --kpis FILE` and `nytta check --rules FILE` do. The input is the TOML,
// a NUL byte, and canonical long CSV; the first byte of the TOML picks the mode (pick %
// 3: 0 the catalogue alone, 1 the catalogue over the built-in one, 2 rules on the
// built-in catalogue) and is not part of it. Seeds are the bundled catalogues and rules
// with small data, and generated chains and cycles of KPIs around the depth limit.
// What must hold: every input evaluates or fails with a nytta error (per KPI: one that
// cannot be computed does not stop the others); every value is a number or missing, never
// infinite; columns have one value (and status) per row; national values likewise.

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.hpp"
#include "load/totals.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/load/rules_file.hpp"
#include "nytta/metrics/check.hpp"
#include "nytta/util/error.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/model/kpi.hpp"
#include "nytta/load/load.hpp"

namespace {

void check_column(nytta::Evaluator& e, const std::string& id) {
  const nytta::Dataset& d = e.data();
  const nytta::KpiColumn& c = e.column(id);
  NYTTA_REQUIRE(c.values.size() == d.row_count());
  NYTTA_REQUIRE(c.status.empty() || c.status.size() == d.row_count());
  for (double v : c.values) NYTTA_REQUIRE(!std::isinf(v));
  for (int y : d.years()) {
    const nytta::NationalValue& n = e.national(id, y);
    NYTTA_REQUIRE(!std::isinf(n.value) && !std::isinf(n.summed_value));
  }
  for (std::size_t r = 0; r < d.row_count() && r < 8; ++r) (void)e.flag(id, r);
}

void evaluate_catalogue(const nytta::Dataset& d, const nytta::Catalogue& catalogue) {
  nytta::Evaluator evaluator(d, catalogue);
  for (const std::string& id : catalogue.ids()) {
    try {
      check_column(evaluator, id);
    } catch (const nytta::DataError& e) {
      nytta::fuzz::refused(e);
    } catch (const nytta::UsageError& e) {
      nytta::fuzz::refused(e);
    }
  }
}

void run_rules(const nytta::Dataset& d, const nytta::RuleSet& rules) {
  nytta::Evaluator e(d, nytta::builtin_catalogue());
  std::vector<nytta::RuleResult> results = nytta::run_rules(e, rules);
  NYTTA_REQUIRE(results.size() <= rules.rules.size());
  for (const nytta::RuleResult& r : results) {
    for (const nytta::CheckCase& c : r.cases) NYTTA_REQUIRE(!std::isinf(c.value) && !std::isinf(c.limit));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = data[0] % 3;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::string_view> parts = nytta::fuzz::split_parts(in, 2);
  if (parts.size() < 2) return 0;
  nytta::fuzz::accepted([&] {
    // The TOML first: most mutants of it fail there, before the data are read.
    nytta::RuleSet rules;
    nytta::Catalogue catalogue;
    if (pick == 2) {
      rules = nytta::parse_rules(parts[0], "fuzz.toml");
    } else {
      catalogue = nytta::parse_catalogue(parts[0], "fuzz.toml");
      if (pick == 1) catalogue = nytta::overlay(nytta::builtin_catalogue(), catalogue);
    }
    std::istringstream csv{std::string(parts[1])};
    nytta::LoadOptions o;
    o.fast = false;
    o.max_rows = 1'000;
    nytta::Dataset d = nytta::load_long_csv("fuzz.csv", csv, o);
    nytta::mark_totals(d);
    nytta::check_national_rows(d);
    if (pick == 2) {
      run_rules(d, rules);
    } else {
      evaluate_catalogue(d, catalogue);
    }
  });
  return 0;
}
