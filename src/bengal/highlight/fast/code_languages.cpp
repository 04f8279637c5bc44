// The CodeSpec of each programming language the code lexer serves. Word lists follow each
// language's reference (keywords, primitive types, literals) plus the built-ins readers expect
// coloured; each spec is built on first use and immutable after, so threads share it.
#include "bengal/highlight/fast/languages.hpp"

namespace bengal::highlight::fast {

namespace {

using S = TokenStyle;
constexpr auto kFn = Next::kFunctionName;
constexpr auto kType = Next::kTypeName;

constexpr std::string_view kCOperators = "+-*/%=<>!&|^~?:";
// What C and C++ share.
constexpr std::string_view kCKeywords =
    "if else for while do switch case default break continue return goto sizeof static extern "
    "const volatile register inline auto";
constexpr std::string_view kCTypes =
    "void char short int long float double signed unsigned bool size_t ssize_t ptrdiff_t int8_t "
    "int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t uintptr_t intptr_t";

const CodeSpec& c_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword, "struct union enum typedef", kType},
          {S::kKeyword, kCKeywords},
          {S::kKeyword,
           "restrict _Alignas _Alignof _Atomic _Generic _Noreturn _Static_assert _Thread_local"},
          {S::kDataType, kCTypes},
          {S::kDataType, "_Bool FILE"},
          {S::kConstant, "NULL true false EOF stdin stdout stderr"},
      }),
      .line_comment = "//",
      .block_open = "/*",
      .block_close = "*/",
      .quotes = "\"",
      .operators = kCOperators,
      .features = kCallsAreFunctions | kHashPreprocessor | kCharLiterals};
  return spec;
}

const CodeSpec& cpp_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword, "class struct union enum typename concept", kType},
          {S::kKeyword, kCKeywords},
          {S::kKeyword,
           "constexpr consteval constinit template namespace using public private protected "
           "virtual override final "
           "friend operator new delete try catch throw noexcept explicit mutable this "
           "static_cast dynamic_cast const_cast reinterpret_cast decltype alignas alignof "
           "requires co_await co_return co_yield static_assert thread_local typeid export"},
          {S::kDataType, kCTypes},
          {S::kDataType, "char8_t char16_t char32_t wchar_t"},
          {S::kConstant, "nullptr true false NULL"},
          {S::kBuiltIn, "std"},
      }),
      .line_comment = "//",
      .doc_line_comment = "///",
      .block_open = "/*",
      .block_close = "*/",
      .quotes = "\"",
      .operators = kCOperators,
      .features = kCallsAreFunctions | kHashPreprocessor | kCharLiterals | kCppRawStrings};
  return spec;
}

const CodeSpec& go_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword, "func", kFn},
          {S::kKeyword, "type", kType},
          {S::kImport, "package import"},
          {S::kKeyword,
           "if else for range switch case default break continue return goto fallthrough "
           "defer go select chan map struct interface var const"},
          {S::kDataType,
           "bool byte rune string error int int8 int16 int32 int64 uint uint8 uint16 uint32 "
           "uint64 uintptr float32 float64 complex64 complex128 any comparable"},
          {S::kConstant, "nil true false iota"},
          {S::kBuiltIn,
           "append cap clear close complex copy delete imag len make max min new panic print "
           "println real recover"},
      }),
      .line_comment = "//",
      .block_open = "/*",
      .block_close = "*/",
      .quotes = "\"",
      .operators = kCOperators,
      .features = kCallsAreFunctions | kCharLiterals | kRawBackticks};
  return spec;
}

const CodeSpec& rust_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword, "fn", kFn},
          {S::kKeyword, "struct enum trait type union", kType},
          {S::kImport, "use mod crate extern"},
          {S::kKeyword,
           "as async await break const continue dyn else for if impl in let loop match move "
           "mut pub ref return static super unsafe where while yield"},
          {S::kDataType,
           "i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str Self"},
          {S::kConstant, "true false self None Some Ok Err"},
      }),
      .line_comment = "//",
      .doc_line_comment = "///",
      .block_open = "/*",
      .block_close = "*/",
      .quotes = "\"",
      .operators = kCOperators,
      .features = kCallsAreFunctions | kCapitalizedTypes | kCharLiterals | kRust | kStringPrefixes};
  return spec;
}

const CodeSpec& java_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword, "class interface enum record", kType},
          {S::kImport, "package import"},
          {S::kKeyword,
           "abstract assert break case catch continue default do else extends final finally "
           "for if implements instanceof native new private protected public return static "
           "strictfp super switch synchronized this throw throws transient try volatile while "
           "var yield sealed permits non-sealed"},
          {S::kDataType, "boolean byte char double float int long short void"},
          {S::kConstant, "null true false"},
      }),
      .line_comment = "//",
      .block_open = "/*",
      .block_close = "*/",
      .quotes = "\"",
      .operators = kCOperators,
      .features =
          kCallsAreFunctions | kCapitalizedTypes | kCharLiterals | kAtAnnotations | kTripleQuotes};
  return spec;
}

constexpr std::string_view kJsKeywords =
    "if else for while do switch case default break continue return throw try catch finally "
    "new delete typeof instanceof in of void var let const yield async await with debugger "
    "extends static get set this super";
constexpr std::string_view kJsConstants = "null undefined true false NaN Infinity";
constexpr std::string_view kJsBuiltIns =
    "console window document globalThis Math JSON Object Array String Number Boolean Promise "
    "Map Set Symbol Date RegExp Error require module exports";
constexpr uint32_t kJsFeatures =
    kCallsAreFunctions | kTemplateLiterals | kRegexLiterals | kAtAnnotations;

const CodeSpec& js_spec(bool jsx) {
  auto make = [](uint32_t extra) {
    return CodeSpec{.words = WordTable({
                        {S::kKeyword, "function", kFn},
                        {S::kKeyword, "class", kType},
                        {S::kImport, "import export from as"},
                        {S::kKeyword, kJsKeywords},
                        {S::kConstant, kJsConstants},
                        {S::kBuiltIn, kJsBuiltIns},
                    }),
                    .line_comment = "//",
                    .block_open = "/*",
                    .block_close = "*/",
                    .quotes = "\"'",
                    .operators = kCOperators,
                    .features = kJsFeatures | extra};
  };
  static const CodeSpec plain = make(0);
  static const CodeSpec with_jsx = make(kJsx);
  return jsx ? with_jsx : plain;
}

const CodeSpec& ts_spec(bool tsx) {
  auto make = [](uint32_t extra) {
    return CodeSpec{
        .words = WordTable({
            {S::kKeyword, "function", kFn},
            {S::kKeyword, "class interface type enum namespace", kType},
            {S::kImport, "import export from as"},
            {S::kKeyword, kJsKeywords},
            {S::kKeyword,
             "implements private protected public readonly abstract declare keyof infer is "
             "asserts satisfies override"},
            {S::kDataType, "string number boolean any unknown never object bigint symbol"},
            {S::kConstant, kJsConstants},
            {S::kBuiltIn, kJsBuiltIns},
        }),
        .line_comment = "//",
        .block_open = "/*",
        .block_close = "*/",
        .quotes = "\"'",
        .operators = kCOperators,
        .features = kJsFeatures | kCapitalizedTypes | extra};
  };
  static const CodeSpec plain = make(0);
  static const CodeSpec with_tsx = make(kJsx);
  return tsx ? with_tsx : plain;
}

const CodeSpec& python_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword, "def", kFn},
          {S::kKeyword, "class", kType},
          {S::kImport, "import from"},
          {S::kKeyword,
           "and as assert async await break continue del elif else except finally for global "
           "if in is lambda nonlocal not or pass raise return try while with yield match case"},
          {S::kConstant, "None True False NotImplemented Ellipsis __name__ __file__"},
          {S::kBuiltIn,
           "abs all any bool bytes callable chr dict dir enumerate filter float format "
           "frozenset getattr hasattr hash id input int isinstance issubclass iter len list "
           "map max min next object open ord pow print property range repr reversed round set "
           "setattr slice sorted staticmethod classmethod str sum super tuple type vars zip "
           "self cls Exception ValueError TypeError KeyError OSError RuntimeError"},
      }),
      .line_comment = "#",
      .quotes = "\"'",
      .operators = "+-*/%=<>!&|^~@",
      .features = kTripleQuotes | kStringPrefixes | kAtAnnotations};
  return spec;
}

const CodeSpec& shell_spec() {
  static const CodeSpec spec{
      .words = WordTable({
          {S::kKeyword,
           "if then elif else fi for while until do done case esac in function select time "
           "return break continue local export readonly declare typeset unset"},
          {S::kBuiltIn,
           "echo cd pwd set shift source exit eval exec printf read test trap wait alias "
           "unalias type umask sudo cp mv rm mkdir ls cat grep sed awk find xargs curl wget git "
           "pip npm make docker chmod touch tar ssh"},
          {S::kConstant, "true false"},
      }),
      .line_comment = "#",
      .quotes = "\"'",
      .operators = "|&;<>=!",
      .features = kShell};
  return spec;
}

const CodeSpec& sql_spec() {
  static const CodeSpec spec{
      .words = WordTable(
          {
              {S::kKeyword,
               "select from where and or not insert into values update set delete create "
               "table drop alter add column index view primary key foreign references unique "
               "default check constraint join inner left right outer full cross on as group "
               "by order having limit offset union all distinct case when then else end is "
               "in like between exists asc desc if begin commit rollback transaction with "
               "returning replace truncate vacuum explain grant revoke database schema "
               "trigger procedure function return returns declare cascade autoincrement"},
              {S::kDataType,
               "int integer bigint smallint tinyint decimal numeric real float double "
               "varchar char text blob boolean bool date time timestamp datetime serial json "
               "jsonb uuid"},
              {S::kConstant, "null true false"},
              {S::kBuiltIn,
               "count sum avg min max coalesce nullif cast lower upper length substr "
               "substring trim now round abs"},
          },
          true),
      .line_comment = "--",
      .block_open = "/*",
      .block_close = "*/",
      .quotes = "'\"",
      .operators = "+-*/%=<>!|"};
  return spec;
}

const CodeSpec& json_spec() {
  static const CodeSpec spec{.words = WordTable({{S::kConstant, "true false null"}}),
                             .line_comment = "//",
                             .block_open = "/*",
                             .block_close = "*/",
                             .quotes = "\"",
                             .operators = ":",
                             .features = kKeyStrings};
  return spec;
}

}  // namespace

void lex_c(std::string_view code, TokenSink& out) {
  lex_code(c_spec(), code, out);
}
void lex_cpp(std::string_view code, TokenSink& out) {
  lex_code(cpp_spec(), code, out);
}
void lex_go(std::string_view code, TokenSink& out) {
  lex_code(go_spec(), code, out);
}
void lex_rust(std::string_view code, TokenSink& out) {
  lex_code(rust_spec(), code, out);
}
void lex_java(std::string_view code, TokenSink& out) {
  lex_code(java_spec(), code, out);
}
void lex_javascript(std::string_view code, TokenSink& out) {
  lex_code(js_spec(false), code, out);
}
void lex_jsx(std::string_view code, TokenSink& out) {
  lex_code(js_spec(true), code, out);
}
void lex_typescript(std::string_view code, TokenSink& out) {
  lex_code(ts_spec(false), code, out);
}
void lex_tsx(std::string_view code, TokenSink& out) {
  lex_code(ts_spec(true), code, out);
}
void lex_python(std::string_view code, TokenSink& out) {
  lex_code(python_spec(), code, out);
}
void lex_shell(std::string_view code, TokenSink& out) {
  lex_code(shell_spec(), code, out);
}
void lex_sql(std::string_view code, TokenSink& out) {
  lex_code(sql_spec(), code, out);
}
void lex_json(std::string_view code, TokenSink& out) {
  lex_code(json_spec(), code, out);
}

}  // namespace bengal::highlight::fast
