#pragma once
// Where nytta's own files are: an installed binary finds them relative to itself
// (<prefix>/bin/nytta → <prefix>/share/nytta), so a package can be moved to any prefix.

#include <optional>
#include <string>

namespace nytta {

/// The directory holding the running executable (from /proc/self/exe), or "" when the
/// system does not say.
std::string executable_dir();

/// The directory of the bundled data: override_dir (NYTTA_DATA_DIR) when set and not
/// empty; else <exe_dir>/../share/nytta/data when it exists; else dev_dir (the source
/// tree's data/, for a build that is not installed); else the installed place, so that an
/// error names where the data were expected.
std::string find_data_dir(const std::optional<std::string>& override_dir, const std::string& exe_dir,
                          const std::string& dev_dir);

/// The directory that holds data/, kpis/ and examples/: the parent of data_dir.
std::string share_dir_of(const std::string& data_dir);

}  // namespace nytta
