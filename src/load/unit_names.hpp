#pragma once
// Names of units from a separate list. Statistics published one file per indicator often
// carry only a code (Kolada's DDF export: `geo,year,n11008`), and the names live in an
// entity list (`kommun,name,region`). A mapping's [[file]] entry with
// `names = { code = …, name = …, group = … }` reads such a list; the units of the data
// files get their names (and groups) from it by code.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "load/mapping.hpp"
#include "load/record_source.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/util/error.hpp"

namespace nytta {

struct UnitNameEntry {
  std::string name;
  std::string group;
  Location where;
};

/// Name and group by code (after the mapping's code_pad).
using UnitNames = std::map<std::string, UnitNameEntry>;

/// code left-padded with zeros to width when it is all digits and shorter ("114" → "0114").
std::string padded_code(std::string code, std::size_t width);

/// Reads a names file: its first record is the header, the columns are found as columns
/// names. The same code with another name or group (in this file or an earlier one) is an
/// error in errors; a row without a code or a name is skipped and counted in the result.
std::size_t read_unit_names(RecordSource& in, const NameSource& columns, const Mapping& mapping, UnitNames& names,
                            ErrorList& errors);

/// Gives each unit without a name the name of its code, and without a group its group.
/// Returns the codes of units that have neither a name nor an entry (sorted).
std::vector<std::string> apply_unit_names(const UnitNames& names, std::vector<Unit>& units);

}  // namespace nytta
