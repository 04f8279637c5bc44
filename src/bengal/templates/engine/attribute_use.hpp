// Which values a set of templates may read an attribute of, found in their compiled trees before
// anything renders. The build asks it of `content`: a theme that never reads the HTML of a page
// other than the one it renders needs no cache of rendered pages.
//
// The answer errs on the side of "may read". `page.content` is the page being rendered, unless
// some template binds `page` to another value (a loop, a set, a macro parameter: an included
// template sees the binding of its includer, so one rebinding anywhere counts for every
// template). Any other `x.content`, and the string "content" anywhere (`p["content"]`,
// `map(attribute="content")`, a key held in a variable), counts as a read of another page. Only
// a key computed from other text escapes it, and that costs speed, never output: a page not
// cached is rendered again.
#pragma once

#include <string_view>

#include "bengal/templates/engine/ast.hpp"

namespace bengal::templates {

class AttributeUse {
 public:
  // `attr` is the attribute, `self` the variable naming the value being rendered.
  AttributeUse(std::string_view attr, std::string_view self) : attr_(attr), self_(self) {}

  void scan(const Template& tpl);
  // True when some scanned template may read `attr` of a value other than `self`.
  bool of_others() const { return on_others_ || (on_self_ && self_bound_); }

 private:
  void scan(const Body& body);
  void scan(const Node& node);
  void scan(const Expr* expr);
  void bind(std::string_view name) { self_bound_ = self_bound_ || name == self_; }

  std::string_view attr_, self_;
  bool on_self_ = false;     // self.attr
  bool on_others_ = false;   // other.attr, or the attribute's name as a string
  bool self_bound_ = false;  // self assigned by some template
};

}  // namespace bengal::templates
