// `nytta batch` makes every report from rankings computed once, on two threads: each file
// must still be byte for byte what `nytta compare` writes for that unit alone.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_cli.hpp"
#include "test_support.hpp"

namespace {

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every batch report is byte for byte the compare report of its unit alone", "[cmd][batch]") {
  nytta::test::Scratch dir("batch_identical");
  const std::string data = nytta::test::kSourceDir + "/data/se_libraries_2012.csv";
  for (const char* format : {"csv", "md", "html", "json"}) {
    INFO(format);
    const std::string out = dir.path(std::string("out_") + format);
    nytta::test::run_cli({"batch", data, "--out", out, "-f", format, "-q", "-j", "2"});
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
      if (entry.path().stem() != "index" && entry.path().filename().string()[0] != '.') files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    CHECK(files.size() == 288);  // every municipality in the survey
    // Every 20th unit, so that both threads' shares are among them (they take turns).
    std::size_t compared = 0;
    for (std::size_t i = 0; i < files.size(); i += 19) {
      const std::string name = files[i].filename().string();
      const std::string code = name.substr(0, name.find('_'));
      INFO(name);
      nytta::test::CliRun alone = nytta::test::run_cli({"compare", "--unit", code, data, "-f", format});
      CHECK(file_text(files[i]) == alone.out);
      ++compared;
    }
    CHECK(compared >= 15);
  }
}
