"""One JSON for every surface: what the web's .json/.csv twins and the /api/v1 routes share.

- `schemas`: the marshmallow output shape of each entity and of a list page;
- `params`: the query parameters of every list (`_sort`, `_sort_desc`,
  `_size`, `_next`, `_facet` and each list's filters), validated the same way
  on every route;
- `pages`: one data dict per list page (items, total, sort, next/previous
  tokens and URLs, facets);
- `render`: one renderer per format (JSON, CSV, NDJSON) and the error envelope;
- `columns`: the CSV columns of each entity;
- `chains`: presentation helpers (a chain as text, a speaker's key);
- `operations`: the registry the OpenAPI document is generated from.
"""
