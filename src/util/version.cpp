// The one translation unit that sees the version macro, so that a new version recompiles
// one file and every layer reads the same string.
#include "nytta/util/version.hpp"

namespace nytta {

std::string_view version() { return NYTTA_VERSION; }

}  // namespace nytta
