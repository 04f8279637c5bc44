// Directives that render data rather than wrap Markdown: checklists, the glossary, list
// tables and literal includes.
#include <algorithm>

#include "bengal/core/html.hpp"
#include "bengal/markdown/directive_markup.hpp"

namespace bengal::markdown {

namespace {

size_t count_of(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t i = text.find(what); i != std::string_view::npos; i = text.find(what, i + 1)) ++n;
  return n;
}

void replace_all(std::string& text, size_t from, std::string_view what, std::string_view with) {
  for (size_t i = text.find(what, from); i != std::string::npos;
       i = text.find(what, i + with.size()))
    text.replace(i, what.size(), with);
}

// An enabled checkbox needs a name for screen readers (axe-core: "Form elements must have
// labels"): each of the checklist's boxes is wrapped in a <label> with its item's text, up to
// the end of the item or the start of a nested block, which also makes the text a click target.
void label_checkboxes(std::string& text, size_t from) {
  static constexpr std::string_view kBoxes[] = {"<input type=\"checkbox\">",
                                                "<input checked=\"\" type=\"checkbox\">"};
  static constexpr std::string_view kEnds[] = {"</li>", "<ul", "<ol", "<p>", "</p>", "<div", "\n"};
  for (size_t i = text.find("<input ", from); i != std::string::npos; i = text.find("<input ", i)) {
    std::string_view rest = std::string_view(text).substr(i);
    auto box = std::find_if(std::begin(kBoxes), std::end(kBoxes),
                            [&](std::string_view b) { return rest.starts_with(b); });
    if (box == std::end(kBoxes)) {
      i += 1;
      continue;
    }
    size_t end = text.size();
    for (std::string_view e : kEnds) end = std::min(end, text.find(e, i + box->size()));
    text.insert(end, "</label>");
    text.insert(i, "<label>");
    i = end + std::string_view("<label></label>").size();
  }
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

}  // namespace

void checklist_open(const DirectiveContext& c) {
  c.out += "<div class=\"checklist";
  if (const DirectiveOption* o = c.d().option("class")) append_classes(c.out, o->value);
  c.out += "\">\n";
  if (!c.d().title.empty())
    c.out += "<p class=\"checklist-title\">" + c.services.inline_html(c.d().title) + "</p>\n";
  c.state().out_start = c.out.size();
}

// The task list inside is rendered with disabled checkboxes, as GFM does; a checklist is for
// ticking, so they are enabled here, labelled, and counted for ":show-progress:".
void checklist_close(const DirectiveContext& c) {
  size_t start = c.state().out_start;
  replace_all(c.out, start, "<input disabled=\"\" type=\"checkbox\">", "<input type=\"checkbox\">");
  replace_all(c.out, start, "<input checked=\"\" disabled=\"\" type=\"checkbox\">",
              "<input checked=\"\" type=\"checkbox\">");
  label_checkboxes(c.out, start);
  if (c.d().option("show-progress") != nullptr) {
    std::string_view body = std::string_view(c.out).substr(start);
    size_t done = count_of(body, "<input checked=\"\" type=\"checkbox\">");
    size_t total = done + count_of(body, "<input type=\"checkbox\">");
    std::string progress = "<div class=\"checklist-progress\" data-done=\"" + std::to_string(done) +
                           "\" data-total=\"" + std::to_string(total) +
                           "\"><span class=\"checklist-progress-text\">" + std::to_string(done) +
                           "/" + std::to_string(total) + "</span></div>\n";
    c.out.insert(start, progress);
  }
  c.out += "</div>\n";
}

// <dl class="bengal-glossary"><dt>term</dt><dd>definition</dd></dl>; ":tags: a, b" keeps
// terms with one of the tags, ":limit: N" the first N, ":collapsed:" folds it in <details>.
void glossary_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  if (c.options.directive_host == nullptr) {
    c.warn("glossary lists data/glossary.yaml, and this Markdown is rendered without a site");
    c.out += "<p><em>No glossary terms found</em></p>\n";
    return;
  }
  std::vector<std::string_view> tags;
  if (const DirectiveOption* o = d.option("tags")) tags = split_list(o->value);
  int limit = 1 << 30;
  if (const DirectiveOption* o = d.option("limit")) limit = parse_int(o->value, limit, 0, limit);
  std::string items;
  int n = 0;
  for (const GlossaryTerm& term : c.options.directive_host->glossary()) {
    if (n >= limit) break;
    if (!tags.empty() && std::none_of(term.tags.begin(), term.tags.end(), [&](const auto& t) {
          return std::find(tags.begin(), tags.end(), t) != tags.end();
        }))
      continue;
    ++n;
    items += "<dt>" + html_escape(term.term) + "</dt>\n<dd>" +
             c.services.inline_html(term.definition) + "</dd>\n";
  }
  if (items.empty()) {
    c.out += "<p><em>No glossary terms found</em></p>\n";
    return;
  }
  bool collapsed = d.option("collapsed") != nullptr;
  if (collapsed) {
    c.out += "<details class=\"glossary-collapsed\"><summary>";
    c.out += d.title.empty() ? "Glossary" : c.services.inline_html(d.title);
    c.out += "</summary>\n";
  }
  c.out += "<dl class=\"bengal-glossary\">\n" + items + "</dl>\n";
  if (collapsed) c.out += "</details>\n";
}

// A table from a two-level list: "* - a" starts a row, "  - b" adds a cell, deeper lines
// continue the cell. ":header-rows: N" makes the first N rows <thead>, ":widths: 30 70" sets
// relative column widths.
void list_table_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  std::vector<std::vector<std::string>> rows;
  for (std::string_view line : lines_of(d.body)) {
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    std::string_view t = line.substr(indent);
    bool bullet = t.size() >= 2 && (t[0] == '*' || t[0] == '-' || t[0] == '+') && t[1] == ' ';
    if (bullet && indent <= 1) {
      rows.emplace_back();
      t = t.substr(2);
      size_t b = t.find_first_not_of(' ');
      t = b == std::string_view::npos ? std::string_view() : t.substr(b);
      bullet = t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ';
      if (!bullet && t.size() == 1 && (t[0] == '-' || t[0] == '*')) {
        rows.back().emplace_back();
        continue;
      }
    }
    if (rows.empty()) continue;
    if (bullet) {
      t = t.substr(2);
      rows.back().emplace_back();
    }
    if (rows.back().empty()) rows.back().emplace_back();
    std::string& cell = rows.back().back();
    if (!cell.empty()) cell += '\n';
    cell.append(t);
  }
  int header_rows = 0;
  if (const DirectiveOption* o = d.option("header-rows"))
    header_rows = parse_int(o->value, 0, 0, static_cast<int>(rows.size()));
  c.out += "<table class=\"list-table";
  if (const DirectiveOption* o = d.option("class")) append_classes(c.out, o->value);
  c.out += "\">\n";
  if (!d.title.empty()) c.out += "<caption>" + c.services.inline_html(d.title) + "</caption>\n";
  if (const DirectiveOption* o = d.option("widths"); o != nullptr && o->value != "auto") {
    std::vector<int> widths;
    int total = 0;
    for (std::string_view v = o->value; !v.empty();) {
      size_t end = std::min(v.find_first_of(" ,"), v.size());
      int w = parse_int(v.substr(0, end), -1, 1, 1000);
      if (end > 0 && w > 0) {
        widths.push_back(w);
        total += w;
      }
      v.remove_prefix(std::min(end + 1, v.size()));
    }
    if (!widths.empty()) {
      c.out += "<colgroup>\n";
      for (int w : widths)
        c.out += "<col style=\"width: " + std::to_string(w * 100 / total) + "%\">\n";
      c.out += "</colgroup>\n";
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    bool head = static_cast<int>(r) < header_rows;
    if (r == 0 && head) c.out += "<thead>\n";
    if (static_cast<int>(r) == header_rows) c.out += "<tbody>\n";
    c.out += "<tr>\n";
    for (const std::string& cell : rows[r])
      c.out +=
          (head ? "<th>" : "<td>") + c.services.inline_html(cell) + (head ? "</th>\n" : "</td>\n");
    c.out += "</tr>\n";
    if (head && static_cast<int>(r) + 1 == header_rows) c.out += "</thead>\n";
  }
  if (static_cast<int>(rows.size()) > header_rows) c.out += "</tbody>\n";
  c.out += "</table>\n";
}

// The file as a code block: ":language:" or the file's extension names the language;
// ":lines: 2-4,7" picks lines (from 1), ":start-line:"/":end-line:" a range (from 0, end
// excluded, as docutils counts).
// :::{code-block} go — MyST's code block, and Hugo's highlight shortcode: the body as code of
// the language the title names, with a fence's extras after it ("go {2} linenos") and MyST's
// options as those extras.
void code_block_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  std::string info(d.title);
  if (d.option("linenos") != nullptr) info += " linenos";
  if (const DirectiveOption* o = d.option("lineno-start"))
    info += " linenostart=" + safe_token(o->value);
  if (const DirectiveOption* o = d.option("emphasize-lines")) {
    info += " {";
    for (char ch : o->value)
      if ((ch >= '0' && ch <= '9') || ch == '-' || ch == ',' || ch == ' ') info += ch;
    info += '}';
  }
  if (const DirectiveOption* o = d.option("caption")) {
    info += " title=\"";
    for (char ch : o->value)
      if (ch != '"') info += ch;
    info += '"';
  }
  append_code_block(c.options, info, d.body, c.out);
}

void shortcode_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  ShortcodeCall call;
  call.name = d.title;
  call.body = d.body;
  call.paired = !d.body.empty();
  for (const DirectiveOption& o : d.options) call.args.emplace_back(o.key, o.value);
  std::string error;
  size_t start = c.out.size();
  if (!render_shortcode_call(c.options.directive_host, call, c.out, error)) {
    c.warn(error);
    return;
  }
  if (c.out.size() > start && c.out.back() != '\n') c.out += '\n';
}

void literalinclude_open(const DirectiveContext& c) {
  const Directive& d = c.d();
  IncludedFile file;
  std::string error;
  if (c.options.directive_host == nullptr) {
    c.warn("literalinclude '" + std::string(d.title) +
           "' is not rendered: this Markdown is rendered without a site");
    return;
  }
  if (!c.options.directive_host->read_include(c.services.source_key(), d.title, file, error)) {
    c.warn(error);
    return;
  }
  std::vector<std::string_view> lines = lines_of(file.text);
  std::vector<bool> keep(lines.size(), true);
  if (const DirectiveOption* o = d.option("lines")) {
    std::fill(keep.begin(), keep.end(), false);
    for (std::string_view range : split_list(o->value)) {
      size_t dash = range.find('-');
      std::string_view a = range.substr(0, dash);
      std::string_view b = dash == std::string_view::npos ? a : range.substr(dash + 1);
      while (!a.empty() && a.back() == ' ') a.remove_suffix(1);
      while (!b.empty() && b.front() == ' ') b.remove_prefix(1);
      int n = static_cast<int>(lines.size());
      int from = parse_int(a, 0, 1, n);
      int to = b.empty() ? n : parse_int(b, 0, 1, n);
      if (from == 0 || to == 0) {
        c.warn("literalinclude ':lines: " + std::string(o->value) +
               "' has a range outside the file's " + std::to_string(n) +
               " lines; use numbers from 1 like '2-4,7'");
        continue;
      }
      for (int i = from; i <= to; ++i) keep[i - 1] = true;
    }
  }
  int n = static_cast<int>(lines.size());
  int first = 0, last = n;
  if (const DirectiveOption* o = d.option("start-line")) first = parse_int(o->value, 0, 0, n);
  if (const DirectiveOption* o = d.option("end-line")) last = parse_int(o->value, n, 0, n);
  std::string code;
  for (int i = first; i < last; ++i) {
    if (!keep[i]) continue;
    code.append(lines[i]);
    code += '\n';
  }
  std::string language;
  if (const DirectiveOption* o = d.option("language")) {
    language = std::string(o->value);
  } else {
    std::string_view path = d.title;
    size_t slash = path.rfind('/');
    std::string_view base = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
    size_t dot = base.rfind('.');
    if (dot != std::string_view::npos && dot > 0) {
      static constexpr std::pair<std::string_view, std::string_view> kByExtension[] = {
          {"cc", "cpp"},        {"cxx", "cpp"},     {"h", "c"},           {"hpp", "cpp"},
          {"js", "javascript"}, {"md", "markdown"}, {"py", "python"},     {"rb", "ruby"},
          {"rs", "rust"},       {"sh", "bash"},     {"ts", "typescript"}, {"yml", "yaml"}};
      std::string_view ext = base.substr(dot + 1);
      language = std::string(ext);
      for (const auto& [e, l] : kByExtension)
        if (e == ext) language = std::string(l);
    }
  }
  append_code_block(c.options, safe_token(language), code, c.out);
}

}  // namespace bengal::markdown
