// cpp-httplib is a heavy header: it is included here only.
#include "bengal/serve/http_server.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>

#include "bengal/serve/lazy_site.hpp"
#include "bengal/serve/live_reload.hpp"
#include "bengal/serve/mime_type.hpp"
#include "bengal/serve/request_path.hpp"

namespace fs = std::filesystem;

namespace bengal::serve {
namespace {

// Every open tab holds one thread on its event stream, and browsers open several connections
// per page: more threads than cores, since they mostly wait.
constexpr size_t kThreads = 32;
// An idle event stream sends a comment this often, so a closed tab frees its thread.
constexpr std::chrono::milliseconds kKeepAlive{10000};

bool read_whole(const fs::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool is_html(std::string_view type) {
  return type.starts_with("text/html");
}

void send_file(const fs::path& file, const ServedSnapshot& now, int status,
               httplib::Response& res) {
  std::string body;
  if (!read_whole(file, body)) {
    res.status = 404;
    res.set_content("404 page not found\n", "text/plain; charset=utf-8");
    return;
  }
  std::string type(mime_type(file.native()));
  if (is_html(type)) body = inject_live_reload(body, now.build_errors);
  res.status = status;
  res.body = std::move(body);  // set_content would copy it
  res.set_header("Content-Type", type);
}

void not_found(const ServedSnapshot& now, httplib::Response& res) {
  fs::path page = now.site->root / "404.html";
  std::error_code ec;
  if (fs::is_regular_file(page, ec)) return send_file(page, now, 404, res);
  res.status = 404;
  res.set_content("404 page not found\n", "text/plain; charset=utf-8");
}

void serve_site_file(const ServedSite& site, const httplib::Request& req, httplib::Response& res) {
  ServedSnapshot now = site.current();
  if (!now.site) {
    res.status = 503;
    res.set_content("the site is being built; reload in a moment\n", "text/plain; charset=utf-8");
    return;
  }
  const std::string& base_path = now.site->base_path;
  std::optional<BelowBasePath> below = below_base_path(req.target, req.path, base_path);
  if (!below) {
    // The root of a site served below "/docs/" sends the browser there.
    if (req.path == "/") return res.set_redirect(base_path + "/", 302);
    return not_found(now, res);
  }
  if (below->path.empty()) return res.set_redirect(below->prefix + "/" + below->target, 301);
  bool unclaimed = now.site->lazy && now.site->lazy->prepare_request(below->path);
  ResolvedPath resolved = resolve_request_path(now.site->root, below->target, below->path);
  // A file no render of this version writes is an earlier version's (the fill's end removes
  // it) or an alias (written last): answered once the fill is over, never stale.
  if (unclaimed && resolved.kind == ResolvedPath::Kind::kFile) {
    now.site->lazy->wait_for_fill();
    resolved = resolve_request_path(now.site->root, below->target, below->path);
  }
  switch (resolved.kind) {
    case ResolvedPath::Kind::kFile:
      return send_file(resolved.file, now, 200, res);
    case ResolvedPath::Kind::kRedirect:
      return res.set_redirect(below->prefix + resolved.location, 301);
    case ResolvedPath::Kind::kBadRequest:
      res.status = 400;
      return res.set_content("400 bad request: the path leaves the site\n",
                             "text/plain; charset=utf-8");
    case ResolvedPath::Kind::kNotFound:
      return not_found(now, res);
  }
}

// One Server-Sent Events stream: the events published after it opened.
void stream_events(ReloadChannel& channel, httplib::Response& res) {
  uint64_t seen = channel.last_id();
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [&channel, seen, started = false](size_t, httplib::DataSink& sink) mutable {
        if (!started) {
          started = true;
          // retry: how soon the browser reconnects once the server is back.
          std::string hello = "retry: 1000\n: connected\n\n";
          return sink.write(hello.data(), hello.size());
        }
        std::optional<ReloadEvent> event = channel.wait_after(seen, kKeepAlive);
        if (channel.closed()) return false;
        std::string text = event ? format_sse(*event) : std::string(": keep-alive\n\n");
        if (event) seen = event->id;
        return sink.write(text.data(), text.size());
      });
}

}  // namespace

struct HttpServer::Impl {
  httplib::Server server;
  ReloadChannel& channel;
  std::atomic<bool> listening_ended{false};
};

HttpServer::HttpServer(const ServedSite& site, ReloadChannel& channel)
    : impl_(new Impl{{}, channel}) {
  httplib::Server& server = impl_->server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // httplib's default also sets SO_REUSEPORT, with which a second server on the same port
  // binds too and the two share the requests: a busy port must be an error.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_keep_alive_timeout(2);
  server.set_payload_max_length(size_t{64} * 1024);  // a static site takes no uploads
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
  });
  server.Get(std::string(kEventsPath), [&channel](const httplib::Request&, httplib::Response& res) {
    stream_events(channel, res);
  });
  server.Get(".*", [&site](const httplib::Request& req, httplib::Response& res) {
    serve_site_file(site, req, res);
  });
}

HttpServer::~HttpServer() {
  stop();
}

int HttpServer::bind(const std::string& host, int port, std::string& error) {
  httplib::Server& server = impl_->server;
  if (port == 0) {
    int bound = server.bind_to_any_port(host);
    if (bound <= 0) error = "no free port";
    return bound > 0 ? bound : -1;
  }
  if (!server.bind_to_port(host, port)) {
    error = "the port is in use or the address is not this machine's";
    return -1;
  }
  return port;
}

void HttpServer::start() {
  listener_ = std::thread([this] {
    impl_->server.listen_after_bind();
    impl_->listening_ended = true;
  });
  // httplib's stop() does nothing until the server runs: wait for it, so stop() always ends it.
  while (!impl_->server.is_running() && !impl_->listening_ended) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void HttpServer::stop() {
  impl_->channel.close();
  impl_->server.stop();
  if (listener_.joinable()) listener_.join();
}

}  // namespace bengal::serve
