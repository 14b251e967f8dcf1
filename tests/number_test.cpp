#include <catch2/catch.hpp>

#include "nytta/load/number.hpp"

using namespace nytta;
using Catch::Matchers::WithinRel;

namespace {
NumberFormat point() { return NumberFormat{'.', default_missing_markers()}; }
NumberFormat comma() { return NumberFormat{',', default_missing_markers()}; }
double parsed_value(std::string_view s, const NumberFormat& f) {
  ParsedNumber p = parse_number(s, f);
  REQUIRE(p.ok());
  return p.value;
}
bool is_error(std::string_view s, const NumberFormat& f) {
  return parse_number(s, f).status == ParsedNumber::Status::error;
}
}  // namespace

TEST_CASE("plain decimals read with either decimal mark", "[number]") {
  CHECK(parsed_value("12.5", point()) == 12.5);
  CHECK(parsed_value("12,5", comma()) == 12.5);
  CHECK(parsed_value(".68", point()) == 0.68);
  CHECK(parsed_value("-3", point()) == -3.0);
  CHECK(parsed_value("+3", point()) == 3.0);
  CHECK(parsed_value("\xE2\x88\x92" "3,5", comma()) == -3.5);  // U+2212 minus
}

TEST_CASE("thousands groups are read by space, no-break space or the other mark", "[number]") {
  CHECK(parsed_value("1 234 567", point()) == 1234567.0);
  CHECK(parsed_value("1\xC2\xA0" "234,5", comma()) == 1234.5);
  CHECK(parsed_value("1\xE2\x80\xAF" "234", comma()) == 1234.0);
  CHECK(parsed_value("1.234.567,25", comma()) == 1234567.25);
  CHECK(parsed_value("1,234,567.25", point()) == 1234567.25);
}

TEST_CASE("badly placed thousands separators are errors, not other numbers", "[number]") {
  CHECK(is_error("1,2,3", point()));
  CHECK(is_error("12,34", point()));
  CHECK(is_error("1 23", point()));
}

TEST_CASE("scientific notation from spreadsheet exports is read", "[number]") {
  CHECK_THAT(parsed_value("6.9545865498296097E-2", point()), WithinRel(0.069545865498296097, 1e-15));
  CHECK(parsed_value("1e3", point()) == 1000.0);
}

TEST_CASE("a percent sign turns the value into a share", "[number]") {
  CHECK_THAT(parsed_value("47,1 %", comma()), WithinRel(0.471, 1e-12));
  CHECK_THAT(parsed_value("47.1%", point()), WithinRel(0.471, 1e-12));
}

TEST_CASE("missing markers read as missing, not as zero", "[number]") {
  for (const char* m : {"", " ", ".", "..", "...", "-", "–", "—", ":", "x", "NA", "n/a", "N/A"}) {
    INFO(m);
    CHECK(parse_number(m, point()).status == ParsedNumber::Status::missing);
  }
}

TEST_CASE("text that is not a number is an error with a reason", "[number]") {
  for (const char* bad : {"abc", "12a", "NaN", "inf", "-inf", "0x10", "1e", "--1", "1e400"}) {
    INFO(bad);
    ParsedNumber p = parse_number(bad, point());
    CHECK(p.status == ParsedNumber::Status::error);
    CHECK(p.reason != nullptr);
  }
  CHECK(std::string(parse_number("0x10", point()).reason) == "hexadecimal numbers are not read");
  CHECK(std::string(parse_number("1e400", point()).reason) == "number out of range");
}

TEST_CASE("minus zero reads as zero", "[number]") {
  double v = parsed_value("-0", point());
  CHECK(v == 0.0);
  CHECK_FALSE(std::signbit(v));
}
