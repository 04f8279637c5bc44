// The site side of the Markdown directives: what include, literalinclude, child-cards and
// glossary read in a site build (markdown/directive_host.hpp). SiteDirectives holds what every
// page shares for one build; a SiteDirectiveHost is the view of one page, two words on the
// stack, made for each page rendered. Both are safe to use from every render thread.
#pragma once

#include <filesystem>
#include <mutex>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/markdown/directive_host.hpp"
#include "bengal/pipeline/include_lookup.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/engine/environment.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

class SiteDirectives {
 public:
  // `site_dir` is the site folder; the glossary's shape errors go to `diagnostics` once.
  SiteDirectives(const site::Site& site, const std::filesystem::path& site_dir,
                 Diagnostics& diagnostics);

  const site::Site& site() const { return site_; }
  // The templates shortcode calls render with, once the render context has them; until then
  // (and in a test without them) a call warns.
  void set_templates(const templates::Environment* env, const templates::SiteContext* ctx) {
    env_ = env;
    ctx_ = ctx;
  }
  const templates::Environment* env() const { return env_; }
  const templates::SiteContext* ctx() const { return ctx_; }
  const IncludeRoots& include_roots() const { return roots_; }
  // data/glossary.yaml's terms, checked on first use (glossary.hpp): sites without the
  // directive never pay for it.
  const std::vector<markdown::GlossaryTerm>& glossary() const;

 private:
  const site::Site& site_;
  IncludeRoots roots_;
  Diagnostics& diagnostics_;
  mutable std::once_flag glossary_once_;
  mutable std::vector<markdown::GlossaryTerm> glossary_;
  const templates::Environment* env_ = nullptr;
  const templates::SiteContext* ctx_ = nullptr;
};

class SiteDirectiveHost final : public markdown::DirectiveHost {
 public:
  // `page` is the page being rendered; kNoPage for Markdown of no page (markdownify), whose
  // includes start in content/ and which has no children.
  SiteDirectiveHost(const SiteDirectives& shared, PageId page) : shared_(shared), page_(page) {}

  bool read_include(std::string_view from, std::string_view path, markdown::IncludedFile& out,
                    std::string& error) const override;
  // Sections and pages merged in display order (site::page_order_less), the page itself left
  // out; a child's description is its front matter description, else its summary's first
  // sentence, and its icon the front matter `icon`.
  std::vector<markdown::ChildEntry> children(markdown::ChildKinds kinds) const override;
  // templates/shortcodes/NAME.html with the call's named arguments as variables, and `args`
  // (the positional ones, in order), `params` (the named ones), `body` and `page`. Hugo's
  // `param` without such a template: the page's param of that name, else the site's.
  bool render_shortcode(const markdown::ShortcodeCall& call, std::string& html,
                        std::string& error) const override;
  const std::vector<markdown::GlossaryTerm>& glossary() const override {
    reads::data_read();  // data/glossary.yaml
    return shared_.glossary();
  }

 private:
  bool render_param(const markdown::ShortcodeCall& call, std::string& html,
                    std::string& error) const;

  const SiteDirectives& shared_;
  PageId page_;
};

// The first sentence of a plain-text summary: up to the first '.', '!' or '?' that ends the
// text or is followed by a space; the whole summary when there is none.
std::string_view first_sentence(std::string_view summary);

}  // namespace bengal::pipeline
