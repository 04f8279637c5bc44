#!/usr/bin/env bash
# The workloads of bench/seed_techniques.py that read other pages' HTML through the content
# store (the default theme never does): from a generated corpus (bench/corpus/generate.py),
#   DEST-fc  full-content feeds ([feeds] full_content = true): the site and term feeds read
#            the HTML of their 20 newest pages in finalize;
#   DEST-fl  full posts on list pages (templates/partials/page_list.html shows p.content):
#            section and term pages read the HTML of every page they list.
# Both are hard-linked copies of CORPUS (nothing in it is changed), with one file replaced or
# added.   Usage: bench/seed_variants.sh CORPUS DEST
set -euo pipefail
corpus=${1:?usage: seed_variants.sh CORPUS DEST}
dest=${2:?usage: seed_variants.sh CORPUS DEST}
config=config/_default/site.toml

rm -rf "$dest-fc" "$dest-fl"
cp -al "$corpus" "$dest-fc"
rm "$dest-fc/$config"  # a new file, not a write through the link into CORPUS
{ cat "$corpus/$config"; printf '\n[feeds]\nfull_content = true\n'; } >"$dest-fc/$config"

cp -al "$corpus" "$dest-fl"
mkdir -p "$dest-fl/templates/partials"
cat >"$dest-fl/templates/partials/page_list.html" <<'TEMPLATE'
{#- Full posts on list pages: every listed page's body HTML, read through the content store. -#}
{%- if paginator and paginator.pages %}
<div class="page-list">
{%- for p in paginator.pages %}
<article><h2><a href="{{ p.url }}">{{ p.title }}</a></h2>
{{ p.content }}</article>
{%- endfor %}
</div>
{%- endif %}
TEMPLATE
echo "made $dest-fc and $dest-fl"
