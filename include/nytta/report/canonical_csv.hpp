#pragma once
// A Dataset as canonical long CSV: what `nytta convert` writes and every command reads.

#include <ostream>

#include "nytta/model/dataset.hpp"

namespace nytta {

/// Columns code, name, group, kind (those the data use), year, the measures, currency;
/// rows by kind (national, region, unit), code, name, year; numbers in full precision.
void write_canonical_csv(const Dataset& data, std::ostream& out);

}  // namespace nytta
