#pragma once
// Work split into shares run side by side. Where threads cannot be started (a ulimit on
// processes, a container), the shares run one after the other on the calling thread: the
// result is the same, only slower, and nothing aborts.

#include <cstddef>
#include <functional>

namespace nytta {

/// Runs work(0) … work(shares − 1), each on a thread of its own when one can be started.
/// work must not throw (callers keep each share's exception and rethrow it after).
void run_shares(std::size_t shares, const std::function<void(std::size_t)>& work);

/// The cores of this machine, at least 1.
std::size_t core_count();

}  // namespace nytta
