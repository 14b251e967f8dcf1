// libFuzzer target: the CSV loaders. The first byte picks the options (separator, decimal
// mark, encoding), the rest is the file. Every input must load or fail with a nytta
// error; and whenever the fast path takes a file, the general loader must give the same.

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string>

#include "load/fast_long_csv.hpp"
#include "nytta/util/error.hpp"
#include "nytta/load/load.hpp"

namespace {

const std::string& scratch_file() {
  static const std::string path = [] {
    char name[] = "/tmp/nytta-fuzz-csv-XXXXXX";
    int fd = ::mkstemp(name);
    if (fd >= 0) ::close(fd);
    return std::string(name);
  }();
  return path;
}

bool same(const nytta::Dataset& a, const nytta::Dataset& b) {
  if (a.row_count() != b.row_count() || a.units.size() != b.units.size()) return false;
  if (a.row_year != b.row_year || a.row_unit != b.row_unit || a.measure_names() != b.measure_names()) return false;
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    if (a.units[i].code != b.units[i].code || a.units[i].name != b.units[i].name) return false;
  }
  for (std::size_t m = 0; m < a.measures.size(); ++m) {
    for (std::size_t r = 0; r < a.row_count(); ++r) {
      double x = a.measures[m].values[r], y = b.measures[m].values[r];
      if (!(x == y || (std::isnan(x) && std::isnan(y)))) return false;
    }
  }
  return a.currency == b.currency;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  nytta::LoadOptions o;
  const std::uint8_t pick = data[0];
  static const char kDelimiters[] = {0, ',', ';', '\t', '|'};
  o.delimiter = kDelimiters[pick % 5];
  o.decimal = (pick & 0x08) ? ',' : 0;
  if (pick & 0x10) o.encoding = nytta::Encoding::cp1252;
  o.max_rows = 10'000;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::optional<nytta::Dataset> general;
  try {
    std::istringstream in(text);
    general = nytta::load_long_csv("fuzz.csv", in, o);
  } catch (const nytta::DataError&) {
  } catch (const nytta::FileError&) {
  } catch (const nytta::UsageError&) {
  }

  // The fast path reads files; it must never take what the general loader refuses, and
  // what it takes must come out the same.
  const std::string& path = scratch_file();
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
  if (fd < 0) return 0;
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written) return 0;
  try {
    std::optional<nytta::Dataset> fast = nytta::try_fast_long_csv(path, o, 1);
    if (fast && (!general || !same(*fast, *general))) std::abort();
  } catch (const std::runtime_error&) {
    std::abort();  // the fast path gives up, it never reports
  }
  return 0;
}
