#include <catch2/catch.hpp>

#include "nytta/util/term.hpp"

using namespace nytta;

TEST_CASE("colour is used on a terminal unless NO_COLOR is set or TERM is dumb", "[term]") {
  Env env;
  CHECK(use_color(ColorMode::automatic, true, env));
  CHECK_FALSE(use_color(ColorMode::automatic, false, env));
  env.no_color = "1";
  CHECK_FALSE(use_color(ColorMode::automatic, true, env));
  CHECK(use_color(ColorMode::always, false, env));
  env.no_color = "";
  env.term = "dumb";
  CHECK_FALSE(use_color(ColorMode::automatic, true, env));
  CHECK_FALSE(use_color(ColorMode::never, true, Env{}));
}

TEST_CASE("the language follows LC_ALL, then LANG", "[term]") {
  Env env;
  CHECK(default_lang(env) == "en");
  env.lang = "sv_SE.UTF-8";
  CHECK(default_lang(env) == "sv");
  env.lc_all = "nb_NO.UTF-8";
  CHECK(default_lang(env) == "nb");
  env.lc_all = "C";
  CHECK(default_lang(env) == "en");
}

TEST_CASE("COLUMNS sets the table width", "[term]") {
  Env env;
  env.columns = "132";
  CHECK(terminal_width(false, env) == 132);
  env.columns = "junk";
  CHECK(terminal_width(false, env) == 100);
}
