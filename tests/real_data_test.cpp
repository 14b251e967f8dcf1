// Checks against numbers computed by hand from the raw public files in
// ../shared/data/real (see data/README.md for the derivation of the bundled file).

#include <catch2/catch.hpp>
#include <cmath>

#include "nytta/load/catalogue_file.hpp"
#include "nytta/metrics/evaluator.hpp"
#include "nytta/load/load.hpp"

using namespace nytta;
using Catch::Matchers::WithinRel;

namespace {
const Dataset& finland() {
  static const Dataset d =
      load_long_csv(std::string(NYTTA_SOURCE_DIR) + "/data/fi_libraries_1999_2013.csv", LoadOptions{});
  return d;
}
double value_of(Evaluator& e, const std::string& kpi, const std::string& name, int year) {
  const Dataset& d = e.data();
  for (std::size_t r = 0; r < d.row_count(); ++r) {
    if (d.unit_of(r).name == name && d.row_year[r] == year && d.unit_of(r).kind == RowKind::unit)
      return e.column(kpi).values[r];
  }
  FAIL("no row");
  return kMissing;
}
}  // namespace

TEST_CASE("Helsinki's 2013 cost per loan equals operating cost per inhabitant over loans per inhabitant", "[real]") {
  // Source: Finnish public library statistics (tilastot.kirjastot.fi via roopet/kirjastovis-final),
  // Helsinki 2013: toimintakulut.csv 63.4 EUR per inhabitant, lainauksetpa.csv 14.8 loans per
  // inhabitant, so cost per loan = 63.4 / 14.8 = 4.2838 EUR (the population cancels out).
  Evaluator e(finland(), builtin_catalogue());
  CHECK_THAT(value_of(e, "cost_per_loan", "Helsinki", 2013), WithinRel(63.4 / 14.8, 1e-6));
  // kaynnit.csv: 10.8 visits per inhabitant; lainaajia.csv: 38.6 % borrowers.
  CHECK_THAT(value_of(e, "visits_per_inhabitant", "Helsinki", 2013), WithinRel(10.8, 1e-6));
  CHECK_THAT(value_of(e, "active_borrower_share", "Helsinki", 2013), WithinRel(0.386, 1e-5));
  // aotunnit.csv 99 600 hours; population 8 939 278 / 14.8 = 604 005.
  CHECK_THAT(value_of(e, "hours_per_1000_inhabitants_week", "Helsinki", 2013),
             WithinRel(99600.0 / 52 / 604005 * 1000, 1e-9));
}

TEST_CASE("the Finnish national cost per loan 2013 is that of the Koko maa row", "[real]") {
  // Koko maa 2013: toimintakulut 59.1 EUR per inhabitant, lainauksetpa 17.2 loans per inhabitant.
  Evaluator e(finland(), builtin_catalogue());
  const NationalValue& v = e.national("cost_per_loan", 2013);
  CHECK(v.from_aggregate_row);
  CHECK_THAT(v.value, WithinRel(59.1 / 17.2, 1e-6));
  // In 2013 the 286 municipalities add up to the national loans exactly (92 775 720).
  CHECK(e.national("loans", 2013).summed_value == 92775720.0);
}

TEST_CASE("municipalities created by mergers have no rows before they existed", "[real]") {
  // kokonaislainaus.csv has 0 for Akaa 1999–2006: the town was formed in 2007.
  const Dataset& d = finland();
  std::size_t akaa_rows = 0;
  for (std::size_t r = 0; r < d.row_count(); ++r) akaa_rows += d.unit_of(r).name == "Akaa";
  CHECK(akaa_rows == 7);
}

TEST_CASE("the Swedish national cost per loan 2012 from the municipalities is within 1 % of the Riket row", "[real]") {
  // KB Folk 2012 (libris/bibstat): Riket operating cost Folk38 = 3 827 093 241 SEK, loans
  // Folk108 + Folk120 = 55 688 240 + 11 673 110 = 67 361 350, so 56.81 SEK per loan.
  Dataset d = load_long_csv(std::string(NYTTA_SOURCE_DIR) + "/data/se_libraries_2012.csv", LoadOptions{});
  Evaluator e(d, builtin_catalogue());
  const NationalValue& v = e.national("cost_per_loan", 2012);
  CHECK(v.from_aggregate_row);
  CHECK_THAT(v.value, WithinRel(3827093241.0 / 67361350.0, 1e-12));
  CHECK(std::fabs(v.summed_value / v.value - 1.0) < 0.01);
  // Sotenäs reports cost but 0 loans: it has no cost per loan and is not in the sum.
  CHECK(v.units_summed == 287);
}

TEST_CASE("SCB loans of a municipality are the sum of its media types", "[real]") {
  // SCB KU0101 via loans_with_population.csv: Stockholm (0180) 2012, the 10 media types add
  // up to 4 148 057 loans (SOURCES.md §10).
  Dataset d = load_long_csv(std::string(NYTTA_SOURCE_DIR) + "/data/se_library_loans_2000_2012.csv", LoadOptions{});
  Evaluator e(d, builtin_catalogue());
  CHECK(value_of(e, "loans", "Stockholm", 2012) == 4148057.0);
  CHECK(e.national("loans", 2012).value == 66562302.0);
}
