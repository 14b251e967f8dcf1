// Totals found without a kind column (src/load/totals.cpp): by their words in the Nordic
// languages and English, and by their values being the sum of the units.

#include <catch2/catch.hpp>

#include "load/totals.hpp"

using namespace nytta;

namespace {

Unit named(const std::string& code, const std::string& name) { return Unit{code, name, "", RowKind::unit, false}; }

// Three municipalities and a fourth row (code, name, loans) in 2012.
Dataset with_fourth_row(const std::string& code, const std::string& name, double loans) {
  Dataset d;
  d.units = {named("0114", "Upplands Väsby"), named("0115", "Vallentuna"), named("0117", "Österåker"), named(code, name)};
  d.measures.push_back(Measure{"loans", {100.0, 200.0, 300.0, loans}});
  d.measures.push_back(Measure{"population", {10.0, 20.0, 30.0, 60.0}});
  d.row_unit = {0, 1, 2, 3};
  d.row_year = {2012, 2012, 2012, 2012};
  return d;
}

}  // namespace

TEST_CASE("the words for total in Swedish, Norwegian, Danish, Finnish and English name a total", "[totals]") {
  for (const char* word : {"Totalt", "Summa", "Riket", "Hela landet", "I alt", "Hele landet", "Koko maa", "Yhteensä", "Total",
                           "All", "TOTALT", "hela landet"}) {
    INFO(word);
    CHECK(names_a_total(named("", word)));
  }
  CHECK(names_a_total(named("Riket", "")));
}

TEST_CASE("names that only contain a word for total are municipalities", "[totals]") {
  for (const char* name : {"Allerød", "Ale", "Alingsås", "Totalbygd", "Kalix", "Ballerup"}) {
    INFO(name);
    CHECK_FALSE(names_a_total(named("0120", name)));
  }
}

TEST_CASE("a row whose values are the sum of the other units is a total even without a word", "[totals]") {
  Dataset d = with_fourth_row("9999", "Kommunerna", 600.0);
  mark_totals(d);
  CHECK(d.units[3].kind != RowKind::unit);
  CHECK(d.units[0].kind == RowKind::unit);
  REQUIRE_FALSE(d.notes.empty());
  CHECK(d.notes.back().find("Kommunerna") != std::string::npos);
}

TEST_CASE("a row whose values are not the sum of the others stays a unit", "[totals]") {
  Dataset d = with_fourth_row("0120", "Värmdö", 650.0);
  mark_totals(d);
  CHECK(d.units[3].kind == RowKind::unit);
}

TEST_CASE("a row the file says is a unit is never taken for a total", "[totals]") {
  Dataset d = with_fourth_row("", "Totalt", 600.0);
  d.units[3].kind_stated = true;
  mark_totals(d);
  CHECK(d.units[3].kind == RowKind::unit);
}
