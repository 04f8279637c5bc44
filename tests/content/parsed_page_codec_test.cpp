#include "bengal/content/parsed_page_codec.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <xxhash.h>

namespace bengal::content {
namespace {

const RecordKey kKey{0x1234'5678'9abc'def0, "docs/intro.md", PageKind::kSection};

// `fields` (a record without its checksum) with the checksum the decoder expects.
std::string with_checksum(std::string fields) {
  uint64_t sum = XXH3_64bits(fields.data(), fields.size());
  for (int i = 0; i < 8; ++i) fields.push_back(static_cast<char>(sum >> (8 * i)));
  return fields;
}

Date date(int64_t epoch, int32_t offset, bool has_time) {
  return {epoch, offset, has_time};
}

Diagnostic diagnostic(Severity severity, uint32_t line, std::string message) {
  return {severity, "content/docs/intro.md", line, 7, std::move(message)};
}

// A page that sets every field to something other than its default.
ParsedPage every_field() {
  ParsedPage p;
  p.ok = true;
  FrontMatter& fm = p.fm;
  fm.title = "Intro \xC3\xA9";
  fm.has_title = true;
  fm.date = date(1'700'000'000, 120, true);
  fm.lastmod = date(-86'400, -330, false);
  fm.expirydate = date(4'102'444'800, 0, true);
  fm.publishdate = date(1'600'000'000, 60, true);
  fm.draft = true;
  fm.headless = true;
  fm.build = {RenderMode::kLink, ListMode::kLocal, ResourceMode::kKeep};
  fm.weight = -42;
  fm.slug = "intro";
  fm.url = "/docs/start/";
  fm.description = "About";
  fm.summary = "Sum";
  fm.type = "guide";
  fm.layout = "wide";
  fm.template_name = "doc.html";
  fm.permalink_pattern = "/:year/:title/";
  fm.aliases = {"/old/", "/older/"};
  fm.tags = {"go", "", "c++"};
  fm.categories = {"x"};
  fm.keywords = {"k1", "k2"};
  Value::Table inner{{"zeta", Value(int64_t{-1})}, {"alpha", Value(true)}};
  fm.params = Value(Value::Table{
      {"nothing", Value()},
      {"yes", Value(false)},
      {"big", Value(int64_t{INT64_MIN})},
      {"pi", Value(-3.25)},
      {"nul", Value(std::string("a\0b", 3))},
      {"list", Value(Value::Array{Value(1), Value("two"), Value(Value::Array{})})},
      {"inner", Value(inner)},
  });
  p.scan.links = {"other.md#top", "https://x.org/"};
  p.scan.link_lines = {3, 300'000};
  p.scan.wiki_links = {"wiki"};
  p.scan.wiki_link_lines = {4};
  p.scan.images = {"/img/a.png", "b.png"};
  p.scan.image_lines = {5, 6};
  p.scan.html_links = {"/raw/"};
  p.scan.html_link_lines = {7};
  p.scan.html_images = {"raw.png", "/raw.png"};
  p.scan.html_image_lines = {8, 9};
  p.scan.media = {"/media/a.mp4"};
  p.scan.media_lines = {10};
  p.scan.anchors = {"hello", "hello-1"};
  p.scan.targets = {"hello-1"};
  p.scan.word_count = 1234;
  p.scan.summary = "Hello world.";
  p.scan.has_more_marker = true;
  p.scan.content_hash = UINT64_MAX;
  p.body_offset = 99;
  p.source_hash = 0x8000'0000'0000'0001;
  p.body_line = 12;
  p.title_heading = {"Intro", 2, 3, true};
  p.url = "/docs/start/";
  p.diagnostics = {diagnostic(Severity::kWarning, 2, "w"), diagnostic(Severity::kError, 0, "e")};
  p.url_diagnostics = {diagnostic(Severity::kError, 5, "slug")};
  return p;
}

void expect_same(const Date& a, const Date& b) {
  EXPECT_EQ(a.epoch_seconds, b.epoch_seconds);
  EXPECT_EQ(a.offset_minutes, b.offset_minutes);
  EXPECT_EQ(a.has_time, b.has_time);
}

void expect_same(const std::optional<Date>& a, const std::optional<Date>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (a) expect_same(*a, *b);
}

void expect_same(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].severity, b[i].severity);
    EXPECT_EQ(a[i].file, b[i].file);
    EXPECT_EQ(a[i].line, b[i].line);
    EXPECT_EQ(a[i].column, b[i].column);
    EXPECT_EQ(a[i].message, b[i].message);
  }
}

// Value's == compares floats by value; this also tells the types and the key order.
void expect_same(const Value& a, const Value& b) {
  ASSERT_EQ(a.type(), b.type());
  switch (a.type()) {
    case Value::Type::kNull:
      break;
    case Value::Type::kBool:
      EXPECT_EQ(a.as_bool(), b.as_bool());
      break;
    case Value::Type::kInt:
      EXPECT_EQ(a.as_int(), b.as_int());
      break;
    case Value::Type::kFloat:
      EXPECT_EQ(std::bit_cast<uint64_t>(a.as_float()), std::bit_cast<uint64_t>(b.as_float()));
      break;
    case Value::Type::kString:
      EXPECT_EQ(a.as_string(), b.as_string());
      break;
    case Value::Type::kArray:
      ASSERT_EQ(a.as_array().size(), b.as_array().size());
      for (size_t i = 0; i < a.as_array().size(); ++i)
        expect_same(a.as_array()[i], b.as_array()[i]);
      break;
    case Value::Type::kTable:
      ASSERT_EQ(a.as_table().size(), b.as_table().size());
      for (size_t i = 0; i < a.as_table().size(); ++i) {
        EXPECT_EQ(a.as_table()[i].first, b.as_table()[i].first);
        expect_same(a.as_table()[i].second, b.as_table()[i].second);
      }
      break;
  }
}

void expect_same(const ParsedPage& a, const ParsedPage& b) {
  EXPECT_EQ(a.ok, b.ok);
  EXPECT_EQ(a.fm.title, b.fm.title);
  EXPECT_EQ(a.fm.has_title, b.fm.has_title);
  expect_same(a.fm.date, b.fm.date);
  expect_same(a.fm.lastmod, b.fm.lastmod);
  expect_same(a.fm.expirydate, b.fm.expirydate);
  expect_same(a.fm.publishdate, b.fm.publishdate);
  EXPECT_EQ(a.fm.draft, b.fm.draft);
  EXPECT_EQ(a.fm.headless, b.fm.headless);
  EXPECT_TRUE(a.fm.build == b.fm.build);
  EXPECT_EQ(a.fm.weight, b.fm.weight);
  EXPECT_EQ(a.fm.slug, b.fm.slug);
  EXPECT_EQ(a.fm.url, b.fm.url);
  EXPECT_EQ(a.fm.description, b.fm.description);
  EXPECT_EQ(a.fm.summary, b.fm.summary);
  EXPECT_EQ(a.fm.type, b.fm.type);
  EXPECT_EQ(a.fm.layout, b.fm.layout);
  EXPECT_EQ(a.fm.template_name, b.fm.template_name);
  EXPECT_EQ(a.fm.permalink_pattern, b.fm.permalink_pattern);
  EXPECT_EQ(a.fm.aliases, b.fm.aliases);
  EXPECT_EQ(a.fm.tags, b.fm.tags);
  EXPECT_EQ(a.fm.categories, b.fm.categories);
  EXPECT_EQ(a.fm.keywords, b.fm.keywords);
  expect_same(a.fm.params, b.fm.params);
  EXPECT_EQ(a.scan.links, b.scan.links);
  EXPECT_EQ(a.scan.link_lines, b.scan.link_lines);
  EXPECT_EQ(a.scan.wiki_links, b.scan.wiki_links);
  EXPECT_EQ(a.scan.wiki_link_lines, b.scan.wiki_link_lines);
  EXPECT_EQ(a.scan.images, b.scan.images);
  EXPECT_EQ(a.scan.image_lines, b.scan.image_lines);
  EXPECT_EQ(a.scan.html_links, b.scan.html_links);
  EXPECT_EQ(a.scan.html_link_lines, b.scan.html_link_lines);
  EXPECT_EQ(a.scan.html_images, b.scan.html_images);
  EXPECT_EQ(a.scan.html_image_lines, b.scan.html_image_lines);
  EXPECT_EQ(a.scan.media, b.scan.media);
  EXPECT_EQ(a.scan.media_lines, b.scan.media_lines);
  EXPECT_EQ(a.scan.anchors, b.scan.anchors);
  EXPECT_EQ(a.scan.targets, b.scan.targets);
  EXPECT_EQ(a.scan.word_count, b.scan.word_count);
  EXPECT_EQ(a.scan.summary, b.scan.summary);
  EXPECT_EQ(a.scan.has_more_marker, b.scan.has_more_marker);
  EXPECT_EQ(a.scan.content_hash, b.scan.content_hash);
  EXPECT_EQ(a.body_offset, b.body_offset);
  EXPECT_EQ(a.source_hash, b.source_hash);
  EXPECT_EQ(a.body_line, b.body_line);
  EXPECT_EQ(a.title_heading.text, b.title_heading.text);
  EXPECT_EQ(a.title_heading.first_line, b.title_heading.first_line);
  EXPECT_EQ(a.title_heading.last_line, b.title_heading.last_line);
  EXPECT_EQ(a.title_heading.first_block, b.title_heading.first_block);
  EXPECT_EQ(a.url, b.url);
  expect_same(a.diagnostics, b.diagnostics);
  expect_same(a.url_diagnostics, b.url_diagnostics);
}

TEST(ParsedPageCodec, ARoundTripKeepsEveryField) {
  ParsedPage page = every_field();
  auto back = decode_parsed_page(encode_parsed_page(page, kKey), kKey);
  ASSERT_TRUE(back.has_value());
  expect_same(*back, page);
}

TEST(ParsedPageCodec, ARoundTripKeepsAParsedPageAndADefaultOne) {
  std::string text =
      "---\ntitle: T\ntags: [a]\nextra: {b: [1, 2.5]}\nslug: a/b\n---\n# T\n\nSee [x](y.md).\n";
  ParsedPage parsed = parse_page({"a.md", PageKind::kPage, "content/a.md"}, text);
  ASSERT_EQ(parsed.url_diagnostics.size(), 1u);  // the slug
  RecordKey key{7, "a.md", PageKind::kPage};
  auto back = decode_parsed_page(encode_parsed_page(parsed, key), key);
  ASSERT_TRUE(back.has_value());
  expect_same(*back, parsed);

  auto empty = decode_parsed_page(encode_parsed_page(ParsedPage{}, key), key);
  ASSERT_TRUE(empty.has_value());
  expect_same(*empty, ParsedPage{});
}

TEST(ParsedPageCodec, ARecordOfAnotherKeyOrLayoutIsAMiss) {
  std::string record = encode_parsed_page(every_field(), kKey);
  EXPECT_FALSE(decode_parsed_page(record, {kKey.fingerprint + 1, kKey.rel, kKey.kind}));
  EXPECT_FALSE(decode_parsed_page(record, {kKey.fingerprint, "docs/other.md", kKey.kind}));
  EXPECT_FALSE(decode_parsed_page(record, {kKey.fingerprint, kKey.rel, PageKind::kPage}));
  // The layout is the first four bytes; the checksum at the end is made to match again.
  std::string body = record.substr(0, record.size() - 8);
  body[0] = static_cast<char>(body[0] + 1);
  EXPECT_FALSE(decode_parsed_page(with_checksum(body), kKey));
}

TEST(ParsedPageCodec, EveryTruncationAndEveryFlippedBitIsAMiss) {
  std::string record = encode_parsed_page(every_field(), kKey);
  for (size_t n = 0; n < record.size(); ++n)
    EXPECT_FALSE(decode_parsed_page(record.substr(0, n), kKey)) << "first " << n << " bytes";
  EXPECT_FALSE(decode_parsed_page(record + "x", kKey));
  for (size_t i = 0; i < record.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = record;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      EXPECT_FALSE(decode_parsed_page(flipped, kKey)) << "byte " << i << " bit " << bit;
    }
  }
}

// Random bytes behind a valid header and checksum reach the field decoder: it must never
// crash or allocate beyond its input, and whatever it accepts must be exactly what encoding
// the result gives back.
TEST(ParsedPageCodec, RandomBytesNeverCrashTheDecoder) {
  std::mt19937_64 random(17);
  std::string header = encode_parsed_page(ParsedPage{}, kKey);
  header.resize(4 + 8 + 1 + kKey.rel.size() + 1);
  for (int round = 0; round < 20'000; ++round) {
    std::string bytes(random() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(random() % 4 == 0 ? random() : random() % 3);
    EXPECT_FALSE(decode_parsed_page(bytes, kKey));
    std::string record = with_checksum(header + bytes);
    if (auto page = decode_parsed_page(record, kKey)) {
      EXPECT_EQ(encode_parsed_page(*page, kKey), record);
    }
  }
}

// Each byte of the fields below 0x80 spelled in two (its 7 bits with the continuation bit,
// then a zero byte), the checksum made to match: where that byte was a number, the record is
// a longer spelling of the same record, and accepted it would encode back to other bytes.
// (fuzz/page_record_fuzzer.cpp found one.) Whatever is accepted encodes back exactly.
TEST(ParsedPageCodec, ALongerSpellingOfANumberIsAMiss) {
  std::string record = encode_parsed_page(every_field(), kKey);
  const size_t header = 4 + 8 + 1 + kKey.rel.size() + 1;
  const size_t fields_end = record.size() - 8;
  size_t misses = 0;
  for (size_t p = header; p < fields_end; ++p) {
    auto b = static_cast<uint8_t>(record[p]);
    if (b >= 0x80) continue;
    std::string fields = record.substr(0, fields_end);
    fields[p] = static_cast<char>(b | 0x80);
    fields.insert(p + 1, 1, '\0');
    std::string forged = with_checksum(fields);
    auto page = decode_parsed_page(forged, kKey);
    if (!page) {
      ++misses;
      continue;
    }
    EXPECT_EQ(encode_parsed_page(*page, kKey), forged) << "byte " << p;
  }
  EXPECT_GT(misses, 0u);
}

TEST(ParsedPageCodec, AValueNestedBeyondAnyParserIsAMissNotAStackOverflow) {
  ParsedPage page;
  Value v = Value("leaf");
  for (int i = 0; i < 600; ++i) v = Value(Value::Array{std::move(v)});
  page.fm.params = Value(Value::Table{{"deep", std::move(v)}});
  EXPECT_FALSE(decode_parsed_page(encode_parsed_page(page, kKey), kKey));

  ParsedPage shallow;
  Value w = Value("leaf");
  for (int i = 0; i < 300; ++i) w = Value(Value::Array{std::move(w)});
  shallow.fm.params = Value(Value::Table{{"deep", std::move(w)}});
  auto back = decode_parsed_page(encode_parsed_page(shallow, kKey), kKey);
  ASSERT_TRUE(back.has_value());
  expect_same(back->fm.params, shallow.fm.params);
}

}  // namespace
}  // namespace bengal::content
