#pragma once
// What the evaluator's parts (evaluator.cpp, evaluator_flag.cpp) throw among themselves.

#include <string>

namespace nytta::detail {

// Thrown while resolving a formula whose measure the data lack; caught to try the
// entry's fallback, and turned into a DataError when there is none.
struct MissingMeasure {
  std::string measure;
  std::string kpi;
};

}  // namespace nytta::detail
