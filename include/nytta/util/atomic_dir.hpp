#pragma once
// A directory of outputs that appears whole or not at all: files are written into a
// temporary directory beside the target, which then replaces the target in one rename.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nytta/util/interrupt.hpp"

namespace nytta {

/// The file every directory AtomicDirectory makes holds, so that a later run knows the
/// directory is nytta's own to replace.
inline constexpr const char* kDirectoryMarker = ".nytta-output";

/// Why target may not be replaced, or "" when it may: it does not exist, is empty, or holds
/// kDirectoryMarker (or force). Never when it holds one of inputs, or is the current
/// directory or an ancestor of it, whatever force says.
std::string why_not_replaceable(const std::string& target, const std::vector<std::string>& inputs, bool force);

class AtomicDirectory {
 public:
  /// Creates the temporary directory beside target. Throws FileError.
  explicit AtomicDirectory(std::string target);
  /// Removes the temporary directory unless commit() ran.
  ~AtomicDirectory();
  AtomicDirectory(const AtomicDirectory&) = delete;
  AtomicDirectory& operator=(const AtomicDirectory&) = delete;

  /// Writes name (a plain file name, no '/') into the temporary directory.
  void write(const std::string& name, std::string_view content) const;
  /// Replaces the target with the temporary directory.
  void commit();

 private:
  void swap_in();
  std::string target_, temp_;
  std::unique_ptr<TempPath> guard_;  // removes temp_ on Ctrl-C
  bool done_ = false;
};

}  // namespace nytta
