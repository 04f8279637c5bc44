#include "bengal/cli/new_site.hpp"

#include <fstream>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace bengal::cli {
namespace {

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string create_site(const fs::path& dir, const std::string& title) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
    return dir.string() + " already exists and is not empty; choose a new folder name";
  std::vector<std::pair<std::string, std::string>> files = {
      {"bengal.toml",
       "[site]\ntitle = " + toml_string(title) +
           "\nbaseurl = \"https://example.org\"\ndescription = \"A site built with bengal\"\n"
           "language = \"en\"\n\n[build]\ncontent_dir = \"content\"\noutput_dir = \"public\"\n\n"
           "[params]\nauthor = \"Your Name\"\n"},
      {"content/_index.md",
       "---\ntitle: " + toml_string(title) +
           "\n---\n\nWelcome! Edit `content/_index.md` to change this page.\n"},
      {"content/docs/_index.md",
       "---\ntitle: Documentation\nweight: 1\n---\n\nEverything about this project.\n"},
      {"content/docs/getting-started.md",
       "---\ntitle: Getting started\nweight: 1\ntags: [guide]\n---\n\n"
       "## Install\n\nRun `bengal build` in this folder; the site appears in `public/`.\n\n"
       "## Write\n\nAdd Markdown files under `content/`. Each folder is a section.\n"},
      {"content/blog/_index.md", "+++\ntitle = \"Blog\"\nweight = 2\n+++\n\nNews and notes.\n"},
      {"content/blog/hello-world.md",
       "+++\ntitle = \"Hello, world\"\ndate = 2024-01-31\ntags = [\"news\"]\n+++\n\n"
       "The first post of this site.\n\n<!--more-->\n\nThe rest of the post.\n"},
  };
  // static/ starts empty: files put there are copied as they are. (A robots.txt there would
  // replace the generated one, which names the sitemap.)
  fs::create_directories(dir / "static", ec);
  if (ec) return "cannot create " + (dir / "static").string() + ": " + ec.message();
  for (const auto& [rel, text] : files) {
    fs::path path = dir / rel;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) return "cannot write " + path.string();
  }
  return {};
}

}  // namespace bengal::cli
