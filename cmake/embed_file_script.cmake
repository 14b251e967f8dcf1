file(READ ${INPUT} content)
file(WRITE ${OUTPUT}
"// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace nytta {\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL} = R\"nytta_embed(${content})nytta_embed\";\n}\n")
