#include "bengal/highlight/tokenizer.hpp"

#include <dlfcn.h>

#include <atomic>
#include <cstdio>

#include <fmt/format.h>

#include "bengal/highlight/ksyntax_module.hpp"

namespace bengal::highlight {
namespace {

namespace fs = std::filesystem;

constexpr const char* kModuleName = "libbengal-ksyntax.so";

// Where the module is looked for: beside the running program, then where this tree built it.
std::vector<fs::path> module_candidates() {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) out.push_back(exe.parent_path() / kModuleName);
  out.push_back(fs::path(BENGAL_KSYNTAX_MODULE_DIR) / kModuleName);
  return out;
}

}  // namespace

struct TokenizerPool::Module {
  void* handle = nullptr;
  decltype(&bengal_ksyntax_new_worker) new_worker = nullptr;
  decltype(&bengal_ksyntax_delete_worker) delete_worker = nullptr;
  decltype(&bengal_ksyntax_tokenize) tokenize = nullptr;
  std::string error;  // why it is not loaded
};

TokenizerPool::TokenizerPool(fs::path module) : path_(std::move(module)) {}

TokenizerPool::~TokenizerPool() {
  // The module stays loaded: Qt's libraries do not all support being unloaded.
  if (module_ && module_->handle != nullptr)
    for (void* worker : idle_) module_->delete_worker(worker);
}

const TokenizerPool::Module* TokenizerPool::module() {
  std::call_once(loaded_, [&] {
    auto m = std::make_unique<Module>();
    std::vector<fs::path> candidates = path_.empty() ? module_candidates() : std::vector{path_};
    std::string errors;
    for (const fs::path& candidate : candidates) {
      m->handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (m->handle != nullptr) break;
      const char* why = ::dlerror();
      errors += fmt::format("{}{}", errors.empty() ? "" : "; ", why ? why : candidate.string());
    }
    if (m->handle != nullptr) {
      m->new_worker = reinterpret_cast<decltype(m->new_worker)>(
          ::dlsym(m->handle, "bengal_ksyntax_new_worker"));
      m->delete_worker = reinterpret_cast<decltype(m->delete_worker)>(
          ::dlsym(m->handle, "bengal_ksyntax_delete_worker"));
      m->tokenize =
          reinterpret_cast<decltype(m->tokenize)>(::dlsym(m->handle, "bengal_ksyntax_tokenize"));
      if (!m->new_worker || !m->delete_worker || !m->tokenize) {
        errors = fmt::format("{} does not export bengal's functions", kModuleName);
        m->handle = nullptr;
      }
    }
    static std::atomic<bool> warned{false};  // once a process: every build makes a pool
    if (m->handle == nullptr) {
      m->error = errors;
      if (!warned.exchange(true))
        fmt::print(stderr,
                   "warning: cannot load {} ({}): code blocks in languages that bengal has no "
                   "lexer of its own for are not highlighted; keep {} beside the bengal binary\n",
                   kModuleName, errors, kModuleName);
    }
    std::lock_guard lock(mutex_);
    module_ = std::move(m);
  });
  return module_->handle != nullptr ? module_.get() : nullptr;
}

std::string TokenizerPool::unavailable() const {
  std::lock_guard lock(mutex_);
  return module_ ? module_->error : std::string();
}

void* TokenizerPool::borrow(const Module& m) {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      void* worker = idle_.back();
      idle_.pop_back();
      return worker;
    }
  }
  return m.new_worker();
}

void TokenizerPool::give_back(void* worker) {
  std::lock_guard lock(mutex_);
  idle_.push_back(worker);
}

bool TokenizerPool::tokenize(std::string_view definition, std::string_view code,
                             TokenizedCode& out) {
  out.text.clear();
  out.tokens.clear();
  const Module* m = module();
  if (m == nullptr) return false;
  void* worker = borrow(*m);
  bool ok =
      m->tokenize(worker, definition.data(), definition.size(), code.data(), code.size(), &out);
  give_back(worker);
  return ok;
}

}  // namespace bengal::highlight
