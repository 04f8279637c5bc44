// Tab sets (tab-set/tab-item, code-tabs) and steps: the directives whose items are numbered
// and need ids. A tab set's id is a hash of its body and of its ordinal among the page's tab
// sets, so the same page always gets the same ids whatever thread renders it.
#include <xxhash.h>

#include <cstdio>

#include "bengal/core/html.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/icons.hpp"

namespace bengal::markdown {

namespace {

std::string tab_set_id(const DirectiveContext& c) {
  std::string_view body = c.d().body;
  uint64_t hash = XXH3_64bits_withSeed(body.data(), body.size(), c.services.next_ordinal());
  char buf[16];
  std::snprintf(buf, sizeof buf, "t%08x", static_cast<unsigned>(hash & 0xFFFFFFFFu));
  return buf;
}

void open_tabs(std::string& out, std::string_view extra_class, const std::string& id) {
  out += "<div class=\"tabs";
  out += extra_class;
  out += "\" id=\"tabs-" + id + "\" data-bengal=\"tabs\">\n<ul class=\"tab-nav\">\n";
}

// <li class="active"><a href="#ID-0" data-tab-target="ID-0">Label</a></li>: the href makes the
// nav work as in-page links to the stacked panes without JavaScript.
void tab_link(std::string& out, const std::string& pane, bool active, std::string_view label_html,
              std::string_view sync) {
  out += active ? "<li class=\"active\">" : "<li>";
  out += "<a href=\"#" + pane + "\" data-tab-target=\"" + pane + "\"";
  if (!sync.empty()) {
    out += " data-sync=\"";
    append_html_escaped(out, sync);
    out += '"';
  }
  out += '>';
  out += label_html;
  out += "</a></li>\n";
}

std::string tab_label(const DirectiveContext& c, const Directive& item, int n) {
  std::string label;
  if (const DirectiveOption* o = item.option("icon")) {
    std::string_view svg = icon_svg(o->value);
    if (!svg.empty()) label += "<span class=\"tab-icon\">" + std::string(svg) + "</span>";
  }
  std::string_view title = item.title;
  if (title.empty()) {  // the set's `items` label its untitled tabs, in order (Hextra's tabs)
    const DirectiveOption* items = c.d().option("items");
    std::vector<std::string_view> labels =
        items ? split_list(items->value) : std::vector<std::string_view>{};
    if (static_cast<size_t>(n) < labels.size()) title = labels[n];
  }
  label += title.empty() ? "Tab " + std::to_string(n + 1) : c.services.inline_html(title);
  if (const DirectiveOption* o = item.option("badge"))
    label += "<span class=\"tab-badge\">" + html_escape(o->value) + "</span>";
  return label;
}

std::string pane_id(const std::string& set, int n) {
  return set + "-" + std::to_string(n);
}

}  // namespace

void tab_set_open(const DirectiveContext& c) {
  DirectiveState& set = c.state();
  set.id = tab_set_id(c);
  std::vector<int> items;
  for (int child : c.children) {
    const DirectiveKind* kind = find_directive_kind(c.directives[child].name);
    if (kind != nullptr && kind->canonical == "tab-item") items.push_back(child);
  }
  set.active = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (c.directives[items[i]].option("selected") != nullptr) {
      set.active = static_cast<int>(i);
      break;
    }
  }
  std::string classes;
  if (const DirectiveOption* o = c.d().option("class")) append_classes(classes, o->value);
  open_tabs(c.out, classes, set.id);
  for (size_t i = 0; i < items.size(); ++i) {
    const Directive& item = c.directives[items[i]];
    c.states[items[i]].ordinal = static_cast<int>(i);
    const DirectiveOption* sync = item.option("sync");
    tab_link(c.out, pane_id(set.id, static_cast<int>(i)), static_cast<int>(i) == set.active,
             tab_label(c, item, static_cast<int>(i)), sync ? sync->value : "");
  }
  c.out += "</ul>\n<div class=\"tab-content\">\n";
}

void tab_set_close(const DirectiveContext& c) {
  c.out += "</div>\n</div>\n";
}

void tab_item_open(const DirectiveContext& c) {
  if (c.parent_kind() != "tab-set") {
    // Alone it is a tab set of one tab: still readable, and still valid HTML.
    c.warn("tab-item outside a tab-set; put it inside ':::{tab-set}'");
    c.state().wrapped = true;
    c.state().id = tab_set_id(c);
    open_tabs(c.out, "", c.state().id);
    tab_link(c.out, pane_id(c.state().id, 0), true, tab_label(c, c.d(), 0), "");
    c.out += "</ul>\n<div class=\"tab-content\">\n";
  }
  const DirectiveState& set = c.state().wrapped ? c.state() : c.states[c.d().parent];
  int n = c.state().wrapped ? 0 : c.state().ordinal;
  c.out += "<div id=\"" + pane_id(set.id, n) + "\" class=\"tab-pane";
  if (n == set.active) c.out += " active";
  c.out += "\">\n";
}

void tab_item_close(const DirectiveContext& c) {
  c.out += "</div>\n";
  if (c.state().wrapped) tab_set_close(c);
}

// code-tabs: one tab per fenced block of the body, labelled "language" or "language ·
// file name" from its info string ("```python app.py").
void code_tabs_open(const DirectiveContext& c) {
  struct Block {
    std::string language, file, code;
  };
  std::vector<Block> blocks;
  std::string_view body = c.d().body;
  char fence_char = 0;
  size_t fence_length = 0;
  for (size_t pos = 0; pos < body.size();) {
    size_t nl = body.find('\n', pos);
    size_t next = nl == std::string_view::npos ? body.size() : nl + 1;
    std::string_view line =
        body.substr(pos, (nl == std::string_view::npos ? body.size() : nl) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = next;
    std::string_view t = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    size_t run = 0;
    char ch = t.empty() ? 0 : t[0];
    while (run < t.size() && t[run] == ch) ++run;
    bool is_fence = (ch == '`' || ch == '~') && run >= 3 && line.size() - t.size() <= 3;
    if (fence_char == 0) {
      if (!is_fence) continue;
      fence_char = ch;
      fence_length = run;
      std::string_view info = t.substr(run);
      size_t b = info.find_first_not_of(" \t");
      info = b == std::string_view::npos ? std::string_view() : info.substr(b);
      size_t space = info.find_first_of(" \t");
      Block block;
      block.language = std::string(info.substr(0, space));
      if (space != std::string_view::npos) {
        std::string_view file = info.substr(space);
        size_t fb = file.find_first_not_of(" \t");
        if (fb != std::string_view::npos) {
          file = file.substr(fb);
          block.file = std::string(file.substr(0, file.find_last_not_of(" \t") + 1));
        }
      }
      blocks.push_back(std::move(block));
    } else if (is_fence && ch == fence_char && run >= fence_length &&
               t.find_first_not_of(" \t", run) == std::string_view::npos) {
      fence_char = 0;
    } else {
      blocks.back().code.append(line);
      blocks.back().code += '\n';
    }
  }
  if (blocks.empty()) {
    c.warn("code-tabs has no fenced code blocks; put one ```language block per tab in it");
    return;
  }
  std::string id = tab_set_id(c);
  open_tabs(c.out, " code-tabs", id);
  const DirectiveOption* sync = c.d().option("sync");
  for (size_t i = 0; i < blocks.size(); ++i) {
    std::string label = html_escape(blocks[i].language.empty() ? "text" : blocks[i].language);
    if (!blocks[i].file.empty()) label += " · " + html_escape(blocks[i].file);
    tab_link(c.out, pane_id(id, static_cast<int>(i)), i == 0, label,
             sync ? blocks[i].language : std::string_view());
  }
  c.out += "</ul>\n<div class=\"tab-content\">\n";
  for (size_t i = 0; i < blocks.size(); ++i) {
    c.out += "<div id=\"" + pane_id(id, static_cast<int>(i)) + "\" class=\"tab-pane";
    c.out += i == 0 ? " active\">\n" : "\">\n";
    append_code_block(c.options, blocks[i].language, blocks[i].code, c.out);
    c.out += "</div>\n";
  }
  c.out += "</div>\n</div>\n";
}

void steps_open(const DirectiveContext& c) {
  int n = 0;
  for (int child : c.children) {
    const DirectiveKind* kind = find_directive_kind(c.directives[child].name);
    if (kind != nullptr && kind->canonical == "step") c.states[child].ordinal = n++;
  }
  c.out += "<div class=\"steps";
  if (const DirectiveOption* o = c.d().option("class")) append_classes(c.out, o->value);
  c.out += "\">\n<ol>\n";
}

void steps_close(const DirectiveContext& c) {
  c.out += "</ol>\n</div>\n";
}

// <li id="SLUG"><a class="step-marker" href="#SLUG">N</a><h2 class="step-title">T</h2>: the
// slug is de-duplicated with the page's heading ids, so an anchor never names two elements.
void step_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  if (c.parent_kind() != "steps") {
    c.warn("step outside a steps directive; put it inside ':::{steps}'");
    c.state().wrapped = true;
    c.out += "<div class=\"steps\">\n<ol>\n";
  }
  int n = c.state().ordinal + 1;
  std::string title = d.title.empty() ? "Step " + std::to_string(n) : std::string(d.title);
  std::string id = html_escape(c.ids.assign(title, {}));
  c.out += "<li id=\"" + id + "\"><a class=\"step-marker\" href=\"#" + id + "\">" +
           std::to_string(n) + "</a><h2 class=\"step-title\">" + c.services.inline_html(title) +
           "</h2>\n";
  if (const DirectiveOption* o = d.option("description"))
    c.out += "<p class=\"step-description\">" + c.services.inline_html(o->value) + "</p>\n";
  const DirectiveOption* duration = d.option("duration");
  bool optional = d.option("optional") != nullptr;
  if (duration != nullptr || optional) {
    c.out += "<p class=\"step-meta\">";
    if (duration != nullptr)
      c.out += "<span class=\"step-duration\">" + html_escape(duration->value) + "</span>";
    if (optional) c.out += "<span class=\"step-optional\">Optional</span>";
    c.out += "</p>\n";
  }
}

void step_close(const DirectiveContext& c) {
  c.out += "</li>\n";
  if (c.state().wrapped) steps_close(c);
}

}  // namespace bengal::markdown
