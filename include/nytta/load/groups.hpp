#pragma once
// Peer groups from a file (--groups FILE): a code (or name) column and a group column,
// such as a KOSTRA group table or a network's own membership list.

#include <string>

#include "nytta/model/dataset.hpp"

namespace nytta {

/// Sets the group of every unit the file names; returns a note on what did not match.
std::string apply_groups(Dataset& data, const std::string& path);

}  // namespace nytta
