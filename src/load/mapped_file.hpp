#pragma once
// One file of an export read through its mapping: which [[file]] entry it falls under, and
// its rows (long layout) or year columns (wide layout) into the accumulator.

#include <cstddef>
#include <string>

#include "load/accumulator.hpp"
#include "load/mapping.hpp"
#include "load/record_source.hpp"
#include "nytta/util/error.hpp"

namespace nytta::detail {

/// The [[file]] entry whose match the file's base name fits, or nullptr.
const FileRule* rule_for(const Mapping& m, const std::string& path);

/// Reads the file's records through the mapping (rule: the file's entry, or nullptr) into
/// acc, errors into errors; returns how many rows or year columns were of years outside
/// the mapping's [keys] years.
std::size_t read_mapped_file(const Mapping& m, const FileRule* rule, RecordSource& reader, Accumulator& acc,
                             ErrorList& errors);

}  // namespace nytta::detail
