// The template engine on a typical single-page layout: a base template, a page template that
// extends it, two partials, about 40 variable lookups and a 200-entry navigation loop. The
// templates compile once; each iteration renders into a reused buffer, as the build does.
#include <benchmark/benchmark.h>

#include "bengal/templates/engine/environment.hpp"

namespace bengal::templates {
namespace {

std::shared_ptr<MemoryLoader> typical_theme() {
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("base.html", R"(<!DOCTYPE html>
<html lang="{{ site.language }}">
<head><meta charset="utf-8"><title>{% block title %}{{ page.title }} | {{ site.title }}{% endblock %}</title>
<meta name="description" content="{{ page.description|default(site.description) }}">
<link rel="canonical" href="{{ page.permalink }}"></head>
<body>
{% include "partials/header.html" %}
<main>{% block main %}{% endblock %}</main>
{% include "partials/footer.html" %}
</body></html>
)");
  loader->add("partials/header.html", R"(<header><a href="{{ site.baseurl }}/">{{ site.title }}</a>
<nav>{% for item in site.nav %}<a href="{{ item.url }}"{% if item.url == page.url %} class="active"{% endif %}>{{ item.title }}</a>{% endfor %}</nav>
</header>)");
  loader->add(
      "partials/footer.html",
      R"(<footer>{{ site.title }} · {{ site.params.author }} · {{ site.params.license }}</footer>)");
  loader->add("page.html", R"({% extends "base.html" %}
{% block main %}
<nav class="breadcrumbs">{% for a in page.ancestors %}<a href="{{ a.url }}">{{ a.title }}</a> / {% endfor %}</nav>
<article><h1>{{ page.title }}</h1>
<p class="meta"><time datetime="{{ page.date }}">{{ page.date }}</time> · {{ page.reading_time }} min · {{ page.word_count }} words</p>
{% if page.toc %}<nav class="toc">{{ page.toc }}</nav>{% endif %}
{{ page.content }}
<ul class="tags">{% for t in page.tags %}<li><a href="{{ t.url }}">{{ t.name }}</a></li>{% endfor %}</ul>
</article>
{% if page.prev %}<a href="{{ page.prev.url }}">{{ page.prev.title }}</a>{% endif %}
{% if page.next %}<a href="{{ page.next.url }}">{{ page.next.title }}</a>{% endif %}
{% endblock %}
)");
  return loader;
}

Vars typical_vars() {
  auto link = [](std::string title, std::string url) {
    return Value::dict(
        {{"title", Value::string(std::move(title))}, {"url", Value::string(std::move(url))}});
  };
  List nav;
  for (int i = 0; i < 200; ++i)
    nav.push_back(link("Section " + std::to_string(i), "/section-" + std::to_string(i) + "/"));
  Value site = Value::dict({{"title", Value::string("Docs")},
                            {"language", Value::string("en")},
                            {"baseurl", Value::string("https://example.org")},
                            {"description", Value::string("A documentation site")},
                            {"params", Value::dict({{"author", Value::string("Me")},
                                                    {"license", Value::string("CC-BY")}})},
                            {"nav", Value::list(std::move(nav))}});
  std::string content(4000, 'x');
  Value page = Value::dict(
      {{"title", Value::string("Getting started")},
       {"url", Value::string("/section-7/")},
       {"permalink", Value::string("https://example.org/section-7/")},
       {"description", Value::string("")},
       {"date", Value::string("2024-01-31T10:00:00Z")},
       {"reading_time", Value::integer(3)},
       {"word_count", Value::integer(640)},
       {"toc", Value::string("<ul><li><a href=\"#a\">A</a></li></ul>", true)},
       {"content", Value::string("<p>" + content + "</p>", true)},
       {"ancestors", Value::list({link("Home", "/"), link("Docs", "/docs/")})},
       {"tags", Value::list({link("a", "/tags/a/"), link("b", "/tags/b/"), link("c", "/tags/c/")})},
       {"prev", link("Install", "/docs/install/")},
       {"next", link("Configure", "/docs/configure/")}});
  return {{"site", site}, {"page", page}};
}

void BM_TypicalPageLayout(benchmark::State& state) {
  Environment env(typical_theme());
  Vars vars = typical_vars();
  std::string out;
  Diagnostic error;
  if (!env.render("page.html", vars, out, error)) {
    state.SkipWithError(error.format().c_str());
    return;
  }
  for (auto _ : state) {
    out.clear();
    env.render("page.html", vars, out, error);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_TypicalPageLayout)->Unit(benchmark::kMicrosecond);

// The same page with `page` and `site` as host objects answering attr() by name, as the site
// layer exposes them (the dicts above become their attribute tables).
class HostObject : public Object {
 public:
  explicit HostObject(Dict attrs) : attrs_(std::move(attrs)) {}
  Value attr(std::string_view name) const override {
    for (const auto& [k, v] : attrs_)
      if (k == name) return v;
    return {};
  }

 private:
  Dict attrs_;
};

void BM_TypicalPageLayoutHostObjects(benchmark::State& state) {
  Environment env(typical_theme());
  Vars vars = typical_vars();
  for (auto& [name, v] : vars) v = Value::object(std::make_shared<HostObject>(v.as_dict()));
  std::string out;
  Diagnostic error;
  if (!env.render("page.html", vars, out, error)) {
    state.SkipWithError(error.format().c_str());
    return;
  }
  for (auto _ : state) {
    out.clear();
    env.render("page.html", vars, out, error);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_TypicalPageLayoutHostObjects)->Unit(benchmark::kMicrosecond);

void BM_CompileTypicalTheme(benchmark::State& state) {
  for (auto _ : state) {
    Environment env(typical_theme());
    Diagnostic error;
    for (const char* name :
         {"page.html", "base.html", "partials/header.html", "partials/footer.html"})
      benchmark::DoNotOptimize(env.get(name, error));
  }
}
BENCHMARK(BM_CompileTypicalTheme)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace bengal::templates

BENCHMARK_MAIN();
