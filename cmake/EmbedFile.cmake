# nytta_embed_file(INPUT OUTPUT SYMBOL): turns a text file into a C++ source defining
# `extern const std::string_view nytta::SYMBOL`, regenerated when INPUT changes.
function(nytta_embed_file input output symbol)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_file_script.cmake
    DEPENDS ${input} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_file_script.cmake
    COMMENT "Embedding ${input}")
endfunction()
