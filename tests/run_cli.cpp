#include "run_cli.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <sstream>

#include "cmd/cli.hpp"

namespace nytta::test {

CliRun run_cli(const std::vector<std::string>& args, const Env& env) {
  auto all = commands();
  auto it = std::find_if(all.begin(), all.end(), [&](const Command& c) { return args.at(0) == c.name; });
  if (it == all.end()) FAIL("no such verb: " << args[0]);
  CLI::App app;
  CLI::App* sub = app.add_subcommand(args[0]);
  Runner runner = it->setup(*sub);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  app.parse(reversed);
  std::ostringstream out, err;
  Io io{out, err, false, env, false, args};
  runner(io);
  return {out.str(), err.str()};
}

}  // namespace nytta::test
