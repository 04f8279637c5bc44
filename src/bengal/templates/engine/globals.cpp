#include "bengal/templates/engine/globals.hpp"

#include <fmt/format.h>

#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates {
namespace {

// range() of more items than this is an error rather than an out-of-memory crash.
constexpr int64_t kMaxRange = 1'000'000;

// What range() gives: a sequence computed on demand, which prints as Python's range(0, 3).
class Range : public Object {
 public:
  Range(int64_t start, int64_t stop, int64_t step, uint64_t count)
      : start_(start), stop_(stop), step_(step), count_(count) {}
  bool is_sequence() const override { return true; }
  size_t length() const override { return static_cast<size_t>(count_); }
  Value at(size_t index) const override {
    // Computed modulo 2^64: the sum lies between start and stop, but index * step may not fit
    // in an int64 (range(-2**63, 2**63 - 1, 2**62)).
    return Value::integer(
        static_cast<int64_t>(static_cast<uint64_t>(start_) + index * static_cast<uint64_t>(step_)));
  }
  std::string str() const override {
    return step_ == 1 ? fmt::format("range({}, {})", start_, stop_)
                      : fmt::format("range({}, {}, {})", start_, stop_, step_);
  }

 private:
  int64_t start_, stop_, step_;
  uint64_t count_;
};

bool range(Renderer&, CallArgs& args, Value& result, std::string& error) {
  const auto& p = args.positional;
  for (const Value& v : p) {
    if (v.kind() != Value::Kind::kInt && v.kind() != Value::Kind::kBool) {
      error = std::string("range() takes integers, not ") + v.type_name();
      return false;
    }
  }
  if (p.empty() || p.size() > 3) {
    error = "range() takes 1 to 3 arguments";
    return false;
  }
  int64_t start = p.size() == 1 ? 0 : p[0].as_int();
  int64_t stop = p.size() == 1 ? p[0].as_int() : p[1].as_int();
  int64_t step = p.size() == 3 ? p[2].as_int() : 1;
  if (step == 0) {
    error = "range() step must not be zero";
    return false;
  }
  // Count first so that huge ranges fail without allocating.
  // The span in unsigned arithmetic: range(-2**62, 2**62) must not overflow int64.
  uint64_t count = 0;
  if (step > 0 && start < stop) {
    uint64_t span = static_cast<uint64_t>(stop) - static_cast<uint64_t>(start);
    count = (span - 1) / static_cast<uint64_t>(step) + 1;
  }
  if (step < 0 && start > stop) {
    uint64_t span = static_cast<uint64_t>(start) - static_cast<uint64_t>(stop);
    count = (span - 1) / (0 - static_cast<uint64_t>(step)) + 1;
  }
  if (count > static_cast<uint64_t>(kMaxRange)) {
    error = "range() of " + std::to_string(count) + " items is too large";
    return false;
  }
  result = Value::object(std::make_shared<Range>(start, stop, step, count));
  return true;
}

Dict keyword_dict(const CallArgs& args) {
  Dict d;
  for (const Value& v : args.positional)
    if (v.kind() == Value::Kind::kDict) d = v.as_dict();
  for (const auto& [k, v] : args.keyword) {
    auto it = std::find_if(d.begin(), d.end(), [&k = k](const auto& e) { return e.first == k; });
    if (it != d.end())
      it->second = v;
    else
      d.emplace_back(std::string(k), v);
  }
  return d;
}

// cycler('odd', 'even'): c.next(), c.current, c.reset().
class Cycler : public Object, public std::enable_shared_from_this<Cycler> {
 public:
  explicit Cycler(List items) : items_(std::move(items)) {}
  Value attr(std::string_view name) const override {
    if (items_.empty()) return {};
    if (name == "current") return items_[pos_];
    auto self = shared_from_this();
    if (name == "next")
      return Value::function([self](Renderer&, CallArgs&, Value& result, std::string&) {
        result = self->items_[self->pos_];
        self->pos_ = (self->pos_ + 1) % self->items_.size();
        return true;
      });
    if (name == "reset")
      return Value::function([self](Renderer&, CallArgs&, Value& result, std::string&) {
        self->pos_ = 0;
        result = Value::none();
        return true;
      });
    return {};
  }
  std::string str() const override { return "<Cycler>"; }

 private:
  List items_;
  mutable size_t pos_ = 0;
};

// lipsum(n=5, html=True, min=20, max=100): n paragraphs of lorem ipsum, each of min..max
// words in sentences, as Jinja2's generate_lorem_ipsum, but the same text on every build: the
// words come from a fixed pseudo-random sequence instead of Python's random module.
bool lipsum(Renderer&, CallArgs& args, Value& result, std::string&) {
  static constexpr std::string_view kWords[] = {
      "lorem",   "ipsum",     "dolor",  "sit",     "amet",    "consectetur", "adipiscing",
      "elit",    "sed",       "do",     "eiusmod", "tempor",  "incididunt",  "ut",
      "labore",  "et",        "dolore", "magna",   "aliqua",  "enim",        "ad",
      "minim",   "veniam",    "quis",   "nostrud", "ullamco", "laboris",     "nisi",
      "aliquip", "ex",        "ea",     "commodo", "duis",    "aute",        "irure",
      "in",      "voluptate", "velit",  "esse",    "cillum",  "fugiat",      "nulla"};
  auto arg = [&args](size_t i, std::string_view name, int64_t def) {
    const Value* v = args.get(i, name);
    return v && v->is_number() ? v->as_int() : def;
  };
  int64_t n = std::clamp<int64_t>(arg(0, "n", 5), 0, 1000);
  const Value* html_arg = args.get(1, "html");
  bool html = html_arg ? html_arg->truthy() : true;
  int64_t min = std::clamp<int64_t>(arg(2, "min", 20), 1, 10000);
  int64_t max = std::clamp<int64_t>(arg(3, "max", 100), min, 10000);
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state](uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  std::string out;
  for (int64_t p = 0; p < n; ++p) {
    if (p > 0) out += html ? "\n" : "\n\n";
    std::string para;
    auto words = static_cast<int64_t>(min + static_cast<int64_t>(next(max - min + 1)));
    bool start = true;
    for (int64_t w = 0; w < words; ++w) {
      std::string word(kWords[next(std::size(kWords))]);
      if (start) word[0] = static_cast<char>(word[0] - 32);
      if (!para.empty()) para += ' ';
      para += word;
      start = w + 1 < words && next(10) == 0;  // a sentence ends now and then
      if (start) para += '.';
    }
    para += '.';
    out += html ? fmt::format("<p>{}</p>", para) : para;
  }
  result = Value::string(std::move(out), html);
  return true;
}

}  // namespace

Value Namespace::attr(std::string_view name) const {
  for (const auto& [k, v] : values_)
    if (k == name) return v;
  return {};
}

std::vector<std::string> Namespace::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values_) out.push_back(k);
  return out;
}

// As Jinja2's Namespace.__repr__: <Namespace {'key': value}>, {...} where it holds itself.
std::string Namespace::str() const {
  std::string out = "<Namespace ";
  append_dict_repr(out, values_, &values_);
  return out + ">";
}

void Namespace::clear() const {
  Dict values = std::move(values_);
  values_.clear();
  Value::release_nested(values);
}

void Namespace::set(std::string_view name, Value value) const {
  for (auto& [k, v] : values_) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  values_.emplace_back(std::string(name), std::move(value));
}

Vars builtin_globals() {
  Vars g;
  g.emplace_back("range", Value::function(range));
  g.emplace_back("dict",
                 Value::function([](Renderer&, CallArgs& args, Value& result, std::string&) {
                   result = Value::dict(keyword_dict(args));
                   return true;
                 }));
  g.emplace_back("namespace",
                 Value::function([](Renderer& r, CallArgs& args, Value& result, std::string&) {
                   // Not make_shared: the render keeps a weak reference until it ends, which
                   // then holds only the control block, not the namespace.
                   auto ns = std::shared_ptr<const Namespace>(new Namespace(keyword_dict(args)));
                   r.adopt(ns);
                   result = Value::object(std::move(ns));
                   return true;
                 }));
  g.emplace_back("lipsum", Value::function(lipsum));
  g.emplace_back("cycler",
                 Value::function([](Renderer&, CallArgs& args, Value& result, std::string&) {
                   result = Value::object(std::make_shared<Cycler>(args.positional));
                   return true;
                 }));
  g.emplace_back(
      "joiner", Value::function([](Renderer&, CallArgs& args, Value& result, std::string&) {
        std::string sep = args.positional.empty() ? ", " : args.positional[0].str();
        auto used = std::make_shared<bool>(false);
        result = Value::function([sep, used](Renderer&, CallArgs&, Value& out, std::string&) {
          out = Value::string(*used ? sep : "");
          *used = true;
          return true;
        });
        return true;
      }));
  return g;
}

}  // namespace bengal::templates
