#include "nytta/util/threads.hpp"

#include <system_error>
#include <thread>
#include <vector>

namespace nytta {

void run_shares(std::size_t shares, const std::function<void(std::size_t)>& work) {
  std::vector<std::thread> pool;
  std::vector<std::size_t> here;
  for (std::size_t k = 1; k < shares; ++k) {
    try {
      pool.emplace_back(work, k);
    } catch (const std::system_error&) {
      here.push_back(k);
    }
  }
  if (shares > 0) work(0);
  for (std::size_t k : here) work(k);
  for (std::thread& t : pool) t.join();
}

std::size_t core_count() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

}  // namespace nytta
