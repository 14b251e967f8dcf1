#pragma once
// Output files appear whole or not at all: written to a temporary file in the target
// directory, flushed, then renamed over the target.

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace nytta {

/// Writes content to path atomically. Throws FileError naming path when it cannot.
void write_file_atomically(const std::string& path, std::string_view content);

/// The same for content written by a function into a stream (no copy of it in memory).
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// The same for libraries that write a file by name (libxlsxwriter): write gets the name of
/// a temporary file beside path and fills it; it is renamed to path when write returns.
void write_file_atomically_by_name(const std::string& path, const std::function<void(const std::string& temp_name)>& write);

}  // namespace nytta
