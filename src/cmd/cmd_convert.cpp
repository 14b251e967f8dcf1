// nytta convert --map MAP FILE… [-o OUT.csv]: any export a mapping describes → canonical
// long CSV, written atomically.

#include <fmt/format.h>
#include <memory>
#include <sstream>

#include "cmd/commands.hpp"
#include "nytta/report/canonical_csv.hpp"
#include "nytta/util/error.hpp"
#include "nytta/util/atomic_file.hpp"

namespace nytta {

Outcome run_convert(const ConvertOptions& o, Io& io) {
  if (o.common.map_file.empty()) throw UsageError("convert needs --map MAP: the mapping that describes the files");
  if (o.common.files.empty()) throw UsageError("convert needs the files of the export to read");
  Dataset data = load_input(o.common, io);
  std::ostringstream text;
  write_canonical_csv(data, text);
  for (const std::string& n : data.notes) io.err << "nytta: note: " << n << '\n';
  if (!o.common.output.empty()) {
    write_file_atomically(o.common.output, text.str());
  } else {
    write_stdout(text.str(), io);
  }
  return Outcome::ok;
}

}  // namespace nytta
