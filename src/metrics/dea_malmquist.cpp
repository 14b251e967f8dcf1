// The Malmquist productivity index between two periods, in its geometric-mean form and
// decomposed into efficiency change and technical change, each unit against both periods'
// frontiers (efficiency_against), and its geometric mean over the units.

#include <cmath>
#include <stdexcept>

#include "metrics/dea_lp.hpp"
#include "nytta/metrics/dea.hpp"
#include "nytta/util/missing.hpp"

namespace nytta::dea {

namespace {

double ratio(double a, double b) {
  double v = a / b;
  return std::isfinite(v) && v > 0 ? v : kMissing;
}

}  // namespace

std::vector<MalmquistUnit> malmquist(const Technology& t0, const Technology& t1, Rts rts, Orientation orientation) {
  detail::check_technology(t0, "malmquist period 0");
  detail::check_technology(t1, "malmquist period 1");
  if (t0.x.size() != t1.x.size())
    throw std::invalid_argument("dea: malmquist: the periods list different numbers of units");
  Options own;
  own.rts = rts;
  own.orientation = orientation;
  own.slacks = false;
  Result r0 = solve(t0, own);
  Result r1 = solve(t1, own);
  std::vector<double> e01 = efficiency_against(t1, t0, rts, orientation);
  std::vector<double> e10 = efficiency_against(t0, t1, rts, orientation);
  std::vector<MalmquistUnit> out(t0.x.size());
  for (std::size_t j = 0; j < out.size(); ++j) {
    MalmquistUnit& u = out[j];
    u.e00 = r0.units[j].efficiency;
    u.e11 = r1.units[j].efficiency;
    u.e01 = e01[j];
    u.e10 = e10[j];
    u.ec = ratio(u.e11, u.e00);
    double a = ratio(u.e10, u.e11);
    double b = ratio(u.e00, u.e01);
    u.tc = std::isnan(a) || std::isnan(b) ? kMissing : std::sqrt(a * b);
    double c = ratio(u.e10, u.e00);
    double d = ratio(u.e11, u.e01);
    u.m = std::isnan(c) || std::isnan(d) ? kMissing : std::sqrt(c * d);
  }
  return out;
}

MalmquistUnit malmquist_mean(const std::vector<MalmquistUnit>& units) {
  auto geometric_mean = [&](double MalmquistUnit::*field) {
    double sum = 0.0;
    std::size_t k = 0;
    for (const MalmquistUnit& u : units) {
      double v = u.*field;
      if (std::isfinite(v) && v > 0) {
        sum += std::log(v);
        ++k;
      }
    }
    return k ? std::exp(sum / static_cast<double>(k)) : kMissing;
  };
  MalmquistUnit mean{};
  mean.m = geometric_mean(&MalmquistUnit::m);
  mean.ec = geometric_mean(&MalmquistUnit::ec);
  mean.tc = geometric_mean(&MalmquistUnit::tc);
  mean.e00 = mean.e01 = mean.e10 = mean.e11 = kMissing;
  return mean;
}

}  // namespace nytta::dea
