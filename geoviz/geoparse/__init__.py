"""Finding places in text: :mod:`recognise` proposes mentions, :mod:`resolve` chooses each one's place."""
