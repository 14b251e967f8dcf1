// The lp module's functions as the nytta executable sees them: the module (CLP, with
// LAPACK, BLAS and gfortran behind it) is loaded on the first call. See nytta/util/module.hpp.

#include "metrics/dea_lp.hpp"
#include "nytta/util/module.hpp"

namespace nytta::dea {

std::unique_ptr<detail::FrontierLp> detail::make_frontier_lp(const Reference& ref, Rts rts, Orientation orientation,
                                                             std::vector<bool> non_discretionary, bool accelerate) {
  static auto* f = module_function<decltype(make_frontier_lp)>("lp", "nytta_make_frontier_lp");
  return f(ref, rts, orientation, std::move(non_discretionary), accelerate);
}

std::pair<std::string, std::string> lp_library_version() {
  static auto* f = module_function<decltype(lp_library_version)>("lp", "nytta_lp_library_version");
  return f();
}

}  // namespace nytta::dea
