"""Stage 2, recognise: the spaCy pipeline that writes typed spans (organisations,
people, events, initiatives, document titles) to ``doc.spans``."""
