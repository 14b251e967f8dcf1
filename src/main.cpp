// nytta's entry point: the table of subcommands, argument parsing, and the one place
// where outcomes and exceptions become exit codes:
//   0 ok · 1 a check failed · 2 usage error · 65 data error · 66 file missing,
//   unreadable or unwritable · 70 internal error (a bug).

#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cli.hpp"
#include <csignal>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cmd/about.hpp"
#include "cmd/commands.hpp"
#include "nytta/util/error.hpp"
#include "nytta/util/interrupt.hpp"
#include "nytta/util/text.hpp"

namespace {

using nytta::Runner;

enum Exit { kOk = 0, kCheckFailed = 1, kUsage = 2, kData = 65, kNoInput = 66, kInternal = 70 };

void print_error(const std::string& message) { std::cerr << "nytta: error: " << message << '\n'; }

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const nytta::Command& c : nytta::commands()) names.emplace_back(c.name);
  return names;
}

// CLI11 says "The following argument was not expected: --kpii"; users deserve the flag
// they meant. Checks the long options of the chosen subcommand before CLI11 parses.
void check_long_options(CLI::App& sub, const std::vector<std::string>& args) {
  std::vector<std::string> known;
  for (const CLI::Option* opt : sub.get_options()) {
    for (const std::string& n : opt->get_lnames()) known.push_back("--" + n);
  }
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a.size() < 3 || a.rfind("--", 0) != 0) continue;
    std::string name = a.substr(0, a.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    throw nytta::UsageError(fmt::format("unknown option '{}' for 'nytta {}'{}", name, sub.get_name(),
                                        nytta::did_you_mean(name, known)));
  }
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && (s.size() < 2 || !(s[1] >= 'A' && s[1] <= 'Z'))) s[0] = static_cast<char>(s[0] - 'A' + 'a');
  while (!s.empty() && (s.back() == '.' || s.back() == '\n')) s.pop_back();
  return s;
}

int run(int argc, char** argv) {
  CLI::App app{"nytta: benefit per krona and benchmarking of municipal services", "nytta"};
  app.set_version_flag("-V,--version", [] { return nytta::version_text(); });
  app.require_subcommand(1);
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string where = "nytta";
    for (const CLI::App* sub : failed->get_subcommands()) where = "nytta " + sub->get_name();
    return fmt::format("nytta: error: {}\nRun '{} --help' for more information.\n", lower_first(e.what()), where);
  });

  // Only the subcommand that is asked for declares its options: the others are listed in
  // --help by name and summary, and cost nothing at start-up. `completion` reads them all.
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool all = !args.empty() && args[0] == "completion";
  std::vector<Runner> runners;
  std::vector<CLI::App*> subs;
  for (const nytta::Command& c : nytta::commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    bool chosen = !args.empty() && args[0] == c.name;
    runners.push_back(chosen || all ? c.setup(*sub) : Runner{});
    if (chosen) sub->footer(nytta::command_example(c.name, nytta::Env::from_process()));
    subs.push_back(sub);
  }
  app.footer(nytta::main_help_footer());  // after the subcommands, which would copy it

  if (!args.empty() && !args[0].empty() && args[0][0] != '-') {
    std::vector<std::string> names = command_names();
    auto it = std::find(names.begin(), names.end(), args[0]);
    if (it == names.end()) {
      throw nytta::UsageError(fmt::format("unknown command '{}'{} (commands: {})", args[0],
                                          nytta::did_you_mean(args[0], names), fmt::join(names, ", ")));
    }
    check_long_options(*subs[static_cast<std::size_t>(it - names.begin())],
                       std::vector<std::string>(args.begin() + 1, args.end()));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, std::cout, std::cerr);
    return code == 0 ? kOk : kUsage;
  }

  nytta::Io io{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, nytta::Env::from_process(), ::isatty(STDERR_FILENO) == 1, args};
  for (std::size_t i = 0; i < subs.size(); ++i) {
    if (subs[i]->parsed() && runners[i]) {
      return runners[i](io) == nytta::Outcome::ok ? kOk : kCheckFailed;
    }
  }
  return kUsage;
}

// A large input is read into hundreds of megabytes that the kernel hands out a 4 KiB page
// at a time, and on a virtual machine each page fault is slow: a report on a million rows
// spent a quarter of its time in them. glibc's malloc on transparent huge pages
// (glibc.malloc.hugetlb=1) takes a fourth of the faults. glibc reads the setting when the
// process starts, so nytta starts itself again with it: once, and only when an argument
// is a file of 8 MiB or more, so a small report pays nothing. A user's own GLIBC_TUNABLES
// stand as they are.
void restart_on_huge_pages_for_large_input(int argc, char** argv) {
  if (std::getenv("GLIBC_TUNABLES")) return;
  bool large = false;
  for (int i = 1; i < argc && !large; ++i) {
    struct stat st {};
    large = ::stat(argv[i], &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (off_t{8} << 20);
  }
  if (!large || ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  ::unsetenv("GLIBC_TUNABLES");  // not restarted: go on as we are
}

}  // namespace

int main(int argc, char** argv) {
  restart_on_huge_pages_for_large_input(argc, argv);
  if (std::getenv("NYTTA_TIMING") && std::getenv("GLIBC_TUNABLES") &&
      std::string(std::getenv("GLIBC_TUNABLES")) == "glibc.malloc.hugetlb=1")
    std::cerr << "nytta: timing: malloc on huge pages (glibc.malloc.hugetlb=1)\n";
  // A closed pipe is a normal end (`nytta rank | head`), seen as EPIPE on write.
  std::signal(SIGPIPE, SIG_IGN);
  nytta::install_interrupt_cleanup();
  std::ios::sync_with_stdio(false);
  try {
    return run(argc, argv);
  } catch (const nytta::BrokenPipe&) {
    return kOk;
  } catch (const nytta::UsageError& e) {
    print_error(e.what());
    return kUsage;
  } catch (const nytta::DataError& e) {
    for (const std::string& m : e.messages()) print_error(m);
    if (e.not_shown() > 0) print_error(fmt::format("… and {} more", e.not_shown()));
    return kData;
  } catch (const nytta::FileError& e) {
    print_error(e.what());
    return kNoInput;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kInternal;
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error, please report it: {}", e.what()));
    return kInternal;
  }
}
