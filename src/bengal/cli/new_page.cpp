#include "bengal/cli/new_page.hpp"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "bengal/config/config.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/core/json_text.hpp"
#include "bengal/core/slug.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/templates/engine/environment.hpp"

namespace fs = std::filesystem;

namespace bengal::cli {
namespace {

// The date the page starts with: a fixed time in UTC ("2026-12-04T09:30:00Z"), or now in local
// time with its offset ("2026-12-04T10:30:00+01:00"), as front matter dates are written.
std::string date_text(const NewPageOptions& options) {
  std::optional<int64_t> fixed = options.now;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); !fixed && epoch != nullptr) {
    int64_t seconds = 0;
    std::string_view text(epoch);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) fixed = seconds;
  }
  time_t t = fixed ? static_cast<time_t>(*fixed) : time(nullptr);
  struct tm tm {};
  if (fixed ? gmtime_r(&t, &tm) == nullptr : localtime_r(&t, &tm) == nullptr) {
    t = 0;  // a time no calendar holds: the epoch
    fixed = 0;
    gmtime_r(&t, &tm);
  }
  char when[32];
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
  if (fixed) return std::string(when) + "Z";
  long offset = tm.tm_gmtoff;
  char sign = offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  return fmt::format("{}{}{:02}:{:02}", when, sign, offset / 3600, offset % 3600 / 60);
}

std::string trim_slashes(std::string_view path) {
  while (path.starts_with('/')) path.remove_prefix(1);
  while (path.ends_with('/')) path.remove_suffix(1);
  return std::string(path);
}

struct PagePath {
  std::string rel;    // in content/: "blog/my-post.md"
  std::string title;  // as the front matter gets it
  std::string slug;   // the file's stem: "my-post"
  std::string error;
};

// Where NAME puts the page and what it is titled.
PagePath page_path(const NewPageOptions& options) {
  PagePath p;
  std::string section = trim_slashes(options.section);
  std::string_view name = options.name;
  bool is_path = name.find('/') != std::string_view::npos || content::is_markdown_file(name);
  std::string file;
  if (is_path) {
    file = trim_slashes(name);
    if (!content::is_markdown_file(file)) file += ".md";
    size_t slash = file.rfind('/');
    std::string stem(content::page_stem(std::string_view(file).substr(slash + 1)));
    p.slug = stem;
    if (stem == "index" || stem == "_index") {
      std::string folder = slash == std::string::npos ? section : file.substr(0, slash);
      stem = folder.substr(folder.rfind('/') + 1);
    }
    p.title = content::title_from_file_name(stem);
  } else {
    p.slug = slugify(name);
    if (p.slug.empty()) {
      p.error = fmt::format(
          "'{}' has no letter or digit to name a file after; give a title such as \"My first "
          "post\" or a path such as blog/my-first-post.md",
          name);
      return p;
    }
    file = p.slug + ".md";
    p.title = std::string(name);
  }
  p.rel = section.empty() ? file : section + "/" + file;
  if (!output::is_safe_relative_path(p.rel)) {
    p.error = fmt::format(
        "'{}' is not a path inside the content folder; write it without '..', '.', '\\' or an "
        "empty part, such as blog/my-post.md",
        p.rel);
  }
  return p;
}

// The archetype a page of `section` starts from: the site's, then its theme's; "" when none.
std::optional<fs::path> find_archetype(const fs::path& site_dir, const config::SiteConfig& config,
                                       const std::string& section, std::string& display) {
  std::vector<std::string> folders = {"archetypes"};
  if (!config.theme.empty() && config.theme != "default")
    folders.push_back("themes/" + config.theme + "/archetypes");
  for (const std::string& folder : folders) {
    for (const std::string& name : {section, std::string("default")}) {
      if (name.empty()) continue;
      std::string rel = folder + "/" + name + ".md";
      std::error_code ec;
      // Only a regular file of the site: a link could read any file of the machine.
      if (fs::symlink_status(site_dir / rel, ec).type() == fs::file_type::regular) {
        display = rel;
        return site_dir / rel;
      }
    }
  }
  return std::nullopt;
}

std::string default_page(const PagePath& page, const std::string& date) {
  std::string title;
  append_json_string(title, page.title);  // a JSON string is a YAML double-quoted scalar
  return fmt::format("---\ntitle: {}\ndate: {}\ndraft: true\n---\n\n", title, date);
}

// A folder of the path that is a link, or empty: the page is written only into real folders
// of the site.
std::string linked_folder(const fs::path& content_dir, const std::string& rel) {
  std::error_code ec;
  fs::path at = content_dir;
  if (fs::is_symlink(at, ec)) return at.string();
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    at = content_dir / rel.substr(0, slash);
    if (fs::is_symlink(at, ec)) return rel.substr(0, slash);
  }
  return {};
}

}  // namespace

NewPageResult create_page(const NewPageOptions& options) {
  NewPageResult result;
  config::ConfigResult loaded = config::load_config(options.site_dir);
  if (!loaded.ok) {
    result.error = make_error("", 0, 0,
                              "the site's configuration has errors; run `bengal config show` "
                              "to see them");
    return result;
  }
  const config::SiteConfig& config = loaded.config;
  PagePath page = page_path(options);
  if (!page.error.empty()) {
    result.error = make_error("", 0, 0, page.error);
    return result;
  }
  fs::path content_dir = options.site_dir / config.content_dir;
  std::string display = config.content_dir + "/" + page.rel;
  if (std::string link = linked_folder(content_dir, page.rel); !link.empty()) {
    result.error = make_error(
        config.content_dir + "/" + link, 0, 0,
        "this folder of the page's path is a symbolic link; bengal new writes pages only into real "
        "folders of the site");
    return result;
  }

  std::string date = date_text(options);
  std::string section = page.rel.substr(0, std::min(page.rel.find('/'), page.rel.size()));
  if (section == page.rel) section.clear();  // a page of the content folder itself
  std::string text, archetype_display;
  if (auto archetype = find_archetype(options.site_dir, config, section, archetype_display)) {
    std::string source, read_error;
    if (!read_file(*archetype, source, read_error)) {
      result.error = make_error(archetype_display, 0, 0, read_error);
      return result;
    }
    templates::Environment env(std::make_shared<templates::MemoryLoader>());
    templates::Vars vars = {{"title", templates::Value::string(page.title)},
                            {"date", templates::Value::string(date)},
                            {"section", templates::Value::string(section)},
                            {"slug", templates::Value::string(page.slug)},
                            {"path", templates::Value::string(page.rel)}};
    Diagnostic error;
    if (!env.render_source(archetype_display, std::move(source), vars, text, error)) {
      result.error = error;
      return result;
    }
    if (!text.empty() && !text.ends_with('\n')) text += '\n';  // a template drops its last
  } else {
    text = default_page(page, date);
  }

  fs::path file = content_dir / page.rel;
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  // O_EXCL: an existing file, or a link in its place, is never written through.
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    int err = errno;
    result.error = make_error(display, 0, 0,
                              err == EEXIST ? std::string("already exists; edit it, or give "
                                                          "another name")
                                            : fmt::format("cannot create it: {}; check that the "
                                                          "folder is writable",
                                                          std::strerror(err)));
    return result;
  }
  bool written = true;
  for (size_t at = 0; written && at < text.size();) {
    ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    at += written ? static_cast<size_t>(n) : 0;
  }
  written = ::close(fd) == 0 && written;
  if (!written) {
    fs::remove(file, ec);
    result.error = make_error(display, 0, 0, "cannot write it; check the free space of the disk");
    return result;
  }
  result.created = display;
  return result;
}

}  // namespace bengal::cli
