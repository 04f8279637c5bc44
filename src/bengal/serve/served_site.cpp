#include "bengal/serve/served_site.hpp"

#include "bengal/serve/lazy_site.hpp"
#include "bengal/serve/version_folders.hpp"

namespace bengal::serve {

BuiltSite::~BuiltSite() {
  lazy.reset();
  if (folders) {
    folders->give_back(root);
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(root, ec);  // best effort: a leftover is in the temp folder
}

ServedSnapshot ServedSite::current() const {
  std::lock_guard lock(mutex_);
  return now_;
}

std::shared_ptr<const BuiltSite> ServedSite::switch_to(std::shared_ptr<const BuiltSite> site) {
  std::lock_guard lock(mutex_);
  std::shared_ptr<const BuiltSite> old = std::move(now_.site);
  now_.site = std::move(site);
  now_.build_errors.clear();
  return old;
}

void ServedSite::set_errors(std::string errors) {
  std::lock_guard lock(mutex_);
  now_.build_errors = std::move(errors);
}

void ServedSite::clear() {
  std::shared_ptr<const BuiltSite> old;
  std::lock_guard lock(mutex_);
  old = std::move(now_.site);
  now_.build_errors.clear();
}

}  // namespace bengal::serve
