add_library(nytta_sanitizers INTERFACE)
if(NYTTA_SANITIZERS)
  # UBSan without its per-access checks (alignment, null, vptr, pointer-overflow): at -O0
  # they put a megabyte of check data into every object, which made the test binary
  # 218 MB and every CLI test start in half a second; ASan already stops a null
  # dereference. float-cast-overflow is added because NaN or 1e300 converted to an
  # integer is exactly the bug a benchmarking tool can have.
  set(_flags -fsanitize=address,undefined,float-cast-overflow
             -fno-sanitize=alignment,null,vptr,pointer-overflow
             -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(nytta_sanitizers INTERFACE ${_flags})
  target_link_options(nytta_sanitizers INTERFACE ${_flags})
  # Bounds checks in the standard library too (operator[], front() on empty, …).
  target_compile_definitions(nytta_sanitizers INTERFACE _GLIBCXX_ASSERTIONS)
endif()
