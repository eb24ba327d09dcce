"""Stage 4, resolve: spans become graph nodes (canonical names, jurisdiction,
aliases, collective flag). The only code that creates nodes."""
