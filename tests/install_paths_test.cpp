// Where nytta finds its bundled data: NYTTA_DATA_DIR first, then share/nytta/data beside
// the installed binary, then the source tree of a build that was never installed.

#include <catch2/catch.hpp>

#include <filesystem>

#include "test_support.hpp"
#include "nytta/util/install_paths.hpp"

namespace nytta {

namespace fs = std::filesystem;

TEST_CASE("the installed data beside the binary win over the source tree", "[install]") {
  test::Scratch scratch("install_paths");
  fs::create_directories(scratch.dir / "prefix" / "bin");
  fs::create_directories(scratch.dir / "prefix" / "share" / "nytta" / "data");
  fs::create_directories(scratch.dir / "src" / "data");
  std::string bin = scratch.path("prefix/bin");
  std::string dev = scratch.path("src/data");
  std::string installed = (scratch.dir / "prefix" / "share" / "nytta" / "data").string();

  CHECK(find_data_dir(std::nullopt, bin, dev) == installed);
  CHECK(find_data_dir(std::string("/elsewhere"), bin, dev) == "/elsewhere");
  CHECK(find_data_dir(std::string(""), bin, dev) == installed);  // NYTTA_DATA_DIR= set but empty
  SECTION("a build that is not installed reads the source tree") {
    CHECK(find_data_dir(std::nullopt, scratch.path("src"), dev) == dev);
    CHECK(find_data_dir(std::nullopt, "", dev) == dev);
  }
  SECTION("with neither, the installed place is named, for the error message") {
    fs::remove_all(scratch.dir / "src");
    fs::remove_all(scratch.dir / "prefix" / "share");
    CHECK(find_data_dir(std::nullopt, bin, dev) == installed);
  }
}

TEST_CASE("the share directory holds data, kpis and examples", "[install]") {
  CHECK(share_dir_of("/usr/share/nytta/data") == "/usr/share/nytta");
  CHECK(share_dir_of("/usr/share/nytta/data/") == "/usr/share/nytta");
  CHECK(share_dir_of("/usr/bin/../share/nytta/data") == "/usr/share/nytta");
  CHECK(share_dir_of("data") == ".");
}

TEST_CASE("the executable's directory is found from /proc/self/exe", "[install]") {
  std::string dir = executable_dir();
  REQUIRE_FALSE(dir.empty());
  CHECK(fs::exists(fs::path(dir) / "nytta_tests"));
}

}  // namespace nytta
