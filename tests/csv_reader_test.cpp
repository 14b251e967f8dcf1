#include <catch2/catch.hpp>
#include <sstream>

#include "load/csv_reader.hpp"

using namespace nytta;

namespace {
std::vector<std::vector<std::string>> read_rows(const std::string& text, Dialect d = {}) {
  std::istringstream in(text);
  CsvReader r("t.csv", in, d);
  std::vector<std::vector<std::string>> out;
  while (r.next()) {
    std::vector<std::string> rec;
    for (std::size_t i = 0; i < r.size(); ++i) rec.emplace_back(r.field(i));
    out.push_back(rec);
  }
  return out;
}
std::string csv_error(const std::string& text, Dialect d = {}) {
  try {
    read_rows(text, d);
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("quoted fields keep separators, doubled quotes and newlines", "[csv]") {
  auto rows = read_rows("name,n\n\"Bournemouth, Christchurch and Poole\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1][0] == "Bournemouth, Christchurch and Poole");
  CHECK(rows[2][0] == "say \"hi\"");
  CHECK(rows[3][0] == "two\nlines");
  CHECK(rows[3][1] == "3");
}

TEST_CASE("a UTF-8 byte order mark is not part of the first header", "[csv]") {
  auto rows = read_rows("\xEF\xBB\xBFSTABR,name\nAK,x\n");
  CHECK(rows[0][0] == "STABR");
}

TEST_CASE("CRLF, CR-only and a missing final newline all end lines", "[csv]") {
  CHECK(read_rows("a,b\r\n1,2\r\n")[1][1] == "2");
  auto cr = read_rows("a,b\r1,2\r3,4");
  REQUIRE(cr.size() == 3);
  CHECK(cr[2][1] == "4");
  CHECK(read_rows("a,b\n1,2")[1][1] == "2");
}

TEST_CASE("blank lines are skipped and trailing separators give empty fields", "[csv]") {
  auto rows = read_rows("a,b,\n\n1,2,\n\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].size() == 3);
  CHECK(rows[1][2].empty());
}

TEST_CASE("the separator is detected among ; , tab and |", "[csv]") {
  CHECK(read_rows("a;b;c\n1,5;2;3\n")[1][0] == "1,5");
  CHECK(read_rows("a\tb\n1\t2\n")[1][1] == "2");
  CHECK(read_rows("a|b\n1|2\n")[1][1] == "2");
  std::istringstream in("a;b\n1,5;2\n");
  CsvReader r("t.csv", in, {});
  CHECK(r.dialect().delimiter == ';');
  CHECK(r.dialect().decimal == ',');
}

TEST_CASE("a decimal comma first seen after a hundred whole-number rows is still the decimal mark", "[csv]") {
  // An Excel export sorted by code: counts and whole kronor for many rows, then "38333,7".
  std::string text = "kod;utlan\n";
  for (int i = 0; i < 120; ++i) text += std::to_string(1000 + i) + ";" + std::to_string(20000 + i) + "\n";
  text += "2000;38333,7\n";
  std::istringstream in(text);
  CsvReader r("t.csv", in, {});
  CHECK(r.dialect().delimiter == ';');
  CHECK(r.dialect().decimal == ',');
}

TEST_CASE("Windows-1252 files are detected and come out as UTF-8", "[csv]") {
  auto rows = read_rows("maakunta,kunta\n\"Etel\xE4-Karjala\",Imatra\n");
  CHECK(rows[1][0] == "Etelä-Karjala");
}

TEST_CASE("an unterminated quote is an error at the line where it opened", "[csv]") {
  CHECK(csv_error("a,b\n1,\"open\n2,3\n") == "t.csv:2:3: quoted field is not closed before the end of the file");
}

TEST_CASE("text after a closing quote is an error naming the text", "[csv]") {
  CHECK(csv_error("a,b\n\"x\"y,2\n") == "t.csv:2:4: text after the closing quote of a field, found 'y'");
}

TEST_CASE("a NUL byte is reported with its line and column", "[csv]") {
  CHECK(csv_error(std::string("a,b\n1,2\n3,\0\n", 12)) ==
        "t.csv:3:3: NUL byte in the file: this is not a text (CSV) file");
}

TEST_CASE("invalid UTF-8 after a UTF-8 start names the encoding flag", "[csv]") {
  // Detection looks at the first 1 MiB; the bad byte comes after it.
  std::string filler = std::string(600000, 'a') + "\n";
  std::string text = "name\n\xC3\xA5ngby\n" + filler + filler + "\xFF\n";
  std::string e = csv_error(text);
  CHECK(e.find("t.csv:5:1: invalid UTF-8") == 0);
  CHECK(e.find("--encoding windows-1252") != std::string::npos);
}

TEST_CASE("bytes that are neither UTF-8 nor Windows-1252 are an error", "[csv]") {
  CHECK(csv_error("name\n\x81\x8D\n").find("t.csv:2:1: bytes that are neither UTF-8 nor Windows-1252") == 0);
}

TEST_CASE("UTF-16 files are refused with advice", "[csv]") {
  CHECK(csv_error(std::string("\xFF\xFE" "a\0,\0", 6)).find("UTF-16") != std::string::npos);
}

TEST_CASE("a field over 1 MiB is an error, not an allocation spree", "[csv]") {
  std::string big(kMaxFieldBytes + 10, 'x');
  CHECK(csv_error("a,b\n1," + big + "\n") == "t.csv:2:3: field longer than 1 MiB");
  CHECK(csv_error("a,b\n1,\"" + big + "\"\n") == "t.csv:2:3: field longer than 1 MiB");
}

TEST_CASE("columns in messages count characters, not bytes", "[csv]") {
  CHECK(csv_error("a,b,c\nÅre,Malmö,\"x\"y\n") == "t.csv:2:14: text after the closing quote of a field, found 'y'");
}
