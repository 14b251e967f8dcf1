#pragma once
// nytta's version, as the build states it (project(VERSION) in CMakeLists.txt).

#include <string_view>

namespace nytta {

std::string_view version();

}  // namespace nytta
