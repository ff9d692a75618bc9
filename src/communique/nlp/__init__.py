"""NLP: spaCy components, one module per sub-task; spaCy objects never leave this package."""
