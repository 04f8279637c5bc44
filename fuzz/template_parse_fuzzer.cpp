// The template lexer and parser on any bytes: a syntax error is a diagnostic, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bengal/templates/engine/environment.hpp"
#include "bengal/templates/engine/lexer.hpp"

namespace tpl = bengal::templates;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source(reinterpret_cast<const char*>(data), size);
  std::vector<tpl::Token> tokens;
  tpl::LexError lex_error;
  tpl::tokenize(source, tokens, lex_error);
  bengal::Diagnostic error;
  tpl::compile_template("fuzz.html", std::move(source), error);
  return 0;
}
