#pragma once
// Values no real export can hold, found right after loading.

#include <string>
#include <vector>

#include "nytta/dataset.hpp"

namespace nytta {

/// Negative values of the canonical measures (counts and money: population, loans, cost …)
/// become missing; returns the notes that say how many were dropped. (Merely unlikely
/// values, such as more active borrowers than inhabitants, are for `nytta validate`.)
std::vector<std::string> drop_impossible_values(Dataset& data);

}  // namespace nytta
