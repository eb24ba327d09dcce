"""Stage 1, read: files in, Documents out (formats, encodings, normalised text with
offsets into the file, documents split out of a file, their 公文要素)."""
