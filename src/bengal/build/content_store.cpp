#include "bengal/build/content_store.hpp"

#include "bengal/core/file_io.hpp"

namespace bengal::build {

ContentStore::ContentStore(const site::Site& site, std::filesystem::path content_dir)
    : site_(site), content_dir_(std::move(content_dir)) {}

bool ContentStore::load_body(site::PageId id, std::string& out, std::string& error) const {
  const auto& meta = site_.page(id);
  if (meta.generated) {
    out.clear();
    return true;
  }
  // Discovery recorded where the body starts, so the front matter is not read again.
  return read_file(content_dir_ / std::string(site_.source_path(id)), out, error, meta.body_offset);
}

}  // namespace bengal::build
