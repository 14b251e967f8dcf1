add_library(nytta_warnings INTERFACE)
target_compile_options(nytta_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(NYTTA_WARNINGS_AS_ERRORS)
  target_compile_options(nytta_warnings INTERFACE -Werror)
endif()
