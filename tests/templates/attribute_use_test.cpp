#include "bengal/templates/engine/attribute_use.hpp"

#include <gtest/gtest.h>

#include "render_fixture.hpp"

namespace bengal::templates {
namespace {

// Whether the templates, given as name and source, may read `content` of a page other than
// `page`.
bool reads_others(std::vector<std::pair<std::string, std::string>> sources) {
  test::Fixture f;
  AttributeUse use("content", "page");
  for (auto& [name, source] : sources) f.loader->add(name, source);
  for (auto& [name, source] : sources) {
    Diagnostic error;
    const Template* tpl = f.env.get(name, error);
    EXPECT_NE(tpl, nullptr) << error.format();
    if (tpl != nullptr) use.scan(*tpl);
  }
  return use.of_others();
}

TEST(AttributeUse, ThePageBeingRenderedIsNotAnother) {
  EXPECT_FALSE(reads_others({{"page.html", "<main>{{ page.content }}</main>{{ page.title }}"}}));
  EXPECT_FALSE(reads_others({{"a.html", "{% if page?.content %}{{ page?.content }}{% endif %}"},
                             {"b.html", "{% block content %}{{ p.title }}{% endblock %}"}}));
  EXPECT_FALSE(
      reads_others({{"list.html", "{% for p in page.pages %}{{ p.summary }}{% endfor %}"}}));
}

TEST(AttributeUse, AnotherValuesContentIsARead) {
  EXPECT_TRUE(
      reads_others({{"list.html", "{% for p in page.pages %}{{ p.content }}{% endfor %}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{{ get_page('x.md')?.content }}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{% macro card(x) %}{{ x.content|safe }}{% endmacro %}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{{ (page.parent).content }}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{{ page.parent.content }}"}}));
}

TEST(AttributeUse, TheNameAsAStringIsARead) {
  EXPECT_TRUE(
      reads_others({{"a.html", "{% for p in page.pages %}{{ p['content'] }}{% endfor %}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{{ page.pages|map(attribute='content')|join }}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{% set k = 'content' %}{{ page.parent[k] }}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{{ page.pages|map(attribute=\"content\")|first }}"}}));
}

TEST(AttributeUse, PageBoundToAnotherValueAnywhereMakesPageContentARead) {
  // An included template sees its includer's bindings, so a loop over `page` in one template
  // makes page.content in another a read of other pages.
  EXPECT_TRUE(reads_others(
      {{"list.html", "{% for page in section.pages %}{% include 'card.html' %}{% endfor %}"},
       {"card.html", "{{ page.content }}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{% set page = get_page('x.md') %}{{ page.content }}"}}));
  EXPECT_TRUE(reads_others({{"a.html", "{% macro m(page) %}{% endmacro %}{{ page.content }}"}}));
  EXPECT_TRUE(
      reads_others({{"a.html", "{% with page = page.parent %}{% endwith %}{{ page.content }}"}}));
  // Bound, but its content never read: nothing.
  EXPECT_FALSE(
      reads_others({{"a.html", "{% for page in section.pages %}{{ page.title }}{% endfor %}"}}));
}

}  // namespace
}  // namespace bengal::templates
