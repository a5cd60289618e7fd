"""Languages: each language's vocabulary and grammar."""
