add_library(nytta_sanitizers INTERFACE)
if(NYTTA_SANITIZERS)
  set(_flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(nytta_sanitizers INTERFACE ${_flags})
  target_link_options(nytta_sanitizers INTERFACE ${_flags})
  # Bounds checks in the standard library too (operator[], front() on empty, …).
  target_compile_definitions(nytta_sanitizers INTERFACE _GLIBCXX_ASSERTIONS)
endif()
