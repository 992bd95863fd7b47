"""The one read model of the store: per entity one module of reads with one row shape.

- `articles`: article rows (and the article with its statements);
- `statements`: statement rows, each with its article and its attributions;
- `sources`: source rows with their names and claim counts;
- `events`: event rows with participants and counts;
- `search`: the full-text search over statements (statement rows with a snippet);
- `attributions`: the nested attribution shape every statement row carries
  (speaker, cue, content, via and the provenance chain, built once);
- `listing`: what every list shares: sorts, page size, keyset tokens that page
  both ways, totals.

The web pages, their .json/.csv twins, the JSON API and the CLI all read
through these modules; writes stay in the store's other modules.
"""
