// RSS 2.0 and Atom 1.0 feeds for the site, its sections and its terms. Built from PageMeta
// (titles, dates, summaries); with [feeds] full_content also from each item's rendered body,
// which the build reads through the content store. Dates come from the pages, never from the
// clock, so feeds are reproducible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bengal/core/date.hpp"

namespace bengal::output {

struct FeedInfo {
  std::string title;
  std::string link;  // absolute URL of the page the feed belongs to
  std::string self;  // absolute URL of the feed itself
  std::string description;
  std::string language;
  std::string author;  // Atom requires one; the site title when nothing better is known
};

struct FeedItem {
  std::string title;
  std::string link;     // absolute URL
  std::string summary;  // plain text
  std::string content;  // the body as HTML; empty when the feed carries summaries only
  Date date;            // published
  Date updated;         // lastmod, or the date
};

// Items must already be chosen and ordered (newest first).
std::string build_rss(const FeedInfo& info, const std::vector<FeedItem>& items);
std::string build_atom(const FeedInfo& info, const std::vector<FeedItem>& items);

// "Wed, 31 Jan 2024 10:00:00 +0000": the RFC 822 date RSS requires, in the written offset.
std::string rfc822(const Date& date);

}  // namespace bengal::output
