#include "bengal/serve/lazy_site.hpp"

#include <string>

#include "bengal/pipeline/staged_build.hpp"

namespace bengal::serve {

LazySite::LazySite(std::unique_ptr<ServeBuild> build)
    : build_(std::move(build)), units_(build_->stages().site(), build_->stages().generated()) {
  render_file(build_->stages().not_found_unit(), "404.html");
}

LazySite::~LazySite() {
  cancel();
}

void LazySite::render_file(size_t unit, const std::string& rel) {
  try {
    build_->stages().render_file(unit, rel);
  } catch (const std::exception&) {
    // A file that cannot be written (a full device): the request finds no file, and the fill
    // or the next build reports why.
  }
}

void LazySite::start_fill(BeforeFill before, Filled filled) {
  filler_ = std::thread(
      [this, before = std::move(before), filled = std::move(filled)] { fill(before, filled); });
}

void LazySite::fill(const BeforeFill& before, const Filled& filled) {
  if (before) before(cancel_);
  std::optional<ServeBuildResult> result;
  if (!cancel_.load()) result = build_->finish(&cancel_);
  {
    std::lock_guard lock(mutex_);
    fill_over_ = true;
  }
  fill_over_changed_.notify_all();
  if (result && filled) filled(*result);
}

void LazySite::wait_for_fill() {
  std::unique_lock lock(mutex_);
  fill_over_changed_.wait(lock, [&] { return fill_over_ || cancel_.load(); });
}

bool LazySite::prepare_request(std::string_view decoded_path) {
  using Kind = pipeline::OutputSource::Kind;
  std::string rel(decoded_path.substr(decoded_path.starts_with('/') ? 1 : 0));
  if (rel.empty() || rel.ends_with('/')) rel += "index.html";
  pipeline::OutputSource source = units_.find(rel);
  // "/docs" names the folder of "/docs/": its page makes the folder, then the redirect.
  if (source.kind == Kind::kNone && !rel.ends_with(".html")) {
    rel += "/index.html";
    source = units_.find(rel);
  }
  switch (source.kind) {
    case Kind::kUnit:
      render_file(source.unit, rel);
      return false;
    case Kind::kFinalize:
      wait_for_fill();
      return false;
    case Kind::kCopied:
      return false;
    case Kind::kNone:
      return true;
  }
  return true;
}

void LazySite::cancel() {
  cancel_ = true;
  { std::lock_guard lock(mutex_); }  // a waiter between its check and its wait sees it
  fill_over_changed_.notify_all();
  if (filler_.joinable()) filler_.join();
  build_->stages().detach_cache();
}

}  // namespace bengal::serve
