#include "nytta/util/dependency_order.hpp"

#include <algorithm>

namespace nytta {

DependencyOrder order_by_dependencies(std::size_t n, const std::function<std::vector<std::size_t>(std::size_t)>& deps) {
  enum class Mark : unsigned char { none, active, done };
  DependencyOrder out;
  std::vector<Mark> mark(n, Mark::none);
  std::vector<std::size_t> depth(n, 0);
  struct Frame {
    std::size_t node;
    std::vector<std::size_t> next;
    std::size_t i = 0;
  };
  std::vector<Frame> stack;
  for (std::size_t start = 0; start < n; ++start) {
    if (mark[start] != Mark::none) continue;
    stack.push_back(Frame{start, deps(start)});
    mark[start] = Mark::active;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.i < f.next.size()) {
        std::size_t d = f.next[f.i++];
        if (d >= n) continue;
        if (mark[d] == Mark::active) {
          auto from = std::find_if(stack.begin(), stack.end(), [d](const Frame& x) { return x.node == d; });
          for (auto it = from; it != stack.end(); ++it) out.cycle.push_back(it->node);
          out.cycle.push_back(d);
          out.order.clear();
          return out;
        }
        if (mark[d] == Mark::none) {
          mark[d] = Mark::active;
          stack.push_back(Frame{d, deps(d)});
        }
        continue;
      }
      std::size_t deepest = 0;
      for (std::size_t d : f.next) {
        if (d < n) deepest = std::max(deepest, depth[d]);
      }
      depth[f.node] = deepest + 1;
      out.depth = std::max(out.depth, depth[f.node]);
      mark[f.node] = Mark::done;
      out.order.push_back(f.node);
      stack.pop_back();
    }
  }
  return out;
}

}  // namespace nytta
