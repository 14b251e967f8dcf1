#pragma once
// Applying a mapping to the files of an export: see mapping.hpp.

#include <string>
#include <vector>

#include "load/mapping.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/load/load.hpp"

namespace nytta {

/// Reads paths as the mapping describes and returns one Dataset. Flags in options
/// (delimiter, encoding) take precedence over the mapping's [input].
Dataset load_mapped(const std::vector<std::string>& paths, const Mapping& mapping, const LoadOptions& options);

}  // namespace nytta
