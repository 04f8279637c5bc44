// A multilingual site's build (config/languages.hpp): one build per language, each the whole
// pipeline over that language's pages into its folder of the output, with its own incremental
// cache. Every language's index is made first, so that each page can name its translations (and
// their titles and addresses, in its digest); then each language is planned, rendered and
// finalized in turn, its memory given back before the next.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bengal/config/config.hpp"
#include "bengal/pipeline/build.hpp"

namespace bengal::pipeline {

class StagedBuild;

// The config of the site that `options` build, read quietly (the build reports its mistakes),
// as the default language's build reads it; none when it cannot be read.
std::optional<config::SiteConfig> site_config(const BuildOptions& options);

// The options of language `l`'s build: its code; its output folder, OUTPUT/<code> unless it is
// the default language at the root (which then leaves the others' folders to them); its own
// cache file.
BuildOptions language_options(const BuildOptions& options,
                              const std::vector<config::Language>& languages,
                              const config::Language& l);

// Gives each page of each loaded build its translations: the pages of the other builds with
// the same translation key (front matter translationKey or translation_key, else the source
// path without its language code and extension). `builds[i]` builds config.languages[i].
void link_translations(const std::vector<StagedBuild*>& builds);

// A language that is no more (dropped from [languages], or the whole site now in one language)
// leaves its folder of the output and its cache in SITE/.bengal/: the files its cache's
// manifest lists are removed, then the cache, so that the output equals a cold build's. The
// folders are those the last build of `root` made for its languages (a list it left in
// .bengal/, which this call replaces with `current`, the codes of this build's languages in
// folders of their own); their caches are known by the folder their lock file names. With
// `root_too` (every language now in a folder of its own) the cache of `root` itself goes too.
// Returns the files removed.
size_t retire_languages(const std::filesystem::path& site_dir, const std::filesystem::path& root,
                        const std::vector<std::string>& current, bool root_too);

// Builds every language of the site whose config is `config` (site_config), as build_site
// builds one; the report sums theirs.
report::BuildReport build_languages(const BuildOptions& options, const config::SiteConfig& config,
                                    Diagnostics& diagnostics);

}  // namespace bengal::pipeline
