#include "load/directives.hpp"

#include <cmath>
#include <fmt/format.h>

#include "nytta/load/number.hpp"
#include "nytta/util/error.hpp"
#include "nytta/util/text.hpp"

namespace nytta {

namespace {

// "5", "-1.5", "inf", "" (no bound) in a range; the number parser of data cells.
std::optional<double> bound(std::string_view text, double none) {
  std::string_view t = trim(text);
  if (t.empty() || t == "inf" || t == "∞") return none;
  if (t == "-inf" || t == "−∞") return -std::numeric_limits<double>::infinity();
  ParsedNumber p = parse_number(t, NumberFormat{'.', {}});
  if (!p.ok()) return std::nullopt;
  return p.value;
}

// "NAME = rest": the name (snake_case) and the rest, or nullopt.
std::optional<std::pair<std::string, std::string>> assignment(std::string_view text) {
  std::size_t eq = text.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  std::string name(trim(text.substr(0, eq)));
  if (!is_snake_case(name)) return std::nullopt;
  return std::make_pair(name, std::string(trim(text.substr(eq + 1))));
}

}  // namespace

void read_directives(const std::vector<std::string>& comments, const std::vector<std::size_t>& lines, const std::string& file,
                     Dataset& data) {
  ErrorList errors;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    std::string_view t = trim(std::string_view(comments[i]).substr(1));
    Location where{file, i < lines.size() ? lines[i] : 0, 0};
    std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view word = t.substr(0, colon);
    std::string_view rest = trim(t.substr(colon + 1));
    if (word == "note") {
      if (!rest.empty()) data.about.emplace_back(rest);
    } else if (word == "meaning") {
      auto a = assignment(rest);
      if (!a || a->second.empty()) {
        errors.add(where, "a meaning directive is '# meaning: measure = what it really is'", rest);
        continue;
      }
      MeasureDeclaration d{a->first, a->second, std::nullopt};
      data.declarations.push_back(std::move(d));
    } else if (word == "aggregate") {
      auto a = assignment(rest);
      std::optional<Aggregation::Kind> kind;
      std::string weight;
      if (a) {
        std::string_view v = a->second;
        std::size_t open = v.find('(');
        if (open != std::string_view::npos && v.back() == ')') {
          weight = std::string(trim(v.substr(open + 1, v.size() - open - 2)));
          v = trim(v.substr(0, open));
        }
        kind = parse_aggregation_kind(v);
      }
      bool weighted = kind && *kind == Aggregation::Kind::weighted_mean;
      if (!a || !kind || *kind == Aggregation::Kind::formula || weighted != !weight.empty() || (weighted && !is_snake_case(weight))) {
        errors.add(where, fmt::format("an aggregate directive is '# aggregate: measure = {}' (weighted_mean(weight))", kAggregationNames),
                   rest);
        continue;
      }
      MeasureDeclaration* d = nullptr;
      for (MeasureDeclaration& x : data.declarations) {
        if (x.measure == a->first) d = &x;
      }
      if (!d) {
        data.declarations.push_back(MeasureDeclaration{a->first, "", std::nullopt});
        d = &data.declarations.back();
      }
      d->aggregation = Aggregation{*kind, weight};
    } else if (word == "range") {
      auto a = assignment(rest);
      std::optional<double> lo, hi;
      std::string flag;
      if (a) {
        std::string_view v = a->second;
        std::size_t dots = v.find("..");
        std::size_t colon2 = v.find(':');
        if (dots != std::string_view::npos && colon2 != std::string_view::npos && dots < colon2) {
          lo = bound(v.substr(0, dots), -std::numeric_limits<double>::infinity());
          hi = bound(v.substr(dots + 2, colon2 - dots - 2), std::numeric_limits<double>::infinity());
          flag = std::string(trim(v.substr(colon2 + 1)));
        }
      }
      if (!a || !lo || !hi || *lo > *hi || flag.empty()) {
        errors.add(where, "a range directive is '# range: kpi = min..max: what the reader must know'", rest);
        continue;
      }
      data.widenings.push_back(RangeWidening{a->first, Range{*lo, *hi}, flag});
    }
  }
  errors.checkpoint();
}

}  // namespace nytta
