#include "bengal/pipeline/digests.hpp"

#include <cstring>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "bengal/core/version.hpp"

namespace bengal::pipeline {

Hasher::Hasher() : state_(XXH3_createState()) {
  XXH3_64bits_reset(state_);
}
Hasher::~Hasher() {
  XXH3_freeState(state_);
}

void Hasher::put(const void* bytes, size_t size) {
  if (size == 0) return;  // an empty list's data() may be null, which memcpy may not take
  if (size > sizeof buffer_ - buffered_) {
    flush();
    if (size >= sizeof buffer_) {
      XXH3_64bits_update(state_, bytes, size);
      return;
    }
  }
  std::memcpy(buffer_ + buffered_, bytes, size);
  buffered_ += size;
}

void Hasher::flush() const {
  if (buffered_ == 0) return;
  XXH3_64bits_update(state_, buffer_, buffered_);
  buffered_ = 0;
}

Hasher& Hasher::num(uint64_t v) {
  put(&v, sizeof v);
  return *this;
}

Hasher& Hasher::text(std::string_view s) {
  num(s.size());
  put(s.data(), s.size());
  return *this;
}

Hasher& Hasher::real(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return num(bits);
}

Hasher& Hasher::ids(std::span<const PageId> list) {
  num(list.size());
  put(list.data(), list.size_bytes());
  return *this;
}

Hasher& Hasher::value(const bengal::Value& v) {
  num(static_cast<uint64_t>(v.type()));
  switch (v.type()) {
    case bengal::Value::Type::kNull:
      break;
    case bengal::Value::Type::kBool:
      num(v.as_bool());
      break;
    case bengal::Value::Type::kInt:
      num(static_cast<uint64_t>(v.as_int()));
      break;
    case bengal::Value::Type::kFloat:
      real(v.as_float());
      break;
    case bengal::Value::Type::kString:
      text(v.as_string());
      break;
    case bengal::Value::Type::kArray:
      num(v.as_array().size());
      for (const auto& item : v.as_array()) value(item);
      break;
    case bengal::Value::Type::kTable:
      num(v.as_table().size());
      for (const auto& [key, item] : v.as_table()) {
        text(key);
        value(item);
      }
      break;
  }
  return *this;
}

Hasher& Hasher::date(bool has, const Date& d) {
  num(has);
  // Every field a template can show, as numbers: formatting each page's dates was a tenth of
  // a warm build's digests.
  if (has)
    num(static_cast<uint64_t>(d.epoch_seconds))
        .num(static_cast<uint64_t>(static_cast<int64_t>(d.offset_minutes)))
        .num(d.has_time);
  return *this;
}

uint64_t Hasher::digest() const {
  flush();
  return XXH3_64bits_digest(state_);
}

namespace {

// Cold text is read through `cold`, never the mapping: a digest of every page touched the
// whole cold file (71 MB at 100K pages), all of it resident from then on.
void hash_strings(Hasher& h, const content::PageTable& t, ColdReader& cold, content::StrRange r) {
  h.num(r.count);
  for (StrId id : t.list(r)) h.text(cold.get(id));
}

void hash_numbers(Hasher& h, const content::PageTable& t, content::StrRange r) {
  h.num(r.count);
  for (uint32_t n : t.number_list(r)) h.num(n);
}

void hash_config(Hasher& h, const config::SiteConfig& c) {
  h.text(c.title).text(c.logo_text).text(c.baseurl).text(c.base_path).text(c.description);
  h.text(c.language).text(c.content_language).text(c.content_dir).text(c.output_dir).text(c.theme);
  h.num(c.follow_external_symlinks).num(c.drafts).num(c.markdown_unsafe);
  h.num(c.markdown_highlight)
      .text(c.markdown_highlight_style)
      .num(static_cast<uint64_t>(c.nav_cap));
  h.value(c.params).value(c.raw);
}

// What decides page order and membership, which page_order_less and list_by_date read
// without going through Site::page.
void hash_order_fields(Hasher& h, const content::PageMeta& m) {
  h.num(static_cast<uint64_t>(m.kind)).num(m.draft).num(m.excluded).num(m.generated);
  h.num(static_cast<uint64_t>(m.build.render))
      .num(static_cast<uint64_t>(m.build.list))
      .num(static_cast<uint64_t>(m.build.resources));
  h.num(static_cast<uint64_t>(m.weight)).date(m.has_date, m.date).num(m.section);
}

}  // namespace

uint64_t digest_bytes(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

cache::BuildKeys build_keys(const site::Site& site, const graph::SiteGraph& graph,
                            const std::vector<templates::VirtualPage>& generated,
                            const BuildKeyInputs& inputs) {
  cache::BuildKeys keys;
  {
    Hasher h;
    h.text(kVersion).text(inputs.options);
    hash_config(h, site.config);
    if (inputs.translations) h.value(*inputs.translations);
    h.num(inputs.template_names.size());
    for (const auto& name : inputs.template_names) h.text(name);
    keys.build = h.digest();
  }
  const content::PageTable& t = site.table;
  {
    Hasher h;
    h.num(t.pages.size());
    for (const auto& m : t.pages) h.text(t.str(m.source_path));
    keys.paths = h.digest();
  }
  {
    Hasher h;
    ColdReader cold(t.strings);
    for (PageId id = 0; id < t.pages.size(); ++id) {
      const content::PageMeta& m = t.pages[id];
      hash_order_fields(h, m);
      // What the cross-reference index finds pages by: a new slug, id or target can change
      // which page a link in any other page means.
      h.text(t.str(m.url)).text(t.str(m.slug)).text(t.str(m.dir));
      hash_strings(h, t, cold, t.extras_of(m).targets);
      hash_strings(h, t, cold, t.extras_of(m).aliases);
      const bengal::Value* params = t.page_params(m);
      const bengal::Value* front_id = params ? params->find("id") : nullptr;
      h.value(front_id ? *front_id : bengal::Value());
      if (m.kind != content::PageKind::kPage) {
        h.ids(site.pages_of(id));
        h.ids(site.list_of(id));
        h.ids(site.sections_of(id));
        h.num(site.per_page_of(id)).num(site.paginate_reversed(id)).text(site.pager_folder_of(id));
      }
    }
    h.ids(site.rendered()).ids(site.regular_pages).ids(site.listed()).ids(site.in_sitemap());
    h.ids(site.searched());
    h.ids(site.prev_in_section).ids(site.next_in_section);
    h.num(site.home).num(site.per_page).text(site.pager_folder);
    for (const auto& tax : site.taxonomies) {
      h.text(tax.def.plural).num(tax.terms.size()).num(tax.content);
      for (const auto& term : tax.terms)
        h.text(term.name).text(term.slug).ids(term.pages).num(term.content);
    }
    for (const auto& [name, menu] : site.menus) {
      h.text(name).num(menu.entries.size());
      for (const auto& e : menu.entries) {
        h.text(e.name).text(e.url).text(e.identifier).text(e.parent);
        h.num(static_cast<uint64_t>(e.weight)).num(e.page).num(e.extra).num(e.children.size());
        for (size_t c : e.children) h.num(c);
      }
      h.num(menu.roots.size());
      for (size_t r : menu.roots) h.num(r);
    }
    h.num(generated.size());
    for (const auto& g : generated) {
      h.text(g.kind).text(g.title).text(g.url);
      h.num(static_cast<uint64_t>(g.taxonomy)).num(static_cast<uint64_t>(g.term));
    }
    keys.structure = h.digest();
  }
  {
    Hasher h;
    for (double r : graph.pagerank.rank) h.real(r);
    keys.pagerank = h.digest();
  }
  {
    Hasher h;
    h.value(site.data);
    keys.data = h.digest();
  }
  return keys;
}

cache::PageDigests page_digests(const site::Site& site, const graph::SiteGraph& graph) {
  const content::PageTable& t = site.table;
  cache::PageDigests out;
  out.full.resize(t.pages.size());
  out.head.resize(t.pages.size());
  out.shown.resize(t.pages.size());
  // Each range reads its pages' cold text in the file's order, one window at a time.
  tbb::parallel_for(tbb::blocked_range<size_t>(0, t.pages.size(), 1024), [&](const auto& range) {
    ColdReader cold(t.strings);
    for (size_t i = range.begin(); i < range.end(); ++i) {
      const content::PageMeta& m = t.pages[i];
      Hasher h;
      hash_order_fields(h, m);
      h.num(m.is_bundle).num(m.has_lastmod).num(m.has_title);
      for (StrId s : {m.source_path, m.dir, m.title, m.slug, m.url, m.description, m.type, m.layout,
                      m.template_name})
        h.text(cold.get(s));
      h.date(m.has_lastmod, m.lastmod);
      const bengal::Value* params = t.page_params(m);
      h.value(params ? *params : bengal::Value());
      const content::PageExtras& e = t.extras_of(m);
      for (content::StrRange r : {m.tags, m.categories, e.keywords, e.aliases, e.resources})
        hash_strings(h, t, cold, r);
      for (const auto& tr : site.translations_of(static_cast<PageId>(i)))
        h.num(tr.language).text(tr.title).text(tr.href).text(tr.permalink);
      out.head[i] = h.digest();
      // The rest: what the body gives, and the related pages its links and terms choose.
      std::string_view summary = cold.get(m.summary);
      h.text(summary).num(m.has_more_marker);
      Hasher shown;
      shown.num(out.head[i]).text(summary).num(m.has_more_marker);
      out.shown[i] = shown.digest();
      h.num(m.content_hash).num(m.word_count).num(m.body_offset).num(m.source_hash);
      h.num(m.body_line).num(m.title_heading_first).num(m.title_heading_last);
      for (content::StrRange r :
           {m.links, e.wiki_links, e.images, e.html_links, e.html_images, e.html_media,
            e.html_embeds, e.media, m.anchors, e.html_ids, e.targets})
        hash_strings(h, t, cold, r);
      hash_numbers(h, t, m.link_lines);
      hash_numbers(h, t, e.wiki_link_lines);
      hash_numbers(h, t, e.image_lines);
      hash_numbers(h, t, e.html_link_lines);
      hash_numbers(h, t, e.html_image_lines);
      hash_numbers(h, t, e.html_media_lines);
      hash_numbers(h, t, e.html_embed_lines);
      hash_numbers(h, t, e.media_lines);
      h.ids(graph.related.of(static_cast<PageId>(i)));
      out.full[i] = h.digest();
    }
  });
  return out;
}

}  // namespace bengal::pipeline
