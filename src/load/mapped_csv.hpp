#pragma once
// Applying a mapping to the files of an export: see mapping.hpp.

#include <string>
#include <string_view>
#include <vector>

#include "load/mapping.hpp"
#include "nytta/model/dataset.hpp"
#include "nytta/load/load.hpp"

namespace nytta {

/// Reads paths as the mapping describes and returns one Dataset. Flags in options
/// (delimiter, encoding) take precedence over the mapping's [input].
Dataset load_mapped(const std::vector<std::string>& paths, const Mapping& mapping, const LoadOptions& options);

/// A CSV file held in memory: its name (matched against [[file]] entries, the source in
/// messages) and its bytes.
struct TextFile {
  std::string name;
  std::string_view bytes;
};

/// The same for CSV files already in memory (tests, the fuzzer): nothing is opened.
Dataset load_mapped_text(const std::vector<TextFile>& files, const Mapping& mapping, const LoadOptions& options);

}  // namespace nytta
