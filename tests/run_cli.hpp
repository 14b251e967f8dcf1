#pragma once
// `nytta VERB ARGS…` run in process through the real flag declarations (cmd/cli.hpp), for
// tests that must see what a flag does, not only what a command does with its options.
// Kept in one file of its own so that only it compiles CLI11.

#include <string>
#include <vector>

#include "nytta/util/term.hpp"

namespace nytta::test {

struct CliRun {
  std::string out, err;
};

/// Parses args (args[0] is the verb) and runs the command with env; what it writes to
/// stdout and stderr. Errors propagate as the exceptions main() would turn into exit codes.
CliRun run_cli(const std::vector<std::string>& args, const Env& env = {});

}  // namespace nytta::test
