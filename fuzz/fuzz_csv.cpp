// libFuzzer target: the CSV loaders. The first byte picks the options (separator, decimal
// mark, encoding), the rest is the file. Every input must load or fail with a nytta
// error; what loads is a sound Dataset; and whenever the fast path takes the bytes, the
// general loader must give the same. Both read from memory, so that an input costs
// microseconds, not a file.

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "fuzz_util.hpp"
#include "load/fast_long_csv.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  nytta::LoadOptions o;
  const std::uint8_t pick = data[0];
  static const char kDelimiters[] = {0, ',', ';', '\t', '|'};
  o.delimiter = kDelimiters[pick % 5];
  o.decimal = (pick & 0x08) ? ',' : 0;
  if (pick & 0x10) o.encoding = nytta::Encoding::cp1252;
  o.max_rows = 10'000;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::optional<nytta::Dataset> general;
  nytta::fuzz::accepted([&] {
    std::istringstream in{std::string(text)};
    general = nytta::load_long_csv("fuzz.csv", in, o);
  });
  if (general) nytta::fuzz::check_dataset(*general);

  // The fast path, on the same bytes: it must never take what the general loader refuses,
  // and what it takes must come out the same.
  try {
    std::optional<nytta::Dataset> fast = nytta::try_fast_long_csv(text, "fuzz.csv", o, 1);
    NYTTA_REQUIRE(!fast || (general && nytta::fuzz::same(*fast, *general)));
  } catch (const std::runtime_error& e) {
    nytta::fuzz::fail(e.what(), __FILE__, __LINE__);  // the fast path gives up, it never reports
  }
  return 0;
}
