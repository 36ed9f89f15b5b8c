"""Resolvers: from words in a sentence to normalised values — places, actors, dates, numbers.

Pure functions over text and versioned resources, loaded once per process.
"""
