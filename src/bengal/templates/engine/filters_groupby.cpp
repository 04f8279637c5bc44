// The groupby filter: items sorted by an attribute and grouped by its value, as Jinja2's
// do_groupby, for "posts by year" lists. A group is a (grouper, list) tuple that templates
// read as `g.grouper`/`g.list`, `g[0]`/`g[1]`, or unpack: `{% for year, posts in ... %}`.
#include <algorithm>

#include <fmt/format.h>

#include "bengal/templates/engine/filter_args.hpp"

namespace bengal::templates::filter {
namespace {

// Jinja2's _GroupTuple: a namedtuple that prints as a plain tuple.
class Group : public Object {
 public:
  Group(Value grouper, List items)
      : grouper_(std::move(grouper)), list_(Value::list(std::move(items))) {}
  Value attr(std::string_view name) const override {
    if (name == "grouper") return grouper_;
    if (name == "list") return list_;
    return {};
  }
  bool is_sequence() const override { return true; }
  size_t length() const override { return 2; }
  Value at(size_t index) const override { return index == 0 ? grouper_ : list_; }
  std::string str() const override { return Value::tuple(List{grouper_, list_}).str(); }

 private:
  Value grouper_, list_;
};

Value lowered(const Value& v) {
  if (!v.is_string()) return v;
  std::string out;
  for (char c : v.as_view()) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return Value::string(std::move(out));
}

}  // namespace

bool groupby(Renderer&, Value& v, Args& a, std::string& error) {
  const Value* attribute = a.get(0, "attribute");
  if (attribute == nullptr) {
    error = "needs the attribute to group by";
    return false;
  }
  const Value* def = a.get(1, "default");
  bool case_sensitive = arg_bool(a, 2, "case_sensitive", false);
  std::string path = attribute->str();
  // (sort key, value shown as the grouper, item)
  struct Keyed {
    Value key, shown, item;
  };
  std::vector<Keyed> keyed;
  for (const Value& item : v.to_list()) {
    Value shown = get_path(item, path);
    if (shown.is_undefined()) {
      if (def == nullptr) {
        error = fmt::format("an item has no '{}': give default= for such items", path);
        return false;
      }
      shown = *def;
    }
    Value key = case_sensitive ? shown : lowered(shown);
    keyed.push_back({std::move(key), std::move(shown), item});
  }
  bool strings = false, others = false;
  for (const Keyed& k : keyed) (k.key.is_string() ? strings : others) = true;
  if (strings && others) {
    error = fmt::format("cannot sort text and other values together by '{}'", path);
    return false;
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const Keyed& x, const Keyed& y) { return compare(x.key, y.key) < 0; });
  List groups;
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i;
    List members;
    while (j < keyed.size() && keyed[j].key == keyed[i].key) members.push_back(keyed[j++].item);
    // The grouper is the first item's own value: "A" for a case-insensitive group of A and a.
    groups.push_back(Value::object(std::make_shared<Group>(keyed[i].shown, std::move(members))));
    i = j;
  }
  v = Value::list(std::move(groups));
  return true;
}

}  // namespace bengal::templates::filter
