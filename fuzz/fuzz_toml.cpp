// libFuzzer target: the TOML readers. The first byte picks the reader (mapping, KPI
// catalogue, rules); every input must parse or fail with a nytta error naming a place.

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.hpp"
#include "load/mapping.hpp"
#include "nytta/load/rules_file.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/catalogue_file.hpp"
#include "nytta/model/kpi.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  nytta::fuzz::accepted([&] {
    switch (data[0] % 3) {
      case 0: nytta::parse_mapping(text, "fuzz.toml"); break;
      case 1: nytta::parse_catalogue(text, "fuzz.toml"); break;
      default: nytta::parse_rules(text, "fuzz.toml"); break;
    }
  });
  return 0;
}
