#pragma once
// Output files appear whole or not at all, and never cost the user a file they had:
// each is written to a temporary file beside its target (a name that fits within the
// file system's 255 bytes, however long the target's), flushed, given the mode the file it
// replaces had, then renamed over the target. A command that writes several files (check's
// table and JUnit XML) renames them together at the end, so that a command that fails
// leaves none of them. Devices (/dev/stdout, /dev/full) are written in place.

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace nytta {

/// Several output files that appear together when commit() runs, or not at all.
class OutputFiles {
 public:
  OutputFiles();
  ~OutputFiles();  // removes every temporary file not committed
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;

  /// Writes path's content (by a function writing a stream) to its temporary file now.
  /// Throws FileError naming path when it cannot.
  void add(const std::string& path, const std::function<void(std::ostream&)>& write);
  /// The same for libraries that write a file by name (libxlsxwriter, SQLite copies).
  void add_by_name(const std::string& path, const std::function<void(const std::string& temp_name)>& write);
  /// Renames every file to its place.
  void commit();

 private:
  struct Pending;
  std::vector<std::unique_ptr<Pending>> files_;
};

/// Writes content to path atomically. Throws FileError naming path when it cannot.
void write_file_atomically(const std::string& path, std::string_view content);

/// The same for content written by a function into a stream (no copy of it in memory).
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// The same for libraries that write a file by name (libxlsxwriter): write gets the name of
/// a temporary file beside path and fills it; it is renamed to path when write returns.
void write_file_atomically_by_name(const std::string& path, const std::function<void(const std::string& temp_name)>& write);

/// True when a and b are the same existing file (device and inode, whatever the names).
bool same_file(const std::string& a, const std::string& b);

}  // namespace nytta
