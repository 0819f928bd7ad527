"""Language without places: tokens and sentences, name folding, dates, quantities, and the lexicon of word lists."""
