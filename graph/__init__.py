"""orgkg.graph: the model, the graph in the middle, stores and writers around it."""
