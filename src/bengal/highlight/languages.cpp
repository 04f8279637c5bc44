#include "bengal/highlight/languages.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "bengal/highlight/highlight.hpp"

namespace bengal::highlight {

namespace {

// Sorted by alias. Aliases are explicit rather than KSyntaxHighlighting's own name and
// extension matching, so what a fence name means does not change with the library version.
// The canonical names with a hand-written lexer (fast/lexers.hpp) never reach the definition
// named here; the rest (ruby, php, kotlin, ...) are tokenized by KSyntaxHighlighting.
// Jinja (and Bengal's Jinja dialect Kida) uses the Django template definition: the same
// {% %} / {{ }} / {# #} syntax around HTML.
constexpr std::array kLanguages = {
    Language{"bash", "bash", "Bash"},
    Language{"c", "c", "C"},
    Language{"c#", "csharp", "C#"},
    Language{"c++", "cpp", "C++"},
    Language{"cmake", "cmake", "CMake"},
    Language{"console", "bash", "Bash"},
    Language{"cpp", "cpp", "C++"},
    Language{"cs", "csharp", "C#"},
    Language{"csharp", "csharp", "C#"},
    Language{"css", "css", "CSS"},
    Language{"cxx", "cpp", "C++"},
    Language{"dart", "dart", "Dart"},
    Language{"diff", "diff", "Diff"},
    Language{"django", "jinja", "Django HTML Template"},
    Language{"docker", "dockerfile", "Dockerfile"},
    Language{"dockerfile", "dockerfile", "Dockerfile"},
    Language{"elixir", "elixir", "Elixir"},
    Language{"ex", "elixir", "Elixir"},
    Language{"fish", "fish", "Fish"},
    Language{"go", "go", "Go"},
    Language{"golang", "go", "Go"},
    Language{"graphql", "graphql", "GraphQL"},
    Language{"haskell", "haskell", "Haskell"},
    Language{"hcl", "terraform", "Terraform"},
    Language{"hs", "haskell", "Haskell"},
    Language{"htm", "html", "HTML"},
    Language{"html", "html", "HTML"},
    Language{"ini", "ini", "INI Files"},
    Language{"j2", "jinja", "Django HTML Template"},
    Language{"java", "java", "Java"},
    Language{"javascript", "javascript", "JavaScript"},
    Language{"jinja", "jinja", "Django HTML Template"},
    Language{"jinja2", "jinja", "Django HTML Template"},
    Language{"js", "javascript", "JavaScript"},
    Language{"json", "json", "JSON"},
    Language{"jsx", "jsx", "JavaScript React (JSX)"},
    Language{"kida", "jinja", "Django HTML Template"},
    Language{"kotlin", "kotlin", "Kotlin"},
    Language{"kt", "kotlin", "Kotlin"},
    Language{"latex", "latex", "LaTeX"},
    Language{"less", "less", "LESSCSS"},
    Language{"lua", "lua", "Lua"},
    Language{"make", "makefile", "Makefile"},
    Language{"makefile", "makefile", "Makefile"},
    Language{"markdown", "markdown", "Markdown"},
    Language{"md", "markdown", "Markdown"},
    Language{"nix", "nix", "Nix"},
    Language{"patch", "diff", "Diff"},
    Language{"perl", "perl", "Perl"},
    Language{"php", "php", "PHP (HTML)"},
    Language{"pl", "perl", "Perl"},
    Language{"powershell", "powershell", "PowerShell"},
    Language{"proto", "protobuf", "Protobuf"},
    Language{"protobuf", "protobuf", "Protobuf"},
    Language{"ps1", "powershell", "PowerShell"},
    Language{"pwsh", "powershell", "PowerShell"},
    Language{"py", "python", "Python"},
    Language{"python", "python", "Python"},
    Language{"python3", "python", "Python"},
    Language{"r", "r", "R Script"},
    Language{"rb", "ruby", "Ruby"},
    Language{"restructuredtext", "rst", "reStructuredText"},
    Language{"rs", "rust", "Rust"},
    Language{"rst", "rst", "reStructuredText"},
    Language{"ruby", "ruby", "Ruby"},
    Language{"rust", "rust", "Rust"},
    Language{"scala", "scala", "Scala"},
    Language{"scss", "scss", "SCSS"},
    Language{"sh", "bash", "Bash"},
    Language{"shell", "bash", "Bash"},
    Language{"sql", "sql", "SQL"},
    Language{"swift", "swift", "Swift"},
    Language{"terraform", "terraform", "Terraform"},
    Language{"tex", "latex", "LaTeX"},
    Language{"tf", "terraform", "Terraform"},
    Language{"toml", "toml", "TOML"},
    Language{"ts", "typescript", "TypeScript"},
    Language{"tsx", "tsx", "TypeScript React (TSX)"},
    Language{"typescript", "typescript", "TypeScript"},
    Language{"xml", "xml", "XML"},
    Language{"yaml", "yaml", "YAML"},
    Language{"yml", "yaml", "YAML"},
    Language{"zig", "zig", "Zig"},
    Language{"zsh", "bash", "Bash"},
};

constexpr bool sorted_by_alias() {
  for (size_t i = 1; i < kLanguages.size(); ++i)
    if (!(kLanguages[i - 1].alias < kLanguages[i].alias)) return false;
  return true;
}
static_assert(sorted_by_alias(), "kLanguages must be sorted by alias for binary search");

}  // namespace

const Language* find_language(std::string_view name) {
  constexpr size_t kLongestAlias = 16;
  if (name.empty() || name.size() > kLongestAlias) return nullptr;
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  auto it = std::lower_bound(kLanguages.begin(), kLanguages.end(), lower,
                             [](const Language& l, const std::string& n) { return l.alias < n; });
  if (it == kLanguages.end() || it->alias != lower) return nullptr;
  return &*it;
}

std::span<const Language> languages() {
  return kLanguages;
}

std::string_view canonical_language(std::string_view name) {
  const Language* l = find_language(name);
  return l != nullptr ? l->canonical : std::string_view();
}

}  // namespace bengal::highlight
