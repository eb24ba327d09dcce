"""orgkg.extractors: read files, split them into documents, extract entities and relations."""
