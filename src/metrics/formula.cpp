#include "metrics/formula.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <muParser.h>

#include "nytta/dataset.hpp"

namespace nytta {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

double if_then_else(double condition, double then_value, double else_value) {
  return condition != 0.0 ? then_value : else_value;
}

// Half away from zero, as spreadsheets round; muparser's rint rounds half up.
double round_half_away(double v) { return std::round(v); }

const std::string& name_chars() {
  static const std::string chars = [] {
    std::string s = "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int c = 0x80; c <= 0xFF; ++c) s += static_cast<char>(c);
    return s;
  }();
  return chars;
}

void configure(mu::Parser& p) {
  p.DefineNameChars(name_chars().c_str());
  p.DefineFun("if", if_then_else, false);
  p.DefineFun("round", round_half_away);
}

// Rewrites national(x) to national__x, remembering x.
std::string rewrite_national(const std::string& text, std::vector<std::string>& ids,
                             const Location& where) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    bool at_word = (i == 0 || !is_name_char(text[i - 1]));
    if (at_word && text.compare(i, 8, "national") == 0) {
      std::size_t j = i + 8;
      while (j < text.size() && text[j] == ' ') ++j;
      if (j < text.size() && text[j] == '(') {
        std::size_t k = j + 1;
        while (k < text.size() && text[k] == ' ') ++k;
        std::size_t start = k;
        while (k < text.size() && is_name_char(text[k])) ++k;
        std::string id = text.substr(start, k - start);
        while (k < text.size() && text[k] == ' ') ++k;
        if (id.empty() || k >= text.size() || text[k] != ')') {
          Location at = where;
          if (at.column) at.column += i;
          throw DataError(at, "national(...) takes one KPI id, as in national(benefit_score)", text);
        }
        ids.push_back(id);
        out += national_variable(id);
        i = k + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

std::string national_variable(const std::string& id) { return "national__" + id; }

CompiledFormula compile_formula(const std::string& text, const Location& where) {
  CompiledFormula f;
  f.text = text;
  f.where = where;
  if (text.find_first_not_of(" \t") == std::string::npos) throw DataError(where, "the formula is empty");
  f.expression = rewrite_national(text, f.national, where);
  for (std::size_t i = 0; i < f.expression.size(); ++i) {
    char c = f.expression[i];
    bool comparison = i > 0 && std::string_view("=<>!").find(f.expression[i - 1]) != std::string_view::npos;
    bool followed = i + 1 < f.expression.size() && f.expression[i + 1] == '=';
    if (c == '=' && !comparison && !followed) {
      Location at = where;
      if (at.column) at.column += i;
      throw DataError(at, "a formula cannot assign ('='); compare with '=='", text);
    }
  }
  try {
    mu::Parser p;
    configure(p);
    p.SetExpr(f.expression);
    for (const auto& [name, ptr] : p.GetUsedVar()) {
      (void)ptr;
      f.variables.push_back(name);
      if (name.rfind("national__", 0) != 0) f.names.push_back(name);
    }
  } catch (const mu::Parser::exception_type& e) {
    Location at = where;
    if (at.column) at.column += static_cast<std::size_t>(std::max(0, e.GetPos()));
    throw DataError(at, fmt::format("the formula does not parse: {}", e.GetMsg()), text);
  }
  std::sort(f.national.begin(), f.national.end());
  f.national.erase(std::unique(f.national.begin(), f.national.end()), f.national.end());
  return f;
}

std::vector<double> evaluate_formula(const CompiledFormula& f,
                                     const std::vector<const double*>& inputs, std::size_t n) {
  std::vector<double> out(n, kMissing);
  if (n == 0) return out;
  mu::Parser p;
  configure(p);
  for (std::size_t i = 0; i < f.variables.size(); ++i) {
    // Bulk mode reads the variables as arrays and never writes them (no '=' is allowed).
    p.DefineVar(f.variables[i], const_cast<double*>(inputs[i]));
  }
  p.SetExpr(f.expression);
  try {
    p.Eval(out.data(), static_cast<int>(n));
  } catch (const mu::Parser::exception_type& e) {
    throw DataError(f.where, fmt::format("the formula cannot be evaluated: {}", e.GetMsg()), f.text);
  }
  for (std::size_t r = 0; r < n; ++r) {
    if (!std::isfinite(out[r])) out[r] = kMissing;
    else if (out[r] == 0.0) out[r] = 0.0;  // no "-0" in any output
  }
  for (const double* in : inputs) {
    for (std::size_t r = 0; r < n; ++r) {
      if (std::isnan(in[r])) out[r] = kMissing;
    }
  }
  return out;
}

}  // namespace nytta
