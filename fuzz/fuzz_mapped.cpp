// libFuzzer target: a mapping applied to CSV files, as `nytta convert --map` does, all in
// memory. The input is the mapping (TOML), then for each file a NUL byte, its name (the
// [[file]] globs and year_from_file look at it) up to a newline, and its bytes; the seeds
// are the bundled mappings with the heads of the exports they describe, so that the fuzzer
// starts past the required keys, in the patterns, year filters, scales, joins and
// derived measures. What must hold: every input loads or fails with a nytta error; what
// loads is a sound Dataset; and the canonical CSV that convert writes of it reads back as
// the same cells (nytta's own output is its input).

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.hpp"
#include "load/mapped_csv.hpp"
#include "load/mapping.hpp"
#include "load/totals.hpp"
#include "nytta/report/canonical_csv.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts = nytta::fuzz::split_parts(in, 9);
  if (parts.size() < 2) return 0;
  nytta::Dataset d;
  nytta::LoadOptions o;
  o.max_rows = 10'000;
  bool loaded = nytta::fuzz::accepted([&] {
    nytta::Mapping m = nytta::parse_mapping(parts[0], "fuzz.toml");
    std::vector<nytta::TextFile> files;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      std::string_view p = parts[i];
      std::size_t nl = p.find('\n');
      std::string name(p.substr(0, nl));
      files.push_back(nytta::TextFile{name.empty() ? "fuzz.csv" : name,
                                      nl == std::string_view::npos ? std::string_view() : p.substr(nl + 1)});
    }
    d = nytta::load_mapped_text(files, m, o);
    nytta::mark_totals(d);
    nytta::check_national_rows(d);
  });
  if (!loaded) return 0;
  nytta::fuzz::check_dataset(d);
  if (d.row_count() == 0 || d.measures.empty()) return 0;

  // convert's output, read back by the canonical loader.
  std::stringstream csv;
  nytta::write_canonical_csv(d, csv);
  nytta::LoadOptions back;
  back.fast = false;
  nytta::Dataset again;
  try {
    again = nytta::load_long_csv("converted.csv", csv, back);
  } catch (const nytta::DataError& e) {
    nytta::fuzz::fail(e.what(), __FILE__, __LINE__);  // nytta cannot read what it wrote
  }
  NYTTA_REQUIRE(nytta::fuzz::same_cells(d, again));
  return 0;
}
