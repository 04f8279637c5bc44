// The hand-written lexers, one function per language (internal to the highlight stage; the
// entry point is lexers.hpp). Each takes a block of valid UTF-8 and adds its tokens to `out`;
// every one is linear in the block's size and accepts any bytes.
#pragma once

#include <string_view>

#include "bengal/highlight/fast/code_lexer.hpp"
#include "bengal/highlight/fast/token_sink.hpp"

namespace bengal::highlight::fast {

using LexFn = void (*)(std::string_view code, TokenSink& out);

// code_languages.cpp: the code lexer with each language's CodeSpec.
void lex_c(std::string_view code, TokenSink& out);
void lex_cpp(std::string_view code, TokenSink& out);
void lex_go(std::string_view code, TokenSink& out);
void lex_rust(std::string_view code, TokenSink& out);
void lex_java(std::string_view code, TokenSink& out);
void lex_javascript(std::string_view code, TokenSink& out);
void lex_jsx(std::string_view code, TokenSink& out);
void lex_typescript(std::string_view code, TokenSink& out);
void lex_tsx(std::string_view code, TokenSink& out);
void lex_python(std::string_view code, TokenSink& out);
void lex_shell(std::string_view code, TokenSink& out);
void lex_sql(std::string_view code, TokenSink& out);
void lex_json(std::string_view code, TokenSink& out);

// markup_lexer.cpp: tags, attributes, comments, entities; <script> and <style> bodies as
// JavaScript and CSS; Jinja's {{ }}, {% %} and {# #} in text, tags and attribute values.
void lex_html(std::string_view code, TokenSink& out);
void lex_xml(std::string_view code, TokenSink& out);
void lex_jinja(std::string_view code, TokenSink& out);

// css_lexer.cpp
void lex_css(std::string_view code, TokenSink& out);

// config_lexers.cpp: line-oriented data formats.
void lex_yaml(std::string_view code, TokenSink& out);
void lex_toml(std::string_view code, TokenSink& out);
void lex_ini(std::string_view code, TokenSink& out);

// line_lexers.cpp: formats whose lines say what they are.
void lex_diff(std::string_view code, TokenSink& out);
void lex_dockerfile(std::string_view code, TokenSink& out);
void lex_markdown(std::string_view code, TokenSink& out);

// The lexer for a canonical language name; nullptr when there is none.
LexFn find_lexer(std::string_view canonical);

}  // namespace bengal::highlight::fast
