#pragma once
// Reading KPI catalogues: the built-in one compiled into the binary, and --kpis files.

#include <string>
#include <string_view>

#include "nytta/model/kpi.hpp"

namespace nytta {

/// The built-in library catalogue (kpis/library.toml compiled into the binary).
const Catalogue& builtin_catalogue();

/// Parses a catalogue from TOML text. Throws DataError naming source_name, the line and
/// the field for syntax errors, unknown fields or values, duplicate ids, formulas that do
/// not parse and cycles between KPIs.
Catalogue parse_catalogue(std::string_view toml_text, const std::string& source_name);

/// Reads a catalogue file. Throws FileError when it cannot be read.
Catalogue read_catalogue_file(const std::string& path);

/// The catalogue a --kpis file gives: a catalogue of another service (named, and not
/// `extends = "library"`) stands alone, so that a preschool report never lists library KPIs
/// as missing; an unnamed file, or one that extends the library catalogue, adds to it.
Catalogue catalogue_from_file(const Catalogue& file);

}  // namespace nytta
