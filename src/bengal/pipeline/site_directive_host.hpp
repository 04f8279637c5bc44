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

namespace bengal::pipeline {

class SiteDirectives {
 public:
  // `site_dir` is the site folder; the glossary's shape errors go to `diagnostics` once.
  SiteDirectives(const site::Site& site, const std::filesystem::path& site_dir,
                 Diagnostics& diagnostics);

  const site::Site& site() const { return site_; }
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
  const std::vector<markdown::GlossaryTerm>& glossary() const override {
    reads::data_read();  // data/glossary.yaml
    return shared_.glossary();
  }

 private:
  const SiteDirectives& shared_;
  PageId page_;
};

// The first sentence of a plain-text summary: up to the first '.', '!' or '?' that ends the
// text or is followed by a space; the whole summary when there is none.
std::string_view first_sentence(std::string_view summary);

}  // namespace bengal::pipeline
