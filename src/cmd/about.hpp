#pragma once
// What nytta says about itself: `--version` with the libraries it was built with, and the
// example that ends each command's --help.

#include <string>
#include <string_view>

#include "nytta/util/term.hpp"

namespace nytta {

/// "nytta 0.1.0" and then one line per library: the version it reports at run time, with
/// the one compiled against when they differ, or the compiled one for header-only libraries.
std::string version_text();

/// The example block that ends `nytta <command> --help` ("Example:\n  nytta rank …"), with
/// the bundled files named where this nytta finds them (relative to the working
/// directory when under it); "" for an unknown command.
std::string command_example(std::string_view command, const Env& env);

/// The footer of `nytta --help`.
std::string main_help_footer();

}  // namespace nytta
