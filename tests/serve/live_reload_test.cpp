// What `bengal serve` injects into HTML pages, and the reload channel's messages.
#include "bengal/serve/live_reload.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "bengal/serve/file_watcher.hpp"
#include "bengal/serve/reload_channel.hpp"

namespace bengal::serve {
namespace {

std::string script() {
  return inject_live_reload("", "");
}

TEST(LiveReloadTest, InsertsTheScriptBeforeTheLastBodyEnd) {
  std::string s = script();
  ASSERT_TRUE(s.starts_with("<script data-bengal-live-reload>"));
  EXPECT_NE(s.find("new EventSource(\"/__bengal/events\")"), std::string::npos);
  EXPECT_EQ(inject_live_reload("<p>&lt;/body&gt;</p></BODY></html>", ""),
            "<p>&lt;/body&gt;</p>" + s + "</BODY></html>");
  EXPECT_EQ(inject_live_reload("<p>x</body>y</body>", ""), "<p>x</body>y" + s + "</body>");
  EXPECT_EQ(inject_live_reload("no body", ""), "no body" + s);
}

TEST(LiveReloadTest, TheOverlayHoldsTheErrorsEscaped) {
  std::string html = inject_live_reload("<body></body>", "a.html:1:2: error: <b>&\"x'\n");
  std::string overlay_start = "<pre id=\"bengal-error-overlay\"";
  ASSERT_TRUE(html.starts_with("<body>" + overlay_start));
  EXPECT_NE(html.find("shown.\n\na.html:1:2: error: &lt;b&gt;&amp;&quot;x'\n</pre>\n"
                      "<script data-bengal-live-reload>"),
            std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
}

TEST(ReloadChannelTest, FormatsEventsOnOneDataLine) {
  EXPECT_EQ(format_sse({3, "build-error", "a:1:1: error: x\n  y\\z\r\n"}),
            "id: 3\nevent: build-error\ndata: a:1:1: error: x\\n  y\\\\z\\n\n\n");
}

TEST(ReloadChannelTest, WaitersSeeTheNewestEventAfterTheirOwn) {
  ReloadChannel channel;
  EXPECT_EQ(channel.last_id(), 0u);
  EXPECT_EQ(channel.wait_after(0, std::chrono::milliseconds(1)), std::nullopt);
  channel.publish("reload", "a.md");
  channel.publish("css", "b.css");
  std::optional<ReloadEvent> e = channel.wait_after(0, std::chrono::milliseconds(1));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->id, 2u);
  EXPECT_EQ(e->name, "css");
  std::thread publisher([&] { channel.publish("reload", "c.md"); });
  e = channel.wait_after(2, std::chrono::seconds(10));
  publisher.join();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->id, 3u);
  channel.close();
  EXPECT_EQ(channel.wait_after(3, std::chrono::seconds(10)), std::nullopt);
}

TEST(ChangeBatchTest, OnlyStylesheetsWhenEveryPathIsCss) {
  EXPECT_FALSE(ChangeBatch{}.only_stylesheets());
  EXPECT_TRUE((ChangeBatch{{"static/a.css", "b/c.css"}}.only_stylesheets()));
  EXPECT_FALSE((ChangeBatch{{"static/a.css", "content/a.md"}}.only_stylesheets()));
}

}  // namespace
}  // namespace bengal::serve
