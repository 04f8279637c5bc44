// The HTTP side of `bengal serve` (cpp-httplib, whose header is included by http_server.cpp
// only): serves the current ServedSite with pretty URLs, the site's 404.html, MIME types and
// `Cache-Control: no-cache`, injects the live-reload script into HTML, and streams the
// ReloadChannel at /__bengal/events. Requests run on a pool of threads.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "bengal/serve/reload_channel.hpp"
#include "bengal/serve/served_site.hpp"

namespace bengal::serve {

class HttpServer {
 public:
  // Both must outlive the server.
  HttpServer(const ServedSite& site, ReloadChannel& channel);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds `host`:`port` (0: any free port). Returns the bound port, or -1 with `error` set.
  // Connections made after this wait in the backlog until `start`.
  int bind(const std::string& host, int port, std::string& error);
  // Accepts connections on a thread of its own.
  void start();
  // Closes the event streams, stops accepting and waits for requests in flight.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::thread listener_;
};

}  // namespace bengal::serve
