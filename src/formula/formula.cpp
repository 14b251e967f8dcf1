#include "nytta/formula/formula.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <mutex>
#include <muParser.h>
#include <optional>

#include "nytta/util/missing.hpp"

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

// Missing where an input is missing or the result is not finite; no "-0" in any output.
void finish(std::vector<double>& out, const std::vector<const double*>& inputs, std::size_t n) {
  for (std::size_t r = 0; r < n; ++r) {
    if (!std::isfinite(out[r])) out[r] = kMissing;
    else if (out[r] == 0.0) out[r] = 0.0;
  }
  for (const double* in : inputs) {
    for (std::size_t r = 0; r < n; ++r) {
      if (std::isnan(in[r])) out[r] = kMissing;
    }
  }
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

namespace {

// Turns muparser's bytecode into column operations, or leaves the program empty when it
// holds something else (functions, if-else), which muparser then evaluates.
void translate(mu::Parser& p, CompiledFormula& f, const std::vector<double>& slots) {
  using Op = CompiledFormula::Op;
  p.Eval();  // builds the bytecode
  const mu::ParserByteCode& bc = p.GetByteCode();
  const mu::SToken* t = bc.GetBase();
  std::vector<Op> ops;
  std::size_t depth = 0, max_depth = 0;
  auto var_index = [&](const double* ptr) -> std::optional<std::size_t> {
    if (ptr < slots.data() || ptr >= slots.data() + slots.size()) return std::nullopt;
    return static_cast<std::size_t>(ptr - slots.data());
  };
  for (std::size_t i = 0; i < bc.GetSize(); ++i) {
    Op op;
    switch (t[i].Cmd) {
      case mu::cmVAR:
      case mu::cmVARMUL:
      case mu::cmVARPOW2: {
        std::optional<std::size_t> v = var_index(t[i].Val.ptr);
        if (!v) return;
        op.var = *v;
        op.code = t[i].Cmd == mu::cmVAR ? Op::Code::var : t[i].Cmd == mu::cmVARMUL ? Op::Code::var_mul : Op::Code::var_square;
        op.a = t[i].Val.data;
        op.b = t[i].Val.data2;
        if (op.code == Op::Code::var && (op.a != 1.0 || op.b != 0.0)) op.code = Op::Code::var_mul;
        ++depth;
        break;
      }
      case mu::cmVAL:
        op.code = Op::Code::constant;
        op.a = t[i].Val.data2;
        ++depth;
        break;
      case mu::cmADD: op.code = Op::Code::add; --depth; break;
      case mu::cmSUB: op.code = Op::Code::sub; --depth; break;
      case mu::cmMUL: op.code = Op::Code::mul; --depth; break;
      case mu::cmDIV: op.code = Op::Code::div; --depth; break;
      case mu::cmPOW: op.code = Op::Code::pow; --depth; break;
      case mu::cmLT: op.code = Op::Code::lt; --depth; break;
      case mu::cmLE: op.code = Op::Code::le; --depth; break;
      case mu::cmGT: op.code = Op::Code::gt; --depth; break;
      case mu::cmGE: op.code = Op::Code::ge; --depth; break;
      case mu::cmEQ: op.code = Op::Code::eq; --depth; break;
      case mu::cmNEQ: op.code = Op::Code::ne; --depth; break;
      case mu::cmEND:
        if (depth != 1) return;
        f.program = std::move(ops);
        f.depth = max_depth;
        return;
      default:
        return;  // functions, if-else, …: muparser evaluates
    }
    max_depth = std::max(max_depth, depth);
    ops.push_back(op);
  }
}

std::mutex& cache_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, std::unique_ptr<CompiledFormula>>& cache() {
  static std::map<std::string, std::unique_ptr<CompiledFormula>> c;
  return c;
}

}  // namespace

const CompiledFormula& compile_formula(const std::string& text, const Location& where) {
  // Keyed by the place too: a compiled formula carries where it was written, and the same
  // text in another file must name that file in its errors.
  std::string key = fmt::format("{}\n{}:{}:{}", text, where.file, where.line, where.column);
  std::lock_guard<std::mutex> lock(cache_mutex());
  auto it = cache().find(key);
  if (it != cache().end()) return *it->second;
  auto f = std::make_unique<CompiledFormula>(compile_formula_uncached(text, where));
  return *cache().emplace(std::move(key), std::move(f)).first->second;
}

CompiledFormula compile_formula_uncached(const std::string& text, const Location& where) {
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
  // One parser for both steps: building one costs a few hundred allocations.
  mu::Parser p;
  try {
    configure(p);
    p.SetExpr(f.expression);
    for (const auto& [name, ptr] : p.GetUsedVar()) {
      (void)ptr;
      // muparser's parser takes letters its variable table then refuses (bytes >= 0x80).
      bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                   std::all_of(name.begin(), name.end(), [](char c) {
                     return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
                   });
      if (!plain) throw DataError(where, "a name in the formula is not a measure or KPI id (letters, digits, '_')", name);
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
  std::vector<double> slots(f.variables.size(), 1.0);
  try {
    for (std::size_t i = 0; i < f.variables.size(); ++i) p.DefineVar(f.variables[i], &slots[i]);
    p.SetExpr(f.expression);
    p.Eval();
    // muparser reads "a, b" as two results; a KPI has one.
    if (p.GetNumResults() != 1) throw DataError(where, "a formula has one result: ',' only separates the arguments of a function", text);
    translate(p, f, slots);
  } catch (const mu::Parser::exception_type&) {
    f.program.clear();  // muparser will evaluate it, and report what it finds
  }
  return f;
}

namespace {

// Runs the program over rows [begin, end) of the inputs, a block at a time.
void run_program(const CompiledFormula& f, const std::vector<const double*>& in, std::size_t n, double* out) {
  using Code = CompiledFormula::Op::Code;
  // Blocks of 512 rows; fewer rows take a block of their size (a small dataset, a year's
  // aggregates), not a stack of 512 for every formula evaluated.
  const std::size_t block = std::min<std::size_t>(512, n);
  std::vector<double> stack(f.depth * block);
  for (std::size_t start = 0; start < n; start += block) {
    const std::size_t len = std::min(block, n - start);
    std::size_t top = 0;  // number of values on the stack
    for (const CompiledFormula::Op& op : f.program) {
      double* s = stack.data() + top * block;   // the slot above the top
      double* x = s - block;                    // the top
      double* y = s - 2 * block;                // below the top
      const double* v = (op.code == Code::var || op.code == Code::var_mul || op.code == Code::var_square) ? in[op.var] + start : nullptr;
      switch (op.code) {
        case Code::var: std::copy(v, v + len, s); ++top; continue;
        case Code::var_mul: for (std::size_t j = 0; j < len; ++j) s[j] = v[j] * op.a + op.b; ++top; continue;
        case Code::var_square: for (std::size_t j = 0; j < len; ++j) s[j] = v[j] * v[j]; ++top; continue;
        case Code::constant: std::fill(s, s + len, op.a); ++top; continue;
        case Code::add: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] + x[j]; break;
        case Code::sub: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] - x[j]; break;
        case Code::mul: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] * x[j]; break;
        case Code::div: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] / x[j]; break;
        case Code::pow: for (std::size_t j = 0; j < len; ++j) y[j] = std::pow(y[j], x[j]); break;
        case Code::lt: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] < x[j]; break;
        case Code::le: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] <= x[j]; break;
        case Code::gt: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] > x[j]; break;
        case Code::ge: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] >= x[j]; break;
        case Code::eq: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] == x[j]; break;
        case Code::ne: for (std::size_t j = 0; j < len; ++j) y[j] = y[j] != x[j]; break;
      }
      --top;
    }
    std::copy(stack.data(), stack.data() + len, out + start);
  }
}

}  // namespace

std::vector<double> evaluate_formula(const CompiledFormula& f,
                                     const std::vector<const double*>& inputs, std::size_t n) {
  std::vector<double> out(n, kMissing);
  if (n == 0) return out;
  if (!f.program.empty()) {
    run_program(f, inputs, n, out.data());
    finish(out, inputs, n);
    return out;
  }
  return evaluate_with_muparser(f, inputs, n);
}

std::vector<double> evaluate_with_muparser(const CompiledFormula& f, const std::vector<const double*>& inputs,
                                           std::size_t n) {
  std::vector<double> out(n, kMissing);
  if (n == 0) return out;
  mu::Parser p;
  configure(p);
  try {
    for (std::size_t i = 0; i < f.variables.size(); ++i) {
      // Bulk mode reads the variables as arrays and never writes them (no '=' is allowed).
      p.DefineVar(f.variables[i], const_cast<double*>(inputs[i]));
    }
    p.SetExpr(f.expression);
    p.Eval(out.data(), static_cast<int>(n));
  } catch (const mu::Parser::exception_type& e) {
    throw DataError(f.where, fmt::format("the formula cannot be evaluated: {}", e.GetMsg()), f.text);
  }
  finish(out, inputs, n);
  return out;
}

}  // namespace nytta
