// Builds a Template's tree from its tokens. Internal to the template engine.
#pragma once

#include <string>

#include "bengal/templates/engine/ast.hpp"
#include "bengal/templates/engine/lexer.hpp"

namespace bengal::templates {

struct ParseError {
  std::string message;
  uint32_t line = 0, column = 0;
};

class Environment;

// Fills t.body, t.blocks and t.extends from t.source. Returns false and fills `error` at the
// first syntax error (unknown filters and tests included). Filters and tests registered on `env`
// (may be null) take precedence over the built-in ones.
bool parse_template(Template& t, const Environment* env, ParseError& error);

// Built-in filters and tests by name; nullptr when unknown (filters.cpp, tests.cpp).
FilterFn find_filter(std::string_view name);
TestFn find_test(std::string_view name);

}  // namespace bengal::templates
