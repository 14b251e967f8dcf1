#pragma once
// The outputs written to a file by name rather than to a stream: xlsx and SQLite.

#include "cmd/common.hpp"
#include "nytta/report/table.hpp"
#include "nytta/report/writer.hpp"

namespace nytta {

/// The run of this command for the history of a SQLite output: its arguments, its input
/// files (data, mapping, catalogue, groups) with their SHA-256, and the time (UTC).
RunInfo run_info(const CommonOptions& o, const Io& io);

/// Writes report as xlsx (atomically) or into a SQLite database (one transaction) at -o FILE.
void write_file_output(const Report& report, Format format, const CommonOptions& o, Io& io, const WriteOptions& wo);

}  // namespace nytta
