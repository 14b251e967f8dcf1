#include "nytta/util/term.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>

namespace nytta {

namespace {
std::optional<std::string> get(const char* name) {
  const char* v = std::getenv(name);
  if (!v) return std::nullopt;
  return std::string(v);
}
}  // namespace

Env Env::from_process() {
  Env e;
  e.no_color = get("NO_COLOR");
  e.clicolor_force = get("CLICOLOR_FORCE");
  e.term = get("TERM");
  e.columns = get("COLUMNS");
  e.lang = get("LANG");
  e.lc_all = get("LC_ALL");
  e.lc_messages = get("LC_MESSAGES");
  e.data_dir = get("NYTTA_DATA_DIR");
  return e;
}

bool use_color(ColorMode mode, bool is_tty, const Env& env) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  if (env.no_color && !env.no_color->empty()) return false;
  if (env.clicolor_force && !env.clicolor_force->empty() && *env.clicolor_force != "0") return true;
  if (!is_tty) return false;
  return !(env.term && *env.term == "dumb");
}

std::size_t terminal_width(bool is_tty, const Env& env) {
  if (env.columns) {
    std::size_t w = 0;
    const std::string& c = *env.columns;
    auto [p, ec] = std::from_chars(c.data(), c.data() + c.size(), w);
    if (ec == std::errc() && p == c.data() + c.size() && w >= 20) return w;
  }
  if (is_tty) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  }
  return 100;
}

std::string default_lang(const Env& env) {
  for (const std::optional<std::string>* v : {&env.lc_all, &env.lc_messages, &env.lang}) {
    if (!*v || (*v)->empty()) continue;
    const std::string& s = **v;
    if (s.rfind("sv", 0) == 0) return "sv";
    if (s.rfind("nb", 0) == 0 || s.rfind("nn", 0) == 0 || s.rfind("no", 0) == 0) return "nb";
    return "en";
  }
  return "en";
}

}  // namespace nytta
