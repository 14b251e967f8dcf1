// The line reader under CsvReader (src/load/line_reader.cpp) replaced fast-cpp-csv-parser's
// io::LineReader, which allocated 48 MiB per file: it must cut lines exactly as that one
// did, including past its window of two 16 MiB blocks.

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "load/line_reader.hpp"

using namespace nytta;

namespace {

std::vector<std::string> lines_of(const std::string& bytes) {
  LineReader reader(std::make_unique<MemoryInput>(bytes.data(), bytes.size()));
  std::vector<std::string> lines;
  while (char* line = reader.next_line()) lines.emplace_back(line);
  return lines;
}

// Hands out a few bytes per read, as a pipe does.
class Trickle final : public ByteInput {
 public:
  explicit Trickle(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* to, std::size_t n) override {
    n = std::min({n, bytes_.size() - at_, std::size_t{3}});
    bytes_.copy(to, n, at_);
    at_ += n;
    return n;
  }

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

}  // namespace

TEST_CASE("the line reader ends lines at LF and CRLF, keeps blank lines and reads a last line without LF",
          "[load][lines]") {
  CHECK(lines_of("a,b\n1,2\r\n\n3,4") == std::vector<std::string>{"a,b", "1,2", "", "3,4"});
  CHECK(lines_of("a\n") == std::vector<std::string>{"a"});
  CHECK(lines_of("a\n\n") == std::vector<std::string>{"a", ""});
  CHECK(lines_of("a\r") == std::vector<std::string>{"a"});  // a CR before the end, as before the LF
  CHECK(lines_of("a\rb\n") == std::vector<std::string>{"a\rb"});  // a CR inside is CsvReader's business
  CHECK(lines_of("").empty());
}

TEST_CASE("the line reader skips a UTF-8 BOM at the start and only there", "[load][lines]") {
  CHECK(lines_of("\xEF\xBB\xBF" "code\n1\n") == std::vector<std::string>{"code", "1"});
  CHECK(lines_of("code\n\xEF\xBB\xBF" "1\n") == std::vector<std::string>{"code", "\xEF\xBB\xBF" "1"});
}

TEST_CASE("the line reader takes its input by short reads as by one", "[load][lines]") {
  LineReader reader(std::make_unique<Trickle>("code,name\n0114,V\xC3\xA4sby\r\n0115,A"));
  std::vector<std::string> lines;
  while (char* line = reader.next_line()) lines.emplace_back(line);
  CHECK(lines == std::vector<std::string>{"code,name", "0114,V\xC3\xA4sby", "0115,A"});
}

TEST_CASE("a line of 16 MiB is too long, one byte shorter is not", "[load][lines]") {
  const std::size_t limit = LineReader::kMaxLineBytes;
  std::string ok = "a\n" + std::string(limit - 1, 'x') + "\nb\n";
  std::vector<std::string> lines = lines_of(ok);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].size() == limit - 1);
  CHECK(lines[2] == "b");
  std::string bytes = "a\n" + std::string(limit, 'x') + "\nb\n";
  LineReader reader(std::make_unique<MemoryInput>(bytes.data(), bytes.size()));
  CHECK(std::string(reader.next_line()) == "a");
  CHECK_THROWS_AS(reader.next_line(), LineTooLong);
}

TEST_CASE("the line reader reads on past its first two blocks, with lines across their borders", "[load][lines]") {
  // 40 MiB of numbered lines of 1000 bytes: block borders fall inside lines.
  const std::size_t count = 42'000;
  std::string bytes;
  bytes.reserve(count * 1000);
  for (std::size_t i = 0; i < count; ++i) {
    std::string n = std::to_string(i);
    bytes += n;
    bytes.append(999 - n.size(), i % 2 ? 'y' : 'x');
    bytes += '\n';
  }
  REQUIRE(bytes.size() > 2 * LineReader::kMaxLineBytes);
  LineReader reader(std::make_unique<MemoryInput>(bytes.data(), bytes.size()));
  std::size_t i = 0;
  for (char* line = reader.next_line(); line; line = reader.next_line(), ++i) {
    std::string n = std::to_string(i);
    std::string want = n + std::string(999 - n.size(), i % 2 ? 'y' : 'x');
    if (want != line) FAIL("line " << i + 1 << " differs");
  }
  CHECK(i == count);
}
