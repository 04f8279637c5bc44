// Parse then render any template against a small fixed context that has what a page template
// sees: strings that need escaping, lists, dicts, numbers, none, a markdownify hook and
// templates to extend, include and import. Errors are diagnostics; none may crash.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "bengal/markdown/markdown.hpp"
#include "bengal/templates/engine/environment.hpp"

namespace tpl = bengal::templates;

namespace {

tpl::Value strings(std::initializer_list<const char*> items) {
  tpl::List list;
  for (const char* s : items) list.push_back(tpl::Value::view(s));
  return tpl::Value::list(std::move(list));
}

tpl::Value page(const char* title, int64_t weight) {
  return tpl::Value::dict({
      {"title", tpl::Value::view(title)},
      {"url", tpl::Value::view("/docs/a b/")},
      {"weight", tpl::Value::integer(weight)},
      {"draft", tpl::Value::boolean(false)},
      {"tags", strings({"go", "c++", "<rust>"})},
      {"content", tpl::Value::view("<p>Body &amp; text</p>", true)},
      {"params", tpl::Value::dict({{"author", tpl::Value::view("Ann \"A\" O'Neil")},
                                   {"ratio", tpl::Value::number(1.5)},
                                   {"none", tpl::Value::none()}})},
  });
}

struct Fixture {
  std::shared_ptr<tpl::MemoryLoader> loader = std::make_shared<tpl::MemoryLoader>();
  std::unique_ptr<tpl::Environment> env;
  tpl::Vars vars;

  Fixture() {
    loader->add("base.html",
                "<title>{% block title %}{{ page.title }}{% endblock %}</title>"
                "<main>{% block content %}{% endblock %}</main>");
    loader->add("partial.html", "<li>{{ page.title }} ({{ page.weight }})</li>");
    loader->add("macros.html",
                "{% macro link(p, cls='x') %}<a class=\"{{ cls }}\" href=\"{{ p.url }}\">"
                "{{ p.title }}</a>{% endmacro %}");
    env = std::make_unique<tpl::Environment>(loader);
    // The build's budgets run for seconds under the sanitizers; a run stops at 10 s. These
    // still reach every check, and an input that would nest past them fails quickly.
    env->set_render_limits({.steps = 500'000, .output_bytes = 4u << 20});
    env->set_base_url("https://example.org/docs", "/docs");
    env->set_markdown([](std::string_view text) {
      bengal::markdown::Rendered out;
      bengal::markdown::render_html(text, {}, out);
      return out.html;
    });
    tpl::Value pages = tpl::Value::list(tpl::List{page("One <1>", 1), page("Two & 2", 2)});
    vars = {
        {"page", page("Hello <World>", 3)},
        {"site", tpl::Value::dict({{"title", tpl::Value::view("Site")}, {"pages", pages}})},
        {"items", tpl::Value::list(tpl::List{tpl::Value::integer(3), tpl::Value::integer(-1),
                                             tpl::Value::number(2.5)})},
        {"text", tpl::Value::view("Grüße, <b>world</b> & \"friends\"")},
    };
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Fixture fixture;
  std::string source(reinterpret_cast<const char*>(data), size);
  std::string out;
  bengal::Diagnostic error;
  fixture.env->render_source("fuzz.html", std::move(source), fixture.vars, out, error);
  return 0;
}
