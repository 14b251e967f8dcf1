#pragma once
// What a canonical CSV file says about itself, in comment lines above its header:
//
//   # note: the year is the IMLS survey year (FY)
//   # meaning: active_borrowers = registered borrowers (REGBOR), not borrowers with a loan in the year
//   # aggregate: parent_survey_score = weighted_mean(children_in_kindergarten)
//   # range: active_borrower_share = 0..5: borrowers exceed the population served
//
// `nytta convert` writes them from the mapping, so that a converted file keeps what the
// mapping knew; the loader reads them back into the Dataset. Other '#' lines are comments.

#include <cstddef>
#include <string>
#include <vector>

#include "nytta/model/dataset.hpp"

namespace nytta {

/// Reads the directives among comments (lines[i] is the line of comments[i]) into data.
/// A directive that does not parse is a DataError at its line.
void read_directives(const std::vector<std::string>& comments, const std::vector<std::size_t>& lines, const std::string& file,
                     Dataset& data);

/// The comment lines that carry what data say of themselves (about, declarations,
/// widened ranges), each ending in '\n'.
}  // namespace nytta
