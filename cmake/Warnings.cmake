# SPDX-License-Identifier: GPL-3.0-or-later
# genrescope_warnings(target): the project's warning set, errors under GENRESCOPE_WERROR,
# and the Qt hygiene defines (no implicit ASCII casts to char*, no foreach, QStringBuilder).
function(genrescope_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Woverloaded-virtual -Wcast-align -Wformat=2)
  if(GENRESCOPE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
                             QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_FOREACH QT_USE_QSTRINGBUILDER)
endfunction()
