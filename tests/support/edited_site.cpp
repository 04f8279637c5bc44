#include "edited_site.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <iterator>
#include <sstream>
#include <utility>

#include "run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// Plain words only: none that YAML reads as something else (yes, no, on, null, true).
constexpr std::array kWords = {
    "river",  "stone",  "amber",  "cloud",  "maple",  "harbor", "lantern", "meadow", "copper",
    "falcon", "garden", "island", "kettle", "lemon",  "marble", "nectar",  "orchid", "pepper",
    "quartz", "raven",  "saddle", "timber", "velvet", "willow", "yonder",  "zephyr", "bridge",
    "candle", "dune",   "ember",  "fern",   "glade",  "hollow", "ivory",   "jasper", "knot",
};
constexpr std::array kTags = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"};
constexpr std::array kCategories = {"howto", "reference", "story"};
// Pages stay between the bounds, and drift back towards the middle: deletes and removed
// sections outnumber adds, so below kTypicalPages half the deletes add a page instead.
constexpr size_t kMinPages = 25, kTypicalPages = 40, kMaxPages = 60;
// A paragraph of raw HTML whose id is an anchor of its page, as a heading's is: links to
// "#spot" resolve while the page has one.
constexpr std::string_view kSpot = "<p id=\"spot\">";

std::string joined_with(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& s : items) (out.empty() ? out : out += separator) += s;
  return out;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

EditedSite::EditedSite(fs::path dir, uint64_t seed, bool multilingual)
    : dir_(std::move(dir)), rng_(seed), multilingual_(multilingual) {
  files_.languages = multilingual;
  sections_[""] = {"Home", "The home page", 0, true, "", ""};
  sections_["blog"] = {"Blog", "", 2, true, "", ""};
  sections_["docs"] = {"Docs", "All the documentation", 1, true, "", ""};
  sections_["docs/guide"] = {"Guide", "", 1, true, "", ""};
  sections_["docs/guide/advanced"] = {"Advanced", "Deeper topics", 0, true, "", ""};
  sections_["docs/api"] = {"", "", 0, false, "", ""};
  sections_["notes"] = {"Notes", "", 3, true, "", ""};
  sections_["notes/archive"] = {"", "", 0, false, "", ""};
  const std::pair<const char*, int> counts[] = {
      {"docs", 6},     {"blog", 10}, {"docs/guide", 7},    {"docs/guide/advanced", 5},
      {"docs/api", 4}, {"notes", 5}, {"notes/archive", 3},
  };
  for (const auto& [section, n] : counts) {
    for (int i = 0; i < n; ++i) {
      Page p = make_page(section);
      pages_.emplace(p.name, std::move(p));
    }
  }
  if (!multilingual_) return;
  for (auto& [name, p] : pages_)
    if (pick(3) == 0) p.fr_title = capitalized_words(2);
}

size_t EditedSite::pick(size_t n) {
  return n == 0 ? 0 : static_cast<size_t>(rng_() % n);
}

std::string EditedSite::word() {
  return kWords[pick(kWords.size())];
}

std::string EditedSite::words(size_t min, size_t max) {
  size_t n = min + pick(max - min + 1);
  std::string out;
  for (size_t i = 0; i < n; ++i) (out.empty() ? out : out += ' ') += word();
  return out;
}

std::string EditedSite::capitalized_words(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    std::string w = word();
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    (out.empty() ? out : out += ' ') += w;
  }
  return out;
}

std::string EditedSite::random_date() {
  return fmt::format("20{:02}-{:02}-{:02}", 20 + pick(6), 1 + pick(12), 1 + pick(28));
}

std::string EditedSite::new_name() {
  return fmt::format("p{:03}", next_page_++);
}

std::string EditedSite::page_path(const Page& p) const {
  return "content/" + p.section + "/" + p.name + ".md";
}

EditedSite::Page& EditedSite::random_page() {
  return std::next(pages_.begin(), static_cast<long>(pick(pages_.size())))->second;
}

std::string EditedSite::random_link() {
  const Page& target = random_page();
  std::string link = page_path(target).substr(8);
  if (pick(3) != 0) return link;
  std::vector<std::string> headings;  // and raw HTML's ids, anchors as they are
  for (const auto& para : target.paragraphs) {
    if (para.starts_with("## ")) headings.push_back(para.substr(3));
    if (para.starts_with(kSpot)) headings.emplace_back("spot");
  }
  // "## Word Word" has the id "word-word".
  std::string anchor =
      headings.empty() || pick(4) == 0 ? "no-such-heading" : headings[pick(headings.size())];
  std::transform(anchor.begin(), anchor.end(), anchor.begin(),
                 [](char c) { return c == ' ' ? '-' : static_cast<char>(std::tolower(c)); });
  return link + "#" + anchor;
}

std::string EditedSite::random_section() {
  std::string s = std::next(sections_.begin(), static_cast<long>(pick(sections_.size())))->first;
  return s.empty() ? "blog" : s;  // pages of the home folder are not generated
}

EditedSite::Page EditedSite::make_page(const std::string& section) {
  Page p;
  p.section = section;
  p.name = new_name();
  p.title = capitalized_words(2);
  if (pick(10) < 7) p.date = random_date();
  if (pick(10) < 3) p.weight = 1 + static_cast<int>(pick(9));
  if (pick(20) == 0) p.slug = word();
  if (pick(2) == 0) p.description = words(3, 8);
  p.draft = pick(20) == 0;
  p.more = pick(10) < 4;
  for (size_t n = pick(4); p.tags.size() < n;) {
    std::string t = kTags[pick(kTags.size())];
    if (std::find(p.tags.begin(), p.tags.end(), t) == p.tags.end()) p.tags.push_back(t);
  }
  if (pick(2) == 0) p.categories.push_back(kCategories[pick(kCategories.size())]);
  for (size_t n = 1 + pick(4); p.paragraphs.size() < n;)
    p.paragraphs.push_back(pick(7) == 0 ? "## " + capitalized_words(2) : words(6, 20));
  if (!pages_.empty()) {
    for (size_t n = pick(3); p.links.size() < n;) p.links.push_back(random_link());
    if (pick(10) < 3) p.wiki = random_page().name;
  }
  p.include = pick(7) == 0;
  return p;
}

bool EditedSite::unpin(const std::string& path) {
  return pinned_.erase(path) > 0;
}

// --- the edits: each changes the model and says what it did ---

SiteEdit EditedSite::edit_body() {
  Page& p = random_page();
  // A reverted page is written from the model again, which may differ from the earlier bytes
  // anywhere (its categories, its date): not an edit of its body alone.
  bool reverted = unpin(page_path(p));
  size_t i = pick(p.paragraphs.size());
  std::string how;
  switch (pick(4)) {
    case 0: {  // one word for another, often of the same length: same size, new bytes
      auto ws = split_words(p.paragraphs[i]);
      ws[pick(ws.size())] = word();
      p.paragraphs[i] = joined_with(ws, " ");
      how = "word replaced";
      break;
    }
    case 1:
      p.paragraphs[i] += " " + words(2, 6);
      how = "sentence appended";
      break;
    case 2: {
      size_t kind = pick(8);  // a heading, a raw HTML element with an id, or text
      p.paragraphs.insert(p.paragraphs.begin() + static_cast<long>(i),
                          kind < 2   ? "## " + capitalized_words(2)
                          : kind < 3 ? std::string(kSpot) + words(2, 4) + "</p>"
                                     : words(5, 15));
      how = "paragraph added";
      break;
    }
    default:
      if (p.paragraphs.size() > 1) {
        p.paragraphs.erase(p.paragraphs.begin() + static_cast<long>(i));
        how = "paragraph removed";
      } else {
        p.paragraphs[0] = words(6, 20);
        how = "paragraph rewritten";
      }
  }
  std::string what = fmt::format("body of {} ({} in paragraph {})", page_path(p), how, i);
  if (reverted) return {"revert", what + ", which undoes its revert"};
  return {"body", what};
}

SiteEdit EditedSite::edit_title() {
  Page& p = random_page();
  unpin(page_path(p));
  p.title = capitalized_words(1 + pick(3));
  return {"title", fmt::format("title of {}: {}", page_path(p), p.title)};
}

SiteEdit EditedSite::edit_date() {
  Page& p = random_page();
  unpin(page_path(p));
  p.date = pick(5) == 0 ? "" : random_date();
  return {"date", fmt::format("date of {}: '{}'", page_path(p), p.date)};
}

SiteEdit EditedSite::edit_tags() {
  Page& p = random_page();
  unpin(page_path(p));
  bool categories = pick(3) == 0;
  auto& list = categories ? p.categories : p.tags;
  const char* kind = categories ? "categories" : "tags";
  if (!list.empty() && pick(2) == 0) {
    size_t i = pick(list.size());
    std::string removed = list[i];
    list.erase(list.begin() + static_cast<long>(i));
    return {"tags", fmt::format("{} of {}: removed {}", kind, page_path(p), removed)};
  }
  std::string t = categories ? kCategories[pick(kCategories.size())] : kTags[pick(kTags.size())];
  if (std::find(list.begin(), list.end(), t) == list.end()) list.push_back(t);
  return {"tags", fmt::format("{} of {}: added {}", kind, page_path(p), t)};
}

SiteEdit EditedSite::edit_weight() {
  Page& p = random_page();
  unpin(page_path(p));
  p.weight = pick(3) == 0 ? 0 : 1 + static_cast<int>(pick(9));
  return {"weight", fmt::format("weight of {}: {}", page_path(p), p.weight)};
}

SiteEdit EditedSite::edit_slug() {
  Page& p = random_page();
  unpin(page_path(p));
  p.slug = !p.slug.empty() && pick(2) == 0 ? "" : word();
  return {"slug", fmt::format("slug of {}: '{}'", page_path(p), p.slug)};
}

SiteEdit EditedSite::edit_more() {
  Page& p = random_page();
  unpin(page_path(p));
  p.more = !p.more;
  return {"more", fmt::format("<!--more--> in {}: {}", page_path(p), p.more ? "added" : "removed")};
}

SiteEdit EditedSite::edit_description() {
  Page& p = random_page();
  unpin(page_path(p));
  p.description = pick(3) == 0 ? "" : words(3, 8);
  return {"description", fmt::format("description of {}: '{}'", page_path(p), p.description)};
}

SiteEdit EditedSite::edit_draft() {
  Page& p = random_page();
  unpin(page_path(p));
  p.draft = !p.draft;
  return {"draft", fmt::format("draft of {}: {}", page_path(p), p.draft)};
}

// Hugo's build options of a page, or those a section's cascade gives its pages.
SiteEdit EditedSite::edit_build() {
  static constexpr const char* kPageBuilds[] = {"", "_build:\n  list: never\n",
                                                "_build:\n  list: local\n",
                                                "build:\n  render: never\n", "headless: true\n"};
  if (pick(5) == 0) {
    auto it = std::next(sections_.begin(), static_cast<long>(pick(sections_.size())));
    if (it->first.empty() || !it->second.has_index) return edit_draft();
    unpin("content/" + it->first + "/_index.md");
    if (pick(2) == 0) {
      // Zola's section keys: the section's order, pagination (from the end too), whether its
      // page is written, its pages' template, whether its pages are listed by its parent, the
      // folder of its pagers.
      static constexpr const char* kZola[] = {"",
                                              "sort_by: title\n",
                                              "sort_by: date\npaginate_by: 1\n",
                                              "sort_by: slug\n",
                                              "paginate_by: 3\nsort_by: weight\n",
                                              "render: false\n",
                                              "page_template: blog/single.html\n",
                                              "in_search_index: false\n",
                                              "transparent: true\n",
                                              "paginate_by: 2\npaginate_reversed: true\n",
                                              "paginate_by: 1\npaginate_path: p\n",
                                              "transparent: true\nsort_by: title\n"};
      it->second.zola = kZola[pick(std::size(kZola))];
      return {"build", fmt::format("Zola keys of {}: '{}'", it->first, it->second.zola)};
    }
    static constexpr const char* kCascades[] = {"", "list: local", "list: never"};
    it->second.cascade_build = kCascades[pick(3)];
    return {"build", fmt::format("cascade of {}: '{}'", it->first, it->second.cascade_build)};
  }
  Page& p = random_page();
  unpin(page_path(p));
  p.build = kPageBuilds[pick(5)];
  return {"build", fmt::format("build options of {}: '{}'", page_path(p), p.build)};
}

// Hugo's term content: a tag's page gets (or loses) its own title and text, or a tag no page
// has yet gets one.
SiteEdit EditedSite::edit_term_page() {
  std::string tag = kTags[pick(kTags.size())];
  std::string path = "content/tags/" + tag + "/_index.md";
  unpin(path);
  if (files_.term_pages.count(tag) != 0 && pick(3) == 0) {
    files_.term_pages.erase(tag);
    return {"term", "removed " + path};
  }
  files_.term_pages[tag] = fmt::format("---\ntitle: {}\ndescription: {}\n---\n{}\n",
                                       capitalized_words(2), words(2, 4), words(4, 9));
  return {"term", "wrote " + path};
}

SiteEdit EditedSite::add_page() {
  if (pages_.size() >= kMaxPages) return delete_page();
  Page p = make_page(random_section());
  std::string path = page_path(p);
  pages_.emplace(p.name, std::move(p));
  return {"add", "added " + path};
}

SiteEdit EditedSite::delete_page() {
  if (pages_.size() <= kMinPages || (pages_.size() < kTypicalPages && pick(2) == 0))
    return add_page();
  Page& p = random_page();
  std::string path = page_path(p), name = p.name;
  unpin(path);
  pages_.erase(name);
  return {"delete", "deleted " + path};
}

SiteEdit EditedSite::move_page() {
  Page& p = random_page();
  std::string from = page_path(p);
  unpin(from);
  if (pick(2) == 0) {
    p.section = random_section();
  } else {
    Page moved = p;
    pages_.erase(moved.name);
    moved.name = new_name();
    auto [it, added] = pages_.emplace(moved.name, std::move(moved));
    (void)added;
    return {"move", fmt::format("renamed {} to {}", from, page_path(it->second))};
  }
  return {"move", fmt::format("moved {} to {}", from, page_path(p))};
}

SiteEdit EditedSite::add_section() {
  std::string parent = random_section();
  if (std::count(parent.begin(), parent.end(), '/') >= 2) parent = "notes";
  std::string path = fmt::format("{}/extra-{}", parent, next_section_++);
  sections_[path] = {capitalized_words(1), "", static_cast<int>(pick(4)), pick(10) < 7, "", ""};
  // A section is a folder: give it a page, moved there or new.
  if (pages_.size() >= kMaxPages || pick(2) == 0) {
    Page& p = random_page();
    unpin(page_path(p));
    p.section = path;
  } else {
    Page p = make_page(path);
    pages_.emplace(p.name, std::move(p));
  }
  return {"section", "added section " + path};
}

SiteEdit EditedSite::remove_section() {
  // A leaf section with its pages, when enough pages stay.
  std::vector<std::string> leaves;
  for (const auto& entry : sections_) {
    const std::string& path = entry.first;  // named: clang 14 lambdas cannot capture bindings
    if (path.empty() || path == "blog") continue;
    auto next = sections_.upper_bound(path);
    bool leaf = next == sections_.end() || !next->first.starts_with(path + "/");
    size_t pages = static_cast<size_t>(std::count_if(
        pages_.begin(), pages_.end(), [&](const auto& e) { return e.second.section == path; }));
    if (leaf && pages_.size() - pages >= kMinPages) leaves.push_back(path);
  }
  if (leaves.empty()) return edit_section();
  std::string path = leaves[pick(leaves.size())];
  for (auto it = pages_.begin(); it != pages_.end();) {
    if (it->second.section == path) {
      unpin(page_path(it->second));
      it = pages_.erase(it);
    } else {
      ++it;
    }
  }
  unpin("content/" + path + "/_index.md");
  sections_.erase(path);
  return {"section", "removed section " + path + " and its pages"};
}

SiteEdit EditedSite::edit_section() {
  auto it = std::next(sections_.begin(), static_cast<long>(pick(sections_.size())));
  std::string index =
      it->first.empty() ? "content/_index.md" : "content/" + it->first + "/_index.md";
  unpin(index);
  Section& s = it->second;
  switch (pick(3)) {
    case 0:
      s.title = capitalized_words(1);
      return {"section", fmt::format("title of {}: {}", index, s.title)};
    case 1:
      s.weight = static_cast<int>(pick(5));
      s.description = pick(2) == 0 ? "" : words(2, 5);
      return {"section", fmt::format("weight and description of {}", index)};
    default:
      if (it->first.empty()) return edit_title();  // the home page keeps its _index.md
      s.has_index = !s.has_index;
      if (s.has_index && s.title.empty()) s.title = capitalized_words(1);
      return {"section", fmt::format("{} {}", s.has_index ? "added" : "removed", index)};
  }
}

SiteEdit EditedSite::edit_link() {
  Page& p = random_page();
  unpin(page_path(p));
  std::string target = pick(5) == 0 ? "docs/missing.md" : random_link();
  if (pick(4) == 0) {
    p.wiki = pick(5) == 0 ? "nowhere" : random_page().name;
    return {"link", fmt::format("wiki link of {}: [[{}]]", page_path(p), p.wiki)};
  }
  if (p.links.empty() || pick(3) == 0) {
    p.links.push_back(target);
  } else {
    p.links[pick(p.links.size())] = target;
  }
  return {"link", fmt::format("link of {} now to {}", page_path(p), target)};
}

SiteEdit EditedSite::edit_included_file() {
  unpin("content/_snippets/notice.md");
  ++files_.notice_version;
  return {"include", fmt::format("content/_snippets/notice.md: version {}", files_.notice_version)};
}

SiteEdit EditedSite::edit_data_file() {
  unpin("data/team.yaml");
  switch (pick(3)) {
    case 0:
      files_.lead = capitalized_words(1);
      break;
    case 1:
      files_.motto = words(2, 5);
      break;
    default:
      if (files_.members.size() > 1 && pick(2) == 0) {
        files_.members.pop_back();
      } else {
        files_.members.push_back(capitalized_words(1));
      }
  }
  return {"data", "data/team.yaml: lead, motto or members"};
}

SiteEdit EditedSite::edit_template() {
  switch (pick(4)) {
    case 0:
      unpin("templates/partials/footer.html");
      if (pick(2) == 0) files_.footer_members = !files_.footer_members;
      ++files_.footer_version;
      return {"template", "templates/partials/footer.html (overrides the theme's)"};
    case 1:
      unpin("templates/partials/byline.html");
      if (pick(2) == 0) files_.byline_tags = !files_.byline_tags;
      ++files_.byline_version;
      return {"template", "templates/partials/byline.html (the site's own partial)"};
    case 2:
      unpin("templates/shortcodes/badge.html");
      ++files_.badge_version;
      return {"template", "templates/shortcodes/badge.html (a shortcode some pages call)"};
    default:
      unpin("templates/blog/list.html");
      ++files_.list_version;
      return {"template", "templates/blog/list.html"};
  }
}

SiteEdit EditedSite::edit_config() {
  unpin("bengal.toml");
  size_t choice = pick(multilingual_ ? 6 : 4);
  if (choice == 4) {
    files_.languages = !files_.languages;
    return {"config", files_.languages ? "bengal.toml: [languages] en and fr"
                                       : "bengal.toml: no [languages]"};
  }
  if (choice == 5) {
    files_.in_subdir = !files_.in_subdir;
    return {"config", files_.in_subdir ? "bengal.toml: default_language_in_subdir"
                                       : "bengal.toml: the default language at the root"};
  }
  switch (choice) {
    case 0:
      files_.title = capitalized_words(2);
      return {"config", "bengal.toml: site title " + files_.title};
    case 1:
      files_.per_page = 1 + static_cast<int>(pick(3));
      return {"config", fmt::format("bengal.toml: per_page {}", files_.per_page)};
    case 2:
      files_.menu_name = capitalized_words(1);
      files_.menu_weight = static_cast<int>(pick(4));
      return {"config", "bengal.toml: menu entry " + files_.menu_name};
    default: {
      std::string s = random_section();
      files_.menu_page = s + "/_index.md";
      return {"config", "bengal.toml: menu entry's page " + files_.menu_page};
    }
  }
}

// A page's French version added, retitled, given or stripped of a slug, or removed: the
// English page's hreflang and language menu follow it.
SiteEdit EditedSite::edit_translation() {
  Page& p = random_page();
  std::string path = page_path(p).substr(0, page_path(p).size() - 3) + ".fr.md";
  unpin(path);
  if (p.fr_title.empty()) {
    p.fr_title = capitalized_words(2);
    return {"translation", "added " + path};
  }
  switch (pick(3)) {
    case 0:
      p.fr_title = capitalized_words(2);
      return {"translation", "title of " + path + ": " + p.fr_title};
    case 1:
      p.fr_slug = p.fr_slug.empty() ? word() : std::string();
      return {"translation", "slug of " + path + ": " + p.fr_slug};
    default:
      p.fr_title.clear();
      p.fr_slug.clear();
      return {"translation", "removed " + path};
  }
}

SiteEdit EditedSite::touch_file() {
  if (written_.empty()) return edit_body();
  std::string path = std::next(written_.begin(), static_cast<long>(pick(written_.size())))->first;
  touch_.insert(path);
  return {"touch", "touched " + path + " (same bytes)"};
}

SiteEdit EditedSite::revert_file() {
  std::vector<std::string> candidates;
  for (const auto& entry : written_) {
    const std::string &path = entry.first, &text = entry.second;  // clang 14: no bindings
    auto h = history_.find(path);
    if (h == history_.end()) continue;
    if (std::any_of(h->second.begin(), h->second.end(), [&](const auto& t) { return t != text; }))
      candidates.push_back(path);
  }
  if (candidates.empty()) return touch_file();
  std::string path = candidates[pick(candidates.size())];
  std::vector<std::string> earlier;
  for (const auto& t : history_[path])
    if (t != written_[path]) earlier.push_back(t);
  pinned_[path] = earlier[pick(earlier.size())];
  // As `cp -p` from a backup does: the earlier bytes with an earlier modification time.
  bool old_time = pick(2) == 0;
  if (old_time) old_mtime_.insert(path);
  return {"revert", fmt::format("reverted {} to earlier bytes{}", path,
                                old_time ? ", with a modification time two days back" : "")};
}

SiteEdit EditedSite::edit() {
  struct Choice {
    EditFn fn;
    int weight;
  };
  static constexpr Choice kChoices[] = {
      {&EditedSite::edit_body, 8},          {&EditedSite::edit_title, 3},
      {&EditedSite::edit_date, 2},          {&EditedSite::edit_tags, 3},
      {&EditedSite::edit_weight, 2},        {&EditedSite::edit_slug, 2},
      {&EditedSite::edit_more, 2},          {&EditedSite::edit_description, 2},
      {&EditedSite::edit_draft, 2},         {&EditedSite::edit_build, 2},
      {&EditedSite::edit_term_page, 2},     {&EditedSite::add_page, 3},
      {&EditedSite::delete_page, 3},        {&EditedSite::move_page, 3},
      {&EditedSite::add_section, 1},        {&EditedSite::remove_section, 1},
      {&EditedSite::edit_section, 2},       {&EditedSite::edit_link, 3},
      {&EditedSite::edit_included_file, 2}, {&EditedSite::edit_data_file, 2},
      {&EditedSite::edit_template, 3},      {&EditedSite::edit_config, 2},
      {&EditedSite::touch_file, 2},         {&EditedSite::revert_file, 3},
      {&EditedSite::edit_translation, 3},
  };
  // A site in one language is edited as before translations were: the same sequence of edits.
  auto weight = [&](const Choice& c) {
    return !multilingual_ && c.fn == &EditedSite::edit_translation ? 0 : c.weight;
  };
  int total = 0;
  for (const auto& c : kChoices) total += weight(c);
  int at = static_cast<int>(pick(static_cast<size_t>(total)));
  for (const auto& c : kChoices) {
    if (at < weight(c)) return (this->*c.fn)();
    at -= weight(c);
  }
  return edit_body();
}

// --- the files ---

std::string EditedSite::render_page(const Page& p) const {
  std::string s = "---\ntitle: " + p.title + "\n";
  if (!p.date.empty()) s += "date: " + p.date + "\n";
  if (p.weight != 0) s += fmt::format("weight: {}\n", p.weight);
  if (!p.slug.empty()) s += "slug: " + p.slug + "\n";
  if (!p.description.empty()) s += "description: " + p.description + "\n";
  if (p.draft) s += "draft: true\n";
  s += p.build;
  if (!p.tags.empty()) s += "tags: [" + joined_with(p.tags, ", ") + "]\n";
  if (!p.categories.empty()) s += "categories: [" + joined_with(p.categories, ", ") + "]\n";
  s += "---\n";
  for (size_t i = 0; i < p.paragraphs.size(); ++i) {
    // Every other page ("p002", "p004"…) opens with GitHub's alert: its summary leaves the
    // marker line out.
    bool alert = i == 0 && p.name.back() % 2 == 0 && !p.paragraphs[i].starts_with('<');
    // And every third page's second paragraph is a definition: the summary and the words
    // leave its marker out.
    bool definition = i == 1 && p.name.back() % 3 == 0 && !p.paragraphs[i].starts_with('<');
    s += alert ? "> [!NOTE] " + p.name + "\n> " : definition ? "Term " + p.name + "\n: " : "";
    s += p.paragraphs[i] + "\n";
    // And every fifth page's first paragraph carries a class.
    if (i == 0 && p.name.back() % 5 == 0 && !p.paragraphs[i].starts_with('<')) s += "{: .lead}\n";
    s += "\n";
    if (i == 0 && p.more) s += "<!--more-->\n\n";
  }
  for (size_t i = 0; i < p.links.size(); ++i) {
    const std::string& link = p.links[i];
    size_t hash = link.find('#');
    fs::path target = link.substr(0, hash);
    std::string anchor = hash == std::string::npos ? "" : link.substr(hash);
    if (i % 2 == 1) {  // every other link as Hugo's ref, from the content root
      s += fmt::format("See [{}]({{{{< ref \"/{}{}\" >}}}}).\n\n", target.stem().string(),
                       target.generic_string(), anchor);
      continue;
    }
    s += fmt::format("See [{}]({}{}).\n\n", target.stem().string(),
                     target.lexically_relative(p.section).generic_string(), anchor);
  }
  if (!p.wiki.empty()) s += "Also [[" + p.wiki + "]].\n\n";
  // Pages whose name ends in 1 call the site's shortcode, with a body on every other one;
  // those ending in 2 call it inside a line.
  if (p.name.back() == '1')
    s += p.more ? "{{< badge \"" + p.name + "\" >}}\n*Said* here.\n{{< /badge >}}\n\n"
                : "{{< badge \"" + p.name + "\" >}}\n\n";
  if (p.name.back() == '2')
    s += "Marked {{< badge \"" + p.name + "\" >}}*inline*{{< /badge >}}.\n\n";
  if (p.include) s += ":::{include} _snippets/notice.md\n:::\n";
  return s;
}

std::string EditedSite::render_translation(const Page& p) const {
  std::string s = "---\ntitle: " + p.fr_title + "\n";
  if (!p.fr_slug.empty()) s += "slug: " + p.fr_slug + "\n";
  if (!p.tags.empty()) s += "tags: [" + joined_with(p.tags, ", ") + "]\n";
  return s + "---\nLa page " + p.name + " en français.\n";
}

std::string EditedSite::render_config() const {
  std::string languages =
      files_.languages ? "\n[languages.en]\nname = \"English\"\nweight = 1\n\n[languages.fr]\n"
                         "name = \"Français\"\nweight = 2\ntitle = \"Site FR\"\n"
                       : "";
  std::string subdir = files_.in_subdir ? "default_language_in_subdir = true\n" : "";
  return fmt::format(
             "[site]\ntitle = \"{}\"\nbaseurl = \"https://example.org/\"\n{}\n"
             "[pagination]\nper_page = {}\n\n"
             "[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\n\n"
             "[features]\natom = true\ngraph = true\n\n"
             "[search]\nfull_text = true\n\n"
             "[feeds]\nfull_content = true\n\n"
             "[[menu.main]]\nname = \"{}\"\npage = \"{}\"\nweight = {}\n\n"
             "[[menu.main]]\nname = \"Blog\"\nurl = \"/blog/\"\nweight = 2\n",
             files_.title, subdir, files_.per_page, files_.menu_name, files_.menu_page,
             files_.menu_weight) +
         languages;
}

std::map<std::string, std::string> EditedSite::render() const {
  std::map<std::string, std::string> out;
  out["bengal.toml"] = render_config();
  std::string members;
  for (const auto& m : files_.members) members += "  - " + m + "\n";
  out["data/team.yaml"] =
      fmt::format("lead: {}\nmotto: {}\nmembers:\n{}", files_.lead, files_.motto, members);
  out["content/_snippets/notice.md"] =
      fmt::format("> Notice, version {}.\n\n### Notice {}\n\nIncluded text.\n",
                  files_.notice_version, files_.notice_version);
  out["templates/shortcodes/badge.html"] = fmt::format(
      "<span class=\"badge\">{{{{ args[0] }}}} · {{{{ body | markdownify }}}} · badge {}</span>",
      files_.badge_version);
  out["templates/partials/footer.html"] = fmt::format(
      "<footer class=\"site-footer\"><p>{{{{ site.title }}}} · {{{{ site.data.team.lead }}}} · "
      "{{{{ site.data.team.motto }}}}{} · footer {}</p></footer>\n",
      files_.footer_members ? "{% for m in site.data.team.members %} {{ m }}{% endfor %}" : "",
      files_.footer_version);
  out["templates/partials/byline.html"] = fmt::format(
      "<p class=\"byline\">{{{{ site.data.team.lead }}}}{{% if page.date %}} · {{{{ page.date "
      "}}}}{{% endif %}}{} · byline {}</p>\n",
      files_.byline_tags ? "{% for t in page.tags %} #{{ t.name }}{% endfor %}" : "",
      files_.byline_version);
  out["templates/blog/single.html"] =
      "{% extends \"base.html\" %}\n{% block main %}<article><h1>{{ page.title }}</h1>\n"
      "{% include \"partials/byline.html\" %}\n{{ page.content }}</article>\n"
      "{% include \"partials/prev_next.html\" %}{% endblock %}\n";
  // A list that shows the full content of its pages and of a page elsewhere in the site.
  out["templates/blog/list.html"] = fmt::format(
      "{{% extends \"base.html\" %}}\n{{% block main %}}<h1>{{{{ page.title }}}}</h1>\n"
      "{{{{ page.content }}}}\n{{% for p in paginator.pages %}}<section><h2><a href=\"{{{{ p.url "
      "}}}}\">{{{{ p.title }}}}</a></h2>{{{{ p.content }}}}</section>\n{{% endfor %}}"
      "{{% set f = get_page(\"docs/p001.md\") %}}{{% if f %}}<aside><h2>{{{{ f.title }}}}</h2>"
      "{{{{ f.content }}}}</aside>{{% endif %}}\n<p>list {}</p>\n"
      "{{% include \"partials/pagination.html\" %}}{{% endblock %}}\n",
      files_.list_version);
  for (const auto& [path, s] : sections_) {
    if (!s.has_index) continue;
    std::string text = "---\ntitle: " + s.title + "\n";
    if (s.weight != 0) text += fmt::format("weight: {}\n", s.weight);
    if (!s.description.empty()) text += "description: " + s.description + "\n";
    if (!s.cascade_build.empty()) text += "cascade:\n  _build:\n    " + s.cascade_build + "\n";
    text += s.zola;
    text += "---\n" + s.title + " has pages.\n";
    out[path.empty() ? "content/_index.md" : "content/" + path + "/_index.md"] = text;
  }
  for (const auto& [name, p] : pages_) {
    out[page_path(p)] = render_page(p);
    if (!p.fr_title.empty())
      out[page_path(p).substr(0, page_path(p).size() - 3) + ".fr.md"] = render_translation(p);
  }
  if (multilingual_)
    out["content/_index.fr.md"] = "---\ntitle: Accueil\n---\nLe site en français.\n";
  for (const auto& [tag, text] : files_.term_pages)
    out["content/tags/" + tag + "/_index.md"] = text;
  for (const auto& [path, text] : pinned_) {
    auto it = out.find(path);
    if (it != out.end()) it->second = text;
  }
  return out;
}

void EditedSite::write() {
  auto files = render();
  for (const auto& [path, text] : files) {
    auto old = written_.find(path);
    if (old != written_.end() && old->second == text) continue;
    if (old != written_.end()) history_[path].push_back(old->second);
    write_file(dir_ / path, text);
  }
  for (const auto& [path, text] : written_) {
    if (!files.contains(path)) {
      history_[path].push_back(text);
      fs::remove(dir_ / path);
    }
  }
  // Folders left empty go, as git leaves none: deepest first.
  std::vector<fs::path> folders;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "content"))
    if (e.is_directory()) folders.push_back(e.path());
  std::sort(folders.begin(), folders.end(), std::greater<>());
  for (const auto& f : folders)
    if (fs::is_empty(f)) fs::remove(f);
  written_ = std::move(files);
  std::erase_if(pinned_, [&](const auto& e) { return !written_.contains(e.first); });
  auto now = fs::file_time_type::clock::now();
  for (const auto& path : touch_)
    if (written_.contains(path)) fs::last_write_time(dir_ / path, now);
  for (const auto& path : old_mtime_)
    if (written_.contains(path)) fs::last_write_time(dir_ / path, now - std::chrono::hours(48));
  touch_.clear();
  old_mtime_.clear();
}

}  // namespace bengal::test
